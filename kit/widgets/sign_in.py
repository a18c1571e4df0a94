"""Signing in without code: a box for a name or class code and a Sign in button (notebook 0).

`kit.sign_in()` with no name shows it. What is typed is checked at every key press with the rules
the work folder uses (kit.work.store.safe_name), so the student sees before signing in what their
folder will be called and which characters are not allowed; the button signs in with
kit.work.store.sign_in, which saves the name for the other notebooks.
"""

from __future__ import annotations

import os
import warnings
from html import escape
from pathlib import Path

import ipywidgets as W

from kit.errors import KitError
from kit.widgets.keyboard import KEYS_CLASS, LABELLED_CLASS, LIVE_CLASS, PROMPT_CLASS, KeyboardGuard
from kit.work.store import STUDENT_ENV, current_student, safe_name, sign_in, work_dir

ALLOWED = "letters, digits, '.', '_' and '-'"
EXAMPLE = "2b-07"


def _line(kind: str, text: str) -> str:
    colours = {"ok": "#1b5e20", "error": "#8a1c1c", "info": "#1a1a1a"}
    return f'<div style="color:{colours[kind]};white-space:pre-line">{escape(text)}</div>'


def _shown(ch: str) -> str:
    return "a space" if ch.isspace() else f"“{ch}”"


def check_name(value: str) -> tuple[str | None, str]:
    """What the work folder would make of `value`: (the folder name or None, a line to show)."""
    typed = value.strip()
    if not typed:
        return None, f"Type your name or the code your teacher gave you, for example {EXAMPLE}."
    try:
        folder = safe_name(typed)
    except KitError:
        return None, f"“{typed[:40]}” cannot be used: use {ALLOWED}, for example {EXAMPLE}."
    if folder == typed:
        return folder, f"OK: your work will be saved in the folder “{folder}”. Press Sign in."
    # Which characters the folder rules change: each one tried between two letters.
    changed = [ch for ch in dict.fromkeys(typed) if _safe_or_none(f"a{ch}a") != f"a{ch}a"]
    what = ", ".join(_shown(ch) for ch in changed[:5]) or "the length"
    return folder, (
        f"Not allowed in a folder name: {what}. Use {ALLOWED}.\n"
        f"If you sign in like this, your folder will be “{folder}”."
    )


def _safe_or_none(value: str) -> str | None:
    try:
        return safe_name(value)
    except KitError:
        return None


class SignIn(W.VBox):
    """A text box for a name or class code, checked as it is typed, and a Sign in button."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = path
        prompt = W.HTML(
            f'<strong class="{PROMPT_CLASS}">Your name or the code your teacher gave you</strong>'
        )
        self.name = W.Text(placeholder=f"for example {EXAMPLE}", continuous_update=True)
        self.button = W.Button(description="Sign in", button_style="primary", tooltip="Sign in")
        self.check = W.HTML()
        self.check.add_class(LIVE_CLASS)  # read out when it changes
        self.name.observe(lambda _: self._check(), names="value")
        self.button.on_click(lambda _: self.submit())
        with warnings.catch_warnings():  # Enter in the box signs in too (ipywidgets' submit)
            warnings.simplefilter("ignore", DeprecationWarning)
            self.name.on_submit(lambda _: self.submit())
        super().__init__([prompt, W.HBox([self.name, self.button]), self.check, KeyboardGuard()])
        self.add_class("kit-sign-in")
        self.add_class(KEYS_CLASS)
        self.add_class(LABELLED_CLASS)  # the text box is named by the prompt
        self.student = self._already()
        if self.student:
            self.check.value = _line(
                "ok",
                f"You are signed in as {self.student}. To sign in with another name, type it "
                "and press Sign in.",
            )
        else:
            self._check()

    def __repr__(self) -> str:
        return "SignIn()"

    def _already(self) -> str | None:
        try:
            return current_student(self.path)
        except KitError:
            return None

    def _check(self) -> str | None:
        folder, text = check_name(self.name.value)
        kind = (
            "info"
            if not self.name.value.strip()
            else ("ok" if folder == self.name.value.strip() else "error")
        )
        self.check.value = _line(kind, text)
        return folder

    def submit(self) -> str | None:
        """Sign in with the name in the box; returns the student id, or None (and says why)."""
        if os.environ.get(STUDENT_ENV):
            self.check.value = _line(
                "info",
                f"This computer signs you in as {self.student}; ask your teacher to change it.",
            )
            return None
        if self._check() is None:
            return None
        try:
            notice = sign_in(self.name.value.strip(), self.path)
        except KitError as e:
            self.check.value = _line("error", f"Not signed in: {e.sentence}")
            return None
        except OSError as e:  # the work folder cannot be written
            self.check.value = _line(
                "error",
                f"Not signed in: the work folder {work_dir(self.path)} cannot be written "
                f"({e.strerror}). Tell your teacher.",
            )
            return None
        self.student = current_student(self.path)
        self.check.value = _line("ok", f"{notice.text}\nNow run the next cells with Shift+Enter.")
        return self.student
