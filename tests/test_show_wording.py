"""kit.show_wording: the reporting words by stance and the wording to notice, with meanings."""

from __future__ import annotations

import re

import kit


def test_reporting_words_are_listed_with_their_stance_and_meaning(seed):
    view = kit.show_wording(seed)
    html = re.sub(r' style="[^"]*"', "", view._repr_html_())  # the cells' look aside
    assert "<td>claimed</td><td>Moscow</td><td>doubt</td>" in html
    assert "<td>according to</td><td>Ukrainian officials</td><td>neutral</td>" in html
    assert "hints the claim may not be true" in html
    assert repr(view) == (
        "<wording in 000_8e915a2399968c01: 12 reporting words (1 not neutral), 4 words to notice>"
    )


def test_words_to_notice_are_explained(seed):
    html = kit.show_wording(seed)._repr_html_()
    assert "Words to notice" in html and "so-called" in html


def test_article_text_is_escaped_and_a_plain_story_says_so():
    article = kit.make_article("Headline", ["<script>alert(1)</script> Rain fell."])
    html = kit.show_wording(article)._repr_html_()
    assert "<script>alert" not in html
    assert "No reporting words were found" in html
