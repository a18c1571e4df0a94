"""Signing in without code: kit.sign_in() shows a box checked as it is typed and a button."""

from __future__ import annotations

import pytest

import kit
from kit.widgets.sign_in import SignIn, check_name
from kit.work.store import safe_name


@pytest.fixture
def box(tmp_path, monkeypatch):
    monkeypatch.delenv("KIT_STUDENT", raising=False)
    monkeypatch.setenv("KIT_WORK_DIR", str(tmp_path))
    return kit.sign_in()


def test_sign_in_with_no_name_shows_a_box_and_the_button_signs_in(box, tmp_path):
    assert isinstance(box, SignIn)
    assert "Type your name or the code your teacher gave you" in box.check.value
    box.name.value = "2b-07"
    assert "OK: your work will be saved in the folder “2b-07”" in box.check.value
    assert not (tmp_path / ".student").exists()  # typing alone signs nobody in
    box.button.click()
    assert (tmp_path / ".student").read_text(encoding="utf-8").strip() == "2b-07"
    assert kit.current_student() == "2b-07"
    assert "Hello, 2b-07!" in box.check.value and "Shift+Enter" in box.check.value
    again = kit.sign_in()  # the cell run again says who is signed in
    assert "You are signed in as 2b-07" in again.check.value


def test_what_is_wrong_is_said_as_it_is_typed_with_the_work_folder_rules(box, tmp_path):
    box.name.value = "Alex B/2"
    folder = safe_name("Alex B/2")
    assert "Not allowed in a folder name: a space, “/”" in box.check.value
    assert f"your folder will be “{folder}”" in box.check.value
    assert "letters, digits" in box.check.value
    box.name.value = "///"
    assert "cannot be used" in box.check.value
    box.button.click()
    assert not (tmp_path / ".student").exists()  # nothing usable: not signed in
    box.name.value = "<b>x</b>"
    assert "<b>" not in box.check.value  # typed text is shown as text


@pytest.mark.parametrize(
    "typed", ["2b-07", "Zoë", "alex.b_2", " Sam ", "a b", "../x", "con", "x" * 80]
)
def test_the_folder_the_box_announces_is_the_one_the_work_folder_uses(typed):
    folder, _ = check_name(typed)
    assert folder == safe_name(typed.strip())


def test_every_not_signed_in_message_names_kit_sign_in(tmp_path, seed, monkeypatch):
    monkeypatch.delenv("KIT_STUDENT", raising=False)
    monkeypatch.setenv("KIT_WORK_DIR", str(tmp_path))
    with pytest.raises(kit.KitError) as e:
        kit.current_student()
    assert "kit.sign_in()" in e.value.sentence and "set_student" not in e.value.sentence
    for shown in (kit.highlight_sources(seed), kit.tag_claims(seed)):
        assert "set_student" not in shown.text and "kit.sign_in()" in shown.text


def test_sign_in_with_a_name_still_signs_in_at_once(tmp_path, monkeypatch):
    monkeypatch.delenv("KIT_STUDENT", raising=False)
    notice = kit.sign_in("Zoë", tmp_path)
    assert "Hello, Zoë!" in notice.text
    assert kit.current_student(tmp_path) == "Zoë"


def test_a_student_set_by_the_computer_is_shown_not_changed(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_STUDENT", "lab-07")
    monkeypatch.setenv("KIT_WORK_DIR", str(tmp_path))
    box = kit.sign_in()
    assert "You are signed in as lab-07" in box.check.value
    box.name.value = "someone"
    assert box.submit() is None
    assert "ask your teacher" in box.check.value
    assert not (tmp_path / ".student").exists()


def test_where_is_my_work_before_signing_in_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.delenv("KIT_STUDENT", raising=False)
    shown = kit.where_is_my_work(tmp_path)
    assert shown.kind == "warning" and "Nothing is saved yet" in shown.text
    assert "kit.sign_in()" in shown.text
