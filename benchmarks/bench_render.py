"""Render: the safe HTML of an article with its sources highlighted, and the whole show_sources view
(detection + article + table + chart), for the seed article and for it repeated 10x and 100x.

Run: .venv/bin/python benchmarks/bench_render.py
Target (issue 3): show_sources renders the seed article in < 20 ms of Python time; linear in length.
Times are CPU time of this process, the fastest of several runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SEED, cpu_best_of, machine, scaled, table  # noqa: E402

import kit  # noqa: E402
from kit.reading.sources import SOURCE_LEGEND, find_attributions  # noqa: E402
from kit.views.html import render_article  # noqa: E402
from kit.views.show import source_marks  # noqa: E402


def main() -> None:
    seed = kit.load_article(SEED)
    kit.show_sources(seed)  # the first call imports pandas' HTML helpers
    rows = []
    base: dict[str, float] = {}
    for factor in (1, 10, 100):
        article = scaled(seed, factor)
        article.sentences  # noqa: B018 - split once: this measures rendering, not splitting
        marks = source_marks(find_attributions(article))
        repeat = 10 if factor < 100 else 3
        render = cpu_best_of(
            lambda a=article, m=marks: render_article(a, m, legend=SOURCE_LEGEND), repeat
        )
        show = cpu_best_of(lambda a=article: kit.show_sources(a), repeat)
        size = len(kit.show_sources(article)._repr_html_()) / 1024
        base.setdefault("render", render)
        base.setdefault("show", show)
        rows.append(
            (
                f"{factor}x ({article.word_count:,} words, {len(marks):,} marks)",
                f"{render * 1000:.1f} ms ({render / base['render']:.1f}x)",
                f"{show * 1000:.1f} ms ({show / base['show']:.1f}x)",
                f"{size:,.0f} KiB",
            )
        )
    print(f"Render ({machine()}): the seed article repeated")
    print(table(rows, ("article", "render_article", "show_sources", "HTML")))
    print("target: show_sources(seed) < 20 ms of Python time; linear in length")


if __name__ == "__main__":
    main()
