"""kit.show_claims and Corpus.claims: one call shows claims safely; many articles give a table."""

from __future__ import annotations

from pathlib import Path

import kit
from kit.articles.article import make_article

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_8e915a2399968c01.txt"


def test_show_claims_shows_article_table_and_top_three():
    article = kit.load_article(SEED)
    view = kit.show_claims(article)
    html = view.html
    assert isinstance(view, kit.SafeHTML)
    assert "claims most worth checking" in html
    assert html.count("<li><q>") == 3
    assert "Every sentence: what kind of claim, and why" in html
    assert html.count("<tr>") >= len(article.sentences) + 1
    assert "&#x27;30 countries&#x27; is a number you could check" in html
    assert "so-called" in html and "Words to notice" in html
    assert 'class="kit-mark' in html
    assert "worth checking" in repr(view)


def test_untrusted_article_text_is_escaped_everywhere():
    evil = '<script>alert("x")</script>'
    article = make_article(
        f"Minister {evil} resigns",
        [
            'The <img src=x onerror=alert(1)> council said 40 people were "<b>evacuated</b>".',
            "Critics called it a “<i>disaster</i>” and said the plan would fail.",
        ],
        standfirst="A <iframe src=javascript:alert(1)> story.",
    )
    html = kit.show_claims(article).html
    for raw in ("<script", "<img", "<iframe", "<b>evacuated", "<i>disaster"):
        assert raw not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_a_teacher_label_with_markup_is_escaped(tmp_path):
    labels = tmp_path / "labels.yaml"
    labels.write_text(
        "labels:\n"
        "  - {name: '<b>fact</b>', description: '<script>x</script>',"
        " kit_types: [event, number, policy, cause]}\n"
        "  - {name: view, description: a judgement,"
        " kit_types: [opinion, prediction, not_a_claim]}\n",
        encoding="utf-8",
    )
    html = kit.show_claims(kit.load_article(SEED), labels=labels).html
    assert "<b>fact</b>" not in html and "<script>x" not in html
    assert "&lt;b&gt;fact&lt;/b&gt;" in html


def test_show_claims_accepts_plain_text():
    html = kit.show_claims("Prices rose because of the drought.").html
    assert "cause" in html


def test_corpus_claims_gives_one_row_per_suggestion():
    article = kit.load_article(SEED)
    corpus = kit.Corpus([article])
    df = corpus.claims()
    assert len(df[~df["part"]]) == len(article.sentences)
    assert list(df.columns[:6]) == ["article_id", "sentence", "part", "start", "end", "text"]
    assert set(df["kit_type"]) <= {
        "event",
        "number",
        "policy",
        "cause",
        "prediction",
        "opinion",
        "not_a_claim",
    }
    assert df["reasons"].str.len().min() > 0
    flags = corpus.flags()
    assert "so-called" in set(flags["words"])


def test_corpus_claims_of_an_empty_corpus_is_an_empty_table():
    assert kit.Corpus([]).claims().empty
