"""Reporting cues ("said", "according to", "cast doubt on"): where they are, and what the words
around one say about it (a hypothetical, a passive, where its content starts)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress

from kit.reading.lexicon import package_yaml
from kit.reading.noun_phrases import NounPhrases
from kit.reading.quotes import QUOTE_MARKS
from kit.reading.source_words import (
    ADVERBIAL_NOUNS,
    AUX,
    BOUNDARY_WORDS,
    DETS,
    MODALS,
    OBJECT_PREPS,
    PREPS,
    TIME_NOT_PREP,
    TIME_OR_AUX,
    TIME_WORDS,
    SourceLexicon,
    language_file,
)
from kit.reading.tokens import Token, Tokens


@dataclass
class Cue:
    """A reporting verb or phrase: where it is, its lemma, stance, frame and form."""

    start: int
    end: int
    ti: int  # first token
    tj: int  # token after the cue
    lemma: str
    stance: str
    frame: str
    kind: str


def find_cues(tokens: Tokens, lex: SourceLexicon) -> list[Cue]:
    """Reporting verbs and phrases, in text order (a phrase wins over its first word)."""
    # From the token lists: a cue word is a word, so it is capitalised when upper case.
    tstarts, twords, lows = tokens.starts, tokens.words, tokens.lows
    out: list[Cue] = []
    next_free = 0
    for i in _cue_word_tokens(tokens, lex):
        if i < next_free:
            continue  # inside a phrase already taken
        low = lows[i]
        start = tstarts[i]
        phrases = lex.phrases.get(low)
        form = lex.forms.get(low)
        found = False
        for words, stance in phrases or ():
            k = len(words)
            if tuple(lows[i : i + k]) == words:
                if _no_topic(lows, words, i + k):
                    found = True  # "such as RIAA talks about in the notice": no topic after it
                    break
                lemma = " ".join(words)
                f = lex.forms.get(words[0])
                kind = f.kind if f else _suffix_kind(words[0])
                frame = "according" if lemma == "according to" else "clause"
                end = tstarts[i + k - 1] + len(twords[i + k - 1])
                out.append(Cue(start, end, i, i + k, lemma, stance, frame, kind))
                next_free = i + k
                found = True
                break
        if not found and form is not None and (not twords[i][0].isupper() or i == 0):
            end = start + len(twords[i])
            cue = Cue(start, end, i, i + 1, form.lemma, form.stance, form.frame, form.kind)
            if form.frame == "belief":
                cue = _belief(tokens, cue)
                if cue is None:
                    continue
            if cue.kind == "ing" and i + 1 < tokens.n and _opens_content(lows[i + 1]):
                cue = _progressive(tokens, cue)  # "is saying that", "are planning to"
            out.append(_with_lead(tokens, cue, out))
    return out


# What cannot open the topic after a phrase that ends in a preposition ("talks about ...").
_NO_TOPIC = frozenset(".,;!?)")


def _no_topic(lows: list[str], words: tuple[str, ...], j: int) -> bool:
    """Does a phrase that ends in a preposition ("talks about", "pointed to") have nothing after
    it to be its topic: another preposition or the clause's end ("RIAA talks about in the
    notice", "the plan he pointed to.")?"""
    if words[-1] not in OBJECT_PREPS:
        return False
    return j >= len(lows) or lows[j] in OBJECT_PREPS or lows[j] in _NO_TOPIC


_BE = frozenset(("is", "are", "was", "were", "am", "been", "be"))
# A pronoun and "is", "are" or "am", one token: "he's", "they’re" (not a possessive, "Trump's").
_BE_CONTRACTED = re.compile(r"(?:he|she|it|who|that|there|they|we|you|i)['’](?:s|re|m)$")
_PASSIVE_BE = re.compile(r"(?:(?:it|that|there)['’]s|(?:they|we|you)['’]re|i['’]m)$")


def _opens_content(low: str) -> bool:
    """What may follow a verb in -ing that is a finite verb ("is saying that", "are planning
    to", "is predicting he will win"): not an object or an adverb ("is planning a trip", "is
    thinking about it", "is declining rapidly"), after which it is more often something else."""
    if low in _lead_words()[1] or low == "to":
        return True
    return not (low in DETS or low in PREPS or low == "about" or low.endswith("ly"))


def _progressive(tokens: Tokens, cue: Cue) -> Cue:
    """ "is saying", "He's claiming", "were also arguing": a finite verb, not a participle."""
    lows = tokens.lows
    k = cue.ti - 1
    while k >= 0 and k >= cue.ti - 3 and lows[k] in AUX and lows[k] not in _BE:
        k -= 1  # "is also saying", "isn't"
    if k >= 0 and (lows[k] in _BE or _BE_CONTRACTED.match(lows[k])):
        return replace(cue, kind="prog")
    return cue


