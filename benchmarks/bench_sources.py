"""Find sources: articles/s over the Wikinews corpus, time against article length, and the Python
time of show_sources on the seed article.

Run: .venv/bin/python benchmarks/bench_sources.py

Times are CPU time of this process (time.process_time), the fastest of several runs, so other work
on a shared machine disturbs them less than wall time. "detector" times find_attributions on
articles whose sentences are already split; "split + detect" also splits the sentences (a fresh
Article each time), as the command line does.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SEED, cpu_best_of, machine, table, wikinews_files  # noqa: E402

import kit  # noqa: E402
from kit.articles.article import make_article  # noqa: E402
from kit.reading.source_words import source_lexicon  # noqa: E402
from kit.reading.sources import find_attributions  # noqa: E402


def main() -> None:
    source_lexicon()  # the word lists load once per process, not once per article
    articles = kit.load_articles(wikinews_files()).articles
    n = len(articles)
    words = sum(a.word_count for a in articles)
    for a in articles:
        a.sentences  # noqa: B018 - split once, so "detector" times the detector alone

    def detector() -> None:
        for a in articles:
            find_attributions(a)

    def split_and_detect() -> None:
        for a in articles:
            find_attributions(make_article(a.title, a.body, standfirst=a.standfirst))

    rows = []
    for name, fn in (("detector", detector), ("split + detect", split_and_detect)):
        dt = cpu_best_of(fn, 3)
        rows.append((name, f"{dt:.3f} s", f"{n / dt:.0f}", f"{dt / n * 1000:.2f}"))
    print(f"Find sources ({machine()}): {n} Wikinews articles, {words / n:.0f} words each")
    print(table(rows, ("what", "CPU time", "articles/s", "ms/article")))

    base = articles[0]
    rows = []
    first = None
    for copies in (1, 10, 100):
        big = make_article(base.title, list(base.body) * copies)
        big.sentences  # noqa: B018
        dt = cpu_best_of(lambda b=big: find_attributions(b), 5 if copies < 100 else 2)
        first = first or dt
        rows.append((f"{copies}x", big.word_count, f"{dt * 1000:.1f} ms", f"{dt / first:.1f}x"))
    print(f"\nTime against length ({base.id} repeated)")
    print(table(rows, ("article", "words", "CPU time", "time vs 1x")))

    seed = kit.load_article(SEED)
    seed.sentences  # noqa: B018
    kit.show_sources(seed)  # the first call imports pandas' HTML helpers
    dt = cpu_best_of(lambda: kit.show_sources(seed), 10)
    print(f"\nshow_sources(seed article): {dt * 1000:.1f} ms of Python time")
    print("targets: >= 500 articles/s of ~750 words; linear in length; show_sources < 20 ms")


if __name__ == "__main__":
    main()
