"""Answer keys as students get them: sealed, opened only near the student's own highlights.

A student copy of the course (`kit release`) holds, for each article that has a teacher's key,
`seeds/keys/<article id>.sealed.json`. `kit.answer_key(article)` returns it as a `SealedKey`, and
`kit.compare(highlighter, key)` uses it as it uses the teacher's key: the same highlights match,
the same sources are counted found or missed, the same hints are shown. It is sealed with the
slow key derivation of practice quiz copies (kit.quiz.sealed: scrypt, KIT_SCRYPT_N):

- the article's words are taken in blocks of `sealed.BLOCK` (as for find questions); each key
  item (its offsets and labels) is sealed under the key of every block it touches. A highlight
  opens the blocks it touches (one derivation each, remembered while the kernel runs), so the
  items near it come out and are matched exactly as the teacher's key matches them (a match needs
  overlapping words). Highlights too long to match any item open nothing.
- the teacher's hints are sealed together under one "check" key (one derivation), which the
  compare view derives when the student checks their work: the hint of each missed item shows
  then, as with the teacher's key.
- the teacher's keys for tagging (kit.work.tag_keys: a claim type per sentence, a role per
  paragraph, each with why) are sealed one kind at a time under one key each (one derivation
  a kind), which the taggers derive when the student checks their tags.
- in plain view: the article's id and text fingerprint, how many items the key has, the kinds of
  label of each (source, claim, checkworthy), the paragraph it is in and, for sources, which
  items name the same source (a number), so the view can say "you found 3 of the 7 sources" and
  where to look again.

What this protects: the file holds no span, label or hint in plain text, so opening it, searching
it or printing it shows nothing of the answers. What it does not: the salt and the derivation are
in the file, so someone who writes code can open every block (an article of 400 words has 50:
about 5 seconds at the default cost) and every hint (one derivation). It stops casual peeking,
not a determined coder. An exam release (`--exam`) ships no key at all.
"""

from __future__ import annotations

import bisect
import json
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.articles.article import Article
from kit.errors import KitError
from kit.files import atomic_write_text, read_text
from kit.progress import progress
from kit.quiz import sealed
from kit.quiz.answers import article_tokens, seal, tokens_in, unseal
from kit.work.annotations import Annotation
from kit.work.keys import (
    KEYS_FOLDER,
    MAX_LENGTH_RATIO,
    SEALED_SUFFIX,
    Key,
    KeyItem,
    with_sources,
)
from kit.work.store import text_fingerprint
from kit.work.tag_keys import tag_answers, tag_key, tag_key_path

FORMAT = "kit-sealed-key/1"
#: A sealed key is named `keys/<article id>.sealed.json` (kit.work.key_files.SEALED_SUFFIX) in a
#: student copy's seeds folder (in `keys/`, so that the course's list of seed files counts it as
#: a key, never an article, and the teacher's key finder passes over it).
#: What the compare view calls a sealed key.
NAME = "your teacher's key"
MAX_BYTES = 4 * 1024 * 1024
#: The highest scrypt cost a sealed key may ask for (with r <= 16: at most 256 MiB; a damaged
#: file must not exhaust memory).
MAX_N = 2**17

#: The derived keys of each sealed key opened in this kernel (a second check costs nothing).
_SEALERS: dict[tuple[str, str], sealed.Sealer] = {}


def _paragraph_at(article: Article, offset: int) -> int:
    """The index of the paragraph the compare view names (as feedback._paragraph_name)."""
    for n, p in enumerate(article.paragraphs):
        if p.start <= offset < p.end + 2:
            return n
    return max(0, len(article.paragraphs) - 1)


