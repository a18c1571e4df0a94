"""Safe HTML for articles with highlighted spans.

Every piece of article text, label and tooltip passes through `html.escape`: an article that holds
`<script>` or `<img onerror=...>` shows those characters as text. Overlapping marks are drawn by
cutting the text at every mark boundary and giving each piece the classes of all marks over it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from kit.articles.article import Article
from kit.views.glossary import glossary_html, terms_in

# Okabe-Ito colours (safe for the common colour-vision deficiencies), each with a non-colour cue.
PALETTE = (
    ("#E69F00", "solid"),
    ("#56B4E9", "dashed"),
    ("#009E73", "dotted"),
    ("#CC79A7", "double"),
    ("#0072B2", "wavy"),
    ("#D55E00", "solid"),
    ("#F0E442", "dashed"),
    ("#999999", "dotted"),
)


@dataclass(frozen=True)
class Mark:
    """A highlighted [start, end) range: `label` picks its style, `title` is the hover text."""

    start: int
    end: int
    label: str
    title: str = ""


@dataclass(frozen=True)
class SafeHTML:
    """Escaped HTML that notebooks display; `html` is the markup."""

    html: str
    summary: str = "rendered article"

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<{self.summary}>"


def label_class(label: str) -> str:
    """A CSS class name for a label, safe whatever the label holds."""
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in label)
    return f"kit-l-{safe}"


# Every style is inline: JupyterLab strips <style> from the output of a notebook it does not
# trust (any notebook a student has not run in this session) but keeps inline styles whose
# properties and values its sanitizer allows (colours as 6-digit hex, border-bottom, margin,
# padding, display, flex, font ...). tests/browser/test_untrusted_views.py checks what survives.
_BORDER = {"wavy": "double"}  # a border has no wavy line; double is the nearest distinct cue


def tint(colour: str, alpha: float = 0.2) -> str:
    """`colour` (#RRGGBB) blended over white, as #rrggbb (no alpha: the sanitizer drops it)."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * alpha):02x}" for c in rgb)


def mark_style(index: int) -> str:
    """Inline CSS for the label at `index` in the legend order: a tint and a coloured underline
    whose line style (solid, dashed, dotted, double) repeats the colour without it."""
    colour, line = PALETTE[index % len(PALETTE)]
    line = _BORDER.get(line, line)
    width = 3 if line == "double" else 2
    return f"background:{tint(colour)};border-bottom:{width}px {line} {colour.lower()}"


def key_style(index: int) -> str:
    """Inline CSS for the legend key of the label at `index`."""
    return f"padding:0 0.3em;{mark_style(index)}"


ARTICLE_STYLE = (
    "font-family:Georgia,serif;line-height:1.55;max-width:46em;color:#1a1a1a;"
    "background:#ffffff;padding:0.5em 1em"
)
HEADLINE_STYLE = "font-size:1.45em;font-weight:bold;margin:0.2em 0 0.4em"
STANDFIRST_STYLE = "font-size:1.08em;color:#333333;font-style:italic;margin:0 0 0.8em"
META_STYLE = "font-family:sans-serif;font-size:0.8em;color:#555555;margin-bottom:0.8em"
PARAGRAPH_STYLE = "margin:0 0 0.7em"
LEGEND_STYLE = (
    "font-family:sans-serif;font-size:0.85em;margin:0 0 0.8em;display:flex;flex-wrap:wrap;gap:0.8em"
)
#: Paragraph numbers: small, grey, set apart from the text that follows.
NUMBER_STYLE = (
    "display:inline-block;min-width:1.6em;font-family:sans-serif;font-size:0.7em;color:#767676;"
    "margin-right:0.5em;text-align:right"
)


def _scope_id(article: Article, marks: Sequence[Mark], labels: Sequence[str]) -> str:
    """A deterministic element id, distinct for different renderings on one page."""
    digest = hashlib.blake2b(repr((article.text, marks, labels)).encode(), digest_size=6)
    return f"kit-{digest.hexdigest()}"


def _marked(
    text: str, start: int, end: int, marks: Sequence[Mark], styles: Mapping[str, tuple[int, str]]
) -> str:
    """Escaped text[start:end] with every overlapping mark drawn as a styled span.

    `styles` maps each label to (its order, its inline CSS); where marks overlap, the piece takes
    the style of the label latest in that order (as a style sheet's later rule would win), and the
    classes and hover texts of all of them.
    """
    inside = [m for m in marks if m.start < end and m.end > start and m.end > m.start]
    if not inside:
        return escape(text[start:end])
    cuts = {start, end}
    for m in inside:
        cuts.add(max(start, m.start))
        cuts.add(min(end, m.end))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:]):
        piece = escape(text[a:b])
        over = [m for m in inside if m.start <= a and m.end >= b]
        if not over:
            out.append(piece)
            continue
        labels = list(dict.fromkeys(m.label for m in over))
        classes = " ".join(label_class(label) for label in labels)
        style = max((styles[label] for label in labels), key=lambda s: s[0])[1]
        titles = " | ".join(dict.fromkeys(m.title for m in over if m.title))
        title_attr = f' title="{escape(titles)}"' if titles else ""
        out.append(f'<span class="kit-mark {classes}" style="{style}"{title_attr}>{piece}</span>')
    return "".join(out)


