"""The `Article` model and the loaders for every file format a teacher may bring.

Every loader builds the same canonical `Article.text`: headline, standfirst and body paragraphs
joined by blank lines. All offsets in the kit point into that string.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from kit.articles.language import language_of
from kit.articles.segment import (
    Paragraph,
    Sentence,
    Span,
    new_paragraph,
    paragraph_offsets,
    split_sentences,
)
from kit.errors import KitError
from kit.files import MAX_FILE_BYTES, decode, normalise_newlines, parse_yaml, read_bytes, read_text

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".csv")
_FORMATS_HELP = "use .txt, .md, .html, .json or .csv"
PARAGRAPH_SEPARATOR = "\n\n"
# Fewer words than this from a web page means trafilatura found menus or a cookie notice, not news.
MIN_HTML_WORDS = 15

# Spaces that editors and web pages leave in text: every run of them becomes one plain space.
# The pattern matches only the runs that are not one plain space already (a sub() that replaced
# every space by a space took 6% of `kit sources` on plain text); _ODD_SPACE finds one of the
# characters other than the plain space, for a cheap test first (a scan in C: a set's isdisjoint
# made a string of every character).
_ODD_SPACE = re.compile(r"[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_ODD_SPACES = re.compile(
    r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{2,}"
    r"|[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
)
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Article:
    """A news article. `text` is the canonical string every offset points into."""

    id: str
    title: str
    standfirst: str
    body: tuple[str, ...]
    text: str
    paragraphs: tuple[Paragraph, ...]
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    url: str | None = None
    licence: str | None = None
    language: str = "en"
    path: Path | None = None
    encoding: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """Sentences with exact offsets, in order (computed once, on first use)."""
        return split_sentences(self.text, self.paragraphs, self.language)

    @property
    def headline_span(self) -> Paragraph | None:
        return next((p for p in self.paragraphs if p.role == "headline"), None)

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that holds the character at `offset`, if any."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def __repr__(self) -> str:
        return (
            f"Article(id={self.id!r}, title={self.title!r}, paragraphs={len(self.paragraphs)}, "
            f"sentences={len(self.sentences)})"
        )

    def _repr_html_(self) -> str:
        from html import escape

        facts = [
            f"id: {self.id}",
            f"{sum(p.role == 'body' for p in self.paragraphs)} paragraphs",
            f"{len(self.sentences)} sentences",
            f"{self.word_count} words",
        ]
        facts += [v for v in (self.outlet, self.published) if v]
        return (
            '<div class="kit-article-card" style="font-family:sans-serif;border:1px solid #ccc;'
            'border-radius:4px;padding:0.4em 0.8em;max-width:46em">'
            f"<strong>{escape(self.title or '(no headline)')}</strong><br>"
            f'<span style="color:#444;font-size:0.9em">{escape(" · ".join(facts))}</span></div>'
        )


def clean_paragraph(text: str) -> str:
    """One paragraph with invisible characters dropped and odd white space folded."""
    # Most paragraphs have nothing to drop or fold: cheap tests first. ASCII text has no
    # invisible or odd character and is already in NFC.
    if text.isascii():
        if "  " in text or "\t" in text or "\f" in text or "\v" in text:
            text = _ODD_SPACES.sub(" ", text)
        return text.strip()
    if "\u200b" in text or "\u2060" in text or "\ufeff" in text or "\u00ad" in text:
        text = _INVISIBLE.sub("", text)
    if "  " in text or _ODD_SPACE.search(text):
        text = _ODD_SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text).strip()


def safe_id(value: str) -> str:
    """An id that is safe as a file name: letters, digits, '.', '_' and '-' only."""
    cleaned = _ID_UNSAFE.sub("-", value).strip(".-")[:100]
    return cleaned or "article"


def make_article(
    title: str,
    body: Iterable[str],
    *,
    standfirst: str = "",
    id: str | None = None,
    path: Path | None = None,
    **meta: Any,
) -> Article:
    """Build an Article from its parts, cleaning white space and computing the canonical text."""
    title = clean_paragraph(title or "")
    standfirst = clean_paragraph(standfirst or "")
    body_paras = tuple(p for p in (clean_paragraph(b) for b in body) if p)
    parts: list[tuple[str, str]] = []
    if title:
        parts.append(("headline", title))
    if standfirst:
        parts.append(("standfirst", standfirst))
    parts.extend(("body", b) for b in body_paras)
    if not parts or not body_paras and not standfirst:
        raise KitError(
            "the file has no article text",
            path=path,
            fix="put the headline on the first line and the paragraphs below it",
        )
    paragraphs = []
    pos = 0
    for i, (role, para) in enumerate(parts):
        paragraphs.append(new_paragraph(pos, pos + len(para), i, role))
        pos += len(para) + len(PARAGRAPH_SEPARATOR)
    text = PARAGRAPH_SEPARATOR.join(p for _, p in parts)
    check_text(text, path)
    known = {"outlet", "byline", "published", "url", "licence", "language", "encoding"}
    extra = {k: v for k, v in meta.items() if k not in known}
    fields = {k: (None if v is None else str(v)) for k, v in meta.items() if k in known}
    fields["language"] = language_of(text, fields.get("language"))
    article_id = safe_id(id if id else (path.stem if path else _title_id(title)))
    return Article(
        id=article_id,
        title=title,
        standfirst=standfirst,
        body=body_paras,
        text=text,
        paragraphs=tuple(paragraphs),
        path=path,
        extra=extra,
        **fields,
    )


#: Most characters an article's text may have: a long report is 100,000; a bigger text is almost
#: always a mistake (a whole corpus, a log file), and would hold a classroom kernel for minutes.
MAX_ARTICLE_CHARS = 5 * 1024 * 1024
_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(text: str, path: Path | None = None) -> None:
    """Refuse an article text that is too long or holds lone surrogates (a JSON escape such as
    \\ud800 that is no character: it could not be shown, saved or printed)."""
    _check_length(len(text), path)
    # Cheap tests first: ASCII holds no surrogate, and UTF-8 encodes every character but a lone
    # surrogate (an encoding is four times faster than the search).
    if text.isascii():
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return
    bad = _SURROGATE.search(text)
    if bad:
        raise KitError(
            f"the text holds a broken character (a lone surrogate, \\u{ord(bad.group()):04x}, "
            f"at character {bad.start()})",
            path=path,
            fix="remove that escape from the file, or save the text again from an editor",
        )


def _check_length(
    chars: int, path: Path | None, what: str = "the article", limit: int = MAX_ARTICLE_CHARS
) -> None:
    if chars > limit:
        raise KitError(
            f"{what} is {chars / (1024 * 1024):.1f} MB of text, over the "
            f"{MAX_ARTICLE_CHARS // (1024 * 1024)} MB an article may have",
            path=path,
            fix="split it into several articles, or check that it is the right file",
        )


def _title_id(title: str) -> str:
    return safe_id(title.lower()[:60]) if title else "article"


def article_from_text(text: str, id: str = "text", language: str | None = None) -> Article:
    """An Article over exactly `text` (no cleaning, so offsets match the caller's string).

    Each non-blank line is a body paragraph. Used for command-line JSONL input. The language is
    the one given ("de", "de-DE", "German"), else detected from the text.
    """
    check_text(text)
    spans = paragraph_offsets(text)
    paras = tuple(new_paragraph(s, e, i, "body") for i, (s, e) in enumerate(spans))
    return Article(
        id=safe_id(id),
        title="",
        standfirst="",
        body=tuple(text[s:e] for s, e in spans),
        text=text,
        paragraphs=paras,
        language=language_of(text, language),
    )


# ---------------------------------------------------------------- loaders, one per format


def _load_txt(path: Path, text: str) -> list[Article]:
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise _empty(path)
    title = lines[0]
    standfirst = lines[1] if len(lines) > 1 else ""
    body = lines[2:]
    if not any(b.strip() for b in body):
        # A two-line file is a headline and one paragraph, not a headline and a standfirst.
        body, standfirst = [standfirst], ""
    return [make_article(title, body, standfirst=standfirst, path=path)]


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MD_PREFIX = re.compile(r"^\s{0,3}(?:>\s?|[-*+]\s+|\d+[.)]\s+)")


def _front_matter(path: Path, text: str) -> tuple[dict[str, Any], str, int]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text, 0
    fix = "check the lines between the two '---' (each line is 'key: value')"
    meta = parse_yaml(m.group(1), path, "the front matter", fix, first_line=2) or {}
    if not isinstance(meta, dict):
        raise KitError(
            "the front matter must be 'key: value' lines",
            path=path,
            line=2,
            fix="write for example 'title: My headline' between the two '---' lines",
        )
    return meta, text[m.end() :], text[: m.end()].count("\n")


def _load_md(path: Path, text: str) -> list[Article]:
    meta, body_text, _ = _front_matter(path, text)
    title = _meta_str(meta, "title", "headline")
    blocks = [b.strip() for b in re.split(r"\n[ \t]*\n", body_text) if b.strip()]
    paras: list[str] = []
    for block in blocks:
        if re.match(r"^(```|~~~|<!--)", block):
            continue
        heading = re.match(r"^#{1,6}\s+(.*)$", block)
        if heading and "\n" not in block:
            if not title:
                title = heading.group(1).strip("# ")
                continue
            block = heading.group(1).strip("# ")
        lines = [_MD_PREFIX.sub("", ln) for ln in block.split("\n")]
        para = " ".join(ln.strip() for ln in lines)
        para = _MD_LINK.sub(r"\1", para)
        para = _MD_EMPHASIS.sub(r"\2", para)
        paras.append(para)
    standfirst = _meta_str(meta, "standfirst", "summary", "description", "subtitle")
    return [
        make_article(
            title,
            paras,
            standfirst=standfirst,
            id=_meta_str(meta, "id") or None,
            path=path,
            **_common_meta(meta),
            **_extra_meta(meta),
        )
    ]


_META_KEYS = {"title", "headline", "standfirst", "summary", "description", "subtitle", "id"}
_META_KEYS |= {"outlet", "publisher", "sitename", "source", "byline", "author", "authors"}
_META_KEYS |= {"published", "date", "url", "link", "licence", "license", "language", "lang"}
_META_KEYS |= {"path", "body", "text", "paragraphs"}


def _extra_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """Front-matter keys the kit has no field for (kept in `Article.extra`, e.g. `practice`)."""
    return {k: v for k, v in meta.items() if isinstance(k, str) and k not in _META_KEYS}


def _meta_str(meta: dict[str, Any], *keys: str) -> str:
    for k in keys:
        v = meta.get(k)
        if v is not None and not isinstance(v, (dict, list)):
            return str(v)
    return ""


def _common_meta(meta: dict[str, Any]) -> dict[str, Any]:
    return {
        "outlet": _meta_str(meta, "outlet", "publisher", "sitename", "source") or None,
        "byline": _meta_str(meta, "byline", "author", "authors") or None,
        "published": _meta_str(meta, "published", "date") or None,
        "url": _meta_str(meta, "url", "link") or None,
        "licence": _meta_str(meta, "licence", "license") or None,
        "language": _meta_str(meta, "language", "lang") or None,
    }


def _load_html(path: Path, text: str) -> list[Article]:
    import trafilatura  # costs ~0.25 s to import: only when an HTML page is loaded

    try:
        result = trafilatura.extract(
            text,
            output_format="json",
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_links=False,
            favor_precision=True,
        )
    except Exception as e:  # trafilatura raises many kinds on broken markup
        raise KitError(
            f"could not read this web page ({type(e).__name__})",
            path=path,
            fix="save the page again from the browser (File > Save Page As, 'HTML only')",
        ) from None
    if not result:
        raise KitError(
            "found no article text in this web page",
            path=path,
            fix="save the article's own page (not a home page), or paste the text into a .txt file",
        )
    data = json.loads(result)
    body = [p for p in (data.get("text") or "").split("\n") if p.strip()]
    title = data.get("title") or ""
    if body and clean_paragraph(body[0]) == clean_paragraph(title):
        body = body[1:]
    if sum(len(p.split()) for p in body) < MIN_HTML_WORDS:
        raise KitError(
            "found no article text in this web page",
            path=path,
            fix="save the article's own page, or paste the text into a .txt file",
        )
    return [
        make_article(
            title,
            body,
            standfirst=_html_standfirst(data.get("description") or "", body),
            path=path,
            outlet=data.get("sitename") or data.get("hostname") or None,
            byline=data.get("author") or None,
            published=data.get("date") or None,
            url=data.get("source") or data.get("url") or None,
            licence=data.get("license") or None,
            language=data.get("language") or None,
        )
    ]


def _html_standfirst(description: str, body: list[str]) -> str:
    """The page's meta description is the standfirst unless it only repeats the first paragraph."""
    d = clean_paragraph(description)
    if not d or not body or clean_paragraph(body[0]).startswith(d.rstrip(".… ")):
        return ""
    return d


def _article_from_mapping(obj: Any, path: Path, where: str, fallback_id: str | None) -> Article:
    if not isinstance(obj, dict):
        raise KitError(
            f"{where} is not an object with a 'title' and a 'text' or 'body'",
            path=path,
            fix='write it like {"title": "...", "body": ["first paragraph", "..."]}',
        )
    title = _meta_str(obj, "title", "headline")
    body = obj.get("body", obj.get("paragraphs"))
    if isinstance(body, str):
        paras = body.split("\n")
    elif isinstance(body, list) and all(isinstance(b, str) for b in body):
        paras = body
    elif body is None and isinstance(obj.get("text"), str):
        paras = obj["text"].split("\n")
    else:
        raise KitError(
            f"{where} has no article text (a 'text' string or a 'body' list of paragraph strings)",
            path=path,
            fix='add "text": "..." or "body": ["paragraph", ...]',
        )
    return make_article(
        title,
        paras,
        standfirst=_meta_str(obj, "standfirst", "summary", "description"),
        id=_meta_str(obj, "id") or fallback_id,
        path=path,
        **_common_meta(obj),
    )


def _load_json(path: Path, text: str) -> list[Article]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise KitError(
            f"the JSON is not valid ({e.msg})",
            path=path,
            line=e.lineno,
            fix="check commas, quotes and brackets near that line",
        ) from None
    except RecursionError:
        raise KitError("the JSON is nested too deeply to be an article", path=path) from None
    except ValueError:  # json's limit on the digits of an integer
        raise KitError(
            "a number in the JSON is too long to be real",
            path=path,
            fix="check the file: an article's numbers are written as text",
        ) from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, list):
        if not data:
            raise _empty(path)
        return [
            _article_from_mapping(obj, path, f"item {i + 1}", f"{path.stem}_{i + 1}")
            for i, obj in enumerate(data)
        ]
    return [_article_from_mapping(data, path, "the file", None)]


