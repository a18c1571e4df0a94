"""A quotation inside a quotation written with the same marks: German writers use „…“ at both
levels, so an inner „ opens a quotation that the next closing mark closes, and the outer one
goes on to its own closing mark. English keeps reading an opening mark inside a quotation as
part of it (there it is more often a mark left open by mistake)."""

from __future__ import annotations

from kit.articles.article import article_from_text
from kit.reading.quotes import find_quotes, quote_marks
from kit.reading.sources import find_attributions

GERMAN = quote_marks("de")


def quotes(text: str, marks=GERMAN) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text, marks=marks)]


def test_a_german_quotation_inside_one_closes_before_the_outer_one():
    text = "Er sagte: „Das ist „schlecht“ für uns“, und ging."
    assert quotes(text) == ["„Das ist „schlecht“ für uns“"]
    text = "„Sie nannte es „einen „großen“ Fehler“, sagte er“ und ging. „Danach“ war Ruhe."
    assert quotes(text) == ["„Sie nannte es „einen „großen“ Fehler“, sagte er“", "„Danach“"]


def test_the_whole_german_quotation_is_what_the_speaker_said():
    text = (
        "Edmon Chung, Chef von DotAsia, sagte: „Wir haben viele Anmeldungen für bedeutende "
        "„Small-Business-Unternehmen“ erhalten, und wir freuen uns.“ Die Firma wächst."
    )
    (a,) = find_attributions(article_from_text(text, language="de"))
    assert text[a.content.start : a.content.end].endswith("und wir freuen uns.“")
    assert a.direct


def test_english_reads_an_opening_mark_inside_a_quotation_as_before():
    text = "He said: “This is “bad” for us”, and left."
    assert quotes(text, quote_marks("en")) == ["“This is “bad”"]
