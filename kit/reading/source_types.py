"""What kind of source a noun phrase is (named person, institution, anonymous, document, other
outlet, social post, unknown) and who it names, resolved against the people and sources before."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from kit.articles.segment import Span
from kit.reading.noun_phrases import NounPhrases
from kit.reading.people import People
from kit.reading.quotes import QUOTE_MARKS
from kit.reading.source_history import RECENT, Source, SourceHistory
from kit.reading.source_words import (
    BOUNDARY_WORDS,
    COMPANY_ENDS,
    CORE_STOP,
    DETS,
    GENERIC_OUTLETS,
    INDEFINITE,
    PREPS_DETS_BY,
    PREPS_THE,
    TIME_WORDS,
    SourceLexicon,
)
from kit.reading.tokens import GROUPS, ArticleText, Token, bare_phrase, strip_possessive


@lru_cache(maxsize=256)
def _institution_pattern(head: str) -> re.Pattern[str]:
    return re.compile(
        r"((?:[A-Z][\w'’-]+ ){0,4}"
        + re.escape(head.capitalize())
        + r"(?: of(?: the)?(?: [A-Z][\w-]+)+)?)"
    )


# Possessive pronouns, read as the pronoun they go with ("his claim": he claimed).
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}


class Classifier:
    """Types and names the sources of one article."""

    def __init__(
        self,
        doc: ArticleText,
        lex: SourceLexicon,
        people: People,
        phrases: NounPhrases,
        history: SourceHistory,
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.tokens = doc.tokens
        self.lex = lex
        self.people = people
        self.phrases = phrases
        self.history = history

    def sentence_subject(self, s: int) -> tuple[int, int] | None:
        """The noun phrase a sentence opens with, after introductory words and phrases."""
        lo, hi, _ = self.doc.sents[s]
        toks = self.tokens
        words, lows, starts, n = toks.words, toks.lows, toks.starts, toks.n
        i = self.doc.tok_at(lo)
        tries = 0
        while i < n and starts[i] < hi and tries < 3:
            # Skip time and clause words and punctuation other than quotation marks.
            k = i
            while k < n and starts[k] < hi:
                if words[k][0].isalnum():
                    if lows[k] in TIME_WORDS or lows[k] in BOUNDARY_WORDS:
                        k += 1
                        continue
                elif words[k] not in QUOTE_MARKS:
                    k += 1
                    continue
                break
            if k >= n or starts[k] >= hi:
                return None
            e = self.phrases.np_end(k, hi)
            if e > k:
                np_hi = starts[e - 1] + len(words[e - 1])
                if self.classify(starts[k], np_hi, probe=True):
                    return starts[k], np_hi
            # Skip an introductory phrase up to its comma and try again.
            c = k
            while c < n and starts[c] < hi and words[c] != ",":
                c += 1
            i = c + 1
            tries += 1
        return None

    def classify(self, lo: int, hi: int, probe: bool = False) -> Source | None:
        """Type and speaker of the noun phrase text[lo:hi]; None when it cannot be a source."""
        lex = self.lex
        w = lex.words
        text = self.text
        low = text[lo:hi].lower()
        span = Span(lo, hi)
        toks = [
            t for t in self.tokens.slice(self.doc.tok_at(lo), self.doc.tok_at(hi)) if t.end <= hi
        ]
        if not toks:  # "He" of "He's claiming" (a pronoun and a contraction: one token)
            return self._pronoun(span, low, probe) if low in w["pronouns"] else None
        if len(toks) == 1 and toks[0].low in w["pronouns"]:
            return self._pronoun(span, toks[0].low, probe)
        # The core: tokens before a preposition, "and", an appositive comma or a bracket.
        core: list[Token] = []
        rest = len(toks)
        # "One of the users", "some of the officials": the phrase after "of".
        if len(toks) > 2 and toks[0].low in DETS and toks[1].low == "of":
            toks = toks[2:]
            if toks[0].low in ("them", "those"):
                # "One of them": one of the people just quoted.
                earlier = self.history.earlier("anonymous", lo)
                return Source(span, earlier or text[lo:hi], "anonymous")
        for x, t in enumerate(toks):
            if core and t.low in CORE_STOP:
                joined = t.low == "and" and core[-1].cap and x + 1 < len(toks) and toks[x + 1].cap
                if not joined:
                    rest = x
                    break
            core.append(t)
        core_words = [t for t in core if t.word]
        if not core_words:
            return None
        if len(core_words) == 1 and len(core_words[0].text) == 1:
            return None  # a lone letter is no source
        if len(core_words) == 2 and core_words[0].low in ("a", "an") and core_words[1].cap:
            return None  # "a UN (report)": the noun is the cue word itself
        head = strip_possessive(core_words[-1].low)
        core_text = text[core[0].start : core[-1].end]
        bare = bare_phrase(core_text)
        bare_low = bare.lower()
        if GROUPS.match(low):
            # "two in three voters", "About 4 in 10", "24 percent of voters": the share as written
            return Source(span, " ".join(text[lo:hi].split()), "anonymous")
        if lex.anonymous_phrase.search(low) or any(t.low in ("anonymous", "unnamed") for t in toks):
            whole = any(x in low for x in ("close to", "familiar with"))
            return Source(span, bare_phrase(text[lo:hi]) if whole else bare, "anonymous")
        # A person named in the core or in an appositive, not in a prepositional phrase:
        # "Associates of Navalny" are not Navalny.
        person = self.people.person_in(core[0].start, core[-1].end)
        if person is not None and self.people.mention_ending(core[-1].end) is None:
            person = None  # "the El Paso mayor": the name only describes the head
        if person is None:
            # "US Ambassador to Germany Richard Grenell": a name that closes the phrase, not
            # the object of a preposition ("Associates of Navalny").
            last = self.people.mention_ending(hi)
            if last is not None:
                k = self.doc.tok_at(last.start) - 1
                if k >= 0 and self.tokens[k].low not in PREPS_DETS_BY:
                    person = last.person
        if person is None:
            comma = next((t for t in toks[rest:] if t.text == ","), None)
            if comma is not None:
                person = self.people.person_in(comma.end, hi)
                if person is None:  # "The plant's owner, Voltcycle Ltd, said"
                    firm = _appositive_institution(toks, comma)
                    if firm is not None:
                        return Source(span, text[firm[0] : firm[1]], "institution")
        owner = self._owner(toks, rest, core_words)
        outlet = self._outlet_name(core_words, bare)
        if outlet is not None:
            return Source(span, outlet, "other_outlet")
        if head in w["outlet_heads"] and core_words[-1].cap and len(core_words) > 1:
            return Source(span, self.resolve_name(bare, lo), "other_outlet")  # "The Post"
        if head in w["social_posts"]:
            return Source(span, owner or (person.name if person else bare), "social_post")
        if person is not None and head not in w["documents"]:
            return Source(span, person.name, "named_person", person)
        for phrase in (bare_low, core_text.lower()):
            if phrase in w["metonyms"] or phrase in lex.phrase_sets["metonyms"]:
                return Source(span, bare, "institution")
            if phrase in w["countries"] or phrase in lex.phrase_sets["countries"]:
                return Source(span, bare, "institution")
        if head in w["documents"]:
            return Source(span, owner or bare, "document")
        caps = [t for t in core_words if t.cap and t.low not in DETS]
        if head in w["institutions"] or any(
            strip_possessive(t.low) in w["institutions"] and t.cap for t in core_words
        ):
            if caps and any(t.cap for t in core_words[1:] + core_words[-1:]):
                name = self.resolve_name(_institution_name(text, toks, rest), lo)
                if " " not in name and name.lower() in w["institutions"]:
                    name = self.resolve_institution(name.lower(), lo) or name  # "Police"
                return Source(span, name, "institution")
            if probe:
                return Source(span, bare, "institution")
            # "the ambulance service" is not the fire service named earlier: the words before
            # the head must appear in the name it resolves to.
            mods = [t.low for t in core_words[:-1] if t.low not in DETS]
            named = self.resolve_institution(head, lo, mods)
            return Source(span, named or bare, "institution")
        if any(len(t.text) > 1 and t.text.isupper() and t.text.isalpha() for t in core_words):
            return Source(span, _institution_name(text, toks, rest), "institution")
        if head in w["anonymous"] or head in w["person_heads"] or head in w["roles"]:
            first = core_words[0].low
            plural = head.endswith("s") and head not in w["person_singular"]
            if first in INDEFINITE or plural or head in ("official", "source", "sources"):
                return Source(span, bare, "anonymous")  # "a spokesman", "one mother"
            if head in w["person_heads"] or head in w["roles"]:
                if probe:
                    return Source(span, bare, "named_person")
                mods = [
                    t.low for t in core_words[:-1] if t.low in lex.modifiers and t.low not in DETS
                ]
                mods = [m for m in mods if m not in ("former", "current", "the")]
                # In the headline the person is named later: "..., says climate envoy".
                head_para = self.doc.article.headline_span
                in_headline = head_para is not None and head_para.start <= lo < head_para.end
                at = len(self.text) if in_headline else lo
                who = self.people.resolve_role(
                    head, mods, at, definite=first == "the" or in_headline
                )
                if who is not None:
                    who.roles.add(head)
                    who.roles.update(mods)
                    return Source(span, who.name, "named_person", who)
                return Source(span, bare, "named_person")
            return Source(span, bare, "anonymous")
        if caps:
            if (
                len(caps) == 1
                and caps[0] is core_words[0]
                and caps[0].start == self.doc.sentence_start(lo)
            ):
                # A capitalised first word of a sentence is not a name by itself.
                if caps[0].low in w["not_names"]:
                    return None
            name = self.resolve_name(_institution_name(text, toks, rest) or bare, lo)
            # People do not take "the": "The Taliban", "the Hajo assembly" are organisations.
            kind = "institution" if core_words[0].low == "the" else "unknown"
            return Source(span, name, kind)
        return None

    def _owner(self, toks: list[Token], rest: int, core_words: list[Token]) -> str | None:
        """Who a document or post belongs to: "RIAA's notice", "a survey ... by the Society"."""
        for t in core_words[:-1]:
            if t.cap and t.low.endswith(("'s", "’s")):
                return strip_possessive(t.text)
        for x in range(rest, len(toks)):
            if toks[x].low == "by" and x + 1 < len(toks):
                e = self.phrases.np_end(self.doc.tok_at(toks[x + 1].start), toks[-1].end + 1)
                k = self.doc.tok_at(toks[x + 1].start)
                if e > k:
                    lo, hi = self.tokens[k].start, self.tokens[e - 1].end
                    person = self.people.person_in(lo, hi)
                    if person is not None:
                        return person.name
                    return _institution_name(self.text, self.tokens.slice(k, e), e - k)
        return None

    def _outlet_name(self, core_words: list[Token], bare: str) -> str | None:
        """The outlet's name when the phrase is a news outlet ("Reuters", "state media")."""
        w = self.lex.words
        sets = self.lex.phrase_sets
        last = core_words[-1].low
        if last.endswith((".com", ".org", ".net", ".co.uk")):
            return core_words[-1].text
        low = bare.lower()
        words = low.split()
        for k in range(len(words)):
            tail = " ".join(words[k:])
            if tail in w["outlets"] or tail in sets["outlets"]:
                # Keep the capitalised name, drop descriptions: "television broadcaster PBS".
                caps = []
                for t in core_words:
                    if t.low == "and" and caps:
                        break
                    if t.cap and t.low not in DETS:
                        caps.append(t.text)
                if caps:
                    name = " ".join(strip_possessive(c) for c in caps)
                    return self.resolve_name(name, core_words[0].start)
                if len(words) - k == 1 and words[k] in GENERIC_OUTLETS:
                    earlier = self.history.earlier("other_outlet", core_words[0].start)
                    if earlier:
                        return earlier
                return bare
        return None

    def resolve_name(self, name: str, pos: int) -> str:
        """A short name as the fuller one used earlier: "The Telegraph" -> "The Daily Telegraph"."""
        bare = bare_phrase(name)
        if not bare or " " in bare and len(bare.split()) > 2:
            return bare
        words = bare.split()
        for _, _, src in reversed(self.history.found[-RECENT:]):
            sp = src.speaker or ""
            if sp != bare and len(sp) > len(bare) and sp.split()[-len(words) :] == words:
                return sp
        return bare

    def possessor(self, k: int) -> Source | None:
        """The source a possessive at token k names: "his" as "he" would, "Mr. Trump's" as the
        person, "the agency's" as the agency; None when token k is no possessive."""
        toks = self.tokens
        t = toks[k]
        if t.low in _POSSESSIVE_PRONOUNS:
            return self._pronoun(Span(t.start, t.end), _POSSESSIVE_PRONOUNS[t.low], False)
        if t.text in ("'", "’") and k > 0 and toks[k - 1].end == t.start:
            t = toks[k - 1]  # "Sanders’ plan"
            if not (t.cap and t.low.endswith("s")):
                return None
            name_end = t.end
        elif t.low.endswith(("'s", "’s")) and len(t.text) > 2:
            name_end = t.end - 2
        else:
            return None
        people = self.people
        i = bisect_right(people.mstarts, name_end) - 1
        if i >= 0 and people.mentions[i].end == name_end:
            m = people.mentions[i]
            return Source(Span(m.start, t.end), m.person.name, "named_person", m.person)
        # "the Supreme Court's", "The Clinton campaign's": capitalised words and "the" before.
        lo = k if t is toks[k] else k - 1
        while lo > 0 and toks[lo - 1].word and toks[lo - 1].cap and toks[lo - 1].low not in DETS:
            lo -= 1
        if lo > 0 and toks[lo - 1].low == "the":
            lo -= 1
        source = self.classify(toks[lo].start, t.end)
        if source is None or source.type == "unknown" and lo == k:
            return None
        return Source(source.span, strip_possessive(source.speaker or ""), source.type)

    def _pronoun(self, span: Span, low: str, probe: bool) -> Source | None:
        if probe:
            return Source(span, low, "unknown")
        sent = self.doc.sentence_of(span.start)
        if low in ("he", "she"):
            gender = "male" if low == "he" else "female"
            p = self.people.resolve_pronoun(gender, span.start, sent)
            if p is None:
                return Source(span, None, "named_person")
            return Source(span, p.name, "named_person", p)
        # "they", "it": the last non-person source, or the subject of the sentence before.
        for hp, hs, src in reversed(self.history.found):
            if hp < span.start and hs >= sent - 2 and src.type != "named_person":
                return Source(span, src.speaker, src.type)
            if hs < sent - 2:
                break
        if sent > 0:
            subj = self.sentence_subject(sent - 1)
            if subj:
                src = self.classify(*subj)
                if src and src.type not in ("named_person", "unknown"):
                    return Source(span, src.speaker, src.type)
        return Source(span, None, "unknown") if low == "they" else None

    def resolve_institution(self, head: str, pos: int, mods: Sequence[str] = ()) -> str | None:
        """The named institution "the ministry" most likely means (an earlier capitalised one).

        `mods`: the lower-case words before the head ("ambulance" in "the ambulance service");
        each must be in the name ("the fire service" is not "Millbrook Ambulance Service").
        """

        def fits(name: str) -> bool:
            low = name.lower()
            return all(m in low for m in mods)

        found = None
        lo = max(0, pos - 4000)
        if self.text.find(head.capitalize(), lo, pos) >= 0:  # the name holds the head word
            for m in _institution_pattern(head).finditer(self.text, lo, pos):
                # The words may stand just before the part the pattern takes: "North Wales Fire
                # and Rescue Service" for "the fire service".
                if fits(self.text[max(0, m.start(1) - 40) : m.end(1)]):
                    found = m.group(1)
        if found is None:
            for _, _, src in reversed(self.history.found[-RECENT:]):
                if src.type == "institution" and src.speaker and head in src.speaker.lower():
                    if fits(src.speaker):
                        return src.speaker
        return bare_phrase(found) if found else None


