"""Widgets: Python time to build the Highlighter and the ClaimTagger for the seed article and for it
repeated 10x and 100x, the size of the state sent to the browser, and one saved edit.

Run: .venv/bin/python benchmarks/bench_widgets.py
(Browser-side figures: tests/browser/test_widget_latency.py writes test-artifacts/latency.json.)
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SEED, best_of, machine, scaled, table  # noqa: E402

import kit  # noqa: E402
from kit.widgets import ClaimTagger, Highlighter  # noqa: E402
from kit.work.store import Workspace  # noqa: E402


def unsegmented(article: kit.Article) -> kit.Article:
    """The same article before its sentences were split (they are computed on first use)."""
    a = article
    return kit.make_article(a.title, a.body, standfirst=a.standfirst, id=a.id)


def measure(cls: type, article: kit.Article, work: str) -> tuple[float, float, int]:
    def build(a: kit.Article = article):
        return cls(a, workspace=Workspace("bench", a, work))

    warm = best_of(build, 5)
    cold = best_of(lambda: build(unsegmented(article)), 3)
    state = len(json.dumps(build().get_state()).encode("utf-8"))
    return warm, cold, state


def main() -> None:
    seed = kit.load_article(SEED)
    rows = []
    base: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as work:
        for factor in (1, 10, 100):
            article = scaled(seed, factor)
            name = f"seed x{factor}"
            for cls in (Highlighter, ClaimTagger):
                warm, cold, state = measure(cls, article, work)
                first = base.setdefault(cls.__name__, warm)
                rows.append(
                    (
                        f"{cls.__name__}, {name} ({article.word_count:,} words)",
                        f"{warm * 1000:.1f} ms ({warm / first:.1f}x)",
                        f"{cold * 1000:.1f} ms",
                        f"{state / 1024:.0f} KiB",
                    )
                )
            h = Highlighter(article, workspace=Workspace("bench", article, work))
            i = article.text.index("Downing Street")
            command = {"cmd": "add", "start": i, "end": i + len("Downing Street")}
            edit = best_of(lambda h=h, c=command: h.handle(c), 20)
            rows.append((f"one highlight saved, {name}", f"{edit * 1000:.1f} ms", "", ""))
    print(f"Widgets ({machine()})")
    print(table(rows, ("what", "build", "build incl. sentence split", "state sent")))
    print("in the browser (targets): seed visible < 1 s, on disk < 300 ms, 10k words < 2 s")
    print("(browser figures: tests/browser/test_widget_latency.py)")


if __name__ == "__main__":
    main()
