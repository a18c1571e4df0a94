"""Writing quiz banks as YAML that teachers can read and edit.

`Dumper` keeps multi-line text as literal blocks; `question_to_dict` gives one question as the
plain data of a bank file (a teacher's question with its answer, or a released one with its key),
leaving out what equals the bank's settings. `kit.quiz.model.Quiz.to_yaml` writes a whole bank.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import yaml

from kit.quiz.questions import Question, Settings


class Dumper(yaml.SafeDumper):
    """YAML writer that keeps multi-line text readable (literal blocks)."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, _str_representer)


def dump(data: dict[str, Any]) -> str:
    """Bank data as YAML: keys in the order given, text unescaped, lines up to 100 characters."""
    return yaml.dump(
        data,
        Dumper=Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )


def question_to_dict(q: Question, settings: Settings) -> dict[str, Any]:
    """One question as bank data, in the order teachers read it."""
    out: dict[str, Any] = {"id": q.id, "type": q.type, "prompt": q.prompt}
    if q.type in ("single", "multiple"):
        out["options"] = list(q.options)
    if q.key is not None or q.answer is None:
        pass  # a practice copy's key is written below; an exam copy has no answer at all
    elif q.type in ("single", "multiple"):
        unique = len(set(q.options)) == len(q.options)
        picked = [q.options[i] if unique else i for i in q.answer]
        out["answer"] = picked[0] if q.type == "single" and len(picked) == 1 else picked
        if any(q.feedback):
            out["feedback"] = list(q.feedback)
    elif q.type == "truefalse":
        out["answer"] = bool(q.answer)
        fb = {k: v for k, v in zip(("true", "false"), q.feedback) if v}
        if fb:
            out["feedback"] = fb
    elif q.type in ("text", "find"):
        name = "answers" if q.type == "text" else "answer"
        out[name] = list(q.answer) if len(q.answer) > 1 or q.type == "text" else q.answer[0]
        if q.feedback:
            out["feedback"] = dict(q.feedback)
    else:
        nums = [number_out(v) for v in q.answer]
        if nums:
            out["answer"] = nums[0] if len(nums) == 1 else nums
        if q.ranges:
            out["ranges"] = [[number_out(lo), number_out(hi)] for lo, hi in q.ranges]
        if q.feedback:
            out["feedback"] = dict(q.feedback)
    if q.precision is not None and q.type == "number":
        out["precision"] = q.precision
    for name in ("tolerance", "min_length", "min_overlap"):
        value = getattr(q, name)
        if value is not None and value != getattr(settings, name):
            out[name] = value
        elif value is not None and q.key is not None and name in ("tolerance", "min_overlap"):
            out[name] = value
    if q.points != 1:
        out["points"] = int(q.points) if float(q.points).is_integer() else q.points
    if q.hint:
        out["hint"] = q.hint
    if q.feedback_wrong:
        out["feedback_wrong"] = q.feedback_wrong
    if q.explanation:
        out["explanation"] = q.explanation
    if q.key is not None:
        out["key"] = dict(q.key)
    return out


def number_out(value: str) -> int | float:
    """A canonical number as YAML shows it: 30, not 30.0; 2.5 as written."""
    d = Decimal(value)
    return int(d) if d == d.to_integral_value() and "." not in value else float(value)
