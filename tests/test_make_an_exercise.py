"""notebooks/teacher/make_an_exercise.ipynb, step by step, as the calls its cells make: folders
given as text or as Paths, cells run out of order, and its advice `folder = "../../seeds"`."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import kit
from kit.quiz.model import check_bank
from kit.widgets import Highlighter
from kit.work.keys import key_from_attributions, save_key
from kit.work.store import Workspace


@pytest.fixture
def course(tmp_path, seed_path, monkeypatch):
    """A course folder with the seed article in seeds/, run from notebooks/teacher/ as
    JupyterLab runs the notebook; the work folder is the course's work/."""
    (tmp_path / "seeds").mkdir()
    shutil.copyfile(seed_path, tmp_path / "seeds" / seed_path.name)
    here = tmp_path / "notebooks" / "teacher"
    here.mkdir(parents=True)
    monkeypatch.chdir(here)
    monkeypatch.setenv("KIT_WORK_DIR", str(tmp_path / "work"))
    return tmp_path


def reviewed(article) -> Highlighter:
    """The review cell and its accept_all, as the notebook runs them."""
    reviewer = kit.highlight_sources(article, student="teacher", suggestions="auto")
    assert isinstance(reviewer, Highlighter)
    reviewer.accept_all()
    return reviewer


def run_notebook(folder) -> dict:
    """Every call of the notebook after its folder cell, in order; what each returned."""
    article = kit.load_article("../../seeds/000_8e915a2399968c01.txt")
    reviewer = reviewed(article)
    key_file = save_key(reviewer, article, folder)
    feedback = kit.compare(reviewer, key_file)
    quiz = kit.generate_quiz(article, seed=0)
    bank_file = quiz.save(folder)
    problems = kit.check_quiz(bank_file)
    quiz = kit.load_quiz(bank_file)
    student_copy = quiz.release()
    student_file = student_copy.save(folder)
    return {
        "article": article,
        "key_file": key_file,
        "feedback": feedback,
        "bank_file": bank_file,
        "problems": problems,
        "student_file": student_file,
        "quiz": quiz,
    }


@pytest.mark.parametrize("as_text", [True, False], ids=["text", "Path"])
def test_the_notebook_runs_with_its_folder_given_as_text_or_as_a_path(course, as_text):
    folder = course / "work" / "exercise"
    done = run_notebook(str(folder) if as_text else folder)
    assert done["key_file"] == folder / "000_8e915a2399968c01.key.yaml"
    assert done["bank_file"] == folder / "000_8e915a2399968c01-generated.quiz.yaml"
    assert done["student_file"] == folder / "000_8e915a2399968c01-generated.student.yaml"
    assert done["problems"] == []
    assert not done["feedback"].missed
    assert kit.load_quiz(done["student_file"]).released


def test_following_its_advice_folder_seeds_saves_beside_the_article_for_the_course(course):
    done = run_notebook("../../seeds")
    seeds = course / "seeds"
    assert done["key_file"].resolve() == (seeds / "000_8e915a2399968c01.key.yaml").resolve()
    assert done["bank_file"].read_text(encoding="utf-8").count("article: 000_8e915a2399968c01")
    assert check_bank(seeds / "000_8e915a2399968c01-generated.quiz.yaml") == []
    article = done["article"]
    assert len(kit.answer_key(article)) > 0  # the key students and the dashboard find
    files = kit.load_articles(seeds)
    assert [a.id for a in files.articles] == [article.id]  # the student copy is no article


def test_a_quiz_saved_in_the_work_folder_still_checks_once_moved_beside_its_article(course):
    done = run_notebook(kit.work.store.work_dir() / "exercise")
    bank = done["bank_file"]
    assert check_bank(bank) == []  # where it was saved: the article by its path from there
    assert "../../seeds/000_8e915a2399968c01.txt" in bank.read_text(encoding="utf-8")
    moved = course / "seeds" / bank.name
    shutil.move(bank, moved)  # "copy the files into seeds/" (docs/teachers/exercises.md)
    assert check_bank(moved) == []
    assert kit.load_quiz(moved).article.id == "000_8e915a2399968c01"


