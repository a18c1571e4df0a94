"""The quiz in a real JupyterLab: answer wrong then right, see feedback, both attempts are saved."""

from __future__ import annotations

import json

import nbformat
import pytest
from playwright.sync_api import expect

from tests.browser.lab import (
    assert_no_widget_errors,
    axe_check,
    error_outputs,
    open_notebook,
    run_all,
    select_text,
)

pytestmark = pytest.mark.browser

STUDENT = "browser-quiz"
ARTICLE_ID = "000_8e915a2399968c01"
HEADLINE = "Ukraine to host ‘coalition of the willing’ talks, says Zelensky"
HEADLINE_WORDS = 10
BANK = """\
title: Quiz in the browser
article: seeds/000_8e915a2399968c01.txt
settings:
  attempts: 3
questions:
  - id: healey-quote
    type: single
    prompt: Who said the plans were “real and substantial”?
    options: [Keir Starmer, John Healey, "<b>Nobody at all</b>"]
    answer: John Healey
    feedback:
      - Starmer spoke about the “absolute focus” of leaders.
      - Yes, the Defence Secretary said it.
      - ~
    explanation: Healey said it at a meeting in Brussels.
  - id: office
    type: text
    prompt: Which office would not confirm whether Starmer would attend?
    answers: [Downing Street]
  - id: headline-source
    type: find
    prompt: Select the words in the headline that tell you where the news comes from.
    answer: says Zelensky
"""


def write_notebook(lab, student: str = STUDENT) -> str:
    """A notebook (and bank) in the served root: one cell that shows the quiz to `student`."""
    (lab.root / "browser.quiz.yaml").write_text(BANK, encoding="utf-8")
    source = (
        "import kit\n"
        f"kit.set_student({student!r})\n"
        "kit.quiz_widget('browser.quiz.yaml', show='all')"
    )
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(source)],
        metadata={
            "kernelspec": {
                "name": "python3",
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
            }
        },
    )
    name = f"quiz-{student}.ipynb"
    nbformat.write(nb, lab.root / name)
    return name


@pytest.fixture
def quiz_notebook(lab):
    return write_notebook(lab)


def saved_attempts(lab, question_id: str, student: str = STUDENT) -> list[dict]:
    path = lab.work_dir / student / f"{ARTICLE_ID}.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    return doc["quiz"]["browser"][question_id]["attempts"]


def test_answer_wrong_then_right_and_the_work_file_holds_both(page, lab, quiz_notebook):
    open_notebook(page, lab, quiz_notebook)
    run_all(page)
    assert_no_widget_errors(page)
    assert error_outputs(page) == []
    quiz = page.locator(".kit-quiz")
    expect(quiz).to_be_visible()
    question = quiz.locator(".kit-quiz-question").first
    feedback = question.locator(".kit-quiz-feedback")
    # The feedback line is one live region, in the page before any feedback, that stays while
    # its text changes (screen readers read out changes to a region they already know).
    region = question.locator(".kit-live [role=status]")
    expect(region).to_have_count(1)
    expect(region).to_have_attribute("aria-live", "polite")
    region.evaluate("node => { node.dataset.kitSameRegion = 'yes'; }")

    # Wrong, with the mouse.
    question.get_by_label("Keir Starmer").check()
    question.get_by_role("button", name="Check").click()
    expect(feedback).to_contain_text("Not quite")
    expect(feedback).to_contain_text("absolute focus")
    expect(feedback).not_to_contain_text("Brussels")  # no explanation before it is answered

    # Right, with the keyboard only.
    question.get_by_label("John Healey").focus()
    page.keyboard.press("Space")
    question.get_by_role("button", name="Check").focus()
    page.keyboard.press("Enter")
    expect(feedback).to_contain_text("Right!")
    expect(feedback).to_contain_text("Why: Healey said it at a meeting in Brussels.")
    expect(question.locator("[data-kit-same-region=yes][role=status]")).to_contain_text("Right!")
    expect(question.locator("[role=status] [role=status]")).to_have_count(0)  # none nested
    expect(question.get_by_role("button", name="Check")).to_be_disabled()
    expect(quiz.locator(".kit-quiz-progress")).to_contain_text("Score 1 of 3 points")

    attempts = saved_attempts(lab, "healey-quote")
    assert [(a["response"], a["correct"]) for a in attempts] == [(0, False), (1, True)]

    # Option text is shown as text, never as markup.
    expect(question.get_by_text("<b>Nobody at all</b>")).to_be_visible()
    assert quiz.locator("b").count() == 0

    # A typed answer with a slip, checked with Enter in the field then the button.
    second = quiz.locator(".kit-quiz-question").nth(1)
    second.get_by_role("textbox").fill("downing steet")
    second.get_by_role("textbox").press("Enter")
    second.get_by_role("button", name="Check").click()
    expect(second.locator(".kit-quiz-feedback")).to_contain_text("check your spelling")
    assert saved_attempts(lab, "office")[0]["response"] == "downing steet"


