"""Helpers for browser tests in a real JupyterLab (Playwright, sync API, Debian chromium).

The server is started by the session fixture ``lab`` (see conftest.py); tests drive it with:

    open_notebook(page, lab, "notebooks/00_start_here.ipynb")
    run_all(page)
    assert_no_widget_errors(page)
    assert not error_outputs(page)

Offsets given to ``select_text`` count JavaScript string units (UTF-16), as the front end does.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
WIDGET_ERROR_TEXTS = ("Loading widget...", "Error displaying widget", "Failed to load model class")
# ipywidgets 8 shows a failed model or view as this element ("Click to show javascript error.")
WIDGET_ERROR_SELECTOR = ".jupyter-widgets-error-widget"
STARTUP_TIMEOUT_S = 60
KERNEL_TIMEOUT_MS = 60_000
RUN_ALL_TIMEOUT_MS = 120_000


@dataclass
class Lab:
    """A running JupyterLab server whose root is a temporary copy of notebooks/ and seeds/."""

    root: Path  # served root: <root>/notebooks, <root>/seeds, <root>/work
    work_dir: Path  # KIT_WORK_DIR of the server and its kernels
    home: Path  # isolated Jupyter/IPython state
    port: int
    token: str
    log_path: Path
    proc: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def tree_url(self, relpath: str) -> str:
        return f"{self.url}lab/tree/{quote(relpath)}?reset&token={self.token}"

    def api(self, method: str, path: str, body: dict | None = None, timeout: float = 10):
        """Call the server's REST API with the token; returns parsed JSON (or None)."""
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(
            f"{self.url}{path.lstrip('/')}",
            data=data,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _copy_sources(root: Path) -> None:
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "work")
    for name in ("notebooks", "seeds"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, root / name, ignore=ignore)
        else:
            (root / name).mkdir(parents=True)


def _server_env(lab: Lab) -> dict[str, str]:
    home = lab.home
    env = dict(os.environ)
    env.update(
        JUPYTER_CONFIG_DIR=str(home / "config"),
        # Extensions installed in the venv (ipywidgets, anywidget) are still found: JupyterLab
        # also searches sys.prefix/share/jupyter, whatever JUPYTER_DATA_DIR says.
        JUPYTER_DATA_DIR=str(home / "data"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
        JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
        IPYTHONDIR=str(home / "ipython"),
        JUPYTER_PLATFORM_DIRS="1",
        KIT_WORK_DIR=str(lab.work_dir),
        PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
    )
    env.pop("JUPYTER_PATH", None)
    return env


def start_lab(tmp: Path) -> Lab:
    """Start JupyterLab on a free port with isolated state; returns when /api/status answers."""
    root, home = tmp / "root", tmp / "home"
    root.mkdir(parents=True)
    _copy_sources(root)
    work_dir = root / "work"
    work_dir.mkdir()
    for sub in ("config", "data", "runtime", "workspaces", "settings", "ipython"):
        (home / sub).mkdir(parents=True)
    news = home / "settings" / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)
    (news / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')

    lab = Lab(
        root=root,
        work_dir=work_dir,
        home=home,
        port=free_port(),
        token=secrets.token_hex(16),
        log_path=tmp / "jupyterlab.log",
    )
    cmd = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
        "--ip=127.0.0.1", f"--port={lab.port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={lab.token}", f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
    ]  # fmt: skip
    lab.proc = launch(cmd, root, _server_env(lab), lab.log_path)
    try:
        wait_until_ready(
            "JupyterLab", lab.proc, lambda: lab.api("GET", "api/status", timeout=2), lab.log_tail
        )
    except RuntimeError:
        stop_lab(lab)
        raise
    return lab


def launch(cmd: list[str], cwd: Path, env: dict[str, str], log_path: Path) -> subprocess.Popen:
    """Start a server process in its own session, its output going to `log_path`."""
    with open(log_path, "wb") as log:
        return subprocess.Popen(
            cmd,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def wait_until_ready(
    what: str,
    proc: subprocess.Popen,
    probe,
    log_tail,
    timeout_s: float = STARTUP_TIMEOUT_S,
) -> None:
    """Poll `probe()` until it answers; fail at once (with the log tail) if the process exits."""
    deadline = time.monotonic() + timeout_s
    while True:
        if proc.poll() is not None:
            raise RuntimeError(
                f"{what} exited with code {proc.returncode} before it was ready:\n" + log_tail()
            )
        try:
            probe()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} not ready after {timeout_s:.0f} s:\n" + log_tail())
        time.sleep(0.2)


def stop_lab(lab: Lab) -> None:
    """SIGTERM the server, wait up to 20 s, then SIGKILL its whole process group."""
    proc = lab.proc
    if proc is None:
        return
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # kernels and anything else it left behind
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


