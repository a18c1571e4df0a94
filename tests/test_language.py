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


@pytest.mark.parametrize(
    "quoted", ["serious work ahead", "absolute focus", "real and substantial", "mirror"]
)
def test_a_speakers_quoted_words_are_not_called_scare_quotes(seed_flags, quoted):
    # Zelensky said there was "serious work ahead", Healey said the plans were "real and
    # substantial": direct quotes, as lesson 4's quiz says, not the writer's distance.
    article, flags = seed_flags
    assert f"“{quoted}”" in article.text
    assert not [f for f in flags if quoted in f.word], flags


def test_a_quoted_word_nobody_is_said_to_have_spoken_is_a_scare_quote():
    text = "The company sold another “miracle” cure last year."
    (f,) = flag(text)
    assert (f.category, f.word) == ("scare_quote", "“miracle”")
    assert "quotation marks" in f.explanation and "“miracle”" in f.explanation


@pytest.mark.parametrize(
    ("text", "scare"),
    [
        ("He said there was “serious work ahead”.", False),
        ("“Not now”, she said, was the answer.", False),
        ("Officials told reporters the “deal” was good.", False),
        ("The so-called “experts” disagreed, she said.", True),
        ("It was a “good” day. Officials said so later.", True),
    ],
)
def test_scare_quotes_are_told_from_direct_quotes_by_their_sentence(text, scare):
    assert any(f.category == "scare_quote" for f in flag(text)) is scare


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
        ("It was another “fake” cure.", "“fake”", "scare_quote"),
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
    text = "🙂🙂 The “deal” was reportedly very good."
    flags = flag(text)
    words = {f.word for f in flags}
    assert {"reportedly", "“deal”", "very"} <= words
    for f in flags:
        assert text[f.span.start : f.span.end] == f.word
