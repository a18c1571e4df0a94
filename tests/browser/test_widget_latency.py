"""How fast the Highlighter feels in a real JupyterLab; figures go to test-artifacts/latency.json.

Targets (issue 4): the seed article's widget is visible within 1 s of the cell running; a selection
is on disk within 300 ms; a 10,000-word article renders within 2 s and stays responsive. Measured
here (2 shared cores) the figures are 3 to 10 times below those targets, so the test asserts the
targets themselves.
"""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import expect

from tests.browser.lab import REPO, assert_no_widget_errors, open_notebook
from tests.browser.notebook_files import (
    SEED_FROM_TESTS,
    saved_annotations,
    wait_until,
    write_notebook,
)
from tests.browser.test_highlighter import drag_over

pytestmark = pytest.mark.browser

RUN_CELL_UNTIL_VISIBLE = """async ([index, selector]) => {
  const nb = window.jupyterapp.shell.currentWidget;
  const cell = nb.content.widgets[index];
  cell.node.querySelectorAll(selector).forEach((e) => e.setAttribute('data-old', ''));
  nb.content.activeCellIndex = index;
  const t0 = performance.now();
  window.jupyterapp.commands.execute('notebook:run-cell');
  return await new Promise((resolve, reject) => {
    const tick = () => {
      const el = cell.node.querySelector(`${selector}:not([data-old])`);
      if (el && el.getBoundingClientRect().height > 0) {
        requestAnimationFrame(() => resolve(performance.now() - t0));  // painted
        return;
      }
      if (performance.now() - t0 > 30000) { reject(new Error('widget not shown in 30 s')); return; }
      requestAnimationFrame(tick);
    };
    tick();
  });
}"""

WAIT_IDLE = """() => {
  const k = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  return k.status === 'idle' && ![...document.querySelectorAll('.jp-InputPrompt')]
    .some((p) => p.textContent.includes('[*]')); }"""


def run_cell(page, index: int) -> None:
    page.evaluate(
        """(i) => { const nb = window.jupyterapp.shell.currentWidget;
             nb.content.activeCellIndex = i;
             window.jupyterapp.commands.execute('notebook:run-cell'); }""",
        index,
    )
    page.wait_for_timeout(50)
    page.wait_for_function(WAIT_IDLE, timeout=60_000, polling=50)


def test_highlighter_latency(page, lab):
    figures: dict[str, float | int] = {}
    nb = write_notebook(
        lab,
        "t-speed.ipynb",
        "import kit\n"
        f'article = kit.load_article("{SEED_FROM_TESTS}")\n'
        "body_words = sum(len(p.split()) for p in article.body)\n"
        "paragraphs = list(article.body) * (10_000 // body_words + 1)\n"
        'big = kit.make_article("A long article", paragraphs, id="big")\n'
        "big.word_count, len(big.sentences)",
        'kit.highlight_sources(article, student="t-speed")',
        'kit.highlight_sources(big, student="t-speed")',
    )
    open_notebook(page, lab, nb)
    run_cell(page, 0)
    words = page.locator(".jp-OutputArea-output").first.text_content()
    figures["big article words"] = int(words.strip("() ").split(",")[0])
    assert figures["big article words"] >= 10_000

    figures["seed: cell run to widget visible, first time (ms)"] = page.evaluate(
        RUN_CELL_UNTIL_VISIBLE, [1, ".kit-hl[data-ready]"]
    )
    page.wait_for_function(WAIT_IDLE, timeout=60_000, polling=50)
    figures["seed: cell run to widget visible, re-run (ms)"] = page.evaluate(
        RUN_CELL_UNTIL_VISIBLE, [1, ".kit-hl[data-ready]"]
    )
    page.wait_for_function(WAIT_IDLE, timeout=60_000, polling=50)
    figures["10,000 words: cell run to widget visible (ms)"] = page.evaluate(
        RUN_CELL_UNTIL_VISIBLE, [2, ".kit-hl[data-ready]"]
    )
    page.wait_for_function(WAIT_IDLE, timeout=60_000, polling=50)
    assert_no_widget_errors(page)

    seed_widget = page.locator(".kit-hl").nth(0)
    samples = []
    for phrase in ("Downing Street", "Ukrainian officials", "Moscow", "John Healey", "Oslo"):
        seed_widget.scroll_into_view_if_needed()
        before = len(saved_annotations(lab, "t-speed"))
        drag_over(page, phrase)
        t0 = time.perf_counter()
        wait_until(lambda b=before: len(saved_annotations(lab, "t-speed")) > b)
        samples.append(time.perf_counter() - t0)
        expect(page.locator(".kit-hl-live").nth(0)).to_contain_text("Saved")
    figures["seed: mouse up to on disk, median of 5 (ms)"] = sorted(samples)[2] * 1000
    figures["seed: mouse up to on disk, worst of 5 (ms)"] = max(samples) * 1000

    big_article = page.locator(".kit-hl-article").nth(1)
    big_article.focus()
    page.keyboard.press("ArrowRight")
    t0 = time.perf_counter()
    for _ in range(20):
        page.keyboard.press("ArrowDown")
    expect(big_article.locator(".kit-hl-cursor")).to_have_count(1)
    figures["10,000 words: one keyboard move, mean of 20 (ms)"] = (
        (time.perf_counter() - t0) / 20 * 1000
    )
    live = page.locator(".kit-hl-live").nth(1)
    t0 = time.perf_counter()
    page.keyboard.press("2")
    expect(live).to_contain_text("Saved:", timeout=5000)
    figures["10,000 words: key press to saved and redrawn (ms)"] = (time.perf_counter() - t0) * 1000

    (REPO / "test-artifacts").mkdir(exist_ok=True)
    (REPO / "test-artifacts" / "latency.json").write_text(json.dumps(figures, indent=1))
    for name, value in figures.items():
        print(f"{name}: {value:.0f}")
    assert figures["seed: cell run to widget visible, first time (ms)"] < 1000
    assert figures["seed: mouse up to on disk, worst of 5 (ms)"] < 300
    assert figures["10,000 words: cell run to widget visible (ms)"] < 2000
    assert figures["10,000 words: one keyboard move, mean of 20 (ms)"] < 100
    assert figures["10,000 words: key press to saved and redrawn (ms)"] < 1000
