"""Quotations in news text: straight and curly, nested, over several sentences and paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterable

from kit.articles.segment import Span

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
# Two apostrophes (or two backticks) stand for a double quotation mark in some newspapers' text:
# ''like this''. They are matched before a single apostrophe.
_QUOTE_CHARS = re.compile(r"''|``|[\"“”„«»‘’']")
QUOTE_MARKS = "\"“”„«»‘’'"


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
            if first in _OPEN_DOUBLE or first == '"' or text.startswith(("''", "``"), p.start):
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
            if len(ch) == 2:
                if ch == "``" or (open_d is None and not (nxt.isspace() and not prev.isspace())):
                    if open_d is None:
                        open_d, open_s = i, None
                elif open_d is not None:
                    quotes.append(Span(open_d, i + 2))
                    open_d = None
                continue
            if ch in _OPEN_DOUBLE:
                if open_d is None:
                    open_d, open_s = i, None
            elif ch in _CLOSE_DOUBLE:
                if open_d is not None:
                    quotes.append(Span(open_d, i + 1))
                    open_d = None
            elif ch == '"':
                if open_d is None:
                    if not (nxt.isspace() and not prev.isspace()):
                        open_d, open_s = i, None
                else:
                    quotes.append(Span(open_d, i + 1))
                    open_d = None
            elif open_d is None:
                # Single quotes: opening after a space or bracket, closing before a non-letter.
                if ch in "‘'" and (prev.isspace() or prev in "([—–-") and nxt.isalnum():
                    if open_s is None:
                        open_s = i
                elif ch in "’'" and open_s is not None and not nxt.isalnum():
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