def test_find_by_sentence_and_word_menus_with_the_keyboard(page, lab, quiz_notebook):
    open_notebook(page, lab, quiz_notebook)
    run_all(page)
    assert_no_widget_errors(page)
    question = page.locator(".kit-quiz-question").nth(2)
    question.get_by_label("Sentence:").select_option(label=HEADLINE)
    expect(question.locator(".kit-quiz-chosen")).to_contain_text(HEADLINE)
    first = question.get_by_label("From word:")
    first.focus()
    for _ in range(HEADLINE_WORDS - 2):
        page.keyboard.press("ArrowDown")
    expect(first).to_have_value("9. says")  # options are labelled "<n>. <word>"
    expect(question.locator(".kit-quiz-chosen")).to_have_text("Your selection: “says Zelensky”")
    question.get_by_role("button", name="Check").click()
    expect(question.locator(".kit-quiz-feedback")).to_contain_text("Right!")
    attempt = saved_attempts(lab, "headline-source")[0]
    assert attempt["correct"] is True and attempt["points"] == 1


def test_find_by_selecting_the_words_in_the_article_with_the_mouse(page, lab):
    student = "browser-find-mouse"  # a student of its own: the question is still unanswered
    open_notebook(page, lab, write_notebook(lab, student=student))
    run_all(page)
    assert_no_widget_errors(page)
    question = page.locator(".kit-quiz-question").nth(2)
    question.locator(".kit-hl[data-ready]").wait_for()
    headline = question.locator(".kit-hl-ptext", has_text="says Zelensky").first
    start = HEADLINE.index("says Zelensky")  # no non-BMP characters: same offset in JS
    select_text(page, headline, start, start + len("says Zelensky"))
    expect(question.locator("mark.kit-hl-mark")).to_have_text("says Zelensky")
    expect(question.locator(".kit-quiz-chosen")).to_have_text("Your selection: “says Zelensky”")
    question.get_by_role("button", name="Check").click()
    expect(question.locator(".kit-quiz-feedback")).to_contain_text("Right!")
    attempt = saved_attempts(lab, "headline-source", student)[0]
    assert attempt["correct"] is True and attempt["points"] == 1


def test_the_quiz_has_no_serious_accessibility_problems(page, lab):
    open_notebook(page, lab, write_notebook(lab, student="axe-check"))
    run_all(page)
    quiz = page.locator(".kit-quiz")
    expect(quiz).to_be_visible()
    violations = axe_check(page, ".kit-quiz")
    assert violations == [], json.dumps(violations, indent=1)
    # Answered: feedback shown, controls disabled.
    questions = quiz.locator(".kit-quiz-question")
    questions.nth(0).get_by_label("John Healey").check()
    questions.nth(1).get_by_role("textbox").fill("Downing Street")
    questions.nth(1).get_by_role("textbox").press("Enter")
    questions.nth(2).get_by_label("Sentence:").select_option(label=HEADLINE)
    expect(questions.nth(2).locator(".kit-quiz-chosen")).to_contain_text(HEADLINE)
    for i in range(3):
        questions.nth(i).get_by_role("button", name="Check").click()
        expect(questions.nth(i).locator(".kit-quiz-feedback")).to_be_visible()
    expect(questions.nth(0).get_by_role("button", name="Check")).to_be_disabled()
    violations = axe_check(page, ".kit-quiz")
    assert violations == [], json.dumps(violations, indent=1)


def test_find_question_is_a_plain_selector_with_a_true_saved_line(page, lab):
    student = "browser-find-plain"
    open_notebook(page, lab, write_notebook(lab, student=student))
    run_all(page)
    assert_no_widget_errors(page)
    question = page.locator(".kit-quiz-question").nth(2)
    finder = question.locator(".kit-hl[data-ready]")
    finder.wait_for()
    # No label list, no label keys (A/X, 1-9), no "Practice mode ... not saved".
    expect(finder.locator(".kit-hl-labels")).to_be_hidden()
    keys = finder.locator(".kit-hl-keys").first  # the second one: the notebook's keys
    expect(keys).to_contain_text("Enter")
    shown = keys.locator("kbd").all_text_contents()
    assert not {"1", "9", "A", "X", "E"} & set(shown), shown
    expect(finder).not_to_contain_text("Practice mode")
    expect(finder).not_to_contain_text("not saved")
    expect(finder.locator(".kit-hl-saving")).to_have_text(
        f"Your answer is saved in {student}/{ARTICLE_ID}.json when you press Check."
    )
    # Selected with the keyboard (Enter), shown without a label badge, then saved by Check.
    finder.locator(".kit-hl-article").focus()
    page.keyboard.press("Home")
    for _ in range(HEADLINE_WORDS - 2):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Enter")
    expect(finder.locator(".kit-hl-live")).to_have_text("Selected: “says Zelensky”.")
    mark = finder.locator("mark.kit-hl-mark")
    expect(mark).to_have_text("says Zelensky")
    assert mark.get_attribute("data-badge") is None
    page.keyboard.press("1")  # no label key here: nothing changes, nothing breaks
    expect(finder.locator(".kit-hl-live")).to_have_text("Selected: “says Zelensky”.")
    mark.click()  # no edit box for an answer
    expect(finder.locator(".kit-hl-editor")).to_be_hidden()
    question.get_by_role("button", name="Check").click()
    expect(question.locator(".kit-quiz-feedback")).to_contain_text("Right!")
    attempt = saved_attempts(lab, "headline-source", student)[0]
    assert attempt["correct"] is True
