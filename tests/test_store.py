"""Student work is saved at once, merged across tabs, never silently overwritten or lost."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

import kit
from kit import KitError
from kit.work.annotations import Annotation, make_annotation
from kit.work.store import (
    Workspace,
    current_student,
    read_document,
    safe_name,
    set_student,
    work_path,
)

ROOT = Path(__file__).resolve().parent.parent


def span_of(article, phrase):
    i = article.text.index(phrase)
    return i, i + len(phrase)


def highlight(ws, phrase, label="source:institution"):
    s, e = span_of(ws.article, phrase)
    return ws.add(make_annotation(ws.article.text, s, e, [label]))


def test_a_highlight_is_on_disk_at_once_with_offsets_and_quote(tmp_path, seed):
    ws = Workspace("alice", seed, tmp_path)
    highlight(ws, "Downing Street")
    doc = json.loads((tmp_path / "alice" / f"{seed.id}.json").read_text(encoding="utf-8"))
    [ann] = doc["annotations"]
    pos, quote = ann["target"]["selector"]
    assert seed.text[pos["start"] : pos["end"]] == "Downing Street" == quote["exact"]
    assert ann["body"][0]["value"] == "source:institution"
    assert ann["type"] == "Annotation" and ann["creator"]["nickname"] == "alice"


def test_reopening_restores_every_edit(tmp_path, seed):
    ws = Workspace("alice", seed, tmp_path)
    highlight(ws, "Downing Street")
    highlight(ws, "Ukrainian officials", "source:anonymous")
    ws.set_response("lesson1.reaction", "I felt worried.")
    again = Workspace("alice", seed, tmp_path)
    assert [a.exact for a in again.annotations] == ["Downing Street", "Ukrainian officials"]
    assert again.response("lesson1.reaction") == "I felt worried."


def test_two_tabs_on_one_file_merge_instead_of_overwriting(tmp_path, seed):
    tab1 = Workspace("alice", seed, tmp_path)
    tab2 = Workspace("alice", seed, tmp_path)
    highlight(tab1, "Downing Street")
    highlight(tab2, "Moscow")  # tab2 never saw tab1's edit
    tab1.set_response("note", "from tab 1")
    fresh = Workspace("alice", seed, tmp_path)
    assert {a.exact for a in fresh.annotations} == {"Downing Street", "Moscow"}
    assert fresh.response("note") == "from tab 1"
    assert tab1.external_changes


def test_two_processes_editing_one_file_lose_no_update(tmp_path, seed_path):
    script = textwrap.dedent(
        f"""
        import sys, kit
        from kit.work.store import Workspace
        from kit.work.annotations import make_annotation
        a = kit.load_article({str(seed_path)!r})
        ws = Workspace("bob", a, {str(tmp_path)!r})
        for i in range(40):
            ws.add(make_annotation(a.text, i, i + 1, [f"p{{sys.argv[1]}}:{{i}}"]))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", script, str(n)], env=env) for n in range(2)]
    assert all(p.wait(timeout=120) == 0 for p in procs)
    doc = read_document(tmp_path / "bob" / "000_8e915a2399968c01.json")
    assert len(doc["annotations"]) == 80
    assert doc["revision"] == 80


def test_undo_and_redo_of_highlights_and_relabels(tmp_path, seed):
    ws = Workspace("alice", seed, tmp_path)
    ann = highlight(ws, "Downing Street")
    ws.update(ann.with_tags(["source:anonymous"]))
    assert ws.annotations[0].tags == ("source:anonymous",)
    assert ws.undo()
    assert ws.annotations[0].tags == ("source:institution",)
    assert ws.undo()
    assert ws.annotations == ()
    assert not ws.undo()
    assert ws.redo() and ws.redo()
    assert Workspace("alice", seed, tmp_path).annotations[0].tags == ("source:anonymous",)


def test_deleting_a_highlight_is_saved(tmp_path, seed):
    ws = Workspace("alice", seed, tmp_path)
    ann = highlight(ws, "Moscow")
    ws.remove(ann.id)
    assert Workspace("alice", seed, tmp_path).annotations == ()


