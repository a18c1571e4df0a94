"""Written answers and choices are saved as the student types and come back on re-run."""

from __future__ import annotations

from kit.widgets.writing import ChoiceAnswer, WrittenAnswer
from kit.work.store import Workspace


def test_written_answer_is_saved_as_typed_and_restored(tmp_path, seed):
    w = WrittenAnswer(Workspace("ana", seed, tmp_path), "lesson1.reaction", "How did you feel?")
    assert "Not written yet" in w.status.value
    w.box.value = "Worried about the <b>war</b>."
    assert Workspace("ana", seed, tmp_path).response("lesson1.reaction") == (
        "Worried about the <b>war</b>."
    )
    assert "Saved (4 words)" in w.status.value
    again = WrittenAnswer(Workspace("ana", seed, tmp_path), "lesson1.reaction", "How did you feel?")
    assert again.box.value == "Worried about the <b>war</b>."
    assert repr(again) == "WrittenAnswer('lesson1.reaction')"


def test_prompts_are_escaped(tmp_path, seed):
    w = WrittenAnswer(Workspace("ana", seed, tmp_path), "k", "<img src=x onerror=alert(1)>")
    assert "<img" not in w.children[0].value and "&lt;img" in w.children[0].value


def test_choice_is_saved_at_once_and_restored(tmp_path, seed):
    options = ["News report", "Opinion", "Press release"]
    c = ChoiceAnswer(Workspace("ana", seed, tmp_path), "lesson1.kind", "What is it?", options)
    assert c.choice.value is None
    c.choice.value = "News report"
    again = ChoiceAnswer(Workspace("ana", seed, tmp_path), "lesson1.kind", "What is it?", options)
    assert again.choice.value == "News report"


def test_kit_write_binds_to_the_signed_in_student_and_the_article(tmp_path, seed, monkeypatch):
    import kit

    monkeypatch.setenv("KIT_WORK_DIR", str(tmp_path))
    monkeypatch.delenv("KIT_STUDENT", raising=False)
    kit.set_student("ana")
    w = kit.write("lesson1.reaction", "Your first reaction?", article=seed, rows=3)
    assert isinstance(w, WrittenAnswer) and w.box.rows == 3
    w.box.value = "Surprised."
    assert Workspace("ana", seed, tmp_path).response("lesson1.reaction") == "Surprised."
    assert kit.write("lesson1.reaction", "Again?", article=seed).box.value == "Surprised."


def test_kit_choose_saves_under_the_key_for_a_named_student(tmp_path, seed):
    import kit

    options = ["News", "Opinion"]
    c = kit.choose("lesson1.kind", "What is it?", options, seed, "ben", work_dir=tmp_path)
    assert isinstance(c, ChoiceAnswer)
    c.choice.value = "Opinion"
    assert Workspace("ben", seed, tmp_path).response("lesson1.kind") == "Opinion"


def test_write_without_a_student_is_a_friendly_message_not_a_traceback(tmp_path, seed, monkeypatch):
    import kit

    monkeypatch.setenv("KIT_WORK_DIR", str(tmp_path))
    monkeypatch.delenv("KIT_STUDENT", raising=False)
    problem = kit.write("lesson1.reaction", "Your first reaction?", article=seed)
    assert isinstance(problem, kit.Notice) and problem.kind == "warning"
    assert "notebook 0" in problem.text and 'role="alert"' in problem._repr_html_()


def test_write_and_choose_without_an_article_say_what_to_add(tmp_path):
    import kit

    for made in (
        kit.write("k", "Prompt", student="ana", work_dir=tmp_path),
        kit.choose("k", "Prompt", ["a", "b"], student="ana", work_dir=tmp_path),
    ):
        assert isinstance(made, kit.Notice) and "article=article" in made.text


def test_choose_with_no_options_is_a_message(tmp_path, seed):
    import kit

    made = kit.choose("k", "Prompt", [], seed, "ana", work_dir=tmp_path)
    assert isinstance(made, kit.Notice) and "at least one option" in made.text


def test_import_kit_does_not_import_ipywidgets():
    import subprocess
    import sys

    code = "import sys, kit; print('ipywidgets' in sys.modules, 'write' in kit.__all__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False True"
