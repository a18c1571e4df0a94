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


@pytest.mark.parametrize(
    "text, source",
    [
        ("By a wide margin, those surveyed say the library should open later.", "those surveyed"),
        ("Those over 65 say they feel safe on the trams.", "Those over 65"),
        (
            "But those who rent their homes say the rules came too late.",
            "those who rent their homes",
        ),
        (
            "Parents in Leeds who joined the protest said the school had ignored them.",
            "Parents in Leeds who joined the protest",
        ),
        (
            "But people who have fought such fires say the crew did well.",
            "people who have fought such fires",
        ),
        ("On housing, 42% say the council is doing too little.", "42%"),
    ],
)
def test_a_group_named_by_what_it_did_is_an_unnamed_source(text, source):
    (a,) = find_attributions(text)
    assert cut(text, a.source) == source
    assert a.source_type == "anonymous"


def test_one_and_another_are_unnamed_sources_with_a_singular_verb():
    text = "One says the bridge will open in May, while another says it will take a year."
    assert [(s, c) for s, c, _ in found(text)] == [("One", "says"), ("another", "says")]


@pytest.mark.parametrize(
    "text",
    [
        "The tenants who said they would stay were few.",
        "A candidate who has largely rejected the party's plan might still win.",
        "The voters who he says will decide the race are young.",
    ],
)
def test_a_relative_clause_with_its_own_cue_gives_no_group_source(text):
    sources = [s for s, _, _ in found(text)]
    assert not any(s and " who " in s for s in sources)


@pytest.mark.parametrize(
    "text, source, cue",
    [
        (
            "PARIS, Aug 31 (Reuters) - The mayor of Lyon backed the plan on Wednesday, saying"
            " the city needed more trams.",
            "The mayor of Lyon",
            "saying",
        ),
        (
            "LEEDS, England - Councillor Priya Shah opened the session on Monday, warning that"
            " the budget was short.",
            "Councillor Priya Shah",
            "warning",
        ),
        (
            "Hours later, the council voted again, saying the first vote was void.",
            "the council",
            "saying",
        ),
        (
            "On Thursday, he hedged on the question, telling reporters his support would depend"
            " on the budget.",
            "he",
            "telling",
        ),
    ],
)
def test_a_participle_takes_the_subject_of_its_sentence_not_a_dateline_or_an_opening_word(
    text, source, cue
):
    assert (source, cue) in [(s, c) for s, c, _ in found(text)]


@pytest.mark.parametrize(
    "headline, source, cue, content",
    [
        (
            "Harbour Mayor Says Ferry Service Will Return In Spring",
            "Harbour Mayor",
            "Says",
            "Ferry Service Will Return In Spring",
        ),
        (
            "Library Cuts Are ‘A Disgrace’, Poet Laureate Ann Ferris Says",
            "Poet Laureate Ann Ferris",
            "Says",
            "Library Cuts Are ‘A Disgrace’",
        ),
    ],
)
def test_a_title_case_headline_reports_with_its_capitalised_cue(headline, source, cue, content):
    text = headline + ".\n\nThe rest of the story follows here in plain sentences."
    assert (source, cue, content) in found(text)


@pytest.mark.parametrize(
    "headline",
    [
        "Harbour Mayor Accused Of Hiding Ferry Costs",
        "Council Boosts Spending In Northern States",
        "Old Letters Found In Harbour Warehouse",
        "Harbour Mayor Just Responded To The Ferry Critics",
    ],
)
def test_a_title_case_headline_without_a_report_gives_none(headline):
    text = headline + ".\n\nThe rest of the story follows here in plain sentences."
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "These old trams, commonly called rattlers, came from a depot in Leeds.",
        "Although I'm usually called Pip online, my name is Philippa.",
        "She was also tested and questioned for hours.",
    ],
)
def test_a_naming_or_a_passive_after_an_adverb_or_and_is_no_report(text):
    assert found(text) == []
