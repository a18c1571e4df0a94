"""Who is speaking, where the kit found what was said but gave it to the wrong source: a participle
with a subject of its own ("- Ryan saying ..."), a dateline before the sentence's subject
(issue 16, fourth round, second wave)."""

from __future__ import annotations

import pytest

from tests.source_helpers import found


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The two leaders issued a joint statement on Friday - Mayor Ellen Park saying she was"
            " very pleased and Governor Tom Reyes calling it a fair deal.",
            [
                ("Mayor Ellen Park", "saying", "she was very pleased"),
                ("Governor Tom Reyes", "calling", "a fair deal"),
            ],
        ),
        (
            "The news channel aired footage of Senator Lena Ortiz talking about the tunnel vote.",
            [("Senator Lena Ortiz", "talking about", "the tunnel vote")],
        ),
        (
            "The board faced the anger of parents demanding that the school stay open.",
            [("parents", "demanding", "the school stay open")],
        ),
    ],
)
def test_a_participle_with_its_own_subject_is_that_subjects(text, expected):
    # Before, the sentence's subject ("The two leaders", "The board") was given every participle.
    assert found(text) == expected


def test_a_participle_after_and_has_the_subject_of_its_own_clause():
    text = (
        "With the court at an impasse and the state senators refusing to hold hearings, the rules"
        " will be set by lower courts."
    )
    assert [s for s, c, _ in found(text) if c == "refusing"] == ["the state senators"]


@pytest.mark.parametrize(
    "text, source",
    [
        # The participle goes on with the sentence's clause: its subject is the speaker.
        ("The mayor posted a series of tweets saying the deal was off.", "The mayor"),
        ("The mayor spent much of her campaign railing against the new toll.", "The mayor"),
        (
            "The governor welcomed brothers John and Brian Meza talking about their farm.",
            "The governor",
        ),
    ],
)
def test_a_noun_that_is_no_speaker_of_its_own_leaves_the_participle_to_the_subject(text, source):
    assert [s for s, c, _ in found(text) if c.split()[0].endswith("ing")] == [source]


@pytest.mark.parametrize(
    "text, source, cue",
    [
        (
            "Berlin (AFP) – Chancellor Olaf Brandt on Monday toured the port, warning that the"
            " tariffs would hurt exporters.",
            "Chancellor Olaf Brandt",
            "warning",
        ),
        (
            "Lyon (Reuters) - The mayor of Lyon opened the new tram line, saying the city needed"
            " more of them.",
            "The mayor of Lyon",
            "saying",
        ),
    ],
)
def test_a_dateline_with_an_agency_is_not_the_subject(text, source, cue):
    assert [s for s, c, _ in found(text) if c == cue] == [source]


@pytest.mark.parametrize(
    "text, source",
    [
        ("Cory Jansen, 22, of Flint, Mich., said he had not given up hope.", "Cory Jansen"),
        (
            "Ben Carson, speaking with the Register editorial board, called the launch a reason to"
            " invest in space.",
            "Ben Carson",
        ),
        (
            "Powell's office, when contacted by Reuters, said the former diplomat could not recall"
            " the dinner.",
            "Powell's office",
        ),
        (
            "Mayor Ann Holt, during a town hall meeting in Columbus, Ohio, said the budget was"
            " short.",
            "Mayor Ann Holt",
        ),
        (
            "Senator Ruth Baker, who lost her seat in Aurora, Colorado, in 2012, said the vote was"
            " rigged.",
            "Senator Ruth Baker",
        ),
    ],
)
def test_the_subject_before_a_long_aside_is_the_source_not_the_asides_last_noun(text, source):
    # Before, the aside's last noun phrase ("Flint, Mich.", "Reuters") was taken for the source.
    assert found(text)[0][0] == source


def test_a_comma_inside_the_content_leaves_the_subject_alone():
    text = "The mayor said the bridge, which opened in Dayton, Ohio, in 2001, was safe."
    assert found(text) == [
        ("The mayor", "said", "the bridge, which opened in Dayton, Ohio, in 2001, was safe")
    ]


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "Dick Dever, who was listed on the Cruz slate, told POLITICO, “Of the three, I like"
            " John Kasich the best.”",
            "“Of the three, I like John Kasich the best.”",
        ),
        (
            "Dick Dever, who was listed on the Cruz slate, told POLITICO that he liked John Kasich"
            " the best.",
            "he liked John Kasich the best",
        ),
    ],
)
def test_after_an_aside_the_one_told_is_the_listener_not_the_speaker(text, content):
    # Before, "POLITICO" was read as a speaker named after the cue ("..., said Jo Park").
    assert found(text) == [("Dick Dever, who was listed on the Cruz slate", "told", content)]


@pytest.mark.parametrize(
    "text, source",
    [
        ("Officials who spoke with The Daily Ledger said the plant would close.", "Officials"),
        (
            "Another intelligence source speaking to Fox News said the agents were busy.",
            "Another intelligence source",
        ),
    ],
)
def test_the_outlet_inside_the_subjects_modifier_is_not_the_source(text, source):
    # Before, the outlet the subject spoke to ("The Daily Ledger", "Fox News") was the source.
    assert found(text)[0][0] == source


def test_a_subject_that_met_someone_keeps_its_cue():
    text = "The mayor met with the governor and said the plant would close."
    assert found(text) == [("The mayor", "said", "the plant would close")]
