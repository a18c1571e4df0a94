"""One-call notebook views: article highlights, tables and small charts, all as safe HTML."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from kit.articles.article import Article, load_article
from kit.views.html import PALETTE, Mark, SafeHTML, render_article, sentence_places

if TYPE_CHECKING:
    from kit.articles.article import Article
    from kit.reading.claims import ClaimSuggestion, LabelSet
    from kit.reading.sources import Attribution


#: Student tables: text left-aligned, wrapped and at the top of its cell, a line between rows.
TABLE_STYLE = "border-collapse:collapse;font-family:sans-serif;font-size:0.95em;margin:0.6em 0"
CELL_STYLE = (
    "text-align:left;vertical-align:top;white-space:normal;padding:0.3em 0.6em;"
    "border-bottom:1px solid #dddddd;max-width:36em"
)
CAPTION_STYLE = "text-align:left;font-weight:bold;padding:0.3em 0"


def html_table(df: pd.DataFrame, caption: str = "") -> str:
    """A DataFrame as an escaped HTML table for students (cell text is untrusted): no index, text
    left-aligned and wrapped, empty cells where pandas has NaN."""
    cap = f'<caption style="{CAPTION_STYLE}">{escape(caption)}</caption>' if caption else ""
    head = "".join(
        f'<th scope="col" style="{CELL_STYLE}">{escape(str(c))}</th>' for c in df.columns
    )
    rows = "".join(
        "<tr>" + "".join(f'<td style="{CELL_STYLE}">{escape(_cell(v))}</td>' for v in row) + "</tr>"
        for row in df.itertuples(index=False)
    )
    return (
        f'<table class="kit-table" style="{TABLE_STYLE}">{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _cell(v: object) -> str:
    if v is None:
        return ""
    try:
        if pd.isna(v):
            return ""
    except (TypeError, ValueError):  # lists and arrays: not a missing value
        pass
    if isinstance(v, float):
        return f"{v:g}" if v == int(v) else f"{v:.2f}"
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


def sources_table(attributions: Iterable) -> pd.DataFrame:
    """Who speaks in an article, for students: one row per source with its kind, how many reports
    (each time the article says what the source said), how many are quotes, and how."""
    rows: dict[tuple[str, str], dict] = {}
    for a in attributions:
        key = (a.speaker or "(unknown)", a.source_type)
        row = rows.setdefault(
            key,
            {
                "source": key[0],
                "kind of source": source_kind(a.source_type),
                "reports": 0,
                "quoted": 0,
                "in other words": 0,
                "stances": Counter(),
            },
        )
        row["reports"] += 1
        row["quoted" if a.direct else "in other words"] += 1
        if a.cue is not None:
            row["stances"][a.stance] += 1
    out = []
    for row in sorted(rows.values(), key=lambda r: (-r["reports"], r["source"])):
        stances = row.pop("stances")
        row["how it is reported"] = ", ".join(f"{s} ×{n}" for s, n in sorted(stances.items()))
        out.append(row)
    columns = ["source", "kind of source", "reports", "quoted", "in other words"]
    return pd.DataFrame(out, columns=[*columns, "how it is reported"])


def source_kind(source_type: str) -> str:
    """A source type as students read it: "Named person", "Unnamed source" (not `named_person`)."""
    from kit.reading.sources import TYPE_NAMES

    name = TYPE_NAMES.get(source_type, source_type)
    return name[:1].upper() + name[1:]


def source_marks(attributions: Iterable[Attribution]) -> list[Mark]:
    """Highlights for `render_article`: each attribution's source, cue and content, with hover
    text."""
    from kit.reading.sources import describe

    marks = []
    for a in attributions:
        title = describe(a)
        if a.source is not None:
            marks.append(Mark(a.source.start, a.source.end, "source", title))
        if a.cue is not None:
            marks.append(Mark(a.cue.start, a.cue.end, "cue", title))
        if a.content is not None:
            label = "quote" if a.direct else "paraphrase"
            marks.append(Mark(a.content.start, a.content.end, label, title))
    return marks


def _n(count: int, word: str) -> str:
    """ "1 source", "7 sources"."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def show_sources(article: Article | str | Path) -> SafeHTML:
    """Who is speaking: the article with sources, cues and contents highlighted, a table of
    speakers and a chart of source types. `article` may be an Article or a file path."""
    from kit.reading.sources import SOURCE_LEGEND, find_attributions

    if not isinstance(article, Article):
        article = load_article(article)
    found = find_attributions(article)
    view = render_article(article, source_marks(found), legend=SOURCE_LEGEND, numbers=True)
    table = sources_table(found)
    speakers = len(table)
    # The chart counts what the caption counts, in the same words: the sources, by their kind.
    kinds = Counter(table["kind of source"])
    caption = f"Who speaks: {_n(len(found), 'report')} from {_n(speakers, 'source')}"
    parts = [
        view.html,
        html_table(table, caption) if found else "<p>No reported speech was found.</p>",
        bar_chart(dict(kinds.most_common()), f"The {_n(speakers, 'source')}, by kind")
        if found
        else "",
    ]
    summary = f"sources in {article.id}: {len(found)} attributions, {speakers} speakers"
    return stack(parts, summary)


