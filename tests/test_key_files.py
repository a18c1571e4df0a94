"""Finding an article's answer key: by its name, or by what it says inside when the teacher saved
or renamed it under another name; two keys for one article are a question, never a silent pick."""

from __future__ import annotations

import json
import shutil

import pytest

import kit
from kit.work.keys import answer_key
from tests import classroom_helpers as h
from tests.kit_command import run_kit

KEY = """\
article: {article}
items:
  - quote: Downing Street
    label: Institution
    hint: {hint}
"""


@pytest.fixture
def seeds(seed_folder):
    return seed_folder


def write_key(path, article_id=h.ARTICLE_ID, hint="Who would not say?"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(KEY.format(article=article_id, hint=hint), encoding="utf-8")
    return path


def test_a_key_saved_under_the_articles_title_is_found_by_what_it_says_inside(seeds):
    article = kit.load_article(seeds / f"{h.ARTICLE_ID}.txt")
    write_key(seeds / "Ukraine to host talks.key.yaml")
    key = kit.answer_key(article)
    assert key is not None and key.name == "the key (Ukraine to host talks.key.yaml)"
    assert [(i.exact, i.hint) for i in key.items] == [("Downing Street", "Who would not say?")]
    fb = kit.compare(kit.work.store.MemoryWorkspace(article), key)
    assert fb.messages[0] == "You found 0 of the 1 source."


def test_a_renamed_key_in_keys_is_found_work_file_or_yaml(seeds, tmp_path):
    article = kit.load_article(seeds / f"{h.ARTICLE_ID}.txt")
    h.make_seeds(tmp_path / "made")  # the widgets' key: a work file naming its article inside
    shutil.copyfile(tmp_path / "made" / "keys" / f"{h.ARTICLE_ID}.json", seeds / "mine.json")
    (seeds / "keys").mkdir()
    (seeds / "mine.json").rename(seeds / "keys" / "teacher copy.json")
    key = answer_key(article)
    assert key is not None and key.name == "the key (teacher copy.json)" and len(key) == 3
    # a work file that names no article is known by the fingerprint of the text it was made on
    doc = json.loads((seeds / "keys" / "teacher copy.json").read_text())
    doc.pop("article_id")
    (seeds / "keys" / "teacher copy.json").write_text(json.dumps(doc))
    assert len(answer_key(article)) == 3


def test_keys_for_other_articles_the_taggers_keys_and_sealed_keys_are_not_taken(seeds):
    article = kit.load_article(seeds / f"{h.ARTICLE_ID}.txt")
    write_key(seeds / "other story.key.yaml", article_id="another_article")
    write_key(seeds / "keys" / "claims for it.claims.yaml")  # the claim tagger's key
    (seeds / "keys" / "x.sealed.json").write_text(
        json.dumps({"format": "kit-sealed-key/1", "article": h.ARTICLE_ID})
    )
    (seeds / "keys" / "broken.yaml").write_text("article: [unclosed\n")
    write_key(seeds / "no article line.key.yaml").write_text(
        "items:\n  - quote: Downing Street\n    label: Institution\n"
    )
    assert answer_key(article) is None


def test_two_keys_for_one_article_are_a_kit_error_naming_both_and_how_to_choose(seeds):
    article = kit.load_article(seeds / f"{h.ARTICLE_ID}.txt")
    named = write_key(seeds / f"{h.ARTICLE_ID}.key.yaml", hint="the kit's draft")
    renamed = write_key(seeds / "My reviewed key.key.yaml", hint="the teacher's")
    with pytest.raises(kit.KitError) as e:
        kit.answer_key(article)
    said = e.value.message
    assert str(named) in said and str(renamed) in said and "two answer keys" in said
    assert f'kit.load_key("{named}", article)' in said and "move the other" in said
    assert kit.load_key(renamed, article).items[0].hint == "the teacher's"  # the way it gives
    renamed.unlink()
    assert kit.answer_key(article).items[0].hint == "the kit's draft"


def test_a_draft_saved_beside_the_reviewed_key_as_the_kit_suggests_is_not_a_second_key(seeds):
    article = kit.load_article(seeds / f"{h.ARTICLE_ID}.txt")
    reviewed = write_key(seeds / "keys" / f"{h.ARTICLE_ID}.yaml", hint="the reviewed one")
    # save_key keeps a reviewed key and offers keys/<id>.draft.yaml for the draft instead
    write_key(seeds / "keys" / f"{h.ARTICLE_ID}.draft.yaml", hint="a draft")
    assert kit.answer_key(article).items[0].hint == "the reviewed one"
    reviewed.unlink()  # a draft alone is still not the key until it is renamed
    assert kit.answer_key(article) is None


def test_two_keys_named_for_the_article_are_a_question_too(seeds, tmp_path):
    article = kit.load_article(seeds / f"{h.ARTICLE_ID}.txt")
    h.make_seeds(tmp_path / "made")
    shutil.copytree(tmp_path / "made" / "keys", seeds / "keys")
    write_key(seeds / "keys" / f"{h.ARTICLE_ID}.claims.yaml")  # the claim tagger's: left aside
    assert len(answer_key(article)) == 3  # keys/<id>.json alone
    write_key(seeds / f"{h.ARTICLE_ID}.key.yaml")
    with pytest.raises(kit.KitError, match="two answer keys"):
        answer_key(article)


def test_kit_exercise_says_when_the_article_already_has_a_key_under_another_name(seeds):
    write_key(seeds / "Ukraine talks (reviewed).key.yaml")
    out = run_kit("exercise", str(seeds / f"{h.ARTICLE_ID}.txt"))
    assert out.returncode == 0, out.stderr
    assert "Ukraine talks (reviewed).key.yaml is a key for this article too" in out.stderr
    assert "keep only one" in out.stderr
