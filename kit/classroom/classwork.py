"""The class at a glance: a class folder read with the teacher's materials, as `ClassWork`.

`load_class(class_dir, seeds=...)` reads a class folder (`<student>/<article_id>.json`, as made by
`python -m kit collect`) together with the teacher's materials in `seeds/` (the articles, answer
keys and quiz banks: kit.classroom.materials). The returned `ClassWork` answers with pandas
DataFrames and safe HTML; `subset()` narrows it to some students or one lesson.

`ClassWork` holds the class and what every table is built from (each file's annotations anchored
on the article's current text and grouped by tag kind; per article, the students' spans), and
keeps every result. The tables themselves are made in:

- kit.classroom.tables: one row per highlight, tag, quiz attempt or written answer; progress per
  lesson; quiz scores; the CSV export;
- kit.classroom.findings: the questions most often wrong, the sources most missed, the sentences
  most disputed, and agreement (Krippendorff's alpha);
- kit.classroom.report: the overview, the heat maps and the printable report (HTML templates).

Pure Python and pandas: no widgets here (see `kit.widgets.dashboard`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kit.articles.article import Article
from kit.classroom import agreement as agr
from kit.classroom import findings, report
from kit.classroom import index as class_index
from kit.classroom import tables as tidy
from kit.classroom.collect import REPORT_NAME as COLLECT_REPORT
from kit.classroom.course import Course
from kit.classroom.course_folder import course_here, find_course_folder
from kit.classroom.manifest import manifest_of_class
from kit.classroom.materials import Materials, load_materials, on_current_text
from kit.classroom.spans import Spans, sentence_codes, spans_of, word_spans
from kit.errors import KitError
from kit.files import read_bytes
from kit.views.html import SafeHTML
from kit.work.annotations import Annotation, AnnotationRow
from kit.work.reader import check_class_fields
from kit.work.store import MAX_WORK_FILE_BYTES, parse_work, text_fingerprint

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
    class_dir: str | Path,
    fingerprints: dict[str, str] | None = None,
    lengths: dict[str, int] | None = None,
) -> tuple[list[WorkFile], list[str]]:
    """Every `<student>/<article>.json` in a class folder, and one message per unreadable file.

    Files collect has indexed (and checked) are taken from its index, unless their article's
    text has changed since (`fingerprints`: article id -> text fingerprint). Others are checked
    as collect checks them (`lengths`: article id -> length of its text).
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
                if known:
                    doc, anns = known
                else:
                    doc, anns = parse_work(read_bytes(path, MAX_WORK_FILE_BYTES), path)
                    aid = str(doc.get("article_id") or path.stem)
                    same = fingerprints and doc.get("text_sha", fingerprints.get(aid)) == (
                        fingerprints.get(aid)
                    )
                    length = (lengths or {}).get(aid) if same else None
                    check_class_fields(doc, anns, path, length)
            except KitError as e:
                problems.append(e.message)
                continue
            article_id = str(doc.get("article_id") or path.stem)
            files.append(WorkFile(folder.name, article_id, doc, path, anns))
    return files, problems


def find_class_dir(class_dir: str | Path, start: str | Path | None = None) -> Path:
    """Where a class folder is: as given (relative to `start`, default the current folder),
    else relative to the course folder (`course_folder.find_course_folder`), where
    `kit collect --out` wrote it.

    A folder that is in neither place is a KitError naming the folders tried and the fix.
    """
    given = Path(class_dir).expanduser()
    here = Path(start) if start is not None else Path.cwd()
    tried = [given if given.is_absolute() else here / given]
    root = None if given.is_absolute() else find_course_folder(here)
    if root is not None and root / given not in tried:
        tried.append(root / given)
    for folder in tried:
        if folder.is_dir():
            return given if folder == tried[0] and start is None else folder
    looked = " and ".join(str(f.resolve()) for f in tried)
    raise KitError(
        f"there is no class folder '{class_dir}' (looked in {looked})",
        fix="collect the students' work into it first, in the course folder: "
        "python -m kit collect FOLDERS_OR_ZIPS --out class; or give the class folder's full path",
    )


