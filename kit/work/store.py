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
import errno
import hashlib
import json
import math
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from kit.articles.article import Article
from kit.errors import KitError
from kit.files import atomic_write_bytes, open_folder
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
#: A shared class work folder: files the teacher's group may read (`-rw-r-----`, folders
#: `rwxr-x---`), when this is set to 1 or the work folder holds a file named `.shared`.
SHARED_ENV = "KIT_WORK_SHARED"
SHARED_MARKER = ".shared"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
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
    #: A practice copy's derived keys for this response (`Quiz.receipt`), so that showing it
    #: again needs no slow derivation; None when none were saved.
    keys: dict[str, str] | None = None


GONE = "that highlight is not there any more (it may have been deleted in another tab)"
CHANGED_ELSEWHERE = "that was changed in another tab or notebook since, so it was left as it is"

#: Earlier versions kept of one written answer (texts two tabs saved over each other).
MAX_EARLIER = 10
#: What one edit changed: (("a", annotation id) or ("r", response key), before, after), with
#: None for "not there".
Change = tuple[tuple[str, Any], Any, Any]


class Draft:
    """The work document as it is on disk now, inside one save: what an edit reads and changes.

    Annotations and responses are replaced, never changed in place, so that the save can tell
    which ones the edit changed (its undo puts back exactly those, and only if nobody changed
    them since).
    """

    def __init__(
        self, doc: dict[str, Any], article_id: str, keep_copy: Callable[[], str] | None = None
    ) -> None:
        self.doc = doc
        self.article_id = article_id
        self._keep_copy = keep_copy
        self.kept = ""

    def keep_copy(self) -> str:
        """Keep a copy of the file as it is on disk now (before this edit), once; its name."""
        if not self.kept and self._keep_copy is not None:
            self.kept = self._keep_copy()
        return self.kept

    @property
    def annotations(self) -> tuple[Annotation, ...]:
        return tuple(Annotation.from_w3c(raw) for raw in self.doc["annotations"])

    def get(self, annotation_id: Any) -> Annotation | None:
        raw = next((a for a in self.doc["annotations"] if _id(a) == annotation_id), None)
        return None if raw is None else Annotation.from_w3c(raw)

    def existing(self, annotation_id: Any) -> Annotation:
        """The annotation as saved now; KitError when another tab deleted it."""
        found = self.get(annotation_id)
        if found is None:
            raise KitError(GONE)
        return found

    def put(self, annotation: Annotation) -> Annotation:
        """Add the annotation, or replace the one with its id."""
        _set_slot(self.doc, ("a", annotation.id), annotation.to_w3c(self.article_id))
        return annotation

    def remove(self, annotation_id: Any) -> None:
        _set_slot(self.doc, ("a", annotation_id), None)

    def response(self, key: str, default: str = "") -> str:
        entry = self.doc["responses"].get(key)
        return entry.get("value", default) if isinstance(entry, dict) else default

    def set_response(self, key: str, value: str | None) -> None:
        """Save a written answer (None removes it); its earlier versions stay."""
        entry = None if value is None else {"value": value, "modified": now()}
        old = self.doc["responses"].get(key)
        if entry is not None and isinstance(old, dict) and isinstance(old.get("earlier"), list):
            entry["earlier"] = old["earlier"]
        _set_slot(self.doc, ("r", key), entry)

    def write_text(self, key: str, value: str, base: str | None) -> str | None:
        """Save a written answer typed over `base`, the text this tab last read or saved.
        When the saved text is another one (another tab or kernel changed it since; `base`
        None: always), it is first kept as the answer's latest earlier version. Returns the
        text kept, or None."""
        entry = self.doc["responses"].get(key)
        saved = entry.get("value") if isinstance(entry, dict) else None
        earlier = entry.get("earlier") if isinstance(entry, dict) else None
        versions = earlier[:] if isinstance(earlier, list) else [] if earlier is None else [earlier]
        kept = None
        if isinstance(saved, str) and saved.strip() and saved not in (base, value):
            kept = saved
            versions.insert(0, {"value": saved, "modified": entry.get("modified", "")})
        if kept is not None or versions:
            # a text typed further replaces its shorter self (the start it had); all else stays
            versions = [
                v
                for i, v in enumerate(versions)
                if not (isinstance(v, dict) and isinstance(v.get("value"), str))
                or not _continued(v["value"], [value] + [w.get("value") for w in versions[:i]])
            ]
        new: dict[str, Any] = {"value": value, "modified": now()}
        if versions:
            new["earlier"] = versions[:MAX_EARLIER]
        _set_slot(self.doc, ("r", key), new)
        return kept

    def earlier_texts(self, key: str) -> list[str]:
        """The earlier versions kept of a written answer, latest first."""
        entry = self.doc["responses"].get(key)
        versions = entry.get("earlier") if isinstance(entry, dict) else None
        if not isinstance(versions, list):
            return []
        return [
            v["value"] for v in versions if isinstance(v, dict) and isinstance(v.get("value"), str)
        ]


