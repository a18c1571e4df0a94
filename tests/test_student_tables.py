"""Every table a student sees reads as a table for people, not a pandas dump.

Checked on the committed outputs of the student notebooks (what a student opens; nbval keeps them
equal to what the code makes) and on fresh renderings of every view over the seed and practice
articles: no `NaN`, no internal id (`named_person`, `source_type`, `not_a_claim` ...), no raw
pandas index, every cell's text left-aligned; the sentence numbering is the article's own.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

import kit
from kit.reading.sources import SOURCE_TYPES

ROOT = Path(__file__).resolve().parent.parent
STUDENT_NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
SEED = ROOT / "seeds" / "000_8e915a2399968c01.txt"
#: The practice texts students read (with an answer key), not the card sets of lesson 8.
PRACTICE = sorted(
    p for p in (ROOT / "seeds" / "practice").glob("*.md") if p.with_suffix(".key.yaml").is_file()
)
#: Ids the kit uses inside that a student must never read (column names of its data tables too).
INTERNAL = {*SOURCE_TYPES, "not_a_claim", "source_type", "article_id", "source_text", "cue_text"}
SNAKE_CASE = re.compile(r"\b[a-z]+_[a-z_]+\b")


class _Tables(HTMLParser):
    """Each <table>: its class, and per cell (th or td) its text and style."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict] = []
        self._cell: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.tables.append({"class": attrs.get("class") or "", "cells": []})
        elif tag in ("td", "th") and self.tables:
            self._cell = {"tag": tag, "style": attrs.get("style") or "", "text": ""}
            self.tables[-1]["cells"].append(self._cell)

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell["text"] += data


def tables_in(html: str) -> list[dict]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def problems(table: dict) -> list[str]:
    out = []
    if "dataframe" in table["class"] or "kit-table" not in table["class"]:
        out.append(f"not a student table (class {table['class']!r}): a raw DataFrame?")
    for cell in table["cells"]:
        text = cell["text"].strip()
        if text in ("NaN", "nan", "None", "<NA>", "NaT"):
            out.append(f"missing value shown as {text!r}")
        ids = {w for w in SNAKE_CASE.findall(text) if w in INTERNAL or "_" in w}
        if ids:
            out.append(f"internal id {sorted(ids)} in {text[:60]!r}")
        if "text-align:left" not in cell["style"].replace(" ", ""):
            out.append(f"{cell['tag']} not left-aligned: {text[:40]!r}")
    return out


def notebook_tables() -> list[tuple[str, dict]]:
    found = []
    for path in STUDENT_NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for i, cell in enumerate(nb.cells):
            for output in cell.get("outputs", []):
                html = output.get("data", {}).get("text/html", "")
                for table in tables_in("".join(html) if isinstance(html, list) else html):
                    found.append((f"{path.name} cell {i}", table))
    return found


def test_the_student_notebooks_show_tables():
    where = {w.split(" cell")[0] for w, _ in notebook_tables()}
    # lessons 3 and 6 (sources), 4 (wording), 5 (claims), 7 (coverage, reports, headlines)
    assert {"03_who_is_talking.ipynb", "05_claims.ipynb", "07_trace_a_claim.ipynb"} <= where


@pytest.mark.parametrize(("where", "table"), notebook_tables(), ids=lambda x: str(x)[:40])
def test_every_committed_student_table_reads_as_a_table_for_people(where, table):
    assert problems(table) == [], where


def _fresh_views() -> list[tuple[str, str]]:
    views = []
    for path in [SEED, *PRACTICE]:
        views.append((f"sources {path.name}", kit.show_sources(path).html))
        views.append((f"wording {path.name}", kit.show_wording(path).html))
        views.append((f"claims {path.name}", kit.show_claims(kit.load_article(path)).html))
    for show in ("summary", "reports", "headlines"):
        views.append((f"coverage {show}", kit.compare_coverage(PRACTICE, show=show).html))
    return views


@pytest.mark.parametrize(("where", "html"), _fresh_views(), ids=lambda x: str(x)[:40])
def test_every_view_renders_tables_for_people(where, html):
    tables = tables_in(html)
    assert tables or "No reported speech was found" in html, where
    for table in tables:
        assert problems(table) == [], where


def test_lesson_5_numbers_sentences_as_the_article_numbers_paragraphs():
    article = kit.load_article(SEED)
    (table, *_) = tables_in(kit.show_claims(article).html)
    header = [c["text"] for c in table["cells"] if c["tag"] == "th"]
    places = [c["text"] for c in table["cells"][len(header) :: len(header)]]
    assert header[0] == "where" and places[0] == "headline"
    # The sentence "The coalition has been spearheaded ..." opens the paragraph numbered 4 on
    # the article (the headline and standfirst carry no number).
    shown = kit.show_article(article).html
    assert re.search(r'class="kit-pn"[^>]*>4</span>The coalition has been spearheaded', shown)
    at = next(i for i, c in enumerate(table["cells"]) if "spearheaded" in c["text"])
    assert table["cells"][at - 1]["text"] == "paragraph 4, sentence 1"
    assert all(
        re.fullmatch(r"(headline|standfirst|paragraph \d+, sentence \d+)( \(part\))?", p)
        for p in places
    )


def test_the_sources_chart_counts_what_the_headline_counts():
    html = kit.show_sources(SEED).html
    reports, sources = map(int, re.search(r"(\d+) reports from (\d+) sources", html).groups())
    assert f"The {sources} sources, by kind" in html
    bars = [int(n) for n in re.findall(r'role="img" aria-label="[^"]*: (\d+)"', html)]
    assert sum(bars) == sources and reports > sources
