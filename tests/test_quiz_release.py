"""Student copies: answers are salted hashes, nothing is readable, and grading is unchanged."""

from __future__ import annotations

import re
import string

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit
from kit.cli import main
from kit.errors import KitError
from kit.quiz.model import Quiz
from tests.quiz_helpers import SEED_ARTICLE, SEED_BANK, right_answers, secrets_of, types_quiz

SALT = "5eed" * 8


@pytest.fixture(scope="module")
def article():
    return kit.load_article(SEED_ARTICLE)


@pytest.fixture(scope="module")
def teacher(tmp_path_factory):
    return types_quiz(tmp_path_factory.mktemp("teacher"))


@pytest.fixture(scope="module")
def student(teacher, tmp_path_factory, article):
    """The released copy, written to disk and read back as a student's kernel would."""
    path = tmp_path_factory.mktemp("student") / "types.student.yaml"
    path.write_text(teacher.release(salt=SALT).to_yaml(), encoding="utf-8")
    return Quiz.from_file(path, article=article)


SPELLING = "Accepted, but check your spelling."


def same_grading(teacher: Quiz, student: Quiz, qid: str, response) -> None:
    """A practice copy scores like the teacher's bank and says the same, except what it cannot
    know without the answer: of the spelling slips the bank accepts, it accepts a missing letter
    only (others would each be a slow derivation), the explanation shows only with a right
    answer, and the catch-all wrong-answer feedback of text, number and find questions is not in
    the copy (it would open for any answer)."""
    t, s = teacher.grade_one(qid, response), student.grade_one(qid, response)
    if SPELLING in t.feedback and not s.correct:
        assert s.correct is False and s.points == 0, response
        return
    q = teacher.question(qid)
    dropped = (q.feedback_wrong,) if q.type in ("text", "number", "find") else ()
    assert (t.correct, t.points, t.overlap) == (s.correct, s.points, s.overlap), response
    assert [m for m in t.feedback if m not in dropped] == list(s.feedback), response
    assert s.explanation == (t.explanation if t.correct else ""), response


def found_in(text: str, secret: str) -> bool:
    """Whether a secret occurs in text (numbers as whole tokens, text ignoring case)."""
    if re.fullmatch(r"-?\d+(\.\d+)?", secret):
        return re.search(rf"(?<![\w.+/]){re.escape(secret)}(?![\w.+/])", text) is not None
    return secret.casefold() in text.casefold()


# ---------------------------------------------------------------- grading is unchanged


def test_student_copy_is_marked_released_and_keeps_ids_and_prompts(teacher, student):
    assert student.released and not teacher.released
    assert student.id == teacher.id and student.article_id == teacher.article_id
    assert [q.id for q in student.questions] == [q.id for q in teacher.questions]
    assert [q.prompt for q in student.questions] == [q.prompt for q in teacher.questions]
    assert [q.options for q in student.questions] == [q.options for q in teacher.questions]


def test_every_choice_grades_the_same(teacher, student):
    for q in teacher.questions:
        if q.type == "single":
            for i in range(len(q.options)):
                same_grading(teacher, student, q.id, i)
        if q.type == "multiple":
            n = len(q.options)
            for mask in range(1, 2**n):
                same_grading(teacher, student, q.id, [i for i in range(n) if mask >> i & 1])
        if q.type == "truefalse":
            for value in (True, False, "true", "nonsense"):
                same_grading(teacher, student, q.id, value)


def _slips(answer: str) -> list[str]:
    """Every one-slip variant of an answer, and some two-slip ones."""
    letters = "aeiostz "
    out = {answer, answer.upper(), f"  {answer}. "}
    for i in range(len(answer) + 1):
        out.add(answer[:i] + answer[i + 1 :])
        for c in letters:
            out.add(answer[:i] + c + answer[i:])
            out.add(answer[:i] + c + answer[i + 1 :])
        if i + 1 < len(answer):
            out.add(answer[:i] + answer[i + 1] + answer[i] + answer[i + 2 :])
            out.add(answer[:i] + answer[i + 2 :])
    return sorted(out)


