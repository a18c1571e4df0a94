"""The Highlighter: a student marks spans of an article with labels, by mouse or keyboard.

The front end (`js/highlighter.js`, bundled into `static/`) draws the article and reports edits as
small command messages; this class checks each one, applies it to the Workspace (saved at once),
and pushes the saved state back. Use it from Python too (quizzes do):

    h = Highlighter(article, labels=["answer"], single=True, on_change=print)
    h.add(10, 24)          # code-point offsets into article.text
    h.annotations          # what the student marked
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import traitlets as t

from kit.articles.article import Article
from kit.articles.selection import check_span
from kit.errors import KitError
from kit.reading.labels import Label, LabelSet, LabelSpec, load_labels
from kit.widgets._base import STATIC, CommandWidget, OnChange, label_dicts, quote
from kit.work.annotations import Annotation, make_annotation
from kit.work.keys import Key, KeyItem
from kit.work.store import MemoryWorkspace, Workspace

Suggestion = Annotation | KeyItem
#: The label value of "Not sure" in the kit's label sets: never accepted in bulk.
UNSURE = "unknown"


def paragraph_dicts(article: Article) -> list[dict[str, Any]]:
    """Paragraphs with their role and the number students see (body paragraphs count 1, 2 ...)."""
    out, body = [], 0
    for p in article.paragraphs:
        body += p.role == "body"
        number = body if p.role == "body" else 0
        out.append({"start": p.start, "end": p.end, "role": p.role, "number": number})
    return out


class Highlighter(CommandWidget):
    """Highlight spans of an article with labels; every edit is saved to the workspace at once.

    `labels`: a label set name ('sources'), a YAML file or a list of labels. `workspace`: where
    work is saved (None: kept in memory only). `on_change(widget)` runs after every edit.
    `suggestions`: annotations or key items the student may accept or reject. `single`: at
    most one highlight (a new one replaces it), as in a find-the-words question. `plain`: a
    plain selector for that question: no label list or label keys, no edit box, "Selected" instead
    of "Saved" (the quiz saves the answer).
    """

    _esm = STATIC / "highlighter.js"
    _css = STATIC / "highlighter.css"

    text = t.Unicode("").tag(sync=True)
    paragraphs = t.List(t.Dict()).tag(sync=True)
    sentences = t.List(t.List(t.Int())).tag(sync=True)
    labels = t.List(t.Dict()).tag(sync=True)
    label = t.Unicode("").tag(sync=True)
    spans = t.List(t.Dict()).tag(sync=True)
    suggestions = t.List(t.Dict()).tag(sync=True)
    single = t.Bool(False).tag(sync=True)
    plain = t.Bool(False).tag(sync=True)
    heading = t.Unicode("").tag(sync=True)
    instructions = t.Unicode("").tag(sync=True)

    def __init__(
        self,
        article: Article,
        labels: LabelSpec = "sources",
        workspace: Workspace | None = None,
        on_change: OnChange | None = None,
        suggestions: Iterable[Suggestion] | Key | None = None,
        single: bool = False,
        heading: str = "",
        plain: bool = False,
        instructions: str = "",
    ) -> None:
        if not isinstance(article, Article):
            raise KitError("the highlighter needs an article", fix="load one with kit.load_article")
        self.article = article
        self.label_set = load_labels(labels)
        ws = workspace if workspace is not None else MemoryWorkspace(article)
        self._suggested = _suggestion_list(article, suggestions, self.label_set)
        super().__init__(
            ws,
            on_change,
            text=article.text,
            paragraphs=paragraph_dicts(article),
            sentences=[[s.start, s.end] for s in article.sentences],
            labels=label_dicts(self.label_set),
            label=self.label_set.labels[0].tag,
            single=single,
            plain=plain,
            heading=heading or self.label_set.title,
            instructions=instructions,
        )
        self._sync()

    @t.validate("label")
    def _valid_label(self, proposal: dict) -> str:
        """The current label must be one of this set (a front end may send anything)."""
        value = proposal["value"]
        found = self.label_set.get(value) if hasattr(self, "label_set") else None
        return found.tag if found else self.label_set.labels[0].tag

    def __repr__(self) -> str:
        return (
            f"Highlighter(article={self.article.id!r}, labels={self.label_set.name!r}, "
            f"highlights={len(self.annotations)})"
        )

    # ------------------------------------------------------------------ reading

    @property
    def annotations(self) -> tuple[Annotation, ...]:
        """The student's highlights in this exercise (those with a label of this label set)."""
        return tuple(
            a
            for a in self.workspace.annotations
            if any(self.label_set.covers(tag) for tag in a.tags)
        )

    @property
    def rejected(self) -> frozenset[str]:
        """Ids of the suggestions the student rejected."""
        return _ids(self.workspace.response(self._rejected_key, "[]"))

    @property
    def pending_suggestions(self) -> tuple[Annotation, ...]:
        """Suggestions the student has neither accepted nor rejected yet."""
        taken = {(a.start, a.end) for a in self.annotations}
        rejected = self.rejected
        return tuple(
            s for s in self._suggested if s.id not in rejected and (s.start, s.end) not in taken
        )

    @property
    def _rejected_key(self) -> str:
        return f"highlighter.{self.label_set.name}.rejected"

    # ------------------------------------------------------------------ editing (Python API)

    def _label(self, label: str | None) -> Label:
        found = self.label_set.get(label or self.label)
        if found is None:
            names = ", ".join(lab.value for lab in self.label_set)
            raise KitError(f"there is no label '{label}' here", fix=f"use one of: {names}")
        return found

    def add(self, start: int, end: int, label: str | None = None, comment: str = "") -> Annotation:
        """Highlight text[start:end] (snapped to whole words) with `label` (default: current)."""
        ann = self._add(start, end, label, comment)
        self._sync()
        self._changed()
        return ann

    def _add(self, start: Any, end: Any, label: str | None, comment: str = "") -> Annotation:
        start, end = check_span(self.article.text, start, end)
        lab = self._label(label)
        same = [a for a in self.annotations if (a.start, a.end) == (start, end)]
        if same:  # the same words again: relabel instead of stacking a duplicate
            return self._relabel(same[0].id, lab.tag)
        if self.single:
            for old in self.annotations:
                self.workspace.remove(old.id)
        ann = make_annotation(self.article.text, start, end, [lab.tag], comment=comment)
        return self.workspace.add(ann)

    def _find(self, annotation_id: Any) -> Annotation:
        found = next((a for a in self.annotations if a.id == annotation_id), None)
        if found is None:
            raise KitError(
                "that highlight is not there any more (it may have been deleted in another tab)"
            )
        return found

    def _relabel(self, annotation_id: Any, label: str | None) -> Annotation:
        ann = self._find(annotation_id)
        lab = self._label(label)
        # only this label set's tag changes: another tab's comment or other tags stay
        return self.workspace.retag(ann.id, [lab.tag], drop=self.label_set.covers)

    def relabel(self, annotation_id: str, label: str) -> Annotation:
        """Give a highlight another label."""
        ann = self._relabel(annotation_id, label)
        self._sync()
        self._changed()
        return ann

    def comment(self, annotation_id: str, text: str) -> Annotation:
        """Set (or clear, with '') the comment on a highlight."""
        ann = self._comment(annotation_id, text)
        self._sync()
        self._changed()
        return ann

    def _comment(self, annotation_id: Any, text: Any) -> Annotation:
        ann = self._find(annotation_id)
        return self.workspace.set_comment(ann.id, str(text or "").strip())

    def remove(self, annotation_id: str) -> None:
        """Delete a highlight."""
        self.workspace.remove(self._find(annotation_id).id)
        self._sync()
        self._changed()

    def accept(self, suggestion_id: str) -> Annotation:
        """Turn a suggestion into one of the student's highlights."""
        ann = self._accept(suggestion_id)
        self._sync()
        self._changed()
        return ann

    def _suggestion(self, suggestion_id: Any) -> Annotation:
        found = next((s for s in self._suggested if s.id == suggestion_id), None)
        if found is None:
            raise KitError("that suggestion is not there any more")
        return found

    def _accept(self, suggestion_id: Any) -> Annotation:
        s = self._suggestion(suggestion_id)
        tag = next((tag for tag in s.tags if self.label_set.covers(tag)), None)
        return self._add(s.start, s.end, tag)

    def accept_all(self) -> int:
        """Accept every suggestion not yet accepted or rejected; returns how many.

        For a teacher reviewing the kit's suggestions: reject the wrong ones, then accept the
        rest at once. Suggestions labelled "Not sure" (`unknown`) are left for the teacher to
        label or reject one by one, so an answer key never says "Not sure".
        """
        pending = [s for s in self.pending_suggestions if not _unsure(s)]
        for s in pending:
            self._accept(s.id)
        if pending:
            self._sync()
            self._changed()
        return len(pending)

    def reject(self, suggestion_id: str) -> None:
        """Dismiss a suggestion (remembered in the work file)."""
        self._reject(suggestion_id)
        self._sync()
        self._changed()

    def _reject(self, suggestion_id: Any) -> Annotation:
        s = self._suggestion(suggestion_id)
        # added to the list as saved now, so another tab's rejections stay
        self.workspace.edit_response(
            self._rejected_key, lambda saved: json.dumps(sorted(_ids(saved) | {s.id}))
        )
        return s

    # ------------------------------------------------------------------ front-end commands

    def _name(self, ann: Annotation) -> str:
        lab = next((self.label_set.get(tag) for tag in ann.tags if self.label_set.get(tag)), None)
        return lab.title if lab else (ann.label or "no label")

    def _cmd_add(self, m: dict) -> str:
        ann = self._add(m.get("start"), m.get("end"), m.get("label"))
        if self.plain:
            return f"Selected: “{quote(ann.exact)}”."
        return f"Saved: “{quote(ann.exact)}” as {self._name(ann)}."

    def _cmd_relabel(self, m: dict) -> str:
        ann = self._relabel(m.get("id"), m.get("label"))
        return f"Saved: “{quote(ann.exact)}” is now {self._name(ann)}."

    def _cmd_comment(self, m: dict) -> str:
        ann = self._comment(m.get("id"), m.get("comment"))
        if ann.comment:
            return f"Saved your comment on “{quote(ann.exact)}”."
        return f"Removed the comment on “{quote(ann.exact)}”."

    def _cmd_remove(self, m: dict) -> str:
        ann = self._find(m.get("id"))
        self.workspace.remove(ann.id)
        return f"Removed the highlight “{quote(ann.exact)}”."

    def highlight_at(self, start: int, end: int) -> Annotation | None:
        """The highlight a keyboard user means at [start, end): the same words, else the
        shortest one overlapping them."""
        over = [a for a in self.annotations if a.start < end and a.end > start]
        exact = [a for a in over if (a.start, a.end) == (start, end)]
        return (exact or sorted(over, key=lambda a: a.end - a.start) or [None])[0]

    def _cmd_remove_at(self, m: dict) -> str:
        start, end = m.get("start"), m.get("end")
        if not (isinstance(start, int) and isinstance(end, int)):
            raise KitError("the position did not arrive as two numbers", fix="try again")
        ann = self.highlight_at(start, end)
        if ann is None:
            raise KitError("there is no highlight here to remove")
        self.workspace.remove(ann.id)
        return f"Removed the highlight “{quote(ann.exact)}”."

    def _cmd_accept(self, m: dict) -> str:
        ann = self._accept(m.get("id"))
        return f"Accepted: “{quote(ann.exact)}” as {self._name(ann)}."

    def _cmd_reject(self, m: dict) -> str:
        s = self._reject(m.get("id"))
        return f"Rejected the suggestion “{quote(s.exact)}”."

    def _sync(self) -> None:
        super()._sync()
        self.spans = [self._span_dict(a) for a in self.annotations]
        self.suggestions = [self._span_dict(s) for s in self.pending_suggestions]

    def _span_dict(self, a: Annotation) -> dict[str, Any]:
        tag = next((tag for tag in a.tags if self.label_set.covers(tag)), "")
        lab = self.label_set.get(tag)
        return {
            "id": a.id,
            "start": a.start,
            "end": a.end,
            "label": lab.tag if lab else tag,
            "comment": a.comment,
        }


