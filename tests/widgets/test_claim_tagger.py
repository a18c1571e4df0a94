"""The ClaimTagger's Python side: one tagging annotation per sentence, saved at once."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

import kit
from kit.articles.segment import Span
from kit.widgets import ClaimTagger
from kit.work.annotations import make_annotation
from kit.work.store import Workspace


@pytest.fixture
def ws(tmp_path, seed):
    return Workspace("alice", seed, tmp_path)


@pytest.fixture
def ct(seed, ws):
    return ClaimTagger(seed, workspace=ws)


def saved(ws):
    return json.loads(ws.path.read_text(encoding="utf-8"))["annotations"]


def test_every_sentence_is_offered_with_where_it_is(seed, ct):
    assert len(ct.sentences) == len(seed.sentences) == 15
    assert ct.sentences[0]["where"] == "headline"
    assert ct.sentences[1]["where"] == "standfirst"
    assert ct.sentences[5]["where"] == "paragraph 4, sentence 1"
    assert ct.sentences[5]["text"].startswith("The coalition has been spearheaded")
    assert [x["value"] for x in ct.claim_types] == [
        "event", "number", "policy", "cause", "prediction", "opinion", "not_a_claim",
    ]  # fmt: skip
    assert [x["value"] for x in ct.worth] == ["yes", "minor", "no"]
    assert ct.claimants[0] == "the reporter"


def test_tagging_a_sentence_saves_one_tagging_annotation(seed, ws, ct):
    assert ct.handle({"cmd": "set", "sentence": 2, "field": "claim", "value": "prediction"})[
        "text"
    ] == ("Saved: Paragraph 1, sentence 1: Prediction.")
    ct.handle({"cmd": "set", "sentence": 2, "field": "checkworthy", "value": "no"})
    ct.handle({"cmd": "set", "sentence": 2, "field": "claimant", "value": "Volodymyr Zelensky"})
    ct.handle({"cmd": "set", "sentence": 2, "field": "note", "value": "“set to” is the future"})
    [ann] = saved(ws)
    s = seed.sentences[2]
    assert ann["motivation"] == "tagging"
    assert ann["target"]["selector"][0] == {
        "type": "TextPositionSelector",
        "start": s.start,
        "end": s.end,
    }
    assert [b["value"] for b in ann["body"]] == [
        "claim:prediction",
        "checkworthy:no",
        "claimant:Volodymyr Zelensky",
        "“set to” is the future",
    ]
    assert ct.tags["2"] | {"id": ""} == {
        "claim": "prediction",
        "checkworthy": "no",
        "claimant": "Volodymyr Zelensky",
        "note": "“set to” is the future",
        "id": "",
    }
    assert repr(ct) == f"ClaimTagger(article='{seed.id}', sentences=15, tagged=1)"


def test_clearing_every_field_removes_the_annotation_and_undo_brings_it_back(ws, ct):
    ct.set(4, claim="opinion")
    ct.set(4, checkworthy="minor")
    ct.set(4, claim="", checkworthy="")
    assert saved(ws) == [] and ct.tags == {}
    ct.undo()
    assert ct.tagging(4)["claim"] == "opinion"
    ct.undo()
    assert ct.tagging(4) == {"claim": "opinion", "checkworthy": "", "claimant": "", "note": ""}


def test_values_from_the_front_end_are_checked(ct):
    status = ct.handle({"cmd": "set", "sentence": 1, "field": "claim", "value": "gossip"})
    assert status["kind"] == "error" and "'gossip' is not a choice here" in status["text"]
    assert (
        "no sentence 99"
        in ct.handle({"cmd": "set", "sentence": 99, "field": "claim", "value": "event"})["text"]
    )
    assert (
        ct.handle({"cmd": "set", "sentence": 1, "field": "colour", "value": "x"})["kind"] == "error"
    )
    assert (
        ct.handle({"cmd": "set", "sentence": "1", "field": "claim", "value": "event"})["kind"]
        == "error"
    )
    ct.set(1, note="x" * 5000)
    assert len(ct.tagging(1)["note"]) == 2000 and ct.annotations[0].motivation == "commenting"
    ct.set(1, claim="event")
    assert ct.annotations[0].motivation == "tagging"


def test_the_claimant_list_grows_with_the_sources_the_student_highlighted(seed, ws, ct):
    i = seed.text.index("Ukrainian officials")
    ws.add(make_annotation(seed.text, i, i + 19, ["source:anonymous"]))
    assert ct.handle({"cmd": "refresh"})["text"] == ""  # this tab's own workspace: no change
    ct.refresh()
    assert "Ukrainian officials" in ct.claimants
    ct.set(3, claimant="someone in the room")
    assert "someone in the room" in ct.claimants


def test_a_chosen_set_of_sentences(seed, ws):
    ct = ClaimTagger(seed, workspace=ws, sentences=[2, 9])
    assert [x["text"][:7] for x in ct.sentences] == ["Leaders", "But pro"]
    ct.set(1, claim="prediction")
    assert saved(ws)[0]["target"]["selector"][0]["start"] == seed.sentences[9].start
    with pytest.raises(kit.KitError, match="no sentence 40"):
        ClaimTagger(seed, sentences=[40])


def test_the_kits_suggestions_are_offered_as_hints(seed):
    @dataclass
    class Suggestion:  # the shape kit.reading.claims returns
        span: Span
        type: str
        checkworthy: str
        reasons: tuple

    s = seed.sentences[2]
    ct = ClaimTagger(
        seed, suggestions=[Suggestion(Span(s.start, s.end), "prediction", "no", ("“set to”",))]
    )
    assert ct.hints == {
        "2": {"claim": "Prediction", "checkworthy": "Nothing to check", "reasons": ["“set to”"]}
    }


def test_tags_come_back_after_a_restart_and_sit_beside_source_highlights(tmp_path, seed):
    first = kit.tag_claims(seed, student="bob", work_dir=tmp_path)
    first.set(12, claim="event", checkworthy="yes", claimant="Moscow")
    h = kit.highlight_sources(seed, student="bob", work_dir=tmp_path)
    i = seed.text.index("Moscow")
    h.add(i, i + 6, "institution")
    again = kit.tag_claims(seed, student="bob", work_dir=tmp_path)
    assert again.tags == first.tags
    assert len(h.annotations) == 1 and len(again.annotations) == 1


def test_every_trait_round_trips_through_json(seed, ct):
    ct.set(0, claim="event")
    state = json.loads(json.dumps(ct.get_state()))
    other = ClaimTagger(seed)
    other.set_state({k: v for k, v in state.items() if not k.startswith("_")})
    for name in (
        "sentences",
        "claim_types",
        "worth",
        "claimants",
        "tags",
        "hints",
        "heading",
        "status",
    ):
        assert getattr(other, name) == getattr(ct, name), name


def test_a_teachers_claim_label_file_changes_the_choices(tmp_path, seed):
    labels = tmp_path / "fact_or_not.yaml"
    labels.write_text(
        "labels:\n"
        "  - name: fact\n    description: Can be checked.\n"
        "    kit_types: [event, number, policy, cause]\n"
        "  - name: not_fact\n    description: Cannot be checked yet.\n"
        "    kit_types: [prediction, opinion, not_a_claim]\n",
        encoding="utf-8",
    )
    ct = kit.tag_claims(seed, "ann", labels=labels, hints=True, work_dir=tmp_path)
    assert [x["value"] for x in ct.claim_types] == ["fact", "not_fact"]
    assert ct.hints["2"]["claim"] == "Fact"  # the kit's own guess (a plan), in the teacher's labels
    ct.set(2, claim="not_fact")
    assert ct.annotations[0].tags == ("claim:not_fact",)


def test_hints_from_the_kits_claim_suggestions_come_with_reasons(tmp_path, seed):
    ct = kit.tag_claims(seed, "ann", hints=True, work_dir=tmp_path)
    hint = ct.hints["2"]  # "... are set to travel to Ukraine ...": an announced plan
    assert hint["claim"] == "Policy" and hint["checkworthy"] == "Worth checking"
    assert any("announces a plan" in r for r in hint["reasons"])
    assert kit.tag_claims(seed, "ann", work_dir=tmp_path).hints == {}  # off unless asked
