"""First-person sources (issue 16, fourth round, second wave): an op-ed's or a letter's "I believe
that ...", "We asked ..." have the writer as their source; a first person inside a quotation, in
an interview's answer or in a block quotation after "wrote:" does not; and the claim rules keep
the writer's own view out of reported claims."""

from __future__ import annotations

import pytest

from kit.reading.claims import suggest
from kit.reading.sources import find_attributions
from tests.source_helpers import cut, found


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "I believe that the new stadium will never pay for itself.",
            ("I", "believe", "the new stadium will never pay for itself"),
        ),
        (
            "We know that the school board ignored the parents' letters.",
            ("We", "know", "the school board ignored the parents' letters"),
        ),
        (
            "The council voted on Monday. I have long argued that the vote came too early.",
            ("I", "argued", "the vote came too early"),
        ),
        (
            "The plan costs too much, and I predict that voters will reject it.",
            ("I", "predict", "voters will reject it"),
        ),
    ],
)
def test_a_first_person_outside_quotations_is_the_writer(text, expected):
    atts = find_attributions(text)
    assert expected in found(text)
    (mine,) = [a for a in atts if cut(text, a.source) == expected[0]]
    assert mine.speaker == "the writer"
    assert mine.source_type == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        # Inside a quotation "I" is the one quoted: the source is the mayor, not the writer.
        'The mayor said: "I think the stadium will pay for itself."',
        # An interview: each answer is its speaker's, the "I" inside it no second source.
        "Q: Will the stadium pay for itself?\n\nA: I think it will, in ten years.\n\n"
        "Q: And the parking?\n\nA: I believe we will need more of it.",
        # A letter quoted as a block after "wrote:".
        "The coach wrote:\n\nI think the team deserves a new stadium.",
        # Wishes and memories, the reader addressed, and the generic "you".
        "I wanted to speak out about the stadium.",
        "Believe me, I know the stadium will never be full.",
        "If you take a look at the budget, you would want a smaller stadium.",
    ],
)
def test_no_writer_source_where_the_first_person_is_someone_else_or_no_report(text):
    assert all(a.speaker != "the writer" for a in find_attributions(text))


def test_the_writers_own_view_is_not_a_reported_claim():
    text = "I think the new stadium is a waste of money."
    assert any(a.speaker == "the writer" for a in find_attributions(text))
    (whole,) = [s for s in suggest(text) if not s.part]
    assert whole.claimant == "the reporter"
    assert whole.attribution is None
    assert not any(s.part for s in suggest(text))
