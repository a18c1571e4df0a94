"""A selection becomes a clean span: whole words, no edge spaces, code points not UTF-16 units."""

from __future__ import annotations

import pytest

from kit import KitError
from kit.articles.selection import check_span, code_point_offset, snap_to_words, utf16_offset, words


def cut(text, phrase, a, b):
    """Offsets of a partial selection inside `phrase`: from its a-th to its b-th character."""
    i = text.index(phrase)
    return i + a, i + b


def test_a_partial_selection_snaps_to_the_whole_words():
    text = "but Downing Street would not confirm"
    s, e = snap_to_words(text, *cut(text, "Downing Street", 3, 9))
    assert text[s:e] == "Downing Street"


def test_white_space_at_the_edges_is_trimmed_and_punctuation_kept():
    text = "the “absolute focus” of leaders"
    s, e = snap_to_words(text, text.index("“") - 1, text.index("”") + 2)
    assert text[s:e] == "“absolute focus”"


@pytest.mark.parametrize("word", ["Ukraine’s", "30-day", "1,000", "U.S", "don't"])
def test_joined_words_stay_whole(word):
    text = f"see {word} now"
    i = text.index(word)
    s, e = snap_to_words(text, i + 1, i + 2)
    assert text[s:e] == word


def test_a_selection_without_words_is_refused():
    assert snap_to_words("a — b", 1, 4) is None
    with pytest.raises(KitError, match="no words"):
        check_span("a — b", 1, 4)


@pytest.mark.parametrize("bad", [(-1, 3), (3, 3), (0, 999), ("0", 3), (True, 3)])
def test_offsets_from_a_front_end_are_checked(bad):
    with pytest.raises(KitError):
        check_span("some words here", *bad)


def test_emoji_and_astral_characters_count_as_one_code_point():
    text = "Hi 😀 said 𝒜lice 👩‍👩‍👧 to Bob"
    s, e = snap_to_words(text, text.index("𝒜"), text.index("𝒜") + 2)
    assert text[s:e] == "𝒜lice"  # 𝒜 is a letter outside the BMP
    for cp in range(len(text) + 1):
        assert code_point_offset(text, utf16_offset(text, cp)) == cp
        assert utf16_offset(text, cp) == len(text[:cp].encode("utf-16-le")) // 2


def test_words_lists_every_word_in_order():
    text = "Mr Zelensky’s “coalition” met 30-day, 1,000 times."
    assert [text[s:e] for s, e in words(text)] == [
        "Mr",
        "Zelensky’s",
        "coalition",
        "met",
        "30-day",
        "1,000",
        "times",
    ]
