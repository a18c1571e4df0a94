"""What the class found hard, and how far students agree: quiz questions most often wrong at the
first try, the key's sources most missed, the sentences whose claim type is most disputed, and
Krippendorff's alpha on claim types and source highlights (the maths: kit.classroom.agreement).

Functions of plain data: `ClassWork` gathers, per article, the students' spans (kit.classroom.spans)
and the key's, calls these and keeps the results (kit.classroom.classwork).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from kit.articles.article import Article
from kit.classroom import agreement as agr
from kit.classroom.materials import BankInfo
from kit.classroom.spans import Spans, word_codes
from kit.classroom.tables import frame, short
from kit.work.annotations import Annotation

#: The source type that means "no source" (a highlight typed so counts as none in the agreement).
NONE = "none"

CONFUSION_COLUMNS = [
    "bank", "question", "prompt", "answered", "wrong_first_try", "wrong_pct",
    "most_chosen_wrong", "chosen_by", "right_answer",
]  # fmt: skip
MISSED_COLUMNS = [
    "article_id", "source", "start", "key_type", "students", "missed", "missed_pct", "right_type",
    "most_given_wrong",
]  # fmt: skip
DISAGREE_COLUMNS = [
    "article_id", "sentence", "text", "answers", "most_common", "share_pct", "labels", "key",
    "match_key",
]  # fmt: skip
AGREEMENT_COLUMNS = [
    "article_id", "what", "students", "units", "alpha_between_students", "between_students",
    "alpha_vs_key_median", "vs_key",
]  # fmt: skip


def confusion(
    quiz_rows: Iterable[dict[str, Any]],
    questions: Iterable[tuple[str, str, float]],
    banks: Mapping[str, BankInfo],
) -> pd.DataFrame:
    """Quiz questions by how often the first try was wrong, with the wrong answer most chosen
    (columns: CONFUSION_COLUMNS; the right answer from the teacher's bank, when given).

    `quiz_rows` and `questions`: as kit.classroom.tables makes them.
    """
    firsts: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in quiz_rows:
        if r["attempt"] == 1:
            firsts.setdefault((r["bank"], r["question"]), []).append(r)
    rows = []
    for bank, qid, _ in questions:
        answers = firsts.get((bank, qid), [])
        if not answers:
            continue
        wrong = Counter(r["answer"] for r in answers if r["correct"] is False)
        top = _most_common(wrong)
        info = banks.get(bank)
        q = info.question(qid) if info else None
        n_wrong = sum(wrong.values())
        rows.append(
            {
                "bank": bank,
                "question": qid,
                "prompt": short(q.prompt if q else "", 90),
                "answered": len(answers),
                "wrong_first_try": n_wrong,
                "wrong_pct": round(100 * n_wrong / len(answers), 1),
                "most_chosen_wrong": top[0][0] if top else "",
                "chosen_by": top[0][1] if top else 0,
                "right_answer": q.answer if q else "",
            }
        )
    df = frame(rows, CONFUSION_COLUMNS)
    return df.sort_values("wrong_pct", ascending=False, kind="stable").reset_index(drop=True)


def sources_missed(
    articles: Iterable[tuple[str, Sequence[Annotation], int, Spans]],
) -> pd.DataFrame:
    """Each source in the key, by how many students missed it; with the type they gave
    (columns: MISSED_COLUMNS).

    `articles`: per article with a key, its id, the key's sources, how many students
    highlighted a source there (only they count), and the source spans: those students' (in
    each one's order), then the key's.
    """
    rows = []
    for article_id, key, n, spans in articles:
        mine = spans.who < n  # not the key's
        who, starts, ends = spans.who[mine], spans.start[mine], spans.end[mine]
        types = np.array(spans.labels, dtype=object)[spans.code[mine]]
        for k in key:
            hit = (starts < k.end) & (k.start < ends)
            finders, first = np.unique(who[hit], return_index=True)  # first hit of each
            found = len(finders)
            typed = types[hit]
            right_ones = np.unique(who[hit][typed == k.tag("source")])
            right = len(right_ones)
            firsts = typed[first[~np.isin(finders, right_ones)]]
            wrong = Counter(str(t) for t in firsts)  # each one's first type, when not right
            top = _most_common(wrong)
            rows.append(
                {
                    "article_id": article_id,
                    "source": k.exact,
                    "start": k.start,
                    "key_type": k.tag("source"),
                    "students": n,
                    "missed": n - found,
                    "missed_pct": round(100 * (n - found) / n, 1) if n else math.nan,
                    "right_type": right,
                    "most_given_wrong": top[0][0] if top else "",
                }
            )
    df = frame(rows, MISSED_COLUMNS)
    return df.sort_values("missed_pct", ascending=False, kind="stable").reset_index(drop=True)


def claim_disagreement(
    articles: Iterable[tuple[Article, np.ndarray, tuple[str, ...], np.ndarray | None]],
) -> pd.DataFrame:
    """Sentences by how much students disagree on the claim type, most disagreement first
    (columns: DISAGREE_COLUMNS; share_pct: the top answer's share of the answers).

    `articles`: per article, the article, each student's claim type per sentence (a row of
    codes into the labels per student, -1 where not tagged), the labels, and the key's row.
    """
    rows = []
    for article, codes, labels, key in articles:
        for i, sentence in enumerate(article.sentences):
            column = codes[:, i]
            counts = np.bincount(column[column >= 0], minlength=len(labels)).tolist()
            given = {labels[c]: n for c, n in enumerate(counts) if n}
            if not given:
                continue
            ranked = sorted(given.items(), key=lambda kv: (-kv[1], kv[0]))
            total = sum(given.values())
            key_label = labels[key[i]] if key is not None and key[i] >= 0 else None
            rows.append(
                {
                    "article_id": article.id,
                    "sentence": i + 1,
                    "text": short(article.text[sentence.start : sentence.end], 80),
                    "answers": total,
                    "most_common": ranked[0][0],
                    "share_pct": round(100 * ranked[0][1] / total, 1),
                    "labels": ", ".join(f"{k} {v}" for k, v in ranked),
                    "key": key_label or "",
                    "match_key": given.get(key_label, 0) if key_label else math.nan,
                }
            )
    df = frame(rows, DISAGREE_COLUMNS)
    return df.sort_values("share_pct", kind="stable").reset_index(drop=True)


def claim_agreement(
    article_id: str, students: tuple[str, ...], codes: np.ndarray, key: np.ndarray | None
) -> agr.Agreement:
    """Krippendorff's alpha on claim types (units: sentences), between students and vs key.

    `codes`: one row per student of label codes per sentence (-1: not tagged); `key`: the
    key's row.
    """
    if not students:
        return agr.Agreement(article_id, "claim types", 0, (), math.nan)
    matrix = np.where(codes >= 0, codes, np.nan)
    key_row = np.where(key >= 0, key, np.nan) if key is not None else None
    return _agreement_of(
        article_id, "claim types", students, list(matrix), key_row, matrix.shape[1]
    )


def source_agreement(
    article_id: str,
    words: tuple[np.ndarray, np.ndarray],
    students: tuple[str, ...],
    spans: Spans,
    has_key: bool,
) -> agr.Agreement:
    """Krippendorff's alpha on source highlights (units: word tokens, value: type or none).

    `words`: the article's word starts and ends; `spans`: the students' source spans, then the
    key's when `has_key`.
    """
    # value codes: 0 for no source (and for a source typed 'none'), 1.. for each type
    lut = np.array([0.0 if v == NONE else i + 1.0 for i, v in enumerate(spans.labels)] + [0])
    matrix = lut[word_codes(spans, *words)]
    rows = list(matrix[: len(students)])
    key = matrix[-1] if has_key else None
    return _agreement_of(article_id, "source highlights", students, rows, key, len(words[0]))


def agreement_table(results: Iterable[agr.Agreement]) -> pd.DataFrame:
    """The agreement results as a table with their readings (columns: AGREEMENT_COLUMNS)."""
    return frame([r.as_row() for r in results], AGREEMENT_COLUMNS)


def _agreement_of(
    article_id: str,
    what: str,
    students: tuple[str, ...],
    rows: list[np.ndarray],
    key: np.ndarray | None,
    units: int,
) -> agr.Agreement:
    """Agreement from code rows (NaN: no answer), one row per student, and the key's row."""
    if not students:
        return agr.Agreement(article_id, what, units, (), math.nan)
    matrix = np.vstack(rows)
    between = agr.alpha(matrix)
    vs_key: tuple[float, ...] = ()
    if key is not None:
        vs_key = tuple(float(x) for x in agr.pair_alphas(key, matrix))
    return agr.Agreement(article_id, what, units, students, between, vs_key)


def _most_common(counts: Counter[str]) -> list[tuple[str, int]]:
    """The most frequent answer with its count (ties: the first in sorted order), or nothing."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:1]
