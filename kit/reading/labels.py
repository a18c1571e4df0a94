"""Label sets for exercises (source types, claim types, check-worthiness), read from YAML data.

The source types live in `data/labels.yaml`; the claim types and check-worthiness ratings are the
ones `kit.reading.claims` uses (`data/claim_labels.yaml` or a teacher's file in that shape, read by
`kit.reading.claim_labels`; see `claim_label_sets`). A teacher can pass the path of their own file,
or simply a list of labels.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from kit.errors import KitError
from kit.files import parse_yaml, read_text
from kit.reading.claim_labels import resolve_labels


@dataclass(frozen=True)
class Label:
    """One label: `value` as saved, `kind` the tag prefix, `name`/`description` for students."""

    value: str
    kind: str = ""
    name: str = ""
    description: str = ""

    @property
    def tag(self) -> str:
        """The tag saved in work files: `source:institution` (or just `value` without a kind)."""
        return f"{self.kind}:{self.value}" if self.kind else self.value

    @property
    def title(self) -> str:
        """The name students see."""
        return self.name or self.value.replace("_", " ").capitalize()


@dataclass(frozen=True)
class LabelSet:
    """An ordered set of labels (the order gives the number keys 1, 2, 3 ...)."""

    name: str
    labels: tuple[Label, ...]
    kind: str = ""
    title: str = ""

    def __iter__(self) -> Iterator[Label]:
        return iter(self.labels)

    def __len__(self) -> int:
        return len(self.labels)

    @property
    def tags(self) -> tuple[str, ...]:
        """Every label's tag, in key order."""
        return tuple(label.tag for label in self.labels)

    @property
    def kinds(self) -> frozenset[str]:
        """The tag prefixes used by this set (`source`)."""
        return frozenset(label.kind for label in self.labels if label.kind)

    def get(self, tag_or_value: str) -> Label | None:
        """The label with this tag (`source:institution`) or value (`institution`)."""
        for label in self.labels:
            if tag_or_value in (label.tag, label.value):
                return label
        return None

    def covers(self, tag: str) -> bool:
        """True when a saved tag belongs to this set (same tag, or same kind)."""
        kind = tag.split(":", 1)[0] if ":" in tag else ""
        return tag in self.tags or (bool(kind) and kind in self.kinds)


LabelSpec = str | Path | LabelSet | Sequence[str | Label]


@lru_cache(maxsize=1)
def _builtin() -> dict[str, Any]:
    import yaml

    raw = resources.files("kit").joinpath("data/labels.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(raw)


#: Sets that come from the claim label data (kit.reading.claim_labels) rather than labels.yaml.
CLAIM_SETS = ("claims", "checkworthy")


def builtin_sets() -> tuple[str, ...]:
    """Names of the label sets that come with the kit."""
    return (*_builtin(), *CLAIM_SETS)


def claim_label_sets(spec: Any = None) -> tuple[LabelSet, LabelSet]:
    """The claim types and the check-worthiness ratings, from the claim label data.

    `spec`: None (the kit's own `data/claim_labels.yaml`), a teacher's file in that shape, or a
    `kit.reading.claim_labels.LabelSet`.
    """
    data = resolve_labels(spec)
    claims = LabelSet(
        name="claims",
        kind="claim",
        title="What kind of claim is it?",
        labels=tuple(
            Label(lab.name, "claim", lab.name.replace("_", " ").capitalize(), lab.description)
            for lab in data.labels
        ),
    )
    worth = []
    for value, text in data.checkworthy:
        # "Worth checking: a specific claim ..." -> name "Worth checking", the rest describes it
        head, sep, rest = text.partition(": ")
        named = bool(sep) and len(head.split()) <= 4
        worth.append(
            Label(
                value,
                "checkworthy",
                head if named else value.capitalize(),
                (rest.strip()[:1].upper() + rest.strip()[1:]) if named else text,
            )
        )
    return claims, LabelSet("checkworthy", tuple(worth), "checkworthy", "Is it worth checking?")


def _from_mapping(name: str, data: Any, path: str | Path | None) -> LabelSet:
    if not isinstance(data, dict) or not isinstance(data.get("labels"), list):
        raise KitError(
            f"the label set '{name}' has no list of labels",
            path=path,
            fix="write 'labels:' followed by lines '- value: ...' (see kit/data/labels.yaml)",
        )
    kind = str(data.get("kind") or "")
    labels = []
    for i, item in enumerate(data["labels"], 1):
        if isinstance(item, str):
            item = {"value": item}
        if not isinstance(item, dict) or not str(item.get("value", "")).strip():
            raise KitError(
                f"label {i} of the set '{name}' has no value",
                path=path,
                fix="give every label a 'value:' (the word saved in the work files)",
            )
        labels.append(
            Label(
                value=str(item["value"]).strip(),
                kind=kind,
                name=str(item.get("name") or ""),
                description=str(item.get("description") or ""),
            )
        )
    if not labels:
        raise KitError(f"the label set '{name}' is empty", path=path)
    return LabelSet(name=name, labels=tuple(labels), kind=kind, title=str(data.get("title") or ""))


def _from_file(path: Path) -> LabelSet:
    data = parse_yaml(read_text(path)[0], path, "the label file")
    if isinstance(data, dict) and "labels" not in data and len(data) == 1:
        [(name, data)] = data.items()  # a file holding one named set, as in labels.yaml
    else:
        name = path.stem
    return _from_mapping(str(name), data, path)


def _from_items(items: Iterable[str | Label]) -> LabelSet:
    labels = []
    for item in items:
        if isinstance(item, Label):
            labels.append(item)
        elif isinstance(item, str) and item.strip():
            kind, _, value = item.strip().rpartition(":")
            labels.append(Label(value=value, kind=kind))
        else:
            raise KitError(
                f"{item!r} cannot be used as a label", fix="give labels as words, e.g. ['answer']"
            )
    if not labels:
        raise KitError("no labels were given", fix="give at least one label")
    kinds = {label.kind for label in labels}
    kind = kinds.pop() if len(kinds) == 1 else ""
    return LabelSet(name="custom", labels=tuple(labels), kind=kind)


def load_labels(spec: LabelSpec = "sources") -> LabelSet:
    """A label set: a built-in name ('sources', 'claims', 'checkworthy'), a YAML path, or a list."""
    if isinstance(spec, LabelSet):
        return spec
    if isinstance(spec, str) and spec in _builtin():
        return _from_mapping(spec, _builtin()[spec], None)
    if isinstance(spec, str) and spec in CLAIM_SETS:
        return claim_label_sets()[CLAIM_SETS.index(spec)]
    if isinstance(spec, Path) or (isinstance(spec, str) and spec.endswith((".yaml", ".yml"))):
        return _from_file(Path(spec))
    if isinstance(spec, str):
        raise KitError(
            f"there is no label set called '{spec}'",
            fix=f"use one of {', '.join(builtin_sets())}, a .yaml file, or a list of labels",
        )
    return _from_items(spec)


def describe(tag: str) -> str:
    """The name students see for a saved tag (`source:anonymous` -> 'Unnamed source')."""
    kind, _, value = tag.rpartition(":")
    for name in builtin_sets():
        labels = load_labels(name)
        if labels.kind == kind and labels.get(value) is not None:
            return labels.get(value).title
    return value.replace("_", " ")
