"""A teacher's highlights become an answer key that students' feedback and the dashboard read."""

from __future__ import annotations

import json

import pytest
import yaml

from kit import KitError, compare, load_key
from kit.classroom.materials import load_materials
from kit.work.annotations import make_annotation
from kit.work.keys import key_from_attributions, save_key
from kit.work.store import MemoryWorkspace, Workspace


def mark(ws, phrase, tags, occurrence=1, comment=""):
    text = ws.article.text
    i = -1
    for _ in range(occurrence):
        i = text.index(phrase, i + 1)
    return ws.add(make_annotation(text, i, i + len(phrase), tags, comment=comment))


@pytest.fixture
def ws(seed):
    return MemoryWorkspace(seed)


def test_saved_key_reads_back_with_the_same_spans_labels_and_hints(ws, seed, tmp_path):
    mark(ws, "Downing Street", ["source:institution"], comment="Who would not confirm?")
    mark(ws, "he", ["source:named_person"], occurrence=3)
    mark(ws, "Ukrainian officials", ["source:anonymous"])
    path = save_key(ws, seed, tmp_path)
    assert path == tmp_path / "000_8e915a2399968c01.key.yaml"
    key = load_key(path, seed)
    expected = sorted((a.start, a.end, a.tags, a.comment) for a in ws.annotations)
    assert [(i.start, i.end, i.tags, i.hint) for i in key.items] == expected


def test_key_file_is_plain_yaml_a_teacher_can_edit(ws, seed, tmp_path):
    mark(ws, "Downing Street", ["source:institution"])
    mark(ws, "he", ["source:named_person"], occurrence=2)
    text = save_key(ws, seed, tmp_path / "mine.key.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Answer key for: Ukraine to host")
    data = yaml.safe_load(text)
    assert data["article"] == seed.id and data["kind"] == "source"
    assert {"quote": "he", "occurrence": 2, "label": "named_person"} in data["items"]
    assert {"quote": "Downing Street", "label": "institution"} in data["items"]


def test_highlights_with_several_kinds_keep_their_full_tags(ws, seed, tmp_path):
    mark(ws, "Downing Street", ["source:institution"])
    mark(ws, "would not confirm", ["claim:event", "checkworthy:yes"])
    data = json.loads(save_key(ws, seed, tmp_path / "k.json").read_text(encoding="utf-8"))
    assert data["items"][1]["labels"] == ["claim:event", "checkworthy:yes"]
    only = yaml.safe_load(save_key(ws, seed, tmp_path / "s.yaml", kind="source").read_text())
    assert [i["quote"] for i in only["items"]] == ["Downing Street"]


def test_accepted_automatic_sources_make_a_key_students_are_compared_with(seed, tmp_path):
    ws = Workspace("teacher", seed, tmp_path / "work")
    auto = key_from_attributions(seed)
    for item in auto.items:
        ws.add(make_annotation(seed.text, item.start, item.end, item.tags, comment=item.hint))
    path = save_key(ws, seed, tmp_path / "seeds")
    assert len(load_key(path, seed)) == len(auto)
    fb = compare(ws, path, article=seed)
    assert not fb.missed and len(fb.right) == len(auto)


def test_the_dashboard_reads_a_saved_key_beside_the_article(ws, seed, seed_path, tmp_path):
    mark(ws, "Downing Street", ["source:institution"])
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / seed_path.name).write_bytes(seed_path.read_bytes())
    save_key(ws, seed, seeds)
    materials = load_materials(seeds)
    assert not materials.problems
    assert [a.exact for a in materials.keys[seed.id]] == ["Downing Street"]


def test_nothing_marked_is_refused_with_what_to_do(ws, seed, tmp_path):
    with pytest.raises(KitError, match="nothing to save") as e:
        save_key(ws, seed, tmp_path)
    assert "accept" in str(e.value)
    assert not list(tmp_path.iterdir())
