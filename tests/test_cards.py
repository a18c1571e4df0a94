"""Prepared cards (kit.views.cards): search results, reference entries, About us pages, photos,
charts and sponsored pages for checking a source offline, shown as escaped HTML."""

import base64
import re
from html import escape
from pathlib import Path

import pytest

import kit
from kit import KitError
from kit.views.cards import KINDS, chart_svg, load_cards

PRACTICE = Path(__file__).resolve().parent.parent / "seeds" / "practice"


def _article(tmp_path: Path, cards: str, name: str = "cards.md") -> kit.Article:
    path = tmp_path / name
    path.write_text(
        f"---\nid: cards\ntitle: Cards\npractice: true\ncards:\n{cards}---\n\nSome text here.\n",
        encoding="utf-8",
    )
    return kit.load_article(path)


def test_every_card_set_in_seeds_loads_and_shows_each_card_labelled_invented():
    for name in ("millbrook_voice_checks", "millbrook_media_checks", "capstone_focusbar"):
        article = kit.load_article(PRACTICE / f"{name}.md")
        cards = load_cards(article)
        html = kit.show_cards(article).html
        assert html.count('class="kit-card ') == len(cards)
        assert html.count("Invented for practice") == len(cards)
        for card in cards:
            assert escape(KINDS[card.kind]) in html


def test_card_text_is_escaped_never_markup(tmp_path):
    a = _article(
        tmp_path,
        "  - id: x\n    kind: search\n    title: '<script>alert(1)</script>'\n"
        "    site: '\"><img src=x onerror=alert(2)>'\n    text: 'a <b>bold</b> & more'\n",
    )
    html = kit.show_cards(a).html
    assert "<script>" not in html and "<img src=x" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "a &lt;b&gt;bold&lt;/b&gt; &amp; more" in html


def test_a_photo_is_an_img_with_a_data_address_and_its_alt_text(tmp_path):
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    a = _article(
        tmp_path,
        f"  - id: p\n    kind: photo\n    title: A photo\n    alt: 'A barn <on> fire'\n"
        f"    image: '{svg}'\n",
    )
    html = kit.show_cards(a).html
    assert "<svg" not in html and "<script" not in html  # the picture cannot run anything
    data = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', html)
    assert data and base64.b64decode(data.group(1)).decode() == svg
    assert 'alt="A barn &lt;on&gt; fire"' in html


@pytest.mark.parametrize(
    ("card", "says"),
    [
        ("  - id: p\n    kind: photo\n    title: T\n    image: '<svg/>'\n", "card 1: a picture"),
        ("  - id: p\n    kind: poster\n    title: T\n", "card 1: unknown kind 'poster'"),
        ("  - kind: search\n    title: T\n", "card 1: has no id"),
        ("  - id: p\n    kind: search\n    title: T\n    colour: red\n", "unknown field colour"),
        (
            "  - id: c\n    kind: chart\n    title: T\n    alt: A\n    bars: [[2024, x]]\n",
            "the bar '2024' has no number",
        ),
        (
            "  - id: c\n    kind: chart\n    title: T\n    alt: A\n    bars: [[1, 5]]\n"
            "    axis_from: 9\n",
            "'axis_from' is above every bar",
        ),
        (
            "  - id: a\n    kind: search\n    title: T\n  - id: a\n    kind: news\n    title: U\n",
            "card 2: the id 'a' is used twice",
        ),
    ],
)
def test_a_bad_card_is_refused_naming_the_file_the_card_and_the_fix(tmp_path, card, says):
    a = _article(tmp_path, card)
    with pytest.raises(KitError) as e:
        kit.show_cards(a)
    assert says in e.value.message
    assert str(tmp_path / "cards.md") in e.value.message
    assert e.value.fix


def test_a_text_without_cards_says_how_to_add_them():
    with pytest.raises(KitError, match="no prepared cards") as e:
        kit.show_cards(kit.load_article(PRACTICE / "millbrook_wire.md"))
    assert "cards:" in e.value.fix


def test_only_shows_the_chosen_cards_in_that_order_and_names_the_choices_when_wrong():
    media = kit.load_article(PRACTICE / "millbrook_media_checks.md")
    html = kit.show_cards(media, only=["sponsored", "photo"]).html
    assert html.count('class="kit-card ') == 2
    assert html.index("Sponsored page") < html.index("Photo shared online")
    with pytest.raises(KitError, match="no card called nope") as e:
        kit.show_cards(media, only=["nope"])
    assert "chart-from-zero" in e.value.fix


def _bar_heights(svg: str) -> list[float]:
    return [
        float(h)
        for h in re.findall(r'<rect x="[^"]+" y="[^"]+" width="[^"]+" height="([^"]+)"', svg)
    ]


def test_a_cut_off_axis_makes_a_small_rise_look_big_and_from_zero_it_does_not():
    media = kit.load_article(PRACTICE / "millbrook_media_checks.md")
    cards = {c.id: c for c in load_cards(media)}
    cut, fair = cards["chart"], cards["chart-from-zero"]
    assert cut.bars == fair.bars == (("2024", 48.0), ("2025", 53.0))
    low, high = _bar_heights(chart_svg(cut))
    assert high / low > 2  # what the Voice's chart shows: "more than twice as tall"
    low, high = _bar_heights(chart_svg(fair))
    assert high / low == pytest.approx(53 / 48, rel=0.01)  # the honest picture: about 10% more
