"""Students' work out of the kit: a table (DataFrame, CSV) and W3C Web Annotation JSON.

Give any mix of work files and folders (a class's `work/` folder, one student's folder, or single
`work/<student>/<article_id>.json` files). A file that cannot be read is skipped and listed in
`frame.attrs["problems"]` (or raises, with `strict=True`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from kit.errors import KitError
from kit.files import atomic_write_text
from kit.work.annotations import CONTEXT, Annotation, reanchor
from kit.work.store import read_document

COLUMNS = [
    "student",
    "article_id",
    "id",
    "start",
    "end",
    "exact",
    "labels",
    "label",
    "comment",
    "motivation",
    "created",
    "modified",
    "file",
]

Sources = str | Path | Iterable[str | Path]


def work_files(sources: Sources) -> list[Path]:
    """Every work file in `sources` (files and folders, searched recursively), in sorted order."""
    items = [sources] if isinstance(sources, str | Path) else list(sources)
    found: set[Path] = set()
    for item in items:
        path = Path(item)
        if path.is_dir():
            found.update(
                p
                for p in path.rglob("*.json")
                if not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            found.add(path)
        else:
            raise KitError("there is no such file or folder", path=path)
    return sorted(found)


def _documents(sources: Sources, strict: bool) -> tuple[list[tuple[Path, dict]], list[str]]:
    docs, problems = [], []
    for path in work_files(sources):
        try:
            docs.append((path, read_document(path)))
        except KitError as e:
            if strict:
                raise
            problems.append(e.message)
    return docs, problems


def to_dataframe(sources: Sources, *, strict: bool = False) -> pd.DataFrame:
    """One row per annotation: student, article_id, start, end, exact, labels, comment, ..."""
    docs, problems = _documents(sources, strict)
    rows = []
    for path, doc in docs:
        for raw in doc["annotations"]:
            a = Annotation.from_w3c(raw)
            rows.append(
                {
                    "student": doc.get("student", ""),
                    "article_id": doc.get("article_id", ""),
                    "id": a.id,
                    "start": a.start,
                    "end": a.end,
                    "exact": a.exact,
                    "labels": "; ".join(a.tags),
                    "label": a.label or "",
                    "comment": a.comment,
                    "motivation": a.motivation,
                    "created": a.created,
                    "modified": a.modified,
                    "file": str(path),
                }
            )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame = frame.sort_values(["student", "article_id", "start", "end"], kind="stable")
    frame = frame.reset_index(drop=True)
    frame.attrs["problems"] = problems
    return frame


def to_csv(sources: Sources, path: str | Path, *, strict: bool = False) -> Path:
    """Write the annotations of `sources` as a CSV file (UTF-8); returns its path."""
    frame = to_dataframe(sources, strict=strict)
    out = Path(path)
    atomic_write_text(out, frame.drop(columns=["file"]).to_csv(index=False))
    return out


def to_w3c(sources: Sources, *, label: str = "Student annotations", strict: bool = False) -> dict:
    """A W3C AnnotationCollection (one AnnotationPage) of every annotation in `sources`."""
    docs, _ = _documents(sources, strict)
    items = [raw for _, doc in docs for raw in doc["annotations"]]
    for raw in items:
        raw.setdefault("@context", CONTEXT)
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def write_w3c(sources: Sources, path: str | Path, **kwargs: Any) -> Path:
    """Write `to_w3c(sources)` as a JSON file; returns its path."""
    out = Path(path)
    atomic_write_text(out, json.dumps(to_w3c(sources, **kwargs), ensure_ascii=False, indent=1))
    return out


def annotations_from_w3c(data: dict | Sequence[dict]) -> list[Annotation]:
    """The annotations of a W3C AnnotationCollection, AnnotationPage or list of annotations."""
    if isinstance(data, dict) and data.get("type") == "AnnotationCollection":
        first = data.get("first") or {}
        data = first.get("items", []) if isinstance(first, dict) else []
    elif isinstance(data, dict) and data.get("type") == "AnnotationPage":
        data = data.get("items", [])
    elif isinstance(data, dict):
        data = [data]
    return [Annotation.from_w3c(raw, f"annotation {i}") for i, raw in enumerate(data, 1)]


def anchor_on(annotations: Iterable[Annotation], text: str) -> list[Annotation | None]:
    """Each annotation moved onto `text` (a copy of the article, maybe re-spaced); None if lost."""
    return [reanchor(a, text) for a in annotations]
