"""The release manifest: what a student copy holds, read by collect and the dashboard.

`kit release` writes `kit-manifest.json` at the top of the student copy: the course (every lesson
with the articles its notebook loads and the steps that mark it done), each article with its
file in the release, text fingerprint and length, each quiz bank with its file and article, and
the answer keys (sealed; the key-shipping step fills `keys`). Every path is inside the release:
nothing names the teacher's machine.

`class_manifest` is what `kit collect` accepts work on: the manifests of the releases it can
find (an nbgrader course folder's `release/*/`) and the course of the folder the teacher works in;
collect keeps it in the class folder, where `load_class` reads it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.articles.article import Article, read_file
from kit.classroom.course import Course, course_from_dict, seed_files
from kit.errors import KitError
from kit.files import atomic_write_text, read_text
from kit.work.store import text_fingerprint

MANIFEST_NAME = "kit-manifest.json"
FORMAT = "kit-release/1"
MAX_MANIFEST_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class ArticleEntry:
    """An article in a release: its file there, and its text's fingerprint and length."""

    id: str
    file: str
    sha: str
    length: int
    title: str = ""


@dataclass(frozen=True)
class BankEntry:
    """A quiz bank in a release: its file there and the id of its article (if any)."""

    id: str
    file: str
    article: str | None = None


@dataclass
class Manifest:
    """What a student copy holds (or, for a class folder, every release its work came from)."""

    course: Course | None = None
    articles: dict[str, ArticleEntry] = field(default_factory=dict)
    banks: dict[str, BankEntry] = field(default_factory=dict)
    #: The answer keys in the release, as the key-shipping step describes them (sealed).
    keys: list[dict[str, Any]] = field(default_factory=list)
    assignment: str = ""
    exam: bool = False

    @property
    def article_ids(self) -> tuple[str, ...]:
        """Every article work may be on."""
        return tuple(self.articles)

    def texts(self) -> dict[str, tuple[int, str]]:
        """Article id -> (length of its text, fingerprint), as collect checks work with."""
        return {a.id: (a.length, a.sha) for a in self.articles.values()}

    def add_article(self, article: Article, file: str) -> None:
        """List an article (the first file listed for an id stays)."""
        self.articles.setdefault(
            article.id,
            ArticleEntry(
                article.id,
                file,
                text_fingerprint(article.text),
                len(article.text),
                article.title or "",
            ),
        )

    def merged(self, other: Manifest) -> Manifest:
        """This manifest with what `other` adds (this one's course and entries win)."""
        return Manifest(
            course=self.course or other.course,
            articles={**other.articles, **self.articles},
            banks={**other.banks, **self.banks},
            keys=self.keys + [k for k in other.keys if k not in self.keys],
            assignment=self.assignment or other.assignment,
            exam=self.exam or other.exam,
        )

    def to_dict(self) -> dict[str, Any]:
        """The manifest as JSON data."""
        return {
            "format": FORMAT,
            "assignment": self.assignment,
            "exam": self.exam,
            "course": course_to_dict(self.course) if self.course else None,
            "articles": [vars(a) for a in self.articles.values()],
            "banks": [vars(b) for b in self.banks.values()],
            "keys": list(self.keys),
        }


def course_to_dict(course: Course) -> dict[str, Any]:
    """A course as the data of a course file (what `course_from_dict` reads back)."""
    lessons = []
    for le in course.lessons:
        done = []
        for s in le.done:
            step: dict[str, Any] = {s.kind: s.target}
            if s.kind == "tagged" and s.min != 1:
                step["min"] = s.min
            done.append(step)
        lessons.append(
            {
                "id": le.id,
                "title": le.title,
                "notebook": le.notebook,
                "articles": list(le.articles),
                "done": done,
            }
        )
    return {
        "format": "kit-course/1",
        "title": course.title,
        "assignment": course.assignment,
        "lessons": lessons,
    }


