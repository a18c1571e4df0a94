"""Bad input, fuzzed: every file the kit reads loads, or fails with a KitError naming the file.

Generated and mutated inputs (real seeds cut short, bytes flipped, NULs inserted, re-encoded in the
wrong encoding) go through every article loader, the quiz bank loader, the work-file loader and the
`--jsonl` command lines. Any other exception, or a KitError that does not name the file, fails.

The default run is small enough for `make unit`; `make stress` raises every test's example count
(KIT_FUZZ_EXAMPLES) and searches new random inputs. The number of inputs run is printed at the end.
"""

from __future__ import annotations

import io
import json
import os
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit
from kit import KitError
from kit.cli import main as cli_main
from kit.quiz.model import Quiz
from kit.work.store import new_document, read_document

ROOT = Path(__file__).resolve().parent.parent
SEED_TXT = ROOT / "seeds" / "000_8e915a2399968c01.txt"
SEED_BANK = ROOT / "seeds" / "000_8e915a2399968c01.quiz.yaml"

# Examples per property test; `make stress` sets KIT_FUZZ_EXAMPLES=5000.
EXAMPLES = int(os.environ.get("KIT_FUZZ_EXAMPLES", "300"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CASES = {"count": 0}


@pytest.fixture(scope="module", autouse=True)
def _report_case_count(request):
    yield
    line = f"test_fuzz: {CASES['count']} inputs run, each loaded or refused with a KitError"
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line("")
        reporter.write_line(line)
    out = ROOT / "test-artifacts"
    out.mkdir(exist_ok=True)
    (out / "fuzz-cases.txt").write_text(line + "\n", encoding="utf-8")


# ---------------------------------------------------------------- seeds

_LINES = SEED_TXT.read_text(encoding="utf-8").splitlines()
TITLE, STANDFIRST, BODY = _LINES[0], _LINES[1], [p for p in _LINES[2:] if p.strip()][:4]


def _seeds() -> dict[str, bytes]:
    md = "---\ntitle: {t}\nstandfirst: {s}\noutlet: The Guardian\nauthor: A Reporter\n---\n\n{b}\n"
    html = (
        "<!doctype html><html><head><title>{t}</title></head><body><nav>Menu</nav>"
        "<article><h1>{t}</h1>{b}</article><footer>(c)</footer></body></html>"
    )
    csv_rows = ["title,text,url,date"]
    for i, p in enumerate(BODY):
        csv_rows.append(
            f'"{TITLE} {i}","{p.replace(chr(34), chr(34) * 2)}",https://x/{i},2025-01-0{i + 1}'
        )
    return {
        ".txt": SEED_TXT.read_bytes(),
        ".md": md.format(
            t=json.dumps(TITLE), s=json.dumps(STANDFIRST), b="\n\n".join(BODY)
        ).encode(),
        ".html": html.format(t=TITLE, b="".join(f"<p>{p}</p>" for p in BODY)).encode(),
        ".json": json.dumps({"title": TITLE, "standfirst": STANDFIRST, "body": BODY}).encode(),
        ".csv": ("\n".join(csv_rows) + "\n").encode(),
    }


SEEDS = _seeds()
BANK = SEED_BANK.read_bytes()
WORK = json.dumps(
    {
        **new_document("alex", "000_8e915a2399968c01", "abc"),
        "annotations": [],
        "responses": {"q1": {"response": [1], "at": "2025-01-01T00:00:00Z"}},
    }
).encode()
JSONL = (
    "\n".join(
        json.dumps({"id": f"a{i}", "text": p}, ensure_ascii=False) for i, p in enumerate(BODY)
    )
    + "\n"
).encode()


# ---------------------------------------------------------------- mutations


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    """A real seed, damaged one to three times the way files are damaged in the wild."""
    data = seed
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(
            st.sampled_from(
                ["truncate", "flip", "nul", "insert", "delete", "encode", "repeat", "splice"]
            )
        )
        n = len(data)
        i = draw(st.integers(0, max(n - 1, 0)))
        if kind == "truncate":
            data = data[:i]
        elif kind == "flip" and n:
            data = data[:i] + bytes([data[i] ^ draw(st.integers(1, 255))]) + data[i + 1 :]
        elif kind == "nul":
            data = data[:i] + b"\x00" * draw(st.integers(1, 4)) + data[i:]
        elif kind == "insert":
            data = data[:i] + draw(st.binary(min_size=1, max_size=16)) + data[i:]
        elif kind == "delete":
            data = data[:i] + data[i + draw(st.integers(1, 64)) :]
        elif kind == "encode":
            text = data.decode("utf-8", errors="replace")
            codec = draw(st.sampled_from(["utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1"]))
            data = text.encode(codec, errors="replace")
        elif kind == "repeat":
            data = data[:i] + data[i : i + 200] * draw(st.integers(2, 50)) + data[i:]
        elif kind == "splice":
            data = data[:i] + draw(
                st.sampled_from([b"{", b"[", b"---\n", b'"', b"<", b"\r", b"\xff\xfe"])
            )
            data += seed[i:]
    return data


def generated() -> st.SearchStrategy[bytes]:
    """Inputs made from nothing: random bytes, random text in several encodings."""
    return st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=500).map(lambda t: t.encode("utf-8", errors="surrogatepass")),
        st.text(max_size=300).map(lambda t: t.encode("utf-16-le", errors="surrogatepass")),
    )


