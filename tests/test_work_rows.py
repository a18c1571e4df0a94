"""Collect's fast reading of a work file (kit.work.reader's typed way) gives exactly what the
checked way (reader.parse_work_rows) gives: the same summary and rows, or the same KitError, on
usual, unusual, damaged and hostile files."""

from __future__ import annotations

import copy
import json
import math
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit.work.reader
from kit.errors import KitError
from kit.work.reader import parse_work_rows, parse_work_summary, summary_of
from tests.test_annotations import _DELETE, JSON, _set, mutated, sample

EXAMPLES = int(os.environ.get("KIT_FUZZ_EXAMPLES", "300"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
PATH = "amara/seed.json"


def document(annotations: list[Any]) -> dict[str, Any]:
    return {
        "format": "kit-work/1", "student": "amara", "article_id": "seed", "text_sha": "abc",
        "revision": 3, "created": "2025-05-12T09:00:00Z", "modified": "2025-05-12T09:30:00Z",
        "annotations": annotations,
        "quiz": {"bank": {"q1": {"attempts": [{"response": 1, "correct": True, "points": 1.0}]}}},
        "responses": {"lesson1.reaction": {"value": "Fair, mostly ’quoted’.", "modified": ""}},
    }  # fmt: skip


def same(a: Any, b: Any) -> bool:
    """Equal values of equal types all the way down (NaN equals NaN)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or a == b
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def checked(raw: bytes) -> Any:
    try:
        doc, rows = parse_work_rows(raw, PATH)
    except KitError as e:
        return e.message
    return summary_of(doc), rows


def fast(raw: bytes) -> Any:
    try:
        return parse_work_summary(raw, PATH)
    except KitError as e:
        return e.message


def assert_same_either_way(raw: bytes) -> None:
    want, got = checked(raw), fast(raw)
    assert same(got, want), (raw[:300], want, got)


def encode(doc: Any, ascii: bool = False) -> bytes:
    return json.dumps(doc, ensure_ascii=ascii, indent=1).encode("utf-8", "surrogatepass")


def test_a_usual_file_takes_the_fast_way_and_reads_as_the_checked_way(monkeypatch):
    raw = encode(document([sample() | {"id": "a1"}, sample() | {"id": "b2"}]))
    assert_same_either_way(raw)
    monkeypatch.setattr(kit.work.reader, "parse_work_rows", lambda *a: pytest.fail("slow way"))
    summary, rows = parse_work_summary(raw, PATH)
    assert [r.id for r in rows] == ["a1", "b2"] and summary["student"] == "amara"


TOP = [
    ("format", "kit-work/2"), ("format", _DELETE), ("student", None), ("student", 7),
    ("student", _DELETE), ("article_id", ["x"]), ("text_sha", _DELETE), ("text_sha", 5),
    ("revision", True), ("revision", 1.0), ("revision", None), ("revision", _DELETE),
    ("revision", 10**30), ("annotations", None), ("annotations", {}), ("annotations", _DELETE),
    ("quiz", []), ("quiz", None), ("quiz", _DELETE), ("responses", "x"), ("responses", _DELETE),
    ("extra", {"deep": [1, {"x": None}]}),
]  # fmt: skip


@pytest.mark.parametrize("key,value", TOP, ids=[f"{k}={v!r:.15}" for k, v in TOP])
def test_unusual_top_level_fields_read_the_same_either_way(key, value):
    doc = document([sample()])
    if value is _DELETE:
        del doc[key]
    else:
        doc[key] = value
    assert_same_either_way(encode(doc))


HOSTILE = [
    b'\xef\xbb\xbf{"format": "kit-work/1"}',  # a byte-order mark
    b"",
    b"[]",
    b'{"format": "kit-work/1", "quiz": {"b": {"q": {"attempts": [{"points": NaN}]}}}}',
    b'{"format": "kit-work/1", "responses": {"k": {"value": "\\ud800"}}}',
    b'{"format": "kit-work/1", "responses": {"k": {"value": 1e400}}}',
    b'{"format": "kit-work/1", "revision": 1' + b"0" * 5000 + b"}",
    b'{"format": "kit-work/1", "extra": 1' + b"0" * 5000 + b"}",  # where nothing is kept
    b'{"format": "kit-work/1", "extra": -' + b"7" * 4301 + b"}",
    b'{"format": "kit-work/1", "extra": 1' + b"0" * 4299 + b"}",  # the longest json reads
    b'{"format": "kit-work/1", "extra": "' + b"7" * 9000 + b'"}',  # digits in a string
    b'{"format": "kit-work/1", "extra": "\xff\xfe"}',  # bad UTF-8 where nothing is kept
    b'{"format": "kit-work/1", "extra": ' + b"[" * 3000 + b"]" * 3000 + b"}",
    b'{"format": "kit-work/1", "format": "other"}',
    b'{"format": "other", "format": "kit-work/1"}',
]


@pytest.mark.parametrize("raw", HOSTILE)
def test_hostile_files_read_the_same_either_way(raw):
    assert_same_either_way(raw)


@pytest.mark.parametrize(
    "old,new",
    [
        ('"type": "TextQuoteSelector"', '"type": "TextPositionSelector", '
         '"type": "TextQuoteSelector"'),
        ('"type": "TextPositionSelector"', '"type": "TextQuoteSelector", '
         '"type": "TextPositionSelector"'),
        ('"start": 0', '"start": 4, "start": 0'),
        ('"purpose": "tagging"', '"purpose": "commenting", "purpose": "tagging"'),
        ('"prefix": ""', '"prefix": "\xff"'),
        ('"exact": "Officials"', '"exact": "Officials", "exact": "They"'),
    ],
)  # fmt: skip
def test_repeated_keys_and_bad_bytes_inside_an_annotation_read_the_same_either_way(old, new):
    text = encode(document([sample()])).decode("utf-8")
    assert old in text
    raw = text.replace(old, new, 1).encode("utf-8", "surrogateescape")
    assert_same_either_way(raw)


@SETTINGS
@given(st.lists(mutated(), max_size=3), st.booleans())
def test_damaged_annotations_in_a_file_read_the_same_either_way(annotations, ascii):
    assert_same_either_way(encode(document([sample(), *annotations]), ascii))


@SETTINGS
@given(st.dictionaries(st.sampled_from([k for k, _ in TOP]), JSON | st.just(_DELETE)))
def test_damaged_top_levels_read_the_same_either_way(changes):
    doc = document([sample()])
    for key, value in changes.items():
        doc = _set(doc, (key,), value) if value is not _DELETE or key in doc else doc
    assert_same_either_way(encode(copy.deepcopy(doc)))


def with_parts(selectors: list[Any] | None = None, bodies: list[Any] | None = None) -> dict:
    a = sample()
    if selectors is not None:
        a["target"]["selector"] = selectors
    if bodies is not None:
        a["body"] = bodies
    return a


POS = [{"type": "TextPositionSelector", "start": s, "end": e} for s, e in [(0, 9), (2, 5)]]
QUOTE = [{"type": "TextQuoteSelector", "exact": x} for x in ["Officials", "ficia"]]
COMMENT = [{"purpose": "commenting", "value": v} for v in ["one", "two", 5]]


@pytest.mark.parametrize(
    "ann",
    [
        with_parts(selectors=[POS[0], QUOTE[0], POS[1]]),
        with_parts(selectors=[POS[1], QUOTE[1], POS[0], QUOTE[0]]),
        with_parts(selectors=[QUOTE[1], POS[0], QUOTE[0]]),
        with_parts(bodies=[COMMENT[0], COMMENT[1]]),
        with_parts(bodies=[COMMENT[1], COMMENT[2], {"purpose": "tagging", "value": "claim:x"}]),
        with_parts(bodies=[{"purpose": "linking", "value": 5}, COMMENT[0]]),
    ],
)
def test_the_first_selector_of_each_kind_and_the_first_comment_count_either_way(ann):
    raw = encode(document([ann]))
    assert_same_either_way(raw)
    row = parse_work_summary(raw, PATH)[1][0]
    sel = ann["target"]["selector"]
    first_pos = next(s for s in sel if s["type"] == "TextPositionSelector")
    first_quote = next(s for s in sel if s["type"] == "TextQuoteSelector")
    assert (row.start, row.exact) == (first_pos["start"], first_quote["exact"])
