"""Quiz banks are graded right: every question type, spelling tolerance, partial credit, totals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kit
from kit.quiz.answers import deletions, normalise_text, slips_match
from kit.quiz.bank import MAX_BANK_BYTES, parse_bank
from kit.quiz.model import Quiz
from tests.quiz_helpers import SEED_ARTICLE, SEED_BANK, TYPES_BANK


@pytest.fixture(scope="module")
def article():
    return kit.load_article(SEED_ARTICLE)


@pytest.fixture(scope="module")
def quiz(tmp_path_factory, article) -> Quiz:
    folder = tmp_path_factory.mktemp("bank")
    path = folder / "types.quiz.yaml"
    path.write_text(TYPES_BANK.format(article=SEED_ARTICLE.resolve()), encoding="utf-8")
    return Quiz.from_file(path)


def span(article, text: str) -> list[int]:
    start = article.text.index(text)
    return [start, start + len(text)]


# ---------------------------------------------------------------- choice questions


def test_single_choice_right_and_wrong_with_option_feedback(quiz):
    right = quiz.grade_one("pick-one", 1)
    assert right.correct is True and right.points == 1
    assert right.feedback == ("Yes - Healey",)
    wrong = quiz.grade_one("pick-one", 0)
    assert wrong.correct is False and wrong.points == 0
    assert wrong.feedback == ("Not Starmer",)
    assert wrong.explanation == "Healey said it in Brussels."


def test_single_choice_without_option_feedback_falls_back_to_feedback_wrong(quiz):
    assert quiz.grade_one("pick-one", 2).feedback == ("Look near the end of the first part.",)


def test_single_choice_answer_may_be_the_option_text(quiz):
    assert quiz.question("pick-one").answer == (1,)


def test_multiple_choice_needs_every_right_option_and_gives_partial_credit(quiz):
    full = quiz.grade_one("pick-many", [0, 2, 3])
    assert full.correct is True and full.points == 3
    partial = quiz.grade_one("pick-many", [0, 2])
    assert partial.correct is False and partial.points == 2
    assert "2 of the 3 right options" in partial.feedback[-1]
    guessed = quiz.grade_one("pick-many", [0, 1, 2, 3])
    assert guessed.correct is False and guessed.points == 2  # one wrong pick cancels one right
    assert quiz.grade_one("pick-many", [1]).points == 0


def test_true_false_right_wrong_and_its_feedback(quiz):
    assert quiz.grade_one("yes-no", False).correct is True
    assert quiz.grade_one("yes-no", False).feedback == ("Right",)
    wrong = quiz.grade_one("yes-no", True)
    assert wrong.correct is False and wrong.feedback == ("Read it again",)


def test_unreadable_choice_answers_are_wrong_not_errors(quiz):
    assert quiz.grade_one("pick-one", 7).correct is False
    assert quiz.grade_one("pick-one", "one").correct is False
    assert quiz.grade_one("pick-many", [0, 9]).correct is False
    assert quiz.grade_one("yes-no", "maybe").correct is False


def test_no_answer_is_not_graded(quiz):
    for qid in ("pick-one", "pick-many", "type-it", "select-it", "count-it"):
        result = quiz.grade_one(qid, None)
        assert result.correct is None and result.points == 0
    assert quiz.grade_one("type-it", "   ").correct is None


# ---------------------------------------------------------------- text and tolerance


def test_text_answers_ignore_case_spaces_and_punctuation(quiz):
    for typed in ("Downing Street", "downing street", "  DOWNING   STREET. ", "No. 10", "no 10"):
        assert quiz.grade_one("type-it", typed).correct is True, typed
    assert quiz.grade_one("type-it", "Westminster").correct is False


def test_text_answers_allow_one_slip_in_long_answers(quiz):
    slips = {
        "Downing Steet": "letter missing",
        "Downingo Street": "letter added",
        "Dowming Street": "letter wrong",
        "Downign Street": "letters swapped",
    }
    for typed, why in slips.items():
        result = quiz.grade_one("type-it", typed)
        assert result.correct is True, why
        assert result.feedback == ("Accepted, but check your spelling.",)
    for same in ("downing street", "DowningStreet", "the Downing Streets", "Downing Stret"):
        assert quiz.grade_one("type-it", same).feedback == (), same  # not a spelling slip
    assert quiz.grade_one("type-it", "Dowming Steet").correct is False  # two slips


def test_short_answers_must_be_spelled_exactly(quiz):
    assert quiz.grade_one("strict", "oslo").correct is True
    assert quiz.grade_one("strict", "Olso").correct is False  # 4 letters: below min_length 5
    assert quiz.grade_one("type-it", "No 11").correct is False


def test_tolerance_zero_turns_slips_off(quiz):
    assert quiz.grade_one("no-slips", "john healey").correct is True
    assert quiz.grade_one("no-slips", "John Haeley").correct is False


def test_text_feedback_for_a_known_wrong_answer(quiz):
    result = quiz.grade_one("type-it", "keir starmer")
    assert result.correct is False
    assert result.feedback == ("He is who they were asked about.",)


def test_slip_rule_accepts_damerau_distance_one_and_a_moved_letter():
    assert slips_match("healey", "haeley", 1)  # transposition
    assert slips_match("healey", "heley", 1)  # deletion
    assert slips_match("healey", "healley", 1)  # insertion
    assert slips_match("healey", "hexley", 1)  # substitution
    assert slips_match("abcd", "bcda", 1)  # one letter moved: documented superset
    assert not slips_match("healey", "hxxley", 1)
    assert slips_match("healey", "hxxley", 2)


def test_normalisation_folds_quotes_dashes_and_case():
    assert normalise_text("“Real”  and—substantial!") == "real and substantial"
    assert normalise_text("Downing Street's") == "downing street's"
    assert normalise_text("Ⅻ  ") == "xii"


def test_deletion_neighbourhood_sizes():
    assert deletions("abc", 1) == {"abc", "bc", "ac", "ab"}
    assert len(deletions("abcdef", 2)) == 1 + 6 + 15


# ---------------------------------------------------------------- find in text


def test_find_exact_selection_scores_full_points(quiz, article):
    sentence = (
        "But his forces have continued offensive operations along the front line as well as air "
        "strikes on residential areas, according to Ukrainian officials."
    )
    result = quiz.grade_one("select-it", span(article, sentence))
    assert result.correct is True and result.points == 2 and result.overlap == 1.0


def test_find_selection_without_the_full_stop_is_still_perfect(quiz, article):
    result = quiz.grade_one("select-it", span(article, "But his forces have continued"))
    assert result.overlap < 1
    whole = span(article, "according to Ukrainian officials")
    start = article.text.index("But his forces")
    assert quiz.grade_one("select-it", [start, whole[1]]).overlap == 1.0


def test_find_partial_selection_gets_partial_credit(quiz, article):
    half = span(article, "But his forces have continued offensive operations along the front line")
    result = quiz.grade_one("select-it", half)
    assert result.correct is True  # 11 of the 23 words: F1 = 22/34 = 0.65 >= 0.5
    assert 0 < result.points < 2 and result.overlap == pytest.approx(22 / 34, abs=0.001)
    short = span(article, "according to Ukrainian officials")
    low = quiz.grade_one("select-it", short)
    assert low.correct is False and 0 < low.points < 1


def test_find_wrong_sentence_scores_nothing(quiz, article):
    result = quiz.grade_one("select-it", span(article, "China has provided diplomatic support"))
    assert result.correct is False and result.points == 0


def test_find_rejects_spans_outside_the_article(quiz, article):
    assert quiz.grade_one("select-it", [5, 2]).correct is False
    assert quiz.grade_one("select-it", [0, len(article.text) + 10]).correct is False


# ---------------------------------------------------------------- numbers


def test_number_answers_read_typed_numbers(quiz):
    for typed in ("30", " 30 ", "30.0", 30, "30.4"):
        assert quiz.grade_one("count-it", typed).correct is True, typed
    assert quiz.grade_one("count-it", "31").correct is False
    assert quiz.grade_one("count-it", "thirty").feedback == ("Type a number, like 30 or 2.5.",)
    assert quiz.grade_one("count-it", "72").feedback == ("That is the ceasefire, in hours.",)


def test_number_ranges_at_a_precision(quiz):
    assert quiz.grade_one("range-it", "3.14159").correct is True
    assert quiz.grade_one("range-it", "3,15").correct is True
    assert quiz.grade_one("range-it", "3.16").correct is False


# ---------------------------------------------------------------- whole quizzes


def test_grade_gives_totals_and_a_dataframe(quiz, article):
    grade = quiz.grade({"pick-one": 1, "pick-many": [0, 2], "type-it": "Downing St"})
    assert grade.correct["pick-one"] is True
    assert grade.total == 3 and grade.max_total == quiz.max_points == 12
    df = grade.to_frame()
    assert list(df.columns) == ["question", "correct", "points", "max_points", "feedback"]
    assert len(df) == len(quiz.questions)
    assert df.set_index("question").loc["pick-many", "points"] == 2
    assert repr(grade) == "Grade('types': 3 of 12 points)"


def test_grading_an_unknown_question_names_the_fix(quiz):
    with pytest.raises(kit.KitError, match="no question 'nope'"):
        quiz.grade({"nope": 1})


def test_seed_bank_loads_with_ten_plus_questions_covering_the_lesson():
    quiz = kit.load_quiz(SEED_BANK)
    assert len(quiz) >= 10
    assert {q.type for q in quiz.questions} == {
        "single",
        "multiple",
        "truefalse",
        "text",
        "find",
        "number",
    }
    assert all(q.explanation for q in quiz.questions)
    ids = " ".join(q.id for q in quiz.questions)
    for topic in ("headline", "unnamed", "verb", "claim"):
        assert topic in ids
    assert quiz.article is not None and quiz.article.id == "000_8e915a2399968c01"


def test_seed_bank_right_answers_score_full_marks():
    quiz = kit.load_quiz(SEED_BANK)
    text = quiz.article.text
    responses = {}
    for q in quiz.questions:
        if q.type in ("single",):
            responses[q.id] = q.answer[0]
        elif q.type == "multiple":
            responses[q.id] = list(q.answer)
        elif q.type == "truefalse":
            responses[q.id] = q.answer
        elif q.type in ("text", "number"):
            responses[q.id] = q.answer[0]
        else:
            start, end = quiz.answer_spans(q)[0]
            assert text[start:end]
            responses[q.id] = [start, end]
    grade = quiz.grade(responses)
    assert grade.total == grade.max_total


def test_bank_saved_as_yaml_loads_back_the_same(quiz, tmp_path):
    out = quiz.save(tmp_path / "copy.quiz.yaml")
    again = Quiz.from_file(out)
    assert again.questions == quiz.questions
    assert again.settings == quiz.settings


def test_class_grades_come_from_the_work_files(quiz, tmp_path, article):
    from kit.work.store import Workspace

    for student, answer in (("ana", 1), ("ben", 0)):
        ws = Workspace(student, article, tmp_path)
        ws.record_attempt(quiz.id, "pick-one", 0, False, 0)
        ws.record_attempt(quiz.id, "pick-one", answer, None, 0)
    df = quiz.grade_class(tmp_path)
    assert set(df["student"]) == {"ana", "ben"}
    row = df[(df.student == "ana") & (df.question == "pick-one")].iloc[0]
    assert row.attempts == 2 and row.correct == True and row.points == 1  # noqa: E712
    row = df[(df.student == "ben") & (df.question == "pick-one")].iloc[0]
    assert row.correct == False  # noqa: E712
    from kit.quiz.model import class_summary

    summary = class_summary(df).set_index("student")
    assert summary.loc["ana", "points"] == 1 and summary.loc["ben", "points"] == 0


def test_a_broken_work_file_is_listed_not_fatal(quiz, tmp_path, article):
    folder = tmp_path / "zoe"
    folder.mkdir()
    (folder / f"{article.id}.json").write_text("{not json", encoding="utf-8")
    df = quiz.grade_class(tmp_path)
    assert "problem" in df.columns and "not valid JSON" in df.iloc[0]["problem"]


def test_result_feedback_is_plain_data(quiz):
    result = quiz.grade_one("pick-one", 1)
    json.dumps(result.__dict__)  # widgets and exports can send it anywhere


def test_quotes_are_found_ignoring_case_quotes_dashes_and_spaces():
    from kit.quiz.answers import locate_quote

    text = "He said the plans were “real and substantial” — twice.\n\nThe  Straße was closed."
    start = text.index("the plans")
    assert locate_quote(text, 'THE plans were "real and substantial"') == [
        (start, text.index("” —") + 1)
    ]
    assert locate_quote(text, 'substantial" - twice') == [
        (text.index("substantial"), text.index("twice") + 5)
    ]
    assert locate_quote(text, "the strasse was") == [
        (text.index("The  Straße"), text.index(" was closed") + 4)
    ]
    assert locate_quote(text, "not there") == [] and locate_quote(text, "  ") == []


def test_cli_grades_the_class_and_writes_a_csv(tmp_path, capsys):
    import pandas as pd

    from kit.cli import main
    from kit.work.store import Workspace

    quiz = kit.load_quiz(SEED_BANK)
    for student, answer in (("ana", 1), ("ben", 0)):
        Workspace(student, quiz.article, tmp_path / "work").record_attempt(
            quiz.id, "healey-quote", answer, None
        )
    out = tmp_path / "marks.csv"
    args = ["quiz", "grade", str(SEED_BANK), "--work", str(tmp_path / "work"), "--csv", str(out)]
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert "ana" in printed and "ben" in printed
    marks = pd.read_csv(out)
    assert len(marks) == 2 * len(quiz)
    assert marks.query("student == 'ana' and question == 'healey-quote'").points.item() == 1


def test_cli_grade_with_no_work_yet(tmp_path, capsys):
    from kit.cli import main

    assert main(["quiz", "grade", str(SEED_BANK), "--work", str(tmp_path)]) == 0
    assert "no student work" in capsys.readouterr().out


def test_bank_saved_as_json_is_json_and_loads_back_the_same(quiz, tmp_path):
    out = quiz.save(tmp_path / "copy.json")
    data = json.loads(out.read_text(encoding="utf-8"))  # JSON, not YAML in a .json file
    assert [q["id"] for q in data["questions"]] == [q.id for q in quiz.questions]
    again = Quiz.from_file(out)
    assert again.questions == quiz.questions and again.settings == quiz.settings
    assert quiz.save(out) == out  # saved again over the file it wrote: no complaint
    out.write_text(out.read_text(encoding="utf-8").replace('"title"', '"title": "x", "title"'))
    with pytest.raises(kit.KitError, match="'title' appears twice"):
        Quiz.from_file(out)


def test_a_number_json_writes_in_exponent_form_reads_back_as_a_number(tmp_path):
    bank = tmp_path / "tiny.quiz.yaml"
    bank.write_text(
        "title: Tiny\nquestions:\n  - id: q\n    type: number\n    prompt: How small?\n"
        "    answer: 0.00001\n",
        encoding="utf-8",
    )
    quiz = Quiz.from_file(bank)
    out = quiz.save(tmp_path / "tiny.json")
    assert "1e-05" in out.read_text(encoding="utf-8")
    assert Quiz.from_file(out).grade({"q": "0.00001"}).total == 1


def test_a_bank_saved_under_another_kind_of_file_name_is_refused_with_the_fix(quiz, tmp_path):
    with pytest.raises(kit.KitError) as e:
        quiz.save(tmp_path / "bank.txt")
    assert f'quiz.save("{tmp_path / "bank"}.quiz.yaml")' in e.value.message
    assert not list(tmp_path.iterdir())  # no folder called bank.txt


@pytest.mark.parametrize("name", ["huge.quiz.yaml", "huge.json"])
def test_a_bank_larger_than_any_quiz_is_refused_with_the_fix_yaml_or_json(name):
    fields, problems = parse_bank("#" * (MAX_BANK_BYTES + 1), Path(name), None)
    assert fields is None and len(problems) == 1
    assert "more than a quiz needs" in problems[0].message
    assert "split it into several banks" in str(problems[0])
