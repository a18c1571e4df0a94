"""The README and docs/ hold together: every relative link leads to a file in the repository (and
to a heading there, when it names one), the README stays short and shows the two commands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
PAGES = sorted([README, ROOT / "CHANGELOG.md", *(ROOT / "docs").rglob("*.md")])
README_MAX_LINES = 250
IMAGE_MAX_BYTES = 250 * 1024

FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)


def prose(text: str) -> str:
    """The text without code blocks and inline code, where brackets are not links."""
    return CODE.sub("", FENCE.sub("", text))


def links(page: Path) -> list[str]:
    return LINK.findall(prose(page.read_text(encoding="utf-8")))


def is_relative(target: str) -> bool:
    return not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) and not target.startswith("//")


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"`|\*|_{2}", "", heading).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    return {slug(h) for h in HEADING.findall(FENCE.sub("", page.read_text(encoding="utf-8")))}


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_the_docs_are_there():
    assert (ROOT / "docs" / "README.md").is_file()
    assert len(list((ROOT / "docs").rglob("*.md"))) >= 3


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_every_relative_link_leads_to_a_file_in_the_repository(page):
    broken = []
    for target in links(page):
        if not is_relative(target):
            continue
        path_part, _, anchor = target.partition("#")
        dest = (page.parent / path_part).resolve() if path_part else page
        if not dest.is_relative_to(ROOT):
            broken.append(f"{target}: outside the repository")
        elif not dest.is_file():
            broken.append(f"{target}: no such file")
        elif anchor and dest.suffix == ".md" and anchor not in anchors(dest):
            broken.append(f"{target}: {rel(dest)} has no heading #{anchor}")
    assert not broken, f"{rel(page)}: broken links:\n  " + "\n  ".join(broken)


def test_the_link_check_finds_links_and_skips_code():
    text = (
        "See [a](docs/a.md#x) and ![pic](images/p.png).\n`[not](a link)`\n"
        "```\n[nor](this)\n```\n[web](https://example.org)"
    )
    assert LINK.findall(prose(text)) == ["docs/a.md#x", "images/p.png", "https://example.org"]
    assert not is_relative("https://example.org") and is_relative("docs/a.md")
    assert slug("6. How big a class") == "6-how-big-a-class"
    assert slug("Issue 14: A house (December 2026)") == "issue-14-a-house-december-2026"


def test_readme_is_short_and_shows_the_two_commands_and_the_pictures():
    text = README.read_text(encoding="utf-8")
    lines = len(text.splitlines())
    assert lines <= README_MAX_LINES, f"README.md has {lines} lines; move detail to docs/"
    assert "make lab" in text and "make test" in text
    images = [t for t in links(README) if t.endswith(".png")]
    assert "docs/images/highlighter.png" in images and "docs/images/dashboard.png" in images
    assert "docs/benchmarks.md" in links(README)


def test_pictures_stay_small():
    pictures = sorted((ROOT / "docs" / "images").glob("*.png"))
    assert pictures
    big = [f"{rel(p)}: {p.stat().st_size // 1024} KB" for p in pictures]
    big = [b for p, b in zip(pictures, big) if p.stat().st_size > IMAGE_MAX_BYTES]
    assert not big, f"pictures over {IMAGE_MAX_BYTES // 1024} KB: {big}"
