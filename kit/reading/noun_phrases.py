"""Noun phrases around a reporting cue: where one ends (`np_end`), the one that ends at a
position (`np_backwards`), the clause boundary before a cue and the subject of the cue."""

from __future__ import annotations

import re
from bisect import bisect_right

from kit.reading.lexicon import package_words
from kit.reading.people import People
from kit.reading.quotes import QUOTE_MARKS
from kit.reading.source_words import (
    AUX,
    BOUNDARY_OR_TIME,
    BOUNDARY_WORDS,
    COMPANY_ENDS,
    DETS,
    FUNCTION_CAPS,
    MODALS,
    PP_BY,
    PREPS,
    PUBLISHED_PP,
    RELATIVE,
    SUBJECT_LEADS,
    TIME_WORDS,
    SourceLexicon,
    language_file,
)
from kit.reading.tokens import GROUPS, ArticleText, Tokens, rstrip_at, strip_possessive

_SUBJECT_WORDS = package_words(language_file("subject_words.yaml"))
_LY_NOT_ADVERBS = frozenset(_SUBJECT_WORDS["ly_not_adverbs"])
QUANTIFIERS = frozenset(_SUBJECT_WORDS["quantifier_subjects"])
SINGULAR_QUANTIFIERS = frozenset(_SUBJECT_WORDS["singular_quantifiers"])
THOSE_NEXT = frozenset(_SUBJECT_WORDS["those_next"])
_BE = frozenset("is are was were be been being am".split())
_BE_ENDS = ("'m", "’m", "'re", "’re")
_NAMING = frozenset("called named known dubbed".split())

_ANON_TAIL = re.compile(
    r"\s+(?:with (?:direct )?knowledge of|familiar with|close to|briefed on|involved in|aware of|"
    r"knowledgeable about|with (?:direct )?access to)\s+(?:the |a |an |his |her |its |their )?"
    r"[\w-]+(?: of(?: the)? [\w-]+)?"
)
_ASIDE_OPENING = re.compile(r"\s*(?:who|whom|which|whose|aged|a|an|the|\d)")
_ONE_WORD = re.compile(r"\s*[\w-]+\s*")
# A pronoun and a contracted auxiliary, one token: "he's", "they’ve", "we're".
_CONTRACTED = re.compile(r"(he|she|it|they|we|i|you|who)['’](?:s|re|ve|d|m)")
# A capitalised adjective ("Republican", "Democratic", "British", "Chinese") before a noun.
_ADJECTIVE_ENDS = ("an", "ic", "ish", "ese")
# Words that are not descriptions before a name ("problem like Valeria", "by the government").
_NOT_DESCRIPTIVE = frozenset("like as than by via from with to of for and or but".split())
# Words that are never inside a subject the lists do not know: objects, "there", "not".
_NOT_IN_SUBJECT = frozenset(
    "him them me us it you i we he she they there not no nobody how what why where".split()
)
_OF_GROUP = frozenset("them those these us".split())
_REFLEXIVE = frozenset("himself herself themselves itself".split())
# Words that end a source after its cue: "said Jo Park on Monday", "said an aide to the mayor".
_AFTER_SOURCE = frozenset("on in at during following after to about via outside inside".split())