def test_quiz_attempts_are_kept_in_order(tmp_path, seed):
    ws = Workspace("alice", seed, tmp_path)
    ws.record_attempt("seed-quiz", "q1", 2, False, 0)
    ws.record_attempt("seed-quiz", "q1", 1, True, 1)
    attempts = Workspace("alice", seed, tmp_path).attempts("seed-quiz", "q1")
    assert [(a.response, a.correct, a.points) for a in attempts] == [
        (2, False, 0.0),
        (1, True, 1.0),
    ]


def test_a_broken_work_file_is_kept_aside_not_overwritten(tmp_path, seed):
    ws = Workspace("alice", seed, tmp_path)
    highlight(ws, "Moscow")
    ws.path.write_text('{"format": "kit-work/1", "annotations": [oops', encoding="utf-8")
    broken = ws.path.read_text(encoding="utf-8")
    again = Workspace("alice", seed, tmp_path)
    assert again.annotations == ()
    [warning] = again.warnings
    assert "could not be read" in warning and "tell your teacher" in warning
    kept = [p for p in ws.path.parent.iterdir() if ".broken-" in p.name]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == broken
    highlight(again, "Downing Street")
    assert kept[0].read_text(encoding="utf-8") == broken


def test_reading_a_broken_file_for_a_teacher_names_the_file(tmp_path):
    p = tmp_path / "x.json"
    p.write_text("[1, 2", encoding="utf-8")
    with pytest.raises(KitError) as e:
        read_document(p)
    assert str(p) in e.value.message


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Alice-Smith", "Alice-Smith"),
        ("José", "José"),
        ("2b-07", "2b-07"),
        ("Alice Smith", "Alice-Smith-8ae10d"),
        ("../../etc/passwd", "etc-passwd-"),
        ("/abs/path", "abs-path-"),
        ("con", "_con-"),
        ("a\x00b", "ab-"),
        ("x" * 300, "x" * 57 + "-"),
    ],
)
def test_student_ids_are_made_safe(raw, expected):
    """A clean name stays as it is; a name that cleaning changed gets a suffix of 6 hex."""
    name = safe_name(raw)
    if expected.endswith("-"):
        assert name.startswith(expected) and re.fullmatch(r"[0-9a-f]{6}", name[len(expected) :])
    else:
        assert name == expected
    assert safe_name(name) == name  # a folder name read back (collect) stays the same
    assert len(name) <= 64


def test_different_names_never_share_a_folder():
    names = ["Alex B", "Alex-B", "Alex_B", "alex b", "ａｌｅｘ", "alex", "ALEX", " alex",
             "x" * 64 + "a", "x" * 64 + "b", "x" * 64, "con", "_con", "José",
             "Jose\u0301x"]  # fmt: skip
    folders = [safe_name(n) for n in names]
    assert len(set(folders)) == len(set(names)) - 1  # " alex" is "alex" (outer spaces ignored)
    assert safe_name(" alex") == safe_name("alex") == "alex"
    nfd = "Jose\u0301"  # José typed with a combining accent: the same name
    assert safe_name(nfd) == safe_name("José") == "José"


def test_an_existing_folder_of_the_old_rule_keeps_working(tmp_path, seed, monkeypatch):
    monkeypatch.delenv("KIT_STUDENT", raising=False)
    old = tmp_path / "Alex-B"  # made by an earlier kit for "Alex B"
    old.mkdir()
    (old / f"{seed.id}.json").write_text(
        json.dumps({"format": "kit-work/1", "annotations": [], "quiz": {},
                    "responses": {"r": {"value": "before"}}}), encoding="utf-8")  # fmt: skip
    assert set_student("Alex B", tmp_path) == "Alex-B"
    assert Workspace("Alex B", seed, tmp_path).response("r") == "before"
    assert Workspace(None, seed, tmp_path).path.parent == old
    # a new name gets the new folder; the new folder wins once it exists
    assert Workspace("Alex C", seed, tmp_path).path.parent.name.startswith("Alex-C-")
    (tmp_path / safe_name("Alex B")).mkdir()
    assert Workspace("Alex B", seed, tmp_path).path.parent.name == safe_name("Alex B")


