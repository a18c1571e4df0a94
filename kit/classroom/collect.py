"""Collect students' work files into one class folder, reporting every file that is not used.

Inputs, in any mix: a folder of student folders (`<student>/<article>.json`, a shared work
folder), an nbgrader tree (`submitted/<student>/<assignment>/.../<article>.json`) and zip files
(one per student, or one for the class; a zip inside a zip is opened once). Each work file is
checked by `kit.work.reader`, as every work file is. The class folder gets
`<student>/<article_id>.json` and `collect-report.csv`, one row per file met: collected,
duplicate (an identical copy, counted once), merged (different copies of the same student's work
on one article, e.g. from two nbgrader assignments), or a problem: corrupt, unknown article,
refused (unsafe) or skipped.

Safety: zip members are read into memory (never extracted by name), with limits on members,
sizes and compression ratio; paths with `..`, absolute paths and links are refused; links in a
folder that point outside it are not followed; nothing is written outside the class folder.
"""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import pandas as pd

from kit.articles.article import Article
from kit.classroom import index as class_index
from kit.classroom.manifest import MANIFEST_NAME, Manifest, texts_of, write_manifest
from kit.errors import KitError
from kit.files import RefusedFile, atomic_write_text, open_regular, read_bytes
from kit.progress import progress
from kit.work.annotations import AnnotationRow
from kit.work.keys import SEALED_SUFFIX
from kit.work.reader import (
    MAX_WORK_FILE_BYTES,
    check_class_fields,
    is_other_json,
    parse_work_rows,
    parse_work_summary,
    rows_from_w3c,
)
from kit.work.store import safe_name, work_path

#: Most files the kit looks at in one zip, and in one folder tree.
MAX_ZIP_MEMBERS = 20_000
MAX_FOLDER_FILES = 200_000
#: Most bytes unpacked from all zips of one collection (zip bombs stop here): a class of 300
#: students x 10 articles is about 63 MB.
MAX_TOTAL_BYTES = 512 * 1024 * 1024
#: Largest unpacked/packed size ratio accepted for a member bigger than RATIO_FLOOR bytes, and
#: for a whole zip unpacking to more than RATIO_FLOOR (work files pack 5 to 10 times).
MAX_RATIO = 100
RATIO_FLOOR = 64 * 1024
NBGRADER_FOLDERS = ("submitted", "autograded")
REPORT_NAME = "collect-report.csv"
REPORT_COLUMNS = ["source", "student", "article_id", "status", "problem", "detail"]
OK_STATUSES = ("collected", "merged", "duplicate", "skipped")
UNKNOWN_FIX = (
    "not in the course: no released notebook loads it; run collect in your course folder (or "
    "the nbgrader course folder you released into), or add --seeds DIR with the article's file"
)
SET_ASIDE = (
    "a copy the kit set aside because it could not read it: the student's earlier work may be "
    "in it; open it in a text editor, or ask the student what they did"
)


@dataclass(frozen=True)
class Entry:
    """One line of the collection report: a file met, and what became of it."""

    source: str
    student: str
    article_id: str
    status: str
    detail: str = ""

    @property
    def problem(self) -> bool:
        """True when the teacher should look at this file."""
        return self.status not in OK_STATUSES

    def message(self) -> str:
        """One line: where, and what became of it."""
        return f"{self.source}: {self.status}" + (f" ({self.detail})" if self.detail else "")


