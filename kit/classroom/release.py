"""The student copy of the course: notebooks without outputs, articles, released quiz banks.

`release(out_dir)` writes

    OUT_DIR/release/<assignment>/notebooks/*.ipynb   (outputs cleared)
    OUT_DIR/release/<assignment>/seeds/...           (what the notebooks load; banks released)
    OUT_DIR/release/<assignment>/kit-manifest.json   (what the copy holds: kit.classroom.manifest)
    OUT_DIR/<assignment>.zip                         (the same folder, for a plain hand-out)

The course is the one of the folder the teacher works in (kit.classroom.course_folder); what it
ships is what the released notebooks load, by the paths written in their kit calls, plus what the
course file names for them (kit.classroom.loads). A notebook that loads a file that is not there
stops the release with one line naming the notebook, the file and the fix.

`OUT_DIR/release/<assignment>/` is nbgrader's release folder: with OUT_DIR as the nbgrader course
folder, `nbgrader release_assignment <assignment>` hands it out and `nbgrader collect` brings the
students' `work/` folders back into `submitted/`, which `python -m kit collect` reads (checked with
nbgrader 0.9.6 by `make nbgrader-check`: no `source/` or `generate_assignment` step is needed).

Only what the notebooks and the course name is copied (a whitelist): answer keys (`seeds/keys/`)
and teachers' banks never are as they are; the keys of shipped articles go out sealed
(kit.classroom.ship_keys; none in an exam copy), and the model answers of written prompts
obscured (kit.quiz.written; none in an exam copy). Every quiz bank goes through kit.quiz.model's
release: a practice copy (answers sealed under slow salted hashes, kit.quiz.sealed) or, with
`exam=True`, an exam copy with no answer material at all; the finished copy is checked once more
for work files and unreleased banks.
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
from kit.classroom.course import BANK_SUFFIXES, KEY_SUFFIXES, Course, load_course, seed_files
from kit.classroom.course_folder import find_course_file, find_course_folder
from kit.classroom.loads import Shipment, plan_release
from kit.classroom.manifest import BankEntry, Manifest, write_manifest
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

        def count(items: list[str], what: str) -> str:
            return f"{len(items)} {what}" if len(items) == 1 else f"{len(items)} {what}s"

        return (
            f"released {count(self.notebooks, 'notebook')}, {count(self.articles, 'article')}"
            f" and {count(self.banks, 'quiz bank')} into {self.folder} and {self.zip_path}"
        )


def release(
    out_dir: str | Path,
    *,
    notebooks: str | Path | None = None,
    seeds: str | Path | None = None,
    course: Course | str | Path | None = None,
    assignment: str | None = None,
    lessons: Sequence[str] | None = None,
    exam: bool = False,
) -> ReleaseReport:
    """Write the student copy of the course (or of some `lessons`) into `out_dir`.

    `notebooks` and `seeds` default to those of the course folder the teacher works in (found
    from the notebooks folder when given, else from the current folder); `course` to its
    `course.yaml` (else the kit's). `exam=True`: the quiz banks as exam copies (no answer
    material at all; the teacher grades the recorded answers with the teacher's banks)."""
    home = find_course_folder(Path(notebooks).parent if notebooks is not None else None)
    nb_dir = Path(notebooks) if notebooks is not None else _part(home, "notebooks")
    seed_dir = Path(seeds) if seeds is not None else _part(home, "seeds")
    if isinstance(course, Course):
        crs = course
    else:
        crs = load_course(course if course is not None else find_course_file(nb_dir.parent))
    name = safe_name(assignment or crs.assignment, "assignment name")
    chosen = [crs.lesson(i) for i in lessons] if lessons else list(crs.lessons)
    out = Path(out_dir)
    for folder, what in ((nb_dir, "notebooks"), (seed_dir, "seeds")):
        if not folder.is_dir():
            raise KitError(
                f"no {what} folder here",
                path=folder,
                fix=f"run the command in your course folder, or give --{what} DIR",
            )
    plan = plan_release(crs, chosen, nb_dir, seed_dir)
    target = out / "release" / name
    _check_replaceable(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=target.parent))
    report = ReleaseReport(target, out / f"{name}.zip", notes=list(plan.notes))
    manifest = Manifest(course=plan.course, assignment=name, exam=exam)
    try:
        _build(build, plan, nb_dir, report, manifest, exam)
        # Answer keys reach students only sealed (none in an exam copy); none is copied as it is.
        report.keys = ship_keys(seed_dir, build / "seeds", report.articles, exam)
        report.answers = release_answers(seed_dir, build / "seeds", exam)
        if (seed_dir / GLOSSARY).is_file():  # reading support, no answers in it
            (build / "seeds").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(seed_dir / GLOSSARY, build / "seeds" / GLOSSARY)
        manifest.keys = [{"file": f"seeds/{k}"} for k in report.keys]
        for key in unreviewed(seed_files(seed_dir).keys):  # drafts of `python -m kit exercise`
            report.notes.append(
                f"{key}: a draft answer key nobody has checked yet; check it, then change "
                "'reviewed: false' to 'reviewed: true'"
            )
        write_manifest(build, manifest)
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


def _part(home: Path | None, part: str) -> Path:
    """A part of the course folder (`notebooks`, `seeds`); relative to here when none is found."""
    return home / part if home is not None else Path(part)


def _build(
    target: Path,
    plan: Shipment,
    nb_dir: Path,
    report: ReleaseReport,
    manifest: Manifest,
    exam: bool = False,
) -> None:
    for lesson in progress(plan.notebooks, "notebooks", unit="notebook"):
        dst = target / "notebooks" / lesson.notebook
        dst.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(dst, student_notebook(nb_dir / lesson.notebook))
        report.notebooks.append(lesson.notebook)

    for f, place in progress(sorted(plan.articles.items()), "articles"):
        _refuse_work_file(f)
        articles = read_file(f)  # a file that is not an article stops the release here
        dst = target / place
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, dst)
        for a in articles:
            manifest.add_article(a, place)
            report.articles.append(a.id)

    for bank, place in progress(sorted(plan.banks.items()), "quiz banks"):
        dst = target / place
        dst.parent.mkdir(parents=True, exist_ok=True)
        released = release_bank(bank, dst, exam=exam)
        manifest.banks[released.id] = BankEntry(released.id, place, released.article_id)
        report.banks.append(place)


def release_bank(src: Path, dst: Path, exam: bool = False):
    """The student copy of one quiz bank (practice: answers sealed; exam: none), via
    kit.quiz.model; its article is named by id, never by a path of the teacher's machine.
    Returns the released Quiz."""
    from kit.quiz.model import Quiz

    released = Quiz.from_file(src).release(exam=exam)
    atomic_write_text(dst, released.to_yaml())
    return released


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
        raise KitError(
            "this is a work file (an answer key?), not an article",
            path=f,
            fix="load the article itself in the notebook",
        )


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
