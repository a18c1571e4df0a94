"""Feedback compares a student's marks with a key and says in plain words what to look at again."""

from __future__ import annotations

import json

import pytest

import kit
from kit import KitError, compare, load_key
from kit.articles.segment import Span
from kit.reading.sources import Attribution
from kit.work.annotations import make_annotation
from kit.work.keys import Key, key_from_attributions
from kit.work.store import MemoryWorkspace, Workspace

KEY = {
    "article": "000_8e915a2399968c01",
    "kind": "source",
    "items": [
        {"quote": "Volodymyr Zelensky", "label": "named_person"},
        {"quote": "Downing Street", "label": "institution"},
        {"quote": "Defence Secretary John Healey", "label": "named_person"},
        {
            "quote": "Ukrainian officials",
            "label": "anonymous",
            "hint": "who is the source of the claim about air strikes?",
        },
    ],
}


def mark(ws, phrase, label, occurrence=1):
    text = ws.article.text
    i = -1
    for _ in range(occurrence):
        i = text.index(phrase, i + 1)
    return ws.add(make_annotation(text, i, i + len(phrase), [f"source:{label}"]))


@pytest.fixture
def ws(seed):
    return MemoryWorkspace(seed)


def test_a_student_who_found_everything_is_told_so(ws):
    for item in KEY["items"]:
        mark(ws, item["quote"], item["label"])
    fb = compare(ws, KEY)
    assert fb.summary.startswith("You found all 4 sources and labelled every one as the key does")
    assert len(fb.right) == 4 and not fb.missed and not fb.extra


def test_missed_and_differently_labelled_sources_are_named_in_plain_words(ws):
    mark(ws, "Volodymyr Zelensky", "named_person")
    mark(ws, "Downing Street", "named_person")
    mark(ws, "Moscow", "institution")
    fb = compare(ws, KEY)
    lines = fb.messages
    assert lines[0] == "You found 2 of the 4 sources."
    assert lines[1] == "You gave 1 of them the same label as the key."
    assert (
        "“Downing Street” (paragraph 4): you chose Named person; the key says Institution." in lines
    )
    assert "Look again at paragraph 10: who is the source of the claim about air strikes?" in lines
    assert "Look again at paragraph 7: there is one source you have not marked yet." in lines
    extra = "One of your highlights is not in the key: “Moscow”"
    assert any(line.startswith(extra) for line in lines)
    assert "Healey" not in fb.summary  # the words missed are not given away ...
    assert (
        "“Defence Secretary John Healey”" in compare(ws, KEY, reveal=True).summary
    )  # ... unless asked


def test_a_highlight_that_overlaps_most_of_a_key_span_counts(ws):
    mark(ws, "Downing Street would", "institution")  # a word too many is still a match
    mark(ws, "Healey", "named_person")  # the name without the title: found
    fb = compare(ws, KEY)
    assert [m.item.exact for m in fb.right] == ["Downing Street", "Defence Secretary John Healey"]


def test_a_whole_sentence_does_not_find_the_source_inside_it(ws, seed):
    sentence = seed.sentences[5]
    assert "Downing Street" in seed.text[sentence.start : sentence.end]
    ws.add(make_annotation(seed.text, sentence.start, sentence.end, ["source:institution"]))
    fb = compare(ws, KEY)
    assert not fb.found and len(fb.extra) == 1


def test_one_highlight_matches_at_most_one_key_item(ws):
    key = {"items": [{"quote": "Sir Keir", "label": "named_person"}]}
    mark(ws, "Sir Keir Starmer", "named_person")
    mark(ws, "Sir Keir", "named_person")
    fb = compare(ws, key)
    assert fb.right[0].annotation.exact == "Sir Keir" and len(fb.extra) == 1


def test_teachers_get_precision_and_recall_per_label_students_do_not(ws):
    mark(ws, "Volodymyr Zelensky", "named_person")
    mark(ws, "Downing Street", "named_person")
    fb = compare(ws, KEY)
    html = fb._repr_html_()
    assert "precision" not in html and "recall" not in html  # 14-year-olds read this view
    assert list(fb.table["the key says"]) == ["the same", "Institution"]
    table = fb.figures.set_index("label")
    assert table.loc["Named person", "in the key"] == 2
    assert table.loc["Named person", "you marked"] == 2
    assert table.loc["Named person", "matching"] == 1
    assert table.loc["Named person", "precision"] == 0.5
    assert table.loc["Named person", "recall"] == 0.5
    assert table.loc["Institution", "recall"] == 0
    assert table.loc["any label (only the words)", "recall"] == 0.5


