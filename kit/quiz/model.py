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

import json
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
from kit.files import atomic_write_text, file_digest, make_folder, read_text, write_edited_file
from kit.progress import progress
from kit.quiz import answers as keys
from kit.quiz import sealed
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

#: Numbers one question of a practice copy may accept (each is a slow derivation at release).
MAX_SEALED_VALUES = 200
#: Blocks of words a selection may touch in a practice copy (each is a derivation to check).
MAX_FIND_BLOCKS = 8
MAX_FIND_WORDS = (MAX_FIND_BLOCKS - 1) * sealed.BLOCK

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
    exam: bool = False
    sealing: Mapping[str, Any] | None = field(default=None, compare=False, repr=False)
    path: Path | None = field(default=None, compare=False, repr=False)
    article: Article | None = field(default=None, compare=False, repr=False)
    warnings: tuple[str, ...] = field(default=(), compare=False, repr=False)
    loaded_sha: str | None = field(default=None, compare=False, repr=False)  # see _load_bank

    # ------------------------------------------------------------ loading and saving

    @classmethod
    def from_file(cls, path: str | Path, article: Article | None = None) -> Quiz:
        """Load and check a bank; raises BankError (a KitError) listing every problem."""
        return _load_bank(cls, Path(path), article)

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
            if self.exam:
                out["exam"] = True
            else:
                out["salt"] = self.salt
                out["sealing"] = dict(self.sealing or {})
            if self.article_sha:
                out["article_sha"] = self.article_sha
        out["questions"] = [question_to_dict(q, self.settings) for q in self.questions]
        return out

    def to_yaml(self, article_ref: str | None = None) -> str:
        """The bank as YAML for teachers to read and edit."""
        header = ""
        if self.released:
            header = (
                "# Exam copy of a quiz bank: no answers at all; the teacher grades the answers\n"
                if self.exam
                else "# Practice copy of a quiz bank: answers are slow salted hashes. Edit the\n"
                "# teacher's bank and release it again (python -m kit quiz release BANK OUT).\n"
            )
            if self.exam:
                header += "# with the teacher's bank (python -m kit quiz grade BANK --exam).\n"
        return header + dump(self.to_dict(article_ref))

    def save(self, path: str | Path, *, overwrite: bool = False) -> Path:
        """Write the bank (atomically); returns the file. `path`: a file (`.json` is written as
        JSON, `.yaml`/`.yml` as YAML; `from_file` reads either back), or a folder (text or Path,
        made when missing) to write `<id>.quiz.yaml` in (`<id>.student.yaml` for a student
        copy). The article is named by its id when it is beside the file, else by its
        path from the file's folder. A teacher's bank edited by hand since this session saved or
        loaded it is kept (KitError) unless `overwrite=True`; a student copy is replaced."""
        return _write_bank(self, _bank_file(self, Path(path)), overwrite)

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
        kind = ("exam copy" if self.exam else "released quiz") if self.released else "quiz"
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
        if self.released:
            self._sealer  # noqa: B018 (an exam copy or an older copy cannot grade: says so)
        if _is_blank(response):
            explanation = "" if self.released else q.explanation
            return Result(q.id, None, 0.0, q.points, explanation=explanation)
        if q.type in CHOICE_TYPES:
            return self._grade_choice(q, response)
        if q.type == "text":
            return self._grade_text(q, response)
        if q.type == "find":
            return self._grade_find(q, response)
        return self._grade_number(q, response)

    def receipt(self, question_id: str, response: Any) -> dict[str, str]:
        """A practice copy's derived keys for `response` ({} for other banks), to save with the
        attempt; once remembered, grading it derives nothing (nor does this, after grade_one)."""
        if not self.released or self.exam:
            return {}
        self._sealer.used.clear()
        self.grade_one(question_id, response)
        return self._sealer.receipt(self._sealer.used)

    def remember(self, question_id: str, receipt: Any) -> None:
        """Take the keys of a saved receipt (see `receipt`); ignored when not one."""
        if self.released and not self.exam and receipt:
            self._sealer.learn(question_id, receipt)

    def _tolerance(self, q: Question) -> int:
        return self.settings.tolerance if q.tolerance is None else q.tolerance

    def _min_length(self, q: Question) -> int:
        return self.settings.min_length if q.min_length is None else q.min_length

    def _min_overlap(self, q: Question) -> float:
        return self.settings.min_overlap if q.min_overlap is None else q.min_overlap

    @cached_property
    def _sealer(self) -> sealed.Sealer:
        """The key derivations of a practice copy (checked when the copy was read)."""
        if self.exam:
            raise KitError(
                "this is an exam copy: it holds no answers, so it cannot check them",
                path=self.path,
                fix="grade the answers with the teacher's bank: python -m kit quiz grade BANK "
                "--exam --work DIR",
            )
        if not self.sealing or self.sealing.get("format") != sealed.SEALING:
            raise sealed.older_copy(self.path)
        return sealed.Sealer(self.salt, dict(self.sealing))

    def _key(self, q: Question, *parts: object) -> bytes:
        return self._sealer.key(q.id, *parts)

    def _result(
        self,
        q: Question,
        correct: bool,
        points: float,
        messages: Iterable[str],
        overlap: float | None = None,
        opened: tuple[str, str] | None = None,
    ) -> Result:
        """`opened`: (explanation, wrong-answer feedback) a practice copy could open."""
        explanation, wrong = opened or ("", "")
        if not self.released:
            explanation, wrong = q.explanation, q.feedback_wrong
        msgs = [m for m in messages if m]
        if not correct and not msgs and wrong:
            msgs.append(wrong)
        return Result(q.id, correct, round(points, 2), q.points, tuple(msgs), explanation, overlap)

    def correct_flags(self, q: Question) -> list[bool]:
        """For a choice question: which options are right (a practice copy derives every option's
        key for this: one slow step per option)."""
        n = len(q.choices)
        if not self.released:
            if q.type == "truefalse":
                return [q.answer is True, q.answer is False]
            return [i in q.answer for i in range(n)]
        stored = list((q.key or {}).get("options", []))
        return [
            i < len(stored) and stored[i] == sealed.tag(self._key(q, "option", i), "right")
            for i in range(n)
        ]

    def _grade_choice(self, q: Question, response: Any) -> Result:
        chosen = _choice_response(q, response)
        if chosen is None:
            return self._result(q, False, 0.0, ["This answer could not be read: choose again."])
        if self.released:
            right, total, messages, opened = _open_choice(self, q, chosen)
        else:
            flags = self.correct_flags(q)
            right = {i: flags[i] for i in chosen}
            total = sum(flags)
            messages = [q.feedback[i] or "" if i < len(q.feedback) else "" for i in chosen]
            opened = None
        if q.type != "multiple":
            ok = right[chosen[0]]
            return self._result(q, ok, q.points if ok else 0.0, messages, opened=opened)
        hits = sum(right.values())
        wrong = len(chosen) - hits
        ok = hits == total and wrong == 0
        if not ok:
            messages.append(_multiple_hint(hits, total, wrong))
        return self._result(
            q, ok, q.points * max(0, hits - wrong) / max(total, 1), messages, opened=opened
        )

    def _grade_text(self, q: Question, response: Any) -> Result:
        if not isinstance(response, str):
            return self._result(q, False, 0.0, ["This answer could not be read: type it again."])
        loose, tol, opened = keys.loose_text(response), self._tolerance(q), None
        if not self.released:
            accepted = [keys.loose_text(a) for a in q.answer]
            exact = loose in accepted
            ok = exact or any(
                keys.near_allowed(a, tol, self._min_length(q)) and keys.slips_match(loose, a, tol)
                for a in accepted
            )
            said = next((m for a, m in q.feedback if keys.loose_text(a) == loose), "")
        else:
            ok, said, opened, exact = _open_text(self, q, response)
        spelling = "Accepted, but check your spelling." if ok and not exact else ""
        return self._result(q, ok, q.points if ok else 0.0, [said, spelling], opened=opened)

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

    def expected_tokens(self, q: Question) -> list[tuple[int, int]]:
        """A teacher's `find` answers as (first, last) token indices in the article."""
        return list(self._expected_tokens.get(q.id, []))

    @cached_property
    def _expected_tokens(self) -> dict[str, list[tuple[int, int]]]:
        out: dict[str, list[tuple[int, int]]] = {}
        for qid, spans in self._spans_by_question.items():
            for a, b in spans:
                idx = keys.tokens_in(self._tokens, a, b, self._token_starts)
                if idx:
                    out.setdefault(qid, []).append((idx[0], idx[-1]))
        return out

    def _grade_find(self, q: Question, response: Any) -> Result:
        span = _span_response(response, len(self.article.text) if self.article else 0)
        if span is None:
            return self._result(q, False, 0.0, ["Select a passage of the article first."])
        selected = keys.tokens_in(self._tokens, *span, self._token_starts)
        opened = None
        if not selected:
            expected: list[tuple[int, int]] = []
        elif not self.released:
            expected = self.expected_tokens(q)
        else:
            first, last = selected[0] // sealed.BLOCK, selected[-1] // sealed.BLOCK
            if last - first >= MAX_FIND_BLOCKS:
                note = f"Select a shorter passage (at most {MAX_FIND_WORDS} words)."
                return self._result(q, False, 0.0, [note])
            blocks = (q.key or {}).get("blocks") or {}
            expected, opening = [], []
            for b in range(first, last + 1):
                k = self._key(q, "block", b)
                entry = blocks.get(sealed.tag(k, "block"))
                if isinstance(entry, str):
                    expected.extend(sealed.open_spans(k, entry))
                    opening.append(k)
        best = 0.0
        if selected:
            lo, hi = selected[0], selected[-1]
            for a, b in expected:
                shared = max(0, min(b, hi) - max(a, lo) + 1)
                best = max(best, keys.overlap_f1(len(selected), b - a + 1, shared))
        ok = best >= self._min_overlap(q)
        if self.released:
            explanation = (q.key or {}).get("explanation")
            opened = (sealed.unwrap(explanation, opening, "explanation") if ok else "", "")
        if ok and best < 0.999:
            note = f"Close enough: your selection matches {best:.0%} of the passage."
        elif ok:
            note = ""
        elif best > 0:
            note = f"Part of it: your selection matches {best:.0%} of the passage."
        else:
            note = "That passage is not the one the question is about."
        return self._result(q, ok, q.points * best, [note], overlap=round(best, 3), opened=opened)

    def _grade_number(self, q: Question, response: Any) -> Result:
        number = keys.parse_number(response)
        if number is None:
            return self._result(q, False, 0.0, ["Type a number, like 30 or 2.5."])
        precision = q.precision or 0
        canon = keys.quantise(number, precision)
        opened = None
        if not self.released:
            value = Decimal(canon)
            ok = canon in {keys.quantise(Decimal(v), precision) for v in q.answer} or any(
                Decimal(lo) <= value <= Decimal(hi) for lo, hi in q.ranges
            )
            said = next(
                (m for v, m in q.feedback if keys.quantise(Decimal(v), precision) == canon), ""
            )
        else:
            ok, said, opened = _open_value(self, q, "number", canon)
        return self._result(q, ok, q.points if ok else 0.0, [said], opened=opened)

    # ------------------------------------------------------------ releasing

    def release(
        self, salt: str | None = None, *, exam: bool = False, cost: int | None = None
    ) -> Quiz:
        """A student copy. Practice (default): answers as slow salted hashes, feedback sealed
        under the answers (kit.quiz.sealed). `exam=True`: no answer material at all; the
        teacher grades the recorded answers with this bank. `cost`: scrypt's N (tests only)."""
        return _release(self, salt, exam, cost)

    @property
    def _needs_article(self) -> bool:
        return any(q.type == "find" for q in self.questions)

    # ------------------------------------------------------------ the class's work

    def grade_class(
        self, work_dir: str | Path | None = None, *, exam: bool = False
    ) -> pd.DataFrame:
        """Every student's best attempt at every question, from the work folder, as a DataFrame.

        One row per student and question: student, question, attempts, correct, points,
        max_points. Responses are graded again with this bank, so a changed key counts.
        `exam=True` (answers recorded in an exam copy, which gives no feedback): only the last
        answer to each question counts.
        """
        if self.released:
            raise KitError(
                "a student copy cannot grade the class",
                path=self.path,
                fix="grade with the teacher's bank: python -m kit quiz grade BANK --work DIR",
            )
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
                counted = attempts[-1:] if exam else attempts
                best = self.best_result(q.id, [a.get("response") for a in counted])
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


