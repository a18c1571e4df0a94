"""Coverage compared: how several articles about one event source it, side by side.

One row per article: who speaks, how many sources are named and how many are not, and the
wording to notice (loaded words, labels, doubt verbs, intensifiers) that `kit.reading.wording.flag`
finds. `kit.views.show.compare_coverage` shows the table in a notebook.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from kit.articles.article import Article, load_article
from kit.reading.sources import Attribution

#: Source types counted as named (the reader can tell exactly who or what speaks).
NAMED = ("named_person", "institution", "document", "other_outlet")
#: Source types counted as unnamed.
UNNAMED = ("anonymous",)
#: Categories of wording listed as "words to notice" (hedges and vague numbers are left out:
#: careful reports use them too).
JUDGING = ("loaded", "label", "doubt", "intensifier")
COLUMNS = [
    "article",
    "outlet",
    "headline",
    "who speaks",
    "sources",
    "named",
    "unnamed",
    "other",
    "words to notice",
]


def _articles(articles: Iterable[Article | str | Path]) -> list[Article]:
    return [a if isinstance(a, Article) else load_article(a) for a in articles]


def _who(article: Article, a: Attribution) -> str:
    """The speaker's name, else the source's own words."""
    if a.speaker:
        return a.speaker
    said = " ".join(article.text[a.source.start : a.source.end].split()) if a.source else ""
    return said or "(unknown)"


def coverage_table(articles: Iterable[Article | str | Path]) -> pd.DataFrame:
    """One row per article: speakers, counts of named / unnamed / other sources, judging words.

    `articles` may hold Articles, file paths or a Corpus. Counts are of distinct speakers.
    """
    from kit.reading.sources import find_attributions
    from kit.reading.wording import flag

    rows = []
    for article in _articles(articles):
        speakers: dict[str, str] = {}
        for a in find_attributions(article):
            speakers.setdefault(_who(article, a), a.source_type)
        types = list(speakers.values())
        words = dict.fromkeys(f.word.lower() for f in flag(article) if f.category in JUDGING)
        rows.append(
            {
                "article": article.id,
                "outlet": article.outlet or "",
                "headline": article.title,
                "who speaks": ", ".join(speakers) or "nobody is quoted",
                "sources": len(speakers),
                "named": sum(t in NAMED for t in types),
                "unnamed": sum(t in UNNAMED for t in types),
                "other": sum(t not in NAMED and t not in UNNAMED for t in types),
                "words to notice": ", ".join(words),
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)
