"""The student copy of the course: notebooks without outputs, articles, released quiz banks.

`release(out_dir)` writes

    OUT_DIR/release/<assignment>/notebooks/*.ipynb   (outputs cleared)
    OUT_DIR/release/<assignment>/seeds/...           (the course's articles; banks released)
    OUT_DIR/<assignment>.zip                         (the same folder, for a plain hand-out)

`OUT_DIR/release/<assignment>/` is nbgrader's release folder: with OUT_DIR as the nbgrader course
folder, `nbgrader release_assignment <assignment>` hands it out and `nbgrader collect` brings the
students' `work/` folders back into `submitted/`, which `python -m kit collect` reads (checked with
nbgrader 0.9.6 by `make nbgrader-check`: no `source/` or `generate_assignment` step is needed).

Only what the course lists is copied (a whitelist): teachers' answer keys and banks never are;
the keys of shipped articles go out sealed (kit.classroom.ship_keys; none in an exam copy), and
the model answers of written prompts obscured (kit.quiz.written; none in an exam copy).
Every quiz bank goes through kit.quiz.model's release: a practice copy (answers sealed under
slow salted hashes, kit.quiz.sealed) or, with `exam=True`, an exam copy with no answer material
at all; the finished copy is checked once more for work files and unreleased banks.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kit.articles.article import read_file
from kit.classroom.course import (
    BANK_SUFFIXES,
    KEY_SUFFIXES,
    Course,
    Lesson,
    load_course,
    seed_files,
)
from kit.classroom.ship_keys import ship_keys
from kit.errors import KitError
from kit.files import atomic_write_text, read_text
from kit.progress import progress
from kit.quiz.written import ANSWERS_FOLDER, release_answers
from kit.views.glossary import GLOSSARY
from kit.work.keys import unreviewed
from kit.work.reader import FORMAT
from kit.work.store import safe_name

MARKER = ".kit-release"
ZIP_DATE = (2020, 1, 1, 0, 0, 0)


@dataclass
class ReleaseReport:
    """What a release wrote, and the lessons it had to leave out."""

    folder: Path
    zip_path: Path
    notebooks: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    banks: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # sealed answer keys (kit.classroom.ship_keys)
    answers: list[str] = field(default_factory=list)  # obscured model answers (kit.quiz.written)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the terminal."""
        return (
            f"released {len(self.notebooks)} notebooks, {len(self.articles)} articles and "
            f"{len(self.banks)} quiz banks into {self.folder} and {self.zip_path}"
        )


def release(
    out_dir: str | Path,
    *,
    notebooks: str | Path = "notebooks",
    seeds: str | Path = "seeds",
    course: Course | str | Path | None = None,
    assignment: str | None = None,
    lessons: Sequence[str] | None = None,
    exam: bool = False,
) -> ReleaseReport:
    """Write the student copy of the course (or of some `lessons`) into `out_dir`.

    `exam=True`: the quiz banks as exam copies (no answer material at all; the teacher grades
    the recorded answers with the teacher's banks)."""
    crs = course if isinstance(course, Course) else load_course(course)
    name = safe_name(assignment or crs.assignment, "assignment name")
    chosen = [crs.lesson(i) for i in lessons] if lessons else list(crs.lessons)
    nb_dir, seed_dir, out = Path(notebooks), Path(seeds), Path(out_dir)
    for folder, what in ((nb_dir, "notebooks"), (seed_dir, "seeds")):
        if not folder.is_dir():
            raise KitError(f"no {what} folder here", path=folder, fix=f"give --{what} DIR")
    target = out / "release" / name
    _check_replaceable(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=target.parent))
    report = ReleaseReport(target, out / f"{name}.zip")
    try:
        _build(build, chosen, nb_dir, seed_dir, report, exam)
        check_release(build, exam=exam)
        atomic_write_text(build / MARKER, "A student copy made by python -m kit release.\n")
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    if target.exists():
        shutil.rmtree(target)
    build.rename(target)
    _zip(target, report.zip_path, name)
    return report