@lru_cache(maxsize=1)
def _lead_words() -> tuple[dict[str, tuple[tuple[str, ...], ...]], frozenset[str]]:
    """The words that open a cue before its verb or adjective, by kind (reporting_cues.yaml
    `leads`), and the words that open a belief's content (`belief_openers`)."""
    data = package_yaml(language_file("reporting_cues.yaml"))
    leads = {
        kind: tuple(sorted((tuple(p.lower().split()) for p in items), key=len, reverse=True))
        for kind, items in (data.get("leads") or {}).items()
    }
    return leads, frozenset(data.get("belief_openers") or ())


def _belief(tokens: Tokens, cue: Cue) -> Cue | None:
    """A belief, knowledge or attitude ("knows", "is confident") counts only when "that" or a
    question word follows, after time words ("knew long ago that"); it is then read as a view."""
    lows, words = tokens.lows, tokens.words
    k = cue.tj
    while k < tokens.n and k - cue.tj < 4 and lows[k] in TIME_OR_AUX and words[k][0].isalnum():
        k += 1
    if k < tokens.n and lows[k] in _lead_words()[1]:
        return replace(cue, frame="view")
    return None


def _with_lead(tokens: Tokens, cue: Cue, out: list[Cue]) -> Cue:
    """ "continued to argue", "went on to explain", "remain confident": the lead opens the cue,
    so the source is found before it (a lead that is a cue itself, "continued", gives way)."""
    leads, openers = _lead_words()
    kind = "before_adjective" if cue.frame == "view" and cue.kind == "base" else "before_verb"
    lows = tokens.lows
    i = cue.ti - 1
    opened = cue.tj < tokens.n and lows[cue.tj] in openers
    if opened and i >= 0 and lows[i].endswith(("n't", "n’t")):
        # "didn't argue that", "doesn't know how" (not "didn't want to": too seldom a report).
        return replace(cue, start=tokens.starts[i], ti=i)
    if i < 0 or lows[i] not in _lead_ends().get(kind, ()):
        return cue  # most cues: no lead ends right before them
    for words in leads.get(kind, ()):
        i = cue.ti - len(words)
        if i >= 0 and tuple(lows[i : cue.ti]) == words:
            if out and out[-1].ti >= i:
                out.pop()
            return replace(cue, start=tokens.starts[i], ti=i)
    return cue


@lru_cache(maxsize=1)
def _lead_ends() -> dict[str, frozenset[str]]:
    """The last word of each lead, by kind: a lead can open a cue only when the word right
    before the cue is one of them (checked before the leads are tried one by one)."""
    return {kind: frozenset(w[-1] for w in items) for kind, items in _lead_words()[0].items()}


def _cue_word_tokens(tokens: Tokens, lex: SourceLexicon) -> list[int]:
    """Indices of the tokens that can start a cue: a whole token that is a first word."""
    first = lex.first_words
    lows = tokens.lows
    return list(compress(range(len(lows)), map(first.__contains__, lows)))


def _suffix_kind(word: str) -> str:
    """The form of a phrase's first word that the verb list does not know, from its ending."""
    if word.endswith("ing"):
        return "ing"
    if word.endswith("ed"):
        return "past"
    return "base"


def is_hypothetical(toks: Tokens, cue: Cue) -> bool:
    """ "would demand", "could reveal": not an act of reporting ("would not confirm" is)."""
    k = cue.ti - 1
    steps = 0
    negated = False
    while k >= 0 and steps < 3 and toks[k].word:
        low = toks[k].low
        if low in ("not", "n't", "never"):
            negated = True
        elif low in MODALS:
            return not negated
        elif low not in AUX:
            return False
        k -= 1
        steps += 1
    return False


def is_negated(toks: Tokens, cue: Cue) -> bool:
    """ "did not respond", "has not yet responded", "never responded": a refusal."""
    k = cue.ti - 1
    steps = 0
    while k >= 0 and steps < 4 and toks[k].word:
        low = toks[k].low
        if low in ("not", "n't", "never") or low.endswith("n't"):
            return True
        if low not in AUX and low != "yet":
            return False
        k -= 1
        steps += 1
    return False


def is_passive(toks: Tokens, cue: Cue, before: Token | None) -> bool:
    """ "was told", "as reported", "were announced": the source follows, after "by"."""
    if cue.kind not in ("past", "pp") or before is None:
        return False
    if before.low == "as":
        return True
    k = cue.ti - 1
    steps = 0
    while k >= 0 and steps < 4 and toks[k].word:
        low = toks[k].low
        if low in ("was", "were", "is", "are", "been", "be", "being") or _PASSIVE_BE.match(low):
            return True  # "it's written", "they're called" (not "he's said": he has said)
        if low not in AUX and low not in TIME_WORDS:
            return False
        k -= 1
        steps += 1
    return False


