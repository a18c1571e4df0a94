"""kit.reading.wording: wording to notice, each flag with a category and an explanation."""

from __future__ import annotations

from pathlib import Path

import pytest

import kit
from kit.reading.wording import CATEGORIES, categories, flag

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_8e915a2399968c01.txt"


@pytest.fixture(scope="module")
def seed_flags():
    article = kit.load_article(SEED)
    return article, flag(article)


def test_so_called_is_flagged_as_the_writers_distance(seed_flags):
    article, flags = seed_flags
    (f,) = [f for f in flags if f.word == "so-called"]
    assert f.category == "label"
    assert "distance" in f.explanation
    assert article.text[f.span.start : f.span.end] == "so-called"


def test_scare_quoted_mirror_is_flagged(seed_flags):
    article, flags = seed_flags
    (f,) = [f for f in flags if "mirror" in f.word]
    assert f.category == "scare_quote"
    assert article.text[f.span.start : f.span.end] == "“mirror”"
    assert "quotation marks" in f.explanation and "“mirror”" in f.explanation


def test_around_before_a_number_and_claimed_are_flagged(seed_flags):
    _, flags = seed_flags
    kinds = {(f.word, f.category) for f in flags}
    assert ("around", "vague") in kinds
    assert ("claimed", "doubt") in kinds


@pytest.mark.parametrize(
    ("text", "word", "category"),
    [
        ("The minister reportedly resigned.", "reportedly", "hedge"),
        ("He allegedly took the money.", "allegedly", "hedge"),
        ("The plan may fail.", "may", "hedge"),
        ("It appears to be a mistake.", "appears to", "hedge"),
        ("Critics slammed the decision.", "slammed", "loaded"),
        ("It was an extremely close vote.", "extremely", "intensifier"),
        ("Unfortunately, the talks failed.", "Unfortunately", "comment"),
        ("The regime arrested dozens of protesters.", "regime", "label"),
        ("The regime arrested dozens of protesters.", "dozens", "vague"),
        ("Many people came.", "Many", "vague"),
        ("Some 300 people came.", "Some", "vague"),
        ("He called it “fake news”.", "“fake news”", "scare_quote"),
    ],
)
def test_words_are_flagged_with_their_category(text, word, category):
    flags = flag(text)
    assert any(f.word == word and f.category == category for f in flags), flags
    for f in flags:
        assert text[f.span.start : f.span.end] == f.word
        assert f.explanation and f.label


@pytest.mark.parametrize(
    "text",
    [
        "The election was held in May 2019.",  # the month, not the hedge
        "They talked about the plan.",  # 'about' without a number
        "She is the most experienced candidate.",  # a superlative, not a vague quantity
        "He said “The Day After” was his favourite film.",  # a capitalised title
    ],
)
def test_words_in_another_sense_are_not_flagged(text):
    assert flag(text) == []


def test_every_category_is_documented_with_sources():
    cats = categories()
    assert tuple(cats) == CATEGORIES
    for cat in cats.values():
        assert cat.label and "{word}" in cat.explanation
        assert cat.sources, f"{cat.key} lists no sources"


def test_flags_keep_offsets_with_emoji_and_curly_quotes():
    text = "🙂🙂 Officials reportedly said the “deal” was very good."
    flags = flag(text)
    words = {f.word for f in flags}
    assert {"reportedly", "“deal”", "very"} <= words
    for f in flags:
        assert text[f.span.start : f.span.end] == f.word
