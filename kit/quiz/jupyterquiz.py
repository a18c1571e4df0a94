"""Importing jupyterquiz questions (JSON) into kit banks, so teachers keep what they have.

jupyterquiz (https://github.com/jmshea/jupyterquiz) keeps a list of questions with `type`
multiple_choice, many_choice, numeric or string and `answers` marked `correct`. They become
single, multiple, number and text questions; what the kit cannot represent is listed in the
bank's `warnings`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from kit.errors import KitError
from kit.files import read_text
from kit.quiz.bank import default_bank_id
from kit.quiz.model import Quiz
from kit.quiz.questions import MAX_BANK_BYTES, BankError
from kit.quiz.writer import Dumper


def from_jupyterquiz(
    source: str | Path | Sequence[Mapping[str, Any]],
    *,
    title: str | None = None,
    id: str | None = None,
) -> Quiz:
    """A bank from jupyterquiz questions (a JSON file, JSON text, or the list itself).

    Imports multiple_choice (-> single), many_choice (-> multiple), numeric (-> number) and
    string (-> text). What the kit cannot represent is listed in `quiz.warnings`.
    """
    path: Path | None = None
    if isinstance(source, Path) or (
        isinstance(source, str) and not source.lstrip().startswith(("[", "{"))
    ):
        path = Path(source)
        raw_text, _ = read_text(path, MAX_BANK_BYTES)
        try:
            items = json.loads(raw_text)
        except json.JSONDecodeError as e:
            raise KitError(
                f"not valid JSON ({e.msg})", path=path, line=e.lineno, fix="check this line"
            ) from None
    elif isinstance(source, str):
        items = json.loads(source)
    else:
        items = list(source)
    where = path or "<jupyterquiz>"
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list) or not items:
        raise KitError(
            "a jupyterquiz file holds a list of questions",
            path=where,
            fix="export the questions as a JSON list",
        )
    warnings: list[str] = []
    questions = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, Mapping):
            raise KitError(f"question {n} is not a JSON object", path=where)
        questions.append(_jq_question(item, n, where, warnings))
    bank_id = id or (default_bank_id(path) if path else "jupyterquiz")
    data = {"title": title or (path.stem if path else "Imported quiz"), "id": bank_id}
    data["questions"] = questions
    text = yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True)
    try:
        quiz = Quiz.from_yaml(text, path=None)
    except BankError as e:
        raise KitError(
            f"an imported question cannot be used: {e.problem}", path=where, fix=e.fix
        ) from None
    return replace(quiz, warnings=tuple(warnings))


def _jq_question(
    item: Mapping[str, Any], n: int, where: Any, warnings: list[str]
) -> dict[str, Any]:
    kind = item.get("type")
    prompt = str(item.get("question", "")).strip() or f"Question {n}"
    if item.get("code"):
        prompt += "\n\n" + str(item["code"])
    answers = [a for a in item.get("answers", []) if isinstance(a, Mapping)]
    out: dict[str, Any] = {"id": f"q{n}", "prompt": prompt}
    default = next((a.get("feedback") for a in answers if a.get("type") == "default"), None)
    if default:
        out["feedback_wrong"] = str(default)
    answers = [a for a in answers if a.get("type") != "default"]
    if kind in ("multiple_choice", "many_choice"):
        options = [str(a.get("answer", a.get("code", ""))) for a in answers]
        right = [i for i, a in enumerate(answers) if a.get("correct") is True]
        if not right:
            raise KitError(f"question {n} has no answer marked correct", path=where)
        out.update(type="single" if kind == "multiple_choice" else "multiple", options=options)
        out["answer"] = right if kind == "many_choice" or len(right) > 1 else right[0]
        fb = [a.get("feedback") for a in answers]
        if any(fb):
            out["feedback"] = [str(f) if f else None for f in fb]
        return out
    if kind == "string":
        out["type"] = "text"
        right = [str(a["answer"]) for a in answers if a.get("correct") and "answer" in a]
        if not right:
            raise KitError(f"question {n} has no answer marked correct", path=where)
        out["answers"] = right
        fb = {
            str(a["answer"]): str(a["feedback"])
            for a in answers
            if a.get("feedback") and "answer" in a
        }
        if fb:
            out["feedback"] = fb
        if not any(a.get("fuzzy_threshold") for a in answers):
            out["tolerance"] = 0
        if any(a.get("match_case") for a in answers):
            warnings.append(
                f"question {n}: answers are compared ignoring case (match_case dropped)"
            )
        return out
    if kind == "numeric":
        out["type"] = "number"
        values, ranges, fb = [], [], {}
        for a in answers:
            if "value" in a:
                if a.get("correct"):
                    values.append(a["value"])
                if a.get("feedback"):
                    fb[str(a["value"])] = str(a["feedback"])
            elif "range" in a:
                if a.get("correct"):
                    ranges.append(list(a["range"]))
                elif a.get("feedback"):
                    warnings.append(
                        f"question {n}: the feedback for the range {list(a['range'])} was not "
                        "imported (the kit gives feedback for single numbers)"
                    )
        if not values and not ranges:
            raise KitError(f"question {n} has no answer marked correct", path=where)
        if values:
            out["answer"] = values if len(values) > 1 else values[0]
        if ranges:
            out["ranges"] = ranges
        if fb:
            out["feedback"] = fb
        if isinstance(item.get("precision"), int):
            out["precision"] = item["precision"]
        return out
    raise KitError(
        f"question {n} has the jupyterquiz type '{kind}', which the kit cannot import",
        path=where,
        fix="the kit imports multiple_choice, many_choice, numeric and string questions",
    )
