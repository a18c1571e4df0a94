"""Who is speaking, where the reporting word is a familiar one ("said", "says", "told"): sources
the word lists do not know, written in the ways news writes them (issue 16, third round)."""

from __future__ import annotations

import pytest

from kit.reading.sources import find_attributions
from tests.source_helpers import cut


def pairs(text: str) -> list[tuple[str | None, str | None]]:
    return [(cut(text, a.source), cut(text, a.cue)) for a in find_attributions(text)]


@pytest.mark.parametrize(
    "text, source, kind",
    [
        ("The actress said she was tired of the status quo.", "The actress", "unknown"),
        (
            "A spokesman for the buyer said there was a commitment to the island.",
            "A spokesman for the buyer",
            "anonymous",
        ),
        (
            "Some delegates at the convention in Philadelphia said they welcomed it.",
            "Some delegates at the convention in Philadelphia",
            "anonymous",
        ),
        (
            "American law enforcement officials said they found the posts.",
            "American law enforcement officials",
            "anonymous",
        ),
        (
            "Twenty-four percent said they were more likely to vote.",
            "Twenty-four percent",
            "anonymous",
        ),
        ("About 4 in 10 say they want more liberal policies.", "About 4 in 10", "anonymous"),
        ("Nearly half said they prefer someone with experience.", "Nearly half", "anonymous"),
    ],
)
def test_a_subject_the_lists_do_not_know_is_the_source(text, source, kind):
    (a,) = [a for a in find_attributions(text) if cut(text, a.cue) in ("said", "say")]
    assert cut(text, a.source) == source
    assert a.source_type == kind
    assert cut(text, a.content).startswith(("she ", "there ", "they "))


@pytest.mark.parametrize(
    "text",
    [
        "His introductory remarks were so subdued that the joke went round.",
        "The GOP tax plans would all drive massive budget deficits.",
        "In the primaries majorities in all five states say they feel betrayed.",
        "A warm-up band called Sophistafunk got the crowd to dance.",
        "Per numbers reported by The Associated Press, 415 priests are subject to it.",
        "The black hole described in the study is the nearest one.",
        "Officers went to find and arrest a person wanted by the court.",
    ],
)
def test_a_reporting_word_used_as_a_noun_or_a_participle_is_no_cue(text):
    assert pairs(text) == []


@pytest.mark.parametrize(
    "text, source, speaker",
    [
        (
            "“It is a passion,” said Robert Antonacci of the New York delegation.",
            "Robert Antonacci of the New York delegation",
            "Robert Antonacci",
        ),
        (
            "“We are all props,” said Virginia delegate Beau Correll, angered by the rules.",
            "Virginia delegate Beau Correll",
            "Beau Correll",
        ),
        (
            "“This is the first time,” said Clinton’s top foreign policy aide Jake Sullivan.",
            "Clinton’s top foreign policy aide Jake Sullivan",
            "Jake Sullivan",
        ),
        ("“He is an amazing leader,” said the 46-year-old.", "the 46-year-old", "46-year-old"),
    ],
)
def test_after_a_quotation_the_phrase_after_said_is_the_source(text, source, speaker):
    (a,) = find_attributions(text)
    assert cut(text, a.source) == source and a.speaker == speaker
    assert a.direct and cut(text, a.content).startswith("“")


def test_after_a_quotation_an_object_or_a_clause_is_not_a_source():
    text = "Trump summed up Clinton as “terrible,” denounced her record and left."
    assert pairs(text) == []
    text = "Mr. Manafort, citing ''the magic of Trump,'' said the candidate could win."
    assert ("the candidate", "said") not in pairs(text)


def test_saying_after_a_sentence_that_opens_with_a_pronoun_is_that_persons():
    text = "Jo Park spoke first. She compared the plans on Monday, saying they are both too costly."
    a = [x for x in find_attributions(text) if cut(text, x.cue) == "saying"]
    assert [(cut(text, x.source), x.speaker) for x in a] == [("She", "Jo Park")]
    assert cut(text, a[0].content) == "they are both too costly"


def test_a_no_break_space_after_a_quotation_reads_as_a_space():
    text = "“Like Oakland. Or Ferguson,”\xa0Trump said.\xa0“The crime numbers are worse.”"
    (a,) = find_attributions(text)
    assert cut(text, a.source) == "Trump" and a.direct
    assert cut(text, a.content) == text  # the further quotation goes on with it


def test_according_to_a_source_the_lists_do_not_know_is_still_a_source():
    text = "Clinton won 55 percent, according to early results of the exit polls."
    (a,) = find_attributions(text)
    assert cut(text, a.source) == "early results of the exit polls"
    assert cut(text, a.content) == "Clinton won 55 percent"
    text = "He won four states, according to projections by CNN and NPR."
    (a,) = find_attributions(text)
    assert cut(text, a.source) == "projections by CNN and NPR"
