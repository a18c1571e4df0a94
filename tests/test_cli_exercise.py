"""`python -m kit exercise ARTICLE`: the command-line route from a teacher's article to a draft
answer key and a checked quiz beside it, never replacing a teacher's work."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

import kit
from kit.work.keys import key_from_attributions, unreviewed
from tests.test_cli import ROOT, run_kit

WIKINEWS = ROOT / "tests" / "data" / "wikinews"
#: Corpus articles (CC BY 2.5) the kit finds sources in, some of them "Not sure" ones.
CORPUS = [("subset_2019.csv", "wikinews_2019_008"), ("subset_2020.csv", "wikinews_2020_006")]


def teachers_file(folder: Path, csv: str, article_id: str) -> Path:
    """A corpus article saved as a teacher would put it in seeds/ (Markdown, front matter)."""
    a = kit.load_article(WIKINEWS / csv, id=article_id)
    body = [p for p in a.paragraphs if p.role == "body"]
    text = "\n\n".join(a.text[p.start : p.end] for p in body)
    path = folder / f"{article_id}.md"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {json.dumps(a.title)}\n---\n\n{text}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("csv", "article_id"), CORPUS)
def test_a_corpus_article_gets_a_draft_key_and_a_quiz_that_passes_quiz_check(
    tmp_path, csv, article_id
):
    seeds = tmp_path / "seeds"
    path = teachers_file(seeds, csv, article_id)
    out = run_kit("exercise", str(path))
    assert out.returncode == 0, out.stderr
    key_file = seeds / f"{article_id}.key.yaml"
    bank_file = seeds / f"{article_id}-generated.quiz.yaml"
    assert sorted(p.name for p in seeds.iterdir()) == sorted(
        [path.name, key_file.name, bank_file.name]
    )
    check = run_kit("quiz", "check", str(bank_file))
    assert check.returncode == 0 and check.stdout.strip().endswith(": ok"), check.stderr
    assert yaml.safe_load(bank_file.read_text(encoding="utf-8"))["article"] == article_id

    article = kit.load_article(path)
    data = yaml.safe_load(key_file.read_text(encoding="utf-8"))
    assert data["reviewed"] is False and data["article"] == article_id
    auto = key_from_attributions(article)
    sure = [(i.start, i.end, i.tags) for i in auto.items if i.tags != ("source:unknown",)]
    assert len(sure) < len(auto)  # these articles have sources the kit is not sure of ...
    key = kit.answer_key(article)  # ... which the draft leaves out
    assert [(i.start, i.end, i.tags) for i in key.items] == sorted(sure)
    assert {i["label"] for i in data["items"]} <= {
        "Named person", "Institution", "Unnamed source", "Document", "Other news outlet",
        "Social media post",
    }  # fmt: skip
    assert "not sure of" in out.stdout and "reviewed: true" in out.stdout
    assert unreviewed([key_file]) == [key_file]


def test_quiz_and_key_go_to_another_folder_with_out(tmp_path):
    path = teachers_file(tmp_path / "mine", *CORPUS[0])
    out = run_kit("exercise", str(path), "--out", str(tmp_path / "seeds"))
    assert out.returncode == 0, out.stderr
    bank = tmp_path / "seeds" / f"{CORPUS[0][1]}-generated.quiz.yaml"
    assert yaml.safe_load(bank.read_text(encoding="utf-8"))["article"] == (
        f"../mine/{CORPUS[0][1]}.md"
    )
    assert run_kit("quiz", "check", str(bank)).returncode == 0
    assert (tmp_path / "seeds" / f"{CORPUS[0][1]}.key.yaml").is_file()


def test_a_reviewed_key_is_never_replaced_without_force(tmp_path):
    path = teachers_file(tmp_path / "seeds", *CORPUS[0])
    assert run_kit("exercise", str(path)).returncode == 0
    key_file = path.with_name(f"{CORPUS[0][1]}.key.yaml")
    assert run_kit("exercise", str(path)).returncode == 0  # the same draft again: no harm
    reviewed = key_file.read_text(encoding="utf-8").replace("reviewed: false", "reviewed: true")
    key_file.write_text(reviewed, encoding="utf-8")
    bank = path.with_name(f"{CORPUS[0][1]}-generated.quiz.yaml")
    bank_before = bank.read_bytes()

    out = run_kit("exercise", str(path), "--seed", "3")
    assert out.returncode == 2 and out.stdout == ""
    assert "has been reviewed" in out.stderr and "--force" in out.stderr
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert key_file.read_text(encoding="utf-8") == reviewed and bank.read_bytes() == bank_before

    forced = run_kit("exercise", str(path), "--force")
    assert forced.returncode == 0, forced.stderr
    assert "reviewed: false" in key_file.read_text(encoding="utf-8")


def test_an_edited_quiz_is_never_replaced_without_force(tmp_path):
    path = teachers_file(tmp_path / "seeds", *CORPUS[0])
    assert run_kit("exercise", str(path)).returncode == 0
    bank = path.with_name(f"{CORPUS[0][1]}-generated.quiz.yaml")
    edited = bank.read_text(encoding="utf-8").replace("title:", "title: My own", 1)
    bank.write_text(edited, encoding="utf-8")
    out = run_kit("exercise", str(path))
    assert out.returncode == 2 and "changed since the kit wrote it" in out.stderr
    assert f"python -m kit exercise {path} --force" in out.stderr and "--out" in out.stderr
    assert bank.read_text(encoding="utf-8") == edited


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such file"),
        ("notes.docx", "x", "cannot read '.docx' files"),
        ("empty.txt", "", "empty"),
    ],
)
def test_a_bad_article_is_one_line_with_the_fix_and_nothing_written(
    tmp_path, name, content, message
):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    out = run_kit("exercise", str(path))
    assert out.returncode == 2, out.stdout
    assert message in out.stderr and out.stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ([name] if content is not None else [])


def test_a_file_of_several_articles_asks_for_one(tmp_path):
    csv = tmp_path / "corpus.csv"
    shutil.copyfile(WIKINEWS / "subset_2019.csv", csv)
    out = run_kit("exercise", str(csv))
    assert out.returncode == 2 and "articles; an exercise is made from one" in out.stderr
    assert "own file" in out.stderr


def test_an_article_without_sources_says_to_mark_them_in_the_notebook(tmp_path):
    path = tmp_path / "quiet.txt"
    path.write_text(
        "Rain expected\nWeather\nRain will fall on Tuesday across the north.\n"
        "Temperatures will stay low.\n",
        encoding="utf-8",
    )
    out = run_kit("exercise", str(path))
    assert out.returncode == 2 and "make_an_exercise.ipynb" in out.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quiet.txt"]


def test_release_warns_about_a_draft_key(tmp_path):
    course = tmp_path / "course"
    shutil.copytree(ROOT / "notebooks", course / "notebooks")
    shutil.copytree(ROOT / "seeds", course / "seeds")
    draft = course / "seeds" / "practice" / "millbrook_wire.key.yaml"
    draft.write_text(
        draft.read_text(encoding="utf-8").replace("items:", "reviewed: false\nitems:", 1),
        encoding="utf-8",
    )
    out = run_kit("release", str(tmp_path / "out"), cwd=course)
    assert out.returncode == 0, out.stderr
    warned = [line for line in out.stderr.splitlines() if "millbrook_wire.key.yaml" in line]
    assert len(warned) == 1 and "draft answer key" in warned[0] and "reviewed: true" in warned[0]
    assert "draft" not in out.stderr.replace(warned[0], "")
