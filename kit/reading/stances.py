"""Stances: when a verb of view ("supported", "dismissed", "sees ... as") is a source's stance
towards something, which needs an object after the verb ("supported Clinton"; not "support
among voters", "backed away"), and, for some verbs, its complement after that object ("sees
Trump as a threat", "compared the plan to a tax"; not "sees the sea", "compared with 2012")."""

from __future__ import annotations

from functools import lru_cache

from kit.articles.segment import Span
from kit.reading.cues import Cue, is_passive
from kit.reading.lexicon import package_yaml
from kit.reading.noun_phrases import NounPhrases
from kit.reading.source_words import AUX, language_file
from kit.reading.tokens import Tokens, trim

# How far after the verb its complement may stand: "compared the senator's plan to a tax".
_REACH = 12
# The words after a verb that may name its object ("dismissed a Trump lawsuit"); the two before
# it may name its subject ("gunmen attacked").
_OBJECT = 5
# Words between a passive's subject and its verb besides auxiliaries: "has not yet been endorsed".
_ADVERBS = frozenset(("not", "n't", "never", "also", "already", "yet", "since", "widely", "long"))
# Punctuation that ends the clause the complement must be in.
_CLAUSE_END = frozenset(".;:!?,()—–")


@lru_cache(maxsize=1)
def _stance_words() -> tuple[frozenset[str], dict[str, str], dict[str, frozenset[str]]]:
    """The words no object starts with, the verbs that need a complement ("as", "to") and the
    words around a verb that make it an act ("a judge dismissed the lawsuit")."""
    cues = package_yaml(language_file("reporting_cues.yaml"))
    block = cues.get("view_objects") or {}
    not_object = frozenset(str(w).lower() for w in block.get("not_object") or ())
    needs = {
        str(lemma): particle
        for particle, lemmas in (block.get("complements") or {}).items()
        for lemma in lemmas or ()
    }
    acts = {str(v): frozenset(map(str, ws or ())) for v, ws in (block.get("acts") or {}).items()}
    return not_object, needs, acts


def view_fits(toks: Tokens, cue: Cue, s_hi: int) -> bool:
    """Is this cue of frame `view` a stance towards something here? An object follows it (a
    passive, "was endorsed by", is read as a passive report), and the complement its verb needs
    ("as", "to") follows the object in the same clause."""
    if cue.frame != "view":
        return True
    not_object, needs, acts = _stance_words()
    j = cue.tj
    act_words = acts.get(cue.lemma)
    if act_words and any(w in act_words for w in toks.lows[max(0, cue.ti - 2) : j + _OBJECT]):
        return False  # "a judge dismissed the lawsuit", "gunmen attacked": an act
    before = toks[cue.ti - 1] if cue.ti > 0 else None
    if is_passive(toks, cue, before):
        return True
    if j >= toks.n or toks.starts[j] >= s_hi:
        return False
    if toks.lows[j] in not_object:
        return False  # "support among voters", "backed away": no object
    particle = needs.get(cue.lemma)
    if particle is None:
        return True
    for k in range(j + 1, min(toks.n, j + _REACH)):
        if toks.starts[k] >= s_hi or toks.words[k] in _CLAUSE_END:
            return False
        if toks.lows[k] == particle:
            return True
    return False


def passive_subject(phrases: NounPhrases, cue: Cue, s_lo: int) -> Span | None:
    """ "Mr. Park has been endorsed by the union": the content of a passive view with nothing
    after its source is what the view is about, the clause's subject ("Mr. Park")."""
    if cue.frame != "view":
        return None
    toks = phrases.tokens
    k = cue.ti - 1
    while k >= 0 and toks.starts[k] >= s_lo and (toks.lows[k] in AUX or toks.lows[k] in _ADVERBS):
        k -= 1
    if k < 0 or k == cue.ti - 1 or toks.starts[k] < s_lo:
        return None
    end = toks.starts[k + 1]
    lo, _ = phrases.boundary(s_lo, end)
    return trim(phrases.text, lo, end)
