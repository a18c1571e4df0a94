"""A set of articles with pandas views, so teachers can explore a folder of articles.

The views show the articles themselves (paragraphs, sentences) and what the readers find in them
(attributions, claims, wording to notice), which is why the corpus lives above those readers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pandas as pd

from kit.articles.article import Article, LoadProblem, load_articles
from kit.reading.claims import resolve_labels, suggest
from kit.reading.sources import find_attributions
from kit.reading.wording import flag


class Corpus:
    """Articles plus the problems met while loading them; each view is a DataFrame."""

    def __init__(self, articles: Iterable[Article], problems: Sequence[LoadProblem] = ()) -> None:
        self.articles_list = list(articles)
        self.problems = list(problems)

    @classmethod
    def load(cls, paths: str | Path | Sequence[str | Path]) -> Corpus:
        result = load_articles(paths)
        return cls(result.articles, result.problems)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles_list)

    def __len__(self) -> int:
        return len(self.articles_list)

    def __getitem__(self, key: int | str) -> Article:
        if isinstance(key, str):
            for a in self.articles_list:
                if a.id == key:
                    return a
            raise KeyError(key)
        return self.articles_list[key]

    def __repr__(self) -> str:
        extra = f", {len(self.problems)} files not loaded" if self.problems else ""
        return f"Corpus({len(self)} articles{extra})"

    def articles(self) -> pd.DataFrame:
        """One row per article: id, title, metadata and counts."""
        rows = [
            {
                "article_id": a.id,
                "title": a.title,
                "outlet": a.outlet,
                "published": a.published,
                "url": a.url,
                "paragraphs": sum(p.role == "body" for p in a.paragraphs),
                "sentences": len(a.sentences),
                "words": a.word_count,
                "path": str(a.path) if a.path else None,
            }
            for a in self.articles_list
        ]
        return pd.DataFrame(rows, columns=_columns(rows, "article_id"))

    def paragraphs(self) -> pd.DataFrame:
        """One row per paragraph (headline and standfirst included, see `role`) with offsets."""
        rows = [
            {
                "article_id": a.id,
                "paragraph": p.index,
                "role": p.role,
                "start": p.start,
                "end": p.end,
                "text": a.text[p.start : p.end],
            }
            for a in self.articles_list
            for p in a.paragraphs
        ]
        return pd.DataFrame(rows, columns=_columns(rows, "article_id"))

    def sentences(self) -> pd.DataFrame:
        """One row per sentence with its paragraph and offsets into the article text."""
        rows = [
            {
                "article_id": a.id,
                "sentence": s.index,
                "paragraph": s.paragraph,
                "start": s.start,
                "end": s.end,
                "text": a.text[s.start : s.end],
            }
            for a in self.articles_list
            for s in a.sentences
        ]
        return pd.DataFrame(rows, columns=_columns(rows, "article_id"))

    def attributions(self) -> pd.DataFrame:
        """One row per attribution (who said what) with its spans and their text.

        Missing spans (a quote with no cue, a source-less report) have empty offsets and text.
        """
        rows = []
        for a in self.articles_list:
            text = a.text
            for att in find_attributions(a):
                row = {
                    "article_id": a.id,
                    "speaker": att.speaker,
                    "source_type": att.source_type,
                    "stance": att.stance,
                    "direct": att.direct,
                }
                for name in ("source", "cue", "content"):
                    span = getattr(att, name)
                    row[f"{name}_start"] = span.start if span else None
                    row[f"{name}_end"] = span.end if span else None
                    row[f"{name}_text"] = text[span.start : span.end] if span else None
                rows.append(row)
        columns = ["article_id", "speaker", "source_type", "stance", "direct"]
        for name in ("source", "cue", "content"):
            columns += [f"{name}_start", f"{name}_end", f"{name}_text"]
        df = pd.DataFrame(rows, columns=columns)
        for c in columns:
            if c.endswith(("_start", "_end")):
                df[c] = df[c].astype("Int64")
        return df

    def claims(self, labels: str | Path | None = None) -> pd.DataFrame:
        """One row per claim suggestion (sentences and attributed parts) with type and reasons.

        `labels` is the path of a teacher's label set (default: the kit's claim types).
        """
        label_set = resolve_labels(labels)
        rows = [
            {
                "article_id": a.id,
                "sentence": s.sentence,
                "part": s.part,
                "start": s.span.start,
                "end": s.span.end,
                "text": s.text,
                "type": s.type,
                "kit_type": s.kit_type,
                "checkworthy": s.checkworthy,
                "confidence": s.confidence,
                "claimant": s.claimant,
                "reasons": "; ".join(r.text for r in s.reasons),
            }
            for a in self.articles_list
            for s in suggest(a, labels=label_set)
        ]
        return pd.DataFrame(rows, columns=_columns(rows, "article_id"))

    def flags(self) -> pd.DataFrame:
        """One row per piece of wording to notice (hedges, loaded words, labels, scare quotes)."""
        rows = [
            {
                "article_id": a.id,
                "start": f.span.start,
                "end": f.span.end,
                "words": f.word,
                "category": f.category,
                "explanation": f.explanation,
            }
            for a in self.articles_list
            for f in flag(a)
        ]
        return pd.DataFrame(rows, columns=_columns(rows, "article_id"))

    def problems_table(self) -> pd.DataFrame:
        """The files that did not load and why."""
        return pd.DataFrame(
            [{"path": str(p.path), "problem": p.message} for p in self.problems],
            columns=["path", "problem"],
        )


def _columns(rows: list[dict], first: str) -> list[str] | None:
    return list(rows[0]) if rows else [first]


def load_corpus(paths: str | Path | Sequence[str | Path]) -> Corpus:
    """Load a folder (or files) of articles into a Corpus; bad files are listed in `.problems`."""
    return Corpus.load(paths)
