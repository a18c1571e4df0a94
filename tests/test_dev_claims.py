"""The rules against the hand-labelled development sets, through `claims --jsonl` (floors a little
below what the rules reach, so a change that makes them worse fails here; see
benchmarks/eval_claims.py for the full report)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _eval_module():
    spec = importlib.util.spec_from_file_location(
        "eval_claims", ROOT / "benchmarks" / "eval_claims.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def ev():
    return _eval_module()


def test_wikinews_development_set_stays_above_its_floors(ev):
    try:
        rows = ev.load_wikinews_set()
    except ev.Missing as e:
        pytest.fail(f"the development set does not match the Wikinews test corpus: {e}")
    assert len(rows) >= 200
    m = ev.metrics(rows, ev.predict_via_cli([r["text"] for r in rows]))
    assert m["macro_f1"] >= 0.58
    assert m["subjectivity_macro_f1"] >= 0.78
    assert m["checkworthy_yes"][2] >= 0.48


def test_speech_and_opinion_style_set_stays_above_its_floors(ev):
    rows = ev.load_style_set()
    m = ev.metrics(rows, ev.predict_via_cli([r["text"] for r in rows]))
    assert m["subjectivity_macro_f1"] >= 0.78
    assert m["checkworthy_yes"][2] >= 0.80


def test_the_development_labels_use_only_known_values(ev):
    import json

    for line in (ROOT / "tests" / "data" / "dev_claims.jsonl").read_text().splitlines():
        row = json.loads(line)
        assert row["type"] in ev.TYPES and row["checkworthy"] in ("yes", "minor", "no")
        assert set(row) == {"article", "start", "end", "begins", "sample", "type", "checkworthy"}
