"""Who is speaking when the source is a pronoun or "both" alone, when a comma after the cue hides
where its content starts ("He added, that ...", "She said, if elected, ..."), and reporting verbs
the lists lacked ("assured", "anticipated") (issue 16, fourth round, second wave)."""

from __future__ import annotations

import pytest

from tests.source_helpers import found


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "Both vowed to be tougher on the border as president.",
            "vowed",
            "to be tougher on the border as president",
        ),
        ("Both said that the tax cut came too late.", "said", "the tax cut came too late"),
        (
            "Both have promised to pursue legislation against the move.",
            "promised",
            "to pursue legislation against the move",
        ),
    ],
)
def test_both_alone_is_an_unnamed_source(text, cue, content):
    assert ("Both", cue, content) in found(text)


def test_both_as_a_determiner_still_opens_the_source():
    text = "Both candidates said that the tax cut came too late."
    assert found(text) == [("Both candidates", "said", "the tax cut came too late")]


@pytest.mark.parametrize(
    "text, source, cue, content",
    [
        (
            "He added, that there is a strong emphasis on a fair process.",
            "He",
            "added",
            "there is a strong emphasis on a fair process",
        ),
        (
            "She said, if elected, she would ask the mayor to lead the plan.",
            "She",
            "said",
            "if elected, she would ask the mayor to lead the plan",
        ),
        (
            "The mayor added, though, that the budget would not change.",
            "The mayor",
            "added",
            "the budget would not change",
        ),
    ],
)
def test_a_comma_after_the_cue_does_not_hide_its_content(text, source, cue, content):
    assert (source, cue, content) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        # A conjunction after the comma opens another clause, not the content.
        "She said, and the crowd cheered.",
        # "though" with no comma after it is not an aside.
        "He said, though the hall was nearly empty.",
    ],
)
def test_a_clause_after_the_comma_is_not_taken_for_content(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, source, cue, content",
    [
        (
            "She assured a crowd of supporters that the plant would stay open.",
            "She",
            "assured",
            "the plant would stay open",
        ),
        (
            "He anticipated that the hearing would focus on the budget.",
            "He",
            "anticipated",
            "the hearing would focus on the budget",
        ),
        (
            "The mayor proclaimed that the bridge was safe again.",
            "The mayor",
            "proclaimed",
            "the bridge was safe again",
        ),
        (
            "One columnist opined that the race was already over.",
            "One columnist",
            "opined",
            "the race was already over",
        ),
        (
            "They surmised that the vote would be close.",
            "They",
            "surmised",
            "the vote would be close",
        ),
    ],
)
def test_reporting_verbs_the_lists_lacked(text, source, cue, content):
    assert (source, cue, content) in found(text)
