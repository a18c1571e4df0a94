"""Who is speaking: attributions (cue, source, content) found in an article.

Pure-Python rules over words and quotation marks; no model, no network. The reporting verbs and
phrases (with their stance) are in `data/reporting_cues.yaml`, the source words (titles,
institutions, outlets, anonymous and document words) in `data/source_words.yaml`.

How it works, per article:
1. quotations are found first (straight and curly, nested, over several sentences; a paragraph
   that opens a quotation without closing it goes on in the next paragraph that opens one);
2. each cue word outside a quotation is tied to a source: the noun phrase before it ("Downing
   Street would not confirm"), after it ("..., says Zelensky"; "according to officials"; "as
   reported by Reuters"), or the subject of the clause it continues (", adding: ...");
3. the content is the quotation or clause after the cue, or before it when nothing follows;
4. people are tracked through the text (names, titles, roles), so "He", "Mr Putin" and "The
   Ukrainian president" resolve to a full name.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate, compress
from typing import Any

from kit.articles.article import Article, article_from_text
from kit.articles.segment import Span
from kit.reading.lexicon import package_words, package_yaml

SOURCE_TYPES = (
    "named_person",
    "institution",
    "anonymous",
    "document",
    "other_outlet",
    "social_post",
    "unknown",
)
STANCES = ("neutral", "doubt", "emphasis", "concession")


@dataclass(frozen=True)
class Attribution:
    """One act of reporting. Spans point into the article text; any of the three may be None."""

    cue: Span | None
    source: Span | None
    content: Span | None
    speaker: str | None
    source_type: str
    direct: bool
    stance: str
    cue_lemma: str | None = None
    paragraph: int | None = None
    sentence: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The record as DESIGN.md's JSON: spans as [start, end] lists or null."""

        def span(s: Span | None) -> list[int] | None:
            return None if s is None else [s.start, s.end]

        return {
            "source": span(self.source),
            "cue": span(self.cue),
            "content": span(self.content),
            "speaker": self.speaker,
            "source_type": self.source_type,
            "direct": self.direct,
            "stance": self.stance,
        }


# ------------------------------------------------------------------------------ word lists

# The words the rules step over or stop at (determiners, time words ...), in data/.
_WORDS = package_words("source_rule_words.yaml")


@dataclass(frozen=True)
class _Form:
    lemma: str
    stance: str
    frame: str
    kind: str  # base, s, past, ing, pp


@dataclass
class _Lexicon:
    forms: dict[str, _Form]
    phrases: dict[str, list[tuple[tuple[str, ...], str]]]  # first word -> (words, stance)
    audiences: frozenset[str]
    words: dict[str, frozenset[str]]
    phrase_sets: dict[str, frozenset[str]]
    gender: dict[str, str]
    heads: frozenset[str]
    modifiers: frozenset[str]
    anonymous_phrase: re.Pattern[str]  # any of the anonymous phrases, found with one search
    first_words: frozenset[str] = frozenset()
    not_name: frozenset[str] = frozenset()
    not_person: frozenset[str] = frozenset()  # modifiers | not_name | honorifics: not a name


def _regular_forms(lemma: str) -> list[tuple[str, str]]:
    if lemma.endswith("e"):
        s, ed, ing = lemma + "s", lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        s, ed, ing = lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    elif lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        s, ed, ing = lemma + "es", lemma + "ed", lemma + "ing"
    else:
        s, ed, ing = lemma + "s", lemma + "ed", lemma + "ing"
    return [(lemma, "base"), (s, "s"), (ed, "past"), (ing, "ing")]


def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    return noun + "s"


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    cues = package_yaml("reporting_cues.yaml")
    words = package_yaml("source_words.yaml")
    forms: dict[str, _Form] = {}
    for stance, verbs in cues["verbs"].items():
        for lemma, spec in verbs.items():
            spec = spec or {}
            frame = spec.get("frame", "clause")
            if "forms" in spec:
                parts = spec["forms"].split("|")
                kinds = ["base", "s", "past", "ing", "pp"]
                listed = list(zip(parts, kinds))
            else:
                listed = _regular_forms(lemma)
            for form, kind in listed:
                forms.setdefault(form, _Form(lemma, stance, frame, kind))
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for stance, items in cues["phrases"].items():
        for p in items or []:
            ws = tuple(p.lower().split())
            phrases.setdefault(ws[0], []).append((ws, stance))
    for lst in phrases.values():
        lst.sort(key=lambda x: -len(x[0]))
    single: dict[str, frozenset[str]] = {}
    multi: dict[str, frozenset[str]] = {}
    for key, value in words.items():
        if isinstance(value, list):
            vals = [str(v).lower() for v in value]
            single[key] = frozenset(v for v in vals if " " not in v)
            multi[key] = frozenset(v for v in vals if " " in v)
    single["person_singular"] = single["person_heads"]
    for key in (
        "anonymous",
        "person_heads",
        "institutions",
        "documents",
        "social_posts",
    ):
        single[key] = single[key] | frozenset(_plural(w) for w in single[key])
    gender = {}
    for g, ws in words["honorifics"].items():
        for w in ws:
            gender[w.rstrip(".")] = g
    pron = words["pronouns"]
    single["pronouns"] = frozenset(w for ws in pron.values() for w in ws)
    heads = (
        single["anonymous"]
        | single["person_heads"]
        | single["institutions"]
        | single["documents"]
        | single["social_posts"]
        | single["outlets"]
        | single["roles"]
    )
    modifiers = single["nationalities"] | single["roles"] | frozenset(gender)
    not_name = (
        single["not_names"]
        | single["institutions"]
        | single["countries"]
        | single["outlets"]
        | single["metonyms"]
        | single["documents"]
    )
    return _Lexicon(
        forms=forms,
        phrases=phrases,
        audiences=frozenset(a.lower() for a in cues["audiences"]),
        words=single,
        phrase_sets=multi,
        gender=gender,
        heads=heads,
        modifiers=modifiers,
        anonymous_phrase=re.compile("|".join(map(re.escape, sorted(multi["anonymous_phrases"])))),
        first_words=frozenset(forms) | frozenset(phrases),
        not_person=modifiers | not_name | frozenset(gender),
        not_name=not_name,
    )


# ------------------------------------------------------------------------------ quotations

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_QUOTE_CHARS = re.compile(r"[\"“”„«»‘’']")
_QUOTE_MARKS = "\"“”„«»‘’'"


def find_quotes(text: str, paragraphs: Iterable[Span] | None = None) -> list[Span]:
    """Quotations in the text as spans that include their quotation marks, in order.

    Single quotes count only outside double quotes (inside, they are nested quotes). A paragraph
    that leaves a double quote open goes on into the next paragraph when that one opens with a
    quotation mark (the news convention for long quotes); otherwise it ends at the paragraph end.
    """
    paras = list(paragraphs) if paragraphs is not None else _line_spans(text)
    quotes: list[Span] = []
    carry: int | None = None
    for n, p in enumerate(paras):
        open_d: int | None = None
        open_s: int | None = None
        skip_first = False
        if carry is not None:
            first = text[p.start : p.start + 1]
            if first in _OPEN_DOUBLE or first == '"':
                open_d, skip_first = carry, True
            else:
                quotes.append(Span(carry, _rstrip_end(text, paras[n - 1])))
            carry = None
        for m in _QUOTE_CHARS.finditer(text, p.start, p.end):
            i = m.start()
            ch = text[i]
            if skip_first and i == p.start:
                continue
            prev = text[i - 1] if i > p.start else " "
            nxt = text[i + 1] if i + 1 < p.end else " "
            if ch in _OPEN_DOUBLE:
                if open_d is None:
                    open_d, open_s = i, None
            elif ch in _CLOSE_DOUBLE:
                if open_d is not None:
                    quotes.append(Span(open_d, i + 1))
                    open_d = None
            elif ch == '"':
                if open_d is None:
                    if not (nxt.isspace() and not prev.isspace()):
                        open_d, open_s = i, None
                else:
                    quotes.append(Span(open_d, i + 1))
                    open_d = None
            elif open_d is None:
                # Single quotes: opening after a space or bracket, closing before a non-letter.
                if ch in "‘'" and (prev.isspace() or prev in "([—–-") and nxt.isalnum():
                    if open_s is None:
                        open_s = i
                elif ch in "’'" and open_s is not None and not nxt.isalnum():
                    if i - open_s > 1:
                        quotes.append(Span(open_s, i + 1))
                    open_s = None
        if open_d is not None:
            carry = open_d
    if carry is not None and paras:
        quotes.append(Span(carry, _rstrip_end(text, paras[-1])))
    quotes.sort(key=lambda s: s.start)
    return quotes


