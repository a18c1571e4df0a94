"""What is being claimed: a claim type, a check-worthiness and the reasons, for every sentence.

`suggest(article)` gives one `ClaimSuggestion` per sentence, plus one per attributed part of a
sentence (what a source said, from `kit.sources`). Each suggestion says who makes the claim (the
source, or the reporter) and why the kit thinks so, in short phrases that point at the words.

How it decides, in order (all word lists are in kit/data/claim_cues.yaml and language.yaml):
1. Every cue in the sentence adds its weight to one claim type: "will" to prediction, "because" to
   cause, "should" or a loaded word to opinion, a number ("30 countries") to number, a law word to
   policy. A sentence with a verb also gets a base score for event (what happened or is the case).
2. Questions, date lines, captions, greetings and fragments without a verb are `not_a_claim`; a
   question that pushes a view ("Isn't it time ...?") is an opinion.
3. The type with the highest total wins (ties: opinion, prediction, number, cause, policy, event).
4. Check-worthiness: opinions, predictions and non-claims are not worth checking (`no`, or `minor`
   when they hold a number); other claims score points for a number, a topic that matters to the
   public, a named person or place, and lose points for personal stories and very short sentences.
The rules read one sentence at a time, so they work on a single sentence without its article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import language
from .articles import Article, article_from_text
from .errors import KitError
from .lexicon import Lexicon, normalise_phrase, package_yaml
from .segment import Span
from .sources import Attribution, find_attributions

CLAIM_TYPES = ("event", "number", "policy", "cause", "prediction", "opinion", "not_a_claim")
CHECKWORTHY = ("yes", "minor", "no")
REPORTER = "the reporter"

# Ties go to the type earlier in this list.
_PRIORITY = ("not_a_claim", "opinion", "prediction", "number", "cause", "policy", "event")
_RANK = {t: i for i, t in enumerate(_PRIORITY)}
_MODAL_GROUPS = frozenset(("future", "conditional", "possibility", "ought", "plan"))
_VERB_GROUPS = frozenset(("view", "feeling", "cause", "trend", "characterise", "compare"))
_CW_RANK = {"yes": 0, "minor": 1, "no": 2}


# ---------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Reason:
    """Why the kit suggests something: a short phrase, and the words it points at (if any).

    `about` is `type`, `checkworthy` or `claimant`.
    """

    text: str
    span: Span | None = None
    about: str = "type"


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

    @property
    def reason_texts(self) -> list[str]:
        """The reasons as plain phrases."""
        return [r.text for r in self.reasons]


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
    from .files import read_text

    text, _ = read_text(path)
    return _parse_labels(text, str(path))


def _parse_labels(text: str, path: str) -> LabelSet:
    import yaml

    try:
        root = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise KitError(
            f"the label set is not valid YAML ({getattr(e, 'problem', None) or e})",
            path=path,
            line=mark.line + 1 if mark else None,
            fix="compare it with kit/data/claim_labels.yaml (indentation, colons, quotes)",
        ) from None
    example = "see kit/data/claim_labels.yaml for an example"
    if not isinstance(data, dict) or not isinstance(data.get("labels"), list) or not data["labels"]:
        raise KitError(
            "the label set needs a 'labels:' list", path=path, line=1,
            fix=f"start with 'labels:' and one '- name: ...' entry per label; {example}",
        )
    lines = _item_lines(root, "labels")
    labels: list[ClaimLabel] = []
    seen: dict[str, str] = {}
    for i, item in enumerate(data["labels"]):
        line = lines[i] if i < len(lines) else None
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            raise KitError(
                f"label {i + 1} has no name", path=path, line=line,
                fix="write each label as '- name: ...' with a 'description: ...' below it",
            )
        name = str(item["name"]).strip()
        description = str(item.get("description") or "").strip()
        if not description:
            raise KitError(
                f"label '{name}' has no description", path=path, line=line,
                fix="add 'description: ...' saying in a sentence what students should look for",
            )
        if name in [lab.name for lab in labels]:
            raise KitError(f"the label '{name}' appears twice", path=path, line=line,
                           fix="give every label its own name")
        kinds = item.get("kit_types", [name])
        if isinstance(kinds, str):
            kinds = [kinds]
        if not isinstance(kinds, list) or not kinds:
            raise KitError(
                f"label '{name}': 'kit_types' must be a list", path=path, line=line,
                fix=f"for example 'kit_types: [event, number]'; the kit's types are {', '.join(CLAIM_TYPES)}",
            )
        for k in kinds:
            if k not in CLAIM_TYPES:
                raise KitError(
                    f"label '{name}' names '{k}', which is not one of the kit's claim types",
                    path=path, line=line,
                    fix=f"use {', '.join(CLAIM_TYPES)}"
                    + ("" if "kit_types" in item else " (or add 'kit_types: [...]' to this label)"),
                )
            if k in seen:
                raise KitError(
                    f"the kit type '{k}' belongs to both '{seen[k]}' and '{name}'",
                    path=path, line=line, fix="put each kit type under one label only",
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
        raise KitError("'checkworthy' must be a mapping", path=path,
                       fix="write 'checkworthy:' with lines 'yes: ...', 'minor: ...', 'no: ...'")
    cw = {_yes_no(k): str(v) for k, v in cw_raw.items()}
    unknown = [k for k in cw if k not in CHECKWORTHY]
    if unknown:
        raise KitError(f"'checkworthy' has unknown value '{unknown[0]}'", path=path,
                       fix="use only yes, minor and no")
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


def _label_set(labels: LabelSet | str | Path | None) -> LabelSet:
    if labels is None:
        return default_labels()
    if isinstance(labels, LabelSet):
        return labels
    return load_labels(labels)


# ---------------------------------------------------------------- cue tables


@dataclass(frozen=True, slots=True)
class _Group:
    name: str
    points_to: str  # a claim type, or a role: reporting, stakes, verb, lang
    weight: float
    reason: str  # template with {word}; empty for language flags (they explain themselves)
    lang: str = ""  # the kit.language category for language words


@lru_cache(maxsize=1)
def _tables() -> tuple[Lexicon[_Group], dict[str, _Group]]:
    data = package_yaml("claim_cues.yaml")
    groups: dict[str, _Group] = {}
    table: dict[str, tuple[_Group, ...]] = {}
    for name, spec in data["groups"].items():
        g = _Group(name, str(spec["points_to"]), float(spec["weight"]), str(spec["reason"]))
        groups[name] = g
        for word in spec["words"]:
            k = normalise_phrase(str(word))
            table[k] = table.get(k, ()) + (g,)
    weights = data["language"]
    for k, cats in language.word_table().items():
        for cat in cats:
            base = "vague" if cat == "vague~" else cat
            g = groups.setdefault(
                f"lang:{cat}", _Group(f"lang:{cat}", "lang", float(weights.get(base, 0.0)), "", cat)
            )
            table[k] = table.get(k, ()) + (g,)
    return Lexicon(table), groups


# ---------------------------------------------------------------- patterns

_NUMBER = re.compile(
    r"(?P<money>[$£€¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|bn|m|k)\b)?)"
    r"|(?P<pct>\b\d[\d,]*(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b))"
    r"|(?P<time>\b\d{1,2}(?::\d\d)?\s?(?:[ap]\.?m\b\.?|o[’']clock\b)|\b\d{1,2}:\d\d\b)"
    r"|(?P<ord>\b\d+(?:st|nd|rd|th)\b)"
    r"|(?P<digits>(?<![A-Za-z][-‐])(?<![A-Za-z.])\b\d[\d,]*(?:\.\d+)?(?:\s?[–-]\s?\d[\d,]*(?:\.\d+)?)?\b)"
    r"|(?P<words>\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|twice|a\s+quarter|"
    r"a\s+third)\b)",
    re.IGNORECASE,
)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE_BEFORE = re.compile(rf"(?:\b(?:{_MONTHS})\.?\s+)$")
_DATE_AFTER = re.compile(rf"\s+(?:{_MONTHS})\b")
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|of|since|until|by|from|to|the|a|and|during|before|after|its|his|her|their)\s+"
    r"|[,–(-]\s*)$",
    re.I,
)
_CLOCK_AFTER = re.compile(r"\s?(?:UTC|GMT|ET|EST|EDT|BST|CET|IST|hrs\b|hours\s+(?:UTC|GMT|local))")
_UNIT_AFTER = re.compile(r"-(?:year|month|week|day|hour|minute)s?(?:-old)?\b", re.I)
_DURATION_AFTER = re.compile(
    r"\s+(?:more\s+|full\s+|long\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|"
    r"decades?|centuries|nights?)\b",
    re.I,
)
_MONEY_AFTER = re.compile(
    r"\s+(?:million\s+|billion\s+|trillion\s+)?(?:dollars|pounds|euros|yen|rupees|cents|pence|"
    r"francs|yuan|roubles|rubles)\b",
    re.I,
)
_ID_BEFORE = re.compile(r"\b(?:version|v|no|number|route|flight|article|section|chapter|page|"
                        r"room|level|tier|grade|category|phase|stage|part|episode|season)\.?\s+$",
                        re.I)
_PERCENT_AFTER = re.compile(r"\s?(?:%|per\s?cent\b|percent\b)", re.I)
_SCORE_AFTER = re.compile(
    r"\s*(?:to|[–-])\s*(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I
)
_NEXT_WORD = re.compile(r"\s+(?:of\s+)?([A-Za-z][A-Za-z-]*)")
_STOP_NEXT = frozenset(
    "are is was were be been am of in on at to and or but the a an for with from by as that this "
    "these those it its their his her who which when where than then have has had will would can "
    "could may might should must not percent per".split()
)
_VAGUE_COUNTS = frozenset("hundreds thousands millions billions trillions dozens dozen".split())

_PAST = re.compile(r"(?<![\w'’-])[a-z]{2,}ed(?![\w'’-])")
_NOT_PAST = frozenset(
    "indeed speed seed need bed red hundred feed breed proceed succeed exceed shed bred wed "
    "freed steed weed deed greed creed embed embedded".split()
)
_NAME_TOKEN = r"(?:[A-Z][a-z]+(?:[-'’][A-Za-z]+)*|[A-Z]{2,}s?)"
_NAME = re.compile(rf"(?<![\w'’-]){_NAME_TOKEN}(?:\s+{_NAME_TOKEN})*(?![\w])")
_NAME_SKIP = frozenset(
    "I A The This That These Those It He She They We You But And Or So If When While After Before "
    "In On At As For From Of To By With Mr Mrs Ms Dr Sir Yes No Oh Well Okay OK Also However "
    "Meanwhile Then There Here Our My Your His Her Their Its What Why How Who Where Which Last "
    "Next Some Many Most All Both Each Every One Two Three Speaking According Under Since".split()
)
_PRONOUN_I = re.compile(r"(?<![\w'’-])(?:I|me|my|mine|myself)(?![\w-])|(?<![\w'’-])I['’](?:m|ve|d|ll)\b")
_PRONOUN_WE = re.compile(r"(?<![\w'’-])(?:we|our|ours|us|ourselves)(?![\w'’-])|\bwe['’](?:re|ve|ll|d)\b", re.I)
_PRONOUN_YOU = re.compile(r"(?<![\w'’-])(?:you|your|yours)(?![\w'’-])|\byou['’](?:re|ve|ll|d)\b", re.I)
_HEADLINE_TO = re.compile(r"(?<![\w'’-])to\s+([a-z]{2,})\b")
_PRONOUN_VERB = re.compile(
    r"(?<![\w'’-])(?:I|[Ww]e|[Tt]hey|[Yy]ou|[Hh]e|[Ss]he|[Ii]t|[Ww]ho)\s+"
    r"(?:also\s+|just\s+|never\s+|still\s+|really\s+|only\s+|all\s+)?([a-z]{2,})\b"
)
_NOT_AFTER_TO = frozenset(
    "them the a an be his her their its this that him me us you it my our your be".split()
)
_NOT_BEFORE_TO = re.compile(r"\b(?:according|due|thanks|owing|next|close|up|prior|as|so|how|what)\s+$", re.I)
_S_VERB = re.compile(r"(?<![\w'’-])([a-z]{3,}(?:s|es))\s+[\w$£€“\"‘]")
_NOT_S_VERB = frozenset(
    "this his its was is has does yes us as plus less unless across always perhaps various "
    "previous serious famous news series species politics economics physics thus whereas "
    "besides towards afterwards sometimes nevertheless nonetheless".split()
)
_DATELINE = re.compile(
    rf"^\s*(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    rf"(?:(?:{_MONTHS})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTHS})),?\s+\d{{4}}\s*$"
)
_CAPTION = re.compile(r"\b(?:Image|Photo|Picture|Pictured|File|Credit|Source)\s*:", re.I)
_GREETING = re.compile(
    r"^\W*(?:thank\s+you|thanks(?!\s+to\b)|hello|hi|good\s+(?:morning|evening|afternoon|night)|"
    r"okay|ok|yeah|yes|no|sure|right|bye|goodbye|welcome|congratulations)\b",
    re.I,
)
_THANKS = re.compile(r"^\W*(?:thank\s+you|thanks(?!\s+to\b))\b", re.I)
_CUT_OFF = re.compile(r"(?:\.\.\.|…)[\s\"”’')\]]*$")
_LET_ME = re.compile(r"^\W*(?:(?:so|and|but|now|well),?\s+)?let\s+me\b", re.I)
_IMPERATIVE = re.compile(
    r"^\W*(?:(?:so|and|but|now|please),?\s+)?(?:look|listen|imagine|consider|remember|promote|stop|"
    r"think|please|tell|ask|join|vote|help|keep|make|take|give|try|go|come|never|support|call|"
    r"watch|get|bring|leave|send|don['’]t|do\s+not|let['’]s|let\s+us)\b(?!\s+(?:is|are|was|were|has|had)\b)",
    re.I,
)
_TOO = re.compile(r"(?<![\w'’-])too\s+(?!many\b|much\b|few\b|little\b|late\b|early\b|soon\b|far\b|long\b)[a-z]{3,}", re.I)
_SPEAKER_TAG = re.compile(r"^\s*\(\(([^)]*)\)\)\s*:?\s*")
_INTERVIEWER = re.compile(r"^(?:WN|Wikinews|Q|Interviewer|[A-Z]{2,4})$")
_RHETORICAL = re.compile(
    r"^\W*(?:(?:but|and|so|yet|then)\s+)?(?:isn['’]t|aren['’]t|wasn['’]t|weren['’]t|don['’]t|"
    r"doesn['’]t|didn['’]t|won['’]t|can['’]t|shouldn['’]t|wouldn['’]t|haven['’]t|hasn['’]t|"
    r"how\s+(?:can|could|dare|long|many\s+more|much\s+longer|on\s+earth)|"
    r"why\s+(?:would|should|on\s+earth|not|do\s+we|does\s+anyone|is\s+it\s+that)|"
    r"who\s+(?:would|could|cares|needs)|what\s+(?:kind|sort)\s+of|is\s+it\s+any\s+wonder|"
    r"really|since\s+when)",
    re.I,
)
_QUESTION_END = re.compile(r"\?[\s\"”’')\]]*$")
_SUBORDINATE_BEFORE = re.compile(r"\b(?:which|who|whom|whether|if|unless)\b[^,.;:!?“”\"]{0,40}$", re.I)
_REFUSAL_AFTER = re.compile(
    r"(?:\s+not|n['’]t|\s+never)\s+(?:say|confirm|comment|disclose|reveal|discuss|elaborate|answer|"
    r"specify|give|name|identify|release|endorse|accept|recognise|recognize|allow|agree|sign|"
    r"support|meet|attend|rule\s+out|let)\b"
    r"|\s+(?:sometimes|often|usually|always|regularly|frequently|later|eventually|go\s+on\s+to)\b",
    re.I,
)
_PAST_ABILITY_AFTER = re.compile(r"(?:\s+not|n['’]t)\s+(?:\w+\s+)?(?!be\b|have\b)[a-z]+", re.I)
_NOUN_BEFORE_WILL = re.compile(r"\b(?:the|a|free|political|popular|good|ill|his|her|their|its|of)\s+$", re.I)
_WORDS = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_EXCLAIM = re.compile(r"!")
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december".split()
)


# ---------------------------------------------------------------- scanning


@dataclass
class _Scan:
    """Everything the patterns found in one text, each list in text order with its start offsets."""

    lex: list[tuple[int, int, tuple[_Group, ...]]]
    lex_starts: list[int]
    numbers: list[re.Match[str]]
    number_starts: list[int]
    past: list[tuple[int, int]]
    past_starts: list[int]
    names: list[tuple[int, int]]
    name_starts: list[int]
    scare: list[tuple[int, int, str]]
    scare_starts: list[int]


def _scan(text: str) -> _Scan:
    lexicon, _ = _tables()
    lex = list(lexicon.finditer(text))
    numbers = list(_NUMBER.finditer(text))
    past = [(m.start(), m.end()) for m in _PAST.finditer(text) if m.group() not in _NOT_PAST]
    names = []
    for m in _NAME.finditer(text):
        s, e = m.span()
        first = m.group().split(None, 1)
        if first[0] in _NAME_SKIP:
            if len(first) == 1:
                continue
            s += len(first[0]) + (len(m.group()) - len(first[0]) - len(first[1]))
        names.append((s, e, " " in text[s:e]))
    scare = list(language.scare_quotes(text))
    return _Scan(
        lex,
        [x[0] for x in lex],
        numbers,
        [m.start() for m in numbers],
        past,
        [x[0] for x in past],
        names,
        [x[0] for x in names],
        scare,
        [x[0] for x in scare],
    )


def _window(items: list, starts: list[int], start: int, end: int) -> list:
    i = bisect_left(starts, start)
    j = bisect_left(starts, end, i)
    return items[i:j]


# ---------------------------------------------------------------- judging one span


class _Tally:
    """Scores per claim type and the reasons behind them."""

    __slots__ = ("scores", "why")

    def __init__(self) -> None:
        self.scores = dict.fromkeys(CLAIM_TYPES, 0.0)
        self.why: dict[str, list[tuple[float, int, Reason]]] = {t: [] for t in CLAIM_TYPES}

    def add(self, kind: str, weight: float, reason: Reason) -> None:
        self.scores[kind] += weight
        self.why[kind].append((weight, len(self.why[kind]), reason))


def _classify_number(text: str, m: re.Match[str], lo: int, hi: int) -> tuple[str, float, int]:
    """(kind, weight, end of the words to quote) for one number match."""
    kind = m.lastgroup or "digits"
    s, e = m.span()
    if kind in ("money", "pct"):
        return "quantity", 2.5, _with_next_word(text, e, hi)
    if kind in ("time", "ord"):
        return "when", 0.0, e
    if kind == "words":
        word = m.group().lower()
        pct = _PERCENT_AFTER.match(text, e, hi)
        if pct:
            return "quantity", 2.5, pct.end()
        score = _SCORE_AFTER.match(text, e, hi)
        if score:
            return "quantity", 2.0, score.end()
        if _DURATION_AFTER.match(text, e, hi):
            end = _DURATION_AFTER.match(text, e, hi).end()  # type: ignore[union-attr]
            return "duration", 1.0, end
        if word in _VAGUE_COUNTS:
            return "quantity", 1.5, _with_next_word(text, e, hi)
        end = _with_next_word(text, e, hi)
        return ("quantity", 2.0, end) if end > e or word in ("half", "twice") else ("none", 0.0, e)
    digits = m.group()
    money = _MONEY_AFTER.match(text, e, hi)
    if money:
        return "quantity", 2.5, money.end()
    if _ID_BEFORE.search(text, max(lo, s - 10), s):
        return "none", 0.0, e
    duration = _DURATION_AFTER.match(text, e, hi)
    if duration:
        return "duration", 1.0, duration.end()
    if _UNIT_AFTER.match(text, e, hi):
        return "quantity", 1.0, _UNIT_AFTER.match(text, e, hi).end()  # type: ignore[union-attr]
    if _CLOCK_AFTER.match(text, e, hi):
        return "when", 0.0, e
    before = text[max(lo, s - 12) : s]
    if _DATE_BEFORE.search(before) or _DATE_AFTER.match(text, e, hi):
        return "when", 0.0, e
    if len(digits) == 4 and digits.isdigit() and 1500 <= int(digits) <= 2099:
        nxt = _NEXT_WORD.match(text, e, hi)
        if _YEAR_BEFORE.search(before) or s == lo or not nxt or not nxt.group(1)[0].islower():
            return "when", 0.0, e
    return "quantity", 2.0, _with_next_word(text, e, hi)


def _with_next_word(text: str, end: int, hi: int) -> int:
    m = _NEXT_WORD.match(text, end, hi)
    if m and m.group(1).lower() not in _STOP_NEXT:
        return m.end()
    return end


def hi_of(text: str, e: int) -> int:
    """A short look-ahead limit after offset `e`."""
    return min(len(text), e + 30)


def _applies(text: str, s: int, e: int, g: _Group, lo: int) -> float:
    """The weight a cue really has here (0 when the word is used in another sense)."""
    word = text[s:e]
    low = word.lower()
    if g.lang:
        return g.weight if language.keep_match(text, s, e, g.lang, len(text)) else -1.0
    if g.name == "future" and low == "will" and _NOUN_BEFORE_WILL.search(text, max(lo, s - 12), s):
        return 0.0
    if g.name == "conditional" and _REFUSAL_AFTER.match(text, e, min(len(text), e + 30)):
        return 0.0  # "would not confirm", "would sometimes kill": the past, not the future
    if low in ("could", "couldn't", "couldn’t") and _PAST_ABILITY_AFTER.match(text, e, hi_of(text, e)):
        return 0.0  # "could not lift": what was not possible, not a prediction
    if low == "may" and word[0] == "M" and not language.keep_match(text, s, e, "hedge", len(text)):
        return 0.0
    if g.name == "when" and low in _TIME_WORDS and not word[0].isupper():
        return 0.0
    if g.points_to == "prediction" and _SUBORDINATE_BEFORE.search(text, max(lo, s - 48), s):
        return g.weight / 2  # "the coalition which would provide": a side remark, not the claim
    return g.weight


def _judge(
    text: str, lo: int, hi: int, scan: _Scan, headline: bool = False
) -> tuple[str, str, float, list[Reason]]:
    """(kit type, check-worthiness, confidence, reasons) for text[lo:hi]."""
    chunk = text[lo:hi]
    tally = _Tally()
    reporting: list[tuple[int, int]] = []
    stakes: list[tuple[int, int]] = []
    verbs: list[tuple[int, int]] = []
    modal = False
    when_seen = False
    verb_like = False
    inside_phrases: list[tuple[int, int]] = []
    lang_opinion = 0.0
    for s, e, groups in _window(scan.lex, scan.lex_starts, lo, hi):
        if e > hi:
            continue
        for g in groups:
            w = _applies(text, s, e, g, lo)
            if w < 0:
                continue
            pt = g.points_to
            if pt == "lang":
                if w > 0:
                    word = text[s:e]
                    tally.add("opinion", w, Reason(language.explain(g.lang, word), Span(s, e)))
                    lang_opinion += w
            elif pt == "reporting":
                reporting.append((s, e))
            elif pt == "stakes":
                stakes.append((s, e))
            elif pt == "verb":
                verbs.append((s, e))
            elif g.name == "when":
                if w > 0 and not when_seen:
                    when_seen = True
                    tally.add(pt, w, Reason(g.reason.format(word=text[s:e]), Span(s, e)))
            elif w > 0:
                tally.add(pt, w, Reason(g.reason.format(word=text[s:e]), Span(s, e)))
                if g.name in _MODAL_GROUPS:
                    modal = True
                    inside_phrases.append((s, e))
                elif g.name in _VERB_GROUPS:
                    verb_like = True

    # Numbers: a quantity is a number claim; dates and times only say when.
    quantity = 0.0
    first_quantity: Span | None = None
    for m in _window(scan.numbers, scan.number_starts, lo, hi):
        if m.end() > hi:
            continue
        kind, weight, end = _classify_number(text, m, lo, hi)
        if kind == "duration":
            tally.add("number", weight, Reason(
                f"'{text[m.start():end]}' is a length of time you could check", Span(m.start(), end)))
            quantity = max(quantity, weight)
        elif kind == "quantity":
            if quantity < 4.0:
                tally.add("number", weight, Reason(
                    f"'{text[m.start():end]}' is a number you could check", Span(m.start(), end)))
            quantity = max(quantity, weight)
            first_quantity = first_quantity or Span(m.start(), end)
        elif kind == "when" and not when_seen:
            when_seen = True
            tally.add("event", 0.5, Reason(
                f"'{m.group()}' says when it happened: you could check it", Span(m.start(), m.end())))

    for s, e, inner in _window(scan.scare, scan.scare_starts, lo, hi):
        w = 0.5
        tally.add("opinion", w, Reason(language.explain("scare_quote", inner), Span(s, e)))
        lang_opinion += w

    past = [
        p
        for p in _window(scan.past, scan.past_starts, lo, hi)
        if p[1] <= hi and not any(a <= p[0] < b for a, b in inside_phrases)
    ]
    names = [
        (s, e)
        for s, e, multi in _window(scan.names, scan.name_starts, lo, hi)
        if e <= hi and (multi or s > lo + 1)
    ]
    words = _WORDS.findall(chunk)
    n_words = len(words)

    # Speaker tags of interviews: "((WN)) Does the team ...?"
    tag = _SPEAKER_TAG.match(chunk)
    body = chunk[tag.end():] if tag else chunk
    interviewer = bool(tag and _INTERVIEWER.match(tag.group(1).strip()))

    finite = bool(verbs or past or modal or verb_like)
    s_verb = None
    headline_future = None
    if not finite:
        s_verb = next(
            (m for m in _S_VERB.finditer(chunk) if m.group(1).lower() not in _NOT_S_VERB), None
        ) or _PRONOUN_VERB.search(chunk)
        m = _HEADLINE_TO.search(chunk)
        if (
            m
            and m.group(1) not in _NOT_AFTER_TO
            and not _NOT_BEFORE_TO.search(chunk, 0, m.start())
            and (s_verb is None or s_verb.start() > m.start())
        ):
            headline_future = m
            s_verb = None
            tally.add("prediction", 2.0, Reason(
                f"'{m.group()}' with no other verb means it is going to happen",
                Span(lo + m.start(), lo + m.end())))
    claim_like = finite or bool(reporting) or bool(headline_future) or bool(s_verb)

    # Voice: first and second person, exclamations, "too ...".
    shift = lo + (len(chunk) - len(body))
    for pattern, phrase in (
        (_PRONOUN_I, "the speaker talks about themselves"),
        (_PRONOUN_WE, "the speaker speaks for a group"),
        (_PRONOUN_YOU, "speaks to the reader or listener directly"),
    ):
        m = pattern.search(body)
        if m:
            span = Span(shift + m.start(), shift + m.end())
            tally.add("opinion", 0.5, Reason(f"'{m.group()}' — {phrase}", span))
    m = _EXCLAIM.search(chunk)
    if m:
        tally.add("opinion", 1.5, Reason("'!' shows strong feeling", Span(lo + m.start(), lo + m.end())))
    m = _TOO.search(chunk)
    if m:
        tally.add("opinion", 1.0, Reason(
            f"'{m.group()}' judges it as more than it should be", Span(lo + m.start(), lo + m.end())))

    # Not a claim: date lines, captions, greetings, questions, fragments.
    qm = _QUESTION_END.search(body)
    n_body = len(_WORDS.findall(body)) if tag else n_words
    if _DATELINE.match(chunk):
        tally.add("not_a_claim", 5.0, Reason("a date line: it tells when the article was written"))
    elif _CAPTION.search(chunk):
        tally.add("not_a_claim", 4.0, Reason("a picture caption, not a claim"))
    elif (_THANKS.match(body) or _GREETING.match(body) and n_body <= 8) and not qm:
        g = _GREETING.match(body)
        assert g is not None
        word = g.group().strip(" \t\"“(")
        end = shift + g.end()
        tally.add("not_a_claim", 3.0, Reason(f"'{word}' is a courtesy, not a claim",
                                             Span(end - len(word), end)))
    elif qm:
        q = Span(shift + qm.start(), shift + qm.start() + 1)
        rhetorical = _RHETORICAL.match(body)
        if not interviewer and (rhetorical or tally.scores["opinion"] >= 1.5):
            tally.add("opinion", 2.5, Reason(
                "a question that expects no answer pushes a view (a rhetorical question)", q))
        else:
            tally.add("not_a_claim", 3.0, Reason(
                "'?' — it asks a question instead of claiming something", q))
    elif _CUT_OFF.search(body):
        tally.add("not_a_claim", 2.5, Reason("the sentence breaks off before it claims anything"))
    elif _LET_ME.match(body):
        tally.add("not_a_claim", 2.5, Reason("'let me' asks to speak: it claims nothing"))
    elif _IMPERATIVE.match(body):
        m = _IMPERATIVE.match(body)
        assert m is not None
        word = m.group().strip(" \t\"“(,")
        tally.add("opinion", 2.0, Reason(
            f"'{word}' tells someone what to do: that urges, it does not report",
            Span(shift + m.end() - len(word), shift + m.end())))
    elif not claim_like:
        tally.add("not_a_claim", 3.0, Reason(
            "there is no verb: it names something but claims nothing about it"))
    elif n_body <= 3 and not past and not quantity:
        tally.add("not_a_claim", 2.0, Reason("too short to claim anything on its own"))

    # Event: a sentence with a verb tells what happened or what is the case.
    if claim_like and n_words > 2:
        if past:
            s, e = past[0]
            tally.add("event", 1.25, Reason(f"'{text[s:e]}' tells what happened", Span(s, e)))
        elif verbs:
            s, e = verbs[0]
            tally.add("event", 1.0, Reason(
                f"'{text[s:e]}' says what happened or what is the case", Span(s, e)))
        elif s_verb:
            s = lo + s_verb.start(1)
            tally.add("event", 1.0, Reason(f"'{s_verb.group(1)}' says what is happening",
                                           Span(s, s + len(s_verb.group(1)))))
        else:
            tally.add("event", 1.0, Reason("it states something as a fact"))
        if stakes and (past or verbs):
            s, e = stakes[0]
            tally.add("event", 0.5, Reason(f"'{text[s:e]}' is something that happened", Span(s, e)))

    scores = tally.scores
    # A lone weak cue does not make an opinion or a number claim.
    if scores["opinion"] < 1.5:
        scores["opinion"] = min(scores["opinion"], 0.9)
    if quantity < 1.5 and scores["number"] - quantity < 1.0:
        scores["number"] = min(scores["number"], 0.9)
    kit_type = min(CLAIM_TYPES, key=lambda t: (-scores[t], _RANK[t]))
    if scores[kit_type] <= 0:
        kit_type = "event" if claim_like else "not_a_claim"
    ranked = sorted(scores.values(), reverse=True)
    top, second = ranked[0], ranked[1]
    confidence = round(min(0.95, max(0.3, 0.5 + (top - second) / (2 * (top + 0.5)))), 2)

    reasons = [r for _, _, r in sorted(tally.why[kit_type], key=lambda x: (-x[0], x[1]))][:4]
    cw, cw_reasons = _checkworthy(
        text, kit_type, quantity, first_quantity, stakes, names, n_words, body, tally, bool(past)
    )
    return kit_type, cw, confidence, reasons + cw_reasons


def _checkworthy(
    text: str,
    kit_type: str,
    quantity: float,
    first_quantity: Span | None,
    stakes: list[tuple[int, int]],
    names: list[tuple[int, int]],
    n_words: int,
    body: str,
    tally: _Tally,
    past_action: bool,
) -> tuple[str, list[Reason]]:
    """Check-worthiness and its reasons (only the ones not already given for the type)."""
    about = "checkworthy"
    if kit_type == "not_a_claim":
        return "no", [Reason("not a claim, so there is nothing to check", None, about)]
    if kit_type == "opinion":
        if quantity >= 2:
            return "minor", [Reason("an opinion, but its number can be checked", first_quantity, about)]
        return "no", [Reason("an opinion: you can disagree with it, but not check it", None, about)]
    if kit_type == "prediction":
        if quantity >= 2 or (stakes and tally.scores["policy"] > 0):
            return "minor", [Reason("about the future: only parts of it can be checked now", None, about)]
        return "no", [Reason("about the future: nobody can check it yet", None, about)]
    points = 0.0
    reasons: list[Reason] = []
    if quantity >= 2:
        points += 2.0
    elif quantity > 0 or tally.scores["number"] > 0:
        points += 1.0
    if stakes:
        s, e = stakes[0]
        points += 1.5 if len(stakes) == 1 else 2.0
        reasons.append(Reason(
            f"'{text[s:e]}' is about something that matters to the public", Span(s, e), about))
    if kit_type in ("policy", "cause"):
        points += 1.5
    elif kit_type == "number":
        points += 1.0
    if past_action:
        points += 0.5
    if names:
        s, e = max(names, key=lambda n: n[1] - n[0])
        points += 0.5 if len(names) < 3 else 1.0
        reasons.append(Reason(f"'{text[s:e]}' is named, so you can look it up", Span(s, e), about))
    if _PRONOUN_I.search(body) and not names:
        points -= 0.5 if stakes else 1.5
        reasons.append(Reason("a personal story: hard for anyone else to check", None, about))
    if n_words < 4:
        points -= 1.0
    if points >= 2.5:
        cw = "yes"
    elif points >= 0:
        cw = "minor"
    else:
        cw = "no"
    if not reasons:
        reasons.append(Reason(
            "a plain statement of fact, but a small one" if cw != "no" else "too vague to check",
            None, about))
    return cw, reasons[:2]


# ---------------------------------------------------------------- public API


def suggest(
    article_or_text: Article | str,
    *,
    attributions: Iterable[Attribution] | None = None,
    labels: LabelSet | str | Path | None = None,
) -> list[ClaimSuggestion]:
    """A claim suggestion for every sentence, and for each attributed part of a sentence.

    `attributions` defaults to `kit.sources.find_attributions(article)`; `labels` is a LabelSet or
    the path of a teacher's label file (default: the kit's seven claim types).
    """
    article = (
        article_or_text
        if isinstance(article_or_text, Article)
        else article_from_text(article_or_text)
    )
    label_set = _label_set(labels)
    atts = list(find_attributions(article) if attributions is None else attributions)
    text = article.text
    scan = _scan(text)
    roles = {p.index: p.role for p in article.paragraphs}
    with_content = [a for a in atts if a.content is not None and len(a.content) > 0]
    out: list[ClaimSuggestion] = []
    for sent in article.sentences:
        lo, hi = sent.start, sent.end
        headline = roles.get(sent.paragraph) == "headline"
        kit_type, cw, conf, reasons = _judge(text, lo, hi, scan, headline)
        overlapping = _overlapping(with_content, lo, hi)
        owner = overlapping[0][1] if overlapping else None
        out.append(
            ClaimSuggestion(
                Span(lo, hi),
                text[lo:hi],
                label_set.label_for(kit_type),
                kit_type,
                cw,
                conf,
                _claimant(owner, text),
                owner,
                tuple(reasons) + _claimant_reasons(owner, text, scan, lo, hi),
                sent.index,
            )
        )
        for _, att in overlapping:
            part = _part_span(text, att, lo, hi)
            if part is None:
                continue
            p_type, p_cw, p_conf, p_reasons = _judge(text, part.start, part.end, scan, headline)
            out.append(
                ClaimSuggestion(
                    part,
                    text[part.start : part.end],
                    label_set.label_for(p_type),
                    p_type,
                    p_cw,
                    p_conf,
                    _claimant(att, text),
                    att,
                    tuple(p_reasons) + _claimant_reasons(att, text, scan, part.start, part.end),
                    sent.index,
                    True,
                )
            )
    return out


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


def _claimant_reasons(
    att: Attribution | None, text: str, scan: _Scan, lo: int, hi: int
) -> tuple[Reason, ...]:
    if att is not None:
        who = _claimant(att, text)
        if att.cue is not None:
            cue = text[att.cue.start : att.cue.end]
            return (Reason(f"'{cue}' shows it is {who}'s claim, not the reporter's", att.cue, "claimant"),)
        return (Reason(f"in quotation marks: these are {who}'s words", att.content, "claimant"),)
    for s, e, groups in _window(scan.lex, scan.lex_starts, lo, hi):
        if e <= hi and any(g.points_to == "reporting" for g in groups):
            return (Reason(
                f"'{text[s:e]}' reports someone else's words: ask whose claim this is",
                Span(s, e), "claimant"),)
    return (Reason("no one else is named as its source: it is the reporter's own claim", None, "claimant"),)


def most_checkworthy(suggestions: Iterable[ClaimSuggestion], n: int = 3) -> list[ClaimSuggestion]:
    """The `n` claims most worth checking: `yes` before `minor`, then by confidence, then order."""
    ranked = [s for s in suggestions if s.checkworthy != "no"]
    ranked.sort(key=lambda s: (_CW_RANK[s.checkworthy], -s.confidence, s.span.start))
    picked: list[ClaimSuggestion] = []
    for s in ranked:
        if any(p.span.overlaps(s.span) for p in picked):
            continue  # a part and its sentence say the same thing
        picked.append(s)
        if len(picked) == n:
            break
    return picked


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
                "span": None if r.span is None else [r.span.start - offset, r.span.end - offset],
                "about": r.about,
            }
            for r in s.reasons
        ],
    }
