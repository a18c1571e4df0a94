"""Who is speaking in a German article: German quote marks, cues and word order, read from the
data in kit/data/de/; a language folder with the same files works with no new code; claims,
wording and quiz generation say they have no rules for the language instead of applying English
ones. (The texts here are invented for the tests.)"""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest

from kit.articles.article import article_from_text, make_article
from kit.articles.selection import snap_to_words
from kit.errors import KitError
from kit.quiz.generate import generate
from kit.reading.claims import no_claim_rules, suggest
from kit.reading.cue_rules import find_with_rules
from kit.reading.language_data import FILES, has_rules, language_data, load_language
from kit.reading.quotes import find_quotes, quote_marks
from kit.reading.sources import find_attributions, reads_language
from kit.reading.wording import flag
from kit.views.show import show_claims, show_wording
from tests.test_sources_cli import run_kit, write_jsonl


def found(text: str) -> list[dict]:
    """Each attribution as the words of its source, cue and content, speaker, type, direct."""
    article = article_from_text(text, language="de")

    def words(span):
        return None if span is None else text[span.start : span.end]

    return [
        {
            "source": words(a.source),
            "cue": words(a.cue),
            "content": words(a.content),
            "speaker": a.speaker,
            "type": a.source_type,
            "direct": a.direct,
            "stance": a.stance,
        }
        for a in find_attributions(article)
    ]


def test_german_quote_marks_pair_up():
    text = "Er sagte: „Das ist ‚klar‘.“ Sie schrieb: »Nein.« Und: «Ja.»"
    quotes = [text[q.start : q.end] for q in find_quotes(text, None, quote_marks("de"))]
    assert quotes == ["„Das ist ‚klar‘.“", "»Nein.«", "«Ja.»"]


def test_a_direct_quote_then_the_cue_and_the_titled_speaker():
    (a,) = found("„Wir sind sehr zufrieden“, sagte Bundeskanzlerin Angela Merkel am Dienstag.")
    assert a["content"] == "„Wir sind sehr zufrieden“"
    assert a["cue"] == "sagte"
    assert a["source"] == "Bundeskanzlerin Angela Merkel"
    assert a["speaker"] == "Angela Merkel"
    assert (a["type"], a["direct"]) == ("named_person", True)


def test_verb_second_with_the_source_after_the_cue_and_subjunctive_without_dass():
    first, second = found(
        "So sagte der Astronaut Yang Liwei am Montag, die Pläne seien unrealistisch. "
        "Die Kosten seien zu hoch."
    )
    assert first["source"] == "der Astronaut Yang Liwei"
    assert first["speaker"] == "Yang Liwei"
    assert first["content"] == "die Pläne seien unrealistisch"
    assert first["direct"] is False
    # The next sentence, in the subjunctive with no cue, goes on with the same speaker.
    assert second["content"] == "Die Kosten seien zu hoch"
    assert (second["cue"], second["speaker"]) == (None, "Yang Liwei")


def test_an_unnamed_source_and_a_separable_verb():
    (a,) = found("Ein Sprecher des Ministeriums teilte am Abend mit, der Plan sei gescheitert.")
    assert a["source"] == "Ein Sprecher des Ministeriums"
    assert a["type"] == "anonymous"
    assert a["cue"] == "teilte"
    assert a["content"] == "der Plan sei gescheitert"


@pytest.mark.parametrize(
    "text, source, content, kind",
    [
        (
            "Laut Polizei ist die Ursache ungeklärt.",
            "Polizei",
            "ist die Ursache ungeklärt",
            "institution",
        ),
        (
            "Der Zeitung zufolge gab es keine Verletzten.",
            "Der Zeitung",
            "gab es keine Verletzten",
            "other_outlet",
        ),
        (
            "Nach Angaben des Innenministeriums kamen zwei Menschen ums Leben.",
            "des Innenministeriums",
            "kamen zwei Menschen ums Leben",
            "institution",
        ),
        (
            "Der Mann wurde festgenommen, wie die Polizei am Montag mitteilte.",
            "die Polizei",
            "Der Mann wurde festgenommen",
            "institution",
        ),
        (
            "Die Lage sei ernst, so ein Sprecher der Feuerwehr.",
            "ein Sprecher der Feuerwehr",
            "Die Lage sei ernst",
            "anonymous",
        ),
    ],
)
def test_phrases_that_name_a_source(text, source, content, kind):
    (a,) = found(text)
    assert a["content"] == content
    assert source in a["source"] or a["source"] in source
    assert a["type"] == kind


