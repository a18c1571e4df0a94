"""Keyboard alone, in a real JupyterLab: a student completes lesson 3's highlighting and lesson 4's
quiz without ever touching the mouse.

Nothing here clicks, hovers or moves the mouse: cells run from the command palette (Ctrl+Shift+C),
the focus moves with Tab and Shift+Tab, and the student listens to the Highlighter's aria-live
announcements to know which words the cursor is on, as a screen reader user would. The proof is
the student's work file on disk, and the course's own rule for "lesson done".
"""

from __future__ import annotations

import json

import pytest
import yaml
from playwright.sync_api import expect

import kit
from kit.classroom.classwork import load_class
from tests.browser.lab import (
    REPO,
    assert_no_widget_errors,
    error_outputs,
    focused,
    is_focused,
    open_notebook,
    run_all_by_keyboard,
    tab_to,
)
from tests.browser.notebook_files import SEED_ID, saved_annotations, wait_until, work_file

pytestmark = pytest.mark.browser

STUDENT = "keyboard-only"
LESSON_3 = "notebooks/03_who_is_talking.ipynb"
LESSON_4 = "notebooks/04_attribution_language.ipynb"
BANK = REPO / "seeds" / "attribution_language.quiz.yaml"
MAX_PRESSES = 80  # arrow presses to reach a word inside one sentence

# (sentence index, the words, number key): the sources of the seed story, as the teacher's key
# labels them. 1 = Named person, 2 = Institution, 3 = Unnamed source, 7 = Not sure.
BY_NUMBER_KEY = [
    (0, "Zelensky", "1", "Named person"),
    (2, "Volodymyr Zelensky", "1", "Named person"),
    (5, "Downing Street", "2", "Institution"),
    (8, "Defence Secretary John Healey", "1", "Named person"),
]
WHO_SPEAKS = "Zelensky and Healey speak. No ordinary people and no named Russian official."
REWRITE = "Moscow said Russian troops would mirror Ukraine's actions. Loaded: claimed."


# Counts every pointer event the page sees: the test proves at the end that there was none.
COUNT_POINTER_EVENTS = """
window.__pointerEvents = 0;
for (const type of ['pointerdown', 'pointermove', 'mousedown', 'mousemove', 'wheel']) {
  window.addEventListener(type, () => { window.__pointerEvents += 1; }, true);
}
"""


@pytest.fixture
def student(lab):
    kit.set_student(STUDENT, lab.work_dir)
    return STUDENT


@pytest.fixture
def keyboard_page(page):
    """The page, checked afterwards for any mouse or pointer event."""
    page.add_init_script(COUNT_POINTER_EVENTS)
    yield page
    assert page.evaluate("() => window.__pointerEvents") == 0, "the mouse was used"


def open_and_run(page, lab, notebook: str) -> None:
    open_notebook(page, lab, notebook)
    run_all_by_keyboard(page)
    assert_no_widget_errors(page)
    assert error_outputs(page) == []


def move_cursor_to(page, live, sentence: int, words: str) -> None:
    """Put the Highlighter's keyboard cursor on `words` in sentence `sentence` (0 = headline):
    Home, Arrow Down to the sentence, Arrow Right word by word, then Shift+Arrow Right to take in
    more words, each time listening to what the live region announces."""
    first = words.split()[0]
    page.keyboard.press("Home")
    for _ in range(sentence):
        page.keyboard.press("ArrowDown")  # reads out the sentence: "Paragraph 3, sentence 1: ..."
    if sentence:  # back one word and on again: the sentence's first word, read as a word
        page.keyboard.press("ArrowLeft")
        page.keyboard.press("ArrowRight")
    for _ in range(MAX_PRESSES):
        if live.text_content() == f"{first}.":
            break
        page.keyboard.press("ArrowRight")
    else:
        raise AssertionError(f"Arrow Right never reached “{first}”: {live.text_content()}")
    for _ in range(len(words.split()) - 1):
        page.keyboard.press("Shift+ArrowRight")
    expect(live).to_have_text(f"{words}.")