def _load_csv(path: Path, text: str) -> list[Article]:
    csv.field_size_limit(MAX_FILE_BYTES)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise _empty(path) from None
    except csv.Error as e:
        raise _csv_error(path, 1, e) from None
    columns = [h.strip().lower().lstrip("\ufeff") for h in header]
    if "text" not in columns:
        raise KitError(
            f"the CSV has no 'text' column (columns found: {', '.join(columns) or 'none'})",
            path=path,
            line=1,
            fix="name the first row's columns, with at least 'title' and 'text'",
        )
    col = {name: columns.index(name) for name in columns if name}
    articles = []
    row_no = 1
    try:
        for row_no, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue

            def cell(name: str, row: list[str] = row) -> str:
                i = col.get(name)
                return row[i] if i is not None and i < len(row) else ""

            if not cell("text").strip():
                raise KitError(
                    "this row has an empty 'text' cell",
                    path=path,
                    line=row_no,
                    fix="fill in the article text or delete the row",
                )
            articles.append(
                make_article(
                    cell("title"),
                    cell("text").split("\n"),
                    standfirst=cell("standfirst"),
                    id=cell("id") or f"{path.stem}_{len(articles) + 1:03d}",
                    path=path,
                    url=cell("url") or None,
                    published=cell("date") or cell("published") or None,
                    outlet=cell("outlet") or None,
                    licence=cell("licence") or cell("license") or None,
                )
            )
    except csv.Error as e:
        raise _csv_error(path, row_no, e) from None
    if not articles:
        raise KitError("the CSV has a header but no articles", path=path, line=2)
    return articles


