"""Noun cues: a report, view or intention named by a noun after its possessor, who is the source,
with what was said after "that" ("Trump's claim that Mexico will pay", "his warning that ...",
"her answer was that ...") or a colon and a quotation ("His words: “...”")."""

from __future__ import annotations

from itertools import compress

from kit.articles.segment import Span
from kit.reading.cues import Cue
from kit.reading.source_history import Source
from kit.reading.source_types import Classifier
from kit.reading.tokens import ArticleText, trim

# Where the content of a noun cue ends: the end of its clause.
_CLAUSE_END = frozenset(",;:()—–")
_COPULA = frozenset(("is", "was", "are", "were"))


def noun_cues(
    doc: ArticleText, classifier: Classifier, taken: list[Span]
) -> list[tuple[Cue, Source, Span, bool, int, int]]:
    """Each noun cue right after a possessor, with its source, content, directness, sentence and
    paragraph; none inside a quotation or inside what an attribution already holds (`taken`)."""
    toks = doc.tokens
    lows, words, starts = toks.lows, toks.words, toks.starts
    nouns = classifier.lex.nouns
    out = []
    for i in compress(range(toks.n), map(nouns.__contains__, lows)):
        if i == 0 or words[i][0].isupper():
            continue
        entry = nouns[lows[i]]
        pos = starts[i]
        if doc.quote_around(pos) is not None or any(s.start <= pos < s.end for s in taken):
            continue
        sent = doc.sentence_of(pos)
        _, s_hi, para = doc.sents[sent]
        found = _content(doc, i + 1, s_hi)
        if found is None:
            continue
        source = classifier.possessor(i - 1)
        if source is None or not doc.text[doc.sentence_start(pos) : source.span.start].strip():
            # "Trump's claim that Mexico will pay was mocked": a subject's clause runs on into
            # the sentence's own verb; only an object's runs to the end of the clause.
            continue
        content, direct = found
        lemma, stance = entry
        cue = Cue(pos, pos + len(words[i]), i, i + 1, lemma, stance, "noun", "noun")
        out.append((cue, source, content, direct, sent, para))
    return out


def _content(doc: ArticleText, j: int, s_hi: int) -> tuple[Span, bool] | None:
    """What follows a noun cue at token j: "that ..." or "is that ..." to the end of its clause,
    or a colon and a quotation."""
    toks = doc.tokens
    lows, words, starts = toks.lows, toks.words, toks.starts
    n = toks.n
    if j + 1 < n and lows[j] in _COPULA and lows[j + 1] == "that":
        j += 1
    if j >= n or starts[j] >= s_hi:
        return None
    if words[j] == ":":
        q = doc.quote_starting_at(starts[j], s_hi)
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
