"""A student in the released copy highlights a source in lesson 3 and is told, from the sealed
key, what matches, how many sources are left and the teacher's hint for a miss (issue 15)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

import kit
from kit.classroom.release import release
from tests.browser.lab import assert_no_widget_errors, error_outputs, open_notebook, run_all
from tests.browser.notebook_files import SEED_ID, saved_annotations, wait_until
from tests.browser.test_highlighter import drag_over

pytestmark = pytest.mark.browser

HINT = "Who says the air strikes went on?"


def released_course(lab) -> Path:
    """The course as a teacher releases it, with a hint in the seed's key; returns the folder
    of the student copy inside the lab's served root."""
    teacher = Path(lab.root) / "t-sealed-teacher"
    for part in ("notebooks", "seeds"):
        shutil.copytree(Path(lab.root) / part, teacher / part, dirs_exist_ok=True)
    key = teacher / "seeds" / "keys" / f"{SEED_ID}.json"
    doc = json.loads(key.read_text(encoding="utf-8"))
    for a in doc["annotations"]:
        quote = next(s for s in a["target"]["selector"] if s["type"] == "TextQuoteSelector")
        if quote["exact"] == "Ukrainian officials":
            a["body"].append({"type": "TextualBody", "purpose": "commenting", "value": HINT})
    key.write_text(json.dumps(doc), encoding="utf-8")
    report = release(
        Path(lab.root) / "t-sealed-copy", notebooks=teacher / "notebooks", seeds=teacher / "seeds"
    )
    assert f"keys/{SEED_ID}.sealed.json" in report.keys
    assert HINT not in (report.folder / "seeds" / "keys" / f"{SEED_ID}.sealed.json").read_text()
    return report.folder


def test_a_student_sees_feedback_from_the_sealed_key_in_lesson_3(page, lab):
    copy = released_course(lab)
    student = "t-sealed-student"
    kit.set_student(student, lab.work_dir)
    notebook = (copy / "notebooks" / "03_who_is_talking.ipynb").relative_to(lab.root)
    open_notebook(page, lab, str(notebook))
    run_all(page)
    assert_no_widget_errors(page)
    assert error_outputs(page) == []
    feedback = page.locator(".kit-feedback")
    expect(feedback).to_contain_text("You found 0 of the 7 sources.")
    expect(feedback).to_contain_text(f"Look again at paragraph 10: {HINT}")  # opened at check
    expect(feedback).not_to_contain_text("kit's suggestions")

    page.locator(".kit-hl-chip", has_text="Institution").click()
    drag_over(page, "Downing Street")
    wait_until(lambda: [a["exact"] for a in saved_annotations(lab, student)] == ["Downing Street"])
    run_all(page)  # the student checks again: the compare cell runs with the new highlight
    assert error_outputs(page) == []
    expect(feedback).to_contain_text("You found 1 of the 7 sources.")
    expect(feedback).not_to_contain_text("kit's suggestions")
    table = page.locator("table", has=page.locator("caption", has_text="your teacher's key"))
    expect(table).to_contain_text("Downing Street")
    expect(table).to_contain_text("the same")  # the key's label, opened by the highlight
    expect(feedback).to_contain_text(f"Look again at paragraph 10: {HINT}")