@dataclass
class CollectReport:
    """What a collection did: every file met, and the work files written."""

    out: Path
    entries: list[Entry] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)

    @property
    def problems(self) -> list[Entry]:
        """The entries the teacher should look at."""
        return [e for e in self.entries if e.problem]

    @property
    def students(self) -> list[str]:
        """The students whose work was written, sorted."""
        return sorted({p.parent.name for p in self.written})

    def count(self, status: str) -> int:
        """How many files ended with this status."""
        return sum(e.status == status for e in self.entries)

    def to_frame(self) -> pd.DataFrame:
        """The report as a table (what collect-report.csv holds)."""
        rows = [
            {
                "source": e.source,
                "student": e.student,
                "article_id": e.article_id,
                "status": e.status,
                "problem": "yes" if e.problem else "no",
                "detail": e.detail,
            }
            for e in self.entries
        ]
        return pd.DataFrame(rows, columns=REPORT_COLUMNS)

    def summary(self) -> str:
        """One line for the terminal."""
        extra = []
        if self.count("duplicate"):
            extra.append(f"{self.count('duplicate')} identical copies counted once")
        if self.count("merged"):
            extra.append(f"{self.count('merged')} copies merged")
        line = (
            f"collected {len(self.written)} work files from {len(self.students)} students "
            f"into {self.out}" + (f" ({'; '.join(extra)})" if extra else "")
        )
        if self.problems:
            line += f"; {len(self.problems)} problems, listed in {self.out / REPORT_NAME}"
        return line

    def __repr__(self) -> str:
        return f"CollectReport({self.summary()})"


@dataclass
class _Budget:
    used: int = 0
    files: int = 0


@dataclass(frozen=True)
class _Candidate:
    source: str  # where it was found, for the report
    parts: tuple[str, ...]  # its path inside the input, split
    data: bytes
    zip_name: str | None = None  # the zip it came from (for --student-from-zip)


#: One work file found: where, the document fields the index keeps (student, article id, text
#: fingerprint, quiz, responses; see reader.summary_of) and its annotations as rows.
_Found = tuple[_Candidate, dict[str, Any], tuple[AnnotationRow, ...]]


def _release_key(folder: str, name: str) -> bool:
    """A sealed answer key a release ships (`seeds/keys/<id>.sealed.json`): part of the copy a
    student hands back, not their work, so collect passes over it as over the manifest."""
    return folder == "keys" and name.lower().endswith(SEALED_SUFFIX)


def collect(
    inputs: Sequence[str | Path],
    out: str | Path,
    *,
    known_articles: Iterable[str] | None = None,
    student_from_zip: bool = False,
    articles: Mapping[str, Article] | None = None,
    manifest: Manifest | None = None,
) -> CollectReport:
    """Gather every work file under `inputs` into `out`; returns the report (also in `out`).

    `known_articles`: article ids of the course (others are reported, not collected).
    `student_from_zip`: name each student after their zip file (one zip per student).
    `articles`: the course's articles by id (the teacher's `seeds/`): highlights are checked
    against their length.
    `manifest`: what the releases held (kit.classroom.manifest): work on its articles is
    accepted and checked against their length; it is kept in `out` for the dashboard.
    """
    out_dir = Path(out)
    if out_dir.exists() and not out_dir.is_dir():
        raise KitError("the class folder is a file", path=out_dir, fix="give a folder name")
    out_dir.mkdir(parents=True, exist_ok=True)
    report = CollectReport(out_dir)
    known = set(known_articles) if known_articles is not None else None
    if known is not None and manifest is not None:
        known |= set(manifest.article_ids)
    if known is not None and articles:
        known |= set(articles)
    texts = {**(manifest.texts() if manifest else {}), **texts_of(articles or {})}
    budget = _Budget()
    groups: dict[tuple[str, str], list[_Found]] = {}
    with class_index.bulk():
        met = (c for item in inputs for c in _candidates(Path(item), out_dir, budget, report))
        for cand in progress(met, "reading files"):
            _classify(cand, known, texts, student_from_zip, groups, report)
        index = _write_all(groups, out_dir, report)
        class_index.write(out_dir, index)
        # Freed here, while the cycle collector still sleeps: woken with them alive, its first
        # pass would walk every parsed document once more.
        del groups, index
    atomic_write_text(out_dir / REPORT_NAME, report.to_frame().to_csv(index=False))
    if manifest is not None:
        write_manifest(out_dir, manifest)
    return report