def render_article(
    article: Article,
    marks: Iterable[Mark] = (),
    *,
    legend: Sequence[tuple[str, str]] = (),
    numbers: bool = False,
    meta: bool = True,
) -> SafeHTML:
    """The article as escaped HTML with `marks` highlighted.

    `legend` lists (label, what it means) in the order that picks colours; labels of marks not in
    the legend get colours after those. `numbers` shows paragraph numbers.
    """
    marks = sorted(marks, key=lambda m: (m.start, -m.end))
    labels = list(dict.fromkeys([lab for lab, _ in legend] + [m.label for m in marks]))
    styles = {label: (i, mark_style(i)) for i, label in enumerate(labels)}
    scope = _scope_id(article, marks, labels)
    parts = [f'<div class="kit-article" id="{scope}" style="{ARTICLE_STYLE}">']
    if legend:
        keys = "".join(
            f'<span class="kit-key {label_class(lab)}" style="{key_style(styles[lab][0])}">'
            f"{escape(desc)}</span>"
            for lab, desc in legend
        )
        parts.append(
            f'<div class="kit-legend" role="group" aria-label="Legend" style="{LEGEND_STYLE}">'
            f"{keys}</div>"
        )
    parts.extend(_paragraphs(article, marks, styles, numbers, meta))
    parts.append("</div>")
    return SafeHTML("".join(parts), f"article {article.id}: {len(marks)} highlights")


def paragraph_numbers(article: Article) -> list[int | None]:
    """The number each paragraph shows on the article (body paragraphs from 1; the headline and
    standfirst have none): the one numbering that views, tables and exercises use."""
    out: list[int | None] = []
    body_no = 0
    for p in article.paragraphs:
        if p.role in ("headline", "standfirst"):
            out.append(None)
        else:
            body_no += 1
            out.append(body_no)
    return out


def sentence_places(article: Article) -> list[str]:
    """Where each sentence is, in the article's own numbering: "paragraph 3, sentence 2", or
    "headline" / "standfirst" (sentences count from 1 within their paragraph). One pass."""
    numbers = paragraph_numbers(article)
    within: dict[int, int] = {}
    places = []
    for sent in article.sentences:
        para = article.paragraphs[sent.paragraph]
        within[sent.paragraph] = within.get(sent.paragraph, 0) + 1
        if para.role in ("headline", "standfirst"):
            places.append(para.role)
        else:
            places.append(f"paragraph {numbers[sent.paragraph]}, sentence {within[sent.paragraph]}")
    return places


def sentence_place(article: Article, sentence: int) -> str:
    """Where one sentence is (see `sentence_places`)."""
    return sentence_places(article)[sentence]


def _paragraphs(
    article: Article,
    marks: Sequence[Mark],
    styles: Mapping[str, tuple[int, str]],
    numbers: bool,
    meta: bool,
) -> list[str]:
    """The article's paragraphs as escaped HTML with the marks drawn."""
    parts = []
    # A sweep over the marks (sorted by start) keeps the work linear in the article's length: each
    # paragraph sees only the marks that reach into it, not every mark of the article.
    upcoming = iter(marks)
    pending = next(upcoming, None)
    active: list[Mark] = []
    for p, number in zip(article.paragraphs, paragraph_numbers(article)):
        while pending is not None and pending.start < p.end:
            active.append(pending)
            pending = next(upcoming, None)
        active = [m for m in active if m.end > p.start]
        inner = _marked(article.text, p.start, p.end, active, styles)
        if p.role == "headline":
            parts.append(
                f'<div class="kit-headline" role="heading" aria-level="2" '
                f'style="{HEADLINE_STYLE}">{inner}</div>'
            )
            if meta:
                parts.append(_meta_line(article))
        elif p.role == "standfirst":
            parts.append(f'<p class="kit-standfirst" style="{STANDFIRST_STYLE}">{inner}</p>')
        else:
            shown = (
                f'<span class="kit-pn" style="{NUMBER_STYLE}">{number}</span>' if numbers else ""
            )
            parts.append(f'<p style="{PARAGRAPH_STYLE}">{shown}{inner}</p>')
    return parts


