"""The course as data: lessons, the articles they use and the steps that mark them done.

The list lives in `data/course.yaml` (a teacher may pass their own file). Release hands out the
lessons' notebooks and articles; the class dashboard reads the same list for its progress table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from kit.articles.article import SUFFIXES
from kit.errors import KitError
from kit.files import parse_yaml, read_text
from kit.work.keys import KEY_SUFFIXES, KEYS_FOLDER

FORMAT = "kit-course/1"
#: How the teacher's materials are named in the seeds folder: answer keys (in `keys/` or named
#: `*.key.yaml` beside their article, see kit.work.keys) and quiz banks (`*.quiz.yaml`).
BANK_SUFFIXES = (".quiz.yaml", ".quiz.yml")
STEP_KINDS = ("response", "quiz", "tagged")
MAX_COURSE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Step:
    """One thing a lesson asks for: a written `response`, a `quiz` bank, or `tagged` highlights."""

    kind: str
    target: str
    min: int = 1

    @property
    def label(self) -> str:
        """The step in words, for tables."""
        if self.kind == "response":
            return f"answer '{self.target}'"
        if self.kind == "quiz":
            return f"quiz '{self.target}'"
        return f"{self.min}+ highlights tagged {self.target}"


@dataclass(frozen=True)
class Lesson:
    """One lesson: its notebook, the articles it works on and the steps that complete it."""

    id: str
    title: str
    notebook: str
    articles: tuple[str, ...]
    done: tuple[Step, ...] = ()

    @property
    def tracked(self) -> bool:
        """True when the lesson saves work the dashboard can see."""
        return bool(self.done)

    @property
    def name(self) -> str:
        """`id title`, as menus show it."""
        return f"{self.id} {self.title}"


@dataclass(frozen=True)
class Course:
    """The lessons in order, plus the course title and its default assignment name."""

    title: str
    lessons: tuple[Lesson, ...]
    assignment: str = "media-literacy"
    path: Path | None = None

    def lesson(self, lesson_id: str) -> Lesson:
        """The lesson with this id; KitError listing the ids there are."""
        for lesson in self.lessons:
            if lesson.id == lesson_id:
                return lesson
        known = ", ".join(le.id for le in self.lessons)
        raise KitError(f"no lesson '{lesson_id}' in the course", fix=f"use one of: {known}")

    @property
    def tracked(self) -> tuple[Lesson, ...]:
        """The lessons that save work the dashboard can see."""
        return tuple(le for le in self.lessons if le.tracked)

    @property
    def article_ids(self) -> tuple[str, ...]:
        """Every article the course uses, in first-use order."""
        return tuple(dict.fromkeys(a for le in self.lessons for a in le.articles))

    @property
    def quiz_banks(self) -> tuple[str, ...]:
        """Every quiz bank id the course uses, in first-use order."""
        return tuple(
            dict.fromkeys(s.target for le in self.lessons for s in le.done if s.kind == "quiz")
        )

    def __repr__(self) -> str:
        return f"Course({self.title!r}, {len(self.lessons)} lessons)"


def default_course_path() -> Path:
    """Where the kit's own course file is."""
    return Path(str(resources.files("kit").joinpath("data", "course.yaml")))


def load_course(path: str | Path | None = None) -> Course:
    """Read a course file (default: the kit's `data/course.yaml`); KitError names the problem."""
    p = Path(path) if path is not None else default_course_path()
    text, _ = read_text(p, MAX_COURSE_BYTES)
    return course_from_dict(parse_yaml(text, p, "the course file"), p)


def course_from_dict(data: Any, path: Path | None = None) -> Course:
    """Build a Course from parsed YAML, checking every field."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise KitError(f'not a course file (no "format: {FORMAT}")', path=path)
    raw_lessons = data.get("lessons")
    if not isinstance(raw_lessons, list) or not raw_lessons:
        raise KitError("the course has no 'lessons' list", path=path)
    lessons = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_lessons):
        lesson = _lesson(raw, f"lesson {i + 1}", path)
        if lesson.id in seen:
            raise KitError(f"two lessons have the id '{lesson.id}'", path=path)
        seen.add(lesson.id)
        lessons.append(lesson)
    return Course(
        title=str(data.get("title") or "Course"),
        lessons=tuple(lessons),
        assignment=str(data.get("assignment") or "media-literacy"),
        path=path,
    )


def _lesson(raw: Any, where: str, path: Path | None) -> Lesson:
    if not isinstance(raw, dict):
        raise KitError(f"{where} is not a mapping with id, title, notebook", path=path)
    for key in ("id", "title", "notebook"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise KitError(f"{where} needs a '{key}' (text)", path=path)
    notebook = raw["notebook"]
    if Path(notebook).is_absolute() or ".." in Path(notebook).parts:
        raise KitError(f"{where}: the notebook must be a path under notebooks/", path=path)
    articles = raw.get("articles") or []
    if not isinstance(articles, list) or not all(isinstance(a, str) for a in articles):
        raise KitError(f"{where}: 'articles' must be a list of article ids", path=path)
    steps = []
    for j, s in enumerate(raw.get("done") or []):
        kinds = [k for k in STEP_KINDS if isinstance(s, dict) and k in s]
        if len(kinds) != 1 or not isinstance(s[kinds[0]], str):
            raise KitError(
                f"{where}, step {j + 1}: write one of 'response: KEY', 'quiz: BANK', "
                "'tagged: KIND'",
                path=path,
            )
        minimum = s.get("min", 1)
        if not isinstance(minimum, int) or minimum < 1:
            raise KitError(f"{where}, step {j + 1}: 'min' must be a whole number >= 1", path=path)
        steps.append(Step(kinds[0], s[kinds[0]], minimum))
    return Lesson(
        id=raw["id"].strip(),
        title=raw["title"].strip(),
        notebook=notebook,
        articles=tuple(articles),
        done=tuple(steps),
    )


@dataclass(frozen=True)
class SeedFiles:
    """The files of a seeds folder, sorted by what they are (paths in a stable order)."""

    articles: tuple[Path, ...] = ()
    banks: tuple[Path, ...] = ()
    keys: tuple[Path, ...] = field(default=())


def seed_files(seeds: str | Path) -> SeedFiles:
    """Every article, quiz bank and answer key in a seeds folder and its subfolders.

    Hidden files and README files are left out. This is the one place that decides what is an
    answer key, so a release can never mistake one for an article.
    """
    root = Path(seeds)
    articles, banks, keys = [], [], []
    for f in sorted(root.rglob("*")):
        rel = f.relative_to(root)
        if not f.is_file() or any(part.startswith(".") for part in rel.parts):
            continue
        name = f.name.lower()
        if rel.parts[0] == KEYS_FOLDER or name.endswith(KEY_SUFFIXES):
            keys.append(f)
        elif name.endswith(BANK_SUFFIXES):
            banks.append(f)
        elif f.suffix.lower() in SUFFIXES and not name.startswith("readme"):
            articles.append(f)
    return SeedFiles(tuple(articles), tuple(banks), tuple(keys))