def test_lesson_3_highlighting_with_the_keyboard_alone(keyboard_page, lab, student):
    page = keyboard_page
    open_and_run(page, lab, LESSON_3)
    hl = page.locator(".kit-hl")
    article = hl.locator(".kit-hl-article")
    live = hl.locator(".kit-hl-live")
    picker = hl.locator(".kit-hl-labels")

    tab_to(page, article)
    for sentence, words, key, label in BY_NUMBER_KEY:
        move_cursor_to(page, live, sentence, words)
        page.keyboard.press(key)
        expect(live).to_have_text(f"Saved: “{words}” as {label}.")

    # A label picked in the label list (Shift+Tab back to it, arrows), then Enter in the article.
    tab_to(page, picker.locator("input:checked"), backwards=True)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(picker.get_by_label("Unnamed source")).to_be_checked()
    tab_to(page, article)
    move_cursor_to(page, live, 11, "Ukrainian officials")
    page.keyboard.press("Enter")
    expect(live).to_have_text("Saved: “Ukrainian officials” as Unnamed source.")

    # A wrong label, corrected in the edit box (E), with a comment; Escape closes it.
    move_cursor_to(page, live, 12, "Moscow")
    page.keyboard.press("1")
    expect(live).to_have_text("Saved: “Moscow” as Named person.")
    page.keyboard.press("e")
    editor = hl.locator(".kit-hl-editor")
    expect(editor).to_be_visible()
    label_menu = editor.get_by_label("Label")
    expect(label_menu).to_be_focused()
    page.keyboard.press("ArrowDown")  # Named person -> Institution
    expect(live).to_have_text("Saved: “Moscow” is now Institution.")
    tab_to(page, editor.get_by_label("Comment"))
    page.keyboard.type("Speaks for the Kremlin.")
    tab_to(page, editor.get_by_role("button", name="Save comment"))
    page.keyboard.press("Enter")
    expect(live).to_have_text("Saved your comment on “Moscow”.")
    page.keyboard.press("Escape")
    expect(editor).to_be_hidden()
    expect(article).to_be_focused()

    # A highlight made by mistake, removed with Delete.
    move_cursor_to(page, live, 3, "Oslo")
    page.keyboard.press("7")
    expect(live).to_have_text("Saved: “Oslo” as Not sure.")
    page.keyboard.press("Delete")
    expect(live).to_have_text("Removed the highlight “Oslo”.")
    # Undo (Ctrl+Z) brings it back; the Redo button removes it again. Redo is then disabled
    # under the focus, which moves to Undo instead of falling to the page.
    page.keyboard.press("Control+z")
    expect(live).to_have_text("Undone.")
    expect(hl.locator("mark.kit-hl-mark", has_text="Oslo")).to_have_count(1)
    tab_to(page, hl.get_by_role("button", name="Redo"), backwards=True)
    page.keyboard.press("Enter")
    expect(live).to_have_text("Redone.")
    expect(hl.locator("mark.kit-hl-mark", has_text="Oslo")).to_have_count(0)
    expect(hl.get_by_role("button", name="Undo")).to_be_focused()

    # The written answer, further down the notebook.
    answer = page.locator(".kit-written-answer", has_text="Who gets to speak")
    tab_to(page, answer.get_by_role("textbox"))
    page.keyboard.type(WHO_SPEAKS)
    wait_until(lambda: saved_response(lab, student, "lesson3.who_speaks") == WHO_SPEAKS, timeout=30)
    expect(answer).to_contain_text(f"Saved ({len(WHO_SPEAKS.split())} words).")

    saved = {(a["exact"], tuple(a["tags"]), a["comment"]) for a in saved_annotations(lab, student)}
    assert saved == {
        ("Zelensky", ("source:named_person",), ""),
        ("Volodymyr Zelensky", ("source:named_person",), ""),
        ("Downing Street", ("source:institution",), ""),
        ("Defence Secretary John Healey", ("source:named_person",), ""),
        ("Ukrainian officials", ("source:anonymous",), ""),
        ("Moscow", ("source:institution",), "Speaks for the Kremlin."),
    }
    assert lesson_status(lab, student, "03") == "done"


