"""A student opens a course notebook again, as JupyterLab shows it before any cell runs.

The lab's copy of the course is not trusted (its Jupyter data folder is new), so this is what a
student sees when a notebook was not opened with `make lab`: JupyterLab sanitizes the saved HTML
outputs, and the views must keep their look (source colours, paragraph numbers apart from the
text, tables left-aligned). And the saved work must come back by following the note the notebook
shows above each exercise.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

import kit
from kit.work.annotations import make_annotation
from kit.work.store import Workspace, set_student
from tests.browser.lab import KERNEL_TIMEOUT_MS, RUN_ALL_TIMEOUT_MS, open_notebook

pytestmark = pytest.mark.browser

NOTEBOOK = "notebooks/03_who_is_talking.ipynb"
STUDENT = "student"

_UNTRUSTED_OUTPUTS_JS = """() => {
  const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
  let untrusted = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells.get(i);
    if (c.type === 'code' && c.outputs.length && !c.trusted) untrusted++;
  }
  return untrusted;
}"""

_STYLE_JS = """(el) => {
  const s = getComputedStyle(el);
  return {display: s.display, marginRight: s.marginRight, background: s.backgroundColor,
          border: s.borderBottomStyle, textAlign: s.textAlign, font: s.fontFamily};
}"""


def _computed(locator) -> dict:
    locator.scroll_into_view_if_needed()
    return locator.evaluate(_STYLE_JS)


def test_an_untrusted_course_notebook_shows_styled_views_before_it_runs(page, lab):
    open_notebook(page, lab, NOTEBOOK)
    assert page.evaluate(_UNTRUSTED_OUTPUTS_JS) > 0  # the case the test is about
    view = page.locator(".jp-OutputArea-output .kit-article").last
    view.wait_for(timeout=KERNEL_TIMEOUT_MS)

    number = _computed(view.locator(".kit-pn").first)
    assert number["display"] == "inline-block" and number["marginRight"] != "0px"
    source = _computed(view.locator(".kit-mark.kit-l-source").first)
    assert source["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
    assert source["border"] == "solid"
    key = _computed(view.locator(".kit-legend .kit-key").first)
    assert key["border"] != "none"
    assert "Georgia" in _computed(view)["font"]

    cell = page.locator(".jp-OutputArea-output .kit-table td").first
    assert _computed(cell)["textAlign"] == "left"


def test_a_reopened_notebook_shows_saved_work_after_the_on_page_instruction(page, lab):
    if not (Path(lab.work_dir) / ".student").exists():
        set_student(STUDENT, lab.work_dir)
    student = kit.current_student(lab.work_dir)
    article = kit.load_article(Path(lab.root) / "seeds" / "000_8e915a2399968c01.txt")
    work = Workspace(student, article, lab.work_dir)
    saved = {"Volodymyr Zelensky": "source:named_person", "Downing Street": "source:institution"}
    for name, tag in saved.items():
        start = article.text.index(name)
        work.add(make_annotation(article.text, start, start + len(name), [tag]))

    open_notebook(page, lab, NOTEBOOK)
    # Reopened, nothing has run: the saved outputs do not hold the student's highlights.
    expect(page.locator("mark.kit-hl-mark")).to_have_count(0)
    note = page.locator(".jp-RenderedMarkdown", has_text="Run > Run All Cells").first
    expect(note).to_be_visible()

    # Follow the note as a student would: the Run menu, then Run All Cells.
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()

    marks = page.locator("mark.kit-hl-mark")
    expect(marks).to_have_count(len(saved), timeout=RUN_ALL_TIMEOUT_MS)
    expect(marks.first).to_have_text("Volodymyr Zelensky")
    expect(marks.last).to_have_text("Downing Street")
