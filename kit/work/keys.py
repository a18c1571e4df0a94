"""Feedback on a student's highlights and tags, compared with a key, in plain words.

A key is a teacher's file (YAML or JSON), the kit's suggestions (its automatic attributions) or,
in a student copy, a sealed key (kit.quiz.sealed_keys). Key file format:

```yaml
article: 000_8e915a2399968c01   # optional: the article id the key is for (checked)
kind: source                    # optional: the kind of the labels (default: source)
reviewed: false                 # optional: a draft the teacher has not checked yet (release warns)
items:
  - quote: Downing Street       # the words, as in the article
    label: Institution
    hint: Who would not say whether Sir Keir Starmer would go?   # optional, shown when missed
  - quote: he
    occurrence: 2               # the 2nd "he" in the article (default: the first)
    label: Named person         # the name students see; the id (named_person) works too
  - start: 1390                 # or offsets into Article.text
    end: 1409
    labels: ["claim: Prediction", "checkworthy: Nothing to check"]   # or claim:prediction ...
```
A top-level list of items is also accepted. Labels are written with the names people read (from
`kit/data/labels.yaml` and the claim labels) and read back by name or by id, in any case.

A highlight matches a key item when they share at least half of the shorter one and the
highlight is at most 3 times as long as the item (a whole sentence does not "find" the name
inside it); each highlight matches at most one item (best overlap first).
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

import pandas as pd

from kit.articles.article import Article
from kit.errors import KitError
from kit.files import make_folder, parse_yaml, read_text, write_edited_file
from kit.reading.labels import LabelSet, builtin_sets, describe, load_labels
from kit.reading.sources import Attribution, find_attributions
from kit.views.show import html_table, stack
from kit.work.anchoring import anchor
from kit.work.annotations import Annotation, make_annotation, reanchor
from kit.work.store import FORMAT as WORK_FORMAT
from kit.work.store import parse_document, read_document

#: A highlight and a key item match when they share at least this share of the shorter one ...
MIN_OVERLAP = 0.5
#: ... and the highlight is at most this many times as long as the key item.
MAX_LENGTH_RATIO = 3
_NOUNS = {"source": "sources", "claim": "claims", "checkworthy": "claims"}
_SINGULAR = {"sources": "source", "claims": "claim", "highlights": "highlight"}

#: How answer keys are named in a seeds folder: in `keys/`, or `*.key.yaml` beside their article
#: (the course and release tell keys from articles by these).
KEYS_FOLDER = "keys"
KEY_SUFFIXES = (".key.yaml", ".key.yml", ".key.json")
#: The name `save_key` gives a key: `<article id>.key.yaml`.
KEY_SUFFIX = ".key.yaml"
#: The name of the key made from the kit's own detection (compare says so plainly).
SUGGESTIONS = "the kit's suggestions"


@dataclass(frozen=True)
class KeyItem:
    """One expected span with its tags (`source:institution`) and an optional hint."""

    start: int
    end: int
    exact: str
    tags: tuple[str, ...] = ()
    hint: str = ""
    #: The source this mention names: mentions of one source share it ('' = a source of its own;
    #: see `with_sources`).
    who: str = ""

    def tag(self, kind: str) -> str | None:
        """The value of this item's tag of `kind` (`tag('source')` -> 'institution')."""
        return next((t.split(":", 1)[1] for t in self.tags if t.startswith(f"{kind}:")), None)


@dataclass(frozen=True)
class Key:
    """What a careful reader would mark in one article; `name` says where it came from."""

    items: tuple[KeyItem, ...]
    article_id: str = ""
    name: str = "the key"

    def __len__(self) -> int:
        return len(self.items)

    @property
    def kinds(self) -> frozenset[str]:
        """The tag kinds the key labels (`source`, `claim` ...)."""
        return frozenset(t.split(":", 1)[0] for i in self.items for t in i.tags if ":" in t)

    def only(self, kind: str) -> Key:
        """The part of the key that labels `kind` (a key may hold sources and claims)."""
        prefix = f"{kind}:"
        items = tuple(i for i in self.items if any(t.startswith(prefix) for t in i.tags))
        return replace(self, items=items)

    def as_annotations(self, text: str) -> list[Annotation]:
        """The key as annotations on `text` (to offer as suggestions in a highlighter)."""
        return [
            make_annotation(text, i.start, i.end, i.tags, comment=i.hint)
            for i in self.items
            if i.end > i.start
        ]