def _write_all(
    groups: dict[tuple[str, str], list[_Found]], out_dir: Path, report: CollectReport
) -> dict[str, class_index.IndexedFile]:
    """Write one file per student and article; returns their index entries."""
    folders: dict[str, Path] = {}
    index: dict[str, class_index.IndexedFile] = {}
    for (student, article_id), found in progress(sorted(groups.items()), "writing the class"):
        data, doc, anns = _resolve(student, article_id, found, report)
        if student not in folders:  # checked once per student: inside the class folder
            folders[student] = _student_folder(out_dir, student, article_id)
        target = folders[student] / f"{article_id}.json"
        if target.is_symlink():
            raise KitError("a link is in the class folder", path=target, fix="remove it")
        st = _write(target, data)
        report.written.append(target)
        index[f"{target.parent.name}/{target.name}"] = class_index.indexed_file(doc, anns, st)
    return index


def _student_folder(out_dir: Path, student: str, article_id: str) -> Path:
    """The student's folder in the class folder, made if needed; never outside it."""
    folder = out_dir / student
    try:
        folder.mkdir()  # new: a real folder, so inside (student is one safe path component)
        return folder
    except FileExistsError:
        if stat.S_ISDIR(os.lstat(folder).st_mode):  # an existing real folder: inside too
            return folder
    except OSError:
        pass
    folder = work_path(student, article_id, out_dir).parent  # a link, or odd: check it fully
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# ---------------------------------------------------------------- finding files


def _candidates(
    item: Path, out_dir: Path, budget: _Budget, report: CollectReport
) -> Iterator[_Candidate]:
    if item.is_symlink() and not item.exists():
        report.entries.append(Entry(str(item), "", "", "refused", "a broken link"))
        return
    if item.is_dir():
        yield from _folder(item, out_dir, budget, report)
    elif item.is_file() and item.suffix.lower() == ".zip":
        yield from _zip_file(item, budget, report)
    elif item.is_file() and item.suffix.lower() == ".json":
        data = _read_limited(item, report)
        if data is not None:
            yield _Candidate(str(item), (item.name,), data)
    elif not item.exists():
        report.entries.append(Entry(str(item), "", "", "refused", "no such file or folder"))
    else:
        report.entries.append(
            Entry(str(item), "", "", "refused", "not a folder, a zip or a .json file")
        )


def _folder(root: Path, out_dir: Path, budget: _Budget, report: CollectReport):
    real_root = root.resolve()
    top = (real_root.name,)  # the folder's own name counts when it is `submitted/`
    out_stat = out_dir.stat()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        if os.path.samestat(os.stat(dirpath), out_stat):
            dirnames[:] = []  # never collect the class folder into itself
            continue
        inner_dir = here.relative_to(root).parts
        keep = []
        for d in sorted(dirnames):
            if d.startswith("."):
                continue
            p = here / d
            if p.is_symlink():
                target = p.resolve()
                if not target.is_relative_to(real_root):
                    report.entries.append(
                        Entry(str(p), "", "", "refused", "a link to a folder outside; not followed")
                    )
                    continue
                # a link inside the tree: its files are met under their real path
                continue
            keep.append(d)
        dirnames[:] = keep
        for name in sorted(filenames):
            if name.startswith(".") or name == MANIFEST_NAME:  # the release's own list
                continue
            if _release_key(here.name, name):  # a sealed key the release shipped
                continue
            p = here / name
            lower = name.lower()
            if ".json.broken-" in lower:
                report.entries.append(Entry(str(p), "", "", "set aside", SET_ASIDE))
                continue
            if not (lower.endswith(".json") or lower.endswith(".zip")):
                continue
            try:
                st = os.lstat(p)
            except OSError:
                st = None  # gone meanwhile: _read_limited says so
            if st is not None and stat.S_ISLNK(st.st_mode):
                if not p.resolve().is_relative_to(real_root):
                    report.entries.append(
                        Entry(str(p), "", "", "refused", "a link to a file outside the folder")
                    )
                    continue
                st = None  # its target's size is checked
            budget.files += 1
            if budget.files > MAX_FOLDER_FILES:
                report.entries.append(
                    Entry(str(root), "", "", "refused", f"more than {MAX_FOLDER_FILES} files")
                )
                return
            inner = (*inner_dir, name)
            parts = top + inner if len(inner) > 1 else inner
            if lower.endswith(".zip"):
                yield from _zip_file(p, budget, report)
                continue
            data = _read_limited(p, report, st=st)
            if data is not None:
                yield _Candidate(str(p), parts, data)


