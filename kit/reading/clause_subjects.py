"""The subject of the clause a cue continues (", saying ...", ", and added ..."), when no noun
phrase stands right before the cue: the noun phrase the sentence opens with, after introductory
phrases ("At a rally in Ames on Sunday, Mrs. Clinton ..."), but never a dateline ("PARIS, Aug 31
(Reuters) -"), an introductory word ("Hours later, ...", "Throughout the 2000s, ...") or the
participle's own phrase ("..., telling MSNBC ..."). Used by `kit.reading.attribution.Attributor`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.reading.cues import Cue
from kit.reading.lexicon import package_words
from kit.reading.loose_sources import pronoun_subject
from kit.reading.quotes import QUOTE_MARKS
from kit.reading.source_words import (
    BOUNDARY_WORDS,
    TIME_WORDS,
    language_file,
)
from kit.reading.source_words import (
    INVERTING_CUES as INVERTING,
)

_SKIP = TIME_WORDS | BOUNDARY_WORDS
_DASHES = frozenset("- – — --".split())
_NOT_FOR_PRONOUN = frozenset(package_words(language_file("subject_words.yaml"))["not_for_pronoun"])

if TYPE_CHECKING:
    from kit.reading.attribution import Attributor


def clause_subject(att: Attributor, sent: int, cue: Cue) -> tuple[int, int] | None:
    """The subject of the sentence whose clause the cue continues, before the cue."""
    lo, _, _ = att.doc.sents[sent]
    toks = att.tokens
    words, lows, starts, n = toks.words, toks.lows, toks.starts, toks.n
    pronouns = att.lex.words["pronouns"]
    i = att.doc.tok_at(lo)
    for _ in range(4):
        k = i
        while k < cue.ti and (
            (words[k][0].isalnum() and lows[k] != "the" and (lows[k] in _SKIP))
            or (not words[k][0].isalnum() and words[k] not in QUOTE_MARKS)
        ):
            k += 1
        if k >= cue.ti - 1:
            return None
        if lows[k] in pronouns or lows[k][:-2] in pronouns and lows[k][-2:] in ("'s", "’s"):
            if cue.lemma in _NOT_FOR_PRONOUN or cue.kind != "ing" and cue.lemma not in INVERTING:
                return None  # "He shrugged, citing the quote"; "She was tested and questioned"
            return starts[k], starts[k] + len(lows[k].removesuffix("'s").removesuffix("’s"))
        e = att.phrases.np_end(k, starts[cue.ti])
        if e > k and e < n and words[e - 1] == ")" and words[e] in _DASHES:
            i = e + 1  # "Washington (AFP) - Democrat Hillary Clinton ...": a dateline
            continue
        if e > k and e < n and _subject_here(att, k, e, cue):
            return starts[k], starts[e - 1] + len(words[e - 1])
        while k < cue.ti and words[k] != ",":
            k += 1  # an introductory phrase: the subject may follow its comma
        i = k + 1
    return pronoun_subject(att, sent, cue)


def _subject_here(att: Attributor, k: int, e: int, cue: Cue) -> bool:
    """Is the noun phrase toks[k:e] the sentence's subject? Not a dateline ("PARIS, Aug 31
    (Reuters) -") nor one capitalised word the lists cannot type ("Hours later", "Throughout
    the 2000s", "Perhaps not")."""
    toks = att.tokens
    words = toks.words
    hi = toks.starts[e - 1] + len(words[e - 1])
    source = att.classifier.classify(toks.starts[k], hi, True)
    if source is None:
        return False
    if e - k > 1:
        return True
    if words[k].isupper() and len(words[k]) > 1 and words[e] in ",-—–(":
        return False
    return source.type != "unknown" or att.people.person_in(toks.starts[k], hi) is not None
