"""Find sources: articles/s over the Wikinews corpus, time against article length, and the Python
time of show_sources on the seed article.

Run: .venv/bin/python benchmarks/bench_sources.py

Times are CPU time of this process (time.process_time), the fastest of several runs, so other work
on a shared machine disturbs them less than wall time. "detector" times find_attributions on
articles whose sentences are already split; "split + detect" also splits the sentences (a fresh
Article each time), as the command line does.

German: the articles of .devdata/german/{train,dev} when `make devdata GERMAN=...` has filled it
(German Wikinews, never committed), else the invented practice article; "detect + split +
language" starts from the plain text as `python -m kit sources --jsonl` does, so the language is
detected too.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SEED, cpu_best_of, machine, table, wikinews_files  # noqa: E402

import kit  # noqa: E402
from kit.articles.article import article_from_text, make_article  # noqa: E402
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

    german()

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


def german() -> None:
    root = Path(__file__).resolve().parent.parent
    files = sorted((root / ".devdata" / "german").glob("*/*.json"))
    if files:
        texts = [json.loads(f.read_text(encoding="utf-8"))["originalText"] for f in files]
        where = f"{len(texts)} German Wikinews articles (.devdata/german train + dev)"
    else:
        practice = kit.load_article(root / "seeds" / "german" / "de_lindenfeld_hallenbad.md")
        texts = [practice.text] * 100
        where = "the invented German practice article x 100 (no .devdata/german)"
    n = len(texts)
    words = sum(len(t.split()) for t in texts)
    split = [article_from_text(t) for t in texts]
    for a in split:
        a.sentences  # noqa: B018
    rows = []
    for name, fn in (
        ("detector", lambda: [find_attributions(a) for a in split]),
        ("detect + split + language", lambda: [find_attributions(t) for t in texts]),
    ):
        dt = cpu_best_of(fn, 3)
        rows.append((name, f"{dt:.3f} s", f"{n / dt:.0f}", f"{dt / n * 1000:.2f}"))
    print(f"\nGerman: {where}, {words / n:.0f} words each")
    print(table(rows, ("what", "CPU time", "articles/s", "ms/article")))
    print("target: >= 300 German articles/s")


if __name__ == "__main__":
    main()