def _bank_file(quiz: Quiz, path: Path) -> Path:
    """The file `Quiz.save(path)` writes, its folder made when missing. A new file name of
    another kind (`bank.txt`, `bank.quiz`) is a KitError, not a folder of that name."""
    suffix = path.suffix.lower()
    if not path.exists() and suffix[1:].isalpha() and suffix not in (".yaml", ".yml", ".json"):
        raise KitError(
            f"a quiz bank is saved as YAML (.yaml) or JSON (.json), not as {path.suffix}",
            path=path,
            fix=f'name the file for what it holds: quiz.save("{path.with_suffix("")}.quiz.yaml")',
        )
    if path.is_dir() or suffix not in (".yaml", ".yml", ".json"):
        ending = ".student.yaml" if quiz.released else ".quiz.yaml"
        path = path / f"{safe_name(quiz.id, 'quiz id')}{ending}"
    make_folder(path.parent)
    return path


def _load_bank(cls: type[Quiz], p: Path, article: Article | None) -> Quiz:
    """`Quiz.from_file`, remembering the digest of the file as loaded (`loaded_sha`): saving the
    quiz back over that file is safe while the file is unchanged."""
    sha = file_digest(p)
    text, _ = read_text(p, MAX_BANK_BYTES)
    return replace(cls.from_yaml(text, path=p, article=article), loaded_sha=sha)


