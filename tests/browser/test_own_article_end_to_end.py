"""Issue 15, done means: a teacher's own article, end to end, in a real JupyterLab.

Only the edits the README and the notebooks name: `kit init` makes the course folder; a Wikinews
article that is not the seed is saved into seeds/ as a Markdown file; make_an_exercise.ipynb is
pointed at it (its load line and `folder = "../../seeds"`, as the notebook says), the teacher
reviews the kit's suggestions in the widget by clicking (accepts one with a hint, rejects one,
labels the "Not sure" one), then runs the rest: key saved, quiz generated and checked. Lessons 3
and 5 load the article (their one load line); `python -m kit release`. Three students unzip the
release: amara in the browser (notebook 0's sign-in box; lesson 3: highlights five sources by
dragging the mouse, checks, and is told from the sealed key what matched and the teacher's hint
for a source she missed; writes her answer), ben and chloe through the kit's API. Each hands in a
zip of the folder; `python -m kit collect` exits 0; the dashboard notebook, `demo = False`, shows
lesson 3 done for all three.

JupyterLab serves a folder holding the course and the students' copies, with no KIT_WORK_DIR,
as on a teacher's or student's own computer: work goes to notebooks/work/ of each copy.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from kit.articles.selection import utf16_offset
from tests.browser.conftest import ARTIFACTS
from tests.browser.lab import (
    Lab,
    _server_env,
    assert_no_widget_errors,
    error_outputs,
    free_port,
    launch,
    open_notebook,
    run_all,
    select_text,
    stop_lab,
    wait_until_ready,
)
from tests.browser.notebook_files import wait_until
from tests.test_own_article_command_line import (
    ARTICLE_FILE,
    ARTICLE_ID,
    hand_in,
    lesson_3_by_api,
    make_course,
    point_lessons_at_the_article,
    run_kit,
    unzip_for,
)

pytestmark = pytest.mark.browser

HINT = "Which news outlet reports what Mahan's director is alleged to have done?"
ANSWER = "Officials from Germany and the US speak. Nobody speaks for the airline."
#: What amara highlights in lesson 3 (label chip, words): five of the key's sources, not Rudaw.
AMARA = (
    ("Unnamed source", "German officials"),
    ("Named person", "Steffen Seibert"),
    ("Named person", "US Ambassador to Germany Richard Grenell"),
    ("Other news outlet", "Reuters"),
    ("Social media post", "a tweet on Monday by US Secretary of State Mike Pompeo"),
)


@pytest.fixture(scope="module")
def own_lab(tmp_path_factory):
    """JupyterLab on a folder holding the teacher's course (`course/`), with no work folder set:
    each notebook's work goes to `work/` beside it, as on the teacher's own computer."""
    tmp = tmp_path_factory.mktemp("own-article")
    root, home = tmp / "root", tmp / "home"
    root.mkdir()
    make_course(root / "course")
    for sub in ("config", "data", "runtime", "workspaces", "settings", "ipython"):
        (home / sub).mkdir(parents=True)
    news = home / "settings" / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)
    (news / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    lab = Lab(root, root / "work", home, free_port(), secrets.token_hex(16), tmp / "lab.log")
    env = _server_env(lab)
    for name in ("KIT_WORK_DIR", "KIT_STUDENT"):
        env.pop(name, None)
    cmd = [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        "--allow-root", "--ip=127.0.0.1", f"--port={lab.port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={lab.token}", f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
    ]  # fmt: skip
    lab.proc = launch(cmd, root, env, lab.log_path)
    try:
        wait_until_ready(
            "JupyterLab", lab.proc, lambda: lab.api("GET", "api/status", timeout=2), lab.log_tail
        )
        yield lab
    finally:
        stop_lab(lab)


@pytest.fixture
def own_page(request, own_lab, browser):
    """A page on `own_lab`; fails on any uncaught page error; a screenshot in test-artifacts/."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        yield page
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        try:
            page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
        except Exception as exc:  # a screenshot must never hide the real failure
            print(f"screenshot failed: {exc}")
        context.close()
    assert not errors, f"uncaught errors in the page: {errors}"


def edit_notebook(path: Path, old: str, new: str) -> None:
    """The teacher changes one line of a notebook (a text edit, saved)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path.name, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def run_cells(page, command: str, active: int) -> None:
    """With cell `active` selected, run JupyterLab's `command` (run-all-above, run-all-below)."""
    page.evaluate(
        """([command, i]) => { const w = window.jupyterapp.shell.currentWidget;
          w.content.activeCellIndex = i;
          return window.jupyterapp.commands.execute(command); }""",
        [command, active],
    )
    page.wait_for_function(
        """() => { const w = window.jupyterapp.shell.currentWidget;
          const k = w.sessionContext.session && w.sessionContext.session.kernel;
          return !!k && k.status === 'idle' && ![...document.querySelectorAll('.jp-InputPrompt')]
            .some((p) => p.textContent.includes('[*]')); }""",
        timeout=180_000,
        polling=100,
    )


