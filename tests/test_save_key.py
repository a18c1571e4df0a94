"""A teacher's highlights become an answer key that students' feedback and the dashboard read."""

from __future__ import annotations

import json

import pytest
import yaml

from kit import KitError, compare, load_key
from kit.classroom.materials import load_materials
from kit.work.annotations import make_annotation
from kit.work.keys import key_from_attributions, save_key, unreviewed
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
    assert {"quote": "he", "occurrence": 2, "label": "Named person"} in data["items"]
    assert {"quote": "Downing Street", "label": "Institution"} in data["items"]
    assert "# Labels: Named person, Institution, Unnamed source," in text
    assert "reviewed" not in data  # saved from the widget: the teacher reviewed it


def test_highlights_with_several_kinds_keep_their_full_tags(ws, seed, tmp_path):
    mark(ws, "Downing Street", ["source:institution"])
    mark(ws, "would not confirm", ["claim:event", "checkworthy:yes"])
    data = json.loads(save_key(ws, seed, tmp_path / "k.json").read_text(encoding="utf-8"))
    assert data["items"][1]["labels"] == ["claim: Event", "checkworthy: Worth checking"]
    key = load_key(tmp_path / "k.json", seed)
    assert key.items[1].tags == ("claim:event", "checkworthy:yes")
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


def test_key_labels_are_read_by_the_names_people_read_and_by_their_ids(seed, tmp_path):
    path = tmp_path / "k.key.yaml"
    path.write_text(
        "kind: source\nitems:\n"
        "- {quote: Downing Street, label: Institution}\n"
        "- {quote: Ukrainian officials, label: unnamed SOURCE}\n"
        "- {quote: Zelensky, label: named_person}\n"
        "- {quote: Volodymyr Zelensky, label: 'source:named_person'}\n"
        "- {quote: The Ukrainian president, labels: ['Named person', 'claim: Prediction']}\n",
        encoding="utf-8",
    )
    tags = [i.tags for i in load_key(path, seed).items]
    assert sorted(tags) == sorted(
        [
            ("source:institution",),
            ("source:anonymous",),
            ("source:named_person",),
            ("source:named_person",),
            ("source:named_person", "claim:prediction"),
        ]
    )


def test_an_old_key_file_with_label_ids_still_compares_as_before(seed):
    old = {"kind": "source", "items": [{"quote": "Downing Street", "label": "institution"}]}
    ws = MemoryWorkspace(seed)
    mark(ws, "Downing Street", ["source:institution"])
    assert len(compare(ws, old, article=seed).right) == 1


def test_a_saved_key_round_trips_every_source_label_by_name(seed, tmp_path):
    ws = MemoryWorkspace(seed)
    phrases = ["Zelensky", "Downing Street", "Ukrainian officials", "Moscow", "Kremlin", "he"]
    values = ["named_person", "institution", "anonymous", "document", "other_outlet", "social_post"]
    for phrase, value in zip(phrases, values, strict=True):
        mark(ws, phrase, [f"source:{value}"])
    path = save_key(ws, seed, tmp_path)
    written = [i["label"] for i in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]]
    assert set(written) == {
        "Named person",
        "Institution",
        "Unnamed source",
        "Document",
        "Other news outlet",
        "Social media post",
    }
    read = load_key(path, seed)
    assert sorted((i.start, i.tags) for i in read.items) == sorted(
        (a.start, a.tags) for a in ws.annotations
    )


def test_a_draft_key_says_reviewed_false_and_is_listed_as_unreviewed(ws, seed, tmp_path):
    mark(ws, "Downing Street", ["source:institution"])
    draft = save_key(ws, seed, tmp_path / "draft", reviewed=False)
    done = save_key(ws, seed, tmp_path / "done")
    text = draft.read_text(encoding="utf-8")
    assert yaml.safe_load(text)["reviewed"] is False and "reviewed: true" in text  # how to finish
    assert len(load_key(draft, seed)) == 1  # a draft still works as a key
    broken = tmp_path / "broken.key.yaml"
    broken.write_text("items: [\n", encoding="utf-8")
    assert unreviewed([draft, done, broken, tmp_path / "gone.key.yaml"]) == [draft]
    draft.write_text(text.replace("reviewed: false", "reviewed: true"), encoding="utf-8")
    assert unreviewed([draft]) == []


def test_reviewed_must_be_true_or_false(seed, tmp_path):
    path = tmp_path / "k.key.yaml"
    path.write_text("reviewed: maybe\nitems: []\n", encoding="utf-8")
    with pytest.raises(KitError, match="true or false"):
        load_key(path, seed)


@pytest.mark.parametrize("as_text", [True, False])
def test_a_key_is_saved_into_a_new_folder_given_as_text_or_path(ws, seed, tmp_path, as_text):
    mark(ws, "Downing Street", ["source:institution"])
    folder = tmp_path / "new" / "seeds"
    path = save_key(ws, seed, str(folder) if as_text else folder)
    assert path == folder / f"{seed.id}.key.yaml" and path.is_file()


def test_a_key_is_not_saved_into_a_file_posing_as_its_folder(ws, seed, tmp_path):
    mark(ws, "Downing Street", ["source:institution"])
    (tmp_path / "seeds").write_text("not a folder", encoding="utf-8")
    with pytest.raises(KitError, match="not a folder"):
        save_key(ws, seed, tmp_path / "seeds")
