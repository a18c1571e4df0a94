"""`python -m kit info`: what the kit read, and one-line errors with exit 2 for bad input."""

from __future__ import annotations

from pathlib import Path

from tests.kit_command import run_kit

ROOT = Path(__file__).resolve().parent.parent


def test_info_prints_headline_and_counts_for_the_seed():
    out = run_kit("info", "seeds/000_8e915a2399968c01.txt")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "Ukraine to host ‘coalition of the willing’ talks, says Zelensky"
    assert "  paragraphs: 13 (plus headline and standfirst)" in lines
    assert "  sentences: 15" in lines
    assert any(line.startswith("  attributions: ") for line in lines)


def test_info_on_a_bad_file_exits_2_with_one_line_and_no_traceback(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    out = run_kit("info", str(bad))
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0
    assert "empty.txt" in out.stderr and "empty" in out.stderr
    assert "Traceback" not in out.stderr


def test_info_reports_each_bad_file_and_still_prints_the_good_ones(tmp_path):
    out = run_kit("info", str(tmp_path / "missing.txt"), "seeds/000_8e915a2399968c01.txt")
    assert out.returncode == 2
    assert "missing.txt" in out.stderr and "no such file" in out.stderr
    assert out.stdout.startswith("Ukraine to host")


def test_unknown_verb_exits_2():
    out = run_kit("frobnicate")
    assert out.returncode == 2 and "Traceback" not in out.stderr
