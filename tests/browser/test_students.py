"""What a student does that the older browser tests did not cover (issue 17): a comment typed in
the highlight editor is kept however the editor is closed."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.lab import assert_no_widget_errors, error_outputs, open_notebook, run_all
from tests.browser.notebook_files import (
    SEED_FROM_TESTS,
    saved_annotations,
    wait_until,
    write_notebook,
)
from tests.browser.test_highlighter import drag_over

pytestmark = pytest.mark.browser


def show_highlighter(page, lab, student: str) -> None:
    nb = write_notebook(
        lab,
        f"{student}.ipynb",
        "import kit",
        f'article = kit.load_article("{SEED_FROM_TESTS}")',
        f'kit.highlight_sources(article, student="{student}")',
    )
    open_notebook(page, lab, nb)
    run_all(page)
    assert_no_widget_errors(page)
    assert error_outputs(page) == []
    page.wait_for_selector(".kit-hl[data-ready]")


def saved_comment(lab, student: str, exact: str) -> str | None:
    found = [a for a in saved_annotations(lab, student) if a["exact"] == exact]
    return found[0]["comment"] if found else None


def test_a_comment_survives_escape_close_and_leaving_the_box(page, lab):
    student = "t-comment-kept"
    show_highlighter(page, lab, student)
    hl = page.locator(".kit-hl")
    editor = hl.locator(".kit-hl-editor")
    drag_over(page, "Downing Street")
    wait_until(lambda: saved_comment(lab, student, "Downing Street") == "")
    mark = hl.locator("mark.kit-hl-mark", has_text="Downing Street")

    # Typed, then Escape: no "Save comment" pressed.
    mark.click()
    editor.get_by_label("Comment").fill("The prime minister's office.")
    page.keyboard.press("Escape")
    expect(editor).to_be_hidden()
    wait_until(
        lambda: saved_comment(lab, student, "Downing Street") == "The prime minister's office."
    )

    # Changed, then the Close button.
    mark.click()
    expect(editor.get_by_label("Comment")).to_have_value("The prime minister's office.")
    editor.get_by_label("Comment").fill("Speaks for Starmer.")
    editor.get_by_role("button", name="Close").click()
    expect(editor).to_be_hidden()
    wait_until(lambda: saved_comment(lab, student, "Downing Street") == "Speaks for Starmer.")

    # Changed, then the focus leaves the box (Tab to the next control): saved at once.
    mark.click()
    editor.get_by_label("Comment").fill("An institution, not a person.")
    page.keyboard.press("Tab")
    expect(editor).to_be_visible()
    wait_until(
        lambda: saved_comment(lab, student, "Downing Street") == "An institution, not a person."
    )
    expect(hl.locator(".kit-hl-live")).to_have_text("Saved your comment on “Downing Street”.")


CELL_OF = "(e) => { const c = e.closest('.jp-Cell'); return c && c === document.activeElement; }"
ACTIVE_CELL_JS = """() => { const nb = window.jupyterapp.shell.currentWidget.content;
  return [nb.activeCellIndex, nb.mode, document.activeElement === nb.activeCell.node]; }"""


def select_cell(page, index: int) -> None:
    """Command mode on cell `index`, the focus on the cell (as after Escape and the arrows)."""
    page.evaluate(
        """(i) => { const nb = window.jupyterapp.shell.currentWidget.content;
          nb.mode = 'command'; nb.activeCellIndex = i; nb.activeCell.node.focus(); }""",
        index,
    )
    assert page.evaluate(ACTIVE_CELL_JS) == [index, "command", True]


def test_the_highlighter_is_two_keys_from_the_next_cell_and_escape_goes_back(page, lab):
    student = "t-keys-flow"
    nb = write_notebook(
        lab,
        f"{student}.ipynb",
        "import kit",
        f'article = kit.load_article("{SEED_FROM_TESTS}")',
        f'kit.highlight_sources(article, student="{student}")',
        "1 + 1",
    )
    open_notebook(page, lab, nb)
    run_all(page)
    assert_no_widget_errors(page)
    hl = page.locator(".kit-hl[data-ready]")
    article = hl.locator(".kit-hl-article")
    live = hl.locator(".kit-hl-live")
    expect(hl).to_contain_text("on this cell comes in")  # the widget says how
    select_cell(page, 3)  # the cell after the highlighter, in command mode

    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    expect(article).to_be_focused()  # two keys

    # Moving by sentence reads out where the sentence is and how it starts, not one word.
    page.keyboard.press("Home")
    expect(live).to_have_text("Ukraine.")
    page.keyboard.press("ArrowDown")
    expect(live).to_have_text(
        re.compile(r"^(Paragraph \d+|[A-Z][a-z]+), sentence \d+: \w+ \w+ \w+")
    )

    # Escape: back to the cell, in command mode, the focus on the cell.
    page.keyboard.press("Escape")
    assert page.evaluate(ACTIVE_CELL_JS) == [2, "command", True]
    assert article.evaluate(CELL_OF)
    page.keyboard.press("ArrowDown")  # JupyterLab's keys work again: the next cell
    assert page.evaluate(ACTIVE_CELL_JS)[0] == 3

    # Shift+Enter inside the widget runs its cell and moves on, as anywhere in a notebook.
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    expect(article).to_be_focused()
    count = page.locator(".jp-Cell").nth(2).locator(".jp-InputPrompt")
    before = count.text_content()
    page.keyboard.press("Shift+Enter")
    expect(count).not_to_have_text(before)
    page.wait_for_function(
        "() => window.jupyterapp.shell.currentWidget.content.activeCellIndex === 3"
    )
    assert page.evaluate(ACTIVE_CELL_JS)[1] == "command"


def test_sign_in_by_the_box_alone_then_work_is_saved_in_that_folder(page, lab):
    nb = write_notebook(
        lab,
        "t-sign-in.ipynb",
        "import kit\nkit.sign_in()",
        f'article = kit.load_article("{SEED_FROM_TESTS}")\nkit.highlight_sources(article)',
    )
    open_notebook(page, lab, nb)
    run_all(page)
    assert_no_widget_errors(page)
    assert error_outputs(page) == []
    box = page.locator(".kit-sign-in")
    name = box.get_by_role("textbox")
    check = box.locator(".kit-live")
    # Checked as it is typed, with the work folder's rules.
    name.press_sequentially("2b 07")
    expect(check).to_contain_text("Not allowed in a folder name: a space")
    name.fill("")
    name.press_sequentially("2b-07")
    expect(check).to_contain_text("OK: your work will be saved in the folder “2b-07”")
    box.get_by_role("button", name="Sign in").press("Enter")
    expect(check).to_contain_text("Hello, 2b-07!")
    assert (lab.work_dir / ".student").read_text(encoding="utf-8").strip() == "2b-07"

    # The exercise cell, run again now, saves into that student's folder.
    run_all(page)
    page.wait_for_selector(".kit-hl[data-ready]")
    drag_over(page, "Downing Street")
    [ann] = wait_until(lambda: saved_annotations(lab, "2b-07"))
    assert ann["exact"] == "Downing Street"