def test_stance_comes_from_the_cue_data():
    (a,) = found("Die Ministerin betonte, das Gesetz sei notwendig.")
    assert a["stance"] == "emphasis"
    (b,) = found("Der Konzern bestritt, dass es Absprachen gegeben habe.")
    assert b["stance"] == "doubt"
    (c,) = found("Der Trainer räumte ein, dass die Mannschaft schlecht gespielt habe.")
    assert c["stance"] == "concession"


def test_dies_reports_the_sentence_before():
    (a,) = found("Trapattoni wird neuer Trainer. Dies gab die Vereinsführung am Montag bekannt.")
    assert a["content"] == "Trapattoni wird neuer Trainer."
    assert a["source"] == "die Vereinsführung"


def test_a_surname_and_a_title_resolve_to_the_person_named_before():
    found_ = found(
        "Bundeskanzlerin Angela Merkel sagte, die Lage sei ernst. "
        "Später erklärte Merkel, man werde helfen. Die Kanzlerin sagte, es gebe Hoffnung."
    )
    assert [a["speaker"] for a in found_] == ["Angela Merkel"] * 3


def test_abbreviations_and_dates_do_not_end_a_report():
    (a,) = found("Dr. Müller sagte am 11. August, das sei z. B. in Bonn u. a. so gewesen.")
    assert a["speaker"] == "Müller"
    assert a["content"].endswith("so gewesen")


def test_an_english_text_is_unchanged_by_the_german_rules():
    text = '"We are very pleased," said Chancellor Angela Merkel on Tuesday.'
    (a,) = find_attributions(text)
    assert a.speaker == "Angela Merkel"
    assert article_from_text(text).language == "en"


def test_german_is_detected_when_no_language_is_given():
    text = "„Wir sind sehr zufrieden“, sagte die Ministerin am Dienstag in Berlin."
    assert [a.source_type for a in find_attributions(text)] != []


def test_a_language_without_data_gets_no_attributions_not_english_rules():
    text = "« Nous sommes très contents », a déclaré la ministre mardi."
    assert not reads_language("fr")
    assert find_attributions(article_from_text(text, language="fr")) == []


def test_a_language_folder_with_the_same_files_loads_with_no_new_code(tmp_path):
    folder = tmp_path / "xx"
    folder.mkdir()
    source = resources.files("kit").joinpath("data", "de")
    for name in FILES:
        (folder / name).write_text(source.joinpath(name).read_text("utf-8"), "utf-8")
    data = load_language(folder, "xx")
    article = article_from_text("Die Polizei sagte, der Mann sei gefasst.", language="xx")
    (a,) = find_with_rules(article, data)
    assert a.speaker == "Polizei" and a.source_type == "institution"


def test_a_language_folder_missing_a_file_names_it(tmp_path):
    folder = tmp_path / "xx"
    shutil.copytree(resources.files("kit").joinpath("data", "de"), folder)
    (folder / "cues.yaml").unlink()
    with pytest.raises(KitError) as err:
        load_language(folder, "xx")
    assert "cues.yaml" in str(err.value)


def test_a_yes_or_no_in_a_word_list_is_a_clear_error(tmp_path):
    folder = tmp_path / "xx"
    shutil.copytree(resources.files("kit").joinpath("data", "de"), folder)
    words = (folder / "sources.yaml").read_text("utf-8")
    (folder / "sources.yaml").write_text(words.replace("pronouns: [", "pronouns: [no, "), "utf-8")
    with pytest.raises(KitError) as err:
        load_language(folder, "xx")
    assert "sources.yaml" in str(err.value) and "quotes" in err.value.fix


