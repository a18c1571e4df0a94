"""The first notebook runs in a real JupyterLab and its widgets render."""

import pytest
from playwright.sync_api import expect

from tests.browser.lab import assert_no_widget_errors, error_outputs, open_notebook, run_all

pytestmark = pytest.mark.browser

START = "notebooks/00_start_here.ipynb"


def test_start_here_runs_and_shows_the_article(page, lab):
    open_notebook(page, lab, START)
    run_all(page)
    assert_no_widget_errors(page)
    assert error_outputs(page) == []
    headline = page.locator(".jp-OutputArea-output").get_by_text("Ukraine to host").first
    headline.scroll_into_view_if_needed()
    expect(headline).to_be_visible()
