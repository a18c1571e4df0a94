"""Every problem in a bank names the file, the line and the fix; YAML is read safely."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kit.errors import KitError
from kit.quiz.model import BankError, Quiz, check_bank
from tests.quiz_helpers import ROOT, SEED_ARTICLE

GOOD_QUESTION = """\
  - id: ok
    type: single
    prompt: Which?
    options: [a, b]
    answer: 0
"""


def write(tmp_path: Path, text: str, name: str = "bank.quiz.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def only_error(path: Path) -> KitError:
    errors = check_bank(path)
    assert len(errors) == 1, [e.message for e in errors]
    return errors[0]


def test_yaml_syntax_error_gives_the_line_and_a_fix(tmp_path):
    path = write(tmp_path, "title: T\nquestions:\n  - id: q1\n    prompt: Who said: no?\n")
    e = only_error(path)
    assert e.path == str(path) and e.line == 4
    assert "YAML syntax error" in e.problem and "quotes" in e.fix


def test_tab_indentation_is_explained(tmp_path):
    path = write(tmp_path, "title: T\nquestions:\n\t- id: q1\n")
    e = only_error(path)
    assert e.line == 3 and "tabs" in e.fix


def test_unknown_type_lists_the_known_ones(tmp_path):
    path = write(tmp_path, "title: T\nquestions:\n  - id: q1\n    type: singel\n    prompt: x\n")
    e = only_error(path)
    assert e.line == 4
    assert "type 'singel'" in e.problem and "single, multiple, truefalse, text, find" in e.fix


def test_answer_index_out_of_range_points_at_the_answer(tmp_path):
    text = "title: T\nquestions:\n  - id: q1\n    type: single\n    prompt: x\n"
    text += "    options: [a, b, c]\n    answer: 3\n"
    e = only_error(write(tmp_path, text))
    assert e.line == 7
    assert "answer 3" in e.problem and "numbered 0 to 2" in e.problem and "from 0" in e.fix


def test_multiple_answer_index_out_of_range_points_at_the_item(tmp_path):
    text = "title: T\nquestions:\n  - id: q1\n    type: multiple\n    prompt: x\n"
    text += "    options: [a, b]\n    answer:\n      - 0\n      - 5\n"
    e = only_error(write(tmp_path, text))
    assert e.line == 9


def test_answer_text_that_is_not_an_option_suggests_the_nearest(tmp_path):
    text = "title: T\nquestions:\n  - id: q1\n    type: single\n    prompt: x\n"
    text += "    options: [John Healey, Keir Starmer]\n    answer: John Heely\n"
    e = only_error(write(tmp_path, text))
    assert e.line == 7 and "'John Healey'" in e.fix


def test_find_answer_not_in_the_article(tmp_path):
    (tmp_path / SEED_ARTICLE.name).write_bytes(SEED_ARTICLE.read_bytes())
    text = f"title: T\narticle: {SEED_ARTICLE.stem}\nquestions:\n  - id: f1\n    type: find\n"
    text += "    prompt: Find it\n    answer: the talks were cancelled\n"
    e = only_error(write(tmp_path, text))
    assert e.line == 7
    assert "does not occur in the article" in e.problem and "copy the passage" in e.fix


def test_find_answer_matches_despite_curly_quotes_and_case(tmp_path):
    (tmp_path / SEED_ARTICLE.name).write_bytes(SEED_ARTICLE.read_bytes())
    text = f"title: T\narticle: {SEED_ARTICLE.stem}\nquestions:\n  - id: f1\n    type: find\n"
    text += "    prompt: Find it\n    answer: 'the plans were \"Real and  Substantial\"'\n"
    assert check_bank(write(tmp_path, text)) == []


def test_find_question_without_an_article(tmp_path):
    text = "title: T\nquestions:\n  - id: f1\n    type: find\n    prompt: x\n    answer: y\n"
    e = only_error(write(tmp_path, text))
    assert "does not say which article" in e.problem and "article:" in e.fix


def test_article_file_not_found(tmp_path):
    text = "title: T\narticle: nowhere\nquestions:\n  - id: f1\n    type: find\n"
    text += "    prompt: x\n    answer: y\n"
    e = only_error(write(tmp_path, text))
    assert e.line == 2 and "'nowhere' was not found" in e.problem


def test_missing_answer_names_what_to_add(tmp_path):
    text = "title: T\nquestions:\n  - id: t1\n    type: text\n    prompt: x\n"
    e = only_error(write(tmp_path, text))
    assert e.line == 3 and "has no `answers`" in e.problem and "accepted answers" in e.fix


def test_misspelt_field_is_caught_with_a_suggestion(tmp_path):
    text = "title: T\nquestions:\n" + GOOD_QUESTION + "    explaination: because\n"
    e = only_error(write(tmp_path, text))
    assert e.line == 8 and "`explaination`" in e.problem and "`explanation`" in e.fix


def test_wrong_kind_of_value(tmp_path):
    text = "title: T\nquestions:\n" + GOOD_QUESTION + "    points: many\n"
    e = only_error(write(tmp_path, text))
    assert e.line == 8 and "`points`" in e.problem and "a number" in e.problem


def test_yes_and_no_stay_text_in_feedback(tmp_path):
    text = "title: T\nquestions:\n" + GOOD_QUESTION + "    feedback: [Yes, No]\n"
    quiz = Quiz.from_file(write(tmp_path, text))
    assert quiz.questions[0].feedback == ("Yes", "No")


def test_more_feedback_lines_than_options(tmp_path):
    text = "title: T\nquestions:\n" + GOOD_QUESTION + "    feedback: [a, b, c]\n"
    e = only_error(write(tmp_path, text))
    assert e.line == 8 and "3 feedback lines for 2 options" in e.problem


def test_duplicate_question_ids(tmp_path):
    e = only_error(write(tmp_path, "title: T\nquestions:\n" + GOOD_QUESTION + GOOD_QUESTION))
    assert e.line == 8 and "two questions have the id 'ok'" in e.problem


def test_duplicate_keys_are_not_silently_overwritten(tmp_path):
    e = only_error(write(tmp_path, "title: T\ntitle: U\nquestions:\n" + GOOD_QUESTION))
    assert e.line == 2 and "'title' is given twice" in e.problem


def test_question_without_id(tmp_path):
    text = "title: T\nquestions:\n  - type: truefalse\n    prompt: x\n    answer: true\n"
    e = only_error(write(tmp_path, text))
    assert e.line == 3 and "no `id`" in e.problem and "id: q3" in e.fix


def test_every_problem_is_reported_in_one_run(tmp_path):
    text = "title: T\nquestions:\n"
    text += "  - id: a\n    type: singel\n    prompt: x\n"
    text += "  - id: b\n    type: single\n    prompt: x\n    options: [a, b]\n    answer: 2\n"
    text += "  - id: c\n    type: text\n    prompt: x\n"
    errors = check_bank(write(tmp_path, text))
    assert [e.line for e in errors] == [4, 10, 11]
    with pytest.raises(BankError) as info:
        Quiz.from_file(tmp_path / "bank.quiz.yaml")
    assert len(info.value.errors) == 3 and "and 2 more problems" in info.value.message


def test_python_object_tags_are_refused(tmp_path):
    path = write(
        tmp_path, "title: !!python/object/apply:os.system ['echo hacked']\nquestions: []\n"
    )
    e = only_error(path)
    assert e.line == 1 and "!!python/object/apply:os.system" in e.problem


def test_custom_tags_are_refused(tmp_path):
    e = only_error(write(tmp_path, "title: !secret x\nquestions: []\n"))
    assert "tag '!secret'" in e.problem


def test_alias_bombs_are_refused_quickly(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        name, prev = chr(ord("a") + i), chr(ord("a") + i - 1)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    e = only_error(write(tmp_path, "\n".join(lines) + "\ntitle: x\n"))
    assert "aliases" in e.problem


def test_self_referring_aliases_are_refused(tmp_path):
    e = only_error(write(tmp_path, "title: T\nquestions: &q [*q]\n"))
    assert "refers to itself" in e.problem


def test_a_few_aliases_are_fine(tmp_path):
    text = "title: T\nquestions:\n  - &base\n    id: a\n    type: truefalse\n    prompt: x\n"
    text += "    answer: true\n  - <<: *base\n    id: b\n"
    quiz = Quiz.from_file(write(tmp_path, text))
    assert [q.id for q in quiz.questions] == ["a", "b"]


def test_empty_file_and_wrong_shape(tmp_path):
    assert "empty" in only_error(write(tmp_path, "# nothing\n")).problem
    e = only_error(write(tmp_path, "- a\n- b\n"))
    assert "starts with `title:`" in e.problem


def test_oversized_bank_is_refused(tmp_path):
    path = write(tmp_path, "title: T\n# " + "x" * 2_100_000 + "\n")
    assert "MB" in only_error(path).problem


SEALING = "sealing: {format: kit-seal/2, kdf: scrypt, n: 16, r: 8, p: 1}"


def test_a_copy_released_by_an_older_kit_is_refused_with_what_to_do(tmp_path):
    text = "title: T\nreleased: true\nsalt: " + "a" * 32 + "\nquestions:\n"
    text += "  - id: q\n    type: single\n    prompt: x\n    options: [a, b]\n"
    text += "    key: {options: [" + "0" * 24 + ", " + "1" * 24 + "]}\n"
    e = only_error(write(tmp_path, text))
    assert "older version of the kit" in e.problem and "release the quiz again" in e.fix


def test_an_exam_copy_must_hold_no_key(tmp_path):
    text = "title: T\nreleased: true\nexam: true\nquestions:\n"
    text += "  - id: q\n    type: single\n    prompt: x\n    options: [a, b]\n"
    assert check_bank(write(tmp_path, text)) == []
    e = only_error(write(tmp_path, text + "    key: {options: []}\n"))
    assert "exam copy must not hold" in e.problem


def test_student_copy_must_not_hold_plain_answers(tmp_path):
    text = "title: T\nreleased: true\nsalt: " + "a" * 32 + "\nquestions:\n" + GOOD_QUESTION
    text += "    key: {options: []}\n"
    text = text.replace("questions:", f"{SEALING}\nquestions:")
    e = only_error(write(tmp_path, text))
    assert e.line == 10 and "`answer`" in e.problem and "must not hold answers" in e.problem


def test_teacher_bank_must_not_hold_a_key(tmp_path):
    text = "title: T\nquestions:\n" + GOOD_QUESTION + "    key: {options: []}\n"
    e = only_error(write(tmp_path, text))
    assert "which only student copies have" in e.problem


def test_number_range_too_wide_for_a_student_copy(tmp_path):
    text = "title: T\nquestions:\n  - id: n\n    type: number\n    prompt: x\n"
    text += "    ranges: [[0, 1000]]\n    precision: 3\n"
    e = only_error(write(tmp_path, text))
    assert "too many for a practice copy" in e.problem and "precision" in e.fix
    assert "--exam" in e.fix


def test_missing_bank_file(tmp_path):
    assert "no such file" in only_error(tmp_path / "nope.yaml").problem


def test_cli_check_exits_2_with_one_line_per_problem_and_no_traceback(tmp_path):
    text = "title: T\nquestions:\n  - id: a\n    type: singel\n    prompt: x\n"
    text += "  - id: b\n    type: single\n    prompt: x\n    options: [a, b]\n    answer: 2\n"
    path = write(tmp_path, text)
    proc = subprocess.run(
        [sys.executable, "-m", "kit", "quiz", "check", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in proc.stderr
    assert lines[0].startswith(f"kit: {path}, line 4: ")
    assert lines[1].startswith(f"kit: {path}, line 10: ")


def test_cli_check_passes_the_seed_bank(capsys):
    from kit.cli import main

    assert main(["quiz", "check", str(ROOT / "seeds" / "000_8e915a2399968c01.quiz.yaml")]) == 0
    assert capsys.readouterr().out.strip().endswith(": ok")


def test_text_with_an_unquoted_colon_gets_the_quoting_fix(tmp_path):
    text = "title: T\nquestions:\n" + GOOD_QUESTION + "    feedback: [Note: this, ~]\n"
    e = only_error(write(tmp_path, text))
    assert e.line == 8 and "item 1 of `feedback`" in e.problem and "in quotes" in e.fix


def test_the_example_bank_in_the_quiz_docs_is_valid(tmp_path):
    import re

    page = (ROOT / "docs" / "teachers" / "quizzes.md").read_text(encoding="utf-8")
    quizzes = page[page.index("## Writing a bank") :]
    example = re.search(r"```yaml\n(.*?)```", quizzes, re.S).group(1)
    (tmp_path / SEED_ARTICLE.name).write_bytes(SEED_ARTICLE.read_bytes())
    assert check_bank(write(tmp_path, example)) == []


def test_the_schema_ships_with_the_package_and_is_a_valid_json_schema():
    from jsonschema import Draft202012Validator

    from kit.quiz.bank import schema

    Draft202012Validator.check_schema(schema())
    assert set(schema()["$defs"]["question"]["properties"]["type"]["enum"]) == {
        "single",
        "multiple",
        "truefalse",
        "text",
        "find",
        "number",
    }