def test_the_quiz_cell_before_the_key_cell_makes_the_folder_and_saves(course):
    article = kit.load_article("../../seeds/000_8e915a2399968c01.txt")
    folder = kit.work.store.work_dir() / "exercise"
    assert not folder.exists()
    bank_file = kit.generate_quiz(article, seed=0).save(folder)
    assert bank_file.parent == folder and kit.check_quiz(bank_file) == []


def test_saving_the_key_before_reviewing_says_what_to_do_and_writes_nothing(course):
    article = kit.load_article("../../seeds/000_8e915a2399968c01.txt")
    reviewer = kit.highlight_sources(article, student="teacher", suggestions="auto")
    with pytest.raises(kit.KitError, match="nothing to save") as e:
        save_key(reviewer, article, "../../seeds")
    assert "accept" in e.value.fix
    assert sorted(p.name for p in (course / "seeds").iterdir()) == ["000_8e915a2399968c01.txt"]


def test_comparing_with_a_key_not_saved_yet_says_which_file_is_missing(course):
    article = kit.load_article("../../seeds/000_8e915a2399968c01.txt")
    reviewer = reviewed(article)
    with pytest.raises(kit.KitError, match="000_8e915a2399968c01.key.yaml"):
        kit.compare(reviewer, "../../seeds/000_8e915a2399968c01.key.yaml")


def test_a_folder_name_that_is_a_file_is_a_kit_error_for_the_key_and_the_quiz(course):
    article = kit.load_article("../../seeds/000_8e915a2399968c01.txt")
    reviewer = reviewed(article)
    with pytest.raises(kit.KitError, match="not a folder"):
        save_key(reviewer, article, "../../seeds/000_8e915a2399968c01.txt")
    with pytest.raises(kit.KitError, match="not a folder"):
        kit.generate_quiz(article, seed=0).save("../../seeds/000_8e915a2399968c01.txt")


def test_running_the_notebook_again_gives_the_same_files(course):
    first = run_notebook("../../seeds")
    key, bank = first["key_file"].read_bytes(), first["bank_file"].read_bytes()
    again = run_notebook("../../seeds")
    assert again["key_file"].read_bytes() == key and again["bank_file"].read_bytes() == bank


def test_the_key_the_notebook_saves_matches_the_kits_sources_it_accepted(course):
    article = kit.load_article(Path("../../seeds/000_8e915a2399968c01.txt"))
    auto = key_from_attributions(article)
    reviewer = Highlighter(article, workspace=Workspace("teacher", article, None), suggestions=auto)
    reviewer.accept_all()
    key = kit.load_key(save_key(reviewer, article, Path("../../seeds")), article)
    unsure = [i for i in auto.items if i.tags == ("source:unknown",)]
    assert len(key) == len(auto) - len(unsure)


def test_a_cell_that_raises_a_kit_error_shows_the_fix_and_no_traceback(course, capsys):
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    result = shell.run_cell(
        "import kit\n"
        'article = kit.load_article("../../seeds/000_8e915a2399968c01.txt")\n'
        'reviewer = kit.highlight_sources(article, student="teacher", suggestions="auto")\n'
        'kit.work.keys.save_key(reviewer, article, "../../seeds")\n'
    )
    shown = capsys.readouterr().out
    assert isinstance(result.error_in_exec, kit.KitError)
    assert "Something needs fixing" in shown and "Accept the right suggestions" in shown
    assert "Traceback" not in shown and "keys.py" not in shown and shown.count("\n") == 1


