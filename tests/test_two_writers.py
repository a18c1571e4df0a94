"""Two tabs (or two kernels) on one student's article never erase each other's edits.

Each case is one that lost work when every widget wrote the whole annotation from its own copy
(issue 18, item 2): each widget's edit is now an operation applied to the file as saved.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kit import KitError
from kit.widgets import ClaimTagger, Highlighter
from kit.widgets.paragraph_tagger import ParagraphTagger
from kit.widgets.writing import WrittenAnswer
from kit.work.annotations import make_annotation
from kit.work.keys import KeyItem
from kit.work.store import Workspace, read_document

ROOT = Path(__file__).resolve().parent.parent


def span(article, phrase):
    i = article.text.index(phrase)
    return i, i + len(phrase)


def tabs(seed, tmp_path, **kwargs):
    """Two Highlighters on one work file, as two browser tabs (or kernels) have them."""
    return tuple(
        Highlighter(seed, workspace=Workspace("alice", seed, tmp_path), **kwargs) for _ in "ab"
    )


def on_disk(seed, tmp_path):
    return Workspace("alice", seed, tmp_path)


def test_a_relabel_then_a_comment_from_the_other_tab_keeps_both(tmp_path, seed):
    a, b = tabs(seed, tmp_path)
    ann = a.add(*span(seed, "Downing Street"), label="source:institution")
    b.refresh()
    a.relabel(ann.id, "source:named_person")  # acknowledged in tab A
    b.comment(ann.id, "who exactly?")  # tab B still shows the old label
    [saved] = on_disk(seed, tmp_path).annotations
    assert saved.tags == ("source:named_person",)
    assert saved.comment == "who exactly?"
    assert b.spans[0]["label"] == "source:named_person"  # B sees A's label after its edit


def test_a_comment_then_a_relabel_from_the_other_tab_keeps_both(tmp_path, seed):
    a, b = tabs(seed, tmp_path)
    ann = a.add(*span(seed, "Downing Street"), label="source:institution")
    b.refresh()
    b.comment(ann.id, "who exactly?")
    a.relabel(ann.id, "source:named_person")  # tab A never saw the comment
    [saved] = on_disk(seed, tmp_path).annotations
    assert (saved.tags, saved.comment) == (("source:named_person",), "who exactly?")
    assert a.spans[0]["comment"] == "who exactly?"


def test_two_relabels_leave_one_label_the_last(tmp_path, seed):
    a, b = tabs(seed, tmp_path)
    ann = a.add(*span(seed, "Downing Street"), label="source:institution")
    b.refresh()
    a.relabel(ann.id, "source:named_person")
    b.relabel(ann.id, "source:anonymous")
    [saved] = on_disk(seed, tmp_path).annotations
    assert saved.tags == ("source:anonymous",)


def test_rejections_in_two_tabs_are_all_kept(tmp_path, seed):
    items = [
        KeyItem(*span(seed, p), p, (tag,))
        for p, tag in (("Downing Street", "source:institution"),
                       ("Ukrainian officials", "source:anonymous"))
    ]  # fmt: skip
    a, b = tabs(seed, tmp_path, suggestions=items)
    first, second = (s.id for s in a.pending_suggestions)
    a.reject(first)
    b.reject(second)  # tab B never saw A's rejection
    fresh = Highlighter(seed, workspace=on_disk(seed, tmp_path), suggestions=items)
    assert fresh.rejected == {first, second}
    assert fresh.pending_suggestions == ()
    assert b.suggestions == []  # and B no longer offers the one A rejected


def test_undo_in_one_tab_never_erases_the_other_tabs_newer_answer(tmp_path, seed):
    a = Workspace("alice", seed, tmp_path)
    b = Workspace("alice", seed, tmp_path)
    b.set_response("lesson1.reaction", "from B")
    a.set_response("lesson1.reaction", "from A, later")
    with pytest.raises(KitError, match="changed in another tab"):
        b.undo()
    assert on_disk(seed, tmp_path).response("lesson1.reaction") == "from A, later"
    assert not b.can_undo  # the refused undo is gone, not tried again


def test_undo_undoes_only_this_tabs_own_last_edit(tmp_path, seed):
    a, b = tabs(seed, tmp_path)
    ann = a.add(*span(seed, "Downing Street"), label="source:institution")
    b.refresh()
    b.comment(ann.id, "who exactly?")
    other = a.add(*span(seed, "Moscow"), label="source:institution")
    assert b.undo()  # B's comment goes; A's newer highlight stays
    saved = {x.id: x for x in on_disk(seed, tmp_path).annotations}
    assert saved[ann.id].comment == "" and other.id in saved
    assert b.redo() and on_disk(seed, tmp_path).get(ann.id).comment == "who exactly?"
    a.relabel(ann.id, "source:anonymous")
    status = b.handle({"cmd": "undo", "req": 1})  # the comment's highlight changed in A since
    assert status["kind"] == "error" and "another tab" in status["text"]
    saved = on_disk(seed, tmp_path).get(ann.id)
    assert (saved.tags, saved.comment) == (("source:anonymous",), "who exactly?")


def test_a_deleted_highlight_is_not_brought_back_by_the_other_tab(tmp_path, seed):
    a, b = tabs(seed, tmp_path)
    ann = a.add(*span(seed, "Downing Street"), label="source:institution")
    b.refresh()
    a.remove(ann.id)
    status = b.handle({"cmd": "comment", "id": ann.id, "comment": "late", "req": 1})
    assert status["kind"] == "error" and "not there any more" in status["text"]
    assert on_disk(seed, tmp_path).annotations == ()
    assert b.spans == []


def test_the_claim_tagger_in_two_tabs_keeps_every_field_on_one_annotation(tmp_path, seed):
    a = ClaimTagger(seed, workspace=Workspace("alice", seed, tmp_path))
    b = ClaimTagger(seed, workspace=Workspace("alice", seed, tmp_path))
    a.set(3, note="check the figure")
    b.set(3, claim="number")  # tab B never saw A's note
    a.set(3, checkworthy="yes")  # nor A B's type
    anns = on_disk(seed, tmp_path).annotations
    assert len(anns) == 1  # no hidden duplicate
    fresh = ClaimTagger(seed, workspace=on_disk(seed, tmp_path))
    assert fresh.tagging(3) == {
        "claim": "number",
        "checkworthy": "yes",
        "claimant": "",
        "note": "check the figure",
    }
    assert b.tagging(3)["note"] == "check the figure"


def test_the_paragraph_tagger_in_two_tabs_leaves_one_role_per_paragraph(tmp_path, seed):
    a = ParagraphTagger(Workspace("alice", seed, tmp_path))
    b = ParagraphTagger(Workspace("alice", seed, tmp_path))
    a.pickers[0].value = "lede"
    b.pickers[0].value = "quote"
    b.pickers[1].value = "lede"
    anns = on_disk(seed, tmp_path).annotations
    assert sorted(x.tags for x in anns) == [("role:lede",), ("role:quote",)]
    assert [p.value for p in b.pickers[:2]] == ["quote", "lede"]
    assert a.pickers[1].value == ""  # A shows B's choice once it reads the file again
    assert a.refresh() and [p.value for p in a.pickers[:2]] == ["quote", "lede"]


def test_written_answers_in_two_tabs_each_keep_their_own_key(tmp_path, seed):
    a = WrittenAnswer(Workspace("alice", seed, tmp_path), "q1", "Why?")
    b = WrittenAnswer(Workspace("alice", seed, tmp_path), "q2", "How?")
    a.box.value = "because"
    b.box.value = "like this"
    ws = on_disk(seed, tmp_path)
    assert (ws.response("q1"), ws.response("q2")) == ("because", "like this")


CHILD = textwrap.dedent(
    """
    import sys, kit
    from kit.widgets import Highlighter
    from kit.work.store import Workspace
    a = kit.load_article(sys.argv[1])
    h = Highlighter(a, workspace=Workspace("alice", a, sys.argv[2]))
    print("ready", flush=True)
    sys.stdin.readline()
    h.comment(h.annotations[0].id, "from the other kernel")
    print("done", flush=True)
    """
)


def test_two_kernels_relabel_and_comment_one_highlight(tmp_path, seed, seed_path):
    a = Highlighter(seed, workspace=Workspace("alice", seed, tmp_path))
    ann = a.add(*span(seed, "Downing Street"), label="source:institution")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(seed_path), str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout.readline().strip() == "ready"  # the other kernel has read the file
        a.relabel(ann.id, "source:named_person")
        child.stdin.write("go\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "done"
    finally:
        child.stdin.close()
        assert child.wait(timeout=60) == 0
    [saved] = on_disk(seed, tmp_path).annotations
    assert (saved.tags, saved.comment) == (("source:named_person",), "from the other kernel")


RACER = textwrap.dedent(
    """
    import sys, time
    from dataclasses import replace
    from kit.work.store import Workspace
    work, who = sys.argv[1], sys.argv[2]
    ws = Workspace("kim", "article", work)
    print("ready", flush=True)
    sys.stdin.readline()  # both start at once
    ids = [a.id for a in ws.annotations]
    for round in range(3):
        for aid in ids:
            ann = ws.get(aid)  # as this process last saw it: the other one may save meanwhile
            time.sleep(0.005)  # a student's view is seconds old; a little is enough here
            if who == "tagger":
                ws.update(ann.with_tags([*ann.tags[:1], f"round:{round}"]))
            else:
                ws.update(replace(ann, comment=f"comment {round}"))
    """
)


def test_two_processes_updating_the_same_annotations_at_once_lose_nothing(tmp_path):
    ws = Workspace("kim", "article", tmp_path)
    for i in range(15):
        ws.add(make_annotation("x" * 100, i, i + 3, ["source:named_person"]))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(tmp_path), who],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for who in ("tagger", "commenter")
    ]
    assert [p.stdout.readline().strip() for p in procs] == ["ready", "ready"]
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    for p in procs:
        p.stdin.close()
        p.stdout.close()
    assert all(p.wait(timeout=120) == 0 for p in procs)
    doc = read_document(ws.path)
    assert doc["revision"] == 15 + 2 * 3 * 15
    for raw in doc["annotations"]:
        bodies = {b["purpose"]: b["value"] for b in raw["body"] if b["purpose"] != "tagging"}
        tags = [b["value"] for b in raw["body"] if b["purpose"] == "tagging"]
        assert tags[0] == "source:named_person" and "round:2" in tags
        assert bodies == {"commenting": "comment 2"}, json.dumps(raw)