class NounPhrases:
    """Noun phrases and clause boundaries in one article's tokens."""

    def __init__(self, doc: ArticleText, lex: SourceLexicon, people: People) -> None:
        self.doc = doc
        self.text = doc.text
        self.tokens = doc.tokens
        self.lex = lex
        self.people = people

    def np_end(self, i: int, hi: int) -> int:
        """Token index just after the noun phrase that starts at token i (i when there is none)."""
        # Called for nearly every cue, often several times: it reads the token lists (words,
        # lower case, starts). A word starts with a letter or digit; `cap`: that is upper case.
        toks = self.tokens
        words, lows, tstarts = toks.words, toks.lows, toks.starts
        lex = self.lex
        w = lex.words
        n = toks.n
        last = i
        head = False
        unknown = 0
        j = i
        while j < n and tstarts[j] < hi:
            text_j = words[j]
            low = lows[j]
            c = text_j[0]
            # The token before is a capitalised word (never at the start of the phrase).
            prev_cap = j > i and words[j - 1][0].isupper() and words[j - 1][0].isalnum()
            if c.isalnum():
                cap = c.isupper()
                name_like = cap or (low.startswith(("al-", "el-")) and prev_cap)
                if name_like and (low not in FUNCTION_CAPS or prev_cap):
                    head = not low.endswith(("'s", "’s"))
                    j += 1
                    if head:
                        last = j
                    continue
                if low.isdigit() and prev_cap:
                    j += 1  # "Number 10", "Apollo 11"
                    last = j if head else last
                    continue
                if low in DETS or low.isdigit():
                    if head:
                        break
                    # "one of the users", "some of the officials"
                    if j + 1 < n and lows[j + 1] == "of":
                        j += 2
                        continue
                    j += 1
                    continue
                core = strip_possessive(low)
                if core in lex.heads or core in lex.audiences:
                    if low != core:
                        head = False
                        j += 1
                        continue
                    head = True
                    j += 1
                    last = j
                    continue
                if core in lex.modifiers and (not head or prev_cap):
                    head = False
                    j += 1
                    continue
                if head and low in PUBLISHED_PP and j + 1 < n and lows[j + 1] in PP_BY:
                    # "RIAA's notice published by GitHub", "a survey released in 2017 by ..."
                    k = j + 1
                    while k < n and k - j < 6 and lows[k] != "by" and tstarts[k] < hi:
                        k += 1
                    if k < n and lows[k] == "by":
                        end = self.np_end(k + 1, hi)
                        if end > k + 1:
                            j = last = end
                            continue
                    break
                by_doc = low == "by" and strip_possessive(lows[j - 1]) in w["documents"]
                if (low in PREPS or by_doc) and head and j + 1 < n:
                    k = j + 1
                    if lows[k] in ("the", "a", "an") and k + 1 < n:
                        k += 1
                    ck = words[k][0]
                    if (ck.isupper() and ck.isalnum()) or lows[k] in lex.heads:
                        end = self.np_end(k, hi)
                        if end > k:
                            j = last = end
                            continue
                    break
                if head and strip_possessive(lows[j - 1]) in w["anonymous"]:
                    m = _ANON_TAIL.match(self.text, tstarts[j - 1] + len(words[j - 1]))
                    if m is not None and m.end() <= hi:
                        j = last = self.doc.tok_at(m.end())
                        continue
                if low in ("close", "familiar") and head and j + 1 < n:
                    j += 2
                    end = self.np_end(j, hi)
                    if end > j:
                        j = last = end
                        continue
                    break
                if low == "and" and head and j + 1 < n:
                    end = self.np_end(j + 1, hi)
                    if end > j + 1:
                        j = last = end
                        continue
                    break
                if (
                    head
                    and prev_cap
                    and unknown < 2
                    and low not in BOUNDARY_WORDS
                    and lows[j - 1].endswith(_ADJECTIVE_ENDS)
                ):
                    # A capitalised adjective before a noun: "Republican strategist Ryan
                    # Williams", "American law enforcement officials".
                    k = j
                    while k < n and k - j < 2 and lows[k] not in lex.heads:
                        if not words[k][0].isalpha() or lows[k] in BOUNDARY_WORDS:
                            break
                        if lows[k] in PREPS or lows[k] in DETS or words[k][0].isupper():
                            break
                        if lows[k].endswith(("ly", "ed")):
                            break
                        k += 1
                    if k < n and tstarts[k] < hi and lows[k] in lex.heads and words[k][0].islower():
                        unknown += k - j
                        head = False
                        j = k
                        continue
                if not head and unknown < 2 and not cap and low not in BOUNDARY_WORDS:
                    # An adjective the lists do not know: "his surviving father", "selection
                    # committee member"; at the start only right before a noun the lists know.
                    if j > i:
                        unknown += 1
                        j += 1
                        continue
                    if j + 1 < n and low not in PREPS:
                        cn = words[j + 1][0]
                        if cn.isalnum() and (
                            cn.isupper() or strip_possessive(lows[j + 1]) in lex.heads
                        ):
                            unknown += 1
                            j += 1
                            continue
                        # "retired neurosurgeon Ben Carson": two descriptive words, then a name.
                        if (
                            j + 2 < n
                            and cn.isalpha()
                            and cn.islower()
                            and lows[j + 1] not in BOUNDARY_WORDS
                            and lows[j + 1] not in PREPS
                            and lows[j + 1] not in AUX
                            and lows[j + 1] not in DETS
                            and lows[j + 1] not in _NOT_DESCRIPTIVE
                            and low not in _NOT_DESCRIPTIVE
                            and not low.endswith("ing")
                            and words[j + 2][0].isupper()
                            and words[j + 2][0].isalpha()
                            and lows[j + 2] not in FUNCTION_CAPS
                        ):
                            unknown += 1
                            j += 1
                            continue
                break
            if text_j == "(" and head and j + 2 < n and words[j + 2] == ")":
                j += 3
                last = j
                continue
            if text_j == "." and prev_cap and len(words[j - 1]) <= 3:
                j += 1
                continue
            if text_j in "–-" and prev_cap and j + 1 < n:
                cn = words[j + 1][0]
                if cn.isupper() and cn.isalnum():
                    j += 1
                    continue
            break
        return last

    # np_backwards, strip_back and boundary run for nearly every cue and step over many
    # tokens: they read the token lists (words, lower case, starts) rather than `Token`s.
    # A word token starts with a letter or digit; it is capitalised when that is upper case.

    def np_backwards(self, lo: int, end_pos: int) -> tuple[int, int] | None:
        """The longest noun phrase in text[lo:end_pos] that ends exactly at end_pos."""
        toks = self.tokens
        words, lows, starts = toks.words, toks.lows, toks.starts
        pronouns, not_names = self.lex.words["pronouns"], self.lex.words["not_names"]
        j = bisect_right(starts, end_pos - 1)  # tok_at(end_pos)
        i = max(bisect_right(starts, lo - 1), j - 24)  # a subject is rarely longer than that
        for k in range(i, j):
            w, low, start = words[k], lows[k], starts[k]
            if k == j - 1 and low[: end_pos - start] in pronouns:
                if start + len(w) == end_pos or _CONTRACTED.fullmatch(low):  # "He's claiming"
                    return start, end_pos
            c = w[0]
            if not c.isalnum() or low in BOUNDARY_WORDS:
                continue
            cap = c.isupper()
            if not cap and low in TIME_WORDS and low != "the":
                continue
            if cap and low in not_names and low not in DETS:
                continue
            if k > i:
                c = words[k - 1][0]
                if c.isalnum() and not c.isupper():
                    prev = lows[k - 1]
                    if prev not in TIME_WORDS and prev not in BOUNDARY_WORDS and prev not in AUX:
                        if not (cap or prev in PREPS):
                            continue  # start an NP only after a clause word, not mid-phrase
            e = self.np_end(k, end_pos)
            if e > k and starts[e - 1] + len(words[e - 1]) == end_pos:
                return start, end_pos
        return None

    def strip_back(self, lo: int, pos: int) -> int:
        """Move `pos` back over auxiliaries, adverbs and time words ("has also", "bluntly")."""
        toks = self.tokens
        words, lows, starts = toks.words, toks.lows, toks.starts
        k = bisect_right(starts, pos - 1) - 1  # tok_at(pos) - 1
        if k > 0 and words[k] == "." and starts[k] >= lo and lows[k - 1] in COMPANY_ENDS:
            return starts[k - 1] + len(words[k - 1])  # "Acme Inc. said": the name ends at "Inc"
        verb = lows[min(k + 1, toks.n - 1)]  # the cue
        while k >= 0 and starts[k] >= lo and words[k][0].isalnum():
            low = lows[k]
            if low in AUX or (low in TIME_WORDS and low != "the"):
                k -= 1
            elif _steps_over(toks, k, lo, verb):
                k -= 1
            elif low in ("on", "in", "at") and k + 1 < toks.n:
                k -= 1
            else:
                break
        return _subject_end(toks, k, lo)

    def boundary(self, lo: int, pos: int) -> tuple[int, str]:
        """Start of the clause that ends at pos, and what marks it (',', 'and', 'start')."""
        toks = self.tokens
        words, lows, starts = toks.words, toks.lows, toks.starts
        k = bisect_right(starts, pos - 1) - 1  # tok_at(pos) - 1
        depth = 0
        while k >= 0 and starts[k] >= lo:
            w = words[k]
            if w == ")":
                depth += 1
            elif w == "(":
                depth -= 1
            elif depth == 0:
                if w in ",;:—–" or w in QUOTE_MARKS:
                    return starts[k] + len(w), w
                low = lows[k]
                if low in BOUNDARY_WORDS and w[0].isalnum() and not w[0].isupper():
                    return starts[k] + len(w), low
            k -= 1
        return lo, "start"

    def appositive(self, j: int, s_hi: int, hi: int) -> int:
        """Extend an inverted source over ", Name," ("said his father, Abdullah Kurdi,")."""
        toks = self.tokens
        if j + 1 < len(toks) and toks[j].text == "," and toks[j + 1].cap:
            e = self.np_end(j + 1, s_hi)
            if e > j + 1 and (e >= len(toks) or toks[e].text in ",.;" or toks[e].start >= s_hi):
                if self.people.person_in(toks[j + 1].start, toks[e - 1].end) is not None:
                    return toks[e - 1].end
        return hi

    def subject_before(self, lo: int, end: int) -> tuple[int, int] | None:
        """The noun phrase that is the subject of a cue, ending at `end`."""
        text = self.text
        if end <= lo:
            return None
        # "X who said" / "X, who said": the subject is X.
        k = self.doc.tok_at(end) - 1
        if k >= 0 and self.tokens[k].low in RELATIVE and self.tokens[k].start >= lo:
            end = rstrip_at(text, self.tokens[k].start)
            if text[end - 1 : end] == ",":
                end -= 1
            b, _ = self.boundary(lo, end)
            return self.np_backwards(b, end)
        # "X, Y, said": X and its appositive or relative clause Y.
        if text[rstrip_at(text, end) - 1 : rstrip_at(text, end)] == ",":
            inner_end = rstrip_at(text, end) - 1
            b, mark = self.boundary(lo, inner_end)
            if mark in RELATIVE:
                # "President Trump, who appointed Murphy ..., responded"
                k = self.doc.tok_at(b) - 1
                rel_at = rstrip_at(text, self.tokens[k].start, " ,")
                hb, _ = self.boundary(lo, rel_at)
                np = self.np_backwards(hb, rel_at)
                if np is None:
                    return None
                if text[rstrip_at(text, np[0]) - 1 : rstrip_at(text, np[0])] == ",":
                    # "Agnès Callamard, a UN rapporteur ... who had investigated the case,"
                    comma = rstrip_at(text, np[0]) - 1
                    hb2, _ = self.boundary(lo, comma)
                    np2 = self.np_backwards(hb2, comma)
                    if np2 is not None and self.people.person_in(np2[0], np2[1]) is not None:
                        return np2[0], inner_end
                return np[0], inner_end
            if mark != ",":
                # "One of them, who asked not to be named because ..., said": find the comma
                # that opens the aside, past the clause words inside it.
                c = text.rfind(",", lo, inner_end)
                if c > lo and _ASIDE_OPENING.match(text, c + 1):
                    b, mark = c + 1, ","
            for _ in range(3):
                if mark != ",":
                    break
                head_end = b - 1
                hb, mark = self.boundary(lo, head_end)
                np = self.np_backwards(hb, head_end)
                if np is not None:
                    return np[0], inner_end
                # "Doe, 54, who joined Acme in 2019,": step over a short aside.
                if not _ONE_WORD.fullmatch(text[hb:head_end]):
                    break
                b = hb
            return self.np_backwards(b, inner_end)
        b, mark = self.boundary(lo, end)
        np = self.np_backwards(b, end)
        if mark == "and":
            # "The CIA and other intelligence agencies": a coordinated subject.
            k = self.doc.tok_at(b) - 1
            b2, _ = self.boundary(lo, self.tokens[k].start)
            wider = self.np_backwards(b2, end)
            if wider is not None:
                k = self.doc.tok_at(wider[0]) - 1
                prev = self.tokens[k] if k >= 0 and self.tokens[k].start >= lo else None
                if prev is None or not prev.word or prev.low in BOUNDARY_OR_TIME:
                    return wider
        if np is None and mark in ("with", "that", "who") and b > lo:
            # "people with knowledge of the matter told": the boundary word is inside the NP.
            k = self.doc.tok_at(b) - 1
            b2, _ = self.boundary(lo, self.tokens[k].start)
            np = self.np_backwards(b2, end)
        return np

    def loose_subject(self, lo: int, end: int) -> tuple[int, int] | None:
        """A subject whose head the lists do not know, alone between its clause's start and the
        cue: "The actress", "A spokesman for the buyer", "Some delegates at the convention in
        Philadelphia", "law enforcement officials", "Twenty-four percent", "A news report
        published Wednesday". None when a word in it may be a verb, a clause word or an object."""
        toks = self.tokens
        words, lows, starts = toks.words, toks.lows, toks.starts
        b, _ = self.boundary(lo, end)
        k = bisect_right(starts, b - 1)
        j = bisect_right(starts, end - 1)
        while k < j and lows[k] in SUBJECT_LEADS:
            k += 1
        if k >= j or j - k > 10 or not words[k][0].isalnum():
            return None
        if GROUPS.match(self.text[starts[k] : end].lower()):
            return starts[k], end  # "About 4 in 10", "Nearly half"
        if _quantifier(lows, k, j):
            return starts[k], end  # "Some", "Many", "most of them", "another"
        if lows[j - 1] in _REFLEXIVE and j - k > 1:
            j -= 1  # "Cruz himself": the phrase before it, a name the lists' rules read
            end = starts[j - 1] + len(words[j - 1])
            if j - k == 1:
                return starts[k], end
        h = j - 1
        if words[h] == "." and h > k and words[h - 1][0].isupper() and len(words[h - 1]) <= 3:
            h -= 1  # "Joseph R. Biden Jr."
        head = lows[h]
        if not words[h][0].isalpha() or head.endswith(("'s", "’s", "ly")):
            return None
        if head in DETS or head in PREPS or (head in TIME_WORDS and not words[h][0].isupper()):
            return None
        first = words[k]
        if first[0].isupper():
            if lows[k] in FUNCTION_CAPS and lows[k] not in DETS:
                return None  # "It", "When", "There"
            if h == k:
                return None  # one capitalised word: a name, which the lists' rules read
        elif lows[k] in PREPS or lows[k].endswith("ing"):
            return None  # "to organize a party", "including a firm"
        elif not (
            lows[k] in DETS
            or first[0].isdigit()
            or (head.endswith("s") and not head.endswith("ss"))
            or strip_possessive(head) in self.lex.heads
        ):
            return None  # "law enforcement officials", "forecasters", but not "bill"
        for x in range(k, j):
            w, low = words[x], lows[x]
            c = w[0]
            if not c.isalnum():
                if w == "." and x > k and words[x - 1][0].isupper() and len(words[x - 1]) <= 3:
                    continue  # "Sen.", "Jr."
                return None
            if low in _NOT_IN_SUBJECT or low.endswith(("n't", "n’t")):
                return None
            if c.isupper():
                continue
            if low in BOUNDARY_WORDS or low in AUX or low in MODALS:
                return None
            if x > k and low in DETS and lows[x - 1] not in PREPS and lows[x - 1] not in DETS:
                return None  # "arrest a person": a verb and its object
            if low.endswith(("ed", "ing")) and x > k and lows[x - 1] not in DETS:
                # After a noun: a verb, or a participle that brings in a document's date ("A
                # court document filed Thursday says").
                if not (x == j - 1 and low in PUBLISHED_PP):
                    return None
        return starts[k], end

    def loose_after(self, i: int, hi: int, any_start: bool = False) -> int:
        """Token index after a source that follows its cue, whose words the lists need not know:
        "said Robert Antonacci of the New York delegation", "said the 46-year-old", "said
        Virginia delegate Beau Correll," (up to a comma, the sentence's end, a clause word or an
        adverbial); i when the words there do not open a noun phrase (unless `any_start`) or
        run into a verb."""
        toks = self.tokens
        words, lows, starts, n = toks.words, toks.lows, toks.starts, toks.n
        if i >= n or starts[i] >= hi or not words[i][0].isalnum():
            return i
        c = words[i][0]
        opens = (c.isupper() and lows[i] not in FUNCTION_CAPS) or lows[i] in DETS or c.isdigit()
        if not (opens or any_start):
            return i  # any_start: after "according to", whatever the first word
        forms = self.lex.forms
        j = i
        while j < n and starts[j] < hi and j - i < 12:
            w, low = words[j], lows[j]
            c = w[0]
            if not c.isalnum():
                # "R." in "Joseph R. Biden", not the sentence's full stop
                if w == "." and words[j - 1][0].isupper() and len(words[j - 1]) <= 3:
                    if j + 1 < n and starts[j + 1] < hi and words[j + 1][0].isupper():
                        j += 1
                        continue
                break
            if not c.isupper():
                if low == "and" and j + 1 < n and words[j + 1][0].isupper() and j > i:
                    j += 1  # "projections by CNN and NPR"
                    continue
                if (
                    low in BOUNDARY_WORDS
                    or low in _AFTER_SOURCE
                    or (low in TIME_WORDS and low != "the" and j > i)  # "early results"
                    or low in forms
                    or (low.endswith(("ing", "ed")) and j > i and lows[j - 1] not in DETS)
                ):
                    break  # "who ...", "on Monday", ", adding", "calling himself", "angered"
                if low in AUX or low in MODALS or low in _NOT_IN_SUBJECT or "n't" in low:
                    return i  # "said the candidate could be ...": a clause, not a source
            j += 1
        while j > i and (lows[j - 1] in PREPS or lows[j - 1] in DETS):
            j -= 1
        return j


