"""Teachers' keys for tagging exercises: a claim type per sentence, a role per paragraph, and why.

Written in the key format of kit.work.keys (`quote:`, `labels:`, `hint:`), one file a kind in
the seeds folder's `keys/`: `keys/<article id>.claims.yaml` (an item a sentence: `claim:` and
`checkworthy:` labels, the hint says why) and `keys/<article id>.roles.yaml` (an item a body
paragraph, its first words as the quote: a `role:` label, the hint says why). Without a claims
file, the claim items of the article's answer key (kit.work.keys.answer_key) are used.

`tag_answers` gives them as the taggers need them: per sentence (index into
`article.sentences`) or per paragraph (index into `article.paragraphs`), the key's labels and
its reason. A student copy holds them sealed (kit.quiz.sealed_keys).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kit.articles.article import Article
from kit.reading.roles import body_paragraphs
from kit.work.key_files import TAG_FILES
from kit.work.key_files import is_tag_key as is_tag_key
from kit.work.keys import KEYS_FOLDER, Key, answer_key, load_key

#: The kinds of tagging a key file can hold, and the word in its file name.
FILES = TAG_FILES
#: The labels each kind of answer carries (besides `why`).
FIELDS = {"claim": ("claim", "checkworthy"), "role": ("role",)}


def tag_key_path(article: Article, kind: str) -> Path | None:
    """`keys/<article id>.<kind>s.yaml` in the article's folder or the one above; None if none."""
    if article.path is None or kind not in FILES:
        return None
    folder = Path(article.path).parent
    for d in (folder, folder.parent):
        for ext in (".yaml", ".yml"):
            path = d / KEYS_FOLDER / f"{article.id}.{FILES[kind]}{ext}"
            if path.is_file():
                return path
    return None


def tag_key(article: Article, kind: str) -> Key | None:
    """The teacher's key for tagging `kind` (`claim` or `role`) in `article`, or None."""
    path = tag_key_path(article, kind)
    if path is not None:
        return load_key(path, article, kind).only(kind)
    if kind == "claim":
        key = answer_key(article, "claim")
        return key.only("claim") if key is not None and len(key.only("claim")) else None
    return None


def tag_answers(key: Key | None, article: Article, kind: str) -> dict[int, dict[str, str]]:
    """The key's answer for each sentence (claims) or body paragraph (roles) it covers: the
    labels of `FIELDS[kind]` and `why`, by the index of the sentence or paragraph."""
    if key is None:
        return {}
    units = article.sentences if kind == "claim" else body_paragraphs(article)
    out: dict[int, dict[str, str]] = {}
    for item in key.items:
        if item.tag(kind) is None:
            continue
        for n, u in enumerate(units):
            if u.start <= item.start < u.end or (item.start <= u.start < item.end):
                at = n if kind == "claim" else u.index
                entry = {f: item.tag(f) or "" for f in FIELDS[kind]}
                out.setdefault(at, entry | {"why": " ".join(item.hint.split())})
                break
    return out


def _title(labels: Any, value: str) -> str:
    found = labels.get(value) if labels is not None and value else None
    return found.title if found is not None else value.replace("_", " ")


def _said(answer: dict[str, str], what: str) -> str:
    why = answer.get("why", "")
    return f"{what} {why}" if why else what


def claim_feedback(
    answer: dict[str, str] | None, chosen: dict[str, str], claim_set: Any, worth_set: Any
) -> str:
    """One sentence's feedback: the student's claim type and rating against the key's, and why."""
    if answer is None:
        return "The key has nothing for this sentence: talk about it with your class."
    bits = []
    for field, labels, what in (
        ("claim", claim_set, "claim type"),
        ("checkworthy", worth_set, "worth checking"),
    ):
        key, mine = answer.get(field, ""), chosen.get(field, "")
        if not key:
            continue
        if not mine:
            bits.append(f"You have not chosen the {what} yet; the key says {_title(labels, key)}.")
        elif mine == key:
            bits.append(f"You agree with the key: {_title(labels, key)}.")
        else:
            bits.append(f"You chose {_title(labels, mine)}; the key says {_title(labels, key)}.")
    return _said(answer, " ".join(bits) + (" Why:" if answer.get("why") else ""))


def role_feedback(answer: dict[str, str] | None, chosen: str) -> str:
    """One paragraph's feedback: the student's role against the key's, and why."""
    if answer is None:
        return "The key has no role for this paragraph: talk about it with your class."
    key = answer.get("role", "")
    if not chosen:
        what = f"You have not chosen a role yet; the key says {key}."
    elif chosen == key:
        what = f"You agree with the key: {key}."
    else:
        what = f"You chose {chosen}; the key says {key}."
    return _said(answer, what + (" Why:" if answer.get("why") else ""))
