"""How much students agree: Krippendorff's alpha, and what the number means for a teacher.

Alpha between students comes from the `krippendorff` package (nominal level, missing answers
allowed). Each student against the key is a two-coder alpha; the package takes about 0.7 ms per
call on an article's word tokens, so 300 students x 10 articles would cost seconds. `pair_alphas`
computes the same two-coder nominal alpha for all students in one numpy pass (the tests check it
against the package, student by student).

Readings follow Krippendorff's own guidance: at least 0.8 is reliable, 0.667 to 0.8 allows
tentative conclusions, below that the answers differ too much to rely on.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import krippendorff
import numpy as np

RELIABLE = 0.8
TENTATIVE = 0.667


def alpha(matrix: np.ndarray) -> float:
    """Nominal Krippendorff's alpha of a coders x units matrix of value codes (NaN = no answer).

    NaN when it cannot be measured: fewer than two coders, or only one value ever used.
    """
    data = np.asarray(matrix, dtype=float)
    if data.ndim != 2 or data.shape[0] < 2 or data.shape[1] == 0:
        return math.nan
    values = np.unique(data[~np.isnan(data)])
    if len(values) < 2:
        return math.nan
    with warnings.catch_warnings():  # a 0/0 inside the package means "cannot be measured"
        warnings.simplefilter("ignore", RuntimeWarning)
        result = float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    return result


def pair_alphas(key: np.ndarray, coders: np.ndarray) -> np.ndarray:
    """Nominal alpha of each row of `coders` against `key` (two coders each), vectorised.

    `key` has shape (units,), `coders` (students, units); NaN marks a missing answer. Equal to
    `alpha(np.vstack([key, row]))` for every row.
    """
    key = np.asarray(key, dtype=float)
    coders = np.atleast_2d(np.asarray(coders, dtype=float))
    if coders.shape[0] == 0:
        return np.zeros(0)
    paired = ~np.isnan(coders) & ~np.isnan(key)[None, :]
    n = 2.0 * paired.sum(axis=1)
    disagree = (paired & (coders != key[None, :])).sum(axis=1)
    codes = np.unique(np.concatenate([key[~np.isnan(key)], coders[~np.isnan(coders)]]))
    sum_sq = np.zeros(coders.shape[0])
    for c in codes:
        n_c = (paired & (key[None, :] == c)).sum(axis=1) + (paired & (coders == c)).sum(axis=1)
        sum_sq += n_c.astype(float) ** 2
    expected = n * n - sum_sq
    with np.errstate(divide="ignore", invalid="ignore"):
        out = 1.0 - (n - 1.0) * 2.0 * disagree / expected
    return np.where(expected > 0, out, np.nan)


def reading(value: float, against_key: bool = False) -> str:
    """The number in plain words for a teacher."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "not enough answers to measure"
    if against_key:
        if value >= RELIABLE:
            return "close to the key"
        if value >= TENTATIVE:
            return "partly like the key: worth going over"
        return "far from the key: go over it together"
    if value >= RELIABLE:
        return "reliable: students agree"
    if value >= TENTATIVE:
        return "tentative: students partly agree"
    return "students disagree a lot"


@dataclass(frozen=True)
class Agreement:
    """Agreement on one task (`what`) in one article: between students, and each one vs the key."""

    article_id: str
    what: str
    units: int
    students: tuple[str, ...]
    between: float
    vs_key: tuple[float, ...] = ()

    @property
    def vs_key_median(self) -> float:
        """The middle of the students' alphas against the key (NaN when there are none)."""
        vals = [v for v in self.vs_key if not math.isnan(v)]
        return float(np.median(vals)) if vals else math.nan

    def as_row(self) -> dict[str, object]:
        """One row of the agreement table, with the readings in words."""
        return {
            "article_id": self.article_id,
            "what": self.what,
            "students": len(self.students),
            "units": self.units,
            "alpha_between_students": _round(self.between),
            "between_students": reading(self.between),
            "alpha_vs_key_median": _round(self.vs_key_median),
            "vs_key": reading(self.vs_key_median, against_key=True) if self.vs_key else "no key",
        }


def _round(value: float) -> float:
    return round(value, 3) if not math.isnan(value) else math.nan
