"""The class dashboard in a real JupyterLab and in Voila; student notebooks as Voila apps."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect

import kit
from tests import classroom_helpers as h
from tests.browser.lab import (
    assert_no_widget_errors,
    axe_check,
    error_outputs,
    open_notebook,
    run_all,
    select_text,
)
from tests.browser.voila import start_voila, stop_voila

pytestmark = pytest.mark.browser

DASHBOARD = "notebooks/teacher/class_dashboard.ipynb"
START = "notebooks/00_start_here.ipynb"
APP_TIMEOUT_MS = 120_000


@pytest.fixture(scope="module")
def voila(tmp_path_factory):
    server = start_voila(tmp_path_factory.mktemp("voila"))
    try:
        yield server
    finally:
        stop_voila(server)


@pytest.fixture
def app_page(browser, browser_errors):
    """A fresh page for a Voila app; fails the test on uncaught page errors."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.on("pageerror", lambda exc: browser_errors.page_errors.append(str(exc)))
    try:
        yield page
    finally:
        context.close()
    if browser_errors.page_errors:
        pytest.fail("uncaught errors in the page:\n  " + "\n  ".join(browser_errors.page_errors))


def wait_for_file(path: Path, timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} was not written"
        time.sleep(0.1)


def dashboard_heading(page):
    return page.locator(".kit-dashboard .kit-view h3").first


# ---------------------------------------------------------------- JupyterLab


def test_dashboard_runs_in_jupyterlab_and_its_filters_and_buttons_work(page, lab):
    open_notebook(page, lab, DASHBOARD)
    run_all(page)
    assert_no_widget_errors(page)
    assert error_outputs(page) == []
    heading = dashboard_heading(page)
    # The number of work files follows the course (lessons and articles); unit tests count them.
    expect(heading).to_have_text(re.compile(r"^News detective: 30 students, \d+ work files$"))
    dash = page.locator(".kit-dashboard").first
    expect(dash.get_by_text("Questions most often wrong at the first try")).to_be_visible()

    dash.locator("select").nth(0).select_option(label="amara")
    expect(heading).to_have_text(re.compile(r"News detective: 1 student, \d+ work files?"))
    dash.locator("select").nth(1).select_option(label="04 Attribution language")
    expect(heading).to_have_text("News detective, lesson 04: 1 student, 1 work file")

    dash.get_by_role("button", name="Claims").click()
    expect(dash.locator(".kit-heatmap .kit-legend")).to_contain_text("tagged a claim")

    report = lab.work_dir / "demo-class-export" / "class-report.html"
    report.unlink(missing_ok=True)  # the notebook's last cell wrote one: the click must write it
    region = dash.locator(".kit-live [role=status]")  # one live region, there before it speaks
    expect(region).to_have_count(1)
    region.evaluate("node => { node.dataset.kitSameRegion = 'yes'; }")
    dash.get_by_role("button", name="Printable report").click()
    wait_for_file(report)
    expect(dash.locator("[data-kit-same-region=yes]")).to_contain_text("Saved the report")
    assert "lesson 04" in report.read_text()

    problems = axe_check(page, ".kit-dashboard")
    assert not problems, [(v["id"], v["help"], v["nodes"][:3]) for v in problems]


def test_the_dashboard_notebook_runs_all_on_a_real_class_collected_in_the_course_folder(page, lab):
    # Four students' work, handed in and collected in the course folder, as the README says.
    handed_in = lab.root / "handed-in"
    for student, spec in h.STUDENTS.items():
        (handed_in / student).mkdir(parents=True)
        doc = h.work_document(student, spec)
        (handed_in / student / f"{h.ARTICLE_ID}.json").write_text(json.dumps(doc))
    subprocess.run(
        [sys.executable, "-m", "kit", "collect", "handed-in", "--out", "class"],
        cwd=lab.root, check=True, capture_output=True,
    )  # fmt: skip
    # The teacher's one edit: the demo switch off (class_dir is "class" already).
    nb = nbformat.read(lab.root / DASHBOARD, as_version=4)
    [cell] = [c for c in nb.cells if c.cell_type == "code" and "demo = True" in c.source]
    cell.source = cell.source.replace("demo = True", "demo = False")
    assert 'class_dir = "class"' in cell.source
    mine = "notebooks/teacher/my_class.ipynb"
    nbformat.write(nb, lab.root / mine)

    open_notebook(page, lab, mine)
    run_all(page)
    assert_no_widget_errors(page)
    assert error_outputs(page) == []
    dash = page.locator(".kit-dashboard").first
    expect(dashboard_heading(page)).to_have_text("News detective: 4 students, 4 work files")
    expect(dash).to_contain_text(f"Class folder: {lab.root.resolve() / 'class'}")
    grid = dash.locator("table.kit-grid")
    expect(grid).to_be_visible()
    expect(grid.locator("tbody tr")).to_have_count(4)
    expect(grid.locator("tbody th")).to_have_text(["ana", "bo", "cy", "ed"])
    expect(grid.locator("thead th").nth(1)).to_have_text("01")
    expect(dash.locator(".kit-grid-legend")).to_contain_text("partly done")
    expect(dash.locator(".kit-histogram")).to_be_visible()
    expect(dash.get_by_text("Sources most missed")).to_be_visible()
    # the demo's student is not in this class: a message in words, the menus unchanged
    expect(page.get_by_text("There is no student 'amara' in this class.")).to_be_visible()
    expect(dash.locator("select").nth(0)).to_have_value("All students")


