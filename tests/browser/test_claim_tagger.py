"""Students tag claims sentence by sentence in a real JupyterLab, by keyboard and by mouse."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

import kit
from tests.browser.lab import (
    REPO,
    assert_no_widget_errors,
    axe_check,
    error_outputs,
    open_notebook,
    run_all,
)
from tests.browser.notebook_files import (
    SEED_FROM_TESTS,
    saved_annotations,
    wait_until,
    write_notebook,
)

pytestmark = pytest.mark.browser

SEED = kit.load_article(REPO / "seeds" / "000_8e915a2399968c01.txt")


def test_tag_a_sentence_as_prediction_by_keyboard_and_mouse_then_undo(page, lab):
    nb = write_notebook(
        lab,
        "t-claims.ipynb",
        "import kit",
        f'article = kit.load_article("{SEED_FROM_TESTS}")',
        'kit.tag_claims(article, student="t-claims")',
    )
    open_notebook(page, lab, nb)
    run_all(page)
    assert_no_widget_errors(page)
    assert error_outputs(page) == []
    page.wait_for_selector(".kit-ct[data-ready]")
    live = page.locator(".kit-ct-live")
    panel = page.locator(".kit-ct-panel")

    page.locator(".kit-ct-list").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # the third sentence: "... are set to travel to Ukraine ..."
    expect(panel.locator(".kit-ct-sentence")).to_contain_text("are set to travel to Ukraine")
    page.keyboard.press("5")  # Prediction
    [ann] = wait_until(lambda: saved_annotations(lab, "t-claims"))
    s = SEED.sentences[2]
    assert (ann["start"], ann["end"]) == (s.start, s.end)
    assert ann["exact"] == SEED.text[s.start : s.end]
    assert ann["tags"] == ["claim:prediction"]
    expect(live).to_have_text("Saved: Paragraph 1, sentence 1: Prediction.")
    expect(page.locator(".kit-ct-progress")).to_have_text("1 of 15 sentences have a claim type.")

    panel.locator("label.kit-ct-choice", has_text="Nothing to check").click()
    wait_until(
        lambda: (
            saved_annotations(lab, "t-claims")[0]["tags"] == ["claim:prediction", "checkworthy:no"]
        )
    )
    panel.locator("select").select_option("the reporter")
    wait_until(lambda: "claimant:the reporter" in saved_annotations(lab, "t-claims")[0]["tags"])
    panel.locator("textarea").fill("“set to” is about the future")
    page.keyboard.press("Escape")  # back to the list; the note is saved on the way
    wait_until(
        lambda: saved_annotations(lab, "t-claims")[0]["comment"] == "“set to” is about the future"
    )
    expect(live).to_have_text("Saved your note on paragraph 1, sentence 1.")
    page.keyboard.press("Control+z")
    wait_until(lambda: saved_annotations(lab, "t-claims")[0]["comment"] == "")
    expect(live).to_have_text("Undone.")
    expect(panel.locator("textarea")).to_have_value("")
    expect(page.locator(".kit-ct-option").nth(2)).to_contain_text(
        "Prediction · Nothing to check · the reporter"
    )
    # Redo puts the note back; Redo is then disabled under the focus, which moves to Undo
    # instead of falling to the page body.
    toolbar = page.locator(".kit-ct-toolbar")
    toolbar.get_by_role("button", name="Redo").focus()
    page.keyboard.press("Enter")
    expect(live).to_have_text("Redone.")
    wait_until(
        lambda: saved_annotations(lab, "t-claims")[0]["comment"] == "“set to” is about the future"
    )
    expect(toolbar.get_by_role("button", name="Redo")).to_be_disabled()
    expect(toolbar.get_by_role("button", name="Undo")).to_be_focused()
    cells = page.evaluate("() => window.jupyterapp.shell.currentWidget.content.model.cells.length")
    for target in (".kit-ct-list", ".kit-ct-panel input[type=radio]"):
        page.locator(target).first.focus()
        # JupyterLab's cell shortcuts (Shift+Enter runs the cell on purpose: test_students.py)
        for key in ("b", "a", "d", "d"):
            page.keyboard.press(key)
    page.wait_for_timeout(300)
    after = page.evaluate("() => window.jupyterapp.shell.currentWidget.content.model.cells.length")
    assert after == cells, "JupyterLab took keys pressed in the widget"
    violations = axe_check(page, ".kit-ct")
    assert violations == [], violations


def test_when_the_kernel_is_gone_a_tag_is_reported_as_not_saved(page, lab):
    nb = write_notebook(
        lab,
        "t-claims-dead.ipynb",
        "import kit",
        f'article = kit.load_article("{SEED_FROM_TESTS}")',
        'kit.tag_claims(article, student="t-claims-dead")',
    )
    open_notebook(page, lab, nb)
    run_all(page)
    page.wait_for_selector(".kit-ct[data-ready]")
    page.evaluate(
        "async () => { const w = window.jupyterapp.shell.currentWidget;"
        " await w.sessionContext.session.kernel.shutdown(); }"
    )
    page.locator(".kit-ct-list").focus()
    page.keyboard.press("5")
    expect(page.locator(".kit-ct-warn")).to_contain_text("Not saved", timeout=10_000)
    assert saved_annotations(lab, "t-claims-dead") == []
