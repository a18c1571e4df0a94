"""Shared helpers for the benchmarks: where the corpus is, timing, and a small table printer."""

from __future__ import annotations

import os
import platform
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS = ROOT.parent / "shared" / "corpora" / "wikinews"
SEED = ROOT / "seeds" / "000_8e915a2399968c01.txt"


def wikinews_files() -> list[Path]:
    files = sorted(WIKINEWS.glob("wikinews_*.csv"))
    if not files:
        raise SystemExit(f"the Wikinews corpus is not at {WIKINEWS}")
    return files


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    """The fastest of `repeat` runs, in seconds (the least disturbed by other processes)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def cpu_best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    """The smallest CPU time of `repeat` runs, in seconds (time.process_time: other processes on a
    shared machine disturb it less than wall time)."""
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def scaled(article, factor: int):
    """`article` with its body repeated `factor` times (a new Article, sentences not yet split)."""
    from kit.articles.article import make_article

    a = article
    return make_article(
        a.title, list(a.body) * factor, standfirst=a.standfirst, id=f"{a.id}-x{factor}"
    )


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def table(rows: list[tuple], header: tuple) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    line = lambda r: "| " + " | ".join(str(x).ljust(w) for x, w in zip(r, widths)) + " |"  # noqa: E731
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), sep, *map(line, rows)])