def _blocks(tokens: list, starts: list[int], start: int, end: int) -> range:
    """The blocks of words that [start, end) touches (the block of the next word when it
    touches none)."""
    idx = tokens_in(tokens, start, end, starts)
    if not idx:
        n = min(bisect.bisect_left(starts, start), max(0, len(tokens) - 1))
        idx = [n]
    return range(idx[0] // sealed.BLOCK, idx[-1] // sealed.BLOCK + 1)


def seal_key(
    key: Key,
    article: Article,
    *,
    salt: str | None = None,
    cost: int | None = None,
    tags: dict[str, dict[int, dict[str, str]]] | None = None,
) -> dict[str, Any]:
    """The sealed form of a teacher's key (the data of a `.sealed.json` file). `tags`: the
    answers for tagging, by kind (`claim`, `role`; kit.work.tag_keys.tag_answers)."""
    key = with_sources(key, article)
    salt = salt or secrets.token_hex(16)
    settings = sealed.kdf_settings(cost)
    sealer = sealed.Sealer(salt, settings)
    text = article.text
    tokens = article_tokens(text)
    starts = [t[0] for t in tokens]
    groups: dict[str, int] = {}
    public: list[dict[str, Any]] = []
    by_block: dict[int, list[dict[str, Any]]] = {}
    hints: dict[str, str] = {}
    items = sorted((i for i in key.items if i.end > i.start), key=lambda i: (i.start, i.end))
    for n, item in enumerate(items):
        kinds = list(dict.fromkeys(t.split(":", 1)[0] for t in item.tags if ":" in t))
        entry: dict[str, Any] = {"kinds": kinds, "paragraph": _paragraph_at(article, item.start)}
        if item.tag("source") is not None:
            entry["source"] = groups.setdefault(item.who or f"#{n}", len(groups) + 1)
        public.append(entry)
        if item.hint:
            hints[str(n)] = item.hint
        record = {"i": n, "s": item.start, "e": item.end, "t": list(item.tags)}
        for b in _blocks(tokens, starts, item.start, item.end):
            by_block.setdefault(b, []).append(record)
    blocks = {}
    for b, records in progress(
        sorted(by_block.items()), f"sealing the key of {article.id}", unit="block"
    ):
        k = sealer.key(article.id, "block", b)
        blocks[sealed.tag(k, "block")] = seal(sealed.sub(k, "items"), json.dumps(records))
    sealed_hints = ""
    if hints:
        check = sealer.key(article.id, "check")
        sealed_hints = seal(sealed.sub(check, "hints"), json.dumps(hints))
    sealed_tags = {
        kind: seal(
            sealed.sub(sealer.key(article.id, "tags", kind), "tags"),
            json.dumps({str(i): a for i, a in answers.items()}),
        )
        for kind, answers in sorted((tags or {}).items())
        if answers
    }
    return {
        "format": FORMAT,
        "article": article.id,
        "text_sha": text_fingerprint(text),
        "salt": salt,
        "sealing": settings,
        "items": public,
        "longest": max((i.end - i.start for i in items), default=0),
        "blocks": dict(sorted(blocks.items())),
        "hints": sealed_hints,
        "tags": sealed_tags,
    }


def write_sealed_key(
    key: Key,
    article: Article,
    path: str | Path,
    *,
    cost: int | None = None,
    tags: dict[str, dict[int, dict[str, str]]] | None = None,
) -> Path:
    """Seal `key` (and the answers for tagging, `tags`) and write it to `path` (atomically)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = seal_key(key, article, cost=cost, tags=tags)
    atomic_write_text(target, json.dumps(data, ensure_ascii=True, indent=1) + "\n")
    return target


@dataclass(frozen=True)
class SealedKey:
    """A teacher's key as a student copy holds it (see the module's docstring)."""

    article_id: str
    text_sha: str
    salt: str
    sealing: dict[str, Any]
    items: tuple[dict[str, Any], ...]
    longest: int
    blocks: dict[str, str] = field(repr=False)
    hints: str = field(default="", repr=False)
    tags: dict[str, str] = field(default_factory=dict, repr=False)
    path: Path | None = None
    name: str = NAME

    def __len__(self) -> int:
        return len(self.items)

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds of label the key holds (`source`, `claim` ...)."""
        return frozenset(str(k) for i in self.items for k in i["kinds"])

    @property
    def sources(self) -> int:
        """How many sources the key names (several mentions of one source count once)."""
        return len({i["source"] for i in self.items if "source" in i})

    def _sealer(self) -> sealed.Sealer:
        at = (self.salt, json.dumps(self.sealing, sort_keys=True))
        if at not in _SEALERS:
            _SEALERS[at] = sealed.Sealer(self.salt, self.sealing)
        return _SEALERS[at]

    def _check_article(self, article: Article | None) -> Article:
        if article is None:
            raise KitError(
                "to open the answer key the kit needs the article",
                fix="pass article=... to compare(), or the widget you worked in",
            )
        if article.id != self.article_id or text_fingerprint(article.text) != self.text_sha:
            raise KitError(
                f"this answer key is for another text than article '{article.id}'",
                path=self.path,
                fix="ask your teacher for the course copy again (the key and the story must "
                "come from the same release)",
            )
        return article

    def opened(self, annotations: Sequence[Annotation], article: Article | None) -> Key:
        """The key as far as `annotations` open it: every item near a highlight with its words
        and labels; the others in place only (their paragraph, no words, no labels), each with
        its hint. `kit.compare` matches with it as with the teacher's key."""
        article = self._check_article(article)
        sealer = self._sealer()
        text = article.text
        tokens = article_tokens(text)
        starts = [t[0] for t in tokens]
        kinds = self.kinds
        tried: set[int] = set()
        records: dict[int, dict[str, Any]] = {}
        for a in annotations:
            if not any(t.split(":", 1)[0] in kinds for t in a.tags if ":" in t):
                continue
            if not 0 <= a.start < a.end <= len(text):
                continue
            if a.end - a.start > MAX_LENGTH_RATIO * self.longest:
                continue  # too long to match any item of the key
            for b in _blocks(tokens, starts, a.start, a.end):
                if b in tried:
                    continue
                tried.add(b)
                k = sealer.key(self.article_id, "block", b)
                entry = self.blocks.get(sealed.tag(k, "block"))
                for r in _records(unseal(sealed.sub(k, "items"), entry) if entry else None):
                    records[r["i"]] = r
        hints = self._hints(sealer)
        items = []
        for n, pub in enumerate(self.items):
            who = f"#{pub['source']}" if "source" in pub else ""
            hint = hints.get(str(n), "")
            r = records.get(n)
            if r is not None and 0 <= r["s"] < r["e"] <= len(text):
                tags = tuple(str(t) for t in r["t"])
                items.append(KeyItem(r["s"], r["e"], text[r["s"] : r["e"]], tags, hint, who))
                continue
            para = article.paragraphs[min(int(pub["paragraph"]), len(article.paragraphs) - 1)]
            at = para.start + 1 if para.end - para.start > 1 else para.start
            items.append(KeyItem(at, at, "", tuple(f"{k}:" for k in pub["kinds"]), hint, who))
        return Key(tuple(items), self.article_id, self.name)  # in the teacher's key's order

    def tag_answers(self, kind: str, article: Article | None) -> dict[int, dict[str, str]]:
        """The teacher's answers for tagging `kind` (`claim` by sentence, `role` by paragraph,
        as kit.work.tag_keys.tag_answers gives them): one derivation, when the student checks."""
        article = self._check_article(article)
        if kind not in self.tags:
            return {}
        k = self._sealer().key(self.article_id, "tags", kind)
        opened = unseal(sealed.sub(k, "tags"), self.tags[kind])
        try:
            data = json.loads(opened) if opened else {}
        except ValueError:
            return {}
        if not isinstance(data, dict):
            return {}
        return {
            int(i): {str(f): str(v) for f, v in a.items()}
            for i, a in data.items()
            if str(i).isdigit() and isinstance(a, dict)
        }

    def _hints(self, sealer: sealed.Sealer) -> dict[str, str]:
        if not self.hints:
            return {}
        opened = unseal(sealed.sub(sealer.key(self.article_id, "check"), "hints"), self.hints)
        try:
            data = json.loads(opened) if opened else {}
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _records(opened: str | None) -> Iterable[dict[str, Any]]:
    try:
        data = json.loads(opened) if opened else []
    except ValueError:
        return []
    return [
        r
        for r in data
        if isinstance(r, dict)
        and isinstance(r.get("i"), int)
        and isinstance(r.get("s"), int)
        and isinstance(r.get("e"), int)
        and isinstance(r.get("t"), list)
    ]


