"""Speed of `kit.claims.suggest`: sentences per second over the Wikinews corpus, and the time to
suggest claims for the seed article.

    python benchmarks/bench_claims.py [--repeat 5]

Targets (issue 9): >= 20,000 sentences per second on one core, and < 10 ms for the seed article.
Sentence splitting is part of loading an article (kit.articles, measured by the spine) and is
done before timing; "with splitting" adds it for comparison. Each figure is the best of
`--repeat` runs: the machine is shared, and the best run is the one least disturbed by others.
Attribution finding (`kit.sources`) is not timed: these runs pass `attributions=[]`.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews"
SEED = ROOT / "seeds" / "000_8e915a2399968c01.txt"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def best_of(repeat: int, fn) -> float:
    """The fastest of `repeat` runs of fn(), in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    import kit
    from kit.articles import article_from_text
    from kit.claims import suggest
    from kit.language import flag

    rows: list[tuple[str, str, str]] = []
    seed = kit.load_article(SEED)
    seed.sentences  # noqa: B018 - split once, outside the timing
    suggest(seed, attributions=[])  # load the word lists once
    t = best_of(max(args.repeat, 20), lambda: suggest(seed, attributions=[]))
    rows.append(("seed article: suggest", f"{len(seed.sentences)} sentences", f"{t * 1000:.2f} ms"))
    t = best_of(max(args.repeat, 20), lambda: flag(seed))
    rows.append(
        ("seed article: language.flag", f"{len(seed.sentences)} sentences", f"{t * 1000:.2f} ms")
    )

    files = [CORPUS / "wikinews_2019.csv", CORPUS / "wikinews_2020.csv"]
    if all(f.exists() for f in files):
        articles = list(kit.load_articles(files))
        n = sum(len(a.sentences) for a in articles)

        def run() -> None:
            for a in articles:
                suggest(a, attributions=[])

        t = best_of(args.repeat, run)
        rows.append(("Wikinews: suggest", f"{n} sentences", f"{n / t:,.0f} sentences/s"))

        texts = [a.text for a in articles]

        def with_splitting() -> None:
            for text in texts:
                suggest(article_from_text(text), attributions=[])

        t = best_of(args.repeat, with_splitting)
        rows.append(("Wikinews: split + suggest", f"{n} sentences", f"{n / t:,.0f} sentences/s"))
    else:
        rows.append(("Wikinews", "corpus not found", f"(looked in {CORPUS})"))

    width = [max(len(r[i]) for r in rows) for i in range(3)]
    print(f"{'what':<{width[0]}}  {'size':<{width[1]}}  speed (best of {args.repeat})")
    for r in rows:
        print(f"{r[0]:<{width[0]}}  {r[1]:<{width[1]}}  {r[2]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