class Workspace:
    """A student's work on one article, saved at once after every edit.

    `article` may be an Article (quotes are re-anchored if its text changed since the work was
    saved) or an article id. Every edit is an operation (add, relabel, comment, delete, answer
    ...) applied under the file's lock to the file as it is on disk then, so two workspaces on
    one file (two tabs, two kernels) never erase each other's edits; after each edit the
    workspace holds the file as saved, with the other's edits. `undo` undoes this workspace's
    own last edit, and only while nobody changed the same thing since.
    """

    def __init__(
        self,
        student: str | None,
        article: Article | str,
        work_dir_path: str | Path | None = None,
    ) -> None:
        root = work_dir(work_dir_path)
        self.student = student_folder(student, root) if student else current_student(root)
        self.article = article if isinstance(article, Article) else None
        self.article_id = safe_name(
            article.id if isinstance(article, Article) else article, "article id"
        )
        self.path = work_path(self.student, self.article_id, root)
        self.warnings: list[str] = []
        self._file_mode = file_mode(root)
        self._fingerprint = text_fingerprint(self.article.text) if self.article else ""
        self._undo: list[list[Change]] = []
        self._redo: list[list[Change]] = []
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
        """The saved attempts at one question that can be read (see `unreadable_attempts`)."""
        return saved_attempts(self._doc, bank_id, question_id)[0]

    def unreadable_attempts(self, bank_id: str, question_ids: Iterable[str]) -> list[str]:
        """The questions (of `question_ids`) whose saved attempts could not all be read: a file
        changed by hand or damaged. They stay in the file as they are."""
        return [q for q in question_ids if saved_attempts(self._doc, bank_id, q)[1]]

    def quiz_answers(self, bank_id: str) -> dict[str, list[Attempt]]:
        bank = self._doc["quiz"].get(bank_id, {})
        return {q: self.attempts(bank_id, q) for q in (bank if isinstance(bank, dict) else {})}

    def reload(self) -> bool:
        """Read the file again (another tab may have saved); True when it had changed."""
        before = self.revision
        self._doc = self._read_current()
        changed = self.revision != before
        self.external_changes = self.external_changes or changed
        return changed

    # ------------------------------------------------------------------ editing

    def edit(self, change: Callable[[Draft], T]) -> T:
        """Apply `change` to the work as it is on disk now (under the lock) and save it; it can
        be undone. Returns what `change` returned. The other edits are made of this one."""
        out: list[T] = []
        changes = self._apply(lambda draft: out.append(change(draft)))
        if changes:
            self._undo.append(changes)
            self._redo.clear()
        return out[0]

    def add(self, annotation: Annotation) -> Annotation:
        """Save a new annotation."""
        ann = annotation if annotation.creator else _with_creator(annotation, self.student)
        return self.edit(lambda draft: draft.put(ann))

    def update(self, annotation: Annotation) -> Annotation:
        """Save a changed annotation (same id): only what changed here since this workspace
        last read it (tags added or removed, the comment, the span) is applied to the
        annotation as saved now, so another tab's change to the rest stays."""
        base = next((a for a in self.annotations if a.id == annotation.id), None)
        if base is None:
            raise KitError(GONE)
        return self.edit(lambda d: d.put(merged(base, annotation, d.existing(annotation.id))))

    def retag(
        self, annotation_id: str, tags: Iterable[str], drop: Callable[[str], bool]
    ) -> Annotation:
        """Give an annotation `tags` in place of its tags for which `drop(tag)` is true (a
        relabel within one label set); its other tags and its comment stay as saved."""
        new = tuple(tags)

        def change(draft: Draft) -> Annotation:
            ann = draft.existing(annotation_id)
            kept = tuple(t for t in ann.tags if not drop(t) and t not in new)
            return draft.put(replace(ann, tags=new + kept, modified=now()))

        return self.edit(change)

    def set_comment(self, annotation_id: str, text: str) -> Annotation:
        """Set (or clear, with '') the comment of an annotation; its tags stay as saved."""

        def change(draft: Draft) -> Annotation:
            ann = draft.existing(annotation_id)
            return draft.put(replace(ann, comment=text, modified=now()))

        return self.edit(change)

    def remove(self, annotation_id: str) -> None:
        """Delete an annotation."""
        self.edit(lambda draft: draft.remove(annotation_id))

    def set_response(self, key: str, value: str) -> None:
        """Save a written answer (a reflection, a rewrite) under `key`."""
        self.edit(lambda draft: draft.set_response(key, value))

    def write_text(self, key: str, value: str, base: str | None) -> str | None:
        """Save a written answer as `Draft.write_text` does: typed over `base` (the text this
        widget last read or saved); a text another tab saved since is kept as an earlier
        version, never silently replaced. Returns the text kept, or None."""
        return self.edit(lambda draft: draft.write_text(key, value, base))

    def earlier_texts(self, key: str) -> list[str]:
        """The earlier versions kept of a written answer (texts replaced while another tab
        wrote too), latest first."""
        return Draft(self._doc, self.article_id).earlier_texts(key)

    def edit_response(self, key: str, change: Callable[[str], str]) -> str:
        """Save `change(saved value)` under `key`, the saved value read under the lock (for
        answers that are sets, such as the suggestions a student rejected)."""

        def apply(draft: Draft) -> str:
            value = change(draft.response(key))
            draft.set_response(key, value)
            return value

        return self.edit(apply)

    def record_attempt(
        self,
        bank_id: str,
        question_id: str,
        response: Any,
        correct: bool | None,
        points: float = 0.0,
        keys: dict[str, str] | None = None,
    ) -> Attempt:
        """Append one quiz attempt (attempts are history: they are never undone). Where the
        saved attempts at this question cannot be added to (a file damaged or changed by hand),
        a copy of the file is kept first (`<file>.broken-<time>`, which collect reports) and
        the question starts afresh; a warning says so."""
        attempt = {"response": response, "correct": correct, "points": points, "at": now()}
        if keys:
            attempt["keys"] = dict(keys)
        kept: list[str] = []

        def op(draft: Draft) -> None:
            quiz = draft.doc["quiz"]
            bank = quiz.setdefault(bank_id, {})
            entry = bank.get(question_id, {}) if isinstance(bank, dict) else None
            old = entry.get("attempts", []) if isinstance(entry, dict) else None
            if isinstance(old, list):
                bank[question_id] = {**entry, "attempts": [*old, attempt]}
                return
            kept.append(draft.keep_copy())
            if not isinstance(bank, dict):
                bank = quiz[bank_id] = {}
            bank[question_id] = {
                **(entry if isinstance(entry, dict) else {}),
                "attempts": [attempt],
            }

        self._apply(op)
        if kept and kept[0]:
            self.warnings.append(
                f"Some of your saved answers in {self.path.name} could not be read. A copy of "
                f"the file was kept as {kept[0]} and your new answer was saved: tell your teacher."
            )
        return Attempt(response, correct, float(points), attempt["at"], keys or None)

    def undo(self) -> bool:
        """Undo this workspace's last edit; False when there is nothing to undo. KitError (and
        nothing undone) when another tab changed the same thing since."""
        if not self._undo:
            return False
        changes = self._undo.pop()
        self._apply(lambda draft: _restore(draft.doc, changes, back=True))
        self._redo.append(changes)
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        changes = self._redo.pop()
        self._apply(lambda draft: _restore(draft.doc, changes, back=False))
        self._undo.append(changes)
        return True

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    # ------------------------------------------------------------------ saving

    def _apply(self, op: Callable[[Draft], None]) -> list[Change]:
        """Apply one edit to the file as it is on disk now, and save it atomically; returns
        what it changed."""
        dfd = self._open_folder(create=True)
        try:
            with self._locked(dfd):
                doc = self._read_current(dfd)
                if doc.get("revision", 0) != self._doc.get("revision", 0):
                    self.external_changes = True
                if self.article is not None and doc.get("text_sha") != self._fingerprint:
                    _reanchor_all(doc, self.article, self._fingerprint)
                before = _slots(doc)
                try:
                    op(Draft(doc, self.article_id, lambda: self._copy_aside(dfd)))
                except KitError:
                    self._doc = self._read_current(dfd)  # show what is there now
                    raise
                changes = _changes(before, _slots(doc))
                doc["revision"] = int(doc.get("revision", 0)) + 1
                doc["modified"] = now()
                data = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
                if len(data) > MAX_WORK_FILE_BYTES:
                    self._doc = self._read_current(dfd)
                    raise KitError(too_long(len(data)), fix=TOO_LONG_FIX)
                atomic_write_bytes(self.path, data, folder_fd=dfd, mode=self._file_mode)
        finally:
            os.close(dfd)
        self._doc = doc
        return changes

    def _open_folder(self, create: bool) -> int:
        """The student's folder, open (never through a link: KitError); -1 when it does not
        exist and `create` is false."""
        folder = self.path.parent
        if create:
            folder.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(FileExistsError):
                folder.mkdir()
        elif not os.path.lexists(folder):
            return -1
        dfd = open_folder(folder, follow=False)
        if self._file_mode & 0o040:  # a shared work folder: the teacher's group may read it
            with contextlib.suppress(OSError):
                st = os.fstat(dfd)
                if st.st_mode & 0o050 != 0o050:
                    os.fchmod(dfd, (st.st_mode & 0o7777) | 0o050)
        return dfd

    @contextlib.contextmanager
    def _locked(self, dfd: int) -> Iterator[None]:
        if fcntl is None:  # pragma: no cover
            yield
            return
        name = f".{self.path.name}.lock"
        try:
            fd = os.open(name, os.O_RDWR | os.O_CREAT | _NOFOLLOW, self._file_mode, dir_fd=dfd)
        except OSError as e:
            if e.errno != errno.ELOOP:
                raise KitError(
                    f"cannot save ({e.strerror or e})",
                    path=self.path.parent / name,
                    fix="ask your teacher to check that you may write in this folder",
                ) from None
            os.unlink(name, dir_fd=dfd)  # a link planted as the lock: never written through
            fd = os.open(
                name, os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW, self._file_mode, dir_fd=dfd
            )
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def _read_current(self, dfd: int | None = None) -> dict[str, Any]:
        """The document on disk, a new one if there is none, or a new one after moving a broken
        file aside (with a warning that says where it went)."""
        own = dfd is None
        if own:
            dfd = self._open_folder(create=False)
            if dfd < 0:
                return new_document(self.student, self.article_id, self._fingerprint)
        try:
            try:
                data = _read_no_follow(dfd, self.path)
                if data is None:
                    return new_document(self.student, self.article_id, self._fingerprint)
                return parse_document(data, self.path)
            except KitError as e:
                kept = self._keep_aside(dfd)
                self.warnings.append(
                    f"Your saved work in {self.path.name} could not be read ({e.problem}). "
                    f"It was kept as {kept} and a new file was started: tell your teacher."
                )
                return new_document(self.student, self.article_id, self._fingerprint)
        finally:
            if own:
                os.close(dfd)

    def _copy_aside(self, dfd: int) -> str:
        """Copy the work file as it is on disk to `<file>.broken-<time>`; the copy's name."""
        data = _read_no_follow(dfd, self.path)
        if data is None:
            return ""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        kept = f"{self.path.name}.broken-{stamp}"
        atomic_write_bytes(self.path.parent / kept, data, folder_fd=dfd, mode=self._file_mode)
        return kept

    def _keep_aside(self, dfd: int) -> str:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        kept = f"{self.path.name}.broken-{stamp}"
        os.replace(self.path.name, kept, src_dir_fd=dfd, dst_dir_fd=dfd)
        return kept


