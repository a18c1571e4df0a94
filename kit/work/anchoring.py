"""Finding a highlight again in a text that may have changed (W3C position and quote selectors)."""

from __future__ import annotations

import re

_WS = re.compile(r"\s+")

#: Characters of context kept on each side of a quote.
CONTEXT = 32


def quote_selector(text: str, start: int, end: int) -> dict[str, str]:
    """A W3C TextQuoteSelector for text[start:end] with a little context on each side."""
    return {
        "type": "TextQuoteSelector",
        "exact": text[start:end],
        "prefix": text[max(0, start - CONTEXT) : start],
        "suffix": text[end : end + CONTEXT],
    }


def position_selector(start: int, end: int) -> dict[str, int | str]:
    return {"type": "TextPositionSelector", "start": start, "end": end}


_RUNS = re.compile(r"\s+|\S+")


def fold_spaces(text: str, drop_leading: bool = False) -> tuple[str, list[int]]:
    """Text with every run of white space folded to one space, and each character's old offset.

    The offsets list has one more entry, `len(text)`, for an end offset. `drop_leading` also
    drops white space at the very start.
    """
    out: list[str] = []
    where: list[int] = []
    for m in _RUNS.finditer(text):
        if m.group()[0].isspace():
            if out or not drop_leading:
                out.append(" ")
                where.append(m.start())
        else:
            out.append(m.group())
            where.extend(range(m.start(), m.end()))
    where.append(len(text))
    return "".join(out), where


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many context characters around a candidate agree with the selector's prefix/suffix."""
    score = 0
    before = text[max(0, start - len(prefix)) : start]
    for a, b in zip(reversed(before), reversed(prefix)):
        if a != b:
            break
        score += 1
    after = text[end : end + len(suffix)]
    for a, b in zip(after, suffix):
        if a != b:
            break
        score += 1
    return score


def anchor(
    text: str, exact: str, prefix: str = "", suffix: str = "", hint: int | None = None
) -> tuple[int, int] | None:
    """Where `exact` is in `text`: (start, end), or None when it cannot be found.

    Tries the hinted position first, then every exact occurrence (best context wins, ties go to
    the one nearest the hint), then the same with white space folded, so a quote still anchors
    after line breaks or spacing changed.
    """
    if not exact:
        return None
    if hint is not None and text[hint : hint + len(exact)] == exact:
        return hint, hint + len(exact)
    found = _best(text, exact, prefix, suffix, hint)
    if found:
        return found
    folded, where = fold_spaces(text)
    f_exact = _WS.sub(" ", exact).strip()
    if not f_exact:
        return None
    f_hint = None
    if hint is not None:
        f_hint = next((i for i, w in enumerate(where) if w >= hint), None)
    hit = _best(folded, f_exact, _WS.sub(" ", prefix), _WS.sub(" ", suffix), f_hint)
    if not hit:
        return None
    s, e = hit
    return where[s], where[e - 1] + 1


def _best(
    text: str, exact: str, prefix: str, suffix: str, hint: int | None
) -> tuple[int, int] | None:
    best: tuple[int, int, int] | None = None
    i = text.find(exact)
    while i != -1:
        score = _context_score(text, i, i + len(exact), prefix, suffix)
        distance = abs(i - hint) if hint is not None else 0
        key = (score, -distance, i)
        if best is None or key[:2] > best[:2]:
            best = key
        i = text.find(exact, i + 1)
    if best is None:
        return None
    return best[2], best[2] + len(exact)
