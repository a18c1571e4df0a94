"""Feedback on claim tags and paragraph roles: after the student checks, each tagged sentence or
paragraph says whether the teacher's key agrees, and why; sealed in a student copy."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import kit
from kit import KitError
from kit.classroom.ship_keys import ship_keys
from kit.reading.labels import claim_label_sets
from kit.reading.roles import body_paragraphs, load_roles
from kit.widgets.claim_tagger import ClaimTagger
from kit.widgets.paragraph_tagger import ParagraphTagger
from kit.work.store import Workspace
from kit.work.tag_keys import tag_answers, tag_key

ROOT = Path(__file__).resolve().parent.parent
SEED_ID = "000_8e915a2399968c01"


def test_the_seed_claim_key_gives_every_sentence_a_type_a_rating_and_a_reason(seed):
    answers = tag_answers(tag_key(seed, "claim"), seed, "claim")
    claims, worth = claim_label_sets(None)
    assert sorted(answers) == list(range(len(seed.sentences)))
    for a in answers.values():
        assert claims.get(a["claim"]) and worth.get(a["checkworthy"])
        assert len(a["why"].split()) >= 8
    # an announced plan is policy, not a prediction (issue 19)
    assert answers[3]["claim"] == "policy"


def test_the_seed_role_key_gives_every_body_paragraph_a_role_and_a_reason(seed):
    answers = tag_answers(tag_key(seed, "role"), seed, "role")
    assert sorted(answers) == [p.index for p in body_paragraphs(seed)]
    assert {a["role"] for a in answers.values()} <= set(load_roles().names)
    assert answers[body_paragraphs(seed)[0].index]["role"] == "lede"
    assert all(len(a["why"].split()) >= 5 for a in answers.values())


def test_checking_claim_tags_says_agree_or_what_the_key_says_and_why(tmp_path, seed):
    t = ClaimTagger(seed, workspace=Workspace("ana", seed, tmp_path))
    assert t.checkable and t.feedback == {}
    assert "Tag some sentences first" in t.check()
    t.set(3, claim="policy", checkworthy="minor")
    t.set(4, claim="event")
    said = t.check()
    assert "Checked 2 tagged sentences" in said and "same claim type for 1" in said
    assert set(t.feedback) == {"3", "4"}
    assert "You agree with the key: Policy" in t.feedback["3"]
    assert "announced plan" in t.feedback["3"]
    assert "You chose Event; the key says Opinion" in t.feedback["4"]
    assert "worth checking yet; the key says" in t.feedback["4"]
    t.set(4, claim="opinion")  # the feedback follows a change once checked
    assert "You agree with the key: Opinion" in t.feedback["4"]
    t.handle({"cmd": "check"})
    assert t.status["kind"] == "ok" and "Checked 2" in t.status["text"]


def test_no_check_button_without_a_key(tmp_path):
    shutil.copyfile(ROOT / "seeds" / f"{SEED_ID}.txt", tmp_path / "a.txt")
    article = kit.load_article(tmp_path / "a.txt")
    t = ClaimTagger(article, workspace=Workspace("ana", article, tmp_path / "w"))
    assert not t.checkable and "no claim key" in t.check()
    p = ParagraphTagger(Workspace("ana", article, tmp_path / "w"))
    assert p.check_button.layout.display == "none" and "no role key" in p.check()


def test_checking_roles_lists_each_tagged_paragraph_with_the_key_and_why(tmp_path, seed):
    p = ParagraphTagger(Workspace("ana", seed, tmp_path))
    assert p.check_button.layout.display != "none" and p.feedback.value == ""
    p.pickers[0].value = "lede"
    p.pickers[2].value = "detail"
    p.check_button.click()
    shown = p.feedback.value
    assert "same role for 1 of the 2 paragraphs" in shown
    assert "Paragraph 1:</strong> You agree with the key: lede." in shown
    assert "Paragraph 3:</strong> You chose detail; the key says quote." in shown
    assert "Paragraph 2:" not in shown
    p.pickers[2].value = "quote"
    assert "same role for 2 of the 2" in p.feedback.value


def _readable(value, out=None):
    """Every key and string of a sealed file except long unbroken blobs (ciphertext, salt)."""
    out = [] if out is None else out
    if isinstance(value, dict):
        for k, v in value.items():
            out.append(str(k))
            _readable(v, out)
    elif isinstance(value, list):
        for v in value:
            _readable(v, out)
    elif isinstance(value, str) and (" " in value or len(value) < 40):
        out.append(value)
    return out


@pytest.fixture
def student_copy(tmp_path):
    """The seed article in a student copy, with its sealed key (cheap scrypt: conftest)."""
    seeds = tmp_path / "copy" / "seeds"
    seeds.mkdir(parents=True)
    shutil.copyfile(ROOT / "seeds" / f"{SEED_ID}.txt", seeds / f"{SEED_ID}.txt")
    assert ship_keys(ROOT / "seeds", seeds, [SEED_ID]) == [f"keys/{SEED_ID}.sealed.json"]
    return seeds


def test_a_student_copy_gives_the_same_feedback_from_the_sealed_key(tmp_path, seed, student_copy):
    data = json.loads((student_copy / "keys" / f"{SEED_ID}.sealed.json").read_text())
    readable = " | ".join(_readable(data))  # not the sealed blobs, where letters fall at random
    assert "sources" in readable or "kinds" in readable
    for plain in ("announced plan", "lede", "policy", "The most important news first"):
        assert plain not in readable
    copy = kit.load_article(student_copy / f"{SEED_ID}.txt")
    mine = ClaimTagger(copy, workspace=Workspace("ana", copy, tmp_path / "w"))
    teacher = ClaimTagger(seed, workspace=Workspace("ana", seed, tmp_path / "t"))
    for t in (mine, teacher):
        t.set(0, claim="prediction")
        t.check()
    assert mine.checkable and mine.feedback == teacher.feedback
    assert "the key says Policy" in mine.feedback["0"]
    roles = ParagraphTagger(Workspace("ana", copy, tmp_path / "w"))
    roles.pickers[0].value = "quote"
    assert "You chose quote; the key says lede" in roles.check() + roles.feedback.value


def test_an_exam_copy_gets_no_tagging_key(tmp_path):
    assert ship_keys(ROOT / "seeds", tmp_path, [SEED_ID], exam=True) == []


def test_a_role_key_item_not_in_the_article_names_the_file(tmp_path, seed):
    folder = tmp_path / "seeds"
    (folder / "keys").mkdir(parents=True)
    shutil.copyfile(ROOT / "seeds" / f"{SEED_ID}.txt", folder / f"{SEED_ID}.txt")
    (folder / "keys" / f"{SEED_ID}.roles.yaml").write_text(
        "kind: role\nitems:\n  - quote: Not in the story\n    label: role:lede\n"
    )
    article = kit.load_article(folder / f"{SEED_ID}.txt")
    with pytest.raises(KitError) as e:
        tag_key(article, "role")
    assert "roles.yaml" in str(e.value) and "not in the article" in str(e.value)