def _continued(text: str, later: list[Any]) -> bool:
    """True when one of the `later` texts starts with `text` (so it holds all of it)."""
    return any(isinstance(t, str) and t.startswith(text) for t in later)


def saved_attempts(
    doc: dict[str, Any], bank_id: str, question_id: str
) -> tuple[list[Attempt], bool]:
    """The readable attempts at one question in a work document, and whether any saved there
    could not be read (a wrong type anywhere on the way: left out, never an error)."""
    bank = doc["quiz"].get(bank_id, {})
    entry = bank.get(question_id, {}) if isinstance(bank, dict) else None
    raw = entry.get("attempts", []) if isinstance(entry, dict) else None
    if not isinstance(raw, list):
        return [], True
    out = [a for a in map(_attempt, raw) if a is not None]
    return out, len(out) < len(raw)


def _attempt(raw: Any) -> Attempt | None:
    """One saved attempt as the widgets read it; None when it is not one the kit writes."""
    if not isinstance(raw, dict):
        return None
    correct, points, at = raw.get("correct"), raw.get("points", 0.0), raw.get("at", "")
    if (
        not isinstance(correct, (bool, type(None)))
        or isinstance(points, bool)
        or not isinstance(points, (int, float))
        or not math.isfinite(points)
        or abs(points) > 1e9
        or not isinstance(at, str)
    ):
        return None
    keys = raw.get("keys")
    return Attempt(
        raw.get("response"), correct, float(points), at, keys if isinstance(keys, dict) else None
    )


