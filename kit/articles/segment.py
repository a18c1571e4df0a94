"""Paragraphs and sentences as exact [start, end) spans into a text.

Sentence boundaries come from blingfire (fast, and right on news text), then a small repair pass
joins splits after titles ("Mr.", "Dr.") and number abbreviations ("No. 10", "Jan. 3"), using the
word list in `data/abbreviations.txt`. Chosen by measurement: see docs/design/segmentation.md.
Another language's repairs are data (kit/data/<language>/segmentation.yaml): its abbreviations
("Dr.", "z. B.", "u. a.") and the words that show a number before them is an ordinal ("am 11.
August", "das 3. Quartal").
"""

from __future__ import annotations

import ctypes
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import blingfire

from kit.files import parse_yaml


@dataclass(frozen=True, slots=True)
class Span:
    """A [start, end) range of code points in a text: `text[span.start:span.end]`."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Paragraph(Span):
    """One paragraph; `role` is `headline`, `standfirst` or `body`."""

    index: int = 0
    role: str = "body"


@dataclass(frozen=True, slots=True)
class Sentence(Span):
    """One sentence; `paragraph` is the index of the paragraph that holds it."""

    index: int = 0
    paragraph: int = 0


# Abbreviations that a capitalised name follows (titles) and ones that a number follows.
_NUMBER_ABBREVIATIONS = {"No", "Nos", "Vol", "Fig", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul"}
_NUMBER_ABBREVIATIONS |= {"Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "est"}


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    raw = resources.files("kit").joinpath("data/abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in raw.splitlines() if w.strip() and not w.startswith("#"))


@dataclass(frozen=True)
class _Repairs:
    """A language's splitting exceptions (kit/data/<language>/segmentation.yaml)."""

    last_abbreviation: re.Pattern[str] | None  # matches a text ending in one of its abbreviations
    abbreviations: frozenset[str]  # one-word ones ("bzw", "Dr"): no sentence end after them
    ordinal_next: frozenset[str]
    ordinal_max: int


@cache
def _repairs(language: str) -> _Repairs | None:
    """The splitting exceptions of a language other than English; None when it has none."""
    path = resources.files("kit").joinpath("data", language, "segmentation.yaml")
    if not path.is_file():
        return None
    data = parse_yaml(path.read_text(encoding="utf-8"), f"kit/data/{language}/segmentation.yaml")
    abbrevs = sorted((str(a) for a in data.get("abbreviations") or []), key=len, reverse=True)
    pattern = None
    if abbrevs:
        alts = "|".join(re.escape(a).replace(r"\ ", r"\s*") for a in abbrevs)
        pattern = re.compile(rf"(?:^|[\s(\"“„‘'‚»«])(?:{alts})\.[\"”“’'‘«»]?$")
    return _Repairs(
        pattern,
        frozenset(a for a in abbrevs if " " not in a and "." not in a),
        frozenset(str(w) for w in data.get("ordinal_next") or []),
        int(data.get("ordinal_max") or 31),
    )


# A full stop after a lower-case word, then a capital: a sentence end blingfire sometimes misses
# in German ("... Biodiesel an. Berninger sagte ...").
_MISSED_END = re.compile(r"\b([^\W\d_]*[a-zäöüß])[.!?](?=\s+[\"„“»«]?[A-ZÄÖÜ])")


def _split_missed(repairs: _Repairs, chunk: str, s: int, e: int) -> list[tuple[int, int]]:
    """One blingfire sentence cut again at full stops it missed (not after an abbreviation)."""
    out = []
    for m in _MISSED_END.finditer(chunk, s, e):
        if len(m.group(1)) < 2 or m.group(1) in repairs.abbreviations:
            continue
        cut = m.end()
        out.append((s, cut))
        s = cut
    out.append((s, e))
    return out


