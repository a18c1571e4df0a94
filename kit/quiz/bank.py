"""Reading a quiz bank file: safe YAML with line numbers, the JSON Schema, and every problem
named with its file, line and fix.

YAML is read with a safe loader that keeps mapping keys as written, reads only `true`/`false` as
booleans (YAML 1.2: "Yes" and "No" stay text), refuses object tags, duplicate keys, cycles and
alias bombs, and keeps the node tree so that a path in the data (as jsonschema reports it) maps
back to a line. Questions the schema accepts are checked further (answer indices, options, quotes
in the article) in the same run, so `python -m kit quiz check` lists every problem at once.

This module gives the checked parts of a bank (its questions, settings and article); the Quiz
that grades with them is made from those parts by `kit.quiz.model`, which sits above it.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from kit.articles.article import SUFFIXES, Article, load_article, read_file, safe_id
from kit.errors import KitError
from kit.files import CHECK, check_yaml_nodes
from kit.quiz import answers as keys
from kit.quiz.questions import MAX_BANK_BYTES, TYPES, Question, Settings
from kit.quiz.sealed import SEALING, older_copy

_MAX_REPORTED = 50

#: A checked bank as the keyword arguments of `kit.quiz.model.Quiz` (id, title, questions ...).
BankFields = dict[str, Any]


# ---------------------------------------------------------------- YAML with line numbers


class _Loader(yaml.SafeLoader):
    """Safe YAML whose mapping keys are kept as written ('yes' stays the text 'yes')."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        self.flatten_mapping(node)
        mapping = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = key_node.value
            else:
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be a plain word or text", key_node.start_mark
                )
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


# YAML 1.2 booleans only: in a quiz, "Yes", "No", "on" and "off" are answers and feedback, not
# true and false as YAML 1.1 would read them.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


class _Lines:
    """Maps a data path (as in jsonschema errors) back to a line of the YAML file.

    `kept` lists, when some questions were set aside, which original question each one is.
    """

    def __init__(self, root: yaml.Node | None, kept: Sequence[int] | None = None) -> None:
        self.root = root
        self.kept = kept

    def node(self, path: Sequence[Any], key: bool = False) -> yaml.Node | None:
        if self.kept is not None and len(path) >= 2 and path[0] == "questions":
            if isinstance(path[1], int) and path[1] < len(self.kept):
                path = ["questions", self.kept[path[1]], *path[2:]]
        node = self.root
        for i, part in enumerate(path):
            if isinstance(node, yaml.MappingNode):
                found = None
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and k.value == part:
                        found = k if key and i == len(path) - 1 else v
                if found is None:
                    return node
                node = found
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if part >= len(node.value):
                    return node
                node = node.value[part]
            else:
                return node
        return node

    def line(self, path: Sequence[Any], key: bool = False) -> int | None:
        node = self.node(path, key)
        return node.start_mark.line + 1 if node is not None else None


def _check_size(text: str, where: Path | str) -> None:
    """KitError when a bank is larger than any quiz needs (read as YAML or JSON alike)."""
    if len(text) > MAX_BANK_BYTES:
        raise KitError(
            f"the bank is {len(text) / 1e6:.1f} MB, more than a quiz needs",
            path=where,
            fix="split it into several banks",
        )


def _read_yaml(text: str, path: Path | None) -> tuple[Any, _Lines]:
    """Parse YAML safely: no object tags, no alias bombs; KitError with the line otherwise."""
    where = path or "<bank>"
    _check_size(text, where)
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as e:  # the reader refuses control characters up front
        raise KitError(
            f"the file holds a character YAML does not allow (#x{e.character:04x})",
            path=where,
            line=text.count("\n", 0, e.position) + 1,
            fix="remove it, or save the file again as plain UTF-8 text",
        ) from None
    try:
        root = loader.get_single_node()
        if root is None:
            raise KitError(
                "the file is empty", path=where, fix="start it with `title:` and `questions:`"
            )
        check_yaml_nodes(
            root,
            where,
            "the bank",
            fix_aliases="write the questions out without anchors and aliases",
        )
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        raise KitError(
            f"YAML syntax error: {e.problem or e.context}",
            path=where,
            line=mark.line + 1 if mark else None,
            fix=_syntax_fix(e),
        ) from None
    except yaml.YAMLError as e:
        raise KitError(f"YAML error: {e}", path=where) from None
    except RecursionError:
        raise KitError(
            "the YAML is nested too deeply", path=where, fix="a quiz bank needs only a few levels"
        ) from None
    finally:
        loader.dispose()
    return data, _Lines(root)


