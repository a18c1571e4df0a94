"""One-call notebook views: article highlights, tables and small charts, all as safe HTML."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape

import pandas as pd

from .render import PALETTE, SafeHTML


def html_table(df: pd.DataFrame, caption: str = "") -> str:
    """A DataFrame as an escaped HTML table (cell text is untrusted)."""
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    head = "".join(f'<th scope="col">{escape(str(c))}</th>' for c in df.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(_cell(v))}</td>" for v in row) + "</tr>"
        for row in df.itertuples(index=False)
    )
    return (
        '<table class="kit-table" style="border-collapse:collapse;font-family:sans-serif;'
        f'font-size:0.85em;margin:0.6em 0">{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _cell(v: object) -> str:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    if isinstance(v, float):
        return f"{v:.2f}"
    return str(v)


def bar_chart(counts: Mapping[str, int | float], title: str = "") -> str:
    """A horizontal bar chart in plain HTML/CSS, with the numbers written out (no colour needed)."""
    if not counts:
        return ""
    top = max(counts.values()) or 1
    rows = []
    for i, (label, value) in enumerate(counts.items()):
        colour = PALETTE[i % len(PALETTE)][0]
        width = max(2.0, 100.0 * value / top)
        rows.append(
            '<div style="display:flex;align-items:center;gap:0.5em;margin:2px 0">'
            f'<span style="width:11em;text-align:right">{escape(str(label))}</span>'
            f'<span role="img" aria-label="{escape(str(label))}: {value}" '
            f'style="display:inline-block;height:1em;width:{width:.1f}%;max-width:20em;'
            f'background:{colour}"></span>'
            f"<span>{value}</span></div>"
        )
    head = f"<div><strong>{escape(title)}</strong></div>" if title else ""
    style = "font-family:sans-serif;font-size:0.85em"
    return f'<div class="kit-chart" style="{style}">{head}{"".join(rows)}</div>'


def stack(parts: Iterable[str], summary: str) -> SafeHTML:
    """Several HTML fragments one below the other, as one displayable object."""
    return SafeHTML('<div class="kit-view">' + "".join(parts) + "</div>", summary)
