"""Quizzes that teach: question banks in YAML, grading with feedback, and student releases.

A bank is a YAML file checked against `data/quiz_bank.schema.json`; every problem is reported
with the file, the line and the fix. Question types: `single`, `multiple`, `truefalse`, `text`
(accepted answers, case-insensitive, small spelling slips allowed), `find` (the student selects a
passage of the article; scored by word overlap) and `number`. `Quiz.release()` makes the student
copy, in which answers are salted hashes and feedback is sealed (see `quiz_keys`); it grades
exactly like the teacher's bank.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from . import quiz_keys as keys
from .articles import SUFFIXES, Article, load_article
from .errors import KitError
from .files import atomic_write_text, read_text
from .store import text_fingerprint

if TYPE_CHECKING:  # pandas is imported only when a table is asked for
    import pandas as pd

FORMAT = "kit-quiz/1"
TYPES = ("single", "multiple", "truefalse", "text", "find", "number")
CHOICE_TYPES = ("single", "multiple", "truefalse")
TRUE_FALSE = ("True", "False")
#: Largest bank file the kit reads, and most YAML nodes (after aliases) it will expand.
MAX_BANK_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000
MAX_ALIASES = 100
_MAX_REPORTED = 50


# ---------------------------------------------------------------- the model


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


@dataclass(frozen=True)
class Quiz:
    """A question bank (`Bank` is the same class). Load with `Quiz.from_file(path)`."""

    id: str
    title: str
    questions: tuple[Question, ...]
    article_id: str | None = None
    description: str = ""
    settings: Settings = field(default_factory=Settings)
    released: bool = False
    salt: str = ""
    article_sha: str = ""
    path: Path | None = field(default=None, compare=False, repr=False)
    article: Article | None = field(default=None, compare=False, repr=False)
    warnings: tuple[str, ...] = field(default=(), compare=False, repr=False)

    # ------------------------------------------------------------ loading and saving

    @classmethod
    def from_file(cls, path: str | Path, article: Article | None = None) -> Quiz:
        """Load and check a bank; raises BankError (a KitError) listing every problem."""
        p = Path(path)
        text, _ = read_text(p, MAX_BANK_BYTES)
        return cls.from_yaml(text, path=p, article=article)

    @classmethod
    def from_yaml(
        cls, text: str, path: str | Path | None = None, article: Article | None = None
    ) -> Quiz:
        """A bank from YAML text; `path` names it in messages and finds its article."""
        quiz, errors = _parse_bank(text, Path(path) if path is not None else None, article)
        if errors:
            raise BankError(errors)
        assert quiz is not None
        return quiz

    def to_dict(self, article_ref: str | None = None) -> dict[str, Any]:
        """The bank as plain data, as written to YAML."""
        out: dict[str, Any] = {"format": FORMAT, "id": self.id, "title": self.title}
        if self.description:
            out["description"] = self.description
        ref = article_ref or self.article_id
        if ref:
            out["article"] = ref
        settings = self.settings.to_dict()
        if settings:
            out["settings"] = settings
        if self.released:
            out["released"] = True
            out["salt"] = self.salt
            if self.article_sha:
                out["article_sha"] = self.article_sha
        out["questions"] = [_question_to_dict(q, self.settings) for q in self.questions]
        return out

    def to_yaml(self, article_ref: str | None = None) -> str:
        """The bank as YAML for teachers to read and edit."""
        header = (
            "# Student copy of a quiz bank: answers are salted hashes. Edit the teacher's bank\n"
            "# and release it again (python -m kit quiz release BANK.yaml OUT.yaml).\n"
            if self.released
            else ""
        )
        return header + yaml.dump(
            self.to_dict(article_ref),
            Dumper=_Dumper,
            sort_keys=False,
            allow_unicode=True,
            width=100,
            default_flow_style=False,
        )

    def save(self, path: str | Path) -> Path:
        """Write the bank as YAML (atomically); the article is named relative to the file."""
        p = Path(path)
        ref = None
        if self.article is not None and self.article.path is not None:
            rel = Path(os.path.relpath(Path(self.article.path).resolve(), p.resolve().parent))
            if not (rel.parent == Path(".") and rel.stem == self.article_id):
                ref = rel.as_posix()
        atomic_write_text(p, self.to_yaml(ref))
        return p

    # ------------------------------------------------------------ asking

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KitError(
            f"this quiz has no question '{question_id}'",
            path=self.path,
            fix=f"use one of: {', '.join(q.id for q in self.questions[:12])}",
        )

    @property
    def max_points(self) -> float:
        return round(sum(q.points for q in self.questions), 2)

    @property
    def work_article_id(self) -> str:
        """The article id under which students' answers are saved (the bank id if none)."""
        return self.article_id or self.id

    def __len__(self) -> int:
        return len(self.questions)

    def __repr__(self) -> str:
        kind = "released quiz" if self.released else "quiz"
        return f"Quiz({self.id!r}, {kind}, {len(self.questions)} questions)"

    # ------------------------------------------------------------ grading

    def grade(self, responses: Mapping[str, Any]) -> Grade:
        """Grade a mapping question id -> response; unanswered questions score 0.

        Responses: single -> option index; multiple -> list of indices; truefalse -> bool;
        text -> str; find -> [start, end) offsets into the article text; number -> str or number.
        """
        unknown = [k for k in responses if k not in {q.id for q in self.questions}]
        if unknown:
            raise KitError(
                f"there is no question '{unknown[0]}' in this quiz",
                path=self.path,
                fix=f"use the question ids: {', '.join(q.id for q in self.questions[:12])}",
            )
        return Grade(
            self.id, tuple(self.grade_one(q.id, responses.get(q.id)) for q in self.questions)
        )

    def grade_one(self, question_id: str, response: Any) -> Result:
        """Grade one response to one question."""
        q = self.question(question_id)
        if _is_blank(response):
            return Result(q.id, None, 0.0, q.points, explanation=self._explanation(q))
        if q.type in CHOICE_TYPES:
            return self._grade_choice(q, response)
        if q.type == "text":
            return self._grade_text(q, response)
        if q.type == "find":
            return self._grade_find(q, response)
        return self._grade_number(q, response)

    def _tolerance(self, q: Question) -> int:
        return self.settings.tolerance if q.tolerance is None else q.tolerance

    def _min_length(self, q: Question) -> int:
        return self.settings.min_length if q.min_length is None else q.min_length

    def _min_overlap(self, q: Question) -> float:
        return self.settings.min_overlap if q.min_overlap is None else q.min_overlap

    def _h(self, q: Question, *parts: object) -> str:
        return keys.digest(self.salt, q.id, *parts)

    @cached_property
    def _memo(self) -> dict[tuple[str, str], Any]:
        """Per-question values that do not depend on the response (a released bank's flags,
        unsealed explanations, token hashes), computed once."""
        return {}

    def _remember(self, q: Question, what: str, make: Any) -> Any:
        k = (q.id, what)
        if k not in self._memo:
            self._memo[k] = make()
        return self._memo[k]

    def _explanation(self, q: Question) -> str:
        if not self.released:
            return q.explanation
        sealed = (q.key or {}).get("explanation")
        if not sealed:
            return ""
        return self._remember(
            q, "explanation", lambda: keys.unseal(self._h(q, "seal-explanation"), sealed) or ""
        )

    def _wrong(self, q: Question) -> str:
        if not self.released:
            return q.feedback_wrong
        sealed = (q.key or {}).get("wrong")
        if not sealed:
            return ""
        return self._remember(
            q, "wrong", lambda: keys.unseal(self._h(q, "seal-wrong"), sealed) or ""
        )

    def _result(
        self,
        q: Question,
        correct: bool,
        points: float,
        messages: Iterable[str],
        overlap: float | None = None,
    ) -> Result:
        msgs = [m for m in messages if m]
        if not correct and not msgs and self._wrong(q):
            msgs.append(self._wrong(q))
        return Result(
            q.id, correct, round(points, 2), q.points, tuple(msgs), self._explanation(q), overlap
        )

    def correct_flags(self, q: Question) -> list[bool]:
        """For a choice question: which options are right (works on released banks too)."""
        n = len(q.choices)
        if not self.released:
            if q.type == "truefalse":
                return [q.answer is True, q.answer is False]
            return [i in q.answer for i in range(n)]
        stored = list((q.key or {}).get("options", []))
        return list(
            self._remember(
                q,
                "flags",
                lambda: [
                    i < len(stored) and stored[i] == self._h(q, "option", i, 1) for i in range(n)
                ],
            )
        )

    def _option_feedback(self, q: Question, i: int) -> str:
        if not self.released:
            return q.feedback[i] or "" if i < len(q.feedback) else ""
        sealed = list((q.key or {}).get("feedback") or [])
        if i < len(sealed) and sealed[i]:
            return keys.unseal(self._h(q, "seal-option", i), sealed[i]) or ""
        return ""

    def _grade_choice(self, q: Question, response: Any) -> Result:
        flags = self.correct_flags(q)
        chosen = _choice_response(q, response)
        if chosen is None:
            return self._result(q, False, 0.0, ["This answer could not be read: choose again."])
        messages = [self._option_feedback(q, i) for i in chosen]
        if q.type != "multiple":
            ok = flags[chosen[0]]
            return self._result(q, ok, q.points if ok else 0.0, messages)
        total = sum(flags)
        hits = sum(flags[i] for i in chosen)
        wrong = len(chosen) - hits
        ok = hits == total and wrong == 0
        if not ok:
            messages.append(_multiple_hint(hits, total, wrong))
        return self._result(q, ok, q.points * max(0, hits - wrong) / total, messages)

    def _grade_text(self, q: Question, response: Any) -> Result:
        if not isinstance(response, str):
            return self._result(q, False, 0.0, ["This answer could not be read: type it again."])
        norm = keys.normalise_text(response)
        tol = self._tolerance(q)
        if not self.released:
            accepted = [keys.normalise_text(a) for a in q.answer]
            exact = norm in accepted
            ok = exact or any(
                keys.near_allowed(a, tol, self._min_length(q)) and keys.slips_match(norm, a, tol)
                for a in accepted
            )
            said = next((m for a, m in q.feedback if keys.normalise_text(a) == norm), "")
        else:
            key = q.key or {}
            exact = ok = self._h(q, "text", norm) in set(key.get("exact", []))
            near = set(key.get("near", []))
            if not ok and near and len(norm) <= keys.MAX_NEAR_LENGTH:
                ok = any(self._h(q, "near", d) in near for d in keys.deletions(norm, tol))
            sealed = (key.get("feedback") or {}).get(self._h(q, "feedback", norm))
            said = keys.unseal(self._h(q, "seal-feedback", norm), sealed) or "" if sealed else ""
        spelling = "Accepted, but check your spelling." if ok and not exact else ""
        return self._result(q, ok, q.points if ok else 0.0, [said, spelling])

    @cached_property
    def _tokens(self) -> list[tuple[int, int, str]]:
        if self.article is None:
            raise KitError(
                "this quiz has find-in-text questions but no article to find them in",
                path=self.path,
                fix="give the article: Quiz.from_file(bank, article=kit.load_article(...))",
            )
        if (
            self.released
            and self.article_sha
            and self.article_sha != text_fingerprint(self.article.text)
        ):
            raise KitError(
                f"this quiz was released for another version of the article '{self.article_id}'",
                path=self.path,
                fix="ask your teacher for the quiz that goes with this article",
            )
        return keys.article_tokens(self.article.text)

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t[0] for t in self._tokens]

    @cached_property
    def _spans_by_question(self) -> dict[str, list[tuple[int, int]]]:
        if self.released or self.article is None:
            return {}
        text = self.article.text
        return {
            q.id: [s for quote in q.answer for s in keys.locate_quote(text, quote)]
            for q in self.questions
            if q.type == "find"
        }

    def answer_spans(self, q: Question) -> list[tuple[int, int]]:
        """Where a teacher's `find` answers occur in the article (empty for released banks)."""
        return list(self._spans_by_question.get(q.id, []))

    @cached_property
    def _expected_tokens(self) -> dict[str, list[set[int]]]:
        return {
            qid: [set(keys.tokens_in(self._tokens, a, b, self._token_starts)) for a, b in spans]
            for qid, spans in self._spans_by_question.items()
        }

    def _grade_find(self, q: Question, response: Any) -> Result:
        span = _span_response(response, len(self.article.text) if self.article else 0)
        if span is None:
            return self._result(q, False, 0.0, ["Select a passage of the article first."])
        tokens = self._tokens
        selected = keys.tokens_in(tokens, *span, self._token_starts)
        best = 0.0
        if not self.released:
            for expected in self._expected_tokens.get(q.id, []):
                shared = len(expected.intersection(selected))
                best = max(best, keys.overlap_f1(len(selected), len(expected), shared))
        else:
            hashed = self._remember(q, "tokens", dict)
            mine = set()
            for i in selected:
                if i not in hashed:
                    hashed[i] = self._h(q, "token", i, tokens[i][2])
                mine.add(hashed[i])
            for expected in (q.key or {}).get("spans", []):
                shared = len(mine.intersection(expected))
                best = max(best, keys.overlap_f1(len(selected), len(expected), shared))
        ok = best >= self._min_overlap(q)
        if ok and best < 0.999:
            note = f"Close enough: your selection matches {best:.0%} of the passage."
        elif ok:
            note = ""
        elif best > 0:
            note = f"Part of it: your selection matches {best:.0%} of the passage."
        else:
            note = "That passage is not the one the question is about."
        return self._result(q, ok, q.points * best, [note], overlap=round(best, 3))

    def _grade_number(self, q: Question, response: Any) -> Result:
        number = keys.parse_number(response)
        if number is None:
            return self._result(q, False, 0.0, ["Type a number, like 30 or 2.5."])
        precision = q.precision or 0
        canon = keys.quantise(number, precision)
        if not self.released:
            value = Decimal(canon)
            ok = canon in {keys.quantise(Decimal(v), precision) for v in q.answer} or any(
                Decimal(lo) <= value <= Decimal(hi) for lo, hi in q.ranges
            )
            said = next(
                (m for v, m in q.feedback if keys.quantise(Decimal(v), precision) == canon), ""
            )
        else:
            key = q.key or {}
            ok = self._h(q, "number", canon) in set(key.get("values", []))
            sealed = (key.get("feedback") or {}).get(self._h(q, "feedback", canon))
            said = keys.unseal(self._h(q, "seal-feedback", canon), sealed) or "" if sealed else ""
        return self._result(q, ok, q.points if ok else 0.0, [said])

    # ------------------------------------------------------------ releasing

    def release(self, salt: str | None = None) -> Quiz:
        """The student copy: answers as salted hashes, feedback and explanations sealed."""
        if self.released:
            raise KitError(
                "this bank is already a student copy",
                path=self.path,
                fix="release the teacher's bank instead",
            )
        salt = salt or secrets.token_hex(16)
        out = replace(self, released=True, salt=salt, path=None, warnings=())
        needs_article = any(q.type == "find" for q in self.questions)
        sha = ""
        if needs_article:
            self._tokens  # noqa: B018 (raises the "no article" error early)
            assert self.article is not None
            sha = text_fingerprint(self.article.text)
        out = replace(out, article_sha=sha)
        questions = tuple(_release_question(self, out, q) for q in self.questions)
        return replace(out, questions=questions)

    # ------------------------------------------------------------ the class's work

    def grade_class(self, work_dir: str | Path | None = None) -> pd.DataFrame:
        """Every student's best attempt at every question, from the work folder, as a DataFrame.

        One row per student and question: student, question, attempts, correct, points,
        max_points. Responses are graded again with this bank, so a changed key counts.
        """
        import pandas as pd

        from .store import read_document, safe_name
        from .store import work_dir as default_work_dir

        root = default_work_dir(work_dir)
        name = f"{safe_name(self.work_article_id, 'article id')}.json"
        rows = []
        for path in sorted(root.glob(f"*/{name}")):
            try:
                doc = read_document(path)
            except KitError as e:
                rows.append({"student": path.parent.name, "question": None, "problem": e.message})
                continue
            answers = doc.get("quiz", {}).get(self.id, {})
            for q in self.questions:
                attempts = answers.get(q.id, {}).get("attempts", [])
                best = self.best_result(q.id, [a.get("response") for a in attempts])
                rows.append(
                    {
                        "student": path.parent.name,
                        "question": q.id,
                        "attempts": len(attempts),
                        "correct": best.correct if attempts else None,
                        "points": best.points,
                        "max_points": q.points,
                    }
                )
        columns = ["student", "question", "attempts", "correct", "points", "max_points"]
        if any("problem" in r for r in rows):
            columns.append("problem")
        return pd.DataFrame(rows, columns=columns)

    def best_result(self, question_id: str, responses: Sequence[Any]) -> Result:
        """The best of several responses to one question (the first of equal ones)."""
        best = self.grade_one(question_id, None)
        for r in responses:
            result = self.grade_one(question_id, r)
            if result.points > best.points or (best.correct is None and result.correct is not None):
                best = result
        return best


