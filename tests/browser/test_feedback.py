"""Feedback in a real JupyterLab: a saved written answer opens its model answer and checklist, a
choice gets a word on the option chosen, and checked claim tags say what the key says and why."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.lab import assert_no_widget_errors, error_outputs, open_notebook, run_all
from tests.browser.notebook_files import SEED_FROM_TESTS, wait_until, work_file, write_notebook

pytestmark = pytest.mark.browser


def test_a_saved_written_answer_shows_the_model_answer_and_a_choice_its_feedback(page, lab):
    nb = write_notebook(
        lab,
        "t-feedback.ipynb",
        "import kit",
        f'article = kit.load_article("{SEED_FROM_TESTS}")',
        'kit.write("lesson2.who", "Who?", article=article, student="t-fb")',
        'kit.choose("lesson1.kind", "Kind?", ["News report", "Opinion"], article=article,'
        ' student="t-fb")',
    )
    open_notebook(page, lab, nb)
    run_all(page)
    assert_no_widget_errors(page)
    assert error_outputs(page) == []
    written = page.locator(".kit-written-answer")
    button = written.get_by_role("button", name="I have finished: show me a model answer")
    expect(button).to_be_disabled()  # nothing written yet: no model answer to copy
    expect(written.locator(".kit-model-answer")).to_have_count(0)

    written.locator("textarea").fill("Zelensky and the coalition")
    path = work_file(lab, "t-fb", "000_8e915a2399968c01")
    wait_until(lambda: path.exists() and json.loads(path.read_text())["responses"])
    expect(button).to_be_enabled()
    button.click()
    shown = written.locator(".kit-model-answer")
    expect(shown).to_contain_text("A model answer: Volodymyr Zelensky, Ukraine's president")
    expect(shown.locator("li")).to_contain_text(["It names the main people or groups"])

    choice = page.locator(".kit-choice-answer")
    choice.get_by_text("Opinion", exact=True).click()
    expect(choice.locator(".kit-model-answer")).to_contain_text("Not this time")


def test_checked_claim_tags_show_what_the_key_says_and_why(page, lab):
    nb = write_notebook(
        lab,
        "t-claim-check.ipynb",
        "import kit",
        f'article = kit.load_article("{SEED_FROM_TESTS}")',
        'kit.tag_claims(article, student="t-check")',
    )
    open_notebook(page, lab, nb)
    run_all(page)
    assert_no_widget_errors(page)
    page.wait_for_selector(".kit-ct[data-ready]")
    panel = page.locator(".kit-ct-panel")
    expect(panel.locator(".kit-ct-feedback")).to_be_hidden()
    panel.locator("label.kit-ct-choice", has_text="Prediction").first.click()  # the headline
    wait_until(lambda: work_file(lab, "t-check", "000_8e915a2399968c01").exists())
    page.get_by_role("button", name="Check my tags").click()
    feedback = panel.locator(".kit-ct-feedback")
    expect(feedback).to_contain_text("You chose Prediction; the key says Policy.")
    expect(feedback).to_contain_text("An announced plan")