# After a cue and its comma, words that still open its content (or an aside before it).
_OPEN_AFTER_COMMA = frozenset(("that", "if", "unless", "though", "however"))


def content_start(phrases: NounPhrases, cue: Cue, i: int, s_hi: int) -> int:
    """Position where the content starts: after a listener, time words and "in a statement"."""
    # From the token lists (see np_end): a word starts with a letter or digit.
    toks = phrases.tokens
    words, lows, starts = toks.words, toks.lows, toks.starts
    forms = phrases.lex.forms
    text = phrases.text
    n = toks.n
    if cue.frame == "object" and cue.lemma != "accuse" and i < n:
        if lows[i] in ("him", "her", "them", "us", "me"):
            i += 1
        else:
            e = phrases.np_end(i, s_hi)
            if e > i:
                c = words[e - 1][0]
                if lows[e - 1] in phrases.lex.audiences or (c.isupper() and c.isalnum()):
                    i = e
    for _ in range(5):
        if i >= n or starts[i] >= s_hi:
            break
        w, low = words[i], lows[i]
        if w == "," and i + 1 < n:
            nxt = lows[i + 1]
            if i == cue.tj and nxt in _OPEN_AFTER_COMMA:
                # "He added, that ...", "She said, if elected, she would ...", "He added,
                # though, that ...": the content follows the comma all the same.
                k = i + 3 if i + 2 < n and words[i + 2] == "," else i + 1
                if nxt in ("though", "however") and k == i + 1:
                    break
                i = k
                continue
            if (
                nxt in forms
                or nxt in BOUNDARY_WORDS
                or nxt == "according"
                or words[i + 1] in QUOTE_MARKS
            ):
                break
            # ", by way of example," or ", in a statement,": an aside, then the content.
            k = i + 1
            while k < n and k - i < 9 and words[k] != "," and starts[k] < s_hi:
                if lows[k] in forms:
                    break
                k += 1
            if k < n and words[k] == "," and k - i < 9:
                i = k + 1
            else:
                i += 2
            continue
        # A dash-delimited aside: "said — as reported by Hurriyet Daily News — "...""
        if w in "—–":
            k = i + 1
            while k < n and starts[k] < s_hi and words[k] not in "—–":
                k += 1
            if k < n and starts[k] < s_hi and k - i < 20:
                i = k + 1
                continue
            break
        if not w[0].isalnum():
            break
        if low in TIME_NOT_PREP or low in AUX:
            i += 1
            continue
        if low in ("on", "in", "at", "during", "via", "through", "to", "with"):
            if (
                low == "to"
                and i + 1 < n
                and lows[i + 1] in ADVERBIAL_NOUNS
                and words[i + 1].islower()
            ):
                break  # "plans to visit Ohio", "wants to address the nation": an infinitive
            j = i + 1
            while j < n and starts[j] < s_hi and words[j][0].isalnum() and j - i < 8:
                lj = lows[j]
                cap = words[j][0].isupper()
                if lj in TIME_WORDS or lj in ADVERBIAL_NOUNS or cap:
                    j += 1
                    if lj in ADVERBIAL_NOUNS or cap:
                        break
                    continue
                if lj in DETS:
                    j += 1
                    continue
                break
            last = lows[j - 1]
            c = words[j - 1][0]
            if j > i + 1 and (
                last in ADVERBIAL_NOUNS or last in TIME_WORDS or (c.isupper() and c.isalnum())
            ):
                # Jump to "that" if one follows in the sentence; else after the phrase.
                k = j
                while k < n and starts[k] < s_hi and k - j < 25:
                    if lows[k] == "that" or words[k] in ':"“':
                        break
                    if words[k] == "," and k + 1 < n and words[k + 1] in '"“':
                        break
                    k += 1
                if k < n and starts[k] < s_hi and k - j < 25:
                    i = k + 1 if lows[k] == "that" else k
                else:
                    i = j
                continue
        break
    return starts[i] if i < n else len(text)


def right_after(phrases: NounPhrases, cue: Cue, s_hi: int) -> bool:
    """Does the content start right after the cue, with no clause between ("responded: “...”",
    "responded that"; not "responded to her letter, calling for “...”")?"""
    pos = content_start(phrases, cue, cue.tj, s_hi)
    return "," not in phrases.text[cue.end : pos].rstrip(" ,:")
