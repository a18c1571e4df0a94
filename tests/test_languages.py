"""An article's language: given in metadata or detected from the text, and the sentence splitting
exceptions of that language (German here; a language is a folder of kit/data)."""

from __future__ import annotations

import pytest

import kit
from kit.articles.article import article_from_text, make_article
from kit.articles.language import data_languages, detect, normalise

GERMAN = (
    "Die Polizei hat am Montag einen 34-jährigen Mann festgenommen. Nach Angaben der Polizei "
    "gestand er mehr als zehn Brandstiftungen, die er in den vergangenen Monaten gelegt hatte."
)
ENGLISH = (
    "The police arrested a 34-year-old man on Monday. According to the police, he confessed "
    "to more than ten fires that he had set over the past months."
)


def test_english_and_german_are_data_languages():
    assert data_languages()[:1] == ("en",)
    assert "de" in data_languages()


@pytest.mark.parametrize(
    "value, code",
    [
        ("de", "de"),
        ("de-DE", "de"),
        ("DE_at", "de"),
        ("German", "de"),
        ("Deutsch", "de"),
        ("en-GB", "en"),
        ("", None),
        (None, None),
        ("  ", None),
    ],
)
def test_language_names_and_tags_become_codes(value, code):
    assert normalise(value) == code


def test_german_text_is_detected_as_german():
    assert detect(GERMAN) == "de"
    assert article_from_text(GERMAN).language == "de"
    assert make_article("Feuerteufel gefasst", [GERMAN]).language == "de"


def test_english_text_stays_english_even_with_german_names_in_it():
    assert detect(ENGLISH) == "en"
    mixed = "Der Spiegel reported that Chancellor Angela Merkel said she would not run again."
    assert detect(mixed) == "en"
    assert detect("Angela Merkel") == "en"  # too little text to tell: the default
    assert detect("") == "en"


def test_a_language_given_wins_over_detection():
    assert article_from_text(GERMAN, language="en").language == "en"
    assert article_from_text(ENGLISH, language="de-DE").language == "de"
    assert make_article("Headline", [ENGLISH], language="German").language == "de"


def test_a_language_given_is_not_detected_at_all(monkeypatch):
    import kit.articles.language as language

    def no_detection(text):
        raise AssertionError("detected although the language was given")

    monkeypatch.setattr(language, "detect", no_detection)
    assert article_from_text(GERMAN, language="de").language == "de"
    assert make_article("Headline", [ENGLISH], language="en").language == "en"


@pytest.mark.parametrize(
    "text, code",
    [
        # (nearly) plain ASCII, read without the regular expression: the same words and language
        ("Er sagte, dass die Stadt das Bad nicht schliessen wird, weil man es braucht.", "de"),
        ("Er_sagte(dass)die-Stadt2das Bad,nicht", "de"),
        ("die_der2das", "de"),  # "_" and digits part words
        ("“Die” der—das…", "de"),  # curly quotes and dashes part words too
        ("He said that the town would not close the baths, because they are still needed.", "en"),
        ("die der 123 the", "en"),  # two German function words are too few to tell
        ("...!!! 42 ---", "en"),
    ],
)
def test_plain_text_is_detected_by_its_words(text, code):
    assert detect(text) == code
    assert detect(text + " é") == code  # not ASCII: the words found by the regular expression


def test_language_from_front_matter(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: Brand\nlanguage: de\n---\n\n{ENGLISH}\n", encoding="utf-8")
    assert kit.load_article(path).language == "de"


@pytest.mark.parametrize(
    "text, pieces",
    [
        ("Das sagte Dr. Müller am 11. August in Berlin. Er kam.", 2),
        ("Er kam z. B. aus Bonn, u. a. mit Prof. Weber. Sie blieb.", 2),
        ("Am 3. Oktober 2005 war es so weit. Das 2. Mal kam er am 12. Dez. wieder.", 2),
        ("Die Firma meldete im 3. Quartal Gewinne. Die Nr. 1 war St. Pauli.", 2),
        ("Er starb 2005. Die Zahl stieg auf 12. Niemand kam.", 3),
    ],
)
def test_german_sentences_are_not_split_at_abbreviations_or_dates(text, pieces):
    article = article_from_text(text, language="de")
    assert len(article.sentences) == pieces
    for s in article.sentences:
        assert article.text[s.start : s.end].endswith(".")


def test_english_splitting_is_unchanged_by_the_german_exceptions():
    text = "He came on the 3. Then he left."
    assert len(article_from_text(text, language="en").sentences) == 2
