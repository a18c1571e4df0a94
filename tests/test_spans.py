"""kit.classroom.spans gives exactly what plain per-reader, per-span loops give (the loops below are
the class views' earlier code): words and sentences covered, overlapping spans, ties, edges."""

from __future__ import annotations

import bisect
import os
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.classroom.spans import Spans, sentence_codes, word_codes, word_counts
from kit.classroom.spans import spans_of as spans_of_groups
from kit.work.annotations import AnnotationRow

EXAMPLES = int(os.environ.get("KIT_FUZZ_EXAMPLES", "300"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
LABELS = ["event", "number", "opinion", "none", "prediction"]


# ---------------------------------------------------------------- the plain loops


def token_range(starts: list[int], units: list[tuple[int, int]], start: int, end: int):
    lo = bisect.bisect_right(starts, start) - 1
    if lo < 0 or units[lo][1] <= start:
        lo += 1
    hi = bisect.bisect_left(starts, end)
    return lo, max(lo, hi)


def loop_word_labels(units, anns, kind) -> list[str | None]:
    """Each word's label from the first annotation (by position) with this kind over it."""
    starts = [u[0] for u in units]
    out: list[str | None] = [None] * len(units)
    anns = [a for a in anns if a.tag(kind) is not None]  # the class views pass only those
    for a in sorted(anns, key=lambda a: (a.start, a.end), reverse=True):
        lo, hi = token_range(starts, units, a.start, a.end)
        out[lo:hi] = [a.tag(kind)] * (hi - lo)
    return out


def loop_sentence_labels(units, anns, kind) -> list[str | None]:
    """Each sentence's label: the one covering most of it, ties to the first in sorted order."""
    starts = [u[0] for u in units]
    cover: list[dict[str, int] | None] = [None] * len(units)
    for a in anns:
        label = a.tag(kind)
        if label is None:
            continue
        i = max(0, bisect.bisect_right(starts, a.start) - 1)
        while i < len(units) and units[i][0] < a.end:
            overlap = min(units[i][1], a.end) - max(units[i][0], a.start)
            if overlap > 0:
                here = cover[i] = cover[i] or {}
                here[label] = here.get(label, 0) + overlap
            i += 1
    return [None if not c else min(c, key=lambda k: (-c[k], k)) for c in cover]


def spans_of(readers: list[list[AnnotationRow]], kind: str) -> Spans:
    """Each reader's annotations with a tag of this kind, labelled by their first such tag."""
    tagged = [[a for a in r if a.tag(kind) is not None] for r in readers]
    return spans_of_groups([(anns, [a.tag(kind) for a in anns]) for anns in tagged])


# ---------------------------------------------------------------- generated readers


def ann(start: int, end: int, tags: tuple[str, ...], n: int) -> AnnotationRow:
    return AnnotationRow(f"a{n}", start, end, "", tags, "highlighting", "", "")


@st.composite
def units_and_readers(draw: Any) -> tuple[list[tuple[int, int]], list[list[AnnotationRow]]]:
    """Disjoint sorted units (with gaps, maybe none) and readers' possibly overlapping spans."""
    units, at = [], draw(st.integers(0, 3))
    for _ in range(draw(st.integers(0, 12))):
        length, gap = draw(st.integers(1, 6)), draw(st.integers(0, 2))
        units.append((at, at + length))
        at += length + gap
    readers = []
    for _ in range(draw(st.integers(0, 5))):
        spans = []
        for _ in range(draw(st.integers(0, 6))):
            start = draw(st.integers(0, at + 2))
            end = draw(st.integers(start, at + 3))
            kinds = draw(st.lists(st.sampled_from(["claim", "source", "note"]), max_size=2))
            tags = tuple(f"{k}:{draw(st.sampled_from(LABELS))}" for k in kinds)
            spans.append(ann(start, end, tags, len(spans)))
        readers.append(spans)
    return units, readers


def bounds(units: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    arr = np.array(units, dtype=np.int64).reshape(-1, 2)
    return arr[:, 0], arr[:, 1]


@SETTINGS
@given(units_and_readers())
def test_word_labels_are_those_of_the_loop(case):
    units, readers = case
    spans = spans_of(readers, "claim")
    names = [*spans.labels, None]
    got = [[names[c] for c in row] for row in word_codes(spans, *bounds(units)).tolist()]
    assert got == [loop_word_labels(units, r, "claim") for r in readers]


@SETTINGS
@given(units_and_readers())
def test_sentence_labels_are_those_of_the_loop(case):
    units, readers = case
    spans = spans_of(readers, "claim")
    names = [*spans.labels, None]
    got = [[names[c] for c in row] for row in sentence_codes(spans, *bounds(units)).tolist()]
    assert got == [loop_sentence_labels(units, r, "claim") for r in readers]


@SETTINGS
@given(units_and_readers(), st.integers(0, 6))
def test_word_counts_count_each_reader_once(case, first):
    units, readers = case
    spans = spans_of(readers, "source")
    want = [0] * len(units)
    for r in readers[:first]:
        for i, label in enumerate(loop_word_labels(units, r, "source")):
            want[i] += label is not None
    assert word_counts(spans, *bounds(units), readers=min(first, len(readers))).tolist() == want


def test_overlapping_spans_the_first_by_position_wins_each_word():
    units = [(0, 3), (4, 8), (9, 12), (13, 20)]
    reader = [ann(4, 20, ("claim:opinion",), 1), ann(0, 8, ("claim:event",), 2)]
    spans = spans_of([reader], "claim")
    names = [*spans.labels, None]
    assert [names[c] for c in word_codes(spans, *bounds(units))[0]] == [
        "event", "event", "opinion", "opinion"
    ]  # fmt: skip


def test_two_spans_on_the_same_words_the_later_one_wins_as_in_the_loop():
    units = [(0, 3), (4, 8)]
    reader = [ann(0, 8, ("claim:opinion",), 1), ann(0, 8, ("claim:event",), 2)]
    spans = spans_of([reader, reader[::-1]], "claim")
    names = [*spans.labels, None]
    got = [[names[c] for c in row] for row in word_codes(spans, *bounds(units)).tolist()]
    assert got == [loop_word_labels(units, r, "claim") for r in (reader, reader[::-1])]
    assert got == [["event", "event"], ["opinion", "opinion"]]


def test_a_sentence_goes_to_the_label_covering_most_of_it_ties_alphabetically():
    sentences = [(0, 10), (11, 21)]
    reader = [
        ann(0, 6, ("claim:opinion",), 1), ann(6, 10, ("claim:event",), 2),  # 6 vs 4: opinion
        ann(11, 16, ("claim:prediction",), 3), ann(16, 21, ("claim:number",), 4),  # 5 vs 5
    ]  # fmt: skip
    spans = spans_of([reader, []], "claim")
    names = [*spans.labels, None]
    got = [[names[c] for c in row] for row in sentence_codes(spans, *bounds(sentences)).tolist()]
    assert got == [["opinion", "number"], [None, None]]
