"""Charts a teacher looks at rather than reads: a colour grid of statuses (students x lessons)
and a histogram, as plain HTML with inline styles (JupyterLab keeps those in untrusted output).

Both carry their numbers and words as text, so they read without colour and with a screen
reader: each grid cell says its status, each bar its count. The colours are from the Okabe-Ito
palette, which people with the common kinds of colour blindness tell apart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from kit.views.show import CAPTION_STYLE

#: Status -> (background, text colour, short text shown in the cell). Blue, orange and a light
#: grey stay apart in every common colour-vision deficiency; the text says it anyway.
STATUS_COLOURS = {
    "done": ("#0072B2", "#ffffff", "done"),
    "partly done": ("#E69F00", "#1a1a1a", "started"),
    "not started": ("#f2f2f2", "#1a1a1a", "not yet"),
}
_UNKNOWN = ("#ffffff", "#1a1a1a", "?")
_CELL = "padding:0.15em 0.4em;border:1px solid #ffffff;text-align:center;white-space:nowrap"
_HEAD = "padding:0.15em 0.4em;text-align:left;font-weight:normal;white-space:nowrap"
_BAR_COLOUR = "#0072B2"


def status_legend(colours: Mapping[str, tuple[str, str, str]] = STATUS_COLOURS) -> str:
    """The key to a status grid: each status's colour, the text its cells show, and its name."""
    items = "".join(
        '<span style="display:inline-flex;align-items:center;gap:0.3em;margin-right:1em">'
        f'<span style="background:{bg};color:{fg};border:1px solid #999999;padding:0 0.4em">'
        f"{escape(text)}</span>{escape(status)}</span>"
        for status, (bg, fg, text) in colours.items()
    )
    return (
        '<div class="kit-grid-legend" role="group" aria-label="Key to the grid" '
        f'style="font-family:sans-serif;margin:0.3em 0">{items}</div>'
    )


def status_grid(
    rows: Sequence[str],
    columns: Sequence[tuple[str, str]],
    status: Mapping[tuple[str, str], str],
    caption: str = "",
    colours: Mapping[str, tuple[str, str, str]] = STATUS_COLOURS,
) -> str:
    """A table with one row per `rows` item (students) and one column per `columns` item
    ((id, title): lessons), each cell coloured by `status[(row, column id)]` and saying it in
    a short word (the legend gives the status it stands for; the cell's title says it all)."""
    head = "".join(
        f'<th scope="col" title="{escape(title)}" style="{_HEAD}">{escape(cid)}</th>'
        for cid, title in columns
    )
    body = []
    for row in rows:
        cells = []
        for cid, title in columns:
            s = status.get((row, cid), "")
            bg, fg, text = colours.get(s, _UNKNOWN)
            full = f"{row}, {cid} {title}: {s or 'unknown'}"
            cells.append(
                f'<td title="{escape(full)}" style="{_CELL};background:{bg};color:{fg}">'
                f"{escape(text)}</td>"
            )
        body.append(f'<tr><th scope="row" style="{_HEAD}">{escape(row)}</th>{"".join(cells)}</tr>')
    cap = f'<caption style="{CAPTION_STYLE}">{escape(caption)}</caption>' if caption else ""
    return (
        '<table class="kit-grid" style="border-collapse:collapse;font-family:sans-serif;'
        f'font-size:0.85em;margin:0.3em 0">{cap}<thead><tr><th scope="col" style="{_HEAD}">'
        f"student</th>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def histogram(counts: Mapping[str, int], title: str = "", unit: str = "student") -> str:
    """Vertical bars, one per band (`counts`: band label -> count), each with its count written
    above it and its label below; the bars' heights are to scale. `unit`: what is counted (one
    of them; an "s" is added for any other number)."""
    if not counts:
        return ""
    top = max(counts.values()) or 1
    bars = []
    for label, n in counts.items():
        height = 8.0 * n / top
        said = f"{label}: {n} {unit}{'' if n == 1 else 's'}"
        bars.append(
            f'<div role="img" aria-label="{escape(said)}" style="display:flex;'
            'flex-direction:column;align-items:center;justify-content:flex-end;width:3.8em">'
            f'<span aria-hidden="true">{n}</span>'
            f'<span aria-hidden="true" style="display:block;width:2.4em;height:{height:.2f}em;'
            f'background:{_BAR_COLOUR}"></span>'
            '<span aria-hidden="true" style="font-size:0.8em;border-top:1px solid #666666;'
            f'width:100%;text-align:center">{escape(str(label))}</span></div>'
        )
    head = f"<div><strong>{escape(title)}</strong></div>" if title else ""
    return (
        '<div class="kit-histogram" style="font-family:sans-serif;font-size:0.85em;'
        f'margin:0.3em 0">{head}<div style="display:flex;align-items:flex-end;gap:2px;'
        f'margin-top:0.4em">{"".join(bars)}</div></div>'
    )