def _unsure(suggestion: Annotation) -> bool:
    """True for a suggestion whose only label is "Not sure" (`source:unknown`)."""
    values = {tag.rpartition(":")[2] for tag in suggestion.tags}
    return bool(values) and values <= {UNSURE}


def _ids(saved: str) -> frozenset[str]:
    """The suggestion ids in a saved list of rejections (nothing for anything else)."""
    try:
        ids = json.loads(saved or "[]")
    except json.JSONDecodeError:
        return frozenset()
    if not isinstance(ids, list):
        return frozenset()
    return frozenset(i for i in ids if isinstance(i, str))


def _suggestion_list(
    article: Article, suggestions: Iterable[Suggestion] | Key | None, labels: LabelSet
) -> tuple[Annotation, ...]:
    """Suggestions as annotations with stable ids (so a rejection is remembered across runs)."""
    if suggestions is None:
        return ()
    items = suggestions.items if isinstance(suggestions, Key) else suggestions
    out: dict[str, Annotation] = {}
    text = article.text
    for s in items:
        if isinstance(s, KeyItem):
            ann = make_annotation(text, s.start, s.end, s.tags, comment=s.hint)
        elif isinstance(s, Annotation):
            ann = s
        else:
            raise KitError(f"{type(s).__name__} cannot be used as a suggestion")
        if not 0 <= ann.start < ann.end <= len(text):
            continue
        if not any(labels.covers(tag) for tag in ann.tags):
            continue
        digest = hashlib.blake2b(
            repr((ann.start, ann.end, ann.tags, text[ann.start : ann.end])).encode(), digest_size=6
        ).hexdigest()
        sid = f"suggestion-{digest}"
        out[sid] = replace(ann, id=sid)
    return tuple(sorted(out.values(), key=lambda a: (a.start, a.end)))
