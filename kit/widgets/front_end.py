"""The ES modules of the kit's anywidget front ends: common.js (building elements, acknowledged
commands to Python) followed by the widget's own script, so the helpers are written once."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).parent


def script(name: str) -> str:
    """The module for `name` (a .js file beside this one): common.js, then the widget's file."""
    return "\n".join((_HERE / f).read_text(encoding="utf-8") for f in ("common.js", name))
