"""What the source tests read of an attribution: the text of a span, and each attribution of a
text as (source, cue, content) strings."""

from __future__ import annotations

from kit.reading.sources import find_attributions


def cut(text: str, span) -> str | None:
    return None if span is None else text[span.start : span.end]


def found(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [
        (cut(text, a.source), cut(text, a.cue), cut(text, a.content))
        for a in find_attributions(text)
    ]
