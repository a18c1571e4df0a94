"""Quotations in news text: straight and curly, nested, over several sentences and paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterable

from kit.articles.segment import Span
from kit.reading.lexicon import package_yaml

# The marks of the language (kit/data/en/quotes.yaml). Two-character marks (''like this'', a
# newspaper convention) are matched before one-character ones.
_MARKS = package_yaml("en/quotes.yaml")  # source_words.language_file would import a cycle
_OPEN_DOUBLE = _MARKS["open_double"]
_CLOSE_DOUBLE = _MARKS["close_double"]
_STRAIGHT = frozenset(_MARKS["straight_double"])
_OPEN_ONLY = frozenset(_MARKS["open_double_only"])
_OPEN_SINGLE = _MARKS["open_single"]
_CLOSE_SINGLE = _MARKS["close_single"]
_LONG = sorted((m for m in _STRAIGHT | _OPEN_ONLY if len(m) > 1), key=len, reverse=True)
_ONE = "".join(
    sorted(
        {c for c in _OPEN_DOUBLE + _CLOSE_DOUBLE + _OPEN_SINGLE + _CLOSE_SINGLE}
        | {m for m in _STRAIGHT if len(m) == 1}
    )
)
_QUOTE_CHARS = re.compile("|".join([*map(re.escape, _LONG), f"[{re.escape(_ONE)}]"]))
QUOTE_MARKS = _ONE


def find_quotes(text: str, paragraphs: Iterable[Span] | None = None) -> list[Span]:
    """Quotations in the text as spans that include their quotation marks, in order.

    Single quotes count only outside double quotes (inside, they are nested quotes). A paragraph
    that leaves a double quote open goes on into the next paragraph when that one opens with a
    quotation mark (the news convention for long quotes); otherwise it ends at the paragraph end.
    """
    paras = list(paragraphs) if paragraphs is not None else _line_spans(text)
    quotes: list[Span] = []
    carry: int | None = None
    for n, p in enumerate(paras):
        open_d: int | None = None
        open_s: int | None = None
        skip_first = False
        if carry is not None:
            first = text[p.start : p.start + 1]
            if (
                first in _OPEN_DOUBLE
                or first in _STRAIGHT
                or text.startswith(tuple(_LONG), p.start)
            ):
                open_d, skip_first = carry, True
            else:
                quotes.append(Span(carry, _rstrip_end(text, paras[n - 1])))
            carry = None
        for m in _QUOTE_CHARS.finditer(text, p.start, p.end):
            i = m.start()
            ch = m.group()
            if skip_first and i == p.start:
                continue
            prev = text[i - 1] if i > p.start else " "
            nxt = text[m.end()] if m.end() < p.end else " "
            if len(ch) > 1:
                opens = not (nxt.isspace() and not prev.isspace())
                if ch in _OPEN_ONLY or (open_d is None and opens):
                    if open_d is None:
                        open_d, open_s = i, None
                elif open_d is not None:
                    quotes.append(Span(open_d, m.end()))
                    open_d = None
                continue
            if ch in _OPEN_DOUBLE:
                if open_d is None:
                    open_d, open_s = i, None
            elif ch in _CLOSE_DOUBLE:
                if open_d is not None:
                    quotes.append(Span(open_d, i + 1))
                    open_d = None
            elif ch in _STRAIGHT:
                if open_d is None:
                    if not (nxt.isspace() and not prev.isspace()):
                        open_d, open_s = i, None
                else:
                    quotes.append(Span(open_d, i + 1))
                    open_d = None
            elif open_d is None:
                # Single quotes: opening after a space or bracket, closing before a non-letter.
                if ch in _OPEN_SINGLE and (prev.isspace() or prev in "([—–-") and nxt.isalnum():
                    if open_s is None:
                        open_s = i
                elif ch in _CLOSE_SINGLE and open_s is not None and not nxt.isalnum():
                    if i - open_s > 1:
                        quotes.append(Span(open_s, i + 1))
                    open_s = None
        if open_d is not None:
            carry = open_d
    if carry is not None and paras:
        quotes.append(Span(carry, _rstrip_end(text, paras[-1])))
    quotes.sort(key=lambda s: s.start)
    return quotes


def _rstrip_end(text: str, p: Span) -> int:
    return p.start + len(text[p.start : p.end].rstrip())


def _line_spans(text: str) -> list[Span]:
    from kit.articles.segment import paragraph_spans

    return paragraph_spans(text)
