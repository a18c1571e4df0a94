"""Numbers in a claim: where a number starts, and what kind it is (an amount, a date or time, an
age, a length of time, a distance, a place in a ranking, or a label such as "Flight 93"), with its
weight for the claim's type and the words to quote with it. Used by `kit.reading.claim_rules`.
"""

from __future__ import annotations

import re

from kit.reading.claim_patterns import PLACE_AFTER, RANK_BEFORE
from kit.reading.lexicon import package_words

_WORDS = package_words("claim_rule_words.yaml")
_MULTIPLES = frozenset(_WORDS["multiples"])

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?\s+$")
_DATE_AFTER = re.compile(rf"\s+(?:{MONTHS})\b")
# Either end of a range of days: "March 15 to 17", "15-17 March", "15 and 16 June".
_DAYS_BEFORE = re.compile(
    rf"\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:to|until|and|through|[–-])\s*$"
)
_DAYS_AFTER = re.compile(rf"\s*(?:to|until|and|through|[–-])\s*\d{{1,2}}\s+(?:{MONTHS})\b")
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|of|since|until|by|from|to|the|a|and|during|before|after|its|his|her|their)\s+"
    r"|[,–(-]\s*)$",
    re.I,
)
_CLOCK_AFTER = re.compile(
    r"\s?(?:[ap]\.?m\b\.?|o[’']clock\b|UTC|GMT|ET|EST|EDT|BST|CET|IST|hrs\b)", re.I
)
_UNIT_AFTER = re.compile(
    r"-(?:year|month|week|day|hour|minute|met(?:er|re)|kilomet(?:er|re)|km|mile|foot|feet|inch|"
    r"storey|story|acre|ton|tonne)s?(?:-old|-long|-high|-tall|-wide|-deep)?\b",
    re.I,
)
_DURATION_AFTER = re.compile(
    r"\s+(?:more\s+|full\s+|long\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|"
    r"decades?|centuries|nights?)\b",
    re.I,
)
_MONEY_AFTER = re.compile(
    r"\s?(?:million\s+|billion\s+|trillion\s+)?(?:dollars|pounds|euros|yen|rupees|cents|pence|"
    r"francs|yuan|roubles|rubles)\b|\s?(?:million|billion|trillion|bn|m|k)\b",
    re.I,
)
_AGE_BEFORE = re.compile(r"\b(?:aged|age)\s+$", re.I)
_AGE_AFTER = re.compile(r"\s+years?\s+old\b", re.I)
_PERCENT_AFTER = re.compile(r"\s?(?:%|per\s?cent\b|percent\b)", re.I)
_SCORE_AFTER = re.compile(
    r"\s*(?:to|[–-])\s*(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I
)
_ID_BEFORE = re.compile(
    r"\b(?:version|v|no|number|route|flight|article|section|chapter|page|room|level|tier|grade|"
    r"category|phase|stage|part|episode|season)\.?\s+$",
    re.I,
)
_NEXT_WORD = re.compile(r"\s+(?:of\s+)?([A-Za-z][A-Za-z-]*)")
_STOP_NEXT = frozenset(_WORDS["not_a_counted_noun"])
_VAGUE_COUNTS = frozenset(_WORDS["vague_counts"])


def starts_number(text: str, s: int) -> bool:
    """False for digits inside words and codes: "COVID-19", "G7", "N2"."""
    if s == 0:
        return True
    before = text[s - 1]
    if before.isalnum() or before == "." and s > 1 and text[s - 2].isalnum():
        return False
    return not (before in "-‐" and s > 1 and text[s - 2].isalpha())


def classify_number(text: str, s: int, e: int, lo: int, hi: int) -> tuple[str, float, int]:
    """(kind, weight, end of the words to quote) for digits at text[s:e]."""
    if text[s] in "$£€¥":
        m = _MONEY_AFTER.match(text, e, hi)
        return "quantity", 2.5, m.end() if m else _with_next_word(text, e, hi)
    m = _PERCENT_AFTER.match(text, e, hi)
    if m:
        return "quantity", 2.5, m.end()
    m = _MONEY_AFTER.match(text, e, hi)
    if m and m.group().strip().lower() not in ("m", "k"):
        return "quantity", 2.5, m.end()
    if ":" in text[s:e] or _CLOCK_AFTER.match(text, e, hi):
        return "when", 0.0, e
    if e < hi and text[e : e + 2] in ("st", "nd", "rd", "th"):
        if RANK_BEFORE.search(text, max(lo, s - 16), s):
            return "rank", 2.0, e + 2  # "ranked 27th": a place in a ranking you could check
        return "when", 0.0, e
    if _ID_BEFORE.search(text, max(lo, s - 10), s):
        return "none", 0.0, e
    m = PLACE_AFTER.match(text, e, hi)
    if m:
        return "distance", 1.0, m.end()
    if _AGE_BEFORE.search(text, max(lo, s - 6), s) or _AGE_AFTER.match(text, e, hi):
        return "age", 1.0, e  # an age places a person, it is rarely the claim
    m = _DURATION_AFTER.match(text, e, hi)
    if m:
        return "duration", 1.0, m.end()
    m = _UNIT_AFTER.match(text, e, hi)
    if m:
        return "quantity", 1.0, m.end()
    if (
        _DATE_BEFORE.search(text, max(lo, s - 12), s)
        or _DATE_AFTER.match(text, e, hi)
        or _DAYS_AFTER.match(text, e, hi)
        or any(c.isdigit() for c in text[max(lo, s - 12) : s])  # quick test first
        and _DAYS_BEFORE.search(text, max(lo, s - 24), s)
    ):
        return "when", 0.0, e
    digits = text[s:e]
    if len(digits) == 4 and digits.isdigit() and 1500 <= int(digits) <= 2099:
        nxt = _NEXT_WORD.match(text, e, hi)
        before = _YEAR_BEFORE.search(text, max(lo, s - 12), s)
        if before or s == lo or not nxt or not nxt.group(1)[0].islower():
            return "when", 0.0, e
    return "quantity", 2.0, _with_next_word(text, e, hi)


def classify_number_word(text: str, s: int, e: int, hi: int) -> tuple[str, float, int]:
    word = text[s:e].lower()
    m = _PERCENT_AFTER.match(text, e, hi)
    if m:
        return "quantity", 2.5, m.end()
    m = _SCORE_AFTER.match(text, e, hi)
    if m:
        return "quantity", 2.0, m.end()
    m = _DURATION_AFTER.match(text, e, hi)
    if m:
        return "duration", 1.0, m.end()
    if word in _MULTIPLES and word.endswith("ed"):
        return "quantity", 2.0, e  # "doubled": the amount is the claim
    if word in _VAGUE_COUNTS:
        return "quantity", 1.5, _with_next_word(text, e, hi)
    end = _with_next_word(text, e, hi)
    if end > e or word in _MULTIPLES:
        return "quantity", 2.0, end
    return "none", 0.0, e


def _with_next_word(text: str, end: int, hi: int) -> int:
    m = _NEXT_WORD.match(text, end, hi)
    if m and m.group(1).lower() not in _STOP_NEXT:
        return m.end()
    return end