def _appositive_institution(toks: list[Token], comma: Token) -> tuple[int, int] | None:
    """The span of a company named in the appositive after `comma`: capitalised words ending
    in a company ending ("Voltcycle Ltd", "Acme Corp."); None for anything else."""
    words = []
    for t in toks[toks.index(comma) + 1 :]:
        if t.text == ",":
            break
        if t.text == ".":
            continue  # "Acme Inc."
        words.append(t)
    if len(words) < 2 or not all(t.cap or t.low in ("of", "&", "and") for t in words):
        return None
    # Only a company ending: an institution word may be a surname ("John Church").
    if strip_possessive(words[-1].low).rstrip(".") not in COMPANY_ENDS:
        return None
    return words[0].start, words[-1].end


def _institution_name(text: str, toks: list[Token], rest: int) -> str:
    """An institution's name: the phrase up to a comma, bracket, "and" or relative pronoun,
    keeping "of ..." ("Royal Swedish Academy of Sciences")."""
    out: list[Token] = []
    for x, t in enumerate(toks):
        if t.low == "and" and out and out[-1].cap and x + 1 < len(toks) and toks[x + 1].cap:
            out.append(t)  # "Center for Systems Science and Engineering"
            continue
        if out and (t.low in (",", "(", "and", "who", "which", "whom", "that") or not t.word):
            break
        out.append(t)
    # "World Health Organization (WHO)" is called by its short form.
    if out:
        x = toks.index(out[-1]) + 1
        if x + 2 < len(toks) and toks[x].text == "(" and toks[x + 2].text == ")":
            if toks[x + 1].cap:
                return toks[x + 1].text
    while out and not out[-1].cap and out[-1].low in PREPS_THE:
        out.pop()
    if not out:
        return ""
    name = bare_phrase(text[out[0].start : out[-1].end])
    # Drop lower-case descriptions before the name: "wrestling promotion World Wonder Ring".
    words = name.split()
    while len(words) > 1 and not words[0][:1].isupper():
        words.pop(0)
    return " ".join(words)
