"""The rules behind `kit.reading.claims`: find the cues in a text, then judge one sentence at a
time.

How a sentence is judged (the word lists are in kit/data/claim_cues.yaml, claim_rule_words.yaml
and language.yaml):
1. Every cue adds its weight to one claim type: "will" to prediction, "because" to cause, "should"
   or a loaded word to opinion, a quantity ("30 countries") to number, a law word to policy. A
   sentence with a verb gets a base score for event (it says what happened or what is the case).
2. Date lines, captions, greetings, questions, sentences that break off and fragments without a
   verb are `not_a_claim`; a question that pushes a view ("Isn't it time ...?") and an order to the
   listener ("Promote them.") are opinions.
3. The type with the highest total wins; ties go to opinion, number, cause, policy, prediction,
   event in that order ("the bill would ban ..." is a policy before it is a prediction). An
   opinion needs more than one weak cue, a number claim a real quantity. A plain "will" in the
   writer's own voice (no date, figure, plan word or source, not an interview) is the writer's
   forecast, which is a view: an opinion.
4. Check-worthiness, once the type is known: see `kit.reading.claim_worth`.

The judge reads only the sentence, so it works the same on one sentence without its article.
Speed matters (a class corpus, the command line): the text is scanned once by a handful of
regular expressions that start with a character class, so the engine can skip ahead, and each
sentence then looks only at the cues inside it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from kit.reading import wording as language
from kit.reading.claim_numbers import MONTHS, classify_number, classify_number_word, starts_number
from kit.reading.claim_patterns import (
    CLAUSE_AFTER_QUESTION,
    DECISION_AFTER,
    MODAL_BEFORE,
    PURPOSE_BEFORE,
    TIMEKEEPING,
    TOPIC_BEFORE,
    UNDER_RULE,
    VERDICT,
    VERDICT_FIRST,
    WH_QUESTION,
)
from kit.reading.claim_worth import Reason, checkworthy
from kit.reading.lexicon import Lexicon, fold, normalise_phrase, package_words, package_yaml

CLAIM_TYPES = ("event", "number", "policy", "cause", "prediction", "opinion", "not_a_claim")
# Ties go to the type earlier in this list.
_PRIORITY = ("not_a_claim", "opinion", "number", "cause", "policy", "prediction", "event")
_WORDS = package_words("claim_rule_words.yaml")  # numbers as words, words the rules step over

# What a cue does, besides pointing to a type.
_TYPE, _LANG, _REPORTING, _STAKES, _VERB, _WHEN, _NUMWORD, _RECORD = range(8)
_MODAL_GROUPS = frozenset(("future", "conditional", "possibility", "ought", "obligation", "plan"))
_VERB_GROUPS = frozenset(("view", "feeling", "cause", "trend", "characterise", "likeness"))


@dataclass(frozen=True, slots=True)
class Group:
    """A list of cue words: what they point to, how strongly, and the reason students read."""

    name: str
    points_to: str
    weight: float
    reason: str
    role: int = _TYPE
    lang: str = ""
    once: bool = False
    plain: bool = False  # its words never need their context to be judged


_NUMBER_WORDS = list(_WORDS["number_words"]) + list(_WORDS["multiples"])
_TENS = list(_WORDS["tens"])
_UNITS = list(_WORDS["units"])


@lru_cache(maxsize=1)
def tables() -> tuple[Lexicon[Group], dict[str, Group]]:
    """The lexicon of every cue phrase (claim cues, language flags, number words) and the groups."""
    data = package_yaml("claim_cues.yaml")
    roles = {"reporting": _REPORTING, "stakes": _STAKES, "verb": _VERB, "record": _RECORD}
    groups: dict[str, Group] = {}
    table: dict[str, tuple[Group, ...]] = {}

    def put(word: str, g: Group) -> None:
        k = normalise_phrase(word)
        table[k] = table.get(k, ()) + (g,)

    for name, spec in data["groups"].items():
        role = _WHEN if name == "when" else roles.get(str(spec["points_to"]), _TYPE)
        points_to = str(spec["points_to"])
        g = Group(
            name,
            points_to,
            float(spec["weight"]),
            str(spec["reason"]),
            role,
            once=bool(spec.get("once", False)),
            plain=name not in _CONTEXT_GROUPS and points_to not in _SIDE_REMARK_TYPES,
        )
        groups[name] = g
        for word in spec["words"]:
            put(str(word), g)
    weights = data["language"]
    for word, cats in language.word_table().items():
        for cat in cats:
            base = "vague" if cat == "vague~" else cat
            g = groups.setdefault(
                f"lang:{cat}",
                Group(f"lang:{cat}", "opinion", float(weights.get(base, 0.0)), "", _LANG, cat),
            )
            put(word, g)
    numword = Group("numword", "number", 0.0, "", _NUMWORD)
    words = _NUMBER_WORDS + [f"{t} {u}" for t in _TENS for u in _UNITS]
    for word in words + ["a quarter", "a third"]:
        put(word, numword)
    return Lexicon(table), groups


# ---------------------------------------------------------------- patterns

# Each starts with a character class or a literal, so the engine skips ahead between matches.
_DIGITS = re.compile(
    r"\d{1,2}:\d\d(?:\s?[ap]\.?m\b\.?)?"
    r"|[$£€¥]\s?\d+(?:,\d{3})*(?:\.\d+)?"
    r"|\d+(?:,\d{3})*(?:\.\d+)?(?:\s?[–-]\s?\d+(?:,\d{3})*(?:\.\d+)?)?"
)
# Where a number may start: a plain character class, which the engine scans fast; _DIGITS then
# reads the number there.
_NUMBER_START = re.compile(r"[0-9$£€¥][0-9,.:]*")
# Words in -ed are found from their ending: a literal lets the engine skip ahead to "ed".
_ED = re.compile(r"ed\b")
_WORD_OPENERS = "\"“‘'([—–-/"

_NOT_PAST = frozenset(_WORDS["not_past"])
_HEADLINE_TO = re.compile(r"(?<![\w'’-])to\s+([a-z]{2,})\b")
_PRONOUN_VERB = re.compile(
    r"(?<![\w'’-])(?:I|[Ww]e|[Tt]hey|[Yy]ou|[Hh]e|[Ss]he|[Ii]t|[Ww]ho)\s+"
    r"(?:also\s+|just\s+|never\s+|still\s+|really\s+|only\s+|all\s+)?([a-z]{2,})\b"
)
_NOT_AFTER_TO = frozenset(_WORDS["not_after_to"])
_NOT_BEFORE_TO = re.compile(
    r"\b(?:according|due|thanks|owing|next|close|up|prior|as|so|how|what)\s+$", re.I
)
_S_VERB = re.compile(r"(?<![\w'’-])([a-z]{3,}(?:s|es))\s+[\w$£€“\"‘]")
_NOT_S_VERB = frozenset(_WORDS["not_s_verbs"])
_DATELINE = re.compile(
    rf"\s*(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    rf"(?:(?:{MONTHS})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{MONTHS})),?\s+\d{{4}}\s*$"
)
_CAPTION = re.compile(r"\b(?:Image|Photo|Picture|Pictured|File|Credit|Source)\s*:", re.I)
_GREETING = re.compile(
    r"\W*(?:thank\s+you|thanks(?!\s+to\b)|hello|hi|good\s+(?:morning|evening|afternoon|night)|"
    r"okay|ok|yeah|yes|no|sure|right|bye|goodbye|welcome|congratulations)\b",
    re.I,
)
_THANKS = re.compile(r"\W*(?:thank\s+you|thanks(?!\s+to\b))\b", re.I)
_EXCLAMATION = re.compile(r"\W*what\s+an?\s+[a-z]+", re.I)  # "What a week it has been."
_LET_ME = re.compile(r"\W*(?:(?:so|and|but|now|well),?\s+)?let\s+me\b", re.I)
_IMPERATIVE = re.compile(
    r"\W*(?:(?:so|and|but|now|please),?\s+)?(?:look|listen|imagine|consider|remember|promote|"
    r"stop|think|please|tell|ask|join|vote|help|keep|make|take|give|try|go|come|never|support|"
    r"call|watch|get|bring|leave|send|don['’]t|do\s+not|let['’]s|let\s+us|"
    r"let\s+(?:the|them|him|her|everyone|everybody|people)(?=\s+[a-z]))\b"
    r"(?!\s+(?:is|are|was|were|has|had)\b)",
    re.I,
)
# "((Jane Doe))" marks who speaks in an interview: its lines are the speaker's, not the writer's.
_INTERVIEW_TAG = re.compile(r"\(\([^()\n]{1,80}\)\)")
SPEAKER_TAG = re.compile(r"\s*\(\(([^)]*)\)\)\s*:?\s*")
INTERVIEWER = re.compile(r"(?:WN|Wikinews|Q|Interviewer|[A-Z]{2,4})$")
_RHETORICAL = re.compile(
    r"\W*(?:(?:but|and|so|yet|then)\s+)?(?:isn['’]t|aren['’]t|wasn['’]t|weren['’]t|don['’]t|"
    r"doesn['’]t|didn['’]t|won['’]t|can['’]t|shouldn['’]t|wouldn['’]t|haven['’]t|hasn['’]t|"
    r"how\s+(?:can|could|dare|long|many\s+more|much\s+longer|on\s+earth)|"
    r"why\s+(?:would|should|on\s+earth|not|do\s+we|does\s+anyone|is\s+it\s+that)|"
    r"who\s+(?:would|could|cares|needs)|what\s+(?:kind|sort)\s+of|is\s+it\s+any\s+wonder|"
    r"really|since\s+when|(?:what|who|how|why|where|when)\s+exactly|what\s+(?:of|then)\b)",
    re.I,
)
# "..., so why would this one work?": a claim, then a question that answers itself.
_WHY_AFTER_CLAIM = re.compile(
    r"(?:,|;|\bso|\bthen)\s+why\s+(?:would|should|was|is|are|were|do|does|did)\b", re.I
)
_SUBORDINATE_BEFORE = re.compile(
    r"\b(?:which|who|whom|whether|if|unless)\b[^,.;:!?“”\"]{0,40}$", re.I
)
_REFUSAL_AFTER = re.compile(
    r"(?:\s+not|n['’]t|\s+never)\s+(?:say|confirm|comment|disclose|reveal|discuss|elaborate|"
    r"answer|specify|give|name|identify|release|endorse|accept|recognise|recognize|allow|agree|"
    r"sign|support|meet|attend|rule\s+out|let)\b"
    r"|\s+(?:sometimes|often|usually|always|regularly|frequently|later|eventually|go\s+on\s+to)\b",
    re.I,
)
_PERSONALLY_AFTER = re.compile(r"\s*,|\s+(?:I|we|think|believe|feel)\b")
_I_BEFORE = re.compile(r"\b(?:I|we|We)\s+$")
_IF_BEFORE = re.compile(r"\b(?:if|unless|in case)\s+(?:[\w'’-]+\s+){0,3}$")
_NEGATION_BEFORE = re.compile(r"\b(?:neither|nor|nobody|no one)\b[^,.;:!?]*$")
_PAST_ABILITY_AFTER = re.compile(r"(?:\s+not|n['’]t)\s+(?:\w+\s+)?(?!be\b|have\b)[a-z]+", re.I)
_NOUN_BEFORE_WILL = re.compile(
    r"\b(?:the|a|free|political|popular|good|ill|his|her|their|its|of)\s+$", re.I
)
# "said (that) he would ...": the speaker announces what they (or their side) will do.
_ANNOUNCER_BEFORE = re.compile(r"\b(?:he|she|they|we|i)\s+$")
_REPORTED_PLAN = Group(
    "plan",
    "policy",
    1.5,
    "'{word}' passes on a plan someone announced: you can check that it was announced, and "
    "later whether it was done",
)
_REPORTED_DECISION = Group(
    "plan",
    "policy",
    2.0,
    "'{word}' passes on a decision someone announced: you can check that it was announced, and "
    "later whether it was carried out",
)
_QUOTATIVE_AFTER = re.compile(r"\s*[,:\"“‘']")
_TOO_AFTER = re.compile(
    r"\s+(?!many\b|much\b|few\b|little\b|late\b|early\b|soon\b|far\b|long\b)[a-z]{3,}", re.I
)
_NUMBER_AHEAD = language.NUMBER_AHEAD
_MONTH_AHEAD = re.compile(r"\s+\d")
_MONTH_BEHIND = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|from|early|late|mid|last|next)\s+|-)$", re.I
)
_TIME_WORDS = frozenset(_WORDS["day_and_month_names"])
_TRAILING = " \t\n\"”’')]»"
_FIRST_WORDS_TO_TEST = frozenset(_WORDS["first_words_to_test"])
_FIRST_WORD = re.compile(r"\W*([A-Za-z]+(?:['’]t)?)")


# ---------------------------------------------------------------- scanning


class Scan:
    """What the patterns found in one text, each list in text order with its start offsets."""

    __slots__ = (
        "low", "lex", "lex_starts", "numbers", "number_starts", "past", "past_starts",
        "scare", "scare_starts", "interview",
    )  # fmt: skip

    def __init__(self, text: str) -> None:
        lexicon, _ = tables()
        self.low = low = fold(text)
        get = lexicon.table.get
        lex = [
            (m.start(1) - 1, m.end(1) - 1, key, groups)
            for m in lexicon.pattern.finditer(" " + low)
            if (groups := get(key := m.group(1)) or lexicon.values(key))
        ]
        self.lex = lex
        self.lex_starts = [x[0] for x in lex]
        numbers: list[tuple[int, int]] = []
        last = 0
        for m in _NUMBER_START.finditer(text):
            s = m.start()
            if s >= last and starts_number(text, s):
                d = _DIGITS.match(text, s)
                if d:
                    numbers.append(d.span())
                    last = d.end()
        self.numbers = numbers
        self.number_starts = [x[0] for x in self.numbers]
        past = []
        for m in _ED.finditer(low):
            e = m.end()
            lo = max(0, e - 30)
            s = max(low.rfind(" ", lo, e), low.rfind("\n", lo, e)) + 1
            word = low[s:e].lstrip(_WORD_OPENERS)
            s = e - len(word)
            if (
                len(word) >= 4
                and word.isalpha()
                and text[s].islower()
                and word not in _NOT_PAST
                and (s == 0 or low[s - 1] not in "-'")
            ):
                past.append((s, e))
        self.past = past
        self.past_starts = [x[0] for x in past]
        self.scare = list(language.scare_quotes(text))
        self.scare_starts = [x[0] for x in self.scare]
        self.interview = "((" in text and bool(_INTERVIEW_TAG.search(text))


# ---------------------------------------------------------------- judging one span


def _weight(text: str, low: str, s: int, e: int, key: str, g: Group, lo: int, hi: int) -> float:
    """The weight a cue has here: 0 when the word is used in another sense, -1 to drop it."""
    if g.role == _LANG:
        if g.lang == "vague~":
            return g.weight if _NUMBER_AHEAD.match(text, e, hi) else -1.0
        if key == "may" and not _is_may_verb(text, s, e, hi):
            return -1.0
        return g.weight
    name = g.name
    if name == "conditional" and (
        _REFUSAL_AFTER.match(text, e, min(hi, e + 30))
        or _NEGATION_BEFORE.search(low, max(lo, s - 40), s)
    ):
        return 0.0  # "would not confirm", "neither ... would endorse": the past, not the future
    if name == "cause" and MODAL_BEFORE.search(low, max(lo, s - 20), s):
        return g.weight / 2  # "this will lead to flooding": a forecast of what follows
    if key == "would" and PURPOSE_BEFORE.search(low, max(lo, s - 24), s):
        return 0.0  # "so it would fit": a purpose
    if key == "will" and _NOUN_BEFORE_WILL.search(low, max(lo, s - 12), s):
        return 0.0  # "the will of the people"
    if key == "may" and not _is_may_verb(text, s, e, hi):
        return 0.0
    if key in ("could", "couldn't") and _PAST_ABILITY_AFTER.match(text, e, min(hi, e + 30)):
        return 0.0  # "could not lift": what was not possible, not a prediction
    if g.role == _WHEN and key in _TIME_WORDS and not text[s].isupper():
        return 0.0  # "march", "august" as ordinary words
    if key == "us" and text[s:e] == "US":
        return 0.0
    if (
        key == "personally"
        and not _PERSONALLY_AFTER.match(text, e, hi)
        and not _I_BEFORE.search(text, max(lo, s - 4), s)
    ):
        return 0.0  # "personally liable", "got personally involved": no view is given
    if key == "should" and _IF_BEFORE.search(low, max(lo, s - 30), s):
        return 0.0  # "if it should continue": a condition, not what ought to happen
    if name == "likeness" and _QUOTATIVE_AFTER.match(text, e, hi):
        return 0.0  # "they are like, 'I'm not sure'": spoken "like" that opens a quote
    if name == "excess" and not _TOO_AFTER.match(text, e, hi):
        return 0.0
    if name == "policy" and TOPIC_BEFORE.search(low, max(lo, s - 40), s):
        return g.weight / 2  # "protests against the restrictions": what it is about, not the claim
    if g.points_to in _SIDE_REMARK_TYPES and _SUBORDINATE_BEFORE.search(low, max(lo, s - 48), s):
        return g.weight / 2  # "the coalition which would provide": a side remark, not the claim
    return g.weight


def _could_be_verb(chunk: str, m: re.Match[str]) -> bool:
    """A word in -s that may be a verb ("ends", "decriminalizes"), not a noun ("flags")."""
    if m.group(1).lower() in _NOT_S_VERB:
        return False
    before = chunk[: m.start()].split()
    if not before:
        return False  # a sentence does not start with its verb
    prev = before[-1].lower()
    return not (prev.endswith("ing") or prev in _NOT_BEFORE_VERB or prev[-1:].isdigit())


_NOT_BEFORE_VERB = frozenset(_WORDS["not_before_verb"])


def _is_may_verb(text: str, s: int, e: int, hi: int) -> bool:
    if text[s] != "M":
        return True
    return not (_MONTH_AHEAD.match(text, e, hi) or _MONTH_BEHIND.search(text, max(0, s - 8), s))


def judge(
    text: str, lo: int, hi: int, scan: Scan, reported: bool = False
) -> tuple[str, str, float, list[Reason], tuple[int, int] | None]:
    """(claim type, check-worthiness, confidence, reasons, first reporting verb) for text[lo:hi].

    `reported` is True when a source is known to say it (an attribution covers it): "he would
    host" is then a plan the source announces, not the reporter's forecast.

    `scan` is the `Scan` of the whole `text`; the reporting verb ("said") is a (start, end) span.
    """
    low = scan.low
    chunk = text[lo:hi]
    scores = dict.fromkeys(CLAIM_TYPES, 0.0)
    # (type, weight, order, how to word the reason, template or text, word, start, end): the
    # reasons are worded only for the type that wins.
    why: list[tuple[str, float, int, int, str, str, int | None, int | None]] = []
    reporting: list[tuple[int, int]] = []
    stakes: list[tuple[int, int, str]] = []
    records: list[tuple[int, int, str]] = []
    verbs: list[tuple[int, int]] = []
    modal_spans: list[tuple[int, int]] = []
    quantities: list[tuple[str, float, int, int]] = []
    seen_once: set[str] = set()
    verb_like = when_seen = self_voice = False
    policy_cues = 0

    lex = scan.lex
    starts = scan.lex_starts
    i = bisect_left(starts, lo)
    j = bisect_left(starts, hi, i)
    for s, e, key, groups in lex[i:j]:
        if e > hi:
            continue
        for g in groups:
            role = g.role
            if role == _REPORTING:
                reporting.append((s, e))
            elif role == _STAKES:
                stakes.append((s, e, g.reason))
            elif role == _RECORD:
                records.append((s, e, g.reason))
            elif role == _VERB:
                verbs.append((s, e))
            elif role == _NUMWORD:
                kind, weight, end = classify_number_word(text, s, e, hi)
                if kind != "none":
                    quantities.append((kind, weight, s, end))
            else:
                if (
                    text[s].isupper()
                    and g.name in _NAME_SENSITIVE
                    and _NAME_BEFORE.search(text, max(lo, s - 3), s)
                    and key[:2] not in _I_WORDS
                ):
                    continue  # "the Great Recession", "SMART": a name, not a judgement
                if g.plain and key not in _CONTEXT_WORDS:
                    w = g.weight
                else:
                    w = _weight(text, low, s, e, key, g, lo, hi)
                if w <= 0:
                    continue
                if g.once:
                    if g.name in seen_once:
                        continue
                    seen_once.add(g.name)
                    if g.name == "self":
                        self_voice = True
                if role == _LANG:
                    scores["opinion"] += w
                    why.append(("opinion", w, len(why), _EXPLAIN, g.lang, text[s:e], s, e))
                elif role == _WHEN:
                    if not when_seen:
                        when_seen = True
                        scores["event"] += w
                        why.append(("event", w, len(why), _FORMAT, g.reason, text[s:e], s, e))
                else:
                    reach = e
                    if key == "would" and (reported or reporting):
                        decided = DECISION_AFTER.match(low, e, hi)
                        if decided or _ANNOUNCER_BEFORE.search(low, max(lo, s - 12), s):
                            g = _REPORTED_PLAN  # "said he would host": a plan announced
                            if decided:  # "would be closed": no past event in "closed"
                                g, w, reach = (
                                    _REPORTED_DECISION,
                                    _REPORTED_DECISION.weight,
                                    decided.end(),
                                )
                    if g.points_to == "policy":
                        policy_cues += 1
                        if policy_cues > 1:
                            w /= 2  # many policy words do not make it more of a policy claim
                    scores[g.points_to] += w
                    why.append((g.points_to, w, len(why), _FORMAT, g.reason, text[s:e], s, e))
                    if g.name in _MODAL_GROUPS:
                        modal_spans.append((s, reach))
                    elif g.name in _VERB_GROUPS:
                        verb_like = True

    # Numbers: a quantity is a number claim; dates and times only say when.
    starts = scan.number_starts
    i = bisect_left(starts, lo)
    j = bisect_left(starts, hi, i)
    for s, e in scan.numbers[i:j]:
        if e <= hi:
            kind, weight, end = classify_number(text, s, e, lo, hi)
            if kind != "none":
                quantities.append((kind, weight, s, end))
    quantity = 0.0
    first_quantity: tuple[int, int] | None = None
    for kind, weight, s, end in quantities:
        if kind == "when":
            if not when_seen:
                when_seen = True
                scores["event"] += 0.5
                why.append(
                    (
                        "event",
                        0.5,
                        len(why),
                        _TEXT,
                        f"'{text[s:end]}' says when it happened: you could check it",
                        "",
                        s,
                        end,
                    )
                )
            continue
        if quantity < 4.0:
            phrase = _QUANTITY_PHRASE.get(kind, "a number")
            scores["number"] += weight
            why.append(
                (
                    "number",
                    weight,
                    len(why),
                    _TEXT,
                    f"'{text[s:end]}' is {phrase} you could check",
                    "",
                    s,
                    end,
                )
            )
        if weight > quantity:
            quantity = weight
        if first_quantity is None and kind == "quantity":
            first_quantity = (s, end)

    starts = scan.scare_starts
    i = bisect_left(starts, lo)
    j = bisect_left(starts, hi, i)
    for s, e, inner in scan.scare[i:j]:
        if e <= hi:
            scores["opinion"] += 0.5
            why.append(("opinion", 0.5, len(why), _EXPLAIN, "scare_quote", inner, s, e))

    starts = scan.past_starts
    i = bisect_left(starts, lo)
    j = bisect_left(starts, hi, i)
    past = [p for p in scan.past[i:j] if p[1] <= hi]
    if past and modal_spans:  # "is expected to": not a past event
        past = [p for p in past if not any(a <= p[0] < b for a, b in modal_spans)]
    n_words = chunk.count(" ") + 1

    # Interviews mark the speaker: "((WN)) Does the team ...?"
    body, shift, interviewer = chunk, lo, False
    if chunk.startswith("(("):
        tag = SPEAKER_TAG.match(chunk)
        if tag:
            body, shift = chunk[tag.end() :], lo + tag.end()
            interviewer = bool(INTERVIEWER.match(tag.group(1).strip()))
            n_words = body.count(" ") + 1

    finite = bool(verbs or past or modal_spans or verb_like)
    s_verb: tuple[int, int] | None = None
    headline_future = False
    if not finite:
        m = next((x for x in _S_VERB.finditer(chunk) if _could_be_verb(chunk, x)), None)
        m = m or _PRONOUN_VERB.search(chunk)
        if m:
            s_verb = (lo + m.start(1), lo + m.end(1))
        to = _HEADLINE_TO.search(chunk)
        if (
            to
            and to.group(1) not in _NOT_AFTER_TO
            and not _NOT_BEFORE_TO.search(chunk, 0, to.start())
            and (s_verb is None or s_verb[0] > lo + to.start())
        ):
            headline_future, s_verb = True, None
            said = reported or bool(reporting)  # "Ukraine to host talks, says Zelensky"
            kind = "policy" if said else "prediction"
            scores[kind] += 2.0
            why.append(
                (
                    kind,
                    2.0,
                    len(why),
                    _TEXT,
                    f"'{to.group()}' with no other verb announces a plan: you can check that it "
                    "was announced, and later whether it was done"
                    if said
                    else f"'{to.group()}' with no other verb means it is going to happen",
                    "",
                    lo + to.start(),
                    lo + to.end(),
                )
            )
    claim_like = finite or bool(reporting) or headline_future or s_verb is not None

    extra: list[tuple[str, float, str, int | None, int | None]] = []
    if "!" in chunk:
        x = lo + chunk.index("!")
        extra.append(("opinion", 1.5, "'!' shows strong feeling", x, x + 1))

    # Not a claim: date lines, captions, greetings, questions, fragments.
    end_text = body.rstrip(_TRAILING)
    first = _FIRST_WORD.match(body)
    first_word = first.group(1).lower() if first else ""
    if first_word[:3] in _DAY_STARTS and _DATELINE.match(chunk):
        extra.append(
            ("not_a_claim", 5.0, "a date line: it tells when the article was written", None, None)
        )
    elif ":" in chunk and _CAPTION.search(chunk):
        extra.append(("not_a_claim", 4.0, "a picture caption, not a claim", None, None))
    elif (
        first_word in _FIRST_WORDS_TO_TEST
        and not end_text.endswith("?")
        and (_THANKS.match(body) or n_words <= 8 and _GREETING.match(body))
    ):
        g = _GREETING.match(body)
        assert g is not None
        word = g.group().strip(' \t"“(')
        x = shift + g.end()
        extra.append(("not_a_claim", 3.0, f"'{word}' is a courtesy, not a claim", x - len(word), x))
    elif end_text.endswith("?"):
        x = shift + len(end_text) - 1
        if not interviewer and (
            _RHETORICAL.match(body)
            or _WHY_AFTER_CLAIM.search(body)
            or scores["opinion"] + sum(w[1] for w in extra) >= 1.5
        ):
            extra.append(
                (
                    "opinion",
                    2.5,
                    "a question that expects no answer pushes a view (a rhetorical question)",
                    x,
                    x + 1,
                )
            )
        else:
            extra.append(
                (
                    "not_a_claim",
                    3.0,
                    "'?' — it asks a question instead of claiming something",
                    x,
                    x + 1,
                )
            )
    elif end_text.endswith(("...", "…")) and not body.rstrip(" \t\n").endswith(_ELISION):
        extra.append(
            ("not_a_claim", 2.5, "the sentence breaks off before it claims anything", None, None)
        )
    elif first_word == "what" and _EXCLAMATION.match(body):
        m = _EXCLAMATION.match(body)
        assert m is not None
        x = shift + m.end()
        extra.append(
            (
                "opinion",
                2.0,
                f"'{m.group().strip()}' exclaims: it shows a feeling, not a fact",
                x - len(m.group().strip()),
                x,
            )
        )
    elif (
        first_word in _WH_FIRST
        and WH_QUESTION.match(body)
        and not CLAUSE_AFTER_QUESTION.search(body)
    ):
        extra.append(
            ("not_a_claim", 3.0, "it asks a question instead of claiming something", None, None)
        )
    elif n_words <= 10 and TIMEKEEPING.search(body):
        extra.append(
            ("not_a_claim", 3.0, "it keeps time in a debate: it claims nothing", None, None)
        )
    elif first_word == "let" and _LET_ME.match(body):
        extra.append(("not_a_claim", 2.5, "'let me' asks to speak: it claims nothing", None, None))
    elif first_word in _FIRST_WORDS_TO_TEST and _IMPERATIVE.match(body):
        m = _IMPERATIVE.match(body)
        assert m is not None
        word = m.group().strip(' \t"“(,')
        x = shift + m.end()
        extra.append(
            (
                "opinion",
                2.0,
                f"'{word}' tells someone what to do: that urges, it does not report",
                x - len(word),
                x,
            )
        )
    elif not claim_like:
        # "A very sad loss": no verb, but a judgement all the same.
        extra.append(
            (
                "not_a_claim",
                1.5 if scores["opinion"] >= 1.5 else 3.0,
                "there is no verb: it names something but claims nothing about it",
                None,
                None,
            )
        )
    elif n_words <= 3 and not past and not quantity:
        extra.append(("not_a_claim", 2.0, "too short to claim anything on its own", None, None))

    if n_words <= 8 and first_word in VERDICT_FIRST and (m := VERDICT.match(body)):
        s, e = shift + m.start(1), shift + m.end(1)
        reason = f"'{text[s:e]}' is the writer's verdict in plain words: a judgement, not a fact"
        extra.append(("opinion", 2.0, reason, s, e))
    if first_word == "under":
        m = UNDER_RULE.match(body)
        if m:
            x = shift + m.end()
            words = m.group().strip(' \t"“(')
            extra.append(
                (
                    "policy",
                    2.0,
                    f"'{words}' says what a law, a rule or an agreement allows or requires: check "
                    "its text",
                    x - len(words),
                    x,
                )
            )

    # Event: a sentence with a verb tells what happened or what is the case.
    if claim_like and n_words > 2:
        if past:
            s, e = past[0]
            extra.append(("event", 1.25, f"'{text[s:e]}' tells what happened", s, e))
        elif verbs:
            s, e = verbs[0]
            extra.append(
                ("event", 1.0, f"'{text[s:e]}' says what happened or what is the case", s, e)
            )
        elif s_verb:
            s, e = s_verb
            extra.append(("event", 1.0, f"'{text[s:e]}' says what is happening", s, e))
        else:
            extra.append(("event", 1.0, "it states something as a fact", None, None))
        if stakes and (past or verbs):
            scores["event"] += 0.5  # something that matters happened; its word is named below
    for kind, w, reason, s, e in extra:
        scores[kind] += w
        why.append((kind, w, len(why), _TEXT, reason, "", s, e))

    # A lone weak cue does not make an opinion, nor a stray number word a number claim.
    if scores["opinion"] < 1.5 and scores["opinion"] > 0.9:
        scores["opinion"] = 0.9
    if quantity < 1.5 and scores["number"] - quantity < 1.0 and scores["number"] > 0.9:
        scores["number"] = 0.9
    kit_type, top, second = "", -1.0, -1.0
    for t in _PRIORITY:
        v = scores[t]
        if v > top:
            kit_type, top, second = t, v, top
        elif v > second:
            second = v
    if top <= 0:
        kit_type = "event" if claim_like else "not_a_claim"
    if kit_type == "prediction" and not (
        reported or reporting or when_seen or quantities or scores["cause"] or scan.interview
    ):
        own = _own_forecast(text, lo, hi, why)
        if own:  # "deep issues will remain": the writer's forecast, a view (CheckThat's guide)
            kit_type, top = "opinion", top + 0.5
            why.append(("opinion", top, -1, _TEXT, *own))
    confidence = 0.5 + (top - second) / (2 * (top + 0.5)) if top > 0 else 0.5
    confidence = int(min(0.95, max(0.3, confidence)) * 100 + 0.5) / 100

    chosen = sorted((w for w in why if w[0] == kit_type), key=_BY_WEIGHT)[:4]
    reasons: list[Reason] = []
    seen_text: set[str] = set()
    for _, _, _, how, what, word, s, e in chosen:
        if how == _TEXT:
            phrase = what
        elif how == _FORMAT:
            phrase = what.format(word=word)
        else:
            phrase = language.explain(what, word)
        if phrase.lower() not in seen_text:
            seen_text.add(phrase.lower())
            reasons.append(Reason(phrase, s, e, "type"))
    if not reasons:
        reasons.append(Reason("it states something as a fact", None, None, "type"))
    cw = checkworthy(
        text, lo, hi, kit_type, quantity, first_quantity, stakes, records, n_words,
        self_voice, scores, bool(past), reasons, reported or bool(reporting),
    )  # fmt: skip
    return kit_type, cw, confidence, reasons, reporting[0] if reporting else None


_TEXT, _FORMAT, _EXPLAIN = range(3)
_QUANTITY_PHRASE = {
    "duration": "a length of time",
    "age": "an age",
    "distance": "a distance",
    "rank": "a place in a ranking",
}
# Groups and words whose sense depends on the words around them (see _weight).
_CONTEXT_GROUPS = frozenset(("conditional", "excess", "when", "likeness", "cause"))
_CONTEXT_WORDS = frozenset(("will", "may", "could", "couldn't", "us", "should", "personally"))
# Opinion words that, capitalised inside a sentence, are part of a name ("Blind Faith").
_NAME_SENSITIVE = frozenset(
    (
        "judgement",
        "evaluative",
        "opinion_writing",
        "feeling",
        "figure",
        "lang:loaded",
        "lang:intensifier",
    )
)
# A capital after a small letter, a digit or a comma is inside a sentence, not at its start.
_NAME_BEFORE = re.compile(r"[a-z0-9,;]\s+$")
_I_WORDS = frozenset(("i", "i ", "i'"))
_ELISION = ("[...]", "[…]", "(...)", '[...]"', "[...]”")
_SIDE_REMARK_TYPES = frozenset(("prediction", "policy"))
_WH_FIRST = frozenset(
    ("how", "what", "why", "where", "who", "which", "when", "or", "and", "but", "so")
)
_DAY_STARTS = frozenset(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))


# The plain future ("will", "won't", "shall") and hedges beside it; not "would" (a condition, a
# habit, a reported plan), not a date or plan word ("next year", "is expected to", "forecast":
# those announce or report a forecast someone can check), not "I will" or "we will" (a promise).
_PLAIN_FUTURE = frozenset(("will", "won't", "shall", "it'll", "they'll", "that'll"))
_HEDGES = frozenset(("may", "might", "could", "likely", "perhaps", "probably"))
_SEASON = re.compile(r"\b(?:spring|summer|autumn|fall|winter|soon|later|again)\b", re.I)
_PROMISER = re.compile(r"\b(?:i|we|i'm|we're)\s+(?:\w+\s+)?$", re.I)


def _own_forecast(text: str, lo: int, hi: int, why: list) -> tuple[str, str, int, int] | None:
    """(reason, "", start, end of the "will") when the writer forecasts in their own voice, else
    None: a plain "will" with no date, figure, season or plan word, said by no one named and not
    promised by "I" or "we"."""
    cues = [w for w in why if w[0] == "prediction" and w[6] is not None]
    chunk = text[lo:hi]
    if not cues or any(q in chunk for q in '"“”') or _SEASON.search(chunk):
        return None
    future: tuple[int, int] | None = None
    for w in cues:
        word = text[w[6] : w[7]].lower().replace("’", "'")
        if word in _PLAIN_FUTURE and not _PROMISER.search(text, max(lo, w[6] - 20), w[6]):
            future = future or (w[6], w[7])
        elif word not in _HEDGES:
            return None
    if not future:
        return None
    s, e = future
    return (
        f"'{text[s:e]}' here is the writer's own forecast, with no date, no figure and no one "
        "named who says it: a judgement about the future is a view, not yet a fact",
        "",
        s,
        e,
    )


def _BY_WEIGHT(why: tuple) -> tuple[float, int]:
    return (-why[1], why[2])