def test_german_has_rules_and_english_keeps_its_own():
    assert has_rules("de") and not has_rules("en") and not has_rules("fr")
    assert language_data("de").code == "de"


GERMAN = make_article(
    "Feuerteufel gefasst",
    [
        "Die Polizei hat einen 34-jährigen Mann festgenommen, der zehn Brände gestand.",
        "„Wir sind erleichtert“, sagte der Bürgermeister am Montag.",
    ],
)


def test_claims_and_wording_say_they_have_no_german_rules():
    assert GERMAN.language == "de"
    assert suggest(GERMAN) == []
    assert flag(GERMAN) == []
    why = no_claim_rules(GERMAN)
    assert "English only" in why and "German" in why
    assert "German" in show_claims(GERMAN).html and "No suggestions" in show_claims(GERMAN).html
    assert "No words to notice" in show_wording(GERMAN).html


def test_quiz_generation_refuses_a_german_article_rather_than_mix_languages():
    with pytest.raises(KitError) as err:
        generate(GERMAN)
    assert "German" in err.value.problem and "by hand" in err.value.fix


def test_highlights_snap_to_whole_german_words():
    text = GERMAN.text
    i = text.index("erleichtert")
    assert snap_to_words(text, i + 3, i + 5) == (i, i + len("erleichtert"))
    j = text.index("Bürgermeister")
    assert text[slice(*snap_to_words(text, j + 1, j + 2))] == "Bürgermeister"


def test_jsonl_language_field_and_detection(tmp_path):
    german = "„Wir sind erleichtert“, sagte der Bürgermeister am Montag."
    path = write_jsonl(
        tmp_path / "in.jsonl",
        [
            json.dumps({"id": "a", "text": german}, ensure_ascii=False),
            json.dumps({"id": "b", "text": german, "language": "en"}, ensure_ascii=False),
            json.dumps({"id": "c", "text": german, "language": "de-DE"}, ensure_ascii=False),
        ],
    )
    out = run_kit("sources", "--jsonl", str(path))
    assert out.returncode == 0, out.stderr
    a, b, c = (json.loads(line) for line in out.stdout.splitlines())
    assert a["attributions"] == c["attributions"] != []
    assert a["attributions"][0]["speaker"] == "Bürgermeister"
    claims = run_kit("claims", "--jsonl", str(path))
    assert claims.returncode == 0, claims.stderr
    first = json.loads(claims.stdout.splitlines()[0])
    assert first["sentences"] == [] and "English only" in first["note"]


def test_jsonl_language_that_is_not_a_string_is_a_one_line_error(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", ['{"id": "a", "text": "Hallo", "language": 7}'])
    out = run_kit("sources", "--jsonl", str(path))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert '"language" is not a string' in out.stderr and "line 1" in out.stderr


GERMAN_SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "german"


def test_the_invented_german_practice_article_and_its_key():
    from kit import load_article
    from kit.work import keys as feedback

    path = GERMAN_SEEDS / "de_lindenfeld_hallenbad.md"
    article = load_article(path)
    assert article.language == "de" and article.extra.get("practice") is True
    key = feedback.load_key(path.with_name(f"{path.stem}.key.yaml"), article)
    claims = [i for i in key.items if i.tag("claim")]
    assert [(i.start, i.end) for i in claims] == [(s.start, s.end) for s in article.sentences]
    sources = {i.exact: i.tag("source") for i in key.items if i.tag("source")}
    found = find_attributions(article)
    # The kit finds every source of the key, each with the key's type.
    for exact, kind in sources.items():
        hits = [
            a for a in found if a.source and exact in article.text[a.source.start : a.source.end]
        ]
        assert hits and hits[0].source_type == kind, exact
    assert "invented" in (GERMAN_SEEDS / "README.md").read_text(encoding="utf-8")
