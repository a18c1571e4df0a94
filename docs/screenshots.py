"""Retake the screenshots in docs/images/ in a real JupyterLab (headless Debian chromium).

    make screenshots            # or: PYTHONPATH=. .venv/bin/python docs/screenshots.py

It starts JupyterLab with the browser tests' helpers (tests/browser/lab.py: a temporary copy of
notebooks/ and seeds/, isolated Jupyter state, a free port), then:

- highlighter.png: the Highlighter on the seed article, four sources highlighted by dragging the
  mouse across them, as a student does;
- dashboard.png: the class dashboard on a demo class of 30 invented students (kit.demo_class).

The kernels import `kit` from this checkout (PYTHONPATH is passed on). Not part of `make test`.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from kit.articles.selection import utf16_offset  # noqa: E402
from tests.browser.lab import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    assert_no_widget_errors,
    error_outputs,
    open_notebook,
    run_all,
    select_text,
    shutdown_kernels,
    start_lab,
    stop_lab,
)
from tests.browser.notebook_files import (  # noqa: E402
    SEED_FROM_TESTS,
    saved_annotations,
    wait_until,
    write_notebook,
)

IMAGES = REPO / "docs" / "images"
# The window each picture is taken in (the dashboard is long: a taller window shows the quiz
# questions most often wrong below the progress tables).
VIEWPORTS = {
    "highlighter": {"width": 1200, "height": 820},
    "dashboard": {"width": 1200, "height": 1700},
}
# (label chip, the words to highlight, the words around them that find their paragraph)
HIGHLIGHTS = [
    ("Named person", "Volodymyr Zelensky", "Volodymyr Zelensky has said"),
    ("Named person", "The Ukrainian president", "The Ukrainian president said"),
    ("Named person", "He", "He said there was"),
    ("Institution", "Downing Street", "but Downing Street would not"),
]


def _hide_side_panel(page) -> None:
    """Close JupyterLab's left side bar, so the notebook gets the width."""
    page.evaluate(
        "() => { const s = window.jupyterapp.shell; if (!s.leftCollapsed) s.collapseLeft(); }"
    )
    page.wait_for_timeout(300)


def _scroll_to_output(page, selector: str) -> None:
    """Scroll the notebook so that the cell holding `selector` is at the top of the window."""
    page.locator(selector).first.evaluate(
        "(el) => (el.closest('.jp-Cell') || el).scrollIntoView({block: 'start'})"
    )
    page.wait_for_timeout(500)


def highlighter(page, lab) -> Path:
    student = "sam"
    nb = write_notebook(
        lab,
        "highlighter.ipynb",
        "import kit",
        f'article = kit.load_article("{SEED_FROM_TESTS}")',
        f'kit.highlight_sources(article, student="{student}")',
    )
    open_notebook(page, lab, nb)
    _hide_side_panel(page)
    run_all(page)
    assert_no_widget_errors(page)
    assert error_outputs(page) == [], error_outputs(page)
    page.wait_for_selector(".kit-hl[data-ready]")
    for n, (label, phrase, around) in enumerate(HIGHLIGHTS, start=1):
        page.locator(".kit-hl-chip", has_text=label).first.click()
        para = page.locator(".kit-hl-ptext", has_text=around).first
        text = para.text_content()
        i = text.index(around) + around.index(phrase)
        select_text(page, para, utf16_offset(text, i), utf16_offset(text, i + len(phrase)))
        wait_until(lambda n=n: len(saved_annotations(lab, student)) == n)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    _scroll_to_output(page, ".kit-hl")
    path = IMAGES / "highlighter.png"
    page.screenshot(path=str(path))
    return path


def dashboard(page, lab) -> Path:
    nb = write_notebook(
        lab,
        "dashboard.ipynb",
        "import kit",
        'class_dir = kit.demo_class(students=30, seed=0, seeds="../seeds")',
        'kit.dashboard(class_dir, seeds="../seeds")',
    )
    open_notebook(page, lab, nb)
    _hide_side_panel(page)
    run_all(page)
    assert_no_widget_errors(page)
    assert error_outputs(page) == [], error_outputs(page)
    page.wait_for_selector(".kit-dashboard .kit-view h3")
    _scroll_to_output(page, ".kit-dashboard")
    path = IMAGES / "dashboard.png"
    page.screenshot(path=str(path))
    return path


def main(argv: list[str]) -> int:
    """Take every picture, or only those named on the command line (highlighter, dashboard)."""
    from playwright.sync_api import sync_playwright

    shots = [f for f in (highlighter, dashboard) if not argv or f.__name__ in argv]
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kit-screenshots-") as tmp:
        lab = start_lab(Path(tmp))
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
                )
                try:
                    for take in shots:
                        context = browser.new_context(viewport=VIEWPORTS[take.__name__])
                        page = context.new_page()
                        errors: list[str] = []
                        page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
                        try:
                            path = take(page, lab)
                        finally:
                            context.close()
                            shutdown_kernels(lab)
                        if errors:
                            raise SystemExit(f"{take.__name__}: errors in the page: {errors}")
                        size = path.stat().st_size
                        print(f"{path.relative_to(REPO)}: {size / 1024:.0f} KB")
                finally:
                    browser.close()
        finally:
            stop_lab(lab)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