T = TypeVar("T")
TOO_LONG_FIX = "shorten what you pasted or wrote last (a written answer needs a few pages at most)"


def too_long(size: int) -> str:
    mb = 1024 * 1024
    return (
        f"too long: with this change your work on this article would be {size / mb:.1f} MB, "
        f"over the {MAX_WORK_FILE_BYTES // mb} MB one work file may hold, so it was not saved; "
        "nothing was lost"
    )


def _read_no_follow(dfd: int, path: Path) -> bytes | None:
    """The work file's bytes, read from the open folder without following a link (None when
    there is no file); KitError for a link, anything but a file, or a file over the limit."""
    try:
        fd = os.open(path.name, os.O_RDONLY | _NOFOLLOW | os.O_NONBLOCK, dir_fd=dfd)
    except FileNotFoundError:
        return None
    except OSError as e:
        problem = "it is a link" if e.errno == errno.ELOOP else f"cannot read: {e.strerror}"
        raise KitError(problem, path=path) from None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise KitError("it is not a file", path=path)
        data = f.read(MAX_WORK_FILE_BYTES + 1)
    if len(data) > MAX_WORK_FILE_BYTES:
        mb = 1024 * 1024
        raise KitError(
            f"it is over the {MAX_WORK_FILE_BYTES // mb} MB a work file may hold", path=path
        )
    return data


