"""Many readers' tagged spans on one text, as numpy columns: the words and sentences they cover.

The class views compare 300 students on one article at a time: who covered each word (the heat
map, the source-highlight agreement) and which claim type each student gave each sentence. One
pass over all students' spans at once replaces a Python loop per student and per span; the
results are exactly those of the loops (tests/test_spans.py checks them against plain loops).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

#: A word as the class views count them: word characters, with inner apostrophes ("Starmer’s").
TOKEN = re.compile(r"\w+(?:['’]\w+)*")


def word_spans(text: str) -> list[tuple[int, int]]:
    """The text's words as [start, end) spans (the units of token-level agreement)."""
    return [m.span() for m in TOKEN.finditer(text)]


@dataclass(frozen=True)
class Spans:
    """Readers' spans with one tag kind: reader `who[i]` tagged [start[i], end[i]) with
    `labels[code[i]]`.

    Each reader's spans are together, in the reader's own order.
    """

    readers: int
    who: np.ndarray
    start: np.ndarray
    end: np.ndarray
    code: np.ndarray
    labels: tuple[str, ...]


def spans_of(groups: Sequence[tuple[Sequence[Any], Sequence[str]]]) -> Spans:
    """The spans of each group's annotations with their labels (one group per reader: the
    annotations and, in the same order, their labels). Labels are coded in sorted order."""
    who, start, end, label = [], [], [], []
    for i, (anns, values) in enumerate(groups):
        who += [i] * len(anns)
        start += [a.start for a in anns]
        end += [a.end for a in anns]
        label += values
    labels = tuple(sorted(set(label)))
    index = {v: c for c, v in enumerate(labels)}
    return Spans(
        readers=len(groups),
        who=np.array(who, dtype=np.int64),
        start=np.array(start, dtype=np.int64),
        end=np.array(end, dtype=np.int64),
        code=np.array([index[v] for v in label], dtype=np.int64),
        labels=labels,
    )


def _pairs(
    unit_starts: np.ndarray, unit_ends: np.ndarray, start: np.ndarray, end: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(span index, unit index) for every unit a span overlaps; units are sorted, disjoint
    [start, end) ranges (words or sentences). Span i's units are lo[i] .. hi[i] - 1, where lo is
    the unit holding or after its start and hi the first unit starting at or after its end."""
    if len(unit_starts) == 0 or len(start) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    lo = np.searchsorted(unit_starts, start, side="right") - 1
    before = lo < 0
    lo_clipped = np.maximum(lo, 0)
    lo = np.where(before | (unit_ends[lo_clipped] <= start), lo + 1, lo)
    hi = np.maximum(np.searchsorted(unit_starts, end, side="left"), lo)
    count = hi - lo
    span = np.repeat(np.arange(len(start)), count)
    first = np.repeat(lo - np.cumsum(count) + count, count)  # lo of each pair's span, offset
    unit = first + np.arange(len(span))
    return span, unit


def word_codes(spans: Spans, word_starts: np.ndarray, word_ends: np.ndarray) -> np.ndarray:
    """readers x words: the code of the label on each word (-1 where the reader tagged none).

    Where a reader's spans overlap, the word takes the label of the span that starts first
    (then ends first; then the later one in the reader's order).
    """
    out = np.full((spans.readers, len(word_starts)), -1, dtype=np.int64)
    span, word = _pairs(word_starts, word_ends, spans.start, spans.end)
    if len(span) == 0:
        return out
    who = spans.who[span]
    # winner first: by reader and word, then start, end, and the later span in the reader's order
    order = np.lexsort((-span, spans.end[span], spans.start[span], word, who))
    who, word, span = who[order], word[order], span[order]
    first = np.ones(len(span), dtype=bool)
    first[1:] = (who[1:] != who[:-1]) | (word[1:] != word[:-1])
    out[who[first], word[first]] = spans.code[span[first]]
    return out


def word_counts(
    spans: Spans, word_starts: np.ndarray, word_ends: np.ndarray, readers: int | None = None
) -> np.ndarray:
    """How many readers (the first `readers` of them, default all) tagged each word."""
    n = spans.readers if readers is None else readers
    span, word = _pairs(word_starts, word_ends, spans.start, spans.end)
    who = spans.who[span]
    covered = np.zeros((n, len(word_starts)), dtype=bool)
    covered[who[who < n], word[who < n]] = True
    return covered.sum(axis=0)


def sentence_codes(spans: Spans, sent_starts: np.ndarray, sent_ends: np.ndarray) -> np.ndarray:
    """readers x sentences: the code of the label covering most of each sentence (-1: none).

    A label's cover is the characters of the sentence its spans overlap, added up over the
    reader's spans; a tie goes to the label first in sorted order.
    """
    n_sent, n_labels = len(sent_starts), len(spans.labels)
    out = np.full((spans.readers, n_sent), -1, dtype=np.int64)
    if n_labels == 0:
        return out
    span, sent = _pairs(sent_starts, sent_ends, spans.start, spans.end)
    overlap = np.minimum(sent_ends[sent], spans.end[span]) - np.maximum(
        sent_starts[sent], spans.start[span]
    )
    keep = overlap > 0
    span, sent, overlap = span[keep], sent[keep], overlap[keep]
    cover = np.zeros((spans.readers, n_sent, n_labels), dtype=np.int64)
    np.add.at(cover, (spans.who[span], sent, spans.code[span]), overlap)
    best = cover.argmax(axis=2)  # the first of equal maxima: the label first in sorted order
    return np.where(cover.max(axis=2) > 0, best, -1)