def _write_bank(quiz: Quiz, p: Path, overwrite: bool) -> Path:
    """`Quiz.save`'s write: a student copy is replaced; a teacher's bank only when safe."""
    ref = article_ref(quiz, p)
    if p.suffix.lower() == ".json":  # the data to_yaml writes, without its comments
        text = json.dumps(quiz.to_dict(ref), ensure_ascii=False, indent=1) + "\n"
    else:
        text = quiz.to_yaml(ref)
    if quiz.released:
        atomic_write_text(p, text)
        return p
    write_edited_file(
        p,
        text,
        overwrite=overwrite,
        known=quiz.loaded_sha if quiz.path is not None and _same_file(quiz.path, p) else None,
        replace=f'quiz.save("{p}", overwrite=True)',
        instead=f'quiz.save("{p.parent / "my_quiz.quiz.yaml"}")',
        keep=f'bank_file = "{p}", or quiz = kit.load_quiz("{p}")',
    )
    return p


def _same_file(a: Path, b: Path) -> bool:
    return Path(a).resolve() == Path(b).resolve()


def article_ref(quiz: Quiz, bank: Path) -> str | None:
    """How a bank saved as `bank` names its article: None (its id) when the article file is
    beside the bank, else the article's path relative to the bank's folder."""
    if quiz.article is None or quiz.article.path is None:
        return None
    article = Path(quiz.article.path).resolve()
    if article.parent == bank.resolve().parent and article.stem == quiz.article_id:
        return None
    try:
        return Path(os.path.relpath(article, bank.resolve().parent)).as_posix()
    except ValueError:  # another drive (Windows): the id, found once the files are together
        return None


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
            Quiz(**fields).release(salt="0" * 32, cost=2)  # its problems, not its keys
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


