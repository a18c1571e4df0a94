"""People in an article: names found in capitalised runs (with the titles and roles around
them), their mentions, and who "he", "Mr Putin" or "the Ukrainian president" most likely is."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from kit.reading.source_history import RECENT, SourceHistory
from kit.reading.source_words import (
    COMPANY_ENDS,
    FUNCTION_CAPS,
    OBJECT_PREPS,
    OTHER_ROLE,
    PARTICLES,
    PERSON_TITLES,
    SourceLexicon,
)
from kit.reading.tokens import ArticleText, fold_name, strip_possessive, unaccent

_UPPER = "A-ZÀ-ÖØ-Þ\u0100-\u024f"
# The capital comes before the look-behind (which then looks at the character before it), so
# that the regex engine can skip ahead to the next capital instead of trying every position.
# The word is taken whole (a possessive `*+`: it holds the "." of "Dr." too), so a capitalised word
# that no capital follows fails at once instead of giving its letters back one by one.
_MULTI_CAP = re.compile(
    rf"[{_UPPER}](?<![\w'’.\-].)[\w'’.\-]*+ (?=[{_UPPER}]|(?:al|el|bin|ibn|de|van|von)[ -])"
)


@dataclass
class Person:
    """A person the article names: the name as written, its folded words, titles and roles."""

    name: str
    key: tuple[str, ...]
    roles: set[str] = field(default_factory=set)
    gender: str | None = None
    confirmed: bool = False


@dataclass
class Mention:
    """Where a person is named ("possessive": "Merkel's")."""

    start: int
    end: int
    person: Person
    possessive: bool
    sentence: int


class People:
    """The people an article names and where; built once per article, before the attribution."""

    def __init__(self, doc: ArticleText, lex: SourceLexicon, history: SourceHistory) -> None:
        self.doc = doc
        self.text = doc.text
        self.tokens = doc.tokens
        self.lex = lex
        self.history = history  # read by resolve_pronoun and resolve_role
        self.people: dict[tuple[str, ...], Person] = {}
        self.mentions: list[Mention] = []
        self._find_people()

    def _find_people(self) -> None:
        # This pass looks at every capitalised run, so it reads the token lists (words, lower
        # case, starts) directly rather than making a `Token` for each word it looks at.
        # A word token starts with a letter or digit (`word`); it is `cap` when that is upper case.
        lex = self.lex
        w = lex.words
        roles_words, person_heads, not_names = w["roles"], w["person_heads"], w["not_names"]
        modifiers, genders, not_person = lex.modifiers, lex.gender, lex.not_person
        text = self.text
        toks = self.tokens
        words, lows, tstarts = toks.words, toks.lows, toks.starts
        n = len(toks)
        singles: list[tuple[int, int, str, set[str], str | None, bool]] = []
        skip_to = 0
        not_name = lex.not_name
        # Only runs of two or more capitalised words can hold a name ("Mr Putin", "John Healey").
        starts = sorted(
            {
                bisect_right(tstarts, m.start() - 1)  # tok_at
                for m in _MULTI_CAP.finditer(text)
                if m.group()[:-1].lower() not in FUNCTION_CAPS  # the word before the space
            }
        )
        for i in starts:
            if i < skip_to or i >= n:
                continue
            c = words[i][0]
            if not (c.isalnum() and c.isupper()):
                continue
            # The run: capitalised words (and particles: "bin", "al-") separated by one space,
            # or by the "." of an initial or "Dr."; it ends after a possessive ("Merkel's").
            j = i
            group: list[int] = []
            while j < n:
                wj = words[j]
                lj = lows[j]
                c = wj[0]
                if c.isalnum() and (
                    c.isupper()
                    or (group and (lj in PARTICLES or lj.startswith(("al-", "el-", "bin-"))))
                ):
                    if group:
                        gap = tstarts[j - 1] + len(words[j - 1])  # end of the token before
                        if tstarts[j] != gap + 1 or text[gap] != " ":
                            # Only "J. R. Smith": after the "." of a one-letter initial.
                            if not (words[j - 1] == "." and j - 2 >= i and len(words[j - 2]) == 1):
                                break
                    group.append(j)
                    j += 1
                    if lj.endswith(("'s", "’s")):
                        break  # "Angela Merkel's spokesperson": the owner is a name of its own
                elif wj == "." and group and len(words[j - 1]) <= 2:
                    j += 1  # an initial or "Dr."
                else:
                    break
            skip_to = max(j, i + 1)
            if not group:
                continue
            # Part of an institution's name: "Commission on International Religious Freedom",
            # "Freedom (USCIRF)".
            after = group[-1] + 1
            if after + 2 < n and words[after] == "(" and words[after + 2] == ")":
                c = words[after + 1][0]
                if c.isalnum() and c.isupper():
                    continue
            roles: set[str] = set()
            gender = None
            # Lower-case roles just before the name: "Chinese president Xi Jinping".
            k = group[0] - 1
            while k >= 0 and k >= group[0] - 3:
                c = words[k][0]
                if not c.isalnum() or c.isupper():
                    break
                if lows[k] in roles_words or lows[k] in person_heads:
                    roles.add(lows[k])
                    k -= 1
                else:
                    break
            titled = not roles.isdisjoint(person_heads)
            # The name is what follows the last title, place or institution word of the group:
            # "Deputy Emergency Situations Minister Alexander Chupriyan" -> "Alexander Chupriyan".
            cut = 0
            for x, g in enumerate(group):
                low = lows[g]
                if low.endswith(("'s", "’s")):
                    low = low[:-2]
                low = low.rstrip(".")
                if low in not_person or (len(words[g]) > 1 and words[g].isupper()):
                    if x < len(group) - 1 or low in genders:
                        cut = x + 1
                    if low in genders:
                        g_ = genders[low]
                        gender = gender or (g_ if g_ != "any" else None)
                        titled = True
                    elif low in PERSON_TITLES:
                        titled = True
                    if low in roles_words or (low not in genders and low not in not_names):
                        roles.add(low)
            names = group[cut:]
            if not names:
                continue
            before_i = group[0] - 1
            if cut == 0 and before_i >= 1 and lows[before_i] in ("of", "on", "for"):
                c = words[before_i - 1][0]
                if c.isalnum() and c.isupper():
                    continue
            last = names[-1]
            if strip_possessive(lows[last]).rstrip(".") in COMPANY_ENDS:
                continue  # "Voltcycle Ltd": a company
            possessive = lows[last].endswith(("'s", "’s"))
            parts = [strip_possessive(words[g]) for g in names]
            folded = [
                p.lower() if p.isascii() else fold_name(p) for p in parts
            ]  # fold_name, inlined
            rejected = False
            for p, g in zip(folded, names):  # a loop, not any(): no generator per candidate
                if p in not_name or p in modifiers or (len(p) > 1 and words[g].isupper()):
                    rejected = True
                    break
            if rejected:
                continue
            joined = "".join(parts)
            # Any character a digit (letters only: none, without looking at each character).
            if not joined.isalpha() and any(map(str.isdigit, joined)):
                continue
            start = tstarts[names[0]]
            end = tstarts[last] + len(words[last]) - (2 if possessive else 0)
            if len(names) >= 2:
                key = tuple(folded)
                person = self.people.get(key)
                if person is None:
                    person = self.people[key] = Person(text[start:end], key)
                person.roles |= roles
                person.gender = person.gender or gender
                person.confirmed |= titled
                self.mentions.append(
                    Mention(start, end, person, possessive, self.doc.sentence_of(start))
                )
            elif titled:
                singles.append((start, end, folded[0], roles, gender, possessive))
        # Lone names: "Mr Putin", "Sir Keir", "Zelensky" -> the full name used elsewhere.
        by_last: dict[str, Person] = {}
        by_first: dict[str, Person] = {}
        for p in self.people.values():
            by_last.setdefault(p.key[-1], p)
            by_first.setdefault(p.key[0], p)
        for start, end, low, roles, gender, possessive in singles:
            person = by_last.get(low) or by_first.get(low)
            if person is None:
                key = (low,)
                person = self.people.setdefault(key, Person(text[start:end], key))
                by_last.setdefault(low, person)
            person.roles |= roles
            person.gender = person.gender or gender
            person.confirmed = True
            self.mentions.append(
                Mention(start, end, person, possessive, self.doc.sentence_of(start))
            )
        same_last: dict[str, list[Person]] = {}
        for p in self.people.values():
            same_last.setdefault(p.key[-1], []).append(p)
        seen_by: dict[int, list[int]] = {}
        for m in sorted(self.mentions, key=lambda m: m.start):
            seen_by.setdefault(id(m.person), []).append(m.start)
        covered = sorted((m.start, m.end) for m in self.mentions)
        cstarts = [c[0] for c in covered]
        surnames = {p.name.split()[-1] for p in self.people.values() if len(p.key) > 1}
        hits = []
        for surname in surnames:
            for name in {surname, unaccent(surname)}:  # "Erdoğan" is also written "Erdogan"
                at = text.find(name)
                while at >= 0:
                    hits.append(at)
                    at = text.find(name, at + len(name))
        for at in sorted(hits):
            k = bisect_right(tstarts, at - 1)  # tok_at
            if k >= n or tstarts[k] != at:
                continue
            # Most hits are inside a mention already found ("Smith" of "John Smith"): that
            # cheap test first.
            c = bisect_right(cstarts, at) - 1
            if c >= 0 and covered[c][0] <= at < covered[c][1]:
                continue
            wk = words[k]
            if wk[0].isalnum() and wk[0].isupper():
                low = fold_name(strip_possessive(wk))
                person = by_last.get(low)
                if person is not None:
                    # Two Smiths: the one named most recently before this "Smith".
                    namesakes = same_last.get(low, ())
                    if len(namesakes) > 1:
                        latest = -1
                        for p in namesakes:
                            seen_at = seen_by.get(id(p), [])
                            x = bisect_right(seen_at, at) - 1
                            if x >= 0 and seen_at[x] > latest:
                                latest, person = seen_at[x], p
                    poss = lows[k].endswith(("'s", "’s"))
                    end = at + len(wk) - (2 if poss else 0)
                    self.mentions.append(Mention(at, end, person, poss, self.doc.sentence_of(at)))
        self.mentions.sort(key=lambda m: m.start)
        self.mstarts = [m.start for m in self.mentions]

    def person_in(self, lo: int, hi: int) -> Person | None:
        """The person named inside [lo, hi) (an appositive name wins over a possessive one)."""
        i = bisect_right(self.mstarts, lo - 1)
        best = None
        while i < len(self.mentions) and self.mentions[i].start < hi:
            m = self.mentions[i]
            if m.end <= hi and not m.possessive:
                best = m.person
            i += 1
        return best

    def mention_ending(self, hi: int) -> Mention | None:
        i = bisect_right(self.mstarts, hi) - 1
        while i >= 0 and self.mentions[i].start >= hi - 80:
            m = self.mentions[i]
            if m.end == hi and not m.possessive:
                return m
            i -= 1
        return None

    def resolve_pronoun(self, gender: str | None, pos: int, sent: int) -> Person | None:
        """The person "he"/"she" at `pos` most likely means: subjects of the sentences before."""
        for s in range(sent, max(-1, sent - 6), -1):
            cands: list[tuple[int, Person]] = []
            for hp, src in self.history.by_sentence.get(s, ()):
                if hp < pos and src.person is not None:
                    cands.append((hp, src.person))
            lo, hi = self.doc.sents[s][0], min(self.doc.sents[s][1], pos)
            i = bisect_right(self.mstarts, lo - 1)
            while i < len(self.mentions) and self.mentions[i].start < hi:
                m = self.mentions[i]
                k = self.doc.tok_at(m.start) - 1
                obj = k >= 0 and self.tokens[k].low in OBJECT_PREPS
                if (not m.possessive or len(m.person.key) > 1) and not (s == sent and obj):
                    cands.append((m.start, m.person))
                i += 1
            cands.sort(key=lambda c: c[0])
            for _, p in cands:
                if gender is None or p.gender in (None, gender):
                    if gender and p.gender is None:
                        p.gender = gender
                    return p
        return None

    def resolve_role(
        self, head: str, mods: list[str], pos: int, definite: bool = True
    ) -> Person | None:
        """The person a description ("the Ukrainian president") most likely refers to."""
        weak = None
        seen: set[int] = set()
        # The last mentions and sources before pos: a description refers back, not far back.
        i = bisect_right(self.mstarts, pos - 1)
        cands = [(m.start, m.person) for m in self.mentions[max(0, i - RECENT) : i]]
        cands += [
            (hp, s.person) for hp, _, s in self.history.found[-RECENT:] if s.person and hp < pos
        ]
        cands.sort(key=lambda c: -c[0])
        for _, p in cands:
            if id(p) in seen:
                continue
            seen.add(id(p))
            if head in p.roles:
                if p.roles & OTHER_ROLE and not set(mods) & OTHER_ROLE:
                    continue  # a vice-president or former president is not "the president"
                if all(m in p.roles for m in mods):
                    return p
                continue
            if (
                definite
                and weak is None
                and p.confirmed
                and not (p.roles & self.lex.words["person_heads"])
            ):
                weak = p
        return weak
