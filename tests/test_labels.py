"""Label sets are data: the built-in ones, a teacher's YAML file, or a plain list."""

from __future__ import annotations

import pytest

from kit import KitError
from kit.reading.labels import builtin_sets, describe, load_labels


def test_the_source_types_of_the_design_are_the_built_in_source_labels():
    sources = load_labels("sources")
    assert [label.value for label in sources] == [
        "named_person",
        "institution",
        "anonymous",
        "document",
        "other_outlet",
        "social_post",
        "unknown",
    ]
    assert sources.get("institution").tag == "source:institution"
    assert all(label.description for label in sources)


def test_claim_types_and_checkworthy_ratings_come_with_student_descriptions():
    claims = load_labels("claims")
    assert claims.tags == tuple(
        f"claim:{v}"
        for v in ("event", "number", "policy", "cause", "prediction", "opinion", "not_a_claim")
    )
    assert load_labels("checkworthy").tags == (
        "checkworthy:yes",
        "checkworthy:minor",
        "checkworthy:no",
    )
    assert {"sources", "claims", "checkworthy"} <= set(builtin_sets())


def test_a_teacher_can_bring_their_own_label_file(tmp_path):
    f = tmp_path / "voices.yaml"
    f.write_text(
        "voices:\n  kind: voice\n  labels:\n"
        "    - value: expert\n      name: Expert\n    - witness\n",
        encoding="utf-8",
    )
    labels = load_labels(f)
    assert labels.name == "voices" and labels.tags == ("voice:expert", "voice:witness")
    assert labels.labels[1].title == "Witness"


def test_a_broken_label_file_names_the_file_and_line(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text("labels: [a, b\n", encoding="utf-8")
    with pytest.raises(KitError) as e:
        load_labels(f)
    assert "bad.yaml" in e.value.message and e.value.line


def test_plain_lists_make_a_label_set_for_quizzes():
    labels = load_labels(["answer"])
    assert labels.tags == ("answer",) and labels.covers("answer") and not labels.covers("other")
    mixed = load_labels(["source:anonymous", "source:document"])
    assert mixed.kind == "source" and mixed.covers("source:institution")


def test_unknown_label_set_names_are_explained():
    with pytest.raises(KitError, match="no label set called 'colours'"):
        load_labels("colours")


def test_saved_tags_are_described_in_student_words():
    assert describe("source:anonymous") == "Unnamed source"
    assert describe("claim:not_a_claim") == "Not a claim"
    assert describe("mystery:odd_one") == "odd one"


def test_claim_labels_are_the_ones_kit_claims_uses():
    from kit.reading.claims import default_labels

    claims, worth = load_labels("claims"), load_labels("checkworthy")
    assert [label.value for label in claims] == list(default_labels().names)
    assert claims.get("prediction").description == default_labels().description("prediction")
    assert [(w.value, w.title) for w in worth] == [
        ("yes", "Worth checking"),
        ("minor", "Minor"),
        ("no", "Nothing to check"),
    ]
    assert all(w.description[:1].isupper() for w in worth)
