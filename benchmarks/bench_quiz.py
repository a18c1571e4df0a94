"""Quizzes: grading a 300-student class for one bank (and classes of 30 and 3,000, to show how it
scales), how fast the quiz widget appears, what a practice copy's slow check costs (one scrypt
derivation per guess: about 0.1 s, while a student's check stays well under a second), and how long
generating a quiz takes (the seed article, and every article of the Wikinews corpus).

Run: .venv/bin/python benchmarks/bench_quiz.py
Targets: the class graded in < 1 s; the widget built within 1 s of the cell running; a check on a
practice copy within 0.5 s (one derivation, about 0.1 s, for every type but a long find); a quiz
generated within 1 s of the cell running (with the detection it needs), 50 ms without.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, SEED, best_of, cpu_best_of, machine, table, wikinews_files  # noqa: E402

import kit  # noqa: E402
from kit.quiz.model import Quiz  # noqa: E402
from kit.work.annotations import make_annotation  # noqa: E402
from kit.work.store import new_document, safe_name, text_fingerprint  # noqa: E402

BANK = ROOT / "seeds" / "000_8e915a2399968c01.quiz.yaml"
STUDENTS = 300
HIGHLIGHTS = 20  # each work file also holds a student's highlights, as in class


def responses_for(quiz: Quiz, q, rng: random.Random):
    """A plausible answer: often right, sometimes not."""
    text = quiz.article.text
    if q.type == "single":
        return rng.randrange(len(q.options))
    if q.type == "multiple":
        return sorted(rng.sample(range(len(q.options)), rng.randint(1, len(q.options))))
    if q.type == "truefalse":
        return rng.random() < 0.5
    if q.type == "text":
        answer = q.answer[0]
        return rng.choice([answer, answer.lower(), answer[:-1], "Westminster"])
    if q.type == "number":
        return str(rng.choice([30, 29, 72, 30.2]))
    start, end = quiz.answer_spans(q)[0]
    return [max(0, start - rng.randint(0, 40)), min(len(text), end + rng.randint(-20, 20))]


def write_class(quiz: Quiz, folder: Path, students: int = STUDENTS) -> None:
    """Students' work files for the seed article: 1-3 attempts per question, highlights."""
    rng = random.Random(0)
    article = quiz.article
    name = f"{safe_name(quiz.work_article_id, 'article id')}.json"
    for n in range(students):
        student = f"student-{n:03d}"
        doc = new_document(student, article.id, text_fingerprint(article.text))
        for _ in range(HIGHLIGHTS):
            s = rng.choice(article.sentences)
            ann = make_annotation(article.text, s.start, s.end, tags=("source:anonymous",))
            doc["annotations"].append(ann.to_w3c(article.id))
        bank = doc["quiz"].setdefault(quiz.id, {})
        for q in quiz.questions:
            attempts = []
            for _ in range(rng.randint(1, 3)):
                r = responses_for(quiz, q, rng)
                result = quiz.grade_one(q.id, r)
                attempts.append(
                    {"response": r, "correct": result.correct, "points": result.points, "at": ""}
                )
            bank[q.id] = {"attempts": attempts}
        (folder / student).mkdir()
        (folder / student / name).write_text(json.dumps(doc, ensure_ascii=False, indent=1))


WIDGET_TIMING = """
import time, kit, sys
from pathlib import Path
t0 = time.perf_counter()
w = kit.quiz_widget(sys.argv[1], student=sys.argv[3], work_dir=sys.argv[2])
t1 = time.perf_counter()
assert not isinstance(w, Exception), w
print(t1 - t0)
"""