def merged(base: Annotation, mine: Annotation, theirs: Annotation) -> Annotation:
    """`theirs` (the annotation as saved now) with what changed from `base` to `mine`: tags
    added and removed, the comment, the motivation, the span."""
    removed = set(base.tags) - set(mine.tags)
    kept = [t for t in theirs.tags if t not in removed]
    added = [t for t in mine.tags if t not in base.tags]
    tags = [t for t in mine.tags if t in kept or t in added]
    tags += [t for t in kept if t not in tags]
    out = replace(theirs, tags=tuple(dict.fromkeys(tags)), modified=now())
    if mine.comment != base.comment:
        out = replace(out, comment=mine.comment)
    if mine.motivation != base.motivation:
        out = replace(out, motivation=mine.motivation)
    if (mine.start, mine.end) != (base.start, base.end):
        out = replace(out, start=mine.start, end=mine.end, exact=mine.exact,
                      prefix=mine.prefix, suffix=mine.suffix)  # fmt: skip
    return out


def _id(raw: Any) -> Any:
    """An annotation's id, hashable even when a file changed by hand made it a list."""
    value = raw.get("id") if isinstance(raw, dict) else None
    return value if isinstance(value, (str, int, float, type(None))) else json.dumps(value)


def _slots(doc: dict[str, Any]) -> dict[tuple[str, Any], Any]:
    """Every annotation and response of a document by slot (the objects themselves)."""
    out: dict[tuple[str, Any], Any] = {("a", _id(a)): a for a in doc["annotations"]}
    out.update({("r", k): v for k, v in doc["responses"].items()})
    return out


