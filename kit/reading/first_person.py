"""First-person sources: "I believe that ...", "We know that ..." outside quotations, in an op-ed,
a column or a letter. The writer is the source; the speaker is "the writer", typed `unknown`
(DESIGN's types name no writer). Left out: inside a quotation a first person is the quotation's
speaker (the kit attributes no cue inside a quotation); in an interview or a transcript ("A: I
think ...", "FALLIN: I think ...") each answer is already one attribution of the one answering;
and a paragraph after one that ends with a colon ("Wallnau wrote:") is a block quotation.

Used by `kit.reading.attribution.Attributor`; `is_first_person` lets the claim rules keep these
out of reported claims (a writer's own "I think" is the writer's opinion, not a report).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from kit.articles.segment import Span
from kit.reading.cues import Cue
from kit.reading.lexicon import package_words
from kit.reading.source_history import Source
from kit.reading.source_words import AUX, language_file

if TYPE_CHECKING:
    from kit.reading.attribution import Attribution, Attributor

#: The first-person subjects that are sources ("you" is mostly the generic "you": "if you take a
#: look at", "you would want").
FIRST_PERSON = frozenset(("i", "we"))
#: Words that may open the clause of a first-person source.
CLAUSE_LEADS = frozenset(
    (",", ";", ":", "and", "but", "so", "because", "yes", "well", "now", "today")
)
_NOT_CUES = frozenset(
    package_words(language_file("source_rule_words.yaml"))["first_person_not_cues"]
)
# A paragraph that opens with a turn's tag: "Q: ", "A: ", "FALLIN: ", "JAKE TAPPER: ".
_TURN = re.compile(r"^(?:[A-Z][A-Z.'’-]*)(?: [A-Z][A-Z.'’-]+){0,3}:[ \t\xa0]+\S", re.M)
#: The speaker of a first-person source outside quotations.
WRITER = "the writer"


def first_person(att: Attributor, cue: Cue, lo: int) -> Source | None:
    """The source "I" or "We" right before the cue (past auxiliaries and adverbs: "I have long
    believed"), opening its clause (the sentence, or after a comma, "and", "but" ...)."""
    if cue.kind == "ing" or att.text[cue.start : cue.end].lower() in _NOT_CUES:
        return None
    toks = att.tokens
    k = cue.ti - 1
    while k >= 0 and toks[k].low in AUX:
        k -= 1
    if k < 0 or toks[k].start < lo:
        return None
    t = toks[k]
    if cue.tj < len(toks) and toks[cue.tj].low in ("me", "us"):
        return None  # "believe me", "trust us": said to the reader, no report
    low = t.low.replace("’", "'")
    if low.split("'", 1)[0] not in FIRST_PERSON:
        return None
    if k > 0 and toks[k - 1].start >= lo and toks[k - 1].low not in CLAUSE_LEADS:
        return None
    if _interview(att.text) or _after_colon(att.text, t.start):
        return None
    n = 1 if low[:1] == "i" else 2
    return Source(Span(t.start, t.start + n), WRITER, "unknown")


@lru_cache(maxsize=4)
def _interview(text: str) -> bool:
    """Is the text an interview or a transcript (two paragraphs or more open with a turn's tag)?
    There the answers are the attributions, with the one answering as their source."""
    return len(_TURN.findall(text, 0, 200_000)) >= 2


def _after_colon(text: str, pos: int) -> bool:
    """Does the paragraph at pos follow one that ends with a colon ("Wallnau wrote:"): a letter
    or a post quoted as a block, whose "I" is its author's?"""
    p = text.rfind("\n", 0, pos)
    return p > 0 and text[:p].rstrip().endswith(":")


def is_first_person(a: Attribution, text: str) -> bool:
    """Is this attribution the writer's own first person ("I think ...")?"""
    return (
        a.speaker == WRITER
        and a.source is not None
        and text[a.source.start : a.source.end].lower() in FIRST_PERSON
    )