Bank = Quiz


def class_summary(df: pd.DataFrame) -> pd.DataFrame:
    """Per-student totals from `Quiz.grade_class`: answered, correct, points, max_points."""
    import pandas as pd

    if df.empty:
        return pd.DataFrame(columns=["student", "answered", "correct", "points", "max_points"])
    frame = df.dropna(subset=["question"])
    return (
        frame.assign(
            answered=frame["attempts"] > 0,
            right=frame["correct"].eq(True),
        )
        .groupby("student", as_index=False)
        .agg(
            answered=("answered", "sum"),
            correct=("right", "sum"),
            points=("points", "sum"),
            max_points=("max_points", "sum"),
        )
    )


def load_quiz(path: str | Path, article: Article | None = None) -> Quiz:
    """Load a bank file (same as Quiz.from_file)."""
    return Quiz.from_file(path, article=article)


def check_bank(path: str | Path) -> list[KitError]:
    """Every problem in a bank file (empty when it is fine), each naming file, line and fix."""
    p = Path(path)
    try:
        text, _ = read_text(p, MAX_BANK_BYTES)
    except KitError as e:
        return [e]
    quiz, errors = _parse_bank(text, p, None)
    if quiz is not None and not quiz.released:
        try:
            quiz.release(salt="0" * 32)
        except KitError as e:
            errors.append(e)
    return errors


