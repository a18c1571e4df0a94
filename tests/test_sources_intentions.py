"""Intentions and decisions (issue 16, fourth round): "agreed to", "voted to", "is eager to" with
the to-phrase as content, a frame of their own that the claim rules do not read as a report."""

from __future__ import annotations

from pathlib import Path

from kit.reading.claims import suggest
from kit.reading.intentions import is_intention
from kit.reading.sources import find_attributions
from tests.source_helpers import cut, found


def test_a_decision_with_to_is_the_subjects_intention():
    text = "Governor Mary Holt agreed to debate her rival in Dayton next month."
    assert found(text) == [
        ("Governor Mary Holt", "agreed", "to debate her rival in Dayton next month")
    ]
    [a] = find_attributions(text)
    assert is_intention(a) and a.speaker == "Mary Holt"


def test_a_vote_an_offer_and_a_negated_decision_are_intentions():
    text = (
        "The city council voted to close the old bridge. Later the mayor decided not to run again."
    )
    assert found(text) == [
        ("The city council", "voted", "to close the old bridge"),
        ("the mayor", "decided", "not to run again"),
    ]
    text = "Two local firms offered to pay for the repairs."
    assert found(text) == [("Two local firms", "offered", "to pay for the repairs")]


def test_an_adjective_of_intention_after_a_copula():
    text = "The union is eager to sign the deal before the strike."
    assert found(text) == [("The union", "eager", "to sign the deal before the strike")]
    text = "Many voters remain unwilling to back either candidate."
    assert found(text) == []  # "remain" is no copula the rule knows: nothing is guessed


def test_without_to_and_a_verb_there_is_no_intention():
    for text in (
        "The two teams agreed on a date for the final.",
        "Voters decided the election in the last week.",
        "The mayor agreed to the deal on Friday.",
        "She is looking for a new job.",
        "An eager crowd waited to see the band.",
    ):
        assert find_attributions(text) == [], text


def test_a_would_intention_and_a_passive_are_not_the_subjects():
    assert find_attributions("The board would agree to sell the club if asked.") == []
    assert find_attributions("The plan was offered to cut costs.") == []


def test_an_intention_inside_a_report_is_part_of_that_report():
    text = "Ms. Ortiz said the committee had agreed to delay the vote until June."
    [a] = find_attributions(text)
    assert (cut(text, a.cue), a.cue_lemma, is_intention(a)) == ("said", "say", False)


def test_the_claim_rules_do_not_read_an_intention_as_a_report():
    text = "The city council voted to close the old bridge by June."
    [a] = find_attributions(text)
    assert is_intention(a)
    [s] = suggest(text)
    assert s.attribution is None and s.claimant == "the reporter"
    # A report in the same words keeps its speaker.
    said = suggest("The city council said it will close the old bridge by June.")
    assert said[0].attribution is not None


def test_a_to_infinitive_is_content_even_when_its_verb_is_also_a_noun():
    # "visit", "address", "call" are nouns of an adverbial too ("said during a visit").
    text = "Clinton plans to visit Ohio next week."
    assert found(text) == [("Clinton", "plans", "to visit Ohio next week")]
    text = "The governor wants to address the nation tonight."
    assert found(text) == [("The governor", "wants", "to address the nation tonight")]


def test_readiness_and_an_aim_after_a_comma_are_intentions():
    text = "The minister was quick to reject the offer from the unions."
    assert found(text) == [("The minister", "quick", "to reject the offer from the unions")]
    text = "The council is open to moving the market to the square."
    assert found(text) == [("The council", "open", "to moving the market to the square")]
    text = "Mayor Ann Lee toured the county in March, looking to win back young voters."
    assert found(text) == [("Mayor Ann Lee", "looking", "to win back young voters")]
    assert find_attributions("A bill looking to ban the sale was dropped.") == []


def test_a_to_phrase_after_a_quotation_is_the_cues_own_content():
    text = 'Ms. Park called it "a fair deal." Mr. Lund vowed to fight the plan in court.'
    assert found(text)[-1] == ("Mr. Lund", "vowed", "to fight the plan in court")
    assert find_attributions(text)[-1].direct is False
    # A phrase after a quotation's speaker is still no content: the quotation is.
    text = "“We will win,” she said to cheers at the rally."
    assert found(text) == [("she", "said", "“We will win,”")]


def test_quiz_questions_are_not_made_from_an_intention():
    # "Queen Elizabeth agrees to suspend UK Parliament ...": the headline names her decision, not
    # a source the news comes from (Wikinews, CC BY 2.5).
    import kit

    folder = Path(__file__).parent / "data" / "wikinews"
    loaded = kit.load_articles(sorted(folder.glob("subset_*.csv"))).articles
    article = next(a for a in loaded if a.id == "wikinews_2019_090")
    assert any(is_intention(a) for a in find_attributions(article))
    for q in kit.generate_quiz(article, seed=0).questions:
        assert "agrees" not in q.explanation, q.prompt
