"""Answer keys: what a key is (`Key`, `KeyItem`) and how a key file reads, anchored in its article.

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
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from kit.articles.article import Article
from kit.errors import KitError
from kit.files import parse_yaml, read_text
from kit.reading.labels import LabelSet, builtin_sets, load_labels
from kit.reading.sources import Attribution, find_attributions
from kit.work.anchoring import anchor
from kit.work.annotations import Annotation, make_annotation, reanchor
from kit.work.store import FORMAT as WORK_FORMAT
from kit.work.store import parse_document

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
def label_set(kind: str) -> LabelSet | None:
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
    labels = label_set(kind)
    found = None
    if labels is not None:
        found = labels.get(word) or next(
            (lab for lab in labels if _words(word) in (_words(lab.title), _words(lab.value))),
            None,
        )
    return f"{kind}:{found.value if found else word}"


def label_name(tag: str, kind: str) -> str:
    """How a key file writes a tag: the name people read (`Named person`), with its kind in
    front when it is not the key's (`checkworthy: Nothing to check`)."""
    own, _, value = tag.partition(":")
    labels = label_set(own)
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
    kind: str | None = "source",
    *,
    path: Path | None = None,
) -> Key:
    """A key from a YAML/JSON file (or the same data already loaded, read from `path`),
    anchored in `article`.

    `kind`: the kind of a key file's labels when it does not say (`kind:`), and the tag a work
    file's highlights need to count; None takes a work file's every tagged highlight (sources
    and claims alike, as the class dashboard compares both) and reads a key file's labels as
    sources unless it says."""
    data: Any = source
    if isinstance(source, str | Path):
        path = Path(source)
        data = parse_key(read_text(path)[0], path)
    if isinstance(data, dict) and data.get("format") == WORK_FORMAT:
        return _key_from_work(data, article, kind, path)
    kind = kind or "source"
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


def _key_from_work(doc: dict, article: Article, kind: str | None, path: Path | None) -> Key:
    """A work file a teacher made with the widgets (`seeds/keys/<id>.json`) as a key: its
    highlights with a tag of `kind` (None: with any tag), moved onto the article's current
    text."""
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
        if ann is None:
            continue
        if ann.tag(kind) is not None if kind else any(":" in t for t in ann.tags):
            items.append(KeyItem(ann.start, ann.end, ann.exact, ann.tags, ann.comment))
    name = f"the key ({path.name})" if path else "the key"
    return Key(tuple(sorted(items, key=lambda k: (k.start, k.end))), article.id, name)


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


def first_words(text: str, n: int = 6) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def _excerpt(text: str) -> str:
    """The first words of `text`, ready to sit inside “...”: a whole-quote's own marks dropped,
    quotes inside it made single."""
    said = first_words(text)
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
