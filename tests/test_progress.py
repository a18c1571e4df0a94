"""Long runs show a progress bar on a terminal's stderr, and nothing anywhere else: what a run
prints to stdout (and to stderr without a terminal) is the same with or without bars."""

from __future__ import annotations

import io
import sys

import pytest

from kit.classroom.collect import collect
from kit.classroom.release import release
from kit.cli import main
from tests import classroom_helpers as h

pytest.importorskip("tqdm")

SEEDS = h.ROOT / "seeds"
ARTICLES = [str(p) for p in [SEEDS / f"{h.ARTICLE_ID}.txt", *sorted(SEEDS.glob("practice/m*.md"))]]


class Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def run(argv: list[str], capsys, monkeypatch, tty: bool) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of `python -m kit ARGV`, with stderr a terminal or not."""
    terminal = Terminal()
    if tty:
        monkeypatch.setattr(sys, "stderr", terminal)
    status = main(argv)
    out, err = capsys.readouterr()
    monkeypatch.undo()
    return status, out, terminal.getvalue() if tty else err


@pytest.mark.parametrize("verb", ["info", "sources"])
def test_a_terminal_sees_progress_and_the_output_is_unchanged(verb, capsys, monkeypatch):
    argv = [verb, *ARTICLES, "no-such-file.txt"]
    status, out, err = run(argv, capsys, monkeypatch, tty=True)
    plain_status, plain_out, plain_err = run(argv, capsys, monkeypatch, tty=False)
    assert "reading" in err and "finding sources" in err and f"/{len(ARTICLES)}" in err
    assert "kit: " in err and "no-such-file.txt" in err  # the error line is still shown
    assert (status, out) == (plain_status, plain_out) and status == 2
    assert plain_err.startswith("kit: ") and plain_err.count("\n") == 1  # no bar: one line


def test_without_a_terminal_nothing_but_the_output(capsys):
    assert main(["info", *ARTICLES]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.count("attributions:") == len(ARTICLES)


def test_collect_and_release_show_progress_on_a_terminal_only(tmp_path, capsys, monkeypatch):
    src = h.make_class(tmp_path / "work")
    plain = collect([src], tmp_path / "class1")
    assert capsys.readouterr() == ("", "")
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    shown = collect([src], tmp_path / "class2")
    assert "reading files" in terminal.getvalue() and "writing the class" in terminal.getvalue()
    assert [e.status for e in shown.entries] == [e.status for e in plain.entries]

    terminal.seek(0)
    terminal.truncate()
    release(tmp_path / "out", notebooks=h.ROOT / "notebooks", seeds=SEEDS)
    assert "notebooks" in terminal.getvalue() and "quiz banks" in terminal.getvalue()
    monkeypatch.undo()
    release(tmp_path / "out2", notebooks=h.ROOT / "notebooks", seeds=SEEDS)
    assert capsys.readouterr() == ("", "")
