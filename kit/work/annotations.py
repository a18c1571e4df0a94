"""Student annotations as W3C Web Annotations (https://www.w3.org/TR/annotation-model/).

An `Annotation` is a highlight or tag on a [start, end) span of an article's text, with TextualBody
values such as `source:anonymous` or `claim:prediction`, and an optional free comment. It converts
to and from the W3C JSON-LD form stored in work files. `AnnotationRow` is its flat form, the
parts of it that the class views read; reading a work file into either is `kit.work.reader`'s.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

import msgspec

from kit.errors import KitError
from kit.work.anchoring import anchor, position_selector, quote_selector

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MOTIVATIONS = ("highlighting", "tagging", "commenting", "assessing")


def now() -> str:
    """The current time as an ISO 8601 UTC timestamp (seconds)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_id() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def tag_value(tags: tuple[str, ...], kind: str) -> str | None:
    """The value of the first `kind:value` tag of this kind (None when there is none); the
    `tag` method of both `Annotation` and `AnnotationRow`."""
    prefix = f"{kind}:"
    for t in tags:
        if t.startswith(prefix):
            return t[len(prefix) :]
    return None


@dataclass(frozen=True)
class Annotation:
    """One highlight or tag. `tags` are `kind:value` strings (`source:institution`)."""

    start: int
    end: int
    exact: str
    tags: tuple[str, ...] = ()
    motivation: str = "highlighting"
    comment: str = ""
    prefix: str = ""
    suffix: str = ""
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now)
    modified: str = ""
    creator: str = ""

    def __post_init__(self) -> None:
        if not self.modified:
            object.__setattr__(self, "modified", self.created)

    def tag(self, kind: str) -> str | None:
        """The value of the first tag of this kind (`tag('source')` -> 'institution')."""
        return tag_value(self.tags, kind)

    @property
    def label(self) -> str | None:
        """The main label: the value of the first tag, whatever its kind."""
        return self.tags[0].split(":", 1)[-1] if self.tags else None

    def with_tags(self, tags: tuple[str, ...] | list[str]) -> Annotation:
        return replace(self, tags=tuple(tags), modified=now())

    def as_row(self) -> AnnotationRow:
        """This annotation in its flat form, as the class views read it."""
        return AnnotationRow(self.id, self.start, self.end, self.exact, self.tags,
                             self.motivation, self.comment, self.modified)  # fmt: skip

    def to_w3c(self, source: str = "") -> dict[str, Any]:
        """This annotation as a W3C Web Annotation dict."""
        body: list[dict[str, Any]] = [
            {"type": "TextualBody", "purpose": "tagging", "value": t} for t in self.tags
        ]
        if self.comment:
            body.append(
                {
                    "type": "TextualBody",
                    "purpose": "commenting",
                    "value": self.comment,
                    "format": "text/plain",
                }
            )
        target: dict[str, Any] = {
            "selector": [
                position_selector(self.start, self.end),
                {
                    "type": "TextQuoteSelector",
                    "exact": self.exact,
                    "prefix": self.prefix,
                    "suffix": self.suffix,
                },
            ]
        }
        if source:
            target["source"] = source
        out: dict[str, Any] = {
            "@context": CONTEXT,
            "id": self.id,
            "type": "Annotation",
            "motivation": self.motivation,
            "created": self.created,
            "modified": self.modified,
            "body": body,
            "target": target,
        }
        if self.creator:
            out["creator"] = {"type": "Person", "nickname": self.creator}
        return out

    @classmethod
    def from_w3c(cls, data: Any, where: str = "annotation") -> Annotation:
        """Read a W3C annotation dict (as written by `to_w3c`); KitError if it is malformed."""
        try:
            if not isinstance(data, dict):
                raise ValueError("not an object")
            selectors = data["target"]["selector"]
            if isinstance(selectors, dict):
                selectors = [selectors]
            pos = quote = None  # the first of each kind (one pass: this runs for every file)
            for sel in selectors:
                kind = sel.get("type")
                if kind == "TextPositionSelector" and pos is None:
                    pos = sel
                elif kind == "TextQuoteSelector" and quote is None:
                    quote = sel
            if pos is None:
                raise ValueError("no TextPositionSelector")
            if quote is None:
                quote = {"exact": ""}
            start, end = pos["start"], pos["end"]
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
                raise ValueError("bad offsets")
            bodies = data.get("body") or []
            if isinstance(bodies, dict):
                bodies = [bodies]
            tags: list[str] = []
            comment = None
            for b in bodies:
                if isinstance(b, dict):
                    purpose = b.get("purpose", "tagging")
                    if purpose == "tagging":
                        tags.append(str(b["value"]))
                    elif purpose == "commenting" and comment is None:
                        comment = str(b["value"])
            creator = data.get("creator") or {}
            motivation = data.get("motivation", "highlighting")
            if motivation not in MOTIVATIONS:
                raise ValueError(f"unknown motivation {motivation!r}")
            return cls(
                start=start,
                end=end,
                exact=str(quote.get("exact", "")),
                prefix=str(quote.get("prefix", "")),
                suffix=str(quote.get("suffix", "")),
                tags=tuple(tags),
                motivation=motivation,
                comment=comment or "",
                id=str(data["id"]),
                created=str(data.get("created", "")),
                modified=str(data.get("modified", "")),
                creator=str(creator.get("nickname", "")) if isinstance(creator, dict) else "",
            )
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise KitError(f"{where} is not a valid annotation ({e})") from None


