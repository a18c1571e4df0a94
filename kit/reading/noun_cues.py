"""Noun cues: a report, view or intention named by a noun after its possessor, who is the source,
with what was said after "that" ("Trump's claim that Mexico will pay", "his warning that ...",
"her answer was that ...") or a colon and a quotation ("His words: “...”")."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from typing import TYPE_CHECKING

from kit.articles.segment import Span
from kit.reading.cues import Cue
from kit.reading.source_history import Source
from kit.reading.source_types import Classifier
from kit.reading.tokens import ArticleText, trim

if TYPE_CHECKING:
    from kit.reading.attribution import Attribution

# Where the content of a noun cue ends: the end of its clause.
_CLAUSE_END = frozenset(",;:()—–")
_COPULA = frozenset(("is", "was", "are", "were"))
_AFTER = frozenset(("that", ":"))
_POSSESSIVE = frozenset(("his", "her", "their", "its"))


def noun_cues(
    doc: ArticleText, classifier: Classifier, found: Sequence[Attribution]
) -> list[tuple[Cue, Source, Span, bool, int, int]]:
    """Each noun cue right after a possessor, with its source, content, directness, sentence and
    paragraph; none inside a quotation or inside what an attribution already `found` holds."""
    toks = doc.tokens
    lows, words, starts = toks.lows, toks.words, toks.starts
    nouns = classifier.lex.nouns
    out = []
    taken: list[Span] | None = None
    n = toks.n
    for i in compress(range(n), map(nouns.__contains__, lows)):
        # Cheap tests first: "that", "is that" or a colon after, a possessive before.
        after = lows[i + 1] if i + 1 < n else ""
        if not (after in _AFTER or after in _COPULA and i + 2 < n and lows[i + 2] == "that"):
            continue
        before = lows[i - 1] if i > 0 else ""
        if not (before in _POSSESSIVE or before.endswith(("'s", "’s")) or before in ("'", "’")):
            continue
        if words[i][0].isupper():
            continue
        pos = starts[i]
        if taken is None:
            taken = [s for a in found for s in (a.content, a.source, a.cue) if s is not None]
        if doc.quote_around(pos) is not None or any(s.start <= pos < s.end for s in taken):
            continue
        sent = doc.sentence_of(pos)
        _, s_hi, para = doc.sents[sent]
        lemma, stance = nouns[lows[i]]
        found = _content(doc, i + 1, s_hi, lemma in classifier.lex.quote_nouns)
        if found is None:
            continue
        source = classifier.possessor(i - 1)
        if source is None or not doc.text[doc.sentence_start(pos) : source.span.start].strip():
            # "Trump's claim that Mexico will pay was mocked": a subject's clause runs on into
            # the sentence's own verb; only an object's runs to the end of the clause.
            continue
        content, direct = found
        cue = Cue(pos, pos + len(words[i]), i, i + 1, lemma, stance, "noun", "noun")
        out.append((cue, source, content, direct, sent, para))
    return out


def _content(doc: ArticleText, j: int, s_hi: int, speech: bool) -> tuple[Span, bool] | None:
    """What follows a noun cue at token j: "that ..." or "is that ..." to the end of its clause,
    or, after a noun of speech, a colon and a quotation."""
    toks = doc.tokens
    lows, words, starts = toks.lows, toks.words, toks.starts
    n = toks.n
    if j + 1 < n and lows[j] in _COPULA and lows[j + 1] == "that":
        j += 1
    if j >= n or starts[j] >= s_hi:
        return None
    if words[j] == ":":
        q = doc.quote_starting_at(starts[j], s_hi) if speech else None
        return (q, True) if q is not None else None
    if lows[j] != "that":
        return None
    k = j + 1
    while k < n and starts[k] < s_hi and words[k] not in _CLAUSE_END and k - j < 40:
        k += 1
    content = trim(doc.text, starts[j] + 4, starts[k] if k < n and starts[k] < s_hi else s_hi)
    if content is None:
        return None
    q = doc.quote_starting_at(content.start, s_hi)
    return content, bool(q and q.end >= content.end - 1)
