"""Paragraph roles in a student's work: one tagging annotation `role:<name>` per paragraph.

The roles themselves (names, descriptions, the teacher's own list) are in `kit.reading.roles`;
this module reads the saved roles back from a work file's annotations and saves a new choice in
a Workspace, so that the reading layer never needs the work file's annotation type.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from kit.articles.article import Article
from kit.articles.segment import Paragraph
from kit.errors import KitError
from kit.reading.roles import KIND, body_paragraphs
from kit.work.annotations import Annotation, make_annotation


def _on(annotation: Annotation, paragraph: Paragraph) -> bool:
    return (annotation.start, annotation.end) == (paragraph.start, paragraph.end)


def saved_roles(annotations: tuple[Annotation, ...], article: Article) -> dict[int, str]:
    """Paragraph index (as in `article.paragraphs`) -> the role saved on it."""
    out: dict[int, str] = {}
    for p in body_paragraphs(article):
        for a in annotations:
            role = a.tag(KIND)
            if role is not None and _on(a, p):
                out[p.index] = role
    return out


def set_role(workspace: Any, paragraph: Paragraph, role: str | None) -> Annotation | None:
    """Save `role` on a paragraph in a Workspace (None clears it); returns the annotation.

    The paragraph's role is read and changed as saved now (under the Workspace's lock), so two
    tabs never leave two roles on one paragraph."""
    article = workspace.article
    if article is None:
        raise KitError("tagging paragraphs needs the article itself, not only its id")
    tag = f"{KIND}:{role}"

    def change(draft: Any) -> Annotation | None:
        existing = [a for a in draft.annotations if a.tag(KIND) is not None and _on(a, paragraph)]
        if role is None:
            for a in existing:
                draft.remove(a.id)
            return None
        if existing:
            first, *extra = existing
            for a in extra:
                draft.remove(a.id)
            others = tuple(t for t in first.tags if not t.startswith(f"{KIND}:"))
            return draft.put(first.with_tags((tag, *others)))
        ann = make_annotation(
            article.text, paragraph.start, paragraph.end, (tag,), motivation="tagging"
        )
        return draft.put(replace(ann, creator=workspace.student))

    return workspace.edit(change)
