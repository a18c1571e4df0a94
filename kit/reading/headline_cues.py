"""Headlines written in title case ("Glenn Beck Says Trump Poses A Threat", "Clinton Urges
Britain To Remain", "‘...’ Is Like A Lawyer’s Dumbest Client, Trevor Noah Says"): the cue word is
capitalised like every other word, so the rules that read sentences pass it by. A paragraph of one
title-case sentence is read here: the words before a capitalised reporting verb (in -s or the
past) are its source, the words after it its content; a cue that ends the headline after a comma
has its source between them and the rest before. Used by `kit.reading.attribution.Attributor`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.articles.segment import Span
from kit.reading.cues import Cue
from kit.reading.loose_sources import unknown_source
from kit.reading.source_words import AUX, NOUN_CUES
from kit.reading.tokens import trim

if TYPE_CHECKING:
    from kit.reading.attribution import Attribution, Attributor

_BY = frozenset("of by".split())
# Forms of a reporting verb that a headline writes in title case: "Says", "Warns", "Said".
_KINDS = ("s", "past")


def headline_cues(att: Attributor, found: list[Attribution]) -> list[Attribution]:
    """Attributions of the title-case headlines (one-sentence paragraphs) not yet read."""
    doc, toks = att.doc, att.tokens
    words, lows, starts = toks.words, toks.lows, toks.starts
    forms = att.lex.forms
    out = []
    sents = doc.sents
    for s, (s_lo, s_hi, para) in enumerate(sents):
        if (s > 0 and sents[s - 1][2] == para) or (s + 1 < len(sents) and sents[s + 1][2] == para):
            continue  # a headline is a paragraph of its own
        if any(a.sentence == s for a in found):
            continue
        lo, hi = doc.tok_at(s_lo), doc.tok_at(s_hi)
        alpha = [w for w in words[lo:hi] if w[0].isalpha() and len(w) > 3]
        if len(alpha) < 3 or sum(w[0].isupper() for w in alpha) < 0.8 * len(alpha):
            continue
        for i in range(lo + 1, hi - 1):
            form = forms.get(lows[i])
            if form is None or form.kind not in _KINDS or not words[i][0].isupper():
                continue
            if form.frame in ("that", "document") or lows[i] in NOUN_CUES or lows[i + 1] in _BY:
                break  # "Debris Found", "Party Boosts Spending In States", "Clinton Accused Of"
            a = _one(
                att,
                Cue(
                    starts[i],
                    starts[i] + len(words[i]),
                    i,
                    i + 1,
                    form.lemma,
                    form.stance,
                    form.frame,
                    form.kind,
                ),
                s,
                s_lo,
                s_hi,
                para,
            )
            if a is not None:
                out.append(a)
            break
    return out


def _one(att: Attributor, cue: Cue, s: int, s_lo: int, s_hi: int, para: int):
    """The attribution of one headline cue: source before it, content after (or before, when
    the cue ends the headline after a comma)."""
    text, toks = att.text, att.tokens
    end = trim(text, cue.end, s_hi)
    rest = text[cue.end : s_hi].strip(" .!?\n")
    if rest:
        lo = s_lo
        colon = max(text.rfind(":", s_lo, cue.start), text.rfind(" - ", s_lo, cue.start))
        if colon >= 0:
            lo = colon + 1
        src = trim(text, lo, cue.start)
        content = end
    else:
        comma = text.rfind(",", s_lo, cue.start)
        if comma < 0:
            return None
        src = trim(text, comma + 1, cue.start)
        content = trim(text, s_lo, comma)
    if src is None or content is None or len(text[content.start : content.end].split()) < 2:
        return None
    src_text = text[src.start : src.end]
    if src_text.endswith(("'s", "’s", "'", "’")) or len(src_text.split()) > 8:
        return None  # "Trump's Plans For ...": a noun after a possessive
    if toks.lows[cue.ti - 1] in att.lex.words["pronouns"] or not src_text[0].isupper():
        return None
    if any(w in AUX for w in src_text.lower().split()):
        return None  # "Glenn Beck Just Responded To ...", "Tim Allen Just Got Asked About ..."
    source = att.classifier.classify(src.start, src.end) or unknown_source(text, *src)
    q = att.doc.quote_starting_at(content.start, s_hi)
    direct = bool(q and q.end >= content.end - 1)
    return att._make(cue, source, Span(content.start, content.end), direct, s, para)