def write_manifest(folder: Path, manifest: Manifest) -> Path:
    """Write `kit-manifest.json` into `folder` (atomically)."""
    path = folder / MANIFEST_NAME
    atomic_write_text(path, json.dumps(manifest.to_dict(), indent=1, ensure_ascii=False) + "\n")
    return path


def read_manifest(path: str | Path) -> Manifest:
    """A manifest file; KitError naming the file when it is damaged or not a manifest."""
    p = Path(path)
    text, _ = read_text(p, MAX_MANIFEST_BYTES)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        data = None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise KitError(
            "not a release manifest (damaged?)", path=p, fix="run kit release again to remake it"
        )
    try:
        course = course_from_dict(data["course"], p) if data.get("course") else None
        articles = {
            str(a["id"]): ArticleEntry(
                str(a["id"]), str(a["file"]), str(a["sha"]), int(a["length"]), str(a["title"])
            )
            for a in data.get("articles") or []
        }
        banks = {
            str(b["id"]): BankEntry(str(b["id"]), str(b["file"]), b.get("article"))
            for b in data.get("banks") or []
        }
        keys = [k for k in data.get("keys") or [] if isinstance(k, dict)]
    except (KeyError, TypeError, ValueError, AttributeError):
        raise KitError(
            "this release manifest is damaged", path=p, fix="run kit release again to remake it"
        ) from None
    return Manifest(
        course, articles, banks, keys, str(data.get("assignment") or ""), bool(data.get("exam"))
    )


def release_manifests(inputs: Iterable[str | Path], start: str | Path | None = None) -> list[Path]:
    """The manifests of the releases students' work may come from: `release/*/` of an nbgrader
    course folder given as input (or whose `submitted/` is), and of the current folder."""
    places: list[Path] = [Path(start) if start is not None else Path.cwd()]
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            places += [p, p.parent] if p.name in ("submitted", "autograded") else [p]
    found: dict[Path, None] = {}
    for place in places:
        release = place / "release"
        if release.is_dir():
            for m in sorted(release.glob(f"*/{MANIFEST_NAME}")):
                found.setdefault(m.resolve())
    return list(found)


def course_manifest(course: Course, seeds: Path | None) -> Manifest:
    """What a release of `course` from this seeds folder would list (without writing one): its
    lessons and the course's articles found in `seeds`."""
    manifest = Manifest(course=course, assignment=course.assignment)
    wanted = set(course.article_ids)
    if seeds is None or not seeds.is_dir() or not wanted:
        return manifest
    for f in seed_files(seeds).articles:
        try:
            articles = read_file(f)
        except KitError:
            continue
        for a in articles:
            if a.id in wanted:
                manifest.add_article(a, (Path("seeds") / f.relative_to(seeds)).as_posix())
    return manifest


def class_manifest(
    inputs: Sequence[str | Path] = (),
    *,
    course: Course | str | Path | None = None,
    start: str | Path | None = None,
) -> Manifest:
    """What collect accepts work on, with no flags: every release found (see
    `release_manifests`), then the course of the folder the teacher works in (`course`: a course
    file or Course to use instead; the kit's own course when there is no course folder)."""
    from kit.classroom.course_folder import course_here, find_course_folder

    manifest = Manifest()
    for path in release_manifests(inputs, start):
        manifest = manifest.merged(read_manifest(path))
    crs = course_here(start, course)
    folder = find_course_folder(start)
    live = course_manifest(crs, folder / "seeds" if folder is not None else None)
    if course is not None:  # the teacher's override wins over the releases' course
        manifest.course = None
    return manifest.merged(live)


def manifest_of_class(class_dir: Path) -> Manifest | None:
    """The manifest collect kept in a class folder (None: there is none)."""
    path = Path(class_dir) / MANIFEST_NAME
    return read_manifest(path) if path.is_file() else None


def texts_of(articles: Mapping[str, Article]) -> dict[str, tuple[int, str]]:
    """Article id -> (length, fingerprint) for articles at hand."""
    return {k: (len(a.text), text_fingerprint(a.text)) for k, a in articles.items()}
