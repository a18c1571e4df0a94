"""Trust (issue 18): practice copies whose answers cost real time to guess and whose feedback opens
only with the answer, and exam copies that hold no answer material at all."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

import kit
from kit.classroom.release import release
from kit.cli import main
from kit.quiz import answers as keys
from kit.quiz import sealed
from kit.quiz.model import Quiz
from kit.widgets.quiz import QuizWidget, quiz_widget
from tests.quiz_helpers import ROOT, SEED_BANK, right_answers, secrets_of, types_quiz

SALT = "5eed" * 8


@pytest.fixture(scope="module")
def teacher(tmp_path_factory):
    return types_quiz(tmp_path_factory.mktemp("teacher"))


@pytest.fixture(scope="module")
def practice(teacher):
    """A practice copy at the real cost, as a teacher's release makes it."""
    return Quiz.from_yaml(
        teacher.release(salt=SALT, cost=sealed.SCRYPT_N).to_yaml(), article=teacher.article
    )


# ---------------------------------------------------------------- the attacker's side


def test_trying_every_option_costs_a_slow_derivation_each(teacher, practice):
    """The old copies fell to two fast hashes per option; now each option is one scrypt."""
    assert practice.sealing["n"] >= 2**15 and practice.sealing["kdf"] == "scrypt"
    choice = [q for q in practice.questions if q.type in ("single", "multiple", "truefalse")]
    options = sum(len(q.choices) for q in choice)
    attacker = sealed.Sealer(practice.salt, dict(practice.sealing))  # all the file gives
    t0 = time.perf_counter()
    found = {
        q.id: [
            i
            for i in range(len(q.choices))
            if q.key["options"][i] == sealed.tag(attacker.key(q.id, "option", i), "right")
        ]
        for q in choice
    }
    elapsed = time.perf_counter() - t0
    right = {q.id: teacher.correct_flags(teacher.question(q.id)) for q in choice}
    assert found == {k: [i for i, f in enumerate(v) if f] for k, v in right.items()}
    # about 0.1 s per option on the project's 2-core VM; a fast hash would take microseconds
    assert elapsed >= 0.03 * options, (elapsed, options)
    # the old attack (salted BLAKE2b of the option) finds nothing in the new file
    old = {keys.digest(SALT, q.id, "option", i, 1) for q in choice for i in range(len(q.choices))}
    assert not old & set(practice.to_yaml().split())


def test_explanations_and_feedback_do_not_open_from_the_file_alone(teacher, practice):
    s = sealed.Sealer(practice.salt, dict(practice.sealing))
    for q in practice.questions:
        key = q.key or {}
        # keys made from the salt and the question alone (as the old copies' were) open nothing
        for label in ("explanation", "wrong", "feedback", "said"):
            salt_only = [s.key(q.id, f"seal-{label}"), s.key(q.id)]
            assert sealed.unwrap(key.get("explanation"), salt_only, "explanation") == ""
            assert sealed.unwrap(key.get("wrong"), salt_only, "wrong") == ""
        assert keys.unseal(keys.digest(SALT, q.id, "seal-explanation"), str(key)) is None
    pick = practice.question("pick-one")  # answer: option 1, Healey
    wrong_keys = [s.key("pick-one", "option", i) for i in (0, 2)]
    assert sealed.unwrap(pick.key["explanation"], wrong_keys, "explanation") == ""
    right_key = [s.key("pick-one", "option", 1)]
    assert sealed.unwrap(pick.key["explanation"], right_key, "explanation") == (
        teacher.question("pick-one").explanation
    )
    # the wrong-answer feedback opens with a wrong option, not with the right one
    assert sealed.unwrap(pick.key["wrong"], right_key, "wrong") == ""
    assert (
        sealed.unwrap(pick.key["wrong"], wrong_keys[:1], "wrong")
        == "Look near the end of the first part."
    )


def test_a_check_costs_one_derivation_and_opens_only_what_it_earned(teacher, practice):
    t0 = time.perf_counter()
    wrong = practice.grade_one("type-it", "Keir Starmer")
    one = time.perf_counter() - t0
    assert wrong.correct is False and wrong.feedback == ("He is who they were asked about.",)
    assert wrong.explanation == ""
    right = practice.grade_one("pick-one", 1)
    assert right.correct and right.explanation == "Healey said it in Brussels."
    assert practice.grade_one("pick-one", 0).explanation == ""
    # a find answer is scored exactly, from the blocks of words the selection touches
    span = teacher.answer_spans(teacher.question("select-it"))[0]
    assert practice.grade_one("select-it", list(span)).points == 2.0
    assert one < 2.0  # one derivation (about 0.1 s), not one per word or per phrase


# ---------------------------------------------------------------- exam copies


