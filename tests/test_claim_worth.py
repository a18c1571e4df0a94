"""Check-worthiness, fourth round of issue 16: facts under a view ("The fact is, ...", a judgement
that rests on who did what) and a record of what was done, told in the speaker's own voice."""

from __future__ import annotations

import pytest

from kit.reading.claims import ClaimSuggestion, suggest


def one(text: str) -> ClaimSuggestion:
    """The suggestion for the whole sentence (not an attributed part)."""
    return next(s for s in suggest(text) if not s.part)


def checkworthy_reasons(s: ClaimSuggestion) -> list[str]:
    return [r.text for r in s.reasons if r.about == "checkworthy"]


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ("The fact is, the Governor of Ohio cut school funding.", "The fact is"),
        ("In fact, Governor Brown closed the clinic.", "In fact"),
    ],
)
def test_a_claim_presented_as_a_fact_is_worth_checking_as_one(text, frame):
    s = one(text)
    assert (s.kit_type, s.checkworthy) == ("opinion", "yes")
    (reason,) = [r for r in s.reasons if r.about == "checkworthy"]
    assert s.text[reason.start : reason.end] == frame
    assert reason.text.startswith(f"'{frame}' presents what follows as a fact")


def test_the_fact_is_before_a_feeling_leaves_nothing_to_check():
    s = one("The fact is, we all love our families.")
    assert (s.kit_type, s.checkworthy) == ("opinion", "no")


def test_a_view_that_rests_on_who_did_what_is_checkable_in_that_part():
    s = one("I think it was shameful that Mayor Green closed the hospital in Springfield.")
    assert (s.kit_type, s.checkworthy) == ("opinion", "yes")
    (reason,) = checkworthy_reasons(s)
    assert reason.startswith("a view, but it rests on facts that can be checked")
    assert "'Mayor Green'" in reason


def test_a_view_with_few_details_stays_not_checkable():
    s = one("I think it was shameful that he closed the hospital.")
    assert (s.kit_type, s.checkworthy) == ("opinion", "no")


def test_what_someone_named_did_in_detail_is_worth_checking():
    s = one(
        "Governor Brown closed the rural clinics in Ohio and laid off the nurses who worked there "
        "for years."
    )
    assert (s.kit_type, s.checkworthy) == ("event", "yes")


def test_the_speakers_own_story_with_the_same_details_is_not():
    s = one(
        "I closed the family shop in Ohio and laid off the workers who had been with me for years."
    )
    assert s.checkworthy == "minor"
    assert any("small or background detail" in r for r in checkworthy_reasons(s))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("But the risk is real.", "real"),
        ("The explanation is simple.", "simple"),
        ("That is no accident.", "accident"),
    ],
)
def test_a_short_verdict_in_plain_words_is_the_writers_opinion(text, word):
    s = one(text)
    assert s.kit_type == "opinion"
    assert s.checkworthy == "no"
    (reason,) = [r for r in s.reasons if "verdict" in r.text]
    assert s.text[reason.start : reason.end] == word


@pytest.mark.parametrize(
    "text", ["The bridge is closed.", "The school is new.", "The risk is real for 300 families."]
)
def test_a_plain_description_is_not_a_verdict(text):
    assert one(text).kit_type != "opinion"


def test_backing_a_project_is_a_stand_on_the_record():
    s = one("Senator Jones backed the pipeline in committee.")
    assert s.checkworthy == "yes"
    (record,) = [r for r in s.reasons if r.about == "checkworthy" and "on the record" in r.text]
    assert s.text[record.start : record.end] == "backed"


def test_an_increase_in_something_is_a_change_in_an_amount_worth_checking():
    assert one("We have seen an increase in crime in our cities.").checkworthy == "yes"
    assert one("We have seen crime in our cities.").checkworthy == "minor"
