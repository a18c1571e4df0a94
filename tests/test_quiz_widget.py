"""The quiz widget: feedback, retries, autosave and restore, escaping, no answers in its state."""

from __future__ import annotations

import json
import re

import pytest

pytest.importorskip("ipywidgets")
from ipywidgets.widgets.widget import _instances  # noqa: E402

import kit  # noqa: E402
from kit.errors import KitError  # noqa: E402
from kit.quiz.model import Quiz  # noqa: E402
from kit.widgets.quiz import QuizWidget, quiz_widget  # noqa: E402
from kit.work.store import Workspace  # noqa: E402
from tests.quiz_helpers import SEED_BANK, right_answers, secrets_of  # noqa: E402


@pytest.fixture(scope="module")
def seed_quiz() -> Quiz:
    return Quiz.from_file(SEED_BANK)


def build(bank, tmp_path, student="alex", **kw) -> tuple[QuizWidget, str]:
    """A widget and the JSON of every widget state it sent to the browser."""
    before = set(_instances)
    w = quiz_widget(bank, student=student, work_dir=tmp_path, **kw)
    assert isinstance(w, QuizWidget), w
    return w, synced_state(before)


def synced_state(before: set[str]) -> str:
    """The states of the widgets made since `before`, sorted, with model ids blanked."""
    new = [m for m in list(_instances) if m not in before]
    states = [json.dumps(_instances[m].get_state(), ensure_ascii=False) for m in new]
    return "[" + ",".join(sorted(re.sub(r"IPY_MODEL_[0-9a-f]+", "M", s) for s in states)) + "]"


def all_state(w: QuizWidget) -> str:
    """Every widget model reachable from the quiz (shown or not), as JSON."""
    seen: set[str] = set()
    stack = [w] + [v.box for v in w.views]
    out = []
    while stack:
        widget = stack.pop()
        if widget.model_id in seen:
            continue
        seen.add(widget.model_id)
        state = widget.get_state()
        out.append(state)
        for value in json.dumps(state).split('"'):
            if value.startswith("IPY_MODEL_"):
                stack.append(_instances[value[len("IPY_MODEL_") :]])
    return json.dumps(out, ensure_ascii=False)


def view(w: QuizWidget, qid: str):
    return next(v for v in w.views if v.q.id == qid)


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


# ---------------------------------------------------------------- answering


def test_wrong_then_right_shows_feedback_and_saves_both_attempts(seed_quiz, tmp_path):
    w, _ = build(seed_quiz, tmp_path)
    v = view(w, "healey-quote")
    v.input.value = 0
    v.check.click()
    assert "Not quite" in v.feedback.value and "absolute focus" in v.feedback.value
    assert "Tries left: 1" in v.feedback.value and not v.check.disabled
    assert "Why:" not in v.feedback.value  # the explanation waits until it is answered
    v.input.value = 1
    v.check.click()
    assert "Right!" in v.feedback.value and "Why:" in v.feedback.value
    assert v.check.disabled and v.input.disabled
    attempts = Workspace("alex", seed_quiz.article, tmp_path).attempts(seed_quiz.id, v.q.id)
    assert [(a.response, a.correct, a.points) for a in attempts] == [
        (0, False, 0.0),
        (1, True, 1.0),
    ]
    saved = json.loads(w.workspace.path.read_text(encoding="utf-8"))
    assert len(saved["quiz"]["coalition-talks"]["healey-quote"]["attempts"]) == 2


def test_checking_without_an_answer_asks_for_one(seed_quiz, tmp_path):
    w, _ = build(seed_quiz, tmp_path)
    v = view(w, "number-10")
    v.check.click()
    assert "Choose or type an answer first" in v.feedback.value
    assert w.workspace.attempts(seed_quiz.id, "number-10") == []


def test_last_try_locks_the_question_and_explains(seed_quiz, tmp_path):
    w, _ = build(seed_quiz, tmp_path, attempts=1)
    v = view(w, "doubt-verb")
    w.answer("doubt-verb", 0)
    assert "that was your last try" in v.feedback.value and "Why:" in v.feedback.value
    assert v.check.disabled
    w.answer("doubt-verb", 2)  # a locked question takes no more attempts
    assert len(w.workspace.attempts(seed_quiz.id, "doubt-verb")) == 1


