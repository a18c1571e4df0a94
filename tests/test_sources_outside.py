"""Sources in outside news styles (issue 16): quote marks, refusals, documents, speakers."""

from __future__ import annotations

from kit.reading.quotes import find_quotes
from kit.reading.sources import Attribution, find_attributions
from tests.source_helpers import cut, found


def test_two_apostrophes_open_and_close_a_quotation():
    text = "''We will win,'' Mr. Smith said. He left."
    assert [cut(text, q) for q in find_quotes(text)] == ["''We will win,''"]
    a: Attribution = find_attributions(text)[0]
    assert (cut(text, a.content), a.direct, a.speaker) == ("''We will win,''", True, "Smith")


def test_a_quote_before_the_cue_is_the_content_when_only_a_phrase_follows():
    text = "“We fought for our rights,” she said to cheers at the rally."
    assert found(text) == [("she", "said", "“We fought for our rights,”")]
    text = '"I made it the top priority," the diplomat said in an interview with the Post.'
    assert found(text)[0][2] == '"I made it the top priority,"'


def test_refusals_are_sources():
    text = "Senator Jane Doe declined to comment on the report."
    assert found(text) == [("Senator Jane Doe", "declined", "to comment on the report")]
    text = "The company did not immediately respond to a request for comment."
    assert found(text) == [("The company", "respond", "to a request for comment")]


def test_responded_is_a_cue_only_as_a_refusal():
    text = "The mayor responded to the letter on Monday."
    assert find_attributions(text) == []


def test_a_document_shows_without_that_but_a_person_does_not():
    text = "A new poll shows Clinton ahead by six points."
    a = find_attributions(text)
    assert [(cut(text, x.source), x.source_type) for x in a] == [("A new poll", "document")]
    assert cut(text, a[0].content) == "Clinton ahead by six points"
    assert find_attributions("The coach showed the players a new drill.") == []


def test_wants_is_an_intention_attributed_to_its_subject():
    text = "Rep. Patrick Murphy wants more funding for teacher pay."
    assert found(text) == [("Rep. Patrick Murphy", "wants", "more funding for teacher pay")]


def test_a_party_tag_after_a_name_leaves_the_speaker_the_name():
    text = "Sen. Tammy Baldwin (D-Wis.) told reporters that the bill was dead."
    a = find_attributions(text)
    assert [(x.speaker, x.source_type, cut(text, x.content)) for x in a] == [
        ("Tammy Baldwin", "named_person", "the bill was dead")
    ]
    text = "Attorney General Roy Cooper (D), the governor's opponent, said the video was clear."
    assert [x.speaker for x in find_attributions(text)] == ["Roy Cooper"]


def test_a_language_is_a_folder_of_data_files():
    from importlib import resources

    folder = resources.files("kit").joinpath("data/en")
    names = {p.name for p in folder.iterdir()}
    assert {
        "reporting_cues.yaml",
        "source_words.yaml",
        "source_rule_words.yaml",
        "quotes.yaml",
        "names.yaml",
    } <= names


def test_a_share_of_people_is_an_unnamed_source():
    text = "Only 24 percent of voters said she did nothing wrong."
    a = find_attributions(text)
    assert [(x.source_type, cut(text, x.content)) for x in a] == [
        ("anonymous", "she did nothing wrong")
    ]


def test_a_dateline_is_not_the_speaker():
    text = "WASHINGTON (AP) — Sen. Chuck Grassley said the hearing would go ahead."
    assert [x.speaker for x in find_attributions(text)] == ["Chuck Grassley"]


def test_an_appositive_between_dashes_is_stepped_over():
    text = "Alan Kall — co-editor of a book on the debates — said the format had changed."
    assert found(text) == [("Alan Kall", "said", "the format had changed")]


def test_a_quote_closed_by_a_comma_hands_over_to_the_speaker_after_it():
    text = '"It is over," Eric Trump wrote in a message Monday to The Washington Post.'
    assert found(text) == [("Eric Trump", "wrote", '"It is over,"')]


def test_state_after_a_capitalised_word_is_a_noun():
    text = "“It is over,” Clinton told New Hampshire state representative Joe Smith."
    assert [cut(text, x.cue) for x in find_attributions(text)] == ["told"]
