"""Student work that is never lost: one JSON file per student per article.

`work/<student>/<article_id>.json` holds the student's W3C annotations, quiz attempts and written
responses. Every edit is one operation applied under a file lock to the file as it is on disk now
(read and checked by `kit.work.reader`, as every reader of work files does), then written
atomically. Two widgets (two browser tabs, two kernels) on the same file therefore merge their
edits instead of overwriting each other. A file that cannot be read is moved aside, never
overwritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kit.articles.article import Article
from kit.errors import KitError
from kit.files import atomic_write_text, read_bytes
from kit.views.html import Notice
from kit.work.annotations import Annotation, now, reanchor

# Reading a work file is kit.work.reader's; these names are also imported from here.
from kit.work.reader import FORMAT as FORMAT
from kit.work.reader import MAX_WORK_FILE_BYTES as MAX_WORK_FILE_BYTES
from kit.work.reader import parse_document as parse_document
from kit.work.reader import parse_work as parse_work
from kit.work.reader import read_document as read_document

try:  # POSIX file locks; on other systems edits are still atomic, just not merged across processes
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

WORK_DIR_ENV = "KIT_WORK_DIR"
STUDENT_ENV = "KIT_STUDENT"
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(10)}
_UNSAFE = re.compile(r"[^\w.-]+", re.UNICODE)


def work_dir(path: str | Path | None = None) -> Path:
    """The work folder: `path`, else $KIT_WORK_DIR, else `work/` in the current folder."""
    if path is not None:
        return Path(path)
    env = os.environ.get(WORK_DIR_ENV)
    return Path(env) if env else Path.cwd() / "work"


def safe_name(value: str, what: str = "student id") -> str:
    """A name that is safe as one path component inside the work folder.

    Letters (any script), digits, '.', '_' and '-' are kept; anything else becomes '-'.
    Raises KitError when nothing usable is left.
    """
    if not isinstance(value, str):
        raise KitError(f"the {what} must be text, not {type(value).__name__}")
    cleaned = unicodedata.normalize("NFKC", value).replace("\x00", "")
    cleaned = _UNSAFE.sub("-", cleaned.strip()).strip(".-")[:64].strip(".-")
    if not cleaned:
        raise KitError(
            f"'{value[:40]}' cannot be used as a {what}",
            fix=f"use letters and digits for the {what}, for example 'alex-2b'",
        )
    if cleaned.lower().split(".")[0] in _RESERVED:
        cleaned = f"_{cleaned}"
    return cleaned


def set_student(name: str, path: str | Path | None = None) -> str:
    """Remember the student's id for this work folder; returns the id as the kit will use it."""
    student = safe_name(name)
    root = work_dir(path)
    root.mkdir(parents=True, exist_ok=True)
    atomic_write_text(root / ".student", student + "\n")
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
        return safe_name(env)
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
    target = root / safe_name(student) / f"{safe_name(article_id, 'article id')}.json"
    root_real = root.resolve()
    target_real = target.resolve()
    if not target_real.is_relative_to(root_real):
        raise KitError(
            "this work file would be outside the work folder",
            path=target,
            fix="remove the link in the work folder or choose another student id",
        )
    return target


def text_fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def new_document(student: str, article_id: str, fingerprint: str = "") -> dict[str, Any]:
    return {
        "format": FORMAT,
        "student": student,
        "article_id": article_id,
        "text_sha": fingerprint,
        "revision": 0,
        "created": now(),
        "modified": now(),
        "annotations": [],
        "quiz": {},
        "responses": {},
    }


@dataclass(frozen=True)
class Attempt:
    """One answer to one quiz question."""

    response: Any
    correct: bool | None
    points: float
    at: str