@cache
def _label_set(kind: str) -> LabelSet | None:
    """The kit's label set whose tags have this kind (`source` -> the source types), if any."""
    return next((s for s in map(load_labels, builtin_sets()) if s.kind == kind), None)


def _words(text: str) -> str:
    return " ".join(text.replace("_", " ").split()).casefold()


def _tag(word: str, kind: str) -> str:
    """A key file's label as a tag: `Named person` or `named_person` (of the key's kind), or
    `claim: Prediction` or `claim:prediction` -> `source:named_person`, `claim:prediction`."""
    own, sep, rest = word.partition(":")
    if sep:
        kind, word = own.strip(), rest.strip()
    word = word.strip()
    if not kind:
        return word
    labels = _label_set(kind)
    found = None
    if labels is not None:
        found = labels.get(word) or next(
            (lab for lab in labels if _words(word) in (_words(lab.title), _words(lab.value))),
            None,
        )
    return f"{kind}:{found.value if found else word}"


def _name(tag: str, kind: str) -> str:
    """How a key file writes a tag: the name people read (`Named person`), with its kind in
    front when it is not the key's (`checkworthy: Nothing to check`)."""
    own, _, value = tag.partition(":")
    labels = _label_set(own)
    found = labels.get(value) if labels is not None else None
    name = found.title if found else value
    return name if own == kind else f"{own}: {name}"


def _tags_of(item: dict[str, Any], kind: str, where: str, path: str | Path | None) -> tuple:
    raw = item.get("labels", item.get("label", ()))
    values = [raw] if isinstance(raw, str) else raw
    if not isinstance(values, list | tuple) or not all(isinstance(v, str) for v in values):
        raise KitError(f"{where}: 'label' should be a word", path=path, fix="write label: ...")
    return tuple(_tag(v, kind) for v in values)


def _nth(text: str, quote: str, n: int) -> int:
    i = -1
    for _ in range(n):
        i = text.find(quote, i + 1)
        if i == -1:
            return -1
    return i


def _key_item(raw: Any, i: int, article: Article, kind: str, path: str | Path | None) -> KeyItem:
    where = f"item {i}"
    if not isinstance(raw, dict):
        raise KitError(
            f"{where} is not a 'quote: ...' / 'label: ...' entry",
            path=path,
            fix="write each item as '- quote: the words' with 'label: ...' below it",
        )
    text = article.text
    tags = _tags_of(raw, kind, where, path)
    hint = str(raw.get("hint") or "")
    quote = raw.get("quote")
    start, end = raw.get("start"), raw.get("end")
    if isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool):
        if not (0 <= start < end <= len(text)):
            raise KitError(
                f"{where}: [{start}, {end}) is outside the article (0 to {len(text)})",
                path=path,
                fix="check the numbers, or give the words as 'quote:' instead",
            )
        if not quote or text[start:end] == quote:
            return KeyItem(start, end, text[start:end], tags, hint)
    if not isinstance(quote, str) or not quote.strip():
        raise KitError(
            f"{where} has neither a 'quote' nor 'start' and 'end'",
            path=path,
            fix="add 'quote:' with the words as they are in the article",
        )
    occurrence = raw.get("occurrence", 1)
    if not isinstance(occurrence, int) or occurrence < 1:
        raise KitError(f"{where}: 'occurrence' should be 1, 2, 3 ...", path=path)
    at = _nth(text, quote, occurrence)
    hit = (at, at + len(quote)) if at != -1 else None
    if hit is None or isinstance(start, int):
        hit = anchor(
            text,
            quote,
            str(raw.get("prefix") or ""),
            str(raw.get("suffix") or ""),
            start if isinstance(start, int) else None,
        )
    if hit is None:
        raise KitError(
            f"{where}: the words “{quote[:60]}” are not in the article",
            path=path,
            fix="copy the words exactly from the article (same spelling and quotation marks)",
        )
    return KeyItem(hit[0], hit[1], text[hit[0] : hit[1]], tags, hint)


