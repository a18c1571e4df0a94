"""A student's selection made into a clean span: snapped to whole words, checked against the text.

The front end snaps too (for feel), with the same rules; the kernel's answer is the one saved.
Also the code point <-> UTF-16 conversions that the front ends need, for tests and checks.
"""

from __future__ import annotations

import unicodedata

from kit.errors import KitError

#: Characters that join two word characters into one word: "Ukraine’s", "30-day", "1,000", "U.S".
JOINERS = frozenset("'’-‐.,")


def is_word_char(c: str) -> bool:
    """Letters, digits, combining marks and '_' (the JS side uses /[\\p{L}\\p{N}\\p{M}_]/u)."""
    return c == "_" or unicodedata.category(c)[0] in "LNM"


def inside_word(text: str, i: int) -> bool:
    """True when offset `i` falls between two characters of one word."""
    if i <= 0 or i >= len(text):
        return False
    a, b = text[i - 1], text[i]
    if is_word_char(a) and is_word_char(b):
        return True
    if a in JOINERS and is_word_char(b):
        return i >= 2 and is_word_char(text[i - 2])
    if b in JOINERS and is_word_char(a):
        return i + 1 < len(text) and is_word_char(text[i + 1])
    return False


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """[start, end) widened to whole words and trimmed of white space; None if no word is in it."""
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while inside_word(text, start):
        start -= 1
    while inside_word(text, end):
        end += 1
    if not any(is_word_char(c) for c in text[start:end]):
        return None
    return start, end


def words(text: str) -> list[tuple[int, int]]:
    """Every word of `text` as a [start, end) pair, in order."""
    out = []
    i, n = 0, len(text)
    while i < n:
        if not is_word_char(text[i]):
            i += 1
            continue
        j = i + 1
        while j < n and (is_word_char(text[j]) or inside_word(text, j)):
            j += 1
        while j > i + 1 and not is_word_char(text[j - 1]):
            j -= 1
        out.append((i, j))
        i = j
    return out


def check_span(text: str, start: object, end: object) -> tuple[int, int]:
    """Offsets from a front end, validated and snapped to words; KitError when unusable."""
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
        raise KitError("the selection did not arrive as two positions", fix="select the text again")
    if not (0 <= start < end <= len(text)):
        raise KitError(
            f"the selection [{start}, {end}) is outside the article",
            fix="select some words inside the article",
        )
    snapped = snap_to_words(text, start, end)
    if snapped is None:
        raise KitError("the selection holds no words", fix="select at least one word")
    return snapped


def utf16_offset(text: str, offset: int) -> int:
    """The JavaScript (UTF-16) offset of code-point `offset` in `text`."""
    return offset + sum(1 for c in text[:offset] if ord(c) > 0xFFFF)


def code_point_offset(text: str, units: int) -> int:
    """The code-point offset of JavaScript (UTF-16) offset `units` in `text`."""
    count = 0
    for i, c in enumerate(text):
        if count >= units:
            return i
        count += 2 if ord(c) > 0xFFFF else 1
    return len(text)
