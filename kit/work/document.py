"""A work document in memory: a new one, its quiz attempts as the widgets read them, and one edit.

An edit (`Draft`) replaces annotations and written answers, never changes them in place, so
that the store can tell which slots it changed (`changed_slots`) and undo exactly those, only if
nobody changed them since (`restore_slots`).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from kit.errors import KitError
from kit.work.annotations import Annotation, now
from kit.work.reader import FORMAT, MAX_EARLIER


def text_fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def new_document(student: str, article_id: str, fingerprint: str = "") -> dict[str, Any]:
    return {
        "format": FORMAT,
        "student": student,
        "article_id": article_id,
        "text_sha": fingerprint,
        "revision": 0,
        "created": now(),
        "modified": now(),
        "annotations": [],
        "quiz": {},
        "responses": {},
    }


@dataclass(frozen=True)
class Attempt:
    """One answer to one quiz question."""

    response: Any
    correct: bool | None
    points: float
    at: str
    #: A practice copy's derived keys for this response (`Quiz.receipt`), so that showing it
    #: again needs no slow derivation; None when none were saved.
    keys: dict[str, str] | None = None


GONE = "that highlight is not there any more (it may have been deleted in another tab)"
CHANGED_ELSEWHERE = "that was changed in another tab or notebook since, so it was left as it is"

#: What one edit changed: (("a", annotation id) or ("r", response key), before, after), with
#: None for "not there".
Change = tuple[tuple[str, Any], Any, Any]


class Draft:
    """The work document as it is on disk now, inside one save: what an edit reads and changes.

    Annotations and responses are replaced, never changed in place, so that the save can tell
    which ones the edit changed (its undo puts back exactly those, and only if nobody changed
    them since).
    """

    def __init__(
        self, doc: dict[str, Any], article_id: str, keep_copy: Callable[[], str] | None = None
    ) -> None:
        self.doc = doc
        self.article_id = article_id
        self._keep_copy = keep_copy
        self.kept = ""

    def keep_copy(self) -> str:
        """Keep a copy of the file as it is on disk now (before this edit), once; its name."""
        if not self.kept and self._keep_copy is not None:
            self.kept = self._keep_copy()
        return self.kept

    @property
    def annotations(self) -> tuple[Annotation, ...]:
        return tuple(Annotation.from_w3c(raw) for raw in self.doc["annotations"])

    def get(self, annotation_id: Any) -> Annotation | None:
        raw = next((a for a in self.doc["annotations"] if _id(a) == annotation_id), None)
        return None if raw is None else Annotation.from_w3c(raw)

    def existing(self, annotation_id: Any) -> Annotation:
        """The annotation as saved now; KitError when another tab deleted it."""
        found = self.get(annotation_id)
        if found is None:
            raise KitError(GONE)
        return found

    def put(self, annotation: Annotation) -> Annotation:
        """Add the annotation, or replace the one with its id."""
        _set_slot(self.doc, ("a", annotation.id), annotation.to_w3c(self.article_id))
        return annotation

    def remove(self, annotation_id: Any) -> None:
        _set_slot(self.doc, ("a", annotation_id), None)

    def response(self, key: str, default: str = "") -> str:
        entry = self.doc["responses"].get(key)
        return entry.get("value", default) if isinstance(entry, dict) else default

    def set_response(self, key: str, value: str | None) -> None:
        """Save a written answer (None removes it); its earlier versions stay."""
        entry = None if value is None else {"value": value, "modified": now()}
        old = self.doc["responses"].get(key)
        if entry is not None and isinstance(old, dict) and isinstance(old.get("earlier"), list):
            entry["earlier"] = old["earlier"]
        _set_slot(self.doc, ("r", key), entry)

    def write_text(self, key: str, value: str, base: str | None) -> str | None:
        """Save a written answer typed over `base`, the text this tab last read or saved.
        When the saved text is another one (another tab or kernel changed it since; `base`
        None: always), it is first kept as the answer's latest earlier version. Returns the
        text kept, or None."""
        entry = self.doc["responses"].get(key)
        saved = entry.get("value") if isinstance(entry, dict) else None
        earlier = entry.get("earlier") if isinstance(entry, dict) else None
        versions = earlier[:] if isinstance(earlier, list) else [] if earlier is None else [earlier]
        kept = None
        if isinstance(saved, str) and saved.strip() and saved not in (base, value):
            kept = saved
            versions.insert(0, {"value": saved, "modified": entry.get("modified", "")})
        if kept is not None or versions:
            # a text typed further replaces its shorter self (the start it had); all else stays
            versions = [
                v
                for i, v in enumerate(versions)
                if not (isinstance(v, dict) and isinstance(v.get("value"), str))
                or not _continued(v["value"], [value] + [w.get("value") for w in versions[:i]])
            ]
        new: dict[str, Any] = {"value": value, "modified": now()}
        if versions:
            new["earlier"] = versions[:MAX_EARLIER]
        _set_slot(self.doc, ("r", key), new)
        return kept

    def earlier_texts(self, key: str) -> list[str]:
        """The earlier versions kept of a written answer, latest first."""
        entry = self.doc["responses"].get(key)
        versions = entry.get("earlier") if isinstance(entry, dict) else None
        if not isinstance(versions, list):
            return []
        return [
            v["value"] for v in versions if isinstance(v, dict) and isinstance(v.get("value"), str)
        ]


def _continued(text: str, later: list[Any]) -> bool:
    """True when one of the `later` texts starts with `text` (so it holds all of it)."""
    return any(isinstance(t, str) and t.startswith(text) for t in later)


def saved_attempts(
    doc: dict[str, Any], bank_id: str, question_id: str
) -> tuple[list[Attempt], bool]:
    """The readable attempts at one question in a work document, and whether any saved there
    could not be read (a wrong type anywhere on the way: left out, never an error)."""
    bank = doc["quiz"].get(bank_id, {})
    entry = bank.get(question_id, {}) if isinstance(bank, dict) else None
    raw = entry.get("attempts", []) if isinstance(entry, dict) else None
    if not isinstance(raw, list):
        return [], True
    out = [a for a in map(_attempt, raw) if a is not None]
    return out, len(out) < len(raw)


def _attempt(raw: Any) -> Attempt | None:
    """One saved attempt as the widgets read it; None when it is not one the kit writes."""
    if not isinstance(raw, dict):
        return None
    correct, points, at = raw.get("correct"), raw.get("points", 0.0), raw.get("at", "")
    if (
        not isinstance(correct, (bool, type(None)))
        or isinstance(points, bool)
        or not isinstance(points, (int, float))
        or not math.isfinite(points)
        or abs(points) > 1e9
        or not isinstance(at, str)
    ):
        return None
    keys = raw.get("keys")
    return Attempt(
        raw.get("response"), correct, float(points), at, keys if isinstance(keys, dict) else None
    )


def merged(base: Annotation, mine: Annotation, theirs: Annotation) -> Annotation:
    """`theirs` (the annotation as saved now) with what changed from `base` to `mine`: tags
    added and removed, the comment, the motivation, the span."""
    removed = set(base.tags) - set(mine.tags)
    kept = [t for t in theirs.tags if t not in removed]
    added = [t for t in mine.tags if t not in base.tags]
    tags = [t for t in mine.tags if t in kept or t in added]
    tags += [t for t in kept if t not in tags]
    out = replace(theirs, tags=tuple(dict.fromkeys(tags)), modified=now())
    if mine.comment != base.comment:
        out = replace(out, comment=mine.comment)
    if mine.motivation != base.motivation:
        out = replace(out, motivation=mine.motivation)
    if (mine.start, mine.end) != (base.start, base.end):
        out = replace(out, start=mine.start, end=mine.end, exact=mine.exact,
                      prefix=mine.prefix, suffix=mine.suffix)  # fmt: skip
    return out


def _id(raw: Any) -> Any:
    """An annotation's id, hashable even when a file changed by hand made it a list."""
    value = raw.get("id") if isinstance(raw, dict) else None
    return value if isinstance(value, (str, int, float, type(None))) else json.dumps(value)


