"""How hard the course notebooks are to read: Flesch-Kincaid grade and Flesch reading ease.

    python benchmarks/readability.py            # a Markdown table, one row per notebook
    python benchmarks/readability.py --text NB  # the prose that was measured, for one notebook

Only what a student reads is measured: the notebooks' Markdown cells, turned into plain
sentences. Code (fenced blocks and `inline code`) becomes the word "code"; links keep their text;
headings, list items, table cells and lines in bold each count as one sentence. The grade is the
US school grade a reader needs (8 = a 13-14-year-old); reading ease runs from 0 (hard) to 100
(easy), 60-70 being plain English. tests/test_course_notebooks.py uses the same functions.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"

_FENCE = re.compile(r"^\s*(```|~~~)")
_HTML_TAG = re.compile(r"<[^>]+>")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_CODE = re.compile(r"`[^`]*`")
_EMPHASIS = re.compile(r"(\*\*|__|\*|(?<!\w)_(?!\s))")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*)$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(.+?)(\*\*|__)\s*:?\s*$")
_LEADING_NUMBER = re.compile(r"^\d+(\.\d+)*[.)]?\s+")
_END = (".", "!", "?", ":", ";", "…")


@dataclass(frozen=True)
class Readability:
    """A notebook's prose and its scores."""

    path: Path
    text: str
    grade: float  # Flesch-Kincaid grade level
    ease: float  # Flesch reading ease
    words: int
    sentences: int


def _inline(text: str) -> str:
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _CODE.sub("code", text)
    text = _HTML_TAG.sub(" ", text)
    text = _EMPHASIS.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def _sentence(text: str) -> str:
    text = _inline(text)
    if text and not text.endswith(_END):
        text += "."
    return text


def markdown_prose(markdown: str) -> list[str]:
    """The plain sentences (and paragraphs) of one Markdown cell, in order."""
    units: list[str] = []
    paragraph: list[str] = []
    in_fence = False

    def flush() -> None:
        if paragraph:
            units.append(_sentence(" ".join(paragraph)))
            paragraph.clear()

    for line in markdown.splitlines():
        if _FENCE.match(line):
            flush()
            if not in_fence:
                units.append("code.")
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if not line.strip() or _TABLE_RULE.match(line):
            flush()
            continue
        if heading := _HEADING.match(line):
            flush()
            units.append(_sentence(_LEADING_NUMBER.sub("", heading.group(1))))
        elif line.lstrip().startswith("|"):
            flush()
            cells = [c for c in line.strip().strip("|").split("|") if c.strip()]
            units.extend(_sentence(_LEADING_NUMBER.sub("", c.strip())) for c in cells)
        elif item := _LIST_ITEM.match(line):
            flush()
            paragraph.append(item.group(1))
        elif bold := _BOLD_LINE.match(line):
            flush()
            units.append(_sentence(bold.group(2)))
        elif line.startswith((" ", "\t")) and paragraph:
            paragraph.append(line.strip())  # a list item or paragraph continued
        else:
            paragraph.append(line.strip())
    flush()
    return [u for u in units if u]


def notebook_prose(path: str | Path) -> str:
    """Everything a student reads in a notebook's Markdown cells, as plain sentences."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    units = [u for c in nb.cells if c.cell_type == "markdown" for u in markdown_prose(c.source)]
    return "\n".join(units)


def measure(path: str | Path) -> Readability:
    """The Flesch-Kincaid grade and Flesch reading ease of a notebook's Markdown."""
    import textstat

    text = notebook_prose(path)
    return Readability(
        path=Path(path),
        text=text,
        grade=round(textstat.flesch_kincaid_grade(text), 1),
        ease=round(textstat.flesch_reading_ease(text), 1),
        words=textstat.lexicon_count(text),
        sentences=textstat.sentence_count(text),
    )


def course_notebooks() -> list[Path]:
    """The student notebooks of the course (in course order) that exist, then the teachers'."""
    from kit.classroom.course import load_course

    students = [NOTEBOOKS / le.notebook for le in load_course().lessons]
    teachers = sorted((NOTEBOOKS / "teacher").glob("*.ipynb"))
    return [p for p in students if p.is_file()] + teachers


def table(paths: list[Path]) -> str:
    """A Markdown table: notebook, grade, reading ease, words, sentences."""
    rows = [
        "| Notebook | Flesch-Kincaid grade | Reading ease | Words | Sentences |",
        "|---|---:|---:|---:|---:|",
    ]
    for p in paths:
        r = measure(p)
        name = p.relative_to(NOTEBOOKS).as_posix()
        rows.append(f"| `{name}` | {r.grade:.1f} | {r.ease:.1f} | {r.words} | {r.sentences} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", metavar="NOTEBOOK", help="print the measured prose of one")
    args = parser.parse_args(argv)
    if args.text:
        print(notebook_prose(args.text))
        return 0
    paths = course_notebooks()
    if not paths:
        print("no course notebooks found", file=sys.stderr)
        return 1
    print(table(paths))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