_ORDINAL = re.compile(r"(?:^|\s)(\d{1,4})\.$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def _needs_join_in(repairs: _Repairs, prev: str, nxt: str) -> bool:
    """True when the split after `prev` is at an abbreviation or an ordinal of the language."""
    if not nxt:
        return False
    first = nxt.lstrip("\"“„‘'‚»«(")
    if repairs.last_abbreviation is not None and repairs.last_abbreviation.search(prev):
        return True
    m = _ORDINAL.search(prev)
    if m:
        if first[:1].islower():
            return True
        word = _FIRST_WORD.match(first)
        return (
            word is not None
            and word.group() in repairs.ordinal_next
            and int(m.group(1)) <= repairs.ordinal_max
        )
    # A lone initial ("John F. Kennedy") followed by a capitalised name.
    return bool(_INITIAL_REVERSED.match(prev[::-1])) and first[:1].isupper() and len(prev) > 2


# The last word of a sentence when it ends in a full stop, (?:^|[\s(\"“‘'])([A-Za-z]+)\.[\"”’']?$,
# and a lone initial, (?:^|\s)[A-Z]\.$, both written for the sentence reversed: one match at its
# start instead of a search through the whole sentence (which took most of the repairs' time).
_LAST_WORD_REVERSED = re.compile(r"[\"”’']?\.([A-Za-z]+)(?:[\s(\"“‘']|\Z)")
_INITIAL_REVERSED = re.compile(r"\.[A-Z](?:\s|\Z)")
# A paragraph that is one sentence for sure: words, spaces and commas, quotation marks, brackets and
# dashes, with at most a full stop (or "?", "!") at its end and no other mark blingfire could cut
# at (a headline, a short paragraph: a third of Wikinews' paragraphs). Such a paragraph is not
# given to blingfire, which returns it whole (checked on every paragraph of Wikinews, PolNeAR
# train and dev, the German set and the claim sets: 8,659 of them).
_ONE_SENTENCE = re.compile(r"[A-Za-z0-9À-ÖØ-öø-ǂǄ-ɏ ,'\"“”‘’()\-–—/&%$€£+#@*]*[.!?]?[\"”’']?\Z")
_NON_BLANK_LINE = re.compile(r"[^\n]+")
_LEFT_WS = re.compile(r"^\s*")


def paragraph_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Each non-blank line of text[start:end] as a span, without its surrounding white space."""
    return [new_span(s, e) for s, e in paragraph_offsets(text, start, end)]


def paragraph_offsets(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """`paragraph_spans` as (start, end) pairs."""
    end = len(text) if end is None else end
    spans = []
    for m in _NON_BLANK_LINE.finditer(text, start, end):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        s = m.start() + (len(line) - len(line.lstrip()))
        spans.append((s, s + len(stripped)))
    return spans


class _Buffers(threading.local):
    """blingfire output buffers, reused across calls (allocating them took a third of the time)."""

    size = 0

    def ensure(self, size: int) -> None:
        if size > self.size:
            self.size = max(size, 2 * self.size, 4096)
            self.out = ctypes.create_string_buffer(self.size)
            self.starts = (ctypes.c_int32 * self.size)()
            self.ends = (ctypes.c_int32 * self.size)()
            # The pointers blingfire is given, made once per buffer rather than once per call.
            self.refs = (
                ctypes.byref(self.out),
                ctypes.byref(self.starts),
                ctypes.byref(self.ends),
            )


_buffers = _Buffers()


def _blingfire_offsets(chunk: str) -> list[tuple[int, int]]:
    """Sentence (start, end) code-point offsets in `chunk`, straight from blingfire's C library.

    blingfire's own Python wrapper maps byte offsets to characters with a loop over every byte,
    which cost 80% of load time on the Wikinews corpus; here only the boundaries are mapped.
    """
    data = chunk.encode("utf-8")
    b = _buffers
    # blingfire is told only the room this chunk needs (twice its bytes, as its own wrapper
    # allows), not the whole reused buffer: it does work for all the room it is given, so one
    # long paragraph made every later call slower (40% of blingfire's time on Wikinews).
    room = len(data) * 2 + 16
    if room > b.size:
        b.ensure(room)
    refs = b.refs
    n = _text_to_sentences(data, len(data), refs, room)
    if n > room:  # never seen; given all the buffer, as before
        n = _text_to_sentences(data, len(data), refs, b.size)
    if n <= 0 or n > b.size:
        return []
    count = b.out.value.count(b"\n") + 1
    # `ends` holds the index of each sentence's last byte (inclusive).
    pairs = [(s, e + 1) for s, e in zip(b.starts[:count], b.ends[:count])]
    if chunk.isascii():
        return pairs
    if count == 1 and pairs[0][0] <= pairs[0][1]:
        s, e = pairs[0]
        # One sentence: the code points before its start, and in it.
        start = len(data[:s].decode("utf-8", errors="ignore"))
        return [(start, start + len(data[s:e].decode("utf-8", errors="ignore")))]
    # Map byte offsets to code points, walking forward once through the sorted boundaries.
    mapping: dict[int, int] = {}
    pos = chars = 0
    for off in sorted({o for pair in pairs for o in pair}):
        chars += len(data[pos:off].decode("utf-8", errors="ignore"))
        mapping[off] = chars
        pos = off
    return [(mapping[s], mapping[e]) for s, e in pairs]


_TEXT_TO_SENTENCES = blingfire.blingfire.TextToSentencesWithOffsets


def _text_to_sentences(data: bytes, length: int, refs: tuple, size: int) -> int:
    out, starts, ends = refs
    return _TEXT_TO_SENTENCES(data, length, out, starts, ends, size)


def _needs_join(prev: str, nxt: str) -> bool:
    """True when blingfire split after an abbreviation that does not end the sentence."""
    if not nxt:
        return False
    # `prev` read backwards: a match at its start, not a search through the whole sentence; only
    # its last 40 characters are reversed, unless the last word runs back to their start.
    rev = prev[:-41:-1]
    m = _LAST_WORD_REVERSED.match(rev)
    if m is not None and m.end() == len(rev) < len(prev):
        rev = prev[::-1]
        m = _LAST_WORD_REVERSED.match(rev)
    first = nxt[0]
    if first in "\"“‘'(":
        first = nxt.lstrip("\"“‘'(")[:1]
    if m:
        word = m.group(1)[::-1]
        if word in _NUMBER_ABBREVIATIONS:
            return first.isdigit()
        if word in _abbreviations():
            # "Acme Inc. said": no sentence starts with a lower-case word
            return first.isupper() or first.isdigit() or first.islower()
    # A lone initial ("John F. Kennedy") followed by a capitalised name.
    return bool(_INITIAL_REVERSED.match(rev)) and first.isupper() and len(prev) > 2


def sentence_spans(
    text: str, start: int = 0, end: int | None = None, language: str = "en"
) -> list[Span]:
    """Sentences of the single paragraph text[start:end], as spans into `text`, split with the
    exceptions of `language` (English's abbreviations unless the language has its own)."""
    end = len(text) if end is None else end
    return [Span(s, e) for s, e in _sentence_offsets(text, start, end, language)]


def _sentence_offsets(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """`sentence_spans` as (start, end) pairs."""
    repairs = None if language == "en" else _repairs(language)
    chunk = text[start:end]
    if not chunk or chunk.isspace():
        return []
    if _ONE_SENTENCE.match(chunk) and not (chunk[0].isspace() or chunk[-1].isspace()):
        return [(start, start + len(chunk))]
    offsets = _blingfire_offsets(chunk)
    if repairs is not None:
        offsets = [piece for s, e in offsets for piece in _split_missed(repairs, chunk, s, e)]
    merged: list[list[int]] = []
    for s, e in offsets:
        # blingfire leaves some separators (U+2028, odd spaces) at a sentence's edges.
        while s < e and chunk[s].isspace():
            s += 1
        while e > s and chunk[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        if merged and (
            _needs_join(chunk[merged[-1][0] : merged[-1][1]], chunk[s:e])
            if repairs is None
            else _needs_join_in(repairs, chunk[merged[-1][0] : merged[-1][1]], chunk[s:e])
        ):
            merged[-1][1] = e
        else:
            merged.append([s, e])
    if not merged:
        # blingfire returns nothing for some punctuation-only strings: keep the paragraph whole.
        lead = len(_LEFT_WS.match(chunk).group())
        return [(start + lead, start + len(chunk.rstrip()))]
    return [(start + s, start + e) for s, e in merged]


def segment(
    text: str,
    paragraphs: list[Span] | None = None,
    roles: list[str] | None = None,
    language: str = "en",
) -> tuple[tuple[Paragraph, ...], tuple[Sentence, ...]]:
    """Paragraphs and sentences of a whole text.

    `paragraphs` may give the paragraph spans (loaders know them); otherwise each non-blank line
    is a paragraph. `roles` gives each paragraph's role (default `body`). `language` chooses the
    splitting exceptions.
    """
    spans = paragraph_spans(text) if paragraphs is None else paragraphs
    paras = tuple(
        Paragraph(p.start, p.end, i, roles[i] if roles else "body") for i, p in enumerate(spans)
    )
    return paras, split_sentences(text, paras, language)


def split_sentences(
    text: str, paragraphs: Sequence[Span], language: str = "en"
) -> tuple[Sentence, ...]:
    """The sentences of a text whose paragraphs are known (an Article's), in order; each
    sentence's `paragraph` is the position of its paragraph in `paragraphs`."""
    sents: list[Sentence] = []
    for i, p in enumerate(paragraphs):
        for s, e in _sentence_offsets(text, p.start, p.end, language):
            sents.append(_sentence(s, e, len(sents), i))
    return tuple(sents)


# Spans and Sentences made without their dataclass __init__, which sets each field through the
# frozen class's object.__setattr__: the slots are filled directly, in half the time (a sentence
# is made for every sentence of every article loaded, a span for every claim suggested).
_new_object = object.__new__
_set_span_start, _set_span_end = Span.start.__set__, Span.end.__set__  # type: ignore[attr-defined]
_set_start, _set_end = Sentence.start.__set__, Sentence.end.__set__  # type: ignore[attr-defined]
_set_index, _set_paragraph = Sentence.index.__set__, Sentence.paragraph.__set__  # type: ignore[attr-defined]


def new_span(start: int, end: int) -> Span:
    """`Span(start, end)`, made faster (for code that makes one per sentence)."""
    s = _new_object(Span)
    _set_span_start(s, start)
    _set_span_end(s, end)
    return s


def _sentence(start: int, end: int, index: int, paragraph: int) -> Sentence:
    s = _new_object(Sentence)
    _set_start(s, start)
    _set_end(s, end)
    _set_index(s, index)
    _set_paragraph(s, paragraph)
    return s


_set_p_start, _set_p_end = Paragraph.start.__set__, Paragraph.end.__set__  # type: ignore[attr-defined]
_set_p_index, _set_p_role = Paragraph.index.__set__, Paragraph.role.__set__  # type: ignore[attr-defined]


def new_paragraph(start: int, end: int, index: int, role: str) -> Paragraph:
    """`Paragraph(start, end, index, role)`, made faster (one per paragraph loaded)."""
    p = _new_object(Paragraph)
    _set_p_start(p, start)
    _set_p_end(p, end)
    _set_p_index(p, index)
    _set_p_role(p, role)
    return p
