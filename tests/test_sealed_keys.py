"""Answer keys reach students sealed: the file shows no answer, and compare works the same."""

from __future__ import annotations

import json
import random
import re

import pytest

import kit
from kit import KitError, compare
from kit.classroom.ship_keys import teachers_key
from kit.quiz.answers import words_between
from kit.quiz.sealed_keys import (
    NAME,
    SealedKey,
    find_sealed_key,
    load_sealed_key,
    write_sealed_key,
)
from kit.work.annotations import make_annotation
from kit.work.keys import Key, KeyItem, key_from_attributions, load_key
from kit.work.store import MemoryWorkspace
from tests.conftest import ROOT

WIRE = ROOT / "seeds" / "practice" / "millbrook_wire.md"


def sealed_copy(key, article, tmp_path) -> SealedKey:
    return load_sealed_key(write_sealed_key(key, article, tmp_path / f"{article.id}.sealed.json"))


def workspace(article, spans, label="source:named_person"):
    ws = MemoryWorkspace(article)
    for a, b in spans:
        ws.add(make_annotation(article.text, a, b, [label]))
    return ws


def highlights_near(key: Key, article, rng: random.Random, n: int = 40) -> list[tuple[int, int]]:
    """Word-snapped highlights a student might make: each key item exactly, a word of it, the
    item and a word more, a word before it, and random runs of 1-6 words anywhere."""
    words = words_between(article.text, 0, len(article.text))
    spans = []
    for item in key.items:
        inside = words_between(article.text, item.start, item.end) or [(item.start, item.end)]
        after = [w for w in words if w[0] >= item.end][:1]
        before = [w for w in words if w[1] <= item.start][-1:]
        spans.append((item.start, item.end))
        spans.append(rng.choice(inside))
        if after:
            spans.append((item.start, after[0][1]))
        if before:
            spans.append(before[0])
    for _ in range(n):
        i = rng.randrange(len(words))
        j = min(len(words) - 1, i + rng.randrange(6))
        spans.append((words[i][0], words[j][1]))
    return spans


def same_feedback(plain, sealed) -> None:
    """The same matches, the same extra highlights, the same words (but for the key's name)."""
    pairs = [(m.item.start, m.item.end, m.annotation, m.same_label) for m in plain.matches]
    opened = [(m.item.start, m.item.end, m.annotation, m.same_label) for m in sealed.matches]
    assert [p for p in pairs if p[2] is not None] == [p for p in opened if p[2] is not None]
    assert plain.extra == sealed.extra
    name = plain.title.removeprefix("Your highlights compared with ")
    assert [m.replace(name, NAME) for m in plain.messages] == list(sealed.messages)
    assert plain.table.equals(sealed.table)


# ---------------------------------------------------------------------- what the file shows


@pytest.mark.parametrize("path", [ROOT / "seeds" / "000_8e915a2399968c01.txt", WIRE])
def test_a_sealed_key_file_holds_no_span_label_or_hint(path, tmp_path):
    article = kit.load_article(path)
    key = teachers_key(article)
    assert key is not None and len(key) > 5
    text = write_sealed_key(key, article, tmp_path / "k.sealed.json").read_text()
    for item in key.items:
        assert len(item.exact) < 4 or item.exact not in text, item.exact
        assert not item.hint or item.hint not in text, item.hint
    data = json.loads(text)
    sealed_parts = [*data.pop("blocks").values(), data.pop("hints")]
    assert all(re.fullmatch(r"[A-Za-z0-9+/=]*", part) for part in sealed_parts)  # base64 only
    plain = json.dumps(data)
    for label in {t.split(":", 1)[1] for i in key.items for t in i.tags}:
        assert f'"{label}"' not in plain, label  # named_person, institution, event, no ...
    assert {"start", "end", "quote", "label", "labels", "hint"}.isdisjoint(
        k for item in data["items"] for k in item
    )


def test_a_sealed_key_says_how_many_sources_and_where_but_not_what(seed, tmp_path):
    sealed = sealed_copy(teachers_key(seed).only("source"), seed, tmp_path)
    assert len(sealed) == 10 and sealed.sources == 7  # Zelensky is one source, named 4 times
    paragraphs = [i["paragraph"] for i in sealed.items]
    assert paragraphs == sorted(paragraphs) and paragraphs[0] == 0  # the headline


# ---------------------------------------------------------------------- compare works the same


def test_compare_with_the_sealed_key_matches_as_the_teachers_key_on_the_seed(seed, tmp_path):
    key = teachers_key(seed)
    sealed = sealed_copy(key, seed, tmp_path)
    rng = random.Random(7)
    spans = highlights_near(key.only("source"), seed, rng)
    for start in range(0, len(spans), 6):  # students with a few highlights each
        ws = workspace(seed, spans[start : start + 6])
        same_feedback(compare(ws, key), compare(ws, sealed))
    everything = workspace(seed, [(i.start, i.end) for i in key.only("source").items])
    assert compare(everything, sealed).summary == compare(everything, key).summary


