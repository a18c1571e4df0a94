"""Feedback on a student's highlights and tags, compared with a key, in plain words.


A highlight matches a key item when they share at least half of the shorter one and the
highlight is at most 3 times as long as the item (a whole sentence does not "find" the name
inside it); each highlight matches at most one item (best overlap first).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from html import escape
from pathlib import Path
from typing import Any

import pandas as pd

from kit.articles.article import Article
from kit.errors import KitError
from kit.reading.labels import describe
from kit.reading.sources import find_attributions
from kit.views.show import html_table, stack
from kit.work.annotations import Annotation
from kit.work.key_format import (
    SUGGESTIONS,
    Key,
    KeyItem,
    first_words,
    key_from_attributions,
    load_key,
)
from kit.work.store import read_document

#: A highlight and a key item match when they share at least this share of the shorter one ...
MIN_OVERLAP = 0.5
#: ... and the highlight is at most this many times as long as the key item.
MAX_LENGTH_RATIO = 3
_NOUNS = {"source": "sources", "claim": "claims", "checkworthy": "claims"}
_SINGULAR = {"sources": "source", "claims": "claim", "highlights": "highlight"}


@dataclass(frozen=True)
class Match:
    """A key item and the student's annotation that matched it (None when missed)."""

    item: KeyItem
    annotation: Annotation | None
    same_label: bool


@dataclass(frozen=True)
class Feedback:
    """What a student found, missed and labelled differently; displays itself in a notebook.

    `table` is what the student sees below the messages: one row per highlight, with what the
    key says of it. `figures` is for teachers (per label: in the key, marked, matching,
    precision, recall); None when the key is sealed, whose labels stay hidden.
    """

    matches: tuple[Match, ...]
    extra: tuple[Annotation, ...]
    messages: tuple[str, ...]
    table: pd.DataFrame
    noun: str = "highlights"
    figures: pd.DataFrame | None = None
    title: str = "Your highlights compared with the key"

    @property
    def found(self) -> tuple[Match, ...]:
        """Key items the student marked, whatever the label."""
        return tuple(m for m in self.matches if m.annotation is not None)

    @property
    def right(self) -> tuple[Match, ...]:
        """Key items the student marked with the key's label."""
        return tuple(m for m in self.matches if m.annotation is not None and m.same_label)

    @property
    def different(self) -> tuple[Match, ...]:
        """Key items the student marked with another label."""
        return tuple(m for m in self.matches if m.annotation is not None and not m.same_label)

    @property
    def missed(self) -> tuple[KeyItem, ...]:
        """Key items the student did not mark."""
        return tuple(m.item for m in self.matches if m.annotation is None)

    @property
    def summary(self) -> str:
        """The messages as plain text, one per line."""
        return "\n".join(self.messages)

    def __repr__(self) -> str:
        return self.summary

    def _repr_html_(self) -> str:
        lines = "".join(f"<p style='margin:0.3em 0'>{escape(m)}</p>" for m in self.messages)
        box = (
            '<div class="kit-feedback" role="status" style="border-left:4px solid #0072B2;'
            "background:#eef6fb;padding:0.4em 0.8em;font-family:sans-serif;color:#1a1a1a;"
            f'max-width:46em">{lines}</div>'
        )
        parts = [box]
        if len(self.table):
            parts.append(html_table(self.table, self.title))
        return stack(parts, self.summary).html


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _paragraph_name(article: Article | None, offset: int) -> str:
    if article is None:
        return ""
    body = 0
    for p in article.paragraphs:
        if p.role == "body":
            body += 1
        if p.start <= offset < p.end + 2:
            if p.role == "headline":
                return "the headline"
            if p.role == "standfirst":
                return "the standfirst"
            return f"paragraph {body}"
    return ""


