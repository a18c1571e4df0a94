"""Generated questions in correct English on any article (issue 15): complete, capitalised
questions, no clause spliced into "who said ...?", no broken possessives, quotation marks that
pair, on the seed and on 40 Wikinews articles with the kit's own detectors; and a read-through
sample of what the questions say, kept in tests/data/generated_questions_sample.md.

After a deliberate change to the wording, rewrite the sample and read the diff:
    PYTHONPATH=$PWD .venv/bin/python -m tests.test_quiz_wording
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

import kit
from kit.errors import KitError
from kit.quiz import phrasing
from kit.quiz.generate import generate, problems
from kit.quiz.model import Quiz
from kit.reading.claims import suggest
from kit.reading.sources import find_attributions
from tests.quiz_helpers import SEED_ARTICLE, right_answers
from tests.quiz_wording import quiz_problems, text_problems

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS = ROOT / "tests" / "data" / "wikinews"
SAMPLE = ROOT / "tests" / "data" / "generated_questions_sample.md"
#: The Wikinews articles of the read-through sample (news, a death, science, an interview).
SAMPLE_IDS = (
    "wikinews_2019_001",
    "wikinews_2019_015",
    "wikinews_2019_016",
    "wikinews_2019_019",
    "wikinews_2019_042",
    "wikinews_2019_082",
    "wikinews_2019_090",
)
CORPUS_ARTICLES = 40


# ---------------------------------------------------------------- the checker itself


@pytest.mark.parametrize(
    ("text", "role", "problem"),
    [
        # the three sentences of issue 15
        (
            "According to the article, who announced following the early release of stock, some "
            "stores can't run the Wednesday special?",
            "prompt",
            "spliced into the question",
        ),
        (
            "True or false: the article gives these as News.com.au report's exact words: “Stock "
            "ran out on Tuesday”.",
            "statement",
            "possessive without its determiner",
        ),
        (
            "It reports something that happened. Clues: 'Ukraine' is named, so you can look it "
            "up. no one else is named as its source: it is the reporter's own claim.",
            "explanation",
            "starts in lower case",
        ),
        # and the other ways a generated text went wrong
        ("who said the plans were real?", "prompt", "does not start with a capital"),
        ("Who said the plans were real", "prompt", "does not end with '?'"),
        (
            "According to the article, who said at a press conference the law must change?",
            "prompt",
            "spliced into the question",
        ),
        (
            "According to the article, who claimed sex was consensual; he denied it?",
            "prompt",
            "two sentences spliced",
        ),
        ("Who said these words: “We need this coalition.”?", "prompt", "full stop"),
        (
            "True or false: the article gives these as Ukrainian officials'' exact words.",
            "statement",
            "broken possessive",
        ),
        ("Clues: 'Kremlin’s' is named, so you can look it up.", "explanation", "broken possessive"),
        (
            "The article says: “He said there was “serious work ahead”.”",
            "explanation",
            "double quotation marks inside",
        ),
        ("Who said these words: “within 20 seconds, it exploded?", "prompt", "never closed"),
        ("Who said  these words?", "prompt", "doubled space"),
        ("The reporting words “” link these words to Steve Dasbach.", "explanation", "empty"),
        ("It rests on a figure.. Ask where it comes from.", "explanation", "doubled punctuation"),
        ("It rests on a figure", "explanation", "does not end with a full stop"),
        ("officials", "option", "does not start with a capital"),
    ],
)
def test_the_checker_catches_what_reads_badly(text, role, problem):
    found = text_problems(text, role)
    assert any(problem in p for p in found), found


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("According to the article, who said the plans were “real and substantial”?", "prompt"),
        (
            "According to the article, who said police arrested the accused, 36 minutes later?",
            "prompt",
        ),
        ("Who said these words in the article: “I can do it. I may do it”?", "prompt"),
        (
            "True or false: the article presents “Guardrails can only take so much.” as the exact "
            "words of the Interior Ministry.",
            "statement",
        ),
        (
            "What kind of claim does this sentence make: “Term limits offer a solution to the "
            "brokenness we see in Washington, D.C.”?",
            "prompt",
        ),
        (
            "It reports something that happened. Clues: “Ukraine’s” is named, so you can look it "
            "up; no one else is named as its source: it is the reporter's own claim.",
            "explanation",
        ),
        ("claimed", "word"),
        ("Ukrainian officials", "option"),
    ],
)
def test_the_checker_passes_good_english(text, role):
    assert text_problems(text, role) == []


# ---------------------------------------------------------------- the phrasing rules

NEWS = (
    "Police said the plans were real. Officials say police arrested a man. The Interior Ministry "
    "said so. Local officials said it. Ukrainian officials said it, and the Ukrainian army agreed."
)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("The plans were “real and substantial”", "the plans were “real and substantial”"),
        ("Police arrested the accused", "police arrested the accused"),  # "police" is a word
        (
            "Russian troops would mirror Ukraine's actions",
            "Russian troops would mirror Ukraine's actions",
        ),
        ("that he would host leaders of the coalition", "he would host leaders of the coalition"),
        ("following the early release of stock, some stores can't run the Wednesday special", None),
        ("at a press conference yesterday the gun laws should be changed", None),
        ("determine if it had performed as designed", None),
        ("came to support his fellow Yekaterinburgers", None),
        ("new church law to mandate", None),
        ("sex had been consensual; Redouane claimed sex was consensual", None),
        ("I won't be representing them any more", None),
        ("' Conference of the Philippines (CBCP)", None),
        ('the victims were "joyful girls starting out in life', None),  # the quote never closes
    ],
)
def test_a_reported_clause_reads_as_one_after_who_said(content, expected):
    assert phrasing.clause(content, phrasing.Casing(NEWS)) == expected


def test_a_name_that_is_also_a_word_keeps_its_capital():
    casing = phrasing.Casing("Red Hat moves to CentOS Stream. A stream of updates follows.")
    said = phrasing.clause("Stream was not the replacement for CentOS", casing)
    assert said == "Stream was not the replacement for CentOS"
    assert phrasing.clause("their leader to consider these well-founded solutions", casing) is None


def test_a_noun_phrase_is_asked_about_only_after_verbs_that_take_one():
    casing = phrasing.Casing(NEWS)
    assert phrasing.clause("any sexual activity", casing) is None
    assert phrasing.clause("any sexual activity", casing, object_ok=True) == "any sexual activity"


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("Volodymyr Zelensky", "named_person", "Volodymyr Zelensky"),
        ("Abdel Fattah el-Sisi", "named_person", "Abdel Fattah el-Sisi"),
        ("Texas federal judge", "named_person", None),
        ("Member", "named_person", None),
        ("Fifteen-year-old Robert", "named_person", None),
        ("Interior Ministry", "institution", "the Interior Ministry"),  # the article says "the"
        ("Emergency Situations Ministry", "institution", None),  # it never does
        ("Police", "institution", None),  # a word that began a sentence
        ("Local officials", "anonymous", "local officials"),
        ("Ukrainian officials", "anonymous", "Ukrainian officials"),
        ("Hospital officials", "anonymous", "hospital officials"),
        ("German government source", "anonymous", None),  # it would need "a"
        ("News.com.au report", "document", None),
    ],
)
def test_a_source_is_named_as_a_sentence_needs_it(name, kind, expected):
    assert phrasing.reference(name, kind, NEWS, phrasing.Casing(NEWS)) == expected


def test_quotations_are_nested_and_cut_at_a_sentence_end():
    assert phrasing.curly('He said "no" twice') == "He said “no” twice"
    assert phrasing.curly('"It exploded, he said') is None
    assert phrasing.unwrap('"within 15 seconds, it exploded') == "within 15 seconds, it exploded"
    said = "It's been a long, hard fight. I'm starting to see some of the fruits of it all."
    assert phrasing.excerpt(said, 10) == "It's been a long, hard fight."
    cut = phrasing.excerpt("I want to express my sympathy to the families of the victims", 8)
    assert cut == "I want to express my sympathy…"  # not "... sympathy to…"
    assert phrasing.excerpt("Mr. Smith met Dr. Jones in Washington, D.C. on Monday.", 20) == (
        "Mr. Smith met Dr. Jones in Washington, D.C. on Monday."
    )
    assert phrasing.end_question("in Washington, D.C.") == "in Washington, D.C."
    assert phrasing.end_question("it was ‘nowhere near enough.’") == "it was ‘nowhere near enough’"


def test_clues_name_a_claimant_only_when_the_name_reads_as_one():
    casing = phrasing.Casing(NEWS)
    reasons = [
        "'30 countries' is a number you could check",
        "'reported' shows it is Reuters's claim, not the reporter's",
        "'claim' shows it is Activists's claim, not the reporter's",
        "'important' is not in they's words: this judgement is the reporter's own",
    ]
    assert phrasing.clues(reasons, casing) == (
        "Clues: “30 countries” is a number you could check; “reported” shows the claim comes "
        "from Reuters, not from the reporter; “claim” shows the claim comes from Activists, not "
        "from the reporter."
    )


# ---------------------------------------------------------------- generated banks


@pytest.fixture(scope="module")
def seed_article():
    return kit.load_article(SEED_ARTICLE)


@pytest.mark.parametrize("seed", range(4))
def test_the_seed_quiz_reads_well(seed_article, seed):
    quiz = kit.generate_quiz(seed_article, seed=seed)
    assert quiz_problems(quiz) == []
    assert len(quiz) >= 8


@pytest.fixture(scope="module")
def corpus_articles(tmp_path_factory):
    """The first 40 Wikinews test articles, each in a one-article CSV file of its own, so that a
    bank saved beside it names it and `quiz check` can read it."""
    folder = tmp_path_factory.mktemp("articles")
    out = []
    for source in sorted(WIKINEWS.glob("subset_*.csv")):
        with source.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        for row in rows:
            if len(out) == CORPUS_ARTICLES:
                return out
            path = folder / f"{row['id']}.csv"
            with path.open("w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, fieldnames=list(row))
                writer.writeheader()
                writer.writerow(row)
            out.append(kit.load_article(path))
    return out


@pytest.fixture(scope="module")
def corpus_quizzes(corpus_articles):
    """Quizzes on the 40 articles with the kit's own source and claim detectors, two seeds each."""
    made = []
    for article in corpus_articles:
        found = find_attributions(article)
        claims = suggest(article, attributions=found)
        for seed in (0, 1):
            try:
                made.append(generate(article, seed=seed, attributions=found, claims=claims))
            except KitError:
                pass
    return made


