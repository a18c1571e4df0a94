"""A teacher's own article, end to end: the course folder is the teacher's, release ships what the
notebooks load, collect and the dashboard follow with no flags (issue 15, part A).

The course is a temporary copy of this repository's notebooks and seeds, as `kit init` makes it.
A Wikinews article (not the seed) goes into its seeds/ and lessons 3 and 5 are pointed at it by
changing their one load line, as the README says; nothing else is edited.
"""

from __future__ import annotations

import csv
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from kit.articles.article import load_article
from kit.classroom.classwork import load_class
from kit.classroom.course_folder import course_here, find_course_file, find_course_folder
from kit.classroom.manifest import MANIFEST_NAME, read_manifest
from kit.work.anchoring import quote_selector
from kit.work.annotations import Annotation
from kit.work.store import FORMAT, text_fingerprint
from tests.kit_command import run_kit

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "wikinews" / "subset_2019.csv"
CORPUS_ID = "wikinews_2019_004"
OWN = f"{CORPUS_ID}.csv"
SEED_LINE = "../seeds/000_8e915a2399968c01.txt"
STUDENTS = ("amara", "ben", "chloe")


def corpus_article_file(folder: Path) -> Path:
    """One Wikinews article of the test corpus as a one-row CSV file in `folder`."""
    with CORPUS.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    row = next(r for r in rows if r["id"] == CORPUS_ID)
    path = folder / OWN
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(row))
        writer.writeheader()
        writer.writerow(row)
    return path


def point_lesson_at(notebook: Path, old: str, new: str) -> None:
    """Change the lesson's one load line (the edit the README names), as a text edit."""
    text = notebook.read_text(encoding="utf-8")
    assert text.count(old) == 1, notebook
    notebook.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def course(tmp_path) -> Path:
    """The teacher's course folder: the notebooks and seeds, the own article in seeds/ and
    lessons 3 and 5 loading it."""
    folder = tmp_path / "course"
    skip = shutil.ignore_patterns("work", ".ipynb_checkpoints", "__pycache__")
    shutil.copytree(ROOT / "notebooks", folder / "notebooks", ignore=skip)
    shutil.copytree(ROOT / "seeds", folder / "seeds", ignore=skip)
    corpus_article_file(folder / "seeds")
    for nb in ("03_who_is_talking.ipynb", "05_claims.ipynb"):
        point_lesson_at(folder / "notebooks" / nb, SEED_LINE, f"../seeds/{OWN}")
    return folder


def own_article(course: Path):
    return load_article(course / "seeds" / OWN)


def student_work(student: str, article) -> dict:
    """A student's work on lesson 3: five sources highlighted and the written answer."""
    anns = []
    sentences = [s for s in article.sentences if s.end - s.start > 20][:5]
    assert len(sentences) == 5
    for i, s in enumerate(sentences):
        q = quote_selector(article.text, s.start, s.start + 12)
        anns.append(
            Annotation(
                s.start, s.start + 12, q["exact"], ("source:named_person",), "highlighting",
                prefix=q["prefix"], suffix=q["suffix"], id=f"urn:{student}:{i}",
                created="2026-12-01T09:00:00Z",
            ).to_w3c(article.id)
        )  # fmt: skip
    return {
        "format": FORMAT,
        "student": student,
        "article_id": article.id,
        "text_sha": text_fingerprint(article.text),
        "revision": 1,
        "created": "2026-12-01T09:00:00Z",
        "modified": "2026-12-01T09:30:00Z",
        "annotations": anns,
        "quiz": {},
        "responses": {
            "lesson3.who_speaks": {"value": "The police speak; the families do not.",
                                   "modified": "2026-12-01T09:20:00Z"}
        },
    }  # fmt: skip


def hand_in(student_copy: Path, hand_in_dir: Path, article) -> list[Path]:
    """Three students work in their copy of the release and zip the whole folder back."""
    zips = []
    for student in STUDENTS:
        work = student_copy / "notebooks" / "work" / student / f"{article.id}.json"
        work.parent.mkdir(parents=True, exist_ok=True)
        work.write_text(json.dumps(student_work(student, article)), encoding="utf-8")
        zip_path = hand_in_dir / f"{student}.zip"
        hand_in_dir.mkdir(exist_ok=True)
        with zipfile.ZipFile(zip_path, "w") as zf:
            for f in sorted(student_copy.rglob("*")):
                if f.is_file():
                    zf.write(f, f.relative_to(student_copy.parent).as_posix())
        shutil.rmtree(work.parent)
        zips.append(zip_path)
    return zips


