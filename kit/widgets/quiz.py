"""The quiz widget: questions one at a time or all on a page, graded in the kernel.

All logic is in kit.quiz.model; this file only shows questions and reports answers. Nothing that is
sent to the browser holds an answer: options and prompts go out, the student's choice comes back,
the kernel grades it and sends feedback. Every text shown is escaped. Answers are saved in the
student's work file at once (Workspace.record_attempt) and shown again when the cell is re-run.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from kit.articles.article import Article
from kit.errors import KitError
from kit.quiz import answers as keys
from kit.quiz.model import Quiz, Result
from kit.widgets.keyboard import KEYS_CLASS, LABELLED_CLASS, LIVE_CLASS, PROMPT_CLASS, KeyboardGuard
from kit.work.store import Workspace

# `find` questions: the student selects the passage in the article with the Highlighter (mouse
# or keyboard); menus of sentences and words below it show the choice in words and offer a
# second way in. The menus hold the answer the quiz grades.

_CSS = """<style>
.kit-quiz{max-width:48em;font-family:system-ui,sans-serif}
.kit-quiz-title{font-size:1.2em;font-weight:600;margin:0.2em 0}
.kit-quiz-progress{color:#333;font-size:0.9em}
.kit-quiz-question{border:1px solid #d0d0d0;border-radius:6px;padding:0.4em 0.8em;margin:0.4em 0}
.kit-quiz-prompt{font-size:1.02em;line-height:1.45;margin:0.2em 0 0.4em}
.kit-quiz-num{font-size:0.85em;color:#444}
.kit-quiz-feedback{padding:0.3em 0.6em;border-left:4px solid #888;margin:0.3em 0;line-height:1.4}
.kit-quiz-right{border-color:#1b7a3a;background:#eef8f0;color:#0f3d1e}
.kit-quiz-wrong{border-color:#b3261e;background:#fdf0ef;color:#4a100c}
.kit-quiz-info{border-color:#2a5db0;background:#eef3fb;color:#102a55}
.kit-quiz-option-list .widget-checkbox{width:auto}
.kit-quiz-chosen{font-style:italic;color:#222;margin:0.2em 0}
</style>"""

SHOWS = ("one", "all")


def _wide() -> widgets.Layout:
    return widgets.Layout(width="95%")


def _fit(**more: str) -> widgets.Layout:
    """A box that never scrolls (a scroll area with disabled controls traps keyboard users)."""
    return widgets.Layout(overflow="visible", **more)


FEEDBACKS = ("immediate", "end")


def _html(text: str) -> str:
    """Escaped text with its line breaks kept."""
    return escape(text).replace("\n\n", "<br><br>").replace("\n", "<br>")


def _note(kind: str, head: str, lines: list[str] = ()) -> str:
    body = "".join(f"<div>{_html(line)}</div>" for line in lines if line)
    return (
        f'<div class="kit-quiz-feedback kit-quiz-{kind}">'
        f"<strong>{escape(head)}</strong>{body}</div>"
    )


def _points(value: float) -> str:
    return f"{value:g} point" + ("" if value == 1 else "s")


class _QuestionView:
    """The widgets of one question: prompt, input, buttons, feedback."""

    def __init__(self, owner: QuizWidget, index: int) -> None:
        self.owner = owner
        self.quiz = owner.quiz
        self.q = q = owner.quiz.questions[index]
        n = len(owner.quiz.questions)
        self.prompt = widgets.HTML(
            f'<div class="kit-quiz-prompt"><span class="kit-quiz-num">Question {index + 1} of '
            f'{n} · {_points(q.points)}</span><br><span class="{PROMPT_CLASS}">{_html(q.prompt)}'
            "</span></div>"
        )
        self.input = self._make_input()
        exam = owner.quiz.exam
        self.check = widgets.Button(
            description="Record" if exam else "Check",
            button_style="primary",
            tooltip="Record this answer" if exam else "Check this answer",
        )
        self.check.on_click(owner.safely(lambda _: self.submit()))
        buttons = [self.check]
        self.hint = widgets.HTML()
        if q.hint:
            self.hint_button = widgets.Button(description="Show a hint", tooltip="Show a hint")
            self.hint_button.on_click(owner.safely(lambda _: self.show_hint()))
            buttons.append(self.hint_button)
        self.feedback = widgets.HTML()
        self.feedback.add_class(LIVE_CLASS)  # read out when it changes
        self.buttons = widgets.HBox(buttons)
        self.box = widgets.VBox([self.prompt, self.input, self.buttons, self.hint, self.feedback])
        self.box.add_class("kit-quiz-question")
        self.box.add_class(LABELLED_CLASS)  # options are one group named by the prompt
        self.attempts = owner.workspace.attempts(owner.quiz.id, q.id)
        self.best: Result | None = None
        self.done = False
        self.checked = False

    # ------------------------------------------------------------ input

    def _make_input(self) -> widgets.Widget:
        q = self.q
        if q.type in ("single", "truefalse"):
            w = widgets.RadioButtons(
                options=[(label, i) for i, label in enumerate(q.choices)],
                value=None,
                layout=widgets.Layout(width="auto"),
            )
        elif q.type == "multiple":
            self.boxes = [
                widgets.Checkbox(value=False, description=o, indent=False) for o in q.options
            ]
            w = widgets.VBox(self.boxes)
            w.add_class("kit-quiz-option-list")
        elif q.type == "find":
            w = self._make_find_input()
        else:
            w = widgets.Text(
                placeholder="Type a number" if q.type == "number" else "Type your answer",
                description="Answer:",
                continuous_update=False,
            )
        for child in self._inputs(w):
            child.observe(self.owner.safely(lambda _: self.changed()), names="value")
        return w

    def _make_find_input(self) -> widgets.Widget:
        """The article in a one-highlight Highlighter, then sentence and word menus.

        A highlight sets the menus; the menus (native, labelled, keyboard operable and named
        for screen readers) are also a way in of their own.
        """
        from kit.widgets.highlighter import Highlighter

        article = self.quiz.article
        sentences = article.sentences if article is not None else ()
        self.sentences = [(s.start, s.end) for s in sentences]
        options: list[tuple[str, int | None]] = [("Choose a sentence…", None)]
        for i, s in enumerate(sentences):
            text = " ".join(article.text[s.start : s.end].split())
            options.append((text if len(text) <= 110 else text[:109] + "…", i))
        self.sentence = widgets.Dropdown(
            options=options, value=None, description="Sentence:", layout=_wide()
        )
        self.first_word = widgets.Dropdown(options=[], description="From word:", disabled=True)
        self.last_word = widgets.Dropdown(options=[], description="To word:", disabled=True)
        self.word_spans: list[tuple[int, int]] = []
        self.chosen = widgets.HTML()
        self.sentence.observe(self.owner.safely(lambda _: self._sentence_chosen()), names="value")
        for menu in (self.first_word, self.last_word):
            menu.observe(self.owner.safely(lambda _: self._show_chosen()), names="value")
        self.find_inputs = [self.sentence, self.first_word, self.last_word]
        words = widgets.HBox([self.first_word, self.last_word], layout=_fit(flex_flow="row wrap"))
        parts: list[widgets.Widget] = []
        self.finder = None
        if article is not None:
            self.finder = Highlighter(
                article,
                labels=["answer"],
                single=True,
                plain=True,
                on_change=self.owner.safely(lambda _: self._highlighted()),
                heading="Select your answer in the article",
                instructions="Select the words with the mouse, or move with the arrow keys, "
                "extend with Shift and press Enter. Or choose them with the menus below.",
            )
            # The selection itself is kept in memory: the quiz saves the answer, so say when.
            self.finder.saving = self._saved_line()
            parts.append(self.finder)
        return widgets.VBox([*parts, self.sentence, words, self.chosen], layout=_fit())

    def _saved_line(self) -> str:
        """Where and when this answer is saved (the quiz's work file, not the selector's)."""
        path = self.owner.workspace.path
        where = f" in {path.parent.name}/{path.name}" if path is not None else ""
        if self.owner.settings.feedback == "end":
            return f"Your answer is saved as you choose it{where}."
        return f"Your answer is saved{where} when you press Check."

    def _highlighted(self) -> None:
        """The student highlighted words in the article: the menus follow."""
        if self.done or self.finder is None or not self.finder.annotations:
            return
        ann = self.finder.annotations[-1]
        self._set_find(ann.start, ann.end)

    def _sentence_chosen(self, words: tuple[int, int] | None = None) -> None:
        i = self.sentence.value
        if i is None:
            self.word_spans = []
            menu: list[tuple[str, int]] = []
        else:
            start, end = self.sentences[i]
            text = self.quiz.article.text
            self.word_spans = keys.words_between(text, start, end)
            menu = [(f"{k + 1}. {text[a:b]}", k) for k, (a, b) in enumerate(self.word_spans)]
        first, last = words or (0, len(menu) - 1)
        for widget, value in ((self.first_word, first), (self.last_word, last)):
            widget.options = menu
            widget.value = value if menu else None
            widget.disabled = self.done or not menu
        self._show_chosen()

    def _show_chosen(self) -> None:
        span = self._find_span()
        if span is None:
            reversed_ = self.word_spans and self.first_word.value is not None
            self.chosen.value = (
                _note("info", "The last word comes before the first one.") if reversed_ else ""
            )
            return
        text = " ".join(self.quiz.article.text[span[0] : span[1]].split())
        self.chosen.value = f'<div class="kit-quiz-chosen">Your selection: “{_html(text)}”</div>'

    def _find_span(self) -> tuple[int, int] | None:
        first, last = self.first_word.value, self.last_word.value
        if not self.word_spans or first is None or last is None or last < first:
            return None
        return self.word_spans[first][0], self.word_spans[last][1]

    def _inputs(self, w: widgets.Widget | None = None) -> list[widgets.Widget]:
        w = w if w is not None else self.input
        if self.q.type == "multiple":
            return list(self.boxes)
        if self.q.type == "find":
            return list(self.find_inputs)
        return [w]

    def response(self) -> Any:
        """The student's current answer in the form Quiz.grade takes, or None."""
        t = self.q.type
        if t == "single":
            return self.input.value
        if t == "truefalse":
            return None if self.input.value is None else self.input.value == 0
        if t == "multiple":
            picked = [i for i, b in enumerate(self.boxes) if b.value]
            return picked or None
        if t == "find":
            span = self._find_span()
            return None if span is None else list(span)
        value = self.input.value.strip()
        return value or None

    def set_response(self, value: Any) -> None:
        t = self.q.type
        try:
            if t == "single" and isinstance(value, int):
                self.input.value = value
            elif t == "truefalse" and isinstance(value, bool):
                self.input.value = 0 if value else 1
            elif t == "multiple" and isinstance(value, list):
                for i, b in enumerate(self.boxes):
                    b.value = i in value
            elif t == "find" and isinstance(value, list) and len(value) == 2:
                self._set_find(int(value[0]), int(value[1]))
                if self.finder is not None and not self.finder.annotations:
                    self.finder.add(int(value[0]), int(value[1]))
            elif t in ("text", "number") and isinstance(value, (str, int, float)):
                self.input.value = str(value)
        except Exception:  # a saved answer that no longer fits the question is left out
            pass

    def _set_find(self, start: int, end: int) -> None:
        """Select the words of [start, end) in the sentence that holds `start`."""
        i = next((k for k, (s, e) in enumerate(self.sentences) if s <= start < e), None)
        if i is None:
            return
        s, e = self.sentences[i]
        spans = keys.words_between(self.quiz.article.text, s, e)
        inside = [k for k, (a, b) in enumerate(spans) if a < end and b > start]
        words = (inside[0], inside[-1]) if inside else None
        if self.sentence.value == i:
            self._sentence_chosen(words)
        else:
            self.sentence.value = i  # its observer selects the whole sentence first
            self._sentence_chosen(words)

    def set_enabled(self, enabled: bool) -> None:
        for w in self._inputs():
            w.disabled = not enabled
        self.check.disabled = not enabled

    # ------------------------------------------------------------ actions

    @property
    def left(self) -> int | None:
        """Tries left (None: unlimited)."""
        limit = self.owner.settings.attempts
        return None if not limit else max(0, limit - len(self.attempts))

    def changed(self) -> None:
        if self.owner.restoring or self.done:
            return
        if self.owner.settings.feedback == "end":
            self.owner.workspace.set_response(
                self.owner.draft_key(self.q.id), json.dumps(self.response())
            )
        elif self.checked:
            self.feedback.value = ""  # old feedback no longer describes the new answer
        self.checked = False

    def show_hint(self) -> None:
        self.hint.value = _note("info", "Hint", [self.q.hint])

    def submit(self) -> Result | None:
        """Grade the current answer in the kernel, save the attempt, show the feedback."""
        if self.done:
            return self.best
        response = self.response()
        if response is None:
            self.feedback.value = _note("info", "Choose or type an answer first.")
            return None
        if self.quiz.exam:
            self.owner.record(self.q.id, response, None)
            self.attempts = self.owner.workspace.attempts(self.quiz.id, self.q.id)
            self.show_recorded()
            self.owner.refresh()
            return None
        result = self.quiz.grade_one(self.q.id, response)
        self.owner.record(self.q.id, response, result, self.quiz.receipt(self.q.id, response))
        self.attempts = self.owner.workspace.attempts(self.quiz.id, self.q.id)
        self._track(result)
        self.show(result)
        self.owner.refresh()
        return result

    def _track(self, result: Result) -> None:
        if (
            self.best is None
            or result.points > self.best.points
            or (result.correct and not self.best.correct)
        ):
            self.best = result
        self.done = bool(result.correct) or self.left == 0
        self.checked = True

    def show(self, result: Result) -> None:
        left = self.left
        if result.correct:
            head = "Right!"
            if result.points < result.max_points:
                head = f"Right: {result.points:g} of {_points(result.max_points)}."
        elif left == 0:
            head = "Not right, and that was your last try."
        else:
            head = "Not quite."
            if result.points:
                head = f"Partly right: {result.points:g} of {_points(result.max_points)}."
            head += " Try again." if left is None else f" Tries left: {left}."
        lines = list(result.feedback)
        if self.done and result.explanation:
            lines.append(f"Why: {result.explanation}")
        self.feedback.value = _note("right" if result.correct else "wrong", head, lines)
        self.set_enabled(not self.done)

    def show_recorded(self) -> None:
        """An exam copy: the answer is saved for the teacher to grade; no feedback."""
        self.feedback.value = _note(
            "info",
            "Your answer is recorded.",
            ["Your teacher grades it. You can change it and record it again until you hand in."],
        )
        self.checked = True

    def restore(self) -> None:
        """Show the saved answer again (and its feedback, once it was checked)."""
        if self.attempts and self.quiz.exam:
            self.set_response(self.attempts[-1].response)
            self.show_recorded()
        elif self.attempts:
            # A practice copy's check is a slow derivation: earlier attempts count as saved
            # (their points capped at the question's: the teacher grades with the bank anyway).
            for a in self.attempts[:-1]:
                self._track(
                    Result(
                        self.q.id, a.correct, min(max(a.points, 0.0), self.q.points), self.q.points
                    )
                    if self.quiz.released
                    else self._regrade(a.response)
                )
            last = self.attempts[-1].response
            self.quiz.remember(self.q.id, self.attempts[-1].keys)  # saved: nothing to derive
            result = self._regrade(last)
            self._track(result)
            self.set_response(last)
            self.show(result)
        elif self.owner.settings.feedback == "end":
            draft = self.owner.workspace.response(self.owner.draft_key(self.q.id))
            if draft and isinstance(draft, str):
                try:
                    self.set_response(json.loads(draft))
                except (ValueError, RecursionError):
                    pass

    def _regrade(self, response: Any) -> Result:
        """A saved response graded again; one the quiz cannot read (a file changed by hand)
        counts as a wrong answer, never an error."""
        try:
            return self.quiz.grade_one(self.q.id, response)
        except (ArithmeticError, ValueError, TypeError, RecursionError):
            return Result(self.q.id, False, 0.0, self.q.points, ("This answer could not be read.",))


class QuizWidget(widgets.VBox):
    """A quiz in the notebook. Build it with kit.quiz_widget(bank, ...)."""

    def __init__(
        self,
        quiz: Quiz,
        *,
        student: str | None = None,
        work_dir: str | Path | None = None,
        show: str | None = None,
        feedback: str | None = None,
        attempts: int | str | None = None,
    ) -> None:
        self.quiz = quiz
        self.settings = _settings(quiz, show, feedback, attempts)
        target = quiz.article if quiz.article is not None else quiz.work_article_id
        self.workspace = Workspace(student, target, work_dir)
        self.restoring = True
        self.current = 0
        self.message = widgets.HTML()
        self.views = [_QuestionView(self, i) for i in range(len(quiz.questions))]
        self.title = widgets.HTML(
            f'{_CSS}<div class="kit-quiz-title" role="heading" aria-level="2">'
            f"{_html(quiz.title)}</div>"
        )
        self.progress = widgets.HTML()
        self.progress.add_class(LIVE_CLASS)
        self.previous = widgets.Button(description="◀ Previous", tooltip="Previous question")
        self.next = widgets.Button(description="Next ▶", tooltip="Next question")
        self.previous.on_click(self.safely(lambda _: self.go(self.current - 1)))
        self.next.on_click(self.safely(lambda _: self.go(self.current + 1)))
        self.check_all = widgets.Button(
            description="Check my answers", button_style="primary", tooltip="Check all answers"
        )
        self.check_all.on_click(self.safely(lambda _: self.submit_all()))
        self.stage = widgets.VBox()
        end = self.settings.feedback == "end"
        for v in self.views:
            v.check.layout.display = "none" if end else None
        nav = [self.previous, self.next] if self.settings.show == "one" else []
        footer = widgets.HBox(nav + ([self.check_all] if end else []))
        self.show_warnings()
        self.keyboard = KeyboardGuard()
        super().__init__(
            [self.title, self.progress, self.stage, footer, self.message, self.keyboard]
        )
        self.add_class("kit-quiz")
        self.add_class(KEYS_CLASS)
        for v in self.views:
            v.restore()
        self.restoring = False
        if end and any(v.attempts for v in self.views):
            self.check_all.description = "Check again"
        self.go(self._first_open())

    def __repr__(self) -> str:
        return (
            f"QuizWidget(quiz={self.quiz.id!r}, questions={len(self.views)}, "
            f"student={self.workspace.student!r})"
        )

    # ------------------------------------------------------------ behaviour

    def safely(self, fn: Callable[[Any], Any]) -> Callable[[Any], None]:
        """A callback that shows problems in the widget instead of losing them in a log."""

        def run(arg: Any) -> None:
            try:
                fn(arg)
            except KitError as e:
                self.message.value = _note("wrong", "Something needs fixing.", [e.message])
            except Exception as e:  # the user boundary: never a silent failure
                self.message.value = _note(
                    "wrong",
                    "Something went wrong. Your saved answers are safe.",
                    [
                        f"{type(e).__name__}: {e}",
                        "Run the cell again; tell your teacher if it happens again.",
                    ],
                )

        return run

    def record(
        self, question_id: str, response: Any, result: Result | None, keys: dict | None = None
    ) -> None:
        """Save one attempt (a warning appears if the saved answers had to be kept aside);
        `keys`: a practice copy's receipt, so that restoring it derives nothing."""
        before = len(self.workspace.warnings)
        correct, points = (None, 0.0) if result is None else (result.correct, result.points)
        self.workspace.record_attempt(self.quiz.id, question_id, response, correct, points, keys)
        if len(self.workspace.warnings) != before:
            self.show_warnings()

    def show_warnings(self) -> None:
        """The store's warnings, and a note when saved answers could not all be read."""
        notes = [_note("info", w) for w in self.workspace.warnings]
        unread = self.workspace.unreadable_attempts(
            self.quiz.id, [q.id for q in self.quiz.questions]
        )
        if unread:
            numbers = [str(i + 1) for i, q in enumerate(self.quiz.questions) if q.id in unread]
            which = f"Question{'s' if len(numbers) > 1 else ''} {', '.join(numbers)}"
            notes.append(
                _note(
                    "info",
                    "Some of your saved answers could not be read.",
                    [
                        f"{which}: the quiz shows the answers it could read and keeps the rest "
                        "in your work file. Answer again if you need to, and "
                        "tell your teacher."
                    ],
                )
            )
        self.message.value = "".join(notes)

    def draft_key(self, question_id: str) -> str:
        return f"quiz-draft/{self.quiz.id}/{question_id}"

    def _first_open(self) -> int:
        return next((i for i, v in enumerate(self.views) if not v.done), 0)

    def go(self, index: int) -> None:
        """Show question `index` (one-at-a-time mode) and update the progress line."""
        if self.settings.show == "all":
            self.stage.children = [v.box for v in self.views]
        else:
            self.current = max(0, min(index, len(self.views) - 1))
            self.stage.children = [self.views[self.current].box]
            self.previous.disabled = self.current == 0
            self.next.disabled = self.current == len(self.views) - 1
        self.refresh()

    def submit_all(self) -> None:
        """Check every answered question that is still open (check-at-the-end mode)."""
        for v in self.views:
            if v.done:
                continue
            if v.response() is None:
                v.feedback.value = _note("info", "Not answered yet.")
                continue
            v.submit()
        self.check_all.description = "Check again"
        self.check_all.disabled = all(v.done for v in self.views)

    def refresh(self) -> None:
        answered = sum(bool(v.attempts) for v in self.views)
        score = sum(v.best.points for v in self.views if v.best is not None)
        where = (
            f"Question {self.current + 1} of {len(self.views)} · "
            if self.settings.show == "one"
            else ""
        )
        scored = "" if self.quiz.exam else f" · Score {score:g} of {self.quiz.max_points:g} points"
        self.progress.value = (
            f'<div class="kit-quiz-progress">{where}Answered {answered} of '
            f"{len(self.views)}{scored}</div>"
        )

    # ------------------------------------------------------------ for tests and notebooks

    def answer(self, question_id: str, response: Any) -> Result | None:
        """Set an answer and check it, as a click on Check would (for notebooks and tests)."""
        view = next(v for v in self.views if v.q.id == question_id)
        view.set_response(response)
        return view.submit()

    @property
    def score(self) -> float:
        return round(sum(v.best.points for v in self.views if v.best is not None), 2)


def _settings(quiz: Quiz, show: str | None, feedback: str | None, attempts: int | str | None):
    s = quiz.settings
    if show is not None:
        if show not in SHOWS:
            raise KitError(f"show='{show}' is not a way to show a quiz", fix="use 'one' or 'all'")
        s = replace(s, show=show)
    if feedback is not None:
        if feedback not in FEEDBACKS:
            raise KitError(
                f"feedback='{feedback}' is not a feedback mode", fix="use 'immediate' or 'end'"
            )
        s = replace(s, feedback=feedback)
    if attempts is not None:
        if attempts == "unlimited":
            attempts = 0
        if not isinstance(attempts, int) or isinstance(attempts, bool) or attempts < 0:
            raise KitError(
                f"attempts={attempts!r} is not a number of tries",
                fix="use a whole number like 1 or 3, or 'unlimited'",
            )
        s = replace(s, attempts=attempts)
    return s


def quiz_widget(
    bank: Quiz | str | Path,
    article: Article | None = None,
    student: str | None = None,
    *,
    work_dir: str | Path | None = None,
    show: str | None = None,
    feedback: str | None = None,
    attempts: int | str | None = None,
) -> QuizWidget | KitError:
    """The quiz widget for a bank (a Quiz or a bank file); returns the problem to show if any.

    `show` ('one' or 'all'), `feedback` ('immediate' or 'end') and `attempts` (a number or
    'unlimited') override the bank's settings.
    """
    try:
        quiz = bank if isinstance(bank, Quiz) else Quiz.from_file(bank, article=article)
        if isinstance(bank, Quiz) and article is not None and quiz.article is None:
            quiz = replace(quiz, article=article)
        return QuizWidget(
            quiz,
            student=student,
            work_dir=work_dir,
            show=show,
            feedback=feedback,
            attempts=attempts,
        )
    except KitError as e:  # the notebook shows the message (KitError has an HTML view)
        return e