def test_every_generated_text_reads_well_on_40_wikinews_articles(corpus_quizzes):
    assert len({q.article_id for q in corpus_quizzes}) >= 30
    found = [f"{q.article_id} {line}" for q in corpus_quizzes for line in quiz_problems(q)]
    assert found == []


def test_enough_questions_remain_after_the_bad_ones_are_skipped(corpus_quizzes):
    counts = [len(q) for q in corpus_quizzes if q.questions]
    assert sum(counts) / len(counts) >= 5
    assert sum(1 for n in counts if n >= 4) >= 0.8 * len(counts)
    kinds = {q.id.rsplit("-", 1)[0] for quiz in corpus_quizzes for q in quiz.questions}
    assert {"who-said", "unnamed-source", "find-unnamed", "direct-quote", "claim-type"} <= kinds


def test_generated_banks_are_answerable_and_pass_quiz_check(corpus_quizzes, tmp_path):
    for quiz in corpus_quizzes[::2]:
        assert problems(quiz) == [], quiz.article_id
        assert quiz.grade(right_answers(quiz)).total == quiz.max_points
        folder = Path(quiz.article.path).parent
        bank = quiz.save(folder / f"{quiz.id}.quiz.yaml")
        assert kit.check_quiz(bank) == [], quiz.article_id
        assert Quiz.from_file(bank).questions == quiz.questions


