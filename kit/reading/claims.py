"""What is being claimed: a claim type, a check-worthiness and the reasons, for every sentence.

`suggest(article)` gives one `ClaimSuggestion` per sentence, plus one per attributed part of a
sentence (what a source said, from `kit.reading.sources`). Each suggestion says who makes the claim
(the
source, or the reporter) and why the kit thinks so, in short phrases that point at the words.

The rules are in `kit.reading.claim_rules` (how a sentence is judged is described there) and the
word
lists in kit/data/claim_cues.yaml and language.yaml. The label set students see is data too
(kit/data/claim_labels.yaml); a teacher can give their own file, see `load_labels`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kit.articles.article import Article, article_from_text
from kit.articles.segment import Span
from kit.errors import KitError
from kit.reading.claim_rules import CLAIM_TYPES, Reason, Scan, judge
from kit.reading.lexicon import package_yaml
from kit.reading.sources import Attribution, find_attributions

CHECKWORTHY = ("yes", "minor", "no")
REPORTER = "the reporter"

_CW_RANK = {"yes": 0, "minor": 1, "no": 2}


# ---------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class ClaimSuggestion:
    """The kit's suggestion for one sentence, or for an attributed part of it (`part` is True).

    `type` is the label from the label set in use (by default the same as `kit_type`, one of
    CLAIM_TYPES); `claimant` is the speaker's name or "the reporter".
    """

    span: Span
    text: str
    type: str
    kit_type: str
    checkworthy: str
    confidence: float
    claimant: str
    attribution: Attribution | None
    reasons: tuple[Reason, ...]
    sentence: int
    part: bool = False


# ---------------------------------------------------------------- label sets


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
    from importlib import resources

    raw = resources.files("kit").joinpath("data/claim_labels.yaml").read_text(encoding="utf-8")
    return _parse_labels(raw, "kit/data/claim_labels.yaml")


def load_labels(path: str | Path) -> LabelSet:
    """A teacher's label set from a YAML file, checked; a KitError names the file, line and fix."""
    from kit.files import read_text

    text, _ = read_text(path)
    return _parse_labels(text, str(path))


def _parse_labels(text: str, path: str) -> LabelSet:
    import yaml

    from kit.files import parse_yaml

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
    import yaml

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


# ---------------------------------------------------------------- public API


def suggest(
    article_or_text: Article | str,
    *,
    attributions: Iterable[Attribution] | None = None,
    labels: LabelSet | str | Path | None = None,
) -> list[ClaimSuggestion]:
    """A claim suggestion for every sentence, and for each attributed part of a sentence.

    `attributions` defaults to `kit.reading.sources.find_attributions(article)`; `labels` is a
    LabelSet or
    the path of a teacher's label file (default: the kit's seven claim types).
    """
    article = (
        article_or_text
        if isinstance(article_or_text, Article)
        else article_from_text(article_or_text)
    )
    label_set = resolve_labels(labels)
    atts = list(find_attributions(article) if attributions is None else attributions)
    text = article.text
    scan = Scan(text)
    with_content = [a for a in atts if a.content is not None and len(a.content) > 0]
    out: list[ClaimSuggestion] = []
    for sent in article.sentences:
        lo, hi = sent.start, sent.end
        overlapping = _overlapping(with_content, lo, hi) if with_content else []
        owner = overlapping[0][1] if overlapping else None
        out.append(_suggestion(text, lo, hi, scan, owner, label_set, sent.index, False))
        for _, att in overlapping:
            part = _part_span(text, att, lo, hi)
            if part is not None:
                out.append(
                    _suggestion(text, part.start, part.end, scan, att, label_set, sent.index, True)
                )
    return out


def _suggestion(
    text: str,
    lo: int,
    hi: int,
    scan: Scan,
    att: Attribution | None,
    label_set: LabelSet,
    sentence: int,
    part: bool,
) -> ClaimSuggestion:
    kit_type, cw, confidence, reasons, reporting = judge(text, lo, hi, scan)
    reasons.append(_claimant_reason(att, text, reporting))
    return ClaimSuggestion(
        Span(lo, hi),
        text[lo:hi],
        label_set.label_for(kit_type),
        kit_type,
        cw,
        confidence,
        _claimant(att, text),
        att,
        tuple(reasons),
        sentence,
        part,
    )


