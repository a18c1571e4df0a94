"""Small notebooks that browser tests write into the lab's served root, and reading student work.

Test-only notebooks are never committed: each test writes the one it needs under <root>/tests/.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat

SEED_ID = "000_8e915a2399968c01"
SEED_FROM_TESTS = "../seeds/000_8e915a2399968c01.txt"  # the seed, seen from <root>/tests/


def write_notebook(lab, name: str, *cells: str) -> str:
    """A notebook of code cells at <root>/tests/<name>; returns its path relative to the root."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    path = Path(lab.root) / "tests" / name
    path.parent.mkdir(exist_ok=True)
    nbformat.write(nb, path)
    return f"tests/{name}"


def work_file(lab, student: str, article_id: str = SEED_ID) -> Path:
    return Path(lab.work_dir) / student / f"{article_id}.json"


def saved_annotations(lab, student: str, article_id: str = SEED_ID) -> list[dict[str, Any]]:
    """The annotations in a student's work file as (start, end, exact, tags, comment) dicts."""
    path = work_file(lab, student, article_id)
    if not path.exists():
        return []
    out = []
    for a in json.loads(path.read_text(encoding="utf-8"))["annotations"]:
        pos = next(s for s in a["target"]["selector"] if s["type"] == "TextPositionSelector")
        quote = next(s for s in a["target"]["selector"] if s["type"] == "TextQuoteSelector")
        bodies = a.get("body", [])
        out.append(
            {
                "start": pos["start"],
                "end": pos["end"],
                "exact": quote["exact"],
                "tags": [b["value"] for b in bodies if b.get("purpose") == "tagging"],
                "comment": next(
                    (b["value"] for b in bodies if b.get("purpose") == "commenting"), ""
                ),
                "id": a["id"],
            }
        )
    return sorted(out, key=lambda a: (a["start"], a["end"]))


def wait_until(check: Callable[[], Any], timeout: float = 10.0, interval: float = 0.005) -> Any:
    """Poll `check()` until it returns something truthy; returns it (AssertionError on timeout)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {timeout} s: {check}")
        time.sleep(interval)
