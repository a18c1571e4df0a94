"""Sources the word lists do not know: a subject whose head no list names ("The actress said",
"A spokesman for the buyer said"), the phrase after a cue that follows a quotation ("said Robert
Antonacci of the New York delegation"), a pronoun opening the sentence before ", saying", and a
document noun before a cue. Each is typed by the lists when they can, else as unnamed or unclear
(`unknown_source`). Used by `kit.reading.attribution.Attributor`.

And the guards against what reads like a report but is none: a cue word with an object after a
subject the lists do not know ("the virus claimed 6606 lives"), and, over the attributions of a
whole article (`not_reports`, run by kit.reading.sources), a content of adverbs only and a report
in an aside between dashes running on past it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from kit.articles.segment import Span
from kit.reading.cues import Cue
from kit.reading.noun_phrases import QUANTIFIERS, SINGULAR_QUANTIFIERS, THOSE_NEXT
from kit.reading.source_history import Source
from kit.reading.source_words import (
    DETS,
    INDEFINITE,
    INVERTING_CUES,
    NOUN_CUES,
    PREPS,
    RELATIVE,
    SUBJECT_LEADS,
    TIME_OR_AUX,
)
from kit.reading.tokens import GROUPS, bare_phrase

if TYPE_CHECKING:
    from kit.reading.attribution import Attribution, Attributor

# Words that do not follow a cue after a subject the lists do not know unless "that" comes after
# them: "The black hole described in the study is ...", "the debate concluded with ...".
LOOSE_CONTENT_STOP = frozenset("in as by with of for from at into".split())
_THAT_OR_QUOTE = re.compile(r"\bthat\b|[:“\"‘]")


def document_before(att: Attributor, cue: Cue) -> bool:
    """Is the word before the cue (past auxiliaries and time words) a document noun ("poll",
    "emails")? A cheap test before the source is looked for."""
    lows = att.tokens.lows
    k = cue.ti - 1
    while k >= 0 and (lows[k] in TIME_OR_AUX):
        k -= 1
    return k >= 0 and lows[k] in att.lex.words["documents"]


def pronoun_subject(att: Attributor, sent: int, cue: Cue) -> tuple[int, int] | None:
    """ "He dismissed the critique, saying ...": a sentence that opens with a personal pronoun
    (after "But", "And" ...) has it as the subject of a verb of saying after it."""
    if cue.lemma not in INVERTING_CUES:
        return None  # "He praised it, citing the quote"
    toks = att.tokens
    k = att.doc.tok_at(att.doc.sents[sent][0])
    while k < toks.n and toks.lows[k] in SUBJECT_LEADS:
        k += 1
    if k < toks.n and toks.lows[k] in att.lex.words["pronouns"]:
        return toks.starts[k], toks.starts[k] + len(toks.words[k])
    return None


def loose_source(
    att: Attributor, cue: Cue, lo: int, end: int, strict: tuple[int, int] | None
) -> Source | None:
    """A subject whose head the word lists do not know ("The actress said", "A spokesman for
    the buyer said"), when the lists' own subject (`strict`) gave no source: typed by the lists
    when they can, else as `_unknown_source`."""
    if cue.kind == "ing" or (strict is not None and strict[1] != end):
        return None
    lows = att.tokens.lows
    if lows[cue.ti] in NOUN_CUES or cue.lemma == "call":
        return None  # "his remarks", "a band called Sophistafunk": nouns and names
    if cue.kind in ("past", "pp") and cue.tj < len(lows) and lows[cue.tj] == "by":
        return None  # "numbers reported by the AP": a participle, not a cue
    if cue.tj < len(lows) and lows[cue.tj] in LOOSE_CONTENT_STOP:
        # "The black hole described in the study is ...": a participle, unless "that" or a
        # quotation follows ("The actress said in an interview that ...").
        s_hi = att.doc.sents[att.doc.sentence_of(cue.start)][1]
        if not _THAT_OR_QUOTE.search(att.text, cue.end, s_hi):
            return None
    span = att.phrases.loose_subject(lo, end)
    if span is None or att.tokens[att.doc.tok_at(span[0])].low == "those":
        group = group_subject(att, cue, lo, end)
        if group is not None or span is None:
            return group
    k = att.doc.tok_at(span[0]) - 1
    if k >= 0 and att.tokens[k].low in ("whether", "if"):
        return None
    if _takes_an_object(att, cue, k >= 0 and att.tokens[k].low in RELATIVE):
        return None
    head = att.tokens[att.doc.tok_at(span[1]) - 1].low
    words = att.text[span[0] : span[1]].lower().split()
    first = words[0]
    if (first in QUANTIFIERS or first in SINGULAR_QUANTIFIERS) and (
        len(words) == 1 or words[1] == "of" and len(words) == 3
    ):
        if (cue.kind == "s" or _plural(lows[cue.ti])) == (first in QUANTIFIERS):
            return None  # "Some advocates for ...": a plural noun, not a cue
        return Source(Span(*span), att.text[span[0] : span[1]], "anonymous")  # "Some say"
    if (
        att.doc.tok_at(span[1]) == cue.ti
        and not (first in QUANTIFIERS and cue.kind == "base")  # "some people in Trump world"
        and cue.kind in ("base", "s")
        and not GROUPS.match(att.text[span[0] : span[1]].lower())
    ):
        # The verb agrees with its subject: "the mere mention" is a noun, "officials say"
        # and "the actress says" are cues.
        if _plural(head) != (cue.kind == "base"):
            return None
    return att.classifier.classify(*span) or unknown_source(att.text, *span)


def _takes_an_object(att: Attributor, cue: Cue, relative: bool) -> bool:
    """After a subject the lists do not know, the cue word has an object or is a participle, not
    a report: a number that no verb follows ("the virus claimed 6606 lives", not "The cable
    indicated 13 guards would be needed"), a bare noun that ends the sentence or takes "of"
    ("The inner star has estimated mass of ...", "1.6 million confirmed cases."), or a verb
    straight after a participle ("A main issue discussed was ...", not "which the probe said
    were covered up": `relative`, the subject follows a relative word)."""
    toks = att.tokens
    k = cue.tj
    if k >= toks.n:
        return False
    word, low = toks.words[k], toks.lows[k]
    if word[0].isdigit():
        ahead = toks.lows[k + 1 : k + 6]
        stop = next((i for i, w in enumerate(ahead) if not w[0].isalnum()), len(ahead))
        clause = ahead[:stop]
        return not any(w in _FINITE or (i and w.endswith("ed")) for i, w in enumerate(clause))
    if cue.kind in ("past", "pp") and low in _BE_HAVE:
        return not relative
    if not word.isalpha() or not word.islower() or low in _OPENS_A_CLAUSE:
        return False
    after = toks.lows[k + 1] if k + 1 < toks.n else ""
    s_hi = att.doc.sents[att.doc.sentence_of(cue.start)][1]
    ends = k + 1 >= toks.n or toks.starts[k + 1] >= s_hi or after in (".", "!", "?")
    return ends or (after == "of" and cue.frame != "object")  # not "accused him of"


_BE_HAVE = frozenset("was were is are has have had".split())
_FINITE = _BE_HAVE | frozenset("will would can could may might should shall did does do".split())
#: Words after a cue that can open the clause reported: "said the ...", "said they ...".
_OPENS_A_CLAUSE = (
    DETS | PREPS | RELATIVE | TIME_OR_AUX | {"he", "she", "it", "they", "we", "i", "you"}
)


def group_subject(att: Attributor, cue: Cue, lo: int, end: int) -> Source | None:
    """A subject that names people by what they did or are ("those surveyed say", "people who
    have battled online threats say", "Democrats in Iowa who watched the debate said"): a noun
    phrase and a relative clause, or "those" and what follows, opening its clause. The source is
    the whole phrase; the verb agrees with it."""
    toks, text = att.tokens, att.text
    lows, words = toks.lows, toks.words
    b, mark = att.phrases.boundary(lo, end)
    rel = None
    if mark in ("who", "whose"):
        rel = att.doc.tok_at(b) - 1
        b, _ = att.phrases.boundary(lo, toks.starts[rel])
    k = att.doc.tok_at(b)
    while k < cue.ti and lows[k] in SUBJECT_LEADS:
        k += 1
    if k >= cue.ti or cue.ti - k > 18 or any(not w[0].isalnum() for w in words[k : cue.ti]):
        return None
    if lows[k] == "those":
        if rel is None and (cue.ti - k > 8 or lows[k + 1] not in THOSE_NEXT):
            return None
        head = None
    elif rel is None or rel == k:
        return None
    else:
        head = att.phrases.loose_subject(toks.starts[k], toks.starts[rel] - 1)
        if head is None:
            head = att.phrases.np_backwards(toks.starts[k], toks.starts[rel] - 1)
        if head is None or head[0] != toks.starts[k]:
            return None
    if rel is not None and (
        lows[rel + 1] in att.lex.words["pronouns"]
        or all(w in TIME_OR_AUX or w.endswith("ly") for w in lows[rel + 1 : cue.ti])
    ):
        # "the man who he said ...", "X who has largely rejected ...": the cue is the relative
        # clause's own verb ("X who said" is read elsewhere, with X as the source)
        return None
    plural = head is None or _plural(text[head[0] : head[1]].split()[-1].lower())
    if cue.kind in ("base", "s") and (cue.kind == "base") != plural:
        return None
    hi = toks.starts[cue.ti - 1] + len(words[cue.ti - 1])
    hi = att.phrases.strip_back(toks.starts[k], hi)
    if head is None:
        return Source(Span(toks.starts[k], hi), text[toks.starts[k] : hi], "anonymous")
    typed = att.classifier.classify(*head) or unknown_source(text, *head)
    return Source(Span(toks.starts[k], hi), typed.speaker, typed.type)


def inverted_loose(att: Attributor, cue: Cue, s_hi: int) -> Source | None:
    """ "“...,” said Robert Antonacci of the New York delegation": after a quotation that hands
    over to it, the noun phrase after the cue is the source even when the lists do not know its
    words (typed as `_unknown_source` when they do not)."""
    if cue.lemma not in INVERTING_CUES:
        return None  # "“terrible,” denounced her record": an object, not a source
    if att.doc.quote_ending_at(cue.start, max(0, cue.start - 3000)) is None:
        return None
    j = att.phrases.loose_after(cue.tj, s_hi)
    if j <= cue.tj:
        return None
    lo = att.tokens[cue.tj].start
    hi = att.phrases.appositive(j, s_hi, att.tokens[j - 1].end)
    return att.classifier.classify(lo, hi) or unknown_source(att.text, lo, hi)


def unknown_source(text: str, lo: int, hi: int) -> Source:
    """A source the lists cannot type: anonymous when indefinite or plural ("One California
    delegate", "forecasters"), else unknown ("the woman", "the 46-year-old")."""
    words = text[lo:hi].split()
    plural = _plural(words[-1].lower())
    kind = "anonymous" if words[0].lower() in INDEFINITE or plural else "unknown"
    return Source(Span(lo, hi), bare_phrase(text[lo:hi]), kind)


def _plural(word: str) -> bool:
    """Does a noun look plural ("officials", "delegates", "people"; not "virus", "boss")?"""
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) or word in _PLURALS


def not_reports(text: str, found: list[Attribution]) -> list[Attribution]:
    """`found` without what reads as a report but says nothing, a content of adverbs only ("The
    event was supported financially by Tyumen Oblast"); and a report inside an aside between
    dashes ends where the aside does ("Bercow commented on the matter — which the BBC noted as an
    unusual move by a Speaker — “...”": the BBC's view is not Bercow's quotation)."""
    out = []
    for a in found:
        if a.content is not None and not a.direct:
            if _ADVERBS_ONLY.fullmatch(text, a.content.start, a.content.end):
                continue
            end = _aside_end(text, a)
            if end is not None:
                a = replace(a, content=Span(a.content.start, end))
        out.append(a)
    return out


_ADVERBS_ONLY = re.compile(r"\s*(?:[a-z]{4,}ly\b[\s,]*)+[.;]?\s*")
_DASH = re.compile(r"\s(?:—|–|--)\s")
_SENTENCE_END = re.compile(r"[.!?\n][^.!?\n]*$")


def _aside_end(text: str, a: Attribution) -> int | None:
    """Where the content of a report that opens inside an aside between dashes ends: before the
    closing dash (None when it is not in one, or the content does not reach past it)."""
    assert a.content is not None
    if a.cue_lemma == "according to":
        return (
            None  # "— according to emails ... —": the aside is the source; the content is not in it
        )
    first = min(a.content.start, *(s.start for s in (a.source, a.cue) if s is not None))
    lo = max(0, first - 300)
    m = _SENTENCE_END.search(text, lo, first)
    if len(_DASH.findall(text, m.start() if m else lo, first)) % 2 == 0:
        return None  # no dash before it in its sentence, or the aside closed already
    m = _DASH.search(text, a.content.start, a.content.end)
    if m is None:
        return None
    end = m.start()
    return end if text[a.content.start : end].strip() else None


_PLURALS = frozenset("people men women children police".split())
