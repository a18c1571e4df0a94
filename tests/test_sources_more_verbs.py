"""Reporting verbs from the long tail the lists lacked: "portrayed X as Y", "recounted",
"bragged", "chanted", "observed"; their -ing forms stay out, as they are mostly a participle
after someone else (issue 16, fourth round, second wave)."""

from __future__ import annotations

import pytest

from tests.source_helpers import found


@pytest.mark.parametrize(
    "text, source, cue, content",
    [
        (
            "The mayor portrayed her rival as a friend of the developers.",
            "The mayor",
            "portrayed",
            "her rival as a friend of the developers",
        ),
        (
            "Councillor Ana Reyes recounted a meeting she had with the harbour board.",
            "Councillor Ana Reyes",
            "recounted",
            "a meeting she had with the harbour board",
        ),
        (
            "The governor bragged that the budget was balanced for the first time in years.",
            "The governor",
            "bragged",
            "the budget was balanced for the first time in years",
        ),
        (
            'The crowd chanted "Save our library!" outside the town hall.',
            "The crowd",
            "chanted",
            '"Save our library!"',
        ),
        (
            "The local paper observed that the council had never met in August.",
            "The local paper",
            "observed",
            "the council had never met in August",
        ),
    ],
)
def test_a_long_tail_reporting_verb_is_a_cue(text, source, cue, content):
    assert (source, cue, content) in found(text)


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The actor portrayed a sailor in the film.", "portrayed"),
        ("Fans chanting outside the stadium blocked the road.", "chanting"),
        ("Monitors observing the vote in the north reported no trouble.", "observing"),
    ],
)
def test_an_act_or_a_participle_is_no_report(text, cue):
    assert not any(c == cue for _, c, _ in found(text))