def drag_over(page, phrase: str) -> None:
    """Select `phrase` in the Highlighter's article by dragging the mouse across it."""
    para = page.locator(".kit-hl-ptext", has_text=phrase).first
    text = para.text_content()
    i = text.index(phrase)
    select_text(page, para, utf16_offset(text, i), utf16_offset(text, i + len(phrase)))


def suggestion(page, words: str):
    return page.locator(".kit-hl-sugg", has_text=re.compile(f"^{re.escape(words)}$"))


def saved(work: Path) -> dict:
    return json.loads(work.read_text(encoding="utf-8")) if work.is_file() else {}


def exact_quotes(doc: dict) -> list[str]:
    return [
        next(s["exact"] for s in a["target"]["selector"] if s["type"] == "TextQuoteSelector")
        for a in doc.get("annotations", [])
    ]


def teacher_makes_the_exercise(page, lab: Lab, course: Path) -> None:
    notebook = course / "notebooks" / "teacher" / "make_an_exercise.ipynb"
    edit_notebook(notebook, "../../seeds/000_8e915a2399968c01.txt", f"../../seeds/{ARTICLE_FILE}")
    edit_notebook(notebook, 'folder = kit.work.store.work_dir() / \\"exercise\\"',
                  'folder = \\"../../seeds\\"')  # fmt: skip
    open_notebook(page, lab, "course/notebooks/teacher/make_an_exercise.ipynb")
    run_cells(page, "notebook:run-all-above", 8)  # up to the review widget
    assert error_outputs(page) == []
    assert_no_widget_errors(page)
    page.wait_for_selector(".kit-hl[data-ready]")
    editor = page.locator(".kit-hl-editor")
    work = course / "notebooks" / "teacher" / "work" / "teacher" / f"{ARTICLE_ID}.json"

    # Accept Rudaw and write the hint students see when they miss it.
    suggestion(page, "Rudaw").click()
    editor.get_by_role("button", name="Accept").click()
    wait_until(lambda: "Rudaw" in exact_quotes(saved(work)))
    page.locator("mark.kit-hl-mark", has_text="Rudaw").click()
    editor.get_by_label("Comment").fill(HINT)
    editor.get_by_role("button", name="Save comment").click()
    wait_until(lambda: HINT in json.dumps(saved(work)))
    # Reject one the kit got wrong: Mahan's director is talked about, he does not speak.
    suggestion(page, "Mahan's director, Hamid Arabnejad Khanooki").click()
    editor.get_by_role("button", name="Reject").click()
    expect(suggestion(page, "Mahan's director, Hamid Arabnejad Khanooki")).to_have_count(0)
    # The kit was not sure of Siemens: accept it, then relabel it as an institution.
    suggestion(page, "Siemens").click()
    editor.get_by_role("button", name="Accept").click()
    wait_until(lambda: "Siemens" in exact_quotes(saved(work)))
    page.locator("mark.kit-hl-mark", has_text="Siemens").click()
    editor.get_by_label("Label").select_option(label="Institution")
    wait_until(lambda: "source:institution" in json.dumps(saved(work)))

    run_cells(page, "notebook:run-all-below", 9)  # accept the rest, save the key, the quiz
    assert error_outputs(page) == []
    assert_no_widget_errors(page)
    key = yaml.safe_load((course / "seeds" / f"{ARTICLE_ID}.key.yaml").read_text("utf-8"))
    items = {i["quote"]: i for i in key["items"]}
    assert items["Rudaw"]["label"] == "Other news outlet" and items["Rudaw"]["hint"] == HINT
    assert items["Siemens"]["label"] == "Institution"
    assert "Mahan's director, Hamid Arabnejad Khanooki" not in items
    assert "German officials" in items  # accepted with the rest
    assert {i["label"] for i in key["items"]} <= {
        "Named person", "Institution", "Unnamed source", "Document", "Other news outlet",
        "Social media post",
    }  # fmt: skip
    bank = course / "seeds" / f"{ARTICLE_ID}-generated.quiz.yaml"
    assert bank.is_file()
    checked = page.locator(".jp-Cell", has=page.locator(".jp-InputArea", has_text="check_quiz"))
    expect(checked.locator(".jp-OutputArea-output")).to_have_text("[]")  # no problem found
    assert run_kit("quiz", "check", str(bank), cwd=course).returncode == 0


