"""The language of an article: a code from its metadata, or detected from its function words.

A language the kit can read is a folder of kit/data named by its code (`en/`, `de/`), holding the
same data files: `stopwords.yaml` (common function words, for detection), `segmentation.yaml`
(words that end in a full stop without ending a sentence), `quotes.yaml`, the cue words, source
words and name patterns. Detection counts, in the first few thousand characters, the words of each
language's `stopwords.yaml`; another language wins over English only when it has clearly more of
them, so an English text (with a German name or two in it) stays English.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from kit.files import parse_yaml

DEFAULT = "en"
# What people write in a metadata field, mapped to the code: "de-DE", "German", "Deutsch".
_NAMES = {
    "english": "en",
    "german": "de",
    "deutsch": "de",
    "french": "fr",
    "français": "fr",
    "francais": "fr",
    "spanish": "es",
    "español": "es",
    "espanol": "es",
}
_WORD = re.compile(r"[^\W\d_]+")
# The same words in plain ASCII text: every character but a letter becomes a space, then split
# (a third of the time of the regular expression).
_ASCII_NOT_LETTERS = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalpha()})
# Characters that are not letters and often the only ones outside ASCII in English news: as
# spaces, they leave the words as they were and the sample ASCII.
_NEWS_PUNCTUATION = "“”‘’—–…\u00a0"
_SAMPLE = 4000  # characters read for detection: enough for a clear count, fast on long texts
_MIN_HITS = 3  # fewer function words than this: too little text to tell, so the default


def normalise(value: str | None) -> str | None:
    """ "de-DE", "DE", "German" -> "de"; None or blank -> None."""
    if value is None:
        return None
    v = str(value).strip().lower().replace("_", "-")
    if not v:
        return None
    v = _NAMES.get(v, v)
    return v.split("-", 1)[0] or None


@lru_cache(maxsize=1)
def data_languages() -> tuple[str, ...]:
    """The languages with a folder of data (a `stopwords.yaml`) in kit/data, English first."""
    root = resources.files("kit").joinpath("data")
    found = sorted(
        p.name for p in root.iterdir() if p.is_dir() and p.joinpath("stopwords.yaml").is_file()
    )
    return tuple(sorted(found, key=lambda c: c != DEFAULT))


@cache
def stopwords(language: str) -> frozenset[str]:
    """The function words of a language (kit/data/<language>/stopwords.yaml), lower case."""
    path = resources.files("kit").joinpath("data", language, "stopwords.yaml")
    if not path.is_file():
        return frozenset()
    data = parse_yaml(path.read_text(encoding="utf-8"), Path(str(path)))
    return frozenset(str(w).strip().lower() for w in data["words"])


def detect(text: str) -> str:
    """The language code of a text: the data language whose function words it uses most.

    English unless another language has at least `_MIN_HITS` function words and twice as many as
    English: a short or mixed text keeps the default.
    """
    sample = text[:_SAMPLE].lower()
    if not sample.isascii():
        for c in _NEWS_PUNCTUATION:
            if c in sample:
                sample = sample.replace(c, " ")
    if sample.isascii():
        words = sample.translate(_ASCII_NOT_LETTERS).split()
    else:
        words = _WORD.findall(sample)
    if not words:
        return DEFAULT
    counts = {}
    for code in data_languages():
        counts[code] = sum(map(stopwords(code).__contains__, words))
    english = counts.get(DEFAULT, 0)
    best = max(counts, key=lambda c: (counts[c], c == DEFAULT))
    if best != DEFAULT and counts[best] >= _MIN_HITS and counts[best] >= 2 * english:
        return best
    return DEFAULT


_ENGLISH_NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish"}


def language_name(code: str) -> str:
    """The language's name in English, as messages name it ("German"), else its code."""
    return _ENGLISH_NAMES.get(code, f"the language '{code}'")


def language_of(text: str, given: str | None = None) -> str:
    """The language given (normalised), else the one detected from the text."""
    return normalise(given) or detect(text)