# ---------------------------------------------------------------- the one rule


def loads_or_names_the_file(read, path: Path):
    """Call `read(path)`; a failure must be a KitError whose message names the file."""
    CASES["count"] += 1
    try:
        result = read(path)
    except KitError as e:
        assert path.name in e.message, f"KitError does not name the file: {e.message!r}"
        return None
    return result


def load_and_segment(path: Path):
    """What a notebook does first: load the file(s) and segment every article."""
    for a in kit.articles.article.read_file(path):
        for s in a.sentences:
            assert 0 <= s.start <= s.end <= len(a.text)
        for p in a.paragraphs:
            assert 0 <= p.start < p.end <= len(a.text)
    return True


def run_cli(verb: str, path: Path) -> None:
    """`python -m kit VERB --jsonl PATH` in-process: exit 0, or exit 2 with one line naming it."""
    CASES["count"] += 1
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = cli_main([verb, "--jsonl", str(path)])
    if status == 0:
        return
    assert status == 2, (status, err.getvalue())
    assert path.name in err.getvalue(), err.getvalue()
    assert "Traceback" not in err.getvalue()


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


# ---------------------------------------------------------------- property tests


@pytest.mark.parametrize("ext", [".txt", ".md", ".json", ".csv"])
@FUZZ
@given(data=st.data())
def test_damaged_articles_load_or_fail_naming_the_file(tmp_path, ext, data):
    raw = data.draw(st.one_of(mutated(SEEDS[ext]), generated()))
    loads_or_names_the_file(load_and_segment, _write(tmp_path, "article" + ext, raw))


