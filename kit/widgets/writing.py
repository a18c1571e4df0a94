"""Written answers and choices that save themselves: a student types, the kit keeps it.

Thin widgets over `Workspace.set_response`; every change is saved at once and comes back when the
cell runs again.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import ipywidgets as W

from kit.errors import KitError
from kit.widgets._base import status_html
from kit.widgets.keyboard import KEYS_CLASS, LABELLED_CLASS, LIVE_CLASS, PROMPT_CLASS, KeyboardGuard
from kit.work.store import Workspace


class WrittenAnswer(W.VBox):
    """A prompt and a text box; what the student writes is saved under `key` as they type."""

    def __init__(
        self,
        workspace: Workspace,
        key: str,
        prompt: str,
        placeholder: str = "Type your answer here.",
        rows: int = 4,
    ) -> None:
        self.workspace = workspace
        self.key = key
        label = W.HTML(f'<strong class="{PROMPT_CLASS}">{escape(prompt)}</strong>')
        self.box = W.Textarea(
            value=workspace.response(key),
            placeholder=placeholder,
            rows=rows,
            layout=W.Layout(width="95%"),
        )
        self.box.description_allow_html = False
        # Not a live region: it changes at every key press ("Saved (12 words)"), and reading
        # that out would talk over the student's typing.
        self.status = W.HTML(status_html("Saved." if self.box.value else "Not written yet.", True))
        self.box.observe(self._save, names="value")
        super().__init__([label, self.box, self.status, KeyboardGuard()])
        self.add_class("kit-written-answer")
        self.add_class(KEYS_CLASS)
        self.add_class(LABELLED_CLASS)  # the text box is named by the prompt

    def _save(self, change: dict) -> None:
        try:
            self.workspace.set_response(self.key, change["new"])
        except KitError as e:
            self.status.value = status_html(f"Not saved: {e.message}", ok=False)
            return
        words = len(change["new"].split())
        self.status.value = status_html(f"Saved ({words} words).")

    def __repr__(self) -> str:
        return f"WrittenAnswer({self.key!r})"


class ChoiceAnswer(W.VBox):
    """A prompt and a set of options; the chosen option is saved under `key` at once."""

    def __init__(self, workspace: Workspace, key: str, prompt: str, options: Sequence[str]) -> None:
        if not options:
            raise KitError("a choice needs at least one option")
        self.workspace = workspace
        self.key = key
        saved = workspace.response(key)
        label = W.HTML(f'<strong class="{PROMPT_CLASS}">{escape(prompt)}</strong>')
        self.choice = W.RadioButtons(
            options=list(options),
            value=saved if saved in options else None,
            layout=W.Layout(width="auto"),
        )
        self.status = W.HTML(status_html("Saved." if saved in options else "Not chosen yet."))
        self.status.add_class(LIVE_CLASS)  # read out when it changes
        self.choice.observe(self._save, names="value")
        super().__init__([label, self.choice, self.status, KeyboardGuard()])
        self.add_class("kit-choice-answer")
        self.add_class(KEYS_CLASS)
        self.add_class(LABELLED_CLASS)  # the options are one group named by the prompt

    def _save(self, change: dict) -> None:
        if change["new"] is None:
            return
        try:
            self.workspace.set_response(self.key, change["new"])
        except KitError as e:
            self.status.value = status_html(f"Not saved: {e.message}", ok=False)
            return
        self.status.value = status_html("Saved.")

    def __repr__(self) -> str:
        return f"ChoiceAnswer({self.key!r})"
