"""The teacher's side of a course: articles, answer keys and quiz banks, read from `seeds/`.

`load_materials(seeds)` reads what `course.seed_files` finds there: every article, each answer key
(a work file the teacher made with the widgets, or a key file in kit.work.keys's format) and each
quiz bank (`*.quiz.yaml`, as the few facts about each question the class views need). A file that
cannot be read is one line in `Materials.problems`, never an error for the whole class.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.articles.article import Article, read_file
from kit.classroom.course import seed_files
from kit.errors import KitError
from kit.files import read_text
from kit.work.annotations import Annotation, reanchor
from kit.work.keys import load_key, parse_key
from kit.work.store import FORMAT as WORK_FORMAT
from kit.work.store import read_document, text_fingerprint
from kit.work.tag_keys import is_tag_key

MAX_BANK_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class QuestionInfo:
    """What the dashboard needs to know of one quiz question (no grading here)."""

    id: str
    type: str
    prompt: str
    options: tuple[str, ...] = ()
    points: float = 1.0
    answer: str = ""  # the right answer in words; empty for a released bank
    right: tuple[int, ...] = ()  # indices of the right choices (teacher's bank, choice types)

    @property
    def choices(self) -> tuple[str, ...]:
        """What the student picks from: the options, or True/False."""
        return ("True", "False") if self.type == "truefalse" else self.options


@dataclass(frozen=True)
class BankInfo:
    """A quiz bank's questions, read from a teacher's or a released bank file."""

    id: str
    title: str
    questions: tuple[QuestionInfo, ...]
    path: Path | None = None
    #: The teacher's bank, to grade students' responses again (None for a student copy, whose
    #: answers are hashed: then the points a student's file records are only capped).
    grader: Any = field(default=None, compare=False, repr=False)

    def question(self, question_id: str) -> QuestionInfo | None:
        """The question with this id, if the bank has it."""
        return next((q for q in self.questions if q.id == question_id), None)


def read_bank(path: str | Path) -> BankInfo:
    """The questions of a quiz bank file (teacher's or released), checked by kit.quiz.model."""
    from kit.quiz.model import Quiz

    quiz = Quiz.from_file(path)
    questions = []
    for q in quiz.questions:
        right: tuple[int, ...] = ()
        if q.type in ("single", "multiple") and q.answer is not None:
            right = tuple(sorted(q.answer))
        elif q.type == "truefalse" and isinstance(q.answer, bool):
            right = (0,) if q.answer else (1,)
        questions.append(
            QuestionInfo(
                id=q.id,
                type=q.type,
                prompt=" ".join(q.prompt.split()),
                options=tuple(q.options),
                points=float(q.points),
                answer=_answer_words(q.type, q.answer, q.choices, right),
                right=right,
            )
        )
    return BankInfo(
        id=quiz.id,
        title=quiz.title,
        questions=tuple(questions),
        path=Path(path),
        grader=None if quiz.released else quiz,
    )


def _answer_words(kind: str, answer: Any, choices: Sequence[str], right: tuple[int, ...]) -> str:
    """The right answer as a teacher reads it (empty for a released bank)."""
    if answer is None:
        return ""
    if right:
        return "; ".join(choices[i] for i in right if 0 <= i < len(choices))
    items = answer if isinstance(answer, (list, tuple)) else [answer]
    return " | ".join(str(x) for x in items)


@dataclass(frozen=True)
class Materials:
    """The teacher's side of a course: articles, answer keys and quiz banks, by id."""

    articles: dict[str, Article] = field(default_factory=dict)
    keys: dict[str, tuple[Annotation, ...]] = field(default_factory=dict)
    banks: dict[str, BankInfo] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


def load_materials(seeds: str | Path | None) -> Materials:
    """The articles, answer keys and quiz banks in a seeds folder (see `course.seed_files`).

    A key is either a work file the teacher made with the widgets (the teacher's own answers,
    `seeds/keys/<article_id>.json`) or a key file in kit.work.keys's format (YAML or JSON with
    `items:`, e.g. `<article>.key.yaml` beside the article).
    """
    if seeds is None:
        return Materials()
    root = Path(seeds)
    if not root.is_dir():
        raise KitError("this folder does not exist", path=root, fix="give the seeds folder")
    files = seed_files(root)
    articles: dict[str, Article] = {}
    keys: dict[str, tuple[Annotation, ...]] = {}
    banks: dict[str, BankInfo] = {}
    problems: list[str] = []
    for f in files.articles:
        try:
            for a in read_file(f):
                articles.setdefault(a.id, a)
        except KitError as e:
            problems.append(e.message)
    for f in files.banks:
        try:
            bank = read_bank(f)
            banks[bank.id] = bank
        except KitError as e:
            problems.append(e.message)
    for f in files.keys:
        if f.suffix.lower() not in (".json", ".yaml", ".yml") or is_tag_key(f):
            continue  # keys for the taggers (kit.work.tag_keys) are not the article's key
        try:
            article_id, anns = read_key(f, articles)
        except KitError as e:
            problems.append(e.message)
            continue
        keys[article_id] = anns
    return Materials(articles, keys, banks, tuple(problems))


def read_key(path: Path, articles: dict[str, Article]) -> tuple[str, tuple[Annotation, ...]]:
    """One key file as (article id, annotations on the article's current text)."""
    text, _ = read_text(path, MAX_BANK_BYTES)
    if path.suffix.lower() == ".json" and f'"{WORK_FORMAT}"' in text:
        doc = read_document(path)
        article_id = str(doc.get("article_id") or path.stem)
        return article_id, _anchored(doc, articles.get(article_id))
    raw = parse_key(text, path)
    named = raw.get("article") if isinstance(raw, dict) else None
    article_id = str(named or path.name.split(".")[0])  # `<article_id>.key.yaml`
    if article_id not in articles:
        raise KitError(f"no article '{article_id}' in the seeds folder for this key", path=path)
    article = articles[article_id]
    return article_id, tuple(load_key(raw, article, path=path).as_annotations(article.text))


def _anchored(doc: dict[str, Any], article: Article | None) -> tuple[Annotation, ...]:
    """A work document's annotations, moved onto the article's current text if it changed."""
    anns = tuple(Annotation.from_w3c(raw) for raw in doc.get("annotations", []))
    return on_current_text(anns, doc.get("text_sha"), article)


def on_current_text(
    annotations: Iterable[Annotation],
    text_sha: Any,
    article: Article | None,
    fingerprint: str | None = None,
) -> tuple[Annotation, ...]:
    """Annotations moved onto the article's current text when it changed; sorted by position.

    `fingerprint`: the article text's, when already known.
    """
    anns = []
    moved = article is not None and text_sha != (fingerprint or text_fingerprint(article.text))
    for a in annotations:
        if moved:
            assert article is not None
            a = reanchor(a, article.text)
            if a is None:
                continue
        anns.append(a)
    return tuple(sorted(anns, key=_by_position))


_by_position = operator.attrgetter("start", "end")
