"""The parts of a sentence the rules of kit.reading.cue_rules look for, in any language with a
data folder (kit.reading.language_data).

An article's sentences as words (a short name in quotation marks inside a phrase read as words,
an aside in brackets read past), each marked as inside a quotation or not; where a clause starts
and ends; the subject before a verb ("Die Polizei", "Deiss, der ...", "Ein Sprecher der Polizei,
Lars Beringer,"), the source phrase after a cue ("sagte gestern der russische Minister"), a time
or adverb before the verb that is not its subject ("Ende Januar 2006", "Des Weiteren"); what was
said after or before the cue's clause, or the rest of the sentence around a phrase that names the
source; the quotations inside reported content.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from kit.articles.article import Article
from kit.articles.segment import Span
from kit.reading.attribution import Attribution
from kit.reading.cue_speakers import Speakers, Tok
from kit.reading.language_data import LanguageData, VerbForm
from kit.reading.quotes import find_quotes

# A number with its separators is one word ("10:05", "6.000", "1,75"), not a clause's end.
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)+|[^\W_]+(?:[-'’][^\W_]+)*|\S")
_DELIMITERS = frozenset(",;:()–—")
_RELATIVE = frozenset("der die das dem den denen deren dessen welche welcher welches".split())


@dataclass
class Found:
    """An attribution being built, before its speaker and type are known."""

    cue: Span | None
    source: Span | None
    content: Span | None
    stance: str
    lemma: str | None
    sentence: int
    source_toks: list[Tok]


class Clauses:
    """One article's sentences as words, and the parts of a clause the rules look for."""

    def __init__(self, article: Article, lang: LanguageData) -> None:
        self.article = article
        self.text = article.text
        self.lang = lang
        self.w = lang.words
        self.quotes = find_quotes(self.text, article.paragraphs, lang.marks)
        self._ends = [q.end for q in self.quotes]  # sorted too: quotations do not overlap
        self._by_start: dict[int, Span] = {}
        self._by_end: dict[int, Span] = {}
        for q in self.quotes:
            self._by_start.setdefault(q.start, q)
            self._by_end.setdefault(q.end, q)
        self.speakers = Speakers(self.text, lang)
        self.verbs = lang.verb_lemmas
        self.adverb_endings = tuple(lang.words["adverb_endings"])

    def quotes_in(self, lo: int, hi: int) -> list[Span]:
        """The quotations that overlap [lo, hi), found by bisection (linear in article length)."""
        out = []
        for k in range(bisect_right(self._ends, lo), len(self.quotes)):
            q = self.quotes[k]
            if q.start >= hi:
                break
            out.append(q)
        return out

    def _tokens(self, lo: int, hi: int) -> list[Tok]:
        # A short quotation with no sentence mark is a name in the clause ("die Zeitung „The
        # Guardian“ berichtete", "„heise online“ berichtet"), read as words, not as a quote.
        quotes = []
        marks = set()  # a name's quotation marks are left out: "schrieb die „Zeit“" is a phrase
        for q in self.quotes_in(lo, hi):
            if _name_like(self.text, q):
                # in a phrase ("die „Zeit“ schrieb"), not what was said ("„Gut“, sagte er")
                before = self.text[max(0, q.start - 40) : q.start].rstrip()[-1:]
                if before.isalpha() or self.text[q.end : q.end + 40].lstrip()[:1].isalpha():
                    marks.update((q.start, q.end - 1))
            else:
                quotes.append(q)
        toks = []
        depth = 0
        for m in _TOKEN.finditer(self.text, lo, hi):
            w = m.group()
            if marks and m.start() in marks:
                continue
            if w == "(":
                depth += 1
            if depth:  # an aside in brackets, "(CDU)", is read past
                depth -= w == ")"
                continue
            s = m.start()
            inq = any(q.start <= s < q.end for q in quotes) if quotes else False
            toks.append(Tok(s, m.end(), w, w.lower(), inq))
        return toks

    def _quote_at(self, pos: int) -> Span | None:
        return self._by_start.get(pos)

    def _quote_ending(self, pos: int) -> Span | None:
        return self._by_end.get(pos)

    def _clause_end(self, toks: list[Tok], i: int) -> int:
        """Index of the first delimiter or quotation from i (or the sentence end)."""
        while i < len(toks):
            t = toks[i]
            if t.word in _DELIMITERS or t.quoted or (t.word in ".!?" and i == len(toks) - 1):
                return i  # a full stop inside the sentence is an abbreviation's or a date's
            i += 1
        return i

    def _clause_start(self, toks: list[Tok], i: int) -> int:
        """Index of the first token after the delimiter or quotation before i (or 0)."""
        while i > 0:
            t = toks[i - 1]
            if t.word in _DELIMITERS or t.quoted:
                return i
            i -= 1
        return 0

    def _subject_before_relative(self, toks: list[Tok], lo: int) -> list[Tok] | None:
        """ "Deiss, der sich dazu entschlossen hatte, sagte ...": the phrase before "der"."""
        for k in range(1, min(lo, 8)):
            if toks[k].quoted:
                return None  # "„... Punkt, den wir erkämpft haben“, meinte er": a quotation
            if toks[k].word == "," and k + 1 < lo and toks[k + 1].low in _RELATIVE:
                return self._subject(toks[:k])
        return None

    def _apposition(self, toks: list[Tok], lo: int) -> list[Tok] | None:
        """ "Ein Sprecher der Polizei, Lars Beringer, sagte ...": the subject with its commas."""
        parts = [t for t in toks[: lo - 1] if t.word != ","]
        if toks[lo - 1].word != "," or len(parts) == lo - 1 or any(t.quoted for t in parts):
            return None
        subject = self._subject(parts, loose=True)
        if subject is None or len(subject) != len(parts):
            return None
        return toks[: lo - 1]

    def _leading_np(self, toks: list[Tok], hi: int) -> list[Tok] | None:
        """The noun phrase that opens the sentence (with an apposition between commas)."""
        w = self.w
        out: list[Tok] = []
        for k in range(hi):
            t = toks[k]
            nxt = toks[k + 1] if k + 1 < hi else None
            if t.word[0].isupper() or t.word[0].isdigit() or t.low in w["determiners"]:
                out.append(t)
            elif (
                t.word == ","
                and out
                and nxt is not None
                and (nxt.word[0].isupper() or nxt.low in w["determiners"])
            ):
                out.append(t)
            elif t.low in ("von", "vom", "zu", "der", "des", "und") and out:
                out.append(t)
            elif out and nxt is not None and nxt.word[0].isupper() and t.low[-1:] in "enrsm":
                out.append(t)
            else:
                break
        while out and (out[-1].word == "," or out[-1].low in w["determiners"]):
            out.pop()
        first = out[0].low if out else ""
        if not out or first in w["openers"] or first in w["prepositions"]:
            return None
        if first in w["conjunctions"] or (
            first in w["stop_words"] and first not in w["determiners"]
        ):
            return None
        if not any(t.word[0].isupper() for t in out[1:] + out[:1]) or len(out) > 15:
            return None
        return out

    def _subject(self, left: list[Tok], loose: bool = False) -> list[Tok] | None:
        """The subject before the verb: up to an auxiliary or a word that ends it."""
        w = self.w
        out = []
        for t in left:
            if loose and (t.low in w["prepositions"] or t.word == "-"):
                out.append(t)  # in an apposition: "Vorsitzender der Union für das Münsterland"
                continue
            if t.low in w["auxiliaries"] or (
                out and t.low in w["stop_words"] and t.low not in w["determiners"]
            ):
                break
            out.append(t)
        if not out or len(out) > 12:
            return None
        first = out[0]
        if not (
            first.word[0].isupper()
            or first.word[0].isdigit()
            or first.low in w["pronouns"]
            or first.low in w["determiners"]
        ):
            return None
        if not any(t.word[0].isupper() or t.low in w["pronouns"] for t in out):
            return None
        if len(out) == 1 and first.low in ("es", "das", "dies"):
            return None
        return out

    def _np_after(self, toks: list[Tok], i: int, end: int) -> list[Tok] | None:
        """The source phrase after a cue: a pronoun, or words up to one that ends a phrase."""
        w = self.w
        # Skip adverbs and phrases between the verb and its subject: "sagte gestern der ...",
        # "sagte am Montag in Berlin der ..."
        while i < end and toks[i].low in w["stop_words"]:
            if toks[i].low in w["determiners"] or toks[i].low in w["pronouns"]:
                break
            if toks[i].low in w["prepositions"]:
                i += 1
                while i < end and (
                    toks[i].low in w["determiners"]
                    or toks[i].word[0].isupper()
                    or toks[i].word[0].isdigit()
                    or toks[i].low.endswith(("en", "er", "em", "es", "e"))
                    and toks[i].low not in w["pronouns"]
                ):
                    if toks[i].word[0].isupper() and (
                        i + 1 >= end or not toks[i + 1].word[0].isupper()
                    ):
                        i += 1
                        break
                    i += 1
                continue
            i += 1
        if i >= end:
            return None
        if toks[i].low in w["pronouns"] and toks[i].low not in ("es", "dieser", "diese"):
            return [toks[i]]
        out = []
        j = i
        while j < end and len(out) < 10:
            t = toks[j]
            if t.low in w["determiners"] or t.word[0].isupper() or t.word[0].isdigit():
                out.append(t)
            elif (
                not any(x.word[0].isupper() for x in out)
                and t.low.endswith(("en", "er", "e", "es", "em"))
                and t.low not in w["stop_words"]
                and j + 1 < end
                and (
                    toks[j + 1].word[0].isupper()
                    or (
                        toks[j + 1].low.endswith(("en", "er", "e", "es", "em"))
                        and toks[j + 1].low not in w["stop_words"]
                        and j + 2 < end
                        and toks[j + 2].word[0].isupper()
                    )
                )
            ):
                out.append(t)  # "laut israelischen Medien", "nach offiziellen chinesischen Angaben"
            elif (
                t.low in ("von", "vom", "zu")
                and out
                and j + 1 < end
                and toks[j + 1].word[0].isupper()
            ):
                out.append(t)
            elif (
                out
                and t.word[0].islower()
                and t.low not in w["stop_words"]
                and t.low[-1:] in "enrs"
                and j + 1 < end
                and (toks[j + 1].word[0].isupper())
            ):
                out.append(t)  # an adjective before its noun: "der russische Minister"
            else:
                break
            j += 1
        while out and out[-1].low in w["determiners"]:
            out.pop()
        if not out or not any(t.word[0].isupper() or t.word[0].isdigit() for t in out):
            return None  # "der 81-Jährige" has no capital but is a phrase
        # An apposition with a name: "der Sprecher des Ministeriums, Peter Müller, ..."
        k = toks.index(out[-1]) + 1
        if k < len(toks) and toks[k].word == ",":
            m = k + 1
            while m < len(toks) and m - k <= 4 and toks[m].word[0].isupper():
                m += 1
            closes = m >= len(toks) or toks[m].word in ",.:"
            if m - k >= 3 and closes and not any(t.quoted for t in toks[k:m]):
                out = out + toks[k:m]
        return out

    def _after_source(self, toks: list[Tok], src: list[Tok]) -> int:
        """Where the clause goes on after a source phrase (after an apposition's comma)."""
        k = toks.index(src[-1]) + 1
        if any(t.word == "," for t in src) and k < len(toks) and toks[k].word == ",":
            k += 1
        return self._clause_end(toks, k)

    def _content_after(self, toks: list[Tok], end: int) -> Span | None:
        """The content after the cue's clause: after its comma or colon, to the sentence end."""
        if end >= len(toks):
            return None
        t = toks[end]
        if t.quoted:
            q = self._quote_at(t.start)
            if q is not None:
                k = end
                while k < len(toks) and toks[k].start < q.end:
                    k += 1
                if k + 1 < len(toks) and toks[k].word == "," and toks[k + 1].word[0].isalpha():
                    return self._content_after(toks, k)  # a quoted name, then the content
                return q
        if t.word not in (",", ":"):
            return None
        if end + 1 >= len(toks):
            return None
        nxt = toks[end + 1]
        if nxt.quoted:
            q = self._quote_at(nxt.start)
            if q is not None:
                return q
        last = toks[-1]
        stop = last.start if last.word in ".!?" else last.end
        # A following ", sagte X" belongs to a new report; keep to the clause when one follows.
        if nxt.start >= stop or (t.word == "," and nxt.low in self.w["not_said"]):
            return None
        return Span(nxt.start, stop)

    def _content_before(self, toks: list[Tok], lo: int) -> Span | None:
        """What was said before the cue's clause: a quotation, or the sentence up to it."""
        if lo == 0:
            return None
        k = lo - 1
        while k >= 0 and toks[k].word in ",;:–—":
            k -= 1
        if k < 0:
            return None
        q = self._quote_ending(toks[k].end)
        if q is not None and q.start <= toks[0].start:
            return q
        first = toks[0]
        if first.low in self.w["conjunctions"]:
            return None  # "Nachdem er ..., sagte sie ...": no content before
        return Span(first.start, toks[k].end)

    def _object(self, toks: list[Tok], src: list[Tok], end: int) -> Span | None:
        j = toks.index(src[-1]) + 1
        if j >= end:
            return None
        return Span(toks[j].start, toks[end - 1].end)

    def _previous_sentence(self, n: int) -> Span | None:
        if n == 0:
            return None
        s = self.article.sentences[n - 1]
        return Span(s.start, s.end)

    def _rest_of_sentence(self, toks: list[Tok], i: int, j: int) -> Span | None:
        """The sentence without the phrase toks[i:j] that names the source."""
        last = toks[-1]
        stop = last.start if last.word in ".!?" else last.end
        if i > 0:
            k = i - 1
            while k > 0 and toks[k].word in ",;:":
                k -= 1
            start = toks[0].start
            if toks[0].low in self.w["conjunctions"] and i > 2:
                start = toks[0].start
            return Span(start, stop) if stop > start else None
        k = j
        while k < len(toks) and toks[k].word in ",;:":
            k += 1
        if k >= len(toks) or toks[k].start >= stop:
            return None
        return Span(toks[k].start, stop)

    def _inner_quotes(self, a: Attribution, c: Span | None) -> list[Span]:
        """Quotations inside an indirect content reported by a verb ("sie wolle dem „Vorwurf
        ... nachgehen“")."""
        if (
            a.direct
            or c is None
            or (a.cue_lemma not in self.verbs and a.cue_lemma not in self.lang.phrase_lemmas)
        ):
            return []
        return [
            q
            for q in self.quotes_in(c.start, c.end)
            if c.start <= q.start
            and q.end <= c.end
            and len(q) < len(c) - 2
            and not _name_like(self.text, q)
        ]

    def _subject_after_verb(self, toks: list[Tok], k: int) -> list[Tok] | None:
        """ "Hier sparte der Bundespräsident nicht mit Kritik", "In einer Mitteilung resümiert
        Hartmut Lierow": after an opening adverb or phrase, the verb, then its subject."""
        w = self.w
        if not toks or toks[0].quoted:
            return None
        first = toks[0].low
        i = 1
        if first in w["prepositions"]:
            while i < k and (
                toks[i].low in w["determiners"]
                or toks[i].word[0].isupper()
                or toks[i].word[0].isdigit()
                or (
                    toks[i].low.endswith(("e", "en", "er", "es", "em"))
                    and i + 1 < k
                    and toks[i + 1].word[0].isupper()
                )
            ):
                i += 1
            if i == 1:
                return None
        elif not (first in w["openers"] or first.endswith(self.adverb_endings)):
            return None
        if i >= k or not toks[i].word[0].islower() or toks[i].low in w["stop_words"]:
            return None
        src = self._np_after(toks, i + 1, k)
        if src is None:
            return None
        head = src[0]
        if head.word[0].isupper() or head.low in w["subject_pronouns"]:
            return src
        return src if head.low in w["determiners"] and len(src) > 1 else None

    def _object_to_end(self, toks: list[Tok], c: int, end: int) -> Span | None:
        """The object after the verb to the sentence end, as what was reported ("nannte dies
        einen „Militärputsch“")."""
        last = len(toks) - (1 if toks[-1].word in ".!?" else 0)
        if end < last or c + 1 >= end:
            return None
        return Span(toks[c + 1].start, toks[end - 1].end)

    def _open_apposition(
        self, toks: list[Tok], lo: int, left: list[Tok], form: VerbForm
    ) -> list[Tok] | None:
        """ "Nurur Rahman, der Koordinator der Behörde teilte mit, ...": a name and its title
        with no closing comma, not a relative clause ("die Polizei, die am Montag erklärte")."""
        name = toks[: lo - 1]
        if not 0 < len(name) <= 4 or not all(t.word[0].isupper() and not t.quoted for t in name):
            return None
        w, lang = self.w, self.lang
        rest = left[1:]
        if not rest or not rest[0].word[0].isupper() or len(rest) > 10:
            return None
        if not all(
            t.word[0].isupper() or t.low in w["determiners"] or t.low in w["prepositions"]
            for t in rest
        ):
            return None
        head = rest[0].low
        titled = head in w["titles"] or lang.is_a(head, "title_endings")
        if not titled and not (form.particle and not form.participle):
            return None
        return toks[: lo + len(left)]

    def _adverbial(self, left: list[Tok]) -> bool:
        """ "Ende Januar 2006", "Wenige Stunden später", "Des Weiteren": a time or an adverb
        before the verb, not its subject (the subject comes after the verb)."""
        w = self.w
        timed = False
        for t in left:
            if t.low in w["time_words"] or t.word[0].isdigit():
                timed = True
            elif t.low in w["openers"]:
                timed = timed or len(left) > 1
            elif t.low not in w["determiners"] and t.word not in ".,":
                return False
        return timed


def _name_like(text: str, q: Span) -> bool:
    inner = text[q.start + 1 : q.end - 1]
    words = inner.split()
    return 0 < len(words) <= 3 and words[0][:1].isupper() and not any(c in inner for c in ".,!?:;")


def span_of(toks: list[Tok]) -> Span | None:
    return Span(toks[0].start, toks[-1].end) if toks else None