def test_every_one_slip_of_every_text_answer_grades_the_same(teacher, student):
    """The same, or refused by the practice copy where the teacher's bank accepts a slip."""
    for q in teacher.questions:
        if q.type == "text":
            for a in list(q.answer) + [k for k, _ in q.feedback]:
                for typed in _slips(a):
                    same_grading(teacher, student, q.id, typed)


def test_every_sentence_and_part_of_sentence_grades_the_same_for_find(teacher, student, article):
    for q in teacher.questions:
        if q.type == "find":
            for s in article.sentences:
                same_grading(teacher, student, q.id, [s.start, s.end])
                middle = (s.start + s.end) // 2
                same_grading(teacher, student, q.id, [s.start, middle])
                same_grading(teacher, student, q.id, [middle, s.end])


def test_numbers_and_ranges_grade_the_same(teacher, student):
    for typed in ("30", "30.4", "30.5", "29.5", "72", "3.14", "3.145", "3.1549", "3.155", "-0"):
        for q in teacher.questions:
            if q.type == "number":
                same_grading(teacher, student, q.id, typed)


def _typo(draw_answer: str, edits: list[tuple[int, int, str]]) -> str:
    text = draw_answer
    for kind, pos, ch in edits:
        pos = pos % (len(text) + 1)
        if kind == 0:
            text = text[:pos] + text[pos + 1 :]
        elif kind == 1:
            text = text[:pos] + ch + text[pos:]
        elif kind == 2:
            text = text[:pos] + ch + text[pos + 1 :]
        elif pos + 1 < len(text):
            text = text[:pos] + text[pos + 1] + text[pos] + text[pos + 2 :]
    return text


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_random_responses_grade_the_same_for_every_type(teacher, student, article, data):
    q = data.draw(st.sampled_from(teacher.questions))
    if q.type in ("single", "truefalse"):
        response = data.draw(st.one_of(st.integers(-1, 5), st.booleans(), st.none()))
    elif q.type == "multiple":
        response = data.draw(st.lists(st.integers(0, len(q.options) - 1), unique=True))
    elif q.type == "text":
        base = data.draw(st.sampled_from(list(q.answer) + ["Healey", "Oslo", ""]))
        edits = data.draw(
            st.lists(
                st.tuples(
                    st.integers(0, 3), st.integers(0, 40), st.sampled_from(string.ascii_letters)
                ),
                max_size=3,
            )
        )
        response = data.draw(st.one_of(st.just(_typo(base, edits)), st.text(max_size=20)))
    elif q.type == "find":
        n = len(article.text)
        start = data.draw(st.integers(0, n - 1))
        response = [start, data.draw(st.integers(start + 1, min(n, start + 400)))]
    else:
        response = data.draw(
            st.one_of(
                st.decimals(min_value=-100, max_value=100, places=3).map(str),
                st.floats(allow_nan=True, allow_infinity=True).map(str),
                st.text(max_size=8),
            )
        )
    same_grading(teacher, student, q.id, response)


def test_the_seed_bank_grades_the_same_released(tmp_path):
    teacher = Quiz.from_file(SEED_BANK)
    student = Quiz.from_yaml(teacher.release().to_yaml(), article=teacher.article)
    answers = right_answers(teacher)
    assert student.grade(answers) == teacher.grade(answers)
    assert student.grade(answers).total == teacher.max_points
    wrong = {q.id: 0 for q in teacher.questions if q.type == "single"}
    for qid in wrong:
        same_grading(teacher, student, qid, 0)


def test_a_student_copy_refuses_another_version_of_the_article(student, article):
    changed = kit.make_article(article.title, [*article.body, "One more."], id=article.id)
    other = Quiz.from_yaml(student.to_yaml(), article=changed)
    with pytest.raises(KitError, match="another version of the article"):
        other.grade_one("select-it", [0, 10])


# ---------------------------------------------------------------- nothing readable


def test_released_file_holds_no_answer_in_plain_text(teacher):
    released = teacher.release(salt=SALT).to_yaml()
    secrets = secrets_of(teacher)
    assert "No 10" in secrets and "Healey said it in Brussels." in secrets
    leaks = [s for s in secrets if found_in(released, s)]
    assert leaks == []


