"""Written answers and choices that save themselves: a student types, the kit keeps it.

Thin widgets over the store; every change is saved at once and comes back when the cell runs again.
A written answer is saved over the text this widget last read or saved (`Workspace.write_text`):
when another tab or kernel changed it meanwhile, that text is kept as an earlier version and shown
with a button to use it instead, never silently dropped.
Once an answer is saved, the teacher's feedback on it shows below (a model answer and a
checklist; for a choice, a word on the option chosen: kit.quiz.written), never before.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import ipywidgets as W

from kit.errors import KitError
from kit.quiz.written import ModelAnswer, model_answer
from kit.widgets._base import status_html
from kit.widgets.keyboard import KEYS_CLASS, LABELLED_CLASS, LIVE_CLASS, PROMPT_CLASS, KeyboardGuard
from kit.work.store import Workspace


def _model_for(workspace: Workspace, key: str) -> ModelAnswer | None:
    article = workspace.article
    return model_answer(key, article.path if article is not None else None)


def feedback_html(model: ModelAnswer | None, chosen: str | None = None) -> str:
    """The teacher's feedback as escaped HTML: the word on `chosen` (a choice), the model answer
    and the checklist; '' when there is none."""
    if model is None:
        return ""
    parts = []
    said = model.on_option(chosen) if chosen is not None else ""
    if said:
        parts.append(f'<p style="margin:0.2em 0">{escape(said)}</p>')
    if model.model:
        parts.append(
            f'<p style="margin:0.2em 0"><strong>A model answer:</strong> {escape(model.model)}</p>'
        )
    if model.checklist:
        items = "".join(f"<li>{escape(c)}</li>" for c in model.checklist)
        parts.append(
            '<p style="margin:0.3em 0 0 0"><strong>Check your answer: does it ...</strong></p>'
            f'<ul style="margin:0.1em 0">{items}</ul>'
        )
    if not parts:
        return ""
    return (
        '<div class="kit-model-answer" role="region" aria-label="Feedback on your answer" '
        'style="border-left:4px solid #1565c0;background:#f3f7fc;padding:0.3em 0.8em;'
        f'margin:0.3em 0;max-width:95%">{"".join(parts)}</div>'
    )


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
        self.base: str | None = self.box.value  # the text as this widget last read or saved it
        self.other = ""  # the text another tab saved, kept as an earlier version
        self.other_note = W.HTML()
        self.other_note.add_class(LIVE_CLASS)
        self.use_other = W.Button(
            description="Use the other text instead",
            tooltip="Put the other tab's text in the box; yours is kept as an earlier version",
            layout=W.Layout(display="none", width="auto"),
        )
        self.use_other.on_click(lambda _: self.swap())
        self.model = _model_for(workspace, key)
        # Saved at every key press, so the model answer waits for the student to say they are
        # done: a button, usable once something is saved.
        self.compare = W.Button(
            description="I have finished: show me a model answer",
            disabled=not self.box.value.strip(),
            layout=W.Layout(width="auto", display="" if self.model else "none"),
        )
        self.compare.add_class("kit-show-model")
        self.compare.on_click(self._reveal)
        self.feedback = W.HTML("")
        self.feedback.add_class(LIVE_CLASS)
        self.box.observe(self._save, names="value")
        super().__init__(
            [
                label,
                self.box,
                self.status,
                self.other_note,
                self.use_other,
                self.compare,
                self.feedback,
                KeyboardGuard(),
            ]
        )
        self.add_class("kit-written-answer")
        self.add_class(KEYS_CLASS)
        self.add_class(LABELLED_CLASS)  # the text box is named by the prompt

    def _save(self, change: dict) -> None:
        swapping = self.base is None
        try:
            kept = self.workspace.write_text(self.key, change["new"], self.base)
        except KitError as e:
            self.status.value = status_html(f"Not saved: {e.message}", ok=False)
            return
        self.base = change["new"]
        if kept is not None and not swapping:
            self.show_other(kept)
        words = len(change["new"].split())
        self.status.value = status_html(f"Saved ({words} words).")
        self.compare.disabled = not words
        if not words:
            self.feedback.value = ""

    def _reveal(self, _button: object = None) -> None:
        """Show the model answer and checklist (only once an answer is saved)."""
        if self.workspace.response(self.key).strip():
            self.feedback.value = feedback_html(self.model)

    def show_other(self, text: str) -> None:
        """Another tab (or kernel) had saved `text` here: say so, and offer it."""
        self.other = text
        shown = text if len(text) <= 300 else text[:299] + "…"
        self.other_note.value = (
            '<div style="border-left:4px solid #2a5db0;background:#eef3fb;padding:0.3em 0.6em">'
            "<strong>This answer was also changed in another tab or window.</strong> Your text "
            "here is saved; the other text is kept as an earlier version, not lost:"
            f"<blockquote style='white-space:pre-wrap;margin:0.3em 1em'>{escape(shown)}"
            "</blockquote></div>"
        )
        self.use_other.layout.display = None

    def swap(self) -> None:
        """Put the other text in the box; the text it replaces is kept as an earlier version."""
        other, self.other = self.other, ""
        self.base = None  # keep what is saved now (this tab's text) as an earlier version
        self.box.value = other
        if self.base is None:  # the box held that text already: nothing was saved
            self.base = other
        self.other_note.value = ""
        self.use_other.layout.display = "none"

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
        self.model = _model_for(workspace, key)
        self.feedback = W.HTML(feedback_html(self.model, saved) if saved in options else "")
        self.feedback.add_class(LIVE_CLASS)
        self.choice.observe(self._save, names="value")
        super().__init__([label, self.choice, self.status, self.feedback, KeyboardGuard()])
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
        self.feedback.value = feedback_html(self.model, change["new"])

    def __repr__(self) -> str:
        return f"ChoiceAnswer({self.key!r})"