def resolve_work(work: Any, article: Article | None) -> tuple[list[Annotation], Article | None]:
    if isinstance(work, str | Path):
        doc = read_document(work)
        return [Annotation.from_w3c(a) for a in doc["annotations"]], article
    if hasattr(work, "annotations"):
        found = getattr(work, "article", None)
        return list(work.annotations), article or (found if isinstance(found, Article) else None)
    if isinstance(work, Iterable):
        items = list(work)
        if all(isinstance(a, Annotation) for a in items):
            return items, article
    raise KitError(
        "compare() needs your work: a work file, a Workspace, a widget or a list of annotations",
        fix="pass the widget you worked in, e.g. kit.compare(highlighter, key)",
    )


def _labels_agree(item: KeyItem, ann: Annotation) -> bool:
    kinds = {t.split(":", 1)[0] for t in item.tags if ":" in t}
    if not kinds:
        return not item.tags or bool(set(item.tags) & set(ann.tags))
    return all(item.tag(k) == ann.tag(k) for k in kinds)


def _figures(key: Key, matches: Sequence[Match], mine: Sequence[Annotation]) -> pd.DataFrame:
    """The teacher's figures: per label, in the key, marked, matching, precision and recall."""
    tags = list(dict.fromkeys(t for i in key.items for t in i.tags))
    rows = []
    for tag in tags:
        in_key = sum(tag in i.tags for i in key.items)
        marked = sum(tag in a.tags for a in mine)
        right = sum(
            1
            for m in matches
            if m.annotation is not None and tag in m.item.tags and tag in m.annotation.tags
        )
        rows.append(_row(describe(tag), in_key, marked, right))
    found = sum(m.annotation is not None for m in matches)
    rows.append(_row("any label (only the words)", len(key.items), len(mine), found))
    return pd.DataFrame(
        rows, columns=["label", "in the key", "you marked", "matching", "precision", "recall"]
    )


def _row(label: str, in_key: int, marked: int, right: int) -> tuple:
    precision = right / marked if marked else None
    recall = right / in_key if in_key else None
    return (label, in_key, marked, right, precision, recall)


def _student_table(
    key: Key, matches: Sequence[Match], mine: Sequence[Annotation], article: Article | None
) -> pd.DataFrame:
    """One row per highlight of the student's, in the article's order: where it is, its label
    and what the key says of it (only of the highlights: nothing the student did not mark)."""
    said = {id(m.annotation): m for m in matches if m.annotation is not None}
    kinds = key.kinds
    column = "the kit suggests" if key.name == SUGGESTIONS else "the key says"
    rows = []
    for a in sorted(mine, key=lambda a: (a.start, a.end)):
        tags = [t for t in a.tags if ":" in t and (not kinds or t.split(":", 1)[0] in kinds)]
        m = said.get(id(a))
        if m is None:
            verdict = "not in the key" if key.name != SUGGESTIONS else "not among its suggestions"
        elif m.same_label:
            verdict = "the same"
        else:
            verdict = ", ".join(describe(t) for t in m.item.tags)
        rows.append(
            (
                first_words(a.exact, 8),
                _paragraph_name(article, a.start),
                ", ".join(describe(t) for t in tags) or "no label",
                verdict,
            )
        )
    return pd.DataFrame(rows, columns=["your highlight", "where", "your label", column])


def with_sources(key: Key, article: Article) -> Key:
    """The key with each source item's `who`: the source it names (the speaker the kit finds
    there, else its own words), so that mentions of one source (“Volodymyr Zelensky”, “The
    Ukrainian president”, “He”) count as one source. Items that already say `who` keep it."""
    found = [a for a in find_attributions(article) if a.source is not None and a.speaker]
    items = []
    for i in key.items:
        if i.who or i.tag("source") is None:
            items.append(i)
            continue
        speaker = next(
            (a.speaker for a in found if _overlap(i.start, i.end, a.source.start, a.source.end)),
            i.exact,
        )
        who = " ".join(speaker.casefold().split())
        items.append(replace(i, who=who.removeprefix("the ")))
    return replace(key, items=tuple(items))


