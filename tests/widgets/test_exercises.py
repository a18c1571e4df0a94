"""The one-call exercises: bound to the signed-in student; messages instead of tracebacks."""

from __future__ import annotations

import subprocess
import sys

import kit
from kit.views.html import Notice
from kit.widgets import ClaimTagger, Highlighter

SEED = "seeds/000_8e915a2399968c01.txt"


def test_highlight_sources_binds_to_the_signed_in_student(tmp_path, seed, monkeypatch):
    monkeypatch.setenv("KIT_WORK_DIR", str(tmp_path))
    monkeypatch.delenv("KIT_STUDENT", raising=False)
    kit.sign_in("Zoë")
    h = kit.highlight_sources(seed)
    assert isinstance(h, Highlighter) and h.workspace.path == tmp_path / "Zoë" / f"{seed.id}.json"
    assert "Highlight every source" in h.instructions
    assert isinstance(kit.tag_claims(seed), ClaimTagger)


def test_before_signing_in_the_student_gets_a_message_not_a_traceback(tmp_path, seed, monkeypatch):
    monkeypatch.setenv("KIT_WORK_DIR", str(tmp_path))
    monkeypatch.delenv("KIT_STUDENT", raising=False)
    for result in (kit.highlight_sources(seed), kit.tag_claims(seed)):
        assert isinstance(result, Notice) and result.kind == "warning"
        assert "does not know who you are" in result.text and "Start here" in result.text


def test_an_article_path_works_and_a_wrong_one_is_explained(tmp_path):
    root = kit.__file__.rsplit("/kit/", 1)[0]
    assert isinstance(
        kit.highlight_sources(f"{root}/{SEED}", "ann", work_dir=tmp_path), Highlighter
    )
    wrong = kit.highlight_sources("seeds/nope.txt", "ann", work_dir=tmp_path)
    assert isinstance(wrong, Notice) and "nope.txt" in wrong.text
    assert "needs an article" in kit.tag_claims(42, "ann", work_dir=tmp_path).text


def test_suggestions_from_a_teacher_key_file(tmp_path, seed):
    key = tmp_path / "key.yaml"
    key.write_text("items:\n  - quote: Downing Street\n    label: institution\n", encoding="utf-8")
    h = kit.highlight_sources(seed, "ann", suggestions=key, work_dir=tmp_path)
    assert [s["label"] for s in h.suggestions] == ["source:institution"]
    auto = kit.highlight_sources(seed, "ann", suggestions="auto", work_dir=tmp_path)
    assert isinstance(auto, Highlighter)


def test_importing_kit_does_not_import_the_widgets():
    code = (
        "import sys, kit; print('ipywidgets' in sys.modules); "
        "kit.Highlighter; print('ipywidgets' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


def test_compare_with_a_key_of_sources_and_claims_uses_the_part_the_student_labels(tmp_path):
    """A key holding sources and claims: a source highlighter is compared with the sources only."""
    from pathlib import Path

    import kit
    from kit.work.annotations import make_annotation
    from kit.work.store import Workspace

    root = Path(__file__).resolve().parents[2] / "seeds" / "practice"
    article = kit.load_article(root / "millbrook_wire.md")
    key = kit.load_key(root / "millbrook_wire.key.yaml", article)
    assert {"source", "claim"} <= set(key.kinds)
    ws = Workspace("ana", article, tmp_path)
    i = article.text.index("Chief Fire Officer Dana Okafor")
    ws.add(make_annotation(article.text, i, i + 30, ["source:named_person"]))
    fb = kit.compare(ws, key)
    sources = key.only("source")
    assert len(fb.matches) == len(sources) < len(key)
    assert sum(m.annotation is not None for m in fb.matches) == 1
    assert len(kit.compare(ws, key, kind="claim").matches) == len(key.only("claim"))