def _csv_error(path: Path, line: int, e: Exception) -> KitError:
    return KitError(
        f"the CSV is broken ({e})",
        path=path,
        line=line,
        fix="open it in a spreadsheet and save it again as CSV (UTF-8)",
    )


def _empty(path: Path) -> KitError:
    return KitError("the file is empty", path=path, fix="check that you saved the article into it")


_LOADERS = {
    ".txt": _load_txt,
    ".md": _load_md,
    ".markdown": _load_md,
    ".html": _load_html,
    ".htm": _load_html,
    ".json": _load_json,
    ".csv": _load_csv,
}


def read_file(path: str | Path) -> list[Article]:
    """Every article in one file (CSV and JSON files may hold many)."""
    p = Path(path)
    loader = _LOADERS.get(p.suffix.lower())
    if loader is None:
        raise KitError(
            f"the kit cannot read '{p.suffix or 'no extension'}' files",
            path=p,
            fix=_FORMATS_HELP,
        )
    if p.suffix.lower() in (".html", ".htm"):
        # trafilatura wants the raw page; decode ourselves to report encodings consistently.
        text, encoding = decode(read_bytes(p), p)
        text = normalise_newlines(text)
    else:
        text, encoding = read_text(p)
    if not text.strip():
        raise _empty(p)
    if loader not in (_load_json, _load_csv):  # one article: refused before any cleaning
        # (white space that cleaning removes is allowed for: twice the limit)
        _check_length(len(text), p, "the file", 2 * MAX_ARTICLE_CHARS)
    try:
        articles = loader(p, text)
    except KitError:
        raise
    except RecursionError:
        raise KitError("the file is nested too deeply to read", path=p) from None
    return [_with_encoding(a, encoding) for a in articles]