class Workspace:
    """A student's work on one article, saved at once after every edit.

    `article` may be an Article (quotes are re-anchored if its text changed since the work was
    saved) or an article id.
    """

    def __init__(
        self,
        student: str | None,
        article: Article | str,
        work_dir_path: str | Path | None = None,
    ) -> None:
        self.student = safe_name(student) if student else current_student(work_dir_path)
        self.article = article if isinstance(article, Article) else None
        self.article_id = safe_name(
            article.id if isinstance(article, Article) else article, "article id"
        )
        self.path = work_path(self.student, self.article_id, work_dir_path)
        self.warnings: list[str] = []
        self._fingerprint = text_fingerprint(self.article.text) if self.article else ""
        self._undo: list[tuple[Callable[[dict], None], Callable[[dict], None]]] = []
        self._redo: list[tuple[Callable[[dict], None], Callable[[dict], None]]] = []
        self._doc = self._read_current()
        self.external_changes = False

    # ------------------------------------------------------------------ reading

    def __repr__(self) -> str:
        return (
            f"Workspace(student={self.student!r}, article={self.article_id!r}, "
            f"annotations={len(self.annotations)})"
        )

    @property
    def revision(self) -> int:
        return int(self._doc.get("revision", 0))

    @property
    def document(self) -> dict[str, Any]:
        """A copy of the whole work document as saved."""
        return json.loads(json.dumps(self._doc))

    @property
    def annotations(self) -> tuple[Annotation, ...]:
        """The student's annotations, anchored in the current article text, in text order."""
        anns = []
        for raw in self._doc["annotations"]:
            a = Annotation.from_w3c(raw)
            if self.article is not None and self._doc.get("text_sha") != self._fingerprint:
                a = reanchor(a, self.article.text)
                if a is None:
                    continue
            anns.append(a)
        return tuple(sorted(anns, key=lambda a: (a.start, a.end)))

    def get(self, annotation_id: str) -> Annotation | None:
        return next((a for a in self.annotations if a.id == annotation_id), None)

    def response(self, key: str, default: str = "") -> str:
        entry = self._doc["responses"].get(key)
        return entry.get("value", default) if isinstance(entry, dict) else default

    @property
    def responses(self) -> dict[str, str]:
        return {k: v.get("value", "") for k, v in self._doc["responses"].items()}

    def attempts(self, bank_id: str, question_id: str) -> list[Attempt]:
        entry = self._doc["quiz"].get(bank_id, {}).get(question_id, {})
        return [
            Attempt(a.get("response"), a.get("correct"), float(a.get("points", 0)), a.get("at", ""))
            for a in entry.get("attempts", [])
        ]

    def quiz_answers(self, bank_id: str) -> dict[str, list[Attempt]]:
        return {q: self.attempts(bank_id, q) for q in self._doc["quiz"].get(bank_id, {})}

    def reload(self) -> bool:
        """Read the file again (another tab may have saved); True when it had changed."""
        before = self.revision
        self._doc = self._read_current()
        changed = self.revision != before
        self.external_changes = self.external_changes or changed
        return changed

    # ------------------------------------------------------------------ editing

    def add(self, annotation: Annotation) -> Annotation:
        """Save a new annotation."""
        ann = annotation if annotation.creator else _with_creator(annotation, self.student)
        raw = ann.to_w3c(self.article_id)
        self._do(_op_put(raw), _op_remove(ann.id))
        return ann

    def update(self, annotation: Annotation) -> Annotation:
        """Save a changed annotation (same id)."""
        old = next((a for a in self._doc["annotations"] if a.get("id") == annotation.id), None)
        if old is None:
            raise KitError(
                "that highlight no longer exists (it may have been deleted in another tab)"
            )
        new = annotation.to_w3c(self.article_id)
        new["modified"] = now()
        self._do(_op_replace(new), _op_put(old))
        return Annotation.from_w3c(new)

    def remove(self, annotation_id: str) -> None:
        """Delete an annotation."""
        old = next((a for a in self._doc["annotations"] if a.get("id") == annotation_id), None)
        if old is None:
            return
        self._do(_op_remove(annotation_id), _op_put(old))

    def set_response(self, key: str, value: str) -> None:
        """Save a written answer (a reflection, a rewrite) under `key`."""
        old = self._doc["responses"].get(key)
        self._do(_op_response(key, {"value": value, "modified": now()}), _op_response(key, old))

    def record_attempt(
        self,
        bank_id: str,
        question_id: str,
        response: Any,
        correct: bool | None,
        points: float = 0.0,
    ) -> Attempt:
        """Append one quiz attempt (attempts are history: they are never undone)."""
        attempt = {"response": response, "correct": correct, "points": points, "at": now()}

        def op(doc: dict) -> None:
            bank = doc["quiz"].setdefault(bank_id, {})
            bank.setdefault(question_id, {"attempts": []})["attempts"].append(attempt)

        self._apply(op)
        return Attempt(response, correct, float(points), attempt["at"])

    def undo(self) -> bool:
        """Undo this workspace's last edit; False when there is nothing to undo."""
        if not self._undo:
            return False
        do, undo = self._undo[-1]
        self._apply(undo)
        self._redo.append(self._undo.pop())
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        do, undo = self._redo[-1]
        self._apply(do)
        self._undo.append(self._redo.pop())
        return True

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    # ------------------------------------------------------------------ saving

    def _do(self, do: Callable[[dict], None], undo: Callable[[dict], None]) -> None:
        self._apply(do)
        self._undo.append((do, undo))
        self._redo.clear()

    def _apply(self, op: Callable[[dict], None]) -> None:
        """Apply one edit to the file as it is on disk now, and save it atomically."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._locked():
            doc = self._read_current()
            if doc.get("revision", 0) != self._doc.get("revision", 0):
                self.external_changes = True
            if self.article is not None and doc.get("text_sha") != self._fingerprint:
                _reanchor_all(doc, self.article, self._fingerprint)
            try:
                op(doc)
            except KitError:
                self._doc = doc  # the edit no longer fits the file: show what is there now
                raise
            doc["revision"] = int(doc.get("revision", 0)) + 1
            doc["modified"] = now()
            atomic_write_text(self.path, json.dumps(doc, ensure_ascii=False, indent=1))
        self._doc = doc

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        if fcntl is None:
            yield
            return
        lock_path = self.path.parent / f".{self.path.name}.lock"
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def _read_current(self) -> dict[str, Any]:
        """The document on disk, a new one if there is none, or a new one after moving a broken
        file aside (with a warning that says where it went)."""
        if not self.path.exists():
            return new_document(self.student, self.article_id, self._fingerprint)
        try:
            return parse_document(read_bytes(self.path, MAX_WORK_FILE_BYTES), self.path)
        except KitError as e:
            kept = self._keep_aside()
            self.warnings.append(
                f"Your saved work in {self.path.name} could not be read ({e.problem}). "
                f"It was kept as {kept.name} and a new file was started: tell your teacher."
            )
            return new_document(self.student, self.article_id, self._fingerprint)

    def _keep_aside(self) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        kept = self.path.with_name(f"{self.path.name}.broken-{stamp}")
        os.replace(self.path, kept)
        return kept


def _with_creator(annotation: Annotation, student: str) -> Annotation:
    from dataclasses import replace

    return replace(annotation, creator=student)


def _op_put(raw: dict[str, Any]) -> Callable[[dict], None]:
    def op(doc: dict) -> None:
        items = doc["annotations"]
        for i, a in enumerate(items):
            if a.get("id") == raw["id"]:
                items[i] = raw
                return
        items.append(raw)

    return op


def _op_replace(raw: dict[str, Any]) -> Callable[[dict], None]:
    """Replace an annotation that must still exist (another tab may have deleted it)."""

    def op(doc: dict) -> None:
        items = doc["annotations"]
        for i, a in enumerate(items):
            if a.get("id") == raw["id"]:
                items[i] = raw
                return
        raise KitError("that highlight no longer exists (it may have been deleted in another tab)")

    return op


def _op_remove(annotation_id: str) -> Callable[[dict], None]:
    def op(doc: dict) -> None:
        doc["annotations"] = [a for a in doc["annotations"] if a.get("id") != annotation_id]

    return op


def _op_response(key: str, entry: dict | None) -> Callable[[dict], None]:
    def op(doc: dict) -> None:
        if entry is None:
            doc["responses"].pop(key, None)
        else:
            doc["responses"][key] = entry

    return op


def _reanchor_all(doc: dict[str, Any], article: Article, fingerprint: str) -> None:
    """Move saved annotations onto a changed article text; unanchorable ones stay as they were."""
    items = []
    for raw in doc["annotations"]:
        a = reanchor(Annotation.from_w3c(raw), article.text)
        items.append(a.to_w3c(doc.get("article_id", "")) if a is not None else raw)
    doc["annotations"] = items
    doc["text_sha"] = fingerprint


class MemoryWorkspace(Workspace):
    """Work kept in memory only (a quiz's scratch answer, a demo): the Workspace API, no file."""

    def __init__(self, article: Article | str, student: str = "") -> None:
        self.student = student
        self.article = article if isinstance(article, Article) else None
        self.article_id = article.id if isinstance(article, Article) else str(article)
        self.path = None  # type: ignore[assignment]
        self.warnings = []
        self.external_changes = False
        self._fingerprint = text_fingerprint(self.article.text) if self.article else ""
        self._undo = []
        self._redo = []
        self._doc = new_document(student, self.article_id, self._fingerprint)

    def __repr__(self) -> str:
        return f"MemoryWorkspace(article={self.article_id!r}, annotations={len(self.annotations)})"

    def reload(self) -> bool:
        """Nothing to read again: the work lives only here."""
        return False

    def _apply(self, op: Callable[[dict], None]) -> None:
        doc = json.loads(json.dumps(self._doc))
        op(doc)
        doc["revision"] = int(doc.get("revision", 0)) + 1
        doc["modified"] = now()
        self._doc = doc
