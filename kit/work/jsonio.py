"""JSON read and written as Python's `json` module does it, at about twice its speed.

Collect parses every work file of a class (63 MB for 300 students x 10 articles) and writes the
class index; the dashboard reads that index back. `msgspec` does both in C. It is used only where
its result is exactly what `json` gives:

- `loads` hands anything msgspec refuses to `json` itself, so the result or the exception is the
  one `json.loads(data.decode("utf-8"))` gives. msgspec refuses every text it would read
  differently: NaN and Infinity, numbers that overflow a float, lone surrogates, invalid UTF-8.
  (Both refuse nesting deeper than about a thousand levels; the exact depth differs.)
- `dumps` writes compact JSON that `loads` reads back as the same value. msgspec writes NaN and
  Infinity as `null` and refuses lone surrogates; a value holding either is written by `json`.

tests/test_jsonio.py checks both against `json` on generated and damaged texts.
"""

from __future__ import annotations

import json
import math
from typing import Any

import msgspec

_decode = msgspec.json.Decoder().decode
_encode = msgspec.json.Encoder().encode


def loads(data: bytes) -> Any:
    """`json.loads(data.decode("utf-8"))`: the same value, or the same exception
    (UnicodeDecodeError, json.JSONDecodeError, ValueError for a huge integer, RecursionError)."""
    try:
        return _decode(data)
    except Exception:  # anything msgspec will not read exactly as json does: json decides
        pass
    return json.loads(data.decode("utf-8"))


def dumps(value: Any, *, finite: bool | None = None) -> bytes:
    """Compact JSON for `value` (UTF-8), read back by `loads` (and `json`) as the same value.

    `finite`: whether every float in `value` is finite, when the caller knows (it must for a
    value holding msgspec Structs, which `is_finite` does not look into); None: checked here.
    """
    if finite is None:
        finite = is_finite(value)
    if finite:
        try:
            return _encode(value)
        except (UnicodeEncodeError, TypeError, OverflowError):
            pass  # a lone surrogate, a type msgspec does not know: json writes it as before
    text = json.dumps(msgspec.to_builtins(value), separators=(",", ":"), check_circular=False)
    return text.encode("ascii")


def is_finite(value: Any) -> bool:
    """True when no float in `value` (looking into dicts, lists and tuples) is NaN or infinite."""
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, float):
            if not math.isfinite(v):
                return False
        elif isinstance(v, dict):
            stack.extend(v.values())
        elif isinstance(v, (list, tuple)):
            stack.extend(v)
    return True
