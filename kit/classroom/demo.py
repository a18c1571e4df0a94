"""A synthetic class, so the dashboard has something to show before real students have worked.

`demo_class(folder, students=30, seed=0, seeds=...)` writes `<folder>/<student>/<article>.json`
work files for the course's lessons, as a class would: most students finish, some stop part way,
stronger students agree with the key more often. Three common misconceptions are planted so the
dashboard has something to find:

- the tempting wrong option of each bank's first choice question (its first wrong option) is
  chosen at the first try by about two students in three ("claimed" read as a neutral "said");
- anonymous sources ("Ukrainian officials") are often missed, and often typed `institution`;
- sentences the key calls `opinion` are often tagged `event` or `prediction`.

The same seed gives byte-identical files. Articles without a key in `seeds/keys/` get a
synthetic one (`synthetic_key`) as the truth students aim at.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from kit.articles.article import Article
from kit.classroom.course import Course, Lesson, Step
from kit.classroom.course_folder import course_here
from kit.classroom.materials import BankInfo, QuestionInfo, load_materials
from kit.classroom.spans import TOKEN
from kit.errors import KitError
from kit.work.anchoring import quote_selector
from kit.work.annotations import Annotation
from kit.work.store import FORMAT, safe_name, text_fingerprint, work_dir

MARKER = ".kit-demo-class"
MARKER_TEXT = "A synthetic class made by kit.demo_class; safe to delete.\n"
CLAIM_TYPES = ("event", "number", "policy", "cause", "prediction", "opinion", "not_a_claim")
SOURCE_TYPES = ("named_person", "institution", "anonymous", "document", "other_outlet")
NAMES = (
    "amara", "ben", "chloe", "dev", "elif", "farah", "gabriel", "hana", "ivan", "jade", "kofi",
    "lena", "mateo", "nadia", "oscar", "priya", "quinn", "rosa", "sami", "tariq", "uma", "vera",
    "wei", "ximena", "yusuf", "zoe", "aiko", "bruno", "carmen", "dmitri",
)  # fmt: skip
REFLECTIONS = (
    "I was not sure who said this at first, so I read the paragraph again.",
    "The headline makes it sound certain, but the body says it is only planned.",
    "Most of the people quoted are leaders; we do not hear from ordinary people.",
    "I would check the number of countries involved, because it is only 'around 30'.",
    "The reporter uses 'said' most of the time, which sounds neutral.",
    "Russia's side is reported, but only briefly and without a named person.",
    "I think the story is mostly fair, but it depends a lot on officials.",
    "I learned to look for who is speaking before I believe a sentence.",
)
START = datetime(2025, 5, 12, 9, 0, tzinfo=UTC)


def demo_class(
    folder: str | Path | None = None,
    students: int = 30,
    seed: int = 0,
    *,
    seeds: str | Path | None = None,
    course: Course | str | Path | None = None,
    articles: Sequence[Article] = (),
) -> Path:
    """Write a synthetic class of `students` into `folder` (emptied first if it is a demo class).

    `folder` defaults to `demo-class` in the work folder. `seeds` gives the articles, keys and
    quiz banks (as for `load_class`); `articles` adds more articles (with synthetic keys).
    Returns the folder.
    """
    if students < 1:
        raise KitError("a demo class needs at least one student")
    root = Path(folder) if folder is not None else work_dir() / "demo-class"
    materials = load_materials(seeds)
    pool = dict(materials.articles)
    for a in articles:
        pool.setdefault(a.id, a)
    if not pool:
        raise KitError(
            "a demo class needs articles to work on, and none were given",
            path=seeds,
            fix="give the course's seeds folder: kit.demo_class(seeds='seeds')",
        )
    crs = course_here(course=course)
    recipe = _recipe(students, seed, pool, materials, crs)
    if _made_from(root) == recipe:  # already there (a Voila app runs this at every visit)
        return root
    _prepare(root)
    rng = np.random.default_rng(seed)
    truths = {}
    for article_id, article in pool.items():
        key = materials.keys.get(article_id)
        truths[article_id] = list(key) if key else synthetic_key(article, seed).annotations
    names = _names(students)
    lessons = [le for le in crs.tracked if any(a in pool for a in le.articles)]
    for n, student in enumerate(names):
        skill = float(rng.uniform(0.55, 0.95))
        reach = len(lessons) if rng.random() < 0.65 else int(rng.integers(0, len(lessons) + 1))
        clock = _Clock(START + timedelta(minutes=7 * n))
        docs: dict[str, dict[str, Any]] = {}
        for i, lesson in enumerate(lessons):
            if i > reach:
                break
            partial = i == reach
            for article_id in lesson.articles:
                if article_id not in pool:
                    continue
                doc = docs.setdefault(article_id, _new_doc(student, pool[article_id], clock.now()))
                _do_lesson(
                    doc, lesson, pool[article_id], truths[article_id], materials.banks, skill,
                    partial, rng, clock,
                )  # fmt: skip
        for article_id, doc in docs.items():
            folder_path = root / student
            folder_path.mkdir(exist_ok=True)
            doc["modified"] = clock.now()
            text = json.dumps(doc, ensure_ascii=False, indent=1)
            (folder_path / f"{safe_name(article_id, 'article id')}.json").write_text(
                text, encoding="utf-8"
            )
    (root / MARKER).write_text(MARKER_TEXT + recipe + "\n")  # last: the class is complete
    return root


def _recipe(
    students: int, seed: int, pool: dict[str, Article], materials: Any, course: Course
) -> str:
    """A fingerprint of everything the demo class is made from."""
    parts = [
        str((students, seed)),
        repr(sorted((a_id, text_fingerprint(a.text)) for a_id, a in pool.items())),
        repr(
            sorted(
                (k, [(a.start, a.end, tuple(a.tags)) for a in v]) for k, v in materials.keys.items()
            )
        ),
        repr(sorted((b.id, b.questions) for b in materials.banks.values())),
        repr(course.lessons),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def _made_from(root: Path) -> str | None:
    """The recipe a complete demo class in `root` was made from (None if there is none)."""
    try:
        lines = (root / MARKER).read_text().splitlines()
    except OSError:
        return None
    return lines[1] if len(lines) > 1 else None


def _prepare(root: Path) -> None:
    """Make `root` an empty demo folder; refuse to empty a folder that is not one."""
    if root.exists():
        if not root.is_dir():
            raise KitError("this is a file, not a folder", path=root)
        if any(root.iterdir()) and not (root / MARKER).exists():
            raise KitError(
                "this folder is not empty and is not a demo class",
                path=root,
                fix="give a new folder name for the demo class",
            )
        for child in root.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            elif child.name != MARKER:
                child.unlink()
    root.mkdir(parents=True, exist_ok=True)
    (root / MARKER).write_text(MARKER_TEXT)


def _names(count: int) -> list[str]:
    if count <= len(NAMES):
        return sorted(NAMES[:count])
    width = len(str(count))
    return [f"student-{i + 1:0{width}d}" for i in range(count)]


class _Clock:
    """Deterministic timestamps that move forward a little with every edit."""

    def __init__(self, start: datetime) -> None:
        self.t = start

    def now(self) -> str:
        """The next timestamp (37 seconds after the last one)."""
        self.t += timedelta(seconds=37)
        return self.t.strftime("%Y-%m-%dT%H:%M:%SZ")


def _new_doc(student: str, article: Article, at: str) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "student": student,
        "article_id": article.id,
        "text_sha": text_fingerprint(article.text),
        "revision": 0,
        "created": at,
        "modified": at,
        "annotations": [],
        "quiz": {},
        "responses": {},
    }


def _do_lesson(
    doc: dict[str, Any],
    lesson: Lesson,
    article: Article,
    truth: list[Annotation],
    banks: dict[str, BankInfo],
    skill: float,
    partial: bool,
    rng: np.random.Generator,
    clock: _Clock,
) -> None:
    steps: list[Step] = list(lesson.done)
    if partial:
        steps = steps[: max(0, (len(steps) + 1) // 2)] if len(steps) > 1 else steps
    for step in steps:
        if step.kind == "response":
            if partial and len(lesson.done) == 1:
                continue
            text = REFLECTIONS[int(rng.integers(len(REFLECTIONS)))]
            doc["responses"][step.target] = {"value": text, "modified": clock.now()}
        elif step.kind == "quiz" and step.target in banks:
            _answer_quiz(doc, banks[step.target], skill, partial, rng, clock)
        elif step.kind == "tagged" and step.target == "source":
            _tag_sources(doc, article, truth, skill, partial, rng, clock)
        elif step.kind == "tagged" and step.target == "claim":
            _tag_claims(doc, article, truth, skill, partial, rng, clock)
        doc["revision"] += 1


def _annotation(
    doc: dict[str, Any],
    article: Article,
    start: int,
    end: int,
    tags: tuple[str, ...],
    motivation: str,
    at: str,
) -> None:
    q = quote_selector(article.text, start, end)
    n = len(doc["annotations"]) + 1
    ann = Annotation(
        start, end, q["exact"], tags, motivation, prefix=q["prefix"], suffix=q["suffix"],
        id=f"urn:kit:demo:{doc['student']}:{article.id}:{n}", created=at, creator=doc["student"],
    )  # fmt: skip
    doc["annotations"].append(ann.to_w3c(article.id))
    doc["revision"] += 1


def _tag_sources(
    doc: dict[str, Any],
    article: Article,
    truth: list[Annotation],
    skill: float,
    partial: bool,
    rng: np.random.Generator,
    clock: _Clock,
) -> None:
    sources = [a for a in truth if a.tag("source")]
    if partial:
        sources = sources[:1]
    for a in sources:
        kind = a.tag("source")
        anonymous = kind == "anonymous"
        if rng.random() > (0.35 if anonymous else min(0.97, skill + 0.1)):
            continue
        label = kind
        if anonymous and rng.random() < 0.6:
            label = "institution"
        elif rng.random() > skill:
            label = str(rng.choice([t for t in SOURCE_TYPES if t != kind]))
        start, end = a.start, a.end
        if rng.random() < 0.25:  # a slightly longer selection, as students make
            nxt = TOKEN.search(article.text, end)
            if nxt and article.text[end : nxt.start()].strip() == "":
                end = nxt.end()
        _annotation(doc, article, start, end, (f"source:{label}",), "highlighting", clock.now())
    if not partial and rng.random() < 0.3:  # a highlight that is not a source
        words = list(TOKEN.finditer(article.text))
        m = words[int(rng.integers(len(words)))]
        if not any(t.start < m.end() and m.start() < t.end for t in sources):
            tag = ("source:named_person",)
            _annotation(doc, article, m.start(), m.end(), tag, "highlighting", clock.now())


def _tag_claims(
    doc: dict[str, Any],
    article: Article,
    truth: list[Annotation],
    skill: float,
    partial: bool,
    rng: np.random.Generator,
    clock: _Clock,
) -> None:
    claims = {a.start: a for a in truth if a.tag("claim")}
    sentences = article.sentences[:2] if partial else article.sentences
    for s in sentences:
        key = claims.get(s.start)
        if key is None or rng.random() < 0.08:
            continue
        truth_label = str(key.tag("claim"))
        if truth_label == "opinion":
            label = str(rng.choice(["opinion", "event", "prediction"], p=[0.5, 0.3, 0.2]))
        elif rng.random() < skill:
            label = truth_label
        else:
            label = str(rng.choice([c for c in CLAIM_TYPES if c != truth_label]))
        tags: tuple[str, ...] = (f"claim:{label}",)
        worthy = key.tag("checkworthy")
        if worthy is not None:
            tags += (f"checkworthy:{worthy if rng.random() < skill else 'no'}",)
        _annotation(doc, article, s.start, s.end, tags, "tagging", clock.now())


def _answer_quiz(
    doc: dict[str, Any],
    bank: BankInfo,
    skill: float,
    partial: bool,
    rng: np.random.Generator,
    clock: _Clock,
) -> None:
    questions = [q for q in bank.questions if q.right]
    if partial:
        questions = questions[:2]
    first_choice = next((q.id for q in questions if q.type == "single"), None)
    answers = doc["quiz"].setdefault(bank.id, {})
    for q in questions:
        attempts = []
        tempting = [i for i in range(len(q.choices)) if i not in q.right][:1]
        if q.id == first_choice:
            right = rng.random() < 0.35
        else:
            right = rng.random() < skill
        while True:
            response = _response(q, right, tempting if q.id == first_choice else [], rng)
            attempts.append(
                {
                    "response": response,
                    "correct": right,
                    "points": q.points if right else 0.0,
                    "at": clock.now(),
                }
            )
            if right or len(attempts) >= 3 or rng.random() < 0.4:  # some never try again
                break
            right = rng.random() < 0.7
        answers[q.id] = {"attempts": attempts}


def _response(q: QuestionInfo, right: bool, tempting: list[int], rng: np.random.Generator) -> Any:
    wrong = [i for i in range(len(q.choices)) if i not in q.right]
    if q.type == "truefalse":
        pick = q.right[0] if right else wrong[0]
        return pick == 0
    if q.type == "single":
        if right:
            return q.right[0]
        if tempting and rng.random() < 0.75:
            return tempting[0]
        return int(rng.choice(wrong))
    picks = set(q.right)  # multiple
    if not right:
        if wrong and rng.random() < 0.6:
            picks.add(int(rng.choice(wrong)))
        elif len(picks) > 1:
            picks.discard(int(rng.choice(sorted(picks))))
        else:
            picks.add(int(rng.choice(wrong)))
    return sorted(picks)


class SyntheticKey:
    """A made-up answer key for an article that has none (its annotations are the truth)."""

    def __init__(self, annotations: list[Annotation]) -> None:
        self.annotations = annotations


def synthetic_key(article: Article, seed: int = 0) -> SyntheticKey:
    """A plausible key: a source at the start of about half the sentences, a claim type on each."""
    rng = np.random.default_rng([seed, len(article.text)])
    anns: list[Annotation] = []
    text = article.text
    for s in article.sentences:
        words = list(TOKEN.finditer(text, s.start, s.end))
        caps = [m for m in words if m.group()[0].isupper()]
        if caps and rng.random() < 0.5:
            m = caps[int(rng.integers(len(caps)))]
            kind = str(rng.choice(SOURCE_TYPES, p=[0.45, 0.3, 0.15, 0.05, 0.05]))
            anns.append(_key_ann(text, m.start(), m.end(), (f"source:{kind}",), "highlighting"))
        label = str(rng.choice(CLAIM_TYPES, p=[0.4, 0.1, 0.1, 0.05, 0.1, 0.15, 0.1]))
        anns.append(_key_ann(text, s.start, s.end, (f"claim:{label}",), "tagging"))
    return SyntheticKey(anns)


def _key_ann(text: str, start: int, end: int, tags: tuple[str, ...], motivation: str) -> Annotation:
    q = quote_selector(text, start, end)
    return Annotation(
        start, end, q["exact"], tags, motivation, prefix=q["prefix"], suffix=q["suffix"],
        id=f"urn:kit:key:{start}-{end}", created="2025-05-10T09:00:00Z", creator="key",
    )  # fmt: skip


def key_document(article: Article, annotations: Sequence[Annotation]) -> dict[str, Any]:
    """A key as a work document (`seeds/keys/<article_id>.json`) holding these annotations."""
    doc = _new_doc("key", article, "2025-05-10T09:00:00Z")
    doc["annotations"] = [a.to_w3c(article.id) for a in annotations]
    doc["revision"] = 1
    return doc
