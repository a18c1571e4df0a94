"""Quizzes that teach: the Quiz, which loads, grades with feedback, releases and saves a bank.

Question types: `single`, `multiple`, `truefalse`, `text` (accepted answers, case-insensitive,
small spelling slips allowed), `find` (the student selects a passage of the article; scored by word
overlap) and `number`. Banks are YAML files read and checked by `kit.quiz.bank` (every problem with
its file, line and fix) into the parts in `kit.quiz.questions`, and written by `kit.quiz.writer`.
`Quiz.release()` makes the student copy, in which answers are salted hashes and feedback is sealed
(see `kit.quiz.answers`); it grades exactly like the teacher's bank.
Generated questions are made by `kit.quiz.generate` (`kit.generate_quiz`), jupyterquiz banks are
imported by `kit.quiz.jupyterquiz`; both sit above this module.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kit.articles.article import Article
from kit.errors import KitError
from kit.files import atomic_write_text, read_text
from kit.progress import progress
from kit.quiz import answers as keys
from kit.quiz.bank import parse_bank
from kit.quiz.questions import (
    CHOICE_TYPES,
    FORMAT,
    MAX_BANK_BYTES,
    BankError,
    Grade,
    Question,
    Result,
    Settings,
)
from kit.quiz.writer import dump, question_to_dict
from kit.work.reader import check_class_fields, summary_of
from kit.work.store import read_document, safe_name, text_fingerprint
from kit.work.store import work_dir as default_work_dir

if TYPE_CHECKING:  # pandas is imported only when a table is asked for
    import pandas as pd


@dataclass(frozen=True)
class Quiz:
    """A question bank. Load with `Quiz.from_file(path)` (or `kit.load_quiz`)."""

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
        fields, errors = parse_bank(text, Path(path) if path is not None else None, article)
        if errors:
            raise BankError(errors)
        assert fields is not None
        return cls(**fields)

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
        out["questions"] = [question_to_dict(q, self.settings) for q in self.questions]
        return out

    def to_yaml(self, article_ref: str | None = None) -> str:
        """The bank as YAML for teachers to read and edit."""
        header = (
            "# Student copy of a quiz bank: answers are salted hashes. Edit the teacher's bank\n"
            "# and release it again (python -m kit quiz release BANK.yaml OUT.yaml).\n"
            if self.released
            else ""
        )
        return header + dump(self.to_dict(article_ref))

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

        root = default_work_dir(work_dir)
        name = f"{safe_name(self.work_article_id, 'article id')}.json"
        rows = []
        for path in progress(sorted(root.glob(f"*/{name}")), "grading"):
            try:
                doc = read_document(path)
                check_class_fields(summary_of(doc), (), path)
            except KitError as e:
                rows.append({"student": path.parent.name, "question": None, "problem": e.message})
                continue
            answers = doc["quiz"].get(self.id, {})
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
            try:
                result = self.grade_one(question_id, r)
            except (KitError, ArithmeticError, ValueError, TypeError):  # a response no widget
                continue  # saves (hand-edited): no points
            if result.points > best.points or (best.correct is None and result.correct is not None):
                best = result
        return best


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
    fields, errors = parse_bank(text, p, None)
    if fields is not None and not fields["released"]:
        try:
            Quiz(**fields).release(salt="0" * 32)
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


# ---------------------------------------------------------------- releasing


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
