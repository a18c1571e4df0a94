"""Speed of kit.sources: articles per second over the Wikinews corpus, time against length, and
the Python time of show_sources on the seed article.

Usage: python benchmarks/bench_sources.py [--repeat N]

CPU time of this process (time.process_time), best of N runs, so other work on a shared machine
counts less. "detector" times find_attributions on articles whose sentences are already split;
"end to end" also splits sentences (a fresh Article each time), as the CLI does.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews"
SEED = ROOT / "seeds" / "000_8e915a2399968c01.txt"

sys.path.insert(0, str(ROOT))


def best_of(repeat: int, fn) -> float:
    """Smallest CPU time of `repeat` calls of fn()."""
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    import kit
    from kit.articles import make_article
    from kit.show import show_sources
    from kit.sources import _lexicon, find_attributions

    _lexicon()  # word lists load once per process; not part of the per-article cost
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    articles = kit.load_articles(sorted(CORPUS.glob("*.csv"))).articles
    words = sum(a.word_count for a in articles)
    for a in articles:
        a.sentences  # noqa: B018 - split once so "detector" times the detector alone

    def detector() -> None:
        for a in articles:
            find_attributions(a)

    def end_to_end() -> None:
        for a in articles:
            find_attributions(make_article(a.title, a.body, standfirst=a.standfirst))

    rows = []
    n = len(articles)
    for name, fn in (("detector", detector), ("end to end", end_to_end)):
        dt = best_of(args.repeat, fn)
        rows.append((name, n / dt, dt / n * 1000, words / dt))
    print(f"Wikinews corpus: {n} articles, {words} words ({words / n:.0f} words per article)")
    print(f"{'':12} {'articles/s':>11} {'ms/article':>11} {'words/s':>10}")
    for name, rate, ms, wps in rows:
        print(f"{name:12} {rate:11.0f} {ms:11.2f} {wps:10.0f}")

    # Time against length: one long article made of the corpus's first article repeated.
    base = articles[0]
    print(f"\nlength scaling ({base.id}, {base.word_count} words, repeated)")
    print(f"{'copies':>7} {'words':>8} {'ms':>9} {'ms per copy':>12}")
    for copies in (1, 10, 100):
        big = make_article(base.title, list(base.body) * copies)
        big.sentences  # noqa: B018
        dt = best_of(max(1, args.repeat if copies < 100 else 1), lambda b=big: find_attributions(b))
        print(f"{copies:7d} {big.word_count:8d} {dt * 1000:9.1f} {dt * 1000 / copies:12.2f}")

    seed = kit.load_article(SEED)
    seed.sentences  # noqa: B018
    show_sources(seed)  # warm: imports pandas views once
    runs = []
    for _ in range(max(5, args.repeat)):
        t = time.process_time()
        show_sources(seed)
        runs.append(time.process_time() - t)
    print(
        f"\nshow_sources(seed): best {min(runs) * 1000:.1f} ms, "
        f"median {statistics.median(runs) * 1000:.1f} ms (Python CPU time)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
