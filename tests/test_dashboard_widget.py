"""The dashboard widget: one call, filters narrow every view, buttons write the exports."""

from __future__ import annotations

import pytest

import kit
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
    assert "Saved 11 CSV files" in dash.status.value
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
