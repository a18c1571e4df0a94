"""A teacher reviewing the kit's suggestions rejects the wrong ones and accepts the rest at once."""

from __future__ import annotations

from dataclasses import replace

import yaml

from kit.widgets import Highlighter
from kit.work.keys import key_from_attributions, load_key, save_key
from kit.work.store import Workspace


def test_accept_all_takes_every_suggestion_not_rejected_and_saves_them(tmp_path, seed):
    auto = key_from_attributions(seed)
    changes = []
    h = Highlighter(
        seed,
        workspace=Workspace("teacher", seed, tmp_path),
        suggestions=auto,
        on_change=changes.append,
    )
    wrong = h.pending_suggestions[0]
    h.reject(wrong.id)
    assert h.accept_all() == len(auto) - 1
    assert h.suggestions == [] and len(h.spans) == len(auto) - 1
    assert (wrong.start, wrong.end) not in {(a.start, a.end) for a in h.annotations}
    assert changes[-1] is h
    assert h.accept_all() == 0  # nothing left to accept
    again = Highlighter(seed, workspace=Workspace("teacher", seed, tmp_path), suggestions=auto)
    assert len(again.annotations) == len(auto) - 1 and again.pending_suggestions == ()
    key = load_key(save_key(again, seed, tmp_path / "seeds"), seed)
    assert len(key) == len(auto) - 1


def test_accept_all_leaves_not_sure_suggestions_for_the_teacher(tmp_path, seed):
    auto = key_from_attributions(seed)
    unsure = replace(auto.items[0], tags=("source:unknown",))
    suggestions = replace(auto, items=(unsure, *auto.items[1:]))
    h = Highlighter(seed, workspace=Workspace("teacher", seed, tmp_path), suggestions=suggestions)
    assert h.accept_all() == len(auto) - 1
    assert [(s.start, s.end) for s in h.pending_suggestions] == [(unsure.start, unsure.end)]
    path = save_key(h, seed, tmp_path / "seeds")
    labels = [i["label"] for i in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]]
    assert "Not sure" not in labels and "unknown" not in labels
    assert len(load_key(path, seed)) == len(auto) - 1
    h.accept(h.pending_suggestions[0].id)  # the teacher may still take it, one by one
    assert len(h.annotations) == len(auto)
