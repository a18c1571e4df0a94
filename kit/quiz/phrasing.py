"""Article words made into question English: quotations nested and balanced, reported clauses that
read as complete clauses after "who said", passages cut at a sentence end, sources named as a
sentence needs them ("the Interior Ministry", never "Interior Ministry's").

Every helper returns None when the words cannot be made into good English, so that the generator
skips that candidate rather than write a bad question. Used by kit.quiz.generate only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from kit.reading.lexicon import package_words, package_yaml

_WORDS = package_words("en/question_words.yaml")
_NOT_STARTS = frozenset(_WORDS["not_clause_starts"])
_LOWER_STARTS = frozenset(_WORDS["lower_starts"])
_FINITE = frozenset(_WORDS["finite_verbs"])
_DANGLING = frozenset(_WORDS["dangling_ends"])
_NOT_NAME_STARTS = frozenset(_WORDS["not_name_starts"])
_NEEDS_THE = frozenset(_WORDS["institution_heads"])
_SOURCE_WORDS = package_yaml("en/source_words.yaml")
#: Countries, and modifiers of a source among which are nationalities ("Ukrainian officials").
_COUNTRIES = frozenset(str(w).casefold() for w in _SOURCE_WORDS["countries"])
_MODIFIERS = frozenset(str(w).casefold() for w in _SOURCE_WORDS["nationalities"])
#: Titles and roles ("Member", "Spokesman"): one alone is no name.
_ROLES = frozenset(str(w).casefold() for w in _SOURCE_WORDS["roles"])
_PARTICLES = frozenset(_WORDS["name_particles"])
_NOT_VERBS = frozenset(_WORDS["not_verbs"])
_CONTRACTED = frozenset(_WORDS["contracted"])
_STRAIGHT = '"'
_OPEN, _CLOSE = "“", "”"
# A sentence ends: . ! ? (or an ellipsis), a closing quotation mark or bracket may follow, then
# space and a capital, a digit or an opening quotation mark.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[”’\"')\]]?\s+(?=[A-Z0-9“‘\"'])")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Mt|No|Gen|Sen|Rep|Gov|Prof|Jr|Sr|vs|Rev|Hon|Lt|Col"
    r"|Capt|Sgt|Maj|Adm|Corp|Inc|Ltd|Co|Fr|Messrs|approx|etc|[Nn]o))\.$"
)
_WORD = re.compile(r"[\w’'\-.]+")


def curly(text: str) -> str | None:
    """The text with straight double quotation marks made curly, or None when its double
    quotation marks do not pair up (a passage cut inside a quotation)."""
    out = []
    depth = 0
    for i, ch in enumerate(text):
        if ch == _STRAIGHT:
            before = text[i - 1] if i else " "
            ch = _OPEN if (before.isspace() or before in "([{—–-/‘'") and depth == 0 else _CLOSE
        if ch == _OPEN:
            depth += 1
            if depth > 1:
                return None
        elif ch == _CLOSE:
            depth -= 1
            if depth < 0:
                return None
        out.append(ch)
    return "".join(out) if depth == 0 else None


def nested(text: str) -> str:
    """Double quotation marks inside a passage made single, for a passage shown in “…”."""
    return text.replace(_OPEN, "‘").replace(_CLOSE, "’")


def unwrap(text: str) -> str:
    """A passage without the quotation marks around it, and without a lone mark at either end
    (the detector may take the opening mark of a quotation but not its close)."""
    text = " ".join(text.split())
    opens, closes = _OPEN + _STRAIGHT, _CLOSE + _STRAIGHT
    if len(text) > 1 and text[0] in opens and text[-1] in closes:
        inner = text[1:-1]
        if not any(c in inner for c in _OPEN + _CLOSE + _STRAIGHT):
            return inner.strip()
    if text[:1] in opens and curly(text) is None and curly(text[1:]) is not None:
        text = text[1:].lstrip()
    if text[-1:] in closes and curly(text) is None and curly(text[:-1]) is not None:
        text = text[:-1].rstrip()
    return text


def sentences(text: str) -> list[str]:
    """The sentences of a passage (cut after . ! ? before a capital, not after "Mr." or "U.S.")."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        piece = text[start : m.start()].rstrip()
        if _ABBREVIATION.search(piece):
            continue
        out.append(text[start : m.end()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def end_question(passage: str) -> str:
    """A passage that ends a question: its own full stop gives way to the question mark, inside
    closing quotation marks too ("“... enough”?"); not the full stop of "Washington, D.C."."""
    m = re.search(r"(?<!\.)\.(?=[’”]*$)", passage)
    if m is None or abbreviated(passage[: m.end()]):
        return passage
    return passage[: m.start()] + passage[m.end() :]


def abbreviated(text: str) -> bool:
    """Whether the text ends in an abbreviation's full stop ("D.C.", "Mr.")."""
    return bool(_ABBREVIATION.search(text))


def excerpt(text: str, limit: int) -> str | None:
    """A passage to quote in a question: its first sentences, as many as fit in `limit` words;
    a first sentence longer than that is cut after a word and ends in "…". None when what is
    left does not pair its quotation marks."""
    parts = sentences(text)
    shown: list[str] = []
    for part in parts:
        if len((" ".join([*shown, part])).split()) > limit:
            break
        shown.append(part)
    if shown:
        result = " ".join(shown)
    else:
        words = parts[0].split()[:limit] if parts else []
        while words and words[-1].strip(",;:—–-").casefold() in _DANGLING:
            words.pop()  # "the families of the victims…", not "of the…"
        result = " ".join(words).rstrip(",;:—–- ") + "…"
    return curly(result)


def clause(
    text: str, in_lower_case: Callable[[str], bool], *, object_ok: bool = False
) -> str | None:
    """What someone said, as it follows "who said" in a question: a complete clause with a subject
    and a verb, written as the middle of a sentence; None when it is not one ("following the early
    release of stock, some stores ...", "determine if it had performed", two clauses joined by ";").

    `in_lower_case(word)`: whether the article writes the word in lower case (so "Police arrested"
    becomes "police arrested" while "Russian troops" stays). `object_ok`: the verb takes a noun
    phrase ("who denied any sexual activity?", "who accused Kyiv of ...").
    """
    text = curly(" ".join(text.split()).strip(" ,;:"))
    if text is None:
        return None
    text = end_question(text)
    if text[:5].casefold() == "that ":
        text = text[5:]
    if not text or not (text[0].isalnum() or text[0] == _OPEN) or text[-1] in "?!":
        return None
    if any(c in text for c in ";:…[]") or len(sentences(text)) > 1:
        return None
    words = [w.strip("“”‘’\"'(),") for w in text.split()]
    if not 3 <= len(words) <= 22 or not words[0] or not words[-1]:
        return None
    first = words[0].casefold()
    if first in _NOT_STARTS or (_verb_form(first) and first not in _NOT_VERBS):
        return None
    if first in ("i", "we", "me", "us", "my", "our"):
        return None  # the speaker's own words without their quotation marks
    if words[-1].casefold() in _DANGLING:
        return None
    head = text.split(",", 1)[0].split()  # a fronted phrase before the first comma has no verb
    if not object_ok and not (
        _has_verb(words[1:]) and _has_verb(head[1:] if "," in text else ["is"])
    ):
        return None
    if first in _LOWER_STARTS or (words[0] != "I" and _common(words[0], in_lower_case)):
        text = text[0].lower() + text[1:] if text[0].isupper() else text
    return text


def _common(word: str, in_lower_case: Callable[[str], bool]) -> bool:
    """A word the article writes in lower case, and never with a capital inside a sentence
    ("police"; not "Stream", a name the article also uses as the word "stream")."""
    proper = getattr(in_lower_case, "proper_somewhere", None)
    return in_lower_case(word) and not (proper is not None and proper(word))


def _verb_form(word: str) -> bool:
    return len(word) > 4 and (word.endswith("ing") or word.endswith("ed"))


def _has_verb(words: Iterable[str]) -> bool:
    previous = ""
    for raw in words:
        w = raw.strip("“”‘’\"'(),.").casefold()
        if w in _FINITE or (
            w.endswith("ed") and len(w) > 3 and w.isalpha() and w not in _NOT_VERBS
        ):
            return True
        tail = w.replace("’", "'")
        if tail.endswith(("'re", "'ve", "'d", "'ll", "n't")) or tail in _CONTRACTED:
            return True
        plain = w.isalpha()  # not "Government's"
        if (
            plain
            and w.endswith("s")
            and not w.endswith(("ss", "us", "is"))
            and previous[:1].isupper()
        ):
            return True  # "Mahan flies ...": a verb after a name
        previous = raw
    return False


def reference(name: str, kind: str, text: str, casing: Casing) -> str | None:
    """The source as the middle of a sentence needs it: "Donald Trump", "the Interior Ministry",
    "local officials"; None when no phrase reads well ("News.com.au report", "German government
    source": a source that needs "a" is not named)."""
    words = name.split()
    if not words or not name[0].isalnum():
        return None
    first = words[0].casefold()
    if kind in ("named_person", "institution", "other_outlet"):
        if first == "the" and len(words) > 1:
            return "the " + " ".join(words[1:])
        if first in _NOT_NAME_STARTS or not name[0].isupper():
            return None
        if len(words) == 1 and casing(name):
            return None  # "Police" began a sentence: the article writes "police"
        if kind == "named_person":
            lower = [
                w
                for w in words
                if not w[:1].isupper() and w.split("-")[0].casefold() not in _PARTICLES
            ]
            if lower or re.search(r"\d|year-old", name, re.IGNORECASE):
                return None  # "Texas federal judge", "Fifteen-year-old Robert"
            if len(words) == 1 and (first in _ROLES or len(name) <= 3 and name.isupper()):
                return None  # "Member", "NG" (an interviewer's initials)
            return name
        if re.search(rf"\b[Tt]he {re.escape(name)}\b", text):
            return "the " + name
        if words[-1].casefold() in _NEEDS_THE and len(words) > 1 and "'" not in name:
            return None  # "Interior Ministry": "the" is wanted, but the article never says it
        return name
    if kind == "anonymous":
        if first in ("the", "some", "several", "many", "two", "three", "other"):
            return words[0].lower() + name[len(words[0]) :]
        last = words[-1].strip(".,").casefold()
        if not last.endswith("s") or last.endswith("ss") or not words[-1].islower():
            return None  # a singular source needs "a": "a German government source"
        if name[0].isupper() and not _proper_adjective(words[0], casing):
            return name[0].lower() + name[1:]  # "Local officials" began a sentence
        return name
    return None  # "reports", "a tweet": documents and posts have no exact words of their own


def _proper_adjective(word: str, casing: Casing) -> bool:
    """ "Ukrainian", "Saudi", "US": a word that keeps its capital before "officials" (where
    "Local" and "Hospital" only began a sentence)."""
    folded = word.casefold()
    if word.isupper() or folded in _COUNTRIES or folded in ("greek", "swiss", "arab", "thai"):
        return True
    looks_it = folded.endswith(("an", "ese", "ish", "i", "ch", "ine", "ic"))
    return looks_it and (folded in _MODIFIERS or casing.proper(word))


def capital(text: str) -> str:
    """The text with its first letter in upper case (after any opening quotation mark)."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
        if ch.isalnum():
            return text
    return text


def _starts_sentence(text: str, at: int) -> bool:
    """Whether the word at `at` starts a sentence: the text's start, a paragraph break or . ! ? :
    before it (with spaces, quotation marks or brackets between)."""
    i = at - 1
    while i >= 0 and (text[i].isspace() or text[i] in "“‘\"'([—–-"):
        if text[i] == "\n":
            return True
        i -= 1
    return i < 0 or text[i] in ".!?:…"


class Casing:
    """How an article writes its words: `casing(word)` is whether it writes the word in lower case
    somewhere ("police"); `casing.proper(word)` whether it writes it with a capital inside a
    sentence and never in lower case ("Ukrainian", "Mahan")."""

    __slots__ = ("_lower", "_capital")

    def __init__(self, text: str) -> None:
        self._lower: set[str] = set()
        self._capital: set[str] = set()
        for m in _WORD.finditer(text):
            word = m.group().rstrip(".")
            if word[:1].islower():
                self._lower.add(word.casefold())
            elif word[:1].isupper() and not _starts_sentence(text, m.start()):
                self._capital.add(word.casefold())

    def __call__(self, word: str) -> bool:
        return word.casefold() in self._lower

    def proper_somewhere(self, word: str) -> bool:
        """Whether the article writes the word with a capital inside a sentence somewhere."""
        return word.casefold() in self._capital

    def proper(self, word: str) -> bool:
        folded = word.casefold()
        return folded in self._capital and folded not in self._lower


_SINGLE_QUOTED = re.compile(r"(?<![\w’'])'([^\n]+?)'(?![\w’'])")
# "shows it is Philippine officials's claim, not the reporter's": the claimant as a name only when
# it is one (every word with a capital), else said without it.
_CLAIMANT = re.compile(r"shows it is (?P<who>.+?)['’]s? claim, not the reporter['’]s")
_PLURAL_S = re.compile(r"\b[a-z]+s['’]s\b")  # "the judgement is reports's"
_PRONOUN_S = re.compile(r"\b(?:they|he|she|we|you|I|them|him)['’]s\b", re.IGNORECASE)


def quoted_words(text: str) -> str:
    """'claimed' and 'Kremlin’s' (words a reason quotes in straight single marks) as “claimed”
    and “Kremlin’s”: no "’s'" for a reader to trip on."""
    return _SINGLE_QUOTED.sub(lambda m: f"{_OPEN}{m.group(1)}{_CLOSE}", text)


def clues(reasons: Iterable[object], casing: Casing, limit: int = 300) -> str:
    """The claim detector's reasons as one sentence: "Clues: “30 countries” is a number you could
    check; no one else is named as its source." (whole reasons only, up to `limit` characters).
    A claimant is named only when the name reads as one ("the claim comes from Reuters", not
    "Activists’s claim"); a reason with a pronoun's "'s" ("they's words") is left out."""
    parts: list[str] = []
    for r in reasons:
        phrase = quoted_words(str(getattr(r, "text", r)).strip().rstrip("."))
        if _PRONOUN_S.search(phrase) or _PLURAL_S.search(phrase):
            continue
        m = _CLAIMANT.search(phrase)
        if m is not None:
            who = m.group("who").split()
            named = all(w[:1].isupper() for w in who) and not casing(who[0])
            said = f"comes from {' '.join(who)}" if named else "comes from someone else"
            shown = f"shows the claim {said}, not from the reporter"
            phrase = phrase[: m.start()] + shown + phrase[m.end() :]
        if not phrase or len("; ".join([*parts, phrase])) > limit:
            continue
        parts.append(phrase)
    return f"Clues: {'; '.join(parts)}." if parts else ""
