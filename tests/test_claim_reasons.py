"""The claim rules of issue 16 (second round) and the reasons of issue 19: every reason says in
words a student reads why a sentence is its type and why it is (not) worth checking, and the
check-worthiness agrees with the claim types (a factual claim can be checked and may be false; an
announced plan is `policy`; a forecast is judged later). The sentences are written for these
tests."""

from __future__ import annotations

import pytest

import kit
from kit.reading.claims import ClaimSuggestion, suggest
from tests.quiz_helpers import SEED_ARTICLE


def one(text: str) -> ClaimSuggestion:
    (s,) = suggest(text, attributions=[])
    return s


def worth(s: ClaimSuggestion) -> list[str]:
    return [r.text for r in s.reasons if r.about == "checkworthy"]


# ---------------------------------------------------------------- check-worthiness reasons


def test_a_topic_of_public_interest_says_why_it_matters_and_where_to_check():
    text = "Three people were killed in the attack on the market in Aleppo on Tuesday."
    s = one(text)
    assert (s.kit_type, s.checkworthy) == ("event", "yes")
    (topic,) = [r for r in s.reasons if r.about == "checkworthy" and r.start is not None][:1]
    assert text[topic.start : topic.end] == "killed"
    assert "misleads many" in topic.text and "police, hospitals" in topic.text
    assert "matters to the public" not in topic.text


@pytest.mark.parametrize(
    ("text", "word", "where"),
    [
        ("Troops crossed the border near the river at dawn.", "Troops", "more than one side"),
        ("The former mayor was charged with fraud by prosecutors.", "charged", "court or police"),
        ("The vaccine was given to nurses first in the region.", "vaccine", "health authorities"),
        ("Inflation reached its highest level in the country.", "Inflation", "official statistics"),
    ],
)
def test_each_topic_names_its_own_place_to_check(text, word, where):
    reasons = [r for r in one(text).reasons if r.about == "checkworthy" and r.start is not None]
    topic = next(r for r in reasons if text[r.start : r.end] == word)
    assert where in topic.text


def test_a_name_is_a_reason_to_look_for_a_second_report_not_a_keyword():
    text = "Council leader Maria Lopez opened the new library in Leeds on Friday."
    s = one(text)
    named = next(r for r in s.reasons if "who or where" in r.text)
    assert text[named.start : named.end] == "Maria Lopez"  # not "Friday": a day says when
    assert "second report" in named.text
    assert not any("so you can look it up" in r for r in worth(s))


def test_a_day_alone_says_when_not_who():
    s = one("The museum reopened its doors to visitors on Tuesday after the repairs.")
    assert any(r.startswith("it says when ('Tuesday')") for r in worth(s)), worth(s)


def test_a_comparison_says_to_check_both_sides():
    text = "Unemployment rose to 7 percent in March, higher than in any month since 2010."
    s = one(text)
    compared = next(r for r in s.reasons if "compares" in r.text)
    assert text[compared.start : compared.end] == "higher than"
    assert "check both sides" in compared.text


@pytest.mark.parametrize(
    ("text", "kit_type", "how"),
    [
        ("The city spent 40 million dollars on the new bridge last year.", "number", "official"),
        (
            "The ban on fishing in the bay was lifted in 2015.",
            "policy",
            "official text or announcement",
        ),
        (
            "The flooding was caused by a blocked drain under the main road in Hull.",
            "cause",
            "what evidence links them",
        ),
    ],
)
def test_a_factual_claim_says_how_a_claim_of_its_type_is_checked(text, kit_type, how):
    s = one(text)
    assert (s.kit_type, s.checkworthy) == (kit_type, "yes"), [r.text for r in s.reasons]
    assert any(how in r for r in worth(s)), worth(s)


def test_a_factual_claim_may_be_false():
    s = one("Rebels attacked the airport in Goma with rockets, officials in Kinshasa confirmed.")
    assert s.checkworthy == "yes"
    assert any("show it is false" in r for r in worth(s)), worth(s)