def _rstrip_end(text: str, p: Span) -> int:
    return p.start + len(text[p.start : p.end].rstrip())


def _line_spans(text: str) -> list[Span]:
    from kit.articles.segment import paragraph_spans

    return paragraph_spans(text)


# ------------------------------------------------------------------------------ tokens

_COMPANY_ENDS = frozenset(_WORDS["company_ends"])

_PERSON_TITLES = frozenset(_WORDS["person_titles"])
_CORE_STOP = frozenset(_WORDS["core_stops"])
_SUBORDINATE = re.compile(
    r"\s*(?:after|before|while|when|because|since|until|following|during|amid)\b",
    re.IGNORECASE,
)
_INSERTED_ACCORDING = re.compile(r",\s*according to [^,]{1,80},?\s*$")
# Small patterns of the attribution rules, compiled once (re's own cache costs a look-up a call).
_LEAD_PUNCT = re.compile(r"[\s,:;—–-]*")
_THAT = re.compile(r"\s*that\b\s*")
_ASIDE = re.compile(r"\s*,\s*([^,]{1,90}),")
_CLOSING_ASIDE = re.compile(r"\s*,\s*([^,]{1,90}?)[.!?]?\s*$")
_COMMA = re.compile(r"\s*,\s*")
_COMMA_WHO = re.compile(r"\s*,\s*(?:who|which)\b")
_OF_THAT_DASH = re.compile(r"\s*(?:of|that)\b|\s*[—–-]")
_ASIDE_OPENING = re.compile(r"\s*(?:who|whom|which|whose|aged|a|an|the|\d)")
_ONE_WORD = re.compile(r"\s*[\w-]+\s*")
_LEAD_CONNECTIVE = re.compile(r"(?:But|And|Meanwhile|However|So|Yet|Also)\b,?\s*")
_GERUND_PREPS = frozenset(_WORDS["gerund_prepositions"])
_FUNCTION_CAPS = frozenset(_WORDS["function_caps"])
_ANON_TAIL = re.compile(
    r"\s+(?:with (?:direct )?knowledge of|familiar with|close to|briefed on|involved in|aware of|"
    r"knowledgeable about|with (?:direct )?access to)\s+(?:the |a |an |his |her |its |their )?"
    r"[\w-]+(?: of(?: the)? [\w-]+)?"
)
_NOUN_BEFORE = frozenset(_WORDS["noun_before"])
_RECENT = 40  # how far back (mentions, sources) names and descriptions are looked up
_MODALS = frozenset(_WORDS["modals"])
_COORDINATORS = frozenset(_WORDS["coordinators"])
_OTHER_ROLE = frozenset(_WORDS["other_roles"])
_PUBLISHED_PP = frozenset(_WORDS["published_participles"])
_PP_BY = frozenset(_WORDS["published_participle_next"])
_PUBLISHED = frozenset(_WORDS["published_words"])
_GENERIC_OUTLETS = frozenset(_WORDS["generic_outlets"])
# A token: a word (letters and digits, with ’ ' - . inside but not at its end) or one other
# character that is not a space.
_TOKEN = re.compile(r"[^\W_](?:[\w’'\-.]*\w)?|[^\w\s]")
# The same tokens for _Tokens' split(), written for speed: possessive repeats never backtrack,
# and the look-ahead rules out spaces and "_" so that "." can stand for "[^\w\s]".
_TOKEN_SPLIT = re.compile(r"(?=[^\s_])([^\W_]\w*+(?:[’'\-.]++\w++)*+|.)")
_TIME_WORDS = frozenset(_WORDS["time_words"])
_AUX = frozenset(_WORDS["auxiliaries"])
_BOUNDARY_WORDS = frozenset(_WORDS["clause_words"])
_INDEFINITE = frozenset(_WORDS["indefinite"])

_DETS = frozenset(_WORDS["determiners"])
_PREPS = frozenset(_WORDS["prepositions"])
_RELATIVE = frozenset(_WORDS["relative"])
# Unions of the lists above, made once rather than at each use.
_OBJECT_PREPS = _PREPS | {"by", "with", "about"}
_PREPS_DETS_BY = _PREPS | _DETS | {"by"}
_PREPS_THE = _PREPS | {"the"}
_TIME_OR_AUX = _TIME_WORDS | _AUX
_BOUNDARY_OR_TIME = _BOUNDARY_WORDS | _TIME_WORDS
_TIME_NOT_PREP = _TIME_WORDS - {"the", "in", "on", "at"}
_ADVERBIAL_NOUNS = frozenset(_WORDS["adverbial_nouns"])


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    low: str
    cap: bool
    word: bool


class _Tokens(dict[int, _Token]):
    """The text's tokens, made into `_Token` objects only when looked at (most never are).

    A dict from index to token: a token already made is a plain dict look-up, with no Python call
    (the rules look at some tokens many times); `__missing__` makes the others.
    """

    __slots__ = ("text", "starts", "words", "lows", "n")

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        # split() with a group gives [gap, token, gap, token, ..., gap]; the running sum of the
        # lengths is every token's start, with no match object per token.
        parts = _TOKEN_SPLIT.split(text)
        self.starts = list(accumulate(map(len, parts)))[0:-1:2]
        self.words = parts[1::2]
        self.lows = list(map(str.lower, self.words))
        self.n = len(self.starts)

    def __len__(self) -> int:
        return self.n

    def __iter__(self) -> Iterator[_Token]:  # type: ignore[override]
        return (self[k] for k in range(self.n))

    def __missing__(self, k: int) -> _Token:
        if k < 0:
            if k < -self.n:
                raise IndexError(k)
            return self[k + self.n]  # one object per token, under its index from the start
        a = self.starts[k]  # IndexError past the end, as a list would
        w = self.words[k]
        word = w[0].isalnum()
        t = self[k] = _Token(a, a + len(w), w, self.lows[k], word and w[0].isupper(), word)
        return t

    def slice(self, i: int, j: int) -> list[_Token]:
        return [self[k] for k in range(max(0, i), min(j, self.n))]


_UPPER = "A-ZÀ-ÖØ-Þ\u0100-\u024f"
# The capital comes before the look-behind (which then looks at the character before it), so
# that the regex engine can skip ahead to the next capital instead of trying every position.
_MULTI_CAP = re.compile(
    rf"[{_UPPER}](?<![\w'’.\-].)[\w'’.\-]*\.? (?=[{_UPPER}]|(?:al|el|bin|ibn|de|van|von)[ -])"
)


@lru_cache(maxsize=256)
def _institution_pattern(head: str) -> re.Pattern[str]:
    return re.compile(
        r"((?:[A-Z][\w'’-]+ ){0,4}"
        + re.escape(head.capitalize())
        + r"(?: of(?: the)?(?: [A-Z][\w-]+)+)?)"
    )


def _unaccent(s: str) -> str:
    """The text without accents ("Erdoğan" -> "Erdogan")."""
    if s.isascii():
        return s
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def _fold(s: str) -> str:
    """Lower case without accents, for matching names ("Erdoğan" = "Erdogan")."""
    return _unaccent(s).lower()


_PARTICLES = frozenset(_WORDS["name_particles"])


def _strip_possessive(w: str) -> str:
    return w[:-2] if w.endswith(("'s", "’s")) else w


# ------------------------------------------------------------------------------ people


@dataclass
class _Person:
    name: str
    key: tuple[str, ...]
    roles: set[str] = field(default_factory=set)
    gender: str | None = None
    confirmed: bool = False


@dataclass
class _Mention:
    start: int
    end: int
    person: _Person
    possessive: bool
    sentence: int


# ------------------------------------------------------------------------------ the detector


