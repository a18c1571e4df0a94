"""Where answer keys are kept: finding the key of an article, saving a teacher's highlights as one.

Keys live in `keys/` (the article's folder or the one above) or beside their article as
`*.key.yaml`; `save_key` writes `<article id>.key.yaml` in the format kit.work.key_format reads.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from kit.articles.article import Article
from kit.errors import KitError
from kit.files import make_folder, read_text, write_edited_file
from kit.work.document import text_fingerprint
from kit.work.feedback import resolve_work
from kit.work.key_format import Key, label_name, label_set, load_key, parse_key
from kit.work.reader import FORMAT as WORK_FORMAT

#: How answer keys are named in a seeds folder: in `keys/`, or `*.key.yaml` beside their article
#: (the course and release tell keys from articles by these).
KEYS_FOLDER = "keys"
KEY_SUFFIXES = (".key.yaml", ".key.yml", ".key.json")
#: The name `save_key` gives a key: `<article id>.key.yaml`.
KEY_SUFFIX = ".key.yaml"
#: Keys for the taggers in `keys/`: `<article id>.claims.yaml`, `<article id>.roles.yaml`
#: (kit.work.tag_keys), by the kind they tag.
TAG_FILES = {"claim": "claims", "role": "roles"}
#: A student copy's sealed keys in `keys/` (kit.quiz.sealed_keys writes them).
SEALED_SUFFIX = ".sealed.json"
DRAFT_INFIX = ".draft"  # <id>.draft.yaml: a draft kept beside the reviewed key


def answer_key(article: Article, kind: str = "source") -> Key | None:
    """The teacher's answer key for `article`, found beside it; None when there is none.

    A key is found by its name: `keys/<article id>.json|yaml|yml` in the article's folder or the
    folder above it (the seeds folder of a practice article), or `<article id>.key.yaml|yml|json`
    beside the article; or, whatever its name, by what it says inside: a key file there
    (in `keys/`, or `*.key.yaml` beside the article) whose `article:` (a work file's
    `article_id`, or its text fingerprint) is this article. Two keys for one article are a
    KitError naming both: the kit never picks one silently. `kit.compare(work, None)` compares
    with the kit's suggestions. (In a student copy, `kit.answer_key` finds the sealed key
    instead: kit.quiz.sealed_keys.)
    """
    found = key_files_for(article)
    if len(found) > 1:
        raise two_keys(article, found)
    return load_key(found[0], article, kind) if found else None


def two_keys(article: Article, found: list[Path]) -> KitError:
    """The error for two (or more) key files `found` for one article: naming both, and how to
    keep one."""
    first, second = found[0], found[1]
    more = f" (and {len(found) - 2} more)" if len(found) > 2 else ""
    return KitError(
        f"two answer keys are for article '{article.id}': {first} and {second}{more}, so "
        "the kit does not know which one students should be compared with",
        path=first.parent,
        fix=f"keep the one you mean and move the other out of this folder and its "
        f"{KEYS_FOLDER}/ folder (or delete it); or use one by its name: "
        f'kit.load_key("{first}", article)',
    )


def key_files_for(article: Article) -> list[Path]:
    """Every key file for `article` (see `answer_key`): those named for it first, in the order
    above, then those that say inside that they are for it."""
    if article.path is None:
        return []
    folder = Path(article.path).parent
    names = [f"{article.id}{ext}" for ext in (".json", ".yaml", ".yml")]
    candidates = [d / KEYS_FOLDER / n for d in (folder, folder.parent) for n in names]
    candidates += [
        folder / f"{stem}{ext}"
        for stem in dict.fromkeys([article.id, Path(article.path).stem])
        for ext in KEY_SUFFIXES
    ]
    found = {path.resolve(): path for path in candidates if path.is_file()}
    fingerprint = text_fingerprint(article.text)
    for path in _key_files_near(folder):
        if path.resolve() not in found and _is_for(path, article.id, fingerprint):
            found[path.resolve()] = path
    return list(found.values())


def is_draft_copy(path: str | Path) -> bool:
    """Whether a file is a draft saved beside a reviewed key (`<id>.draft.yaml`, the name
    `save_key` offers when it keeps the reviewed key): not used as the key until renamed."""
    return any(
        Path(path).name.lower().endswith(f"{DRAFT_INFIX}{ext}") for ext in (".yaml", ".json")
    )


def is_tag_key(path: str | Path) -> bool:
    """Whether a file in `keys/` is a key for tagging (`<id>.claims.yaml`, `<id>.roles.yaml`),
    which the source keys' readers (the class materials, `answer_key`) leave to the taggers."""
    name = Path(path).name.lower()
    return any(name.endswith(f".{w}{ext}") for w in TAG_FILES.values() for ext in (".yaml", ".yml"))


