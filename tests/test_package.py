"""The kit as an installed package: its version, its console script and `kit init`."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import kit
from kit.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_the_version_is_written_once_and_the_package_reads_it():
    assert re.fullmatch(r"\d+\.\d+\.\d+", kit.__version__)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "kit.__version__"}


def test_kit_version_prints_the_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"kit {kit.__version__}\n"


def test_the_console_script_is_the_command_line():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["project"]["scripts"] == {"kit": "kit.cli:main"}
