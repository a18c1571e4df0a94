"""The Highlighter's Python side: synced state, and every command a front end can send."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kit
from kit.widgets import ClaimTagger, Highlighter
from kit.work.annotations import make_annotation
from kit.work.keys import load_key
from kit.work.store import Workspace

WIDGETS = Path(kit.__file__).parent / "widgets"


def span(article, phrase, occurrence=1):
    i = -1
    for _ in range(occurrence):
        i = article.text.index(phrase, i + 1)
    return i, i + len(phrase)


@pytest.fixture
def ws(tmp_path, seed):
    return Workspace("alice", seed, tmp_path)


@pytest.fixture
def hl(seed, ws):
    return Highlighter(seed, workspace=ws)


def on_disk(ws):
    return json.loads(ws.path.read_text(encoding="utf-8"))["annotations"]


def test_front_end_files_are_real_files_in_the_package_and_never_use_inner_html():
    for name in (
        "js/common.js",
        "js/highlighter.js",
        "js/claim_tagger.js",
        "js/keyboard.js",
        "static/highlighter.js",
        "static/highlighter.css",
        "static/claim_tagger.js",
        "static/claim_tagger.css",
        "static/keyboard.js",
    ):
        assert (WIDGETS / name).is_file()
    for widget, name in ((Highlighter, "highlighter"), (ClaimTagger, "claim_tagger")):
        # a file, not a string: anywidget reloads it live (ANYWIDGET_HMR=1)
        assert type(widget._esm).__name__ == "FileContents"
        source = str(widget._esm)
        assert source == (WIDGETS / "static" / f"{name}.js").read_text(encoding="utf-8")
        assert source.startswith("//")  # the files' contents, not a path
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in source, (widget.__name__, sink)
        assert "data-lm-suppress-shortcuts" in source
        assert source.count("function h(") == 1  # the shared helpers come once, from common.js
        own = (WIDGETS / "js" / f"{name}.js").read_text(encoding="utf-8")
        assert 'from "./common.js"' in own and "function h(" not in own


def test_the_synced_state_describes_the_article_labels_and_spans(seed, hl):
    assert hl.text == seed.text
    assert [(p["start"], p["end"], p["role"]) for p in hl.paragraphs] == [
        (p.start, p.end, p.role) for p in seed.paragraphs
    ]
    assert [p["number"] for p in hl.paragraphs][:4] == [0, 0, 1, 2]
    assert hl.sentences == [[s.start, s.end] for s in seed.sentences]
    assert [lab["key"] for lab in hl.labels] == ["1", "2", "3", "4", "5", "6", "7"]
    assert hl.labels[1]["tag"] == "source:institution" and hl.labels[1]["colour"].startswith("#")
    assert hl.label == "source:named_person" and hl.spans == [] and not hl.can_undo
    assert hl.saving.endswith(f"alice/{seed.id}.json")


def test_every_trait_round_trips_through_json_as_the_front_end_sees_it(seed, ws):
    h = Highlighter(seed, workspace=ws)
    h.add(*span(seed, "Downing Street"), label="institution", comment="office")
    state = h.get_state()
    synced = {name for name in h.trait_names(sync=True)} - {"_esm", "_css"}
    assert synced <= set(state)
    again = json.loads(json.dumps(state))
    other = Highlighter(seed)
    other.set_state({k: v for k, v in again.items() if not k.startswith("_")})
    for name in ("text", "paragraphs", "sentences", "labels", "label", "spans", "suggestions"):
        assert getattr(other, name) == getattr(h, name), name
    for name in ("single", "heading", "instructions", "status", "warnings", "can_undo", "saving"):
        assert getattr(other, name) == getattr(h, name), name


def test_the_front_end_can_only_choose_a_label_of_the_set(hl):
    hl.set_state({"label": "source:anonymous"})
    assert hl.label == "source:anonymous"
    hl.set_state({"label": "<script>"})
    assert hl.label == "source:named_person"  # not a label here: back to the first one
    hl.label = "document"
    assert hl.label == "source:document"


def test_an_add_command_snaps_to_words_and_is_on_disk_at_once(seed, ws, hl):
    s, e = span(seed, "Downing Street")
    status = hl.handle(
        {"cmd": "add", "start": s + 2, "end": e - 3, "label": "source:institution", "req": 7}
    )
    assert status == {
        "text": "Saved: “Downing Street” as Institution.",
        "kind": "ok",
        "req": 7,
        "n": 1,
        "quiet": False,
    }
    [ann] = on_disk(ws)
    pos, quote = ann["target"]["selector"]
    assert (pos["start"], pos["end"]) == (s, e) and quote["exact"] == "Downing Street"
    assert ann["body"][0]["value"] == "source:institution"
    assert hl.spans == [
        {"id": ann["id"], "start": s, "end": e, "label": "source:institution", "comment": ""}
    ]
    assert hl.can_undo


def test_relabel_comment_remove_undo_and_redo(seed, ws, hl):
    hl.handle({"cmd": "add", "start": span(seed, "Moscow")[0], "end": span(seed, "Moscow")[1]})
    sid = hl.spans[0]["id"]
    assert hl.spans[0]["label"] == "source:named_person"  # the current label
    assert (
        "is now Institution"
        in hl.handle({"cmd": "relabel", "id": sid, "label": "source:institution"})["text"]
    )
    hl.handle({"cmd": "comment", "id": sid, "comment": "  the Kremlin really  "})
    assert hl.spans[0]["comment"] == "the Kremlin really"
    assert on_disk(ws)[0]["body"][-1] == {
        "type": "TextualBody",
        "purpose": "commenting",
        "value": "the Kremlin really",
        "format": "text/plain",
    }
    hl.handle({"cmd": "remove", "id": sid})
    assert hl.spans == [] and on_disk(ws) == []
    assert hl.handle({"cmd": "undo"})["text"] == "Undone."
    assert hl.spans[0]["comment"] == "the Kremlin really"
    hl.handle({"cmd": "undo"})
    assert hl.spans[0]["comment"] == ""
    hl.handle({"cmd": "redo"})
    assert hl.spans[0]["comment"] == "the Kremlin really" and hl.can_redo
    assert len(on_disk(ws)) == 1


def test_selecting_the_same_words_again_relabels_instead_of_duplicating(seed, hl):
    s, e = span(seed, "Downing Street")
    hl.add(s, e, "named_person")
    hl.add(s, e, "institution")
    assert [x["label"] for x in hl.spans] == ["source:institution"]


def test_overlapping_spans_are_kept_apart(seed, hl):
    outer = span(seed, "Defence Secretary John Healey")
    hl.add(*outer, "named_person")
    hl.add(*span(seed, "Defence Secretary"), "institution")
    inner = span(seed, "Defence Secretary")
    assert {(x["start"], x["end"], x["label"]) for x in hl.spans} == {
        (*outer, "source:named_person"),
        (*inner, "source:institution"),
    }


def test_bad_commands_give_a_message_and_never_raise(seed, ws, hl):
    assert hl.handle({"cmd": "add", "start": 5, "end": 5})["kind"] == "error"
    assert hl.handle({"cmd": "add", "start": "x", "end": 3})["text"].startswith(
        "The selection did not"
    )
    assert (
        "no label 'colour'"
        in hl.handle({"cmd": "add", "start": 0, "end": 9, "label": "colour"})["text"]
    )
    assert "not there any more" in hl.handle({"cmd": "remove", "id": "nope"})["text"]
    assert "unknown command" in hl.handle({"cmd": "format_disk"})["text"]
    assert hl.handle({"cmd": "undo"})["text"] == "Nothing to undo."
    assert not ws.path.exists() or on_disk(ws) == []


def test_an_unexpected_failure_is_a_friendly_message(seed, hl, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(hl.workspace, "add", boom)
    status = hl.handle({"cmd": "add", "start": 0, "end": 7})
    assert status["kind"] == "error" and "Your saved work is safe" in status["text"]


def test_a_highlight_deleted_in_another_tab_is_explained_and_the_view_catches_up(seed, ws, hl):
    hl.add(*span(seed, "Downing Street"), "institution")
    other = Highlighter(seed, workspace=Workspace("alice", seed, ws.path.parent.parent))
    other.remove(other.spans[0]["id"])
    status = hl.handle({"cmd": "relabel", "id": hl.spans[0]["id"], "label": "source:anonymous"})
    assert status["kind"] == "error" and "another tab" in status["text"]
    assert hl.spans == []


def test_two_widgets_on_one_file_merge_and_refresh_shows_the_other_tabs_work(seed, ws, hl):
    other = Highlighter(seed, workspace=Workspace("alice", seed, ws.path.parent.parent))
    hl.add(*span(seed, "Downing Street"), "institution")
    other.add(*span(seed, "Moscow"), "institution")
    assert len(on_disk(ws)) == 2
    status = hl.handle({"cmd": "refresh"})
    assert status["text"] == "Updated with work saved in another tab."
    assert len(hl.spans) == 2
    assert hl.handle({"cmd": "refresh"})["quiet"]


def test_re_running_the_cell_restores_every_highlight(tmp_path, seed):
    first = kit.highlight_sources(seed, student="alice", work_dir=tmp_path)
    first.add(*span(seed, "Downing Street"), "institution")
    first.comment(first.spans[0]["id"], "note")
    again = kit.highlight_sources(seed, student="alice", work_dir=tmp_path)
    assert again.spans == first.spans


def test_only_this_exercises_labels_are_shown(seed, ws, hl):
    s = seed.sentences[1]
    ws.add(make_annotation(seed.text, s.start, s.end, ["claim:event"], motivation="tagging"))
    hl.refresh()
    assert hl.spans == [] and hl.annotations == ()


def test_suggestions_can_be_accepted_or_rejected_and_rejections_are_remembered(tmp_path, seed):
    key = load_key(
        {"items": [{"quote": "Downing Street", "label": "institution"},
                   {"quote": "Ukrainian officials", "label": "anonymous", "hint": "who says so?"}]},
        seed,
    )  # fmt: skip
    ws = Workspace("alice", seed, tmp_path)
    h = Highlighter(seed, workspace=ws, suggestions=key)
    assert [x["label"] for x in h.suggestions] == ["source:institution", "source:anonymous"]
    assert h.suggestions[1]["comment"] == "who says so?"
    first, second = (x["id"] for x in h.suggestions)
    assert (
        "Accepted: “Downing Street” as Institution"
        in h.handle({"cmd": "accept", "id": first})["text"]
    )
    h.handle({"cmd": "reject", "id": second})
    assert h.suggestions == [] and [x["label"] for x in h.spans] == ["source:institution"]
    again = Highlighter(seed, workspace=Workspace("alice", seed, tmp_path), suggestions=key)
    assert again.suggestions == [] and len(again.spans) == 1
    again.undo()  # this widget did nothing yet: nothing to undo, still rejected
    h.undo()  # the rejection is one undo step
    assert [x["id"] for x in h.suggestions] == [second]


def test_single_mode_keeps_one_highlight_for_find_the_words_questions(seed):
    changes = []
    h = Highlighter(seed, labels=["answer"], single=True, on_change=changes.append)
    h.add(*span(seed, "Downing Street"))
    h.add(*span(seed, "Moscow"))
    assert [a.exact for a in h.annotations] == ["Moscow"] and h.annotations[0].tags == ("answer",)
    assert changes == [h, h] and h.saving == "Practice mode: this work is not saved."


def test_offsets_are_code_points_even_after_emoji_and_astral_letters(tmp_path):
    article = kit.make_article("Title 😀", ["Hi 👩‍👩‍👧 said 𝒜lice to Bob 🎉 today."], id="emoji")
    h = Highlighter(article, labels=["answer"], workspace=Workspace("ann", article, tmp_path))
    s, e = span(article, "𝒜lice to Bob")
    h.handle({"cmd": "add", "start": s, "end": e})
    assert article.text[h.spans[0]["start"] : h.spans[0]["end"]] == "𝒜lice to Bob"


def test_a_broken_work_file_is_shown_to_the_student(tmp_path, seed):
    path = tmp_path / "alice" / f"{seed.id}.json"
    path.parent.mkdir()
    path.write_text("{broken", encoding="utf-8")
    h = kit.highlight_sources(seed, student="alice", work_dir=tmp_path)
    assert len(h.warnings) == 1 and "kept as" in h.warnings[0]
    assert list(path.parent.glob("*.broken-*"))


def test_repr_is_short_and_deterministic(seed, hl):
    assert repr(hl) == f"Highlighter(article='{seed.id}', labels='sources', highlights=0)"
    bundle, _ = hl._repr_mimebundle_()
    assert bundle["text/plain"] == repr(hl)


def test_delete_at_the_keyboard_cursor_removes_the_same_words_or_the_innermost(seed, hl):
    outer = span(seed, "Defence Secretary John Healey")
    inner = span(seed, "John Healey")
    hl.add(*outer, "named_person")
    hl.add(*inner, "named_person")
    status = hl.handle({"cmd": "remove_at", "start": inner[0] + 1, "end": inner[0] + 2})
    assert status["text"] == "Removed the highlight “John Healey”."
    assert hl.handle({"cmd": "remove_at", "start": 0, "end": 3})["text"].startswith(
        "There is no highlight here"
    )
    hl.handle({"cmd": "remove_at", "start": outer[0], "end": outer[1]})
    assert hl.spans == []
