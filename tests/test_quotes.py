"""Quotations as readers of the news meet them: mixed quotes, quotations after colons and dashes,
transcripts, quotations continued in the next paragraph, the apostrophes of newspaper styles."""

from __future__ import annotations

from kit.reading.quotes import find_quotes
from kit.reading.sources import find_attributions
from tests.source_helpers import by_content, cut

# ------------------------------------------------------------------ mixed quotations


def test_a_quoted_fragment_inside_the_speakers_clause_is_a_mixed_quote():
    text = "He was a “respected manager and a friend,” Ana Boistard said in a statement."
    a = by_content(text, "He was a “respected manager and a friend,”")
    assert a.speaker == "Ana Boistard" and not a.direct


def test_a_quoted_name_after_an_object_is_part_of_a_mixed_quote():
    text = "Mitt Romney criticised the plan, calling it “disqualifying” on Monday."
    a = by_content(text, "it “disqualifying”")
    assert a.speaker == "Mitt Romney" and not a.direct


def test_a_quoted_fragment_the_sentence_goes_on_from_is_a_mixed_quote():
    text = "Barack Obama said “it gets me mad” every time he thinks about the children."
    a = by_content(text, "“it gets me mad” every time he thinks about the children")
    assert not a.direct


def test_whole_quoted_sentences_stay_direct():
    text = (
        "Sooner or later the board will meet.\n\n"
        "“We will rebuild the school,” Tom Reed said.\n\n"
        "Mr. Reed told reporters that “the money is there.”\n\n"
        "His final assessment: “It is not quite optimistic,” he said."
    )
    assert by_content(text, "“We will rebuild the school,”").direct
    assert by_content(text, "“the money is there.”").direct
    assert by_content(text, "“It is not quite optimistic,”").direct


# ------------------------------------------------------------------ newspaper apostrophes


def test_three_apostrophes_close_a_nested_quote_and_the_quotation():
    text = "''We are told all the time, 'Kosovo is a special case,''' Mr. Putin said. Then more."
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == "''We are told all the time, 'Kosovo is a special case,'''"
    (a,) = find_attributions(text)
    assert a.direct and a.speaker == "Putin"


# ------------------------------------------------------------------ colons and dashes


def test_words_between_the_cue_and_a_colon_are_not_the_quotation():
    text = "Nelson Diaz said of Mr. Rubio: “He is American 100 percent.”"
    a = by_content(text, "“He is American 100 percent.”")
    assert a.direct and a.speaker == "Nelson Diaz"


def test_a_listener_before_that_is_not_the_quotation():
    text = "Hillary Clinton told supporters that “we are in this together.”"
    a = by_content(text, "“we are in this together.”")
    assert a.direct and a.speaker == "Hillary Clinton"


def test_a_quotation_after_a_name_and_a_colon_after_a_dash_is_the_names():
    text = "Pollsters agree - Carl Bialik: “One of the biggest lessons was a simple one.” [538.]"
    a = by_content(text, "“One of the biggest lessons was a simple one.”")
    assert a.speaker == "Carl Bialik" and a.direct and a.cue is None


def test_a_quotation_after_a_clause_ending_in_a_colon_is_its_subjects():
    text = (
        "Governor John Bel Edwards addressed the public: “No one should take this storm lightly.”"
        "\n\nThe State Department responded:\n\n"
        "“If there are people in this country who are prone to terror, we must act.”"
    )
    a = by_content(text, "“No one should take this storm lightly.”")
    assert a.speaker == "John Bel Edwards" and a.direct
    b = by_content(text, text[text.index("“If") :])
    assert b.speaker == "State Department" and b.direct


def test_a_headline_quote_followed_by_more_headline_is_not_the_whole_content():
    text = "Sidney Blumenthal: ‘No Idea’ If I Would Have Told Hillary\n\nThe story follows."
    found = find_attributions(text)
    assert not any(a.direct and cut(text, a.content) == "‘No Idea’" for a in found)


# ------------------------------------------------------------------ any verb after a quotation


def test_any_verb_after_a_quotation_and_its_speaker_reports_it():
    text = (
        "Ted Bozell is a writer.\n\n"
        "“There were some of us who thought you might work with them,” Bozell points out.\n\n"
        "“Go back to Univision,” Trump barked and a guard escorted Ramos out.\n\n"
        "“This is fantastic!” beamed Donald Hartley of Madison, who was there."
    )
    a = by_content(text, "“There were some of us who thought you might work with them,”")
    assert a.speaker == "Ted Bozell" and cut(text, a.cue) == "points out" and a.direct
    assert by_content(text, "“Go back to Univision,”").speaker == "Trump"
    assert by_content(text, "“This is fantastic!”").speaker == "Donald Hartley"


def test_a_quoted_title_before_a_verb_is_not_a_quotation_reported():
    text = "“Hamilton,” the musical, opened in 2015 and “Cats” closed."
    assert find_attributions(text) == []


# ------------------------------------------------------------------ transcripts

TRANSCRIPT = (
    "Fallin backs Trump\n\nGovernor Mary Fallin spoke to CNN on Sunday.\n\n"
    "JAKE TAPPER: Donald Trump released a video on Friday. Take a listen.\n\n"
    "TRUMP: The deaths make clear how much work we have to do.\n\n"
    "TAPPER: Do you think Donald Trump has campaigned as a racial healer?\n\n"
    "FALLIN: I think he is trying to campaign as a racial healer.\n\n"
    "UPDATE: This story was changed on Monday."
)


def test_each_turn_of_a_transcript_is_its_speakers():
    found = [a for a in find_attributions(TRANSCRIPT) if a.cue is None]
    assert [(cut(TRANSCRIPT, a.source), a.speaker) for a in found] == [
        ("JAKE TAPPER", "Jake Tapper"),
        ("TRUMP", "Donald Trump"),
        ("TAPPER", "Jake Tapper"),
        ("FALLIN", "Mary Fallin"),
    ]
    assert cut(TRANSCRIPT, found[-1].content) == (
        "I think he is trying to campaign as a racial healer"
    )


def test_labels_that_are_no_speakers_make_no_transcript():
    text = "UPDATE: The vote was moved.\n\nCORRECTION: An earlier version misspelled a name.\n\n"
    text += "UPDATE: The vote is on Friday."
    assert find_attributions(text) == []


def test_a_transcript_label_of_initials_is_the_person_with_those_initials():
    text = (
        "Wikinews interviewed ecologist Natasha Gownaris about penguins.\n\n"
        "NG: This study started in 1982, long before I joined the lab.\n\n"
        "NG: We are not yet certain why females are more likely to die."
    )
    found = [a for a in find_attributions(text) if a.cue is None]
    assert [a.speaker for a in found] == ["Natasha Gownaris", "Natasha Gownaris"]


def test_two_apostrophe_quotations_report_with_any_verb_too():
    text = (
        "Mr. Hedge runs a golf club.\n\n''We are just scratching out a profit,'' Mr. Hedge sighed."
    )
    a = by_content(text, "''We are just scratching out a profit,''")
    assert a.speaker == "Hedge" and a.direct


def test_a_letter_between_apostrophes_is_no_quotation():
    text = "He loves rock 'n' roll and the song 'Hound Dog' most of all."
    assert [text[q.start : q.end] for q in find_quotes(text)] == ["'Hound Dog'"]


def test_a_short_two_apostrophe_sentence_goes_on_with_the_quotation_before_it():
    text = "Results came in. ''We won,'' Mr. Park said. ''Go home!''"
    a = by_content(text, "''We won,'' Mr. Park said. ''Go home!''")
    assert a.direct and a.speaker == "Park"
