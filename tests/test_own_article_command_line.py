"""Issue 15, done means: a teacher's own article, end to end, through the command line.

As a teacher who prefers a terminal does it, with only the edits the README and the teachers'
docs name: `kit init` makes the course folder; a Wikinews article that is not the seed is saved
into seeds/ as a Markdown file; `kit exercise ARTICLE` writes the draft key and the checked quiz;
the key is marked reviewed (the one line the docs say to change); lessons 3 and 5 are pointed at
the article by their one load line; `kit release`; three students work in their unzipped copy
(through the kit's API, as the notebooks' widgets do) and hand in a zip each; `kit collect` exits
0; the dashboard notebook, with `demo = False`, counts lesson 3 done for all three.

The browser test of the same flow is tests/browser/test_own_article_end_to_end.py; both use the
helpers here.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.kit_command import run_kit as _run


def run_kit(*args: str, cwd: Path, timeout: int = 600):
    """As a teacher runs it: no work folder of the tests."""
    return _run(*args, cwd=cwd, timeout=timeout, teacher=True)


ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "wikinews" / "subset_2019.csv"
ARTICLE_ID = "wikinews_2019_016"  # "Germany bans Mahan Air of Iran, citing 'security'"
ARTICLE_FILE = f"{ARTICLE_ID}.md"
SEED_LINE = "../seeds/000_8e915a2399968c01.txt"
LESSONS = ("03_who_is_talking.ipynb", "05_claims.ipynb")
STUDENTS = ("amara", "ben", "chloe")
ANSWER = "Officials from Germany and the US speak; nobody from Mahan Air's passengers does."


def make_course(folder: Path) -> Path:
    """`kit init` a course folder and save the Wikinews article into its seeds/, as a teacher
    would copy it from the web: a Markdown file with its headline, outlet, date and source."""
    got = run_kit("init", folder.name, cwd=folder.parent)
    assert got.returncode == 0, got.stderr
    with CORPUS.open(encoding="utf-8", newline="") as f:
        row = next(r for r in csv.DictReader(f) if r["id"] == ARTICLE_ID)
    paragraphs = [p.strip() for p in row["text"].replace("\xa0", " ").splitlines() if p.strip()]
    front = (
        f'---\ntitle: "{row["title"]}"\noutlet: Wikinews\ndate: {row["date"]}\n'
        f"url: {row['url']}\nlicence: CC BY 2.5\n---\n\n"
    )
    body = "\n\n".join(paragraphs[1:])  # the first line is Wikinews' dateline
    (folder / "seeds" / ARTICLE_FILE).write_text(front + body + "\n", encoding="utf-8")
    return folder


def point_lessons_at_the_article(course: Path) -> None:
    """The one load line of lessons 3 and 5, changed as the README says (a text edit)."""
    for name in LESSONS:
        nb = course / "notebooks" / name
        text = nb.read_text(encoding="utf-8")
        assert text.count(SEED_LINE) == 1, name
        nb.write_text(text.replace(SEED_LINE, f"../seeds/{ARTICLE_FILE}"), encoding="utf-8")


def unzip_for(student: str, release_zip: Path, homes: Path) -> Path:
    """A student's own copy: the release zip unpacked in their folder; returns the copy."""
    home = homes / student
    with zipfile.ZipFile(release_zip) as zf:
        zf.extractall(home)
    [copy] = [p for p in home.iterdir() if p.is_dir()]
    assert (copy / "notebooks" / "03_who_is_talking.ipynb").is_file()
    return copy


def hand_in(copy: Path, zips: Path) -> Path:
    """The student zips their whole folder back, as the docs say, named after themselves."""
    zips.mkdir(exist_ok=True)
    student = copy.parent.name
    out = zips / f"{student}.zip"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for f in sorted(copy.rglob("*")):
            if f.is_file():
                zf.write(f, f.relative_to(copy.parent).as_posix())
    return out


def lesson_3_by_api(copy: Path, student: str, monkeypatch, picks: int = 5) -> str:
    """Lesson 3 done in the student's copy through the kit's API, as the notebook's cells and
    widgets do it (the kernel runs in notebooks/, so work goes to notebooks/work/): sign in,
    load the article by the lesson's own line, highlight `picks` sources the kit suggests, check
    against the sealed key, write the answer. Returns what the check said."""
    import kit

    monkeypatch.delenv("KIT_WORK_DIR", raising=False)
    monkeypatch.delenv("KIT_STUDENT", raising=False)
    with contextlib.chdir(copy / "notebooks"):
        kit.sign_in(student)
        article = kit.load_article(f"../seeds/{ARTICLE_FILE}")
        highlighter = kit.highlight_sources(article)
        found = [a for a in kit.find_attributions(article) if a.source is not None]
        seen: set[tuple[int, int]] = set()
        for a in found:
            span = (a.source.start, a.source.end)
            if a.source_type in ("unknown",) or span in seen:
                continue
            seen.add(span)
            highlighter.add(*span, label=a.source_type)
            if len(seen) == picks:
                break
        key = kit.answer_key(article)
        assert key is not None, "the student copy has no sealed key for the article"
        feedback = str(kit.compare(highlighter, key))
        answer = kit.write("lesson3.who_speaks", "Who gets to speak?", article=article)
        answer.box.value = ANSWER
    work = copy / "notebooks" / "work" / student / f"{ARTICLE_ID}.json"
    assert work.is_file(), f"{student}'s work is not in their copy"
    return feedback


