"""Word lists kept as YAML data, compiled into one fast regular expression per lexicon.

A lexicon maps phrases ("reportedly", "according to", "so-called") to the entries that use them.
All its phrases become one regular expression shaped like a trie (shared prefixes are written once),
so one `finditer` over a whole article finds every phrase of every list: no Python loop over word
lists, and no loop per sentence. In a phrase, a space matches any run of white space, an apostrophe
matches both ' and ’, and a hyphen matches a hyphen or a space ("so-called", "so called").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any, Generic, TypeVar

from kit.errors import KitError

T = TypeVar("T")

_SPACE = " "


def normalise_phrase(phrase: str) -> str:
    """The lookup key of a phrase or matched text: lower case, one space, straight apostrophes."""
    phrase = phrase.lower().replace("’", "'")
    if "-" in phrase:
        phrase = phrase.replace("-", " ")
    return " ".join(phrase.split())


def _piece(char: str) -> str:
    if char == _SPACE:
        return r"[\s\-]+"
    if char == "'":
        return "['’]"
    return re.escape(char)


def trie_pattern(phrases: Iterable[str]) -> str:
    """One regular expression (no boundaries) that matches any of `phrases`, longest first."""
    root: dict[str, Any] = {}
    for phrase in phrases:
        node = root
        for char in normalise_phrase(phrase):
            node = node.setdefault(char, {})
        node[""] = True

    def build(node: dict[str, Any]) -> str:
        branches = [(c, child) for c, child in sorted(node.items()) if c != ""]
        if not branches:
            return ""
        leaves = [c for c, child in branches if len(child) == 1 and "" in child]
        alts = [_piece(c) + build(child) for c, child in branches if c not in leaves or c in " '"]
        plain = [c for c in leaves if c not in " '"]
        if len(plain) == 1:
            alts.append(re.escape(plain[0]))
        elif plain:
            alts.append("[" + "".join(re.escape(c) for c in plain) + "]")
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            body = f"(?:{body})?"
        return body

    return build(root)


_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}
# A phrase starts after one of these (or at the start of the text). Making the pattern begin with
# this character class lets the regex engine skip ahead to the next boundary instead of trying the
# whole trie at every character: about twice as fast on news text.
_BOUNDARY = "[\\s\"“‘'(\\[—–/]"


def fold(text: str) -> str:
    """Lower-case text with ’ as ', the same length as `text` (offsets stay valid)."""
    low = text.lower()
    if len(low) != len(text):  # a few characters ("İ") grow when lower-cased
        low = text.translate(_ASCII_LOWER)
    if "’" in low:
        low = low.replace("’", "'")
    return low


class Lexicon(Generic[T]):
    """Phrases mapped to values; finds every phrase of every list in one pass over a text."""

    def __init__(self, table: Mapping[str, tuple[T, ...]]) -> None:
        self.table = {normalise_phrase(k): v for k, v in table.items()}
        body = trie_pattern(self.table) if self.table else "(?!x)x"
        self.pattern = re.compile(rf"{_BOUNDARY}({body})(?![\w-]|'\w)")

    def find_keys(self, low: str) -> list[tuple[int, int, str]]:
        """(start, end, phrase as written) for every phrase in `low`, a text already `fold`ed."""
        return [
            (m.start(1) - 1, m.end(1) - 1, m.group(1)) for m in self.pattern.finditer(" " + low)
        ]

    def values(self, key: str) -> tuple[T, ...]:
        """The values of a phrase as found by `find_keys`."""
        values = self.table.get(key)
        if values is None:
            values = self.table.get(normalise_phrase(key), ())
        return values

    def finditer(
        self, text: str, start: int = 0, end: int | None = None
    ) -> Iterator[tuple[int, int, tuple[T, ...]]]:
        """Every phrase found in text[start:end], left to right, longest match at each place."""
        end = len(text) if end is None else end
        for s, e, key in self.find_keys(fold(text[start:end])):
            values = self.values(key)
            if values:
                yield s + start, e + start, values

    def __len__(self) -> int:
        return len(self.table)


@lru_cache(maxsize=8)
def package_yaml(name: str) -> Any:
    """A YAML file shipped in kit/data (parsed once per process)."""
    import yaml

    raw = resources.files("kit").joinpath(f"data/{name}").read_text(encoding="utf-8")
    try:
        return yaml.safe_load(raw)
    except yaml.YAMLError as e:  # a broken package file is a bug, but say where it is
        raise KitError(f"the kit's word list data/{name} is not valid YAML ({e})") from None


@lru_cache(maxsize=8)
def package_words(name: str) -> dict[str, tuple[str, ...]]:
    """Word lists shipped in kit/data as YAML strings of words separated by spaces, in order.

    A string, not a YAML list, so that "no", "on" and "yes" stay words (YAML reads them as
    booleans in a list).
    """
    data = package_yaml(name)
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise KitError(f"the kit's word list data/{name} must map names to strings of words")
    return {key: tuple(value.split()) for key, value in data.items()}
