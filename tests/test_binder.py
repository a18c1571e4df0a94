"""Binder/repo2docker readiness: the files repo2docker reads build the same Python and packages."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_runtime_txt_asks_for_the_python_the_kit_is_tested_on():
    runtime = (ROOT / "runtime.txt").read_text().strip()
    assert re.fullmatch(r"python-3\.\d+", runtime), runtime
    assert runtime == f"python-{sys.version_info.major}.{sys.version_info.minor}"
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    minimum = tuple(int(x) for x in requires.removeprefix(">=").split("."))
    assert tuple(int(x) for x in runtime.removeprefix("python-").split(".")) >= minimum


def test_requirements_at_the_root_pin_every_package_and_install_the_kit():
    lines = [
        ln.strip()
        for ln in (ROOT / "requirements.txt").read_text().splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    assert "-e ." in lines  # repo2docker installs the kit itself from the repo
    unpinned = [ln for ln in lines if ln != "-e ." and "==" not in ln]
    assert unpinned == []
    names = {ln.split("==")[0].lower() for ln in lines if "==" in ln}
    assert {"jupyterlab", "ipywidgets", "anywidget", "voila", "krippendorff", "pandas"} <= names


TEST_TOOLS = {"pytest", "playwright", "axe-playwright-python", "hypothesis", "ruff", "textstat"}


def _pins(name: str) -> dict[str, str]:
    lines = (ROOT / name).read_text().splitlines()
    return dict(
        ln.strip().lower().split("==", 1) for ln in lines if "==" in ln and not ln.startswith("#")
    )


def test_the_hub_image_gets_the_kit_jupyterlab_and_nbval_but_no_test_tools():
    pins = _pins("requirements.txt")
    assert {"jupyterlab", "nbval"} <= set(pins)
    assert not TEST_TOOLS & set(pins), TEST_TOOLS & set(pins)


def test_the_development_set_is_the_runtime_set_plus_the_pinned_test_tools():
    lines = [ln.strip() for ln in (ROOT / "requirements-dev.txt").read_text().splitlines()]
    assert "-r requirements.txt" in lines
    assert set(_pins("requirements-dev.txt")) == TEST_TOOLS
    assert "requirements-dev.txt" in (ROOT / "Makefile").read_text()


def test_no_build_script_downloads_anything():
    """postBuild and friends would run at image build time; the kit needs none."""
    for name in ("postBuild", "apt.txt", "environment.yml", "Dockerfile", "start"):
        assert not (ROOT / name).exists() and not (ROOT / "binder" / name).exists(), name
