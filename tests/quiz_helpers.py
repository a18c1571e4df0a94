"""Shared data for the quiz tests: the seed article's attributions and claims, built by hand.

These stand in for kit.reading.sources.find_attributions and kit.reading.claims.suggest while
those were being written, so generation can be tested on exact, known records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kit.articles.article import Article
from kit.articles.segment import Span
from kit.reading.sources import Attribution

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "000_8e915a2399968c01.txt"
SEED_BANK = SEEDS / "000_8e915a2399968c01.quiz.yaml"

#: A bank with every question type (format with article=<path of the seed article>).
TYPES_BANK = """
title: Every type
article: {article}
settings:
  attempts: 2
questions:
  - id: pick-one
    type: single
    prompt: Who said the plans were "real and substantial"?
    options: [Keir Starmer, John Healey, Volodymyr Zelensky]
    answer: John Healey
    feedback: [Not Starmer, Yes - Healey, ~]
    feedback_wrong: Look near the end of the first part.
    explanation: Healey said it in Brussels.
  - id: pick-many
    type: multiple
    prompt: Which are named?
    options: [Volodymyr Zelensky, Ukrainian officials, John Healey, Downing Street]
    answer: [0, 2, 3]
    points: 3
  - id: yes-no
    type: truefalse
    prompt: The article says whether Starmer will attend.
    answer: false
    feedback: {{"true": "Read it again", "false": "Right"}}
  - id: type-it
    type: text
    prompt: Which office would not confirm?
    answers: [Downing Street, No 10]
    feedback: {{Keir Starmer: He is who they were asked about.}}
  - id: strict
    type: text
    prompt: Which city hosted the summit?
    answers: [Oslo]
  - id: no-slips
    type: text
    prompt: Who hosted a meeting in Brussels?
    answers: [John Healey]
    tolerance: 0
  - id: select-it
    type: find
    prompt: Find the sentence in which an unnamed source makes a claim.
    answer: >-
      But his forces have continued offensive operations along the front line as well as air
      strikes on residential areas, according to Ukrainian officials.
    points: 2
  - id: count-it
    type: number
    prompt: How many countries?
    answer: 30
    feedback: {{"72": "That is the ceasefire, in hours."}}
  - id: range-it
    type: number
    prompt: Give pi to two places.
    ranges: [[3.14, 3.15]]
    precision: 2