def shutdown_kernels(lab: Lab) -> None:
    """DELETE every running kernel, so the next test starts fresh."""
    try:
        kernels = lab.api("GET", "api/kernels") or []
    except (urllib.error.URLError, OSError):
        return
    for kernel in kernels:
        try:
            lab.api("DELETE", f"api/kernels/{kernel['id']}", timeout=30)
        except urllib.error.HTTPError as exc:
            if exc.code != 404:
                raise


# ------------------------------------------------------------------ page helpers

_KERNEL_IDLE_JS = """(path) => {
  const app = window.jupyterapp;
  const w = app && app.shell && app.shell.currentWidget;
  if (!w || !w.context || !w.context.isReady || w.context.path !== path) return false;
  const kernel = w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return !!kernel && kernel.status === 'idle';
}"""

_IDLE_NOT_RUNNING_JS = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  const kernel = w && w.sessionContext && w.sessionContext.session
    && w.sessionContext.session.kernel;
  if (!kernel || kernel.status !== 'idle') return false;
  return ![...document.querySelectorAll('.jp-InputPrompt')]
    .some((p) => p.textContent.includes('[*]'));
}"""


def open_notebook(page, lab: Lab, relpath: str, timeout_ms: int = KERNEL_TIMEOUT_MS) -> None:
    """Open ``relpath`` (relative to the served root) in a fresh layout; wait for an idle kernel."""
    page.goto(lab.tree_url(relpath))
    page.wait_for_function(_KERNEL_IDLE_JS, arg=relpath, timeout=timeout_ms, polling=100)


def run_all(page, timeout_ms: int = RUN_ALL_TIMEOUT_MS) -> None:
    """Run all cells of the current notebook; wait until none is running and the kernel is idle."""
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(_IDLE_NOT_RUNNING_JS, timeout=timeout_ms, polling=100)


def error_outputs(page) -> list[str]:
    """Error outputs of the current notebook (from its model, whether rendered or not)."""
    return page.evaluate(
        """() => {
      const w = window.jupyterapp.shell.currentWidget;
      const found = [];
      const cells = w.content.model.cells;
      for (let i = 0; i < cells.length; i++) {
        const cell = cells.get(i);
        if (cell.type !== 'code') continue;
        for (const out of cell.toJSON().outputs || []) {
          if (out.output_type === 'error') {
            found.push(`cell ${i}: ${out.ename}: ${out.evalue}`);
          } else if (out.output_type === 'stream' && out.name === 'stderr') {
            const text = Array.isArray(out.text) ? out.text.join('') : out.text;
            if (text.includes('Traceback')) found.push(`cell ${i} (stderr): ${text}`);
          }
        }
      }
      return found;
    }"""
    )


def assert_no_widget_errors(page, settle_ms: int = 15_000) -> None:
    """No widget is stuck loading or failed to render, and no output shows a traceback.

    A failing anywidget ``render`` shows up as an uncaught page error instead (the ``page``
    fixture fails the test on those); the console error behind a failed model is in
    ``browser_errors.console_errors``.
    """
    text_js = "() => (document.querySelector('#main') || document.body).textContent"
    try:  # widget views render asynchronously after the kernel goes idle
        page.wait_for_function(
            f"() => !({text_js})().includes('Loading widget...')", timeout=settle_ms, polling=100
        )
    except Exception:  # reported below with the others
        pass
    text = page.evaluate(text_js)
    problems = [t for t in WIDGET_ERROR_TEXTS if t in text]
    failed = page.locator(WIDGET_ERROR_SELECTOR).count()
    if failed:
        problems.append(f"{failed} widget(s) failed to render ({WIDGET_ERROR_SELECTOR})")
    tracebacks = page.evaluate(
        """() => [...document.querySelectorAll(
            '.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]')]
          .map((e) => e.textContent).filter((t) => t.includes('Traceback'))"""
    )
    assert not problems and not tracebacks, f"widget errors: {problems}; tracebacks: {tracebacks}"


def select_text(page, locator, start: int, end: int, steps: int = 12) -> None:
    """Select ``[start, end)`` of the element's text by dragging the mouse across it.

    Offsets count JavaScript string units (UTF-16) in the concatenation of the element's text
    nodes (its textContent). The drag goes from the left edge of the first character to the right
    edge of the last one, as a person would do it.
    """
    assert 0 <= start < end, (start, end)
    points = locator.evaluate(
        """(el, [start, end]) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let pos = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push([n, pos]);
        pos += n.data.length;
      }
      const locate = (offset) => {
        for (const [n, base] of nodes) {
          if (offset >= base && offset < base + n.data.length) return [n, offset - base];
        }
        throw new Error(`offset ${offset} outside text of length ${pos}`);
      };
      const charRect = (offset) => {
        const [n, o] = locate(offset);
        const code = n.data.charCodeAt(o);
        const isHigh = code >= 0xd800 && code <= 0xdbff && o + 1 < n.data.length;
        const r = document.createRange();
        r.setStart(n, o);
        r.setEnd(n, o + (isHigh ? 2 : 1));
        const rects = [...r.getClientRects()].filter((x) => x.width > 0 && x.height > 0);
        if (!rects.length) throw new Error(`character at ${offset} has no visible box`);
        return rects[0];
      };
      const [firstNode] = locate(start);
      firstNode.parentElement.scrollIntoView({ block: 'center', inline: 'nearest' });
      const a = charRect(start);
      let lastStart = end - 1;  // step back onto a high surrogate if end-1 is a low one
      const [ln, lo] = locate(lastStart);
      const c = ln.data.charCodeAt(lo);
      if (c >= 0xdc00 && c <= 0xdfff && lo > 0) lastStart -= 1;
      const b = charRect(lastStart);
      // a press inside an existing selection would drag that text instead of selecting anew
      const root = el.getRootNode();
      ((root.getSelection && root.getSelection()) || window.getSelection()).removeAllRanges();
      return {
        x0: a.left + Math.min(1, a.width / 4), y0: a.top + a.height / 2,
        x1: b.right - Math.min(1, b.width / 4), y1: b.top + b.height / 2,
      };
    }""",
        [start, end],
    )
    page.mouse.move(points["x0"], points["y0"])
    page.mouse.down()
    page.mouse.move(points["x1"], points["y1"], steps=steps)
    page.mouse.up()


def axe_source() -> str:
    """axe-core's axe.min.js, as shipped by the axe-playwright-python package."""
    return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text("utf-8")


