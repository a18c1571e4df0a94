"""Written answers and choices are saved as the student types and come back on re-run."""

from __future__ import annotations

from kit.store import Workspace
from kit.widgets.writing import ChoiceAnswer, WrittenAnswer


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
