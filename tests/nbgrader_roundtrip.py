"""Opt-in check (`make nbgrader-check`): the kit's release and collect with a real nbgrader.

Not part of `make test` (nbgrader and its database tools are not the kit's dependencies): the
make target installs nbgrader into its own venv and runs this script with the kit's Python.

    python tests/nbgrader_roundtrip.py --nbgrader-bin DIR   (DIR: the venv's bin/, with nbgrader)

Steps, all in a temporary folder: `python -m kit release COURSE` (COURSE is the nbgrader course
folder), `nbgrader release_assignment`; two students `fetch_assignment`, save work as the kit's
widgets do (in `notebooks/work/<student>/`), `submit`; the teacher runs `nbgrader collect`, then
`python -m kit collect COURSE/submitted --out CLASS` and `load_class(CLASS)`. Exit 0 and one line
when every step worked; otherwise the failing step and its output.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COURSE_ID = "media-lit"
ASSIGNMENT = "media-literacy"
STUDENTS = ("alice", "bob")
ARTICLE = "000_8e915a2399968c01"

# What the highlight, reflection and quiz widgets save, done from Python in the student's copy.
STUDENT_WORK = f"""
import sys
import kit
from kit.work.annotations import make_annotation
from kit.work.store import Workspace

article = kit.load_article("../seeds/{ARTICLE}.txt")
ws = Workspace(None, article)  # the student from KIT_STUDENT, the work folder ./work
i = article.text.index("Zelensky")
ws.add(make_annotation(article.text, i, i + len("Zelensky"), ("source:named_person",)))
ws.set_response("lesson3.reflection", sys.argv[1] + ": who is talking matters.")
ws.record_attempt("attribution_language", "q1", 1, False, 0.0)
"""


def run(step: str, cmd: list[str], **kwargs) -> str:
    done = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if done.returncode != 0:
        sys.exit(f"nbgrader check failed at: {step}\n$ {' '.join(cmd)}\n{done.stdout}{done.stderr}")
    return done.stdout + done.stderr


def check(nbgrader_bin: Path, tmp: Path) -> str:
    course, exchange, homes = tmp / "course", tmp / "exchange", tmp / "home"
    exchange.mkdir(mode=0o777)
    kit = [sys.executable, "-m", "kit"]
    run("kit release", [*kit, "release", str(course)], cwd=ROOT)
    (course / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        f"c.CourseDirectory.course_id = {COURSE_ID!r}\n"
        f"c.CourseDirectory.root = {str(course)!r}\n"
        f"c.Exchange.root = {str(exchange)!r}\n"
    )
    # nbgrader runs `alembic` (its database migrations) by name: its venv's bin/ goes on PATH
    env = os.environ | {"PATH": f"{nbgrader_bin}{os.pathsep}{os.environ.get('PATH', '')}"}
    nbgrader = str(nbgrader_bin / "nbgrader")
    run(
        "nbgrader release_assignment",
        [nbgrader, "release_assignment", ASSIGNMENT],
        cwd=course,
        env=env,
    )
    where = [f"--course={COURSE_ID}", f"--Exchange.root={exchange}"]
    for student in STUDENTS:
        home = homes / student
        home.mkdir(parents=True)
        student_env = env | {"HOME": str(home)}
        run(
            f"nbgrader fetch_assignment ({student})",
            [nbgrader, "fetch_assignment", ASSIGNMENT, *where],
            cwd=home,
            env=student_env,
        )
        notebooks = home / ASSIGNMENT / "notebooks"
        if not (notebooks / "00_start_here.ipynb").is_file():
            sys.exit(f"nbgrader check failed: the fetched copy has no notebooks/ ({notebooks})")
        run(
            f"student work ({student})",
            [sys.executable, "-c", STUDENT_WORK, student],
            cwd=notebooks,
            env=os.environ | {"KIT_STUDENT": student, "KIT_WORK_DIR": ""},
        )
        # every student is root here: --student says who submits (on a hub it is the login)
        run(
            f"nbgrader submit ({student})",
            [nbgrader, "submit", ASSIGNMENT, f"--student={student}", *where],
            cwd=home,
            env=student_env,
        )
    run("nbgrader collect", [nbgrader, "collect", ASSIGNMENT], cwd=course, env=env)
    for student in STUDENTS:
        saved = (
            course
            / "submitted"
            / student
            / ASSIGNMENT
            / "notebooks"
            / "work"
            / student
            / f"{ARTICLE}.json"
        )
        if not saved.is_file():
            sys.exit(f"nbgrader check failed: nbgrader collect did not bring back {saved}")
    class_dir = tmp / "class"
    out = run(
        "kit collect",
        [*kit, "collect", str(course / "submitted"), "--out", str(class_dir)],
        cwd=ROOT,
    )
    with open(class_dir / "collect-report.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    got = sorted((r["student"], r["article_id"], r["status"]) for r in rows)
    want = [(s, ARTICLE, "collected") for s in STUDENTS]
    if got != want:
        sys.exit(f"nbgrader check failed: kit collect reported {got}, expected {want}\n{out}")
    from kit.classroom.classwork import load_class

    work = load_class(class_dir, seeds=course / "release" / ASSIGNMENT / "seeds")
    highlights = work.highlights()
    if sorted(highlights["student"]) != list(STUDENTS) or set(highlights["exact"]) != {"Zelensky"}:
        sys.exit(f"nbgrader check failed: the class tables do not hold the work\n{highlights}")
    version = run("nbgrader --version", [nbgrader, "--version"], env=env).split()[-1]
    return (
        f"nbgrader {version}: kit release -> release_assignment -> fetch_assignment -> "
        f"submit -> collect -> kit collect: {len(STUDENTS)} students' work collected, no problems"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--nbgrader-bin",
        required=True,
        type=Path,
        help="the bin/ folder of a venv with nbgrader installed",
    )
    args = parser.parse_args()
    if not (args.nbgrader_bin / "nbgrader").exists():
        sys.exit(f"no nbgrader in {args.nbgrader_bin}")
    with tempfile.TemporaryDirectory(prefix="kit-nbgrader-") as name:
        print(check(args.nbgrader_bin.resolve(), Path(name)))


if __name__ == "__main__":
    main()