def widget_seconds(work: Path, student: str, bank: Path = BANK) -> float:
    """First quiz_widget call in a fresh kernel-like process where `import kit` already ran."""
    out = subprocess.run(
        [sys.executable, "-c", WIDGET_TIMING, str(bank), str(work), student],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return float(out.stdout.strip().splitlines()[-1])


def check_seconds(copy_yaml: str, teacher: Quiz) -> list[tuple[str, str, str]]:
    """One check per type on a fresh practice copy (no key remembered yet), right answers."""
    from kit.quiz import sealed

    rows = []
    s = sealed.Sealer("00" * 16, sealed.kdf_settings())
    t0 = time.perf_counter()
    for i in range(5):
        s.key("q", "bench", i)
    rows.append(
        ("one scrypt derivation (N=2^15, r=8)", f"{(time.perf_counter() - t0) / 5:.3f} s", "~0.1 s")
    )
    answers = right_answers(teacher)
    for kind in ("single", "multiple", "truefalse", "text", "number", "find"):
        q = next(q for q in teacher.questions if q.type == kind)
        fresh = Quiz.from_yaml(copy_yaml, article=teacher.article)
        t0 = time.perf_counter()
        fresh.grade_one(q.id, answers[q.id])
        rows.append(
            (f"check on a practice copy: {kind}", f"{time.perf_counter() - t0:.3f} s", "< 0.5 s")
        )
    return rows


PRACTICE = """
import sys, kit
from kit.quiz.model import Quiz
quiz = Quiz.from_file(sys.argv[1])
teacher = Quiz.from_file(sys.argv[3])
w = kit.quiz_widget(quiz, student="student-000", work_dir=sys.argv[2])
rng = __import__("random").Random(1)
sys.path.insert(0, sys.argv[4])
from bench_quiz import responses_for
for q in quiz.questions:  # the student answers every question, as in class (1-2 tries)
    for _ in range(rng.randint(1, 2)):
        w.answer(q.id, responses_for(teacher, teacher.question(q.id), rng))
"""


def practice_class(copy: Path, work: Path) -> Path:
    """A student's work on the practice copy, saved by the widget itself (not timed)."""
    subprocess.run(
        [sys.executable, "-c", PRACTICE, str(copy), str(work), str(BANK), str(ROOT / "benchmarks")],
        check=True,
        cwd=ROOT,
    )
    return work


def right_answers(quiz: Quiz) -> dict:
    out = {}
    for q in quiz.questions:
        if q.type in ("single", "multiple"):
            out[q.id] = sorted(q.answer) if q.type == "multiple" else sorted(q.answer)[0]
        elif q.type == "truefalse":
            out[q.id] = q.answer
        elif q.type == "text":
            out[q.id] = q.answer[0]
        elif q.type == "number":
            out[q.id] = q.answer[0]
        else:
            out[q.id] = list(quiz.answer_spans(q)[0])
    return out


def generation_rows() -> list[tuple[str, str, str]]:
    """Generating quizzes: the seed with its detection (what `kit.generate_quiz(article)` costs a
    teacher), then generation alone over the corpus, with the detectors' records made beforehand."""
    from kit.errors import KitError
    from kit.quiz.generate import generate
    from kit.reading.claims import suggest
    from kit.reading.sources import find_attributions

    seed = kit.load_article(SEED)
    rows = [
        (
            "generate the seed's quiz, detection included",
            f"{best_of(lambda: kit.generate_quiz(seed), repeat=5):.3f} s",
            "< 1 s",
        )
    ]
    records = []
    for article in kit.load_articles(wikinews_files()).articles:
        found = find_attributions(article)
        records.append((article, found, suggest(article, attributions=found)))
    made = []

    def run() -> None:
        made.clear()
        for article, found, claims in records:
            try:
                made.append(generate(article, seed=0, attributions=found, claims=claims))
            except KitError:
                pass

    seconds = best_of(run, repeat=3)
    cpu = cpu_best_of(run, repeat=3)  # CPU time: what a busy shared machine disturbs least
    questions = sum(len(q) for q in made)
    rows.append(
        (
            f"generate only, {len(records)} Wikinews articles ({len(made)} quizzes, "
            f"{questions} questions)",
            f"{seconds:.2f} s wall, {cpu:.2f} s CPU ({1000 * cpu / len(records):.1f} ms CPU "
            "per article)",
            "< 50 ms per article",
        )
    )
    return rows


def main() -> None:
    teacher = Quiz.from_file(BANK)
    t0 = time.perf_counter()
    copy_yaml = teacher.release().to_yaml()
    release_seconds = time.perf_counter() - t0
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        t0 = time.perf_counter()
        write_class(teacher, work)
        setup = time.perf_counter() - t0
        size = sum(p.stat().st_size for p in work.rglob("*.json")) / 1e6
        df = teacher.grade_class(work)
        assert len(df) == STUDENTS * len(teacher), len(df)
        attempts = int(df["attempts"].sum())
        seconds = best_of(lambda: teacher.grade_class(work), repeat=3)
        rows.append(("grade class, teacher's bank", f"{seconds:.3f} s", "< 1 s"))
        rows.append(
            (f"release a practice copy ({len(teacher)} questions)", f"{release_seconds:.1f} s", "")
        )
        rows.extend(check_seconds(copy_yaml, teacher))
        cold = min(widget_seconds(work, f"new-{i}") for i in range(3))
        rows.append(("widget, first call in a fresh kernel", f"{cold:.3f} s", "< 1 s"))
        restored = min(widget_seconds(work, "student-000") for _ in range(3))
        rows.append(("widget, restoring 14 answered questions", f"{restored:.3f} s", "< 1 s"))
        copy = teacher.release().save(work / "copy")
        practice = practice_class(copy, work / "practice")
        restored = min(widget_seconds(practice, "student-000", copy) for _ in range(3))
        rows.append(("widget, restoring 14 answers, practice copy", f"{restored:.3f} s", "< 1 s"))
        warm = best_of(lambda: kit.quiz_widget(teacher, student="warm", work_dir=work), repeat=5)
        rows.append(("widget, again in the same kernel", f"{warm:.3f} s", "< 1 s"))
    rows.extend(generation_rows())
    scaling = []
    for students in (30, 300, 3000):
        with tempfile.TemporaryDirectory() as tmp:
            write_class(teacher, Path(tmp), students)
            seconds = best_of(
                lambda t=tmp: teacher.grade_class(t), repeat=3 if students < 3000 else 1
            )
            first = scaling[0][1] if scaling else seconds
            scaling.append((f"{students:,} students", seconds, f"{seconds / first:.1f}x"))
    print(f"Quizzes ({machine()})")
    print(
        f"class: {STUDENTS} work files ({size:.1f} MB, {HIGHLIGHTS} highlights each), "
        f"{len(teacher)} questions, {attempts} attempts; written in {setup:.1f} s (not timed)"
    )
    print(table(rows, ("what", "time", "target")))
    print("\nGrading against class size (teacher's bank)")
    print(table([(n, f"{t:.3f} s", x) for n, t, x in scaling], ("class", "time", "time vs 30")))


if __name__ == "__main__":
    main()
