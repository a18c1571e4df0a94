"""`python -m kit release`: a student copy for nbgrader and as a zip, holding no answer key."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import nbformat
import pytest
import yaml

from kit import KitError
from kit.classroom import release as release_module
from kit.classroom.collect import collect
from kit.classroom.course import course_from_dict
from kit.classroom.release import release
from tests import classroom_helpers as h
from tests.test_cli import run_kit

ROOT = h.ROOT
NOTEBOOK = "00_start_here.ipynb"


@pytest.fixture
def teacher(tmp_path):
    """A teacher's folder: notebooks (one executed, one teacher-only) and seeds with key + bank."""
    nb_dir = tmp_path / "teacher" / "notebooks"
    (nb_dir / "teacher").mkdir(parents=True)
    shutil.copyfile(ROOT / "notebooks" / NOTEBOOK, nb_dir / NOTEBOOK)
    (nb_dir / "teacher" / "class_dashboard.ipynb").write_text("{}")
    seeds = h.make_seeds(tmp_path / "teacher" / "seeds")
    (seeds / "practice").mkdir()
    shutil.copytree(ROOT / "seeds" / "practice", seeds / "practice", dirs_exist_ok=True)
    (seeds / "practice" / "millbrook_wire.key.yaml").write_text(
        "article: millbrook_wire\nitems:\n  - quote: the county fire service\n"
        "    label: institution\n    hint: SECRET-KEY-HINT\n"
    )
    return nb_dir, seeds


def mini_course(*notebooks: str):
    lessons = [
        {"id": str(i), "title": f"L{i}", "notebook": nb, "articles": [h.ARTICLE_ID],
         "done": [{"quiz": "mini"}]}
        for i, nb in enumerate(notebooks)
    ]  # fmt: skip
    lessons.append({"id": "7", "title": "Trace", "notebook": "missing.ipynb",
                    "articles": ["millbrook_wire"]})  # fmt: skip
    return course_from_dict(
        {"format": "kit-course/1", "title": "Mini", "assignment": "Mini", "lessons": lessons}
    )


def fake_release_bank(src: Path, dst: Path, exam: bool = False) -> None:
    """Stands in for kit.quiz.model's release where only the layout is tested."""
    data = yaml.safe_load(src.read_text())
    for q in data["questions"]:
        for field in ("answer", "answers", "explanation", "feedback"):
            q.pop(field, None)
        q["key"] = {"hashed": "0" * 24}
    data.update(released=True, salt="0" * 32)
    dst.write_text(yaml.safe_dump(data))


@pytest.fixture
def released(teacher, tmp_path, monkeypatch):
    monkeypatch.setattr(release_module, "release_bank", fake_release_bank)
    nb_dir, seeds = teacher
    report = release(
        tmp_path / "course", notebooks=nb_dir, seeds=seeds, course=mini_course(NOTEBOOK)
    )
    return report


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_release_writes_an_nbgrader_release_folder_and_a_zip(released, tmp_path):
    folder = tmp_path / "course" / "release" / "Mini"
    assert released.folder == folder
    assert files_under(folder) == [
        ".kit-release",
        f"notebooks/{NOTEBOOK}",
        f"seeds/{h.ARTICLE_ID}.txt",
        "seeds/mini.quiz.yaml",
        "seeds/practice/capstone_focusbar.quiz.yaml",  # every bank is released (student copy)
        "seeds/practice/millbrook_fire_service.quiz.yaml",
        "seeds/practice/millbrook_media_checks.quiz.yaml",
        "seeds/practice/millbrook_partisan.quiz.yaml",
        "seeds/practice/millbrook_statement.quiz.yaml",
        "seeds/practice/millbrook_voice_checks.quiz.yaml",
        "seeds/practice/millbrook_wire.md",
        "seeds/practice/millbrook_wire.quiz.yaml",
    ]
    with zipfile.ZipFile(tmp_path / "course" / "Mini.zip") as zf:
        names = sorted(zf.namelist())
    assert names == [f"Mini/{f}" for f in files_under(folder) if f != ".kit-release"]
    assert any("missing.ipynb does not exist yet" in n for n in released.notes)


def test_released_notebooks_have_no_outputs(released):
    nb = nbformat.read(released.folder / "notebooks" / NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)
    assert "widgets" not in nb.metadata