def compare(
    work: Any,
    key: Any = None,
    *,
    article: Article | None = None,
    reveal: bool = False,
    kind: str | None = None,
) -> Feedback:
    """Compare a student's work with a key (None: the kit's suggestions) in plain words.

    `work` is a widget, a Workspace, a work file or a list of annotations; `key` a Key, a key
    file or its data, or a sealed key (kit.quiz.sealed_keys, in a student copy: it opens only
    the items near the student's highlights, and the hints of what was missed); `reveal` also
    names the words the student missed (otherwise only where to look again). `kind` (`source`,
    `claim`) picks the part of a key that labels several kinds; by default the kind the
    student's work labels. Sources are counted as sources: several mentions of one source
    (see `with_sources`) are one source found when any of them is marked.
    """
    mine, article = resolve_work(work, article)
    opened = getattr(key, "opened", None)
    if callable(opened):  # a sealed key: what the student's highlights touch, and the hints
        key = opened(mine, article)
    if not isinstance(key, Key):
        if article is None:
            raise KitError(
                "to read this key the kit needs the article",
                fix="pass article=... to compare()",
            )
        key = key_from_attributions(article) if key is None else load_key(key, article)
    if kind is None and len(key.kinds) > 1:
        kind = _kind_of_work(mine, key.kinds)
    if kind is not None:
        key = key.only(kind)
    kinds = key.kinds
    if kinds:
        mine = [a for a in mine if any(t.split(":", 1)[0] in kinds for t in a.tags if ":" in t)]
    noun = next((_NOUNS[k] for k in ("source", "claim", "checkworthy") if k in kinds), "highlights")
    if noun == "sources" and article is not None:
        key = with_sources(key, article)

    pairs = []
    for i, item in enumerate(key.items):
        for j, ann in enumerate(mine):
            shared = _overlap(item.start, item.end, ann.start, ann.end)
            shorter = min(item.end - item.start, ann.end - ann.start) or 1
            too_long = ann.end - ann.start > MAX_LENGTH_RATIO * (item.end - item.start)
            if shared / shorter >= MIN_OVERLAP and not too_long:
                union = max(item.end, ann.end) - min(item.start, ann.start)
                pairs.append((shared / union, _labels_agree(item, ann), i, j))
    pairs.sort(key=lambda p: (-p[0], not p[1], p[2], p[3]))
    chosen: dict[int, tuple[int, bool]] = {}
    used: set[int] = set()
    for _, agree, i, j in pairs:
        if i not in chosen and j not in used:
            chosen[i] = (j, agree)
            used.add(j)
    matches = tuple(
        Match(item, mine[chosen[i][0]], chosen[i][1]) if i in chosen else Match(item, None, False)
        for i, item in enumerate(key.items)
    )
    extra = tuple(a for j, a in enumerate(mine) if j not in used)
    messages = _messages(key, matches, extra, article, noun, reveal)
    sealed = any(not i.exact for i in key.items)  # a sealed key's items not opened
    return Feedback(
        matches,
        extra,
        tuple(messages),
        _student_table(key, matches, mine, article),
        noun,
        None if sealed else _figures(key, matches, mine),
        f"Your highlights compared with {key.name}",
    )


def _kind_of_work(mine: Sequence[Annotation], kinds: frozenset[str]) -> str | None:
    """The main kind of label in a student's work (sources before claims), or the key's."""
    used = {t.split(":", 1)[0] for a in mine for t in a.tags if ":" in t} & kinds
    for k in ("source", "claim", "checkworthy"):
        if k in (used or kinds):
            return k
    return None


