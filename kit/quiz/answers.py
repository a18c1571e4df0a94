"""Answer keys for quizzes: how answers are compared, and the salted form a student copy holds.

Every rule here has two sides that must agree exactly: the teacher's bank compares a response
with the plain answer, the released bank compares salted hashes of the same normalised values.
Both sides call the same functions (`normalise_text`, `slips`, `article_tokens`, `quantise`), so a
student copy grades like the teacher's by construction; tests check it over every type.

What a released key protects, and what it cannot: the released file and the widget state hold no
answer in plain text, and hashes are salted per bank (no precomputed table helps). Grading happens
on the student's machine, so someone who writes code can still try every option of a choice
question against its hash. For marks that count, grade the collected work with the teacher's bank.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import hmac
import itertools
import re
import unicodedata
from collections.abc import Callable
from decimal import (
    ROUND_CEILING,
    ROUND_FLOOR,
    ROUND_HALF_EVEN,
    Decimal,
    InvalidOperation,
    localcontext,
)

from kit.work.anchoring import fold_spaces

#: Near matches are considered only for responses and answers up to this many characters.
MAX_NEAR_LENGTH = 100
#: Largest number of grid values one numeric range may hold in a released bank.
MAX_RANGE_VALUES = 20_000
#: Numbers this large are not answers to a quiz about an article (and would not round safely).
MAX_NUMBER = Decimal(10) ** 15
#: Hex digits kept of each hash (96 bits: collisions are out of reach for quiz-sized sets).
HASH_HEX = 24

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"'})
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_NON_WORD = re.compile(r"[^\w']+|(?<!\w)'|'(?!\w)")
_TOKEN = re.compile(r"\w+(?:['’]\w+)*")


# ---------------------------------------------------------------- text answers


def normalise_text(value: str) -> str:
    """A typed answer as it is compared: NFKC, case-folded, punctuation and extra spaces removed."""
    value = unicodedata.normalize("NFKC", value).translate(_QUOTES)
    value = _DASHES.sub("-", value).casefold()
    return " ".join(_NON_WORD.sub(" ", value).split())


_ARTICLES = frozenset({"a", "an", "the"})
_DOUBLED = re.compile(r"([^\W\d_])\1+")


def loose_text(value: str) -> str:
    """A typed answer as every bank compares it, and as a practice copy hashes it: the
    normalised text (`normalise_text`: case, punctuation, spacing) with accents dropped, the
    articles a, an, the left out, each word made singular (-ies to -y; -es after s, x, z, ch,
    sh; a final -s but not -ss; a final 's), doubled letters made single in words of five
    letters or more, and the words joined with no space. Digits are kept as they are."""
    norm = unicodedata.normalize("NFKD", normalise_text(value))
    words = "".join(c for c in norm if not unicodedata.combining(c)).split()
    kept = [w for w in words if w not in _ARTICLES] or words
    return "".join(_loose_word(w) for w in kept)


def _loose_word(word: str) -> str:
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("'", "")
    if len(word) > 3 and word.isalpha():
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith(("sses", "xes", "zes", "ches", "shes")):
            word = word[:-2]
        elif word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
    return _DOUBLED.sub(r"\1", word) if len(word) >= 5 else word


def letters(value: str) -> int:
    """How many letters and digits a normalised answer has (spaces and marks do not count)."""
    return sum(c.isalnum() for c in value)


def deletions(value: str, k: int) -> set[str]:
    """Every string made from `value` by deleting at most `k` characters (SymSpell-style)."""
    out = {value}
    frontier = {value}
    for _ in range(k):
        frontier = {s[:i] + s[i + 1 :] for s in frontier for i in range(len(s))}
        out |= frontier
    return out


def near_allowed(answer: str, tolerance: int, min_length: int) -> bool:
    """Whether an accepted (normalised) answer takes spelling slips at all."""
    return tolerance > 0 and letters(answer) >= min_length and len(answer) <= MAX_NEAR_LENGTH


def slips_match(response: str, answer: str, tolerance: int) -> bool:
    """True when deleting at most `tolerance` characters from each side makes them equal.

    With tolerance 1 this accepts one missing, extra or wrong letter, two neighbours swapped, or
    one letter moved (a superset of Damerau-Levenshtein distance 1). It is used instead of an edit
    distance because a released bank can check it from hashes alone.
    """
    if len(response) > MAX_NEAR_LENGTH or abs(len(response) - len(answer)) > tolerance:
        return False
    return bool(deletions(response, tolerance) & deletions(answer, tolerance))


# ---------------------------------------------------------------- find-in-text answers


def article_tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens of an article: (start, end, case-folded word)."""
    return [
        (m.start(), m.end(), m.group().casefold().replace("’", "'")) for m in _TOKEN.finditer(text)
    ]


def tokens_in(
    tokens: list[tuple[int, int, str]], start: int, end: int, starts: list[int] | None = None
) -> list[int]:
    """Indices of the tokens that overlap [start, end); `starts` (token starts) saves time."""
    starts = starts if starts is not None else [t[0] for t in tokens]
    i = max(0, bisect.bisect_right(starts, start) - 1)
    out = []
    while i < len(tokens) and tokens[i][0] < end:
        if tokens[i][1] > start:
            out.append(i)
        i += 1
    return out


def words_between(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The [start, end) spans of the words inside text[start:end] (for choosing part of it)."""
    return [(start + m.start(), start + m.end()) for m in _TOKEN.finditer(text[start:end])]


def overlap_f1(selected: int, expected: int, shared: int) -> float:
    """Token-level F1 of a selection against an expected span."""
    if not selected or not expected or not shared:
        return 0.0
    return 2.0 * shared / (selected + expected)


def _fold_for_search(text: str) -> tuple[str, list[int]]:
    """Text with quotes, dashes, case and white space folded; each character's original offset."""
    same_length = _DASHES.sub("-", text.translate(_QUOTES))
    folded = same_length.casefold()
    if len(folded) != len(same_length):
        return _fold_slowly(same_length)  # 'ß' and a few others grow when case-folded
    return fold_spaces(folded, drop_leading=True)


def _fold_slowly(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    where: list[int] = []
    space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not space and out:
                out.append(" ")
                where.append(i)
            space = True
            continue
        space = False
        ch = ch.casefold()
        out.extend(ch)
        where.extend([i] * len(ch))
    where.append(len(text))
    return "".join(out), where


def quote_finder(text: str) -> Callable[[str], bool]:
    """A test of whether a quote occurs in `text` as `locate_quote` finds it, with the text folded
    once for many quotes (the generator asks about every source of an article)."""
    folded_text, _ = _fold_for_search(text)

    def found(quote: str) -> bool:
        folded_quote = _fold_for_search(quote.strip())[0].strip()
        return bool(folded_quote) and folded_quote in folded_text

    return found


def locate_quote(text: str, quote: str) -> list[tuple[int, int]]:
    """Every place `quote` occurs in `text`, ignoring case, curly quotes, dashes and white space."""
    folded_text, where = _fold_for_search(text)
    folded_quote, _ = _fold_for_search(quote.strip())
    folded_quote = folded_quote.strip()
    if not folded_quote:
        return []
    spans = []
    pos = folded_text.find(folded_quote)
    while pos != -1:
        end = pos + len(folded_quote)
        spans.append((where[pos], where[end - 1] + 1))
        pos = folded_text.find(folded_quote, pos + 1)
    return spans


# ---------------------------------------------------------------- number answers


def parse_number(value: object) -> Decimal | None:
    """A typed number as a Decimal ('3,5' and ' 1 000 ' are read too); None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        value = repr(value)
    if not isinstance(value, str):
        return None
    cleaned = value.strip().replace(" ", "").replace("\u2212", "-")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    cleaned = cleaned.replace(",", "")
    if not cleaned or len(cleaned) > 60:
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not number.is_finite() or abs(number) >= MAX_NUMBER:
        return None
    return number


def decimals(value: Decimal) -> int:
    """How many decimal places a number is written with."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def quantise(value: Decimal, precision: int) -> str:
    """The canonical text of a number rounded to `precision` decimal places ('-0' becomes '0')."""
    with localcontext() as ctx:
        ctx.prec = 60  # room for MAX_NUMBER at any precision the schema allows
        q = value.quantize(Decimal(1).scaleb(-precision), rounding=ROUND_HALF_EVEN)
    if q == 0:
        q = abs(q)
    return format(q, "f")


def range_grid(low: Decimal, high: Decimal, precision: int) -> list[str]:
    """Every `precision`-place value in [low, high], as canonical text (for released banks)."""
    step = Decimal(1).scaleb(-precision)
    first = low.quantize(step, rounding=ROUND_CEILING)
    last = high.quantize(step, rounding=ROUND_FLOOR)
    count = int((last - first) / step) + 1
    if count > MAX_RANGE_VALUES:
        raise ValueError(count)
    return [quantise(first + i * step, precision) for i in range(max(0, count))]


# ---------------------------------------------------------------- salted hashes and sealed text


def digest(salt: str, question_id: str, *parts: object) -> str:
    """A salted hash of one answer value for one question (keyed BLAKE2b, HASH_HEX hex digits).

    The salt is the key, so the same answer hashes differently in every bank and every question.
    """
    message = "\x1f".join(["kit-quiz/1", question_id, *map(str, parts)]).encode("utf-8")
    return hashlib.blake2b(message, key=salt.encode("ascii"), digest_size=HASH_HEX // 2).hexdigest()


def _keystream(key: bytes, length: int) -> bytes:
    blocks = (hashlib.sha256(key + i.to_bytes(4, "big")).digest() for i in itertools.count())
    return b"".join(itertools.islice(blocks, (length + 31) // 32))[:length]


def seal(key: str, text: str) -> str:
    """Text readable only with `key` (SHA-256 keystream plus an 8-byte HMAC tag), as base64.

    Keys derived from an answer make feedback readable only by someone who gave that answer;
    keys derived from the salt alone only keep text out of plain sight.
    """
    k = key.encode("ascii")
    data = text.encode("utf-8")
    body = bytes(a ^ b for a, b in zip(data, _keystream(k, len(data))))
    tag = hmac.new(k, body, hashlib.sha256).digest()[:8]
    return base64.b64encode(tag + body).decode("ascii")


def unseal(key: str, sealed: str) -> str | None:
    """The text sealed with `key`, or None when the key is not the right one."""
    try:
        raw = base64.b64decode(sealed.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        return None
    k = key.encode("ascii")
    tag, body = raw[:8], raw[8:]
    if not hmac.compare_digest(tag, hmac.new(k, body, hashlib.sha256).digest()[:8]):
        return None
    data = bytes(a ^ b for a, b in zip(body, _keystream(k, len(body))))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None