def test_claim_tags_are_compared_by_every_kind_in_the_key(seed):
    ws = MemoryWorkspace(seed)
    s = seed.sentences[1]
    ws.add(
        make_annotation(
            seed.text, s.start, s.end, ["claim:prediction", "checkworthy:no"], motivation="tagging"
        )
    )
    mark(ws, "Downing Street", "institution")  # not a claim tag: ignored by a claims key
    key = {"items": [{"start": s.start, "end": s.end, "labels": ["claim:event", "checkworthy:no"]}]}
    fb = compare(ws, key)
    assert fb.noun == "claims" and not fb.extra
    assert (
        "you chose Prediction, Nothing to check; the key says Event, Nothing to check" in fb.summary
    )


def test_key_files_in_yaml_and_json_anchor_quotes_and_occurrences(tmp_path, seed):
    y = tmp_path / "key.yaml"
    y.write_text(
        "article: 000_8e915a2399968c01\nitems:\n"
        "  - quote: Moscow\n    occurrence: 2\n    label: institution\n",
        encoding="utf-8",
    )
    [item] = load_key(y, seed).items
    assert item.start == seed.text.index("Moscow", seed.text.index("Moscow") + 1)
    j = tmp_path / "key.json"
    j.write_text(json.dumps(KEY), encoding="utf-8")
    assert [i.exact for i in load_key(j, seed).items][:2] == [
        "Volodymyr Zelensky",
        "Downing Street",
    ]


@pytest.mark.parametrize(
    "items, problem",
    [
        ([{"quote": "Boris Johnson", "label": "named_person"}], "are not in the article"),
        ([{"start": 5, "end": 99999, "label": "x"}], "outside the article"),
        ([{"label": "x"}], "neither a 'quote'"),
        (["Downing Street"], "is not a 'quote: ...'"),
    ],
)
def test_a_broken_key_says_which_item_and_what_to_do(tmp_path, seed, items, problem):
    f = tmp_path / "key.yaml"
    import yaml

    f.write_text(yaml.safe_dump({"items": items}), encoding="utf-8")
    with pytest.raises(KitError) as e:
        load_key(f, seed)
    assert "item 1" in e.value.message and problem in e.value.message
    assert "key.yaml" in e.value.message


def test_a_key_for_another_article_is_refused(seed):
    with pytest.raises(KitError, match="for article 'other'"):
        load_key({"article": "other", "items": []}, seed)


def test_the_automatic_attributions_can_be_the_key(seed):
    text = seed.text
    src = text.index("Ukrainian officials")
    content = text.index("his forces have continued")
    attribution = Attribution(
        cue=Span(src - 13, src - 1),
        source=Span(src, src + len("Ukrainian officials")),
        content=Span(content, content + 60),
        speaker="Ukrainian officials",
        source_type="anonymous",
        direct=False,
        stance="neutral",
    )
    key = key_from_attributions(seed, [attribution])
    assert key.name == "the kit's suggestions"
    assert key.items[0].tags == ("source:anonymous",)
    assert key.items[0].hint.startswith("who is the source of “his forces have continued")
    fb = compare(MemoryWorkspace(seed), key)
    assert "who is the source of “his forces" in fb.summary and "paragraph 10" in fb.summary
    again = key_from_attributions(seed, [attribution, attribution])  # a continued quote
    assert len(again) == 1


def test_the_detected_sources_of_the_seed_article_make_a_usable_key(seed):
    key = key_from_attributions(seed)
    quotes = [i.exact for i in key.items]
    assert {"Downing Street", "Ukrainian officials", "Defence Secretary John Healey"} <= set(quotes)
    assert len({(i.start, i.end) for i in key.items}) == len(key.items)
    assert all("““" not in i.hint and "””" not in i.hint for i in key.items)


def test_an_empty_key_says_there_is_nothing_to_compare_with(seed):
    fb = compare(MemoryWorkspace(seed), Key(()))
    assert "there are no answers in the key" in fb.summary


