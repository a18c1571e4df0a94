"""Articles become safe HTML: every piece of untrusted text is escaped; highlights nest."""

from __future__ import annotations

import re

import kit
from kit.views.html import Mark, mark_style, render_article

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    '<a href="javascript:alert(3)">click</a>',
    "<svg onload=alert(4)>",
    '"><iframe src=javascript:alert(5)>',
]


def evil_article():
    return kit.make_article(
        PAYLOADS[0] + " headline",
        [f"Paragraph {i}: {p} end." for i, p in enumerate(PAYLOADS)],
        standfirst=PAYLOADS[1],
        outlet=PAYLOADS[2],
        byline=PAYLOADS[3],
    )


def test_article_text_and_metadata_render_as_escaped_text():
    html = render_article(evil_article()).html
    for tag in ("<script", "<img", "<a ", "<svg", "<iframe"):
        assert tag not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in html


def test_mark_labels_and_hover_titles_are_escaped_too():
    a = evil_article()
    html = render_article(
        a,
        [Mark(0, 10, '"><script>x</script>', title='<img src=x onerror="alert(9)">')],
        legend=[('"><script>x</script>', "<b>legend</b>")],
    ).html
    assert "<script>x" not in html and "<img" not in html and "<b>legend" not in html


def test_overlapping_highlights_are_both_visible(seed):
    i = seed.text.index("Downing Street would not confirm")
    source = Mark(i, i + len("Downing Street"), "source", "source")
    cue = Mark(i + 15, i + len("Downing Street would not confirm"), "cue", "cue")
    content = Mark(i, i + 60, "content", "content")
    html = render_article(seed, [content, source, cue]).html
    assert 'class="kit-mark kit-l-content kit-l-source"' in html
    assert 'class="kit-mark kit-l-content kit-l-cue"' in html
    # Inline styles: where marks overlap, the label later in the colour order is drawn.
    assert f'class="kit-mark kit-l-content kit-l-cue" style="{mark_style(2)}"' in html


def test_views_carry_their_look_inline_for_untrusted_notebooks(seed):
    """JupyterLab strips <style> from an untrusted notebook's outputs but keeps inline styles."""
    html = kit.show_sources(seed).html
    assert "<style" not in html
    for cls in ("kit-article", "kit-legend", "kit-key", "kit-mark", "kit-pn", "kit-headline"):
        tags = re.findall(rf'<[a-z]+ class="[^"]*\b{cls}\b[^"]*"[^>]*>', html)
        assert tags and all(' style="' in t for t in tags), cls
    # No colour with an alpha channel, no property the sanitizer drops (user-select, offsets ...).
    styles = " ".join(re.findall(r'style="([^"]*)"', html))
    assert not re.search(r"#[0-9a-fA-F]{8}\b", styles)
    assert "user-select" not in styles and "text-underline-offset" not in styles


def test_rendering_shows_headline_standfirst_and_numbered_paragraphs(seed):
    view = kit.show_article(seed)
    assert 'role="heading"' in view.html and "kit-standfirst" in view.html
    assert re.search(r'<span class="kit-pn" style="[^"]*margin-right[^"]*">13</span>', view.html)
    assert repr(view) == "<article 000_8e915a2399968c01: 0 highlights>"


def test_rendering_is_deterministic(seed):
    assert render_article(seed).html == render_article(seed).html


def test_practice_articles_carry_an_invented_for_practice_banner():
    from pathlib import Path

    folder = Path(__file__).resolve().parent.parent / "seeds" / "practice"
    corpus = kit.load_corpus(folder)
    assert sorted(a.id for a in corpus) == [
        "capstone_focusbar",
        "millbrook_fire_service",
        "millbrook_media_checks",
        "millbrook_partisan",
        "millbrook_statement",
        "millbrook_voice_checks",
        "millbrook_wire",
    ]
    for a in corpus:
        assert "Invented for practice" in kit.show_article(a).html
    assert (
        "Invented for practice"
        not in kit.show_article(kit.load_article(folder.parent / "000_8e915a2399968c01.txt")).html
    )
