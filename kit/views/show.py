"""One-call notebook views: article highlights, tables and small charts, all as safe HTML."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from kit.articles.article import Article, load_article
from kit.views.html import PALETTE, Mark, SafeHTML, render_article

if TYPE_CHECKING:
    from kit.articles.article import Article
    from kit.reading.claims import ClaimSuggestion, LabelSet
    from kit.reading.sources import Attribution


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


def sources_table(attributions: Iterable) -> pd.DataFrame:
    """Who speaks in an article: one row per speaker with type, count, quote/paraphrase, stances."""
    from kit.reading.sources import TYPE_NAMES

    rows: dict[tuple[str, str], dict] = {}
    for a in attributions:
        key = (a.speaker or "(unknown)", a.source_type)
        row = rows.setdefault(
            key,
            {
                "speaker": key[0],
                "type": TYPE_NAMES.get(a.source_type, a.source_type),
                "times": 0,
                "quoted": 0,
                "paraphrased": 0,
                "stances": Counter(),
            },
        )
        row["times"] += 1
        row["quoted" if a.direct else "paraphrased"] += 1
        if a.cue is not None:
            row["stances"][a.stance] += 1
    out = []
    for row in sorted(rows.values(), key=lambda r: (-r["times"], r["speaker"])):
        stances = row.pop("stances")
        row["stances"] = ", ".join(f"{s} ×{n}" for s, n in sorted(stances.items()))
        out.append(row)
    columns = ["speaker", "type", "times", "quoted", "paraphrased", "stances"]
    return pd.DataFrame(out, columns=columns)


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


def show_sources(article: Article | str | Path) -> SafeHTML:
    """Who is speaking: the article with sources, cues and contents highlighted, a table of
    speakers and a chart of source types. `article` may be an Article or a file path."""
    from kit.reading.sources import SOURCE_LEGEND, TYPE_NAMES, find_attributions

    if not isinstance(article, Article):
        article = load_article(article)
    found = find_attributions(article)
    view = render_article(article, source_marks(found), legend=SOURCE_LEGEND, numbers=True)
    table = sources_table(found)
    types = Counter(TYPE_NAMES.get(a.source_type, a.source_type) for a in found)
    speakers = len(table)
    caption = f"Who speaks: {len(found)} reports from {speakers} sources"
    parts = [
        view.html,
        html_table(table, caption) if found else "<p>No reported speech was found.</p>",
        bar_chart(dict(types.most_common()), "Kinds of source"),
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
    from kit.reading.claims import most_checkworthy, resolve_labels, suggest
    from kit.reading.wording import flag
    from kit.views.html import Mark, render_article

    if isinstance(article, str):
        article = article_from_text(article)
    label_set = resolve_labels(labels)
    found = suggest(article, labels=label_set, attributions=attributions)
    flags = flag(article)
    shown = [lab for lab in label_set.labels if "not_a_claim" not in lab.kit_types]
    legend = [(lab.name, lab.name) for lab in shown] + [(_WORDING, "words to notice")]
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
        html_table(_claims_frame(found), caption="Every sentence: what kind of claim, and why"),
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


def _hover(s: ClaimSuggestion) -> str:
    who = "" if s.claimant == "the reporter" else f" · claimed by {s.claimant}"
    why = "; ".join(r.text for r in s.reasons if r.about == "type")
    return f"{s.type} · check-worthy: {s.checkworthy}{who} · {why}"


def _claims_frame(found: list[ClaimSuggestion]) -> pd.DataFrame:
    rows = []
    for s in found:
        text = " ".join(s.text.split())
        text = text if len(text) <= 140 else text[:139] + "…"
        rows.append(
            {
                "#": f"{s.sentence + 1}" + (" (part)" if s.part else ""),
                "sentence": ("↳ " if s.part else "") + text,
                "type": s.type,
                "check-worthy": s.checkworthy,
                "who claims it": s.claimant,
                "why": "; ".join(r.text for r in s.reasons),
            }
        )
    columns = ["#", "sentence", "type", "check-worthy", "who claims it", "why"]
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
            f"<small>{escape(s.type)} claim by {escape(who)}; check-worthy: "
            f"{escape(s.checkworthy)}. Why: {escape(why)}</small></li>"
        )
    n = len(top)
    title = "The claim most worth checking" if n == 1 else f"The {n} claims most worth checking"
    return f"<div><strong>{title}</strong><ol>{''.join(items)}</ol></div>"


def _label_notes(label_set: LabelSet) -> str:
    rows = "".join(
        f"<li><strong>{escape(lab.name)}</strong>: {escape(lab.description)}</li>"
        for lab in label_set.labels
    )
    return f"<details><summary>What the claim types mean</summary><ul>{rows}</ul></details>"


# ---------------------------------------------------------------- wording


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
        html_table(words, "Words to notice") if flags else "<p>No words to notice were found.</p>",
    ]
    loaded = sum(a.stance != "neutral" for a in cues)
    summary = (
        f"wording in {article.id}: {len(cues)} reporting words ({loaded} not neutral), "
        f"{len(flags)} words to notice"
    )
    return stack(parts, summary)