def _build(
    target: Path,
    chosen: list[Lesson],
    nb_dir: Path,
    seed_dir: Path,
    report: ReleaseReport,
    exam: bool = False,
) -> None:
    for lesson in progress(chosen, "notebooks", unit="notebook"):
        src = nb_dir / lesson.notebook
        if not src.is_file():
            report.notes.append(f"lesson {lesson.id}: {src} does not exist yet; left out")
            continue
        dst = target / "notebooks" / lesson.notebook
        dst.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(dst, student_notebook(src))
        report.notebooks.append(lesson.notebook)

    wanted = {a for le in chosen for a in le.articles}
    files = seed_files(seed_dir)
    for f in progress(files.articles, "articles"):
        try:
            ids = {a.id for a in read_file(f)}
        except KitError:
            continue
        if wanted & ids:
            _refuse_work_file(f)
            dst = target / "seeds" / f.relative_to(seed_dir)
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, dst)
            report.articles.extend(sorted(wanted & ids))
    missing = sorted(wanted - set(report.articles))
    if missing:
        report.notes.append(f"no article file in {seed_dir} for: {', '.join(missing)}")
    report.keys = ship_keys(seed_dir, target / "seeds", report.articles, exam)
    report.answers = release_answers(seed_dir, target / "seeds", exam)
    if (seed_dir / GLOSSARY).is_file():  # reading support, no answers in it
        shutil.copyfile(seed_dir / GLOSSARY, target / "seeds" / GLOSSARY)

    for bank in progress(files.banks, "quiz banks"):
        dst = target / "seeds" / bank.relative_to(seed_dir)
        dst.parent.mkdir(parents=True, exist_ok=True)
        release_bank(bank, dst, exam=exam)
        report.banks.append(str(bank.relative_to(seed_dir)))
    for key in unreviewed(files.keys):  # drafts of `python -m kit exercise`
        report.notes.append(
            f"{key}: a draft answer key nobody has checked yet; check it, then change "
            "'reviewed: false' to 'reviewed: true'"
        )


def release_bank(src: Path, dst: Path, exam: bool = False) -> None:
    """The student copy of one quiz bank (practice: answers sealed; exam: none), via
    kit.quiz.model."""
    from kit.quiz.model import Quiz

    Quiz.from_file(src).release(exam=exam).save(dst)


def student_notebook(path: Path) -> str:
    """A notebook as students get it: no outputs, no execution counts, no saved widget state."""
    import nbformat

    try:
        nb = nbformat.read(str(path), as_version=4)
    except Exception as e:  # nbformat raises many kinds for a damaged notebook
        raise KitError(f"cannot read this notebook ({type(e).__name__})", path=path) from None
    for cell in nb.cells:
        cell.metadata.pop("execution", None)  # timestamps of the teacher's run
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.pop("widgets", None)
    return nbformat.writes(nb) + "\n"


def check_release(folder: Path, exam: bool = False) -> None:
    """Refuse a student copy that holds a work file (a key) or a bank that is not released (or,
    for an exam, a bank that is not an exam copy)."""
    for f in sorted(folder.rglob("*")):
        if not f.is_file():
            continue
        if f.name.lower().endswith(KEY_SUFFIXES):
            raise KitError("an answer key is in the student copy", path=f)
        if f.suffix == ".json" and f'"{FORMAT}"' in f.read_text(encoding="utf-8", errors="replace"):
            raise KitError("a work file (an answer key?) is in the student copy", path=f)
        if f.parent.name == ANSWERS_FOLDER and f.suffix in (".yaml", ".yml"):
            data = yaml.safe_load(read_text(f)[0])
            if exam or not isinstance(data, dict) or data.get("released") is not True:
                raise KitError(
                    "model answers in plain text (or, in an exam copy, any) are in the copy",
                    path=f,
                )
        if f.name.endswith(BANK_SUFFIXES):
            data = yaml.safe_load(read_text(f)[0])
            if not isinstance(data, dict) or data.get("released") is not True:
                raise KitError("a quiz bank in the student copy is not released", path=f)
            if exam and data.get("exam") is not True:
                raise KitError("a quiz bank in the exam copy is not an exam copy", path=f)


def _check_replaceable(target: Path) -> None:
    """An earlier release may be replaced; a folder the kit did not make never is."""
    if target.exists() and not (target / MARKER).is_file():
        raise KitError(
            "this folder exists and was not made by the kit",
            path=target,
            fix="remove it, or choose another OUT_DIR or --assignment",
        )


def _refuse_work_file(f: Path) -> None:
    if f.suffix.lower() == ".json" and f'"{FORMAT}"' in f.read_text(errors="replace"):
        raise KitError("this is a work file (an answer key?), not an article", path=f)


def _zip(folder: Path, zip_path: Path, name: str) -> None:
    """A zip of the folder under `<name>/`, byte-identical for the same files."""
    tmp = zip_path.with_name(f".{zip_path.name}.tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for f in sorted(folder.rglob("*")):
            if f.is_file() and f.name != MARKER:
                info = zipfile.ZipInfo(f"{name}/{f.relative_to(folder).as_posix()}", ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, f.read_bytes())
    tmp.replace(zip_path)
