"""Who makes the claims of an interview: a `((Name))` tag marks an answer, and every sentence of
it is the speaker's, not the reporter's (before, only sentences a reporting word ties to someone
were), up to the next tag, with the paragraphs that go on with the answer."""

from __future__ import annotations

from kit.quiz.phrasing import Casing, clues
from kit.reading.claims import REPORTER, suggest

INTERVIEW = """Jane Doe, a physicist, spoke to Wikinews about her work in Leeds.

((WN))  Where did you grow up?

((Jane Doe))  I grew up in Leeds.  My father was a miner.  The mines closed in 1984.

((WN))  What did you study?

((Jane Doe))  Physics at York.  It was the best course in the country.

So I stayed there for ten years.  The lab had twelve staff then.

On May 5, the university named a new dean.

((WN))  Thank you."""


def claimants(text: str) -> dict[str, str]:
    return {s.text: s.claimant for s in suggest(text) if not s.part}


def test_every_sentence_of_an_answer_is_the_speakers():
    who = claimants(INTERVIEW)
    for sentence in (
        "((Jane Doe))  I grew up in Leeds.",
        "My father was a miner.",
        "The mines closed in 1984.",
        "((Jane Doe))  Physics at York.",
        "It was the best course in the country.",
        "So I stayed there for ten years.",  # a paragraph that goes on with the answer
        "The lab had twelve staff then.",
    ):
        assert who[sentence] == "Jane Doe", sentence


def test_the_interviewers_questions_and_the_reporters_prose_stay_the_reporters():
    who = claimants(INTERVIEW)
    for sentence in (
        "Jane Doe, a physicist, spoke to Wikinews about her work in Leeds.",
        "((WN))  Where did you grow up?",
        "((WN))  What did you study?",
        "On May 5, the university named a new dean.",  # the reporter's again, not the answer's
    ):
        assert who[sentence] == REPORTER, sentence


def test_the_reason_names_the_speaker_and_points_at_the_tag():
    (s,) = [s for s in suggest(INTERVIEW) if s.text == "The mines closed in 1984."]
    (reason,) = [r for r in s.reasons if r.about == "claimant"]
    assert INTERVIEW[reason.start : reason.end] == "((Jane Doe))"
    assert "it shows it is Jane Doe's claim, not the reporter's" in reason.text
    assert "comes from Jane Doe" in clues(s.reasons, Casing(INTERVIEW))


def test_one_tag_or_a_language_mark_is_no_interview():
    text = "((Jane Doe))  I grew up in Leeds.\n\nThe mines closed in 1984."
    assert set(claimants(text).values()) == {REPORTER}
    text = "((fa))Farsi language: the text.\n\n((fa))Farsi language: more text."
    assert set(claimants(text).values()) == {REPORTER}