"""


def span_of(article: Article, fragment: str | None, after: str = "") -> Span | None:
    """The span of `fragment` in the article (first occurrence after `after`)."""
    if fragment is None:
        return None
    base = article.text.index(after) if after else 0
    start = article.text.index(fragment, base)
    return Span(start, start + len(fragment))


# (sentence anchor, cue, source, content, speaker, source_type, direct, stance)
_SEED_RECORDS = [
    ("Ukraine to host", "says", "Zelensky", "Ukraine to host ‘coalition of the willing’ talks",
     "Volodymyr Zelensky", "named_person", False, "neutral"),
    ("Leaders of the so-called", "has said", "Volodymyr Zelensky",
     "Leaders of the so-called “coalition of the willing” are set to travel to Ukraine for "
     "further talks", "Volodymyr Zelensky", "named_person", False, "neutral"),
    ("The Ukrainian president said", "said", "The Ukrainian president",
     "he would host leaders of the coalition the following day", "Volodymyr Zelensky",
     "named_person", False, "neutral"),
    ("He said there was", "said", "He", "there was “serious work ahead”", "Volodymyr Zelensky",
     "named_person", False, "neutral"),
    ("He said there was", "adding", None,
     "“We need this coalition and we need it to be strong enough to guarantee security the way "
     "we all agree on.”", "Volodymyr Zelensky", "named_person", True, "neutral"),
    ("The coalition has been", "would not confirm", "Downing Street",
     "whether Sir Keir Starmer planned to attend Saturday’s meeting", None, "institution", False,
     "neutral"),
    ("Sir Keir was present", "told", "Sir Keir",
     "the “absolute focus” of leaders was on supporting Ukraine", "Keir Starmer", "named_person",
     False, "neutral"),
    ("Last month", "said", "Defence Secretary John Healey",
     "the plans were “real and substantial”", "John Healey", "named_person", False, "neutral"),
    ("But his forces", "according to", "Ukrainian officials",
     "But his forces have continued offensive operations along the front line as well as air "
     "strikes on residential areas", None, "anonymous", False, "neutral"),
    ("Moscow has also", "accused", "Moscow", "Kyiv of breaching the unilateral ceasefire", None,
     "institution", False, "neutral"),
    ("Moscow has also", "claimed", None, "Russian troops would “mirror” Ukraine’s actions",
     "Moscow", "institution", False, "doubt"),
    ("Meanwhile, Mr Putin", "saying", None,
     "the “brotherhood of arms between our peoples” was “one of the fundamental foundations of "
     "modern Russian-Chinese relations”", "Vladimir Putin", "named_person", False, "neutral"),
]  # fmt: skip


def seed_attributions(article: Article) -> list[Attribution]:
    """The attributions in the seed article, as a careful reader marks them."""
    out = []
    for anchor, cue, source, content, speaker, kind, direct, stance in _SEED_RECORDS:
        out.append(
            Attribution(
                cue=span_of(article, cue, anchor),
                source=span_of(article, source, anchor),
                content=span_of(article, content, anchor),
                speaker=speaker,
                source_type=kind,
                direct=direct,
                stance=stance,
            )
        )
    return out


@dataclass(frozen=True)
class Suggestion:
    """Stands in for kit.reading.claims suggestions (span, type, checkworthy, claimant, reasons)."""

    span: Span
    type: str
    checkworthy: str = "yes"
    claimant: str | None = None
    reasons: tuple[str, ...] = field(default=())


_SEED_CLAIMS = [
    ("Leaders of the so-called", "prediction", ("'are set to' looks ahead",)),
    ("Military officers from around 30 countries have been involved in drawing up plans for the "
     "coalition which", "event", ()),
    ("But prospects for a truce", "opinion", ("'remain distant' is a judgement",)),
    ("Russian President Vladimir Putin declared", "event", ("'declared ... on Thursday'",)),
    ("China has provided", "event", ()),
]  # fmt: skip


def seed_claims(article: Article) -> list[Suggestion]:
    """Claim suggestions for a few sentences of the seed article."""
    out = []
    for start_text, kind, reasons in _SEED_CLAIMS:
        start = article.text.index(start_text)
        sentence = article.sentence_at(start)
        assert sentence is not None
        out.append(Suggestion(Span(sentence.start, sentence.end), kind, reasons=reasons))
    return out


def types_quiz(folder: Path):
    """The every-type bank, written to `folder` and loaded."""
    from kit.quiz.model import Quiz

    path = folder / "types.quiz.yaml"
    path.write_text(TYPES_BANK.format(article=SEED_ARTICLE.resolve()), encoding="utf-8")
    return Quiz.from_file(path)


def right_answers(quiz) -> dict:
    """A response that is right for every question of a teacher's bank."""
    out: dict = {}
    for q in quiz.questions:
        if q.type == "single":
            out[q.id] = q.answer[0]
        elif q.type == "multiple":
            out[q.id] = list(q.answer)
        elif q.type == "truefalse":
            out[q.id] = q.answer
        elif q.type == "text":
            out[q.id] = q.answer[0]
        elif q.type == "number":
            out[q.id] = q.answer[0] if q.answer else q.ranges[0][0]
        else:
            out[q.id] = list(quiz.answer_spans(q)[0])
    return out


def secrets_of(quiz) -> list[str]:
    """Everything in a teacher's bank that would give an answer away, minus what is public.

    Public: the title, prompts, options and hints, which a student sees anyway.
    """
    public = " ".join(
        [quiz.title, quiz.description]
        + [q.prompt for q in quiz.questions]
        + [o for q in quiz.questions for o in q.options]
        + [q.hint for q in quiz.questions]
    ).casefold()
    found: list[str] = []
    for q in quiz.questions:
        found += [q.explanation, q.feedback_wrong]
        if q.type in ("text", "find"):
            found += list(q.answer)
        if q.type == "number":
            found += list(q.answer) + [b for r in q.ranges for b in r]
        for item in q.feedback:
            if isinstance(item, tuple):
                found += list(item)
            elif item:
                found.append(item)
    return [s for s in dict.fromkeys(found) if s and s.casefold() not in public]