def load_key(
    source: str | Path | dict | list,
    article: Article,
    kind: str = "source",
    *,
    path: Path | None = None,
) -> Key:
    """A key from a YAML/JSON file (or the same data already loaded, read from `path`),
    anchored in `article`."""
    data: Any = source
    if isinstance(source, str | Path):
        path = Path(source)
        data = parse_key(read_text(path)[0], path)
    if isinstance(data, dict) and data.get("format") == WORK_FORMAT:
        return _key_from_work(data, article, kind, path)
    if isinstance(data, dict):
        if data.get("article") and str(data["article"]) != article.id:
            raise KitError(
                f"this key is for article '{data['article']}', not '{article.id}'",
                path=path,
                fix="use the key file made for this article",
            )
        kind = str(data.get("kind") or kind)
        if not isinstance(data.get("reviewed", True), bool):
            raise KitError(
                f"'reviewed: {data['reviewed']}' should be true or false",
                path=path,
                fix="write reviewed: true once you have checked every item (false for a draft)",
            )
        items = data.get("items")
    else:
        items = data
    if not isinstance(items, list):
        raise KitError("the key has no list of items", path=path, fix="write 'items:' and a list")
    built = tuple(_key_item(raw, i, article, kind, path) for i, raw in enumerate(items, 1))
    name = f"the key ({path.name})" if path else "the key"
    return Key(tuple(sorted(built, key=lambda k: (k.start, k.end))), article.id, name)


def _key_from_work(doc: dict, article: Article, kind: str, path: Path | None) -> Key:
    """A work file a teacher made with the widgets (`seeds/keys/<id>.json`) as a key: its
    highlights with a tag of `kind`, moved onto the article's current text."""
    doc = parse_document(json.dumps(doc), path or "key")
    if doc.get("article_id") and str(doc["article_id"]) != article.id:
        raise KitError(
            f"this key is for article '{doc['article_id']}', not '{article.id}'",
            path=path,
            fix="use the key file made for this article",
        )
    items = []
    for raw in doc["annotations"]:
        ann = reanchor(Annotation.from_w3c(raw), article.text)
        if ann is not None and ann.tag(kind) is not None:
            items.append(KeyItem(ann.start, ann.end, ann.exact, ann.tags, ann.comment))
    name = f"the key ({path.name})" if path else "the key"
    return Key(tuple(sorted(items, key=lambda k: (k.start, k.end))), article.id, name)


def answer_key(article: Article, kind: str = "source") -> Key | None:
    """The teacher's answer key for `article`, found beside it; None when there is none.

    Looked for, in order: `keys/<article id>.json|yaml|yml` in the article's folder or the folder
    above it (the seeds folder of a practice article), then `<article id>.key.yaml|yml|json`
    beside the article. `kit.compare(work, None)` compares with the kit's suggestions. (In a
    student copy, `kit.answer_key` finds the sealed key instead: kit.quiz.sealed_keys.)
    """
    if article.path is None:
        return None
    folder = Path(article.path).parent
    names = [f"{article.id}{ext}" for ext in (".json", ".yaml", ".yml")]
    candidates = [d / KEYS_FOLDER / n for d in (folder, folder.parent) for n in names]
    candidates += [
        folder / f"{stem}{ext}"
        for stem in dict.fromkeys([article.id, Path(article.path).stem])
        for ext in KEY_SUFFIXES
    ]
    for path in candidates:
        if path.is_file():
            return load_key(path, article, kind)
    return None


