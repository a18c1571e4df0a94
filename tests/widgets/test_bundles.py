"""The committed front-end bundles (kit/widgets/static/*.js, what anywidget loads) are exactly what
kit/widgets/js/build.mjs makes from the ES modules in kit/widgets/js/: rebuilt into a temporary
folder with the pinned esbuild and compared byte for byte. `make widgets` rebuilds them."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
STATIC = REPO / "kit" / "widgets" / "static"


def test_the_committed_bundles_are_built_from_the_sources(tmp_path):
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("node and npm are not installed")
    pinned = json.loads((REPO / "package.json").read_text("utf-8"))["devDependencies"]["esbuild"]
    installed = REPO / "node_modules" / "esbuild" / "package.json"
    if not installed.is_file() or json.loads(installed.read_text("utf-8"))["version"] != pinned:
        pytest.fail(f"esbuild {pinned} is not installed: run `make node` (or `npm ci`)")
    run = subprocess.run(
        [node, "kit/widgets/js/build.mjs", str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    built = {p.name: p.read_bytes() for p in sorted(tmp_path.glob("*.js"))}
    committed = {p.name: p.read_bytes() for p in sorted(STATIC.glob("*.js"))}
    assert sorted(committed) == sorted(built)
    stale = [name for name in built if built[name] != committed[name]]
    assert not stale, f"{stale} differ from their sources: run `make widgets` and commit them"
