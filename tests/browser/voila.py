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
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from tests.browser.lab import (
    Lab,
    _copy_sources,
    _server_env,
    free_port,
    launch,
    stop_lab,
    wait_until_ready,
)

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
    server.proc = launch(cmd, root, _server_env(env_holder), server.log_path)
    try:
        wait_until_ready(
            "Voila",
            server.proc,
            lambda: urllib.request.urlopen(server.url, timeout=2).close(),
            server.log_tail,
        )
    except RuntimeError:
        stop_voila(server)
        raise
    return server


def stop_voila(server: Voila) -> None:
    """SIGTERM, wait, then SIGKILL the process group (kernels included)."""
    stop_lab(server)  # same procedure: only `proc` is used