# ---------------------------------------------------------------- claims


def show_claims(
    article: Article | str,
    *,
    labels: LabelSet | str | Path | None = None,
    attributions: Iterable[Attribution] | None = None,
) -> SafeHTML:
    """The article with claim types and wording to notice highlighted, a table of every sentence
    (type, check-worthiness, who claims it, why) and the three claims most worth checking.

    `labels` is a teacher's label set (a LabelSet or the path of its YAML file).
    """
    from kit.articles.article import article_from_text
    from kit.reading.claims import most_checkworthy, no_claim_rules, resolve_labels, suggest
    from kit.reading.wording import flag
    from kit.views.html import Mark, render_article

    if isinstance(article, str):
        article = article_from_text(article)
    label_set = resolve_labels(labels)
    why_none = no_claim_rules(article)
    if why_none is not None:
        parts = [
            '<div class="kit-claims" style="font-family:sans-serif">',
            f'<p class="kit-note"><strong>No suggestions:</strong> {escape(why_none)}</p>',
            render_article(article, [], numbers=True).html,
            "</div>",
        ]
        return stack(parts, f"claims in {article.id}: {why_none}")
    found = suggest(article, labels=label_set, attributions=attributions)
    flags = flag(article)
    shown = [lab for lab in label_set.labels if "not_a_claim" not in lab.kit_types]
    legend = [(lab.name, type_name(lab.name)) for lab in shown] + [(_WORDING, "words to notice")]
    marks = [
        Mark(s.span.start, s.span.end, s.type, _hover(s))
        for s in found
        if s.kit_type != "not_a_claim"
    ]
    marks += [
        Mark(f.span.start, f.span.end, _WORDING, f"{f.label}: {f.explanation}") for f in flags
    ]
    parts = [
        '<div class="kit-claims" style="font-family:sans-serif">',
        render_article(article, marks, legend=legend, numbers=True).html,
        _top_three(most_checkworthy(found)),
        html_table(
            _claims_frame(article, found), caption="Every sentence: what kind of claim, and why"
        ),
    ]
    if flags:
        words = pd.DataFrame(
            [(f.word, f.label, f.explanation) for f in flags],
            columns=["words", "kind", "why notice them"],
        )
        parts.append(html_table(words, caption="Words to notice"))
    parts.append(_label_notes(label_set))
    parts.append("</div>")
    worth = sum(s.checkworthy == "yes" for s in found)
    return stack(parts, f"claims in {article.id}: {len(found)} suggestions, {worth} worth checking")


_WORDING = "words to notice"


def type_name(name: str) -> str:
    """A claim type as students read it, as the claim tagger names it: "Not a claim", "Fact"."""
    name = name.replace("_", " ").strip()
    return name[:1].upper() + name[1:]


def _hover(s: ClaimSuggestion) -> str:
    who = "" if s.claimant == "the reporter" else f" · claimed by {s.claimant}"
    why = "; ".join(r.text for r in s.reasons if r.about == "type")
    return f"{type_name(s.type)} · check-worthy: {s.checkworthy}{who} · {why}"