def _read_limited(
    p: Path,
    report: CollectReport,
    limit: int = MAX_WORK_FILE_BYTES,
    st: os.stat_result | None = None,
):
    """The file's bytes, or None (reported) when it is too big, not a regular file (a named
    pipe would hang) or cannot be read (`st`: its stat when already known)."""
    if st is not None and stat.S_ISREG(st.st_mode) and st.st_size > limit:
        report.entries.append(
            Entry(
                str(p), "", "", "refused", f"{st.st_size / 1e6:.1f} MB is too big for a work file"
            )
        )
        return None
    try:
        return read_bytes(p, limit)
    except KitError as e:
        status = "refused" if isinstance(e, RefusedFile) else "corrupt"
        report.entries.append(Entry(str(p), "", "", status, e.problem))
        return None


def _zip_file(p: Path, budget: _Budget, report: CollectReport) -> Iterator[_Candidate]:
    """The work files in the zip file `p`, read from disk as needed (never whole)."""
    try:
        f = open_regular(p, MAX_TOTAL_BYTES)
    except KitError as e:
        status = "refused" if isinstance(e, RefusedFile) else "corrupt"
        report.entries.append(Entry(str(p), "", "", status, e.problem))
        return
    with f:
        yield from _zip(f, str(p), p.stem, budget, report, depth=0)


