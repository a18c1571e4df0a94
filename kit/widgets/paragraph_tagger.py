"""The paragraph tagger: a student gives each paragraph of a story its role (lede, quote ...).

A thin view over `kit.reading.roles`: one row per body paragraph, numbered as
`kit.show_article` numbers them, with a drop-down list of roles (a native <select>: Tab to reach
it, arrow keys to choose). Every choice is saved at once and comes back when the cell runs again.
When the teacher has a role key (kit.work.tag_keys; sealed in a student copy), "Check my roles"
shows, for each tagged paragraph, whether the key agrees and why.
"""

from __future__ import annotations

from html import escape

import ipywidgets as W

from kit.errors import KitError
from kit.quiz.sealed_keys import answers_for_tagging, has_tagging_key
from kit.reading.roles import RoleSet, body_paragraphs, resolve_roles
from kit.widgets._base import status_html
from kit.widgets.keyboard import KEYS_CLASS, LIVE_CLASS, KeyboardGuard
from kit.work.role_tags import saved_roles, set_role
from kit.work.store import Workspace
from kit.work.tag_keys import role_feedback

#: The drop-down entry for "no role yet" (saved as no tag at all).
UNSET = ""


class ParagraphTagger(W.VBox):
    """One drop-down of roles per body paragraph; each choice is saved as `role:<name>`."""

    def __init__(self, workspace: Workspace, roles: RoleSet | None = None) -> None:
        article = workspace.article
        if article is None:
            raise KitError("the paragraph tagger needs the article itself, not only its id")
        self.workspace = workspace
        self.article = article
        self._showing = False
        self.roles = roles or resolve_roles(None)
        self.paragraphs = body_paragraphs(article)
        saved = saved_roles(workspace.annotations, article)
        options = [("choose a role", UNSET)] + [(r.name, r.name) for r in self.roles.roles]
        self.pickers: list[W.Dropdown] = []
        rows = []
        for number, p in enumerate(self.paragraphs, start=1):
            value = saved.get(p.index, UNSET)
            if value not in self.roles.names:  # a role from another role list: keep it visible
                value = UNSET
            picker = W.Dropdown(
                options=options,
                value=value,
                description=f"Paragraph {number}",
                style={"description_width": "initial"},
                layout=W.Layout(width="17em", flex="0 0 auto"),
            )
            picker.observe(self._saver(p), names="value")
            self.pickers.append(picker)
            text = W.HTML(
                f'<div style="line-height:1.4"><span style="color:#666">{number}</span> '
                f"{escape(article.text[p.start : p.end])}</div>",
                layout=W.Layout(flex="1 1 auto"),
            )
            rows.append(
                W.HBox(
                    [picker, text],
                    layout=W.Layout(border_bottom="1px solid #eee", padding="0.3em 0"),
                )
            )
        self.status = W.HTML(self._summary())
        self.status.add_class(LIVE_CLASS)  # read out when it changes
        legend = "".join(
            f"<li><strong>{escape(r.name)}</strong>: {escape(r.description)}</li>"
            for r in self.roles.roles
        )
        help_ = W.HTML(
            "<details open><summary><strong>The roles</strong></summary>"
            f'<ul style="margin:0.2em 0">{legend}</ul></details>'
        )
        self._answers: dict[int, dict[str, str]] | None = None  # opened at the first check
        shown = "" if has_tagging_key(article, "role") else "none"
        self.check_button = W.Button(
            description="Check my roles", layout=W.Layout(width="auto", display=shown)
        )
        self.check_button.add_class("kit-check-roles")
        self.check_button.on_click(self._check_clicked)
        self.feedback = W.HTML("")
        self.feedback.add_class(LIVE_CLASS)
        super().__init__(
            [help_, *rows, self.status, self.check_button, self.feedback, KeyboardGuard()]
        )
        self.add_class("kit-paragraph-tagger")
        self.add_class(KEYS_CLASS)

    def _saver(self, paragraph):
        def save(change: dict) -> None:
            if self._showing:
                return
            try:
                set_role(self.workspace, paragraph, change["new"] or None)
            except KitError as e:
                self.status.value = status_html(f"Not saved: {e.message}", ok=False)
                return
            self._show_saved()
            self.status.value = self._summary()
            if self._answers:  # checked already: the feedback follows the roles
                self.check()

        return save

    def _show_saved(self) -> None:
        """Show the roles as saved now (another tab may have chosen some), without saving."""
        saved = saved_roles(self.workspace.annotations, self.article)
        self._showing = True
        try:
            for p, picker in zip(self.paragraphs, self.pickers, strict=True):
                value = saved.get(p.index, UNSET)
                picker.value = value if value in self.roles.names else UNSET
        finally:
            self._showing = False

    def refresh(self) -> bool:
        """Read the work file again (another tab may have saved); True when it had changed."""
        changed = self.workspace.reload()
        self._show_saved()
        self.status.value = self._summary()
        return changed

    def _check_clicked(self, _button: object) -> None:
        try:
            self.check()
        except KitError as e:  # a teacher's key file that cannot be read: say so, no traceback
            self.feedback.value = status_html(f"Cannot check: {e.sentence}", ok=False)

    def check(self) -> str:
        """Compare each tagged paragraph's role with the teacher's key; the feedback (what the
        key says and why) shows below the paragraphs. Returns the first line of it."""
        if self._answers is None:
            self._answers = answers_for_tagging(self.article, "role")
        if not self._answers:
            said = "There is no role key from your teacher for this story yet."
            self.feedback.value = status_html(said)
            return said
        rows = []
        agree = 0
        for number, (p, picker) in enumerate(zip(self.paragraphs, self.pickers), start=1):
            if picker.value == UNSET:
                continue
            answer = self._answers.get(p.index)
            agree += answer is not None and answer.get("role") == picker.value
            rows.append(
                f"<li><strong>Paragraph {number}:</strong> "
                f"{escape(role_feedback(answer, picker.value))}</li>"
            )
        if not rows:
            said = "Choose some roles first, then check them."
            self.feedback.value = status_html(said)
            return said
        said = f"The key gives the same role for {agree} of the {len(rows)} paragraphs you tagged."
        self.feedback.value = (
            '<div class="kit-role-feedback" style="border-left:4px solid #1565c0;'
            'background:#f3f7fc;padding:0.3em 0.8em;margin:0.3em 0">'
            f'<p style="margin:0.2em 0">{escape(said)}</p>'
            f'<ul style="margin:0.2em 0">{"".join(rows)}</ul></div>'
        )
        return said

    @property
    def chosen(self) -> dict[int, str]:
        """Paragraph number (1 = first body paragraph) -> the role chosen for it."""
        return {i: p.value for i, p in enumerate(self.pickers, start=1) if p.value != UNSET}

    def _summary(self) -> str:
        done = sum(p.value != UNSET for p in self.pickers)
        return status_html(f"{done} of {len(self.pickers)} paragraphs tagged. Saved as you go.")

    def __repr__(self) -> str:
        return f"ParagraphTagger({self.article.id!r}, {len(self.paragraphs)} paragraphs)"
