"""Keeping JupyterLab's shortcuts away from the keys students press in kit widgets."""

from __future__ import annotations

from pathlib import Path

import anywidget
import ipywidgets as widgets

#: CSS class of a container whose controls get their own key presses.
KEYS_CLASS = "kit-keys"


class KeyboardGuard(anywidget.AnyWidget):
    """Invisible helper: put it inside a box with class `kit-keys` and the box's controls keep
    their keys (arrows, Enter, letters) instead of JupyterLab's notebook shortcuts."""

    _esm = Path(__file__).with_name("keyboard.js")

    def __init__(self) -> None:
        super().__init__(layout=widgets.Layout(display="none"))

    def __repr__(self) -> str:
        return "KeyboardGuard()"
