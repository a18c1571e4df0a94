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
import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from kit.articles.article import Article
from kit.errors import KitError
from kit.files import atomic_write_bytes, open_folder
from kit.work.annotations import Annotation, now, reanchor

# Reading a work file is kit.work.reader's, the work folder kit.work.work_folder's, a work
# document and one edit to it kit.work.document's; these names are also imported from here.
from kit.work.document import CHANGED_ELSEWHERE as CHANGED_ELSEWHERE
from kit.work.document import (
    GONE,
    Attempt,
    Change,
    Draft,
    changed_slots,
    merged,
    restore_slots,
    saved_attempts,
    slots_of,
)
from kit.work.document import MAX_EARLIER as MAX_EARLIER
from kit.work.document import new_document as new_document
from kit.work.document import text_fingerprint as text_fingerprint
from kit.work.reader import FORMAT as FORMAT
from kit.work.reader import MAX_WORK_FILE_BYTES as MAX_WORK_FILE_BYTES
from kit.work.reader import parse_document as parse_document
from kit.work.reader import parse_work as parse_work
from kit.work.reader import read_document as read_document
from kit.work.work_folder import SHARED_ENV as SHARED_ENV
from kit.work.work_folder import SHARED_MARKER as SHARED_MARKER
from kit.work.work_folder import STUDENT_ENV as STUDENT_ENV
from kit.work.work_folder import WORK_DIR_ENV as WORK_DIR_ENV
from kit.work.work_folder import current_student as current_student
from kit.work.work_folder import file_mode as file_mode
from kit.work.work_folder import is_shared as is_shared
from kit.work.work_folder import safe_name as safe_name
from kit.work.work_folder import set_student as set_student
from kit.work.work_folder import sign_in as sign_in
from kit.work.work_folder import student_folder as student_folder
from kit.work.work_folder import where_is_my_work as where_is_my_work
from kit.work.work_folder import work_dir as work_dir
from kit.work.work_folder import work_path as work_path

try:  # POSIX file locks; on other systems edits are still atomic, just not merged across processes
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


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
        self._apply(lambda draft: restore_slots(draft.doc, changes, back=True))
        self._redo.append(changes)
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        changes = self._redo.pop()
        self._apply(lambda draft: restore_slots(draft.doc, changes, back=False))
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
                before = slots_of(doc)
                try:
                    op(Draft(doc, self.article_id, lambda: self._copy_aside(dfd)))
                except KitError:
                    self._doc = self._read_current(dfd)  # show what is there now
                    raise
                changes = changed_slots(before, slots_of(doc))
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
        before = slots_of(doc)
        op(Draft(doc, self.article_id))
        changes = changed_slots(before, slots_of(doc))
        doc["revision"] = int(doc.get("revision", 0)) + 1
        doc["modified"] = now()
        self._doc = doc
        return changes
