"""Where answer keys are kept: finding the key of an article, saving a teacher's highlights as one.

Keys live in `keys/` (the article's folder or the one above) or beside their article as
`*.key.yaml`; `save_key` writes `<article id>.key.yaml` in the format kit.work.key_format reads.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kit.articles.article import Article
from kit.errors import KitError
from kit.files import make_folder, read_text, write_edited_file
from kit.work.feedback import resolve_work
from kit.work.key_format import Key, label_name, label_set, load_key, parse_key

#: How answer keys are named in a seeds folder: in `keys/`, or `*.key.yaml` beside their article
#: (the course and release tell keys from articles by these).
KEYS_FOLDER = "keys"
KEY_SUFFIXES = (".key.yaml", ".key.yml", ".key.json")
#: The name `save_key` gives a key: `<article id>.key.yaml`.
KEY_SUFFIX = ".key.yaml"


def answer_key(article: Article, kind: str = "source") -> Key | None:
    """The teacher's answer key for `article`, found beside it; None when there is none.

    Looked for, in order: `keys/<article id>.json|yaml|yml` in the article's folder or the folder
    above it (the seeds folder of a practice article), then `<article id>.key.yaml|yml|json`
    beside the article. `kit.compare(work, None)` compares with the kit's suggestions. (In a
    student copy, `kit.answer_key` finds the sealed key instead: kit.quiz.sealed_keys.)
    """
    if article.path is None:
        return None
    folder = Path(article.path).parent
    names = [f"{article.id}{ext}" for ext in (".json", ".yaml", ".yml")]
    candidates = [d / KEYS_FOLDER / n for d in (folder, folder.parent) for n in names]
    candidates += [
        folder / f"{stem}{ext}"
        for stem in dict.fromkeys([article.id, Path(article.path).stem])
        for ext in KEY_SUFFIXES
    ]
    for path in candidates:
        if path.is_file():
            return load_key(path, article, kind)
    return None


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
    A key edited by hand is never silently replaced: when the file differs from what this
    session last saved there, KitError says so unless `overwrite=True` (saving the same key
    again is harmless).
    """
    mine, article = resolve_work(work, article)
    if article is None:
        raise KitError("to save a key the kit needs the article", fix="pass the article too")
    target = key_path(article, path)
    text = key_text(mine, article, kind, reviewed=reviewed, as_json=target.suffix == ".json")
    make_folder(target.parent)
    write_edited_file(
        target,
        text,
        overwrite=overwrite,
        fix=(
            "keep your edits and go on with the file as it is "
            "(key_file = kit.work.keys.key_path(article, folder)); or replace them with your "
            "highlights: save_key(..., overwrite=True); or save under another name: "
            f'save_key(..., path="{target.parent / "my.key.yaml"}")'
        ),
    )
    return target


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
