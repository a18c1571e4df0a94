"""The dashboard widget: one call, filters narrow every view, buttons write the exports."""

from __future__ import annotations

import nbformat
import pytest

import kit
from kit.classroom.course import load_course
from tests import classroom_helpers as h


@pytest.fixture
def dash(tmp_path):
    seeds = h.make_seeds(tmp_path / "seeds")
    class_dir = h.make_class(tmp_path / "class")
    return kit.dashboard(class_dir, seeds=seeds, course=h.course(), roster=h.ROSTER)


def test_one_call_shows_the_class_with_a_short_stable_repr(dash):
    assert repr(dash) == "Dashboard(5 students, 3 lessons)"
    assert "Mini course: 5 students, 4 work files" in dash.view.value
    assert "Students who highlighted a source (of 3)" in dash.heat.value


def test_filters_narrow_the_overview_and_the_heat_map(dash):
    dash.student.value = "bo"
    assert "Mini course: 1 student, 1 work file" in dash.view.value
    assert "(of 1)" in dash.heat.value
    dash.student.value = ""
    dash.lesson.value = "B"
    assert "Mini course, lesson B: 5 students" in dash.view.value
    assert "Sources most missed</h4><p>Nothing to show yet." in dash.view.value
    dash.kind.value = "claim"
    assert "tagged a claim" in dash.heat.value


def test_the_buttons_write_csv_files_and_the_report(dash, tmp_path):
    dash.csv_button.click()
    assert (tmp_path / "class-export" / "summary.csv").is_file()
    assert "Saved 12 CSV files" in dash.status.value
    dash.report_button.click()
    assert (tmp_path / "class-export" / "class-report.html").is_file()
    assert 'download="class-report.html"' in dash.status.value


def test_an_empty_class_still_shows_a_dashboard(tmp_path):
    (tmp_path / "empty").mkdir()
    dash = kit.dashboard(tmp_path / "empty")
    assert repr(dash).startswith("Dashboard(0 students")
    assert "Nothing to show yet" in dash.view.value
    assert "pass seeds=" in dash.heat.value
    dash.report_button.click()
    assert (tmp_path / "empty-export" / "class-report.html").is_file()


def test_choosing_a_student_the_class_does_not_have_says_so_in_words(dash):
    said = dash.choose(student="amara")
    assert said.kind == "warning"
    assert str(said) == (
        "There is no student 'amara' in this class. Pick one of: ana, bo, cy, di, ed "
        "(the Student menu at the top lists them).\n"
        "The dashboard shows all students, all lessons."
    )
    assert dash.student.value == ""  # the menu stays as it was
    assert str(dash.choose(student="bo", lesson="B")) == "The dashboard shows bo, lesson B Quiz."
    assert "Mini course, lesson B: 1 student" in dash.view.value
    assert "no lesson '04'" in str(dash.choose(lesson="04"))
    assert dash.lesson.value == "B"
    said = dash.choose(student="amara", lesson="")  # the lesson is still chosen
    assert str(said).endswith("The dashboard shows bo, all lessons.")
    assert dash.lesson.value == ""
    dash.student.value = "amara"  # the menu itself: a message, no TraitError
    assert dash.student.value == "bo"
    assert "There is no student &#x27;amara&#x27;" in dash.status.value


def test_a_missing_class_folder_is_a_message_in_the_dashboard_not_a_traceback(tmp_path):
    dash = kit.dashboard(tmp_path / "nope")
    assert repr(dash).startswith("Dashboard(0 students")
    assert 'role="alert"' in dash.where.value and "no class folder" in dash.where.value
    assert "kit collect" in dash.where.value
    assert dash.work.summary().empty  # the notebook's later cells still run
    assert dash.export_report() is None and dash.export_csv() == []
    assert "Nothing to export. Something needs fixing: There is no class folder" in (
        dash.status.value
    )
    assert not dash.export_dir.exists()


def test_the_dashboard_says_which_class_folder_it_shows_and_when_it_is_a_demo(
    dash, tmp_path, monkeypatch
):
    assert f"Class folder: {tmp_path / 'class'}" in dash.where.value
    monkeypatch.setenv("KIT_WORK_DIR", str(tmp_path / "work"))
    demo = kit.dashboard("class", seeds=h.ROOT / "seeds", demo=True)
    assert repr(demo).startswith("Dashboard(30 students")
    assert "A demo class of 30 invented students" in demo.where.value
    assert "demo = False" in demo.where.value


def test_the_overview_shows_a_colour_grid_and_a_histogram_with_names_escaped(tmp_path):
    seeds = h.make_seeds(tmp_path / "seeds")
    class_dir = h.make_class(tmp_path / "class")
    evil = "<img src=x onerror=1>"
    (class_dir / "bo").rename(class_dir / evil)
    dash = kit.dashboard(class_dir, seeds=seeds, course=h.course())
    html = dash.view.value
    assert "<img" not in html
    grid = html[html.index('<table class="kit-grid"') :]
    grid = grid[: grid.index("</table>")]
    assert '<th scope="row"' in grid and "&lt;img src=x onerror=1&gt;</th>" in grid
    assert grid.count("background:#0072B2") == 6  # done: ana A, B, C; bo B; cy C; ed B
    assert ">started</td>" in grid and ">not yet</td>" in grid
    assert "kit-grid-legend" in html and "partly done" in html
    assert 'aria-label="50-60%: 2 students"' in html and 'aria-label="90-100%: 1 student"' in html


NOTEBOOK = h.ROOT / "notebooks" / "teacher" / "class_dashboard.ipynb"


@pytest.mark.parametrize("collected", [True, False])
def test_the_dashboard_notebook_runs_every_cell_on_a_real_class_or_says_what_is_missing(
    tmp_path, monkeypatch, collected
):
    """The teacher's one edit (demo = False), from notebooks/teacher/ of a course folder whose
    class was collected into `class` (or not yet): every cell runs; the dashboard shows the
    class, or says where it looked."""
    from IPython.core.interactiveshell import InteractiveShell

    course = tmp_path / "course"
    (course / "notebooks" / "teacher").mkdir(parents=True)
    h.make_seeds(course / "seeds")
    if collected:
        h.make_class(course / "class")
    monkeypatch.chdir(course / "notebooks" / "teacher")
    monkeypatch.setenv("KIT_WORK_DIR", str(tmp_path / "work"))
    shell = InteractiveShell.instance()
    shown = {}
    try:
        for cell in nbformat.read(NOTEBOOK, as_version=4).cells:
            if cell.cell_type == "code":
                source = cell.source.replace("demo = True", "demo = False")
                result = shell.run_cell(source, store_history=False)
                assert result.success, f"{source}\n{result.error_in_exec!r}"
                shown[source] = result.result
        dash = shell.user_ns["dashboard"]
    finally:
        InteractiveShell.clear_instance()
    if collected:
        tracked = sum(lesson.tracked for lesson in load_course().lessons)
        assert repr(dash) == f"Dashboard(4 students, {tracked} lessons)"
        assert f"Class folder: {course / 'class'}" in dash.where.value
        assert (course / "class-export" / "class-report.html").is_file()
    else:
        assert "no class folder" in dash.where.value and str(course / "class") in dash.where.value
    # the demo's student: a message naming the students there are, not a TraitError
    said = str(shown['dashboard.choose(lesson="", student="amara")'])
    assert said.startswith("There is no student 'amara' in this class.")
    assert ("Pick one of: ana, bo, cy, ed" if collected else "no students yet") in said
