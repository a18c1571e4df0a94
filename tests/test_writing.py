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


def test_two_tabs_on_one_written_answer_keep_both_texts(tmp_path, seed):
    """Tab A and tab B load the same answer; A saves, then B (which never saw A's text) saves:
    B's text is saved and A's is kept as an earlier version that B is shown and can bring back."""
    key, prompt = "lesson1.reaction", "How did you feel?"
    Workspace("ana", seed, tmp_path).set_response(key, "Start.")
    a = WrittenAnswer(Workspace("ana", seed, tmp_path), key, prompt)
    b = WrittenAnswer(Workspace("ana", seed, tmp_path), key, prompt)
    a.box.value = "Start. Tab A wrote this."
    b.box.value = "Start. Tab B wrote <this>."
    saved = Workspace("ana", seed, tmp_path)
    assert saved.response(key) == "Start. Tab B wrote <this>."
    assert saved.earlier_texts(key) == ["Start. Tab A wrote this."]  # before: A's text was gone
    assert "another tab" in b.other_note.value and "Tab A wrote this." in b.other_note.value
    assert b.use_other.layout.display is None
    # A types on: B's text (which A never saw) is kept too, and A is told
    a.box.value = "Start. Tab A wrote this, and more."
    saved = Workspace("ana", seed, tmp_path)
    assert saved.response(key) == "Start. Tab A wrote this, and more."
    assert "Start. Tab B wrote <this>." in saved.earlier_texts(key)
    assert "Tab B wrote &lt;this&gt;." in a.other_note.value  # escaped
    # B brings back the text it was shown: what it replaces is kept as an earlier version
    b.use_other.click()
    assert b.box.value == "Start. Tab A wrote this."
    saved = Workspace("ana", seed, tmp_path)
    assert saved.response(key) == "Start. Tab A wrote this."
    assert set(saved.earlier_texts(key)) == {
        "Start. Tab A wrote this, and more.",
        "Start. Tab B wrote <this>.",
    }
    assert b.other_note.value == "" and b.use_other.layout.display == "none"
    # one tab typing on its own keeps no versions
    c = WrittenAnswer(Workspace("ana", seed, tmp_path), "lesson1.other", prompt)
    for text in ("O", "On", "One tab"):
        c.box.value = text
    assert Workspace("ana", seed, tmp_path).earlier_texts("lesson1.other") == []
    assert c.other_note.value == ""


def test_typing_on_in_two_tabs_keeps_the_longest_of_each_tabs_texts(tmp_path, seed):
    key = "k"
    a = WrittenAnswer(Workspace("ana", seed, tmp_path), key, "?")
    b = WrittenAnswer(Workspace("ana", seed, tmp_path), key, "?")
    for n in range(1, 8):  # both type at once, a letter each in turn
        a.box.value = "a" * n
        b.box.value = "b" * n
    saved = Workspace("ana", seed, tmp_path)
    assert saved.response(key) == "b" * 7
    assert saved.earlier_texts(key) == ["a" * 7]  # a's shorter texts are in its longest one
