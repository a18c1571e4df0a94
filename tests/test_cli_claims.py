"""`python -m kit claims`: readable output, JSONL in and out, and clear errors for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kit.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8e915a2399968c01.txt"


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["claims", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_claims_prints_every_sentence_with_type_and_reasons(capsys):
    status, out, err = run(capsys, str(SEED))
    assert status == 0 and err == ""
    assert "Ukraine to host" in out
    assert "number · check-worthy: yes" in out
    assert "'30 countries' is a number you could check" in out
    assert "most worth checking:" in out


def test_jsonl_gives_one_line_per_input_with_offsets_into_the_exact_text(tmp_path, capsys):
    texts = {
        "emoji": "🙂🙂 Officials said “about 30 people” died — reportedly 😢. "
        "The so-called “experts” will meet tomorrow.",
        "quote": "“It was a disgrace,” she said.",
        "one": "China has provided diplomatic support for Russia.",
        "empty": "",
    }
    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": k, "text": v}, ensure_ascii=False) for k, v in texts.items()]
    path.write_text("\n".join(lines[:2]) + "\n\n" + "\n".join(lines[2:]) + "\n", encoding="utf-8")
    status, out, err = run(capsys, "--jsonl", str(path))
    assert status == 0 and err == ""
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == list(texts)
    for row in rows:
        text = texts[row["id"]]
        for s in row["sentences"]:
            start, end = s["span"]
            assert 0 <= start < end <= len(text)
            assert set(s) >= {"span", "type", "checkworthy", "confidence", "reasons"}
            assert s["reasons"]
            for r in s["reasons"]:
                if r["span"] is not None and r["about"] != "claimant":
                    rs, re_ = r["span"]
                    assert start <= rs < re_ <= end
    emoji = rows[0]["sentences"]
    assert len(emoji) == 2
    first = emoji[0]
    assert texts["emoji"][first["span"][0] : first["span"][1]].startswith("🙂🙂 Officials")
    number = [r for r in first["reasons"] if "is a number" in r["text"]]
    assert number and texts["emoji"][number[0]["span"][0] : number[0]["span"][1]] == "30 people"
    assert rows[1]["sentences"][0]["type"] == "opinion"
    assert rows[2]["sentences"][0]["type"] == "event"
    assert rows[3]["sentences"] == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"id": 1, "text": "fine"}\n{"id": 2, "text": "broken"\n', "line 2: not valid JSON"),
        ('{"id": 1, "text": "fine"}\n["a", "list"]\n', "line 2: this line is not a JSON object"),
        ('{"id": 1}\n', 'line 1: the object has no "text"'),
        ('{"id": 1, "text": 3}\n', 'line 1: "text" is not a string'),
    ],
)
def test_a_bad_jsonl_line_exits_2_naming_file_and_line(tmp_path, capsys, content, problem):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    status, out, err = run(capsys, "--jsonl", str(path))
    assert status == 2
    assert out == ""  # nothing is written before the whole file is known to be good
    assert err.count("\n") == 1
    assert str(path) in err and problem in err


def test_missing_files_and_missing_arguments_exit_2(tmp_path, capsys):
    status, _, err = run(capsys, "--jsonl", str(tmp_path / "nope.jsonl"))
    assert status == 2 and "no such file" in err
    status, _, err = run(capsys)
    assert status == 2 and "no article given" in err
    status, _, err = run(capsys, "--jsonl", str(tmp_path / "x.jsonl"), str(SEED))
    assert status == 2 and "not both" in err


def test_a_teacher_label_set_renames_the_types(tmp_path, capsys):
    labels = tmp_path / "labels.yaml"
    labels.write_text(
        "labels:\n"
        "  - {name: fact, description: can be checked, kit_types: [event, number, policy, cause]}\n"
        "  - {name: view, description: a judgement, kit_types: [opinion, prediction]}\n"
        "  - {name: other, description: not a claim, kit_types: [not_a_claim]}\n",
        encoding="utf-8",
    )
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "At least 39 people died."}\n', encoding="utf-8")
    status, out, _ = run(capsys, "--labels", str(labels), "--jsonl", str(path))
    assert status == 0
    assert json.loads(out)["sentences"][0]["type"] == "fact"
    bad = tmp_path / "bad_labels.yaml"
    bad.write_text("labels:\n  - name: fact\n", encoding="utf-8")
    status, _, err = run(capsys, "--labels", str(bad), "--jsonl", str(path))
    assert status == 2 and str(bad) in err and "no description" in err


def test_the_real_command_reports_bad_input_without_a_traceback(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text("not json\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "kit", "claims", "--jsonl", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"kit: {path}, line 1: not valid JSON")
