"""A work file read straight into what collect keeps: its summary fields and annotation rows.

`collect` reads every file of a class (63 MB for 300 students x 10 articles). The checked way,
`store.parse_work_rows`, parses the JSON into dicts and then checks every W3C annotation. Here
msgspec parses a file in the usual shape straight into typed objects, checking the types as it
goes and skipping what collect does not keep (the W3C context, prefixes, creators ...), in
about half the time.

It never decides anything on its own. A file in the usual shape gives exactly what the checked
way gives; anything else (another shape, a type that differs, a value the checked way would
refuse or read differently) is handed to the checked way, which accepts it or raises its own
KitError. tests/test_work_rows.py checks the two against each other on generated and damaged
files.
"""

from __future__ import annotations

from typing import Any

import msgspec

from kit.work.annotations import AnnotationRow, checked_row
from kit.work.store import FORMAT, parse_work_rows

UNSET: Any = msgspec.UNSET


class _Position(msgspec.Struct, tag_field="type", tag="TextPositionSelector"):
    start: int
    end: int


class _Quote(msgspec.Struct, tag_field="type", tag="TextQuoteSelector"):
    exact: str = ""


class _Target(msgspec.Struct):
    selector: list[_Position | _Quote]


class _Body(msgspec.Struct):
    purpose: Any = "tagging"
    value: Any = UNSET


class _Annotation(msgspec.Struct):
    target: _Target
    body: list[_Body]
    id: Any = UNSET
    motivation: Any = "highlighting"
    created: Any = ""
    modified: Any = ""


class _Work(msgspec.Struct):
    format: Any = UNSET
    student: Any = None
    article_id: Any = None
    text_sha: Any = UNSET
    revision: int = 0
    annotations: list[_Annotation] = []
    quiz: dict[str, Any] = {}
    responses: dict[str, Any] = {}


_decode = msgspec.json.Decoder(_Work).decode


def parse_work_summary(raw: bytes, path: str) -> tuple[dict[str, Any], tuple[AnnotationRow, ...]]:
    """A work file's student, article_id, text_sha (when present), quiz and responses, and its
    annotations as rows: what `store.parse_work_rows` gives for those (KitError the same)."""
    found = _usual(raw)
    if found is None:
        doc, rows = parse_work_rows(raw, path)
        return summary_of(doc), rows
    return found


def summary_of(doc: dict[str, Any]) -> dict[str, Any]:
    """The fields of a checked work document that collect keeps."""
    out = {"student": doc.get("student"), "article_id": doc.get("article_id")}
    if "text_sha" in doc:
        out["text_sha"] = doc["text_sha"]
    return out | {"quiz": doc["quiz"], "responses": doc["responses"]}


def _usual(raw: bytes) -> tuple[dict[str, Any], tuple[AnnotationRow, ...]] | None:
    """The summary and rows of a file in the usual shape; None for anything else."""
    if not raw.isascii():
        try:  # msgspec does not look at the UTF-8 of what it skips; the checked way refuses
            raw.decode("utf-8")
        except UnicodeDecodeError:
            return None
    try:
        work = _decode(raw)
    except Exception:  # not the usual shape (or not JSON at all): the checked way decides
        return None
    if work.format != FORMAT:
        return None
    rows = []
    for a in work.annotations:
        row = _row(a)
        if row is None:
            return None
        rows.append(row)
    summary = {"student": work.student, "article_id": work.article_id}
    if work.text_sha is not UNSET:
        summary["text_sha"] = work.text_sha
    return summary | {"quiz": work.quiz, "responses": work.responses}, tuple(rows)


def _row(a: _Annotation) -> AnnotationRow | None:
    """The row, as `annotations._plain_row` makes it; None where that would not make one."""
    pos = quote = None
    for sel in a.target.selector:
        if type(sel) is _Position:
            if pos is None:
                pos = sel
        elif quote is None:
            quote = sel
    if pos is None or quote is None or not 0 <= pos.start <= pos.end:
        return None
    tags = []
    comment = None
    for b in a.body:
        if b.purpose == "tagging":
            if type(b.value) is not str:
                return None
            tags.append(b.value)
        elif b.purpose == "commenting" and comment is None:
            comment = b.value
            if type(comment) is not str:
                return None
    return checked_row(
        a.id, pos.start, pos.end, quote.exact, tags, a.motivation, comment, a.created, a.modified
    )
