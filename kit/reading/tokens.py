"""Tokens and positions: an article's text as the attribution rules read it, and the small text
helpers they share (trim a span, drop leading articles, fold a name)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate, islice

from kit.articles.article import Article
from kit.articles.segment import Span
from kit.reading.lexicon import package_yaml
from kit.reading.quotes import find_quotes

# Text the rules read as spaces (kit/data/en/names.yaml): a party tag after a name, "(D-Wis.)",
# and a dateline that opens a paragraph, "WASHINGTON (AP) — ".
_NAMES = package_yaml("en/names.yaml")
_TRANSPARENT = re.compile("|".join(f"(?:{p})" for p in _NAMES["transparent"]) or r"(?!)")
_DATELINE = re.compile("|".join(f"(?:{p})" for p in _NAMES["datelines"]) or r"(?!)")
# A share of people as a source ("Two in three said", "Twenty-four percent say"): names.yaml,
# groups; matched at the start of a source phrase, lower case.
GROUPS = re.compile("|".join(f"(?:{p})" for p in _NAMES["groups"]))


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def transparent(text: str, paragraph_starts: Iterable[int] = (0,)) -> str:
    """The text with its transparent parts (party tags, datelines at `paragraph_starts`) as
    spaces: same length, same offsets."""
    if "(" in text:
        text = _TRANSPARENT.sub(_blank, text)
    for start in paragraph_starts:
        m = _DATELINE.match(text, start)
        if m is not None:
            text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return text


# A token: a word (letters and digits, with ’ ' - . inside but not at its end) or one other
# character that is not a space.
TOKEN = re.compile(r"[^\W_](?:[\w’'\-.]*\w)?|[^\w\s]")
# The same tokens for Tokens' split(), written for speed: possessive repeats never backtrack,
# and the look-ahead rules out spaces and "_" so that "." can stand for "[^\w\s]" and "\w++"
# for "[^\W_]\w*+" (7% faster).
_TOKEN_SPLIT = re.compile(r"(?=[^\s_])(\w++(?:[’'\-.]++\w++)*+|.)")


@dataclass(slots=True)
class Token:
    """A token: a word (letters and digits first) or one other character; `cap`: capitalised."""

    start: int
    end: int
    text: str
    low: str
    cap: bool
    word: bool


class Tokens(dict[int, Token]):
    """The text's tokens, made into `Token` objects only when looked at (most never are).

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
        self.starts = list(islice(accumulate(map(len, parts)), 0, len(parts) - 1, 2))
        self.words = parts[1::2]
        self.lows = list(map(str.lower, self.words))
        self.n = len(self.starts)

    def __len__(self) -> int:
        return self.n

    def __iter__(self) -> Iterator[Token]:  # type: ignore[override]
        return (self[k] for k in range(self.n))

    def __missing__(self, k: int) -> Token:
        if k < 0:
            if k < -self.n:
                raise IndexError(k)
            return self[k + self.n]  # one object per token, under its index from the start
        a = self.starts[k]  # IndexError past the end, as a list would
        w = self.words[k]
        word = w[0].isalnum()
        t = self[k] = Token(a, a + len(w), w, self.lows[k], word and w[0].isupper(), word)
        return t

    def slice(self, i: int, j: int) -> list[Token]:
        return [self[k] for k in range(max(0, i), min(j, self.n))]


class ArticleText:
    """An article as the rules read it: its tokens, sentences and quotations, looked up by
    position (a binary search over their starts)."""

    def __init__(self, article: Article) -> None:
        self.article = article
        # A no-break space (common in web copy: "Trump said.\xa0“The ...") reads as a space.
        text = transparent(article.text, [p.start for p in article.paragraphs])
        self.text = text.replace("\xa0", " ") if "\xa0" in text else text
        self.tokens = Tokens(self.text)
        self.tstarts = self.tokens.starts
        self.quotes = find_quotes(self.text, article.paragraphs)
        self.qstarts = [q.start for q in self.quotes]
        sents = article.sentences
        self.sents = [(s.start, s.end, s.paragraph) for s in sents] or [(0, len(self.text), 0)]
        self.sstarts = [s[0] for s in self.sents]

    def tok_at(self, pos: int) -> int:
        """Index of the first token starting at or after pos."""
        return bisect_right(self.tstarts, pos - 1)

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence that holds pos."""
        s = bisect_right(self.sstarts, pos) - 1
        return s if s > 0 else 0

    def quote_around(self, pos: int) -> Span | None:
        """The quotation that pos is inside, if any."""
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
        end = max(lo, rstrip_at(self.text, pos, " \t\n,:;—–-"))
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

    def sentence_start(self, pos: int) -> int:
        """Where the sentence of pos starts, after opening quotation marks and brackets."""
        s = self.sents[self.sentence_of(pos)][0]
        return s + len(self.text[s:pos]) - len(self.text[s:pos].lstrip("\"“‘'( "))


_LEAD_PUNCT = re.compile(r"[\s,:;—–-]*")
_LEAD_CONNECTIVE = re.compile(r"(?:But|And|Meanwhile|However|So|Yet|Also)\b,?\s*")


def unaccent(s: str) -> str:
    """The text without accents ("Erdoğan" -> "Erdogan")."""
    if s.isascii():
        return s
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def fold_name(s: str) -> str:
    """Lower case without accents, for matching names ("Erdoğan" = "Erdogan")."""
    return unaccent(s).lower()


def strip_possessive(w: str) -> str:
    return w[:-2] if w.endswith(("'s", "’s")) else w


def rstrip_at(text: str, end: int, chars: str = " \t\n") -> int:
    """Where text[:end].rstrip(chars) ends, without copying the text."""
    while end > 0 and text[end - 1] in chars:
        end -= 1
    return end


def trim(text: str, start: int, end: int) -> Span | None:
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


def strip_lead(text: str, span: Span) -> Span:
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


def bare_phrase(s: str) -> str:
    """A phrase without leading articles, possessive pronouns or quantifiers."""
    s = " ".join(s.split())
    m = _LEADING.match(s)  # anchored: one match at the start at most, no scan like sub()
    out = s[m.end() :] if m else s
    return out or s
