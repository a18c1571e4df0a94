"""Check-worthiness of one sentence, once its claim type is known (see `kit.reading.claim_rules`):
would a fact-checker or a careful reader want to verify it? Each decision adds a reason a student
reads.

Predictions and non-claims are `no` (predictions `minor` when they hold a number), opinions `no`
unless they hold a number you could check ("Pakistan has 100 nuclear warheads"), a record, facts
presented as such ("The fact is, ...") or enough checkable details (who did what, about what).
Other claims earn points for a quantity, a comparison ("higher than"), a topic that matters to the
public, a policy or cause (as the claim or beside it), a named person or place and an action in
the past (more when the speaker, not a reported source, tells what was done, with a detail to
check), and lose points for personal stories and very short sentences: `yes` from 2.5 points,
`minor` from 0.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kit.articles.segment import Span
from kit.reading.claim_patterns import FACT_FRAME
from kit.reading.lexicon import package_words

_WORDS = package_words("claim_rule_words.yaml")


class Reason(NamedTuple):
    """Why the kit suggests something: a short phrase, and the words it points at (if any).

    `start`/`end` are offsets into the text (None when the reason points at no words);
    `about` is `type`, `checkworthy` or `claimant`.
    """

    text: str
    start: int | None = None
    end: int | None = None
    about: str = "type"

    @property
    def span(self) -> Span | None:
        """The words the reason points at, as a Span."""
        return None if self.start is None or self.end is None else Span(self.start, self.end)


_NAME = re.compile(
    r"[A-Z](?<![\w'’-][A-Z])(?:[a-z]+(?:[-'’][A-Za-z]+)*|[A-Z]+s?)"
    r"(?:\s[A-Z](?:[a-z]+(?:[-'’][A-Za-z]+)*|[A-Z]+s?))*(?![\w])"
)
_NAME_SKIP = frozenset(_WORDS["not_names"])
_WHEN_NAMES = frozenset(_WORDS["when_names"])
# "higher than", "more jobs than", "twice as": a comparison you could check.
_THAN = re.compile(r"\b(?:than|as\s+(?:many|much|high|low|large|big)\s+as)\b", re.I)
_WORDS_BEFORE = re.compile(r"(?:\b[A-Za-z]+\W+){1,4}$")
_COMPARATIVE = re.compile(r"\b(?:more|less|fewer|twice|[a-z]{3,}er)\b", re.I)
_NOT_COMPARISONS = frozenset(_WORDS["not_comparatives"])
_OPENERS = frozenset("\"“‘'([")
_SENTENCE_GAPS = frozenset((". ", "? ", "! ", ": ", "\n\n", '" ', "” "))


def checkworthy(
    text: str,
    lo: int,
    hi: int,
    kit_type: str,
    quantity: float,
    first_quantity: tuple[int, int] | None,
    stakes: list[tuple[int, int, str]],
    records: list[tuple[int, int, str]],
    n_words: int,
    self_voice: bool,
    scores: dict[str, float],
    past_action: bool,
    reasons: list[Reason],
    reported: bool = False,
) -> str:
    """Check-worthiness; appends its reasons (the ones not already given for the type).

    The reasons say what could be checked and how, in the terms of the claim types: a factual
    claim (event, number, policy, cause) can be checked and may be false; a forecast can only be
    judged later; an opinion is argued with, not checked.
    """
    if kit_type == "not_a_claim":
        reasons.append(_NOTHING_TO_CHECK)
        return "no"
    if kit_type == "opinion":
        if quantity >= 2 and first_quantity:
            s, e = first_quantity
            reasons.append(Reason("an opinion, but its number can be checked", s, e, _CW))
            return "yes"
        if records and past_action:
            s, e, _ = records[0]
            reasons.append(
                Reason(
                    f"a view, but the record it rests on ('{text[s:e]}') can be checked: look it "
                    "up in the official record or in reports from the time",
                    s,
                    e,
                    _CW,
                )
            )
            return "yes"
        facts = _facts_under_view(text, lo, hi, stakes, records, quantity, past_action, reported)
        if facts is not None:
            reasons.append(facts)
            return "yes"
        reasons.append(_OPINION_NOT_CHECKABLE)
        return "no"
    if kit_type == "prediction":
        if quantity >= 2 or (stakes and scores["policy"] > 0):
            reasons.append(_FUTURE_IN_PART)
            return "minor"
        reasons.append(_FUTURE)
        return "no"
    points = 0.0
    said: list[Reason] = []
    if quantity >= 2:
        points += 2.0
    elif quantity > 0 or scores["number"] > 0:
        points += 1.0
    if stakes:
        s, e, why = stakes[0]
        points += 1.5 if len(stakes) == 1 else 2.0
        said.append(Reason(why.format(word=text[s:e]), s, e, _CW))
    if records:
        s, e, why = records[0]
        points += 1.0
        said.append(Reason(why.format(word=text[s:e]), s, e, _CW))
    if kit_type == "policy":
        points += 2.0
    elif kit_type == "cause":
        points += 1.5
    elif kit_type == "number":
        points += 1.5
    names = _names(text, lo, hi)
    if past_action:  # something was done: more so when we are told who did it, and in detail
        points += 0.5
        if any(text[a:b] not in _WHEN_NAMES for a, b in names):
            points += 0.5
        if n_words >= 15:
            points += 0.5
    if kit_type != "cause" and scores["cause"] > 0:
        points += 0.5  # a cause or a policy beside the main claim: more to check
    if kit_type != "policy" and scores["policy"] > 0:
        points += 0.5
    compared = _comparison(text, lo, hi)
    if compared:
        s, e = compared
        points += 1.5
        said.append(
            Reason(
                f"'{text[s:e]}' compares two things: check both sides of the comparison",
                s,
                e,
                _CW,
            )
        )
    if names:
        points += 0.5 if len(names) < 3 else 1.0
        who = [n for n in names if text[n[0] : n[1]] not in _WHEN_NAMES]
        s, e = max(who or names, key=_LENGTH)
        said.append(
            Reason(
                f"it says who or where ('{text[s:e]}'), so a second report or a record can "
                "confirm it or show it is wrong"
                if who
                else f"it says when ('{text[s:e]}'), so reports and records of that day can "
                "confirm it",
                s,
                e,
                _CW,
            )
        )
    if self_voice and not names:
        points -= 0.5 if stakes else 1.5
        said.append(_PERSONAL)
    if n_words < 4:
        points -= 1.0
    if (past_action or records) and not reported and not self_voice:
        # a record of what was done, in the speaker's own voice, with another detail to check
        who = [n for n in names if text[n[0] : n[1]] not in _WHEN_NAMES]
        if min(len(who), 2) + past_action + bool(stakes) + bool(records) + (quantity > 0) >= 2:
            points += 0.5
    cw = "yes" if points >= 2.5 else "minor" if points >= 0 else "no"
    if cw == "no":
        reasons.append(_PERSONAL if self_voice and not names else _TOO_VAGUE)
        return cw
    reasons.extend(said)  # what in it could be checked, then how a claim of its type is
    reasons.append(_HOW_TO_CHECK[kit_type] if cw == "yes" else _SMALL_FACT)
    return cw


def _facts_under_view(
    text: str,
    lo: int,
    hi: int,
    stakes: list[tuple[int, int, str]],
    records: list[tuple[int, int, str]],
    quantity: float,
    past_action: bool,
    reported: bool,
) -> Reason | None:
    """The reason an opinion in the speaker's own voice is still worth checking, if it is: it
    says "the fact is" before checkable details ("The fact is, the take-home pay is lower than it
    has been since 1929"), or it rests on four or more of them: who (two names count two), an
    action in the past, a topic of public interest, a record, a number ("He attacked the Governor
    of Texas over the war in Iraq, and he was right to").

    A view that a source is reported to hold ("Pelosi accused Trump of ...") is left to the source
    detector: the claim to check there is what was said, and that is said in the report.
    """
    if reported:
        return None
    details = past_action + bool(stakes) + bool(records) + (quantity > 0)
    chunk = text[lo:hi]
    framed = "act" in chunk or "ruth" in chunk or "eality" in chunk  # before the regex: speed
    if details < 2 and not framed:
        return None
    names = [n for n in _names(text, lo, hi) if text[n[0] : n[1]] not in _WHEN_NAMES]
    details += min(len(names), 2)
    frame = FACT_FRAME.search(text, lo, hi) if framed and details >= 2 else None
    if frame:
        s, e = frame.span()
        return Reason(
            f"'{text[s:e]}' presents what follows as a fact, not a view: so check it as one, in "
            "reports, records or official figures",
            s,
            e,
            _CW,
        )
    if details < 4:
        return None
    s, e = max(names, key=_LENGTH) if names else (stakes or records)[0][:2]
    return Reason(
        f"a view, but it rests on facts that can be checked (who or what: '{text[s:e]}', what "
        "was done, about what): check those in reports and records from the time",
        s,
        e,
        _CW,
    )


def _comparison(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The first comparison in text[lo:hi] ("more jobs than", "as many as"), if any: "than"
    after a comparative word at most four words before it."""
    if text.find("than", lo, hi) < 0 and text.find(" as ", lo, hi) < 0:
        return None
    for m in _THAN.finditer(text, lo, hi):
        if m.group()[0] in "aA":
            return m.span()
        before = _WORDS_BEFORE.search(text, max(lo, m.start() - 48), m.start())
        if before is None:
            continue
        for c in _COMPARATIVE.finditer(text, before.start(), m.start()):
            if c.group().lower() not in _NOT_COMPARISONS:
                return c.start(), m.end()
    return None


def _names(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Capitalised names in text[lo:hi] ("Volodymyr Zelensky", "Oslo"), without the capitals that
    only start the sentence or a quotation ("The", "Military officers")."""
    names = []
    for m in _NAME.finditer(text, lo, hi):
        s, e = m.span()
        first, _, rest = m.group().partition(" ")
        if first in _NAME_SKIP:
            if not rest:
                continue
            s = e - len(rest)
        if " " not in text[s:e] and (
            s <= lo + 1 or text[s - 1] in _OPENERS or text[max(0, s - 2) : s] in _SENTENCE_GAPS
        ):
            continue  # one capitalised word that only starts the sentence or a quotation
        names.append((s, e))
    return names


def _LENGTH(span: tuple[int, int]) -> int:
    return span[1] - span[0]


_CW = "checkworthy"
_NOTHING_TO_CHECK = Reason(
    "not a claim: it states nothing that could be true or false", None, None, _CW
)
_OPINION_NOT_CHECKABLE = Reason(
    "an opinion: no record can prove it true or false, but you can ask what it rests on",
    None,
    None,
    _CW,
)
_FUTURE_IN_PART = Reason(
    "a forecast: it can only be judged later, but the figures or plans it rests on can be "
    "checked now",
    None,
    None,
    _CW,
)
_FUTURE = Reason(
    "a forecast: it cannot be checked yet; ask who predicts it and on what grounds, and judge "
    "it later",
    None,
    None,
    _CW,
)
_PERSONAL = Reason(
    "a personal story: only the speaker knows it, so nobody else can check it", None, None, _CW
)
_SMALL_FACT = Reason("it could be checked, but it is a small or background detail", None, None, _CW)
_TOO_VAGUE = Reason(
    "it names no one and no number that you could look up: too vague to check", None, None, _CW
)
# What could be checked, and how, for each factual claim type worth checking.
_HOW_TO_CHECK = {
    "event": Reason(
        "it reports something that happened or is the case: other reports, records or pictures "
        "can confirm it, or show it is false",
        None,
        None,
        _CW,
    ),
    "number": Reason(
        "a number: check it against official figures or the study it comes from; it may be "
        "wrong, rounded or picked with care",
        None,
        None,
        _CW,
    ),
    "policy": Reason(
        "a law, rule, decision or announced plan: check the official text or announcement, and "
        "later whether it was carried out",
        None,
        None,
        _CW,
    ),
    "cause": Reason(
        "it says one thing led to another: ask what evidence links them, since causes are "
        "harder to prove than they sound",
        None,
        None,
        _CW,
    ),
}
