"""Who is speaking, where the kit knows the reporting word but the sentence hid it: an adverb
between the source and its cue, a subject that is a quantifier alone, an aside between dashes
(issue 16, fourth round)."""

from __future__ import annotations

import pytest

from kit.reading.sources import find_attributions
from tests.source_helpers import cut, found


@pytest.mark.parametrize(
    "text, source, cue, content",
    [
        (
            "The former governor has long maintained that the audit was fair.",
            "The former governor",
            "maintained",
            "the audit was fair",
        ),
        (
            "At the meeting, the campaign chief, Ruth Ocampo, bluntly suggested that the plan was a"
            " bluff.",
            "the campaign chief, Ruth Ocampo",
            "suggested",
            "the plan was a bluff",
        ),
        (
            "Senator Dale Ferris vocally opposed the new toll on the bridge.",
            "Senator Dale Ferris",
            "opposed",
            "the new toll on the bridge",
        ),
    ],
)
def test_an_adverb_between_the_source_and_its_cue_is_stepped_over(text, source, cue, content):
    assert (source, cue, content) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The new rule was widely reported by local papers last week.",
        "The ferry, which was not widely expected to survive the winter, sank in March.",
        "Courted by every bidder and widely expected to win, the firm said nothing.",
    ],
)
def test_an_adverb_in_a_passive_or_a_clause_without_subject_makes_no_source(text):
    assert not any(s in ("The new rule", "The ferry") for s, _, _ in found(text))
    assert not any(c == "expected" for _, c, _ in found(text))


@pytest.mark.parametrize(
    "text, source",
    [
        ("Some said they had waited three hours to vote.", "Some"),
        ("Others say the bridge toll is too high.", "Others"),
        ("Most of them said the school should stay open.", "Most of them"),
        ("At the rally, many believe the mayor will run again.", "many"),
    ],
)
def test_a_quantifier_alone_is_an_unnamed_source(text, source):
    (a,) = find_attributions(text)
    assert cut(text, a.source) == source
    assert a.source_type == "anonymous"


def test_a_quantifier_before_a_plural_noun_is_no_source():
    text = "Some advocates for the park say the plan is a mistake."
    (a,) = find_attributions(text)
    assert cut(text, a.source) == "Some advocates for the park"


def test_an_aside_between_spaced_hyphens_is_stepped_over():
    text = (
        "Councillor Ana Ruiz - who chaired the housing panel until last year - said the rents"
        " were too high."
    )
    assert ("Councillor Ana Ruiz", "said", "the rents were too high") in found(text)