def test_unlimited_retries(seed_quiz, tmp_path):
    w, _ = build(seed_quiz, tmp_path, attempts="unlimited")
    for _ in range(4):
        w.answer("doubt-verb", 0)
    assert "Try again." in view(w, "doubt-verb").feedback.value
    assert len(w.workspace.attempts(seed_quiz.id, "doubt-verb")) == 4


def test_every_input_kind_can_be_answered(seed_quiz, tmp_path):
    w, _ = build(seed_quiz, tmp_path)
    for qid, response in right_answers(seed_quiz).items():
        v = view(w, qid)
        w.answer(qid, response)
        assert "Right" in v.feedback.value, qid
    assert w.score > 12 and "Answered 14 of 14" in w.progress.value


def test_the_find_fallback_lists_every_sentence_in_order(seed_quiz, tmp_path):
    w, _ = build(seed_quiz, tmp_path)
    v = view(w, "find-unnamed-claim")
    labels = [label for label, _ in v.sentence.options]
    assert labels[0] == "Choose a sentence…" and len(labels) == len(seed_quiz.article.sentences) + 1


def test_find_fallback_selects_part_of_a_sentence_with_word_menus(seed_quiz, tmp_path):
    w, _ = build(seed_quiz, tmp_path)
    v = view(w, "find-headline-source")
    v.sentence.value = 0  # the headline
    n = len(v.first_word.options)
    assert (v.first_word.value, v.last_word.value) == (0, n - 1)
    assert v.first_word.options[0] == ("1. Ukraine", 0) and "Your selection" in v.chosen.value
    v.first_word.value = n - 2
    assert v.response() == list(seed_quiz.answer_spans(v.q)[0])
    assert "says Zelensky" in v.chosen.value
    v.last_word.value = 0
    assert v.response() is None and "comes before the first" in v.chosen.value
    v.last_word.value = n - 1
    v.check.click()
    assert "Right!" in v.feedback.value
    again, _ = build(seed_quiz, tmp_path)
    restored = view(again, "find-headline-source")
    assert (restored.first_word.value, restored.last_word.value) == (n - 2, n - 1)
    assert restored.first_word.disabled and restored.sentence.disabled


def test_hint_button_shows_the_hint(seed_quiz, tmp_path):
    w, _ = build(seed_quiz, tmp_path)
    v = view(w, "healey-quote")
    v.hint_button.click()
    assert "quotation marks near the end" in v.hint.value


def test_changing_an_answer_clears_old_feedback(seed_quiz, tmp_path):
    w, _ = build(seed_quiz, tmp_path)
    v = view(w, "healey-quote")
    w.answer("healey-quote", 0)
    v.input.value = 2
    assert v.feedback.value == ""


# ---------------------------------------------------------------- restore and modes


def test_rerunning_the_cell_restores_answers_feedback_and_score(seed_quiz, tmp_path):
    first, _ = build(seed_quiz, tmp_path)
    first.answer("healey-quote", 1)
    first.answer("doubt-verb", 0)
    first.answer("number-10", "downing stret")
    again, _ = build(seed_quiz, tmp_path)
    assert view(again, "healey-quote").input.value == 1 and view(again, "healey-quote").done
    assert view(again, "number-10").input.value == "downing stret"
    doubt = view(again, "doubt-verb")
    assert doubt.input.value == 0 and not doubt.done and "Tries left: 1" in doubt.feedback.value
    assert again.score == 2 and "Score 2 of 14" in again.progress.value
    assert again.current == 0  # the first question still open


def test_one_at_a_time_navigation(seed_quiz, tmp_path):
    w, _ = build(seed_quiz, tmp_path, show="one")
    assert w.stage.children == (w.views[0].box,) and w.previous.disabled
    w.next.click()
    assert w.stage.children == (w.views[1].box,) and "Question 2 of 14" in w.progress.value
    w.go(99)
    assert w.current == 13 and w.next.disabled


def test_all_on_one_page(seed_quiz, tmp_path):
    w, _ = build(seed_quiz, tmp_path, show="all")
    assert len(w.stage.children) == 14 and "Question" not in text_of(w.progress.value)


