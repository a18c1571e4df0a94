"""The practice articles' answer keys and quiz banks, and the course quiz banks: all load clean."""

from pathlib import Path

import pytest

from kit import load_article
from kit.classroom.course import load_course, seed_files
from kit.cli import main as cli

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PRACTICE = SEEDS / "practice"
#: The practice texts with an answer key: the four Millbrook texts and the capstone's.
ARTICLES = sorted(p for p in PRACTICE.glob("*.md") if p.with_name(f"{p.stem}.key.yaml").is_file())
#: Prepared cards for checking offline (lesson 8): no key, a quiz bank each.
CARD_SETS = ["millbrook_media_checks", "millbrook_voice_checks"]
SOURCE_TYPES = set(
    "named_person institution anonymous document other_outlet social_post unknown".split()
)
CLAIM_TYPES = {"event", "number", "policy", "cause", "prediction", "opinion", "not_a_claim"}


def test_the_practice_texts_each_have_a_key_and_a_quiz_bank():
    assert [a.stem for a in ARTICLES] == [
        "capstone_focusbar",
        "millbrook_fire_service", "millbrook_partisan", "millbrook_statement", "millbrook_wire",
    ]  # fmt: skip
    found = seed_files(SEEDS)
    for a in ARTICLES:
        assert a in found.articles
        assert a.with_name(f"{a.stem}.key.yaml") in found.keys
        assert a.with_name(f"{a.stem}.quiz.yaml") in found.banks
    for name in CARD_SETS:
        assert PRACTICE / f"{name}.md" in found.articles
        assert PRACTICE / f"{name}.quiz.yaml" in found.banks


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_practice_key_anchors_every_item_in_its_article(path):
    from kit.work import keys as feedback

    article = load_article(path)
    key = feedback.load_key(path.with_name(f"{path.stem}.key.yaml"), article)
    assert key.article_id == article.id
    sources = [i for i in key.items if i.tag("source")]
    claims = [i for i in key.items if i.tag("claim")]
    assert sources, "the key names at least one source"
    assert {i.tag("source") for i in sources} <= SOURCE_TYPES
    assert {i.tag("claim") for i in claims} <= CLAIM_TYPES
    # claims: one item per sentence, each the whole sentence, each rated for checking
    assert [(i.start, i.end) for i in claims] == [(s.start, s.end) for s in article.sentences]
    assert all(i.tag("checkworthy") in {"yes", "minor", "no"} for i in claims)
    for item in key.items:
        assert article.text[item.start : item.end] == item.exact


def test_the_anonymous_sources_are_in_the_keys():
    from kit.work import keys as feedback

    anonymous = {}
    for path in ARTICLES:
        article = load_article(path)
        key = feedback.load_key(path.with_name(f"{path.stem}.key.yaml"), article)
        anonymous[article.id] = [i.exact for i in key.items if i.tag("source") == "anonymous"]
    assert "A council official" in anonymous["millbrook_wire"]
    assert "A source inside the council" in anonymous["millbrook_partisan"]
    assert anonymous["millbrook_statement"] == []


BANKS = sorted(PRACTICE.glob("*.quiz.yaml")) + sorted(SEEDS.glob("*.quiz.yaml"))


@pytest.mark.parametrize("bank", BANKS, ids=lambda p: p.name)
def test_quiz_bank_checks_clean(bank, capsys):
    assert cli(["quiz", "check", str(bank)]) == 0, capsys.readouterr()


@pytest.mark.parametrize("path", sorted(PRACTICE.glob("*.quiz.yaml")), ids=lambda p: p.name)
def test_practice_quiz_bank_has_four_to_six_questions_each_explained(path):
    from kit.quiz.model import load_quiz

    quiz = load_quiz(path)
    assert 4 <= len(quiz.questions) <= 6
    assert all(q.explanation for q in quiz.questions)


def test_exit_quiz_covers_the_course_in_ten_to_twelve_explained_questions():
    from kit.quiz.model import load_quiz

    quiz = load_quiz(SEEDS / "exit_quiz.quiz.yaml")
    assert quiz.id == "exit_quiz"
    assert 10 <= len(quiz.questions) <= 12
    assert all(q.explanation for q in quiz.questions)


def test_every_quiz_step_in_the_course_has_a_bank_in_seeds():
    ids = {}
    from kit.quiz.model import load_quiz

    for bank in seed_files(SEEDS).banks:
        ids[load_quiz(bank).id] = bank
    for bank_id in load_course().quiz_banks:
        assert bank_id in ids, f"no bank with id {bank_id} in seeds/"