def _zip(
    data: Any, source: str, stem: str, budget: _Budget, report: CollectReport, depth: int
) -> Iterator[_Candidate]:
    """The work files in a zip (`data`: its bytes, or an open file read as needed)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data)
        infos = zf.infolist()
        packed = len(data) if isinstance(data, bytes) else os.fstat(data.fileno()).st_size
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        report.entries.append(Entry(source, "", "", "corrupt", "not a readable zip file"))
        return
    if len(infos) > MAX_ZIP_MEMBERS:
        report.entries.append(
            Entry(source, "", "", "refused", f"{len(infos)} files, more than {MAX_ZIP_MEMBERS}")
        )
        return
    unpacked = sum(i.file_size for i in infos)
    if unpacked > RATIO_FLOOR and unpacked > MAX_RATIO * max(packed, 1):
        report.entries.append(
            Entry(
                source,
                "",
                "",
                "refused",
                f"unpacks to {unpacked / 1e6:.0f} MB from {packed / 1e6:.1f} MB: packed too "
                "tightly to be real work (zip bomb?)",
            )
        )
        return
    for info in infos:
        name = info.filename
        where = f"{source}!{name}"
        if info.is_dir():
            continue
        parts = PurePosixPath(name.replace("\\", "/")).parts
        lower = name.lower()
        wanted = lower.endswith(".json") or lower.endswith(".zip")
        if not wanted or any(p.startswith(".") and p not in (".", "..") for p in parts):
            continue
        if parts and parts[-1] == MANIFEST_NAME:  # the release's own list, not student work
            continue
        if len(parts) > 1 and _release_key(parts[-2], parts[-1]):  # a sealed key it shipped
            continue
        if _unsafe_name(name, parts):
            report.entries.append(Entry(where, "", "", "refused", "unsafe path in the zip"))
            continue
        if stat.S_ISLNK(info.external_attr >> 16):
            report.entries.append(Entry(where, "", "", "refused", "a link inside the zip"))
            continue
        limit = MAX_TOTAL_BYTES if lower.endswith(".zip") else MAX_WORK_FILE_BYTES
        if info.file_size > limit:
            report.entries.append(Entry(where, "", "", "refused", "too big when unpacked"))
            continue
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            report.entries.append(
                Entry(where, "", "", "refused", "packed too tightly to be real work (zip bomb?)")
            )
            continue
        if budget.used + info.file_size > MAX_TOTAL_BYTES:
            report.entries.append(
                Entry(where, "", "", "refused", "over the total size the kit unpacks")
            )
            continue
        try:
            with zf.open(info) as f:
                blob = f.read(limit + 1)  # never trust the declared size
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as e:
            reason = "password-protected" if "encrypted" in str(e) else "damaged in the zip"
            report.entries.append(Entry(where, "", "", "corrupt", reason))
            continue
        if len(blob) > limit:
            report.entries.append(Entry(where, "", "", "refused", "too big when unpacked"))
            continue
        budget.used += len(blob)
        if lower.endswith(".zip"):
            if depth >= 1:
                report.entries.append(Entry(where, "", "", "refused", "a zip in a zip in a zip"))
                continue
            yield from _zip(blob, where, PurePosixPath(parts[-1]).stem, budget, report, depth + 1)
            continue
        yield _Candidate(where, parts, blob, zip_name=stem)


def _unsafe_name(name: str, parts: tuple[str, ...]) -> bool:
    return (
        name.startswith(("/", "\\"))
        or (len(name) > 1 and name[1] == ":")
        or ".." in parts
        or "\x00" in name
    )


# ---------------------------------------------------------------- sorting them out


def _classify(
    cand: _Candidate,
    known: set[str] | None,
    texts: Mapping[str, tuple[int, str]],
    student_from_zip: bool,
    groups: dict[tuple[str, str], list[_Found]],
    report: CollectReport,
) -> None:
    if is_other_json(cand.data):  # not a work file: say so (a broken one is reported below)
        report.entries.append(Entry(cand.source, "", "", "skipped", "not a kit work file"))
        return
    try:
        doc, anns = parse_work_summary(cand.data, cand.source)
    except KitError as e:
        report.entries.append(Entry(cand.source, "", "", "corrupt", e.problem))
        return
    student_name = _student(cand, doc, student_from_zip)
    try:
        student = safe_name(student_name)
        article_id = safe_name(
            str(doc.get("article_id") or Path(cand.parts[-1]).stem), "article id"
        )
    except KitError as e:
        report.entries.append(Entry(cand.source, "", "", "refused", e.problem))
        return
    if known is not None and article_id not in known:
        report.entries.append(
            Entry(cand.source, student, article_id, "unknown article", UNKNOWN_FIX)
        )
        return
    length, sha = texts.get(article_id, (None, None))
    if length is not None and doc.get("text_sha", sha) != sha:
        length = None  # made on another version of the text: re-anchored by quote later
    try:
        check_class_fields(doc, anns, cand.source, length)
    except KitError as e:  # the place in the file, and what to do
        detail = f"{e.problem}; {e.fix}" if e.fix else e.problem
        report.entries.append(Entry(cand.source, student, article_id, "corrupt", detail))
        return
    # Only the summary and rows are kept (what the index needs): a whole class is never in
    # memory at once. Copies of one file are parsed again, whole, to compare.
    groups.setdefault((student, article_id), []).append((cand, doc, anns))


def _student(cand: _Candidate, doc: dict[str, Any], student_from_zip: bool) -> str:
    """Who the work belongs to: nbgrader's student folder, the zip's name, or the work folder."""
    parts = cand.parts
    for i, part in enumerate(parts[:-2]):
        if part in NBGRADER_FOLDERS:
            return parts[i + 1]
    if student_from_zip and cand.zip_name:
        return cand.zip_name
    if len(parts) >= 2 and parts[-2] != "work":
        return parts[-2]
    return str(doc.get("student") or "")


def _resolve(
    student: str,
    article_id: str,
    found: list[_Found],
    report: CollectReport,
) -> tuple[bytes, dict[str, Any], tuple[AnnotationRow, ...]]:
    """The bytes to write for one student's article (and its content), reporting duplicates
    and merges."""
    if len(found) == 1:
        cand, doc, anns = found[0]
        report.entries.append(Entry(cand.source, student, article_id, "collected"))
        return cand.data, doc, anns
    distinct: dict[str, _Found] = {}
    for cand, _, anns in found:
        doc = parse_work_rows(cand.data, cand.source)[0]  # whole again (checked before)
        canon = json.dumps(doc, sort_keys=True, ensure_ascii=False)
        if canon in distinct:
            same = distinct[canon][0].source
            report.entries.append(
                Entry(cand.source, student, article_id, "duplicate", f"same as {same}")
            )
        else:
            distinct[canon] = (cand, doc, anns)
    kept = list(distinct.values())
    if len(kept) == 1:
        cand, doc, anns = kept[0]
        report.entries.append(Entry(cand.source, student, article_id, "collected"))
        return cand.data, doc, anns
    merged = merge_documents([doc for _, doc, _ in kept])
    merged["student"] = student
    names = ", ".join(c.source for c, _, _ in kept)
    report.entries.append(Entry(kept[0][0].source, student, article_id, "collected"))
    for cand, _, _ in kept[1:]:
        report.entries.append(
            Entry(cand.source, student, article_id, "merged", f"{len(kept)} versions: {names}")
        )
    anns = tuple(rows_from_w3c(merged["annotations"]))  # each checked before
    return json.dumps(merged, ensure_ascii=False, indent=1).encode("utf-8"), merged, anns


def merge_documents(docs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Several versions of one student's work on one article, merged without losing anything.

    Annotations: union by id (the later `modified` wins). Written answers: the later `modified`
    wins per key. Quiz attempts: union, in time order, identical attempts once.
    """
    ordered = sorted(docs, key=lambda d: str(d.get("modified", "")))
    out = json.loads(json.dumps(ordered[-1]))
    anns: dict[str, dict[str, Any]] = {}
    responses: dict[str, Any] = {}
    quiz: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for doc in ordered:
        for a in doc.get("annotations", []):
            old = anns.get(a["id"])
            if old is None or str(a.get("modified", "")) >= str(old.get("modified", "")):
                anns[a["id"]] = a
        for key, entry in doc.get("responses", {}).items():
            old = responses.get(key)
            if old is None or _modified(entry) >= _modified(old):
                responses[key] = entry
        for bank, questions in doc.get("quiz", {}).items():
            if not isinstance(questions, dict):
                continue
            for qid, entry in questions.items():
                attempts = entry.get("attempts", []) if isinstance(entry, dict) else []
                quiz.setdefault(bank, {}).setdefault(qid, []).extend(attempts)
    out["annotations"] = list(anns.values())
    out["responses"] = responses
    out["quiz"] = {
        bank: {qid: {"attempts": _unique_attempts(atts)} for qid, atts in qs.items()}
        for bank, qs in quiz.items()
    }
    out["revision"] = max(int(d.get("revision", 0)) for d in docs)
    out["created"] = min(str(d.get("created", "")) for d in docs)
    return out


def _modified(entry: Any) -> str:
    return str(entry.get("modified", "")) if isinstance(entry, dict) else ""


def _unique_attempts(attempts: list[Any]) -> list[Any]:
    seen = set()
    out = []
    for a in sorted(attempts, key=lambda a: str(a.get("at", "")) if isinstance(a, dict) else ""):
        key = json.dumps(a, sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def _write(path: Path, data: bytes) -> os.stat_result:
    """Write via a temp file and rename (no half-written file; no fsync per file: the sources
    stay where they are, so a collection can always be run again); returns the file's stat."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(
            tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644
        )
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            st = os.fstat(fd)
        os.replace(tmp, path)
        return st
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise KitError(f"could not write ({e.strerror or e})", path=path) from None