def test_an_exam_copy_holds_no_answer_material(teacher, tmp_path):
    for bank in (teacher, Quiz.from_file(SEED_BANK)):
        out = tmp_path / f"{bank.id}.exam.yaml"
        bank.release(exam=True).save(out)
        raw = out.read_bytes()
        secrets = secrets_of(bank)
        assert len(secrets) > 8
        leaks = [s for s in secrets if s.casefold().encode() in raw.lower()]
        assert leaks == []
        data = yaml.safe_load(raw)
        assert data["exam"] is True and "salt" not in data and "sealing" not in data
        fields = {"key", "answer", "answers", "ranges", "feedback", "explanation"}
        assert all(not fields & set(q) for q in data["questions"])
        assert Quiz.from_file(out).exam


def test_the_course_released_as_an_exam_ships_no_answers(tmp_path):
    report = release(
        tmp_path / "out", notebooks=ROOT / "notebooks", seeds=ROOT / "seeds", exam=True
    )
    banks = sorted(report.folder.rglob("*.quiz.yaml"))
    assert len(banks) == len(report.banks) >= 3
    for bank in banks:
        teacher = Quiz.from_file(ROOT / "seeds" / bank.relative_to(report.folder / "seeds"))
        raw = bank.read_bytes().lower()
        assert [s for s in secrets_of(teacher) if s.casefold().encode() in raw] == []
        assert yaml.safe_load(raw)["exam"] is True and b"salt" not in raw


def test_the_widget_on_an_exam_copy_records_without_feedback(teacher, tmp_path):
    exam = Quiz.from_yaml(teacher.release(exam=True).to_yaml(), article=teacher.article)
    w = quiz_widget(exam, student="sam", work_dir=tmp_path)
    assert isinstance(w, QuizWidget)
    v = next(v for v in w.views if v.q.id == "pick-one")
    assert v.check.description == "Record"
    assert w.answer("pick-one", 0) is None
    assert "recorded" in v.feedback.value and "Not quite" not in v.feedback.value
    assert "Score" not in w.progress.value
    w.answer("pick-one", 1)
    w.answer("count-it", "30")
    assert [a.response for a in v.attempts] == [0, 1]
    again = quiz_widget(exam, student="sam", work_dir=tmp_path)  # the cell run again
    assert "recorded" in next(v for v in again.views if v.q.id == "pick-one").feedback.value


def test_the_teacher_grades_an_exam_copys_answers_with_the_bank(teacher, tmp_path, capsys):
    exam = Quiz.from_yaml(teacher.release(exam=True).to_yaml(), article=teacher.article)
    with pytest.raises(kit.KitError, match="exam copy"):
        exam.grade_one("pick-one", 1)
    for student, picks in (("ann", [1]), ("bo", [1, 0]), ("cy", [0, 2, 1])):
        w = quiz_widget(exam, student=student, work_dir=tmp_path)
        for pick in picks:
            w.answer("pick-one", pick)
        w.answer("count-it", "30")
    df = teacher.grade_class(tmp_path, exam=True)
    got = df[df.question == "pick-one"].set_index("student")["points"].to_dict()
    assert got == {"ann": 1.0, "bo": 0.0, "cy": 1.0}  # the last answer counts, not the best
    assert set(df[df.question == "count-it"]["points"]) == {1.0}
    bank = tmp_path / "types.quiz.yaml"
    bank.write_text(teacher.to_yaml(str(teacher.article.path)), encoding="utf-8")
    assert main(["quiz", "grade", str(bank), "--work", str(tmp_path), "--exam"]) == 0
    out = capsys.readouterr().out
    assert "ann" in out and "bo" in out


# ---------------------------------------------------------------- the command line


def test_cli_release_exam_and_practice(tmp_path, capsys):
    exam, practice = tmp_path / "exam.yaml", tmp_path / "practice.yaml"
    assert main(["quiz", "release", str(SEED_BANK), str(exam), "--exam"]) == 0
    assert "exam copy, no answers" in capsys.readouterr().out
    assert Quiz.from_file(exam).exam
    assert main(["quiz", "release", str(SEED_BANK), str(practice)]) == 0
    student = Quiz.from_file(practice)
    assert not student.exam and student.sealing["format"] == sealed.SEALING
    teacher = Quiz.from_file(SEED_BANK)
    assert student.grade(right_answers(teacher)).total == teacher.max_points


def test_cli_release_of_the_course_as_an_exam(tmp_path, capsys):
    assert main(["release", str(tmp_path / "out"), "--exam"]) == 0
    banks = list((tmp_path / "out").rglob("*.quiz.yaml"))
    assert banks and all(yaml.safe_load(b.read_text())["exam"] is True for b in banks)


def test_an_older_student_copy_says_to_release_again(tmp_path):
    old = Path(tmp_path / "old.yaml")
    old.write_text(
        "title: T\nreleased: true\nsalt: " + "a" * 32 + "\nquestions:\n  - id: q\n"
        "    type: single\n    prompt: x\n    options: [a, b]\n    key: {options: []}\n"
    )
    w = quiz_widget(old, student="sam", work_dir=tmp_path)
    assert isinstance(w, kit.KitError) and "release the quiz again" in w.message