@dataclass
class _Cue:
    start: int
    end: int
    ti: int  # first token
    tj: int  # token after the cue
    lemma: str
    stance: str
    frame: str
    kind: str


@dataclass
class _Source:
    span: Span
    speaker: str | None
    type: str
    person: _Person | None = None


class _Doc:
    """One article under analysis: tokens, quotations, sentences, people."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.lex = _lexicon()
        self.tokens = _Tokens(self.text)
        self.tstarts = self.tokens.starts
        self.quotes = find_quotes(self.text, article.paragraphs)
        self.qstarts = [q.start for q in self.quotes]
        sents = article.sentences
        self.sents = [(s.start, s.end, s.paragraph) for s in sents] or [(0, len(self.text), 0)]
        self.sstarts = [s[0] for s in self.sents]
        self.people: dict[tuple[str, ...], _Person] = {}
        self.mentions: list[_Mention] = []
        self.found: list[Attribution] = []
        self.source_history: list[tuple[int, int, _Source]] = []  # (pos, sentence, source)
        self.sources_in: dict[int, list[tuple[int, _Source]]] = {}  # sentence -> sources
        self._find_people()

    # -------------------------------------------------------------- helpers

    def tok_at(self, pos: int) -> int:
        """Index of the first token starting at or after pos."""
        return bisect_right(self.tstarts, pos - 1)

    def sentence_of(self, pos: int) -> int:
        s = bisect_right(self.sstarts, pos) - 1
        return s if s > 0 else 0

    def quote_around(self, pos: int) -> Span | None:
        i = bisect_right(self.qstarts, pos) - 1
        while i >= 0:
            q = self.quotes[i]
            if q.start < pos < q.end - 1:
                return q
            if q.end < pos - 2000:
                break
            i -= 1
        return None

    def quote_ending_at(self, pos: int, lo: int) -> Span | None:
        """A quotation whose end is at `pos` give or take commas and spaces."""
        end = max(lo, _rstrip_at(self.text, pos, " \t\n,:;—–-"))
        i = bisect_right(self.qstarts, end) - 1
        while i >= 0:
            q = self.quotes[i]
            if q.end == end or (q.end < end and not self.text[q.end : end].strip(",.;: ")):
                return q if q.end >= end - 2 else None
            if q.end < end - 3:
                return None
            i -= 1
        return None

    def quote_starting_at(self, pos: int, hi: int) -> Span | None:
        """A quotation opening at `pos` after spaces, a colon, comma or dash."""
        m = _LEAD_PUNCT.match(self.text, pos, hi)
        start = m.end() if m else pos
        i = bisect_right(self.qstarts, start) - 1
        if i >= 0 and self.quotes[i].start == start:
            return self.quotes[i]
        return None

    # -------------------------------------------------------------- people

    def _find_people(self) -> None:
        # This pass looks at every capitalised run, so it reads the token lists (words, lower
        # case, starts) directly rather than making a `_Token` for each word it looks at.
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
                if m.group()[:-1].lower() not in _FUNCTION_CAPS  # the word before the space
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
                    or (group and (lj in _PARTICLES or lj.startswith(("al-", "el-", "bin-"))))
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
            titled = bool(roles & person_heads)
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
                    elif low in _PERSON_TITLES:
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
            if _strip_possessive(lows[last]).rstrip(".") in _COMPANY_ENDS:
                continue  # "Voltcycle Ltd": a company
            possessive = lows[last].endswith(("'s", "’s"))
            parts = [_strip_possessive(words[g]) for g in names]
            folded = [p.lower() if p.isascii() else _fold(p) for p in parts]  # _fold, inlined
            if any(
                p in not_name or p in modifiers or (len(p) > 1 and words[g].isupper())
                for p, g in zip(folded, names)
            ):
                continue
            if any(map(str.isdigit, "".join(parts))):  # any character a digit
                continue
            start = tstarts[names[0]]
            end = tstarts[last] + len(words[last]) - (2 if possessive else 0)
            if len(names) >= 2:
                key = tuple(folded)
                person = self.people.get(key)
                if person is None:
                    person = self.people[key] = _Person(text[start:end], key)
                person.roles |= roles
                person.gender = person.gender or gender
                person.confirmed |= titled
                self.mentions.append(
                    _Mention(start, end, person, possessive, self.sentence_of(start))
                )
            elif titled:
                singles.append((start, end, folded[0], roles, gender, possessive))
        # Lone names: "Mr Putin", "Sir Keir", "Zelensky" -> the full name used elsewhere.
        by_last: dict[str, _Person] = {}
        by_first: dict[str, _Person] = {}
        for p in self.people.values():
            by_last.setdefault(p.key[-1], p)
            by_first.setdefault(p.key[0], p)
        for start, end, low, roles, gender, possessive in singles:
            person = by_last.get(low) or by_first.get(low)
            if person is None:
                key = (low,)
                person = self.people.setdefault(key, _Person(text[start:end], key))
                by_last.setdefault(low, person)
            person.roles |= roles
            person.gender = person.gender or gender
            person.confirmed = True
            self.mentions.append(_Mention(start, end, person, possessive, self.sentence_of(start)))
        same_last: dict[str, list[_Person]] = {}
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
            for name in {surname, _unaccent(surname)}:  # "Erdoğan" is also written "Erdogan"
                at = text.find(name)
                while at >= 0:
                    hits.append(at)
                    at = text.find(name, at + len(name))
        for at in sorted(hits):
            k = self.tok_at(at)
            if k >= n or tstarts[k] != at:
                continue
            wk = words[k]
            if wk[0].isalnum() and wk[0].isupper():
                low = _fold(_strip_possessive(wk))
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
                    c = bisect_right(cstarts, at) - 1
                    if c >= 0 and covered[c][0] <= at < covered[c][1]:
                        continue
                    poss = lows[k].endswith(("'s", "’s"))
                    end = at + len(wk) - (2 if poss else 0)
                    self.mentions.append(_Mention(at, end, person, poss, self.sentence_of(at)))
        self.mentions.sort(key=lambda m: m.start)
        self.mstarts = [m.start for m in self.mentions]

    def person_in(self, lo: int, hi: int) -> _Person | None:
        """The person named inside [lo, hi) (an appositive name wins over a possessive one)."""
        i = bisect_right(self.mstarts, lo - 1)
        best = None
        while i < len(self.mentions) and self.mentions[i].start < hi:
            m = self.mentions[i]
            if m.end <= hi and not m.possessive:
                best = m.person
            i += 1
        return best

    def mention_ending(self, hi: int) -> _Mention | None:
        i = bisect_right(self.mstarts, hi) - 1
        while i >= 0 and self.mentions[i].start >= hi - 80:
            m = self.mentions[i]
            if m.end == hi and not m.possessive:
                return m
            i -= 1
        return None

    def resolve_pronoun(self, gender: str | None, pos: int, sent: int) -> _Person | None:
        """The person "he"/"she" at `pos` most likely means: subjects of the sentences before."""
        for s in range(sent, max(-1, sent - 6), -1):
            cands: list[tuple[int, _Person]] = []
            for hp, src in self.sources_in.get(s, ()):
                if hp < pos and src.person is not None:
                    cands.append((hp, src.person))
            lo, hi = self.sents[s][0], min(self.sents[s][1], pos)
            i = bisect_right(self.mstarts, lo - 1)
            while i < len(self.mentions) and self.mentions[i].start < hi:
                m = self.mentions[i]
                k = self.tok_at(m.start) - 1
                obj = k >= 0 and self.tokens[k].low in _OBJECT_PREPS
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
    ) -> _Person | None:
        """The person a description ("the Ukrainian president") most likely refers to."""
        weak = None
        seen: set[int] = set()
        # The last mentions and sources before pos: a description refers back, not far back.
        i = bisect_right(self.mstarts, pos - 1)
        cands = [(m.start, m.person) for m in self.mentions[max(0, i - _RECENT) : i]]
        cands += [
            (hp, s.person) for hp, _, s in self.source_history[-_RECENT:] if s.person and hp < pos
        ]
        cands.sort(key=lambda c: -c[0])
        for _, p in cands:
            if id(p) in seen:
                continue
            seen.add(id(p))
            if head in p.roles:
                if p.roles & _OTHER_ROLE and not set(mods) & _OTHER_ROLE:
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

    # -------------------------------------------------------------- cues

    def find_cues(self) -> list[_Cue]:
        """Reporting verbs and phrases, in text order (a phrase wins over its first word)."""
        lex = self.lex
        toks = self.tokens
        # From the token lists: a cue word is a word, so it is capitalised when upper case.
        tstarts, twords, lows = toks.starts, toks.words, toks.lows
        out: list[_Cue] = []
        next_free = 0
        for i in self._cue_word_tokens():
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
                    out.append(_Cue(start, end, i, i + k, lemma, stance, frame, kind))
                    next_free = i + k
                    found = True
                    break
            if not found and form is not None and (not twords[i][0].isupper() or i == 0):
                end = start + len(twords[i])
                out.append(
                    _Cue(start, end, i, i + 1, form.lemma, form.stance, form.frame, form.kind)
                )
        return out

    def _cue_word_tokens(self) -> list[int]:
        """Indices of the tokens that can start a cue: a whole token that is a first word."""
        first = self.lex.first_words
        lows = self.tokens.lows
        return list(compress(range(len(lows)), map(first.__contains__, lows)))

    # -------------------------------------------------------------- noun phrases

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
                if name_like and (low not in _FUNCTION_CAPS or prev_cap):
                    head = not low.endswith(("'s", "’s"))
                    j += 1
                    if head:
                        last = j
                    continue
                if low.isdigit() and prev_cap:
                    j += 1  # "Number 10", "Apollo 11"
                    last = j if head else last
                    continue
                if low in _DETS or low.isdigit():
                    if head:
                        break
                    # "one of the users", "some of the officials"
                    if j + 1 < n and lows[j + 1] == "of":
                        j += 2
                        continue
                    j += 1
                    continue
                core = _strip_possessive(low)
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
                if head and low in _PUBLISHED_PP and j + 1 < n and lows[j + 1] in _PP_BY:
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
                by_doc = low == "by" and _strip_possessive(lows[j - 1]) in w["documents"]
                if (low in _PREPS or by_doc) and head and j + 1 < n:
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
                if head and _strip_possessive(lows[j - 1]) in w["anonymous"]:
                    m = _ANON_TAIL.match(self.text, tstarts[j - 1] + len(words[j - 1]))
                    if m is not None and m.end() <= hi:
                        j = last = self.tok_at(m.end())
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
                if not head and unknown < 2 and not cap and low not in _BOUNDARY_WORDS:
                    # An adjective the lists do not know: "his surviving father", "selection
                    # committee member"; at the start only right before a noun the lists know.
                    if j > i:
                        unknown += 1
                        j += 1
                        continue
                    if j + 1 < n and low not in _PREPS:
                        cn = words[j + 1][0]
                        if cn.isalnum() and (
                            cn.isupper() or _strip_possessive(lows[j + 1]) in lex.heads
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
    # tokens: they read the token lists (words, lower case, starts) rather than `_Token`s.
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
            if k == j - 1 and low in pronouns and start + len(w) == end_pos:
                return start, end_pos
            c = w[0]
            if not c.isalnum() or low in _BOUNDARY_WORDS:
                continue
            cap = c.isupper()
            if not cap and low in _TIME_WORDS and low != "the":
                continue
            if cap and low in not_names and low not in _DETS:
                continue
            if k > i:
                c = words[k - 1][0]
                if c.isalnum() and not c.isupper():
                    prev = lows[k - 1]
                    if prev not in _TIME_WORDS and prev not in _BOUNDARY_WORDS and prev not in _AUX:
                        if not (cap or prev in _PREPS):
                            continue  # start an NP only after a clause word, not mid-phrase
            e = self.np_end(k, end_pos)
            if e > k and starts[e - 1] + len(words[e - 1]) == end_pos:
                return start, end_pos
        return None

    def strip_back(self, lo: int, pos: int) -> int:
        """Move `pos` back over auxiliaries, adverbs and time words ("has also", "on Sunday")."""
        toks = self.tokens
        words, lows, starts = toks.words, toks.lows, toks.starts
        k = bisect_right(starts, pos - 1) - 1  # tok_at(pos) - 1
        if k > 0 and words[k] == "." and starts[k] >= lo and lows[k - 1] in _COMPANY_ENDS:
            return starts[k - 1] + len(words[k - 1])  # "Acme Inc. said": the name ends at "Inc"
        while k >= 0 and starts[k] >= lo and words[k][0].isalnum():
            low = lows[k]
            if low in _AUX or (low in _TIME_WORDS and low != "the"):
                k -= 1
            elif low in ("on", "in", "at") and k + 1 < toks.n:
                k -= 1
            else:
                break
        return starts[k] + len(words[k]) if k >= 0 else lo

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
                if w in ",;:—–" or w in _QUOTE_MARKS:
                    return starts[k] + len(w), w
                low = lows[k]
                if low in _BOUNDARY_WORDS and w[0].isalnum() and not w[0].isupper():
                    return starts[k] + len(w), low
            k -= 1
        return lo, "start"

    def sentence_subject(self, s: int) -> tuple[int, int] | None:
        """The noun phrase a sentence opens with, after introductory words and phrases."""
        lo, hi, _ = self.sents[s]
        toks = self.tokens
        words, lows, starts, n = toks.words, toks.lows, toks.starts, toks.n
        i = self.tok_at(lo)
        tries = 0
        while i < n and starts[i] < hi and tries < 3:
            # Skip time and clause words and punctuation other than quotation marks.
            k = i
            while k < n and starts[k] < hi:
                if words[k][0].isalnum():
                    if lows[k] in _TIME_WORDS or lows[k] in _BOUNDARY_WORDS:
                        k += 1
                        continue
                elif words[k] not in _QUOTE_MARKS:
                    k += 1
                    continue
                break
            if k >= n or starts[k] >= hi:
                return None
            e = self.np_end(k, hi)
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

    # -------------------------------------------------------------- classification

    def classify(self, lo: int, hi: int, probe: bool = False) -> _Source | None:
        """Type and speaker of the noun phrase text[lo:hi]; None when it cannot be a source."""
        lex = self.lex
        w = lex.words
        text = self.text
        low = text[lo:hi].lower()
        span = Span(lo, hi)
        toks = [t for t in self.tokens.slice(self.tok_at(lo), self.tok_at(hi)) if t.end <= hi]
        if not toks:
            return None
        if len(toks) == 1 and toks[0].low in w["pronouns"]:
            return self._pronoun(span, toks[0].low, probe)
        # The core: tokens before a preposition, "and", an appositive comma or a bracket.
        core: list[_Token] = []
        rest = len(toks)
        # "One of the users", "some of the officials": the phrase after "of".
        if len(toks) > 2 and toks[0].low in _DETS and toks[1].low == "of":
            toks = toks[2:]
            if toks[0].low in ("them", "those"):
                # "One of them": one of the people just quoted.
                earlier = self._earlier_source("anonymous", lo)
                return _Source(span, earlier or text[lo:hi], "anonymous")
        for x, t in enumerate(toks):
            if core and t.low in _CORE_STOP:
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
        head = _strip_possessive(core_words[-1].low)
        core_text = text[core[0].start : core[-1].end]
        bare = _bare(core_text)
        bare_low = bare.lower()
        if lex.anonymous_phrase.search(low) or any(t.low in ("anonymous", "unnamed") for t in toks):
            whole = any(x in low for x in ("close to", "familiar with"))
            return _Source(span, _bare(text[lo:hi]) if whole else bare, "anonymous")
        # A person named in the core or in an appositive, not in a prepositional phrase:
        # "Associates of Navalny" are not Navalny.
        person = self.person_in(core[0].start, core[-1].end)
        if person is not None and self.mention_ending(core[-1].end) is None:
            person = None  # "the El Paso mayor": the name only describes the head
        if person is None:
            # "US Ambassador to Germany Richard Grenell": a name that closes the phrase, not
            # the object of a preposition ("Associates of Navalny").
            last = self.mention_ending(hi)
            if last is not None:
                k = self.tok_at(last.start) - 1
                if k >= 0 and self.tokens[k].low not in _PREPS_DETS_BY:
                    person = last.person
        if person is None:
            comma = next((t for t in toks[rest:] if t.text == ","), None)
            if comma is not None:
                person = self.person_in(comma.end, hi)
                if person is None:  # "The plant's owner, Voltcycle Ltd, said"
                    firm = _appositive_institution(toks, comma)
                    if firm is not None:
                        return _Source(span, text[firm[0] : firm[1]], "institution")
        owner = self._owner(toks, rest, core_words)
        outlet = self._outlet_name(core_words, bare)
        if outlet is not None:
            return _Source(span, outlet, "other_outlet")
        if head in w["social_posts"]:
            return _Source(span, owner or (person.name if person else bare), "social_post")
        if person is not None and head not in w["documents"]:
            return _Source(span, person.name, "named_person", person)
        for phrase in (bare_low, core_text.lower()):
            if phrase in w["metonyms"] or phrase in lex.phrase_sets["metonyms"]:
                return _Source(span, bare, "institution")
            if phrase in w["countries"] or phrase in lex.phrase_sets["countries"]:
                return _Source(span, bare, "institution")
        if head in w["documents"]:
            return _Source(span, owner or bare, "document")
        caps = [t for t in core_words if t.cap and t.low not in _DETS]
        if head in w["institutions"] or any(
            _strip_possessive(t.low) in w["institutions"] and t.cap for t in core_words
        ):
            if caps and any(t.cap for t in core_words[1:] + core_words[-1:]):
                name = self.resolve_name(_institution_name(text, toks, rest), lo)
                if " " not in name and name.lower() in w["institutions"]:
                    name = self.resolve_institution(name.lower(), lo) or name  # "Police"
                return _Source(span, name, "institution")
            if probe:
                return _Source(span, bare, "institution")
            # "the ambulance service" is not the fire service named earlier: the words before
            # the head must appear in the name it resolves to.
            mods = [t.low for t in core_words[:-1] if t.low not in _DETS]
            named = self.resolve_institution(head, lo, mods)
            return _Source(span, named or bare, "institution")
        if any(len(t.text) > 1 and t.text.isupper() and t.text.isalpha() for t in core_words):
            return _Source(span, _institution_name(text, toks, rest), "institution")
        if head in w["anonymous"] or head in w["person_heads"] or head in w["roles"]:
            first = core_words[0].low
            plural = head.endswith("s") and head not in w["person_singular"]
            if first in _INDEFINITE or plural or head in ("official", "source", "sources"):
                return _Source(span, bare, "anonymous")  # "a spokesman", "one mother"
            if head in w["person_heads"] or head in w["roles"]:
                if probe:
                    return _Source(span, bare, "named_person")
                mods = [
                    t.low for t in core_words[:-1] if t.low in lex.modifiers and t.low not in _DETS
                ]
                mods = [m for m in mods if m not in ("former", "current", "the")]
                # In the headline the person is named later: "..., says climate envoy".
                head_para = self.article.headline_span
                in_headline = head_para is not None and head_para.start <= lo < head_para.end
                at = len(self.text) if in_headline else lo
                who = self.resolve_role(head, mods, at, definite=first == "the" or in_headline)
                if who is not None:
                    who.roles.add(head)
                    who.roles.update(mods)
                    return _Source(span, who.name, "named_person", who)
                return _Source(span, bare, "named_person")
            return _Source(span, bare, "anonymous")
        if caps:
            if (
                len(caps) == 1
                and caps[0] is core_words[0]
                and caps[0].start == self._sent_start(lo)
            ):
                # A capitalised first word of a sentence is not a name by itself.
                if caps[0].low in w["not_names"]:
                    return None
            name = self.resolve_name(_institution_name(text, toks, rest) or bare, lo)
            # People do not take "the": "The Taliban", "the Hajo assembly" are organisations.
            kind = "institution" if core_words[0].low == "the" else "unknown"
            return _Source(span, name, kind)
        return None

    def _owner(self, toks: list[_Token], rest: int, core_words: list[_Token]) -> str | None:
        """Who a document or post belongs to: "RIAA's notice", "a survey ... by the Society"."""
        for t in core_words[:-1]:
            if t.cap and t.low.endswith(("'s", "’s")):
                return _strip_possessive(t.text)
        for x in range(rest, len(toks)):
            if toks[x].low == "by" and x + 1 < len(toks):
                e = self.np_end(self.tok_at(toks[x + 1].start), toks[-1].end + 1)
                k = self.tok_at(toks[x + 1].start)
                if e > k:
                    lo, hi = self.tokens[k].start, self.tokens[e - 1].end
                    person = self.person_in(lo, hi)
                    if person is not None:
                        return person.name
                    return _institution_name(self.text, self.tokens.slice(k, e), e - k)
        return None

    def _outlet_name(self, core_words: list[_Token], bare: str) -> str | None:
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
                    if t.cap and t.low not in _DETS:
                        caps.append(t.text)
                if caps:
                    name = " ".join(_strip_possessive(c) for c in caps)
                    return self.resolve_name(name, core_words[0].start)
                if len(words) - k == 1 and words[k] in _GENERIC_OUTLETS:
                    earlier = self._earlier_source("other_outlet", core_words[0].start)
                    if earlier:
                        return earlier
                return bare
        return None

    def _earlier_source(self, kind: str, pos: int) -> str | None:
        for hp, _, src in reversed(self.source_history[-_RECENT:]):
            if hp < pos and src.type == kind and src.speaker:
                return src.speaker
        return None

    def resolve_name(self, name: str, pos: int) -> str:
        """A short name as the fuller one used earlier: "The Telegraph" -> "The Daily Telegraph"."""
        bare = _bare(name)
        if not bare or " " in bare and len(bare.split()) > 2:
            return bare
        words = bare.split()
        for _, _, src in reversed(self.source_history[-_RECENT:]):
            sp = src.speaker or ""
            if sp != bare and len(sp) > len(bare) and sp.split()[-len(words) :] == words:
                return sp
        return bare

    def _sent_start(self, pos: int) -> int:
        s = self.sents[self.sentence_of(pos)][0]
        return s + len(self.text[s:pos]) - len(self.text[s:pos].lstrip("\"“‘'( "))

    def _pronoun(self, span: Span, low: str, probe: bool) -> _Source | None:
        if probe:
            return _Source(span, low, "unknown")
        sent = self.sentence_of(span.start)
        if low in ("he", "she"):
            gender = "male" if low == "he" else "female"
            p = self.resolve_pronoun(gender, span.start, sent)
            if p is None:
                return _Source(span, None, "named_person")
            return _Source(span, p.name, "named_person", p)
        # "they", "it": the last non-person source, or the subject of the sentence before.
        for hp, hs, src in reversed(self.source_history):
            if hp < span.start and hs >= sent - 2 and src.type != "named_person":
                return _Source(span, src.speaker, src.type)
            if hs < sent - 2:
                break
        if sent > 0:
            subj = self.sentence_subject(sent - 1)
            if subj:
                src = self.classify(*subj)
                if src and src.type not in ("named_person", "unknown"):
                    return _Source(span, src.speaker, src.type)
        return _Source(span, None, "unknown") if low == "they" else None

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
            for _, _, src in reversed(self.source_history[-_RECENT:]):
                if src.type == "institution" and src.speaker and head in src.speaker.lower():
                    if fits(src.speaker):
                        return src.speaker
        return _bare(found) if found else None

    # -------------------------------------------------------------- attribution

    def attribute(self, cue: _Cue, prev: list[tuple[_Cue, Attribution]]) -> Attribution | None:
        text = self.text
        toks = self.tokens
        if self.quote_around(cue.start) is not None:
            return None
        sent = self.sentence_of(cue.start)
        s_lo, s_hi, para = self.sents[sent]
        prev_cue = prev[-1][0] if prev else None
        lo = s_lo
        if prev_cue is not None and prev_cue.lemma != "according to":
            lo = max(lo, prev_cue.end)
        before = toks[cue.ti - 1] if cue.ti > 0 else None
        if before is not None and cue.lemma != "according to" and before.low in _NOUN_BEFORE:
            return None  # "the report", "its plans", "of claims": a noun, not a cue
        after_i = cue.tj
        if cue.frame == "that" and not self._that_follows(cue, before, s_hi):
            return None
        if self._hypothetical(cue):
            return None
        if cue.lemma == "according to":
            return self._according(cue, lo, sent)
        if self._is_passive(cue, before):
            return self._passive(cue, before, sent)

        source: _Source | None = None
        content: Span | None = None
        direct = False

        # Inverted: "..., says Zelensky" / "“...,” said his father, Abdullah Kurdi"
        inverted = False
        gap_before = text[before.end : cue.start] if before else ""
        if (
            before is not None
            and cue.kind != "ing"
            and (before.text in ",”\"’'")
            and not gap_before.strip()
        ):
            j = self.np_end(after_i, s_hi)
            if j > after_i:
                end_tok = toks[j] if j < len(toks) else None
                if (
                    end_tok is None
                    or end_tok.text in ",.;:!?"
                    or end_tok.start >= s_hi
                    or end_tok.low in ("on", "in", "following", "who", "after", "at", "during")
                ):
                    hi = self._appositive(j, s_hi, toks[j - 1].end)
                    source = self.classify(toks[after_i].start, hi)
                    inverted = source is not None
        if not inverted:
            source = self._source_before(cue, before, lo, s_lo, sent, prev)
        if source is None:
            return None

        # Content: a quotation or clause after the cue, else the quotation or clause before.
        pos = source.span.end if inverted else self._skip_after_cue(cue, after_i, s_hi)
        post = None if inverted else self.quote_starting_at(pos, len(text))
        pre_anchor = cue.start if inverted or source.span.start > cue.start else source.span.start
        pre = self.quote_ending_at(pre_anchor, max(0, s_lo - 3000))
        if pre is not None and pre.end < s_lo - 2:
            gap = text[pre.end : pre_anchor]
            if gap.strip(" ,\n") or "\n" in gap:
                pre = None
        after_text = text[pos:s_hi]
        nothing_after = (
            inverted
            or not after_text.strip(' .,;:!?"”’')
            or (post is None and after_text.lstrip().startswith(","))
            or _SUBORDINATE.match(after_text) is not None
        )
        if post is not None:
            content = Span(pre.start, post.end) if pre is not None else post
            direct = True
        elif not nothing_after:
            m = _THAT.match(after_text)
            content = _trim(text, pos + (m.end() if m else 0), s_hi)
            if content is not None:
                q = self.quote_starting_at(content.start, s_hi)
                direct = bool(q and q.end >= content.end - 1)
        elif pre is not None:
            content, direct = pre, True
        else:
            # "Leaders ... are set to travel, Volodymyr Zelensky has said."
            anchor = min(source.span.start, cue.start)
            b, mark = self.boundary(s_lo, anchor)
            if mark == "," and b > s_lo and not text[b:anchor].strip():
                content = _trim(text, s_lo, b - 1)
                if content is not None:
                    content = _strip_lead(text, content)
        if content is None:
            return None
        return self._make(cue, source, content, direct, sent, para)

    def _that_follows(self, cue: _Cue, before: _Token | None, s_hi: int) -> bool:
        """For cues with other senses ("found", "continued", "read"): "that" or a quote follows,
        or a quotation ends just before."""
        toks = self.tokens
        k = cue.tj
        while k < len(toks) and toks[k].word and toks[k].low in _TIME_OR_AUX:
            k += 1
        if k < len(toks) and toks[k].low == "that":
            return True
        if self.quote_starting_at(self._skip_after_cue(cue, cue.tj, s_hi), len(self.text)):
            return True
        if before is not None and before.text in ',”"’':
            return self.quote_ending_at(cue.start, max(0, cue.start - 3000)) is not None
        return False

    def _hypothetical(self, cue: _Cue) -> bool:
        """ "would demand", "could reveal": not an act of reporting ("would not confirm" is)."""
        k = cue.ti - 1
        toks = self.tokens
        steps = 0
        negated = False
        while k >= 0 and steps < 3 and toks[k].word:
            low = toks[k].low
            if low in ("not", "n't", "never"):
                negated = True
            elif low in _MODALS:
                return not negated
            elif low not in _AUX:
                return False
            k -= 1
            steps += 1
        return False

    def _is_passive(self, cue: _Cue, before: _Token | None) -> bool:
        if cue.kind not in ("past", "pp") or before is None:
            return False
        if before.low == "as":
            return True
        toks = self.tokens
        k = cue.ti - 1
        steps = 0
        while k >= 0 and steps < 4 and toks[k].word:
            low = toks[k].low
            if low in ("was", "were", "is", "are", "been", "be", "being"):
                return True
            if low not in _AUX and low not in _TIME_WORDS:
                return False
            k -= 1
            steps += 1
        return False

    def _according(self, cue: _Cue, lo: int, sent: int) -> Attribution | None:
        """ "according to X": X is the source; the content is the rest of the clause."""
        text = self.text
        toks = self.tokens
        s_lo, s_hi, para = self.sents[sent]
        after_i = cue.tj
        j = self.np_end(after_i, s_hi)
        if j <= after_i:
            return None
        src_hi = toks[j - 1].end
        # "according to a tweet on Monday by US Secretary of State Mike Pompeo"
        k = j
        while k < len(toks) and k - j < 8 and toks[k].start < s_hi and toks[k].word:
            if toks[k].low == "by":
                e = self.np_end(k + 1, s_hi)
                if e > k + 1:
                    src_hi = toks[e - 1].end
                    j = e
                break
            if toks[k].low not in _TIME_WORDS and toks[k].low not in _PUBLISHED:
                if not (toks[k].low.isdigit() or toks[k].cap and toks[k].low in _TIME_WORDS):
                    break
            k += 1
        # "according to police, who ...," / "according to the mayor, Dee Margo,": the aside
        # belongs to the source, not to the content.
        m = _ASIDE.match(text[src_hi:s_hi])
        if m is not None:
            aside = m.group(1)
            k = self.tok_at(src_hi + m.start(1))
            e = self.np_end(k, src_hi + m.end(1))
            is_np = e > k and toks[e - 1].end == src_hi + m.end(1)
            if aside.split(" ", 1)[0] in ("who", "which", "whose") or is_np:
                src_hi = src_hi + m.end(1)
        else:
            # "..., according to prosecutor Josh Bash, the U.S. Attorney for Texas."
            m = _CLOSING_ASIDE.match(text[src_hi:s_hi])
            if m is not None:
                k = self.tok_at(src_hi + m.start(1))
                e = self.np_end(k, src_hi + m.end(1))
                if e > k and toks[e - 1].end == src_hi + m.end(1):
                    src_hi = src_hi + m.end(1)
        source = self.classify(toks[after_i].start, src_hi)
        if source is None:
            return None
        content = None
        rest = text[src_hi:s_hi]
        m = _COMMA.match(rest)
        ends = not rest.strip(' .,;:!?"”’') or _COMMA_WHO.match(rest)
        if ends:
            # "X happened, according to police(, who said ...)": the clause before.
            q = self.quote_ending_at(cue.start, max(0, s_lo - 3000))
            end = _rstrip_at(text, cue.start, " \t\n,")
            content = q if q is not None else _trim(text, s_lo, end)
        else:
            # "According to X, Y." or "Rescuers, ..., according to the ministry recovered ..."
            content = _trim(text, src_hi + (m.end() if m else 0), s_hi)
        if content is None:
            return None
        content = _strip_lead(text, content)
        q = self.quote_starting_at(content.start, s_hi)
        direct = bool(q and q.end >= content.end - 1)
        return self._make(cue, source, content, direct, sent, para)

    def _passive(self, cue: _Cue, before: _Token, sent: int) -> Attribution | None:
        """ "was told by X of ...", "as reported by X", "was announced ... by X"."""
        text = self.text
        toks = self.tokens
        s_lo, s_hi, para = self.sents[sent]
        after_i = cue.tj
        k = after_i
        while k < len(toks) and toks[k].start < s_hi and toks[k].low != "by":
            k += 1
        if k >= len(toks) or toks[k].start >= s_hi or k - after_i > 8:
            return None
        j = self.np_end(k + 1, s_hi)
        if j <= k + 1:
            return None
        source = self.classify(toks[k + 1].start, toks[j - 1].end)
        if source is None:
            return None
        content = None
        direct = False
        between = text[toks[after_i].start : toks[k].start].strip(" ,") if k > after_i else ""
        if between:
            content = _trim(text, toks[after_i].start, toks[k].start)
        else:
            pos = toks[j - 1].end
            m = _OF_THAT_DASH.match(text[pos:s_hi])
            if m:
                pos += m.end()
            q = self.quote_starting_at(pos, len(text))
            if q is not None:
                content, direct = q, True
            elif before.low == "as":
                q = self.quote_ending_at(before.start, max(0, s_lo - 3000))
                if q is not None:
                    content, direct = q, True
                else:
                    content = _trim(text, s_lo, before.start)
            elif text[pos:s_hi].strip(" .,"):
                content = _trim(text, pos, s_hi)
        if content is None:
            return None
        return self._make(cue, source, content, direct, sent, para)

    def _source_before(
        self,
        cue: _Cue,
        before: _Token | None,
        lo: int,
        s_lo: int,
        sent: int,
        prev: list[tuple[_Cue, Attribution]],
    ) -> _Source | None:
        """The source standing before the cue, or the one of the clause the cue continues."""
        text = self.text
        src_end = self.strip_back(lo, cue.start)
        # "Witnesses, according to The Telegraph, said": skip the inserted source.
        m = _INSERTED_ACCORDING.search(text, lo, src_end)
        if m is not None:
            src_end = m.start()
        after_comma = before is not None and before.text == ","
        if cue.kind == "ing" and before is not None and before.low in _GERUND_PREPS:
            return None  # "for his work in predicting ...": a gerund, not a participle
        src = None if (cue.kind == "ing" and after_comma) else self._subject_before(lo, src_end)
        if src is not None:
            k = self.tok_at(src[0]) - 1
            if k >= 0 and self.tokens[k].low in ("whether", "if"):
                return None  # "would not confirm whether Sir Keir planned to": a question
            if cue.kind == "ing" and not after_comma:
                # "with officials saying", but not "a post on social media suggesting".
                lead = self.tokens[k].low if k >= 0 else ""
                if lead not in ("with", "despite", "without", "amid"):
                    src = None
            if src is not None:
                source = self.classify(*src)
                if source is not None:
                    return source
        b, mark = self.boundary(lo, src_end)
        empty = not text[b:src_end].strip(" ,")
        continues = cue.kind == "ing" or (
            empty and mark in (",", "and", "but", "while") and b > s_lo
        )
        if not continues:
            return None
        if prev:
            last = prev[-1][1]
            if last.source is None:
                return None
            return _Source(last.source, last.speaker, last.source_type)
        subj = self.sentence_subject(sent)
        if subj is None or subj[0] > cue.start:
            return None
        return self.classify(*subj)

    def _appositive(self, j: int, s_hi: int, hi: int) -> int:
        """Extend an inverted source over ", Name," ("said his father, Abdullah Kurdi,")."""
        toks = self.tokens
        if j + 1 < len(toks) and toks[j].text == "," and toks[j + 1].cap:
            e = self.np_end(j + 1, s_hi)
            if e > j + 1 and (e >= len(toks) or toks[e].text in ",.;" or toks[e].start >= s_hi):
                if self.person_in(toks[j + 1].start, toks[e - 1].end) is not None:
                    return toks[e - 1].end
        return hi

    def _subject_before(self, lo: int, end: int) -> tuple[int, int] | None:
        """The noun phrase that is the subject of a cue, ending at `end`."""
        text = self.text
        if end <= lo:
            return None
        # "X who said" / "X, who said": the subject is X.
        k = self.tok_at(end) - 1
        if k >= 0 and self.tokens[k].low in _RELATIVE and self.tokens[k].start >= lo:
            end = _rstrip_at(text, self.tokens[k].start)
            if text[end - 1 : end] == ",":
                end -= 1
            b, _ = self.boundary(lo, end)
            return self.np_backwards(b, end)
        # "X, Y, said": X and its appositive or relative clause Y.
        if text[_rstrip_at(text, end) - 1 : _rstrip_at(text, end)] == ",":
            inner_end = _rstrip_at(text, end) - 1
            b, mark = self.boundary(lo, inner_end)
            if mark in _RELATIVE:
                # "President Trump, who appointed Murphy ..., responded"
                k = self.tok_at(b) - 1
                rel_at = _rstrip_at(text, self.tokens[k].start, " ,")
                hb, _ = self.boundary(lo, rel_at)
                np = self.np_backwards(hb, rel_at)
                if np is None:
                    return None
                if text[_rstrip_at(text, np[0]) - 1 : _rstrip_at(text, np[0])] == ",":
                    # "Agnès Callamard, a UN rapporteur ... who had investigated the case,"
                    comma = _rstrip_at(text, np[0]) - 1
                    hb2, _ = self.boundary(lo, comma)
                    np2 = self.np_backwards(hb2, comma)
                    if np2 is not None and self.person_in(np2[0], np2[1]) is not None:
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
            k = self.tok_at(b) - 1
            b2, _ = self.boundary(lo, self.tokens[k].start)
            wider = self.np_backwards(b2, end)
            if wider is not None:
                k = self.tok_at(wider[0]) - 1
                prev = self.tokens[k] if k >= 0 and self.tokens[k].start >= lo else None
                if prev is None or not prev.word or prev.low in _BOUNDARY_OR_TIME:
                    return wider
        if np is None and mark in ("with", "that", "who") and b > lo:
            # "people with knowledge of the matter told": the boundary word is inside the NP.
            k = self.tok_at(b) - 1
            b2, _ = self.boundary(lo, self.tokens[k].start)
            np = self.np_backwards(b2, end)
        return np

    def _skip_after_cue(self, cue: _Cue, i: int, s_hi: int) -> int:
        """Position where the content starts: after a listener, time words and "in a statement"."""
        # From the token lists (see np_end): a word starts with a letter or digit.
        toks = self.tokens
        words, lows, starts = toks.words, toks.lows, toks.starts
        forms = self.lex.forms
        text = self.text
        n = toks.n
        if cue.frame == "object" and cue.lemma != "accuse" and i < n:
            if lows[i] in ("him", "her", "them", "us", "me"):
                i += 1
            else:
                e = self.np_end(i, s_hi)
                if e > i:
                    c = words[e - 1][0]
                    if lows[e - 1] in self.lex.audiences or (c.isupper() and c.isalnum()):
                        i = e
        for _ in range(5):
            if i >= n or starts[i] >= s_hi:
                break
            w, low = words[i], lows[i]
            if w == "," and i + 1 < n:
                nxt = lows[i + 1]
                if (
                    nxt in forms
                    or nxt in _BOUNDARY_WORDS
                    or nxt == "according"
                    or words[i + 1] in _QUOTE_MARKS
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
            if low in _TIME_NOT_PREP or low in _AUX:
                i += 1
                continue
            if low in ("on", "in", "at", "during", "via", "through", "to", "with"):
                j = i + 1
                while j < n and starts[j] < s_hi and words[j][0].isalnum() and j - i < 8:
                    lj = lows[j]
                    cap = words[j][0].isupper()
                    if lj in _TIME_WORDS or lj in _ADVERBIAL_NOUNS or cap:
                        j += 1
                        if lj in _ADVERBIAL_NOUNS or cap:
                            break
                        continue
                    if lj in _DETS:
                        j += 1
                        continue
                    break
                last = lows[j - 1]
                c = words[j - 1][0]
                if j > i + 1 and (
                    last in _ADVERBIAL_NOUNS or last in _TIME_WORDS or (c.isupper() and c.isalnum())
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

    def _make(
        self,
        cue: _Cue,
        source: _Source,
        content: Span,
        direct: bool,
        sent: int,
        para: int,
    ) -> Attribution | None:
        if content.end <= content.start:
            return None
        s_of = self.sentence_of(source.span.start)
        self.source_history.append((source.span.start, s_of, source))
        self.sources_in.setdefault(s_of, []).append((source.span.start, source))
        return Attribution(
            cue=Span(cue.start, cue.end),
            source=source.span,
            content=content,
            speaker=source.speaker,
            source_type=source.type,
            direct=direct,
            stance=cue.stance,
            cue_lemma=cue.lemma,
            paragraph=para,
            sentence=sent,
        )

    # -------------------------------------------------------------- the whole article

    def run(self) -> list[Attribution]:
        cues = self.find_cues()
        by_sentence: dict[int, list[_Cue]] = {}
        for c in cues:
            by_sentence.setdefault(self.sentence_of(c.start), []).append(c)
        found: list[Attribution] = []
        for s in sorted(by_sentence):
            done: list[tuple[_Cue, Attribution]] = []
            for cue in by_sentence[s]:
                # A cue word right after a cue that found a source is its object:
                # "announced plans to", "told state media".
                if done and done[-1][0].tj == cue.ti and done[-1][0].lemma != "according to":
                    continue
                if any(
                    a.content and a.content.start <= cue.start < a.content.end and a.direct
                    for _, a in done
                ):
                    continue
                a = self.attribute(cue, done)
                if a is not None:
                    done.append((cue, a))
            found.extend(self._cut_contents(done))
        found.extend(self._follow_up_quotes(found))
        found.sort(key=lambda a: (_first(a), a.cue.start if a.cue else 0))
        return found

    def _cut_contents(self, done: list[tuple[_Cue, Attribution]]) -> list[Attribution]:
        """End each content before the next cue of the same sentence that continues it
        (", adding", " and claimed", ", according to") or starts a clause of its own
        (", but officials insist")."""
        out = []
        for n, (_cue, a) in enumerate(done):
            content = a.content
            if content is not None and not a.direct:
                for later, b in done[n + 1 :]:
                    if not content.start < later.start < content.end:
                        continue
                    own_clause = (
                        b.source is not None
                        and content.start < b.source.start < later.start
                        and self.boundary(content.start, b.source.start)[1] in _COORDINATORS
                    )
                    if not (
                        b.source == a.source
                        or later.lemma == "according to"
                        or own_clause
                        or (b.source is not None and b.source.start >= later.start)
                    ):
                        continue
                    cut = self._clause_start(content.start, later.start)
                    if b.source is not None and content.start < b.source.start < later.start:
                        cut = min(cut, self._clause_start(content.start, b.source.start))
                    if cut > content.start:
                        content = _trim(self.text, content.start, cut) or content
                    break
            if content is not a.content:
                a = replace(a, content=content)
            out.append(a)
        return out

    def _clause_start(self, lo: int, pos: int) -> int:
        b, mark = self.boundary(lo, self.strip_back(lo, pos))
        if mark in ("and", "but", "while", "or"):
            k = self.tok_at(b) - 1
            return self.tokens[k].start
        if mark == ",":
            return b - 1
        return pos

    def _follow_up_quotes(self, found: list[Attribution]) -> list[Attribution]:
        """A further quoted sentence in the same paragraph, with no cue, is the same speaker's."""
        out = []
        by_para: dict[int, list[Attribution]] = {}
        for a in found:
            if a.paragraph is not None:
                by_para.setdefault(a.paragraph, []).append(a)
        for q in self.quotes:
            sentence_like = self.text[q.end - 2 : q.end - 1] in ".!?,…"
            if not (len(q) >= 20 or sentence_like):
                continue
            s = self.sentence_of(q.start)
            s_lo, _, para = self.sents[s]
            if self.text[s_lo : q.start].strip():
                continue
            here = by_para.get(para, ())
            if any(a.content is not None and a.content.overlaps(q) for a in here):
                continue
            prior = [
                a
                for a in here
                if a.direct and a.source is not None and a.content and a.content.end <= q.start
            ]
            if not prior:
                continue
            last = max(prior, key=lambda a: a.content.end)
            between = [
                a.cue.start
                for a in here
                if a.cue is not None and a is not last and last.content.end <= a.cue.start < q.start
            ]
            if between:
                continue
            out.append(
                Attribution(
                    cue=None,
                    source=last.source,
                    content=q,
                    speaker=last.speaker,
                    source_type=last.source_type,
                    direct=True,
                    stance="neutral",
                    cue_lemma=None,
                    paragraph=para,
                    sentence=s,
                )
            )
        return out


