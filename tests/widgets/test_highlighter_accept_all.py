"""A teacher reviewing the kit's suggestions rejects the wrong ones and accepts the rest at once."""

from __future__ import annotations

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