# ---------------------------------------------------------------- responses


def _is_blank(response: Any) -> bool:
    if response is None:
        return True
    if isinstance(response, str):
        return not response.strip()
    if isinstance(response, (list, tuple, set, frozenset)):
        return len(response) == 0
    return False


def _as_index(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _choice_response(q: Question, response: Any) -> list[int] | None:
    n = len(q.choices)
    if q.type == "truefalse":
        if isinstance(response, str) and response.strip().lower() in ("true", "false"):
            response = response.strip().lower() == "true"
        if not isinstance(response, bool):
            return None
        return [0 if response else 1]
    if q.type == "single":
        i = _as_index(response)
        return [i] if i is not None and 0 <= i < n else None
    if not isinstance(response, (list, tuple, set, frozenset)):
        return None
    picked = [_as_index(v) for v in response]
    if any(i is None or not 0 <= i < n for i in picked):
        return None
    return sorted(set(picked))  # type: ignore[arg-type]


def _span_response(response: Any, length: int) -> tuple[int, int] | None:
    if isinstance(response, Mapping):
        response = (response.get("start"), response.get("end"))
    if not isinstance(response, (list, tuple)) or len(response) != 2:
        return None
    start, end = (_as_index(v) for v in response)
    if start is None or end is None or not 0 <= start < end <= length:
        return None
    return start, end


def _multiple_hint(hits: int, total: int, wrong: int) -> str:
    parts = [f"You found {hits} of the {total} right options"]
    if wrong:
        parts.append(f"and picked {wrong} that {'is' if wrong == 1 else 'are'} not right")
    return " ".join(parts) + "."


# ---------------------------------------------------------------- YAML with line numbers


class _Loader(yaml.SafeLoader):
    """Safe YAML whose mapping keys are kept as written ('yes' stays the text 'yes')."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        self.flatten_mapping(node)
        mapping = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = key_node.value
            else:
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be a plain word or text", key_node.start_mark
                )
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


# YAML 1.2 booleans only: in a quiz, "Yes", "No", "on" and "off" are answers and feedback, not
# true and false as YAML 1.1 would read them.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)

_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp", "merge")
}


class _Dumper(yaml.SafeDumper):
    """YAML writer that keeps multi-line text readable (literal blocks)."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


class _Lines:
    """Maps a data path (as in jsonschema errors) back to a line of the YAML file.

    `kept` lists, when some questions were set aside, which original question each one is.
    """

    def __init__(self, root: yaml.Node | None, kept: Sequence[int] | None = None) -> None:
        self.root = root
        self.kept = kept

    def node(self, path: Sequence[Any], key: bool = False) -> yaml.Node | None:
        if self.kept is not None and len(path) >= 2 and path[0] == "questions":
            if isinstance(path[1], int) and path[1] < len(self.kept):
                path = ["questions", self.kept[path[1]], *path[2:]]
        node = self.root
        for i, part in enumerate(path):
            if isinstance(node, yaml.MappingNode):
                found = None
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and k.value == part:
                        found = k if key and i == len(path) - 1 else v
                if found is None:
                    return node
                node = found
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if part >= len(node.value):
                    return node
                node = node.value[part]
            else:
                return node
        return node

    def line(self, path: Sequence[Any], key: bool = False) -> int | None:
        node = self.node(path, key)
        return node.start_mark.line + 1 if node is not None else None


def _read_yaml(text: str, path: Path | None) -> tuple[Any, _Lines]:
    """Parse YAML safely: no object tags, no alias bombs; KitError with the line otherwise."""
    where = path or "<bank>"
    if len(text) > MAX_BANK_BYTES:
        raise KitError(
            f"the bank is {len(text) / 1e6:.1f} MB, more than a quiz needs",
            path=where,
            fix="split it into several banks",
        )
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise KitError(
                "the file is empty", path=where, fix="start it with `title:` and `questions:`"
            )
        _check_nodes(root, where)
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        raise KitError(
            f"YAML syntax error: {e.problem or e.context}",
            path=where,
            line=mark.line + 1 if mark else None,
            fix=_syntax_fix(e),
        ) from None
    except yaml.YAMLError as e:
        raise KitError(f"YAML error: {e}", path=where) from None
    except RecursionError:
        raise KitError(
            "the YAML is nested too deeply", path=where, fix="a quiz bank needs only a few levels"
        ) from None
    finally:
        loader.dispose()
    return data, _Lines(root)


def _syntax_fix(e: yaml.MarkedYAMLError) -> str:
    problem = (e.problem or "") + (e.context or "")
    if "tab" in problem or "\t" in problem or "\\t" in problem:  # PyYAML writes '\t' escaped
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "text with a colon in it must be in quotes, like prompt: \"Who said: 'no'?\""
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "check the indentation of this line and the one above (use 2 spaces per level)"
    return "check this line and the one above (indentation, quotes, colons)"


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_nodes(root: yaml.Node, where: Path | str) -> None:
    """Refuse object tags, duplicate keys and documents that aliases would blow up.

    Aliases make the composed tree a graph; its expanded size (every alias counted in full) is
    what a later walk would visit, so that is what is capped, and cycles are refused.
    """
    size: dict[int, int] = {}
    state: dict[int, int] = {}  # 1: on the current path, 2: done
    references = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        nid = id(node)
        line = node.start_mark.line + 1
        if finished:
            size[nid] = 1 + sum(size[id(c)] for c in _children(node))
            state[nid] = 2
            if size[nid] > MAX_NODES:
                raise KitError(
                    "the bank repeats itself too much through YAML aliases (& and *)",
                    path=where,
                    line=line,
                    fix="write the questions out without anchors and aliases",
                )
            continue
        if state.get(nid) == 2:
            references += 1
            if references > MAX_ALIASES:
                raise KitError(
                    f"the bank uses more than {MAX_ALIASES} YAML aliases (*name)",
                    path=where,
                    line=line,
                    fix="write the questions out without anchors and aliases",
                )
            continue
        if state.get(nid) == 1:
            raise KitError(
                "a YAML alias here refers to itself",
                path=where,
                line=line,
                fix="remove the anchor (&name) or the alias (*name)",
            )
        if node.tag not in _STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise KitError(
                f"the tag '{tag}' is not allowed in a quiz bank (the kit never builds "
                "objects from a file)",
                path=where,
                line=line,
                fix="remove the tag (the word starting with !) and write plain text",
            )
        if isinstance(node, yaml.MappingNode):
            names: dict[str, int] = {}
            for k, _ in node.value:
                if isinstance(k, yaml.ScalarNode):
                    if k.value in names and k.value != "<<":
                        raise KitError(
                            f"'{k.value}' is given twice here (first on line {names[k.value]})",
                            path=where,
                            line=k.start_mark.line + 1,
                            fix="keep one of them",
                        )
                    names[k.value] = k.start_mark.line + 1
        state[nid] = 1
        stack.append((node, True))
        stack.extend((c, False) for c in reversed(_children(node)))


# ---------------------------------------------------------------- checking a bank


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of quiz banks (shipped as kit/data/quiz_bank.schema.json)."""
    raw = resources.files("kit").joinpath("data/quiz_bank.schema.json").read_text("utf-8")
    return json.loads(raw)


@lru_cache(maxsize=1)
def _validator():
    import sys

    if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
        # In a JupyterLab environment jsonschema finds rfc3987_syntax (jupyter-events asks for
        # jsonschema[format-nongpl]) and compiles ~40 grammars at import: 1.2-2 s measured, more
        # than the whole 1 s budget for showing a quiz. The bank schema checks no formats, so
        # jsonschema is imported without it; the module stays importable for everyone else.
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]
        try:
            import jsonschema  # noqa: F401
        finally:
            del sys.modules["rfc3987_syntax"]
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


_FIELD_FIXES = {
    ("single", "answer"): "add `answer:` with the right option (its text, or its number "
    "counting from 0)",
    ("multiple", "answer"): "add `answer:` with the list of right options, like [0, 2]",
    ("truefalse", "answer"): "add `answer: true` or `answer: false`",
    ("text", "answer"): "add `answers:` with the accepted answers, one per line",
    ("find", "answer"): "add `answer:` with the passage copied from the article",
    ("number", "answer"): "add `answer:` with the number (or `ranges:` with [low, high])",
    ("single", "options"): "add `options:` with two or more choices",
    ("multiple", "options"): "add `options:` with two or more choices",
}
_HUMAN_TYPES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a set of `name: value` lines",
    "null": "empty",
}


def _where(data: Any, path: Sequence[Any]) -> tuple[str, str]:
    """('question 'q3'', q-type) for a path inside a question, else ('the bank', '')."""
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        try:
            q = data["questions"][path[1]]
        except (KeyError, IndexError, TypeError):
            q = None
        if isinstance(q, dict):
            qid, qtype = q.get("id"), q.get("type")
            label = f"question '{qid}'" if isinstance(qid, str) else f"question {path[1] + 1}"
            return label, qtype if isinstance(qtype, str) else ""
        return f"question {path[1] + 1}", ""
    if path and path[0] == "settings":
        return "the settings", ""
    return "the bank", ""


def _at(data: Any, path: Sequence[Any]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _field_name(path: Sequence[Any]) -> str:
    """`feedback`, or item 2 of `feedback`, for messages."""
    if not path:
        return "the file"
    if isinstance(path[-1], int) and len(path) >= 2 and isinstance(path[-2], str):
        return f"item {path[-1] + 1} of `{path[-2]}`"
    return f"`{path[-1]}`"


def _describe(err: Any, data: Any) -> tuple[str, str, list[Any], bool]:
    """(problem, fix, path, point-at-key) for one jsonschema error."""
    from jsonschema.exceptions import best_match

    if err.validator in ("oneOf", "anyOf") and err.context:
        if err.validator == "anyOf" and all(e.validator == "required" for e in err.context):
            label, qtype = _where(data, list(err.absolute_path))
            name = "answers" if qtype == "text" else "answer"
            fix = _FIELD_FIXES.get((qtype, "answer"), f"add `{name}:`")
            return f"{label} has no `{name}`", fix, list(err.absolute_path), False
        return _describe(best_match(err.context), data)
    path = list(err.absolute_path)
    label, qtype = _where(data, path)
    name = path[-1] if path and isinstance(path[-1], str) else None
    instance = err.instance
    if err.validator == "required":
        missing = [p for p in err.validator_value if p not in (instance or {})]
        what = missing[0] if missing else "?"
        fix = _FIELD_FIXES.get((qtype, what), "")
        if not fix and what == "id":
            fix = "give each question a short id, like `id: q3` (saved answers are kept by id)"
        return f"{label} has no `{what}`", fix or f"add `{what}:`", path, False
    if err.validator == "additionalProperties":
        allowed = sorted(err.schema.get("properties", {}))
        extra = sorted(set(instance) - set(allowed)) if isinstance(instance, dict) else ["?"]
        guess = difflib.get_close_matches(extra[0], allowed, n=1)
        fix = (
            f"perhaps you meant `{guess[0]}`"
            if guess
            else f"the known fields are: {', '.join(allowed)}"
        )
        return (
            f"{label} has a field `{extra[0]}` the kit does not know",
            fix,
            path + [extra[0]],
            True,
        )
    if err.schema is False:
        # jsonschema reports a `false` property schema at the parent object without the name:
        # find the property whose value is the one refused.
        parent = _at(data, path)
        if isinstance(parent, dict):
            name = next((k for k, v in parent.items() if v is err.instance), name)
            path = path + [name]
        if name == "key":
            return (
                f"{label} has a `key`, which only student copies have",
                "remove `key:` (use `answer:`), or release the bank: python -m kit quiz release",
                path,
                True,
            )
        return (
            f"{label} gives `{name}` in a student copy, which must not hold answers",
            "release the teacher's bank again with python -m kit quiz release",
            path,
            True,
        )
    if err.validator == "enum" and name == "type":
        return (
            f"{label} has type '{instance}', which the kit does not know",
            f"use one of: {', '.join(TYPES)}",
            path,
            False,
        )
    if err.validator in ("enum", "const"):
        allowed = err.validator_value if err.validator == "enum" else [err.validator_value]
        shown = ", ".join(str(a) for a in allowed)
        return f"`{name}` in {label} is '{instance}'", f"use one of: {shown}", path, False
    if err.validator == "type":
        wanted = (
            err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        )
        human = " or ".join(_HUMAN_TYPES.get(w, w) for w in wanted)
        fix = f"write {human} there"
        if "string" in wanted and isinstance(instance, dict):
            fix = 'text with a colon and a space in it must be in quotes, like "Note: this"'
        elif "string" in wanted:
            fix += " (put it in quotes if it looks like a number, a date or yes/no)"
        return f"{_field_name(path)} in {label} should be {human}", fix, path, False
    if err.validator == "minItems":
        return (
            f"`{name}` in {label} needs at least {err.validator_value} item(s)",
            "add the missing items",
            path,
            False,
        )
    if err.validator in ("maxItems", "maxLength", "maxProperties"):
        return f"`{name}` in {label} is too long", "shorten it or split the question", path, False
    if err.validator == "minLength":
        return f"`{name}` in {label} is empty", f"write something after `{name}:`", path, False
    if err.validator == "pattern" and name == "id":
        return (
            f"the id '{instance}' in {label} cannot be used",
            "use letters, digits, '-', '_' and '.', like q3 or healey-quote",
            path,
            False,
        )
    if err.validator == "uniqueItems":
        return f"`{name}` in {label} lists the same item twice", "remove the repeat", path, False
    if err.validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return (
            f"`{name}` in {label} is {instance}, outside what the kit allows",
            f"use a value that is {err.validator} {err.validator_value}",
            path,
            False,
        )
    return f"{label}: {err.message}", "", path, False


def _schema_errors(data: Any, lines: _Lines, where: Path | str) -> list[KitError]:
    out: list[KitError] = []
    seen: set[str] = set()
    errors = sorted(
        _validator().iter_errors(data),
        key=lambda e: [(0, p, "") if isinstance(p, int) else (1, 0, p) for p in e.absolute_path],
    )
    for err in errors:
        problem, fix, path, at_key = _describe(err, data)
        e = KitError(problem, path=where, line=lines.line(path, at_key), fix=fix)
        if e.message not in seen:
            seen.add(e.message)
            out.append(e)
        if len(out) >= _MAX_REPORTED:
            break
    return out


def _parse_bank(
    text: str, path: Path | None, article: Article | None
) -> tuple[Quiz | None, list[KitError]]:
    where: Path | str = path or "<bank>"
    try:
        data, lines = _read_yaml(text, path)
    except KitError as e:
        return None, [e]
    if not isinstance(data, dict):
        return None, [
            KitError(
                "a quiz bank starts with `title:` and `questions:`, not a list or a word",
                path=where,
                line=1,
                fix="see seeds/*.quiz.yaml for an example",
            )
        ]
    errors = _schema_errors(data, lines, where)
    usable = data
    if errors:
        # Check the questions the schema passed too, so one run reports every problem.
        paths = [list(e.absolute_path) for e in _validator().iter_errors(data)]
        if any(len(p) < 2 or p[0] != "questions" for p in paths):
            return None, errors
        bad = {p[1] for p in paths}
        usable = dict(data, questions=[q for i, q in enumerate(data["questions"]) if i not in bad])
        lines = _Lines(lines.root, [i for i in range(len(data["questions"])) if i not in bad])
    builder = _Builder(usable, lines, where, path, article)
    quiz = builder.build()
    errors = sorted(errors + builder.errors, key=lambda e: e.line or 0)
    return (quiz if not errors else None), errors


class _Builder:
    """Turns checked bank data into a Quiz, collecting the problems the schema cannot see."""

    def __init__(
        self,
        data: dict[str, Any],
        lines: _Lines,
        where: Path | str,
        path: Path | None,
        article: Article | None,
    ) -> None:
        self.data = data
        self.lines = lines
        self.where = where
        self.path = path
        self.article = article
        self.errors: list[KitError] = []
        self.settings = _settings(data.get("settings") or {})

    def error(self, problem: str, at: Sequence[Any], fix: str = "", key: bool = False) -> None:
        self.errors.append(
            KitError(problem, path=self.where, line=self.lines.line(at, key), fix=fix)
        )

    def build(self) -> Quiz:
        data = self.data
        released = bool(data.get("released"))
        bank_id = data.get("id") or _default_id(self.path)
        article_ref = data.get("article")
        article = self._article(article_ref, need=self._needs_article(data))
        questions = []
        seen: dict[str, int] = {}
        for i, raw in enumerate(data["questions"]):
            at = ["questions", i]
            if raw["id"] in seen:
                self.error(
                    f"two questions have the id '{raw['id']}' (the first is question "
                    f"{seen[raw['id']] + 1})",
                    at + ["id"],
                    "give every question its own id",
                )
            seen.setdefault(raw["id"], i)
            q = self._released(raw, at) if released else self._question(raw, at, article)
            if q is not None:
                questions.append(q)
        article_id = article.id if article is not None else _ref_id(article_ref)
        return Quiz(
            id=bank_id,
            title=data["title"],
            questions=tuple(questions),
            article_id=article_id,
            description=data.get("description", ""),
            settings=self.settings,
            released=released,
            salt=data.get("salt", ""),
            article_sha=data.get("article_sha", ""),
            path=self.path,
            article=article,
        )

    @staticmethod
    def _needs_article(data: dict[str, Any]) -> bool:
        return any(q.get("type") == "find" for q in data["questions"])

    def _article(self, ref: str | None, need: bool) -> Article | None:
        if self.article is not None:
            if ref and _ref_id(ref) != self.article.id:
                self.error(
                    f"this bank is for the article '{_ref_id(ref)}', not '{self.article.id}'",
                    ["article"],
                    "give the article the bank was written for",
                )
            return self.article
        if not ref:
            if need:
                self.error(
                    "the bank has find-in-text questions but does not say which article",
                    ["questions"],
                    "add `article:` with the article's file name (next to the bank) or its id",
                )
            return None
        found = _find_article_file(ref, self.path)
        if found is None:
            if need:
                self.error(
                    f"the article '{ref}' was not found next to the bank",
                    ["article"],
                    "put the article file beside the bank, or give its path relative to the bank",
                )
            return None
        if not need:
            return None
        try:
            return load_article(found)
        except KitError as e:
            self.error(f"the article could not be read: {e.message}", ["article"])
            return None

    def _common(self, raw: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": raw["id"],
            "type": raw["type"],
            "prompt": raw["prompt"],
            "hint": raw.get("hint", ""),
            "points": float(raw.get("points", 1)),
            "tolerance": raw.get("tolerance"),
            "min_length": raw.get("min_length"),
            "min_overlap": raw.get("min_overlap"),
            "precision": raw.get("precision"),
        }

    def _released(self, raw: dict[str, Any], at: list[Any]) -> Question:
        common = self._common(raw)
        return Question(
            options=tuple(raw.get("options", ())),
            key=raw["key"],
            line=self.lines.line(at),
            **common,
        )

    def _question(
        self, raw: dict[str, Any], at: list[Any], article: Article | None
    ) -> Question | None:
        qtype = raw["type"]
        common = self._common(raw)
        extra: dict[str, Any] = {
            "explanation": raw.get("explanation", ""),
            "feedback_wrong": raw.get("feedback_wrong", ""),
            "line": self.lines.line(at),
        }
        options = tuple(raw.get("options", ()))
        if qtype in ("single", "multiple"):
            answer = self._choice_answer(raw, at, options)
            feedback = tuple(raw.get("feedback") or ())
            if len(feedback) > len(options):
                self.error(
                    f"question '{raw['id']}' has {len(feedback)} feedback lines "
                    f"for {len(options)} options",
                    at + ["feedback"],
                    "give one feedback line per option, in the same order (use ~ for none)",
                )
            feedback = feedback + (None,) * (len(options) - len(feedback))
            dupes = [o for i, o in enumerate(options) if o in options[:i]]
            if dupes:
                self.error(
                    f"question '{raw['id']}' has the option '{dupes[0]}' twice",
                    at + ["options"],
                    "make every option different",
                )
            if answer is None:
                return None
            return Question(
                options=options, answer=answer, feedback=feedback[: len(options)], **common, **extra
            )
        if options:
            self.error(
                f"question '{raw['id']}' is a {qtype} question, which takes no `options`",
                at + ["options"],
                "remove `options:` or change the type to single or multiple",
                key=True,
            )
        if qtype == "truefalse":
            fb = raw.get("feedback") or {}
            return Question(
                answer=raw["answer"], feedback=(fb.get("true"), fb.get("false")), **common, **extra
            )
        answers = raw.get("answers", raw.get("answer"))
        answer_at = at + (["answers"] if "answers" in raw else ["answer"])
        if qtype in ("text", "find"):
            answers = tuple([answers] if isinstance(answers, str) else answers)
            if qtype == "text":
                return self._text(raw, at, answer_at, answers, common, extra)
            return self._find(raw, at, answer_at, answers, article, common, extra)
        return self._number(raw, at, answer_at, answers, common, extra)

    def _choice_answer(
        self, raw: dict[str, Any], at: list[Any], options: tuple[str, ...]
    ) -> tuple[int, ...] | None:
        value = raw["answer"]
        items = value if isinstance(value, list) else [value]
        out = []
        for j, item in enumerate(items):
            item_at = at + ["answer"] + ([j] if isinstance(value, list) else [])
            if isinstance(item, int) and not isinstance(item, bool):
                if item >= len(options):
                    self.error(
                        f"question '{raw['id']}' has answer {item}, but its options are numbered "
                        f"0 to {len(options) - 1}",
                        item_at,
                        "count the options from 0 (the first option is 0), or write the "
                        "option's text as the answer",
                    )
                    return None
                out.append(item)
            else:
                matches = [i for i, o in enumerate(options) if o.strip() == str(item).strip()]
                if not matches:
                    guess = difflib.get_close_matches(str(item), options, n=1)
                    self.error(
                        f"question '{raw['id']}' has the answer '{item}', which is not one of its "
                        "options",
                        item_at,
                        f"perhaps you meant '{guess[0]}'"
                        if guess
                        else "copy the option's text exactly",
                    )
                    return None
                out.append(matches[0])
        if len(set(out)) != len(out):
            self.error(
                f"question '{raw['id']}' lists the same right option twice",
                at + ["answer"],
                "remove the repeat",
            )
            return None
        return tuple(sorted(out))

    def _text(self, raw, at, answer_at, answers, common, extra) -> Question | None:
        for j, a in enumerate(answers):
            if not keys.normalise_text(a):
                self.error(
                    f"question '{raw['id']}' accepts the answer '{a}', which has no letters or "
                    "digits to compare",
                    answer_at + ([j] if len(answers) > 1 or "answers" in raw else []),
                    "write the answer in words",
                )
                return None
        feedback = tuple((str(k), v) for k, v in (raw.get("feedback") or {}).items())
        return Question(answer=answers, feedback=feedback, **common, **extra)

    def _find(self, raw, at, answer_at, answers, article, common, extra) -> Question | None:
        if raw.get("feedback"):
            self.error(
                f"question '{raw['id']}' is a find question, which takes no `feedback` list",
                at + ["feedback"],
                "use `feedback_wrong:` for a wrong selection, and `explanation:`",
                key=True,
            )
        if article is None:
            return Question(answer=answers, **common, **extra)
        for j, quote in enumerate(answers):
            if not keys.locate_quote(article.text, quote):
                self.error(
                    f"the answer of question '{raw['id']}' does not occur in the article "
                    f"'{article.id}': '{_short(quote)}'",
                    answer_at
                    + ([j] if isinstance(raw.get("answers", raw.get("answer")), list) else []),
                    "copy the passage from the article (case, quotes and spaces may differ)",
                )
                return None
        return Question(answer=answers, **common, **extra)

    def _number(self, raw, at, answer_at, answers, common, extra) -> Question:
        values = [] if answers is None else answers if isinstance(answers, list) else [answers]
        nums = [Decimal(repr(v)) if isinstance(v, float) else Decimal(v) for v in values]
        ranges = []
        for j, (lo, hi) in enumerate(raw.get("ranges") or []):
            low, high = keys.parse_number(lo), keys.parse_number(hi)
            assert low is not None and high is not None  # the schema made them numbers
            if low > high:
                self.error(
                    f"question '{raw['id']}' has the range [{lo}, {hi}], whose low end is above "
                    "its high end",
                    at + ["ranges", j],
                    "write ranges as [low, high]",
                )
            ranges.append((low, high))
        precision = common.pop("precision")
        if precision is None:
            precision = max([keys.decimals(n) for n in nums + [b for r in ranges for b in r]] + [0])
        feedback = []
        for k, message in (raw.get("feedback") or {}).items():
            if keys.parse_number(k) is None:
                self.error(
                    f"question '{raw['id']}' gives feedback for '{k}', which is not a number",
                    at + ["feedback", k],
                    "number questions take feedback for numbers, like `'22': 'Count again'`",
                    key=True,
                )
                continue
            feedback.append((str(keys.parse_number(k)), message))
        return Question(
            answer=tuple(format(n, "f") for n in nums),
            ranges=tuple((format(lo, "f"), format(hi, "f")) for lo, hi in ranges),
            precision=precision,
            feedback=tuple(feedback),
            **common,
            **extra,
        )


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _settings(raw: Mapping[str, Any]) -> Settings:
    attempts = raw.get("attempts", 0)
    return Settings(
        show=raw.get("show", "one"),
        feedback=raw.get("feedback", "immediate"),
        attempts=0 if attempts == "unlimited" else int(attempts),
        tolerance=int(raw.get("tolerance", 1)),
        min_length=int(raw.get("min_length", 5)),
        min_overlap=float(raw.get("min_overlap", 0.5)),
    )


def _default_id(path: Path | None) -> str:
    if path is None:
        return "quiz"
    name = path.name
    for suffix in (".quiz.yaml", ".quiz.yml", ".yaml", ".yml", ".json"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    from .articles import safe_id

    return safe_id(name)


def _ref_id(ref: str | None) -> str | None:
    if not ref:
        return None
    p = Path(ref)
    return p.stem if p.suffix.lower() in SUFFIXES else ref


def _find_article_file(ref: str, bank_path: Path | None) -> Path | None:
    base = bank_path.parent if bank_path is not None else Path.cwd()
    candidate = base / ref
    if candidate.suffix.lower() in SUFFIXES:
        return candidate if candidate.is_file() else None
    for suffix in SUFFIXES:
        p = base / f"{ref}{suffix}"
        if p.is_file():
            return p
    return None


# ---------------------------------------------------------------- releasing and writing


def _release_question(teacher: Quiz, out: Quiz, q: Question) -> Question:
    """One question of the student copy: the same prompt, its answer turned into a key."""
    h = out._h  # noqa: SLF001
    key: dict[str, Any] = {}
    if q.type in CHOICE_TYPES:
        flags = teacher.correct_flags(q)
        key["options"] = [h(q, "option", i, int(f)) for i, f in enumerate(flags)]
        fb = list(q.feedback)
        if any(fb):
            key["feedback"] = [
                keys.seal(h(q, "seal-option", i), m) if m else None for i, m in enumerate(fb)
            ]
    elif q.type == "text":
        tol = teacher._tolerance(q)  # noqa: SLF001
        accepted = sorted({keys.normalise_text(a) for a in q.answer})
        key["exact"] = sorted(h(q, "text", a) for a in accepted)
        near = {
            h(q, "near", d)
            for a in accepted
            if keys.near_allowed(a, tol, teacher._min_length(q))  # noqa: SLF001
            for d in keys.deletions(a, tol)
        }
        if near:
            key["near"] = sorted(near)
        q = replace(q, tolerance=tol)
        if q.feedback:
            key["feedback"] = _sealed_map(
                out, q, [(keys.normalise_text(a), m) for a, m in q.feedback]
            )
    elif q.type == "find":
        tokens = teacher._tokens  # noqa: SLF001
        spans = []
        for start, end in teacher.answer_spans(q):
            idx = keys.tokens_in(tokens, start, end)
            spans.append(sorted(h(q, "token", i, tokens[i][2]) for i in idx))
        key["spans"] = spans
        q = replace(q, min_overlap=teacher._min_overlap(q))  # noqa: SLF001
    else:
        p = q.precision or 0
        values = {keys.quantise(Decimal(v), p) for v in q.answer}
        for lo, hi in q.ranges:
            try:
                values.update(keys.range_grid(Decimal(lo), Decimal(hi), p))
            except ValueError as e:
                raise KitError(
                    f"question '{q.id}': the range [{lo}, {hi}] holds {e.args[0]} values at "
                    f"{p} decimal places, too many for a student copy",
                    path=teacher.path,
                    line=q.line,
                    fix="narrow the range or lower `precision:`",
                ) from None
        key["values"] = sorted(h(q, "number", v) for v in values)
        if q.feedback:
            key["feedback"] = _sealed_map(
                out, q, [(keys.quantise(Decimal(v), p), m) for v, m in q.feedback]
            )
    if q.explanation:
        key["explanation"] = keys.seal(h(q, "seal-explanation"), q.explanation)
    if q.feedback_wrong:
        key["wrong"] = keys.seal(h(q, "seal-wrong"), q.feedback_wrong)
    return replace(
        q,
        answer=None,
        ranges=(),
        feedback=(),
        explanation="",
        feedback_wrong="",
        key=key,
    )


def _sealed_map(out: Quiz, q: Question, pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    return {
        out._h(q, "feedback", value): keys.seal(out._h(q, "seal-feedback", value), message)  # noqa: SLF001
        for value, message in sorted(pairs)
    }


def _question_to_dict(q: Question, settings: Settings) -> dict[str, Any]:
    out: dict[str, Any] = {"id": q.id, "type": q.type, "prompt": q.prompt}
    if q.type in ("single", "multiple"):
        out["options"] = list(q.options)
    if q.key is not None:
        pass
    elif q.type in ("single", "multiple"):
        unique = len(set(q.options)) == len(q.options)
        picked = [q.options[i] if unique else i for i in q.answer]
        out["answer"] = picked[0] if q.type == "single" and len(picked) == 1 else picked
        if any(q.feedback):
            out["feedback"] = list(q.feedback)
    elif q.type == "truefalse":
        out["answer"] = bool(q.answer)
        fb = {k: v for k, v in zip(("true", "false"), q.feedback) if v}
        if fb:
            out["feedback"] = fb
    elif q.type in ("text", "find"):
        name = "answers" if q.type == "text" else "answer"
        out[name] = list(q.answer) if len(q.answer) > 1 or q.type == "text" else q.answer[0]
        if q.feedback:
            out["feedback"] = dict(q.feedback)
    else:
        nums = [_number_out(v) for v in q.answer]
        if nums:
            out["answer"] = nums[0] if len(nums) == 1 else nums
        if q.ranges:
            out["ranges"] = [[_number_out(lo), _number_out(hi)] for lo, hi in q.ranges]
        if q.feedback:
            out["feedback"] = dict(q.feedback)
    if q.precision is not None and q.type == "number":
        out["precision"] = q.precision
    for name in ("tolerance", "min_length", "min_overlap"):
        value = getattr(q, name)
        if value is not None and value != getattr(settings, name):
            out[name] = value
        elif value is not None and q.key is not None and name in ("tolerance", "min_overlap"):
            out[name] = value
    if q.points != 1:
        out["points"] = int(q.points) if float(q.points).is_integer() else q.points
    if q.hint:
        out["hint"] = q.hint
    if q.feedback_wrong:
        out["feedback_wrong"] = q.feedback_wrong
    if q.explanation:
        out["explanation"] = q.explanation
    if q.key is not None:
        out["key"] = dict(q.key)
    return out


def _number_out(value: str) -> int | float:
    d = Decimal(value)
    return int(d) if d == d.to_integral_value() and "." not in value else float(value)


# ---------------------------------------------------------------- jupyterquiz interop


def from_jupyterquiz(
    source: str | Path | Sequence[Mapping[str, Any]],
    *,
    title: str | None = None,
    id: str | None = None,
) -> Quiz:
    """A bank from jupyterquiz questions (a JSON file, JSON text, or the list itself).

    Imports multiple_choice (-> single), many_choice (-> multiple), numeric (-> number) and
    string (-> text). What the kit cannot represent is listed in `quiz.warnings`.
    """
    path: Path | None = None
    if isinstance(source, Path) or (
        isinstance(source, str) and not source.lstrip().startswith(("[", "{"))
    ):
        path = Path(source)
        raw_text, _ = read_text(path, MAX_BANK_BYTES)
        try:
            items = json.loads(raw_text)
        except json.JSONDecodeError as e:
            raise KitError(
                f"not valid JSON ({e.msg})", path=path, line=e.lineno, fix="check this line"
            ) from None
    elif isinstance(source, str):
        items = json.loads(source)
    else:
        items = list(source)
    where = path or "<jupyterquiz>"
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list) or not items:
        raise KitError(
            "a jupyterquiz file holds a list of questions",
            path=where,
            fix="export the questions as a JSON list",
        )
    warnings: list[str] = []
    questions = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, Mapping):
            raise KitError(f"question {n} is not a JSON object", path=where)
        questions.append(_jq_question(item, n, where, warnings))
    bank_id = id or (_default_id(path) if path else "jupyterquiz")
    data = {"title": title or (path.stem if path else "Imported quiz"), "id": bank_id}
    data["questions"] = questions
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
    try:
        quiz = Quiz.from_yaml(text, path=None)
    except BankError as e:
        raise KitError(
            f"an imported question cannot be used: {e.problem}", path=where, fix=e.fix
        ) from None
    return replace(quiz, warnings=tuple(warnings))


def _jq_question(
    item: Mapping[str, Any], n: int, where: Any, warnings: list[str]
) -> dict[str, Any]:
    kind = item.get("type")
    prompt = str(item.get("question", "")).strip() or f"Question {n}"
    if item.get("code"):
        prompt += "\n\n" + str(item["code"])
    answers = [a for a in item.get("answers", []) if isinstance(a, Mapping)]
    out: dict[str, Any] = {"id": f"q{n}", "prompt": prompt}
    default = next((a.get("feedback") for a in answers if a.get("type") == "default"), None)
    if default:
        out["feedback_wrong"] = str(default)
    answers = [a for a in answers if a.get("type") != "default"]
    if kind in ("multiple_choice", "many_choice"):
        options = [str(a.get("answer", a.get("code", ""))) for a in answers]
        right = [i for i, a in enumerate(answers) if a.get("correct") is True]
        if not right:
            raise KitError(f"question {n} has no answer marked correct", path=where)
        out.update(type="single" if kind == "multiple_choice" else "multiple", options=options)
        out["answer"] = right if kind == "many_choice" or len(right) > 1 else right[0]
        fb = [a.get("feedback") for a in answers]
        if any(fb):
            out["feedback"] = [str(f) if f else None for f in fb]
        return out
    if kind == "string":
        out["type"] = "text"
        right = [str(a["answer"]) for a in answers if a.get("correct") and "answer" in a]
        if not right:
            raise KitError(f"question {n} has no answer marked correct", path=where)
        out["answers"] = right
        fb = {
            str(a["answer"]): str(a["feedback"])
            for a in answers
            if a.get("feedback") and "answer" in a
        }
        if fb:
            out["feedback"] = fb
        if not any(a.get("fuzzy_threshold") for a in answers):
            out["tolerance"] = 0
        if any(a.get("match_case") for a in answers):
            warnings.append(
                f"question {n}: answers are compared ignoring case (match_case dropped)"
            )
        return out
    if kind == "numeric":
        out["type"] = "number"
        values, ranges, fb = [], [], {}
        for a in answers:
            if "value" in a:
                if a.get("correct"):
                    values.append(a["value"])
                if a.get("feedback"):
                    fb[str(a["value"])] = str(a["feedback"])
            elif "range" in a:
                if a.get("correct"):
                    ranges.append(list(a["range"]))
                elif a.get("feedback"):
                    warnings.append(
                        f"question {n}: the feedback for the range {list(a['range'])} was not "
                        "imported (the kit gives feedback for single numbers)"
                    )
        if not values and not ranges:
            raise KitError(f"question {n} has no answer marked correct", path=where)
        if values:
            out["answer"] = values if len(values) > 1 else values[0]
        if ranges:
            out["ranges"] = ranges
        if fb:
            out["feedback"] = fb
        if isinstance(item.get("precision"), int):
            out["precision"] = item["precision"]
        return out
    raise KitError(
        f"question {n} has the jupyterquiz type '{kind}', which the kit cannot import",
        path=where,
        fix="the kit imports multiple_choice, many_choice, numeric and string questions",
    )


# ---------------------------------------------------------------- generated questions


def generate(
    article: Article,
    seed: int = 0,
    attributions: Sequence[Any] | None = None,
    claims: Sequence[Any] | None = None,
    **options: Any,
) -> Quiz:
    """Questions made from the article's attributions and claims (see kit.quiz_generate)."""
    from .quiz_generate import generate as _generate

    return _generate(article, seed=seed, attributions=attributions, claims=claims, **options)
