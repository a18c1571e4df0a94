"""Claim label sets: the claim types students see, each covering some of the kit's own types.

The kit's set is data (kit/data/claim_labels.yaml); a teacher may give their own file of the same
shape, checked here with the file, line and fix for every problem. `kit.reading.claims` labels its
suggestions with a set from here, and `kit.reading.labels` offers the same labels to the widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from kit.errors import KitError
from kit.files import parse_yaml, read_text
from kit.reading.claim_rules import CLAIM_TYPES
from kit.reading.lexicon import package_yaml

CHECKWORTHY = ("yes", "minor", "no")


@dataclass(frozen=True)
class ClaimLabel:
    """One label students use, with its description and the kit types it covers."""

    name: str
    description: str
    kit_types: tuple[str, ...]
    example: str = ""


@dataclass(frozen=True)
class LabelSet:
    """The claim labels students see, each covering one or more of the kit's claim types."""

    name: str
    labels: tuple[ClaimLabel, ...]
    checkworthy: tuple[tuple[str, str], ...]
    path: str | None = None
    _by_type: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for label in self.labels:
            for t in label.kit_types:
                self._by_type[t] = label.name

    def label_for(self, kit_type: str) -> str:
        """The label name that covers a kit claim type."""
        return self._by_type[kit_type]

    def description(self, name: str) -> str:
        """The student-facing description of a label (or of a check-worthiness value)."""
        for label in self.labels:
            if label.name == name:
                return label.description
        return dict(self.checkworthy).get(name, "")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(label.name for label in self.labels)


def default_labels() -> LabelSet:
    """The kit's own label set (kit/data/claim_labels.yaml)."""
    return _default_labels()


@lru_cache(maxsize=1)
def _default_labels() -> LabelSet:
    raw = resources.files("kit").joinpath("data/claim_labels.yaml").read_text(encoding="utf-8")
    return _parse_labels(raw, "kit/data/claim_labels.yaml")


def load_labels(path: str | Path) -> LabelSet:
    """A teacher's label set from a YAML file, checked; a KitError names the file, line and fix."""
    text, _ = read_text(path)
    return _parse_labels(text, str(path))


def _parse_labels(text: str, path: str) -> LabelSet:
    fix = "compare it with kit/data/claim_labels.yaml (indentation, colons, quotes)"
    data = parse_yaml(text, path, "the label set", fix)
    root = yaml.compose(text)  # for line numbers; the text parsed above, so this cannot fail
    example = "see kit/data/claim_labels.yaml for an example"
    if not isinstance(data, dict) or not isinstance(data.get("labels"), list) or not data["labels"]:
        raise KitError(
            "the label set needs a 'labels:' list",
            path=path,
            line=1,
            fix=f"start with 'labels:' and one '- name: ...' entry per label; {example}",
        )
    lines = _item_lines(root, "labels")
    labels: list[ClaimLabel] = []
    seen: dict[str, str] = {}
    for i, item in enumerate(data["labels"]):
        line = lines[i] if i < len(lines) else None
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            raise KitError(
                f"label {i + 1} has no name",
                path=path,
                line=line,
                fix="write each label as '- name: ...' with a 'description: ...' below it",
            )
        name = str(item["name"]).strip()
        description = str(item.get("description") or "").strip()
        if not description:
            raise KitError(
                f"label '{name}' has no description",
                path=path,
                line=line,
                fix="add 'description: ...' saying in a sentence what students should look for",
            )
        if name in [lab.name for lab in labels]:
            raise KitError(
                f"the label '{name}' appears twice",
                path=path,
                line=line,
                fix="give every label its own name",
            )
        kinds = item.get("kit_types", [name])
        if isinstance(kinds, str):
            kinds = [kinds]
        if not isinstance(kinds, list) or not kinds:
            raise KitError(
                f"label '{name}': 'kit_types' must be a list",
                path=path,
                line=line,
                fix="for example 'kit_types: [event, number]'; the kit's types are "
                + ", ".join(CLAIM_TYPES),
            )
        for k in kinds:
            if k not in CLAIM_TYPES:
                raise KitError(
                    f"label '{name}' names '{k}', which is not one of the kit's claim types",
                    path=path,
                    line=line,
                    fix=f"use {', '.join(CLAIM_TYPES)}"
                    + ("" if "kit_types" in item else " (or add 'kit_types: [...]' to this label)"),
                )
            if k in seen:
                raise KitError(
                    f"the kit type '{k}' belongs to both '{seen[k]}' and '{name}'",
                    path=path,
                    line=line,
                    fix="put each kit type under one label only",
                )
            seen[k] = name
        labels.append(ClaimLabel(name, description, tuple(kinds), str(item.get("example") or "")))
    missing = [t for t in CLAIM_TYPES if t not in seen]
    if missing:
        raise KitError(
            f"no label covers the kit type{'s' if len(missing) > 1 else ''} {', '.join(missing)}",
            path=path,
            fix="add them to a label's 'kit_types' (for example 'kit_types: [not_a_claim]' "
            "under a label 'other')",
        )
    cw_raw = data.get("checkworthy") or {}
    if not isinstance(cw_raw, dict):
        raise KitError(
            "'checkworthy' must be a mapping",
            path=path,
            fix="write 'checkworthy:' with lines 'yes: ...', 'minor: ...', 'no: ...'",
        )
    cw = {_yes_no(k): str(v) for k, v in cw_raw.items()}
    unknown = [k for k in cw if k not in CHECKWORTHY]
    if unknown:
        raise KitError(
            f"'checkworthy' has unknown value '{unknown[0]}'",
            path=path,
            fix="use only yes, minor and no",
        )
    defaults = dict(_default_checkworthy())
    checkworthy = tuple((k, cw.get(k) or defaults.get(k, "")) for k in CHECKWORTHY)
    return LabelSet(str(data.get("name") or Path(path).stem), tuple(labels), checkworthy, path)


def _yes_no(key: Any) -> str:
    # YAML 1.1 reads an unquoted yes/no as a boolean.
    if key is True:
        return "yes"
    if key is False:
        return "no"
    return str(key).strip().lower()


def _default_checkworthy() -> tuple[tuple[str, str], ...]:
    data = package_yaml("claim_labels.yaml")
    return tuple((_yes_no(k), str(v)) for k, v in (data.get("checkworthy") or {}).items())


def _item_lines(root: Any, key: str) -> list[int]:
    """The line (1-based) of each item of the top-level list `key` in a composed YAML node."""
    if not isinstance(root, yaml.MappingNode):
        return []
    for k, v in root.value:
        if getattr(k, "value", None) == key and isinstance(v, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in v.value]
    return []


def resolve_labels(labels: LabelSet | str | Path | None) -> LabelSet:
    """The label set to use: the kit's own (None), a LabelSet, or a teacher's file (a path)."""
    if labels is None:
        return default_labels()
    if isinstance(labels, LabelSet):
        return labels
    return load_labels(labels)