def parse_key(raw: str, path: Path) -> Any:
    """The data of a key file's text (JSON for .json, else YAML); KitError with the line."""
    if path.suffix.lower() == ".json":
        try:
            return json.loads(raw)
        except json.JSONDecodeError as e:
            raise KitError(f"not valid JSON ({e.msg})", path=path, line=e.lineno) from None
        except RecursionError:
            raise KitError("the JSON is nested too deeply to be a key", path=path) from None
    return parse_yaml(raw, path, "the key file")


def _first_words(text: str, n: int = 6) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def _excerpt(text: str) -> str:
    """The first words of `text`, ready to sit inside “...”: a whole-quote's own marks dropped,
    quotes inside it made single."""
    said = _first_words(text)
    if said.startswith("“") and said.count("“") > said.count("”"):
        said = said[1:]
    if said.endswith("”") and said.count("”") > said.count("“"):
        said = said[:-1]
    return said.strip('"').replace("“", "‘").replace("”", "’")


def key_from_attributions(
    article: Article, attributions: Sequence[Attribution] | None = None
) -> Key:
    """The automatic attributions' sources as a key (each with a hint about what was said).

    A source credited with several quotes (a quote continued without a new cue) is one item.
    """
    found = find_attributions(article) if attributions is None else attributions
    items: dict[tuple[int, int, str], KeyItem] = {}
    for a in found:
        if a.source is None or a.source.end <= a.source.start:
            continue
        tag = f"source:{a.source_type}"
        where = (a.source.start, a.source.end, tag)
        if where in items:
            continue
        hint = ""
        if a.content is not None:
            said = _excerpt(article.text[a.content.start : a.content.end])
            hint = f"who is the source of “{said}”?"
        exact = article.text[a.source.start : a.source.end]
        items[where] = KeyItem(a.source.start, a.source.end, exact, (tag,), hint)
    ordered = sorted(items.values(), key=lambda i: (i.start, i.end))  # as load_key orders
    return Key(tuple(ordered), article.id, SUGGESTIONS)


# ---------------------------------------------------------------------- comparing


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


def _resolve_work(work: Any, article: Article | None) -> tuple[list[Annotation], Article | None]:
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
                _first_words(a.exact, 8),
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
    mine, article = _resolve_work(work, article)
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
            f"“{_first_words(m.annotation.exact, 8)}”"
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
        quoted = ", ".join(f"“{_first_words(a.exact, 6)}”" for a in extra[:5])
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


# ---------------------------------------------------------------------- saving a key


def save_key(
    work: Any,
    article: Article | None = None,
    path: str | Path = ".",
    kind: str | None = None,
    *,
    reviewed: bool = True,
    overwrite: bool = False,
) -> Path:
    """Save a teacher's highlights as an answer key file that `load_key` reads; returns its path.

    `work` is what `compare` takes (a Highlighter, a Workspace, a work file or annotations);
    `path` a folder, as text or a Path (the file is `<article id>.key.yaml` in it, the folder
    made when missing), or a file name (`.yaml`/`.json`). Each highlight becomes an item: its
    words (`quote`, with `occurrence` when the words occur earlier too), its label (the name
    people read, `Named person`) and its comment as the `hint` students see when they miss it.
    `kind` keeps only the tags of that kind (`source`); default: every tagged highlight.
    `reviewed=False` marks a draft nobody has checked yet (`reviewed: false`; release warns).
    A key edited by hand is never silently replaced: when the file differs from what this
    session last saved there, KitError says so unless `overwrite=True` (saving the same key
    again is harmless).
    """
    mine, article = _resolve_work(work, article)
    if article is None:
        raise KitError("to save a key the kit needs the article", fix="pass the article too")
    target = key_path(article, path)
    text = key_text(mine, article, kind, reviewed=reviewed, as_json=target.suffix == ".json")
    make_folder(target.parent)
    write_edited_file(
        target,
        text,
        overwrite=overwrite,
        fix=(
            "keep your edits and go on with the file as it is "
            "(key_file = kit.work.keys.key_path(article, folder)); or replace them with your "
            "highlights: save_key(..., overwrite=True); or save under another name: "
            f'save_key(..., path="{target.parent / "my.key.yaml"}")'
        ),
    )
    return target