def _steps_over(toks: Tokens, k: int, lo: int, verb: str) -> bool:
    """May strip_back step over token k: an adverb ("bluntly") or the "long" of "has long"?"""
    low = toks.lows[k]
    if low == "long":
        return k > 0 and toks.lows[k - 1] in ("has", "have", "had")
    return _adverb(low, toks.words[k]) and _adverb_steps(toks, k, lo, verb)


def _adverb_steps(toks: Tokens, k: int, lo: int, verb: str) -> bool:
    """May strip_back step over the adverb at token k, before `verb`? Not in a passive ("was not
    widely expected", "I'm usually called") nor a clause with no subject ("..., widely expected
    to", "and widely expected to", "bison, commonly called buffalo")."""
    words, lows, starts = toks.words, toks.lows, toks.starts
    k -= 1
    while k >= 0 and starts[k] >= lo and (lows[k] in AUX or _adverb(lows[k], words[k])):
        if lows[k] in _BE:
            return False
        k -= 1
    if k < 0 or starts[k] < lo:
        return True
    if lows[k].endswith(_BE_ENDS):
        return False
    if words[k] == ",":
        return verb not in _NAMING
    return words[k][0].isalnum() and lows[k] not in BOUNDARY_WORDS


def _quantifier(lows: list[str], k: int, j: int) -> bool:
    """Is tokens k..j a quantifier alone: "Some", "Many", "most of them", "another"?"""
    if lows[k] in SINGULAR_QUANTIFIERS:
        return j - k == 1
    return lows[k] in QUANTIFIERS and (
        j - k == 1 or (j - k == 3 and lows[k + 1] == "of" and lows[k + 2] in _OF_GROUP)
    )


def _adverb(low: str, word: str) -> bool:
    """An adverb in "-ly" between a subject and its cue ("bluntly", "often" is in the lists)."""
    return (
        len(low) > 4
        and low.endswith("ly")
        and word[0].islower()
        and word.isalpha()
        and low not in _LY_NOT_ADVERBS
    )


def _subject_end(toks: Tokens, k: int, lo: int) -> int:
    """Where the subject ends when token k is its last word (`lo` if none): a pronoun with a
    contracted auxiliary ends before it ("He's claiming", "they've argued")."""
    if k < 0:
        return lo
    m = _CONTRACTED.fullmatch(toks.lows[k]) if toks.starts[k] >= lo else None
    return toks.starts[k] + (m.end(1) if m is not None else len(toks.words[k]))
