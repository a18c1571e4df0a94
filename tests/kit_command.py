"""`python -m kit ...` as a teacher runs it from a terminal, for the command-line tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_kit(
    *args: str,
    cwd: Path = ROOT,
    stdin: str | None = None,
    timeout: int = 300,
    teacher: bool = False,
) -> subprocess.CompletedProcess:
    """Run the kit in `cwd` with this checkout on the path, UTF-8 both ways. `teacher=True`:
    without the tests' work folder and student name, as on a teacher's own machine."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    if teacher:
        env.pop("KIT_WORK_DIR", None)
        env.pop("KIT_STUDENT", None)
    return subprocess.run(
        [sys.executable, "-m", "kit", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        input=stdin,
        timeout=timeout,
    )