def key_path(article: Article, path: str | Path = ".") -> Path:
    """Where `save_key` writes the key of `article`: `path` itself when it names a `.yaml`,
    `.yml` or `.json` file, else `<article id>.key.yaml` in the folder `path`."""
    target = Path(path)
    if target.suffix.lower() in (".yaml", ".yml", ".json"):
        return target.with_suffix(target.suffix.lower())
    return target / f"{article.id}{KEY_SUFFIX}"


def key_text(
    work: Any,
    article: Article,
    kind: str | None = None,
    *,
    reviewed: bool = True,
    as_json: bool = False,
) -> str:
    """The text of the key file `save_key` writes (YAML with a header for teachers, or JSON)."""
    mine, _ = _resolve_work(work, article)
    tagged = [
        a
        for a in sorted(mine, key=lambda a: (a.start, a.end))
        if 0 <= a.start < a.end <= len(article.text)
        and any(":" in t and (kind is None or t.split(":", 1)[0] == kind) for t in a.tags)
    ]
    if not tagged:
        raise KitError(
            "there is nothing to save: no highlight has a label yet",
            fix="accept the right suggestions (or highlight the sources) in the widget first",
        )
    kinds = [t.split(":", 1)[0] for a in tagged for t in a.tags if ":" in t]
    main = kind or max(dict.fromkeys(kinds), key=kinds.count)
    items = []
    for a in tagged:
        quote = article.text[a.start : a.end]
        item: dict[str, Any] = {"quote": quote}
        n = _occurrence(article.text, quote, a.start)
        if n > 1:
            item["occurrence"] = n
        tags = [t for t in a.tags if ":" in t and (kind is None or t.startswith(f"{kind}:"))]
        if len(tags) == 1 and tags[0].startswith(f"{main}:"):
            item["label"] = _name(tags[0], main)
        else:
            item["labels"] = [_name(t, main) for t in tags]
        if a.comment.strip():
            item["hint"] = a.comment.strip()
        items.append(item)
    data: dict[str, Any] = {"article": article.id, "kind": main}
    if not reviewed:
        data["reviewed"] = False
    data["items"] = items
    if as_json:
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    import yaml

    labels = _label_set(main)
    header = [
        f"# Answer key for: {article.title}",
        "# Each item: the words as in the article (quote), which time they occur when they",
        "# occur more than once (occurrence), the label, and an optional hint that students",
        "# see when they miss it. Edit freely; kit.load_key(file, article) checks it.",
    ]
    if labels is not None:
        names = ", ".join(lab.title.replace(" ", "\xa0") for lab in labels)  # kept whole
        lines = textwrap.wrap(f"Labels: {names}.", 86, subsequent_indent="  ")
        header += [f"# {line}".replace("\xa0", " ") for line in lines]
    if not reviewed:
        header += [
            "# A DRAFT made by the kit from the sources it found: check every item (remove the",
            "# wrong ones, add what it missed), then change 'reviewed: false' to 'reviewed: true'.",
        ]
    body = yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
    return "\n".join(header) + "\n" + body


def unreviewed(keys: Iterable[str | Path]) -> list[Path]:
    """The key files among `keys` that are drafts nobody has checked (`reviewed: false`, as
    `python -m kit exercise` writes them). A file that cannot be read is left to the checks
    that read keys."""
    drafts = []
    for key in keys:
        path = Path(key)
        try:
            data = parse_key(read_text(path)[0], path)
        except KitError:
            continue
        if isinstance(data, dict) and data.get("reviewed") is False:
            drafts.append(path)
    return drafts


def _occurrence(text: str, quote: str, start: int) -> int:
    """Which occurrence of `quote` (counted as `_nth` counts) starts at `start`."""
    n, i = 0, -1
    while True:
        i = text.find(quote, i + 1)
        if i == -1 or i > start:
            return max(n, 1)
        n += 1
        if i == start:
            return n
