"""`make lab` starts JupyterLab on the course and opens notebook 0 (the command a user runs)."""

from __future__ import annotations

import secrets
import sys
import time

import pytest

from tests.browser.lab import (
    REPO,
    Lab,
    _server_env,
    free_port,
    launch,
    shutdown_kernels,
    stop_lab,
    wait_until_ready,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def make_lab(tmp_path):
    home = tmp_path / "home"
    for sub in ("config", "data", "runtime", "workspaces", "settings", "ipython"):
        (home / sub).mkdir(parents=True)
    lab = Lab(
        root=REPO / "notebooks",
        work_dir=tmp_path / "work",
        home=home,
        port=free_port(),
        token=secrets.token_hex(16),
        log_path=tmp_path / "make-lab.log",
    )
    # Instead of a desktop browser, `make lab` "opens" a recorder that writes down the URL, so the
    # test visits exactly the page a user's browser would get.
    recorder = tmp_path / "record_url.py"
    recorder.write_text(
        "import sys, pathlib\n"
        f"pathlib.Path({str(tmp_path / 'opened_url')!r}).write_text(sys.argv[1])\n"
    )
    args = (
        f'--ServerApp.browser="{sys.executable} {recorder} %s" '
        f"--ip=127.0.0.1 --port={lab.port} --ServerApp.port_retries=0 "
        f"--IdentityProvider.token={lab.token} --LabApp.news_url=None "
        "--LabApp.expose_app_in_browser=True "
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate "
        # JupyterLab checkpoints every notebook it opens: into the test's folder, not notebooks/.
        f"--FileCheckpoints.checkpoint_dir={tmp_path / 'checkpoints'}"
    )
    lab.proc = launch(
        ["make", "--no-print-directory", "-C", str(REPO), "lab", f"LAB_ARGS={args}"],
        REPO,
        _server_env(lab),
        lab.log_path,
    )
    try:
        wait_until_ready(
            "make lab",
            lab.proc,
            lambda: lab.api("GET", "api/status", timeout=2),
            lab.log_tail,
            timeout_s=120,
        )
    except RuntimeError as e:
        stop_lab(lab)
        pytest.fail(str(e))
    deadline = time.monotonic() + 30
    opened = tmp_path / "opened_url"
    while not opened.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    lab.opened_url = opened.read_text() if opened.exists() else None
    try:
        yield lab
    finally:
        shutdown_kernels(lab)
        stop_lab(lab)


def test_make_lab_opens_notebook_zero(browser, make_lab):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        assert make_lab.opened_url, "make lab did not open a browser page"
        # Jupyter opens a local page that redirects (with the token) to the notebook.
        page.goto(make_lab.opened_url)
        page.wait_for_url("**/lab/tree/00_start_here.ipynb**", timeout=30_000)
        page.wait_for_function(
            """() => {
                const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
                return !!w && !!w.context && w.context.path === '00_start_here.ipynb';
            }""",
            timeout=60_000,
        )
        page.locator(".jp-RenderedMarkdown").get_by_text(
            "Welcome to the news detective"
        ).first.wait_for(timeout=30_000)
    finally:
        context.close()
    assert errors == []


def test_make_lab_trusts_the_course_notebooks(make_lab):
    """A trusted notebook shows its saved outputs as they were made (styles included)."""
    import nbformat
    from nbformat.sign import NotebookNotary

    notary = NotebookNotary(data_dir=str(make_lab.home / "data"))
    notebooks = sorted((REPO / "notebooks").rglob("*.ipynb"))
    untrusted = [
        p.name
        for p in notebooks
        if ".ipynb_checkpoints" not in p.parts
        and not notary.check_signature(nbformat.read(p, as_version=4))
    ]
    assert notebooks and untrusted == []
