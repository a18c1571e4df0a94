"""Wording to notice: hedges, doubt, loaded words, intensifiers, comments, labels, vague quantities
and scare quotes, each with a one-line explanation for students.

The word lists and their sources are in `kit/data/language.yaml`. A few words need their context:
"may" before a date is the month, and approximators ("around", "over", "some") are flagged only in
front of a number ("around 30").
Scare quotes are found by a pattern: one to three words in quotation marks, starting with a small
letter, inside a sentence. A short quotation in a sentence that reports speech ("He said there
was “serious work ahead”") is the speaker's own words, a direct quote, and is not flagged; one
that nobody in its sentence is said to have spoken ("the “miracle” cure"), or that follows
"so-called", is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from kit.articles.article import Article, article_from_text
from kit.articles.segment import Span
from kit.reading.lexicon import Lexicon, normalise_phrase, package_yaml
from kit.reading.source_words import source_lexicon

#: Categories in the order students meet them in the legend.
CATEGORIES = (
    "hedge",
    "doubt",
    "loaded",
    "intensifier",
    "comment",
    "label",
    "vague",
    "scare_quote",
)
_APPROX = "vague~"


@dataclass(frozen=True, slots=True)
class Flag:
    """One piece of wording to notice: `category` is a key of CATEGORIES, `label` its name."""

    span: Span
    category: str
    label: str
    word: str
    explanation: str


@dataclass(frozen=True)
class Category:
    """A category of wording: its student-facing label and explanation, and its sources."""

    key: str
    label: str
    explanation: str
    sources: tuple[str, ...]
    notes: dict[str, str]


@lru_cache(maxsize=1)
def categories() -> dict[str, Category]:
    """Every category of flag, read from kit/data/language.yaml."""
    data = package_yaml("language.yaml")
    return {
        key: Category(
            key=key,
            label=str(data[key]["label"]),
            explanation=str(data[key]["explanation"]),
            sources=tuple(data[key].get("sources") or ()),
            notes={normalise_phrase(k): str(v) for k, v in (data[key].get("notes") or {}).items()},
        )
        for key in CATEGORIES
    }


def word_table() -> dict[str, tuple[str, ...]]:
    """Phrase -> categories it belongs to ("vague~" marks an approximator that needs a number)."""
    data = package_yaml("language.yaml")
    table: dict[str, tuple[str, ...]] = {}
    for key in CATEGORIES:
        for word in data[key].get("words") or ():
            k = normalise_phrase(str(word))
            table[k] = table.get(k, ()) + (key,)
    for word in data["vague"].get("before_number") or ():
        k = normalise_phrase(str(word))
        table[k] = table.get(k, ()) + (_APPROX,)
    return table


@lru_cache(maxsize=1)
def _lexicon() -> Lexicon[str]:
    return Lexicon(word_table())


@lru_cache(maxsize=1)
def _approx_explanation() -> str:
    return str(package_yaml("language.yaml")["vague"]["before_number_explanation"])


_NUMBER_WORDS = (
    r"(?:a\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|"
    r"half|quarter|third)"
)
#: A number right after an approximator: "around 30", "over $1m", "nearly two".
NUMBER_AHEAD = re.compile(rf"\s+(?:[$£€¥]\s?\d|\d|{_NUMBER_WORDS}\b)", re.IGNORECASE)
_MONTH_AHEAD = re.compile(r"\s+\d")
_MONTH_BEHIND = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|from|early|late|mid|last|next)\s+|-)$"
)

# One to three words in quotation marks, starting with a small letter and closed before a
# non-letter; `scare_quotes` also wants white space, a bracket or a dash before the opening mark.
# (The pattern starts with the quotation mark itself so the engine can skip ahead to it.)
SCARE_QUOTE = re.compile(
    r"(?:“(?P<a>[a-z][^“”\n]{0,40}?)”|\"(?P<b>[a-z][^\"\n]{0,40}?)\"|‘(?P<c>[a-z][^‘’\n]{0,40}?)’)"
    r"(?![A-Za-z])"
)
_OPENS_AFTER = frozenset(" \t\n([—–")
_WORD = re.compile(r"[\w'’-]+")


def keep_match(text: str, start: int, end: int, category: str, limit: int) -> bool:
    """False when the words at text[start:end] are not used in the category's sense here."""
    word = text[start:end]
    if category == _APPROX:
        return NUMBER_AHEAD.match(text, end, limit) is not None
    low = word.lower()
    if (
        low == "may"
        and word[0] == "M"
        and (
            _MONTH_AHEAD.match(text, end, limit)
            or _MONTH_BEHIND.search(text, max(0, start - 8), start)
        )
    ):
        return False
    return True


