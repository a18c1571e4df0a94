"""What the lesson notebooks load: the files named in their kit calls, and what release ships.

One source of truth for a lesson's article: the line in its notebook that loads it,
`article = kit.load_article("../seeds/x.txt")`. The course file's `articles:` is optional; where a
lesson lists them they must agree with what its notebook loads, and a notebook that builds a path
when it runs must have its articles listed there. `course_with_articles` gives the course with
every lesson's articles as its notebook loads them (collect and the dashboard use it);
`plan_release` finds every file the released notebooks load and refuses a missing one.
"""

from __future__ import annotations

import ast
import functools
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from kit.articles.article import read_file, safe_id
from kit.classroom.course import Course, Lesson, seed_files
from kit.errors import KitError
from kit.files import parse_yaml, read_text

#: The kit calls whose first argument names a file, by what the file holds.
CALLS = {
    "load_article": "article",
    "load_articles": "article",
    "quiz_widget": "bank",
    "load_quiz": "bank",
    "check_quiz": "bank",
    "load_key": "key",
}
_PATH_KEYWORDS = ("path", "paths", "bank", "source")
MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Load:
    """One kit call in a notebook that names a file."""

    kind: str  # "article", "bank" or "key"
    call: str  # as written: "kit.load_article"
    path: str | None  # the path as written; None when it is built while the notebook runs
    cell: int  # the code cell, counted from 1
    article_id: str | None = None  # load_article(path, id="...")


