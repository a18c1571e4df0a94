"""The class at a glance: every student's work as tidy tables, progress, scores and what went wrong.

`load_class(class_dir, seeds=...)` reads a class folder (`<student>/<article_id>.json`, as made by
`python -m kit collect`) together with the teacher's materials in `seeds/`: the articles, the
answer keys (`seeds/keys/`, see `load_materials`) and the quiz banks
(`*.quiz.yaml`). The returned `ClassWork` answers with pandas DataFrames; `overview()` stacks the
main ones as safe HTML. Pure Python and pandas: no widgets here (see `kit.widgets.dashboard`).
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from html import escape
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kit.articles.article import Article
from kit.classroom import agreement as agr
from kit.classroom import index as class_index
from kit.classroom.course import Course, load_course
from kit.classroom.materials import Materials, QuestionInfo, load_materials, on_current_text
from kit.classroom.spans import (
    Spans,
    sentence_codes,
    spans_of,
    word_codes,
    word_counts,
    word_spans,
)
from kit.errors import KitError
from kit.files import atomic_write_text, read_bytes
from kit.views.html import SafeHTML, render_heatmap
from kit.views.show import bar_chart, html_table, stack
from kit.work.annotations import Annotation, AnnotationRow
from kit.work.store import MAX_WORK_FILE_BYTES, parse_work, text_fingerprint

STATUSES = ("done", "partly done", "not started")
COLLECT_REPORT = "collect-report.csv"
NONE = "none"
# Cells a spreadsheet would run as a formula (CSV injection): written with a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# ---------------------------------------------------------------- the class's work


def _memo(method: Any) -> Any:
    """Compute a table once per ClassWork; callers get a copy (they may change it freely: with
    pandas' copy-on-write a shallow copy is enough, the cached table is never written to)."""
    name = method.__name__

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any) -> Any:
        cache = self.__dict__.setdefault("_memo_cache", {})
        key = (name, args)
        if key not in cache:
            with class_index.bulk():
                cache[key] = method(self, *args)
        value = cache[key]
        return value.copy(deep=False) if isinstance(value, pd.DataFrame) else value

    return wrapper


@dataclass(frozen=True)
class WorkFile:
    """One student's work file on one article (`annotations`: as parsed, None to parse again)."""

    student: str
    article_id: str
    doc: dict[str, Any]
    path: Path | None = None
    annotations: tuple[Annotation | AnnotationRow, ...] | None = field(default=None, repr=False)


def read_class_folder(
    class_dir: str | Path, fingerprints: dict[str, str] | None = None
) -> tuple[list[WorkFile], list[str]]:
    """Every `<student>/<article>.json` in a class folder, and one message per unreadable file.

    Files collect has indexed are taken from its index, unless their article's text has
    changed since (`fingerprints`: article id -> text fingerprint).
    """
    root = Path(class_dir)
    if not root.is_dir():
        raise KitError(
            "this class folder does not exist",
            path=root,
            fix="collect the work first: python -m kit collect DIR --out CLASS_DIR",
        )
    files: list[WorkFile] = []
    problems: list[str] = []
    index = class_index.read(root)
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for path in sorted(folder.glob("*.json")):
            known = class_index.lookup(index, f"{folder.name}/{path.name}", path.stat())
            if known and fingerprints:
                sha = fingerprints.get(known[0]["article_id"])
                known = None if sha and sha != known[0]["text_sha"] else known
            try:
                doc, anns = known or parse_work(read_bytes(path, MAX_WORK_FILE_BYTES), path)
            except KitError as e:
                problems.append(e.message)
                continue
            article_id = str(doc.get("article_id") or path.stem)
            files.append(WorkFile(folder.name, article_id, doc, path, anns))
    return files, problems


def load_class(
    class_dir: str | Path,
    *,
    seeds: str | Path | None = None,
    course: Course | str | Path | None = None,
    roster: Iterable[str] | None = None,
) -> ClassWork:
    """Read a class folder and the teacher's materials (articles, keys, banks) in `seeds`.

    `course` is a Course or a course file (default: the kit's course); `roster` lists students
    who should appear even with no work yet.
    """
    materials = load_materials(seeds)
    fingerprints = {a.id: text_fingerprint(a.text) for a in materials.articles.values()}
    with class_index.bulk():
        files, problems = read_class_folder(class_dir, fingerprints)
    crs = course if isinstance(course, Course) else load_course(course)
    report = Path(class_dir) / COLLECT_REPORT
    collect_problems = _collect_problems(report) if report.is_file() else ()
    return ClassWork(
        files=tuple(files),
        course=crs,
        materials=materials,
        roster=tuple(roster or ()),
        problems=tuple(problems) + materials.problems,
        collect_problems=collect_problems,
        root=Path(class_dir),
    )


def _collect_problems(path: Path) -> tuple[str, ...]:
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError, pd.errors.ParserError):
        return ()
    if not {"status", "problem", "source"} <= set(df.columns):
        return ()
    bad = df[df["problem"] == "yes"]
    return tuple(f"{r.source}: {r.status} ({r.detail})" for r in bad.itertuples())


