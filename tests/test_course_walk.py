"""A student walks the whole course, in one work folder, without a browser.

Each lesson notebook listed in kit/data/course.yaml that exists is run as the student would run
it: its code cells, in order, in an IPython shell whose folder is notebooks/ (notebook 0 signs the
student in). After each notebook the student does what it asks in every widget it showed, through
the widgets' Python API (the same commands their front ends send): types in written answers,
picks choices, highlights sources, tags claims and answers quiz questions until right or out of
tries. Then the work files must hold what marks each lesson done in course.yaml, and
`kit.load_class` on the folder must report every lesson done for that student.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
import pytest

import kit
from kit.classroom.course import Lesson
from kit.classroom.course_folder import course_here
from kit.work.store import read_document

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SEEDS = ROOT / "seeds"
COURSE = course_here(ROOT)  # each lesson's articles as its notebook loads them
LESSONS = [le for le in COURSE.lessons if (NOTEBOOKS / le.notebook).is_file()]
STUDENT = "student"  # the id notebook 0 signs in
ANSWER = "I would check this with the original statement and a second news outlet."


@dataclass
class Walk:
    """What happened: the work folder, and per lesson the kit widgets it showed."""

    work: Path
    shown: dict[str, list[Any]] = field(default_factory=dict)

    def documents(self, lesson: Lesson) -> list[dict[str, Any]]:
        """The student's work documents on the lesson's articles (all of them if none listed)."""
        docs = [read_document(p) for p in sorted((self.work / STUDENT).glob("*.json"))]
        wanted = set(lesson.articles)
        return [d for d in docs if not wanted or d["article_id"] in wanted]

    def all_documents(self) -> list[dict[str, Any]]:
        return [read_document(p) for p in sorted((self.work / STUDENT).glob("*.json"))]


# ---------------------------------------------------------------- running a notebook


def _kit_widgets() -> dict[int, Any]:
    """Every live widget object of the kit (the Highlighter, the quiz ...), by id."""
    from ipywidgets.widgets.widget import _instances

    return {id(w): w for w in list(_instances.values()) if type(w).__module__.startswith("kit.")}


def run_notebook(shell, path: Path) -> list[Any]:
    """Run a notebook's code cells in `shell`; returns the kit widgets they made, in order."""
    before = _kit_widgets()
    shell.reset(new_session=False)
    for i, cell in enumerate(nbformat.read(path, as_version=4).cells):
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        result = shell.run_cell(cell.source, store_history=False, silent=False)
        if not result.success:
            err = result.error_in_exec or result.error_before_exec
            raise AssertionError(f"{path.name} cell {i} failed: {err!r}\n{cell.source}")
        for w in _kit_widgets().values():  # notebook 0's box: the student signs in at once
            if type(w).__name__ == "SignIn" and w.student is None:
                w.name.value = STUDENT
                w.button.click()
    return [w for key, w in _kit_widgets().items() if key not in before]


# ---------------------------------------------------------------- doing the work


def _article_key(article) -> list[tuple[int, int, tuple[str, ...]]]:
    """The spans a careful student would highlight: the teacher's key, else the kit's sources."""
    from kit.classroom.materials import load_materials

    key = load_materials(SEEDS).keys.get(article.id)
    if key:
        return [(a.start, a.end, a.tags) for a in key]
    return [
        (a.source.start, a.source.end, (f"source:{a.source_type}",))
        for a in kit.find_attributions(article)
        if a.source is not None
    ]


def highlight(w) -> None:
    """Accept the right suggestions, or highlight the key's spans with their labels."""
    for s in list(getattr(w, "pending_suggestions", ())):
        w.accept(s.id)
    if w.annotations:
        return
    first = w.label_set.labels[0].tag
    for start, end, tags in _article_key(w.article):
        label = next((t for t in tags if w.label_set.covers(t)), first)
        w.add(start, end, label)
        if getattr(w, "single", False):
            break


def tag_claims(w) -> None:
    """Tag every sentence with the kit's own suggestion (what a student might choose)."""
    from kit.reading.claims import suggest

    by_span = {(s.span.start, s.span.end): s for s in suggest(w.article) if not s.part}
    claim_first = w.claim_set.labels[0].value
    worth_first = w.worth_set.labels[0].value
    for n, sentence in enumerate(w.sentences):
        found = by_span.get((sentence["start"], sentence["end"]))
        claim = w.claim_set.get(getattr(found, "type", "")) if found else None
        worth = w.worth_set.get(getattr(found, "checkworthy", "")) if found else None
        w.set(
            n,
            claim=claim.value if claim else claim_first,
            checkworthy=worth.value if worth else worth_first,
        )


def _candidates(quiz, q) -> Iterator[Any]:
    """Answers to try, the right one first when the bank says it (a teacher's bank)."""
    article = quiz.article
    if q.type in ("single", "multiple"):
        right = list(q.answer or ())
        if right:
            yield right[0] if q.type == "single" else right
        for i in range(len(q.options)):
            yield i if q.type == "single" else [i]
    elif q.type == "truefalse":
        if isinstance(q.answer, bool):
            yield q.answer
        yield from (True, False)
    elif q.type == "find" and article is not None:
        for quote in q.answer or ():
            at = article.text.find(quote)
            if at >= 0:
                yield [at, at + len(quote)]
        for s in article.sentences:
            yield [s.start, s.end]
    else:
        yield from (q.answer or ("I am not sure",))