def _key_files_near(folder: Path) -> list[Path]:
    """The key files an article in `folder` may have, whatever their names: in `keys/` there or
    one folder up (not the taggers' keys, nor a student copy's sealed ones), and `*.key.yaml`
    beside it."""
    out = []
    for d in (folder / KEYS_FOLDER, folder.parent / KEYS_FOLDER):
        if d.is_dir():
            out += [
                f
                for f in sorted(d.iterdir())
                if f.suffix.lower() in (".json", ".yaml", ".yml")
                and not f.name.startswith(".")
                and not f.name.lower().endswith(SEALED_SUFFIX)
                and not is_draft_copy(f)
                and not is_tag_key(f)
                and f.is_file()
            ]
    if folder.is_dir():
        out += [
            f
            for f in sorted(folder.iterdir())
            if f.name.lower().endswith(KEY_SUFFIXES) and not f.name.startswith(".") and f.is_file()
        ]
    return out


def key_says_for(path: Path) -> str:
    """The article id a key file says it is for ('' when it says none: a work file that names
    only its text, a key with no `article:`); KitError when it cannot be read."""
    st = path.stat()
    return _says_for(path, st.st_mtime_ns, st.st_size)[0]


def _is_for(path: Path, article_id: str, fingerprint: str) -> bool:
    """Whether the key file says inside that it is for this article (by id, or a work file's
    text fingerprint when it names no article). A file that cannot be read says nothing."""
    try:
        st = path.stat()
        said = _says_for(path, st.st_mtime_ns, st.st_size)
    except (OSError, KitError):
        return False
    return said[0] == article_id or (not said[0] and bool(said[1]) and said[1] == fingerprint)


@lru_cache(maxsize=1024)
def _says_for(path: Path, mtime_ns: int, size: int) -> tuple[str, str]:
    """(article id, text fingerprint) a key file says it is for ('' for what it does not say);
    remembered while the file's time and size stay the same."""
    data = parse_key(read_text(path)[0], path)
    if not isinstance(data, dict):
        return "", ""
    if data.get("format") == WORK_FORMAT:
        return str(data.get("article_id") or ""), str(data.get("text_sha") or "")
    if "format" in data:  # some other kit file (a sealed key ...): not a teacher's key
        return "", ""
    return str(data.get("article") or ""), ""


def save_key(
    work: Any,
    article: Article | None = None,
    path: str | Path = ".",
    kind: str | None = None,
    *,
    reviewed: bool = True,
    overwrite: bool = False,
) -> Path:
    """Save a teacher's highlights as an answer key file that `load_key` reads; returns its path.

    `work` is what `compare` takes (a Highlighter, a Workspace, a work file or annotations);
    `path` a folder, as text or a Path (the file is `<article id>.key.yaml` in it, the folder
    made when missing), or a file name (`.yaml`/`.json`). Each highlight becomes an item: its
    words (`quote`, with `occurrence` when the words occur earlier too), its label (the name
    people read, `Named person`) and its comment as the `hint` students see when they miss it.
    `kind` keeps only the tags of that kind (`source`); default: every tagged highlight.
    `reviewed=False` marks a draft nobody has checked yet (`reviewed: false`; release warns).
    A key is never written over one the teacher changed since the kit wrote it, nor a draft
    over a reviewed key (kit.files.check_replace, the rule `kit exercise` follows too): KitError
    naming the file and the call that replaces it (`overwrite=True`) or saves under another
    name; saving the same key again is harmless.
    """
    mine, article = resolve_work(work, article)
    if article is None:
        raise KitError("to save a key the kit needs the article", fix="pass the article too")
    target = key_path(article, path)
    text = key_text(mine, article, kind, reviewed=reviewed, as_json=target.suffix == ".json")
    make_folder(target.parent)
    call = "kit.work.keys.save_key(reviewer, article, {})".format
    draft = target.with_name(f"{article.id}{DRAFT_INFIX}.yaml")
    write_edited_file(
        target,
        text,
        overwrite=overwrite,
        replace=call(f'"{path}", overwrite=True'),
        instead=call(f'"{draft}"') + f" (not used as the key until you rename it {target.name})",
        keep=f'key_file = kit.work.keys.key_path(article, "{path}")',
        kept_because=key_kept_because(target, reviewed),
    )
    return target


