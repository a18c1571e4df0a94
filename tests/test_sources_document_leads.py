"""A poll, survey or study as the source of a clause with no reporting word: "In a ... poll,
42 percent of voters ..." and "... 6 percent of the vote in a ... poll released Sunday" (issue 16,
fourth round, second wave)."""

from __future__ import annotations

import pytest

from kit.reading.sources import find_attributions
from tests.source_helpers import cut, found


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "In a Gallup poll released Monday, 42 percent of voters backed the new tax.",
            ("a Gallup poll released Monday", "In", "42 percent of voters backed the new tax"),
        ),
        (
            "In a survey of 900 teachers, two thirds said they had no time for lunch.",
            ("a survey of 900 teachers", "In", "two thirds said they had no time for lunch"),
        ),
        (
            "The senator won just 6 percent of the vote in a Marist College poll last month.",
            (
                "a Marist College poll last month",
                "in",
                "The senator won just 6 percent of the vote",
            ),
        ),
    ],
)
def test_a_poll_that_opens_or_closes_a_sentence_with_a_figure_is_its_source(text, expected):
    assert expected in found(text)
    (poll,) = [a for a in find_attributions(text) if cut(text, a.source) == expected[0]]
    assert poll.source_type == "document"
    assert not poll.direct


@pytest.mark.parametrize(
    "text",
    [
        "In the study, researchers looked at schools in Ohio.",  # no figure: no finding
        "The governor has fallen to 6 percent in the polls.",  # the polls in general
        "She has 12 percent in the new poll.",  # a poll the text named before
        "In a poll of 800 voters, conducted in May, the party lost ground.",  # no figure after
        'He said: "In a poll last week, 40 percent backed us."',  # inside a quotation
    ],
)
def test_no_poll_source_without_a_figure_or_one_poll(text):
    assert all(a.source_type != "document" for a in find_attributions(text))
