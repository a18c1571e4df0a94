"""The kit as an installed package: its version, its console script and `kit init`."""

from __future__ import annotations

import ast
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

import kit
from kit.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_the_version_is_written_once_and_the_package_reads_it():
    assert re.fullmatch(r"\d+\.\d+\.\d+", kit.__version__)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "kit.__version__"}


def test_kit_version_prints_the_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"kit {kit.__version__}\n"


def test_the_console_script_is_the_command_line():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["project"]["scripts"] == {"kit": "kit.cli:main"}


# ------------------------------------------------------------------ kit init (from this checkout)


def test_init_writes_the_notebooks_the_seeds_and_the_course_file(tmp_path):
    from kit.classroom.course_folder import course_files, init_course

    report = init_course(tmp_path / "course")
    written = _listing(report.folder)
    assert written == sorted([*course_files(ROOT), "course.yaml"]) == sorted(report.files)
    assert "notebooks/00_start_here.ipynb" in written
    assert "notebooks/teacher/class_dashboard.ipynb" in written
    assert "seeds/keys/000_8e915a2399968c01.json" in written
    assert any(f.startswith("seeds/") and f.endswith(".quiz.yaml") for f in written)
    for rel in written:
        source = ROOT / "kit" / "data" / rel if rel == "course.yaml" else ROOT / rel
        assert (report.folder / rel).read_bytes() == source.read_bytes(), rel
    assert [p.name for p in tmp_path.iterdir()] == ["course"]  # no build folder left behind


def test_init_into_an_empty_folder_is_fine(tmp_path):
    from kit.classroom.course_folder import init_course

    (tmp_path / "course").mkdir()
    assert "course.yaml" in init_course(tmp_path / "course").files


