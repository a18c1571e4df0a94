"""Teachers can bring their jupyterquiz questions (JSON) into kit banks."""

from __future__ import annotations

import json

import pytest

from kit.errors import KitError
from kit.quiz.jupyterquiz import from_jupyterquiz
from kit.quiz.model import Quiz

# Written for these tests in jupyterquiz's documented JSON format (not copied from its examples).
QUESTIONS = [
    {
        "question": "Which outlet published the coalition article?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "BBC", "correct": True, "feedback": "Yes."},
            {"answer": "A blog", "correct": False, "feedback": "No, a news site."},
            {"answer": "A press release", "correct": False},
        ],
    },
    {
        "question": "Which of these are reporting verbs?",
        "type": "many_choice",
        "answers": [
            {"answer": "said", "correct": True},
            {"answer": "claimed", "correct": True},
            {"answer": "Ukraine", "correct": False, "feedback": "That is a country."},
        ],
    },
    {
        "question": "How many hours did the ceasefire last?",
        "type": "numeric",
        "precision": 0,
        "answers": [
            {"type": "value", "value": 72, "correct": True, "feedback": "Right."},
            {"type": "value", "value": 30, "correct": False, "feedback": "That is the countries."},
            {"type": "range", "range": [-1000, 0], "correct": False, "feedback": "Too low."},
            {"type": "default", "feedback": "Look at Putin's announcement."},
        ],
    },
    {
        "question": "Around how many countries? (give a range answer)",
        "type": "numeric",
        "answers": [{"type": "range", "range": [29.5, 30.5], "correct": True}],
    },
    {
        "question": "Which city hosted the summit?",
        "type": "string",
        "answers": [
            {"answer": "Oslo", "correct": True, "match_case": True},
            {"answer": "Brussels", "correct": False, "feedback": "That was last month."},
            {"type": "default", "feedback": "Read the second paragraph."},
        ],
    },
    {
        "question": "Who is the Defence Secretary?",
        "type": "string",
        "answers": [{"answer": "John Healey", "correct": True, "fuzzy_threshold": 0.8}],
        "code": "print('optional code shown with the question')",
    },
]


@pytest.fixture
def quiz() -> Quiz:
    return from_jupyterquiz(QUESTIONS, title="Imported")


def test_question_types_map_to_kit_types(quiz):
    assert [q.type for q in quiz.questions] == [
        "single",
        "multiple",
        "number",
        "number",
        "text",
        "text",
    ]
    assert quiz.title == "Imported" and [q.id for q in quiz.questions][:2] == ["q1", "q2"]


def test_multiple_choice_keeps_options_answer_and_feedback(quiz):
    q = quiz.questions[0]
    assert q.options == ("BBC", "A blog", "A press release") and q.answer == (0,)
    assert quiz.grade_one("q1", 1).feedback == ("No, a news site.",)
    assert quiz.grade_one("q1", 0).correct is True


def test_many_choice_needs_every_right_option(quiz):
    assert quiz.grade_one("q2", [0, 1]).correct is True
    assert quiz.grade_one("q2", [0]).correct is False
    assert "That is a country." in quiz.grade_one("q2", [0, 2]).feedback


def test_numeric_values_ranges_and_default_feedback(quiz):
    assert quiz.grade_one("q3", "72").correct is True
    assert quiz.grade_one("q3", "30").feedback == ("That is the countries.",)
    assert quiz.grade_one("q3", "5").feedback == ("Look at Putin's announcement.",)
    assert quiz.grade_one("q4", "30").correct is True
    assert quiz.grade_one("q4", "31").correct is False


def test_string_answers_wrong_answer_feedback_and_default(quiz):
    assert quiz.grade_one("q5", "oslo").correct is True
    assert quiz.grade_one("q5", "Olso").correct is False  # no fuzzy_threshold: exact only
    assert quiz.grade_one("q5", "brussels").feedback == ("That was last month.",)
    assert quiz.grade_one("q5", "Paris").feedback == ("Read the second paragraph.",)


def test_fuzzy_threshold_becomes_spelling_tolerance(quiz):
    assert quiz.grade_one("q6", "Jon Healey").correct is True
    assert "optional code" in quiz.questions[5].prompt


def test_what_cannot_be_imported_is_listed(quiz):
    assert any("range [-1000, 0]" in w for w in quiz.warnings)
    assert any("match_case" in w for w in quiz.warnings)


def test_import_from_a_json_file_and_save_as_a_bank(tmp_path):
    src = tmp_path / "week3.json"
    src.write_text(json.dumps(QUESTIONS), encoding="utf-8")
    quiz = from_jupyterquiz(src)
    assert quiz.id == "week3" and quiz.title == "week3"
    saved = quiz.save(tmp_path / "week3.quiz.yaml")
    again = Quiz.from_file(saved)
    assert again.questions == quiz.questions
    released = again.release()
    assert released.grade_one("q3", "72").correct is True


def test_import_from_json_text():
    assert len(from_jupyterquiz(json.dumps(QUESTIONS[:1]))) == 1


def test_unknown_jupyterquiz_types_are_named(tmp_path):
    with pytest.raises(KitError, match="type 'matching'"):
        from_jupyterquiz([{"question": "x", "type": "matching", "answers": []}])


def test_questions_without_a_right_answer_are_refused():
    bad = [
        {"question": "x", "type": "multiple_choice", "answers": [{"answer": "a", "correct": False}]}
    ]
    with pytest.raises(KitError, match="question 1 has no answer marked correct"):
        from_jupyterquiz(bad)


def test_broken_json_names_the_line(tmp_path):
    src = tmp_path / "broken.json"
    src.write_text('[\n  {"question": "x",\n  "type": }\n]', encoding="utf-8")
    with pytest.raises(KitError) as info:
        from_jupyterquiz(src)
    assert info.value.line == 3 and "not valid JSON" in info.value.problem