def notebook_loads(notebook: Path) -> list[Load]:
    """Every kit call in the notebook's code cells that names a file (cells that are not
    Python, such as shell or magic lines, are read without those lines)."""
    text, _ = read_text(notebook, MAX_NOTEBOOK_BYTES)
    try:
        cells = json.loads(text).get("cells", [])
    except (ValueError, AttributeError):
        raise KitError("cannot read this notebook (not JSON)", path=notebook) from None
    loads: list[Load] = []
    number = 0
    for cell in cells if isinstance(cells, list) else ():
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        number += 1
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        python = "\n".join(
            "" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()
        )
        try:
            tree = ast.parse(python)
        except (SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                loads.extend(_loads_of(node, number))
    return loads


def _loads_of(node: ast.Call, cell: int) -> list[Load]:
    func = node.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        name, written = func.attr, f"{func.value.id}.{func.attr}"
        if func.value.id != "kit":
            return []
    elif isinstance(func, ast.Name):
        name = written = func.id
    else:
        return []
    kind = CALLS.get(name)
    if kind is None:
        return []
    arg = node.args[0] if node.args else None
    picked = None
    for kw in node.keywords:
        if arg is None and kw.arg in _PATH_KEYWORDS:
            arg = kw.value
        if kw.arg == "id" and isinstance(kw.value, ast.Constant):
            picked = str(kw.value.value)
    if arg is None:
        return []
    items = arg.elts if isinstance(arg, ast.List | ast.Tuple) else [arg]
    out = []
    for item in items:
        literal = item.value if isinstance(item, ast.Constant) else None
        path = literal if isinstance(literal, str) else None
        out.append(Load(kind, written, path, cell, picked))
    return out


@functools.lru_cache(maxsize=256)
def _ids_in(path: str, mtime_ns: int, size: int) -> tuple[str, ...]:
    return tuple(a.id for a in read_file(path))


def article_ids(file: Path, picked: str | None = None) -> tuple[str, ...]:
    """The ids of the articles a file holds (`picked`: the one chosen with id=); for a file
    that cannot be read, the id its name gives."""
    if picked:
        return (picked,)
    try:
        st = file.stat()
        return _ids_in(str(file), st.st_mtime_ns, st.st_size)
    except (OSError, KitError):
        return (safe_id(file.name.split(".")[0]),)


def _resolved(notebook: Path, written: str) -> Path:
    """A path as the notebook's kernel sees it (notebooks run in their own folder)."""
    return Path(os.path.normpath(notebook.parent / written))


def _loaded_ids(notebook: Path, loads: Sequence[Load]) -> tuple[str, ...]:
    ids: list[str] = []
    for ld in loads:
        if ld.kind == "article" and ld.path is not None:
            f = _resolved(notebook, ld.path)
            files = seed_files(f).articles if f.is_dir() else (f,)
            for one in files:
                ids.extend(article_ids(one, ld.article_id))
    return tuple(dict.fromkeys(ids))


def _check_agreement(
    lesson: Lesson, notebook: Path, loads: Sequence[Load], course: Course
) -> tuple[str, ...]:
    """The lesson's articles as its notebook loads them; KitError when the course file says
    otherwise, or when the notebook builds a path and the course file does not list it."""
    loaded = _loaded_ids(notebook, loads)
    built = [ld for ld in loads if ld.kind == "article" and ld.path is None]
    listed = lesson.articles
    name = course.path.name if course.path is not None else "the course file"
    if built and not listed:
        raise KitError(
            f"{notebook.name}, code cell {built[0].cell}: {built[0].call} gets a path built "
            f"while the notebook runs, so the kit cannot see which article lesson {lesson.id} "
            "uses",
            path=course.path,
            fix=f"list it in {name} under lesson {lesson.id}: articles: [ARTICLE_ID]",
        )
    agree = set(loaded) <= set(listed) if built else set(loaded) == set(listed)
    if listed and loaded and not agree:
        raise KitError(
            f"{notebook} loads the article {_names(loaded)} but {name} lists "
            f"{_names(listed)} for lesson {lesson.id}",
            path=course.path,
            fix=f"delete that lesson's 'articles:' line (the notebook says which article) or "
            f"write articles: [{', '.join(loaded)}]",
        )
    return tuple(listed) if built or not loaded else loaded


def _names(ids: Sequence[str]) -> str:
    return ", ".join(f"'{i}'" for i in ids)


def course_with_articles(course: Course, notebooks: Path) -> Course:
    """The course with each lesson's articles as its notebook loads them (a lesson whose
    notebook is not there keeps the course file's list); KitError on a disagreement."""
    lessons = []
    for lesson in course.lessons:
        nb = notebooks / lesson.notebook
        if nb.is_file():
            lesson = replace(
                lesson, articles=_check_agreement(lesson, nb, notebook_loads(nb), course)
            )
        lessons.append(lesson)
    return replace(course, lessons=tuple(lessons))


# ---------------------------------------------------------------- what a release ships


@dataclass
class Shipment:
    """What a release of some lessons ships: each source file with its path in the release."""

    course: Course  # every lesson with its articles as its notebook loads them
    notebooks: list[Lesson] = field(default_factory=list)  # the lessons whose notebook is there
    articles: dict[Path, str] = field(default_factory=dict)
    banks: dict[Path, str] = field(default_factory=dict)
    #: Key files the notebooks load by name (never copied as they are: see kit.work.keys).
    keys: dict[Path, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def plan_release(
    course: Course, chosen: Sequence[Lesson], nb_dir: Path, seed_dir: Path
) -> Shipment:
    """Every file the chosen lessons' notebooks load, plus the articles and quiz banks the
    course file names for them; KitError (one line: notebook, file, fix) for a file that is not
    there or lies outside the course folder."""
    root, seeds = nb_dir.resolve().parent, seed_dir.resolve()
    plan = Shipment(course)
    wanted_ids: dict[str, Lesson] = {}
    wanted_banks: dict[str, Lesson] = {}
    # every lesson with its articles, for the manifest's course (the dashboard reads them all)
    by_id = {le.id: le for le in course_with_articles(course, nb_dir).lessons}
    for lesson in chosen:
        nb = nb_dir / lesson.notebook
        if not nb.is_file():
            plan.notes.append(f"lesson {lesson.id}: {nb} does not exist yet; left out")
            continue
        plan.notebooks.append(lesson)
        articles = by_id[lesson.id].articles
        for ld in notebook_loads(nb):
            if ld.path is None:
                if ld.kind == "bank" and not any(s.kind == "quiz" for s in lesson.done):
                    raise KitError(
                        f"{nb.name}, code cell {ld.cell}: {ld.call} gets a path built while the "
                        "notebook runs, so the kit cannot see which quiz bank to hand out",
                        path=course.path,
                        fix=f"write the bank's path in that cell, or add '- quiz: BANK_ID' to "
                        f"lesson {lesson.id}'s 'done:' in the course file",
                    )
                continue
            _add(plan, ld, nb, root, seeds)
        wanted_ids.update(dict.fromkeys(articles, lesson))
        wanted_banks.update({s.target: lesson for s in lesson.done if s.kind == "quiz"})
    plan.course = replace(course, lessons=tuple(by_id[le.id] for le in course.lessons))
    shipped_ids = {i for f in plan.articles for i in article_ids(f)}
    missing = {i: le for i, le in wanted_ids.items() if i not in shipped_ids}
    if missing:
        for f, ids in _seed_articles(seed_dir):
            if missing.keys() & set(ids):
                plan.articles.setdefault(f, _place(f, root, seeds))
                for i in ids:
                    missing.pop(i, None)
    for article_id, lesson in missing.items():
        raise KitError(
            f"lesson {lesson.id} works on the article '{article_id}' (the course file lists "
            f"it), but no file in {seed_dir} holds it",
            path=course.path,
            fix="put the article's file in seeds/, or correct the id in the course file",
        )
    shipped_banks = {_bank_id(f) for f in plan.banks}
    for bank_id, lesson in wanted_banks.items():
        if bank_id in shipped_banks:
            continue
        found = next((f for f in seed_files(seed_dir).banks if _bank_id(f) == bank_id), None)
        if found is None:
            raise KitError(
                f"lesson {lesson.id} is done by the quiz '{bank_id}', but no bank in "
                f"{seed_dir} has that id",
                path=course.path,
                fix="put the bank in seeds/, or correct the quiz id in the course file",
            )
        plan.banks[found.resolve()] = _place(found.resolve(), root, seeds)
    for bank in list(plan.banks):  # a bank's article goes with it (find-in-text questions)
        f = _bank_article(bank)
        if f is not None and _place(f, root, seeds):
            plan.articles.setdefault(f, _place(f, root, seeds))
    return plan


def _add(plan: Shipment, ld: Load, nb: Path, root: Path, seeds: Path) -> None:
    assert ld.path is not None
    f = _resolved(nb, ld.path)
    what = {"article": "article", "bank": "quiz bank", "key": "answer key"}[ld.kind]
    if not f.exists():
        raise KitError(
            f"code cell {ld.cell} loads the {what} {ld.path}, but there is no such file",
            path=nb,
            fix=f"put the file in seeds/ (it is looked for at {f}), or correct the path in "
            "that cell",
        )
    f = f.resolve()
    place = _place(f, root, seeds)
    if not place:
        raise KitError(
            f"code cell {ld.cell} loads {ld.path}, which is outside the course folder {root}",
            path=nb,
            fix="copy the file into seeds/ and load it as ../seeds/NAME",
        )
    target = {"article": plan.articles, "bank": plan.banks, "key": plan.keys}[ld.kind]
    files = seed_files(f).articles if f.is_dir() and ld.kind == "article" else (f,)
    for one in files:
        target.setdefault(one.resolve(), _place(one.resolve(), root, seeds))


def _place(f: Path, root: Path, seeds: Path) -> str:
    """Where a file goes in the release: at its place in the course folder (so the notebooks'
    relative paths still lead to it), or under seeds/ (empty: outside both)."""
    if f.is_relative_to(root):
        return f.relative_to(root).as_posix()
    if f.is_relative_to(seeds):
        return (Path("seeds") / f.relative_to(seeds)).as_posix()
    return ""


def _seed_articles(seed_dir: Path) -> list[tuple[Path, tuple[str, ...]]]:
    out = []
    for f in seed_files(seed_dir).articles:
        try:
            st = f.stat()
            out.append((f.resolve(), _ids_in(str(f), st.st_mtime_ns, st.st_size)))
        except (OSError, KitError):
            continue  # not an article the kit can read: never one a course names
    return out


def _bank_data(path: Path) -> dict:
    try:
        data = parse_yaml(read_text(path)[0], path, "the quiz bank")
    except KitError:
        return {}  # reported when the bank is released
    return data if isinstance(data, dict) else {}


def _bank_id(path: Path) -> str:
    """A bank file's id, as kit.quiz reads it (its file name when the file says none)."""
    from kit.quiz.bank import default_bank_id

    given = _bank_data(path).get("id")
    return given.strip() if isinstance(given, str) and given.strip() else default_bank_id(path)


def _bank_article(path: Path) -> Path | None:
    """The article file a bank names, as kit.quiz finds it (None: it names none, or no file)."""
    from kit.quiz.bank import find_article_file

    ref = _bank_data(path).get("article")
    found = find_article_file(str(ref), path) if isinstance(ref, str) and ref else None
    return found.resolve() if found is not None else None
