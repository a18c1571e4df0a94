"""Prepared cards for offline checking: search results, a reference entry, an "About us" page, a
picture with its reverse-image search, a chart, a sponsored page.

A lesson cannot send students to the web, so a card set prepares what they would find there. The
cards live in an article's front matter (`cards:`), so they travel with the lesson's articles
(`kit release` copies those) and load with `kit.load_article`:

    cards:
      - id: about              # unique in the file; show_cards(article, only=["about"])
        kind: about            # one of KINDS
        title: About us        # what the card is called
        site: millbrookvoice.example    # where it would be (invented; not a link)
        date: 2026-03-14
        label: Sponsored by Voltcycle   # a small print line (sponsored pages, photo credits)
        text: |                # paragraphs, separated by blank lines
          ...
        image: <svg ...>...</svg>       # photo only: a small inline SVG
        alt: what the picture shows      # photo and chart: required
        bars: [[2024, 48], [2025, 53]]  # chart only: label, value
        axis_from: 45                   # chart only: where the value axis starts (default 0)
        unit: complaints                # chart only

Every text is escaped; a picture (inline SVG, or a chart drawn here) is shown as an `<img>` with
a data: address, so nothing in it can run. Every card says it is invented for practice.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from kit.articles.article import Article, load_article
from kit.errors import KitError
from kit.views.html import SafeHTML

#: Kinds of card, and the badge each one shows.
KINDS = {
    "search": "Search result",
    "reference": "Reference entry",
    "about": "The site's own About us page",
    "statement": "Original statement",
    "study": "The original study",
    "post": "Social media post",
    "photo": "Photo shared online",
    "reverse_search": "Reverse image search",
    "chart": "Chart",
    "sponsored": "Sponsored page",
    "news": "News report",
}
#: Largest inline picture a card may hold (characters of SVG).
MAX_IMAGE_CHARS = 20_000
FIELDS = {"id", "kind", "title", "site", "date", "label", "text", "image", "alt", "bars"}
FIELDS |= {"axis_from", "unit"}
INVENTED = "Invented for practice: not a real site, person or picture."

_CARD_STYLE = (
    "border:1px solid #bbbbbb;border-radius:6px;padding:0.6em 0.9em;margin:0.6em 0;"
    "max-width:44em;font-family:sans-serif;background:#ffffff;color:#1a1a1a"
)
_BADGE_STYLE = (
    "display:inline-block;font-size:0.8em;font-weight:bold;padding:0.1em 0.5em;"
    "border:1px solid #0072B2;color:#0b4f7a;background:#eef6fb;border-radius:3px"
)
_SMALL = "font-size:0.8em;color:#555555"


@dataclass(frozen=True)
class Card:
    """One prepared card, checked."""

    id: str
    kind: str
    title: str
    site: str = ""
    date: str = ""
    label: str = ""
    text: str = ""
    image: str = ""
    alt: str = ""
    bars: tuple[tuple[str, float], ...] = ()
    axis_from: float = 0.0
    unit: str = ""

    @property
    def paragraphs(self) -> list[str]:
        return [" ".join(p.split()) for p in self.text.split("\n\n") if p.strip()]


def load_cards(article: Article) -> list[Card]:
    """The cards in an article's front matter (`cards:`), each checked; KitError names the card
    and the fix."""
    raw = article.extra.get("cards")
    where = article.path or article.id
    if raw is None:
        raise KitError(
            "this text has no prepared cards",
            path=where,
            fix="add a 'cards:' list to its front matter (see kit/views/cards.py)",
        )
    if not isinstance(raw, list) or not raw:
        raise KitError("'cards:' must be a list of cards, each starting with '- id:'", path=where)
    cards, seen = [], set()
    for n, item in enumerate(raw, 1):
        card = _card(item, n, where)
        if card.id in seen:
            raise KitError(
                f"card {n}: the id '{card.id}' is used twice", path=where, fix="give it a new id"
            )
        seen.add(card.id)
        cards.append(card)
    return cards


def _card(item: Any, n: int, where: Any) -> Card:
    def bad(problem: str, fix: str) -> KitError:
        return KitError(f"card {n}: {problem}", path=where, fix=fix)

    if not isinstance(item, Mapping):
        raise bad("is not a card", "start each card with '- id: NAME' and 'kind: KIND'")
    unknown = sorted(str(k) for k in item if k not in FIELDS)
    if unknown:
        raise bad(f"unknown field {', '.join(unknown)}", f"use only {', '.join(sorted(FIELDS))}")
    text = {k: "" if item.get(k) is None else str(item.get(k)).strip() for k in FIELDS - {"bars"}}
    if not text["id"]:
        raise bad("has no id", "add 'id: NAME' (a short name, unique in the file)")
    if text["kind"] not in KINDS:
        raise bad(f"unknown kind '{text['kind']}'", f"use one of {', '.join(KINDS)}")
    if not text["title"]:
        raise bad("has no title", "add 'title: ...'")
    kind = text["kind"]
    if kind in ("photo", "chart") and not text["alt"]:
        raise bad(
            "a picture needs a text description",
            "add 'alt: ...' saying what the picture shows, for students who cannot see it",
        )
    if kind == "photo":
        image = text["image"]
        if not image.startswith("<svg") or len(image) > MAX_IMAGE_CHARS:
            raise bad(
                "a photo card needs a small inline SVG picture",
                f"put '<svg ...>...</svg>' (at most {MAX_IMAGE_CHARS} characters) under 'image: |'",
            )
    bars: tuple[tuple[str, float], ...] = ()
    if kind == "chart":
        bars = _bars(item.get("bars"), bad)
    try:
        axis_from = float(text["axis_from"] or 0)
    except ValueError:
        raise bad("'axis_from' is not a number", "write a number, as in 'axis_from: 45'") from None
    if bars and axis_from >= max(v for _, v in bars):
        raise bad("'axis_from' is above every bar", "start the axis below the smallest bar")
    return Card(
        id=text["id"],
        kind=kind,
        title=text["title"],
        site=text["site"],
        date=text["date"],
        label=text["label"],
        text=text["text"],
        image=text["image"] if kind == "photo" else "",
        alt=text["alt"],
        bars=bars,
        axis_from=axis_from,
        unit=text["unit"],
    )


def _bars(raw: Any, bad) -> tuple[tuple[str, float], ...]:
    fix = "write the bars as [label, number] pairs, as in 'bars: [[2024, 48], [2025, 53]]'"
    if not isinstance(raw, list) or not 1 <= len(raw) <= 12:
        raise bad("a chart needs 1 to 12 bars", fix)
    out = []
    for pair in raw:
        if not (isinstance(pair, list) and len(pair) == 2):
            raise bad("a bar is not a [label, number] pair", fix)
        label, value = pair
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise bad(f"the bar '{label}' has no number of 0 or more", fix)
        out.append((str(label), float(value)))
    return tuple(out)


# ---------------------------------------------------------------- pictures


def _data_img(svg: str, alt: str, width: int) -> str:
    """A picture as an <img> with a data: address: a browser never runs anything inside it."""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        f'<img src="data:image/svg+xml;base64,{data}" alt="{escape(alt)}" width="{width}" '
        'style="display:block;margin:0.4em 0;border:1px solid #dddddd">'
    )


def _num(v: float) -> str:
    return f"{v:g}"


def chart_svg(card: Card) -> str:
    """A bar chart of the card's bars, its value axis starting at `axis_from` (as drawn by
    whoever made it: a start above 0 makes small differences look big)."""
    w, h, left, top, bottom = 360, 220, 48, 30, 30
    plot_h = h - top - bottom
    lo, hi = card.axis_from, max(v for _, v in card.bars)
    step = (w - left - 10) / len(card.bars)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" font-family="sans-serif" font-size="12">',
        f'<rect width="{w}" height="{h}" fill="#ffffff"/>',
        f'<text x="{left}" y="18" font-weight="bold">{escape(card.title)}</text>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#333333"/>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{w - 5}" y2="{top + plot_h}" '
        'stroke="#333333"/>',
        f'<text x="{left - 6}" y="{top + plot_h + 4}" text-anchor="end">{_num(lo)}</text>',
        f'<text x="{left - 6}" y="{top + 4}" text-anchor="end">{_num(hi)}</text>',
    ]
    for i, (label, value) in enumerate(card.bars):
        bar_h = plot_h * (max(value, lo) - lo) / (hi - lo)
        x = left + i * step + step * 0.2
        y = top + plot_h - bar_h
        parts += [
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{step * 0.6:.1f}" height="{bar_h:.1f}" '
            'fill="#D55E00"/>',
            f'<text x="{x + step * 0.3:.1f}" y="{y - 4:.1f}" text-anchor="middle">'
            f"{_num(value)}</text>",
            f'<text x="{x + step * 0.3:.1f}" y="{h - 10}" text-anchor="middle">'
            f"{escape(label)}</text>",
        ]
    parts.append("</svg>")
    return "".join(parts)


# ---------------------------------------------------------------- the view


def render_card(card: Card) -> str:
    """One card as escaped HTML."""
    head = [f'<span style="{_BADGE_STYLE}">{escape(KINDS[card.kind])}</span>']
    where = " · ".join(b for b in (card.site, card.date) if b)
    title = (
        f'<div style="font-weight:bold;font-size:1.05em;margin:0.3em 0">{escape(card.title)}</div>'
    )
    body = [title]
    if where:
        body.append(f'<div style="{_SMALL}">{escape(where)}</div>')
    if card.label:
        body.append(
            f'<div style="{_SMALL};font-style:italic;margin:0.2em 0">{escape(card.label)}</div>'
        )
    if card.kind == "photo":
        body.append(_data_img(card.image, card.alt, 320))
    elif card.kind == "chart":
        body.append(_data_img(chart_svg(card), card.alt, 360))
    body += [f'<p style="margin:0.4em 0">{escape(p)}</p>' for p in card.paragraphs]
    if card.alt:
        body.append(f'<div style="{_SMALL}">Picture: {escape(card.alt)}</div>')
    body.append(f'<div style="{_SMALL};margin-top:0.4em">{escape(INVENTED)}</div>')
    return (
        f'<div class="kit-card kit-card-{card.kind}" role="article" '
        f'aria-label="{escape(KINDS[card.kind])}: {escape(card.title)}" style="{_CARD_STYLE}">'
        + "".join(head + body)
        + "</div>"
    )


def show_cards(article: Article | str | Path, only: Iterable[str] | None = None) -> SafeHTML:
    """The prepared cards of a practice text (all of them, or the ids in `only`, in that order)."""
    if not isinstance(article, Article):
        article = load_article(article)
    cards = load_cards(article)
    if only is not None:
        by_id = {c.id: c for c in cards}
        wanted = [only] if isinstance(only, str) else list(only)
        missing = [i for i in wanted if i not in by_id]
        if missing:
            raise KitError(
                f"no card called {', '.join(missing)}",
                path=article.path or article.id,
                fix=f"use one of: {', '.join(by_id)}",
            )
        cards = [by_id[i] for i in wanted]
    html = '<div class="kit-cards">' + "".join(render_card(c) for c in cards) + "</div>"
    return SafeHTML(html, f"{len(cards)} prepared cards from {article.id}")
