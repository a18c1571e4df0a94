"""Every course notebook (students' and teachers') runs in a real JupyterLab: Run All gives no
error output and no widget error, and a screenshot of the whole notebook is saved for a person to
look at (test-artifacts/course/<notebook>.png).

One test per notebook, in the order `make nbval` runs them. The lab's work folder starts empty,
so a student is signed in first (as notebook 0 would): each test also runs on its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.work.store import set_student
from tests.browser.conftest import ARTIFACTS
from tests.browser.lab import REPO, assert_no_widget_errors, error_outputs, open_notebook, run_all

pytestmark = pytest.mark.browser

NOTEBOOK_DIR = REPO / "notebooks"
NOTEBOOKS = sorted(
    p.relative_to(REPO).as_posix()
    for p in NOTEBOOK_DIR.rglob("*.ipynb")
    if ".ipynb_checkpoints" not in p.parts
)
STUDENT = "student"  # what notebook 0 signs in
SHOTS = ARTIFACTS / "course"
#: The screenshot shows the whole notebook up to this height (px); longer ones are cut.
MAX_SHOT_HEIGHT = 16_000

_CONTENT_HEIGHT_JS = """() => {
  const node = window.jupyterapp.shell.currentWidget.content.node;
  const scroller = node.querySelector('.jp-WindowedPanel-outer') || node;
  const cells = node.querySelectorAll('.jp-Cell');
  if (!cells.length) return 0;
  const top = scroller.getBoundingClientRect().top - scroller.scrollTop;
  const bottom = cells[cells.length - 1].getBoundingClientRect().bottom - top;
  const extra = window.innerHeight - scroller.clientHeight;  // menus, toolbar, status bar
  return Math.ceil(bottom + extra + 40);
}"""
_SCROLL_TOP_JS = """async () => {
  const nb = window.jupyterapp.shell.currentWidget.content;
  nb.activeCellIndex = 0;
  for (const el of [nb.node, ...nb.node.querySelectorAll('*')]) {
    if (el.scrollTop > 0) el.scrollTop = 0;
  }
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""


@pytest.fixture
def signed_in(lab):
    """A student id in the lab's work folder, unless notebook 0 already signed one in."""
    if not (Path(lab.work_dir) / ".student").exists():
        set_student(STUDENT, lab.work_dir)


def whole_notebook_screenshot(page, relpath: str) -> Path:
    """Make the window as tall as the notebook, so every cell and widget is drawn, and save it."""
    page.evaluate("() => window.jupyterapp.shell.collapseLeft()")
    height = 1000
    for _ in range(4):  # cells drawn at the new size can make the notebook taller again
        wanted = min(page.evaluate(_CONTENT_HEIGHT_JS), MAX_SHOT_HEIGHT)
        if wanted <= height:
            break
        height = wanted
        page.set_viewport_size({"width": 1400, "height": height})
        page.wait_for_timeout(300)
    page.evaluate(_SCROLL_TOP_JS)
    assert_no_widget_errors(page)  # cells drawn only now must render too
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / (relpath.removeprefix("notebooks/").replace("/", "__") + ".png")
    page.screenshot(path=str(path))
    return path


@pytest.mark.parametrize("relpath", NOTEBOOKS)
def test_notebook_runs_in_jupyterlab_without_errors(page, lab, signed_in, relpath):
    open_notebook(page, lab, relpath)
    run_all(page)
    assert_no_widget_errors(page)
    assert error_outputs(page) == []
    shot = whole_notebook_screenshot(page, relpath)
    assert shot.stat().st_size > 10_000
