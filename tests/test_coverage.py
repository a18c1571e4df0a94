"""Comparing how several articles about one event source it (kit.compare_coverage)."""

from pathlib import Path

import kit
from kit.views.coverage import coverage_table

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
#: The three reports of the Millbrook fire that lesson 7 compares first.
PRACTICE = [SEEDS / "practice" / f"millbrook_{n}.md" for n in ("partisan", "statement", "wire")]


def _rows():
    table = coverage_table(PRACTICE)
    return {r["article"]: r for r in table.to_dict("records")}


def test_one_row_per_article_in_the_order_given():
    table = coverage_table(PRACTICE)
    assert table["article"].tolist() == [p.stem for p in PRACTICE]
    assert table["outlet"].tolist()[0] == "The Millbrook Voice (invented)"


def test_wire_report_names_more_sources_than_the_company_statement():
    rows = _rows()
    assert rows["millbrook_wire"]["named"] >= 4
    assert "Dana Okafor" in rows["millbrook_wire"]["who speaks"]
    assert rows["millbrook_statement"]["sources"] == 0
    assert rows["millbrook_statement"]["who speaks"] == "nobody is quoted"


def test_an_organisation_keeps_its_own_name_when_the_resolved_name_is_someone_elses():
    speakers = _rows()["millbrook_wire"]["who speaks"].split(", ")
    assert "ambulance service" in speakers or "the ambulance service" in speakers


def test_unnamed_sources_are_counted():
    rows = _rows()
    assert rows["millbrook_wire"]["unnamed"] == 1  # "A council official"
    assert rows["millbrook_partisan"]["unnamed"] >= 1


def test_words_to_notice_lists_judging_words_but_not_plain_numbers():
    words = _rows()["millbrook_partisan"]["words to notice"].split(", ")
    assert "shocking" in words and "claimed" in words
    assert "thousands" not in words  # vague numbers are for the student to trace, not listed


def test_compare_coverage_is_escaped_html_with_a_short_repr(tmp_path):
    evil = tmp_path / "evil.txt"
    evil.write_text(
        "<script>alert(1)</script> headline\nStandfirst.\n"
        'Officials said the <b>plan</b> was "real".\n'
    )
    view = kit.compare_coverage([evil, *PRACTICE])
    assert "<script>" not in view.html and "&lt;script&gt;" in view.html
    assert "<b>plan" not in view.html
    assert repr(view).startswith("<coverage of 4 articles")


def test_accepts_a_corpus_and_loaded_articles():
    corpus = kit.load_corpus(SEEDS / "practice")
    texts = [p for p in (SEEDS / "practice").glob("*.md") if p.name != "README.md"]
    assert len(coverage_table(corpus)) == len(texts) >= 3
    assert len(coverage_table([kit.load_article(PRACTICE[0])])) == 1
