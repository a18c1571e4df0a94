"""One rule for the files a teacher edits, whichever way the kit writes them (`kit exercise`, or
the notebook's `save_key` and `Quiz.save`): a file the teacher changed since the kit wrote it is
never replaced unless told to, nor a reviewed key by a draft; a file as the kit wrote it is, in
any session or process. The message names the file, why, and the exact command or call."""

from __future__ import annotations

import json
import shlex

import pytest

import kit
from kit.files import as_the_kit_wrote, checked
from kit.work.keys import save_key
from tests import classroom_helpers as h
from tests.kit_command import run_kit

KEY = f"{h.ARTICLE_ID}.key.yaml"
BANK = f"{h.ARTICLE_ID}-generated.quiz.yaml"


@pytest.fixture
def seeds(seed_folder):
    return seed_folder


def exercise(seeds, *more: str):
    return run_kit("exercise", str(seeds / f"{h.ARTICLE_ID}.txt"), *more)


def reviewed_key(article, folder, **kwargs):
    """The notebook's review and save cells (another process than `kit exercise`)."""
    reviewer = kit.highlight_sources(article, student="teacher", suggestions="auto")
    reviewer.accept_all()
    return save_key(reviewer, article, folder, **kwargs)


def edit(path, old, new) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path.read_text(encoding="utf-8")


def test_the_notebook_replaces_the_draft_kit_exercise_wrote_and_nobody_touched(seeds):
    assert exercise(seeds).returncode == 0
    article = kit.load_article(seeds / f"{h.ARTICLE_ID}.txt")
    assert "reviewed: false" in (seeds / KEY).read_text(encoding="utf-8")
    assert reviewed_key(article, seeds) == seeds / KEY  # another process wrote it: still the kit's
    assert "reviewed: false" not in (seeds / KEY).read_text(encoding="utf-8")
    bank = kit.generate_quiz(article, seed=4).save(seeds)
    assert bank == seeds / BANK and "(seed 4)" in bank.read_text(encoding="utf-8")


def test_kit_exercise_again_replaces_its_own_untouched_quiz(seeds):
    assert exercise(seeds).returncode == 0
    again = exercise(seeds, "--seed", "3")
    assert again.returncode == 0, again.stderr
    assert "(seed 3)" in (seeds / BANK).read_text(encoding="utf-8")


def test_a_reviewed_key_from_the_notebook_is_kept_by_kit_exercise_and_nothing_written(seeds):
    article = kit.load_article(seeds / f"{h.ARTICLE_ID}.txt")
    key = reviewed_key(article, seeds).read_bytes()
    out = exercise(seeds)
    assert out.returncode == 2 and out.stderr.count("\n") == 1, out.stderr
    assert f"{seeds / KEY}: this answer key has been reviewed" in out.stderr
    assert (seeds / KEY).read_bytes() == key and not (seeds / BANK).exists()
    # the draft, saved from the notebook too, is kept away from the reviewed key the same way
    with pytest.raises(kit.KitError, match="has been reviewed"):
        reviewed_key(article, seeds, reviewed=False)


def test_an_edited_file_is_kept_by_both_paths_with_the_same_words_and_exact_ways_on(seeds):
    assert exercise(seeds).returncode == 0
    edited = edit(seeds / BANK, "prompt: ", "prompt: (edited) ")
    article = kit.load_article(seeds / f"{h.ARTICLE_ID}.txt")
    said = "has changed since the kit wrote it (edited by hand?), so it is kept and nothing"
    out = exercise(seeds)
    assert out.returncode == 2 and f"{seeds / BANK}: this file {said}" in out.stderr
    quiz = kit.generate_quiz(article, seed=0)
    with pytest.raises(kit.KitError) as e:
        quiz.save(seeds)
    assert f"{seeds / BANK}: this file {said}" in e.value.message
    assert (seeds / BANK).read_text(encoding="utf-8") == edited
    # each message's way on, word for word: the command ...
    command = out.stderr.split("to replace it: ")[1].split(";")[0]
    assert command == f"python -m kit exercise {seeds / h.ARTICLE_ID}.txt --force"
    forced = run_kit(*shlex.split(command)[3:])
    assert forced.returncode == 0 and "(edited)" not in (seeds / BANK).read_text()
    # ... and the call
    edit(seeds / BANK, "prompt: ", "prompt: (edited) ")
    with pytest.raises(kit.KitError) as e:
        quiz.save(seeds)
    call = e.value.message.split("to replace it: ")[1].split(";")[0]
    assert call == f'quiz.save("{seeds / BANK}", overwrite=True)'
    exec(call, {"quiz": quiz})
    assert "(edited)" not in (seeds / BANK).read_text()


def test_a_file_the_kit_did_not_write_is_kept_by_both_paths(seeds):
    (seeds / KEY).write_text(
        f"article: {h.ARTICLE_ID}\nreviewed: false\nitems:\n"
        "  - quote: Downing Street\n    label: Institution\n",
        encoding="utf-8",
    )  # written by hand, or by a kit from before the kit-check
    out = exercise(seeds)
    assert out.returncode == 2 and "the kit did not write this file as it is now" in out.stderr
    article = kit.load_article(seeds / f"{h.ARTICLE_ID}.txt")
    with pytest.raises(kit.KitError, match="did not write this file") as e:
        reviewed_key(article, seeds)
    call = f'kit.work.keys.save_key(reviewer, article, "{seeds}", overwrite=True)'
    assert call in e.value.message
    instead = e.value.message.split("under another name: ")[1]
    assert f"{seeds / h.ARTICLE_ID}.draft.yaml" in instead and "not used as the key" in instead


@pytest.mark.parametrize("as_json", [False, True], ids=["yaml", "json"])
def test_the_kit_check_is_in_the_file_and_any_change_shows(tmp_path, seed, as_json):
    name = "key.json" if as_json else "key.yaml"
    path = reviewed_key(seed, tmp_path / name)
    text = path.read_text(encoding="utf-8")
    assert as_the_kit_wrote(text) and "kit-check" in text
    if as_json:
        assert json.loads(text)["kit-check"]
    else:
        assert "the kit keeps it" in text.splitlines()[-1]  # what the rule is, in the file
    assert len(kit.load_key(path, seed)) == 10  # the check is no item: the key reads as before
    for change in ("Institution", "Downing"):
        if change in text:
            assert not as_the_kit_wrote(text.replace(change, change.lower(), 1))
    assert checked("a: 1\n") == checked("a: 1\n") and as_the_kit_wrote(checked("a: 1\n"))
