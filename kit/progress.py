"""Progress bars for long runs (collect, release, commands over many files), drawn on stderr.

tqdm draws a bar only while stderr is a terminal (`disable=None`): in a notebook's output, a
pipe, a log file or a test nothing is drawn, and what a run prints is exactly what it printed
without bars. A bar is cleared when its loop ends, so the terminal keeps only the run's own lines.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


def progress(items: Iterable[T], what: str, *, total: int | None = None, unit: str = "file"):
    """`items`, counted on a progress bar labelled `what` while stderr is a terminal.

    `total`: how many there will be, when `items` cannot say (a generator); None shows a count.
    """
    try:
        from tqdm import tqdm
    except ImportError:  # a progress bar is never worth failing a run for
        return items
    return tqdm(
        items,
        desc=what,
        total=total,
        unit=unit,
        file=sys.stderr,
        disable=None,
        leave=False,
        dynamic_ncols=True,
    )


def print_above(line: str) -> None:
    """Print one line to stderr, above any progress bar (which is drawn again below it)."""
    try:
        from tqdm import tqdm
    except ImportError:
        print(line, file=sys.stderr)
        return
    tqdm.write(line, file=sys.stderr)
