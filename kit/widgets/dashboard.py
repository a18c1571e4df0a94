"""The class dashboard: filters by student and lesson, the overview, a heat map, and exports.

A thin view over `kit.classroom.classwork.ClassWork`: every number comes from the core; the
widget only narrows the class (`subset`) and shows the result.
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import traitlets

from kit.classroom.classwork import ClassWork, load_class
from kit.classroom.course import Course, load_course
from kit.classroom.demo import demo_class
from kit.errors import KitError
from kit.views.html import Notice
from kit.widgets._base import quote
from kit.widgets.keyboard import KEYS_CLASS, LIVE_CLASS, KeyboardGuard

ALL = ""
DEMO_STUDENTS = 30


class _Menu(widgets.Dropdown):
    """A menu that, given a value it does not offer, keeps its value and has the dashboard say
    so in words (ipywidgets would raise a TraitError with a traceback)."""

    def __init__(self, what: str, on_unknown: Any, **kwargs: Any) -> None:
        self._what, self._on_unknown = what, on_unknown
        super().__init__(**kwargs)

    @traitlets.validate("value")
    def _validate_value(self, proposal: Any) -> Any:
        value = proposal.value
        offered = [v for _, v in self.options]
        if value in offered or not offered:
            return value
        self._on_unknown(self._what, value, [v for v in offered if v != ALL])
        return self.value


class Dashboard(widgets.VBox):
    """Progress, scores, confusion, agreement and a heat map for a class, with filters."""

    def __init__(
        self, work: ClassWork, export_dir: str | Path | None = None, note: Notice | None = None
    ) -> None:
        self.work = work
        # a class that could not be read: nothing to export (the note says what to fix)
        self._unread = note.text if note is not None and note.kind == "warning" else None
        root = work.root or Path.cwd()
        self.export_dir = Path(export_dir) if export_dir else root.parent / f"{root.name}-export"
        self.student = _Menu(
            "student",
            self._unknown,
            options=[("All students", ALL)] + [(s, s) for s in work.students],
            value=ALL,
            description="Student",
        )
        self.lesson = _Menu(
            "lesson",
            self._unknown,
            options=[("All lessons", ALL)] + [(le.name, le.id) for le in work.course.tracked],
            value=ALL,
            description="Lesson",
        )
        self.where = widgets.HTML(note._repr_html_() if note else "")
        articles = [a for a in work.article_ids if a in work.articles]
        self.article = widgets.Dropdown(
            options=[(quote(work.articles[a].title or a), a) for a in articles],
            value=articles[0] if articles else None,
            description="Article",
        )
        self.kind = widgets.ToggleButtons(
            options=[("Sources", "source"), ("Claims", "claim")],
            value="source",
            description="Heat map",
        )
        self.csv_button = widgets.Button(
            description="Export CSV files", icon="download", tooltip="every table as a CSV file"
        )
        self.report_button = widgets.Button(
            description="Printable report", icon="print", tooltip="a one-page HTML report"
        )
        self.status = widgets.HTML()
        self.status.add_class(LIVE_CLASS)  # one live region, read out when it changes
        self.view = widgets.HTML()
        self.heat = widgets.HTML()
        self.csv_button.on_click(lambda _: self.export_csv())
        self.report_button.on_click(lambda _: self.export_report())
        for control in (self.student, self.lesson):
            control.observe(lambda _: self.refresh(), names="value")
        for control in (self.article, self.kind):
            control.observe(lambda _: self._refresh_heat(), names="value")
        super().__init__(
            [
                self.where,
                widgets.HBox([self.student, self.lesson]),
                widgets.HBox([self.csv_button, self.report_button]),
                self.status,
                self.view,
                widgets.HBox([self.article, self.kind]),
                self.heat,
                KeyboardGuard(),
            ]
        )
        self._said: list[str] = []
        self.add_class("kit-dashboard")
        self.add_class(KEYS_CLASS)  # its menus and buttons keep their keys
        self.refresh()

    def __repr__(self) -> str:
        n, lessons = len(self.work.students), len(self.work.course.tracked)
        return f"Dashboard({n} students, {lessons} lessons)"

    @property
    def selection(self) -> ClassWork:
        """The class narrowed to the chosen student and lesson."""
        if not self.student.value and not self.lesson.value:
            return self.work
        return self.work.subset(
            students=self.student.value or None, lesson=self.lesson.value or None
        )

    def choose(self, student: str | None = None, lesson: str | None = None) -> Notice:
        """Set the menus from code (`""`: all students, all lessons; None: leave as it is).
        Says what the dashboard now shows, or, for a student or lesson the class does not have,
        which ones there are (that menu then stays as it was)."""
        self._said = []
        if student is not None:
            self.student.value = student
        if lesson is not None:
            self.lesson.value = lesson
        said, self._said = self._said, []
        who = self.student.value or "all students"
        what = self.lesson.value and self.work.course.lesson(self.lesson.value).name
        shows = f"The dashboard shows {who}, {f'lesson {what}' if what else 'all lessons'}."
        if said:
            return Notice("\n".join([*said, shows]), kind="warning")
        return Notice(shows)

    def _unknown(self, what: str, value: Any, offered: list[str]) -> None:
        """A student or lesson the menus do not offer: say so, and which there are."""
        listed = ", ".join(offered[:12]) + (
            f" and {len(offered) - 12} more" if len(offered) > 12 else ""
        )
        text = f"There is no {what} '{value}' in this class. "
        text += (
            f"Pick one of: {listed} (the {what.capitalize()} menu at the top lists them)."
            if offered
            else f"This class has no {what}s yet."
        )
        self._said.append(text)  # what choose() answers
        self._say(text)

    def refresh(self) -> None:
        """Show the overview for the current filters."""
        self.view.value = self.selection.overview().html
        self._refresh_heat()

    def _refresh_heat(self) -> None:
        if not self.article.value:
            self.heat.value = "<p>No article text: pass seeds=... to see the heat map.</p>"
            return
        self.heat.value = self.selection.heatmap(self.article.value, self.kind.value).html

    def export_csv(self) -> list[Path]:
        """Write every table (for the current filters) as CSV files; says where."""
        if self._unread:
            self._say(f"Nothing to export. {self._unread}")
            return []
        try:
            files = self.selection.export_csv(self.export_dir)
        except KitError as e:
            self._say(f"Could not export: {e.message}")
            return []
        self._say(f"Saved {len(files)} CSV files in {self.export_dir}")
        return files

    def export_report(self) -> Path | None:
        """Write the one-page printable report (for the current filters); offers a download."""
        if self._unread:
            self._say(f"Nothing to report. {self._unread}")
            return None
        try:
            path = self.selection.report_html(self.export_dir / "class-report.html")
        except KitError as e:
            self._say(f"Could not write the report: {e.message}")
            return None
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        self._say(
            f"Saved the report as {escape(str(path))} "
            f'(<a download="class-report.html" href="data:text/html;base64,{data}">download</a>,'
            " then print it from the browser)",
            escaped=False,
        )
        return path

    def _say(self, message: str, escaped: bool = True) -> None:
        text = escape(message) if escaped else message
        self.status.value = f"<div>{text}</div>"


def dashboard(
    class_dir: str | Path = "class",
    *,
    seeds: str | Path | None = None,
    course: Course | str | Path | None = None,
    roster: list[str] | None = None,
    export_dir: str | Path | None = None,
    demo: bool = False,
) -> Dashboard:
    """The class dashboard for a collected class folder (with the teacher's `seeds` folder).

    `class_dir` is looked for in the current folder, then in the course folder (where
    `kit collect --out` wrote it); the dashboard says which folder it shows. `demo=True` shows a
    demo class of 30 invented students instead (made in the work folder). A class folder that
    cannot be read is a message in the dashboard, over an empty class, never a traceback.
    """
    try:
        if demo:
            class_dir = demo_class(students=DEMO_STUDENTS, seed=0, seeds=seeds, course=course)
        work = load_class(class_dir, seeds=seeds, course=course, roster=roster)
    except KitError as e:
        try:
            crs = course if isinstance(course, Course) else load_course(course)
        except KitError:  # the course file is what needs fixing: the kit's course meanwhile
            crs = load_course()
        empty = ClassWork(files=(), course=crs, roster=tuple(roster or ()))
        note = Notice(f"Something needs fixing: {e.sentence}", kind="warning")
        return Dashboard(empty, export_dir=export_dir, note=note)
    if demo:
        text = (
            f"A demo class of {DEMO_STUDENTS} invented students. To see your class, set "
            "demo = False and class_dir to the folder you collected into."
        )
    else:
        text = f"Class folder: {Path(work.root or class_dir).resolve()}"
    return Dashboard(work, export_dir=export_dir, note=Notice(text))