def _messages(
    key: Key,
    matches: Sequence[Match],
    extra: Sequence[Annotation],
    article: Article | None,
    noun: str,
    reveal: bool,
) -> list[str]:
    total = len(matches)
    if not total:
        return [f"Nothing to compare with yet: there are no answers in {key.name}. Ask a teacher."]
    kit_only = key.name == SUGGESTIONS
    the = "the kit" if kit_only else "the key"
    out = []
    if kit_only:
        out.append(
            "There is no answer key from your teacher for this story, so this compares your "
            "work with the kit's own suggestions. The kit finds them by rules and can be wrong: "
            "you are the judge."
        )
    found = [m for m in matches if m.annotation is not None]
    right = [m for m in found if m.same_label]
    one = _SINGULAR.get(noun, "highlight")
    # Sources are counted as sources: the mentions of one share `who` (claims: each its own).
    who = [m.item.who or f"#{n}" if noun == "sources" else f"#{n}" for n, m in enumerate(matches)]
    sources = len(set(who))
    found_sources = {w for w, m in zip(who, matches) if m.annotation is not None}
    places = f", in all {total} places where {the} marks them," if total > sources else ""
    if len(right) == total == 1:
        out.append(f"You found the {one} in {key.name} and labelled it as {the} does. Well done!")
    elif len(right) == total:
        out.append(
            f"You found all {sources} {noun}{places} and labelled every one as {the} does. "
            "Well done!"
        )
    else:
        out.append(
            f"You found {len(found_sources)} of the {sources} {noun if sources > 1 else one}."
        )
        if total > sources:
            out.append(
                f"Some sources speak more than once: {the} marks {total} places where they "
                f"speak, and you marked {len(found)} of them."
            )
        if found and len(right) < len(found):
            out.append(f"You gave {len(right)} of them the same label as {the}.")
    says = "the kit suggests" if kit_only else "the key says"
    for m in found:
        if m.same_label or m.annotation is None:
            continue
        where = _paragraph_name(article, m.item.start)
        yours = ", ".join(describe(t) for t in m.annotation.tags) or "no label"
        theirs = ", ".join(describe(t) for t in m.item.tags)
        out.append(
            f"“{first_words(m.annotation.exact, 8)}”"
            + (f" ({where})" if where else "")
            + f": you chose {yours}; {says} {theirs}."
        )
    # Each missed place: a source not found yet (counted once, where it first speaks), one that
    # speaks again after an earlier missed place, or one the student found elsewhere.
    missed: dict[str, list[tuple[KeyItem, str]]] = {}
    listed: set[str] = set()
    for w, m in zip(who, matches):
        if m.annotation is None:
            seen = "found" if w in found_sources else "again" if w in listed else "new"
            listed.add(w)
            missed.setdefault(_paragraph_name(article, m.item.start), []).append((m.item, seen))
    for where, items in missed.items():
        place = f"Look again at {where}" if where else "Look again"
        hints = [i.hint for i, _ in items if i.hint]
        plain = [seen for i, seen in items if not i.hint]
        more = " more" if hints else ""
        new, again, found_here = plain.count("new"), plain.count("again"), plain.count("found")
        if new:
            hints.append(
                f"there is one{more} {one} you have not marked yet."
                if new == 1
                else f"there are {new}{more} {noun} you have not marked yet."
            )
        if again:
            hints.append(
                f"a {one} from further up speaks here again."
                if again == 1
                else f"{again} {noun} from further up speak here again."
            )
        if found_here:
            hints.append(
                f"a {one} you found elsewhere speaks here too."
                if found_here == 1
                else f"{found_here} {noun} you found elsewhere speak here too."
            )
        text = " ".join([hints[0]] + [h[0].upper() + h[1:] for h in hints[1:]])
        line = f"{place}: {text}"
        shown = [f"“{i.exact}”" for i, _ in items if i.exact]
        if reveal and shown:
            line += f" ({the[0].upper()}{the[1:]} has: " + ", ".join(shown) + ".)"
        out.append(line)
    if extra:
        quoted = ", ".join(f"“{first_words(a.exact, 6)}”" for a in extra[:5])
        more = f" and {len(extra) - 5} more" if len(extra) > 5 else ""
        marks = (
            "One of your highlights is"
            if len(extra) == 1
            else f"{len(extra)} of your highlights are"
        )
        out.append(
            f"{marks} not in {key.name}: {quoted}{more}. "
            "They may still be worth talking about with your class."
        )
    return out