def _read_json(text: str, path: Path) -> tuple[Any, _Lines]:
    """A bank saved as JSON (`Quiz.save("x.json")`): read as JSON, not YAML (numbers like 1e-05,
    characters YAML refuses), without the kit's check of the file it wrote (`kit-check`); lines
    come from the same text read as YAML where it can be."""
    _check_size(text, path)
    try:
        data = json.loads(text, object_pairs_hook=_no_twice)
    except json.JSONDecodeError as e:
        raise KitError(
            f"the bank is not valid JSON ({e.msg})",
            path=path,
            line=e.lineno,
            fix="check the commas, quotes and brackets on this line and the one above",
        ) from None
    except ValueError as e:  # a key twice in one object
        raise KitError(str(e), path=path, fix="keep one of them") from None
    except RecursionError:
        raise KitError(
            "the JSON is nested too deeply", path=path, fix="a quiz bank needs only a few levels"
        ) from None
    if isinstance(data, dict):
        data.pop(CHECK, None)
    try:
        _, lines = _read_yaml(text, path)
    except KitError:
        lines = _Lines(None)
    return data, lines


def _no_twice(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key that appears twice (json would keep the last silently)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"the key '{key}' appears twice in one object")
        out[key] = value
    return out


def _syntax_fix(e: yaml.MarkedYAMLError) -> str:
    problem = (e.problem or "") + (e.context or "")
    if "tab" in problem or "\t" in problem or "\\t" in problem:  # PyYAML writes '\t' escaped
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "text with a colon in it must be in quotes, like prompt: \"Who said: 'no'?\""
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "check the indentation of this line and the one above (use 2 spaces per level)"
    return "check this line and the one above (indentation, quotes, colons)"