def test_compare_with_the_sealed_key_matches_on_corpus_articles(wikinews, tmp_path):
    rng = random.Random(11)
    tried = 0
    for article in wikinews[:60]:
        key = key_from_attributions(article)
        if len(key) < 3:
            continue
        key = Key(key.items, article.id, "a test key")  # a teacher's key made from suggestions
        sealed = sealed_copy(key, article, tmp_path)
        spans = highlights_near(key, article, rng, n=20)
        ws = workspace(article, rng.sample(spans, min(8, len(spans))), "source:anonymous")
        same_feedback(compare(ws, key), compare(ws, sealed))
        tried += 1
        if tried == 8:
            break
    assert tried == 8


def test_claims_in_a_sealed_key_are_compared_like_the_teachers(tmp_path):
    article = kit.load_article(WIRE)
    key = load_key(WIRE.with_name("millbrook_wire.key.yaml"), article)
    sealed = sealed_copy(key, article, tmp_path)
    s = article.sentences[3]
    ws = MemoryWorkspace(article)
    ws.add(make_annotation(article.text, s.start, s.end, ["claim:event", "checkworthy:yes"]))
    plain, opened = compare(ws, key, kind="claim"), compare(ws, sealed, kind="claim")
    same_feedback(plain, opened)
    assert "you chose" in opened.summary  # the key's label of a matched claim opened


def test_the_hint_of_a_miss_opens_when_the_student_checks(tmp_path):
    article = kit.load_article(WIRE)
    key = load_key(WIRE.with_name("millbrook_wire.key.yaml"), article).only("source")
    sealed = sealed_copy(key, article, tmp_path)
    fb = compare(MemoryWorkspace(article), sealed)
    assert "Who says two firefighters were treated?" in fb.summary
    assert fb.messages[0] == "You found 0 of the 7 sources."  # Okafor twice, Nair and "she"
    assert "Dana Okafor" not in fb.summary and "ambulance" not in fb.summary  # no words of the key
    assert "(The key has" not in compare(MemoryWorkspace(article), sealed, reveal=True).summary


def test_a_wider_highlight_finds_the_source_inside_it_as_the_teachers_key_does(seed, tmp_path):
    key = Key((KeyItem(*_at(seed, "Sir Keir"), "Sir Keir", ("source:named_person",)),), seed.id)
    sealed = sealed_copy(key, seed, tmp_path)
    a, b = _at(seed, "Sir Keir Starmer")
    fb = compare(workspace(seed, [(a, b)]), sealed)
    assert len(fb.right) == 1 and fb.right[0].item.exact == "Sir Keir"


def _at(article, phrase):
    i = article.text.index(phrase)
    return i, i + len(phrase)


# ---------------------------------------------------------------------- refusals


def test_a_sealed_key_for_another_text_is_refused(seed, tmp_path):
    sealed = sealed_copy(teachers_key(seed), seed, tmp_path)
    other = kit.make_article("Other", ["Someone said something."])
    with pytest.raises(KitError, match="another text") as e:
        compare(MemoryWorkspace(other), sealed)
    assert "release" in e.value.fix


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: "{not json",
        lambda d: json.dumps({**d, "format": "other"}),
        lambda d: json.dumps({**d, "items": [{"paragraph": "x"}]}),
        lambda d: json.dumps({**d, "sealing": {**d["sealing"], "n": 2**40}}),
        lambda d: json.dumps({**d, "salt": "zz"}),
    ],
)
def test_a_damaged_sealed_key_says_so_and_what_to_do(seed, tmp_path, damage):
    path = write_sealed_key(teachers_key(seed), seed, tmp_path / "k.sealed.json")
    path.write_text(damage(json.loads(path.read_text())))
    with pytest.raises(KitError, match="damaged") as e:
        load_sealed_key(path)
    assert "teacher" in e.value.fix


def test_answer_key_finds_the_sealed_key_of_a_student_copy(seed_path, tmp_path):
    seeds = tmp_path / "copy" / "seeds"
    (seeds / "practice").mkdir(parents=True)
    story = seeds / seed_path.name
    story.write_bytes(seed_path.read_bytes())
    (seeds / "practice" / WIRE.name).write_bytes(WIRE.read_bytes())
    article = kit.load_article(story)
    assert kit.answer_key(article) is None and find_sealed_key(article) is None
    write_sealed_key(teachers_key(kit.load_article(seed_path)), article, seeds / "keys" /
                     f"{article.id}.sealed.json")  # fmt: skip
    wire = kit.load_article(seeds / "practice" / WIRE.name)
    write_sealed_key(teachers_key(kit.load_article(WIRE)), wire, seeds / "keys" /
                     "millbrook_wire.sealed.json")  # fmt: skip
    assert isinstance(kit.answer_key(article), SealedKey)
    assert isinstance(kit.answer_key(wire), SealedKey)  # a practice article: keys/ one folder up
    fb = kit.compare(workspace(article, [_at(article, "Downing Street")]), kit.answer_key(article))
    assert "your teacher's key" in fb.title and "kit's suggestions" not in fb.summary
