"""Who is speaking in German, third round: plural verbs, a time or adverb before the verb, names in
quotation marks, a passive that names its speaker, an apposition with no closing comma, two
sources in one sentence, a quotation after a colon or before any verb, and the infinitive after a
modal. (The texts are invented for the tests.)"""

from __future__ import annotations

import shutil

from kit.articles.article import article_from_text
from kit.reading.cue_rules import find_with_rules
from kit.reading.language_data import load_language
from tests.test_sources_german import found


def test_a_plural_reporting_verb_reports():
    (a,) = found("Die Anwohner bemängeln, dass der Lärm zu groß sei.")
    assert (a["source"], a["cue"], a["content"]) == (
        "Die Anwohner",
        "bemängeln",
        "dass der Lärm zu groß sei",
    )


def test_an_infinitive_after_a_modal_is_no_report():
    (a,) = found("Die Stadt will im Mai entscheiden, wie die Sprecherin Eva Roth mitteilte.")
    assert (a["cue"], a["speaker"]) == ("wie die Sprecherin Eva Roth mitteilte", "Eva Roth")


def test_a_time_or_an_adverb_before_the_verb_is_not_its_subject():
    (a,) = found("Ende Januar 2006 erklärte der Verband, man werde sich bewerben.")
    assert a["source"] == "der Verband"
    (b,) = found("Des Weiteren verwies Ministerin Eva Roth darauf, dass es teuer sei.")
    assert b["speaker"] == "Eva Roth"


def test_a_time_is_not_the_source_of_an_impersonal_report():
    (a,) = found("Im Mai wurde bekannt, dass das Werk verkauft werden soll.")
    assert a["source"] is None


def test_a_name_in_quotation_marks_inside_a_phrase_is_the_source():
    (a,) = found("„Das Update kommt bald“, schreibt die „Technikwoche“.")
    assert (a["speaker"], a["direct"]) == ("Technikwoche", True)


def test_a_passive_of_zitieren_names_its_speaker_as_subject():
    (a,) = found("„Wir bleiben hier“, wird Trainer Jan Berg zitiert.")
    assert (a["speaker"], a["content"]) == ("Jan Berg", "„Wir bleiben hier“")
    (b,) = found("Die Vorsitzende, Eva Roth, wird mit den Worten zitiert: „Wir sind bereit.“")
    assert (b["speaker"], b["content"]) == ("Eva Roth", "„Wir sind bereit.“")


def test_an_apposition_with_no_closing_comma_is_not_a_relative_clause():
    (a,) = found("Jan Berg, der Sprecher der Behörde teilte mit, dass niemand verletzt wurde.")
    assert (a["speaker"], a["content"]) == ("Jan Berg", "dass niemand verletzt wurde")
    assert found("Die Polizei, die am Montag erklärte, dass es ruhig sei, wurde gelobt.") == []


def test_wie_with_an_apposition_before_its_verb():
    (a,) = found(
        "Wie Jan Berg, Sprecher der Behörde, in Bonn mitteilte, wurden zwei Menschen verletzt."
    )
    assert (a["speaker"], a["content"]) == ("Jan Berg", "wurden zwei Menschen verletzt")


def test_a_firm_named_after_its_title_is_not_the_speaker():
    (a,) = found("Jan Berg, Leiter der Firma Sonne GmbH, sagte, die Lage sei ruhig.")
    assert a["speaker"] == "Jan Berg"


def test_a_second_source_beside_the_report_counts_too():
    report, second = found("„Das ist ein Skandal“, sagte der Anwalt laut NDR.")
    assert (report["source"], report["direct"]) == ("der Anwalt", True)
    assert (second["source"], second["cue"], second["type"]) == ("NDR", "laut", "other_outlet")


def test_nach_with_adjectives_or_a_genitive_name_before_its_noun():
    (a,) = found("Nach offiziellen chinesischen Angaben waren die meisten Opfer Bauern.")
    assert a["source"] == "offiziellen chinesischen Angaben"
    assert found("Nach Abschluss der Ermittlungen beantragte sie einen Prozess.") == []


def test_a_quotation_after_a_colon_said_by_the_subject_after_the_verb():
    (a,) = found("Hier sparte die Ministerin nicht mit Kritik: „Das ist zu wenig.“")
    assert a["source"] == "die Ministerin"
    (b,) = found("Das Angebot lehnt er ab: „Das kommt nicht in Frage.“")
    assert b["source"] == "er"
    assert found("Damit ist die Marke erreicht: „Wir rechnen damit.“") == []


def test_a_quotation_before_any_verb_and_its_subject():
    (a,) = found("„Ich trete als Kandidat an“, strich Jan Berg in Bonn heraus.")
    assert (a["speaker"], a["content"], a["direct"]) == (
        "Jan Berg",
        "„Ich trete als Kandidat an“",
        True,
    )


def test_so_after_a_dash():
    (a,) = found("Man sei dankbar – so Berg –, trotzdem suche die Firma Geld.")
    assert (a["source"], a["cue"]) == ("Berg", "so")


def test_reported_speech_goes_on_into_the_next_paragraph_in_the_subjunctive():
    report, more = found("Der Minister Jan Berg sagte, es gebe Streit.\nDie Kosten seien zu hoch.")
    assert (more["content"], more["speaker"]) == ("Die Kosten seien zu hoch", "Jan Berg")
    assert len(found("Der Minister Jan Berg sagte, es gebe Streit.\nDie Kosten sind hoch.")) == 1


def test_rules_switched_on_by_data_stay_off_without_it(tmp_path):
    """quote_then_any_verb and a passive that names its speaker are data: a language folder
    without them reads no such attribution."""
    import kit.reading.language_data as ld

    folder = tmp_path / "xx"
    shutil.copytree(ld._folder("de"), folder)
    cues = (folder / "cues.yaml").read_text(encoding="utf-8")
    cues = cues.replace("quote_then_any_verb: true", "quote_then_any_verb: false")
    cues = cues.replace(", passive: subject}", "}")
    (folder / "cues.yaml").write_text(cues, encoding="utf-8")
    lang = load_language(folder, "xx")
    text = (
        "„Ich trete als Kandidat an“, strich Jan Berg in Bonn heraus. "
        "„Wir bleiben“, wird Eva Roth zitiert."
    )
    article = article_from_text(text, language="de")
    on = find_with_rules(article, load_language(ld._folder("de"), "de"))
    assert {a.speaker for a in on} == {"Jan Berg", "Eva Roth"}
    assert all(a.speaker not in ("Jan Berg", "Eva Roth") for a in find_with_rules(article, lang))