def axe_check(
    page,
    selector: str,
    impacts: tuple[str, ...] = ("serious", "critical"),
    *,
    every: bool = False,
    needs_review: bool = False,
) -> list:
    """Run axe-core on the element matching ``selector`` (on all of them when ``every``); return
    the violations of those impacts, and with ``needs_review`` also what axe could not decide
    alone ("incomplete", such as an aria-label a div cannot carry), marked ``"review": True``.

    Each item is a dict: id, impact, help, helpUrl, nodes (list of CSS target lists), review.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source())
    result = page.evaluate(
        """async ([selector, every, review]) => {
      const found = document.querySelectorAll(selector);
      if (!found.length) throw new Error(`axe_check: nothing matches ${selector}`);
      const types = review ? ['violations', 'incomplete'] : ['violations'];
      const r = await window.axe.run(every ? found : found[0], { resultTypes: types });
      const items = (list, isReview) => list.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => n.target), review: isReview,
      }));
      return [...items(r.violations, false), ...(review ? items(r.incomplete, true) : [])];
    }""",
        [selector, every, needs_review],
    )
    return [v for v in result if v["impact"] in impacts]


# ------------------------------------------------------------------ keyboard only

_FOCUSED_JS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return '(nothing: the page body)';
  const name = e.getAttribute('aria-label') || e.getAttribute('title')
    || (e.labels && e.labels[0] && e.labels[0].textContent) || e.textContent || '';
  return `<${e.tagName.toLowerCase()} class="${e.className}"> ${name.trim().slice(0, 60)}`;
}"""


def focused(page) -> str:
    """The focused element, in words (tag, class, accessible name), for failure messages."""
    return page.evaluate(_FOCUSED_JS)


def is_focused(locator) -> bool:
    return locator.evaluate(
        "(e) => { const a = document.activeElement; return a === e || e.contains(a); }"
    )


def run_all_by_keyboard(page, timeout_ms: int = RUN_ALL_TIMEOUT_MS) -> None:
    """Run all cells as a keyboard user does: the command palette (Ctrl+Shift+C), "Run All
    Cells", Enter. Waits until none is running and the kernel is idle."""
    page.keyboard.press("Control+Shift+C")
    box = page.locator(".lm-CommandPalette-input")
    box.wait_for(state="visible")
    page.wait_for_function(
        "() => document.activeElement?.classList.contains('lm-CommandPalette-input')"
    )
    page.keyboard.type("Run All Cells")
    active = page.locator(".lm-CommandPalette-item.lm-mod-active .lm-CommandPalette-itemLabel")
    page.wait_for_function(
        "() => document.querySelector('.lm-CommandPalette-item.lm-mod-active"
        " .lm-CommandPalette-itemLabel')?.textContent === 'Run All Cells'"
    )
    assert active.text_content() == "Run All Cells"
    page.keyboard.press("Enter")
    page.wait_for_function(_IDLE_NOT_RUNNING_JS, timeout=timeout_ms, polling=100)


def tab_to(page, locator, *, backwards: bool = False, max_presses: int = 120) -> int:
    """Press Tab (Shift+Tab when `backwards`) until `locator`'s element has the focus (or holds
    it); returns the number of presses. Fails, naming the focus path, if it is never reached."""
    key = "Shift+Tab" if backwards else "Tab"
    path = []
    for n in range(1, max_presses + 1):
        page.keyboard.press(key)
        if is_focused(locator):
            return n
        path.append(focused(page))
    raise AssertionError(
        f"{key} never reached {locator} in {max_presses} presses; focus went:\n  "
        + "\n  ".join(dict.fromkeys(path))
    )