def test_seed_bank_release_holds_no_answer_in_plain_text():
    teacher = Quiz.from_file(SEED_BANK)
    released = teacher.release().to_yaml()
    secrets = secrets_of(teacher)
    assert len(secrets) > 30
    assert [s for s in secrets if found_in(released, s)] == []


def test_released_questions_have_keys_instead_of_answers(teacher):
    data = yaml.safe_load(teacher.release(salt=SALT).to_yaml())
    assert data["released"] is True and re.fullmatch(r"[0-9a-f]{32}", data["salt"])
    for q in data["questions"]:
        assert "key" in q
        assert not {"answer", "answers", "ranges", "feedback", "explanation"} & set(q)
    assert data["sealing"] == {"format": "kit-seal/2", "kdf": "scrypt", "n": 16, "r": 8, "p": 1}


def test_which_option_is_right_cannot_be_seen_from_the_layout(tmp_path):
    def released(answer: int) -> str:
        text = (
            "title: T\nquestions:\n  - id: q\n    type: single\n    prompt: x\n"
            f"    options: [a, b, c]\n    answer: {answer}\n    feedback: [one, two, three]\n"
        )
        out = Quiz.from_yaml(text).release(salt=SALT).to_yaml()
        return re.sub(r"[0-9a-f]{24}|[A-Za-z0-9+/]{8,}={0,2}|'#'", "#", out)

    assert released(0) == released(2)


def test_each_release_has_its_own_salt(teacher):
    a, b = teacher.release(), teacher.release()
    assert a.salt != b.salt
    assert a.questions[0].key["options"] != b.questions[0].key["options"]


def test_a_student_copy_cannot_be_released_again(student):
    with pytest.raises(KitError, match="already a student copy"):
        student.release()


# ---------------------------------------------------------------- the command line


def test_cli_release_writes_a_student_copy_that_finds_its_article(tmp_path, capsys):
    out = tmp_path / "class" / "coalition.yaml"
    out.parent.mkdir()
    assert main(["quiz", "release", str(SEED_BANK), str(out)]) == 0
    assert "practice copy, answers sealed" in capsys.readouterr().out
    student = Quiz.from_file(out)
    assert student.released and student.article is not None
    teacher = Quiz.from_file(SEED_BANK)
    assert student.grade(right_answers(teacher)).total == teacher.max_points


def test_cli_release_refuses_to_overwrite_the_teachers_bank(tmp_path, capsys):
    bank = tmp_path / "bank.yaml"
    bank.write_text(SEED_BANK.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / SEED_ARTICLE.name).write_bytes(SEED_ARTICLE.read_bytes())
    before = bank.read_bytes()
    assert main(["quiz", "release", str(bank), str(bank)]) == 2
    assert "would overwrite the teacher's bank" in capsys.readouterr().err
    other = tmp_path / "other.yaml"
    other.write_text("title: another teacher bank\n", encoding="utf-8")
    assert main(["quiz", "release", str(bank), str(other)]) == 2
    assert "not a student copy" in capsys.readouterr().err
    assert bank.read_bytes() == before
    assert other.read_text(encoding="utf-8") == "title: another teacher bank\n"


def test_cli_release_may_replace_an_earlier_student_copy(tmp_path):
    out = tmp_path / "student.yaml"
    assert main(["quiz", "release", str(SEED_BANK), str(out)]) == 0
    first = Quiz.from_file(out).salt
    assert main(["quiz", "release", str(SEED_BANK), str(out)]) == 0
    assert Quiz.from_file(out).salt != first


def test_cli_release_of_a_broken_bank_lists_the_problems(tmp_path, capsys):
    bank = tmp_path / "bad.yaml"
    bank.write_text("title: T\nquestions:\n  - id: a\n    type: nope\n    prompt: x\n")
    assert main(["quiz", "release", str(bank), str(tmp_path / "out.yaml")]) == 2
    assert "line 4" in capsys.readouterr().err
    assert not (tmp_path / "out.yaml").exists()