def _with_encoding(article: Article, encoding: str) -> Article:
    from dataclasses import replace

    return replace(article, encoding=encoding)


def load_article(path: str | Path, id: str | None = None) -> Article:
    """Load one article from a .txt, .md, .html, .json or .csv file.

    For a file holding several articles, `id` picks one.
    """
    articles = read_file(path)
    if id is not None:
        for a in articles:
            if a.id == id:
                return a
        raise KitError(
            f"no article with id '{id}' in this file",
            path=path,
            fix=f"use one of: {', '.join(a.id for a in articles[:10])}",
        )
    if len(articles) > 1:
        raise KitError(
            f"this file holds {len(articles)} articles",
            path=path,
            fix="use kit.load_articles(path) for all of them, or load_article(path, id=...)",
        )
    return articles[0]


@dataclass(frozen=True)
class LoadProblem:
    """A file that could not be loaded, and why."""

    path: Path
    message: str


@dataclass
class LoadResult:
    """Articles that loaded, and one problem per file that did not."""

    articles: list[Article]
    problems: list[LoadProblem]

    def __iter__(self):
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)

    def __getitem__(self, i: int) -> Article:
        return self.articles[i]

    def __repr__(self) -> str:
        return f"LoadResult({len(self.articles)} articles, {len(self.problems)} problems)"


