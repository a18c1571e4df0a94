"""Quotations in news text: straight and curly, nested, over several sentences and paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from kit.articles.segment import Span
from kit.reading.lexicon import package_yaml


@dataclass(frozen=True)
class QuoteMarks:
    """A language's quotation marks (kit/data/<language>/quotes.yaml), ready to search with."""

    open_double: str
    close_double: str
    straight: frozenset[str]
    open_only: frozenset[str]
    open_single: str
    close_single: str
    long: tuple[str, ...]  # two-character marks, matched before one-character ones
    one: str  # every one-character mark
    pattern: re.Pattern[str]
    #: An opening double mark inside a double quotation opens one inside it, closed before the
    #: outer one (German „A „B“ C“); else it is part of the quotation (English, where it is more
    #: often a mark left open by mistake than a quotation inside one).
    nested: bool = False


def quote_marks(language: str = "en") -> QuoteMarks:
    """The quotation marks of a language, read once from its quotes.yaml."""
    return _quote_marks(language)


@cache
def _quote_marks(language: str) -> QuoteMarks:
    # source_words.language_file would import a cycle
    return make_quote_marks(package_yaml(f"{language}/quotes.yaml"))


def make_quote_marks(marks: dict) -> QuoteMarks:
    """QuoteMarks from the mapping of a quotes.yaml."""
    straight = frozenset(marks["straight_double"])
    open_only = frozenset(marks.get("open_double_only") or ())
    chars = marks["open_double"] + marks["close_double"]
    chars += marks["open_single"] + marks["close_single"]
    long = tuple(sorted((m for m in straight | open_only if len(m) > 1), key=len, reverse=True))
    one = "".join(sorted(set(chars) | {m for m in straight if len(m) == 1}))
    return QuoteMarks(
        marks["open_double"],
        marks["close_double"],
        straight,
        open_only,
        marks["open_single"],
        marks["close_single"],
        long,
        one,
        re.compile("|".join([*map(re.escape, long), f"[{re.escape(one)}]"])),
        bool(marks.get("nested_double", False)),
    )


# English (kit/data/en/quotes.yaml), which the English rules use throughout. Two-character marks
# (''like this'', a newspaper convention) are matched before one-character ones.
_ENGLISH = quote_marks("en")
QUOTE_MARKS = _ENGLISH.one
# Past forms that report a quotation when they follow it and its speaker ("“...,” he went on").
AFTER_QUOTE_VERBS = frozenset(package_yaml("en/quotes.yaml").get("after_quote_verbs") or ())


def find_quotes(
    text: str, paragraphs: Iterable[Span] | None = None, marks: QuoteMarks = _ENGLISH
) -> list[Span]:
    """Quotations in the text as spans that include their quotation marks, in order.

    Single quotes count only outside double quotes (inside, they are nested quotes). A paragraph
    that leaves a double quote open goes on into the next paragraph when that one opens with a
    quotation mark (the news convention for long quotes); otherwise it ends at the paragraph end.
    """
    paras = list(paragraphs) if paragraphs is not None else _line_spans(text)
    open_double, close_double, straight = marks.open_double, marks.close_double, marks.straight
    open_only, open_single, close_single = marks.open_only, marks.open_single, marks.close_single
    long_marks, pattern, nested = marks.long, marks.pattern, marks.nested  # locals for the loop
    quotes: list[Span] = []
    carry: int | None = None
    for n, p in enumerate(paras):
        open_d: int | None = None
        open_s: int | None = None
        inner = 0  # opening marks inside the open double quote not closed yet: „A „B“ C“
        skip_first = False
        if carry is not None:
            first = text[p.start : p.start + 1]
            if (
                first in open_double
                or first in straight
                or text.startswith(tuple(long_marks), p.start)
            ):
                open_d, skip_first = carry, True
            else:
                quotes.append(Span(carry, _rstrip_end(text, paras[n - 1])))
            carry = None
        for m in pattern.finditer(text, p.start, p.end):
            i = m.start()
            ch = m.group()
            if skip_first and i == p.start:
                continue
            prev = text[i - 1] if i > p.start else " "
            nxt = text[m.end()] if m.end() < p.end else " "
            if len(ch) > 1:
                opens = not (nxt.isspace() and not prev.isspace())
                if ch in open_only or (open_d is None and opens):
                    if open_d is None:
                        open_d, open_s = i, None
                elif open_d is not None:
                    # Three apostrophes close a single quote and the double one: ",'''".
                    end = m.end() + 1 if text.startswith("'", m.end()) else m.end()
                    quotes.append(Span(open_d, end))
                    open_d = None
                continue
            if ch in open_double:
                if open_d is None:
                    open_d, open_s, inner = i, None, 0
                elif nested:
                    inner += 1
            elif ch in close_double or ch in straight:
                if open_d is None:
                    if ch in straight and not (nxt.isspace() and not prev.isspace()):
                        open_d, open_s, inner = i, None, 0
                elif inner:
                    inner -= 1
                else:
                    quotes.append(Span(open_d, i + 1))
                    open_d = None
            elif open_d is None:
                # Single quotes: opening after a space or bracket, closing before a non-letter.
                if ch in open_single and (prev.isspace() or prev in "([—–-") and nxt.isalnum():
                    if open_s is None:
                        open_s = i
                elif ch in close_single and open_s is not None and not nxt.isalnum():
                    if i - open_s > 2:  # not "rock 'n' roll"
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