def _open_choice(
    quiz: Quiz, q: Question, chosen: list[int]
) -> tuple[dict[int, bool], int, list[str], tuple[str, str]]:
    """A practice copy's check of a choice: one derivation per option chosen. Which chosen
    options are right, how many are right in all, their feedback, and (explanation, wrong-answer
    feedback) as far as the chosen options' keys open them."""
    key = q.key or {}
    ks = {i: quiz._key(q, "option", i) for i in chosen}  # noqa: SLF001
    stored = list(key.get("options", []))
    right = {i: i < len(stored) and stored[i] == sealed.tag(k, "right") for i, k in ks.items()}
    total = int(key.get("count", 1)) if q.type == "multiple" else 1
    fb = list(key.get("feedback") or [])
    messages = [
        keys.unseal(sealed.sub(ks[i], "feedback"), fb[i]) or ""
        if i < len(fb) and isinstance(fb[i], str)
        else ""
        for i in chosen
    ]
    if q.type == "multiple":
        ok = sum(right.values()) == total == len(chosen)
        opening = [sealed.combined([ks[i] for i in chosen])]
    else:
        ok = right[chosen[0]]
        opening = [ks[chosen[0]]]
    explanation = sealed.unwrap(key.get("explanation"), opening, "explanation") if ok else ""
    wrong = "" if ok else sealed.unwrap(key.get("wrong"), ks.values(), "wrong")
    return right, total, messages, (explanation, wrong)