# ---------------------------------------------------------------- checking a bank


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of quiz banks (shipped as kit/data/quiz_bank.schema.json)."""
    raw = resources.files("kit").joinpath("data/quiz_bank.schema.json").read_text("utf-8")
    return json.loads(raw)


@lru_cache(maxsize=1)
def _validator():
    import sys

    if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
        # In a JupyterLab environment jsonschema finds rfc3987_syntax (jupyter-events asks for
        # jsonschema[format-nongpl]) and compiles ~40 grammars at import: 1.2-2 s measured, more
        # than the whole 1 s budget for showing a quiz. The bank schema checks no formats, so
        # jsonschema is imported without it; the module stays importable for everyone else.
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]
        try:
            import jsonschema  # noqa: F401
        finally:
            del sys.modules["rfc3987_syntax"]
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


_FIELD_FIXES = {
    ("single", "answer"): "add `answer:` with the right option (its text, or its number "
    "counting from 0)",
    ("multiple", "answer"): "add `answer:` with the list of right options, like [0, 2]",
    ("truefalse", "answer"): "add `answer: true` or `answer: false`",
    ("text", "answer"): "add `answers:` with the accepted answers, one per line",
    ("find", "answer"): "add `answer:` with the passage copied from the article",
    ("number", "answer"): "add `answer:` with the number (or `ranges:` with [low, high])",
    ("single", "options"): "add `options:` with two or more choices",
    ("multiple", "options"): "add `options:` with two or more choices",
}
_HUMAN_TYPES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a set of `name: value` lines",
    "null": "empty",
}


def _where(data: Any, path: Sequence[Any]) -> tuple[str, str]:
    """('question 'q3'', q-type) for a path inside a question, else ('the bank', '')."""
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        try:
            q = data["questions"][path[1]]
        except (KeyError, IndexError, TypeError):
            q = None
        if isinstance(q, dict):
            qid, qtype = q.get("id"), q.get("type")
            label = f"question '{qid}'" if isinstance(qid, str) else f"question {path[1] + 1}"
            return label, qtype if isinstance(qtype, str) else ""
        return f"question {path[1] + 1}", ""
    if path and path[0] == "settings":
        return "the settings", ""
    return "the bank", ""


def _at(data: Any, path: Sequence[Any]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _field_name(path: Sequence[Any]) -> str:
    """`feedback`, or item 2 of `feedback`, for messages."""
    if not path:
        return "the file"
    if isinstance(path[-1], int) and len(path) >= 2 and isinstance(path[-2], str):
        return f"item {path[-1] + 1} of `{path[-2]}`"
    return f"`{path[-1]}`"


def _describe(err: Any, data: Any) -> tuple[str, str, list[Any], bool]:
    """(problem, fix, path, point-at-key) for one jsonschema error."""
    from jsonschema.exceptions import best_match

    if err.validator in ("oneOf", "anyOf") and err.context:
        if err.validator == "anyOf" and all(e.validator == "required" for e in err.context):
            label, qtype = _where(data, list(err.absolute_path))
            name = "answers" if qtype == "text" else "answer"
            fix = _FIELD_FIXES.get((qtype, "answer"), f"add `{name}:`")
            return f"{label} has no `{name}`", fix, list(err.absolute_path), False
        return _describe(best_match(err.context), data)
    path = list(err.absolute_path)
    label, qtype = _where(data, path)
    name = path[-1] if path and isinstance(path[-1], str) else None
    instance = err.instance
    if err.validator == "required":
        missing = [p for p in err.validator_value if p not in (instance or {})]
        what = missing[0] if missing else "?"
        fix = _FIELD_FIXES.get((qtype, what), "")
        if not fix and what == "id":
            fix = "give each question a short id, like `id: q3` (saved answers are kept by id)"
        return f"{label} has no `{what}`", fix or f"add `{what}:`", path, False
    if err.validator == "additionalProperties":
        allowed = sorted(err.schema.get("properties", {}))
        extra = sorted(set(instance) - set(allowed)) if isinstance(instance, dict) else ["?"]
        guess = difflib.get_close_matches(extra[0], allowed, n=1)
        fix = (
            f"perhaps you meant `{guess[0]}`"
            if guess
            else f"the known fields are: {', '.join(allowed)}"
        )
        return (
            f"{label} has a field `{extra[0]}` the kit does not know",
            fix,
            path + [extra[0]],
            True,
        )
    if err.schema is False:
        # jsonschema reports a `false` property schema at the parent object without the name:
        # find the property whose value is the one refused.
        parent = _at(data, path)
        if isinstance(parent, dict):
            name = next((k for k, v in parent.items() if v is err.instance), name)
            path = path + [name]
        if name == "key":
            return (
                f"{label} has a `key`, which only student copies have",
                "remove `key:` (use `answer:`), or release the bank: python -m kit quiz release",
                path,
                True,
            )
        return (
            f"{label} gives `{name}` in a student copy, which must not hold answers",
            "release the teacher's bank again with python -m kit quiz release",
            path,
            True,
        )
    if err.validator == "enum" and name == "type":
        return (
            f"{label} has type '{instance}', which the kit does not know",
            f"use one of: {', '.join(TYPES)}",
            path,
            False,
        )
    if err.validator in ("enum", "const"):
        allowed = err.validator_value if err.validator == "enum" else [err.validator_value]
        shown = ", ".join(str(a) for a in allowed)
        return f"`{name}` in {label} is '{instance}'", f"use one of: {shown}", path, False
    if err.validator == "type":
        wanted = (
            err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        )
        human = " or ".join(_HUMAN_TYPES.get(w, w) for w in wanted)
        fix = f"write {human} there"
        if "string" in wanted and isinstance(instance, dict):
            fix = 'text with a colon and a space in it must be in quotes, like "Note: this"'
        elif "string" in wanted:
            fix += " (put it in quotes if it looks like a number, a date or yes/no)"
        return f"{_field_name(path)} in {label} should be {human}", fix, path, False
    if err.validator == "minItems":
        return (
            f"`{name}` in {label} needs at least {err.validator_value} item(s)",
            "add the missing items",
            path,
            False,
        )
    if err.validator in ("maxItems", "maxLength", "maxProperties"):
        return f"`{name}` in {label} is too long", "shorten it or split the question", path, False
    if err.validator == "minLength":
        return f"`{name}` in {label} is empty", f"write something after `{name}:`", path, False
    if err.validator == "pattern" and name == "id":
        return (
            f"the id '{instance}' in {label} cannot be used",
            "use letters, digits, '-', '_' and '.', like q3 or healey-quote",
            path,
            False,
        )
    if err.validator == "uniqueItems":
        return f"`{name}` in {label} lists the same item twice", "remove the repeat", path, False
    if err.validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return (
            f"`{name}` in {label} is {instance}, outside what the kit allows",
            f"use a value that is {err.validator} {err.validator_value}",
            path,
            False,
        )
    return f"{label}: {err.message}", "", path, False


def _schema_errors(data: Any, lines: _Lines, where: Path | str) -> list[KitError]:
    out: list[KitError] = []
    seen: set[str] = set()
    errors = sorted(
        _validator().iter_errors(data),
        key=lambda e: [(0, p, "") if isinstance(p, int) else (1, 0, p) for p in e.absolute_path],
    )
    for err in errors:
        problem, fix, path, at_key = _describe(err, data)
        e = KitError(problem, path=where, line=lines.line(path, at_key), fix=fix)
        if e.message not in seen:
            seen.add(e.message)
            out.append(e)
        if len(out) >= _MAX_REPORTED:
            break
    return out


def parse_bank(
    text: str, path: Path | None, article: Article | None
) -> tuple[BankFields | None, list[KitError]]:
    """The bank in `text` and every problem found in it: the Quiz's fields (None when there are
    any problems) and the problems."""
    where: Path | str = path or "<bank>"
    try:
        if path is not None and path.suffix.lower() == ".json":
            data, lines = _read_json(text, path)
        else:
            data, lines = _read_yaml(text, path)
    except KitError as e:
        return None, [e]
    if not isinstance(data, dict):
        return None, [
            KitError(
                "a quiz bank starts with `title:` and `questions:`, not a list or a word",
                path=where,
                line=1,
                fix="see seeds/*.quiz.yaml for an example",
            )
        ]
    errors = _schema_errors(data, lines, where)
    usable = data
    if errors:
        # Check the questions the schema passed too, so one run reports every problem.
        paths = [list(e.absolute_path) for e in _validator().iter_errors(data)]
        if any(len(p) < 2 or p[0] != "questions" for p in paths):
            return None, errors
        bad = {p[1] for p in paths}
        usable = dict(data, questions=[q for i, q in enumerate(data["questions"]) if i not in bad])
        lines = _Lines(lines.root, [i for i in range(len(data["questions"])) if i not in bad])
    builder = _Builder(usable, lines, where, path, article)
    fields = builder.build()
    errors = sorted(errors + builder.errors, key=lambda e: e.line or 0)
    return (fields if not errors else None), errors


class _Builder:
    """Turns checked bank data into a Quiz's fields, collecting the problems the schema cannot
    see."""

    def __init__(
        self,
        data: dict[str, Any],
        lines: _Lines,
        where: Path | str,
        path: Path | None,
        article: Article | None,
    ) -> None:
        self.data = data
        self.lines = lines
        self.where = where
        self.path = path
        self.article = article
        self.errors: list[KitError] = []
        self.settings = _settings(data.get("settings") or {})

    def error(self, problem: str, at: Sequence[Any], fix: str = "", key: bool = False) -> None:
        self.errors.append(
            KitError(problem, path=self.where, line=self.lines.line(at, key), fix=fix)
        )

    def build(self) -> BankFields:
        data = self.data
        released = bool(data.get("released"))
        bank_id = data.get("id") or default_bank_id(self.path)
        article_ref = data.get("article")
        article = self._article(article_ref, need=self._needs_article(data))
        if released:
            self._check_copy(data)
        questions = []
        seen: dict[str, int] = {}
        for i, raw in enumerate(data["questions"]):
            at = ["questions", i]
            if raw["id"] in seen:
                self.error(
                    f"two questions have the id '{raw['id']}' (the first is question "
                    f"{seen[raw['id']] + 1})",
                    at + ["id"],
                    "give every question its own id",
                )
            seen.setdefault(raw["id"], i)
            q = self._released(raw, at) if released else self._question(raw, at, article)
            if q is not None:
                questions.append(q)
        article_id = article.id if article is not None else _ref_id(article_ref)
        return {
            "id": bank_id,
            "title": data["title"],
            "questions": tuple(questions),
            "article_id": article_id,
            "description": data.get("description", ""),
            "settings": self.settings,
            "released": released,
            "salt": data.get("salt", ""),
            "exam": bool(data.get("exam")),
            "sealing": data.get("sealing"),
            "article_sha": data.get("article_sha", ""),
            "path": self.path,
            "article": article,
        }

    @staticmethod
    def _needs_article(data: dict[str, Any]) -> bool:
        return any(q.get("type") == "find" for q in data["questions"])

    def _article(self, ref: str | None, need: bool) -> Article | None:
        if self.article is not None:
            if ref and _ref_id(ref) != self.article.id:
                self.error(
                    f"this bank is for the article '{_ref_id(ref)}', not '{self.article.id}'",
                    ["article"],
                    "give the article the bank was written for",
                )
            return self.article
        if not ref:
            if need:
                self.error(
                    "the bank has find-in-text questions but does not say which article",
                    ["questions"],
                    "add `article:` with the article's file name (next to the bank) or its id",
                )
            return None
        found = find_article_file(ref, self.path)
        if found is None:
            if need:
                self.error(
                    f"the article '{ref}' was not found beside the bank or in its seeds folder",
                    ["article"],
                    "put the article file in the seeds folder and give its id (or its path "
                    "from the bank)",
                )
            return None
        if not need:
            return None
        try:
            return load_article(found)
        except KitError as e:
            self.error(f"the article could not be read: {e.message}", ["article"])
            return None

    def _common(self, raw: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": raw["id"],
            "type": raw["type"],
            "prompt": raw["prompt"],
            "hint": raw.get("hint", ""),
            "points": float(raw.get("points", 1)),
            "tolerance": raw.get("tolerance"),
            "min_length": raw.get("min_length"),
            "min_overlap": raw.get("min_overlap"),
            "precision": raw.get("precision"),
        }

    def _check_copy(self, data: dict[str, Any]) -> None:
        """A student copy is an exam copy (no answer material) or a practice copy sealed the
        way this kit seals (older copies could be read: they are refused)."""
        if data.get("exam"):
            if "salt" in data or "sealing" in data:
                self.error(
                    "an exam copy holds answer material (`salt:` or `sealing:`)",
                    ["salt" if "salt" in data else "sealing"],
                    "release the teacher's bank again with python -m kit quiz release --exam",
                    key=True,
                )
            return
        sealing = data.get("sealing")
        if not isinstance(sealing, dict) or sealing.get("format") != SEALING:
            e = older_copy(self.where)
            self.error(e.problem, ["sealing"] if sealing else [], e.fix)
        elif not isinstance(data.get("salt"), str):
            self.error(
                "this student copy has no `salt:`",
                [],
                "release the teacher's bank again with python -m kit quiz release",
            )

    def _released(self, raw: dict[str, Any], at: list[Any]) -> Question | None:
        common = self._common(raw)
        exam = bool(self.data.get("exam"))
        if exam == ("key" in raw):
            self.error(
                f"question '{raw['id']}' has a `key`, which an exam copy must not hold"
                if exam
                else f"question '{raw['id']}' has no `key` (its answer, sealed)",
                at + (["key"] if exam else []),
                "release the teacher's bank again with python -m kit quiz release",
                key=exam,
            )
            return None
        return Question(
            options=tuple(raw.get("options", ())),
            key=raw.get("key"),
            line=self.lines.line(at),
            **common,
        )

    def _question(
        self, raw: dict[str, Any], at: list[Any], article: Article | None
    ) -> Question | None:
        qtype = raw["type"]
        common = self._common(raw)
        extra: dict[str, Any] = {
            "explanation": raw.get("explanation", ""),
            "feedback_wrong": raw.get("feedback_wrong", ""),
            "line": self.lines.line(at),
        }
        options = tuple(raw.get("options", ()))
        if qtype in ("single", "multiple"):
            answer = self._choice_answer(raw, at, options)
            feedback = tuple(raw.get("feedback") or ())
            if len(feedback) > len(options):
                self.error(
                    f"question '{raw['id']}' has {len(feedback)} feedback lines "
                    f"for {len(options)} options",
                    at + ["feedback"],
                    "give one feedback line per option, in the same order (use ~ for none)",
                )
            feedback = feedback + (None,) * (len(options) - len(feedback))
            dupes = [o for i, o in enumerate(options) if o in options[:i]]
            if dupes:
                self.error(
                    f"question '{raw['id']}' has the option '{dupes[0]}' twice",
                    at + ["options"],
                    "make every option different",
                )
            if answer is None:
                return None
            return Question(
                options=options, answer=answer, feedback=feedback[: len(options)], **common, **extra
            )
        if options:
            self.error(
                f"question '{raw['id']}' is a {qtype} question, which takes no `options`",
                at + ["options"],
                "remove `options:` or change the type to single or multiple",
                key=True,
            )
        if qtype == "truefalse":
            fb = raw.get("feedback") or {}
            return Question(
                answer=raw["answer"], feedback=(fb.get("true"), fb.get("false")), **common, **extra
            )
        answers = raw.get("answers", raw.get("answer"))
        answer_at = at + (["answers"] if "answers" in raw else ["answer"])
        if qtype in ("text", "find"):
            answers = tuple([answers] if isinstance(answers, str) else answers)
            if qtype == "text":
                return self._text(raw, at, answer_at, answers, common, extra)
            return self._find(raw, at, answer_at, answers, article, common, extra)
        return self._number(raw, at, answer_at, answers, common, extra)

    def _choice_answer(
        self, raw: dict[str, Any], at: list[Any], options: tuple[str, ...]
    ) -> tuple[int, ...] | None:
        value = raw["answer"]
        items = value if isinstance(value, list) else [value]
        out = []
        for j, item in enumerate(items):
            item_at = at + ["answer"] + ([j] if isinstance(value, list) else [])
            if isinstance(item, int) and not isinstance(item, bool):
                if item >= len(options):
                    self.error(
                        f"question '{raw['id']}' has answer {item}, but its options are numbered "
                        f"0 to {len(options) - 1}",
                        item_at,
                        "count the options from 0 (the first option is 0), or write the "
                        "option's text as the answer",
                    )
                    return None
                out.append(item)
            else:
                matches = [i for i, o in enumerate(options) if o.strip() == str(item).strip()]
                if not matches:
                    guess = difflib.get_close_matches(str(item), options, n=1)
                    self.error(
                        f"question '{raw['id']}' has the answer '{item}', which is not one of its "
                        "options",
                        item_at,
                        f"perhaps you meant '{guess[0]}'"
                        if guess
                        else "copy the option's text exactly",
                    )
                    return None
                out.append(matches[0])
        if len(set(out)) != len(out):
            self.error(
                f"question '{raw['id']}' lists the same right option twice",
                at + ["answer"],
                "remove the repeat",
            )
            return None
        return tuple(sorted(out))

    def _text(self, raw, at, answer_at, answers, common, extra) -> Question | None:
        for j, a in enumerate(answers):
            if not keys.normalise_text(a):
                self.error(
                    f"question '{raw['id']}' accepts the answer '{a}', which has no letters or "
                    "digits to compare",
                    answer_at + ([j] if len(answers) > 1 or "answers" in raw else []),
                    "write the answer in words",
                )
                return None
        feedback = tuple((str(k), v) for k, v in (raw.get("feedback") or {}).items())
        return Question(answer=answers, feedback=feedback, **common, **extra)

    def _find(self, raw, at, answer_at, answers, article, common, extra) -> Question | None:
        if raw.get("feedback"):
            self.error(
                f"question '{raw['id']}' is a find question, which takes no `feedback` list",
                at + ["feedback"],
                "use `feedback_wrong:` for a wrong selection, and `explanation:`",
                key=True,
            )
        if article is None:
            return Question(answer=answers, **common, **extra)
        for j, quote in enumerate(answers):
            if not keys.locate_quote(article.text, quote):
                self.error(
                    f"the answer of question '{raw['id']}' does not occur in the article "
                    f"'{article.id}': '{_short(quote)}'",
                    answer_at
                    + ([j] if isinstance(raw.get("answers", raw.get("answer")), list) else []),
                    "copy the passage from the article (case, quotes and spaces may differ)",
                )
                return None
        return Question(answer=answers, **common, **extra)

    def _number(self, raw, at, answer_at, answers, common, extra) -> Question:
        values = [] if answers is None else answers if isinstance(answers, list) else [answers]
        nums = [Decimal(repr(v)) if isinstance(v, float) else Decimal(v) for v in values]
        ranges = []
        for j, (lo, hi) in enumerate(raw.get("ranges") or []):
            low, high = keys.parse_number(lo), keys.parse_number(hi)
            assert low is not None and high is not None  # the schema made them numbers
            if low > high:
                self.error(
                    f"question '{raw['id']}' has the range [{lo}, {hi}], whose low end is above "
                    "its high end",
                    at + ["ranges", j],
                    "write ranges as [low, high]",
                )
            ranges.append((low, high))
        precision = common.pop("precision")
        if precision is None:
            precision = max([keys.decimals(n) for n in nums + [b for r in ranges for b in r]] + [0])
        feedback = []
        for k, message in (raw.get("feedback") or {}).items():
            if keys.parse_number(k) is None:
                self.error(
                    f"question '{raw['id']}' gives feedback for '{k}', which is not a number",
                    at + ["feedback", k],
                    "number questions take feedback for numbers, like `'22': 'Count again'`",
                    key=True,
                )
                continue
            feedback.append((str(keys.parse_number(k)), message))
        return Question(
            answer=tuple(format(n, "f") for n in nums),
            ranges=tuple((format(lo, "f"), format(hi, "f")) for lo, hi in ranges),
            precision=precision,
            feedback=tuple(feedback),
            **common,
            **extra,
        )


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _settings(raw: Mapping[str, Any]) -> Settings:
    attempts = raw.get("attempts", 0)
    return Settings(
        show=raw.get("show", "one"),
        feedback=raw.get("feedback", "immediate"),
        attempts=0 if attempts == "unlimited" else int(attempts),
        tolerance=int(raw.get("tolerance", 1)),
        min_length=int(raw.get("min_length", 5)),
        min_overlap=float(raw.get("min_overlap", 0.5)),
    )


def default_bank_id(path: Path | None) -> str:
    """A bank's id when it gives none: its file name without `.quiz.yaml` (or `quiz`)."""
    if path is None:
        return "quiz"
    name = path.name
    for suffix in (".quiz.yaml", ".quiz.yml", ".yaml", ".yml", ".json"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return safe_id(name)


def _ref_id(ref: str | None) -> str | None:
    if not ref:
        return None
    p = Path(ref)
    return p.stem if p.suffix.lower() in SUFFIXES else ref


def find_article_file(ref: str, bank_path: Path | None) -> Path | None:
    """The file of a bank's article: `ref` as a path from the bank's folder, or as an article id
    (a file named after it beside the bank, else any article in the seeds folder the bank is in
    that has this id). A path that no longer leads anywhere is looked for by its file's id."""
    base = bank_path.parent if bank_path is not None else Path.cwd()
    candidate = base / ref
    if candidate.suffix.lower() in SUFFIXES:
        if candidate.is_file():
            return candidate
        ref = candidate.stem
    for suffix in SUFFIXES:
        p = base / f"{ref}{suffix}"
        if p.is_file():
            return p
    return _find_by_id(ref, base)


def _find_by_id(article_id: str, base: Path) -> Path | None:
    """The article file with this id in the seeds folder around `base` (the nearest folder named
    `seeds` at or above it; else `base` alone): by file name first, then by what files say."""
    root = next((d for d in (base, *base.parents) if d.name == "seeds"), None)
    found = root.rglob("*") if root is not None else base.glob("*")
    files = []
    for f in sorted(found):
        name = f.name.lower()
        rel = f.relative_to(root or base).parts
        if (
            f.suffix.lower() not in SUFFIXES
            or any(p.startswith(".") or p == "keys" for p in rel)
            or name.startswith("readme")
            or ".key." in name
            or not f.is_file()
        ):
            continue
        if f.stem == article_id:
            return f
        files.append(f)
    for f in files:
        try:
            if any(a.id == article_id for a in read_file(f)):
                return f
        except KitError:
            continue
    return None