def load_class(
    class_dir: str | Path,
    *,
    seeds: str | Path | None = None,
    course: Course | str | Path | None = None,
    roster: Iterable[str] | None = None,
) -> ClassWork:
    """Read a class folder and the teacher's materials (articles, keys, banks) in `seeds`.

    `class_dir` is found as `find_class_dir` finds it: from the current folder, else from the
    course folder. `seeds` defaults to the seeds folder of the course folder the teacher works in.
    `course` is a Course or a course file; by default the course the work was released with (the
    manifest collect kept in the class folder), else the course folder's (else the kit's), each
    lesson with the articles its notebook loads. `roster` lists students who should appear even
    with no work yet.
    """
    class_dir = find_class_dir(class_dir)
    problems: list[str] = []
    if seeds is None:
        home = find_course_folder()
        seeds = home / "seeds" if home is not None and (home / "seeds").is_dir() else None
    materials = load_materials(seeds)
    fingerprints = {a.id: text_fingerprint(a.text) for a in materials.articles.values()}
    lengths = {a.id: len(a.text) for a in materials.articles.values()}
    with class_index.bulk():
        files, problems = read_class_folder(class_dir, fingerprints, lengths)
    released = None
    if course is None:
        try:
            manifest = manifest_of_class(Path(class_dir))
            released = manifest.course if manifest is not None else None
        except KitError as e:
            problems.append(e.message)
    crs = released or course_here(course=course)
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

    # ------------------------------------------------------------ what the tables are built from

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
    def _words(self, article_id: str) -> tuple[np.ndarray, np.ndarray]:
        """The article's word tokens (the units of token-level agreement): starts and ends."""
        spans = np.array(word_spans(self._article(article_id).text), dtype=np.int64)
        spans = spans.reshape(-1, 2)
        return spans[:, 0].copy(), spans[:, 1].copy()

    def _article(self, article_id: str) -> Article:
        try:
            return self.articles[article_id]
        except KeyError:
            raise KitError(
                f"the text of article '{article_id}' is not in the seeds folder",
                fix="pass seeds='path/to/seeds' when loading the class",
            ) from None

    # -------------------------------------------------------- tidy tables (kit.classroom.tables)

    @_memo
    def highlights(self) -> pd.DataFrame:
        """One row per annotation: student, article_id, id, motivation, start, end, exact,
        label, tags, comment, modified."""
        return tidy.highlights(self._annotations)

    @_memo
    def tags(self) -> pd.DataFrame:
        """One row per tag of each annotation: student, article_id, annotation_id, start, end,
        exact, kind (`source`), value (`anonymous`)."""
        return tidy.tags(self._annotations)

    @cached_property
    def _quiz_rows(self) -> list[dict[str, Any]]:
        banks, articles = self.materials.banks, self.articles
        return tidy.quiz_rows(self.files, self.bank_ids, banks, articles)

    @_memo
    def quiz_answers(self) -> pd.DataFrame:
        """One row per quiz attempt: student, article_id, bank, question, attempt (1 = first),
        response (as saved, JSON), answer (in words), correct, points, at."""
        return tidy.frame(self._quiz_rows, tidy.QUIZ_COLUMNS)

    @_memo
    def reflections(self) -> pd.DataFrame:
        """One row per written answer: student, article_id, key, lesson, value, words, modified."""
        return tidy.reflections(self.files, self.course, self.lesson_id)

    # ------------------------------------------------------------ progress and scores

    @cached_property
    def _step_counts(self) -> tidy.StepCounts:
        """(student, lesson id, step index) -> (progress, needed) for every tracked step."""
        totals = tidy.question_totals(self.files, self.materials.banks)
        by_file = ((f, by_kind) for (f, _), by_kind in zip(self._annotations, self._kinds))
        return tidy.step_counts(by_file, self.students, self.course, totals)

    @_memo
    def progress(self) -> pd.DataFrame:
        """One row per student and tracked lesson: student, lesson, title, status, steps_done,
        steps (status is done, partly done or not started)."""
        return tidy.progress(self.students, self.course, self._step_counts)

    @cached_property
    def _best(self) -> tidy.BestTries:
        """(student, bank, question) -> (best points, ever right, right at first try)."""
        return tidy.best_tries(self._quiz_rows)

    def _questions(self) -> list[tuple[str, str, float]]:
        """(bank, question, max points) for every question in scope, in bank order."""
        return tidy.questions(self._best, self.bank_ids, self.materials.banks)

    @_memo
    def scores(self) -> pd.DataFrame:
        """One row per student: answered, right_first_try, right (best try), points, max_points,
        score (percent of all quiz points in scope; empty for a student who answered nothing),
        quiz_points (the same in words: "3 of 12 points (25%)")."""
        return tidy.scores(self.students, self._questions(), self._best)

    @_memo
    def quiz_scores(self) -> pd.DataFrame:
        """One row per student and quiz in scope: bank, title, answered, questions, points,
        max_points, score (percent of the quiz's points), quiz_points ("3 of 12 points (25%)")."""
        return tidy.quiz_scores(self.students, self._questions(), self._best, self.materials.banks)

    @_memo
    def summary(self) -> pd.DataFrame:
        """One row per student: the status of each tracked lesson, counts, and the quiz points
        in words, out of the quizzes in scope ("3 of 12 points (25%)")."""
        return tidy.summary(self.progress(), self.scores(), self.course, self.students)

    @_memo
    def lesson_progress(self) -> pd.DataFrame:
        """One row per tracked lesson: how many students are done, partly done, not started."""
        return tidy.lesson_progress(self.progress(), self.course)

    def score_distribution(self, width: int = 20) -> dict[str, int]:
        """How many students (who answered anything) scored in each band of `width` percent."""
        return tidy.score_distribution(self.scores(), width)

    # ---------------------------------------------- what went wrong (kit.classroom.findings)

    @_memo
    def confusion(self) -> pd.DataFrame:
        """Quiz questions by how often the first try was wrong, with the wrong answer most chosen.

        Columns: bank, question, prompt, answered, wrong_first_try, wrong_pct, most_chosen_wrong,
        chosen_by, right_answer (from the teacher's bank, when given).
        """
        return findings.confusion(self._quiz_rows, self._questions(), self.materials.banks)

    @_memo
    def sources_missed(self) -> pd.DataFrame:
        """Each source in the key, by how many students missed it; with the type they gave.

        Counts only students who highlighted at least one source in that article. Columns:
        article_id, source, start, key_type, students, missed, missed_pct, right_type,
        most_given_wrong.
        """
        keyed = []
        wanted = self._wants("source")
        for article_id in self.article_ids if wanted else ():
            key = self._key_annotations(article_id, "source")
            if key:  # the students who highlighted a source here, and their spans
                students, spans, _ = self._spans(article_id, "source")
                keyed.append((article_id, key, len(students), spans))
        return findings.sources_missed(keyed)

    @_memo
    def claim_disagreement(self) -> pd.DataFrame:
        """Sentences by how much students disagree on the claim type (most disagreement first).

        Columns: article_id, sentence (1 = first), text, answers, most_common, share_pct (of
        answers), labels (every label with its count), key, match_key.
        """
        wanted = self._wants("claim")
        ids = [a for a in self.article_ids if a in self.articles] if wanted else []
        labelled = ((self.articles[a], *self._sentence_labels(a, "claim")[1:]) for a in ids)
        return findings.claim_disagreement(labelled)

    # ------------------------------------------------------------ agreement

    @_memo
    def claim_agreement(self, article_id: str) -> agr.Agreement:
        """Krippendorff's alpha on claim types (units: sentences), between students and vs key."""
        students, codes, _, key = self._sentence_labels(article_id, "claim")
        return findings.claim_agreement(article_id, students, codes, key)

    @_memo
    def source_agreement(self, article_id: str) -> agr.Agreement:
        """Krippendorff's alpha on source highlights (units: word tokens, value: type or none)."""
        words = self._words(article_id)
        students, spans, key = self._spans(article_id, "source")
        return findings.source_agreement(article_id, words, students, spans, key is not None)

    @_memo
    def agreement(self) -> pd.DataFrame:
        """Alpha for claim types and source highlights in every article, with a reading."""
        results = []
        for article_id in self.article_ids:
            if article_id not in self.articles:
                continue
            for kind, fn in (("claim", self.claim_agreement), ("source", self.source_agreement)):
                if self._wants(kind):
                    result = fn(article_id)
                    if result.students:
                        results.append(result)
        return findings.agreement_table(results)

    # ------------------------------------------------------------ views (kit.classroom.report)

    def heatmap(self, article_id: str | None = None, kind: str = "source") -> SafeHTML:
        """The article with each word shaded by how many students tagged it with `kind`."""
        article_id = article_id or next((a for a in self.article_ids if a in self.articles), None)
        if article_id is None:
            return SafeHTML("<p>No article text to show.</p>", "no article")
        article = self._article(article_id)
        students, spans, _ = self._spans(article_id, kind)
        return report.heatmap(article, len(students), spans, self._words(article_id), kind)

    def sections(
        self, top: int = 10, per_student: bool = True, compact: bool = False
    ) -> list[tuple[str, str]]:
        """The dashboard's parts as (heading, safe HTML), in reading order.

        `compact` (for print) drops the long text columns and shortens answers.
        """
        return list(report.sections(self, top, per_student, compact).values())

    def overview(self, top: int = 10, per_student: bool = True) -> SafeHTML:
        """The dashboard's tables and charts, one below the other, as safe HTML."""
        return report.overview(self, top, per_student)

    def report_html(self, path: str | Path, article_id: str | None = None) -> Path:
        """A one-page printable HTML report (A4 landscape): the class-level tables, the top 5 of
        each list, and the heat map of one article."""
        return report.write_report(self, path, article_id)

    # ------------------------------------------------------------ export

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name (the CSV export writes one file per table)."""
        return {
            "summary": self.summary(),
            "progress": self.progress(),
            "scores": self.scores(),
            "quiz_scores": self.quiz_scores(),
            "highlights": self.highlights(),
            "tags": self.tags(),
            "quiz_answers": self.quiz_answers(),
            "reflections": self.reflections(),
            "confusion": self.confusion(),
            "sources_missed": self.sources_missed(),
            "claim_disagreement": self.claim_disagreement(),
            "agreement": self.agreement(),
        }

    @staticmethod
    def named(table: pd.DataFrame) -> pd.DataFrame:
        """A copy of one of these tables with its label ids as the names students see
        (`anonymous` -> "Unnamed source"), for reading; the tables and the CSV export keep the
        ids, as the work files save them."""
        return tidy.label_names(table)

    def export_csv(self, folder: str | Path) -> list[Path]:
        """Write every table as CSV into `folder` (made if needed); returns the files written."""
        return tidy.write_csv(self.tables(), folder)
