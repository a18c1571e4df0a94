"""What the source tests read of an attribution: the text of a span, each attribution of a text
as (source, cue, content) strings, and the attribution with a given content."""

from __future__ import annotations

from kit.reading.sources import Attribution, find_attributions


def cut(text: str, span) -> str | None:
    return None if span is None else text[span.start : span.end]


def found(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [
        (cut(text, a.source), cut(text, a.cue), cut(text, a.content))
        for a in find_attributions(text)
    ]


def by_content(text: str, content: str) -> Attribution:
    """The attribution whose content is `content`; AssertionError listing what was found."""
    found = find_attributions(text)
    for a in found:
        if cut(text, a.content) == content:
            return a
    listing = [(cut(text, a.source), cut(text, a.content), a.direct) for a in found]
    raise AssertionError(f"no attribution with content {content!r} in {listing}")
