"""Keeping JupyterLab's shortcuts away from the keys students press in kit widgets, and naming
the answer controls of ipywidgets-built widgets by their prompt (for screen readers)."""

from __future__ import annotations

import anywidget
import ipywidgets as widgets

from kit.widgets._base import STATIC

#: CSS class of a container whose controls get their own key presses.
KEYS_CLASS = "kit-keys"
#: CSS class of a box (inside a `kit-keys` container) whose answer controls (text area, radio
#: buttons, check boxes) are named by the element with class PROMPT_CLASS inside it.
LABELLED_CLASS = "kit-labelled"
PROMPT_CLASS = "kit-prompt"
#: CSS class of an HTML widget (inside a `kit-keys` container) whose text is a status line that
#: screen readers should read out when it changes (it becomes one lasting live region).
LIVE_CLASS = "kit-live"


class KeyboardGuard(anywidget.AnyWidget):
    """Invisible helper: put it inside a box with class `kit-keys` and the box's controls keep
    their keys (arrows, Enter, letters) instead of JupyterLab's notebook shortcuts; the focus
    stays in the box when the focused control is disabled; in each `kit-labelled` box the
    answer controls are named by its `kit-prompt`; and each `kit-live` HTML widget is a live
    region (role=status) that lasts while its text changes."""

    _esm = STATIC / "keyboard.js"

    def __init__(self) -> None:
        super().__init__(layout=widgets.Layout(display="none"))

    def __repr__(self) -> str:
        return "KeyboardGuard()"
