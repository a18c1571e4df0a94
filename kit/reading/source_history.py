"""The sources found so far in an article, looked back at to resolve "he", "they", "the
ministry" and short names ("The Telegraph" after "The Daily Telegraph")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kit.articles.segment import Span

if TYPE_CHECKING:
    from kit.reading.people import Person

RECENT = 40  # how far back (mentions, sources) names and descriptions are looked up


@dataclass
class Source:
    """A noun phrase that is a source: its span, the speaker it names and its source type."""

    span: Span
    speaker: str | None
    type: str
    person: Person | None = None


class SourceHistory:
    """Each source as it is attributed: (position, sentence, source), in the order found."""

    def __init__(self) -> None:
        self.found: list[tuple[int, int, Source]] = []  # (pos, sentence, source)
        self.by_sentence: dict[int, list[tuple[int, Source]]] = {}  # sentence -> sources

    def add(self, source: Source, sentence: int) -> None:
        self.found.append((source.span.start, sentence, source))
        self.by_sentence.setdefault(sentence, []).append((source.span.start, source))

    def earlier(self, kind: str, pos: int) -> str | None:
        """The speaker of the last recent source of this kind before `pos`."""
        for hp, _, src in reversed(self.found[-RECENT:]):
            if hp < pos and src.type == kind and src.speaker:
                return src.speaker
        return None
