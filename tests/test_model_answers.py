"""Feedback on written answers: a model answer and a checklist once the answer is saved, a word
on the option chosen; obscured in a practice copy, left out of an exam copy."""

from __future__ import annotations

import ast
import json
import re
import shutil
from pathlib import Path

import pytest

from kit import KitError
from kit.articles.article import load_article
from kit.classroom.course import load_course
from kit.classroom.release import check_release
from kit.quiz.written import load_answers, model_answer, release_answers
from kit.widgets.writing import ChoiceAnswer, WrittenAnswer
from kit.work.store import Workspace

ROOT = Path(__file__).resolve().parent.parent
CALL = re.compile(r"kit\.(write|choose)\(\s*\"([^\"]+)\"")


def _prompts() -> list[tuple[str, str, str]]:
    out = []
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(nb.read_text())["cells"]:
            if cell["cell_type"] == "code":
                for kind, key in CALL.findall("".join(cell["source"])):
                    out.append((nb.name, kind, key))
    return out


def test_every_written_prompt_and_choice_of_the_lessons_has_feedback(seed):
    prompts = _prompts()
    assert len(prompts) >= 30
    # every lesson of the course, 00 to 10, is read, and each lesson saves under its own number
    notebooks = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
    assert {f"{le.id}_" for le in load_course().lessons} == {n[:3] for n in notebooks}
    assert {n[:2] for n, _, _ in prompts} == {f"{i:02d}" for i in range(1, 11)}, (
        "a lesson has no prompt"
    )
    for name, _, key in prompts:
        assert key.startswith(f"lesson{int(name[:2])}."), f"{name} saves '{key}'"
    missing = [p for p in prompts if model_answer(p[2], seed.path) is None]
    assert not missing, f"no model answer in seeds/answers/ for {missing}"
    for _, kind, key in prompts:
        found = model_answer(key, seed.path)
        assert found.model, key
        if kind == "write":
            assert found.checklist, f"{key}: a written prompt needs a checklist"


def test_every_option_of_the_lessons_choices_has_a_word_of_feedback(seed):
    choices = 0
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(nb.read_text())["cells"]:
            if cell["cell_type"] != "code" or "kit.choose(" not in "".join(cell["source"]):
                continue
            for node in ast.walk(ast.parse("".join(cell["source"]))):
                if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "choose":
                    key, _, options = (ast.literal_eval(a) for a in node.args[:3])
                    found = model_answer(key, seed.path)
                    assert all(found.on_option(o) for o in options), (nb.name, key)
                    choices += 1
    assert choices >= 2


def test_the_model_answer_waits_until_an_answer_is_saved_then_shows_with_its_checklist(
    tmp_path, seed
):
    w = WrittenAnswer(Workspace("ana", seed, tmp_path), "lesson2.who", "Who?")
    assert w.compare.disabled and w.feedback.value == ""
    w._reveal()
    assert w.feedback.value == ""  # nothing written: nothing shown
    w.box.value = "Zelensky"
    assert not w.compare.disabled
    w.compare.click()
    shown = w.feedback.value
    assert "A model answer" in shown and "Volodymyr Zelensky, Ukraine" in shown
    assert "Check your answer" in shown and "<li>It names the main people" in shown
    w.box.value = "  "
    assert w.compare.disabled and w.feedback.value == ""


def test_a_saved_answer_offers_its_model_answer_when_the_cell_runs_again(tmp_path, seed):
    Workspace("ana", seed, tmp_path).set_response("lesson2.who", "Zelensky")
    w = WrittenAnswer(Workspace("ana", seed, tmp_path), "lesson2.who", "Who?")
    assert not w.compare.disabled
    w.compare.click()
    assert "A model answer" in w.feedback.value


def test_a_prompt_without_a_model_answer_shows_no_button(tmp_path, seed):
    w = WrittenAnswer(Workspace("ana", seed, tmp_path), "lesson8.unknown", "?")
    assert w.model is None and w.compare.layout.display == "none"