@pytest.mark.parametrize("raw", ["", "...", "///", "\x00"])
def test_unusable_student_ids_are_refused(raw):
    with pytest.raises(KitError, match="cannot be used"):
        safe_name(raw)


def test_work_files_never_land_outside_the_work_folder(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "work"
    root.mkdir()
    (root / "mallory").symlink_to(outside)
    with pytest.raises(KitError, match="outside the work folder"):
        work_path("mallory", "article", root)
    assert work_path("../eve", "../../a", root) == root / safe_name("../eve") / "a.json"
    assert safe_name("../eve").startswith("eve-")


def test_the_student_id_is_remembered_for_the_work_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("KIT_STUDENT", raising=False)
    with pytest.raises(KitError, match="notebook 0"):
        current_student(tmp_path)
    sam = set_student("Sam R.", tmp_path)
    assert sam.startswith("Sam-R-") and current_student(tmp_path) == sam
    assert Workspace(None, "some-article", tmp_path).student == sam


def test_highlights_re_anchor_when_the_article_text_changes(tmp_path, seed):
    ws = Workspace("alice", seed, tmp_path)
    highlight(ws, "Downing Street")
    highlight(ws, "Moscow continues", "source:institution")
    changed = kit.make_article(
        seed.title, ["A new first paragraph was added.", *seed.body], standfirst=seed.standfirst
    )
    changed = replace(changed, id=seed.id)
    moved = Workspace("alice", changed, tmp_path)
    for a in moved.annotations:
        assert changed.text[a.start : a.end] == a.exact
    assert {a.exact for a in moved.annotations} == {"Downing Street", "Moscow continues"}


def test_a_full_disk_leaves_the_previous_file_intact(tmp_path, seed_path):
    # RLIMIT_FSIZE makes the kernel refuse to grow files past 2 KiB, like a full disk.
    script = textwrap.dedent(
        f"""
        import resource, signal, kit
        from kit.work.store import Workspace
        from kit.work.annotations import make_annotation
        from kit import KitError
        a = kit.load_article({str(seed_path)!r})
        ws = Workspace("carol", a, {str(tmp_path)!r})
        ws.add(make_annotation(a.text, 0, 7, ["source:x"]))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))
        try:
            ws.set_response("essay", "words " * 2000)
        except KitError as e:
            print("KITERROR", e.message)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert "KITERROR" in out.stdout and "previous version is unchanged" in out.stdout, out.stderr
    doc = read_document(tmp_path / "carol" / "000_8e915a2399968c01.json")
    assert len(doc["annotations"]) == 1 and doc["responses"] == {}
    leftovers = [p for p in (tmp_path / "carol").iterdir() if p.suffix == ".tmp"]
    assert leftovers == []


def test_annotation_round_trips_through_w3c_json(seed):
    s, e = span_of(seed, "Ukrainian officials")
    ann = make_annotation(seed.text, s, e, ["source:anonymous"], comment="who exactly?")
    back = Annotation.from_w3c(json.loads(json.dumps(ann.to_w3c("seed"))))
    assert back == ann


def test_malformed_annotation_is_a_kit_error():
    with pytest.raises(KitError, match="not a valid annotation"):
        Annotation.from_w3c({"target": {"selector": []}})


def test_collect_keeps_students_whose_names_clean_alike_apart(tmp_path, seed):
    from kit.classroom.collect import collect

    names = ["Alex B", "Alex-B", "ａｌｅｘ", "alex", "y" * 70 + "1", "y" * 70 + "2"]
    for name in names:
        Workspace(name, seed, tmp_path / "work").set_response("who", name)
    report = collect([tmp_path / "work"], tmp_path / "class")
    assert {e.status for e in report.entries} == {"collected"}
    saved = {read_document(p)["responses"]["who"]["value"] for p in report.written}
    assert saved == set(names)
