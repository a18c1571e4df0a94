"""`python -m kit collect`: every layout collects, every unused file is reported, none escapes."""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile
from pathlib import Path

import pandas as pd

from kit.classroom.classwork import load_class
from kit.classroom.collect import MAX_ZIP_MEMBERS, collect, merge_documents
from kit.work.store import read_document, safe_name
from tests import classroom_helpers as h
from tests.test_cli import run_kit

KNOWN = {h.ARTICLE_ID}
NAME = f"{h.ARTICLE_ID}.json"


def doc_bytes(student: str, spec: dict | None = None) -> bytes:
    return json.dumps(h.work_document(student, spec or h.STUDENTS.get(student, {}))).encode()


def put(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def statuses(report) -> list[tuple[str, str]]:
    return sorted((Path(e.source.split("!")[-1]).parent.name, e.status) for e in report.entries)


def collected(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob("*.json") if p.name[0] != ".")


# ---------------------------------------------------------------- layouts


def test_collects_a_folder_of_student_folders(tmp_path):
    src = h.make_class(tmp_path / "work")
    report = collect([src], tmp_path / "class", known_articles=KNOWN)
    assert collected(tmp_path / "class") == [f"{s}/{NAME}" for s in ("ana", "bo", "cy", "ed")]
    assert report.problems == []
    copy = (tmp_path / "class" / "bo" / NAME).read_bytes()
    assert copy == (src / "bo" / NAME).read_bytes()  # a single copy is kept byte for byte
    assert report.summary().startswith("collected 4 work files from 4 students")


def test_collects_an_nbgrader_submitted_tree_and_merges_two_assignments(tmp_path):
    sub = tmp_path / "course" / "submitted"
    # everyone left the default name "student" in notebook 0: nbgrader's folder names win
    put(
        sub / "ana" / "lesson1" / "notebooks" / "work" / "student" / NAME,
        doc_bytes("student", {"responses": {"c.reflection": "first"}}),
    )
    put(
        sub / "ana" / "lesson2" / "notebooks" / "work" / "student" / NAME,
        doc_bytes("student", {"quiz": {"q1": [1]}}),
    )
    put(sub / "bo" / "lesson1" / "notebooks" / "work" / "student" / NAME, doc_bytes("student"))
    put(sub / "bo" / "lesson1" / "timestamp.txt", b"2025-05-12 10:00:00")  # fmt: skip
    report = collect([tmp_path / "course"], tmp_path / "class", known_articles=KNOWN)
    assert collected(tmp_path / "class") == [f"ana/{NAME}", f"bo/{NAME}"]
    merged = read_document(tmp_path / "class" / "ana" / NAME)
    assert merged["student"] == "ana"
    assert merged["responses"]["c.reflection"]["value"] == "first"
    assert merged["quiz"]["mini"]["q1"]["attempts"][0]["response"] == 1
    assert [e.status for e in report.entries].count("merged") == 1
    assert report.problems == []
    # the submitted/ folder itself works as well
    again = collect([sub], tmp_path / "class2", known_articles=KNOWN)
    assert again.students == ["ana", "bo"]


def test_collects_a_class_zip_and_one_zip_per_student(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for s in ("ana", "bo"):
            zf.writestr(f"media-literacy/notebooks/work/{s}/{NAME}", doc_bytes(s))
        zf.writestr("media-literacy/notebooks/03.ipynb", "{}")
    put(tmp_path / "class.zip", buf.getvalue())
    report = collect([tmp_path / "class.zip"], tmp_path / "out", known_articles=KNOWN)
    assert report.students == ["ana", "bo"] and report.problems == []

    for s in ("cy", "ed"):  # each student zipped their own folder, keeping the default name
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr(f"media-literacy/notebooks/work/student/{NAME}", doc_bytes("student"))
        put(tmp_path / "zips" / f"{s}.zip", buf.getvalue())
    by_zip = collect(
        [tmp_path / "zips"], tmp_path / "out2", known_articles=KNOWN, student_from_zip=True
    )
    assert by_zip.students == ["cy", "ed"]


def test_the_sealed_keys_of_a_handed_back_copy_are_passed_over_like_its_manifest(tmp_path):
    """A student zips their whole copy back: its seeds/keys/*.sealed.json are the release's,
    not work, and make no line of the report (a work file of that name elsewhere still counts)."""
    sealed = b'{"format": "kit-sealed-key/1"}'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(f"media-literacy/notebooks/work/ana/{NAME}", doc_bytes("ana"))
        zf.writestr(f"media-literacy/seeds/keys/{h.ARTICLE_ID}.sealed.json", sealed)
    put(tmp_path / "in" / "ana.zip", buf.getvalue())
    put(tmp_path / "in" / "bo" / "media-literacy" / "seeds" / "keys" / "x.sealed.json", sealed)
    put(tmp_path / "in" / "bo" / "media-literacy" / "notebooks" / "work" / "bo" / NAME,
        doc_bytes("bo"))  # fmt: skip
    report = collect([tmp_path / "in"], tmp_path / "class", known_articles=KNOWN)
    assert statuses(report) == [("ana", "collected"), ("bo", "collected")]
    assert report.problems == []


def test_corrupt_duplicate_and_unknown_files_are_reported_never_dropped(tmp_path):
    src = h.make_class(tmp_path / "work")
    put(src / "zoe" / NAME, b'{"format": "kit-work/1", "annotations": "oops"')
    put(src / "copy" / "bo" / NAME, (src / "bo" / NAME).read_bytes())
    other = json.loads(doc_bytes("ana"))
    other["article_id"] = "not_in_the_course"
    put(src / "ana" / "not_in_the_course.json", json.dumps(other).encode())
    put(src / "ana" / "settings.json", b'{"theme": "dark"}')
    put(src / "cy" / f"{NAME}.broken-20250512T100000", b"{")
    report = collect([src], tmp_path / "class", known_articles=KNOWN)
    frame = pd.read_csv(tmp_path / "class" / "collect-report.csv", keep_default_na=False)
    by_status = frame.groupby("status")["source"].apply(list).to_dict()
    assert [Path(p).parent.name for p in by_status["corrupt"]] == ["zoe"]
    assert by_status["unknown article"] == [str(src / "ana" / "not_in_the_course.json")]
    assert (
        len(by_status["duplicate"]) == 1
        and "same as" in frame.loc[frame["status"] == "duplicate", "detail"].iloc[0]
    )
    assert [Path(p).name for p in by_status["skipped"]] == ["settings.json"]
    # a copy the kit set aside holds earlier work: the teacher hears of it
    assert [Path(p).name for p in by_status["set aside"]] == [f"{NAME}.broken-20250512T100000"]
    assert sorted(frame.loc[frame["problem"] == "yes", "status"]) == [
        "corrupt", "set aside", "unknown article",
    ]  # fmt: skip
    assert len(report.problems) == 3
    assert collected(tmp_path / "class") == [f"{s}/{NAME}" for s in ("ana", "bo", "cy", "ed")]


def test_a_lone_surrogate_in_a_comment_is_collected_and_indexed(tmp_path):
    # valid JSON (an escaped half of a surrogate pair) that is not valid UTF-8 once decoded
    doc = h.work_document("ana", h.STUDENTS["ana"])
    doc["annotations"][0]["body"].append(
        {"type": "TextualBody", "purpose": "commenting", "value": "half \ud800 pair"}
    )
    src = put(tmp_path / "work" / "ana" / NAME, json.dumps(doc).encode())
    assert b"\\ud800" in src.read_bytes()
    report = collect([tmp_path / "work"], tmp_path / "class", known_articles=KNOWN)
    assert not report.problems and collected(tmp_path / "class") == [f"ana/{NAME}"]
    work = load_class(tmp_path / "class")
    assert "half \ud800 pair" in set(work.highlights()["comment"])


def test_merging_keeps_every_edit(tmp_path):
    a = h.work_document("ana", {"sources": [("Mr Putin", "named_person")],
                                "quiz": {"q1": [0]}, "responses": {"x": "old"}})  # fmt: skip
    b = json.loads(json.dumps(a))
    b["modified"] = "2025-05-13T00:00:00Z"
    b["responses"]["x"] = {"value": "new", "modified": "2025-05-13T00:00:00Z"}
    b["quiz"]["mini"]["q1"]["attempts"].append(
        {"response": 1, "correct": True, "points": 1.0, "at": "2025-05-13T00:00:00Z"}
    )
    b["annotations"] = []
    merged = merge_documents([b, a])
    assert merged["responses"]["x"]["value"] == "new"
    assert [x["response"] for x in merged["quiz"]["mini"]["q1"]["attempts"]] == [0, 1]
    assert len(merged["annotations"]) == 1


def test_the_class_folder_inside_an_input_is_not_collected_again(tmp_path):
    src = h.make_class(tmp_path / "work")
    collect([src], src / "_class", known_articles=KNOWN)
    report = collect([src], src / "_class", known_articles=KNOWN)
    assert report.count("duplicate") == 0 and report.problems == []


# ---------------------------------------------------------------- safety


def zip_with(tmp_path: Path, entries, name: str = "evil.zip") -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for entry in entries:
            if isinstance(entry, zipfile.ZipInfo):
                zf.writestr(entry, entry.comment or b"")
            else:
                zf.writestr(*entry)
    return put(tmp_path / name, buf.getvalue())


def test_zip_slip_paths_are_refused_and_nothing_is_written_outside(tmp_path):
    z = zip_with(tmp_path, [
        (f"../../escape/{NAME}", doc_bytes("ana")),
        (f"/abs/ana/{NAME}", doc_bytes("ana")),
        (f"C:\\evil\\ana\\{NAME}", doc_bytes("ana")),
        (f"ok/work/bo/{NAME}", doc_bytes("bo")),
    ])  # fmt: skip
    report = collect([z], tmp_path / "out" / "class", known_articles=KNOWN)
    refused = [e for e in report.entries if e.status == "refused"]
    assert len(refused) == 3 and all("unsafe path" in e.detail for e in refused)
    assert not (tmp_path / "escape").exists() and not Path("/abs").exists()
    assert collected(tmp_path / "out" / "class") == [f"bo/{NAME}"]
    everything = {p for p in tmp_path.rglob("*") if p.is_file()}
    assert everything <= {z} | set((tmp_path / "out" / "class").rglob("*"))


def test_a_student_id_cannot_escape_the_class_folder(tmp_path):
    doc = json.loads(doc_bytes("ana"))
    doc["student"] = "../../etc"
    doc["article_id"] = "../../passwd"
    put(tmp_path / "in" / NAME, json.dumps(doc).encode())  # file at the root: its own name counts
    report = collect([tmp_path / "in"], tmp_path / "class")
    written = report.written[0].resolve()
    assert written.is_relative_to((tmp_path / "class").resolve())
    assert written.name == "passwd.json" and written.parent.name == safe_name("../../etc")


def test_links_inside_a_zip_are_refused(tmp_path):
    link = zipfile.ZipInfo(f"work/ana/{NAME}")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    link.comment = b"/etc/passwd"
    z = zip_with(tmp_path, [link])
    report = collect([z], tmp_path / "class", known_articles=KNOWN)
    assert [(e.status, e.detail) for e in report.entries] == [("refused", "a link inside the zip")]


def test_symlinks_pointing_outside_the_folder_are_not_followed(tmp_path):
    outside = h.make_class(tmp_path / "elsewhere")
    src = tmp_path / "work"
    src.mkdir()
    os.symlink(outside / "ana", src / "ana")  # a folder link
    (src / "bo").mkdir()
    os.symlink(outside / "bo" / NAME, src / "bo" / NAME)  # a file link
    put(src / "cy" / NAME, (outside / "cy" / NAME).read_bytes())
    report = collect([src], tmp_path / "class", known_articles=KNOWN)
    refused = sorted(e.detail for e in report.entries if e.status == "refused")
    assert refused == [
        "a link to a file outside the folder",
        "a link to a folder outside; not followed",
    ]
    assert collected(tmp_path / "class") == [f"cy/{NAME}"]


def test_zip_bombs_are_refused(tmp_path):
    bomb = zip_with(tmp_path, [(f"work/ana/{NAME}", b" " * (30 * 1024 * 1024))], "bomb.zip")
    report = collect([bomb], tmp_path / "class", known_articles=KNOWN)
    assert [e.status for e in report.entries] == ["refused"]
    assert "too big" in report.entries[0].detail or "zip bomb" in report.entries[0].detail

    dense = zip_with(tmp_path, [(f"work/ana/{NAME}", b"{" + b" " * (5 * 1024 * 1024) + b"}")],
                     "dense.zip")  # fmt: skip
    report = collect([dense], tmp_path / "class2", known_articles=KNOWN)
    assert "zip bomb" in report.entries[0].detail


def test_a_zip_with_too_many_files_is_refused(tmp_path):
    many = zip_with(tmp_path, [(f"w/{i}.txt", b"") for i in range(MAX_ZIP_MEMBERS + 1)])
    report = collect([many], tmp_path / "class", known_articles=KNOWN)
    assert report.entries[0].status == "refused" and "more than" in report.entries[0].detail


def test_a_damaged_zip_is_reported(tmp_path):
    bad = put(tmp_path / "bad.zip", b"PK\x03\x04 this is not really a zip")
    report = collect([bad], tmp_path / "class", known_articles=KNOWN)
    assert [(e.status, e.detail) for e in report.entries] == [
        ("corrupt", "not a readable zip file")
    ]


# ---------------------------------------------------------------- command line


def test_cli_collect_exits_0_when_everything_was_used(tmp_path):
    src = h.make_class(tmp_path / "work")
    out = run_kit("collect", str(src), "--out", str(tmp_path / "class"))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("collected 4 work files from 4 students")


def test_cli_collect_exits_2_with_one_line_per_problem(tmp_path):
    src = h.make_class(tmp_path / "work")
    put(src / "zoe" / NAME, b"{broken")
    out = run_kit("collect", str(src), str(tmp_path / "missing"), "--out", str(tmp_path / "c"))
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("kit: ") for line in lines)
    assert "zoe" in lines[0] or "zoe" in lines[1]
    assert "Traceback" not in out.stderr
    assert "2 problems" in out.stdout
