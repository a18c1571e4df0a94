"""Who is speaking: attributions (cue, source, content) found in an article.

Pure-Python rules over words and quotation marks; no model, no network. This module is the public
face. An article in another language than English is read by kit.reading.cue_rules from its
language's data folder (kit/data/de/); the English rules live in modules of their own, in the
order they run on an article:

- `source_words`: the word lists, read once from kit/data (`reporting_cues.yaml` for the reporting
  verbs and phrases with their stance, `source_words.yaml` for titles, institutions, outlets,
  anonymous and document words, `source_rule_words.yaml` for the small words the rules step over);
- `quotes` and `tokens`: quotations are found first (straight and curly, nested, over several
  sentences; a paragraph that opens a quotation without closing it goes on in the next paragraph
  that opens one), and the text is cut into tokens and sentences (`ArticleText`);
- `people`: people are tracked through the text (names, titles, roles), so "He", "Mr Putin" and
  "The Ukrainian president" resolve to a full name;
- `cues`: the reporting words ("said", "according to") and what the words around one say;
- `noun_phrases`: each cue word outside a quotation is tied to a noun phrase: the one before it
  ("Downing Street would not confirm"), after it ("..., says Zelensky"; "according to officials";
  "as reported by Reuters"), or the subject of the clause it continues (", adding: ...");
- `source_types`: what kind of source that phrase is, and whom it names (`source_history`: the
  sources found so far, for "they" and "the ministry");
- `attribution`: the content is the quotation or clause after the cue, or before it when nothing
  follows; `Attributor.run` does the whole article.
"""

from __future__ import annotations

from kit.articles.article import Article, article_from_text
from kit.reading.attribution import Attribution, Attributor
from kit.reading.cue_rules import find_with_rules
from kit.reading.language_data import has_rules, language_data
from kit.reading.loose_sources import not_reports

__all__ = [
    "SOURCE_LEGEND",
    "SOURCE_TYPES",
    "STANCES",
    "TYPE_NAMES",
    "Attribution",
    "describe",
    "find_attributions",
    "reads_language",
]


SOURCE_TYPES = (
    "named_person",
    "institution",
    "anonymous",
    "document",
    "other_outlet",
    "social_post",
    "unknown",
)
STANCES = ("neutral", "doubt", "emphasis", "concession")


def find_attributions(article_or_text: Article | str) -> list[Attribution]:
    """Every attribution in the article (or text), in text order.

    English is read by its own rules; a language with a data folder (kit/data/de/) by the rules
    of kit.reading.cue_rules over that data; a language with neither gets none (`reads_language`
    says which), never English rules on another language's text.
    """
    article = (
        article_or_text
        if isinstance(article_or_text, Article)
        else article_from_text(article_or_text)
    )
    if not article.text.strip():
        return []
    if article.language == "en":
        return not_reports(article.text, Attributor(article).run())
    if has_rules(article.language):
        return find_with_rules(article, language_data(article.language))
    return []


def reads_language(language: str) -> bool:
    """Can the kit find sources in this language (English, or a folder of data in kit/data)?"""
    return language == "en" or has_rules(language)


# ------------------------------------------------------------------------------ display helpers

SOURCE_LEGEND = (
    ("source", "who is speaking (source)"),
    ("cue", "reporting word (cue)"),
    ("quote", "quoted words (direct)"),
    ("paraphrase", "reported in the writer's words"),
)
TYPE_NAMES = {
    "named_person": "named person",
    "institution": "institution",
    "anonymous": "unnamed source",
    "document": "document",
    "other_outlet": "other news outlet",
    "social_post": "social media post",
    "unknown": "unclear",
}


def describe(a: Attribution) -> str:
    """One line about an attribution for a tooltip: speaker, source type, quote or paraphrase,
    stance."""
    who = a.speaker or "unknown speaker"
    how = "direct quote" if a.direct else "paraphrase"
    stance = f"stance: {a.stance}" if a.cue is not None else "no reporting word"
    return f"{who} ({TYPE_NAMES.get(a.source_type, a.source_type)}) · {how} · {stance}"
