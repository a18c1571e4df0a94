"""Fixtures for browser tests: one real JupyterLab server and one chromium per session.

Fixtures:
  lab             session: running server (see tests/browser/lab.py: Lab); lab.work_dir is the
                  kernels' KIT_WORK_DIR, lab.root the served copy of notebooks/ and seeds/.
  browser         session: Playwright chromium (/usr/bin/chromium).
  browser_errors  function: what the page reported (page_errors, console_errors).
  page            function: new 1400x1000 context; fails the test on any uncaught page error;
                  screenshot to test-artifacts/<test>.png; kernels shut down after the test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from tests.browser.lab import CHROMIUM, CHROMIUM_ARGS, REPO, shutdown_kernels, start_lab, stop_lab

ARTIFACTS = REPO / "test-artifacts"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:  # everything under tests/browser/ is a browser test
        if "/tests/browser/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    server = start_lab(tmp_path_factory.mktemp("jupyterlab"))
    try:
        yield server
    finally:
        stop_lab(server)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class BrowserErrors:
    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture
def browser_errors():
    return BrowserErrors()


@pytest.fixture
def page(request, lab, browser, browser_errors):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.on("pageerror", lambda exc: browser_errors.page_errors.append(str(exc)))
    pg.on(
        "console",
        lambda msg: msg.type == "error" and browser_errors.console_errors.append(msg.text),
    )
    try:
        yield pg
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name).strip("_")
        try:
            pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        except Exception as exc:  # a screenshot must never hide the real failure
            print(f"screenshot failed: {exc}")
        context.close()
        shutdown_kernels(lab)
        if browser_errors.console_errors:
            print("console errors:\n  " + "\n  ".join(browser_errors.console_errors))
    if browser_errors.page_errors:
        pytest.fail("uncaught errors in the page:\n  " + "\n  ".join(browser_errors.page_errors))
