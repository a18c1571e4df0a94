"""Coverage compared: how several articles about one event source it, side by side.

One row per article: who speaks, how many sources are named and how many are not, and the
wording to notice (loaded words, labels, doubt verbs, intensifiers) that `kit.reading.wording.flag`
finds. A view over what the readers find, so it lives with the other views, above them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from kit.articles.article import Article, load_article
from kit.errors import KitError
from kit.reading.sources import Attribution, find_attributions
from kit.reading.wording import flag
from kit.views.html import SafeHTML, paragraph_numbers
from kit.views.show import html_table, source_kind, stack

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


def reports_table(articles: Iterable[Article | str | Path]) -> pd.DataFrame:
    """One row per report (each time an article says what someone said), for students: the
    outlet, the paragraph as numbered on the article, who speaks, the kind of source and the
    reporting words."""
    rows = []
    for article in _articles(articles):
        numbers = paragraph_numbers(article)
        for a in find_attributions(article):
            span = a.source or a.cue or a.content
            at = span.start if span is not None else 0
            index = next((i for i, p in enumerate(article.paragraphs) if p.end > at), 0)
            number = numbers[index] if article.paragraphs else None
            rows.append(
                {
                    "text": article.outlet or article.title,
                    "paragraph": number if number is not None else article.paragraphs[index].role,
                    "who speaks": _who(article, a),
                    "kind of source": source_kind(a.source_type),
                    "reporting words": " ".join(article.text[a.cue.start : a.cue.end].split())
                    if a.cue
                    else "",
                }
            )
    columns = ["text", "paragraph", "who speaks", "kind of source", "reporting words"]
    return pd.DataFrame(rows, columns=columns)


def compare_coverage(articles: Iterable[Article | str | Path], show: str = "summary") -> SafeHTML:
    """A table comparing how each article sources the story, as safe HTML for a notebook.

    `show` picks the table: "summary" (one row per article), "reports" (one row for every time
    someone is reported as speaking) or "headlines" (each outlet's headline).
    """
    articles = _articles(articles)
    if show == "reports":
        table = reports_table(articles)
        caption = f"Every report in the {len(articles)} texts: who speaks, where, and how"
        return stack([html_table(table, caption)], f"{len(table)} reports in {len(articles)} texts")
    if show == "headlines":
        table = pd.DataFrame(
            [(a.outlet or a.id, a.title) for a in articles], columns=["text", "headline"]
        )
        return stack(
            [html_table(table, f"The {len(articles)} headlines")], f"{len(table)} headlines"
        )
    if show != "summary":
        raise KitError(
            f"compare_coverage cannot show {show!r}",
            fix='use show="summary", show="reports" or show="headlines"',
        )
    table = coverage_table(articles)
    caption = f"How {len(table)} articles tell the story: who speaks, and how"
    note = (
        "<p style='font-family:sans-serif;font-size:0.85em;max-width:46em'>"
        "<strong>named</strong>: people, institutions or documents you can identify; "
        "<strong>unnamed</strong>: sources the article does not name; "
        "<strong>other</strong>: social media posts and sources the kit could not place. "
        "The kit finds these by rules and can be wrong: check each row against the text.</p>"
    )
    summary = f"coverage of {len(table)} articles: " + ", ".join(
        f"{r.article} {r.sources} sources ({r.unnamed} unnamed)" for r in table.itertuples()
    )
    # Students see outlets and headlines, not the kit's article ids (the file names).
    return stack([html_table(table.drop(columns=["article"]), caption), note], summary)