class AnnotationRow(msgspec.Struct, frozen=True, gc=False, array_like=True):
    """An `Annotation` in flat, typed form: the parts the class views read, with the same names
    (`Annotation.as_row` converts; `kit.work.reader` makes rows straight from a work file).

    A class holds tens of thousands; they hold only text and numbers, so Python's cycle
    collector is told not to track them (`gc=False`: a named tuple would be walked by every
    collection for as long as the class is loaded). In JSON (the class index) a row is a list.
    """

    id: str
    start: int
    end: int
    exact: str
    tags: tuple[str, ...]
    motivation: str
    comment: str
    modified: str

    def tag(self, kind: str) -> str | None:
        """The value of the first tag of this kind (`tag('source')` -> 'institution')."""
        return tag_value(self.tags, kind)


def make_annotation(
    text: str,
    start: int,
    end: int,
    tags: tuple[str, ...] | list[str] = (),
    *,
    motivation: str = "highlighting",
    comment: str = "",
    creator: str = "",
) -> Annotation:
    """A new annotation on text[start:end], with its quote and context taken from `text`."""
    if not (0 <= start < end <= len(text)):
        raise KitError(
            f"the span [{start}, {end}) is outside the article (0 to {len(text)})",
            fix="select some text inside the article",
        )
    if motivation not in MOTIVATIONS:
        raise KitError(f"unknown motivation '{motivation}'", fix=f"use one of {MOTIVATIONS}")
    q = quote_selector(text, start, end)
    return Annotation(
        start=start,
        end=end,
        exact=q["exact"],
        prefix=q["prefix"],
        suffix=q["suffix"],
        tags=tuple(tags),
        motivation=motivation,
        comment=comment,
        creator=creator,
    )


def reanchor(annotation: Annotation, text: str) -> Annotation | None:
    """The annotation moved onto `text` (which may differ from the text it was made on).

    Returns None when its quote is no longer in the text.
    """
    hit = anchor(text, annotation.exact, annotation.prefix, annotation.suffix, annotation.start)
    if hit is None:
        return None
    if hit == (annotation.start, annotation.end):
        return annotation
    start, end = hit
    q = quote_selector(text, start, end)
    return replace(
        annotation, start=start, end=end, exact=q["exact"], prefix=q["prefix"], suffix=q["suffix"]
    )
