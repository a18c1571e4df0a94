"""The course notebooks follow the course's rules: a student knows what they will learn and how
long it takes, reads plain language, works on the seed article by default, and ends with a recap
and a reflection.

Every student notebook listed in kit/data/course.yaml that exists is checked, so lessons are
checked as they land. (Executed outputs and "no functions or classes in cells" are checked for
every notebook in tests/test_notebooks_executed.py.)
"""

from __future__ import annotations

import importlib.util
import re
import sys
from functools import cache
from pathlib import Path

import nbformat
import pytest

from kit.classroom.course_folder import course_here

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SEEDS = ROOT / "seeds"
COURSE = course_here(ROOT)  # each lesson's articles as its notebook loads them
LESSONS = [le for le in COURSE.lessons if (NOTEBOOKS / le.notebook).is_file()]

#: Flesch-Kincaid grade the student notebooks must not exceed (the course aims for 8 or less:
#: a 14-year-old reads it; see `python benchmarks/readability.py`).
MAX_GRADE = 9.0
#: Each lesson is planned to take this long (minutes).
MINUTES = (15, 30)

GOALS = r"learning goals?|you will learn|by the end of (this|the) (notebook|lesson)"
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$", re.MULTILINE)
_MINUTES = re.compile(r"(\d+)\s*(?:(?:-|–|to)\s*(\d+)\s*)?min(?:ute)?s?\b", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S", re.MULTILINE)
_LOAD_LINE = re.compile(
    r"""^(?P<name>[A-Za-z_]\w*)\s*=\s*kit\.load_article\(\s*(?P<q>["'])(?P<path>[^"']+)(?P=q)\s*\)\s*(?:#.*)?$"""
)


@cache
def _readability():
    spec = importlib.util.spec_from_file_location(
        "readability", ROOT / "benchmarks" / "readability.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _cells(lesson):
    return nbformat.read(NOTEBOOKS / lesson.notebook, as_version=4).cells


def _top(cells) -> str:
    """The Markdown a student reads before the first code cell."""
    out = []
    for c in cells:
        if c.cell_type == "code":
            break
        if c.cell_type == "markdown":
            out.append(c.source)
    return "\n\n".join(out)


def _headings(cells) -> list[tuple[int, int, str]]:
    """(cell index, level, text) of every Markdown heading, in order."""
    return [
        (i, len(m.group(1)), m.group(2).strip("*_ ").lower())
        for i, c in enumerate(cells)
        if c.cell_type == "markdown"
        for m in _HEADING.finditer(c.source)
    ]


def _ids(lessons):
    return [le.notebook.removesuffix(".ipynb") for le in lessons]


def test_the_course_lists_every_student_notebook():
    listed = {le.notebook for le in COURSE.lessons}
    found = {p.name for p in NOTEBOOKS.glob("*.ipynb")}
    assert found <= listed, f"notebooks missing from kit/data/course.yaml: {sorted(found - listed)}"
    assert LESSONS, "no lesson notebook exists yet"


@pytest.mark.parametrize("lesson", LESSONS, ids=_ids(LESSONS))
def test_notebook_number_matches_its_lesson(lesson):
    assert lesson.notebook.startswith(f"{lesson.id}_"), (
        f"{lesson.notebook} is lesson {lesson.id}: name it {lesson.id}_...ipynb"
    )


@pytest.mark.parametrize("lesson", LESSONS, ids=_ids(LESSONS))
def test_top_has_a_title_learning_goals_time_and_what_you_will_do(lesson):
    cells = _cells(lesson)
    top = _top(cells)
    assert re.match(r"\s*# \S", top), f"{lesson.notebook}: start with a '# title' cell"
    goals = re.search(GOALS, top, re.IGNORECASE)
    assert goals, (
        f"{lesson.notebook}: say at the top what the student will learn ('Learning goals')"
    )
    times = _MINUTES.search(top)
    assert times, f"{lesson.notebook}: give the time at the top ('Time: about 20 minutes')"
    minutes = [int(m) for m in times.groups() if m]
    assert all(MINUTES[0] <= m <= MINUTES[1] for m in minutes), (
        f"{lesson.notebook}: a lesson takes {MINUTES[0]}-{MINUTES[1]} minutes, not {minutes}"
    )
    todo = re.search(r"what you will do", top, re.IGNORECASE)
    assert todo, f"{lesson.notebook}: add a 'What you will do' list at the top"
    assert len(_LIST_ITEM.findall(top[todo.end() :])) >= 2, (
        f"{lesson.notebook}: 'What you will do' needs a list of steps under it"
    )


@pytest.mark.parametrize("lesson", LESSONS, ids=_ids(LESSONS))
def test_ends_with_a_recap_and_a_reflection(lesson):
    headings = _headings(_cells(lesson))
    recap = [i for i, (_, _, text) in enumerate(headings) if "recap" in text]
    reflect = [i for i, (_, _, text) in enumerate(headings) if "reflect" in text]
    assert recap, f"{lesson.notebook}: end with a '## Recap' section"
    assert reflect, f"{lesson.notebook}: end with a '## Reflection' section"
    first_of_end = min(recap[-1], reflect[-1])
    after = [text for _, level, text in headings[first_of_end:] if level <= 2]
    others = [t for t in after if not re.search(r"recap|reflect|next", t)]
    assert not others, (
        f"{lesson.notebook}: the recap and the reflection come last; these sections follow "
        f"them: {others}"
    )


@pytest.mark.parametrize("lesson", LESSONS, ids=_ids(LESSONS))
def test_loads_its_articles_in_one_line_each(lesson):
    """Changing one line (the article's path) runs the whole lesson on another article."""
    code = [c.source for c in _cells(lesson) if c.cell_type == "code"]
    lines = [line.strip() for src in code for line in src.splitlines()]
    loads = [m for line in lines if (m := _LOAD_LINE.match(line))]
    assert loads, (
        f'{lesson.notebook}: load the article in one line: article = kit.load_article("../seeds/'
        f'{lesson.articles[0] if lesson.articles else "..."}.txt")'
    )
    by_stem = {Path(m["path"]).name.split(".")[0]: m for m in loads}
    for article_id in lesson.articles:
        assert article_id in by_stem, (
            f"{lesson.notebook}: course.yaml says it works on {article_id}; load it with "
            f"kit.load_article in one line"
        )
        path = by_stem[article_id]["path"]
        assert (NOTEBOOKS / path).resolve().is_file(), f"{lesson.notebook}: no file {path}"
        uses = sum(src.count(Path(path).name) for src in code)
        assert uses == 1, (
            f"{lesson.notebook}: {Path(path).name} is named in {uses} places; name it only in "
            f"the line that loads it, so one change switches the article"
        )


@pytest.mark.parametrize("lesson", LESSONS, ids=_ids(LESSONS))
def test_markdown_is_plain_enough_for_a_14_year_old(lesson):
    r = _readability().measure(NOTEBOOKS / lesson.notebook)
    assert r.words >= 150, f"{lesson.notebook}: only {r.words} words of instructions"
    assert r.grade <= MAX_GRADE, (
        f"{lesson.notebook}: Flesch-Kincaid grade {r.grade} (reading ease {r.ease}) is above "
        f"{MAX_GRADE}: use shorter sentences and everyday words "
        f"(python benchmarks/readability.py --text {lesson.notebook})"
    )


def test_readability_counts_headings_lists_and_tables_as_sentences():
    prose = _readability().markdown_prose(
        "# 3. Who is talking?\n\n**What you will do**\n1. Highlight `every` source\n"
        "2. Compare with the\n   key\n\n| Notebook | What |\n|---|---|\n| 1. First | Read it |\n"
        "```python\nkit.x()\n```\nSee [the guide](http://x) *now*"
    )
    assert prose == [
        "Who is talking?",
        "What you will do.",
        "Highlight code source.",
        "Compare with the key.",
        "Notebook.",
        "What.",
        "First.",
        "Read it.",
        "code.",
        "See the guide now.",
    ]


def test_course_overview_lists_every_lesson_and_what_marks_it_done():
    overview = (ROOT / "docs" / "teachers" / "course.md").read_text(encoding="utf-8")
    where = "docs/teachers/course.md (course at a glance)"
    for lesson in COURSE.lessons:
        row = next((line for line in overview.splitlines() if f"`{lesson.notebook}`" in line), "")
        assert row, f"{where}: add a row for {lesson.notebook}"
        assert lesson.title in row, f"{where}: {lesson.notebook} is '{lesson.title}'"
        if lesson not in LESSONS:
            continue  # its steps may still change until the notebook lands
        for step in lesson.done:
            assert f"`{step.target}`" in row, (
                f"{where}: lesson {lesson.id} is done by {step.label}; say so"
            )