def test_a_forecast_is_judged_later_and_an_opinion_is_asked_what_it_rests_on():
    forecast = one("Next year the new stadium will probably be full every week.")
    assert (forecast.kit_type, forecast.checkworthy) == ("prediction", "no")
    assert any("judge it later" in r for r in worth(forecast))
    view = one("This is a deeply dangerous and irresponsible way to run a school.")
    assert (view.kit_type, view.checkworthy) == ("opinion", "no")
    assert any("no record can prove it" in r and "what it rests on" in r for r in worth(view))


def test_a_personal_story_says_why_nobody_else_can_check_it():
    s = one("I walked my dog along the river.")
    assert s.checkworthy == "no"
    assert any("only the speaker knows" in r for r in worth(s))


def test_no_keyword_trick_is_left_in_the_seed_reasons():
    article = kit.load_article(SEED_ARTICLE)
    for s in suggest(article):
        for r in s.reasons:
            assert "matters to the public" not in r.text, r.text
            assert "so you can look it up" not in r.text, r.text


# ---------------------------------------------------------------- plans are policy


@pytest.mark.parametrize(
    "text",
    [
        "The council is set to vote on the new parking rules next week.",
        "The company plans to close its factory in Wales.",
        "The minister said she would publish the report on Monday.",
    ],
)
def test_an_announced_plan_is_policy_checkable_now_and_later(text):
    s = one(text)
    assert s.kit_type == "policy", [r.text for r in s.reasons]
    assert s.checkworthy != "no"
    assert any("later whether it was" in r.text for r in s.reasons)


def test_a_forecast_nobody_decides_stays_a_prediction():
    s = one("The river would flood the whole valley if the old dam broke.")
    assert s.kit_type == "prediction"


@pytest.mark.parametrize(
    "text",
    [
        "Deep problems with the rail network will remain, whatever the strike ends in.",
        "The party will never win back those voters.",
    ],
)
def test_the_writers_own_forecast_is_a_view(text):
    s = one(text)
    assert s.kit_type == "opinion", [r.text for r in s.reasons]
    assert any(
        "writer's own forecast" in r.text and text[r.start : r.end] == "will" for r in s.reasons
    )


@pytest.mark.parametrize(
    "text",
    [
        "The museum will reopen in the spring.",
        "The new bridge will open next year.",
        "Officials said the road will be closed.",
        "We will build more homes for young families.",
        'The mayor told us: "The road will be closed."',
        "The river would flood the whole valley if the old dam broke.",
    ],
)
def test_a_dated_reported_or_promised_forecast_stays_a_prediction(text):
    s = one(text)
    assert s.kit_type != "opinion", [r.text for r in s.reasons]


def test_a_forecast_in_an_interview_is_the_speakers_not_the_writers_view():
    text = (
        "((Wikinews)) What happens next?\n"
        "((Jane Roe)) The inner star will become a giant as well. Most of the gas will be lost."
    )
    kinds = [s.kit_type for s in suggest(text, attributions=[]) if "will" in s.text]
    assert kinds == ["prediction", "prediction"], kinds


def test_a_headline_to_is_a_plan_when_someone_announces_it():
    s = one("Mayor to close the old bridge, says council")
    assert s.kit_type == "policy"
    assert any("'to close'" in r.text and "announces a plan" in r.text for r in s.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "The bill was co-sponsored by two senators from Ohio.",
        "The ban on smoking in parks was lifted last year.",
    ],
)
def test_bills_and_lifted_bans_are_policy(text):
    assert one(text).kit_type == "policy"


# ---------------------------------------------------------------- the writer's own judgement


def test_words_of_opinion_writing_make_an_opinion():
    text = "The minister's speech was a dull, pious exercise in hand-wringing."
    s = one(text)
    assert s.kit_type == "opinion"
    assert any(
        r.about == "type" and text[r.start : r.end] == "pious" and "judgement" in r.text
        for r in s.reasons
    )


def test_critics_who_fret_and_bemoan_are_the_writers_picture_of_them():
    assert one("Critics fret and bemoan every new building in the town.").kit_type == "opinion"


def test_one_weak_word_of_degree_is_not_an_opinion():
    assert one("The new figures are quite close to the results of last year.").kit_type != (
        "opinion"
    )


def test_a_simile_judges():
    s = one("Living next to the motorway is like living inside a drum.")
    assert s.kit_type == "opinion", [r.text for r in s.reasons]
    assert any("figure of speech" in r.text for r in s.reasons)