def released_text(folder: Path) -> dict[str, str]:
    return {
        f.relative_to(folder).as_posix(): f.read_text(encoding="utf-8", errors="replace")
        for f in folder.rglob("*")
        if f.is_file()
    }


# ---------------------------------------------------------------- finding the course


def test_the_course_is_found_from_the_course_the_notebooks_and_the_teacher_folder(course):
    (course / "course.yaml").write_text(
        (ROOT / "kit" / "data" / "course.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    for start in (course, course / "notebooks", course / "notebooks" / "teacher"):
        assert find_course_folder(start) == course.resolve()
        assert find_course_file(start) == course.resolve() / "course.yaml"
    lessons = {le.id: le.articles for le in course_here(course / "notebooks").lessons}
    assert lessons["03"] == lessons["05"] == (CORPUS_ID,)
    assert lessons["04"] == ("000_8e915a2399968c01",)


def test_without_a_course_file_the_kits_default_is_used(course):
    assert find_course_file(course) == ROOT / "kit" / "data" / "course.yaml"
    assert course_here(course).lesson("03").articles == (CORPUS_ID,)


# ---------------------------------------------------------------- the whole path


def test_own_article_released_loaded_collected_and_counted_with_no_flags(
    course, tmp_path, monkeypatch
):
    own = own_article(course)
    out = run_kit("release", "out", "--lesson", "03", "--lesson", "05", cwd=course)
    assert out.returncode == 0, out.stderr
    folder = course / "out" / "release" / "media-literacy"
    shipped = folder / "seeds" / OWN
    assert shipped.read_bytes() == (course / "seeds" / OWN).read_bytes()
    manifest = read_manifest(folder / MANIFEST_NAME)
    entry = manifest.articles[CORPUS_ID]
    assert (entry.file, entry.sha) == (f"seeds/{OWN}", text_fingerprint(own.text))
    assert manifest.course is not None and manifest.course.lesson("03").articles == (CORPUS_ID,)
    assert manifest.course.lesson("05").articles == (CORPUS_ID,)
    assert manifest.course.lesson("04").articles == ("000_8e915a2399968c01",)  # not released
    assert "000_8e915a2399968c01" not in manifest.articles  # no lesson released loads the seed

    # the released lesson 3 loads it, as its kernel would (in its own folder)
    notebook = folder / "notebooks" / "03_who_is_talking.ipynb"
    assert f'kit.load_article(\\"../seeds/{OWN}\\")' in notebook.read_text(encoding="utf-8")
    assert load_article(notebook.parent / f"../seeds/{OWN}").id == CORPUS_ID

    # three students hand in zips of their copy; collect in the course folder, no flags
    shutil.copytree(folder, tmp_path / "alice-home" / "media-literacy", dirs_exist_ok=True)
    zips = hand_in(tmp_path / "alice-home" / "media-literacy", tmp_path / "hand-in", own)
    got = run_kit("collect", *map(str, zips), "--student-from-zip", "--out", "class", cwd=course)
    assert got.returncode == 0, got.stderr
    assert "from 3 students" in got.stdout
    with (course / "class" / "collect-report.csv").open(encoding="utf-8") as f:
        rows = [(r["student"], r["article_id"], r["status"]) for r in csv.DictReader(f)]
    assert sorted(rows) == [(s, CORPUS_ID, "collected") for s in STUDENTS]  # nothing else

    # the dashboard, opened from notebooks/teacher/ with no course or seeds given
    monkeypatch.chdir(course / "notebooks" / "teacher")
    work = load_class(course / "class")
    progress = work.progress().set_index(["student", "lesson"])
    for student in STUDENTS:
        assert progress.loc[(student, "03"), "status"] == "done", progress
    assert CORPUS_ID in work.articles  # the teacher's seeds, found from where the teacher is


def test_the_released_lesson_runs_on_the_own_article(course, tmp_path, monkeypatch):
    """The released lesson 3, executed as a student's kernel runs it (in its own folder)."""
    import nbformat
    from nbconvert.preprocessors import ExecutePreprocessor

    out = run_kit("release", "out", "--lesson", "03", cwd=course)
    assert out.returncode == 0, out.stderr
    released = course / "out" / "release" / "media-literacy" / "notebooks"
    nb = nbformat.read(released / "03_who_is_talking.ipynb", as_version=4)
    monkeypatch.setenv("KIT_STUDENT", "student")  # the kernel starts with these
    monkeypatch.setenv("KIT_WORK_DIR", str(tmp_path / "work"))
    ExecutePreprocessor(timeout=300).preprocess(nb, {"metadata": {"path": str(released)}})
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    shown = "".join(str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert f"Highlighter(article='{CORPUS_ID}'" in shown


def test_collect_in_the_nbgrader_course_folder_reads_the_release_manifest(course, tmp_path):
    """No course folder around: the manifest of the release is what collect accepts."""
    own = own_article(course)
    nbgrader = tmp_path / "nbgrader-course"
    out = run_kit("release", str(nbgrader), "--lesson", "03", cwd=course / "notebooks")
    assert out.returncode == 0, out.stderr
    handed_in = nbgrader / "submitted" / "ben" / "media-literacy"  # nbgrader's copy of it all
    shutil.copytree(nbgrader / "release" / "media-literacy", handed_in)
    work = handed_in / "notebooks" / "work" / "ben"
    work.mkdir(parents=True)
    (work / f"{own.id}.json").write_text(json.dumps(student_work("ben", own)))
    got = run_kit("collect", "submitted", "--out", "class", cwd=nbgrader)
    assert got.returncode == 0, got.stderr
    with (nbgrader / "class" / "collect-report.csv").open(encoding="utf-8") as f:
        rows = [(r["student"], r["article_id"], r["status"]) for r in csv.DictReader(f)]
    assert rows == [("ben", CORPUS_ID, "collected")]  # the copy's own manifest is passed over
    kept = read_manifest(nbgrader / "class" / MANIFEST_NAME)
    assert kept.course is not None and kept.course.lesson("03").articles == (CORPUS_ID,)


def test_work_on_an_article_no_release_holds_names_the_fix(course, tmp_path):
    own = own_article(course)
    loose = tmp_path / "loose" / "dan"
    loose.mkdir(parents=True)
    doc = student_work("dan", own) | {"article_id": "not_released"}
    (loose / "not_released.json").write_text(json.dumps(doc))
    got = run_kit("collect", str(tmp_path / "loose"), "--out", "class", cwd=course)
    assert got.returncode == 2
    assert "unknown article" in got.stderr and "--seeds DIR" in got.stderr
    assert "course folder" in got.stderr


# ---------------------------------------------------------------- what release refuses


def test_a_notebook_loading_a_missing_file_stops_the_release_naming_both(course):
    nb = course / "notebooks" / "03_who_is_talking.ipynb"
    point_lesson_at(nb, f"../seeds/{OWN}", "../seeds/not_there.txt")
    out = run_kit("release", "out", cwd=course)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert "03_who_is_talking.ipynb" in out.stderr and "../seeds/not_there.txt" in out.stderr
    assert "put the file in seeds/" in out.stderr
    assert not (course / "out" / "release" / "media-literacy").exists()


def test_a_course_file_that_disagrees_with_the_notebook_is_refused(course):
    default = (ROOT / "kit" / "data" / "course.yaml").read_text(encoding="utf-8")
    marker = "notebook: 03_who_is_talking.ipynb\n"
    assert marker in default
    (course / "course.yaml").write_text(
        default.replace(marker, marker + "    articles: [000_8e915a2399968c01]\n"),
        encoding="utf-8",
    )
    out = run_kit("release", "out", "--lesson", "03", cwd=course)
    assert out.returncode == 2 and out.stderr.count("\n") == 1
    assert "course.yaml" in out.stderr and "03_who_is_talking.ipynb" in out.stderr
    assert CORPUS_ID in out.stderr and "delete that lesson's 'articles:' line" in out.stderr
    # agreeing is fine
    (course / "course.yaml").write_text(
        default.replace(marker, marker + f"    articles: [{CORPUS_ID}]\n"), encoding="utf-8"
    )
    assert run_kit("release", "out", "--lesson", "03", cwd=course).returncode == 0


def test_a_path_built_at_run_time_must_be_in_the_course_file(course):
    nb = course / "notebooks" / "05_claims.ipynb"
    point_lesson_at(nb, f'kit.load_article(\\"../seeds/{OWN}\\")',
                    f'kit.load_article(\\"../seeds/\\" + \\"{OWN}\\")')  # fmt: skip
    out = run_kit("release", "out", "--lesson", "05", cwd=course)
    assert out.returncode == 2 and "built while the notebook runs" in out.stderr
    assert "05_claims.ipynb" in out.stderr and "articles:" in out.stderr


# ---------------------------------------------------------------- banks in the release


def test_released_banks_name_their_article_by_id_never_a_teacher_path(course):
    """A bank saved elsewhere and copied into seeds/ still names the article by a path that
    leads nowhere from there: quiz check finds it by id; the release names it by id."""
    own = own_article(course)
    words = own.text[own.sentences[1].start : own.sentences[1].end].split()[:6]
    (course / "seeds" / "own.quiz.yaml").write_text(
        "format: kit-quiz/1\nid: own_quiz\ntitle: Own\n"
        f"article: ../../../../seeds/{OWN}\n"
        "questions:\n"
        "  - id: q1\n    type: truefalse\n    prompt: The story names a source.\n"
        "    answer: true\n"
        "  - id: q2\n    type: find\n    prompt: Find the second sentence's start.\n"
        f"    answer: {json.dumps(' '.join(words))}\n",
        encoding="utf-8",
    )
    checked = run_kit("quiz", "check", "seeds/own.quiz.yaml", cwd=course)
    assert checked.returncode == 0, checked.stderr
    course_file = (ROOT / "kit" / "data" / "course.yaml").read_text(encoding="utf-8")
    course_file = course_file.replace(
        "      - response: lesson5.top_three", "      - response: lesson5.top_three\n"
        "      - quiz: own_quiz"
    )  # fmt: skip
    (course / "course.yaml").write_text(course_file, encoding="utf-8")
    out = run_kit("release", "out", "--lesson", "05", cwd=course)
    assert out.returncode == 0, out.stderr
    folder = course / "out" / "release" / "media-literacy"
    texts = released_text(folder)
    bank = texts["seeds/own.quiz.yaml"]
    assert f"article: {CORPUS_ID}\n" in bank
    for name, text in texts.items():
        assert "../../" not in text and str(course) not in text, name
        assert str(course.resolve()) not in text, name
    manifest = read_manifest(folder / MANIFEST_NAME)
    assert manifest.banks["own_quiz"].article == CORPUS_ID
    assert manifest.banks["own_quiz"].file == "seeds/own.quiz.yaml"
    assert manifest.keys == []  # the key-shipping step fills it; no key file is copied
    checked = run_kit("quiz", "check", "seeds/own.quiz.yaml", cwd=folder)
    assert checked.returncode == 0, checked.stderr


def test_quiz_check_finds_an_article_given_by_id_anywhere_in_its_seeds_folder(course):
    own = own_article(course)
    words = own.text[own.sentences[0].start : own.sentences[0].end].split()[:5]
    (course / "seeds" / "corpus").mkdir()
    (course / "seeds" / OWN).rename(course / "seeds" / "corpus" / "picked.csv")  # id from the file
    bank = (
        "format: kit-quiz/1\nid: by_id\ntitle: By id\narticle: {ref}\nquestions:\n"
        "  - id: q1\n    type: find\n    prompt: Find the start.\n"
        f"    answer: {json.dumps(' '.join(words))}\n"
    )
    (course / "seeds" / "by_id.quiz.yaml").write_text(bank.format(ref=CORPUS_ID))
    checked = run_kit("quiz", "check", "seeds/by_id.quiz.yaml", cwd=course)
    assert checked.returncode == 0, checked.stderr
    (course / "seeds" / "by_id.quiz.yaml").write_text(bank.format(ref="no_such_article"))
    checked = run_kit("quiz", "check", "seeds/by_id.quiz.yaml", cwd=course)
    assert checked.returncode == 2 and "no_such_article" in checked.stderr
    assert "seeds folder" in checked.stderr