def _claims_frame(article: Article, found: list[ClaimSuggestion]) -> pd.DataFrame:
    places = sentence_places(article)
    rows = []
    for s in found:
        text = " ".join(s.text.split())
        rows.append(
            {
                "where": places[s.sentence] + (" (part)" if s.part else ""),
                "sentence": ("↳ " if s.part else "") + text,
                "type": type_name(s.type),
                "check-worthy": s.checkworthy,
                "who claims it": s.claimant,
                "why": "; ".join(r.text for r in s.reasons),
            }
        )
    columns = ["where", "sentence", "type", "check-worthy", "who claims it", "why"]
    return pd.DataFrame(rows, columns=columns)


def _top_three(top: list[ClaimSuggestion]) -> str:
    if not top:
        return "<p><strong>No claim here looks worth checking.</strong></p>"
    items = []
    for s in top:
        who = "the reporter" if s.claimant == "the reporter" else s.claimant
        why = "; ".join(r.text for r in s.reasons if r.about != "claimant")
        items.append(
            f"<li><q>{escape(' '.join(s.text.split()))}</q><br>"
            f"<small>{escape(type_name(s.type))} claim by {escape(who)}; check-worthy: "
            f"{escape(s.checkworthy)}. Why: {escape(why)}</small></li>"
        )
    n = len(top)
    title = "The claim most worth checking" if n == 1 else f"The {n} claims most worth checking"
    return f"<div><strong>{title}</strong><ol>{''.join(items)}</ol></div>"


def _label_notes(label_set: LabelSet) -> str:
    rows = "".join(
        f"<li><strong>{escape(type_name(lab.name))}</strong>: {escape(lab.description)}</li>"
        for lab in label_set.labels
    )
    return f"<details><summary>What the claim types mean</summary><ul>{rows}</ul></details>"


# ---------------------------------------------------------------- wording


def _no_flags(article: Article) -> str:
    from kit.reading.claims import no_claim_rules

    why_none = no_claim_rules(article)
    if why_none is None:
        return "<p>No words to notice were found.</p>"
    return f'<p class="kit-note"><strong>No words to notice:</strong> {escape(why_none)}</p>'


def show_wording(article: Article | str | Path) -> SafeHTML:
    """How the story reports speech: every reporting word (cue) marked by its stance, the wording
    to notice (hedges, doubt words, labels, scare quotes ...), and a table of each with what it
    tells a reader. `article` may be an Article or a file path."""
    from kit.reading.lexicon import package_yaml
    from kit.reading.sources import find_attributions
    from kit.reading.wording import flag
    from kit.views.html import Mark

    if not isinstance(article, Article):
        article = load_article(article)
    meanings = package_yaml("en/reporting_cues.yaml").get("stances") or {}
    cues = [a for a in find_attributions(article) if a.cue is not None]
    flags = flag(article)
    stances = ("neutral", "doubt", "emphasis", "concession")
    legend = [(s, f"{s} reporting word") for s in stances] + [(_WORDING, "words to notice")]
    marks = [
        Mark(a.cue.start, a.cue.end, a.stance, f"{a.stance}: {meanings.get(a.stance, '')}")
        for a in cues
    ]
    marks += [
        Mark(f.span.start, f.span.end, _WORDING, f"{f.label}: {f.explanation}") for f in flags
    ]
    verbs = pd.DataFrame(
        [
            (
                " ".join(article.text[a.cue.start : a.cue.end].split()),
                a.speaker or "(unclear)",
                a.stance,
                meanings.get(a.stance, ""),
            )
            for a in cues
        ],
        columns=["reporting words", "who", "stance", "what it tells you"],
    )
    words = pd.DataFrame(
        [(f.word, f.label, f.explanation) for f in flags],
        columns=["words", "kind", "why notice them"],
    )
    parts = [
        render_article(article, marks, legend=legend, numbers=True).html,
        html_table(verbs, "Reporting words: how the story tells you who said what")
        if cues
        else "<p>No reporting words were found.</p>",
        html_table(words, "Words to notice") if flags else _no_flags(article),
    ]
    loaded = sum(a.stance != "neutral" for a in cues)
    summary = (
        f"wording in {article.id}: {len(cues)} reporting words ({loaded} not neutral), "
        f"{len(flags)} words to notice"
    )
    return stack(parts, summary)