# ---------------------------------------------------------------- the read-through sample


def sample_text() -> str:
    """What the generated questions say on the seed and seven Wikinews articles (seed 0)."""
    articles = [kit.load_article(SEED_ARTICLE)]
    loaded = kit.load_articles(sorted(WIKINEWS.glob("subset_*.csv"))).articles
    by_id = {a.id: a for a in loaded}
    articles += [by_id[i] for i in SAMPLE_IDS]
    lines = [
        "# Generated questions: a read-through sample",
        "",
        "What `kit.generate_quiz(article, seed=0)` writes on the seed article and seven Wikinews",
        "articles (CC BY 2.5), with the kit's own source and claim detectors. The right option is",
        "marked **(right)**. `tests/test_quiz_wording.py` regenerates this file and fails when",
        "it differs: read the diff, then rewrite it with",
        "`PYTHONPATH=$PWD .venv/bin/python -m tests.test_quiz_wording`.",
    ]
    for article in articles:
        quiz = kit.generate_quiz(article, seed=0)
        lines += ["", f"## {article.id}: {article.title}", ""]
        for n, q in enumerate(quiz.questions, 1):
            lines.append(f"{n}. `{q.id}` {q.prompt}")
            if q.type == "truefalse":
                lines.append(f"   - answer: {'true' if q.answer else 'false'}")
            elif q.type == "find":
                lines.append(f"   - answer: {len(q.answer)} sentence(s), first: {q.answer[0]}")
            for i, option in enumerate(q.options):
                lines.append(f"   - {option}" + (" **(right)**" if i in q.answer else ""))
            lines.append(f"   - *Explanation:* {q.explanation}")
    return "\n".join(lines) + "\n"


def test_the_read_through_sample_is_up_to_date():
    assert SAMPLE.exists(), "write it: PYTHONPATH=$PWD .venv/bin/python -m tests.test_quiz_wording"
    assert SAMPLE.read_text(encoding="utf-8") == sample_text(), (
        "the generated questions changed: read the difference, then rewrite the sample with "
        "PYTHONPATH=$PWD .venv/bin/python -m tests.test_quiz_wording"
    )


def test_the_sample_holds_enough_questions_to_read():
    text = SAMPLE.read_text(encoding="utf-8")
    assert text.count("\n## ") == 8
    assert sum(1 for line in text.splitlines() if line[:1].isdigit()) >= 60


if __name__ == "__main__":
    SAMPLE.write_text(sample_text(), encoding="utf-8")
    sys.stdout.write(f"wrote {SAMPLE.relative_to(ROOT)}\n")