def _expand(paths: str | Path | Sequence[str | Path]) -> list[Path]:
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files: list[Path] = []
    for item in paths:
        p = Path(item)
        if p.is_dir():
            files.extend(
                sorted(
                    f
                    for f in p.rglob("*")
                    if f.is_file()
                    and f.suffix.lower() in SUFFIXES
                    and not f.name.lower().startswith("readme")
                    and not any(part.startswith(".") for part in f.relative_to(p).parts)
                )
            )
        else:
            files.append(p)
    return files


def load_articles(paths: str | Path | Sequence[str | Path]) -> LoadResult:
    """Load every article in the given files and folders (folders are searched recursively).

    Never stops at a bad file: each one becomes a `LoadProblem` with a clear reason.
    """
    articles: list[Article] = []
    problems: list[LoadProblem] = []
    for f in _expand(paths):
        try:
            articles.extend(read_file(f))
        except KitError as e:
            problems.append(LoadProblem(f, e.message))
    seen: set[str] = set()
    unique = []
    for a in articles:
        if a.id in seen:
            problems.append(
                LoadProblem(
                    a.path or Path("?"),
                    f"{a.path}: a second article with id '{a.id}' was skipped; rename the file",
                )
            )
            continue
        seen.add(a.id)
        unique.append(a)
    return LoadResult(unique, problems)
