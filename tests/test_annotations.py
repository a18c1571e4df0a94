"""W3C annotations read as rows (collect's fast path) accept and refuse exactly what
`Annotation.from_w3c` accepts and refuses, with the same values and the same messages."""

from __future__ import annotations

import copy
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.errors import KitError
from kit.work.annotations import Annotation, AnnotationRow, make_annotation
from kit.work.reader import row_from_w3c, rows_from_w3c

TEXT = "Officials said on Friday that the talks would resume, according to a statement."
EXAMPLES = int(os.environ.get("KIT_FUZZ_EXAMPLES", "300"))


def sample() -> dict[str, Any]:
    a = make_annotation(TEXT, 0, 9, ("source:anonymous", "claim:event"), comment="who?")
    return a.to_w3c("article-1") | {"creator": {"type": "Person", "nickname": "amara"}}


def via_annotation(data: Any) -> AnnotationRow | str:
    """What the full reader makes of `data`: its row, or its error message."""
    try:
        a = Annotation.from_w3c(data, "annotation 3")
    except KitError as e:
        return e.message
    return AnnotationRow(a.id, a.start, a.end, a.exact, a.tags, a.motivation, a.comment, a.modified)


def via_row(data: Any) -> AnnotationRow | str:
    try:
        return row_from_w3c(data, "annotation 3")
    except KitError as e:
        return e.message


def test_a_saved_annotation_reads_as_the_same_row_either_way():
    data = sample()
    row = via_row(data)
    assert row == via_annotation(data)
    assert row.tags == ("source:anonymous", "claim:event") and row.comment == "who?"
    assert row.tag("source") == "anonymous" and row.exact == "Officials"


def _set(data: dict[str, Any], path: tuple, value: Any) -> dict[str, Any]:
    out = copy.deepcopy(data)
    here = out
    for key in path[:-1]:
        here = here[key]
    if isinstance(here, list) and path[-1] == len(here):
        here.append(value)
    elif value is _DELETE:
        del here[path[-1]]
    else:
        here[path[-1]] = value
    return out


_DELETE = object()
CASES = [
    (("target",), _DELETE),
    (("target",), "article-1"),
    (("target",), []),
    (("target", "selector"), _DELETE),
    (("target", "selector"), {"type": "TextPositionSelector", "start": 0, "end": 9}),
    (("target", "selector"), []),
    (("target", "selector"), "abc"),
    (("target", "selector"), 7),
    (("target", "selector", 0), "x"),
    (("target", "selector", 2), "x"),
    (("target", "selector", 2), {"type": "TextPositionSelector", "start": 2, "end": 1}),
    (("target", "selector", 0, "type"), "Other"),
    (("target", "selector", 0, "start"), True),
    (("target", "selector", 0, "start"), 1.0),
    (("target", "selector", 0, "start"), -1),
    (("target", "selector", 0, "end"), _DELETE),
    (("target", "selector", 0, "end"), None),
    (("target", "selector", 1), _DELETE),
    (("target", "selector", 1, "type"), "TextPositionSelector"),
    (("target", "selector", 1, "exact"), 5),
    (("target", "selector", 1, "exact"), _DELETE),
    (("body",), _DELETE),
    (("body",), None),
    (("body",), []),
    (("body",), "source:anonymous"),
    (("body",), {"purpose": "tagging", "value": "claim:opinion"}),
    (("body", 0), "loose text"),
    (("body", 0, "value"), _DELETE),
    (("body", 0, "value"), 3),
    (("body", 0, "purpose"), _DELETE),
    (("body", 0, "purpose"), ["tagging"]),
    (("body", 2, "value"), _DELETE),
    (("body", 2, "value"), ""),
    (("motivation",), "liking"),
    (("motivation",), ["tagging"]),
    (("motivation",), _DELETE),
    (("id",), _DELETE),
    (("id",), 12),
    (("created",), 2025),
    (("modified",), ""),
    (("modified",), _DELETE),
    (("creator",), "amara"),
    (("creator",), None),
]


@pytest.mark.parametrize("path,value", CASES, ids=[f"{p}={v!r:.20}" for p, v in CASES])
def test_an_unusual_annotation_reads_the_same_either_way(path, value):
    data = _set(sample(), path, value)
    assert via_row(data) == via_annotation(data)


@pytest.mark.parametrize(
    "extra", [{"purpose": "commenting"}, {"purpose": "commenting", "value": 1}]
)
def test_a_second_comment_body_is_ignored_either_way(extra):
    data = sample()
    data["body"].append(extra)
    assert via_row(data) == via_annotation(data) and via_row(data).comment == "who?"


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 100)
    | st.floats(allow_nan=False)
    | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    out = []
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else ()
    )
    for key, value in items:
        out.append((*prefix, key))
        out += _paths(value, (*prefix, key))
    return out


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    data = sample()
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        deletable = isinstance(_parent(data, path), dict)
        value = draw(st.just(_DELETE) | JSON if deletable else JSON)
        data = _set(data, path, value)
    return data


def _parent(data: Any, path: tuple) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutated())
def test_damaged_annotations_read_the_same_either_way(data):
    assert via_row(data) == via_annotation(data)


def test_a_work_files_rows_name_the_first_bad_annotation():
    unusual = sample() | {"body": {"purpose": "tagging", "value": "claim:opinion"}}  # valid
    bad = _set(sample(), ("target", "selector", 0, "end"), -1)
    rows = rows_from_w3c([sample(), unusual])
    assert [r.tags for r in rows] == [("source:anonymous", "claim:event"), ("claim:opinion",)]
    with pytest.raises(KitError, match=r"^annotation 3 is not a valid annotation \(bad offsets\)"):
        rows_from_w3c([unusual, sample(), bad, bad])