def _open_value(
    quiz: Quiz, q: Question, kind: str, value: str
) -> tuple[bool, str, tuple[str, str]]:
    """A practice copy's check of a typed answer or number: one derivation."""
    key = q.key or {}
    k = quiz._key(q, kind, value)  # noqa: SLF001
    ok = sealed.tag(k, "right") in set(key.get("values", []))
    entry = (key.get("feedback") or {}).get(sealed.tag(k, "said"))
    said = keys.unseal(sealed.sub(k, "said"), entry) or "" if isinstance(entry, str) else ""
    explanation = sealed.unwrap(key.get("explanation"), [k], "explanation") if ok else ""
    return ok, said, (explanation, "")


def _open_text(quiz: Quiz, q: Question, typed: str) -> tuple[bool, str, tuple[str, str], bool]:
    """A practice copy's check of a typed answer: one derivation, of its loose form (a copy of
    an earlier version: its normalised form). Right, what is said to it, (explanation, ''),
    and whether it was exact (not a spelling slip)."""
    key = q.key or {}
    if key.get("match") != "loose":
        ok, said, opened = _open_value(quiz, q, "text", keys.normalise_text(typed))
        return ok, said, opened, ok
    k = quiz._key(q, "text", keys.loose_text(typed))  # noqa: SLF001
    exact = sealed.tag(k, "right") in set(key.get("values", []))
    ok = exact or sealed.tag(k, "near") in set(key.get("near", []))
    entry = (key.get("feedback") or {}).get(sealed.tag(k, "said"))
    said = keys.unseal(sealed.sub(k, "said"), entry) or "" if isinstance(entry, str) else ""
    explanation = sealed.unwrap(key.get("explanation"), [k], "explanation") if ok else ""
    return ok, said, (explanation, ""), exact


def _near_values(teacher: Quiz, q: Question, values: list[str]) -> list[str]:
    """The spelling slips a practice copy accepts for a typed answer: each accepted (loose)
    answer with one character missing, when the question allows slips (one derivation each
    at release, none more to check)."""
    tol, least = teacher._tolerance(q), teacher._min_length(q)  # noqa: SLF001
    near = {
        d
        for v in values
        if keys.near_allowed(v, tol, least)
        for d in keys.deletions(v, 1)
        if keys.letters(d)
    }
    return sorted(near - set(values))


def _release(quiz: Quiz, salt: str | None, exam: bool, cost: int | None) -> Quiz:
    """Quiz.release: an exam copy (no answer material) or a practice copy (sealed)."""
    if quiz.released:
        raise KitError(
            "this bank is already a student copy",
            path=quiz.path,
            fix="release the teacher's bank instead",
        )
    if exam:
        bare = tuple(
            replace(
                q,
                answer=None,
                ranges=(),
                feedback=(),
                explanation="",
                feedback_wrong="",
                key=None,
                tolerance=None,
                min_length=None,
                min_overlap=None,
            )
            for q in quiz.questions
        )
        sha = text_fingerprint(quiz.article.text) if quiz.article is not None else ""
        return replace(
            quiz,
            released=True,
            exam=True,
            salt="",
            questions=bare,
            path=None,
            warnings=(),
            article_sha=sha if quiz._needs_article else "",
        )
    salt = salt or secrets.token_hex(16)
    out = replace(
        quiz,
        released=True,
        salt=salt,
        path=None,
        warnings=(),
        sealing=sealed.kdf_settings(cost),
    )
    sha = ""
    if quiz._needs_article:
        quiz._tokens  # noqa: B018 (raises the "no article" error early)
        assert quiz.article is not None
        sha = text_fingerprint(quiz.article.text)
    out = replace(out, article_sha=sha)
    questions = tuple(
        _release_question(quiz, out, q)
        for q in progress(quiz.questions, "sealing", unit="question")
    )
    return replace(out, questions=questions)


