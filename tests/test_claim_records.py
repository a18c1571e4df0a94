"""Claims, third round of issue 16: records worth checking, announced decisions, and sentences that
only look like claims (day ranges, distances, purposes, time-keeping, questions without '?')."""

from __future__ import annotations

import pytest

from kit.reading.claims import ClaimSuggestion, suggest


def one(text: str) -> ClaimSuggestion:
    """The suggestion for the whole sentence (not an attributed part)."""
    return next(s for s in suggest(text) if not s.part)


def checkworthy_reasons(s: ClaimSuggestion) -> list[str]:
    return [r.text for r in s.reasons if r.about == "checkworthy"]


def test_a_vote_on_the_record_is_worth_checking_and_says_where_to_look():
    s = one("Senator Smith voted against the farm bill in committee.")
    assert s.checkworthy == "yes"
    (record,) = [r for r in s.reasons if r.about == "checkworthy" and "on the record" in r.text]
    assert s.text[record.start : record.end] == "voted"
    assert "voting record" in record.text


def test_a_view_that_rests_on_a_record_is_checkable_in_that_part():
    s = one("I think it is sad that he vetoed the budget that Congress passed.")
    assert (s.kit_type, s.checkworthy) == ("opinion", "yes")
    assert checkworthy_reasons(s)[0].startswith(
        "a view, but the record it rests on ('vetoed') can be checked: look it up"
    )


def test_a_view_without_anything_on_the_record_is_still_not_checkable():
    s = one("I think it is sad that he wants more money.")
    assert (s.kit_type, s.checkworthy) == ("opinion", "no")


def test_a_date_in_the_past_points_to_the_archives():
    s = one("The mayor has been in office since 2015.")
    assert any("'since' ties it to a time in the past" in r for r in checkworthy_reasons(s))


def test_a_decision_announced_in_the_passive_is_policy_not_a_forecast():
    s = one("The minister said the border would be closed on Monday.")
    assert s.kit_type == "policy"
    assert any("a decision someone announced" in r.text for r in s.reasons if r.about == "type")
    forecast = one("Experts said the river would be flooded if the dam broke.")
    assert forecast.kit_type == "prediction"


@pytest.mark.parametrize(
    "text",
    [
        "From March 15 to 17, the city hosted the festival.",
        "The festival ran from 15-17 June in Leeds.",
    ],
)
def test_a_range_of_days_is_a_date_not_a_number_to_check(text):
    s = one(text)
    assert s.kit_type == "event"
    assert not any("is a number you could check" in r.text for r in s.reasons)


def test_a_distance_that_places_something_is_not_the_claim():
    s = one("The ship was last seen about 100 miles from Okinawa.")
    assert s.kit_type == "event"
    counted = one("The earthquake struck 30 km north of the capital, killing 12 people.")
    assert counted.kit_type == "number"  # the dead are the number, not the distance
    assert any("'12 people' is a number" in r.text for r in counted.reasons)


def test_a_size_before_a_noun_does_not_make_a_forecast_a_number_claim():
    s = one("The next big telescope will be the extremely large telescope, a 38-meter telescope.")
    assert s.kit_type == "prediction"


def test_would_after_so_is_a_purpose_in_the_past_not_a_forecast():
    assert one("Her name was shortened so it would fit on a sign.").kit_type == "event"


def test_a_cause_in_the_future_is_a_forecast():
    s = one("This will lead to flooding along the coast.")
    assert (s.kit_type, s.checkworthy) == ("prediction", "no")
    assert one("The storm caused flooding in the city.").kit_type == "cause"


def test_irregular_past_verbs_make_a_claim():
    s = one("In that role, Cummings oversaw the committee inquiry.")
    assert s.kit_type == "event"
    assert any(r.text.startswith("'oversaw'") for r in s.reasons)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Secretary Clinton, you have two minutes.", "it keeps time in a debate"),
        (
            "Or how can we improve the outlook of the people who live there.",
            "it asks a question",
        ),
    ],
)
def test_debate_time_keeping_and_questions_without_a_mark_are_not_claims(text, why):
    s = one(text)
    assert (s.kit_type, s.checkworthy) == ("not_a_claim", "no")
    assert any(r.text.startswith(why) for r in s.reasons)


@pytest.mark.parametrize(
    "text",
    ["The previous administration doubled the national debt.", "It has doubled in eight years."],
)
def test_doubled_is_an_amount_you_can_check(text):
    s = one(text)
    assert (s.kit_type, s.checkworthy) == ("number", "yes")
    assert any(r.text == "'doubled' is a number you could check" for r in s.reasons)


def test_a_question_that_only_opens_a_claim_is_not_taken_for_a_question():
    s = one("So what do I even tell you, we've had so many problems.")
    assert s.kit_type != "not_a_claim"


def test_a_law_named_as_the_topic_is_not_a_policy_claim():
    assert one("At times there have been protests against the restrictions.").kit_type == "event"
    assert one("She chaired a region of the Constitution Party of Idaho.").kit_type == "event"
    assert one("Parliament passed a ban on smoking in bars.").kit_type == "policy"


def test_under_a_law_says_what_the_law_allows_or_requires():
    s = one("Under Maryland state law, the governor has until October 28 to call an election.")
    assert s.kit_type == "policy"
    assert s.reasons[0].text.startswith("'Under Maryland state law' says what a law")
    assert one("Under pressure, the minister resigned.").kit_type == "event"


def test_a_place_in_a_ranking_is_a_number_but_a_day_of_the_month_is_not():
    s = one("She finished 3rd in the final.")
    assert s.kit_type == "number"
    assert any(r.text == "'3rd' is a place in a ranking you could check" for r in s.reasons)
    assert one("The tenth anniversary was on June 3rd.").kit_type == "event"