def _rstrip_at(text: str, end: int, chars: str = " \t\n") -> int:
    """Where text[:end].rstrip(chars) ends, without copying the text."""
    while end > 0 and text[end - 1] in chars:
        end -= 1
    return end


def _first(a: Attribution) -> int:
    spans = [s.start for s in (a.source, a.cue, a.content) if s is not None]
    return min(spans) if spans else 0


def _trim(text: str, start: int, end: int) -> Span | None:
    """[start, end) without surrounding spaces and trailing sentence punctuation."""
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip(" ,;:—–-\n"))
    body = chunk.rstrip()
    while body and body[-1] in ".,;:!?—–" and not body.endswith("..."):
        body = body[:-1].rstrip()
    s, e = start + lead, start + len(body)
    # Keep a closing quotation mark if the content opens one.
    if e < end and text[e : e + 1] in '”"’' and text[s : s + 1] in '“"‘':
        e += 1
    if e <= s:
        return None
    return Span(s, e)


def _strip_lead(text: str, span: Span) -> Span:
    m = _LEAD_CONNECTIVE.match(text[span.start : span.end])
    if m and m.end() < len(span):
        return Span(span.start + m.end(), span.end)
    return span


_LEADING = re.compile(
    r"^(?:(?:the|a|an|his|her|its|their|our|some|several|many|multiple|other|another|one of the|"
    r"some of the|over \d+|more than \d+|about \d+|\d+|two|three|four|five|six|seven|eight|"
    r"nine|ten|dozens of|hundreds of|thousands of|(?-i:[a-z]+['’]s))\s+)+",
    re.IGNORECASE,
)