def answer_quiz(w) -> None:
    """Answer every question until it is right or no tries are left."""
    for view in w.views:
        for response in _candidates(w.quiz, view.q):
            if view.done:
                break
            view.set_response(response)
            view.submit()
            if view.attempts and w.quiz.released is False and view.best and view.best.correct:
                break


def tag_paragraphs(w) -> None:
    """The first paragraph is the lede; the student gives every other one a role too."""
    names = [r.name for r in w.roles.roles]
    for i, picker in enumerate(w.pickers):
        picker.value = names[0] if i == 0 else names[min(1, len(names) - 1)]


def write(w) -> None:
    w.box.value = ANSWER


def choose(w) -> None:
    w.choice.value = w.choice.options[0]


ACTIONS = {
    "Highlighter": highlight,
    "ClaimTagger": tag_claims,
    "ParagraphTagger": tag_paragraphs,
    "QuizWidget": answer_quiz,
    "WrittenAnswer": write,
    "ChoiceAnswer": choose,
}


# ---------------------------------------------------------------- the walk


@pytest.fixture(scope="module")
def walk(tmp_path_factory) -> Iterator[Walk]:
    from IPython.core.interactiveshell import InteractiveShell

    result = Walk(tmp_path_factory.mktemp("course-walk") / "work")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KIT_WORK_DIR", str(result.work))
        mp.delenv("KIT_STUDENT", raising=False)
        mp.chdir(NOTEBOOKS)
        shell = InteractiveShell.instance()
        try:
            for lesson in LESSONS:
                shown = run_notebook(shell, NOTEBOOKS / lesson.notebook)
                for w in shown:
                    action = ACTIONS.get(type(w).__name__)
                    if action is not None:
                        action(w)
                result.shown[lesson.id] = shown
        finally:
            shell.reset(new_session=False)
            InteractiveShell.clear_instance()
    yield result


def _ids(lessons):
    return [le.notebook.removesuffix(".ipynb") for le in lessons]


def test_notebook_0_signs_the_student_in(walk):
    assert (walk.work / ".student").read_text(encoding="utf-8").strip() == STUDENT


@pytest.mark.parametrize("lesson", LESSONS, ids=_ids(LESSONS))
def test_every_widget_the_lesson_shows_saved_the_students_work(walk, lesson):
    for w in walk.shown[lesson.id]:
        name = type(w).__name__
        if name == "ParagraphTagger":
            assert w.chosen, f"{lesson.notebook}: no paragraph role was saved"
        elif name in ("Highlighter", "ClaimTagger"):
            w.refresh()
            assert w.annotations, f"{lesson.notebook}: the {name} saved nothing"
        elif name == "QuizWidget":
            answers = w.workspace.quiz_answers(w.quiz.id) if hasattr(w, "workspace") else {}
            missing = [q.id for q in w.quiz.questions if not answers.get(q.id)]
            assert not missing, f"{lesson.notebook}: quiz {w.quiz.id} unanswered: {missing}"
        elif name in ("WrittenAnswer", "ChoiceAnswer"):
            w.workspace.reload()
            assert w.workspace.response(w.key), f"{lesson.notebook}: nothing saved under {w.key}"


@pytest.mark.parametrize("lesson", LESSONS, ids=_ids(LESSONS))
def test_work_files_hold_what_marks_the_lesson_done(walk, lesson):
    docs = walk.documents(lesson)
    for step in lesson.done:
        if step.kind == "response":
            saved = [d["responses"].get(step.target, {}).get("value", "") for d in docs]
            assert any(v.strip() for v in saved), (
                f"{lesson.notebook}: no written answer saved under '{step.target}'"
            )
        elif step.kind == "tagged":
            tagged = [
                a
                for d in docs
                for a in d["annotations"]
                for b in a.get("body", [])
                if b.get("purpose") == "tagging" and b["value"].startswith(f"{step.target}:")
            ]
            assert len(tagged) >= step.min, (
                f"{lesson.notebook}: {len(tagged)} highlights tagged {step.target}, "
                f"needs {step.min}"
            )
        else:
            bank = kit.load_quiz(_bank_path(step.target))
            answered = {
                qid
                for d in walk.all_documents()
                for qid, entry in d["quiz"].get(step.target, {}).items()
                if entry.get("attempts")
            }
            missing = [q.id for q in bank.questions if q.id not in answered]
            assert not missing, f"{lesson.notebook}: quiz '{step.target}' unanswered: {missing}"


def _bank_path(bank_id: str) -> Path:
    for path in sorted(SEEDS.rglob("*.quiz.yaml")):
        if kit.load_quiz(path).id == bank_id:
            return path
    raise AssertionError(f"no quiz bank with id '{bank_id}' in seeds/")


def test_the_class_dashboard_sees_every_lesson_done(walk):
    progress = kit.load_class(walk.work, seeds=SEEDS).progress()
    mine = progress[progress["student"] == STUDENT].set_index("lesson")
    walked = [le.id for le in LESSONS if le.tracked]
    assert walked, "the course has no lesson that saves work"
    not_done = {i: mine.loc[i, "status"] for i in walked if mine.loc[i, "status"] != "done"}
    assert not not_done, f"lessons the dashboard does not count as done: {not_done}"


def test_the_walk_saved_nothing_outside_the_students_folder(walk):
    outside = [
        p.relative_to(walk.work).as_posix()
        for p in walk.work.rglob("*")
        if p.is_file() and p.parts[len(walk.work.parts)] != STUDENT and p.name != ".student"
    ]
    assert not outside, f"the lessons saved files outside the student's folder: {outside}"
