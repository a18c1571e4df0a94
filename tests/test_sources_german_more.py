"""Who is speaking in German, second round: reported speech that goes on over several sentences
("soll" included), a quotation inside a report counted on its own, ", so X" in the middle of a
sentence, phrases that name their own source, relative "nach denen", numbers with separators and
a sentence that opens with a word that is not its subject. (The texts are invented for the
tests.)"""

from __future__ import annotations

from tests.test_sources_german import found


def test_reported_speech_goes_on_over_several_sentences_as_one_attribution():
    report, more = found(
        "Der Bürgermeister Karl Huber sagte am Montag, das Bad werde im Mai geschlossen. "
        "Die Stadt könne die Kosten nicht mehr tragen. Ein Neubau solle bis 2030 fertig sein. "
        "Danach spielte die Kapelle."
    )
    assert report["content"] == "das Bad werde im Mai geschlossen"
    assert more["content"] == (
        "Die Stadt könne die Kosten nicht mehr tragen. Ein Neubau solle bis 2030 fertig sein"
    )
    assert (more["cue"], more["speaker"]) == (None, "Karl Huber")


def test_reported_speech_stops_at_a_sentence_in_the_indicative():
    out = found(
        "Die Ministerin sagte, das Gesetz sei gut. Danach spielte die Kapelle. "
        "Die Kosten seien zu hoch."
    )
    assert [a["content"] for a in out] == ["das Gesetz sei gut"]


def test_soll_after_a_report_is_what_the_source_says():
    _, more = found(
        "Die Polizei teilte mit, der Fahrer sei geflohen. Er soll zuvor getrunken haben."
    )
    assert more["content"] == "Er soll zuvor getrunken haben"
    assert more["source"] == "Die Polizei"


def test_soll_with_no_report_before_is_no_attribution():
    assert found("Die neue Brücke soll im Mai eröffnet werden.") == []


def test_a_quotation_inside_reported_speech_is_also_counted_on_its_own():
    out = found(
        "Die Ministerin sagte, das Gesetz sei gut. Es bringe „mehr Sicherheit für alle“ und "
        "komme aus dem Verlag „Neue Zeit“."
    )
    assert [(a["content"], a["direct"]) for a in out] == [
        ("das Gesetz sei gut", False),
        ("Es bringe „mehr Sicherheit für alle“ und komme aus dem Verlag „Neue Zeit“", False),
        ("„mehr Sicherheit für alle“", True),  # the name „Neue Zeit“ is no quotation
    ]
    assert {a["source"] for a in out} == {"Die Ministerin"}


def test_so_with_the_source_in_the_middle_or_with_weiter():
    (a,) = found("Im Herbst, so der Sprecher, werde das Werk geschlossen.")
    assert (a["source"], a["cue"]) == ("der Sprecher", "so")
    assert a["content"].endswith("werde das Werk geschlossen")
    (b,) = found("Die Preise steigen weiter, so Müller weiter.")
    assert (b["source"], b["content"]) == ("Müller", "Die Preise steigen weiter")


def test_a_phrase_that_names_its_own_source():
    (a,) = found("Die Fähre ist nach Polizeiangaben am Morgen gesunken.")
    assert (a["cue"], a["source"]) == ("nach Polizeiangaben", "Polizeiangaben")
    (b,) = found("Die Hilfe kam nach eigenen Angaben zu spät.")
    assert b["source"] == "eigenen Angaben"


def test_nach_denen_reports_the_relative_clause():
    (a,) = found("Es gibt Gerüchte, nach denen der Trainer gehen muss.")
    assert (a["cue"], a["source"], a["content"]) == ("nach", "denen", "der Trainer gehen muss")


def test_a_time_with_a_colon_does_not_end_the_clause():
    (a,) = found("Um 10:05 Uhr meldete die Agentur, das Spiel sei abgesagt.")
    assert (a["source"], a["content"]) == ("die Agentur", "das Spiel sei abgesagt")


def test_a_first_word_that_is_no_subject():
    (a,) = found("Offiziell geht die Regierung davon aus, dass der Plan gelingt.")
    assert a["source"] == "die Regierung"
    (b,) = found("Der Presse sagte er, die Lage sei ernst.")
    assert b["source"] == "er"


def test_hiess_es_with_the_place_it_is_written_as_the_source():
    (a,) = found("Die Lage sei ernst, hieß es in dem Bericht der Kommission.")
    assert (a["cue"], a["source"], a["content"]) == (
        "hieß es",
        "dem Bericht der Kommission",
        "Die Lage sei ernst",
    )
    assert a["type"] == "document"
    (b,) = found("In dem Bericht, der am Montag erschien, heißt es, die Lage sei ernst.")
    assert (b["source"], b["content"]) == ("Bericht", "die Lage sei ernst")


def test_more_reporting_verbs():
    (a,) = found("Der Trainer erwähnte auch, dass zwei Spieler verletzt seien.")
    assert (a["cue"], a["source"]) == ("erwähnte", "Der Trainer")
    (b,) = found("Die Ärztin bat die Besucher, zu Hause zu bleiben.")
    assert (b["cue"], b["content"]) == ("bat", "zu Hause zu bleiben")


def test_what_follows_a_quotation_of_two_sentences_follows_its_report():
    quote, more = found(
        "Die Ministerin sagte: „Wir sind bereit. Das Gesetz kommt.“ Es gebe keine Alternative."
    )
    assert quote["content"] == "„Wir sind bereit. Das Gesetz kommt.“"
    assert (more["content"], more["source"]) == ("Es gebe keine Alternative", "Die Ministerin")


def test_a_sentence_in_the_indicative_with_a_subjunctive_only_further_on_is_not_reported():
    out = found(
        "Die Ministerin sagte, das Gesetz sei gut. Danach hatte der Rat getagt, weil es Streit "
        "gebe."
    )
    assert [a["content"] for a in out] == ["das Gesetz sei gut"]


def test_a_clause_about_something_else_is_not_what_was_said():
    assert found("Der Minister kritisierte den Plan, was eine Debatte auslöste.") == []


def test_a_participle_after_an_auxiliary_with_the_subject_between_them():
    (a,) = found("Zuvor hatte der Minister angekündigt, dass er zurücktrete.")
    assert (a["source"], a["cue"]) == ("der Minister", "angekündigt")
    # "erklärt" is a finite form too; after "hatte" it is the participle
    (b,) = found("Am Tag zuvor hatte die Ministerin erklärt, dass sie es ablehne.")
    assert (b["source"], b["cue"], b["content"]) == (
        "die Ministerin",
        "erklärt",
        "dass sie es ablehne",
    )
