"""Practice copies of a quiz bank: every guess costs a slow derivation, feedback opens only with it.

A practice copy (`kit quiz release`) is graded in the student's kernel, so the file itself must
check answers. Each answer value a student could give (an option, a typed answer, a number, a
block of 8 words of the article) becomes a key through scrypt, a slow, memory-hard derivation
from the standard library (about 0.1 s and 32 MiB per value on a 2-core VM, set by `SCRYPT_N`):

- choice questions: one key per option; the file holds, per option, a tag that says right or
  wrong only to someone holding that option's key. Checking costs one derivation per option
  chosen; finding the answer costs one per option.
- text and number questions: one key per accepted answer (every value of a range); a response
  is checked with one derivation. A typed answer is hashed in its loose form
  (`answers.loose_text`: case, accents, punctuation, spacing, articles, plurals, doubled
  letters), and each accepted answer with one letter missing is sealed as a near answer when
  the question takes slips; other slips (an extra, wrong or swapped letter) would each be a
  derivation of their own, so only grading with the teacher's bank accepts them.
- find questions: the article's words in blocks of `BLOCK`; the expected passages are sealed
  under the key of each block they touch, so a selection opens the passages near it (one
  derivation per block it touches) and is scored exactly as the teacher's bank scores it.
- explanations are sealed under a random key, itself sealed under each right answer's key;
  per-option and per-answer feedback under that option's or answer's key; the wrong-answer
  feedback of a choice question under each wrong option's key. The catch-all wrong-answer
  feedback of text, number and find questions is left out: it would open for any answer.

A check's derived keys are saved with the student's attempt (`Quiz.receipt`, a "receipt"), so
that showing saved answers again (a notebook opened again) derives nothing. They are keys of the
student's own answers, which anyone could derive from the answers in the same file; a forged one
only changes what the student's own copy shows, since marks come from the teacher's bank.

What this does not do: the salt and the derivation are in the file, so someone who writes code
can still try every option, every phrase of the article, every number and every block, each at
the cost of one derivation. It stops casual peeking and makes guessing slow; it does not stop a
determined coder with time. Marks that count come from an exam copy (`--exam`, no answer material
at all) graded with the teacher's bank.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterable, Sequence
from typing import Any

from kit.errors import KitError
from kit.quiz.answers import HASH_HEX, seal, unseal
from kit.work.reader import MAX_ATTEMPT_KEYS

#: The version of the sealing written into practice copies (older copies are refused).
SEALING = "kit-seal/2"
#: scrypt's cost (memory 128 * R * N bytes: 32 MiB); about 0.1 s per derivation on a 2-core VM.
SCRYPT_N = 2**15
SCRYPT_R = 8
#: Words per block of the article for find questions.
BLOCK = 8
#: The kinds of answer value a key is derived for; most keys one receipt may hold.
KINDS = ("option", "text", "number", "block")
MAX_RECEIPT = MAX_ATTEMPT_KEYS  # what collect lets through (kit.work.reader)


def kdf_settings(n: int | None = None) -> dict[str, Any]:
    """The `sealing:` entry of a practice copy. The cost is `n`, else the environment's
    KIT_SCRYPT_N (the test suite's cheap setting, also for the commands it runs), else
    SCRYPT_N."""
    if n is None:
        env = os.environ.get("KIT_SCRYPT_N", "")
        n = int(env) if env.isdigit() and int(env) >= 2 else SCRYPT_N
    return {"format": SEALING, "kdf": "scrypt", "n": n, "r": SCRYPT_R, "p": 1}


class Sealer:
    """Derives the keys of one practice copy (salt and cost from its `sealing:`); remembers them."""

    def __init__(self, salt: str, sealing: dict[str, Any]) -> None:
        self.salt = bytes.fromhex(salt)
        self.n, self.r, self.p = int(sealing["n"]), int(sealing["r"]), int(sealing["p"])
        self._keys: dict[tuple[str, ...], bytes] = {}
        self.used: set[tuple[str, ...]] = set()  # the keys asked for since it was last emptied

    def receipt(self, used: Iterable[tuple[str, ...]]) -> dict[str, str]:
        """The derived keys of `used` (question id, kind, value) as a work file keeps them:
        {"<kind> <value>": hex}."""
        return {" ".join(w[1:]): self._keys[w].hex() for w in sorted(used) if w in self._keys}

    def learn(self, question_id: str, receipt: Any) -> None:
        """Remember the keys of a receipt (from the student's work file) without deriving
        them. They are not checked (that would cost the derivation): a forged one only changes
        what the student's own copy shows; marks come from the teacher's bank."""
        if not isinstance(receipt, dict):
            return
        for label, value in list(receipt.items())[:MAX_RECEIPT]:
            if not isinstance(label, str) or not isinstance(value, str) or len(value) != 64:
                continue
            kind, _, rest = label.partition(" ")
            if kind not in KINDS:
                continue
            try:
                key = bytes.fromhex(value)
            except ValueError:
                continue
            self._keys.setdefault((question_id, kind, rest), key)

    def key(self, question_id: str, *parts: object) -> bytes:
        """The key of one answer value of one question: one scrypt derivation (then remembered)."""
        words = (question_id, *map(str, parts))
        self.used.add(words)
        if words not in self._keys:
            message = "\x1f".join((SEALING, *words)).encode("utf-8")
            self._keys[words] = hashlib.scrypt(
                message,
                salt=self.salt,
                n=self.n,
                r=self.r,
                p=self.p,
                maxmem=256 * self.r * self.n * self.p + (1 << 20),
                dklen=32,
            )
        return self._keys[words]


def tag(key: bytes, label: str) -> str:
    """A short public check value of a key (HASH_HEX hex digits)."""
    return hmac.new(key, b"tag\x1f" + label.encode(), hashlib.sha256).hexdigest()[:HASH_HEX]


def sub(key: bytes, label: str) -> str:
    """A sealing key made from a derived key (hex, for `answers.seal`)."""
    return hmac.new(key, b"seal\x1f" + label.encode(), hashlib.sha256).hexdigest()


def wrap(text: str, keys: Iterable[bytes], label: str) -> dict[str, Any]:
    """Text sealed under a random key, which is sealed under each of `keys`."""
    inner = secrets.token_hex(32)
    return {"text": seal(inner, text), "open": sorted(seal(sub(k, label), inner) for k in keys)}


def unwrap(sealed: Any, keys: Iterable[bytes], label: str) -> str:
    """The text of `wrap`, when one of `keys` opens it; else ''."""
    if not isinstance(sealed, dict):
        return ""
    for k in keys:
        for entry in sealed.get("open") or []:
            inner = unseal(sub(k, label), entry) if isinstance(entry, str) else None
            if inner:
                return unseal(inner, str(sealed.get("text", ""))) or ""
    return ""


def combined(keys: Sequence[bytes]) -> bytes:
    """One key from several (a multiple-choice answer as a whole)."""
    return hashlib.sha256(b"all\x1f" + b"".join(keys)).digest()


def seal_spans(key: bytes, spans: list[tuple[int, int]]) -> str:
    return seal(sub(key, "spans"), json.dumps(spans))


def open_spans(key: bytes, sealed: str) -> list[tuple[int, int]]:
    text = unseal(sub(key, "spans"), sealed)
    try:
        return [(int(a), int(b)) for a, b in json.loads(text)] if text else []
    except (ValueError, TypeError):
        return []


def older_copy(path: Any) -> KitError:
    return KitError(
        "this student copy of the quiz was made by an older version of the kit, whose answers "
        "could be read from the file",
        path=path,
        fix="ask your teacher to release the quiz again (python -m kit quiz release BANK OUT)",
    )
