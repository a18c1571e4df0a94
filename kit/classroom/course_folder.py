"""`kit init DIR`: a course folder for a teacher who installed the kit without cloning it.

The folder is laid out like the repository, so the notebooks find `../seeds/` and
`python -m kit release` runs in it unchanged:

    DIR/notebooks/*.ipynb, DIR/notebooks/teacher/*.ipynb   the lessons and the teacher's notebooks
    DIR/seeds/...                                           articles, quiz banks, answer keys
    DIR/course.yaml                                         the course file (kit/data/course.yaml)

The notebooks and seeds come from the installed package (the wheel carries them as `kit/_course/`,
copied there by setup.py's build step) or, in a checkout, from its top-level `notebooks/` and
`seeds/`. Both are filtered by `course_files`, the same rule setup.py applies.

`find_course_file` is how every command finds the course of the folder a teacher works in (the
folder itself or one above it: the course folder, the notebooks folder, `notebooks/teacher/`);
`course_here` reads it with each lesson's articles as its notebook loads them (kit.classroom.loads).
"""

from __future__ import annotations

import secrets
import shutil
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from kit.classroom.course import Course, default_course_path, load_course
from kit.errors import KitError

#: The course file's name in a course folder (beside `notebooks/` and `seeds/`).
COURSE_FILE = "course.yaml"

#: The folders copied, and which of their files: every notebook; every seed file.
PARTS = {"notebooks": "*.ipynb", "seeds": "*"}
#: Never copied: checkpoints, caches, hidden files, and student work written while notebooks ran.
SKIPPED = {".ipynb_checkpoints", "__pycache__", "work"}


@dataclass
class InitReport:
    """What `init_course` wrote."""

    folder: Path
    files: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """Lines for the terminal: what was written and what to do next."""
        notebooks = sum(f.endswith(".ipynb") for f in self.files)
        return (
            f"wrote {notebooks} notebooks, {len(self.files) - notebooks - 1} seed files and "
            f"course.yaml into {self.folder}\n"
            f"next: cd {self.folder} && jupyter lab notebooks/00_start_here.ipynb\n"
            f"      the student copy (from {self.folder}): kit release OUT_DIR"
        )


def course_source() -> Path:
    """Where `notebooks/` and `seeds/` are: the installed package's, else the checkout's."""
    packaged = Path(str(resources.files("kit").joinpath("_course")))
    checkout = Path(__file__).resolve().parent.parent.parent
    for root in (packaged, checkout):
        if all((root / part).is_dir() for part in PARTS):
            return root
    raise KitError(
        "this installation of the kit holds no course to copy",
        path=packaged,
        fix="reinstall the kit from its wheel (pip install media-literacy-kit)",
    )


def course_files(root: Path) -> list[str]:
    """The course's files under `root`, as sorted relative POSIX paths."""
    found = []
    for part, pattern in PARTS.items():
        for path in (root / part).rglob(pattern):
            rel = path.relative_to(root)
            if path.is_file() and not any(p in SKIPPED or p.startswith(".") for p in rel.parts):
                found.append(rel.as_posix())
    return sorted(found)


def init_course(folder: str | Path) -> InitReport:
    """Write a new course folder at `folder` (which must not exist yet, or be empty)."""
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise KitError("this is a file, not a folder", path=target, fix="give a new folder name")
    if target.is_dir() and any(target.iterdir()):
        raise KitError(
            "the folder is not empty; kit init never overwrites files",
            path=target,
            fix="give a new or empty folder, like `kit init my-course`",
        )
    source = course_source()
    report = InitReport(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    build = target.parent / f".{target.name}.{secrets.token_hex(4)}.init"
    build.mkdir()  # beside the target (one rename at the end), with the user's usual permissions
    try:
        for rel in course_files(source):
            dst = build / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source / rel, dst)
            report.files.append(rel)
        shutil.copyfile(default_course_path(), build / "course.yaml")
        report.files.append("course.yaml")
        if target.is_dir():
            target.rmdir()  # empty, checked above
        build.rename(target)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    return report


def find_course_folder(start: str | Path | None = None) -> Path | None:
    """The course folder a teacher works in: `start` (default: the current folder) or the nearest
    folder above it that holds a `course.yaml`, or `notebooks/` and `seeds/` side by side."""
    here = Path(start if start is not None else Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / COURSE_FILE).is_file() or all((folder / p).is_dir() for p in PARTS):
            return folder
    return None


def find_course_file(start: str | Path | None = None) -> Path:
    """The course file for a teacher working in `start` (default: the current folder): the course
    folder's `course.yaml`, else the kit's default (`kit/data/course.yaml`)."""
    folder = find_course_folder(start)
    if folder is not None and (folder / COURSE_FILE).is_file():
        return folder / COURSE_FILE
    return default_course_path()


def course_here(
    start: str | Path | None = None, course: Course | str | Path | None = None
) -> Course:
    """The course of the folder a teacher works in, each lesson with the articles its notebook
    loads. `course`: a course file to read instead, with the notebooks beside it (its lessons'
    `articles:` as written when there are none); a Course is returned as it is."""
    from kit.classroom.loads import course_with_articles

    if isinstance(course, Course):
        return course
    if course is not None:
        notebooks: Path | None = Path(course).parent / "notebooks"
        crs = load_course(course)
    else:
        folder = find_course_folder(start)
        notebooks = folder / "notebooks" if folder is not None else _kit_notebooks()
        crs = load_course(find_course_file(start))
    if notebooks is None or not notebooks.is_dir():
        return crs
    return course_with_articles(crs, notebooks)


def _kit_notebooks() -> Path | None:
    """The kit's own notebooks (those the default course describes), if this installation has
    them."""
    try:
        return course_source() / "notebooks"
    except KitError:
        return None