def _changes(before: dict, after: dict) -> list[Change]:
    """The slots an edit replaced, added or removed (edits replace, never change in place)."""
    return [
        (slot, before.get(slot), after.get(slot))
        for slot in before.keys() | after.keys()
        if before.get(slot) is not after.get(slot)
    ]


def _set_slot(doc: dict[str, Any], slot: tuple[str, Any], value: Any) -> None:
    kind, key = slot
    if kind == "r":
        if value is None:
            doc["responses"].pop(key, None)
        else:
            doc["responses"][key] = value
        return
    items = doc["annotations"]
    if value is None:
        doc["annotations"] = [a for a in items if _id(a) != key]
        return
    for i, a in enumerate(items):
        if _id(a) == key:
            items[i] = value
            return
    items.append(value)


def _restore(doc: dict[str, Any], changes: list[Change], back: bool) -> None:
    """Undo (`back`) or redo an edit's changes, if each slot is still as that edit left it."""
    now_there = _slots(doc)
    for slot, before, after in changes:
        if now_there.get(slot) != (after if back else before):
            raise KitError(CHANGED_ELSEWHERE, fix="make the change by hand if you still want it")
    for slot, before, after in changes:
        _set_slot(doc, slot, before if back else after)


def _with_creator(annotation: Annotation, student: str) -> Annotation:
    return replace(annotation, creator=student)


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
        self._file_mode = 0o600
        self._fingerprint = text_fingerprint(self.article.text) if self.article else ""
        self._undo = []
        self._redo = []
        self._doc = new_document(student, self.article_id, self._fingerprint)

    def __repr__(self) -> str:
        return f"MemoryWorkspace(article={self.article_id!r}, annotations={len(self.annotations)})"

    def reload(self) -> bool:
        """Nothing to read again: the work lives only here."""
        return False

    def _apply(self, op: Callable[[Draft], None]) -> list[Change]:
        doc = json.loads(json.dumps(self._doc))
        before = _slots(doc)
        op(Draft(doc, self.article_id))
        changes = _changes(before, _slots(doc))
        doc["revision"] = int(doc.get("revision", 0)) + 1
        doc["modified"] = now()
        self._doc = doc
        return changes