# ---------------------------------------------------------------- Voila


def test_dashboard_runs_as_a_voila_app(app_page, voila):
    app_page.goto(voila.render_url(DASHBOARD), timeout=APP_TIMEOUT_MS)
    heading = dashboard_heading(app_page)
    expect(heading).to_have_text(
        re.compile(r"^News detective: 30 students, \d+ work files$"), timeout=APP_TIMEOUT_MS
    )
    code = ".jp-InputArea-editor, .cm-editor, .CodeMirror"
    assert app_page.locator(code).count() == 0  # an app: no code shown
    dash = app_page.locator(".kit-dashboard").first
    dash.locator("select").nth(1).select_option(label="04 Attribution language")
    expect(heading).to_have_text("News detective, lesson 04: 30 students, 30 work files")
    expect(dash.get_by_text("Nothing special; it means the same as").first).to_be_visible()


def test_student_notebook_runs_as_a_voila_app_and_its_text_can_be_selected(app_page, voila):
    app_page.goto(voila.render_url(START), timeout=APP_TIMEOUT_MS)
    # the kernel ran every cell (the last one says nothing is saved before signing in): the page
    # is still now; the student signs in with the box, no code
    last = app_page.get_by_text("Nothing is saved yet").first
    expect(last).to_be_visible(timeout=APP_TIMEOUT_MS)
    box = app_page.locator(".kit-sign-in")
    box.get_by_role("textbox").fill("student")
    box.get_by_role("button", name="Sign in").click()
    expect(box).to_contain_text("Hello, student!")
    assert (voila.work_dir / ".student").read_text().strip() == "student"
    para = app_page.locator(".kit-article p", has_text="Downing Street").first
    para.evaluate("(el) => el.scrollIntoView({block: 'center', behavior: 'instant'})")
    app_page.wait_for_timeout(300)  # Voila's page scrolls smoothly: let it settle first
    text = para.text_content()
    start = text.index("Downing Street")
    select_text(app_page, para, start, start + len("Downing Street"))
    assert app_page.evaluate("() => window.getSelection().toString()") == "Downing Street"


needs_widgets = pytest.mark.skipif(
    not all(hasattr(kit, name) for name in ("highlight_sources", "quiz_widget")),
    reason="the Highlighter and quiz widgets are not on this branch yet",
)


@needs_widgets
def test_student_highlights_a_source_and_answers_a_question_in_voila(app_page, voila):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_code_cell(src)
        for src in (
            "import kit",
            'kit.set_student("voila-kid")',
            'article = kit.load_article("../seeds/000_8e915a2399968c01.txt")',
            "kit.highlight_sources(article)",
            'kit.quiz_widget("../seeds/attribution_language.quiz.yaml", article)',
        )
    ]
    (voila.root / "tests").mkdir(exist_ok=True)
    nbformat.write(nb, voila.root / "tests" / "student_app.ipynb")
    app_page.goto(voila.render_url("tests/student_app.ipynb"), timeout=APP_TIMEOUT_MS)
    app_page.wait_for_selector(".kit-hl .kit-hl-ptext", timeout=APP_TIMEOUT_MS)
    work = voila.work_dir / "voila-kid" / "000_8e915a2399968c01.json"

    app_page.locator(".kit-hl-chip", has_text="Institution").click()
    para = app_page.locator(".kit-hl-ptext", has_text="Downing Street").first
    para.evaluate("(el) => el.scrollIntoView({block: 'center', behavior: 'instant'})")
    app_page.wait_for_timeout(300)
    text = para.text_content()
    start = text.index("Downing Street")
    select_text(app_page, para, start, start + len("Downing Street"))
    wait_for_file(work)
    deadline = time.monotonic() + 30
    while not json.loads(work.read_text())["annotations"]:
        assert time.monotonic() < deadline, "the highlight was not saved"
        time.sleep(0.1)
    [ann] = json.loads(work.read_text())["annotations"]
    assert ann["body"][0]["value"] == "source:institution"

    question = app_page.locator(".kit-quiz-question").first
    question.get_by_text("The reporter signals that the statement is disputed").click()
    question.get_by_role("button", name="Check").click()
    deadline = time.monotonic() + 30
    while not json.loads(work.read_text()).get("quiz"):
        assert time.monotonic() < deadline, "the answer was not saved"
        time.sleep(0.1)
    attempts = json.loads(work.read_text())["quiz"]["attribution_language"]["claimed"]["attempts"]
    assert attempts[0]["correct"] is True