def test_the_release_holds_no_answer_key(released, tmp_path):
    folder = released.folder
    for f in folder.rglob("*"):
        if f.is_file():
            text = f.read_text(errors="replace")
            assert "kit-work/1" not in text, f
            assert "urn:test:key" not in text and "SECRET" not in text, f
    assert not list(folder.rglob("*.key.*")) and not (folder / "seeds" / "keys").exists()
    bank = yaml.safe_load((folder / "seeds" / "mini.quiz.yaml").read_text())
    assert bank["released"] is True
    assert all("answer" not in q for q in bank["questions"])


def test_a_second_release_replaces_the_first_but_never_a_foreign_folder(teacher, tmp_path,
                                                                          monkeypatch):  # fmt: skip
    monkeypatch.setattr(release_module, "release_bank", fake_release_bank)
    nb_dir, seeds = teacher
    course = mini_course(NOTEBOOK)
    release(tmp_path / "c", notebooks=nb_dir, seeds=seeds, course=course)
    release(tmp_path / "c", notebooks=nb_dir, seeds=seeds, course=course)
    foreign = tmp_path / "c2" / "release" / "Mini"
    foreign.mkdir(parents=True)
    (foreign / "nbgrader_made_this.ipynb").write_text("{}")
    with pytest.raises(KitError, match="not made by the kit"):
        release(tmp_path / "c2", notebooks=nb_dir, seeds=seeds, course=course)
    assert (foreign / "nbgrader_made_this.ipynb").exists()


def test_a_failed_release_leaves_nothing_behind(teacher, tmp_path):
    nb_dir, seeds = teacher
    (seeds / "broken.quiz.yaml").write_text("questions: [")
    with pytest.raises(KitError):
        release(tmp_path / "c", notebooks=nb_dir, seeds=seeds, course=mini_course(NOTEBOOK))
    assert files_under(tmp_path / "c") == []


def test_a_key_can_never_be_released_as_an_article(teacher, tmp_path, monkeypatch):
    monkeypatch.setattr(release_module, "release_bank", fake_release_bank)
    nb_dir, seeds = teacher
    (seeds / "sneaky").mkdir()
    shutil.copyfile(seeds / "keys" / f"{h.ARTICLE_ID}.json", seeds / "sneaky" / "k.key.json")
    out = release(tmp_path / "c", notebooks=nb_dir, seeds=seeds, course=mini_course(NOTEBOOK))
    assert not (out.folder / "seeds" / "sneaky").exists()


def test_what_students_hand_back_from_the_release_collects(released, tmp_path):
    """The round trip: a student works in the released folder; collect finds it."""
    student_copy = tmp_path / "home" / "alice" / "Mini"
    shutil.copytree(released.folder, student_copy)
    work = student_copy / "notebooks" / "work" / "alice" / f"{h.ARTICLE_ID}.json"
    work.parent.mkdir(parents=True)
    work.write_text(json.dumps(h.work_document("alice", h.STUDENTS["ana"])))
    report = collect([tmp_path / "home"], tmp_path / "class", known_articles={h.ARTICLE_ID})
    assert report.students == ["alice"] and report.problems == []


def test_release_with_the_real_quiz_module_hashes_every_answer(teacher, tmp_path):
    nb_dir, seeds = teacher
    report = release(tmp_path / "c", notebooks=nb_dir, seeds=seeds, course=mini_course(NOTEBOOK))
    secrets = ["SECRET-EXPLANATION-1", "SECRET-EXPLANATION-2", "SECRET-KEY-HINT", "kit-work/1"]
    with zipfile.ZipFile(report.zip_path) as zf:
        for name in zf.namelist():
            text = zf.read(name).decode("utf-8", errors="replace")
            assert not any(s in text for s in secrets), name
            if name.endswith(".quiz.yaml"):
                bank = yaml.safe_load(text)
                assert bank["released"] is True
                assert all("answer" not in q and "key" in q for q in bank["questions"])


def test_cli_release_of_the_course(tmp_path):
    out = run_kit("release", str(tmp_path / "out"))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("released ")
    assert (tmp_path / "out" / "media-literacy.zip").is_file()


def test_cli_release_into_a_foreign_folder_exits_2_with_one_line(tmp_path):
    (tmp_path / "out" / "release" / "media-literacy").mkdir(parents=True)
    out = run_kit("release", str(tmp_path / "out"))
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "not made by the kit" in out.stderr
