"""A poll, a survey or a study as the source of a clause with no reporting word: "In a national
CNN/ORC poll released Monday, 31% of Republicans said they were ..." (the clause after the
comma) and "Bush took 6 percent of the vote in a Washington Post-ABC News poll released Sunday"
(the clause before). The document phrase is the source (type `document`), "In" or "in" the cue,
and only a clause with a figure in it counts ("In the study, researchers looked at ..." reports
no finding). Used by `kit.reading.attribution.Attributor`, after the cues have been read.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from kit.articles.segment import Span
from kit.reading.cues import Cue
from kit.reading.lexicon import package_words
from kit.reading.source_words import language_file
from kit.reading.tokens import trim

if TYPE_CHECKING:
    from kit.reading.attribution import Attribution, Attributor

_WORDS = package_words(language_file("source_rule_words.yaml"))
_NOUNS = frozenset(_WORDS["document_lead_nouns"])
_NOT_AFTER = frozenset(_WORDS["document_lead_not_after"])
_DETS = r"(?:a|an|the|its|his|her|their|this|that|one|another|last\s+\w+'s|\w+'s)"
# "In a national CNN/ORC poll released Monday, ": the phrase up to the first comma.
_OPENING = re.compile(rf"In\s+({_DETS}\s[^,;:\"“”]{{2,120}}?),\s")
# ", in a CBS News poll last month." at the end of the sentence.
_CLOSING = re.compile(rf",?\s+in\s+({_DETS}\s[^,;:\"“”]{{2,120}}?)[.!]?\s*$")
# "conducted from Feb. 11": the poll's description goes on after the comma.
_PARTICIPLE = re.compile(r"[a-z]+(?:ed|ing)\b")
_WORD = re.compile(r"[A-Za-z]+")
# A figure: digits, a share in words, "percent".
_FIGURE = re.compile(r"\d|\bpercent\b|\bhalf\b|\bmajority\b|\bthirds?\b|\bquarters?\b", re.I)


def document_leads(att: Attributor, found: list[Attribution]) -> list[Attribution]:
    """Each sentence that opens or ends with a poll, survey or study, with a figure in the
    clause it reports and no attribution of its own holding the document."""
    text = att.text
    out = []
    lows = att.tokens.lows
    if _NOUNS.isdisjoint(lows):
        return []
    seen = set()
    for k in (k for k, low in enumerate(lows) if low in _NOUNS):
        noun = att.tokens[k]
        n = att.doc.sentence_of(noun.start)
        if n in seen:
            continue
        seen.add(n)
        lo, hi, para = att.doc.sents[n]
        m = _OPENING.match(text, lo, hi) if noun.start - lo < 130 else None
        if m is not None:
            src, content = m.span(1), trim(text, m.end(), hi)
        else:
            if hi - noun.end > 130:
                continue  # the noun is not near the sentence's end
            m = _CLOSING.search(text, max(lo, noun.start - 130), hi)
            if m is None or m.start() <= lo:
                continue
            src, content = m.span(1), trim(text, lo, m.start())
        if content is None or not _FIGURE.search(text, content.start, content.end):
            continue
        if _PARTICIPLE.match(text, content.start) or not _named(text, *src):
            continue  # "..., conducted from Feb. 11"; "in the polls", "the new poll": no document
        noun_end = _noun_end(text, *src)
        if noun_end is None or att.doc.quote_around(src[0]) is not None:
            continue
        if any(w.lower() in _NOT_AFTER for w in _WORD.findall(text, noun_end, src[1])):
            continue
        if any(a.source is not None and a.source.start < src[1] < a.source.end + 1 for a in found):
            continue
        # Typed by the phrase up to the noun: "a CBS News poll" (the words after it, "last
        # month", "released Sunday", belong to the source as written).
        source = att.classifier.classify(src[0], noun_end)
        if source is None or source.type != "document":
            continue
        source = replace(source, span=Span(*src))
        e = m.start(1)
        while text[e - 1].isspace():
            e -= 1
        ti = att.doc.tok_at(e - 2)
        cue = Cue(e - 2, e, ti, ti + 1, "in", "neutral", "clause", "base")
        a = att._make(cue, source, content, False, n, para)
        if a is not None:
            out.append(a)
    return out


def _noun_end(text: str, lo: int, hi: int) -> int | None:
    """Where the first poll, survey or study noun of text[lo:hi] ends (None: there is none)."""
    for m in _WORD.finditer(text, lo, hi):
        if m.group().lower() in _NOUNS:
            return m.end()
    return None


def _named(text: str, lo: int, hi: int) -> bool:
    """ "a CBS News poll", "an online poll", "the New York Times/CBS News survey": a poll named
    by its outlet, or one poll ("a", "an"), not "the polls" or "the new poll" of the text."""
    words = text[lo:hi].split()
    return words[0].lower() in ("a", "an") or any(w[0].isupper() for w in words[1:])
