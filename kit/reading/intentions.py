"""Intentions and decisions: a source's plan, decision, wish or refusal with its to-phrase ("Clinton
agreed to debate in Brooklyn", "Republicans are seeking to block the vote", "others are
determined to win"). News reports them as the source's (PolNeAR counts them as attribution), but
they are not a claim the source makes: `is_intention` lets the claim rules read such a sentence
as the writer's. The words are in data/en/reporting_cues.yaml, `intentions`."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress
from typing import TYPE_CHECKING, NamedTuple

from kit.reading.cues import Cue, is_hypothetical, is_passive
from kit.reading.lexicon import package_yaml
from kit.reading.source_words import AUX, DETS, language_file, verb_forms
from kit.reading.tokens import trim

if TYPE_CHECKING:
    from kit.reading.attribution import Attribution, Attributor

FRAME = "intention"
# Between the word and "to": "agreed not to run", "vowed never to return".
_NEGATIONS = frozenset(("not", "never"))
# Before an adjective: a copula or an adverb of degree ("is eager to", "seemed more willing to").
_BEFORE_ADJECTIVE = frozenset(("seem", "seems", "seemed", "very", "so", "too", "more", "less"))
_BE = frozenset(("is", "are", "was", "were", "be", "been", "'s", "'re", "’s", "’re"))
# After "to": words that are no verb ("agreed to the deal", "voted to him").
_NO_VERB = DETS | frozenset(("him", "her", "them", "us", "me", "it", "you", "what", "which"))


# "to" and a verb: the to-phrase after a cue ("vowed to stay", "declined not to comment").
_TO_VERB = re.compile(r"\s*(?:(?:not|never)\s+)?to\s+([a-z][\w'’-]*)")


class _Word(NamedTuple):
    lemma: str  # "agree to", "eager to": the cue's lemma, which tells an intention apart
    stance: str
    kind: str  # "base", "s", "past", "ing", "pp", or "adjective"


@lru_cache(maxsize=1)
def _words() -> dict[str, _Word]:
    data = package_yaml(language_file("reporting_cues.yaml"))["intentions"]
    out: dict[str, _Word] = {}
    for stance, verbs in data["verbs"].items():
        for lemma, spec in verbs.items():
            spec = spec or {}
            for form, kind in verb_forms(lemma, spec):
                out.setdefault(form, _Word(f"{lemma} to", stance, kind))
    for stance, adjectives in data["adjectives"].items():
        for adjective in adjectives:
            out.setdefault(adjective, _Word(f"{adjective} to", stance, "adjective"))
    return out


@lru_cache(maxsize=1)
def _lemmas() -> frozenset[str]:
    return frozenset(w.lemma for w in _words().values())


@lru_cache(maxsize=1)
def _reports_with_to() -> frozenset[str]:
    data = package_yaml(language_file("reporting_cues.yaml"))["intentions"]
    return frozenset(data.get("reports_with_to") or ())


def quote_tail(tail: re.Pattern[str], cue: Cue, after: str) -> bool:
    """Is `after` (the rest of the cue's sentence) only a phrase after a quotation that is the
    content ("“...,” she said to cheers")? Not a to-phrase after a cue of intention: "Rubio vowed
    to stay in the race" after a quotation is what Rubio vowed."""
    if tail.match(after) is None:
        return False
    if cue.lemma not in _reports_with_to():
        return True
    m = _TO_VERB.match(after)
    return m is None or m.group(1) in _NO_VERB


def is_intention(a: Attribution) -> bool:
    """Is this attribution an intention or decision (frame `intention`), not a reported claim?"""
    return a.cue_lemma is not None and a.cue_lemma in _lemmas()


def intentions(att: Attributor, found: list[Attribution]) -> list[Attribution]:
    """Each intention word with "to" and a verb after it and a source before it, outside
    quotations and outside what an attribution already `found` holds (one report, as a view)."""
    words_of = _words()
    toks = att.tokens
    lows, words, starts = toks.lows, toks.words, toks.starts
    n = toks.n
    candidates = list(compress(range(n), map(words_of.__contains__, lows)))
    if not candidates:
        return []
    cued = {a.cue.start for a in found if a.cue is not None}
    held = [a.content for a in found if a.content is not None]
    out: list[Attribution] = []
    for i in candidates:
        k = i + 1
        if k < n and lows[k] in _NEGATIONS:
            k += 1
        if k + 1 >= n or lows[k] != "to" or lows[k + 1] in _NO_VERB:
            continue
        verb = words[k + 1]
        if not (verb[0].isalpha() and verb[0].islower()) or not words[i][0].islower():
            continue
        word = words_of[lows[i]]
        before = toks[i - 1] if i > 0 else None
        if word.kind == "adjective" and (
            before is None or (before.low not in AUX and before.low not in _BEFORE_ADJECTIVE)
        ):
            continue
        if word.kind == "ing" and (
            before is None or (before.low not in _BE and before.text != ",")
        ):
            continue  # "is looking to", ", looking to"; not "a bill looking to", "Looking to"
        start = starts[i]
        if start in cued or att.doc.quote_around(start) is not None:
            continue
        if any(c.start <= start < c.end for c in held):
            continue
        cue = Cue(start, start + len(words[i]), i, i + 1, word.lemma, word.stance, FRAME, word.kind)
        if is_hypothetical(toks, cue) or is_passive(toks, cue, before):
            continue
        sent = att.doc.sentence_of(start)
        s_lo, s_hi, para = att.doc.sents[sent]
        lo = max([s_lo] + [a.cue.end for a in found if a.cue and s_lo <= a.cue.end <= start])
        source = att._source_before(cue, before, lo, s_lo, sent, [])
        if source is None:
            continue
        content = trim(att.text, starts[i + 1], s_hi)
        if content is None:
            continue
        a = att._make(cue, source, content, False, sent, para)
        if a is not None:
            out.append(a)
    return out