#: Heat-map shades (one hue, Okabe-Ito blue); a thicker underline repeats the level without colour.
HEAT_LEVELS = 5


def _runs(text: str, spans: Iterable[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Neighbouring spans with the same count joined (with the spaces between them)."""
    out: list[tuple[int, int, int]] = []
    for s, e, n in sorted(x for x in spans if x[2] > 0 and x[1] > x[0]):
        if out and out[-1][2] == n and not text[out[-1][1] : s].strip():
            out[-1] = (out[-1][0], e, n)
        else:
            out.append((s, e, n))
    return out


def _heat_style(level: int, levels: int) -> str:
    shade = tint("#0072B2", level / levels * 0.85)
    colour = "color:#ffffff;" if level >= 4 else ""
    return (
        f"background:{shade};{colour}border-bottom:{level * HEAT_LEVELS // levels}px solid #003d66"
    )


def render_heatmap(
    article: Article,
    spans: Iterable[tuple[int, int, int]],
    total: int,
    *,
    what: str = "highlighted this",
    numbers: bool = True,
) -> SafeHTML:
    """The article with each [start, end) span shaded by its count out of `total` people.

    Hovering a word shows "n of total students <what>"; a legend explains the shades.
    """
    top = max(total, 1)
    levels = min(HEAT_LEVELS, top)
    marks = []
    for s, e, n in _runs(article.text, spans):
        level = max(1, min(levels, -(-n * levels // top)))
        marks.append(Mark(s, e, f"heat-{level}", f"{n} of {total} students {what}"))
    scope = _scope_id(article, marks, ["heat", what, str(total)])
    styles = {f"heat-{lv}": (lv, _heat_style(lv, levels)) for lv in range(1, levels + 1)}
    bands = []
    for level in range(1, levels + 1):
        lo = (level - 1) * top // levels + 1
        hi = level * top // levels
        bands.append(
            f'<span class="kit-key kit-mark {label_class(f"heat-{level}")}" '
            f'style="padding:0 0.3em;{styles[f"heat-{level}"][1]}">'
            f"{lo if lo >= hi else f'{lo}-{hi}'}</span>"
        )
    legend = (
        f'<div class="kit-legend" role="group" aria-label="Legend" style="{LEGEND_STYLE}">'
        f"Students who {escape(what)} (of {total}): {''.join(bands)}</div>"
    )
    parts = [
        f'<div class="kit-article kit-heatmap" id="{scope}" style="{ARTICLE_STYLE}">',
        legend,
    ]
    parts.extend(_paragraphs(article, marks, styles, numbers, True))
    parts.append("</div>")
    return SafeHTML("".join(parts), f"article {article.id}: heat map of {total} students")


def _meta_line(article: Article) -> str:
    bits = [b for b in (article.outlet, article.byline, article.published) if b]
    banner = ""
    if article.extra.get("practice"):
        banner = (
            '<div class="kit-practice" role="note" style="font-family:sans-serif;font-size:0.85em;'
            'background:#fff3cd;border:1px dashed #8a6d00;padding:0.2em 0.6em;margin:0.3em 0">'
            "Invented for practice: this event and these people are not real.</div>"
        )
    if not bits:
        return banner
    return f'<div class="kit-meta" style="{META_STYLE}">{escape(" · ".join(bits))}</div>{banner}'


def show_article(
    article: Article, numbers: bool = True, glossary: bool | str | Path = True
) -> SafeHTML:
    """The article, nicely set, with paragraph numbers (a notebook displays the result).

    `glossary`: below the text, the hard words the article uses and what they mean, from the
    course's `glossary.yaml` (kit.views.glossary); a path for another file; False for none.
    """
    shown = render_article(article, numbers=numbers)
    if glossary is False:
        return shown
    terms = terms_in(article, None if glossary is True else glossary)
    if not terms:
        return shown
    return SafeHTML(shown.html + glossary_html(terms), shown.summary)


@dataclass(frozen=True)
class Notice:
    """A short message for a student: plain text in a log, a friendly box in a notebook."""

    text: str
    kind: str = "info"

    def __repr__(self) -> str:
        return self.text

    def _repr_html_(self) -> str:
        colours = {"info": ("#0072B2", "#eef6fb"), "warning": ("#b8860b", "#fff8e1")}
        edge, bg = colours.get(self.kind, colours["info"])
        role = "alert" if self.kind == "warning" else "status"
        lines = "<br>".join(escape(line) for line in self.text.splitlines())
        return (
            f'<div role="{role}" style="border-left:4px solid {edge};background:{bg};'
            f'padding:0.4em 0.8em;font-family:sans-serif;color:#1a1a1a">{lines}</div>'
        )
