"""Notebook widgets: thin views over the core (all logic lives in kit/*.py).

`write` and `choose` are the one-call forms a lesson uses: they find the student and the article's
work file, and show a problem as a friendly message instead of a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..articles import Article
from ..errors import KitError

if TYPE_CHECKING:  # ipywidgets is imported only when a widget is made
    from .writing import ChoiceAnswer, WrittenAnswer

__all__ = ["choose", "write"]


def _workspace(article: Article | str | None, student: str | None, work_dir: str | Path | None):
    from ..store import Workspace

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
) -> WrittenAnswer | KitError:
    """A written answer saved under `key` in the student's work on `article`, as they type.

    `student` defaults to the signed-in student (notebook 0). A problem (nobody signed in, a
    broken work file) comes back as a KitError, which a notebook shows as a friendly message.
    """
    try:
        from .writing import WrittenAnswer

        return WrittenAnswer(
            _workspace(article, student, work_dir), key, prompt, placeholder=placeholder, rows=rows
        )
    except KitError as e:
        return e


def choose(
    key: str,
    prompt: str,
    options: Sequence[str],
    article: Article | str | None = None,
    student: str | None = None,
    *,
    work_dir: str | Path | None = None,
) -> ChoiceAnswer | KitError:
    """A choice between `options` saved under `key` in the student's work on `article` at once.

    Like `write`: the signed-in student by default, and a problem comes back as a KitError.
    """
    try:
        from .writing import ChoiceAnswer

        return ChoiceAnswer(_workspace(article, student, work_dir), key, prompt, options)
    except KitError as e:
        return e