def lesson_3_status(executed_notebook) -> dict[str, str]:
    """Lesson 3's status per student, read from the dashboard notebook's table of the class
    (`work.summary()`, as the teacher sees it under the dashboard)."""
    import pandas as pd

    for cell in executed_notebook.cells:
        if cell.cell_type != "code" or "work.summary()" not in cell.source:
            continue
        html = next(
            o["data"]["text/html"] for o in cell.outputs if "text/html" in o.get("data", {})
        )
        [table] = pd.read_html(io.StringIO(html))
        table.columns = [str(c) for c in table.columns]
        return dict(zip(table["student"], table["03"], strict=True))
    raise AssertionError("the dashboard notebook has no work.summary() cell")


def run_dashboard(course: Path):
    """The dashboard notebook, switched to the real class by the one edit the README names
    (`demo = False`), executed as Run All does it from notebooks/teacher/."""
    import nbformat
    from nbconvert.preprocessors import ExecutePreprocessor

    path = course / "notebooks" / "teacher" / "class_dashboard.ipynb"
    text = path.read_text(encoding="utf-8")
    switch = "demo = True  # True: a demo class"  # its first code cell
    assert text.count(switch) == 1
    path.write_text(text.replace(switch, switch.replace("True", "False", 1)), encoding="utf-8")
    nb = nbformat.read(path, as_version=4)
    ExecutePreprocessor(timeout=600).preprocess(nb, {"metadata": {"path": str(path.parent)}})
    errors = [
        f"{o.get('ename')}: {o.get('evalue')}"
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "error" or "Traceback" in str(o.get("text", ""))
    ]
    assert errors == [], errors
    return nb


def no_plain_key_text(folder: Path, secrets: list[str]) -> None:
    """No released file (nor any file inside the release zip) holds a hint of the key."""
    for f in folder.rglob("*"):
        if f.is_file():
            text = f.read_text(encoding="utf-8", errors="replace")
            leaked = [s for s in secrets if s in text]
            assert not leaked, f"{f}: {leaked}"


@pytest.mark.slow
def test_own_article_from_kit_exercise_to_the_dashboard(tmp_path, monkeypatch):
    course = make_course(tmp_path / "course")

    # kit exercise: the draft key and the generated quiz beside the article, the quiz checked
    made = run_kit("exercise", f"seeds/{ARTICLE_FILE}", cwd=course)
    assert made.returncode == 0, made.stderr
    assert "Traceback" not in made.stdout + made.stderr
    key_file = course / "seeds" / f"{ARTICLE_ID}.key.yaml"
    bank = course / "seeds" / f"{ARTICLE_ID}-generated.quiz.yaml"
    assert "reviewed: false" in key_file.read_text(encoding="utf-8") and bank.is_file()
    checked = run_kit("quiz", "check", str(bank.relative_to(course)), cwd=course)
    assert checked.returncode == 0, checked.stderr

    # the teacher reviews the key in a text editor, then marks it reviewed, as the docs say
    key_text = key_file.read_text(encoding="utf-8")
    hints = [i["hint"] for i in yaml.safe_load(key_text)["items"] if i.get("hint")]
    assert hints, key_text
    key_file.write_text(key_text.replace("reviewed: false", "reviewed: true"), encoding="utf-8")
    point_lessons_at_the_article(course)

    # kit release, in the course folder, with no flags
    released = run_kit("release", "out", cwd=course)
    assert released.returncode == 0, released.stderr
    assert "draft" not in released.stdout + released.stderr  # the key was reviewed
    copy = course / "out" / "release" / "media-literacy"
    assert (copy / "seeds" / ARTICLE_FILE).is_file()
    assert (copy / "seeds" / "keys" / f"{ARTICLE_ID}.sealed.json").is_file()
    assert not list(copy.rglob("*.key.yaml"))
    no_plain_key_text(copy, hints)

    # three students, each in their unzipped copy; each hands in a zip of it
    zips = []
    for student in STUDENTS:
        mine = unzip_for(student, course / "out" / "media-literacy.zip", tmp_path / "homes")
        feedback = lesson_3_by_api(mine, student, monkeypatch)
        assert "kit's suggestions" not in feedback  # compared with the teacher's sealed key
        assert re.search(r"You found [1-9]\d* of the \d+ sources", feedback), feedback
        zips.append(hand_in(mine, tmp_path / "hand-in"))

    # kit collect, in the course folder: every file used, exit 0
    got = run_kit("collect", *map(str, zips), "--out", "class", cwd=course)
    assert got.returncode == 0, got.stdout + got.stderr
    with (course / "class" / "collect-report.csv").open(encoding="utf-8") as f:
        rows = sorted((r["student"], r["article_id"], r["status"]) for r in csv.DictReader(f))
    assert rows == [(s, ARTICLE_ID, "collected") for s in STUDENTS]

    # the dashboard notebook on the collected class: lesson 3 done for all three
    nb = run_dashboard(course)
    assert lesson_3_status(nb) == dict.fromkeys(STUDENTS, "done")
