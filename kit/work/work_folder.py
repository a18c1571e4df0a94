"""The work folder: where each student's work is kept, and who the student is.

`work/<student>/<article_id>.json`: the work folder is $KIT_WORK_DIR or `work/` (a shared class
folder when it holds `.shared`); a student's folder is their name made safe as one path
component; `sign_in` remembers the name for the other notebooks.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path

from kit.errors import KitError
from kit.files import atomic_write_bytes
from kit.views.html import Notice

WORK_DIR_ENV = "KIT_WORK_DIR"
STUDENT_ENV = "KIT_STUDENT"
#: A shared class work folder: files the teacher's group may read (`-rw-r-----`, folders
#: `rwxr-x---`), when this is set to 1 or the work folder holds a file named `.shared`.
SHARED_ENV = "KIT_WORK_SHARED"
SHARED_MARKER = ".shared"
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(10)}
_UNSAFE = re.compile(r"[^\w.-]+", re.UNICODE)


def work_dir(path: str | Path | None = None) -> Path:
    """The work folder: `path`, else $KIT_WORK_DIR, else `work/` in the current folder."""
    if path is not None:
        return Path(path)
    env = os.environ.get(WORK_DIR_ENV)
    return Path(env) if env else Path.cwd() / "work"


def _cleaned(value: str) -> str:
    """The name as one safe path component: letters (any script), digits, '.', '_' and '-'
    kept, anything else '-', at most 64 characters, a reserved device name prefixed with '_'
    ('' when nothing usable is left). The rule of work folders made before names got a suffix."""
    cleaned = unicodedata.normalize("NFKC", value).replace("\x00", "")
    cleaned = _UNSAFE.sub("-", cleaned.strip()).strip(".-")[:64].strip(".-")
    if cleaned and cleaned.lower().split(".")[0] in _RESERVED:
        cleaned = f"_{cleaned}"
    return cleaned


def is_shared(path: str | Path | None = None) -> bool:
    """True when work in this work folder is written for a shared class folder (group-readable):
    $KIT_WORK_SHARED is 1, or the work folder holds a file named `.shared`."""
    if os.environ.get(SHARED_ENV, "").strip().lower() in ("1", "yes", "true", "on"):
        return True
    return (work_dir(path) / SHARED_MARKER).is_file()


def file_mode(path: str | Path | None = None) -> int:
    """The permissions of the files the kit writes in a work folder: owner-only, or readable by
    the group too in a shared work folder (`is_shared`)."""
    return 0o640 if is_shared(path) else 0o600


def safe_name(value: str, what: str = "student id") -> str:
    """A name that is safe as one path component inside the work folder.

    Letters (any script), digits, '.', '_' and '-' are kept; anything else becomes '-'.
    For a student id, when cleaning changed the name (spaces, other signs, full-width letters,
    more than 64 characters ...), a short suffix made from the whole name is added
    ('Alex B' -> 'Alex-B-5c1a9e'), so that two different names never share a folder; a clean
    name stays as it is, and the suffixed form is clean too. Raises KitError when nothing
    usable is left.
    """
    if not isinstance(value, str):
        raise KitError(f"the {what} must be text, not {type(value).__name__}")
    cleaned = _cleaned(value)
    if not cleaned:
        raise KitError(
            f"'{value[:40]}' cannot be used as a {what}",
            fix=f"use letters and digits for the {what}, for example 'alex-2b'",
        )
    if what != "student id":
        return cleaned
    name = unicodedata.normalize("NFC", value).strip()
    if cleaned == name:
        return cleaned
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:6]
    return f"{cleaned[:57].strip('.-')}-{digest}"


def student_folder(student: str, path: str | Path | None = None) -> str:
    """The name of `student`'s folder in the work folder: `safe_name(student)`, or the folder an
    earlier kit made for this name (without the suffix) when only that one exists."""
    name = safe_name(student)
    root = work_dir(path)
    legacy = _cleaned(student) if isinstance(student, str) else name
    if legacy and legacy != name and not (root / name).exists() and (root / legacy).is_dir():
        return legacy
    return name


def set_student(name: str, path: str | Path | None = None) -> str:
    """Remember the student's id for this work folder; returns the id as the kit will use it."""
    student = student_folder(name, path)
    root = work_dir(path)
    root.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(root / ".student", f"{student}\n".encode(), mode=file_mode(root))
    return student


def sign_in(name: str, path: str | Path | None = None) -> Notice:
    """Tell the kit who you are (notebook 0); says where your work will be saved."""
    student = set_student(name, path)
    folder = work_dir(path) / student
    return Notice(
        f"Hello, {student}! The kit will save your work as you go, in this folder:\n{folder}\n"
        "You do not need to press any save button."
    )


def where_is_my_work(path: str | Path | None = None) -> Notice:
    """Where the current student's work is saved, and what is there so far."""
    try:
        student = current_student(path)
    except KitError as e:  # nobody signed in yet (a notebook run all at once): say what to do
        return Notice(f"Nothing is saved yet: {e.sentence[:1].lower()}{e.sentence[1:]}", "warning")
    folder = work_dir(path) / student
    files = sorted(p.stem for p in folder.glob("*.json")) if folder.is_dir() else []
    listing = ", ".join(files) if files else "nothing yet"
    return Notice(f"{student}, your work is saved in:\n{folder}\nSaved so far: {listing}")


def current_student(path: str | Path | None = None) -> str:
    """The student id: $KIT_STUDENT, else the one saved by `set_student`."""
    env = os.environ.get(STUDENT_ENV)
    if env:
        return student_folder(env, path)
    marker = work_dir(path) / ".student"
    try:
        saved = marker.read_text(encoding="utf-8").strip()
    except OSError:
        saved = ""
    if not saved:
        raise KitError(
            "the kit does not know who you are yet",
            fix="sign in first: run kit.sign_in() in notebook 0 (Start here), type your name "
            "and press Sign in, then run this cell again",
        )
    return safe_name(saved)


def work_path(student: str, article_id: str, path: str | Path | None = None) -> Path:
    """Where a student's work on an article is saved; never outside the work folder."""
    root = work_dir(path)
    target = root / student_folder(student, root) / f"{safe_name(article_id, 'article id')}.json"
    root_real = root.resolve()
    # the folder, not the file: a link as the work file is set aside, never followed
    target_real = target.parent.resolve() / target.name
    if not target_real.is_relative_to(root_real):
        raise KitError(
            "this work file would be outside the work folder",
            path=target,
            fix="remove the link in the work folder or choose another student id",
        )
    return target
