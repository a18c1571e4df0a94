"""Quotations whose speaker the cue rules miss (kit.reading.quote_speakers): a long subject
between the quotation and "said", a signature line after it, a manner verb before it."""

from __future__ import annotations

from kit.reading.sources import find_attributions
from tests.source_helpers import by_content, cut


def test_a_long_title_before_said_still_names_the_speaker():
    text = (
        "The race tightened.\n\n“Both of them are climbing,” former city council member "
        "Rosa Imbert said."
    )
    a = by_content(text, "“Both of them are climbing,”")
    assert a.direct and a.speaker == "Rosa Imbert" and cut(text, a.cue) == "said"


def test_an_apposition_between_the_speaker_and_said_is_left_out_of_the_name():
    text = (
        "Fees went up.\n\n''It is a costly way to run a school,'' Paul K. Varga Jr., the dean of "
        "the law faculty at Lakeview College, said at a hearing on Monday."
    )
    found = find_attributions(text)
    a = by_content(text, "''It is a costly way to run a school,''")
    assert a.direct and cut(text, a.source) == "Paul K. Varga Jr."
    # The words after "said" are not read as the dean's report any more.
    assert not any(cut(text, b.content).startswith("at a hearing") for b in found)


def test_said_then_a_name_that_starts_like_a_modal_verb():
    text = "Fees went up.\n\n“It is a costly model,” said Will Ostrova, a professor of economics."
    a = by_content(text, "“It is a costly model,”")
    assert a.direct and a.speaker == "Will Ostrova"


def test_told_is_not_read_backwards_from_its_listener():
    text = "Agents met.\n\n“We are under pressure,” Tomas Riva, 58, told AFP in an interview."
    a = by_content(text, "“We are under pressure,”")
    assert a.direct and a.speaker == "Tomas Riva"
    assert all(b.speaker != "AFP" for b in find_attributions(text))


def test_a_signature_line_after_a_quotation_is_its_speaker():
    text = (
        "Readers wrote in.\n\n“I will vote early because the lines were long last time.”\n\n"
        "― Dana Whitfield, 44, Toledo\n\nThe polls open at seven."
    )
    a = by_content(text, "“I will vote early because the lines were long last time.”")
    assert a.direct and a.speaker == "Dana Whitfield" and a.cue is None


def test_a_dash_list_item_after_ordinary_text_is_no_signature():
    text = "The winners are:\n\n— Carol Lee of the Gazette, for her reporting.\n\nMore soon."
    assert not any(a.speaker == "Carol Lee" for a in find_attributions(text))


def test_a_manner_verb_before_a_quotation_gives_it_to_the_subject():
    text = "The rally ended. As the man was led out, Mr. Ostrander yelled, ''Out, out, out!''"
    a = by_content(text, "''Out, out, out!''")
    assert a.direct and a.speaker == "Ostrander" and cut(text, a.cue) == "yelled"


def test_a_crowd_that_chants_a_quotation_is_its_source():
    text = "He spoke for an hour. The crowd chanted “Build it now!” as he left."
    a = by_content(text, "“Build it now!”")
    assert a.direct and cut(text, a.source) == "The crowd"


def test_a_quotation_split_by_the_sentence_splitter_still_finds_its_speaker():
    text = "Trump spoke.\n\n“Hey, hey! Ho, ho! The mayor has got to go!” some protesters chanted."
    a = by_content(text, "“Hey, hey! Ho, ho! The mayor has got to go!”")
    assert a.direct and cut(text, a.source) == "some protesters"


def test_a_sign_that_read_a_slogan_is_no_ones_quotation():
    text = "He held up a sign that read “Farmers 4 Change” and waved it."
    assert not any(cut(text, a.content) == "“Farmers 4 Change”" for a in find_attributions(text))


def test_a_quoted_phrase_inside_the_lead_in_is_not_joined_to_the_quotation_after_said():
    text = "Praising her “quiet strength,” Tamsin Rhee said, “She never gave up on the town.”"
    a = by_content(text, "“She never gave up on the town.”")
    assert a.direct and a.speaker == "Tamsin Rhee"


def test_an_adverb_between_the_speaker_and_said_before_a_quotation():
    text = "The endorsements came in. Okafor jokingly said, “I am becoming respectable. Help me.”"
    a = by_content(text, "“I am becoming respectable. Help me.”")
    assert a.direct and a.speaker == "Okafor"


def test_by_saying_gives_the_quotation_to_the_sentences_subject():
    text = "Talks ended.\n\nLindqvist closed the meeting by saying, “We will appeal this ruling.”"
    a = by_content(text, "“We will appeal this ruling.”")
    assert a.direct and a.speaker == "Lindqvist" and cut(text, a.cue) == "saying"


def test_as_someone_put_it_names_the_speaker_of_the_quotation():
    text = (
        "The vote is close.\n\nAs Mira Castell, a historian at Dunmore College, put it, "
        "“Nobody wins a fight like this one.”"
    )
    a = by_content(text, "“Nobody wins a fight like this one.”")
    assert a.direct and a.speaker == "Mira Castell"


def test_the_person_who_was_asked_a_question_did_not_ask_it():
    text = "On the show, Halvorsen was asked, “Would you run again?” He smiled."
    found = find_attributions(text)
    assert not any(
        cut(text, a.content) == "“Would you run again?”" and a.speaker == "Halvorsen" for a in found
    )


def test_a_clause_ending_in_a_colon_before_a_quotation_is_its_pronoun_subjects():
    text = "Ilse Brandt spoke first.\n\nShe went on: “We fixed the roof. We will fix the school.”"
    a = by_content(text, "“We fixed the roof. We will fix the school.”")
    assert a.direct and a.speaker == "Ilse Brandt"


def test_a_verb_and_a_place_before_a_comma_and_a_quotation():
    text = "In May, Okonkwo emphatically declared at a town hall, “I did not take the money.”"
    a = by_content(text, "“I did not take the money.”")
    assert a.direct and a.speaker == "Okonkwo"


def test_a_clause_that_only_describes_a_quotation_gives_it_no_speaker():
    text = "The banner was huge: “Welcome home, Class of 1999.”"
    assert not any(
        cut(text, a.content) == "“Welcome home, Class of 1999.”" for a in find_attributions(text)
    )


def test_adding_reports_only_the_quotation_after_it():
    text = (
        "Talks ended.\n\n“She led the state well,” Varga said, adding: “I would welcome her help.”"
    )
    first = by_content(text, "“She led the state well,”")
    second = by_content(text, "“I would welcome her help.”")
    assert cut(text, first.cue) == "said" and cut(text, second.cue) == "adding"


def test_a_quotation_ending_in_a_nested_quote_and_said_then_a_name_and_a_time():
    text = (
        "The debate ran late.\n\n\"Then someone says, 'We have to keep going,' \" said former "
        "mayor Lena Dorsey during the second debate, smiling."
    )
    a = by_content(text, "\"Then someone says, 'We have to keep going,' \"")
    assert a.direct and a.speaker == "Lena Dorsey"
