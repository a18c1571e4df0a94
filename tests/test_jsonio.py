"""kit.work.jsonio reads exactly what `json` reads (same value, or the same exception) and writes
JSON that reads back as the value written, on generated, hand-picked and damaged texts."""

from __future__ import annotations

import json
import math
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.errors import KitError
from kit.work import jsonio
from kit.work.reader import parse_work_rows

EXAMPLES = int(os.environ.get("KIT_FUZZ_EXAMPLES", "300"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def same(a: Any, b: Any) -> bool:
    """Equal values of equal types all the way down (NaN equals NaN, -0.0 is not 0.0)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or (
            a == b and math.copysign(1, a) == math.copysign(1, b)
        )
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def outcome(fn: Any, data: bytes) -> tuple[str, Any]:
    try:
        return "value", fn(data)
    except Exception as e:  # the exception's type and message are the outcome
        return "error", (type(e), str(e))


def reference(data: bytes) -> Any:
    return json.loads(data.decode("utf-8"))


def assert_reads_as_json(data: bytes) -> None:
    want, got = outcome(reference, data), outcome(jsonio.loads, data)
    assert want[0] == got[0], (data[:80], want, got)
    if want[0] == "value":
        assert same(want[1], got[1]), data[:80]
    else:
        assert want[1] == got[1]


text = st.text(st.characters(codec=None), max_size=12)  # lone surrogates included
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=2**63 - 2, max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | text
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(text, inner, max_size=5),
    max_leaves=30,
)


@SETTINGS
@given(values, st.booleans(), st.sampled_from([None, 1]))
def test_reads_what_json_writes_as_json_reads_it(value: Any, ascii: bool, indent: Any) -> None:
    data = json.dumps(value, ensure_ascii=ascii, indent=indent).encode("utf-8", "surrogatepass")
    assert_reads_as_json(data)


@SETTINGS
@given(values, st.data())
def test_damaged_text_gives_the_same_value_or_the_same_error(value: Any, data: Any) -> None:
    raw = bytearray(json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(raw)))
        what = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        byte = data.draw(
            st.sampled_from(list(b'{}[],:"\\01eE.-+ \n\t\x00\x1f\x7f\x80\xc3\xed\xff'))
        )
        if what == "insert":
            raw.insert(at, byte)
        elif raw and at < len(raw):
            if what == "delete":
                del raw[at]
            else:
                raw[at] = byte
    assert_reads_as_json(bytes(raw))


@pytest.mark.parametrize(
    "data",
    [
        b'\xef\xbb\xbf{"a": 1}', b'{"a": "\xff"}', b'{"a": "\xc0\xaf"}', b'"\xed\xa0\x80"',
        b'"\xf4\x90\x80\x80"', b'{"a": "x\ny"}', b'\x0c{"a": 1}', b'{"a": 01}', b'{"a": 1.}',
        b'{"a": .5}', b'{"a": +1}', b"{'a': 1}", b'{"a": True}', b'"\\x41"', b'[1,]', b'[1] x',
        b'', b'  ', b'\x00', b'NaN', b'[-Infinity]', b'1E400', b'[1e309, -1e309]', b'0.1e-400',
        b'"\\ud800"', b'"\\udc00\\ud800"', b'"\\ud83d\\ude00"', b'{"b": 1, "a": 2, "b": 3}',
        b'1' * 4301, b'[' + b'9' * 5000 + b']', b'[' * 100 + b']' * 100, b'[' * 3000 + b']' * 3000,
        b'[18446744073709551616, -9223372036854775809, 1e5, -0, -0.0]', b'"\\u0000"',
    ],
)  # fmt: skip
def test_hand_picked_texts_read_as_json_reads_them(data: bytes) -> None:
    assert_reads_as_json(data)


@SETTINGS
@given(values)
def test_written_json_reads_back_as_the_value(value: Any) -> None:
    data = jsonio.dumps(value)
    assert same(jsonio.loads(data), value)
    assert same(json.loads(data.decode("utf-8")), value)


def test_nan_and_infinity_are_written_as_json_writes_them_not_as_null() -> None:
    value = {"points": [math.nan, math.inf, -math.inf, 1.5]}
    assert jsonio.dumps(value) == b'{"points":[NaN,Infinity,-Infinity,1.5]}'
    assert jsonio.dumps({"s": "\ud800"}) == b'{"s":"\\ud800"}'
    assert (
        jsonio.dumps({"s": "é", "n": 10**30})
        == '{"s":"é","n":1000000000000000000000000000000}'.encode()
    )


def test_a_work_file_with_a_huge_number_is_a_kit_error_not_a_crash() -> None:
    raw = b'{"format": "kit-work/1", "revision": 1' + b"0" * 5000 + b"}"
    with pytest.raises(KitError, match="too long") as e:
        parse_work_rows(raw, "amara/seed.json")
    assert "amara/seed.json" in e.value.message
