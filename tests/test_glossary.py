"""Reading support: the article view lists the hard words the article uses, with what they mean."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import kit
from kit import KitError
from kit.views.glossary import terms_in

ROOT = Path(__file__).resolve().parent.parent
HARD = ("unilateral", "counterparts", "Joint Expeditionary Force", "Kremlin", "Downing Street")


def test_the_seed_articles_hard_words_are_explained_below_it(seed):
    html = kit.show_article(seed).html
    assert 'class="kit-glossary"' in html and "<dl" in html
    for word in HARD:
        assert f"<dfn>{word}</dfn>" in html
    assert "Done by one side alone" in html  # unilateral


def test_terms_are_listed_in_the_order_the_article_uses_them_once_each(seed):
    found = [t.term for t in terms_in(seed)]
    assert len(found) == len(set(found)) >= 15
    starts = [t.start for t in terms_in(seed)]
    assert starts == sorted(starts)
    assert found.index("Joint Expeditionary Force") < found.index("unilateral")
    assert "evacuation" not in found  # a word of the practice glossary the seed never uses


def test_glossary_can_be_turned_off_or_taken_from_another_file(seed, tmp_path):
    assert "kit-glossary" not in kit.show_article(seed, glossary=False).html
    mine = tmp_path / "g.yaml"
    mine.write_text("terms:\n  Oslo: The capital of Norway.\n")
    html = kit.show_article(seed, glossary=mine).html
    assert "<dfn>Oslo</dfn>" in html and "<dfn>Kremlin</dfn>" not in html


def test_glossary_text_is_escaped_and_plurals_and_case_are_found(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\nStandfirst\nTwo CEASEFIRES <b> were agreed.\n")
    (tmp_path / "glossary.yaml").write_text(
        "terms:\n  ceasefire: '<img src=x onerror=alert(1)> a pause'\n  b: bold\n"
    )
    article = kit.load_article(tmp_path / "a.txt")
    html = kit.show_article(article).html
    assert "<dfn>CEASEFIRES</dfn>" in html
    assert "<img" not in html and "&lt;img src=x" in html


def test_an_article_without_a_glossary_shows_none(tmp_path):
    shutil.copyfile(ROOT / "seeds" / "000_8e915a2399968c01.txt", tmp_path / "a.txt")
    assert "kit-glossary" not in kit.show_article(kit.load_article(tmp_path / "a.txt")).html


@pytest.mark.parametrize(
    ("text", "said"),
    [("- a\n", "no 'terms:'"), ("terms:\n  word:\n", "'word' has no definition")],
)
def test_a_broken_glossary_names_the_file_and_the_fix(tmp_path, seed, text, said):
    bad = tmp_path / "glossary.yaml"
    bad.write_text(text)
    with pytest.raises(KitError) as e:
        terms_in(seed, bad)
    assert said in str(e.value) and "glossary.yaml" in str(e.value)


def test_release_ships_the_glossary_and_obscured_model_answers_exam_neither_answers(tmp_path):
    from kit.classroom.release import release

    for exam in (False, True):
        out = tmp_path / ("exam" if exam else "practice")
        report = release(
            out, notebooks=ROOT / "notebooks", seeds=ROOT / "seeds", lessons=["01"], exam=exam
        )
        seeds = report.folder / "seeds"
        assert (seeds / "glossary.yaml").read_text() == (ROOT / "seeds/glossary.yaml").read_text()
        assert bool(report.answers) is not exam
        assert (seeds / "answers" / "lesson1.yaml").is_file() is not exam
