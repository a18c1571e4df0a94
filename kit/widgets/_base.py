"""What the kit's widgets share: `CommandWidget`, the base of the anywidget widgets (Highlighter,
ClaimTagger), and the small helpers more than one widget uses.

A CommandWidget's front end (kit/widgets/js/, bundled into kit/widgets/static/) sends small
command messages (`{"cmd": "add", ...}`); `handle` applies each one to the Workspace (saved at
once) through the widget's `_cmd_<name>` method and answers with a `status` the front end shows.
The front ends' shared half is `commandView` in kit/widgets/js/common.js.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

import anywidget
import traitlets as t

from kit.errors import KitError
from kit.reading.labels import LabelSet
from kit.views.html import PALETTE
from kit.work.store import MemoryWorkspace, Workspace

#: The files the browser gets: the bundled front ends (built from kit/widgets/js/) and the CSS.
STATIC = Path(__file__).resolve().parent / "static"

log = logging.getLogger("kit.widgets")

OnChange = Callable[[Any], None]


def quote(text: str, n: int = 60) -> str:
    """`text` cut to at most `n` characters, with an ellipsis when it was longer."""
    return text if len(text) <= n else text[: n - 1] + "…"


def status_html(text: str, ok: bool = True) -> str:
    """A short saved / not-saved line under an ipywidgets answer (escaped), green or red."""
    colour = "#1b5e20" if ok else "#8a1c1c"
    return f'<span style="color:{colour};font-size:0.85em">{escape(text)}</span>'


def label_dicts(labels: LabelSet) -> list[dict[str, str]]:
    """Labels as the front ends need them: tag, name, description, number key, colour, line."""
    out = []
    for i, label in enumerate(labels):
        colour, line = PALETTE[i % len(PALETTE)]
        out.append(
            {
                "tag": label.tag,
                "value": label.value,
                "name": label.title,
                "description": label.description,
                "key": str(i + 1) if i < 9 else "",
                "colour": colour,
                "line": line,
            }
        )
    return out


def where_saved(workspace: Workspace) -> str:
    """One line for students: where this work is saved (or that it is not)."""
    if isinstance(workspace, MemoryWorkspace) or workspace.path is None:
        return "Practice mode: this work is not saved."
    return f"Saved as you go in {workspace.path.parent.name}/{workspace.path.name}"


class CommandWidget(anywidget.AnyWidget):
    """Shared plumbing: command messages from the front end, status replies, friendly errors."""

    status = t.Dict().tag(sync=True)
    warnings = t.List(t.Unicode()).tag(sync=True)
    can_undo = t.Bool(False).tag(sync=True)
    can_redo = t.Bool(False).tag(sync=True)
    saving = t.Unicode("").tag(sync=True)

    def __init__(self, workspace: Workspace, on_change: OnChange | None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.workspace = workspace
        self.on_change = on_change
        self._status_n = 0
        self.saving = where_saved(workspace)
        self.on_msg(self._on_msg)

    def __repr__(self) -> str:
        # anywidget's default repr holds a memory address; notebooks compare text/plain (nbval)
        article = getattr(getattr(self, "article", None), "id", "?")
        return f"{type(self).__name__}(article={article!r})"

    def _on_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict):
            self.handle(content)

    def handle(self, message: dict[str, Any]) -> dict[str, Any]:
        """Apply one command from the front end; returns (and shows) the status it produced."""
        req = message.get("req")
        cmd = message.get("cmd")
        try:
            if cmd == "refresh":
                changed = self.workspace.reload()
                self._sync()
                text = "Updated with work saved in another tab." if changed else ""
                return self._say(text, "ok", req, quiet=not changed)
            handler = getattr(self, f"_cmd_{cmd}", None) if isinstance(cmd, str) else None
            if handler is None:
                raise KitError(f"the widget sent an unknown command ({cmd!r})")
            text = handler(message)
        except KitError as e:
            self._sync()
            return self._say(e.sentence, "error", req)
        except Exception as e:  # the student boundary: a message, never a traceback
            log.exception("widget command %r failed", cmd)
            self._sync()
            return self._say(
                f"Something went wrong ({type(e).__name__}). Your saved work is safe: re-run the "
                "cell to carry on. If it happens again, tell your teacher.",
                "error",
                req,
            )
        self._sync()
        self._changed()
        return self._say(text, "ok", req)

    def _say(self, text: str, kind: str, req: Any, quiet: bool = False) -> dict[str, Any]:
        self._status_n += 1
        status = {"text": text, "kind": kind, "req": req, "n": self._status_n, "quiet": quiet}
        self.status = status
        return status

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change(self)

    def _cmd_undo(self, _message: dict) -> str:
        return "Undone." if self.workspace.undo() else "Nothing to undo."

    def _cmd_redo(self, _message: dict) -> str:
        return "Redone." if self.workspace.redo() else "Nothing to redo."

    def undo(self) -> bool:
        """Undo this widget's last edit (saved at once); False when there was nothing to undo."""
        done = self.workspace.undo()
        self._sync()
        self._changed()
        return done

    def redo(self) -> bool:
        """Redo the last undone edit."""
        done = self.workspace.redo()
        self._sync()
        self._changed()
        return done

    def refresh(self) -> bool:
        """Read the work file again (another tab may have saved); True when it had changed."""
        changed = self.workspace.reload()
        self._sync()
        return changed

    def _sync(self) -> None:
        self.can_undo = self.workspace.can_undo
        self.can_redo = self.workspace.can_redo
        self.warnings = list(self.workspace.warnings)
