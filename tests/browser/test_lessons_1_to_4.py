"""Lessons 1-4 run in a real JupyterLab; a student's choice in the paragraph tagger is saved."""

import json

import pytest
from playwright.sync_api import expect

import kit
from tests.browser.lab import assert_no_widget_errors, error_outputs, open_notebook, run_all

pytestmark = pytest.mark.browser

LESSONS = [
    "notebooks/01_first_read.ipynb",
    "notebooks/02_anatomy.ipynb",
    "notebooks/03_who_is_talking.ipynb",
    "notebooks/04_attribution_language.ipynb",
]


@pytest.fixture
def signed_in(lab):
    kit.set_student("walker", lab.work_dir)
    return lab.work_dir / "walker" / "000_8e915a2399968c01.json"


@pytest.mark.parametrize("notebook", LESSONS, ids=[n.split("/")[1][:2] for n in LESSONS])
def test_lesson_runs_without_errors(page, lab, signed_in, notebook):
    open_notebook(page, lab, notebook)
    run_all(page)
    assert_no_widget_errors(page)
    assert error_outputs(page) == []


def test_a_paragraph_role_chosen_in_the_browser_is_saved(page, lab, signed_in):
    open_notebook(page, lab, LESSONS[1])
    run_all(page)
    assert_no_widget_errors(page)
    first = page.locator(".kit-paragraph-tagger select").first
    first.scroll_into_view_if_needed()
    expect(first).to_be_visible()
    first.focus()
    first.select_option("lede")  # a native <select>: Tab and the arrow keys reach it too
    page.wait_for_function(
        "() => [...document.querySelectorAll('.kit-paragraph-tagger')]"
        ".some((e) => e.textContent.includes('1 of 13 paragraphs tagged'))",
        timeout=10_000,
    )
    doc = json.loads(signed_in.read_text(encoding="utf-8"))
    tags = [b["value"] for a in doc["annotations"] for b in a["body"] if "value" in b]
    assert "role:lede" in tags
