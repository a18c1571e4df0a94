"""Students give each paragraph its role; the role is saved as `role:<name>` and comes back."""

from __future__ import annotations

import pytest

import kit
from kit.reading.roles import body_paragraphs, load_roles, roles_from_dict
from kit.widgets.paragraph_tagger import UNSET, ParagraphTagger
from kit.work.role_tags import saved_roles
from kit.work.store import Workspace


def test_the_kit_role_list_has_descriptions_for_students():
    roles = load_roles()
    assert roles.names[:3] == ("lede", "detail", "quote")
    assert {"reaction", "background", "context"} <= set(roles.names)
    assert all(len(r.description.split()) >= 5 for r in roles.roles)


def test_one_picker_per_body_paragraph_numbered_like_show_article(tmp_path, seed):
    t = ParagraphTagger(Workspace("ana", seed, tmp_path))
    assert len(t.pickers) == len(body_paragraphs(seed)) == 13
    assert t.pickers[0].description == "Paragraph 1"
    assert all(p.value == UNSET for p in t.pickers)
    assert "0 of 13 paragraphs tagged" in t.status.value
    assert repr(t) == "ParagraphTagger('000_8e915a2399968c01', 13 paragraphs)"


def test_a_choice_is_saved_as_a_role_tag_on_the_paragraph_span(tmp_path, seed):
    t = ParagraphTagger(Workspace("ana", seed, tmp_path))
    t.pickers[0].value = "lede"
    (ann,) = Workspace("ana", seed, tmp_path).annotations
    first = body_paragraphs(seed)[0]
    assert (ann.start, ann.end, ann.tags, ann.motivation) == (
        first.start,
        first.end,
        ("role:lede",),
        "tagging",
    )
    assert ann.exact.startswith("Leaders of the so-called")
    assert "1 of 13 paragraphs tagged" in t.status.value


def test_changing_a_role_replaces_it_and_clearing_removes_it(tmp_path, seed):
    t = ParagraphTagger(Workspace("ana", seed, tmp_path))
    t.pickers[2].value = "quote"
    t.pickers[2].value = "reaction"
    anns = Workspace("ana", seed, tmp_path).annotations
    assert [a.tags for a in anns] == [("role:reaction",)]
    t.pickers[2].value = UNSET
    assert Workspace("ana", seed, tmp_path).annotations == ()


def test_roles_come_back_when_the_cell_runs_again(tmp_path, seed):
    t = ParagraphTagger(Workspace("ana", seed, tmp_path))
    t.pickers[0].value = "lede"
    t.pickers[5].value = "background"
    again = ParagraphTagger(Workspace("ana", seed, tmp_path))
    assert again.chosen == {1: "lede", 6: "background"}
    saved = saved_roles(Workspace("ana", seed, tmp_path).annotations, seed)
    assert sorted(saved.values()) == ["background", "lede"]


def test_other_highlights_on_the_article_are_left_alone(tmp_path, seed):
    ws = Workspace("ana", seed, tmp_path)
    ws.add(kit.work.annotations.make_annotation(seed.text, 0, 7, ("source:named_person",)))
    t = ParagraphTagger(Workspace("ana", seed, tmp_path))
    t.pickers[0].value = "lede"
    t.pickers[0].value = UNSET
    assert [a.tags for a in Workspace("ana", seed, tmp_path).annotations] == [
        ("source:named_person",)
    ]


def test_paragraph_text_is_escaped(tmp_path):
    article = kit.make_article("Headline", ["<img src=x onerror=alert(1)> said."])
    t = ParagraphTagger(Workspace("ana", article, tmp_path))
    html = t.children[1].children[1].value
    assert "<img" not in html and "&lt;img" in html


def test_a_teachers_role_list_is_used(tmp_path, seed):
    path = tmp_path / "roles.yaml"
    path.write_text("roles:\n  - name: top\n    description: The start.\n  - name: rest\n")
    t = kit.tag_paragraphs(seed, "ana", roles=path, work_dir=tmp_path)
    assert [o[1] for o in t.pickers[0].options] == [UNSET, "top", "rest"]


@pytest.mark.parametrize(
    "data, problem",
    [
        ({}, "'roles:' list"),
        ({"roles": [{"description": "no name"}]}, "needs a 'name'"),
        ({"roles": [{"name": "Lede!"}]}, "needs a 'name'"),
        ({"roles": [{"name": "a"}, {"name": "a"}]}, "listed twice"),
    ],
)
def test_a_broken_role_list_says_what_is_wrong(data, problem):
    with pytest.raises(kit.KitError, match=problem):
        roles_from_dict(data, "roles.yaml")


def test_tag_paragraphs_without_a_student_is_a_message(tmp_path, seed, monkeypatch):
    monkeypatch.setenv("KIT_WORK_DIR", str(tmp_path))
    monkeypatch.delenv("KIT_STUDENT", raising=False)
    assert "notebook 0" in kit.tag_paragraphs(seed).text
    assert isinstance(kit.tag_paragraphs(42, "ana", work_dir=tmp_path), kit.Notice)
