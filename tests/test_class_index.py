"""The class index (`CLASS_DIR/.kit-index.json`) makes loading fast and never changes a result:
a class reads the same with or without it, damaged or stale entries included."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

import kit.classroom.classwork
from kit.classroom.classwork import load_class
from kit.classroom.collect import collect
from kit.classroom.demo import demo_class
from kit.classroom.index import INDEX_NAME

STUDENTS = 12
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def collected(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("index")
    demo_class(root / "work", STUDENTS, seed=3, seeds=SEEDS)
    report = collect([root / "work"], root / "class")
    assert not report.problems
    return root / "class"


def copy_class(src: Path, dst: Path) -> Path:
    for path in src.rglob("*"):
        if path.is_file():
            target = dst / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
            os.utime(target, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns))
    return dst


def everything(class_dir: Path) -> dict[str, object]:
    work = load_class(class_dir, seeds=SEEDS)
    out: dict[str, object] = dict(work.tables())
    out["overview"] = work.overview().html
    out["heatmaps"] = [work.heatmap(a).html for a in work.article_ids]
    return out


def assert_same(a: dict[str, object], b: dict[str, object]) -> None:
    assert a.keys() == b.keys()
    for name in a:
        if isinstance(a[name], pd.DataFrame):
            pd.testing.assert_frame_equal(a[name], b[name], obj=name)
        else:
            assert a[name] == b[name], name


def without_index(class_dir: Path, tmp_path: Path) -> dict[str, object]:
    plain = copy_class(class_dir, tmp_path / "plain")
    (plain / INDEX_NAME).unlink()
    return everything(plain)


@pytest.fixture(scope="module")
def reference(collected, tmp_path_factory) -> dict[str, object]:
    return without_index(collected, tmp_path_factory.mktemp("reference"))


def test_the_index_is_used_and_gives_what_reading_every_file_gives(
    collected, reference, monkeypatch
):
    monkeypatch.setattr(
        kit.classroom.classwork, "parse_work", lambda *a: pytest.fail("file read again")
    )
    assert_same(everything(collected), reference)
    assert len(reference["highlights"]) > 100


def test_a_file_changed_after_collect_is_read_again(collected, tmp_path):
    cls = copy_class(collected, tmp_path / "class")
    path = sorted(cls.glob("*/*.json"))[0]
    doc = json.loads(path.read_text())
    dropped = doc["annotations"].pop()["id"]
    path.write_text(json.dumps(doc))
    highlights = load_class(cls, seeds=SEEDS).highlights()
    assert dropped not in set(highlights["annotation_id"])
    assert len(highlights) == len(everything(collected)["highlights"]) - 1


def test_an_edit_that_keeps_the_size_is_seen_by_its_time(collected, tmp_path):
    cls = copy_class(collected, tmp_path / "class")
    path = sorted(cls.glob("*/*.json"))[0]
    raw = path.read_bytes()
    doc = json.loads(raw)
    old = doc["responses"] and next(iter(doc["responses"]))
    assert old, "the demo student wrote an answer"
    value = doc["responses"][old]["value"]
    doc["responses"][old]["value"] = value.swapcase()
    path.write_bytes(json.dumps(doc, ensure_ascii=False, indent=1).encode())
    assert path.stat().st_size == len(raw)
    df = load_class(cls, seeds=SEEDS).reflections()
    mine = df[(df["student"] == path.parent.name) & (df["article_id"] == path.stem)]
    assert mine.set_index("key").loc[old, "value"] == value.swapcase() != value


@pytest.mark.parametrize(
    "damage",
    ["garbage", "truncated", "other format", "text offsets", "start after end", "bad tags",
     "missing field", "NaN answer"],
)  # fmt: skip
def test_a_damaged_index_gives_the_same_class(collected, reference, tmp_path, damage):
    cls = copy_class(collected, tmp_path / "class")
    index = cls / INDEX_NAME
    raw = index.read_bytes()
    data = json.loads(raw)
    first = next(iter(data["files"].values()))
    if damage == "garbage":
        index.write_bytes(b"\x00\xff not json")
    elif damage == "truncated":
        index.write_bytes(raw[: len(raw) // 2])
    else:
        if damage == "other format":
            data["format"] = "kit-class-index/0"
        elif damage == "text offsets":
            first["annotations"][0][1] = "5"
        elif damage == "start after end":
            first["annotations"][0][1] = first["annotations"][0][2] + 1
        elif damage == "bad tags":
            first["annotations"][0][4] = [7]
        elif damage == "missing field":
            del first["quiz"]
        elif damage == "NaN answer":  # only json reads it: entry by entry, every entry kept
            first["responses"]["extra"] = {"value": float("nan")}
        index.write_text(json.dumps(data))
    got = everything(cls)
    if damage == "NaN answer":  # the index's word is taken for the file it describes
        assert "extra" in set(got["reflections"]["key"])
        got["reflections"] = got["reflections"][got["reflections"]["key"] != "extra"]
        got["reflections"] = got["reflections"].reset_index(drop=True)
    assert_same(got, reference)


def test_nan_in_a_students_file_is_indexed_as_nan_not_null(tmp_path):
    demo_class(tmp_path / "work", 3, seed=1, seeds=SEEDS)
    path = sorted((tmp_path / "work").glob("*/*.json"))[0]
    doc = json.loads(path.read_text())
    doc["responses"]["odd"] = {"value": "x", "score": float("nan")}
    path.write_text(json.dumps(doc))
    collect([tmp_path / "work"], tmp_path / "class")
    text = (tmp_path / "class" / INDEX_NAME).read_text()
    assert '"score":NaN' in text and '"score":null' not in text
    assert_same(everything(tmp_path / "class"), without_index(tmp_path / "class", tmp_path))


def test_a_work_file_without_an_article_id_reads_the_same_with_the_index(tmp_path):
    demo_class(tmp_path / "work", 3, seed=1, seeds=SEEDS)
    path = sorted((tmp_path / "work").glob("*/*.json"))[0]
    doc = json.loads(path.read_text())
    del doc["article_id"]  # the file's name says which article it is
    path.write_text(json.dumps(doc))
    collect([tmp_path / "work"], tmp_path / "class")
    got = everything(tmp_path / "class")
    assert path.stem in set(got["highlights"]["article_id"])
    assert "None" not in set(got["highlights"]["article_id"])
    assert_same(got, without_index(tmp_path / "class", tmp_path))
