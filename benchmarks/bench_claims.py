"""Speed of `kit.reading.claims.suggest`: sentences per second over the Wikinews corpus, and the
time to suggest claims for the seed article.

    python benchmarks/bench_claims.py [--repeat 5]

Targets (issue 9): >= 20,000 sentences per second on one core, and < 10 ms for the seed article.
Sentence splitting is part of loading an article (kit.articles.article, measured by the spine)
and is done before timing; "with splitting" adds it for comparison. Each figure is the best of
`--repeat` runs of CPU time (`time.process_time`: the time this process ran on its one core,
so other programs on a shared machine do not count); wall-clock time is shown beside it.
Attribution finding (`kit.reading.sources`) is not timed: these runs pass `attributions=[]`.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews"
SEED = ROOT / "seeds" / "000_8e915a2399968c01.txt"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def best_of(repeat: int, fn) -> tuple[float, float]:
    """The least CPU time and the least wall-clock time of `repeat` runs of fn(), in seconds."""
    cpu = wall = float("inf")
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()
        cpu = min(cpu, time.process_time() - c)
        wall = min(wall, time.perf_counter() - w)
    return cpu, wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    import kit
    from kit.articles.article import article_from_text
    from kit.reading.claims import suggest
    from kit.reading.wording import flag

    rows: list[tuple[str, str, str, str]] = []
    seed = kit.load_article(SEED)
    seed.sentences  # noqa: B018 - split once, outside the timing
    suggest(seed, attributions=[])  # load the word lists once
    n_seed = f"{len(seed.sentences)} sentences"
    cpu, wall = best_of(max(args.repeat, 20), lambda: suggest(seed, attributions=[]))
    rows.append(("seed article: suggest", n_seed, f"{cpu * 1000:.2f} ms", f"{wall * 1000:.2f} ms"))
    cpu, wall = best_of(max(args.repeat, 20), lambda: flag(seed))
    rows.append(("seed article: flag", n_seed, f"{cpu * 1000:.2f} ms", f"{wall * 1000:.2f} ms"))

    files = [CORPUS / "wikinews_2019.csv", CORPUS / "wikinews_2020.csv"]
    if all(f.exists() for f in files):
        articles = list(kit.load_articles(files))
        n = sum(len(a.sentences) for a in articles)

        def run() -> None:
            for a in articles:
                suggest(a, attributions=[])

        cpu, wall = best_of(args.repeat, run)
        rows.append(
            ("Wikinews: suggest", f"{n} sentences", f"{n / cpu:,.0f}/s", f"{n / wall:,.0f}/s")
        )

        texts = [a.text for a in articles]

        def with_splitting() -> None:
            for text in texts:
                suggest(article_from_text(text), attributions=[])

        cpu, wall = best_of(args.repeat, with_splitting)
        rows.append(
            (
                "Wikinews: split + suggest",
                f"{n} sentences",
                f"{n / cpu:,.0f}/s",
                f"{n / wall:,.0f}/s",
            )
        )
    else:
        rows.append(("Wikinews", "corpus not found", str(CORPUS), ""))

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} cores, load average {load} (1, 5, 15 min)")
    head = ("what", "size", f"CPU time (best of {args.repeat})", "wall clock")
    width = [max(len(r[i]) for r in [head, *rows]) for i in range(4)]
    for r in [head, *rows]:
        print("  ".join(f"{cell:<{w}}" for cell, w in zip(r, width, strict=True)).rstrip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
