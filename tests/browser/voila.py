"""A real Voila server for browser tests: the kit's notebooks served as apps (no code shown).

    server = start_voila(tmp)            # serves a copy of notebooks/ and seeds/, tree mode
    page.goto(server.render_url("notebooks/teacher/class_dashboard.ipynb"))
    ...
    stop_voila(server)

Isolated like the JupyterLab server (tests/browser/lab.py): own Jupyter dirs, KIT_WORK_DIR in
the served copy, a free port with no retries, stopped by process group.
"""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from tests.browser.lab import Lab, _copy_sources, _server_env, free_port, stop_lab

STARTUP_TIMEOUT_S = 60


@dataclass
class Voila:
    """A running Voila server whose root is a temporary copy of notebooks/ and seeds/."""

    root: Path
    work_dir: Path
    port: int
    log_path: Path
    proc: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def render_url(self, relpath: str) -> str:
        return f"{self.url}voila/render/{quote(relpath)}"

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def start_voila(tmp: Path) -> Voila:
    """Start Voila in tree mode on a free port; returns when its home page answers."""
    root, home = tmp / "root", tmp / "home"
    root.mkdir(parents=True)
    _copy_sources(root)
    work_dir = root / "work"
    work_dir.mkdir()
    for sub in ("config", "data", "runtime", "workspaces", "settings", "ipython"):
        (home / sub).mkdir(parents=True)
    server = Voila(root=root, work_dir=work_dir, port=free_port(), log_path=tmp / "voila.log")
    env_holder = Lab(root, work_dir, home, server.port, "", server.log_path)
    cmd = [
        sys.executable, "-m", "voila", "--no-browser", f"--port={server.port}",
        "--Voila.ip=127.0.0.1", "--ServerApp.port_retries=0", str(root),
    ]  # fmt: skip
    with open(server.log_path, "wb") as log:
        server.proc = subprocess.Popen(
            cmd,
            cwd=root,
            env=_server_env(env_holder),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while True:
        if server.proc.poll() is not None:
            raise RuntimeError(
                f"Voila exited with code {server.proc.returncode}:\n" + server.log_tail()
            )
        try:
            with urllib.request.urlopen(server.url, timeout=2):
                return server
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        if time.monotonic() > deadline:
            stop_voila(server)
            raise RuntimeError(
                f"Voila not ready after {STARTUP_TIMEOUT_S} s:\n" + server.log_tail()
            )
        time.sleep(0.2)


def stop_voila(server: Voila) -> None:
    """SIGTERM, wait, then SIGKILL the process group (kernels included)."""
    stop_lab(server)  # same procedure: only `proc` is used