@settings(FUZZ, max_examples=max(EXAMPLES // 5, 20))  # trafilatura is slow: fewer, still many
@given(raw=st.one_of(mutated(SEEDS[".html"]), generated()))
def test_damaged_html_pages_load_or_fail_naming_the_file(tmp_path, raw):
    loads_or_names_the_file(load_and_segment, _write(tmp_path, "page.html", raw))


@FUZZ
@given(raw=st.one_of(mutated(BANK), generated()))
def test_damaged_quiz_banks_load_or_fail_naming_the_file(tmp_path, raw):
    loads_or_names_the_file(Quiz.from_file, _write(tmp_path, "bank.quiz.yaml", raw))


@FUZZ
@given(raw=st.one_of(mutated(WORK), generated()))
def test_damaged_work_files_load_or_fail_naming_the_file(tmp_path, raw):
    loads_or_names_the_file(read_document, _write(tmp_path, "work.json", raw))


@pytest.mark.parametrize("verb", ["sources", "claims"])
@settings(FUZZ, max_examples=max(EXAMPLES // 3, 20))
@given(raw=st.one_of(mutated(JSONL), generated()))
def test_damaged_jsonl_input_to_the_cli_exits_0_or_2_naming_the_file(tmp_path, verb, raw):
    run_cli(verb, _write(tmp_path, "in.jsonl", raw))


# ---------------------------------------------------------------- deliberate nasty cases

BIG = 10 * 1024 * 1024
BOMB = "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n" + "".join(
    f"{c}: &{c} [{','.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi")
)
TAGS = "!!python/object/apply:os.system ['echo pwned > /tmp/kit-fuzz-pwned']\n"


def _nasty_articles() -> dict[str, bytes]:
    line = ("word " * (BIG // 5)).encode()
    return {
        "truncated.json": SEEDS[".json"][: len(SEEDS[".json"]) // 2],
        "truncated.csv": SEEDS[".csv"][:-40],
        "truncated.md": SEEDS[".md"][:30],
        "utf16.txt": SEED_TXT.read_text(encoding="utf-8").encode("utf-16-le"),
        "utf16.json": SEEDS[".json"].decode().encode("utf-16-be"),
        "utf16.csv": SEEDS[".csv"].decode().encode("utf-16-le"),
        "nul.txt": SEEDS[".txt"].replace(b" ", b"\x00", 20),
        "nul.csv": SEEDS[".csv"].replace(b",", b"\x00,", 3),
        "nul.md": SEEDS[".md"].replace(b"title", b"ti\x00tle"),
        "long.txt": b"Title\n" + line,
        "long.md": b"# Title\n\n" + line,
        "long.json": b'{"title": "t", "text": "' + line + b'"}',
        "long.html": b"<html><body><article><p>" + line + b"</p></article></body></html>",
        "longfield.csv": b'title,text\n"t","' + line + b'"\n',
        "hugefield.csv": b"title,text\nt," + b"x" * (BIG * 2) + b"\n",
        "nested.json": b"[" * 100_000 + b"]" * 100_000,
        "nested_obj.json": b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
        "bomb.md": ("---\n" + BOMB + "title: t\n---\n\nBody.\n").encode(),
        "tags.md": (b"---\ntitle: !!python/object/apply:os.system ['true']\n---\n\nBody.\n"),
        "unclosed.html": b"<html><body><article><p>" + b"<div>" * 50_000,
        "binary.txt": bytes(range(256)) * 100,
    }


NASTY = _nasty_articles()


@pytest.mark.parametrize("name", sorted(NASTY))
def test_nasty_article_files_load_or_fail_naming_the_file(tmp_path, name):
    loads_or_names_the_file(load_and_segment, _write(tmp_path, name, NASTY[name]))


@pytest.mark.parametrize(
    "name, raw",
    [
        ("bomb.quiz.yaml", BOMB.encode() + BANK),
        ("alias_in_bank.quiz.yaml", BANK.replace(b"format:", BOMB.encode() + b"format:", 1)),
        ("tags.quiz.yaml", TAGS.encode()),
        ("tag_in_bank.quiz.yaml", BANK.replace(b"id: coalition-talks", b"id: " + TAGS.encode(), 1)),
        ("object.quiz.yaml", b"format: !!python/object:kit.quiz.model.Quiz {}\n"),
        ("nested.quiz.yaml", b"[" * 100_000 + b"]" * 100_000),
        ("utf16.quiz.yaml", BANK.decode().encode("utf-16-le")),
        ("nul.quiz.yaml", BANK.replace(b"\n", b"\x00\n", 5)),
        ("control.quiz.yaml", BANK.replace(b"title:", b"\x01title:", 1)),  # was a ReaderError
        ("truncated.quiz.yaml", BANK[: len(BANK) // 3]),
        ("long.quiz.yaml", b"format: kit-quiz/1\nid: " + b"x" * (1024 * 1024) + b"\n"),
    ],
)
def test_nasty_quiz_banks_fail_naming_the_file_and_never_run_code(tmp_path, name, raw):
    assert loads_or_names_the_file(Quiz.from_file, _write(tmp_path, name, raw)) is None
    assert not Path("/tmp/kit-fuzz-pwned").exists()


@pytest.mark.parametrize(
    "name, raw",
    [
        ("nested.json", b"[" * 100_000 + b"]" * 100_000),
        ("nested_doc.json", WORK[:-1] + b', "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
        ("utf16.json", WORK.decode().encode("utf-16-le")),
        ("nul.json", WORK.replace(b":", b":\x00", 1)),
        ("truncated.json", WORK[:-10]),
        ("long.json", WORK[:-1] + b', "x": "' + b"y" * BIG + b'"}'),
    ],
)
def test_nasty_work_files_fail_naming_the_file(tmp_path, name, raw):
    loads_or_names_the_file(read_document, _write(tmp_path, name, raw))


@pytest.mark.parametrize("verb", ["sources", "claims"])
@pytest.mark.parametrize(
    "name, raw",
    [
        ("nested.jsonl", b"[" * 100_000 + b"]" * 100_000 + b"\n"),
        ("utf16.jsonl", JSONL.decode().encode("utf-16-le")),
        ("nul.jsonl", JSONL.replace(b'"text"', b'"te\x00xt"', 1)),
        ("truncated.jsonl", JSONL[: len(JSONL) // 2]),
        ("long.jsonl", b'{"id": 1, "text": "' + b"word " * (BIG // 50) + b'"}\n'),
    ],
)
def test_nasty_jsonl_input_exits_0_or_2_naming_the_file(tmp_path, verb, name, raw):
    run_cli(verb, _write(tmp_path, name, raw))