def test_check_at_the_end_saves_drafts_then_grades_everything(seed_quiz, tmp_path):
    w, _ = build(seed_quiz, tmp_path, feedback="end")
    assert all(v.check.layout.display == "none" for v in w.views)
    view(w, "healey-quote").input.value = 1
    view(w, "doubt-verb").input.value = 0
    assert w.workspace.attempts(seed_quiz.id, "healey-quote") == []
    again, _ = build(seed_quiz, tmp_path, feedback="end")  # drafts survive a re-run
    assert view(again, "healey-quote").input.value == 1
    again.check_all.click()
    assert "Right!" in view(again, "healey-quote").feedback.value
    assert "Not quite" in view(again, "doubt-verb").feedback.value
    assert "Not answered yet" in view(again, "number-10").feedback.value
    assert len(again.workspace.attempts(seed_quiz.id, "healey-quote")) == 1
    assert again.workspace.attempts(seed_quiz.id, "number-10") == []
    assert again.check_all.description == "Check again"


def test_a_released_bank_works_the_same_in_the_widget(seed_quiz, tmp_path):
    student = Quiz.from_yaml(seed_quiz.release().to_yaml(), article=seed_quiz.article)
    w, _ = build(student, tmp_path)
    w.answer("healey-quote", 0)
    assert "absolute focus" in view(w, "healey-quote").feedback.value
    w.answer("healey-quote", 1)
    assert "Right!" in view(w, "healey-quote").feedback.value
    assert "Why: “Last month" in view(w, "healey-quote").feedback.value


# ---------------------------------------------------------------- nothing leaks, nothing runs


def test_widget_state_holds_no_answer_before_answering(seed_quiz, tmp_path):
    w, sent = build(seed_quiz, tmp_path, show="all")
    article_text = " ".join(seed_quiz.article.text.split()).casefold()
    secrets = [s for s in secrets_of(seed_quiz) if s.casefold() not in article_text]
    assert len(secrets) > 30
    for state in (sent, all_state(w)):
        assert [s for s in secrets if s.casefold() in state.casefold()] == []
        assert not re.search(r"\b(answer|correct|explanation)\b\"?:", state)


def test_widget_state_after_a_wrong_try_shows_only_that_feedback(seed_quiz, tmp_path):
    w, _ = build(seed_quiz, tmp_path)
    w.answer("healey-quote", 0)
    w.answer("number-10", "Keir Starmer")
    state = all_state(w)
    assert "absolute focus" in state and "Who answered for him" in state
    for qid in ("healey-quote", "number-10"):
        assert seed_quiz.question(qid).explanation not in state
    assert "Downing Street is where" not in state and "Number Ten" not in state


def test_which_option_is_right_changes_nothing_in_the_widget_state(tmp_path):
    def state_for(answer: int) -> str:
        bank = (
            "title: T\nquestions:\n  - id: q\n    type: single\n    prompt: Pick\n"
            f"    options: [a, b, c]\n    answer: {answer}\n"
            "    feedback: [fa, fb, fc]\n    explanation: because\n"
        )
        return build(Quiz.from_yaml(bank), tmp_path / str(answer))[1]

    assert state_for(0) == state_for(2)


def test_hostile_text_is_shown_as_text(tmp_path):
    bank = """
title: "<script>alert('t')</script>"
questions:
  - id: q
    type: single
    prompt: "<img src=x onerror=alert(1)> Who?"
    options: ["<b>bold</b>", "plain"]
    answer: 1
    feedback: ["<iframe src=evil>", ~]
    hint: "<a href=javascript:alert(2)>hint</a>"
  - id: m
    type: multiple
    prompt: m
    options: ["<i>x</i>", "y"]
    answer: [1]
"""
    w, _ = build(Quiz.from_yaml(bank), tmp_path, show="all")
    w.answer("q", 0)
    view(w, "q").hint_button.click()
    html = " ".join(
        x.value for x in (w.title, view(w, "q").prompt, view(w, "q").feedback, view(w, "q").hint)
    )
    for raw in ("<script>", "<img", "<iframe", "<a href"):
        assert raw not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "&lt;iframe src=evil&gt;" in html
    assert not view(w, "m").boxes[0].description_allow_html
    assert not view(w, "q").input.description_allow_html


