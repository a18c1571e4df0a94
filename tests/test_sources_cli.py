"""`python -m kit sources`: a readable listing per article, and JSONL exactly as DESIGN.md says."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.kit_command import run_kit as _run


def run_kit(*args: str, stdin: str | None = None):
    return _run(*args, stdin=stdin, timeout=120)


ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/000_8e915a2399968c01.txt"


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def assert_one_line_error(out: subprocess.CompletedProcess, *needles: str) -> None:
    assert out.returncode == 2
    assert out.stdout == ""  # nothing written when any line is bad
    assert "Traceback" not in out.stderr
    assert out.stderr.strip().count("\n") == 0
    for needle in needles:
        assert needle in out.stderr, out.stderr


def test_sources_lists_each_attribution_of_the_seed():
    out = run_kit("sources", SEED)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert text.startswith("Ukraine to host ‘coalition of the willing’ talks, says Zelensky")
    assert "  attributions: 12" in text
    assert "Volodymyr Zelensky · named person · paraphrase · neutral" in text
    assert "Moscow · institution · paraphrase · doubt" in text
    assert "cue «told broadcasters»" in text


def test_info_counts_the_real_attributions():
    out = run_kit("info", SEED)
    assert out.returncode == 0, out.stderr
    assert "  attributions: 12" in out.stdout.splitlines()


def test_jsonl_with_emoji_and_curly_quotes_slices_back_to_the_intended_words(tmp_path):
    texts = {
        "emoji": "“We won 🏆🎉 tonight,” said Coach Mia Torres. Fans 😀 cheered.",
        "curly": "Officials told reporters the bridge was “safe” 👍, according to the council.",
        "astral": "𝒜 note: the mayor, Ida Berg, said: “Build it 🚧 now.”",
        "none": "The river rose 2 metres overnight 🌊.",
    }
    lines = [json.dumps({"id": k, "text": v}, ensure_ascii=False) for k, v in texts.items()]
    out = run_kit("sources", "--jsonl", str(write_jsonl(tmp_path / "in.jsonl", lines)))
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in records] == list(texts)  # one line per input line, in order

    def spans(rec_id: str) -> list[tuple[str | None, str | None, str | None]]:
        text = texts[rec_id]
        rec = next(r for r in records if r["id"] == rec_id)
        return [
            tuple(
                None if a[k] is None else text[a[k][0] : a[k][1]]
                for k in ("source", "cue", "content")
            )
            for a in rec["attributions"]
        ]

    assert spans("emoji") == [("Coach Mia Torres", "said", "“We won 🏆🎉 tonight,”")]
    assert ("Officials", "told reporters", "the bridge was “safe” 👍") in spans("curly")
    assert (
        "the council",
        "according to",
        "Officials told reporters the bridge was “safe” 👍",
    ) in spans("curly")
    assert spans("astral") == [("the mayor, Ida Berg", "said", "“Build it 🚧 now.”")]
    assert spans("none") == []
    first = records[0]["attributions"][0]
    assert first["speaker"] == "Mia Torres" and first["direct"] is True
    assert first["source_type"] == "named_person" and first["stance"] == "neutral"
    assert set(first) == {"source", "cue", "content", "speaker", "source_type", "direct", "stance"}


def test_jsonl_reads_standard_input_and_keeps_any_id():
    stdin = json.dumps({"id": 7, "text": "Police said two people were hurt."}) + "\n"
    stdin += json.dumps({"text": "No one spoke."}) + "\n"
    out = run_kit("sources", "--jsonl", "-", stdin=stdin)
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in records] == [7, None]
    assert records[0]["attributions"][0]["source_type"] == "institution"


def test_jsonl_line_that_is_not_json_names_the_file_and_line(tmp_path):
    path = write_jsonl(tmp_path / "bad.jsonl", ['{"id": 1, "text": "ok"}', '{"id": 2, "text": '])
    assert_one_line_error(run_kit("sources", "--jsonl", str(path)), "bad.jsonl", "line 2", "JSON")


def test_jsonl_line_without_text_names_the_line(tmp_path):
    path = write_jsonl(tmp_path / "notext.jsonl", ['{"id": 1, "text": "ok"}', '{"id": 2}'])
    assert_one_line_error(
        run_kit("sources", "--jsonl", str(path)), "notext.jsonl", "line 2", "text"
    )


def test_jsonl_text_that_is_not_a_string_or_line_that_is_not_an_object_is_refused(tmp_path):
    path = write_jsonl(tmp_path / "num.jsonl", ['{"id": 1, "text": 5}'])
    assert_one_line_error(run_kit("sources", "--jsonl", str(path)), "line 1", "not a string")
    path = write_jsonl(tmp_path / "list.jsonl", ['{"id": 1, "text": "ok"}', "[1, 2]"])
    assert_one_line_error(run_kit("sources", "--jsonl", str(path)), "line 2", "not a JSON object")


def test_jsonl_blank_lines_hold_no_record_and_are_skipped(tmp_path):
    path = tmp_path / "gap.jsonl"
    path.write_text('{"id": "a", "text": "a"}\n\n{"id": "b", "text": "b"}\n\n', encoding="utf-8")
    out = run_kit("sources", "--jsonl", str(path))
    assert out.returncode == 0, out.stderr
    assert [json.loads(line)["id"] for line in out.stdout.splitlines()] == ["a", "b"]


def test_jsonl_missing_file_is_a_one_line_error(tmp_path):
    assert_one_line_error(
        run_kit("sources", "--jsonl", str(tmp_path / "nope.jsonl")), "nope.jsonl", "no such file"
    )


def test_sources_with_a_bad_file_still_lists_the_good_ones(tmp_path):
    out = run_kit("sources", str(tmp_path / "missing.txt"), SEED)
    assert out.returncode == 2
    assert "missing.txt" in out.stderr and "Traceback" not in out.stderr
    assert out.stdout.startswith("Ukraine to host")
