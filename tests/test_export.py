"""Work leaves the kit as a table (DataFrame, CSV) and as W3C Web Annotation JSON."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from kit import KitError, to_csv, to_dataframe, to_w3c, write_w3c
from kit.work.annotations import make_annotation
from kit.work.export import anchor_on, annotations_from_w3c, work_files
from kit.work.store import Workspace


def mark(ws, phrase, tags, comment=""):
    i = ws.article.text.index(phrase)
    return ws.add(make_annotation(ws.article.text, i, i + len(phrase), tags, comment=comment))


@pytest.fixture
def classroom(tmp_path, seed):
    alice = Workspace("alice", seed, tmp_path)
    mark(alice, "Downing Street", ["source:institution"], comment="an office, not a person")
    mark(alice, "Ukrainian officials", ["source:anonymous"])
    bob = Workspace("bob", seed, tmp_path)
    s = seed.sentences[2]
    bob.add(
        make_annotation(
            seed.text, s.start, s.end, ["claim:prediction", "checkworthy:no"], motivation="tagging"
        )
    )
    return tmp_path


def test_one_row_per_annotation_with_student_article_offsets_and_labels(classroom, seed):
    frame = to_dataframe(classroom)
    assert list(frame.columns[:12]) == [
        "student",
        "article_id",
        "id",
        "start",
        "end",
        "exact",
        "labels",
        "label",
        "comment",
        "motivation",
        "created",
        "modified",
    ]
    assert list(frame["student"]) == ["alice", "alice", "bob"]
    row = frame.iloc[0]
    assert seed.text[row.start : row.end] == row.exact == "Downing Street"
    assert row.label == "institution" and row.comment == "an office, not a person"
    assert frame.iloc[2].labels == "claim:prediction; checkworthy:no"
    assert frame.iloc[2].motivation == "tagging"
    assert set(frame["article_id"]) == {seed.id}


def test_any_set_of_work_files_and_folders(classroom, seed):
    one = classroom / "alice" / f"{seed.id}.json"
    assert len(to_dataframe(one)) == 2
    assert len(to_dataframe([one, classroom / "bob"])) == 3
    assert work_files(classroom) == sorted(classroom.glob("*/*.json"))


def test_csv_reads_back_the_same_rows(classroom, tmp_path):
    out = to_csv(classroom, tmp_path / "class.csv")
    back = pd.read_csv(out, keep_default_na=False)
    assert list(back["exact"]) == ["Downing Street", "Ukrainian officials", back["exact"][2]]
    assert "file" not in back.columns and list(back["start"]) == list(to_dataframe(classroom).start)


def test_a_broken_file_is_listed_not_fatal_unless_strict(classroom):
    broken = classroom / "carol" / "x.json"
    broken.parent.mkdir()
    broken.write_text("{not json", encoding="utf-8")
    frame = to_dataframe(classroom)
    assert len(frame) == 3 and "x.json" in frame.attrs["problems"][0]
    with pytest.raises(KitError, match="not valid JSON"):
        to_dataframe(classroom, strict=True)


def test_a_missing_folder_is_named():
    with pytest.raises(KitError, match="no such file or folder"):
        to_dataframe("/no/such/place")


def test_w3c_collection_has_a_page_of_annotations_with_both_selectors(classroom, tmp_path):
    data = to_w3c(classroom)
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == 3
    page = data["first"]
    assert page["type"] == "AnnotationPage" and len(page["items"]) == 3
    for item in page["items"]:
        kinds = {s["type"] for s in item["target"]["selector"]}
        assert kinds == {"TextPositionSelector", "TextQuoteSelector"}
        assert item["type"] == "Annotation" and item["id"].startswith("urn:uuid:")
    path = write_w3c(classroom, tmp_path / "class.jsonld")
    assert json.loads(path.read_text(encoding="utf-8")) == data


def test_w3c_export_re_anchors_on_a_copy_with_changed_white_space(classroom, seed):
    respaced = seed.text.replace("Downing Street", "Downing\nStreet")
    respaced = "   \n" + re.sub(r" ", "  ", respaced).replace("\n\n", "\n \n\n")
    moved = anchor_on(annotations_from_w3c(to_w3c(classroom)), respaced)
    assert all(a is not None for a in moved)
    for a in moved:
        original = " ".join(a.exact.split())
        assert " ".join(respaced[a.start : a.end].split()) == original
    assert respaced[moved[0].start : moved[0].end] == "Downing\nStreet"


def test_w3c_reading_accepts_a_page_a_list_or_one_annotation(classroom):
    data = to_w3c(classroom)
    items = data["first"]["items"]
    assert len(annotations_from_w3c(data["first"])) == 3
    assert len(annotations_from_w3c(items)) == 3
    assert annotations_from_w3c(items[0])[0].exact == "Downing Street"
