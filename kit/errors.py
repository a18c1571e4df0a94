"""The one error type the kit raises for anything a user can fix."""

from __future__ import annotations

from pathlib import Path


class KitError(Exception):
    """A problem with the user's input: says what is wrong, where, and what to do.

    `where` is a file path (and optionally a line), `fix` the next step for the user.
    """

    def __init__(
        self,
        problem: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        fix: str | None = None,
    ) -> None:
        self.problem = problem
        self.path = str(path) if path is not None else None
        self.line = line
        self.fix = fix
        super().__init__(self.message)

    @property
    def where(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}, line {self.line}" if self.line else self.path

    @property
    def message(self) -> str:
        parts = []
        if self.where:
            parts.append(f"{self.where}: ")
        parts.append(self.problem.rstrip("."))
        parts.append(".")
        if self.fix:
            parts.append(f" {self.fix.rstrip('.')}.")
        return "".join(parts)

    @property
    def sentence(self) -> str:
        """The message as sentences for a student: 'The file ... . Check the name.'"""
        cap = lambda s: s[:1].upper() + s[1:]  # noqa: E731
        text = cap(self.problem.rstrip(".")) + "."
        if self.fix:
            text += f" {cap(self.fix.rstrip('.'))}."
        return f"{self.where}: {text}" if self.where else text

    def _render_traceback_(self) -> list[str]:
        """What IPython and Jupyter show when a cell raises this error: the message and the
        fix, not a traceback (the user has input to fix, not code to debug)."""
        return [f"\x1b[1;33mSomething needs fixing:\x1b[0m {self.sentence}"]

    def _repr_html_(self) -> str:
        from html import escape

        return (
            '<div class="kit-error" role="alert" style="border-left:4px solid #b8860b;'
            'padding:0.4em 0.8em;background:#fff8e1;color:#3b2f00">'
            f"<strong>Something needs fixing:</strong> {escape(self.message)}</div>"
        )