def scare_quotes(
    text: str, start: int = 0, end: int | None = None
) -> Iterator[tuple[int, int, str]]:
    """(start, end, quoted words) for each quotation of one to three words in text[start:end]."""
    for m in SCARE_QUOTE.finditer(text, start, len(text) if end is None else end):
        s = m.start()
        if s > 0 and text[s - 1] not in _OPENS_AFTER:
            continue
        inner = m.group("a") or m.group("b") or m.group("c") or ""
        words = _WORD.findall(inner)
        if 1 <= len(words) <= 3 and not inner.rstrip(".,!?").endswith((" ", "'")):
            yield m.start(), m.end(), inner.rstrip(".,;:!?")


# Where a sentence starts: after . ! ? (and a closing mark) and white space, or after a line break.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+|\n")
_REPORT_WORD = re.compile(r"[A-Za-z]+(?:\s+[A-Za-z]+)?")
_DISTANCE_BEFORE = re.compile(r"(?:so|self)[-\s](?:called|styled|proclaimed)\s*$", re.IGNORECASE)
_AFTER_QUOTE = 40  # characters after a quotation searched for its cue ("“...”, she said")


@lru_cache(maxsize=1)
def _reporting_words() -> tuple[frozenset[str], frozenset[str]]:
    """Reporting verb forms that introduce speech ("said", "told", "claimed", "adding") and the
    reporting phrases ("according to"), from the source finder's own lists."""
    lex = source_lexicon()
    forms = frozenset(
        form
        for form, info in lex.forms.items()
        if info.frame in ("clause", "object") and info.kind != "base"
    )
    phrases = frozenset(" ".join(words) for lst in lex.phrases.values() for words, _ in lst)
    return forms, phrases


def _reports_speech(chunk: str) -> bool:
    forms, phrases = _reporting_words()
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", chunk)]
    if any(w in forms for w in words):
        return True
    joined = " ".join(words)
    return any(f" {p} " in f" {joined} " for p in phrases)


def is_direct_quote(text: str, start: int, end: int) -> bool:
    """True when the quotation at text[start:end] is a speaker's own words: its sentence reports
    speech (a reporting word before it, or right after it) and no "so-called" stands before it."""
    if _DISTANCE_BEFORE.search(text, max(0, start - 16), start):
        return False
    sentence_start = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 600), start):
        sentence_start = m.end()
    if _reports_speech(text[sentence_start:start]):
        return True
    after = _SENTENCE_END.search(text, end, min(len(text), end + _AFTER_QUOTE))
    tail = text[end : after.start() if after else min(len(text), end + _AFTER_QUOTE)]
    return _reports_speech(tail)


def explain(category: str, word: str) -> str:
    """The one-line explanation of a flag for students."""
    if category == _APPROX:
        return _approx_explanation().format(word=word)
    cat = categories()[category]
    note = cat.notes.get(normalise_phrase(word))
    return note if note else cat.explanation.format(word=word)


def flag_spans(text: str, start: int = 0, end: int | None = None) -> list[Flag]:
    """Every flag in text[start:end], in text order."""
    limit = len(text) if end is None else end
    cats = categories()
    flags: list[Flag] = []
    for s, e, keys in _lexicon().finditer(text, start, limit):
        word = text[s:e]
        chosen = None
        for key in keys:
            if keep_match(text, s, e, key, limit):
                chosen = key
                if key == _APPROX:
                    break  # "some 30" is an approximation before it is a vague "some"
        if chosen is None:
            continue
        category = "vague" if chosen == _APPROX else chosen
        flags.append(Flag(Span(s, e), category, cats[category].label, word, explain(chosen, word)))
    for s, e, inner in scare_quotes(text, start, limit):
        if is_direct_quote(text, s, e):
            continue
        flags.append(
            Flag(
                Span(s, e),
                "scare_quote",
                cats["scare_quote"].label,
                text[s:e],
                explain("scare_quote", inner),
            )
        )
    flags.sort(key=lambda f: (f.span.start, -f.span.end))
    return flags


def flag(article_or_text: Article | str) -> list[Flag]:
    """Wording to notice in an article (or a plain text), each flag with its explanation.

    The word lists are English: an article in another language gets no flags."""
    article = (
        article_or_text
        if isinstance(article_or_text, Article)
        else article_from_text(article_or_text)
    )
    if article.language != "en":
        return []
    return flag_spans(article.text)