def _bare(s: str) -> str:
    """A phrase without leading articles, possessive pronouns or quantifiers."""
    s = " ".join(s.split())
    m = _LEADING.match(s)  # anchored: one match at the start at most, no scan like sub()
    out = s[m.end() :] if m else s
    return out or s


def _appositive_institution(toks: list[_Token], comma: _Token) -> tuple[int, int] | None:
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
    if _strip_possessive(words[-1].low).rstrip(".") not in _COMPANY_ENDS:
        return None
    return words[0].start, words[-1].end


def _institution_name(text: str, toks: list[_Token], rest: int) -> str:
    """An institution's name: the phrase up to a comma, bracket, "and" or relative pronoun,
    keeping "of ..." ("Royal Swedish Academy of Sciences")."""
    out: list[_Token] = []
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
    while out and not out[-1].cap and out[-1].low in _PREPS_THE:
        out.pop()
    if not out:
        return ""
    name = _bare(text[out[0].start : out[-1].end])
    # Drop lower-case descriptions before the name: "wrestling promotion World Wonder Ring".
    words = name.split()
    while len(words) > 1 and not words[0][:1].isupper():
        words.pop(0)
    return " ".join(words)


def _suffix_kind(word: str) -> str:
    if word.endswith("ing"):
        return "ing"
    if word.endswith("ed"):
        return "past"
    return "base"


def find_attributions(article_or_text: Article | str) -> list[Attribution]:
    """Every attribution in the article (or text), in text order."""
    article = (
        article_or_text
        if isinstance(article_or_text, Article)
        else article_from_text(article_or_text)
    )
    if not article.text.strip():
        return []
    return _Doc(article).run()


# ------------------------------------------------------------------------------ display helpers

SOURCE_LEGEND = (
    ("source", "who is speaking (source)"),
    ("cue", "reporting word (cue)"),
    ("quote", "quoted words (direct)"),
    ("paraphrase", "reported in the writer's words"),
)
TYPE_NAMES = {
    "named_person": "named person",
    "institution": "institution",
    "anonymous": "unnamed source",
    "document": "document",
    "other_outlet": "other news outlet",
    "social_post": "social media post",
    "unknown": "unclear",
}


def describe(a: Attribution) -> str:
    """One line about an attribution for a tooltip: speaker, source type, quote or paraphrase,
    stance."""
    who = a.speaker or "unknown speaker"
    how = "direct quote" if a.direct else "paraphrase"
    stance = f"stance: {a.stance}" if a.cue is not None else "no reporting word"
    return f"{who} ({TYPE_NAMES.get(a.source_type, a.source_type)}) · {how} · {stance}"
