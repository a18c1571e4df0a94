"""The answer keys of a student copy: each shipped article's key, sealed, beside the article.

`ship_keys` is the one step release takes for keys: for every article it ships that has a
teacher's key (found as `kit.answer_key` finds it: `keys/<id>.json|yaml` or `<id>.key.yaml`
beside the article), it writes `keys/<id>.sealed.json` (kit.quiz.sealed_keys) into the copy's
seeds folder. An exam copy gets none.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kit.articles.article import Article, read_file
from kit.classroom.course import seed_files
from kit.errors import KitError
from kit.quiz.sealed_keys import write_sealed_key
from kit.work.keys import KEYS_FOLDER, SEALED_SUFFIX, Key, answer_key
from kit.work.tag_keys import FILES, tag_answers, tag_key


def teachers_key(article: Article) -> Key | None:
    """Every item of the teacher's key for `article` (sources and claims alike), or None.

    A key made in the widgets (a work file) is read one kind at a time, so the claims are read
    too; items already there by their words (a YAML key read twice) are not repeated."""
    sources = answer_key(article, "source")
    if sources is None:
        return None
    claims = tag_key(article, "claim")
    spans = {(i.start, i.end) for i in sources.items}
    more = tuple(i for i in (claims.items if claims else ()) if (i.start, i.end) not in spans)
    return Key(sources.items + more, sources.article_id, sources.name)


def ship_keys(
    seeds_folder: str | Path,
    out_folder: str | Path,
    articles: Iterable[str],
    exam: bool = False,
    *,
    cost: int | None = None,
) -> list[str]:
    """Seal the key of every article in `articles` (ids) found in `seeds_folder` into
    `out_folder` (the copy's seeds folder) as `keys/<id>.sealed.json`; returns the files
    written, relative to `out_folder`. `exam`: none at all. `cost`: scrypt's N (tests only)."""
    if exam:
        return []
    seeds, out = Path(seeds_folder), Path(out_folder)
    wanted = set(articles)
    written: list[str] = []
    for f in seed_files(seeds).articles:
        try:
            found = [a for a in read_file(f) if a.id in wanted]
        except KitError:
            continue
        for article in found:
            key = teachers_key(article)
            tags = {kind: tag_answers(tag_key(article, kind), article, kind) for kind in FILES}
            tags = {kind: answers for kind, answers in tags.items() if answers}
            if (key is None or not len(key)) and not tags:
                continue
            rel = Path(KEYS_FOLDER) / f"{article.id}{SEALED_SUFFIX}"
            key = key if key is not None else Key((), article.id)
            write_sealed_key(key, article, out / rel, cost=cost, tags=tags)
            written.append(rel.as_posix())
    return sorted(set(written))
