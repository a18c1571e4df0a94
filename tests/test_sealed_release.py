"""A release ships each article's answer key sealed, and no released file holds plain key text."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

import kit
from kit.classroom.course import seed_files
from kit.classroom.release import release
from kit.classroom.ship_keys import teachers_key
from kit.quiz.sealed_keys import SealedKey
from kit.reading.labels import describe
from kit.work.annotations import make_annotation
from kit.work.store import MemoryWorkspace
from tests.conftest import ROOT

#: Lesson 3's table of the kinds of sources teaches with the seed's own examples ("Downing Street"
#: as an institution, "Volodymyr Zelensky said..." as a named person): lesson prose, not the key.
TEACHING_EXAMPLES = {
    ("03_who_is_talking.ipynb", "Downing Street"),
    ("03_who_is_talking.ipynb", "Volodymyr Zelensky"),
    ("03_who_is_talking.ipynb", "Zelensky"),
}


@pytest.fixture(scope="module")
def teachers_keys():
    """Every key of the course's seeds, with its article."""
    out = []
    for f in seed_files(ROOT / "seeds").articles:
        article = kit.load_article(f)
        key = teachers_key(article)
        if key is not None:
            out.append((article, key))
    assert len(out) >= 4  # the seed and the practice articles
    return out


@pytest.fixture(scope="module")
def course_copy(tmp_path_factory):
    """The whole course released as the kit ships it (real quiz releases, cheap scrypt)."""
    out = tmp_path_factory.mktemp("release")
    return release(out, notebooks=ROOT / "notebooks", seeds=ROOT / "seeds")


def released_texts(report) -> dict[str, str]:
    """Every file of the copy and of its zip, as text."""
    texts = {
        str(f.relative_to(report.folder)): f.read_text(encoding="utf-8", errors="replace")
        for f in report.folder.rglob("*")
        if f.is_file()
    }
    with zipfile.ZipFile(report.zip_path) as zf:
        for name in zf.namelist():
            texts[f"zip:{name}"] = zf.read(name).decode("utf-8", errors="replace")
    return texts


def test_every_shipped_article_with_a_key_gets_its_key_sealed(course_copy, teachers_keys):
    shipped = set(course_copy.articles)  # only the keys of articles the release ships
    assert course_copy.keys == sorted(
        f"keys/{a.id}.sealed.json" for a, _ in teachers_keys if a.id in shipped
    )
    for name in course_copy.keys:
        assert (course_copy.folder / "seeds" / name).is_file()
    assert not (course_copy.folder / "seeds" / "keys" / "000_8e915a2399968c01.json").exists()


def test_no_released_file_holds_a_hint_or_a_span_with_its_label(course_copy, teachers_keys):
    texts = released_texts(course_copy)
    hints = {i.hint for _, key in teachers_keys for i in key.items if len(i.hint) > 12}
    assert len(hints) > 10
    for name, text in texts.items():
        for hint in hints:
            assert hint not in text, (name, hint)
    tried = 0
    for _, key in teachers_keys:
        for item in key.items:
            for tag in item.tags:
                value = tag.split(":", 1)[1]
                for label in {tag, describe(tag)} | ({value} if "_" in value else set()):
                    span = rf"\b{re.escape(item.exact)}\b"  # a word, not inside one ('he')
                    near = re.compile(
                        rf"{span}.{{0,60}}{re.escape(label)}|{re.escape(label)}.{{0,60}}{span}",
                        re.DOTALL,
                    )
                    for name, text in texts.items():
                        if (Path(name).name, item.exact) in TEACHING_EXAMPLES:
                            continue
                        tried += 1
                        assert not near.search(text), (name, item.exact, label)
    assert tried > 1000
    for name, text in texts.items():  # notebooks and banks name no key file or its form
        assert "kit-work/1" not in text and "urn:kit:key" not in text, name
        assert "hint:" not in text or not name.endswith(".json"), name


def test_an_exam_release_ships_no_key_at_all(tmp_path, teachers_keys):
    report = release(tmp_path, notebooks=ROOT / "notebooks", seeds=ROOT / "seeds", exam=True)
    assert report.keys == []
    assert not (report.folder / "seeds" / "keys").exists()
    assert not [n for n in released_texts(report) if "sealed" in n]


def test_a_student_in_the_copy_compares_with_the_sealed_key(course_copy, tmp_path):
    copy = tmp_path / "student"
    shutil.copytree(course_copy.folder, copy)
    article = kit.load_article(copy / "seeds" / "000_8e915a2399968c01.txt")
    key = kit.answer_key(article)
    assert isinstance(key, SealedKey) and key.sources == 7
    ws = MemoryWorkspace(article)
    at = article.text.index("Downing Street")
    ws.add(make_annotation(article.text, at, at + 14, ["source:institution"]))
    fb = kit.compare(ws, key)
    assert fb.messages[0] == "You found 1 of the 7 sources."
    assert list(fb.table["the key says"]) == ["the same"]
    assert fb.title == "Your highlights compared with your teacher's key"
    teacher = kit.compare(ws, kit.answer_key(kit.load_article(ROOT / "seeds" / article.path.name)))
    assert [(m.item.start, m.annotation) for m in teacher.found] == [
        (m.item.start, m.annotation) for m in fb.found
    ]


def test_no_released_file_holds_a_model_answer_or_a_reason_of_the_taggers_keys(course_copy):
    from kit.quiz.written import answer_files, load_answers
    from kit.work.tag_keys import FILES, tag_key

    secrets = set()
    for f in answer_files(ROOT / "seeds"):
        for a in load_answers(f).values():
            secrets |= {a.model[:50], *(c[:50] for c in a.checklist if len(c) > 30)}
            secrets |= {said[:50] for _, said in a.options}
    for f in seed_files(ROOT / "seeds").articles:
        article = kit.load_article(f)
        for kind in FILES:
            key = tag_key(article, kind)
            secrets |= {" ".join(i.hint.split())[:50] for i in (key.items if key else ())}
    secrets.discard("")
    assert len(secrets) > 80
    assert course_copy.answers and "keys/000_8e915a2399968c01.sealed.json" in course_copy.keys
    for name, text in released_texts(course_copy).items():
        flat = " ".join(text.split())
        for said in secrets:
            assert said not in flat, (name, said)
