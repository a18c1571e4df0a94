"""One bad file never stops a class; limits hold where data enters the kit (issue 18).

Collect checks every field a class view reads and leaves a failing file out (reported); the
class tables, the dashboard's data and `quiz grade` never raise on what it lets through and
recompute quiz points from the teacher's bank; named pipes never hang a reader; zips, standard
input and articles are capped; huge integers and lone surrogates are one KitError.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from kit.articles.article import MAX_ARTICLE_CHARS, load_article
from kit.classroom.classwork import load_class
from kit.classroom.collect import collect
from kit.errors import KitError
from kit.files import read_stream
from kit.quiz.model import Quiz
from kit.work.export import to_dataframe
from tests import classroom_helpers as h
from tests.test_cli import ROOT, run_kit

NAME = f"{h.ARTICLE_ID}.json"


def put(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def every_view(class_dir: Path, seeds: Path) -> dict[str, object]:
    """Everything the dashboard and a teacher read of a class, made once."""
    work = load_class(class_dir, seeds=seeds, course=h.course())
    out: dict[str, object] = dict(work.tables())
    out["overview"] = work.overview().html
    out["heatmaps"] = [work.heatmap(a).html for a in work.article_ids]
    out["agreement"] = work.agreement()
    out["sources_missed"] = work.sources_missed()
    out["confusion"] = work.confusion()
    out["distribution"] = work.score_distribution()
    out["lesson B"] = work.subset(lesson="B").summary()
    out["export"] = work.export_csv(class_dir.parent / "export")
    out["report"] = work.report_html(class_dir.parent / "report.html")
    out["work"] = work
    return out


# ---------------------------------------------------------------- item 3: deep checks


def _damage(doc: dict, how: str) -> dict:
    if how == "attempts null":
        doc["quiz"]["mini"]["q1"]["attempts"] = None
    elif how == "selector end 10^30":
        doc["annotations"][0]["target"]["selector"][0]["end"] = 10**30
    elif how == "bank null":
        doc["quiz"] = {"mini": None}
    elif how == "student [null]":
        doc["student"] = [None]
    elif how == "attempt not an object":
        doc["quiz"]["mini"]["q1"]["attempts"] = [7]
    elif how == "points text":
        doc["quiz"]["mini"]["q1"]["attempts"][0]["points"] = "lots"
    elif how == "response nested":
        deep: object = 1
        for _ in range(100):
            deep = [deep]
        doc["quiz"]["mini"]["q1"]["attempts"][0]["response"] = deep
    elif how == "written answer null":
        doc["responses"]["c.reflection"] = None
    elif how == "end past the article":
        doc["annotations"][0]["target"]["selector"][0]["end"] = len(h.article().text) + 5
    elif how.startswith("earlier"):  # the other tab's texts kept with a written answer
        earlier = {
            "earlier not a list": 7,
            "earlier too many": [{"value": "x", "modified": ""}] * 100_000,
            "earlier text a list": [{"value": ["<script>"], "modified": ""}],
            "earlier time a number": [{"value": "x", "modified": 3}],
        }[how]
        doc["responses"]["c.reflection"]["earlier"] = earlier
    elif how.startswith("keys"):  # a practice copy's keys saved with an attempt
        keys = {
            "keys a list": ["ab" * 32],
            "keys too many": {f"option {i}": "zz" * 32 for i in range(100_000)},  # no real key
            "keys value nested": {"option 1": {"a": ["ab" * 32]}},
            "keys value huge": {"option 1": "ab" * 2_000_000},
        }[how]
        doc["quiz"]["mini"]["q1"]["attempts"][0]["keys"] = keys
    return doc


DAMAGES = [
    "attempts null", "selector end 10^30", "bank null", "student [null]",
    "attempt not an object", "points text", "response nested", "written answer null",
    "end past the article",
    "earlier not a list", "earlier too many", "earlier text a list", "earlier time a number",
    "keys a list", "keys too many", "keys value nested", "keys value huge",
]  # fmt: skip
#: Where each damage is, as the report says it (file, place), for the damages that say one.
PLACES = {
    "earlier not a list": "written answer 'c.reflection': 'earlier'",
    "earlier too many": "written answer 'c.reflection': 'earlier'",
    "earlier text a list": "written answer 'c.reflection', earlier text 1",
    "earlier time a number": "written answer 'c.reflection', earlier text 1",
    "keys a list": "quiz 'mini', question 'q1', attempt 1: 'keys'",
    "keys too many": "quiz 'mini', question 'q1', attempt 1: 'keys'",
    "keys value nested": "quiz 'mini', question 'q1', attempt 1: key 'option 1'",
    "keys value huge": "quiz 'mini', question 'q1', attempt 1: key 'option 1'",
}


@pytest.mark.parametrize("how", DAMAGES)
def test_collect_reports_a_malformed_file_and_the_class_still_opens(tmp_path, how):
    src = h.make_class(tmp_path / "work")
    seeds = h.make_seeds(tmp_path / "seeds")
    bad = src / "ana" / NAME
    bad.write_text(json.dumps(_damage(json.loads(bad.read_text()), how)))
    out = run_kit(
        "collect", str(src), "--out", str(tmp_path / "class"), "--seeds", str(seeds), cwd=tmp_path
    )
    assert out.returncode == 2, out.stdout + out.stderr
    assert "Traceback" not in out.stderr
    assert str(bad) in out.stderr and "corrupt" in out.stderr
    assert PLACES.get(how, "") in out.stderr and "leave the file out" in out.stderr
    assert not (tmp_path / "class" / "ana").exists()  # left out of the class, never passed on
    views = every_view(tmp_path / "class", seeds)
    assert "ana" not in set(views["scores"]["student"])
    assert set(views["scores"]["student"]) >= {"bo", "ed"}


@pytest.mark.parametrize("how", DAMAGES)
def test_views_and_grading_never_raise_on_a_malformed_file_put_in_by_hand(tmp_path, how):
    """A class folder filled without collect: the bad file is one problem line, not a crash."""
    cls = h.make_class(tmp_path / "class")
    seeds = h.make_seeds(tmp_path / "seeds")
    bad = cls / "ana" / NAME
    bad.write_text(json.dumps(_damage(json.loads(bad.read_text()), how)))
    views = every_view(cls, seeds)
    work = views["work"]
    assert any(str(bad) in p for p in work.problems)
    quiz = Quiz.from_file(seeds / "mini.quiz.yaml")
    graded = quiz.grade_class(cls)
    if how not in ("selector end 10^30", "end past the article"):  # grading reads no highlight
        assert graded.loc[graded["student"] == "ana", "problem"].notna().all()
    assert set(graded.loc[graded["question"].notna(), "student"]) >= {"bo", "ed"}
    out = run_kit("quiz", "grade", str(seeds / "mini.quiz.yaml"), "--work", str(cls))
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr


def test_earlier_texts_and_attempt_keys_in_the_shape_the_kit_writes_are_collected_and_escaped(
    tmp_path,
):
    """Earlier texts and a practice copy's keys as the widgets save them pass collect; what a
    student typed in them reaches no page of the dashboard or report as markup."""
    src = h.make_class(tmp_path / "work")
    seeds = h.make_seeds(tmp_path / "seeds")
    path = src / "ana" / NAME
    doc = json.loads(path.read_text())
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    doc["responses"]["c.reflection"]["earlier"] = [
        {"value": evil, "modified": "2025-05-12T10:20:00Z"}
    ] * 10
    doc["quiz"]["mini"]["q1"]["attempts"][0]["keys"] = {
        f"text {evil} {i}": "ab" * 32 for i in range(64)
    }
    doc["responses"]["c.reflection"]["value"] = evil
    path.write_text(json.dumps(doc))
    report = collect([src], tmp_path / "class", known_articles=[h.ARTICLE_ID])
    assert report.problems == [] and (tmp_path / "class" / "ana" / NAME).is_file()
    views = every_view(tmp_path / "class", seeds)
    assert not views["work"].problems
    pages = [views["overview"], *views["heatmaps"], Path(views["report"]).read_text()]
    import kit

    dash = kit.dashboard(tmp_path / "class", seeds=seeds, course=h.course())
    pages += [dash.view.value, dash.heat.value]
    assert all("<script" not in page and "<img src=x" not in page for page in pages)
    assert evil in set(views["reflections"]["value"])  # the teacher's table: as typed
    # Put in the class folder by hand, a bad key is a problem line naming it, escaped
    doc["quiz"]["mini"]["q1"]["attempts"][0]["keys"] = {evil: ["not text"]}
    (tmp_path / "class" / "ana" / NAME).write_text(json.dumps(doc))
    views = every_view(tmp_path / "class", seeds)
    assert any("key '<script>alert(1)</script>" in p for p in views["work"].problems)
    for page in (views["overview"], Path(views["report"]).read_text()):
        assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# ---------------------------------------------------------------- item 10: points recomputed


def test_scores_recompute_points_from_the_teachers_bank(tmp_path):
    cls = h.make_class(tmp_path / "class")
    seeds = h.make_seeds(tmp_path / "seeds")
    path = cls / "bo" / NAME
    doc = json.loads(path.read_text())
    for entry in doc["quiz"]["mini"].values():  # bo says every wrong answer was worth 48.78
        for att in entry["attempts"]:
            att["points"], att["correct"] = 48.78, True
    path.write_text(json.dumps(doc))
    work = load_class(cls, seeds=seeds, course=h.course())
    scores = work.scores().set_index("student")
    assert scores.loc["bo", "score"] <= 100
    # bo: q1 right on the second try (1 point), q2 wrong (0): as the bank grades it
    assert scores.loc["bo", "points"] == 1.0 and scores.loc["bo", "right_first_try"] == 0
    answers = work.quiz_answers()
    q2 = answers[(answers["student"] == "bo") & (answers["question"] == "q2")]
    assert list(q2["correct"]) == [False] and list(q2["points"]) == [0.0]
    graded = Quiz.from_file(seeds / "mini.quiz.yaml").grade_class(cls)
    mine = graded[graded["student"] == "bo"].set_index("question")
    assert scores.loc["bo", "points"] == mine["points"].sum()


def test_without_the_teachers_bank_recorded_points_are_capped(tmp_path):
    cls = h.make_class(tmp_path / "class")
    seeds = h.make_seeds(tmp_path / "seeds")
    (seeds / "mini.quiz.yaml").unlink()
    path = cls / "bo" / NAME
    doc = json.loads(path.read_text())
    doc["quiz"]["mini"]["q2"]["attempts"][0]["points"] = 4877.0
    path.write_text(json.dumps(doc))
    scores = load_class(cls, seeds=seeds, course=h.course()).scores().set_index("student")
    assert scores["score"].max() <= 100


# ---------------------------------------------------------------- item 5: named pipes


def _in_time(fn, seconds: float = 20.0):
    """Run fn in a thread; fail (instead of hanging the suite) when it does not return."""
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["value"] = fn()
        except BaseException as e:  # noqa: BLE001 - handed to the test
            result["error"] = e

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    if t.is_alive():  # the fixture unblocks the reader afterwards
        pytest.fail(f"{fn} hung on a named pipe")
    if "error" in result:
        raise result["error"]  # type: ignore[misc]
    return result.get("value")


@pytest.fixture
def fifo_folder(tmp_path):
    src = h.make_class(tmp_path / "work")
    os.mkfifo(src / "ana" / "zz.json")
    os.mkfifo(src / "bo" / "pipe.zip")
    yield src
    for p in (src / "ana" / "zz.json", src / "bo" / "pipe.zip"):  # free any thread still waiting
        try:
            fd = os.open(p, os.O_WRONLY | os.O_NONBLOCK)
            os.close(fd)
        except OSError:
            pass


def test_a_named_pipe_never_hangs_collect(fifo_folder, tmp_path):
    report = _in_time(lambda: collect([fifo_folder], tmp_path / "class"))
    refused = {Path(e.source).name for e in report.problems if e.status == "refused"}
    assert refused == {"zz.json", "pipe.zip"}
    assert report.students == ["ana", "bo", "cy", "ed"]
    out = run_kit("collect", str(fifo_folder / "bo" / "pipe.zip"), "--out", str(tmp_path / "c2"))
    assert out.returncode == 2 and "refused" in out.stderr


def test_a_named_pipe_never_hangs_grading_export_or_info(fifo_folder, tmp_path):
    (fifo_folder / "fay").mkdir()
    os.mkfifo(fifo_folder / "fay" / NAME)  # where grading looks for the quiz's article
    seeds = h.make_seeds(tmp_path / "seeds")
    quiz = Quiz.from_file(seeds / "mini.quiz.yaml")
    graded = _in_time(lambda: quiz.grade_class(fifo_folder))
    assert set(graded["student"]) >= {"ana", "bo"}
    frame = _in_time(lambda: to_dataframe(fifo_folder))
    assert set(frame["student"]) >= {"ana", "bo"}
    out = run_kit("info", str(fifo_folder / "ana" / "zz.json"))
    assert out.returncode == 2 and "regular file" in out.stderr, out.stderr


# ---------------------------------------------------------------- item 7: zip bombs


def test_a_zip_bomb_of_padded_work_files_is_refused_quickly_with_little_memory(tmp_path):
    one = h.work_document("x", h.STUDENTS["ana"])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for i in range(300):  # work files padded to just under 1 MiB: 300 MiB from about 1 MB
            doc = json.dumps(dict(one, student=f"s{i}")).encode()
            pad = b" " * (1024 * 1024 - len(doc) - 1)
            zf.writestr(f"work/s{i}/{NAME}", doc[:-1] + pad + b"}")
    bomb = put(tmp_path / "class.zip", buf.getvalue())
    assert bomb.stat().st_size < 2_000_000
    tracemalloc.start()
    try:
        report = collect([bomb], tmp_path / "class")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 40 * 1024 * 1024
    assert report.written == [] and report.problems
    assert "zip bomb" in report.problems[0].detail


def test_a_zip_named_on_the_command_line_is_read_as_needed_not_whole(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(f"work/ana/{NAME}", json.dumps(h.work_document("ana", h.STUDENTS["ana"])))
        zf.writestr("video.mp4", os.urandom(40 * 1024 * 1024), zipfile.ZIP_STORED)
    big = put(tmp_path / "class.zip", buf.getvalue())
    del buf
    tracemalloc.start()
    try:
        report = collect([big], tmp_path / "class")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.students == ["ana"]
    assert peak < 20 * 1024 * 1024  # the 40 MB zip was never in memory


# ---------------------------------------------------------------- item 8: huge integers


HUGE = "9" * 5000


def test_a_5000_digit_integer_in_an_article_or_work_file_is_a_kit_error(tmp_path):
    art = put(
        tmp_path / "seeds" / "big.json",
        f'{{"title": "T", "text": "Officials said it works.", "n": {HUGE}}}'.encode(),
    )
    with pytest.raises(KitError, match="too long"):
        load_article(art)
    for cmd in ("info", "sources", "claims"):
        out = run_kit(cmd, str(art))
        assert out.returncode == 2 and "Traceback" not in out.stderr, (cmd, out.stderr)
        assert "too long" in out.stderr
    line = f'{{"id": 1, "text": "Officials said it works.", "n": {HUGE}}}\n'
    for cmd in ("sources", "claims"):
        out = subprocess.run(
            [sys.executable, "-m", "kit", cmd, "--jsonl", "-"],
            input=line, capture_output=True, text=True, cwd=ROOT, timeout=60,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )  # fmt: skip
        assert out.returncode == 2 and "Traceback" not in out.stderr, (cmd, out.stderr)
    # one such file in a seeds folder: a problem line, never a broken class or collection
    h.make_seeds(tmp_path / "seeds")
    cls = h.make_class(tmp_path / "class")
    work_bad = put(cls / "ana" / "other.json", f'{{"format": "kit-work/1", "n": {HUGE}}}'.encode())
    work = load_class(cls, seeds=tmp_path / "seeds", course=h.course())
    assert any("big.json" in p for p in work.problems)
    assert any(str(work_bad) in p for p in work.problems)
    out = run_kit(
        "collect", str(cls), "--out", str(tmp_path / "c"), "--seeds", str(tmp_path / "seeds")
    )
    assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr


# ---------------------------------------------------------------- item 11: sizes, encodings


def test_an_article_over_the_documented_cap_is_refused_quickly(tmp_path):
    para = "Officials said on Tuesday that the plan would work, the minister claimed. " * 10
    n = MAX_ARTICLE_CHARS // len(para) + 10
    big = put(tmp_path / "big.txt", ("Headline\n\n" + "\n\n".join([para] * n)).encode())
    with pytest.raises(KitError) as e:
        load_article(big)
    cap = f"{MAX_ARTICLE_CHARS // (1024 * 1024)} MB"
    assert cap in e.value.problem
    docs = (ROOT / "docs" / "reference" / "articles.md").read_text()
    assert f"{cap} of text" in docs  # the message's number is the documented one


def test_utf32_is_read_as_utf32(tmp_path):
    for enc in ("utf-32", "utf-32-be"):
        data = "Headline\n\nThe minister said: “it works”.".encode(enc)
        if enc == "utf-32-be":
            data = b"\x00\x00\xfe\xff" + data
        a = load_article(put(tmp_path / f"{enc}.txt", data))
        assert a.title == "Headline" and "\x00" not in a.text and a.encoding == "utf-32"


def test_lone_surrogates_are_a_kit_error_and_print_safely(tmp_path):
    bad = put(tmp_path / "s.json", b'{"title": "T", "text": "Officials \\ud800 said it."}')
    with pytest.raises(KitError, match="surrogate"):
        load_article(bad)
    odd = put(tmp_path / "o.json", b'{"title": "T", "outlet": "\\udc80", "text": "He said it."}')
    for path, code in ((bad, 2), (odd, 0)):
        out = run_kit("info", str(path))
        assert out.returncode == code and "Traceback" not in out.stderr, out.stderr
    line = '{"id": 1, "text": "Officials \\ud800 said it."}\n'
    out = subprocess.run(
        [sys.executable, "-m", "kit", "sources", "--jsonl", "-"],
        input=line, capture_output=True, text=True, cwd=ROOT, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert out.returncode == 2 and "line 1" in out.stderr and "Traceback" not in out.stderr


class _Endless(io.RawIOBase):
    """Standard input that never ends; reading it without a cap fails the test."""

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        b[:] = b"x" * len(b)
        return len(b)

    def readall(self) -> bytes:
        raise AssertionError("standard input read without a cap")


def test_standard_input_is_capped(monkeypatch):
    from kit import cli

    stdin = io.TextIOWrapper(io.BufferedReader(_Endless()))
    monkeypatch.setattr(sys, "stdin", stdin)
    with pytest.raises(KitError, match="MB the kit reads"):
        cli._read_jsonl("-")
    with pytest.raises(KitError, match="more than"):
        read_stream(io.BytesIO(b"x" * 11), "<stdin>", 10)


def test_the_size_message_gives_the_documented_number(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:  # sparse: no 51 MB written
        f.truncate(51 * 1024 * 1024)
    with pytest.raises(KitError) as e:
        load_article(big)
    assert "over the 50 MB the kit reads" in e.value.problem  # the README's and docs' 50 MB
    assert "> 50 MB" in (ROOT / "docs" / "reference" / "articles.md").read_text()
