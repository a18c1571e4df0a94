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
from pathlib import Path
from typing import Any

from . import jsonio
from .annotations import AnnotationRow
from .files import atomic_write_bytes

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


#: An annotation as the index keeps it (the parts the class views read).
IndexedAnnotation = AnnotationRow


def entry(
    doc: dict[str, Any], annotations: Sequence[AnnotationRow], st: os.stat_result
) -> dict[str, Any]:
    """The index entry for a work file just written (`st`: its stat; content already checked).

    Each annotation is kept as its row (a tuple: JSON writes it as a list).
    """
    return {
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
        "student": doc.get("student"),
        "article_id": doc.get("article_id"),
        "text_sha": doc.get("text_sha", ""),
        "quiz": doc.get("quiz", {}),
        "responses": doc.get("responses", {}),
        "annotations": annotations,
    }


def write(class_dir: Path, entries: dict[str, dict[str, Any]]) -> None:
    """Write the index, keeping earlier entries for files this collection did not touch."""
    earlier = read(class_dir)
    # Only the quiz answers and written answers of a new entry can hold a float (its rows are
    # checked annotations); an earlier entry is whatever the index held.
    finite = all(
        jsonio.is_finite(e["quiz"]) and jsonio.is_finite(e["responses"]) for e in entries.values()
    ) and all(jsonio.is_finite(e) for k, e in earlier.items() if k not in entries)
    data = jsonio.dumps({"format": FORMAT, "files": {**earlier, **entries}}, finite=finite)
    # No fsync: a cache, checked against each file's size and time, that collect can rebuild
    atomic_write_bytes(class_dir / INDEX_NAME, data, sync=False)


def read(class_dir: Path) -> dict[str, dict[str, Any]]:
    """The index's entries by `<student>/<file>` (empty when there is none or it is damaged)."""
    try:
        data = jsonio.loads((class_dir / INDEX_NAME).read_bytes())
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}
    files = data.get("files")
    return files if isinstance(files, dict) else {}


def lookup(
    index: dict[str, dict[str, Any]], key: str, st: os.stat_result
) -> tuple[dict[str, Any], tuple[IndexedAnnotation, ...]] | None:
    """The document (without its W3C annotations) and annotations of a file still as indexed."""
    e = index.get(key)
    if not isinstance(e, dict):
        return None
    if e.get("size") != st.st_size or e.get("mtime_ns") != st.st_mtime_ns:
        return None
    try:
        anns = _annotations(e["annotations"])
        doc = {
            "student": str(e["student"]),
            "article_id": str(e["article_id"]),
            "text_sha": str(e["text_sha"]),
            "quiz": dict(e["quiz"]),
            "responses": dict(e["responses"]),
        }
    except (KeyError, TypeError, ValueError):
        return None
    return doc, anns


def _annotations(rows: Any) -> tuple[IndexedAnnotation, ...]:
    """The index's rows as annotations (TypeError or ValueError when one is damaged)."""
    out = []
    for row in rows:
        a = _new_row(IndexedAnnotation, row)  # as IndexedAnnotation._make, at half the cost
        if len(a) != _FIELDS:
            raise TypeError("not an annotation row")
        start, end = a[1], a[2]
        if not (type(start) is int and type(end) is int and 0 <= start <= end):
            raise ValueError("bad offsets")
        out.append(a)
    return tuple(out)


_new_row = tuple.__new__
_FIELDS = len(IndexedAnnotation._fields)