def test_init_never_writes_into_a_folder_that_holds_something(tmp_path, capsys):
    (tmp_path / "course").mkdir()
    (tmp_path / "course" / "notes.txt").write_text("mine")
    assert main(["init", str(tmp_path / "course")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "course: the folder is not empty" in err and "give" in err
    assert [p.name for p in (tmp_path / "course").iterdir()] == ["notes.txt"]
    (tmp_path / "file").write_text("x")
    assert main(["init", str(tmp_path / "file")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_python_m_kit_init_works_from_anywhere(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "kit", "init", "my course"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "into my course" in done.stdout
    assert (tmp_path / "my course" / "seeds" / "000_8e915a2399968c01.txt").is_file()


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _listing(folder: Path) -> list[str]:
    """Every file under `folder`, as sorted relative POSIX paths."""
    return sorted(p.relative_to(folder).as_posix() for p in _files(folder))


# ------------------------------------------------------------------ a real wheel in a fresh venv
# Built from a copy of this checkout (so no build/ folder appears here), installed alone in a venv
# without system site packages (its dependencies come from the package index; pip's cache makes it
# quick), and run from a folder outside the source tree. A step that cannot run fails the test.

TEST_TOOLS = {
    "pytest",
    "nbval",
    "playwright",
    "axe-playwright-python",
    "hypothesis",
    "ruff",
    "textstat",
    "pytest-playwright",
}
ANYWHERE = shutil.ignore_patterns(
    "*.egg-info", "__pycache__", ".pytest_cache", ".ruff_cache", ".ipynb_checkpoints"
)
#: Left out at the top of the checkout: git, venvs, build output, test output, student work.
TOP = {".git", ".venv", ".nbgrader-venv", "build", "dist", ".hypothesis", "test-artifacts", "work"}


def _not_source(folder: str, names: list[str]) -> set[str]:
    skipped = set(ANYWHERE(folder, names))
    if Path(folder).resolve() == ROOT:
        skipped |= TOP & set(names)
    elif Path(folder).resolve() == ROOT / "notebooks":
        skipped |= {"work"} & set(names)
    return skipped


def _clean_env() -> dict[str, str]:
    """The environment without anything that would import the kit from this checkout."""
    drop = {"PYTHONPATH", "PYTHONHOME", "PYTHONSAFEPATH", "VIRTUAL_ENV", "KIT_WORK_DIR"}
    return {k: v for k, v in os.environ.items() if k not in drop}


def _run(args: list, cwd: Path, what: str, timeout: int = 900) -> subprocess.CompletedProcess:
    try:
        done = subprocess.run(
            [str(a) for a in args],
            cwd=cwd,
            env=_clean_env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        pytest.fail(f"{what}: could not run {args[0]} ({e})")
    if done.returncode != 0:
        pytest.fail(
            f"{what} failed (exit {done.returncode}): {' '.join(map(str, args))}\n"
            f"--- stdout\n{done.stdout[-3000:]}\n--- stderr\n{done.stderr[-3000:]}"
        )
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=_not_source, symlinks=True)
    out = tmp / "dist"
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", out, source],
        tmp,
        "building the wheel (pip wheel --no-deps)",
    )
    wheels = sorted(out.glob("*.whl"))
    if len(wheels) != 1:
        pytest.fail(f"pip wheel should write one wheel into {out}, found {wheels}")
    return wheels[0]


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The bin folder of a fresh venv holding the wheel and its dependencies only."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    _run([sys.executable, "-m", "venv", venv], venv.parent, "creating a venv")
    cfg = (venv / "pyvenv.cfg").read_text()
    assert "include-system-site-packages = false" in cfg, cfg
    bin_dir = venv / "bin"
    _run(
        [bin_dir / "python", "-m", "pip", "install", "--quiet", wheel],
        venv.parent,
        "installing the wheel alone (pip install WHEEL, dependencies from the index)",
    )
    return bin_dir


def _requires(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as zf:
        [meta] = [n for n in zf.namelist() if n.endswith(".dist-info/METADATA")]
        text = zf.read(meta).decode("utf-8")
    return [
        ln.split(":", 1)[1].strip() for ln in text.splitlines() if ln.startswith("Requires-Dist:")
    ]


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0].lower().replace("_", "-")


@pytest.mark.slow
def test_the_wheels_requirements_name_no_test_tool_and_cover_every_import(wheel):
    names = {_name(r) for r in _requires(wheel)}
    assert names, "the wheel declares no dependencies"
    assert not names & TEST_TOOLS, (
        f"test tools among the runtime requirements: {names & TEST_TOOLS}"
    )
    distributions = importlib.metadata.packages_distributions()
    undeclared = {}
    for module in sorted(_third_party_imports()):
        # A module not installed here yet (a venv older than pyproject) goes by its own name.
        found = distributions.get(module) or [module]
        dists = {d.lower().replace("_", "-") for d in found}
        if not dists & names:
            undeclared[module] = sorted(dists)
    assert not undeclared, f"kit/ imports these, the wheel does not require them: {undeclared}"


def _third_party_imports() -> set[str]:
    """Top-level names of every module imported anywhere in kit/ that is neither stdlib nor kit."""
    found = set()
    for path in (ROOT / "kit").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"kit", "__future__"}


@pytest.mark.slow
def test_the_installed_wheel_inits_and_releases_a_course_outside_the_source_tree(
    installed, tmp_path
):
    where = tmp_path / "school"
    where.mkdir()
    assert ROOT not in where.resolve().parents
    kit_cmd = installed / "kit"
    done = _run([kit_cmd, "--version"], where, "kit --version")
    assert done.stdout.strip() == f"kit {kit.__version__}"
    done = _run(
        [installed / "python", "-c", "import kit; print(kit.__file__)"], where, "import kit"
    )
    assert Path(done.stdout.strip()).is_relative_to(installed.parent), done.stdout

    _run([kit_cmd, "init", "course"], where, "kit init course")
    course = where / "course"
    from kit.classroom.course_folder import course_files

    written = _listing(course)
    assert written == sorted([*course_files(ROOT), "course.yaml"])
    refused = subprocess.run(
        [kit_cmd, "init", "course"], cwd=where, env=_clean_env(), capture_output=True, text=True
    )
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1, refused.stderr

    done = _run([kit_cmd, "release", "out", "--course", "course.yaml"], course, "kit release")
    assert "released 11 notebooks" in done.stdout, done.stdout
    from kit.classroom.course import load_course
    from kit.classroom.release import release

    reference = release(
        tmp_path / "reference",
        notebooks=ROOT / "notebooks",
        seeds=ROOT / "seeds",
        course=ROOT / "kit" / "data" / "course.yaml",
    )
    folder = course / "out" / "release" / load_course().assignment
    got = sorted(p.relative_to(folder).as_posix() for p in _files(folder))
    assert got == sorted(
        p.relative_to(reference.folder).as_posix() for p in _files(reference.folder)
    )
    plain_keys = [
        f
        for f in got
        if f.endswith((".key.yaml", ".key.json"))
        or ("keys/" in f and not f.endswith(".sealed.json"))
    ]
    assert not plain_keys and any(f.endswith(".sealed.json") for f in got)  # keys only sealed
    for rel in got:
        if rel.endswith(".ipynb"):  # banks differ only by their random salts
            assert (folder / rel).read_bytes() == (reference.folder / rel).read_bytes(), rel
            assert '"outputs": []' in (folder / rel).read_text()
    with zipfile.ZipFile(course / "out" / f"{folder.name}.zip") as zf:
        assert len([n for n in zf.namelist() if not n.endswith("/")]) == len(got) - 1  # no marker
