"""What sealed answer keys cost: sealing each key of the course at release, a student's first
and second check in lesson 3, and what opening a whole key costs someone who writes code.

Run: `python benchmarks/bench_keys.py` (the real scrypt cost, not the test suite's).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

os.environ.pop("KIT_SCRYPT_N", None)  # the cost a release really uses

import kit  # noqa: E402
from benchmarks._common import ROOT, SEED, machine, table  # noqa: E402
from kit.classroom.course import seed_files  # noqa: E402
from kit.classroom.ship_keys import teachers_key  # noqa: E402
from kit.quiz import sealed  # noqa: E402
from kit.quiz.sealed_keys import _SEALERS, load_sealed_key, write_sealed_key  # noqa: E402
from kit.work.annotations import make_annotation  # noqa: E402
from kit.work.store import MemoryWorkspace  # noqa: E402


def main() -> None:
    out = Path(tempfile.mkdtemp())
    rows = []
    t0 = time.perf_counter()
    sealer = sealed.Sealer("00" * 16, sealed.kdf_settings())
    for i in range(3):
        sealer.key("bench", i)
    one = (time.perf_counter() - t0) / 3
    rows.append(("one scrypt derivation (N=2^15, r=8)", f"{one:.3f} s", "~0.1 s"))
    total = 0.0
    for f in seed_files(ROOT / "seeds").articles:
        article = kit.load_article(f)
        key = teachers_key(article)
        if key is None:
            continue
        t0 = time.perf_counter()
        path = write_sealed_key(key, article, out / f"{article.id}.sealed.json")
        took = time.perf_counter() - t0
        total += took
        blocks = len(load_sealed_key(path).blocks)
        rows.append((f"seal {article.id} ({len(key)} items, {blocks} blocks)", f"{took:.2f} s", ""))
    rows.append(("seal every key of the course (release adds this)", f"{total:.2f} s", ""))

    seed = kit.load_article(SEED)
    key = teachers_key(seed)
    sealed_key = load_sealed_key(out / f"{seed.id}.sealed.json")
    ws = MemoryWorkspace(seed)
    for item in key.only("source").items:
        ws.add(make_annotation(seed.text, item.start, item.end, ["source:named_person"]))
    _SEALERS.clear()
    t0 = time.perf_counter()
    kit.compare(ws, sealed_key)
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    kit.compare(ws, sealed_key)
    again = time.perf_counter() - t0
    rows.append(("lesson 3, first check with the 10 sources marked", f"{first:.2f} s", "a few s"))
    rows.append(("the same check again (keys remembered)", f"{again:.3f} s", "< 0.3 s"))
    every = len(sealed_key.blocks) + 1
    rows.append(
        (f"a program opening the whole seed key ({every} derivations)", f"~{every * one:.0f} s", "")
    )
    print(f"Sealed answer keys on {machine()}")
    print(table(rows, ("what", "measured", "target")))


if __name__ == "__main__":
    main()
