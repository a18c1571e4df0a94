"""Quotations in attributions already found: mixed quotations (a quoted fragment inside the
speaker's own clause) and quotations opened by a colon after the cue."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from kit.articles.segment import Span
from kit.reading.quotes import QUOTE_MARKS
from kit.reading.tokens import ArticleText, trim

if TYPE_CHECKING:
    from kit.reading.attribution import Attribution


# What follows a quoted fragment when the clause does not go on with it: punctuation, a new
# clause ("and", "but"), or a time or place ("“Thank you Georgia” moments after polls closed").
_CLAUSE_AFTER = re.compile(
    r"\s*(?:[,;:(—–\[]|--|-\s|(?:and|but|or|on|at|in|moments|when|after|before|during|while|"
    r"as|from|to)\b|[A-Z])"
)
_ENDS_THAT = re.compile(r"\bthat\s*$")


def mixed_quotes(
    doc: ArticleText, found: list[Attribution], cue_starts: list[int]
) -> list[Attribution]:
    """A quotation that is only part of what was said is a mixed quotation: the content is the
    clause around it, not a direct quote. "He was a “respected manager,” she said" (words of the
    clause before it), "calling it “disqualifying”" (an object between the cue and a quoted
    fragment), "said “it gets me mad” every time ..." (the clause goes on after it)."""
    text = doc.text
    out = []
    for a in found:
        c = a.content
        if not (a.direct and c is not None and a.cue is not None):
            out.append(a)
            continue
        q = doc.quote_starting_at(c.start, c.end)
        s_lo, s_hi, _ = doc.sents[doc.sentence_of(c.start)]
        start, end = c.start, c.end
        if q is None or q.start != c.start:
            out.append(a)
            continue
        if a.cue.start > c.start:
            # The quotation comes first: words of its own clause before it in the sentence.
            lo = doc.sentence_start(c.start)
            lead = text[lo : c.start]
            if (
                any(ch.isalnum() for ch in lead)
                and not lead.rstrip().endswith((":", "—", "–", "--"))
                and (a.source is None or a.source.start > c.start)
                and not any(lo <= k < c.start for k in cue_starts)
            ):
                start = lo
        elif s_lo <= a.cue.end <= c.start:
            # The cue comes first: an object between it and a quoted fragment.
            gap = text[a.cue.end : c.start]
            first = text[q.start + 1 : q.end].lstrip(" '‘“\"")[:1]
            if (
                gap.strip()
                and not gap.rstrip().endswith((",", ":", "—", "–", "-"))
                and "\n" not in gap
                and first.islower()
                and not _ENDS_THAT.search(gap)
                and not (a.source is not None and a.cue.end <= a.source.start < c.start)
            ):
                start = a.cue.end + len(gap) - len(gap.lstrip())
            # The clause goes on after the quotation: "said “it gets me mad” every time ...".
            after = text[c.end : s_hi]
            if (
                c.end == q.end
                and text[q.end - 2 : q.end - 1] not in ",.!?;:'"
                and after.strip(" .!?\"”’'")
                and not _CLAUSE_AFTER.match(after)
                and not any(ch in after for ch in QUOTE_MARKS)
            ):
                tail = trim(text, c.end, s_hi)
                if tail is not None and "\n" not in text[c.end : tail.end]:
                    end = tail.end
        if (start, end) == (c.start, c.end):
            out.append(a)
        else:
            out.append(replace(a, content=Span(start, end), direct=False))
    return out


# Between a cue and its quotation: a few words and a colon or dash ("said of Mr. Rubio: “...”",
# "wrote back: “...”"), or a listener or time and "that" ("told supporters that “...”").
_BEFORE_QUOTE = re.compile(
    r"(?:[^\W\d][\w.’'-]*\s+){0,4}that\s+|(?!.*\bthat\b)(?:[\w.’'()-]+\s+){0,5}[\w.’'()-]+\s*(?:[:—–]|--)\s*"
)


def quote_after_aside(doc: ArticleText, found: list[Attribution]) -> list[Attribution]:
    """ "he said of the episode: “...”", "told supporters that “...”": the content is the
    quotation, not the words between the cue and it, and it is direct."""
    text = doc.text
    out = []
    for a in found:
        c = a.content
        if a.direct or c is None or a.cue is None or a.cue.end > c.start:
            out.append(a)
            continue
        q = doc.quote_starting_at(_quote_open(text, c.start, c.end), c.end)
        if (
            q is None
            or q.end < c.end - 1
            or q.start <= c.start
            or not _BEFORE_QUOTE.fullmatch(text, c.start, q.start)
        ):
            out.append(a)
            continue
        out.append(replace(a, content=q, direct=True))
    return out


def _quote_open(text: str, lo: int, hi: int) -> int:
    """Where the first quotation mark after lo opens (hi when there is none)."""
    for k in range(lo, hi):
        if text[k] in QUOTE_MARKS:
            return k
    return hi
