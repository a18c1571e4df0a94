"""The parts of a quiz bank: questions, display settings, graded results, and the bank's errors.

Plain data with no behaviour beyond a few properties: the bank reader (`kit.quiz.bank`) builds
these, the Quiz (`kit.quiz.model`) grades with them, the writer (`kit.quiz.writer`) writes them
back as YAML.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kit.errors import KitError

if TYPE_CHECKING:  # pandas is imported only when a table is asked for
    import pandas as pd

FORMAT = "kit-quiz/1"
TYPES = ("single", "multiple", "truefalse", "text", "find", "number")
CHOICE_TYPES = ("single", "multiple", "truefalse")
TRUE_FALSE = ("True", "False")
#: Largest bank file the kit reads.
MAX_BANK_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    """How a quiz is shown: one question at a time or all, feedback at once or at the end."""

    show: str = "one"  # "one" or "all"
    feedback: str = "immediate"  # "immediate" or "end"
    attempts: int = 0  # 0 means unlimited; 1 means no retry
    tolerance: int = 1  # spelling slips allowed in text answers (0-2)
    min_length: int = 5  # shortest text answer (letters) that allows slips
    min_overlap: float = 0.5  # word-overlap F1 that makes a `find` answer right

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, default in _DEFAULT_SETTINGS.items():
            value = getattr(self, name)
            if value != default:
                out[name] = value
        if "attempts" in out and out["attempts"] == 0:
            out["attempts"] = "unlimited"
        return out


_DEFAULT_SETTINGS = {
    "show": "one",
    "feedback": "immediate",
    "attempts": 0,
    "tolerance": 1,
    "min_length": 5,
    "min_overlap": 0.5,
}


@dataclass(frozen=True)
class Question:
    """One question. In a teacher's bank `answer` holds the answer; in a released bank `key` does.

    `answer` by type: single and multiple -> tuple of right option indices; truefalse -> bool;
    text -> accepted answers; find -> quotes from the article; number -> canonical numbers.
    `feedback`: per option (choice types, truefalse as True/False) or (answer, message) pairs.
    """

    id: str
    type: str
    prompt: str
    options: tuple[str, ...] = ()
    answer: Any = None
    feedback: tuple[Any, ...] = ()
    feedback_wrong: str = ""
    explanation: str = ""
    hint: str = ""
    points: float = 1.0
    tolerance: int | None = None
    min_length: int | None = None
    min_overlap: float | None = None
    precision: int | None = None
    ranges: tuple[tuple[str, str], ...] = ()
    key: Mapping[str, Any] | None = field(default=None, compare=False, repr=False)
    line: int | None = field(default=None, compare=False, repr=False)

    @property
    def choices(self) -> tuple[str, ...]:
        """What the student picks from: the options, or True/False."""
        return TRUE_FALSE if self.type == "truefalse" else self.options

    @property
    def label(self) -> str:
        return f"question '{self.id}'"


@dataclass(frozen=True)
class Result:
    """How one response was graded. `correct` is None when nothing was answered."""

    question_id: str
    correct: bool | None
    points: float
    max_points: float
    feedback: tuple[str, ...] = ()
    explanation: str = ""
    overlap: float | None = None


@dataclass(frozen=True)
class Grade:
    """A graded set of responses: one Result per question, and the totals."""

    quiz_id: str
    results: tuple[Result, ...]

    @property
    def total(self) -> float:
        return round(sum(r.points for r in self.results), 2)

    @property
    def max_total(self) -> float:
        return round(sum(r.max_points for r in self.results), 2)

    @property
    def correct(self) -> dict[str, bool | None]:
        return {r.question_id: r.correct for r in self.results}

    def __getitem__(self, question_id: str) -> Result:
        for r in self.results:
            if r.question_id == question_id:
                return r
        raise KeyError(question_id)

    def to_frame(self) -> pd.DataFrame:
        """One row per question: id, correct, points, max_points, feedback."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "question": r.question_id,
                    "correct": r.correct,
                    "points": r.points,
                    "max_points": r.max_points,
                    "feedback": " ".join(r.feedback),
                }
                for r in self.results
            ],
            columns=["question", "correct", "points", "max_points", "feedback"],
        )

    def __repr__(self) -> str:
        return f"Grade({self.quiz_id!r}: {self.total:g} of {self.max_total:g} points)"


class BankError(KitError):
    """Every problem found in one bank; `errors` holds one KitError per problem."""

    def __init__(self, errors: Sequence[KitError]) -> None:
        self.errors = list(errors)
        first = self.errors[0]
        more = len(self.errors) - 1
        problem = first.problem + (f" (and {more} more problem{'s' * (more > 1)})" if more else "")
        super().__init__(problem, path=first.path, line=first.line, fix=first.fix)
