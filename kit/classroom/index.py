"""The class folder's index: what collect already read, so the dashboard opens a big class fast.

`python -m kit collect` checks every work file (JSON parse and every W3C annotation); for 300
students x 10 articles that is most of the time it takes. It keeps what it read in
`CLASS_DIR/.kit-index.json`: per file its size and modification time, and its content in a
compact form (each annotation as one row). `load_class` uses an entry only while the file's size
and time still match and the article text is the one the work was made on; otherwise it reads
the file itself (and re-anchors the quotes). A damaged or foreign index is ignored.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

import msgspec

from kit.files import atomic_write_bytes
from kit.work import jsonio
from kit.work.annotations import AnnotationRow

INDEX_NAME = ".kit-index.json"
FORMAT = "kit-class-index/1"


@contextlib.contextmanager
def bulk() -> Iterator[None]:
    """Pause the cycle collector while a whole class is read.

    Thousands of parsed JSON trees (which hold no reference cycles) otherwise make Python's
    collector scan every live object again and again: about a quarter of the time for 300 x 10.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class IndexedFile(msgspec.Struct, frozen=True):
    """One work file as the index keeps it: its size and time when collected, the document's
    fields the class views read, and each annotation as its row (JSON: a list)."""

    size: int
    mtime_ns: int
    student: Any
    article_id: Any
    text_sha: Any
    quiz: dict[str, Any]
    responses: dict[str, Any]
    annotations: tuple[AnnotationRow, ...]


class _Index(msgspec.Struct):
    format: str
    files: dict[str, IndexedFile]


#: Reads the whole index and checks every type while parsing (an entry that does not fit makes
#: `read` check entry by entry instead).
_decode_index = msgspec.json.Decoder(_Index).decode


def indexed_file(
    doc: dict[str, Any], annotations: Sequence[AnnotationRow], st: os.stat_result
) -> IndexedFile:
    """The index entry for a work file just written (`st`: its stat; content already checked)."""
    return IndexedFile(
        size=st.st_size,
        mtime_ns=st.st_mtime_ns,
        student=doc.get("student"),
        article_id=doc.get("article_id"),
        text_sha=doc.get("text_sha", ""),
        quiz=doc.get("quiz", {}),
        responses=doc.get("responses", {}),
        annotations=tuple(annotations),
    )


def write(class_dir: Path, entries: dict[str, IndexedFile]) -> None:
    """Write the index, keeping earlier entries for files this collection did not touch."""
    merged = {**read(class_dir), **entries}
    # Rows hold only text and whole numbers; a quiz or written answer may hold NaN or Infinity
    # (read from a student's file), which only json writes as they were.
    finite = all(
        jsonio.is_finite(e.quiz) and jsonio.is_finite(e.responses) for e in merged.values()
    )
    data = jsonio.dumps({"format": FORMAT, "files": merged}, finite=finite)
    # No fsync: a cache, checked against each file's size and time, that collect can rebuild
    atomic_write_bytes(class_dir / INDEX_NAME, data, sync=False)


def read(class_dir: Path) -> dict[str, IndexedFile]:
    """The index's entries by `<student>/<file>` (empty when there is none or it is damaged;
    an entry that does not have the index's shape is left out)."""
    try:
        raw = (class_dir / INDEX_NAME).read_bytes()
    except OSError:
        return {}
    try:
        index = _decode_index(raw)
        return index.files if index.format == FORMAT else {}
    except msgspec.MsgspecError:
        pass  # not all of it fits (or it holds what only json reads): entry by entry
    try:
        data = jsonio.loads(raw)
    except (ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}
    files = data.get("files")
    out = {}
    for key, value in files.items() if isinstance(files, dict) else ():
        try:
            out[key] = msgspec.convert(value, IndexedFile)
        except msgspec.MsgspecError:
            continue
    return out


def lookup(
    index: dict[str, IndexedFile], key: str, st: os.stat_result
) -> tuple[dict[str, Any], tuple[AnnotationRow, ...]] | None:
    """The document (without its W3C annotations) and annotations of a file still as indexed."""
    e = index.get(key)
    if e is None or e.size != st.st_size or e.mtime_ns != st.st_mtime_ns:
        return None
    for a in e.annotations:
        if not 0 <= a.start <= a.end:
            return None
    doc = {
        "student": str(e.student),
        # as read_class_folder names a file's article: a file without one by its own name
        "article_id": str(e.article_id or PurePosixPath(key).stem),
        "text_sha": str(e.text_sha),
        "quiz": e.quiz,
        "responses": e.responses,
    }
    return doc, e.annotations