def _overlapping(atts: Sequence[Attribution], lo: int, hi: int) -> list[tuple[int, Attribution]]:
    """Attributions whose content overlaps [lo, hi), largest overlap first."""
    found = []
    for a in atts:
        c = a.content
        assert c is not None
        overlap = min(c.end, hi) - max(c.start, lo)
        if overlap > 0:
            found.append((overlap, a))
    found.sort(key=lambda x: -x[0])
    return found


_EDGE = " \t\n\"“”‘’'«»,;:—–-"


def _part_span(text: str, att: Attribution, lo: int, hi: int) -> Span | None:
    """The attributed content inside the sentence, trimmed; None when it is the whole sentence."""
    c = att.content
    assert c is not None
    s, e = max(c.start, lo), min(c.end, hi)
    while s < e and text[s] in _EDGE:
        s += 1
    while e > s and text[e - 1] in _EDGE + ".":
        e -= 1
    if e - s < 3:
        return None
    ls, le = lo, hi
    while ls < le and text[ls] in _EDGE:
        ls += 1
    while le > ls and text[le - 1] in _EDGE + ".!?":
        le -= 1
    if s <= ls and e >= le:
        return None
    return Span(s, e)


def _claimant(att: Attribution | None, text: str) -> str:
    if att is None:
        return REPORTER
    if att.speaker:
        return att.speaker
    if att.source is not None:
        return text[att.source.start : att.source.end]
    return "an unnamed source"


def _claimant_reason(
    att: Attribution | None, text: str, reporting: tuple[int, int] | None
) -> Reason:
    if att is not None:
        who = _claimant(att, text)
        if att.cue is not None:
            cue = text[att.cue.start : att.cue.end]
            return Reason(
                f"'{cue}' shows it is {who}'s claim, not the reporter's",
                att.cue.start,
                att.cue.end,
                "claimant",
            )
        c = att.content
        assert c is not None
        return Reason(f"in quotation marks: these are {who}'s words", c.start, c.end, "claimant")
    if reporting is not None:
        s, e = reporting
        return Reason(
            f"'{text[s:e]}' reports someone else's words: ask whose claim this is", s, e, "claimant"
        )
    return _OWN_VOICE


_OWN_VOICE = Reason(
    "no one else is named as its source: it is the reporter's own claim", None, None, "claimant"
)


def most_checkworthy(suggestions: Iterable[ClaimSuggestion], n: int = 3) -> list[ClaimSuggestion]:
    """The `n` claims most worth checking: `yes` before `minor`, numbers, causes and policies
    before events, then by confidence and text order; a part and its sentence count once."""
    ranked = [s for s in suggestions if s.checkworthy != "no"]
    ranked.sort(
        key=lambda s: (
            _CW_RANK[s.checkworthy],
            _CHECK_FIRST.get(s.kit_type, 9),
            -s.confidence,
            s.span.start,
        )
    )
    picked: list[ClaimSuggestion] = []
    seen: set[str] = set()
    for s in ranked:
        opening = " ".join(s.text.lower().split()[:8])  # a standfirst repeated in the body
        if opening in seen or any(p.span.overlaps(s.span) for p in picked):
            continue
        seen.add(opening)
        picked.append(s)
        if len(picked) == n:
            break
    return picked


_CHECK_FIRST = {"number": 0, "cause": 1, "policy": 2, "event": 3, "prediction": 4, "opinion": 5}


def suggestion_dict(s: ClaimSuggestion, offset: int = 0) -> dict[str, Any]:
    """A suggestion as the JSON object of the `claims --jsonl` output."""
    return {
        "span": [s.span.start - offset, s.span.end - offset],
        "type": s.type,
        "checkworthy": s.checkworthy,
        "confidence": s.confidence,
        "claimant": s.claimant,
        "reasons": [
            {
                "text": r.text,
                "span": None if r.start is None else [r.start - offset, r.end - offset],
                "about": r.about,
            }
            for r in s.reasons
        ],
    }