def slots_of(doc: dict[str, Any]) -> dict[tuple[str, Any], Any]:
    """Every annotation and response of a document by slot (the objects themselves)."""
    out: dict[tuple[str, Any], Any] = {("a", _id(a)): a for a in doc["annotations"]}
    out.update({("r", k): v for k, v in doc["responses"].items()})
    return out


def changed_slots(before: dict, after: dict) -> list[Change]:
    """The slots an edit replaced, added or removed (edits replace, never change in place)."""
    return [
        (slot, before.get(slot), after.get(slot))
        for slot in before.keys() | after.keys()
        if before.get(slot) is not after.get(slot)
    ]


def _set_slot(doc: dict[str, Any], slot: tuple[str, Any], value: Any) -> None:
    kind, key = slot
    if kind == "r":
        if value is None:
            doc["responses"].pop(key, None)
        else:
            doc["responses"][key] = value
        return
    items = doc["annotations"]
    if value is None:
        doc["annotations"] = [a for a in items if _id(a) != key]
        return
    for i, a in enumerate(items):
        if _id(a) == key:
            items[i] = value
            return
    items.append(value)


def restore_slots(doc: dict[str, Any], changes: list[Change], back: bool) -> None:
    """Undo (`back`) or redo an edit's changes, if each slot is still as that edit left it."""
    now_there = slots_of(doc)
    for slot, before, after in changes:
        if now_there.get(slot) != (after if back else before):
            raise KitError(CHANGED_ELSEWHERE, fix="make the change by hand if you still want it")
    for slot, before, after in changes:
        _set_slot(doc, slot, before if back else after)