def _release_question(teacher: Quiz, out: Quiz, q: Question) -> Question:
    """One question of a practice copy: the same prompt, its answer turned into a sealed key."""
    s = out._sealer  # noqa: SLF001
    key: dict[str, Any] = {}
    opens: list[bytes] = []  # the keys that open the explanation
    if q.type in CHOICE_TYPES:
        ks = [s.key(q.id, "option", i) for i in range(len(q.choices))]
        flags = teacher.correct_flags(q)
        key["options"] = [sealed.tag(k, "right" if f else "wrong") for k, f in zip(ks, flags)]
        right = [k for k, f in zip(ks, flags) if f]
        if q.type == "multiple":
            key["count"] = len(right)
            opens = [sealed.combined(right)]
        else:
            opens = right
        fb = list(q.feedback)
        if any(fb):
            key["feedback"] = [
                keys.seal(sealed.sub(ks[i], "feedback"), m) if m and i < len(ks) else None
                for i, m in enumerate(fb)
            ]
        if q.feedback_wrong:
            wrong = ks if q.type == "multiple" else [k for k, f in zip(ks, flags) if not f]
            key["wrong"] = sealed.wrap(q.feedback_wrong, wrong, "wrong")
    elif q.type in ("text", "number"):
        near: list[str] = []
        if q.type == "text":
            values = sorted({keys.loose_text(a) for a in q.answer})
            said = [(keys.loose_text(a), m) for a, m in q.feedback]
            near = _near_values(teacher, q, values)
            key["match"] = "loose"
            q = replace(q, tolerance=teacher._tolerance(q))  # noqa: SLF001
        else:
            values, said = _number_values(teacher, q)
        opens = [s.key(q.id, q.type, v) for v in values]
        key["values"] = sorted(sealed.tag(k, "right") for k in opens)
        if near:
            near_keys = [s.key(q.id, q.type, v) for v in near]
            key["near"] = sorted(sealed.tag(k, "near") for k in near_keys)
            opens += near_keys
        if said:
            key["feedback"] = {}
            for value, message in sorted(said):
                k = s.key(q.id, q.type, value)
                key["feedback"][sealed.tag(k, "said")] = keys.seal(sealed.sub(k, "said"), message)
    else:
        blocks: dict[int, list[tuple[int, int]]] = {}
        for a, b in teacher.expected_tokens(q):
            for block in range(a // sealed.BLOCK, b // sealed.BLOCK + 1):
                blocks.setdefault(block, []).append((a, b))
        key["blocks"] = {}
        for block, spans in sorted(blocks.items()):
            k = s.key(q.id, "block", block)
            key["blocks"][sealed.tag(k, "block")] = sealed.seal_spans(k, sorted(set(spans)))
            opens.append(k)
        q = replace(q, min_overlap=teacher._min_overlap(q))  # noqa: SLF001
    if q.explanation and opens:
        key["explanation"] = sealed.wrap(q.explanation, opens, "explanation")
    return replace(
        q,
        answer=None,
        ranges=(),
        feedback=(),
        explanation="",
        feedback_wrong="",
        key=key,
    )


def _number_values(teacher: Quiz, q: Question) -> tuple[list[str], list[tuple[str, str]]]:
    """Every accepted number of a question (ranges as their grid), and the per-value feedback."""
    p = q.precision or 0
    values = {keys.quantise(Decimal(v), p) for v in q.answer}
    for lo, hi in q.ranges:
        try:
            values.update(keys.range_grid(Decimal(lo), Decimal(hi), p))
        except ValueError:
            values.update(range(MAX_SEALED_VALUES + 1))  # reported just below
    if len(values) > MAX_SEALED_VALUES:
        raise KitError(
            f"question '{q.id}' accepts {len(values)} numbers at {p} decimal places, too many "
            f"for a practice copy (at most {MAX_SEALED_VALUES}: each one is a slow key)",
            path=teacher.path,
            line=q.line,
            fix="narrow the range or lower `precision:`, or release an exam copy (--exam)",
        )
    return sorted(values), [(keys.quantise(Decimal(v), p), m) for v, m in q.feedback]
