"""Reporting cues ("said", "according to", "cast doubt on"): where they are, and what the words
around one say about it (a hypothetical, a passive, where its content starts)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress

from kit.reading.noun_phrases import NounPhrases
from kit.reading.quotes import QUOTE_MARKS
from kit.reading.source_words import (
    ADVERBIAL_NOUNS,
    AUX,
    BOUNDARY_WORDS,
    DETS,
    MODALS,
    TIME_NOT_PREP,
    TIME_WORDS,
    SourceLexicon,
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
            out.append(Cue(start, end, i, i + 1, form.lemma, form.stance, form.frame, form.kind))
    return out


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
        if low in ("was", "were", "is", "are", "been", "be", "being"):
            return True
        if low not in AUX and low not in TIME_WORDS:
            return False
        k -= 1
        steps += 1
    return False


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
