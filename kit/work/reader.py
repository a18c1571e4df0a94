"""One way to read a work file: its bytes in, the checked document and its annotations out.

Every reader of `work/<student>/<article_id>.json` comes here: the widgets' store (`Workspace`
reads with `parse_document`), teachers' tools (`read_document`), the class tables (`parse_work`)
and collect (`parse_work_summary`, `parse_work_rows`). A file is accepted or refused by the same
rules, with the same KitError naming the file and the problem, whichever of them reads it:

- the JSON is read exactly as Python's `json` reads it (`kit.work.jsonio`);
- the top level must say `"format": "kit-work/1"`; `annotations` is a list, `quiz` and
  `responses` are objects, `revision` is a whole number;
- every annotation is checked by `Annotation.from_w3c`'s rules;
- for the class (collect, the class folder, grading), `check_class_fields` also checks every
  field a class view reads: quiz attempts (with a practice copy's keys), written answers (with
  the earlier texts kept of them), offsets within the article.

Annotations come out as `Annotation` (all a W3C annotation holds: what the widgets edit) or as
`AnnotationRow`, its flat typed form (what the class views read). A class holds tens of thousands
of annotations, so rows are made straight from the W3C dicts where the annotation has the usual
shape (`_plain_row`), and through `Annotation.from_w3c` otherwise (`Annotation.as_row`).

Collect reads every file of a class (63 MB for 300 students x 10 articles) and keeps only a
summary (student, article, text fingerprint, quiz, responses) and the rows. For that,
`parse_work_summary` first tries a typed fast path: msgspec parses a file in the usual shape
straight into typed objects, checking the types as it goes and skipping what collect does not
keep, in about half the time. It never decides anything on its own: anything else (another shape,
a type that differs, a value the checked way would refuse or read differently) goes the checked
way. tests/test_work_rows.py checks the two ways against each other on generated and damaged files.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

import msgspec

from kit.articles.article import MAX_ARTICLE_CHARS
from kit.errors import KitError
from kit.files import read_bytes
from kit.work import jsonio
from kit.work.annotations import MOTIVATIONS, Annotation, AnnotationRow

FORMAT = "kit-work/1"
MAX_WORK_FILE_BYTES = 20 * 1024 * 1024


# ---------------------------------------------------------------- the checked way


def read_document(path: str | Path) -> dict[str, Any]:
    """Read one work file (for teachers' tools); KitError when missing or broken."""
    return parse_document(read_bytes(path, MAX_WORK_FILE_BYTES), path)


def parse_document(raw: bytes | str, path: str | Path) -> dict[str, Any]:
    """Parse and check a work file's content; KitError naming the file and the problem."""
    return parse_work(raw, path)[0]


def parse_work(raw: bytes | str, path: str | Path) -> tuple[dict[str, Any], tuple[Annotation, ...]]:
    """Like `parse_document`, also returning the annotations it checked (parsed only once)."""
    doc = _checked_document(raw, path)
    anns = []
    for i, a in enumerate(doc["annotations"]):
        try:
            anns.append(Annotation.from_w3c(a, f"annotation {i + 1}"))
        except KitError as e:
            raise KitError(e.problem, path=path) from None
    return doc, tuple(anns)


def parse_work_rows(
    raw: bytes | str, path: str | Path
) -> tuple[dict[str, Any], tuple[AnnotationRow, ...]]:
    """Like `parse_work`, with every annotation checked the same way but returned as the row
    the class views read (for collect, which checks thousands of files)."""
    doc = _checked_document(raw, path)
    try:
        return doc, tuple(rows_from_w3c(doc["annotations"]))
    except KitError as e:
        raise KitError(e.problem, path=path) from None


def is_other_json(raw: bytes) -> bool:
    """True for JSON that is not a kit work file at all (a notebook, a settings file), which
    collect passes over; False for anything that may be a work file, damaged or not."""
    if FORMAT.encode() in raw:
        return False
    try:
        return jsonio.loads(raw) is not None
    except (ValueError, RecursionError):  # not UTF-8, not JSON, a too long number
        return False


def _checked_document(raw: bytes | str, path: str | Path) -> dict[str, Any]:
    """The work document in `raw`, its top level checked (KitError naming the file)."""
    try:
        doc = jsonio.loads(raw) if isinstance(raw, bytes) else json.loads(raw)
    except UnicodeDecodeError as e:
        raise KitError(f"not UTF-8 text (byte {e.start})", path=path) from None
    except json.JSONDecodeError as e:
        raise KitError(f"not valid JSON ({e.msg})", path=path, line=e.lineno) from None
    except ValueError:  # json's limit on the digits of an integer
        raise KitError("a number in it is too long to be real", path=path) from None
    except RecursionError:
        raise KitError("JSON nested too deeply", path=path) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise KitError(f'not a kit work file (no "format": "{FORMAT}")', path=path)
    for key, kind in (("annotations", list), ("quiz", dict), ("responses", dict)):
        if not isinstance(doc.get(key, kind()), kind):
            raise KitError(f"'{key}' should be a {kind.__name__}", path=path)
        doc.setdefault(key, kind())
    if not isinstance(doc.get("revision", 0), int):
        raise KitError("'revision' should be a number", path=path)
    return doc


# ---------------------------------------------------------------- annotations as rows


def row_from_w3c(data: Any, where: str = "annotation") -> AnnotationRow:
    """A W3C annotation dict as an `AnnotationRow`, checked exactly as `Annotation.from_w3c`
    checks it (KitError if it is malformed).

    The shape the kit writes is checked here without building an Annotation (collect meets
    tens of thousands); anything else goes through `from_w3c`, so it is accepted or refused,
    with the same message, as there.
    """
    row = _plain_row(data)
    return Annotation.from_w3c(data, where).as_row() if row is None else row


def rows_from_w3c(items: list[Any]) -> list[AnnotationRow]:
    """A work file's annotations as rows, each checked as `row_from_w3c` does; the KitError
    names the first bad one ("annotation 3 is not a valid annotation (...)")."""
    rows = [_plain_row(a) for a in items]
    for i, row in enumerate(rows):
        if row is None:
            rows[i] = row_from_w3c(items[i], f"annotation {i + 1}")
    return rows  # type: ignore[return-value]


def _plain_row(data: Any) -> AnnotationRow | None:
    """The row of an annotation in the usual shape (exact types, both selectors, text values);
    None for anything else, which `from_w3c` then decides on."""
    try:
        if type(data) is not dict:
            return None
        target = data["target"]
        if type(target) is not dict:
            return None
        selectors = target["selector"]
        if type(selectors) is not list:
            return None
        pos = quote = None
        for sel in selectors:  # every one: from_w3c looks at each
            if type(sel) is not dict:
                return None
            kind = sel.get("type")
            if kind == "TextPositionSelector":
                if pos is None:
                    pos = sel
            elif kind == "TextQuoteSelector" and quote is None:
                quote = sel
        if pos is None or quote is None:
            return None
        start, end, exact = pos["start"], pos["end"], quote.get("exact", "")
        if not (
            type(start) is int and type(end) is int and 0 <= start <= end and type(exact) is str
        ):
            return None
        bodies = data["body"]
        if type(bodies) is not list:
            return None
        tags = []
        comment = None
        for b in bodies:
            if type(b) is not dict:
                return None
            purpose = b.get("purpose", "tagging")
            if purpose == "tagging":
                value = b["value"]
                if type(value) is not str:
                    return None
                tags.append(value)
            elif purpose == "commenting" and comment is None:
                comment = b["value"]
                if type(comment) is not str:
                    return None
        motivation = data.get("motivation", "highlighting")
        ann_id = data["id"]
        created, modified = data.get("created", ""), data.get("modified", "")
    except KeyError:
        return None
    return _checked_row(ann_id, start, end, exact, tags, motivation, comment, created, modified)


def _checked_row(
    ann_id: Any,
    start: int,
    end: int,
    exact: str,
    tags: list[str],
    motivation: Any,
    comment: str | None,
    created: Any,
    modified: Any,
) -> AnnotationRow | None:
    """The row of an annotation in the usual shape, once its offsets, quote, tags and comment
    are known to be right; None when its motivation, id or times are not (then `from_w3c`
    decides). Shared by the dict reader above and the typed one below."""
    if not (
        type(motivation) is str
        and motivation in MOTIVATIONS
        and type(ann_id) is str
        and type(created) is str
        and type(modified) is str
    ):
        return None
    return AnnotationRow(
        ann_id, start, end, exact, tuple(tags), motivation, comment or "", modified or created
    )


# ---------------------------------------------------------------- collect's summary


def parse_work_summary(raw: bytes, path: str) -> tuple[dict[str, Any], tuple[AnnotationRow, ...]]:
    """A work file's student, article_id, text_sha (when present), quiz and responses, and its
    annotations as rows: what `parse_work_rows` gives for those (KitError the same)."""
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


# ---------------------------------------------------------------- what the class views read

#: Largest offset a work file may hold: an article has at most this many characters.
MAX_OFFSET = MAX_ARTICLE_CHARS
#: Most attempts at one question, and the deepest nesting of a response, a widget ever saves
#: (far above either: a student clicks "Check" a few times).
MAX_ATTEMPTS = 10_000
MAX_DEPTH = 32
#: Largest whole number in a response or a points field (a float holds it exactly).
MAX_INT = 2**53
#: Earlier texts kept with one written answer (texts two tabs saved over each other).
MAX_EARLIER = 10
#: Keys one practice-copy attempt keeps (`attempts[].keys`: its check's derived keys), and the
#: longest such key (64 hex digits; twice that is still none the kit writes).
MAX_ATTEMPT_KEYS = 64
MAX_KEY_CHARS = 128


def check_class_fields(
    summary: dict[str, Any],
    rows: tuple[AnnotationRow, ...],
    path: str | Path,
    length: int | None = None,
) -> None:
    """Check every field of a work file that the class views and grading read (the summary of
    `summary_of` and the annotation rows): KitError naming the file, the place and the fix.

    `length`: the article's length, when its text is the one the work was made on (offsets
    past it are refused; otherwise only offsets past any article's length are).
    """
    for key in ("student", "article_id"):
        if not isinstance(summary.get(key), (str, type(None))):
            raise _bad(path, f"'{key}' should be text")
    if not isinstance(summary.get("text_sha", ""), str):
        raise _bad(path, "'text_sha' should be text")
    limit = MAX_OFFSET if length is None else min(length, MAX_OFFSET)
    for i, row in enumerate(rows, 1):
        if row.end > limit:
            past = "the article's" if length is not None else "any article's"
            raise _bad(path, f"annotation {i} ends at {row.end}, past {past} end ({limit})")
    for bank, questions in summary["quiz"].items():
        if not isinstance(questions, dict):
            raise _bad(path, f"quiz '{bank}' should be an object of questions")
        for qid, entry in questions.items():
            where = f"quiz '{bank}', question '{qid}'"
            if not isinstance(entry, dict):
                raise _bad(path, f"{where} should be an object with 'attempts'")
            attempts = entry.get("attempts", [])
            if not isinstance(attempts, list) or len(attempts) > MAX_ATTEMPTS:
                raise _bad(
                    path, f"{where}: 'attempts' should be a list (of at most {MAX_ATTEMPTS})"
                )
            for n, att in enumerate(attempts, 1):
                _check_attempt(att, f"{where}, attempt {n}", path)
    for key, entry in summary["responses"].items():
        where = f"written answer '{key}'"
        if not isinstance(entry, dict):
            raise _bad(path, f"{where} should be an object with a 'value'")
        if not isinstance(entry.get("modified", ""), str):
            raise _bad(path, f"{where}: 'modified' should be a time, as text")
        if not _plain(entry.get("value"), MAX_DEPTH, finite=False):
            raise _bad(path, f"{where}: the value is nested too deeply or holds a huge number")
        if "earlier" in entry:
            _check_earlier(entry["earlier"], where, path)


def _check_earlier(earlier: Any, where: str, path: str | Path) -> None:
    """The earlier texts of a written answer: a list of at most MAX_EARLIER texts with times."""
    if not isinstance(earlier, list) or len(earlier) > MAX_EARLIER:
        raise _bad(
            path, f"{where}: 'earlier' should be a list of at most {MAX_EARLIER} earlier texts"
        )
    for n, version in enumerate(earlier, 1):
        at = f"{where}, earlier text {n}"
        if not isinstance(version, dict) or not isinstance(version.get("value"), str):
            raise _bad(path, f"{at} should be an object with the text as 'value'")
        if not isinstance(version.get("modified", ""), str):
            raise _bad(path, f"{at}: 'modified' should be a time, as text")


def _check_attempt(att: Any, where: str, path: str | Path) -> None:
    if not isinstance(att, dict):
        raise _bad(path, f"{where} should be an object")
    if not isinstance(att.get("at", ""), str):
        raise _bad(path, f"{where}: 'at' should be a time, as text")
    if not isinstance(att.get("correct"), (bool, type(None))):
        raise _bad(path, f"{where}: 'correct' should be true, false or null")
    points = att.get("points")
    if points is not None and (
        isinstance(points, bool) or not isinstance(points, (int, float)) or not _plain(points, 0)
    ):
        raise _bad(path, f"{where}: 'points' should be a number")
    if not _plain(att.get("response"), MAX_DEPTH):
        raise _bad(path, f"{where}: the response is nested too deeply or holds a huge number")
    keys = att.get("keys")
    if keys is None:
        return
    if not isinstance(keys, dict) or len(keys) > MAX_ATTEMPT_KEYS:
        raise _bad(path, f"{where}: 'keys' should be an object of at most {MAX_ATTEMPT_KEYS} keys")
    for label, key in keys.items():
        if not isinstance(key, str) or len(key) > MAX_KEY_CHARS:
            raise _bad(
                path,
                f"{where}: key '{label[:40]}' should be text of at most {MAX_KEY_CHARS} characters",
            )


def _plain(value: Any, depth: int, finite: bool = True) -> bool:
    """True for JSON data nested at most `depth` deep, with whole numbers a float holds exactly
    and (`finite`) no NaN or infinity."""
    if isinstance(value, (str, bool)) or value is None:
        return True
    if isinstance(value, int):
        return -MAX_INT <= value <= MAX_INT
    if isinstance(value, float):
        return math.isfinite(value) or not finite
    if depth <= 0:
        return False
    if isinstance(value, list):
        return all(_plain(v, depth - 1, finite) for v in value)
    if isinstance(value, dict):
        return all(_plain(v, depth - 1, finite) for v in value.values())
    return False


def _bad(path: str | Path, problem: str) -> KitError:
    return KitError(
        problem,
        path=path,
        fix="the kit's widgets never write this: leave the file out, or ask the student to "
        "open the exercise again and redo that part",
    )


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


_decode_work = msgspec.json.Decoder(_Work).decode


def _usual(raw: bytes) -> tuple[dict[str, Any], tuple[AnnotationRow, ...]] | None:
    """The summary and rows of a file in the usual shape, read the typed way; None for
    anything else."""
    if not raw.isascii():
        try:  # msgspec does not look at the UTF-8 of what it skips; the checked way refuses
            raw.decode("utf-8")
        except UnicodeDecodeError:
            return None
    if _may_hold_a_too_long_integer(raw):  # msgspec skips it too; json refuses it
        return None
    try:
        work = _decode_work(raw)
    except Exception:  # not the usual shape (or not JSON at all): the checked way decides
        return None
    if work.format != FORMAT:
        return None
    rows = []
    for a in work.annotations:
        row = _typed_row(a)
        if row is None:
            return None
        rows.append(row)
    summary = {"student": work.student, "article_id": work.article_id}
    if work.text_sha is not UNSET:
        summary["text_sha"] = work.text_sha
    return summary | {"quiz": work.quiz, "responses": work.responses}, tuple(rows)


#: Every digit as "0", every other byte as "x".
_MARK = bytes(48 if 48 <= b <= 57 else 120 for b in range(256))


def _may_hold_a_too_long_integer(raw: bytes) -> bool:
    """True when `raw` holds a run of more digits than `json` reads as an integer (Python's
    limit, 4300 by default), perhaps in a string or a float (then the checked way decides).

    A run of 2 x `step` digits covers two neighbouring multiples of `step`: unless the bytes at
    those offsets hold two digits in a row, no such run is there, and the whole file is not
    looked at.
    """
    limit = sys.get_int_max_str_digits()
    if not limit or len(raw) <= limit:
        return False
    step = (limit + 1) // 2
    if b"00" not in raw[::step].translate(_MARK):
        return False
    return b"0" * (limit + 1) in raw.translate(_MARK)


def _typed_row(a: _Annotation) -> AnnotationRow | None:
    """The row, as `_plain_row` makes it; None where that would not make one."""
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
    return _checked_row(
        a.id, pos.start, pos.end, quote.exact, tags, a.motivation, comment, a.created, a.modified
    )