@dataclass(frozen=True, slots=True)
class _Tagged:
    """Annotations with a tag of one kind, and the value of each one's first tag of that kind
    (two parallel lists rather than a list of pairs: a class holds tens of thousands of
    annotations, and pairs would cost one more tuple each)."""

    annotations: list[Any]
    values: list[str]

    def __len__(self) -> int:
        return len(self.annotations)


@dataclass(frozen=True)
class ClassWork:
    """A class's work plus the course and materials it is measured against.

    Every table is a pandas DataFrame built on first use; `subset()` narrows to some students or
    one lesson and every table follows.
    """

    files: tuple[WorkFile, ...]
    course: Course
    materials: Materials = field(default_factory=Materials)
    roster: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    collect_problems: tuple[str, ...] = ()
    root: Path | None = None
    lesson_id: str | None = None
    # per work file (by identity): anchored annotations and their kinds, shared with subsets
    _per_file: dict[int, Any] = field(default_factory=dict, compare=False, repr=False)

    def __repr__(self) -> str:
        scope = f", lesson {self.lesson_id}" if self.lesson_id else ""
        return (
            f"ClassWork({len(self.students)} students, {len(self.files)} work files, "
            f"{len(self.course.tracked)} tracked lessons{scope})"
        )

    # ------------------------------------------------------------ scope

    @cached_property
    def students(self) -> tuple[str, ...]:
        """Every student: those with work and those on the roster, sorted."""
        return tuple(sorted(set(self.roster) | {f.student for f in self.files}))

    @property
    def articles(self) -> dict[str, Article]:
        """The course's articles by id (from the seeds folder)."""
        return self.materials.articles

    @property
    def keys(self) -> dict[str, tuple[Annotation, ...]]:
        """The answer keys' annotations by article id."""
        return self.materials.keys

    @cached_property
    def article_ids(self) -> tuple[str, ...]:
        """Articles in scope: the course's (or the lesson's) that have work, then any others."""
        seen = {f.article_id for f in self.files}
        ordered = [a for a in self.course.article_ids if a in seen]
        return tuple(ordered + sorted(seen - set(ordered)))

    @cached_property
    def bank_ids(self) -> tuple[str, ...]:
        """Quiz banks in scope: the course's (or lesson's), plus any others with answers."""
        ids = list(self.course.quiz_banks)
        if self.lesson_id is None:
            seen = {b for f in self.files for b in f.doc.get("quiz", {})}
            ids += sorted(seen - set(ids))
        return tuple(ids)

    @cached_property
    def tag_kinds(self) -> tuple[str, ...] | None:
        """Tag kinds the lesson in scope asks for (None: all kinds)."""
        if self.lesson_id is None:
            return None
        return tuple(s.target for le in self.course.lessons for s in le.done if s.kind == "tagged")

    def subset(
        self, students: Iterable[str] | str | None = None, lesson: str | None = None
    ) -> ClassWork:
        """The same class narrowed to some students and/or one lesson."""
        files = self.files
        roster = self.students  # everyone stays listed, even with no work in the lesson
        course = self.course
        if students is not None:
            wanted = {students} if isinstance(students, str) else set(students)
            files = tuple(f for f in files if f.student in wanted)
            roster = tuple(s for s in self.students if s in wanted)
        if lesson is not None:
            chosen = self.course.lesson(lesson)
            course = replace(self.course, lessons=(chosen,))
            if chosen.articles:
                files = tuple(f for f in files if f.article_id in chosen.articles)
        return ClassWork(
            files=files,
            course=course,
            materials=self.materials,
            roster=roster,
            problems=self.problems,
            collect_problems=self.collect_problems,
            root=self.root,
            lesson_id=lesson if lesson is not None else self.lesson_id,
            _per_file=self._per_file,
        )

    # ------------------------------------------------------------ annotations

    @cached_property
    def _fingerprints(self) -> dict[str, str]:
        """Each article's text fingerprint (what a work file's `text_sha` is compared with)."""
        return {a.id: text_fingerprint(a.text) for a in self.articles.values()}

    @cached_property
    def _annotations(self) -> tuple[tuple[WorkFile, tuple[Annotation, ...]], ...]:
        """Each work file with its annotations, anchored in the article's current text."""
        return tuple((f, self._file_parts(f)[0]) for f in self.files)

    @cached_property
    def _kinds(self) -> tuple[dict[str, _Tagged], ...]:
        """For each work file (as in `_annotations`), its annotations by tag kind, with the
        value of each one's first tag of that kind."""
        return tuple(self._file_parts(f)[1] for f in self.files)

    def _file_parts(self, f: WorkFile) -> tuple[tuple[Annotation, ...], dict[str, _Tagged]]:
        """A file's anchored annotations and the same by tag kind, with the value of their first
        tag of that kind (computed once per file)."""
        cached = self._per_file.get(id(f))
        if cached is not None and cached[0] is f:
            return cached[1], cached[2]
        anns = f.annotations
        if anns is None:
            anns = tuple(Annotation.from_w3c(a) for a in f.doc.get("annotations", []))
        anchored = on_current_text(
            anns,
            f.doc.get("text_sha"),
            self.articles.get(f.article_id),
            self._fingerprints.get(f.article_id),
        )
        by_kind: dict[str, _Tagged] = {}
        for a in anchored:
            for t in a.tags:
                kind, sep, value = t.partition(":")
                if not sep:
                    continue
                tagged = by_kind.get(kind)
                if tagged is None:
                    tagged = by_kind[kind] = _Tagged([], [])
                if not tagged.annotations or tagged.annotations[-1] is not a:  # the first tag
                    tagged.annotations.append(a)  # of a kind counts
                    tagged.values.append(value)
        self._per_file[id(f)] = (f, anchored, by_kind)
        return anchored, by_kind

    @_memo
    def _by_student(self, article_id: str, kind: str) -> dict[str, _Tagged]:
        """Each student's annotations with a tag of this kind on one article, with their values
        (students who did the task at all)."""
        out: dict[str, _Tagged] = {}
        for (f, _), by_kind in zip(self._annotations, self._kinds):
            tagged = by_kind.get(kind)
            if f.article_id == article_id and tagged is not None:
                mine = out.get(f.student)
                if mine is None:
                    mine = out[f.student] = _Tagged([], [])
                mine.annotations.extend(tagged.annotations)
                mine.values.extend(tagged.values)
        return out

    def _key_annotations(self, article_id: str, kind: str) -> list[Annotation] | None:
        key = self.keys.get(article_id)
        if key is None:
            return None
        return [a for a in key if a.tag(kind) is not None]

    def _wants(self, kind: str) -> bool:
        return self.tag_kinds is None or kind in self.tag_kinds

    # ------------------------------------------------------------ tidy tables

    @_memo
    def highlights(self) -> pd.DataFrame:
        """One row per annotation: student, article_id, id, motivation, start, end, exact,
        label, tags, comment, modified."""
        rows = [
            (f.student, f.article_id, a.id, a.motivation, a.start, a.end, a.exact,
             a.tags[0] if a.tags else "", "; ".join(a.tags), a.comment, a.modified)
            for f, anns in self._annotations
            for a in anns
        ]  # fmt: skip
        return pd.DataFrame.from_records(rows, columns=_HIGHLIGHT_COLUMNS)

    @_memo
    def tags(self) -> pd.DataFrame:
        """One row per tag of each annotation: student, article_id, annotation_id, start, end,
        exact, kind (`source`), value (`anonymous`)."""
        rows = []
        add = rows.append
        for f, anns in self._annotations:
            student, article_id = f.student, f.article_id
            for a in anns:
                for t in a.tags:
                    kind, sep, value = t.partition(":")
                    if not sep:
                        kind, value = "", kind
                    add((student, article_id, a.id, a.start, a.end, a.exact, kind, value))
        return pd.DataFrame.from_records(rows, columns=_TAG_COLUMNS)

    @cached_property
    def _quiz_rows(self) -> list[dict[str, Any]]:
        banks = set(self.bank_ids)
        rows = []
        for f in self.files:
            for bank_id, questions in f.doc.get("quiz", {}).items():
                if bank_id not in banks or not isinstance(questions, dict):
                    continue
                bank = self.materials.banks.get(bank_id)
                for qid, entry in questions.items():
                    attempts = entry.get("attempts", []) if isinstance(entry, dict) else []
                    q = bank.question(qid) if bank else None
                    for n, att in enumerate(attempts, 1):
                        if not isinstance(att, dict):
                            continue
                        response = att.get("response")
                        rows.append(
                            {
                                "student": f.student,
                                "article_id": f.article_id,
                                "bank": bank_id,
                                "question": qid,
                                "attempt": n,
                                "response": json.dumps(response, ensure_ascii=False),
                                "answer": self._response_words(q, response, f.article_id),
                                "correct": att.get("correct"),
                                "points": _number(att.get("points")),
                                "at": str(att.get("at", "")),
                            }
                        )
        return rows

    @_memo
    def quiz_answers(self) -> pd.DataFrame:
        """One row per quiz attempt: student, article_id, bank, question, attempt (1 = first),
        response (as saved, JSON), answer (in words), correct, points, at."""
        return _frame(self._quiz_rows, _QUIZ_COLUMNS)

    @_memo
    def reflections(self) -> pd.DataFrame:
        """One row per written answer: student, article_id, key, lesson, value, words, modified."""
        lesson_of = {
            s.target: le.id for le in self.course.lessons for s in le.done if s.kind == "response"
        }
        rows = []
        for f in self.files:
            for key, entry in sorted(f.doc.get("responses", {}).items()):
                entry = entry if isinstance(entry, dict) else {}
                value = entry.get("value", "")
                value = value if isinstance(value, str) else json.dumps(value)
                lesson = lesson_of.get(key, "")
                if self.lesson_id is not None and lesson != self.lesson_id:
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
        return _frame(rows, _REFLECTION_COLUMNS)

    def _response_words(self, q: QuestionInfo | None, response: Any, article_id: str) -> str:
        """A response as the teacher reads it: option text, True/False, the words typed."""
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
            and article_id in self.articles
        ):
            start, end = response
            return self.articles[article_id].text[start:end]
        if isinstance(response, str):
            return " ".join(response.split())
        return json.dumps(response, ensure_ascii=False)

    # ------------------------------------------------------------ progress and scores

    @cached_property
    def _step_counts(self) -> dict[tuple[str, str, int], tuple[int, int]]:
        """(student, lesson id, step index) -> (progress, needed) for every tracked step."""
        by_student: dict[str, list[tuple[WorkFile, dict[str, _Tagged]]]] = {}
        for (f, _), by_kind in zip(self._annotations, self._kinds):
            by_student.setdefault(f.student, []).append((f, by_kind))
        question_totals = self._question_totals
        out: dict[tuple[str, str, int], tuple[int, int]] = {}
        for student in self.students:
            mine = by_student.get(student, [])
            for lesson in self.course.tracked:
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
                        total = question_totals.get(step.target, max(len(answered), 1))
                        out[(student, lesson.id, i)] = (min(len(answered), total), total)
        return out

    @cached_property
    def _question_totals(self) -> dict[str, int]:
        """Questions per bank: from the bank file, else the most seen in the class."""
        totals = {b: len(info.questions) for b, info in self.materials.banks.items()}
        seen: dict[str, set[str]] = {}
        for f in self.files:
            for b, qs in f.doc.get("quiz", {}).items():
                if isinstance(qs, dict):
                    seen.setdefault(b, set()).update(qs)
        for b, qs in seen.items():
            totals.setdefault(b, len(qs))
        return totals

    @_memo
    def progress(self) -> pd.DataFrame:
        """One row per student and tracked lesson: student, lesson, title, status, steps_done,
        steps (status is done, partly done or not started)."""
        counts = self._step_counts
        rows = []
        for student in self.students:
            for lesson in self.course.tracked:
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
        return _frame(rows, ["student", "lesson", "title", "status", "steps_done", "steps"])

    @cached_property
    def _best(self) -> dict[tuple[str, str, str], tuple[float, bool, bool]]:
        """(student, bank, question) -> (best points, ever right, right at first try)."""
        best: dict[tuple[str, str, str], tuple[float, bool, bool]] = {}
        for r in self._quiz_rows:
            k = (r["student"], r["bank"], r["question"])
            pts, ever, first = best.get(k, (0.0, False, r["correct"] is True))
            best[k] = (max(pts, r["points"]), ever or r["correct"] is True, first)
        return best

    def _questions(self) -> list[tuple[str, str, float]]:
        """(bank, question, max points) for every question in scope, in bank order."""
        seen: dict[str, list[str]] = {}
        for _, bank, q in self._best:
            if q not in seen.setdefault(bank, []):
                seen[bank].append(q)
        out = []
        for bank in self.bank_ids:
            info = self.materials.banks.get(bank)
            if info is not None:
                out += [(bank, q.id, q.points) for q in info.questions]
            else:
                out += [(bank, q, 1.0) for q in sorted(seen.get(bank, []))]
        return out

    @_memo
    def scores(self) -> pd.DataFrame:
        """One row per student: answered, right_first_try, right (best try), points, max_points,
        score (percent of all quiz points in scope; empty for a student who answered nothing)."""
        questions = self._questions()
        max_points = round(sum(p for _, _, p in questions), 2)
        rows = []
        for student in self.students:
            got = [self._best.get((student, b, q)) for b, q, _ in questions]
            points = round(sum(g[0] for g in got if g), 2)
            rows.append(
                {
                    "student": student,
                    "answered": sum(1 for g in got if g),
                    "right_first_try": sum(1 for g in got if g and g[2]),
                    "right": sum(1 for g in got if g and g[1]),
                    "points": points,
                    "max_points": max_points,
                    "score": round(100 * points / max_points, 1)
                    if max_points and any(got)
                    else math.nan,
                }
            )
        return _frame(rows, _SCORE_COLUMNS)

    @_memo
    def summary(self) -> pd.DataFrame:
        """One row per student: the status of each tracked lesson, counts, and the quiz score."""
        progress = self.progress()
        lessons = [le.id for le in self.course.tracked]
        if progress.empty:
            wide = pd.DataFrame(columns=["student", *lessons])
            wide["student"] = list(self.students)
        else:
            wide = progress.pivot(index="student", columns="lesson", values="status")
            wide = wide[lessons].reset_index()
            wide.columns.name = None
        for status in STATUSES:
            wide[status] = (wide[lessons] == status).sum(axis=1) if len(wide) else []
        scores = self.scores().set_index("student")
        wide["score"] = wide["student"].map(scores["score"]) if len(scores) else math.nan
        return wide.reset_index(drop=True)

    @_memo
    def lesson_progress(self) -> pd.DataFrame:
        """One row per tracked lesson: how many students are done, partly done, not started."""
        progress = self.progress()
        rows = []
        for lesson in self.course.tracked:
            counts = Counter(progress.loc[progress["lesson"] == lesson.id, "status"])
            rows.append(
                {"lesson": lesson.id, "title": lesson.title} | {s: counts[s] for s in STATUSES}
            )
        return _frame(rows, ["lesson", "title", *STATUSES])

    def score_distribution(self, width: int = 20) -> dict[str, int]:
        """How many students (who answered anything) scored in each band of `width` percent."""
        scores = self.scores()
        scores = scores[scores["answered"] > 0]
        bands = {f"{lo}-{min(lo + width, 100)}%": 0 for lo in range(0, 100, width)}
        names = list(bands)
        for s in scores["score"].dropna():
            bands[names[min(int(s // width), len(names) - 1)]] += 1
        return bands

    # ------------------------------------------------------------ per-item views

    @_memo
    def confusion(self) -> pd.DataFrame:
        """Quiz questions by how often the first try was wrong, with the wrong answer most chosen.

        Columns: bank, question, prompt, answered, wrong_first_try, wrong_pct, most_chosen_wrong,
        chosen_by, right_answer (from the teacher's bank, when given).
        """
        firsts: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for r in self._quiz_rows:
            if r["attempt"] == 1:
                firsts.setdefault((r["bank"], r["question"]), []).append(r)
        rows = []
        for bank, qid, _ in self._questions():
            answers = firsts.get((bank, qid), [])
            if not answers:
                continue
            wrong = Counter(r["answer"] for r in answers if r["correct"] is False)
            top = sorted(wrong.items(), key=lambda kv: (-kv[1], kv[0]))[:1]
            info = self.materials.banks.get(bank)
            q = info.question(qid) if info else None
            n_wrong = sum(wrong.values())
            rows.append(
                {
                    "bank": bank,
                    "question": qid,
                    "prompt": _short(q.prompt if q else "", 90),
                    "answered": len(answers),
                    "wrong_first_try": n_wrong,
                    "wrong_pct": round(100 * n_wrong / len(answers), 1),
                    "most_chosen_wrong": top[0][0] if top else "",
                    "chosen_by": top[0][1] if top else 0,
                    "right_answer": q.answer if q else "",
                }
            )
        df = _frame(rows, _CONFUSION_COLUMNS)
        return df.sort_values("wrong_pct", ascending=False, kind="stable").reset_index(drop=True)

    @_memo
    def sources_missed(self) -> pd.DataFrame:
        """Each source in the key, by how many students missed it; with the type they gave.

        Counts only students who highlighted at least one source in that article. Columns:
        article_id, source, key_type, students, missed, missed_pct, right_type, most_given_wrong.
        """
        rows = []
        if not self._wants("source"):
            return _frame(rows, _MISSED_COLUMNS)
        for article_id in self.article_ids:
            key = self._key_annotations(article_id, "source")
            if not key:
                continue
            students, spans, _ = self._spans(article_id, "source")
            # every student's source highlights in one table (in each student's order)
            mine = spans.who < len(students)  # not the key's
            who, starts, ends = spans.who[mine], spans.start[mine], spans.end[mine]
            types = np.array(spans.labels, dtype=object)[spans.code[mine]]
            n = len(students)
            for k in key:
                hit = (starts < k.end) & (k.start < ends)
                students, first = np.unique(who[hit], return_index=True)  # first hit of each
                found = len(students)
                typed = types[hit]
                right_ones = np.unique(who[hit][typed == k.tag("source")])
                right = len(right_ones)
                firsts = typed[first[~np.isin(students, right_ones)]]
                wrong = Counter(str(t) for t in firsts)  # each one's first type, when not right
                top = sorted(wrong.items(), key=lambda kv: (-kv[1], kv[0]))[:1]
                rows.append(
                    {
                        "article_id": article_id,
                        "source": k.exact,
                        "start": k.start,
                        "key_type": k.tag("source"),
                        "students": n,
                        "missed": n - found,
                        "missed_pct": round(100 * (n - found) / n, 1) if n else math.nan,
                        "right_type": right,
                        "most_given_wrong": top[0][0] if top else "",
                    }
                )
        df = _frame(rows, _MISSED_COLUMNS)
        return df.sort_values("missed_pct", ascending=False, kind="stable").reset_index(drop=True)

    @_memo
    def _spans(
        self, article_id: str, kind: str
    ) -> tuple[tuple[str, ...], Spans, list[Annotation] | None]:
        """The students who did the task (sorted) and their spans of this kind on one article,
        then the key's as the last reader when there is a key (its annotations: third)."""
        done = self._by_student(article_id, kind)
        students = tuple(sorted(done))
        key = self._key_annotations(article_id, kind)
        groups = [(done[s].annotations, done[s].values) for s in students]
        if key is not None:
            groups.append((key, [str(a.tag(kind)) for a in key]))
        return students, spans_of(groups), key

    @_memo
    def _sentence_labels(
        self, article_id: str, kind: str
    ) -> tuple[tuple[str, ...], np.ndarray, tuple[str, ...], np.ndarray | None]:
        """The students who did the task (sorted); their label of this kind for every sentence
        as codes into the labels (-1 where not tagged), one row each; the labels (sorted); the
        key's row (None when the key tags nothing of this kind)."""
        article = self._article(article_id)
        students, spans, key = self._spans(article_id, kind)
        bounds = np.array([(s.start, s.end) for s in article.sentences], dtype=np.int64)
        codes = sentence_codes(spans, *bounds.reshape(-1, 2).T)
        n = len(students)
        return students, codes[:n], spans.labels, (codes[n] if key else None)

    @_memo
    def claim_disagreement(self) -> pd.DataFrame:
        """Sentences by how much students disagree on the claim type (most disagreement first).

        Columns: article_id, sentence (1 = first), text, answers, most_common, share_pct (of
        answers), labels (every label with its count), key, match_key.
        """
        rows = []
        if not self._wants("claim"):
            return _frame(rows, _DISAGREE_COLUMNS)
        for article_id in self.article_ids:
            article = self.articles.get(article_id)
            if article is None:
                continue
            _, codes, labels, key = self._sentence_labels(article_id, "claim")
            for i, sentence in enumerate(article.sentences):
                column = codes[:, i]
                counts = np.bincount(column[column >= 0], minlength=len(labels)).tolist()
                given = {labels[c]: n for c, n in enumerate(counts) if n}
                if not given:
                    continue
                ranked = sorted(given.items(), key=lambda kv: (-kv[1], kv[0]))
                total = sum(given.values())
                key_label = labels[key[i]] if key is not None and key[i] >= 0 else None
                rows.append(
                    {
                        "article_id": article_id,
                        "sentence": i + 1,
                        "text": _short(article.text[sentence.start : sentence.end], 80),
                        "answers": total,
                        "most_common": ranked[0][0],
                        "share_pct": round(100 * ranked[0][1] / total, 1),
                        "labels": ", ".join(f"{k} {v}" for k, v in ranked),
                        "key": key_label or "",
                        "match_key": given.get(key_label, 0) if key_label else math.nan,
                    }
                )
        df = _frame(rows, _DISAGREE_COLUMNS)
        return df.sort_values("share_pct", kind="stable").reset_index(drop=True)

    # ------------------------------------------------------------ agreement

    @_memo
    def claim_agreement(self, article_id: str) -> agr.Agreement:
        """Krippendorff's alpha on claim types (units: sentences), between students and vs key."""
        students, codes, _, key = self._sentence_labels(article_id, "claim")
        if not students:
            return agr.Agreement(article_id, "claim types", 0, (), math.nan)
        matrix = np.where(codes >= 0, codes, np.nan)
        key_row = np.where(key >= 0, key, np.nan) if key is not None else None
        return _agreement_of(
            article_id, "claim types", students, list(matrix), key_row, matrix.shape[1]
        )

    @_memo
    def source_agreement(self, article_id: str) -> agr.Agreement:
        """Krippendorff's alpha on source highlights (units: word tokens, value: type or none)."""
        words = self._words(article_id)
        students, spans, key_anns = self._spans(article_id, "source")
        # value codes: 0 for no source (and for a source typed 'none'), 1.. for each type
        lut = np.array([0.0 if v == NONE else i + 1.0 for i, v in enumerate(spans.labels)] + [0])
        matrix = lut[word_codes(spans, *words)]
        rows = list(matrix[: len(students)])
        key = matrix[-1] if key_anns is not None else None
        return _agreement_of(article_id, "source highlights", students, rows, key, len(words[0]))

    @_memo
    def agreement(self) -> pd.DataFrame:
        """Alpha for claim types and source highlights in every article, with a reading."""
        rows = []
        for article_id in self.article_ids:
            if article_id not in self.articles:
                continue
            for kind, fn in (("claim", self.claim_agreement), ("source", self.source_agreement)):
                if not self._wants(kind):
                    continue
                result = fn(article_id)
                if result.students:
                    rows.append(result.as_row())
        return _frame(rows, _AGREEMENT_COLUMNS)

    @_memo
    def _words(self, article_id: str) -> tuple[np.ndarray, np.ndarray]:
        """The article's word tokens (the units of token-level agreement): starts and ends."""
        spans = np.array(word_spans(self._article(article_id).text), dtype=np.int64).reshape(-1, 2)
        return spans[:, 0].copy(), spans[:, 1].copy()

    def _article(self, article_id: str) -> Article:
        try:
            return self.articles[article_id]
        except KeyError:
            raise KitError(
                f"the text of article '{article_id}' is not in the seeds folder",
                fix="pass seeds='path/to/seeds' when loading the class",
            ) from None

    # ------------------------------------------------------------ views

    def heatmap(self, article_id: str | None = None, kind: str = "source") -> SafeHTML:
        """The article with each word shaded by how many students tagged it with `kind`."""
        article_id = article_id or next((a for a in self.article_ids if a in self.articles), None)
        if article_id is None:
            return SafeHTML("<p>No article text to show.</p>", "no article")
        article = self._article(article_id)
        students, spans, _ = self._spans(article_id, kind)
        starts, ends = self._words(article_id)
        counts = word_counts(spans, starts, ends, readers=len(students))
        marked = [(int(s), int(e), int(c)) for s, e, c in zip(starts, ends, counts) if c]
        what = {"source": "highlighted a source", "claim": "tagged a claim"}.get(
            kind, f"tagged {kind}"
        )
        return render_heatmap(article, marked, len(students), what=what)

    def _header(self) -> str:
        title = self.course.title + (f", lesson {self.lesson_id}" if self.lesson_id else "")
        n = len(self.students)
        return (
            f"<h3>{escape(title)}: {n} student{'s' * (n != 1)}, "
            f"{len(self.files)} work file{'s' * (len(self.files) != 1)}</h3>"
        )

    def _problems_html(self) -> str:
        problems = self.problems + self.collect_problems
        if not problems:
            return ""
        items = "".join(f"<li>{escape(p)}</li>" for p in problems[:20])
        more = f"<li>and {len(problems) - 20} more</li>" if len(problems) > 20 else ""
        return (
            '<div class="kit-problems" role="alert"><strong>Files that could not be used '
            f"({len(problems)}):</strong><ul>{items}{more}</ul></div>"
        )

    def sections(
        self, top: int = 10, per_student: bool = True, compact: bool = False
    ) -> list[tuple[str, str]]:
        """The dashboard's parts as (heading, safe HTML), in reading order.

        `compact` (for print) drops the long text columns and shortens answers.
        """
        progress = html_table(_shown(self.lesson_progress()), "Students per lesson")
        if per_student:
            caption = "Each student: lesson status, quiz score %"
            # A long class scrolls: keyboard users reach it with Tab and scroll it with the
            # arrow keys (which JupyterLab must then leave alone).
            progress += (
                f'<div class="kit-scroll" tabindex="0" role="region" aria-label="{caption}"'
                ' data-lm-suppress-shortcuts="true">'
                + html_table(_shown(self.summary()), caption)
                + "</div>"
            )
        out = [
            ("Progress", progress),
            ("Quiz scores", bar_chart(self.score_distribution(), "Students per score band")),
        ]
        tables = (
            ("Questions most often wrong at the first try", self.confusion(), _CONFUSION_SHOW),
            ("Sources most missed", self.sources_missed(), _MISSED_SHOW),
            ("Sentences with the most disagreement on claim type", self.claim_disagreement(),
             _DISAGREE_SHOW),
            ("Agreement (Krippendorff's alpha)", self.agreement(), _AGREEMENT_SHOW),
        )  # fmt: skip
        for heading, df, columns in tables:
            if compact:
                columns = [c for c in columns if c not in ("prompt", "text")]
            shown = df[columns].head(top)
            if compact:
                shown = shown.map(lambda v: _short(v, 40) if isinstance(v, str) else v)
            body = "<p>Nothing to show yet.</p>" if df.empty else html_table(_shown(shown))
            out.append((heading, body))
        out[-1] = (out[-1][0], out[-1][1] + _AGREEMENT_NOTE)
        return out

    def overview(self, top: int = 10, per_student: bool = True) -> SafeHTML:
        """The dashboard's tables and charts, one below the other, as safe HTML."""
        parts = [_section_css(), self._header(), self._problems_html()]
        for heading, body in self.sections(top, per_student):
            parts.append(f"<h4>{escape(heading)}</h4>{body}")
        return stack(parts, f"class overview: {len(self.students)} students")

    # ------------------------------------------------------------ export

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name (the CSV export writes one file per table)."""
        return {
            "summary": self.summary(),
            "progress": self.progress(),
            "scores": self.scores(),
            "highlights": self.highlights(),
            "tags": self.tags(),
            "quiz_answers": self.quiz_answers(),
            "reflections": self.reflections(),
            "confusion": self.confusion(),
            "sources_missed": self.sources_missed(),
            "claim_disagreement": self.claim_disagreement(),
            "agreement": self.agreement(),
        }

    def export_csv(self, folder: str | Path) -> list[Path]:
        """Write every table as CSV into `folder` (made if needed); returns the files written."""
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, df in self.tables().items():
            path = out / f"{name}.csv"
            atomic_write_text(path, csv_safe(df).to_csv(index=False))
            written.append(path)
        return written

    def report_html(self, path: str | Path, article_id: str | None = None) -> Path:
        """A one-page printable HTML report (A4 landscape): the class-level tables, the top 5 of
        each list, and the heat map of one article."""
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        parts = [
            f"<h4>{escape(h)}</h4>{b}"
            for h, b in self.sections(top=5, per_student=False, compact=True)
        ]
        heat = ""
        if any(a in self.articles for a in self.article_ids):
            heat = "<h4>Where students highlighted sources</h4>" + self.heatmap(article_id).html
        title = escape(self.course.title)
        page = (
            f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}: class '
            f'report</title><style>{_PRINT_CSS}</style></head><body class="kit-view">'
            f"{self._header()}{self._problems_html()}"
            f'<div class="kit-columns"><div>{parts[0]}{parts[1]}{parts[5]}</div>'
            f"<div>{''.join(parts[2:5])}</div><div>{heat}</div></div></body></html>"
        )
        atomic_write_text(p, page)
        return p


# ---------------------------------------------------------------- helpers


_HIGHLIGHT_COLUMNS = [
    "student", "article_id", "annotation_id", "motivation", "start", "end", "exact", "label",
    "tags", "comment", "modified",
]  # fmt: skip
_TAG_COLUMNS = ["student", "article_id", "annotation_id", "start", "end", "exact", "kind", "value"]
_QUIZ_COLUMNS = [
    "student", "article_id", "bank", "question", "attempt", "response", "answer", "correct",
    "points", "at",
]  # fmt: skip
_REFLECTION_COLUMNS = ["student", "article_id", "key", "lesson", "value", "words", "modified"]
_SCORE_COLUMNS = [
    "student", "answered", "right_first_try", "right", "points", "max_points", "score",
]  # fmt: skip
_CONFUSION_COLUMNS = [
    "bank", "question", "prompt", "answered", "wrong_first_try", "wrong_pct",
    "most_chosen_wrong", "chosen_by", "right_answer",
]  # fmt: skip
_CONFUSION_SHOW = [
    "question", "prompt", "answered", "wrong_pct", "most_chosen_wrong", "chosen_by",
    "right_answer",
]  # fmt: skip
_MISSED_COLUMNS = [
    "article_id", "source", "start", "key_type", "students", "missed", "missed_pct", "right_type",
    "most_given_wrong",
]  # fmt: skip
_MISSED_SHOW = ["source", "key_type", "students", "missed_pct", "right_type", "most_given_wrong"]
_DISAGREE_COLUMNS = [
    "article_id", "sentence", "text", "answers", "most_common", "share_pct", "labels", "key",
    "match_key",
]  # fmt: skip
_DISAGREE_SHOW = ["sentence", "text", "answers", "share_pct", "labels", "key"]
_AGREEMENT_COLUMNS = [
    "article_id", "what", "students", "units", "alpha_between_students", "between_students",
    "alpha_vs_key_median", "vs_key",
]  # fmt: skip
_AGREEMENT_SHOW = [
    "what", "students", "alpha_between_students", "between_students", "alpha_vs_key_median",
    "vs_key",
]  # fmt: skip
_AGREEMENT_NOTE = (
    '<p class="kit-note">Alpha is 1 when everyone gives the same answers and about 0 when the '
    "answers agree no more than chance would. At least 0.8: reliable; 0.667 to 0.8: tentative; "
    "below: students disagree a lot. Against the key: the median of each student's alpha with "
    "the key.</p>"
)
_PRINT_CSS = (
    "@page{size:A4 landscape;margin:8mm}body{font-family:sans-serif;font-size:7pt;color:#111;"
    "margin:0}h3{font-size:11pt;margin:0 0 3pt}h4{font-size:8.5pt;margin:5pt 0 2pt}"
    ".kit-columns{display:grid;grid-template-columns:1fr 1fr 1fr;gap:8pt}"
    ".kit-table{font-size:1em!important;margin:0!important;width:100%}"
    "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:0 3pt;text-align:left;"
    "vertical-align:top}caption{text-align:left;font-style:italic}"
    ".kit-chart{font-size:1em!important}.kit-note{font-size:0.9em;color:#444}"
    ".kit-article{font-size:6.8pt;line-height:1.35;padding:0!important;max-width:none!important}"
    ".kit-article p{margin:0 0 2pt!important}.kit-headline{font-size:1.2em!important}"
)
# Column headings as a teacher reads them.
_HEADINGS = {
    "wrong_pct": "wrong at first try (%)",
    "most_chosen_wrong": "wrong answer most chosen",
    "chosen_by": "chosen by",
    "right_answer": "right answer",
    "key_type": "type in the key",
    "missed_pct": "missed (%)",
    "right_type": "right type",
    "most_given_wrong": "wrong type most given",
    "share_pct": "top answer (%)",
    "labels": "answers given",
    "alpha_between_students": "alpha between students",
    "between_students": "reading",
    "alpha_vs_key_median": "alpha vs key (median)",
    "vs_key": "reading vs key",
    "partly done": "partly done",
    "score": "score %",
}


def _shown(df: pd.DataFrame) -> pd.DataFrame:
    return df.rename(columns=_HEADINGS)


def _section_css() -> str:
    return (
        "<style>.kit-view h4{margin:1em 0 0.3em;font-family:sans-serif}"
        ".kit-view .kit-table td,.kit-view .kit-table th{border:1px solid #ccc;padding:2px 6px;"
        "text-align:left;vertical-align:top}.kit-view .kit-scroll{max-height:24em;overflow:auto}"
        ".kit-view .kit-problems{border-left:4px solid #b8860b;background:#fff8e1;"
        "padding:0.3em 0.8em;font-family:sans-serif}"
        ".kit-view .kit-note{font-family:sans-serif;font-size:0.85em;color:#444}</style>"
    )


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)


def _number(value: Any) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


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


def _agreement_of(
    article_id: str,
    what: str,
    students: tuple[str, ...],
    rows: list[np.ndarray],
    key: np.ndarray | None,
    units: int,
) -> agr.Agreement:
    """Agreement from code rows (NaN: no answer), one row per student, and the key's row."""
    if not students:
        return agr.Agreement(article_id, what, units, (), math.nan)
    matrix = np.vstack(rows)
    between = agr.alpha(matrix)
    vs_key: tuple[float, ...] = ()
    if key is not None:
        vs_key = tuple(float(x) for x in agr.pair_alphas(key, matrix))
    return agr.Agreement(article_id, what, units, students, between, vs_key)


def csv_safe(df: pd.DataFrame) -> pd.DataFrame:
    """A copy in which text cells that a spreadsheet would run as a formula start with "'"."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v
            )
    return out
