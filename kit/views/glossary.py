"""Hard words explained: the glossary an article view shows below the text.

A teacher's `glossary.yaml` (in the seeds folder, found beside the article or up to two folders
above it) maps words and phrases to short plain definitions:

```yaml
terms:
  unilateral: Done by one side alone, without the other side agreeing.
  Downing Street: The office of the British prime minister (it is the street where they live).
```

`show_article` lists the terms that occur in the article, in the order they first occur, as an
HTML description list (`<dl>`, each term a `<dfn>`), escaped like everything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path

from kit.articles.article import Article
from kit.errors import KitError
from kit.files import parse_yaml, read_text

#: The file name the article views look for.
GLOSSARY = "glossary.yaml"
MAX_BYTES = 512 * 1024


@dataclass(frozen=True)
class Term:
    """One glossary entry found in an article: the words as written there, and what they mean."""

    term: str
    definition: str
    start: int  # where the article first uses it
    end: int


@cache
def _load(path: str, _mtime: float) -> tuple[tuple[str, str], ...]:
    p = Path(path)
    data = parse_yaml(read_text(p, MAX_BYTES)[0], p, "the glossary")
    terms = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(terms, dict):
        raise KitError(
            "the glossary has no 'terms:'",
            path=p,
            fix="write 'terms:' and below it one 'word: what it means' line a word",
        )
    out = []
    for term, definition in terms.items():
        if not isinstance(definition, str) or not definition.strip() or not str(term).strip():
            raise KitError(
                f"the glossary entry '{term}' has no definition",
                path=p,
                fix="write the meaning after the colon, in one or two short sentences",
            )
        out.append((" ".join(str(term).split()), " ".join(definition.split())))
    return tuple(out)


def load_glossary(path: str | Path) -> tuple[tuple[str, str], ...]:
    """(term, definition) pairs of a glossary file; KitError names the file and the fix."""
    p = Path(path)
    if not p.is_file():
        raise KitError("there is no glossary file here", path=p, fix="check the file name")
    return _load(str(p.resolve()), p.stat().st_mtime)


def find_glossary(article: Article) -> Path | None:
    """The `glossary.yaml` beside the article or up to two folders above it; None if none."""
    if article.path is None:
        return None
    for folder in list(Path(article.path).resolve().parents)[:3]:
        if (folder / GLOSSARY).is_file():
            return folder / GLOSSARY
    return None


def terms_in(article: Article, glossary: str | Path | None = None) -> list[Term]:
    """The glossary's terms that the article uses (whole words, any case, a plural too), in the
    order the article first uses them. `glossary`: a file (default: `find_glossary`)."""
    path = Path(glossary) if glossary is not None else find_glossary(article)
    if path is None:
        return []
    found = []
    for term, definition in load_glossary(path):
        words = r"\s+".join(re.escape(w) for w in term.split())
        hit = re.search(rf"(?<!\w){words}(?:s|es)?(?!\w)", article.text, re.IGNORECASE)
        if hit:
            found.append(Term(hit.group(0), definition, hit.start(), hit.end()))
    return sorted(found, key=lambda t: t.start)


def glossary_html(terms: list[Term]) -> str:
    """The terms as an accessible, escaped description list ('' when there are none)."""
    if not terms:
        return ""
    rows = "".join(
        f'<dt style="font-weight:bold;margin-top:0.3em"><dfn>{escape(t.term)}</dfn></dt>'
        f'<dd style="margin:0 0 0 1.2em">{escape(t.definition)}</dd>'
        for t in terms
    )
    return (
        '<details class="kit-glossary" open style="font-family:sans-serif;font-size:0.9em;'
        'border-top:1px solid #ddd;margin-top:0.6em;padding-top:0.3em">'
        f"<summary><strong>Words to know ({len(terms)})</strong></summary>"
        f'<dl style="margin:0.2em 0">{rows}</dl></details>'
    )
