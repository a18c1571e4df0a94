"""axe-core in a real JupyterLab over the kit's outputs no other browser test checks: the
paragraph tagger, written answers and choices (kit.write, kit.choose), the article views
(show_article, show_sources, show_claims, show_wording), the prepared cards (show_cards: a
photo and charts with alt text), the kit's notices, and the teacher's
dashboard of a whole class (a table long enough to scroll). No serious or critical violation, and
nothing of that impact axe leaves for review, before and after working in them by keyboard. The
Highlighter, ClaimTagger, quiz and filtered dashboard are checked in their own test files; every
widget holding the XSS payloads in test_xss.py.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

import kit
from tests.browser.lab import (
    assert_no_widget_errors,
    axe_check,
    error_outputs,
    open_notebook,
    run_all,
    tab_to,
)
from tests.browser.notebook_files import SEED_FROM_TESTS, wait_until, work_file, write_notebook

pytestmark = pytest.mark.browser

STUDENT = "axe-widgets"
DASHBOARD = "notebooks/teacher/class_dashboard.ipynb"
WRITE_PROMPT = "Who is missing from this story?"
CHOOSE_PROMPT = "Would you share this story?"
OUTPUTS = {  # what each cell shows -> the code that shows it
    "paragraph tagger": "kit.tag_paragraphs(article)",
    "written answer": f"kit.write('a11y.write', {WRITE_PROMPT!r}, article=article)",
    "choice": f"kit.choose('a11y.choose', {CHOOSE_PROMPT!r}, ['Yes', 'No', 'Not yet'], "
    "article=article)",
    "article": "kit.show_article(article)",
    "sources": "kit.show_sources(article)",
    "claims": "kit.show_claims(article)",
    "wording": "kit.show_wording(article)",
    "where is my work": "kit.where_is_my_work()",
    "a problem notice": "kit.write('a11y.nowhere', 'No article given')",
    "prepared cards": "kit.show_cards('../seeds/practice/millbrook_media_checks.md')",
}


def axe_per_output(page, names: list[str]) -> dict[str, list]:
    """axe-core on each cell's output area; {name: problems} for the outputs that have any."""
    page.evaluate(
        """() => window.jupyterapp.shell.currentWidget.content.widgets.forEach((cell, i) => {
             if (cell.outputArea) cell.outputArea.node.dataset.axeCell = String(i);
           })"""
    )
    found = {}
    for i, name in enumerate(names, start=1):  # cell 0 loads the article
        problems = axe_check(page, f'[data-axe-cell="{i}"]', needs_review=True)
        if problems:
            found[name] = problems
    return found


def test_paragraph_tagger_answers_and_article_views_have_no_serious_problems(page, lab):
    kit.set_student(STUDENT, lab.work_dir)
    setup = f"import kit\narticle = kit.load_article({SEED_FROM_TESTS!r})"
    relpath = write_notebook(lab, "a11y.ipynb", setup, *OUTPUTS.values())
    open_notebook(page, lab, relpath)
    run_all(page)
    assert_no_widget_errors(page)
    assert error_outputs(page) == []
    names = list(OUTPUTS)
    before = axe_per_output(page, names)
    assert before == {}, json.dumps(before, indent=1)

    # The answer controls are named by their question (not only by a placeholder).
    written = page.get_by_role("textbox", name=WRITE_PROMPT)
    choice = page.get_by_role("radiogroup", name=CHOOSE_PROMPT)
    expect(written).to_be_visible()
    expect(choice).to_be_visible()

    # Work in them with the keyboard, then check again.
    tagger = page.locator(".kit-paragraph-tagger")
    first = tagger.get_by_role("combobox").first
    tab_to(page, first)
    page.keyboard.press("ArrowDown")  # "choose a role" -> the first role
    expect(tagger).to_contain_text("1 of 13 paragraphs tagged")
    tab_to(page, written)
    page.keyboard.type("Ordinary Ukrainians.")
    tab_to(page, choice.get_by_role("radio", name="Not yet"))
    page.keyboard.press("Space")
    expect(page.locator(".kit-choice-answer")).to_contain_text("Saved.")

    def saved() -> bool:
        doc = json.loads(work_file(lab, STUDENT).read_text(encoding="utf-8"))
        responses = doc["responses"]
        return (
            responses.get("a11y.write", {}).get("value") == "Ordinary Ukrainians."
            and responses.get("a11y.choose", {}).get("value") == "Not yet"
        )

    wait_until(saved, timeout=30)
    after = axe_per_output(page, names[:3])
    assert after == {}, json.dumps(after, indent=1)


def test_the_class_dashboard_passes_axe_and_its_long_table_scrolls_by_keyboard(page, lab):
    open_notebook(page, lab, DASHBOARD)
    run_all(page)
    assert_no_widget_errors(page)
    dash = page.locator(".kit-dashboard").first
    table = dash.get_by_role("region", name="Each student's lessons")
    expect(table).to_be_visible()
    assert table.evaluate("(e) => e.scrollHeight > e.clientHeight"), "30 students should scroll"
    problems = axe_check(page, ".kit-dashboard", needs_review=True)
    assert problems == [], json.dumps(problems, indent=1)

    tab_to(page, table)
    for _ in range(5):
        page.keyboard.press("ArrowDown")
    page.wait_for_function("(e) => e.scrollTop > 0", arg=table.element_handle(), timeout=10_000)
