"""Saving never writes through a planted link, never makes a file the reader would refuse,
cleans up after killed saves, and writes files a teacher can read in a shared class folder."""

from __future__ import annotations

import os
import stat
import time

import pytest

from kit import KitError
from kit.files import atomic_write_text
from kit.widgets.writing import WrittenAnswer
from kit.work.annotations import make_annotation
from kit.work.store import MAX_WORK_FILE_BYTES, Workspace, read_document


def highlight(ws, n=0):
    return ws.add(make_annotation(ws.article.text, n, n + 7, ["source:institution"]))


def test_a_save_over_the_readers_limit_is_refused_and_nothing_is_lost(tmp_path, seed):
    ws = Workspace("alice", seed, tmp_path)
    highlight(ws)
    ws.set_response("essay", "my first answer")
    before = ws.path.read_bytes()
    pasted = "x" * (MAX_WORK_FILE_BYTES + 1)
    with pytest.raises(KitError) as e:
        ws.set_response("essay", pasted)
    assert e.value.problem.startswith("too long:") and "nothing was lost" in e.value.problem
    assert "20 MB" in e.value.problem
    assert ws.path.read_bytes() == before
    assert ws.response("essay") == "my first answer"  # the workspace shows what is saved
    again = Workspace("alice", seed, tmp_path)
    assert again.warnings == [] and len(again.annotations) == 1
    assert again.response("essay") == "my first answer"


def test_the_written_answer_says_a_too_long_answer_was_not_saved(tmp_path, seed):
    ws = Workspace("alice", seed, tmp_path)
    box = WrittenAnswer(ws, "essay", "Write")
    box.box.value = "a short answer"
    box.box.value = "y" * (MAX_WORK_FILE_BYTES + 10)
    assert "Not saved: too long" in box.status.value and "nothing was lost" in box.status.value
    assert Workspace("alice", seed, tmp_path).response("essay") == "a short answer"


def test_a_link_planted_as_the_lock_is_never_written_through(tmp_path, seed):
    root, outside = tmp_path / "work", tmp_path / "outside"
    outside.mkdir()
    ws = Workspace("alice", seed, root)
    ws.path.parent.mkdir(parents=True)
    lock = ws.path.parent / f".{ws.path.name}.lock"
    lock.symlink_to(outside / "planted")
    highlight(ws)
    assert list(outside.iterdir()) == []
    assert not lock.is_symlink() and lock.is_file()
    assert len(read_document(ws.path)["annotations"]) == 1


def test_a_student_folder_swapped_for_a_link_after_opening_gets_nothing(tmp_path, seed):
    root, outside = tmp_path / "work", tmp_path / "outside"
    outside.mkdir()
    ws = Workspace("alice", seed, root)
    highlight(ws)
    folder = ws.path.parent
    folder.rename(root / "moved")
    folder.symlink_to(outside)
    with pytest.raises(KitError, match="link"):
        highlight(ws, 20)
    assert list(outside.iterdir()) == []
    # a link inside the work folder is refused when the work is opened too
    with pytest.raises(KitError, match="link"):
        Workspace("alice", seed, root)


def test_a_work_file_that_is_a_link_is_set_aside_and_its_target_untouched(tmp_path, seed):
    root, outside = tmp_path / "work", tmp_path / "outside"
    outside.mkdir()
    target = outside / "secret.json"
    target.write_text("do not touch", encoding="utf-8")
    ws = Workspace("alice", seed, root)
    ws.path.parent.mkdir(parents=True)
    ws.path.symlink_to(target)
    ws = Workspace("alice", seed, root)
    assert ws.warnings and "is a link" in ws.warnings[0]
    highlight(ws)
    assert target.read_text(encoding="utf-8") == "do not touch"
    assert not ws.path.is_symlink() and len(read_document(ws.path)["annotations"]) == 1


def test_stale_temporary_files_of_killed_saves_are_removed(tmp_path, seed):
    ws = Workspace("alice", seed, tmp_path)
    highlight(ws)
    folder = ws.path.parent
    stale = folder / f".{ws.path.name}.k1ll3d00.tmp"
    fresh = folder / f".{ws.path.name}.inflight.tmp"
    other = folder / "notes.tmp"  # not one of the kit's temporary files
    for p in (stale, fresh, other):
        p.write_text("{}", encoding="utf-8")
    old = time.time() - 120
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    highlight(ws, 30)
    assert not stale.exists()
    assert fresh.exists() and other.exists()  # a save in flight elsewhere is left alone


def test_any_atomic_write_cleans_its_folder_too(tmp_path):
    stale = tmp_path / ".report.html.abcd1234.tmp"
    stale.write_text("half", encoding="utf-8")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    atomic_write_text(tmp_path / "report.html", "whole")
    assert not stale.exists() and (tmp_path / "report.html").read_text() == "whole"


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def strict_umask():
    old = os.umask(0o077)
    yield
    os.umask(old)


def test_work_files_are_owner_only_by_default(tmp_path, seed, monkeypatch, strict_umask):
    monkeypatch.delenv("KIT_WORK_SHARED", raising=False)
    ws = Workspace("alice", seed, tmp_path)
    highlight(ws)
    assert mode(ws.path) == 0o600


@pytest.mark.parametrize("how", ["env", "marker"])
def test_a_shared_work_folder_gets_group_readable_files_and_folders(
    tmp_path, seed, monkeypatch, strict_umask, how
):
    monkeypatch.delenv("KIT_WORK_SHARED", raising=False)
    if how == "env":
        monkeypatch.setenv("KIT_WORK_SHARED", "1")
    else:
        (tmp_path / ".shared").write_text("", encoding="utf-8")
    ws = Workspace("alice", seed, tmp_path)
    highlight(ws)
    ws.set_response("essay", "text")
    assert mode(ws.path) == 0o640
    assert mode(ws.path.parent) & 0o050 == 0o050  # the teacher's group may list and open it
