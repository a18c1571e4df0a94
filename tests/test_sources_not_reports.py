"""What reads like a report but is not one: a reporting word with an object or used as a
participle after a subject the lists do not know, a content of adverbs only, and a view told in
an aside between dashes that must not run on into the next speaker's quotation (the Wikinews
noise of the issue-16 rules)."""

from __future__ import annotations

import pytest

from tests.source_helpers import found


def cues(text: str) -> list[tuple[str | None, str | None]]:
    return [(source, cue) for source, cue, _ in found(text)]


@pytest.mark.parametrize(
    "text, not_a_report",
    [
        (
            "According to the report, the virus claimed 6606 lives, and 16 cases were reported.",
            ("the virus", "claimed"),
        ),
        ("The storm claimed 20 lives on Sunday.", None),
        ("The inner star has estimated mass of at least 6.3 solar masses.", None),
        ("The United States has over 1.6 million confirmed cases.", None),
        ("A main issue discussed was the liberation of political prisoners.", None),
    ],
)
def test_a_cue_word_with_an_object_or_as_a_participle_is_no_report(text, not_a_report):
    found_cues = cues(text)
    if not_a_report is None:
        assert found_cues == []
    else:
        assert not_a_report not in found_cues and found_cues  # the report's own cue stays


@pytest.mark.parametrize(
    "text, report",
    [
        (
            "The cable indicated 13 security personnel would be the minimum needed.",
            ("The cable", "indicated"),
        ),
        ("The woman said 40 people were hurt.", ("The woman", "said")),
        (
            "The attacks, which the probe said were covered up, began in 2010.",
            ("the probe", "said"),
        ),
        ("The actress accused him of lying.", ("The actress", "accused")),
        ("One interviewee said people changed their minds.", ("One interviewee", "said")),
    ],
)
def test_a_clause_after_the_cue_is_still_reported(text, report):
    assert report in cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "The event was supported financially by Tyumen Oblast.",
        "The plan was criticised publicly by the mayor.",
    ],
)
def test_a_content_of_adverbs_only_is_no_report(text):
    assert found(text) == []


def test_a_view_in_an_aside_between_dashes_ends_with_the_aside():
    text = (
        "House of Commons Speaker John Bercow commented on the matter — which the BBC noted as "
        "an unusual move by a Speaker — “However it is dressed up, it is obvious.”"
    )
    quote = "“However it is dressed up, it is obvious.”"
    assert found(text) == [
        ("House of Commons Speaker John Bercow", "commented", quote),
        ("the BBC", "noted", "as an unusual move by a Speaker"),
    ]
    text = "The plan — set in March — was criticised, and the mayor said the cost — $5m — was high."
    assert ("the mayor", "said", "the cost — $5m — was high") in found(text)  # the aside closed