def test_work_files_can_be_compared_directly(tmp_path, seed):
    ws = Workspace("alice", seed, tmp_path)
    mark(ws, "Downing Street", "institution")
    fb = compare(ws.path, KEY, article=seed)
    assert fb.messages[0] == "You found 1 of the 4 sources."


def test_feedback_html_escapes_what_students_wrote(seed):
    ws = MemoryWorkspace(seed)
    mark(ws, "Downing Street", "institution")
    key = {
        "items": [
            {"quote": "Moscow", "label": "institution", "hint": "<img src=x onerror=alert(1)>"}
        ]
    }
    html = compare(ws, key)._repr_html_()
    assert "<img" not in html and "&lt;img" in html
    assert "<table" in html


# ---------------------------------------------------------------------- the teacher's key file


def test_the_teachers_key_beside_the_seed_article_is_found(seed):
    from kit.work.keys import answer_key

    key = answer_key(seed)
    assert key is not None and key.name == "the key (000_8e915a2399968c01.json)"
    assert ("Ukrainian officials", ("source:anonymous",)) in [(i.exact, i.tags) for i in key.items]
    assert key.kinds == frozenset({"source"})


def test_a_work_file_key_only_gives_items_of_the_kind_asked_for(tmp_path, seed):
    from kit.work.annotations import make_annotation
    from kit.work.keys import load_key
    from kit.work.store import Workspace

    ws = Workspace("teacher", seed, tmp_path)
    at = seed.text.index("Downing Street")
    ws.add(make_annotation(seed.text, at, at + 14, ("source:institution",)))
    ws.add(make_annotation(seed.text, 0, 20, ("claim:event",)))
    key = load_key(ws.path, seed)
    assert [(i.exact, i.tags) for i in key.items] == [("Downing Street", ("source:institution",))]
    assert [i.exact for i in load_key(ws.path, seed, kind="claim").items] == [seed.text[:20]]


def test_a_work_file_key_for_another_article_is_refused(tmp_path, seed):
    from kit.work.keys import load_key
    from kit.work.store import Workspace

    other = kit.make_article("Other", ["Someone said something."])
    ws = Workspace("teacher", other, tmp_path)
    ws.set_response("x", "y")
    with pytest.raises(kit.KitError, match="is for article"):
        load_key(ws.path, seed)


def test_no_key_beside_an_article_means_none(tmp_path):
    from kit.work.keys import answer_key

    path = tmp_path / "story.txt"
    path.write_text("Headline\nStandfirst\nThe mayor said it rained.\n", encoding="utf-8")
    article = kit.load_article(path)
    assert answer_key(article) is None
    (tmp_path / "story.key.yaml").write_text(
        "items:\n  - quote: The mayor\n    label: named_person\n"
    )
    assert [i.exact for i in answer_key(article).items] == ["The mayor"]


def test_sources_are_counted_as_sources_not_as_mentions(seed):
    """The seed's key marks Zelensky in four places (issue 19): 7 sources, 10 places."""
    from kit.work.keys import answer_key

    key = answer_key(seed)
    nothing = compare(MemoryWorkspace(seed), key).messages
    assert nothing[0] == "You found 0 of the 7 sources."
    assert "the key marks 10 places where they speak, and you marked 0 of them" in nothing[1]
    assert sum("one source you have not marked yet" in line for line in nothing) == 7
    assert "Look again at paragraph 1: a source from further up speaks here again." in nothing
    ws = MemoryWorkspace(seed)
    mark(ws, "Zelensky", "named_person")  # the headline's
    fb = compare(ws, key)
    assert fb.messages[0] == "You found 1 of the 7 sources."
    assert "Look again at paragraph 1: a source you found elsewhere speaks here too." in fb.messages
    for item in key.items:
        mark(ws, item.exact, item.tag("source"), seed.text[: item.start].count(item.exact) + 1)
    assert compare(ws, key).messages[0] == (
        "You found all 7 sources, in all 10 places where the key marks them, and labelled "
        "every one as the key does. Well done!"
    )


def test_the_kits_suggestions_are_never_called_the_key(seed):
    ws = MemoryWorkspace(seed)
    mark(ws, "Downing Street", "named_person")
    fb = compare(ws, None)
    assert fb.messages[0].startswith("There is no answer key from your teacher for this story")
    assert "the key" not in fb.summary and "the key" not in fb._repr_html_()
    assert fb.title == "Your highlights compared with the kit's suggestions"