def _edit(path: Path, old: str, new: str) -> str:
    """What a teacher does in JupyterLab's editor: change some words of a file and save it."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path.read_text(encoding="utf-8")


def test_run_all_never_silently_overwrites_a_key_or_quiz_the_teacher_edited(course):
    first = run_notebook("../../seeds")
    key = _edit(first["key_file"], "label: Named person\n", "label: Named person\n  hint: Who?\n")
    bank = _edit(first["bank_file"], "prompt: ", "prompt: (edited) ")
    with pytest.raises(kit.KitError) as e:
        run_notebook("../../seeds")  # Run All, from the top
    said = e.value.message
    assert "000_8e915a2399968c01.key.yaml" in said and "edited by hand" in said
    assert "overwrite=True" in said and "another name" in said
    assert first["key_file"].read_text(encoding="utf-8") == key
    # the line the message gives, then the next cells: they use the teacher's key
    article = kit.load_article("../../seeds/000_8e915a2399968c01.txt")
    folder = "../../seeds"
    key_file = kit.work.keys.key_path(article, folder)
    assert "hint: Who?" in key_file.read_text(encoding="utf-8")
    assert kit.compare(reviewed(article), key_file) is not None
    with pytest.raises(kit.KitError) as e:  # the quiz cell: refused too
        kit.generate_quiz(article, seed=0).save(folder)
    assert "generated.quiz.yaml" in e.value.message and "overwrite=True" in e.value.message
    assert first["bank_file"].read_text(encoding="utf-8") == bank
    bank_file = re.search(r'bank_file = "([^"]+)"', e.value.message).group(1)
    assert kit.check_quiz(bank_file) == [] and "(edited)" in kit.load_quiz(bank_file).to_yaml()


def test_the_notebook_tells_the_teacher_what_to_do_when_a_save_is_refused(course, capsys):
    from IPython.core.interactiveshell import InteractiveShell

    bank = run_notebook("../../seeds")["bank_file"]
    _edit(bank, "prompt: ", "prompt: (edited) ")
    result = InteractiveShell.instance().run_cell(
        "import kit\n"
        'article = kit.load_article("../../seeds/000_8e915a2399968c01.txt")\n'
        'kit.generate_quiz(article, seed=0).save("../../seeds")\n'
    )
    shown = capsys.readouterr().out
    assert isinstance(result.error_in_exec, kit.KitError)
    assert "Something needs fixing" in shown and "overwrite=True" in shown
    assert "Traceback" not in shown


def test_saving_the_same_files_again_is_harmless(course):
    first = run_notebook("../../seeds")
    key, bank = first["key_file"].read_bytes(), first["bank_file"].read_bytes()
    again = run_notebook("../../seeds")  # the student copy's new salt replaces the old copy
    assert again["key_file"].read_bytes() == key and again["bank_file"].read_bytes() == bank


def test_the_teachers_choices_replace_or_keep_an_edited_file(course):
    first = run_notebook("../../seeds")
    article, bank_file = first["article"], first["bank_file"]
    _edit(bank_file, "prompt: ", "prompt: (edited) ")
    edited = kit.load_quiz(bank_file)
    # loaded, the edited file is still not replaced by a new draft...
    generated = kit.generate_quiz(article, seed=0)
    with pytest.raises(kit.KitError, match="edited by hand"):
        generated.save("../../seeds")
    # ...it goes under another name, or replaces the file when the teacher says so
    other = generated.save("../../seeds/draft.quiz.yaml")
    assert other.name == "draft.quiz.yaml" and "(edited)" in bank_file.read_text()
    assert generated.save("../../seeds", overwrite=True) == bank_file
    assert "(edited)" not in bank_file.read_text()
    # a quiz loaded from the file is saved back over it (its edits are in it), unless the
    # file changed again since it was loaded
    assert edited.save(other) == other  # not the file it came from: this session wrote it
    _edit(bank_file, "prompt: ", "prompt: (again) ")
    with pytest.raises(kit.KitError, match="edited by hand"):
        edited.save(bank_file)
    _edit(bank_file, "prompt: (again) ", "prompt: ")
    assert kit.load_quiz(bank_file).save(bank_file) == bank_file
    # the key: the same
    _edit(first["key_file"], "label: Named person\n", "label: Named person\n  hint: Who?\n")
    reviewer = reviewed(article)
    with pytest.raises(kit.KitError, match="overwrite=True"):
        save_key(reviewer, article, "../../seeds")
    assert "hint: Who?" in first["key_file"].read_text()
    save_key(reviewer, article, "../../seeds", overwrite=True)
    assert "hint: Who?" not in first["key_file"].read_text()