def test_repr_is_short_and_deterministic(seed_quiz, tmp_path):
    w, _ = build(seed_quiz, tmp_path)
    assert repr(w) == "QuizWidget(quiz='coalition-talks', questions=14, student='alex')"
    assert w._repr_mimebundle_()["text/plain"] == repr(w)


def test_problems_come_back_as_messages_for_the_notebook(seed_quiz, tmp_path, monkeypatch):
    monkeypatch.delenv("KIT_STUDENT", raising=False)
    result = kit.quiz_widget(SEED_BANK, work_dir=tmp_path)
    assert isinstance(result, KitError) and "does not know who you are" in result.message
    assert "Something needs fixing" in result._repr_html_()
    assert isinstance(quiz_widget(seed_quiz, student="a", work_dir=tmp_path, show="x"), KitError)
    assert isinstance(quiz_widget(tmp_path / "missing.yaml", student="a"), KitError)


def test_a_failure_inside_a_click_is_shown_not_lost(seed_quiz, tmp_path, monkeypatch):
    w, _ = build(seed_quiz, tmp_path)

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(w.quiz.__class__, "grade_one", broken)
    v = view(w, "healey-quote")
    v.input.value = 1
    v.check.click()
    assert "Something went wrong" in w.message.value and "disk on fire" in w.message.value


def test_find_question_is_answered_by_highlighting_the_words_in_the_article(seed_quiz, tmp_path):
    w, _ = build(seed_quiz, tmp_path)
    v = view(w, "find-headline-source")
    text = seed_quiz.article.text
    start = text.index("says Zelensky")
    v.finder.add(start, start + len("says Zelensky"))
    assert v.response() == list(seed_quiz.answer_spans(v.q)[0])
    assert "says Zelensky" in v.chosen.value
    v.check.click()
    assert "Right!" in v.feedback.value
    again, _ = build(seed_quiz, tmp_path)
    restored = view(again, "find-headline-source")
    [shown] = restored.finder.annotations
    assert text[shown.start : shown.end] == "says Zelensky"
    before = restored.response()
    restored.finder.add(0, 7)  # the question is done: a new highlight changes nothing
    assert restored.response() == before


def test_find_question_shows_a_plain_selector_and_says_truly_when_the_answer_is_saved(
    seed_quiz, tmp_path
):
    w, _ = build(seed_quiz, tmp_path)
    v = view(w, "find-headline-source")
    finder = v.finder
    assert finder.plain is True  # the front end shows no label list, label keys or edit box
    assert "Practice mode" not in finder.saving and "not saved" not in finder.saving
    assert (
        finder.saving
        == f"Your answer is saved in alex/{w.workspace.path.name} when you press Check."
    )
    assert "press 1" not in finder.instructions and "press Enter" in finder.instructions
    text = seed_quiz.article.text
    start = text.index("says Zelensky")
    status = finder.handle({"cmd": "add", "start": start, "end": start + 13, "label": "answer"})
    assert status["text"] == "Selected: “says Zelensky”."
    assert not w.workspace.path.exists()  # a selection alone is not an answer yet
    v.check.click()
    saved = json.loads(w.workspace.path.read_text(encoding="utf-8"))
    [attempt] = saved["quiz"][seed_quiz.id]["find-headline-source"]["attempts"]
    assert text[attempt["response"][0] : attempt["response"][1]] == "says Zelensky"

    end_mode, _ = build(seed_quiz, tmp_path, student="sam", feedback="end")
    draft = view(end_mode, "find-headline-source")
    assert draft.finder.saving.startswith("Your answer is saved as you choose it in sam/")
    draft.finder.handle({"cmd": "add", "start": start, "end": start + 13, "label": "answer"})
    assert "quiz-draft" in end_mode.workspace.path.read_text(encoding="utf-8")


def test_a_highlighter_outside_a_quiz_keeps_its_labels_and_says_saved(seed_quiz, tmp_path):
    h = kit.Highlighter(seed_quiz.article, workspace=Workspace("kim", seed_quiz.article, tmp_path))
    assert h.plain is False
    status = h.handle({"cmd": "add", "start": 0, "end": 7, "label": "named_person"})
    assert status["text"].startswith("Saved: “Ukraine”")
