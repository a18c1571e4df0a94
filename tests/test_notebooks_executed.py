"""Notebooks are committed executed, so strict nbval really compares them; and they stay simple.

A code cell saved without an execution count is never compared by nbval: a notebook without
outputs would make strict --nbval as weak as --nbval-lax and still pass.
"""

import ast
from pathlib import Path

import nbformat
import pytest
from IPython.core.inputtransformer2 import TransformerManager

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = REPO / "notebooks"
FIRST = NOTEBOOK_DIR / "00_start_here.ipynb"
NOTEBOOKS = sorted(p for p in NOTEBOOK_DIR.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def _ids(paths):
    return [str(p.relative_to(NOTEBOOK_DIR)) for p in paths]


def _code_cells(path):
    nb = nbformat.read(path, as_version=4)
    return [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]


def test_first_notebook_exists():
    assert FIRST.is_file(), f"missing {FIRST.relative_to(REPO)}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_every_code_cell_was_executed(path):
    cells = _code_cells(path)
    missing = [i for i, c in cells if c.source.strip() and c.get("execution_count") is None]
    assert not missing, (
        f"{path.name}: code cells {missing} have no execution count; run `make notebooks`"
    )
    assert any(c.get("outputs") for _, c in cells), f"{path.name} has no outputs at all"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_no_cell_defines_a_function_or_class(path):
    transformer = TransformerManager()  # turns %magics and !shell lines into Python
    offenders = []
    for i, cell in _code_cells(path):
        source = cell.source
        if not source.strip() or source.lstrip().startswith(("%", "!")):
            continue
        tree = ast.parse(transformer.transform_cell(source), filename=f"{path.name}[{i}]")
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                offenders.append(f"cell {i}: {node.name}")
    assert not offenders, f"{path.name}: notebooks call the kit, they define nothing: {offenders}"