def amara_in_the_browser(page, lab: Lab, copy: Path) -> None:
    where = copy.relative_to(lab.root) / "notebooks"
    open_notebook(page, lab, str(where / "00_start_here.ipynb"))
    run_all(page)
    assert error_outputs(page) == []
    box = page.locator(".kit-sign-in")
    box.get_by_role("textbox").press_sequentially("amara")
    box.get_by_role("button", name="Sign in").click()
    expect(box.locator(".kit-live")).to_contain_text("Hello, amara!")
    assert (copy / "notebooks" / "work" / ".student").read_text().strip() == "amara"

    open_notebook(page, lab, str(where / "03_who_is_talking.ipynb"))
    run_all(page)
    assert error_outputs(page) == []
    assert_no_widget_errors(page)
    page.wait_for_selector(".kit-hl[data-ready]")
    feedback = page.locator(".kit-feedback")
    expect(feedback).to_contain_text(re.compile(r"You found 0 of the \d+ sources"))
    expect(feedback).not_to_contain_text("kit's suggestions")  # the teacher's key, sealed

    work = copy / "notebooks" / "work" / "amara" / f"{ARTICLE_ID}.json"
    for n, (label, words) in enumerate(AMARA, start=1):
        page.locator(".kit-hl-chip", has_text=label).first.click()
        drag_over(page, words)
        wait_until(lambda n=n: len(exact_quotes(saved(work))) == n)
    assert sorted(exact_quotes(saved(work))) == sorted(w for _, w in AMARA)

    run_all(page)  # she checks her work: the compare cell runs again
    assert error_outputs(page) == []
    expect(feedback).to_contain_text(re.compile(r"You found 5 of the \d+ sources"))
    expect(feedback).not_to_contain_text("kit's suggestions")
    table = page.locator("table", has=page.locator("caption", has_text="your teacher's key"))
    expect(table).to_contain_text("Steffen Seibert")
    expect(table).to_contain_text("the same")  # a match, opened from the sealed key
    expect(feedback).to_contain_text(re.compile(r"Look again at paragraph \d+: " + re.escape(HINT)))

    answer = page.get_by_placeholder("Type your answer here.").first
    answer.fill(ANSWER)
    wait_until(
        lambda: (
            saved(work).get("responses", {}).get("lesson3.who_speaks", {}).get("value") == ANSWER
        )
    )


def dashboard_grid(page) -> dict[str, dict[str, str]]:
    """The dashboard's progress grid, as the teacher reads it: student -> lesson -> word."""
    return page.locator(".kit-dashboard table.kit-grid").first.evaluate(
        """(t) => { const lessons = [...t.querySelectorAll('thead th')].map((h) =>
            h.textContent.trim());
          const out = {};
          for (const row of t.querySelectorAll('tbody tr')) {
            const cells = [...row.children].map((c) => c.textContent.trim());
            out[cells[0]] = Object.fromEntries(lessons.slice(1).map((l, i) => [l, cells[i + 1]]));
          }
          return out; }"""
    )


def test_own_article_from_make_an_exercise_to_the_dashboard(own_page, own_lab, monkeypatch):
    page, lab = own_page, own_lab
    course = Path(lab.root) / "course"
    teacher_makes_the_exercise(page, lab, course)
    point_lessons_at_the_article(course)

    released = run_kit("release", "out", cwd=course)
    assert released.returncode == 0, released.stderr
    assert "draft" not in released.stdout + released.stderr  # the key was saved by a reviewer
    copy_files = course / "out" / "release" / "media-literacy"
    assert (copy_files / "seeds" / "keys" / f"{ARTICLE_ID}.sealed.json").is_file()
    for f in copy_files.rglob("*"):
        assert not f.is_file() or HINT not in f.read_text("utf-8", errors="replace"), f

    homes = Path(lab.root) / "homes"
    zip_file = course / "out" / "media-literacy.zip"
    amara = unzip_for("amara", zip_file, homes)
    amara_in_the_browser(page, lab, amara)
    zips = [hand_in(amara, homes.parent / "hand-in")]
    for student in ("ben", "chloe"):
        copy = unzip_for(student, zip_file, homes)
        lesson_3_by_api(copy, student, monkeypatch)
        zips.append(hand_in(copy, homes.parent / "hand-in"))

    got = run_kit("collect", *map(str, zips), "--out", "class", cwd=course)
    assert got.returncode == 0, got.stdout + got.stderr

    dashboard = course / "notebooks" / "teacher" / "class_dashboard.ipynb"
    edit_notebook(dashboard, "demo = True  # True", "demo = False  # True")
    open_notebook(page, lab, "course/notebooks/teacher/class_dashboard.ipynb")
    run_all(page)
    assert error_outputs(page) == []
    assert_no_widget_errors(page)
    grid = dashboard_grid(page)
    assert {s: row["03"] for s, row in grid.items()} == dict.fromkeys(
        ("amara", "ben", "chloe"), "done"
    ), grid
    shutil.rmtree(homes)  # the students' copies hold their work files: not left behind