def test_lesson_4_quiz_with_the_keyboard_alone(keyboard_page, lab, student):
    page = keyboard_page
    bank = yaml.safe_load(BANK.read_text(encoding="utf-8"))
    questions = bank["questions"]
    open_and_run(page, lab, LESSON_4)
    quiz = page.locator(".kit-quiz")
    question = quiz.locator(".kit-quiz-question")  # one at a time

    for i, q in enumerate(questions):
        expect(question.locator(".kit-quiz-num")).to_contain_text(
            f"Question {i + 1} of {len(questions)}"
        )
        answer_by_keyboard(page, question, q)
        check = question.get_by_role("button", name="Check")
        tab_to(page, check)
        page.keyboard.press("Enter")
        expect(question.locator(".kit-quiz-feedback")).to_contain_text("Right!")
        expect(check).to_be_disabled()
        # The focus stays in the quiz when Check is disabled under it.
        expect(quiz.locator(":focus"), f"focus left the quiz: {focused(page)}").to_have_count(1)
        if i + 1 < len(questions):
            next_button = quiz.get_by_role("button", name="Next ▶")
            if not is_focused(next_button):
                tab_to(page, next_button)
            page.keyboard.press("Enter")

    n = len(questions)
    expect(quiz.locator(".kit-quiz-progress")).to_contain_text(f"Answered {n} of {n}")
    expect(quiz.locator(".kit-quiz-progress")).to_contain_text(f"Score {n} of {n} points")

    rewrite = page.locator(".kit-written-answer", has_text="Your neutral version")
    tab_to(page, rewrite.get_by_role("textbox"))
    page.keyboard.type(REWRITE)
    wait_until(lambda: saved_response(lab, student, "lesson4.rewrite") == REWRITE, timeout=30)
    expect(rewrite).to_contain_text(f"Saved ({len(REWRITE.split())} words).")

    doc = json.loads(work_file(lab, student).read_text(encoding="utf-8"))
    saved = doc["quiz"][bank["id"]]
    assert set(saved) == {q["id"] for q in questions}
    for q in questions:
        attempts = saved[q["id"]]["attempts"]
        assert [a["correct"] for a in attempts] == [True], (q["id"], attempts)
    find = next(q for q in questions if q["type"] == "find")
    start, end = saved[find["id"]]["attempts"][0]["response"]
    assert kit.load_article(REPO / "seeds" / f"{SEED_ID}.txt").text[start:end] == _first(find)
    assert lesson_status(lab, student, "04") == "done"


def _first(q: dict) -> str:
    """A find question's first accepted answer (a bank may list the alternatives)."""
    return q["answer"] if isinstance(q["answer"], str) else q["answer"][0]


def answer_by_keyboard(page, question, q: dict) -> None:
    """Give the right answer to one question of the bank, with Tab, arrows, Space and keys."""
    kind = q["type"]
    if kind in ("single", "truefalse"):
        if kind == "single":
            label = q["options"][q["answer"]]
        else:
            label = "True" if q["answer"] else "False"
        group = question.get_by_role("radiogroup", name=q["prompt"].strip())
        radio = group.get_by_role("radio", name=label, exact=True)
        tab_to(page, radio, backwards=True)
        page.keyboard.press("Space")
        expect(radio).to_be_checked()
    elif kind == "multiple":
        group = question.get_by_role("group", name=q["prompt"].strip())
        for n, k in enumerate(q["answer"]):
            box = group.get_by_role("checkbox", name=q["options"][k], exact=True)
            tab_to(page, box, backwards=n == 0)
            page.keyboard.press("Space")
            expect(box).to_be_checked()
    elif kind == "find":
        answer = _first(q)
        live = question.locator(".kit-hl-live")
        tab_to(page, question.locator(".kit-hl-article"), backwards=True)
        sentence = 11  # "... according to Ukrainian officials."
        move_cursor_to(page, live, sentence, answer)
        page.keyboard.press("Enter")
        expect(live).to_have_text(f"Selected: “{answer}”.")
        expect(question.locator(".kit-quiz-chosen")).to_have_text(f"Your selection: “{answer}”")
    else:
        raise AssertionError(f"no keyboard recipe for {kind} questions")


def saved_response(lab, student: str, key: str) -> str | None:
    """A written answer as the student's work file on disk holds it."""
    doc = json.loads(work_file(lab, student).read_text(encoding="utf-8"))
    return (doc["responses"].get(key) or {}).get("value")


def lesson_status(lab, student: str, lesson: str) -> str:
    """The lesson's status for this student by the course's own rules, as the dashboard shows it."""
    progress = load_class(lab.work_dir, seeds=REPO / "seeds").progress()
    row = progress[(progress["student"] == student) & (progress["lesson"] == lesson)]
    assert len(row) == 1, progress
    return row["status"].iloc[0]