def _damaged(path: Path, what: str) -> KitError:
    return KitError(
        f"this answer key file is damaged ({what})",
        path=path,
        fix="ask your teacher for the course copy again",
    )


def load_sealed_key(path: str | Path) -> SealedKey:
    """Read a `.sealed.json` file; KitError when it is not one."""
    p = Path(path)
    raw, _ = read_text(p, MAX_BYTES)
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise _damaged(p, "not valid JSON") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _damaged(p, f'no "format": "{FORMAT}"')
    items, blocks, settings = data.get("items"), data.get("blocks"), data.get("sealing")
    ok = (
        isinstance(items, list)
        and all(
            isinstance(i, dict)
            and isinstance(i.get("paragraph"), int)
            and isinstance(i.get("kinds"), list)
            and all(isinstance(k, str) for k in i["kinds"])
            for i in items
        )
        and isinstance(blocks, dict)
        and isinstance(settings, dict)
        and all(isinstance(settings.get(k), int) for k in ("n", "r", "p"))
        and 2 <= settings["n"] <= MAX_N
        and 1 <= settings["r"] <= 16
        and settings["p"] == 1
        and isinstance(data.get("salt"), str)
        and isinstance(data.get("longest"), int)
        and isinstance(data.get("tags", {}), dict)
        and all(isinstance(v, str) for v in data.get("tags", {}).values())
    )
    if not ok:
        raise _damaged(p, "a field is missing or of the wrong type")
    try:
        bytes.fromhex(data["salt"])
    except ValueError:
        raise _damaged(p, "the salt is not hexadecimal") from None
    return SealedKey(
        article_id=str(data.get("article", "")),
        text_sha=str(data.get("text_sha", "")),
        salt=data["salt"],
        sealing=settings,
        items=tuple(items),
        longest=data["longest"],
        blocks={str(k): str(v) for k, v in blocks.items()},
        hints=str(data.get("hints") or ""),
        tags={str(k): v for k, v in data.get("tags", {}).items()},
        path=p,
    )


