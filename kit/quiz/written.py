"""Feedback on written answers and choices: a model answer, a short checklist, a word per option.

A teacher writes them in `seeds/answers/*.yaml` (any number of files, one a lesson is the habit),
keyed by the response key the lesson's `kit.write` / `kit.choose` call saves under:

```yaml
lesson1.headline_guess:
  model: >
    A model answer, in the course's voice.
  checklist:                 # what a good answer has; two to four short points
    - It says who did what.
    - It names who says so.
lesson1.kind:                # a choice: a word on each option (by its text) as well
  model: It is a news report ...
  options:
    News report: "Yes: ..."
    Opinion: "Not quite: ..."
```

The widgets show it once the student's answer is saved, never before. A practice release
(`kit release`) ships each file obscured (`released: true`, every entry sealed with a key made
from the file's salt and the response key), so that the answers are not plain text in the
student copy; anyone who writes code can still open them: it stops casual peeking only. An exam
release ships none.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.errors import KitError
from kit.files import atomic_write_text, parse_yaml, read_text
from kit.quiz.answers import seal, unseal

#: The folder of a seeds folder that holds model answers.
ANSWERS_FOLDER = "answers"
SUFFIXES = (".yaml", ".yml")
MAX_BYTES = 1024 * 1024
FIELDS = ("model", "checklist", "options")


@dataclass(frozen=True)
class ModelAnswer:
    """What a student sees once their answer to one prompt is saved."""

    key: str
    model: str = ""
    checklist: tuple[str, ...] = ()
    options: tuple[tuple[str, str], ...] = ()  # (option text, a word on choosing it)

    def on_option(self, option: str) -> str:
        """The word on choosing `option` ('' when the teacher wrote none)."""
        return next((said for o, said in self.options if o == option), "")


def _text(value: Any, where: str, path: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise KitError(f"{where} should be some text", path=path, fix="write the text after it")
    return " ".join(value.split())


def _entry(key: str, raw: Any, path: Path) -> ModelAnswer:
    if not isinstance(raw, dict):
        raise KitError(
            f"'{key}' should have 'model:' (and 'checklist:') below it",
            path=path,
            fix="write the model answer as 'model: ...' indented under the key",
        )
    unknown = sorted(set(map(str, raw)) - set(FIELDS))
    if unknown:
        raise KitError(
            f"'{key}' has '{unknown[0]}', which the kit does not know",
            path=path,
            fix=f"use {', '.join(FIELDS)}",
        )
    model = _text(raw["model"], f"'{key}': model", path) if "model" in raw else ""
    checklist = raw.get("checklist") or []
    if not isinstance(checklist, list):
        raise KitError(f"'{key}': checklist should be a list", path=path, fix="write '- ' items")
    options = raw.get("options") or {}
    if not isinstance(options, dict):
        raise KitError(
            f"'{key}': options should map each option to a word on it",
            path=path,
            fix="write 'Option text: what to say' lines under 'options:'",
        )
    if not model and not options:
        raise KitError(f"'{key}' has neither a model answer nor options", path=path)
    return ModelAnswer(
        key,
        model,
        tuple(_text(c, f"'{key}': a checklist item", path) for c in checklist),
        tuple((str(o), _text(s, f"'{key}': option '{o}'", path)) for o, s in options.items()),
    )


def _as_data(answer: ModelAnswer) -> dict[str, Any]:
    data: dict[str, Any] = {"model": answer.model} if answer.model else {}
    if answer.checklist:
        data["checklist"] = list(answer.checklist)
    if answer.options:
        data["options"] = dict(answer.options)
    return data


def _opener(salt: str, key: str) -> str:
    return hashlib.sha256(f"kit-answers\x1f{salt}\x1f{key}".encode()).hexdigest()


def load_answers(path: str | Path) -> dict[str, ModelAnswer]:
    """The model answers of one file, a teacher's or a released one; KitError names the place."""
    p = Path(path)
    data = parse_yaml(read_text(p, MAX_BYTES)[0], p, "the model answers file")
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise KitError(
            "a model answers file should map response keys to answers",
            path=p,
            fix="start each entry with the key the lesson saves under, as 'lesson1.reaction:'",
        )
    if data.get("released") is True:
        salt, sealed = data.get("salt"), data.get("answers")
        if not isinstance(salt, str) or not isinstance(sealed, dict):
            raise KitError(
                "this model answers file is damaged",
                path=p,
                fix="ask your teacher for the course copy again",
            )
        out = {}
        for key, value in sealed.items():
            opened = unseal(_opener(salt, str(key)), str(value))
            if opened is not None:
                out[str(key)] = _entry(str(key), json.loads(opened), p)
        return out
    return {str(k): _entry(str(k), v, p) for k, v in data.items()}


def released_text(path: str | Path, salt: str | None = None) -> str:
    """The practice copy of a teacher's model answers file: every entry obscured."""
    salt = salt or secrets.token_hex(16)
    sealed = {
        key: seal(_opener(salt, key), json.dumps(_as_data(a), ensure_ascii=False))
        for key, a in sorted(load_answers(path).items())
    }
    import yaml

    header = (
        "# Feedback on written answers (model answers, checklists), obscured: the widgets show\n"
        "# each one once its answer is saved. Made by python -m kit release.\n"
    )
    body = {"released": True, "salt": salt, "answers": sealed}
    return header + yaml.safe_dump(body, sort_keys=False, width=1000)


def answer_files(seeds: str | Path) -> list[Path]:
    """The model answers files of a seeds folder (`answers/*.yaml`)."""
    folder = Path(seeds) / ANSWERS_FOLDER
    if not folder.is_dir():
        return []
    return sorted(f for f in folder.iterdir() if f.is_file() and f.suffix.lower() in SUFFIXES)


def release_answers(seeds: str | Path, out: str | Path, exam: bool = False) -> list[str]:
    """Write the obscured model answers of `seeds` into `out` (a copy's seeds folder); returns
    the files written, relative to `out`. `exam`: none at all."""
    if exam:
        return []
    written = []
    for f in answer_files(seeds):
        rel = Path(ANSWERS_FOLDER) / f.name
        (Path(out) / ANSWERS_FOLDER).mkdir(parents=True, exist_ok=True)
        atomic_write_text(Path(out) / rel, released_text(f))
        written.append(rel.as_posix())
    return written


_CACHE: dict[tuple[str, float], dict[str, ModelAnswer]] = {}


def model_answer(key: str, near: str | Path | None) -> ModelAnswer | None:
    """The model answer for response `key`, from `answers/` in the folder of `near` (an article's
    path) or up to two folders above it (the seeds folder); None when there is none."""
    if near is None:
        return None
    for folder in list(Path(near).resolve().parents)[:3]:
        for f in answer_files(folder):
            at = (str(f), f.stat().st_mtime)
            if at not in _CACHE:
                _CACHE[at] = load_answers(f)
            if key in _CACHE[at]:
                return _CACHE[at][key]
    return None