def test_a_spoken_like_before_a_quote_is_no_simile():
    s = one('They were like, "we have no idea where the bus is".')
    assert not any("figure of speech" in r.text for r in s.reasons)


def test_an_exclamation_without_an_exclamation_mark_is_an_opinion():
    s = one("What a season it has been.")
    assert s.kit_type == "opinion"
    assert any("exclaims" in r.text for r in s.reasons)


def test_a_question_that_starts_with_what_is_still_a_question():
    assert one("What time does the meeting start?").kit_type == "not_a_claim"


def test_a_why_question_after_a_claim_answers_itself():
    s = one("The old rules never stopped a single fraud, so why would the new ones?")
    assert s.kit_type == "opinion"
    assert any("rhetorical question" in r.text for r in s.reasons)
    assert one("Why did the bridge close on Monday?").kit_type == "not_a_claim"


def test_a_writers_scorn_for_a_small_sum_is_an_opinion():
    assert one("The town got a paltry grant from the ministry.").kit_type == "opinion"


# ---------------------------------------------------------------- the writer's opinion, third round


def type_reason(s: ClaimSuggestion, text: str, words: str) -> str:
    """The reason for the type that points at `words`."""
    return next(
        r.text
        for r in s.reasons
        if r.about == "type" and r.start is not None and text[r.start : r.end] == words
    )


def test_a_figure_of_speech_that_judges_is_the_writers_opinion():
    text = "The new code of conduct is a fig leaf for the same old practice."
    s = one(text)
    assert s.kit_type == "opinion"
    assert "figure of speech" in type_reason(s, text, "fig leaf")


def test_a_judgement_of_worth_is_an_opinion_and_says_so():
    text = "Nobody has done more for the town's parks than the volunteers."
    s = one(text)
    assert s.kit_type == "opinion"
    assert "judgement of worth" in type_reason(s, text, "done more for")


@pytest.mark.parametrize(
    "text",
    [
        "The council seems to think that a new logo will fill the potholes.",
        "All they did was print another leaflet.",
        "We cannot afford another year of closed wards.",
        "Who exactly asked for a second airport?",
        "Let the voters decide.",
        "The agency spewed out press releases all week.",
    ],
)
def test_the_writer_arguing_is_an_opinion(text):
    s = one(text)
    assert s.kit_type == "opinion", [r.text for r in s.reasons]


@pytest.mark.parametrize(
    ("text", "kit_type"),
    [
        ("Where is the second airport going to be built?", "not_a_claim"),
        ("We can see the comet from the northern hemisphere in March.", "event"),
        ("The tip of the spear was found near the river.", "event"),
        ("Passengers were crushed when the roof collapsed.", "event"),
    ],
)
def test_plain_questions_and_plain_we_can_stay_what_they_are(text, kit_type):
    assert one(text).kit_type == kit_type


def test_if_it_should_continue_is_a_condition_not_an_ought():
    s = one("If the rain should continue, the match moves to Sunday.")
    assert not any("ought" in r.text for r in s.reasons)
    assert one("The match should move to Sunday.").kit_type == "opinion"


def test_a_quoted_figure_of_speech_is_the_speakers_judgement_reported():
    (s, *_) = suggest('"This budget is smoke and mirrors," said Ana Ruiz, the mayor.')
    assert s.kit_type == "opinion"
    whose = [r.text for r in s.reasons if r.about == "claimant"]
    assert any("the judgement is Ana Ruiz's, reported" in w for w in whose), whose


@pytest.mark.parametrize(
    "text",
    [
        "The band later joined Blind Faith for a tour of Europe.",
        "Prices fell during the Great Recession in most of the country.",
        "The union SMART wrote to the committee last week.",
        "The owner can be held personally liable for the debts.",
    ],
)
def test_a_name_or_a_plain_personally_is_no_judgement(text):
    s = one(text)
    assert s.kit_type != "opinion", [r.text for r in s.reasons]


def test_a_capital_at_the_start_still_judges_and_personally_i_still_gives_a_view():
    assert one("Great teams win ugly games.").kit_type == "opinion"
    assert one("Personally, I doubt the figures add up.").kit_type == "opinion"
    assert one("I personally want the library to stay open.").kit_type == "opinion"