def key_kept_because(target: Path, reviewed: bool) -> str:
    """Why an answer key file is kept even as the kit wrote it: a draft (`reviewed` false)
    never replaces a reviewed key ('' when nothing stands in the way)."""
    if reviewed:
        return ""
    try:
        data = parse_key(read_text(target)[0], target)
    except KitError:
        return ""  # no file, or not one the kit can read: the rule for any file decides
    if isinstance(data, dict) and data.get("reviewed") is False:
        return ""
    return (
        "this answer key has been reviewed (it does not say reviewed: false) and the new one "
        "is a draft"
    )


def key_path(article: Article, path: str | Path = ".") -> Path:
    """Where `save_key` writes the key of `article`: `path` itself when it names a `.yaml`,
    `.yml` or `.json` file, else `<article id>.key.yaml` in the folder `path`."""
    target = Path(path)
    if target.suffix.lower() in (".yaml", ".yml", ".json"):
        return target.with_suffix(target.suffix.lower())
    return target / f"{article.id}{KEY_SUFFIX}"


def key_text(
    work: Any,
    article: Article,
    kind: str | None = None,
    *,
    reviewed: bool = True,
    as_json: bool = False,
) -> str:
    """The text of the key file `save_key` writes (YAML with a header for teachers, or JSON)."""
    mine, _ = resolve_work(work, article)
    tagged = [
        a
        for a in sorted(mine, key=lambda a: (a.start, a.end))
        if 0 <= a.start < a.end <= len(article.text)
        and any(":" in t and (kind is None or t.split(":", 1)[0] == kind) for t in a.tags)
    ]
    if not tagged:
        raise KitError(
            "there is nothing to save: no highlight has a label yet",
            fix="accept the right suggestions (or highlight the sources) in the widget first",
        )
    kinds = [t.split(":", 1)[0] for a in tagged for t in a.tags if ":" in t]
    main = kind or max(dict.fromkeys(kinds), key=kinds.count)
    items = []
    for a in tagged:
        quote = article.text[a.start : a.end]
        item: dict[str, Any] = {"quote": quote}
        n = _occurrence(article.text, quote, a.start)
        if n > 1:
            item["occurrence"] = n
        tags = [t for t in a.tags if ":" in t and (kind is None or t.startswith(f"{kind}:"))]
        if len(tags) == 1 and tags[0].startswith(f"{main}:"):
            item["label"] = label_name(tags[0], main)
        else:
            item["labels"] = [label_name(t, main) for t in tags]
        if a.comment.strip():
            item["hint"] = a.comment.strip()
        items.append(item)
    data: dict[str, Any] = {"article": article.id, "kind": main}
    if not reviewed:
        data["reviewed"] = False
    data["items"] = items
    if as_json:
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    import yaml

    labels = label_set(main)
    header = [
        f"# Answer key for: {article.title}",
        "# Each item: the words as in the article (quote), which time they occur when they",
        "# occur more than once (occurrence), the label, and an optional hint that students",
        "# see when they miss it. Edit freely; kit.load_key(file, article) checks it.",
    ]
    if labels is not None:
        names = ", ".join(lab.title.replace(" ", "\xa0") for lab in labels)  # kept whole
        lines = textwrap.wrap(f"Labels: {names}.", 86, subsequent_indent="  ")
        header += [f"# {line}".replace("\xa0", " ") for line in lines]
    if not reviewed:
        header += [
            "# A DRAFT made by the kit from the sources it found: check every item (remove the",
            "# wrong ones, add what it missed), then change 'reviewed: false' to 'reviewed: true'.",
        ]
    body = yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
    return "\n".join(header) + "\n" + body


def unreviewed(keys: Iterable[str | Path]) -> list[Path]:
    """The key files among `keys` that are drafts nobody has checked (`reviewed: false`, as
    `python -m kit exercise` writes them). A file that cannot be read is left to the checks
    that read keys."""
    drafts = []
    for key in keys:
        path = Path(key)
        try:
            data = parse_key(read_text(path)[0], path)
        except KitError:
            continue
        if isinstance(data, dict) and data.get("reviewed") is False:
            drafts.append(path)
    return drafts


def _occurrence(text: str, quote: str, start: int) -> int:
    """Which occurrence of `quote` (counted as `_nth` counts) starts at `start`."""
    n, i = 0, -1
    while True:
        i = text.find(quote, i + 1)
        if i == -1 or i > start:
            return max(n, 1)
        n += 1
        if i == start:
            return n