def find_sealed_key(article: Article) -> SealedKey | None:
    """The sealed key of `article` in a student copy: `keys/<id>.sealed.json` in the article's
    folder or a folder above it (the copy's seeds folder); None when there is none."""
    if article.path is None:
        return None
    for folder in list(Path(article.path).resolve().parents)[:3]:
        path = folder / KEYS_FOLDER / f"{article.id}{SEALED_SUFFIX}"
        if path.is_file():
            return load_sealed_key(path)
    return None


def answers_for_tagging(article: Article, kind: str) -> dict[int, dict[str, str]]:
    """The answers the taggers check against: the teacher's key for tagging `kind`
    (kit.work.tag_keys) in the teacher's folder, else the sealed one of a student copy (opened
    now: call it when the student checks); {} when there is neither."""
    key = tag_key(article, kind)
    if key is not None:
        return tag_answers(key, article, kind)
    found = find_sealed_key(article)
    return found.tag_answers(kind, article) if found is not None else {}


def has_tagging_key(article: Article, kind: str) -> bool:
    """Whether the taggers can check `kind` in `article` (no derivation: nothing is opened)."""
    if tag_key_path(article, kind) is not None:
        return True
    if kind == "claim" and tag_key(article, kind) is not None:
        return True
    found = find_sealed_key(article)
    return found is not None and kind in found.tags
