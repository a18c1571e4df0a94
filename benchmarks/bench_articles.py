"""Load + segment: the 295 Wikinews articles, and synthetic corpora 10x and 100x as large.

Run: .venv/bin/python benchmarks/bench_articles.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SEED, best_of, machine, table, wikinews_files  # noqa: E402

import kit  # noqa: E402


def load_and_segment(paths: list[Path]) -> int:
    articles = kit.load_articles(paths).articles
    return sum(len(a.sentences) for a in articles)


def synthetic(paths: list[Path], factor: int, folder: Path) -> list[Path]:
    """`factor` copies of the Wikinews corpus, each under its own file names (so ids differ)."""
    out = []
    for i in range(factor):
        for p in paths:
            copy = folder / f"{p.stem}_copy{i:03d}.csv"
            copy.write_bytes(p.read_bytes())
            out.append(copy)
    return out


def main() -> None:
    files = wikinews_files()
    n_articles = len(kit.load_articles(files).articles)
    rows = []
    base = None
    with tempfile.TemporaryDirectory() as tmp:
        for factor in (10, 100):
            (Path(tmp) / f"x{factor}").mkdir()
        for factor in (1, 10, 100):
            paths = files if factor == 1 else synthetic(files, factor, Path(tmp) / f"x{factor}")
            seconds = best_of(lambda p=paths: load_and_segment(p), repeat=3 if factor < 100 else 1)
            base = base or seconds
            n = n_articles * factor
            rows.append(
                (
                    f"{factor}x ({n} articles)",
                    f"{seconds:.3f} s",
                    f"{n / seconds:,.0f}",
                    f"{seconds / base:.1f}x",
                )
            )
    seed_time = best_of(lambda: len(kit.load_article(SEED).sentences), 20)
    print(f"Load + segment ({machine()})")
    print(table(rows, ("corpus", "time", "articles/s", "time vs 1x")))
    print(f"seed article load + segment: {seed_time * 1000:.1f} ms")
    print("target: 295 articles in well under 1 s; linear growth")


if __name__ == "__main__":
    main()
