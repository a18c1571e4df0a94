"""Who is speaking: attributions (cue, source, content) found in an article.

Placeholder contract; the detector is being built (issue 3).
"""

from __future__ import annotations

from dataclasses import dataclass

from .articles import Article, article_from_text
from .segment import Span

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


def find_attributions(article_or_text: Article | str) -> list[Attribution]:
    """Every attribution in the article, in text order."""
    article = (
        article_or_text
        if isinstance(article_or_text, Article)
        else article_from_text(article_or_text)
    )
    del article
    return []
