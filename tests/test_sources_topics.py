"""Verbs with a preposition that report a topic: "talks about X", "warned of X", "weighed in on
X". The content is what follows the preposition; with nothing after it ("the law RIAA talks
about in the notice") the phrase is no report (issue 16, fourth round, second wave)."""

from __future__ import annotations

import pytest

from kit.reading.sources import find_attributions
from tests.source_helpers import found


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The senator talks about rising rents at every town hall.",
            ("The senator", "talks about", "rising rents at every town hall"),
        ),
        (
            "The union warned of layoffs at the harbour.",
            ("The union", "warned of", "layoffs at the harbour"),
        ),
        (
            "Ms. Ortega raised questions about the court's ruling.",
            ("Ms. Ortega", "raised questions about", "the court's ruling"),
        ),
        (
            "The governor weighed in on the school budget.",
            ("The governor", "weighed in on", "the school budget"),
        ),
        (
            "The prosecutors opened up about the delays in the case.",
            ("The prosecutors", "opened up about", "the delays in the case"),
        ),
        (
            "Parents are worried about the closure of the bridge.",
            ("Parents", "worried about", "the closure of the bridge"),
        ),
        (
            "The mayor pointed to the drop in burglaries.",
            ("The mayor", "pointed to", "the drop in burglaries"),
        ),
    ],
)
def test_a_topic_after_the_preposition_is_the_content(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(text)


def test_the_stance_of_a_warning_is_emphasis() -> None:
    (att,) = find_attributions("The union warned of layoffs at the harbour.")
    assert att.stance == "emphasis"


@pytest.mark.parametrize(
    "text",
    [
        # The topic was moved before the phrase: nothing after it is what was talked about.
        "There is no way to stop the copying such as the company talks about in the notice.",
        "This is the drop in burglaries the mayor pointed to.",
    ],
)
def test_no_topic_after_the_preposition_is_no_report(text: str) -> None:
    assert all(cue not in ("talks about", "pointed to") for _, cue, _ in found(text))


@pytest.mark.parametrize(
    "text",
    [
        # Tried and left out (under 0.65 precision on annotated news): no report here.
        "The committee voted for the new budget.",
        "The talks focused on trade.",
    ],
)
def test_phrases_left_out_are_no_reports(text: str) -> None:
    assert find_attributions(text) == []
