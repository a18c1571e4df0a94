"""Beliefs, knowledge and attitudes whose content is a clause ("knows that", "knows how", "are
confident that"), and the reporting verbs a clause follows in forms the rules did not read:
"continued to argue", "didn't argue", "He's claiming", "is saying" (issue 16, fourth round)."""

from __future__ import annotations

import pytest

from kit.reading.sources import find_attributions
from tests.source_helpers import found


@pytest.mark.parametrize(
    "text, expected",
    [
        # Knowledge and recognition, with "that" or a question word.
        (
            "The mayor's allies now know that the budget cannot pass.",
            ("The mayor's allies", "know", "the budget cannot pass"),
        ),
        (
            "The coach knows how hard the final will be.",
            ("The coach", "knows", "how hard the final will be"),
        ),
        (
            "Party leaders recognized long ago that the seat would be hard to hold.",
            ("Party leaders", "recognized", "the seat would be hard to hold"),
        ),
        (
            "Several analysts speculated that the bank would cut rates in May.",
            ("Several analysts", "speculated", "the bank would cut rates in May"),
        ),
        # Attitudes: an adjective after "are", "were", "remain", or after a comma.
        (
            "Some teachers are worried that the new timetable leaves no time for lunch.",
            ("Some teachers", "worried", "the new timetable leaves no time for lunch"),
        ),
        (
            "Labor leaders remain confident that their members will back the deal.",
            ("Labor leaders", "remain confident", "their members will back the deal"),
        ),
        (
            "The organisers were adamant that the race would go ahead.",
            ("The organisers", "adamant", "the race would go ahead"),
        ),
        (
            "Campaign aides left the meeting early, convinced that the money would arrive in time.",
            ("Campaign aides", "convinced", "the money would arrive in time"),
        ),
        # A verb opened by "continued to", "went on to"; a negated one before a clause.
        (
            "The lawyers continued to argue that the contract was void.",
            ("The lawyers", "continued to argue", "the contract was void"),
        ),
        (
            "The inspector then went on to explain why the bridge had been closed.",
            ("The inspector", "went on to explain", "why the bridge had been closed"),
        ),
        (
            "The minister didn't argue that the tax was fair.",
            ("The minister", "didn't argue", "the tax was fair"),
        ),
        (
            "The senator has long argued that the port needs a new crane.",
            ("The senator", "argued", "the port needs a new crane"),
        ),
        # A pronoun with a contracted auxiliary ("He's", "They’re") and the progressive.
        (
            "He's claiming that the count was wrong.",
            ("He", "claiming", "the count was wrong"),
        ),
        (
            "They’re arguing that the new road will bring more traffic.",
            ("They", "arguing", "the new road will bring more traffic"),
        ),
        (
            "The council is saying that the library will stay open.",
            ("The council", "saying", "the library will stay open"),
        ),
        (
            "The mayor was quick to note that the budget had grown.",
            ("The mayor", "quick to note", "the budget had grown"),
        ),
        (
            "She made the case that the school needed more money.",
            ("She", "made the case that", "the school needed more money"),
        ),
        (
            "Officials understand that the bridge is unsafe.",
            ("Officials", "understand", "the bridge is unsafe"),
        ),
        # Polling and statistics are documents that show what they found.
        (
            "Exit polling showed that turnout rose among younger voters.",
            ("Exit polling", "showed", "turnout rose among younger voters"),
        ),
    ],
)
def test_a_belief_or_a_report_before_a_clause_is_found(text, expected):
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The coach knows the players well.",  # no clause: not a belief reported
        "You know, it was a long day for everyone.",
        "Some parents are concerned about the new timetable.",  # an attitude to a thing
        "The organisers were confident of a big crowd.",
        "I think it's written in the rules somewhere.",  # "it's written": a passive
        "The number of visitors is declining quickly this year.",
    ],
)
def test_no_attribution_without_a_clause_or_a_source(text):
    assert found(text) == []


def test_a_belief_inside_a_report_is_part_of_it():
    text = "The coach said she was confident that the team would win the cup."
    assert found(text) == [
        ("The coach", "said", "she was confident that the team would win the cup")
    ]


def test_an_adjective_of_emphasis_keeps_its_stance():
    text = "The organisers were adamant that the race would go ahead."
    (a,) = find_attributions(text)
    assert a.stance == "emphasis"
    (b,) = find_attributions("Labor leaders remain confident that members will back the deal.")
    assert b.stance == "neutral"
