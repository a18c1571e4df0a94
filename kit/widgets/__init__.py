"""The notebook widgets students and teachers work in, as thin views over the kit's core, and the
one-call exercises that show them.

`kit.highlight_sources(article)`, `kit.tag_claims(article)`, `kit.tag_paragraphs(article)`,
`kit.write(key, prompt, article=...)` and `kit.choose(key, prompt, options, article=...)` bind the
widget to the signed-in student's work file and return it for the notebook to display. A problem
comes back as a short message for the student, never a traceback.

One module a widget: `highlighter` (mark spans with labels), `claim_tagger` (a claim type per
sentence), `paragraph_tagger` (a role per paragraph), `writing` (a written answer, a choice),
`quiz` and, for teachers, `dashboard`. `_base` holds `CommandWidget`, the base of the two anywidget
widgets, and the helpers the widgets share; `keyboard` keeps JupyterLab's shortcuts away from
them. Front ends: ES modules in `js/` (the shared code in `js/common.js`), bundled by esbuild
into `static/` (`make widgets`), which is what the browser gets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from kit.articles.article import Article, load_article
from kit.errors import KitError
from kit.reading.labels import LabelSpec
from kit.views.html import Notice
from kit.widgets.claim_tagger import ClaimTagger
from kit.widgets.highlighter import Highlighter
from kit.widgets.paragraph_tagger import ParagraphTagger
from kit.widgets.writing import ChoiceAnswer, WrittenAnswer
from kit.work.keys import Key, key_from_attributions, load_key
from kit.work.store import Workspace

__all__ = [
    "ChoiceAnswer",
    "ClaimTagger",
    "Highlighter",
    "ParagraphTagger",
    "WrittenAnswer",
    "choose",
    "highlight_sources",
    "tag_claims",
    "tag_paragraphs",
    "write",
]

log = logging.getLogger("kit.widgets")
W = TypeVar("W")

SOURCES_INSTRUCTIONS = (
    "Highlight every source: who is speaking, or where a piece of information comes from. "
    "Pick a label, then select the words with the mouse (or with the keyboard). "
    "Click a highlight to change its label, add a comment or delete it."
)
CLAIMS_INSTRUCTIONS = (
    "For each sentence, choose what kind of claim it makes, whether it is worth checking, and "
    "who makes the claim. Add a note if you are unsure."
)


def friendly(build: Callable[[], W]) -> W | Notice:
    """Run `build()`; a problem becomes a short message for the student instead of a traceback."""
    try:
        return build()
    except KitError as e:
        return Notice(f"Something needs fixing: {e.sentence}", kind="warning")
    except Exception as e:  # the student boundary
        log.exception("exercise failed")
        return Notice(
            f"Something went wrong ({type(e).__name__}: {e}). Re-run the cell; if it happens "
            "again, tell your teacher.",
            kind="warning",
        )


def _article(article: Article | str | Path) -> Article:
    if isinstance(article, Article):
        return article
    if isinstance(article, str | Path):
        return load_article(article)
    raise KitError(
        "this exercise needs an article",
        fix='load one first: article = kit.load_article("../seeds/...")',
    )


def _suggestions(article: Article, suggestions: Any) -> Any:
    if suggestions is None or isinstance(suggestions, Key):
        return suggestions
    if suggestions == "auto":
        return key_from_attributions(article)
    if isinstance(suggestions, str | Path):
        return load_key(suggestions, article)
    return suggestions


def highlight_sources(
    article: Article | str | Path,
    student: str | None = None,
    *,
    suggestions: Any = None,
    labels: LabelSpec = "sources",
    work_dir: str | Path | None = None,
) -> Highlighter | Notice:
    """Show the article for highlighting its sources; saves to the student's work file.

    `suggestions`: "auto" (the kit's detected sources), a teacher's key file, or annotations.
    """

    def build() -> Highlighter:
        a = _article(article)
        return Highlighter(
            a,
            labels=labels,
            workspace=Workspace(student, a, work_dir),
            suggestions=_suggestions(a, suggestions),
            instructions=SOURCES_INSTRUCTIONS,
        )

    return friendly(build)


def tag_claims(
    article: Article | str | Path,
    student: str | None = None,
    *,
    sentences: Iterable[int] | None = None,
    hints: bool = False,
    labels: Any = None,
    work_dir: str | Path | None = None,
) -> ClaimTagger | Notice:
    """Show every sentence (or the chosen ones) for tagging its claim; saves as you go.

    `hints`: offer the kit's own suggestion for each sentence, behind "What does the kit think?"
    (for after the student decides). `labels`: a teacher's claim label file (see
    kit.reading.claims).
    """

    def build() -> ClaimTagger:
        from kit.reading.claims import suggest

        a = _article(article)
        return ClaimTagger(
            a,
            workspace=Workspace(student, a, work_dir),
            sentences=sentences,
            suggestions=suggest(a, labels=labels) if hints else None,
            labels=labels,
            instructions=CLAIMS_INSTRUCTIONS,
        )

    return friendly(build)


def _answer_workspace(
    article: Article | str | None, student: str | None, work_dir: str | Path | None
) -> Workspace:
    if article is None:
        raise KitError(
            "the kit needs to know which article this answer is about",
            fix="add article=article to the call, as in kit.write(KEY, PROMPT, article=article)",
        )
    return Workspace(student, article, work_dir)


def write(
    key: str,
    prompt: str,
    article: Article | str | None = None,
    student: str | None = None,
    placeholder: str = "Type your answer here.",
    rows: int = 4,
    *,
    work_dir: str | Path | None = None,
) -> WrittenAnswer | Notice:
    """A written answer saved under `key` in the student's work on `article`, as they type.

    `student` defaults to the signed-in student (notebook 0).
    """
    return friendly(
        lambda: WrittenAnswer(
            _answer_workspace(article, student, work_dir),
            key,
            prompt,
            placeholder=placeholder,
            rows=rows,
        )
    )


def choose(
    key: str,
    prompt: str,
    options: Sequence[str],
    article: Article | str | None = None,
    student: str | None = None,
    *,
    work_dir: str | Path | None = None,
) -> ChoiceAnswer | Notice:
    """A choice between `options` saved under `key` in the student's work on `article` at once."""
    return friendly(
        lambda: ChoiceAnswer(_answer_workspace(article, student, work_dir), key, prompt, options)
    )


def tag_paragraphs(
    article: Article | str | Path,
    student: str | None = None,
    *,
    roles: Any = None,
    work_dir: str | Path | None = None,
) -> ParagraphTagger | Notice:
    """Every body paragraph with a list of roles (lede, quote, background ...); saves as you go.

    `roles`: a teacher's role file (see kit/data/paragraph_roles.yaml).
    """

    def build() -> ParagraphTagger:
        from kit.reading.roles import resolve_roles

        a = _article(article)
        return ParagraphTagger(Workspace(student, a, work_dir), resolve_roles(roles))

    return friendly(build)
