"""The class's tidy tables: one row per highlight, tag, quiz attempt or written answer; each
student's progress per lesson and quiz score; and the CSV export of every table.

Functions of plain data (work files, the course, the quiz banks): `ClassWork` calls them with what
it has read, keeps the result and hands out copies (kit.classroom.classwork). The column lists
below are the tables' shape, as the dashboard shows them and the CSV export writes them.
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence, Sized
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from kit.articles.article import Article
from kit.classroom.course import Course
from kit.classroom.materials import BankInfo, QuestionInfo
from kit.errors import KitError
from kit.files import atomic_write_text
from kit.reading.labels import builtin_sets, load_labels
from kit.work.annotations import Annotation

if TYPE_CHECKING:
    from kit.classroom.classwork import WorkFile

STATUSES = ("done", "partly done", "not started")
# Cells a spreadsheet would run as a formula (CSV injection): written with a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

HIGHLIGHT_COLUMNS = [
    "student", "article_id", "annotation_id", "motivation", "start", "end", "exact", "label",
    "tags", "comment", "modified",
]  # fmt: skip
TAG_COLUMNS = ["student", "article_id", "annotation_id", "start", "end", "exact", "kind", "value"]
QUIZ_COLUMNS = [
    "student", "article_id", "bank", "question", "attempt", "response", "answer", "correct",
    "points", "at",
]  # fmt: skip
REFLECTION_COLUMNS = ["student", "article_id", "key", "lesson", "value", "words", "modified"]
PROGRESS_COLUMNS = ["student", "lesson", "title", "status", "steps_done", "steps"]
SCORE_COLUMNS = [
    "student", "answered", "right_first_try", "right", "points", "max_points", "score",
    "quiz_points",
]  # fmt: skip
QUIZ_SCORE_COLUMNS = [
    "student", "bank", "title", "answered", "questions", "points", "max_points", "score",
    "quiz_points",
]  # fmt: skip

# Columns holding a label id (`named_person`) and the kind of tag it is: the views show the
# name students see ("Named person"); the tables and their CSV files keep the ids.
LABEL_COLUMNS = {
    "key_type": "source", "most_given_wrong": "source", "most_common": "claim", "key": "claim",
}  # fmt: skip

# (student, lesson id, step index) -> (progress, needed)
StepCounts = dict[tuple[str, str, int], tuple[int, int]]
# (student, bank, question) -> (best points, ever right, right at first try)
BestTries = dict[tuple[str, str, str], tuple[float, bool, bool]]


# ---------------------------------------------------------------- one row per thing done


def highlights(annotated: Iterable[tuple[WorkFile, Sequence[Annotation]]]) -> pd.DataFrame:
    """One row per annotation of each work file (columns: HIGHLIGHT_COLUMNS)."""
    rows = [
        (f.student, f.article_id, a.id, a.motivation, a.start, a.end, a.exact,
         a.tags[0] if a.tags else "", "; ".join(a.tags), a.comment, a.modified)
        for f, anns in annotated
        for a in anns
    ]  # fmt: skip
    return pd.DataFrame.from_records(rows, columns=HIGHLIGHT_COLUMNS)


def tags(annotated: Iterable[tuple[WorkFile, Sequence[Annotation]]]) -> pd.DataFrame:
    """One row per tag of each annotation; a tag `source:anonymous` is kind `source`, value
    `anonymous` (a tag without a colon: no kind)."""
    rows = []
    add = rows.append
    for f, anns in annotated:
        student, article_id = f.student, f.article_id
        for a in anns:
            for t in a.tags:
                kind, sep, value = t.partition(":")
                if not sep:
                    kind, value = "", kind
                add((student, article_id, a.id, a.start, a.end, a.exact, kind, value))
    return pd.DataFrame.from_records(rows, columns=TAG_COLUMNS)


def quiz_rows(
    files: Iterable[WorkFile],
    bank_ids: Iterable[str],
    banks: Mapping[str, BankInfo],
    articles: Mapping[str, Article],
) -> list[dict[str, Any]]:
    """One dict per quiz attempt on the banks in scope (keys: QUIZ_COLUMNS); attempt 1 is the
    first. Entries that are not what the quiz widget saves are skipped."""
    in_scope = set(bank_ids)
    rows = []
    for f in files:
        for bank_id, questions in f.doc.get("quiz", {}).items():
            if bank_id not in in_scope or not isinstance(questions, dict):
                continue
            bank = banks.get(bank_id)
            for qid, entry in questions.items():
                attempts = entry.get("attempts", []) if isinstance(entry, dict) else []
                attempts = attempts if isinstance(attempts, list) else []
                q = bank.question(qid) if bank else None
                for n, att in enumerate(attempts, 1):
                    if not isinstance(att, dict):
                        continue
                    response = att.get("response")
                    correct, points = _graded(bank, q, att)
                    rows.append(
                        {
                            "student": f.student,
                            "article_id": f.article_id,
                            "bank": bank_id,
                            "question": qid,
                            "attempt": n,
                            "response": json.dumps(response, ensure_ascii=False),
                            "answer": response_words(q, response, articles.get(f.article_id)),
                            "correct": correct,
                            "points": points,
                            "at": str(att.get("at", "")),
                        }
                    )
    return rows


def _graded(
    bank: BankInfo | None, q: QuestionInfo | None, att: dict[str, Any]
) -> tuple[Any, float]:
    """(correct, points) of one attempt: graded again with the teacher's bank when there is one
    (never the points a student's file records); otherwise as recorded, within the question's
    points (one point for a question of no known bank)."""
    if bank is not None and bank.grader is not None and q is not None:
        try:
            result = bank.grader.grade_one(q.id, att.get("response"))
            return result.correct, float(result.points)
        except (KitError, ArithmeticError, ValueError, TypeError, RecursionError):
            return False, 0.0
    correct = att.get("correct")
    top = q.points if q is not None else 1.0
    return correct if isinstance(correct, bool) else None, min(
        max(_number(att.get("points")), 0.0), top
    )


def response_words(q: QuestionInfo | None, response: Any, article: Article | None) -> str:
    """A response as the teacher reads it: option text, True/False, the words typed, or the
    article's words a [start, end] response points at."""
    if response is None:
        return ""
    if q is not None and q.type in ("single", "multiple", "truefalse"):
        picks = response if isinstance(response, list) else [response]
        words = []
        for p in picks:
            if isinstance(p, bool):
                words.append("True" if p else "False")
            elif isinstance(p, int) and 0 <= p < len(q.choices):
                words.append(q.choices[p])
            else:
                words.append(str(p))
        return "; ".join(words)
    if (
        isinstance(response, list)
        and len(response) == 2
        and all(isinstance(x, int) for x in response)
        and article is not None
    ):
        start, end = response
        return article.text[start:end]
    if isinstance(response, str):
        return " ".join(response.split())
    return json.dumps(response, ensure_ascii=False)


def reflections(files: Iterable[WorkFile], course: Course, lesson_id: str | None) -> pd.DataFrame:
    """One row per written answer (columns: REFLECTION_COLUMNS); with a lesson in scope, only
    the answers that lesson asks for."""
    lesson_of = {s.target: le.id for le in course.lessons for s in le.done if s.kind == "response"}
    rows = []
    for f in files:
        for key, entry in sorted(f.doc.get("responses", {}).items()):
            entry = entry if isinstance(entry, dict) else {}
            value = entry.get("value", "")
            value = value if isinstance(value, str) else json.dumps(value)
            lesson = lesson_of.get(key, "")
            if lesson_id is not None and lesson != lesson_id:
                continue
            rows.append(
                {
                    "student": f.student,
                    "article_id": f.article_id,
                    "key": key,
                    "lesson": lesson,
                    "value": value,
                    "words": len(value.split()),
                    "modified": str(entry.get("modified", "")),
                }
            )
    return frame(rows, REFLECTION_COLUMNS)


# ---------------------------------------------------------------- progress


def question_totals(files: Iterable[WorkFile], banks: Mapping[str, BankInfo]) -> dict[str, int]:
    """Questions per bank: from the bank file, else the most seen in the class."""
    totals = {b: len(info.questions) for b, info in banks.items()}
    seen: dict[str, set[str]] = {}
    for f in files:
        for b, qs in f.doc.get("quiz", {}).items():
            if isinstance(qs, dict):
                seen.setdefault(b, set()).update(qs)
    for b, qs in seen.items():
        totals.setdefault(b, len(qs))
    return totals


def step_counts(
    tagged: Iterable[tuple[WorkFile, Mapping[str, Sized]]],
    students: Iterable[str],
    course: Course,
    totals: Mapping[str, int],
) -> StepCounts:
    """How far each student got in every step of every tracked lesson.

    `tagged`: each work file with its annotations by tag kind (a tag kind's annotations count
    towards a `tagged` step); `totals`: questions per bank (see `question_totals`).
    """
    by_student: dict[str, list[tuple[WorkFile, Mapping[str, Sized]]]] = {}
    for f, by_kind in tagged:
        by_student.setdefault(f.student, []).append((f, by_kind))
    out: StepCounts = {}
    for student in students:
        mine = by_student.get(student, [])
        for lesson in course.tracked:
            wanted = lesson.articles
            in_lesson = [(f, a) for f, a in mine if not wanted or f.article_id in wanted]
            for i, step in enumerate(lesson.done):
                if step.kind == "response":
                    got = any(_filled(f.doc, step.target) for f, _ in in_lesson)
                    out[(student, lesson.id, i)] = (int(got), 1)
                elif step.kind == "tagged":
                    n = sum(len(k[step.target]) for _, k in in_lesson if step.target in k)
                    out[(student, lesson.id, i)] = (min(n, step.min), step.min)
                else:
                    answered = set()
                    for f, _ in mine:
                        for qid, entry in f.doc.get("quiz", {}).get(step.target, {}).items():
                            if isinstance(entry, dict) and entry.get("attempts"):
                                answered.add(qid)
                    total = totals.get(step.target, max(len(answered), 1))
                    out[(student, lesson.id, i)] = (min(len(answered), total), total)
    return out


def progress(students: Iterable[str], course: Course, counts: StepCounts) -> pd.DataFrame:
    """One row per student and tracked lesson: status (done, partly done or not started),
    steps done, steps."""
    rows = []
    for student in students:
        for lesson in course.tracked:
            parts = [counts[(student, lesson.id, i)] for i in range(len(lesson.done))]
            rows.append(
                {
                    "student": student,
                    "lesson": lesson.id,
                    "title": lesson.title,
                    "status": _status(parts),
                    "steps_done": sum(got >= need for got, need in parts),
                    "steps": len(parts),
                }
            )
    return frame(rows, PROGRESS_COLUMNS)


def lesson_progress(progress: pd.DataFrame, course: Course) -> pd.DataFrame:
    """One row per tracked lesson: how many students are done, partly done, not started."""
    rows = []
    for lesson in course.tracked:
        counts = Counter(progress.loc[progress["lesson"] == lesson.id, "status"])
        rows.append({"lesson": lesson.id, "title": lesson.title} | {s: counts[s] for s in STATUSES})
    return frame(rows, ["lesson", "title", *STATUSES])


def summary(
    progress: pd.DataFrame, scores: pd.DataFrame, course: Course, students: Sequence[str]
) -> pd.DataFrame:
    """One row per student: the status of each tracked lesson, counts, and the quiz points in
    words, out of the quizzes in scope ("3 of 12 points (25%)")."""
    lessons = [le.id for le in course.tracked]
    if progress.empty:
        wide = pd.DataFrame(columns=["student", *lessons])
        wide["student"] = list(students)
    else:
        wide = progress.pivot(index="student", columns="lesson", values="status")
        wide = wide[lessons].reset_index()
        wide.columns.name = None
    for status in STATUSES:
        wide[status] = (wide[lessons] == status).sum(axis=1) if len(wide) else []
    scores = scores.set_index("student")
    wide["quiz points"] = wide["student"].map(scores["quiz_points"]) if len(scores) else ""
    return wide.reset_index(drop=True)


def _filled(doc: dict[str, Any], key: str) -> bool:
    entry = doc.get("responses", {}).get(key)
    value = entry.get("value") if isinstance(entry, dict) else None
    return isinstance(value, str) and bool(value.strip())


def _status(parts: Sequence[tuple[int, int]]) -> str:
    if parts and all(got >= need for got, need in parts):
        return "done"
    if any(got > 0 for got, _ in parts):
        return "partly done"
    return "not started"


# ---------------------------------------------------------------- quiz scores


def best_tries(rows: Iterable[dict[str, Any]]) -> BestTries:
    """Each student's best on each question, from the quiz rows (see `quiz_rows`)."""
    best: BestTries = {}
    for r in rows:
        k = (r["student"], r["bank"], r["question"])
        pts, ever, first = best.get(k, (0.0, False, r["correct"] is True))
        best[k] = (max(pts, r["points"]), ever or r["correct"] is True, first)
    return best


def questions(
    best: BestTries, bank_ids: Iterable[str], banks: Mapping[str, BankInfo]
) -> list[tuple[str, str, float]]:
    """(bank, question, max points) for every question in scope, in bank order (a bank the
    teacher did not give: the questions answered, one point each)."""
    seen: dict[str, list[str]] = {}
    for _, bank, q in best:
        if q not in seen.setdefault(bank, []):
            seen[bank].append(q)
    out = []
    for bank in bank_ids:
        info = banks.get(bank)
        if info is not None:
            out += [(bank, q.id, q.points) for q in info.questions]
        else:
            out += [(bank, q, 1.0) for q in sorted(seen.get(bank, []))]
    return out


def scores(
    students: Iterable[str], questions: Sequence[tuple[str, str, float]], best: BestTries
) -> pd.DataFrame:
    """One row per student (columns: SCORE_COLUMNS); score is the percent of all quiz points in
    scope (empty for a student who answered nothing), quiz_points the same in words, saying
    what it is out of ("3 of 12 points (25%)")."""
    rows = []
    for student in students:
        got = [best.get((student, b, q)) for b, q, _ in questions]
        rows.append(
            {
                "student": student,
                "right_first_try": sum(1 for g in got if g and g[2]),
                "right": sum(1 for g in got if g and g[1]),
            }
            | _points(student, questions, best)
        )
    return frame(rows, SCORE_COLUMNS)


def quiz_scores(
    students: Iterable[str],
    questions: Sequence[tuple[str, str, float]],
    best: BestTries,
    banks: Mapping[str, BankInfo],
) -> pd.DataFrame:
    """One row per student and quiz in scope (columns: QUIZ_SCORE_COLUMNS): questions answered
    of how many, points of the quiz's points, in percent and in words."""
    by_bank: dict[str, list[tuple[str, str, float]]] = {}
    for q in questions:
        by_bank.setdefault(q[0], []).append(q)
    rows = []
    for student in students:
        for bank, qs in by_bank.items():
            info = banks.get(bank)
            rows.append(
                {
                    "student": student,
                    "bank": bank,
                    "title": info.title if info is not None and info.title else bank,
                    "questions": len(qs),
                }
                | _points(student, qs, best)
            )
    return frame(rows, QUIZ_SCORE_COLUMNS)


def _points(
    student: str, questions: Sequence[tuple[str, str, float]], best: BestTries
) -> dict[str, Any]:
    """A student's answered questions, points, max points, score (%) and the same in words."""
    max_points = round(sum(p for _, _, p in questions), 2)
    got = [best.get((student, b, q)) for b, q, _ in questions]
    answered = sum(1 for g in got if g)
    points = round(sum(g[0] for g in got if g), 2)
    return {
        "answered": answered,
        "points": points,
        "max_points": max_points,
        "score": round(100 * points / max_points, 1) if max_points and answered else math.nan,
        "quiz_points": points_text(points, max_points, answered > 0),
    }


def points_text(points: float, max_points: float, answered: bool = True) -> str:
    """Points as a teacher reads them, saying what they are out of: "3 of 12 points (25%)";
    "no answers yet (12 points)" for a student who answered nothing."""
    of = f"{_num(max_points)} point{'' if max_points == 1 else 's'}"
    if not max_points:
        return "no quiz questions"
    if not answered:
        return f"no answers yet ({of})"
    return f"{_num(points)} of {of} ({math.floor(100 * points / max_points + 0.5)}%)"


def _num(x: float) -> str:
    """3.0 -> '3', 2.5 -> '2.5'."""
    return f"{x:g}"


def score_distribution(scores: pd.DataFrame, width: int = 20) -> dict[str, int]:
    """How many students (who answered anything) scored in each band of `width` percent."""
    scores = scores[scores["answered"] > 0]
    bands = {f"{lo}-{min(lo + width, 100)}%": 0 for lo in range(0, 100, width)}
    names = list(bands)
    for s in scores["score"].dropna():
        bands[names[min(int(s // width), len(names) - 1)]] += 1
    return bands


# ---------------------------------------------------------------- label names


def label_names(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of a class table with its label ids as the names students see, for people to read:
    `anonymous` -> "Unnamed source"; labels "fact 3, opinion 1" -> "Fact 3, Opinion 1". Values
    that are no label of the kit stay as they are. (The tables and their CSV files keep ids.)"""
    out = df.copy()
    for column, kind in LABEL_COLUMNS.items():
        if column in out.columns:
            out[column] = out[column].map(lambda v, k=kind: _label_name(k, v))
    if "labels" in out.columns:  # "id count, id count": ids hold no space or comma
        out["labels"] = out["labels"].map(
            lambda v: (
                ", ".join(
                    f"{_label_name('claim', lab)} {n}"
                    for lab, _, n in (part.rpartition(" ") for part in str(v).split(", "))
                )
                if isinstance(v, str) and v
                else v
            )
        )
    return out


def _label_name(kind: str, value: object) -> object:
    """The name people read for a saved label value of this kind (unchanged if not a label)."""
    return _names().get(f"{kind}:{value}", value) if isinstance(value, str) else value


@functools.cache
def _names() -> dict[str, str]:
    """Every tag of the kit's label sets (`source:anonymous`) with the name students see."""
    return {label.tag: label.title for name in builtin_sets() for label in load_labels(name)}


# ---------------------------------------------------------------- export


def csv_safe(df: pd.DataFrame) -> pd.DataFrame:
    """A copy in which text cells that a spreadsheet would run as a formula start with "'"."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v
            )
    return out


def write_csv(tables: Mapping[str, pd.DataFrame], folder: str | Path) -> list[Path]:
    """Each table as `<name>.csv` in `folder` (made if needed), formulas neutralised."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in tables.items():
        path = out / f"{name}.csv"
        atomic_write_text(path, csv_safe(df).to_csv(index=False))
        written.append(path)
    return written


# ---------------------------------------------------------------- small helpers


def frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    """Rows as a DataFrame with these columns, in this order (also when there are no rows)."""
    return pd.DataFrame(rows, columns=columns)


def short(text: str, n: int) -> str:
    """The text on one line, cut to `n` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return 0.0
    try:
        number = float(value)
    except OverflowError:
        return 0.0
    return number if math.isfinite(number) else 0.0
