"""The teacher's side of a course: articles, answer keys and quiz banks, read from `seeds/`.

`load_materials(seeds)` reads what `course.seed_files` finds there: every article, its answer key
(a work file the teacher made with the widgets, or a key file in kit.work.keys's format, found as
`kit.answer_key` finds it) and each quiz bank (`*.quiz.yaml`, as the few facts about each question
the class views need). A file that cannot be read, or two keys for one article, is one line in
`Materials.problems`, never an error for the whole class.
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
from kit.work.annotations import Annotation, reanchor
from kit.work.key_files import (
    KEY_SUFFIX,
    KEYS_FOLDER,
    SEALED_SUFFIX,
    is_tag_key,
    key_files_for,
    key_says_for,
    two_keys,
)
from kit.work.keys import load_key
from kit.work.store import text_fingerprint


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
    `items:`, e.g. `<article>.key.yaml` beside the article), found for each article as
    `kit.answer_key` finds it: two keys for one article are a problem, and neither is used.
    """
    if seeds is None:
        return Materials()
    root = Path(seeds)
    if not root.is_dir():
        raise KitError("this folder does not exist", path=root, fix="give the seeds folder")
    files = seed_files(root)
    articles: dict[str, Article] = {}
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
    keys, key_problems = _keys(articles, files.keys)
    return Materials(articles, keys, banks, tuple(problems + key_problems))


def _keys(
    articles: dict[str, Article], files: Iterable[Path]
) -> tuple[dict[str, tuple[Annotation, ...]], list[str]]:
    """Each article's answer key as annotations on its current text (every kind the key tags),
    found as `kit.answer_key` finds it (kit.work.key_files.key_files_for), and the problems:
    a key that cannot be read, two keys for one article (neither is used: the dashboard never
    picks one silently), a key file in `files` that is for no article here."""
    keys: dict[str, tuple[Annotation, ...]] = {}
    problems: list[str] = []
    used: set[Path] = set()
    for article in articles.values():
        found = key_files_for(article)
        used.update(f.resolve() for f in found)
        if len(found) > 1:
            problems.append(two_keys(article, found).message)
            continue
        if found:
            try:
                keys[article.id] = tuple(
                    load_key(found[0], article, None).as_annotations(article.text)
                )
            except KitError as e:
                problems.append(e.message)
    for f in files:
        name = f.name.lower()
        if (
            f.suffix.lower() in (".json", ".yaml", ".yml")
            and not is_tag_key(f)  # keys for the taggers (kit.work.tag_keys)
            and not name.endswith(SEALED_SUFFIX)  # a student copy's (kit.quiz.sealed_keys)
            and f.resolve() not in used
        ):
            problems.append(_unused_key(f, articles))
    return keys, problems


def _unused_key(path: Path, articles: dict[str, Article]) -> str:
    """Why a key file in the seeds folder is the key of no article there."""
    try:
        said = key_says_for(path)
    except KitError as e:
        return e.message
    if said and said not in articles:
        problem, fix = f"no article '{said}' in the seeds folder for this key", None
    else:
        problem = "this key is for no article in the seeds folder"
        fix = (
            "write the article's id in it (article: <id>) or name it after the article: "
            f"{KEYS_FOLDER}/<id>.yaml, or <id>{KEY_SUFFIX} beside the article"
        )
    return KitError(problem, path=path, fix=fix).message


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
