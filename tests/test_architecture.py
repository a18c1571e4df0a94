"""The house rules of kit/ (DESIGN.md): no import cycle among its modules, counting the imports
made inside functions; imports point down the layers (LAYERS); no module past 900 lines and no
class past 450; each package says in its first line what it is for; the core never imports the
widgets."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

KIT = Path(__file__).resolve().parents[1] / "kit"
MAX_MODULE_LINES = 900
MAX_CLASS_LINES = 450


def _module_name(path: Path) -> str:
    parts = path.relative_to(KIT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(KIT.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(name: str, path: Path) -> set[str]:
    """Every kit module that `name` imports, at the top or inside a function (not under
    TYPE_CHECKING, which never runs)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and _is_type_checking(node)
        for n in ast.walk(node)
    }
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(up + ([base] if base else []))
            targets = [f"{base}.{a.name}" for a in node.names] + [base]
        else:
            continue
        for t in targets:
            while t and t not in MODULES:
                t = t.rpartition(".")[0]
            if t and t != name and t != "kit":  # the facade re-exports; nothing imports it back
                found.add(t)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_among_kit_modules():
    assert _cycles(GRAPH) == []


def test_the_core_never_imports_the_widgets():
    core = {m: deps for m, deps in GRAPH.items() if not m.startswith("kit.widgets") and m != "kit"}
    assert {
        m: sorted(d for d in deps if d.startswith("kit.widgets"))
        for m, deps in core.items()
        if any(d.startswith("kit.widgets") for d in deps)
    } == {}


# The layers, bottom up: a module may import modules of its own layer or of a lower one, never of
# a higher one (imports inside functions count; TYPE_CHECKING imports do not). An entry names a
# package (every module in it) or a single module; the longest entry that matches a module wins.
LAYERS = (
    ("kit.errors", "kit.files", "kit.progress"),  # the basics: errors, file access, progress
    ("kit.articles",),  # the Article model, loaders, segmentation, selections
    ("kit.reading",),  # the readers: sources, claims, wording, paragraph roles; corpora
    ("kit.views",),  # safe HTML of articles and of what the readers find
    ("kit.work",),  # students' work: annotations, the work-file store, answer keys, export
    ("kit.quiz",),  # quiz banks, grading, release, generation
    ("kit.classroom",),  # the course, release, collect, the class tables
    ("kit.widgets",),  # the notebook widgets
    ("kit", "kit.cli", "kit.__main__"),  # the facade notebooks import, and the command line
)

# Upward imports that remain, (importer, imported): reason. Keep it short; each entry must still
# be needed (test_every_allowed_upward_import_is_still_there), so a fixed one leaves the list.
ALLOWED_UPWARD: dict[tuple[str, str], str] = {}


def _layer(module: str) -> int:
    best: tuple[int, int] | None = None  # (length of the entry, layer)
    for level, entries in enumerate(LAYERS):
        for entry in entries:
            inside = module == entry or (
                module.startswith(entry + ".") and entry != "kit"  # "kit" is the facade only
            )
            if inside and (best is None or len(entry) > best[0]):
                best = (len(entry), level)
    if best is None:
        raise KeyError(module)
    return best[1]


def _safe_layer(module: str) -> int | None:
    try:
        return _layer(module)
    except KeyError:
        return None  # test_every_module_has_a_layer names it


def _upward(graph: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    return {
        (m, d): f"layer {_layer(m)} imports layer {_layer(d)}"
        for m, deps in sorted(graph.items())
        for d in sorted(deps)
        if None not in (_safe_layer(m), _safe_layer(d)) and _layer(d) > _layer(m)
    }


def test_every_module_has_a_layer():
    assert [m for m in MODULES if _safe_layer(m) is None] == []


def test_the_layer_check_finds_an_upward_import():
    graph = {"kit.work.keys": {"kit.classroom.course", "kit.work.store"}, "kit.cli": {"kit"}}
    assert list(_upward(graph)) == [("kit.work.keys", "kit.classroom.course")]
    assert _safe_layer("kit.newcomer") is None and _upward({"kit.newcomer": {"kit.cli"}}) == {}
    assert _layer("kit.views.html") < _layer("kit.work.store") < _layer("kit.quiz.model")
    assert _layer("kit") == _layer("kit.cli") > _layer("kit.widgets.quiz")


def test_imports_point_down_the_layers():
    upward = {k: v for k, v in _upward(GRAPH).items() if k not in ALLOWED_UPWARD}
    assert upward == {}, "a module imports a higher layer (see LAYERS): move the code up or down"


def test_every_allowed_upward_import_is_still_there():
    assert [k for k in ALLOWED_UPWARD if k not in _upward(GRAPH)] == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_and_class_sizes(name):
    src = MODULES[name].read_text(encoding="utf-8")
    assert src.count("\n") <= MAX_MODULE_LINES, f"{name} has {src.count(chr(10))} lines"
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.ClassDef):
            size = node.end_lineno - node.lineno + 1
            assert size <= MAX_CLASS_LINES, f"{name}.{node.name} has {size} lines"


@pytest.mark.parametrize("init", sorted(p for p in KIT.rglob("__init__.py")))
def test_every_package_says_what_it_is_for(init):
    doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    assert doc and len(doc.split()) >= 5, f"{init} has no docstring saying what the package is for"


def test_kit_has_at_least_five_subpackages():
    assert len([p for p in KIT.iterdir() if (p / "__init__.py").exists()]) >= 5


def _file_name_constants(path: Path) -> list[tuple[str, str]]:
    """The module-level constants of `path` that name a file or a file ending ('.sealed.json',
    'collect-report.csv'), as (name, value)."""
    out = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            value = node.value.value
            if isinstance(value, str) and re.fullmatch(r"[\w.-]*\.(json|ya?ml|csv|zip)", value):
                out += [(t.id, value) for t in node.targets if isinstance(t, ast.Name)]
    return out


def test_a_file_name_the_kit_gives_is_written_in_one_place():
    """Two constants for one name drift apart: one writer and another reader would then miss
    each other's files (a sealed key read as the teacher's, a report not found)."""
    where: dict[str, list[str]] = {}
    for name, path in MODULES.items():
        for const, value in _file_name_constants(path):
            where.setdefault(value, []).append(f"{name}.{const}")
    assert {v: w for v, w in where.items() if len(w) > 1} == {}
    assert where[".sealed.json"] == ["kit.work.key_files.SEALED_SUFFIX"]