def test_a_choice_gets_a_word_on_the_option_chosen_and_the_model_answer(tmp_path, seed):
    options = ["News report", "Opinion", "Press release", "Analysis", "Advert"]
    c = ChoiceAnswer(Workspace("ana", seed, tmp_path), "lesson1.kind", "Kind?", options)
    assert c.feedback.value == ""
    c.choice.value = "Opinion"
    assert "Not this time" in c.feedback.value and "A model answer" in c.feedback.value
    c.choice.value = "News report"
    assert "Not this time" not in c.feedback.value and "Yes. Nearly every" in c.feedback.value
    again = ChoiceAnswer(Workspace("ana", seed, tmp_path), "lesson1.kind", "Kind?", options)
    assert "Yes. Nearly every" in again.feedback.value


def _seeds_with(tmp_path: Path, text: str) -> Path:
    seeds = tmp_path / "seeds"
    (seeds / "answers").mkdir(parents=True)
    shutil.copyfile(ROOT / "seeds" / "000_8e915a2399968c01.txt", seeds / "a.txt")
    (seeds / "answers" / "l1.yaml").write_text(text, encoding="utf-8")
    return seeds


def test_teachers_text_is_escaped(tmp_path):
    seeds = _seeds_with(
        tmp_path,
        "q:\n  model: <img src=x onerror=alert(1)>\n  checklist: ['<script>x</script>']\n",
    )
    article = load_article(seeds / "a.txt")
    w = WrittenAnswer(Workspace("ana", article, tmp_path / "work"), "q", "Q")
    w.box.value = "mine"
    w.compare.click()
    assert "<img" not in w.feedback.value and "<script>" not in w.feedback.value
    assert "&lt;img src=x" in w.feedback.value


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("q: just text\n", "'q' should have 'model:'"),
        ("q:\n  modle: x\n", "'modle'"),
        ("q:\n  model: ''\n", "'q': model should be some text"),
        ("q:\n  model: x\n  checklist: one\n", "checklist should be a list"),
        ("- a\n", "should map response keys"),
    ],
)
def test_a_broken_answers_file_names_the_file_and_the_fix(tmp_path, text, said):
    seeds = _seeds_with(tmp_path, text)
    with pytest.raises(KitError) as e:
        load_answers(seeds / "answers" / "l1.yaml")
    assert said in str(e.value) and "l1.yaml" in str(e.value)


def test_practice_copy_obscures_every_model_answer_and_opens_the_same(tmp_path):
    out = tmp_path / "copy"
    written = release_answers(ROOT / "seeds", out)
    assert "answers/lesson1.yaml" in written and len(written) >= 8
    for rel in written:
        teacher = load_answers(ROOT / "seeds" / rel)
        text = (out / rel).read_text(encoding="utf-8")
        for a in teacher.values():
            for words in (a.model, *a.checklist, *(s for _, s in a.options)):
                assert words[:40] not in text
        assert load_answers(out / rel) == teacher
    check_release(out)


def test_exam_copy_has_no_model_answers_and_a_plain_file_is_refused(tmp_path):
    assert release_answers(ROOT / "seeds", tmp_path / "exam", exam=True) == []
    assert not (tmp_path / "exam").exists()
    plain = tmp_path / "copy" / "answers"
    plain.mkdir(parents=True)
    shutil.copyfile(ROOT / "seeds" / "answers" / "lesson1.yaml", plain / "lesson1.yaml")
    with pytest.raises(KitError, match="model answers"):
        check_release(tmp_path / "copy")
    release_answers(ROOT / "seeds", tmp_path / "practice")
    with pytest.raises(KitError, match="model answers"):
        check_release(tmp_path / "practice", exam=True)


def test_a_student_copy_shows_the_model_answer_from_the_obscured_file(tmp_path):
    seeds = _seeds_with(tmp_path, "q:\n  model: The model.\n  checklist: [One point.]\n")
    copy = tmp_path / "copy"
    release_answers(seeds, copy)
    shutil.copyfile(seeds / "a.txt", copy / "a.txt")
    assert "The model." not in (copy / "answers" / "l1.yaml").read_text()
    found = model_answer("q", copy / "a.txt")
    assert found.model == "The model." and found.checklist == ("One point.",)
