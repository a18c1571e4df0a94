"""The Highlighter's front-end logic in a real browser (no JupyterLab): the same word rules and
code point <-> UTF-16 conversions as the kernel, and highlights drawn by wrapping text nodes."""

from __future__ import annotations

import base64
import random

import pytest

from kit.articles.selection import snap_to_words, utf16_offset, words
from kit.widgets.highlighter import Highlighter

JS = str(Highlighter._esm)
TRICKY = [
    "Plain words, and “quotes”.",
    "Hi 😀 said 𝒜lice 👩‍👩‍👧 to Bob 🎉 today.",
    "Ukraine’s 30-day ceasefire: 1,000 troops (U.S. says) — don't panic!",
    "naïve café, e\u0301lan, 東京 and العربية text",
    "𝒜𝒜𝒜 😀😀 x",
    "„Wir sind erleichtert“, sagte die Außenministerin – z. B. am 11. August. »Groß‹artig›«",
]


@pytest.fixture(scope="module")
def js(browser):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_content("<!doctype html><html><body><div id=host></div></body></html>")
    url = "data:text/javascript;base64," + base64.b64encode(JS.encode("utf-8")).decode()
    page.evaluate("async (url) => { window.hl = await import(url); }", url)
    yield page
    context.close()
    assert not errors, errors


def random_text(rng: random.Random) -> str:
    pieces = [
        "a",
        "Bc",
        " ",
        "  ",
        "’",
        "'",
        "-",
        ".",
        ",",
        "😀",
        "𝒜",
        "é",
        "\u0301",
        "東",
        "“",
        "”",
    ]
    return "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))


def test_code_point_and_utf16_offsets_agree_with_python(js):
    for text in TRICKY:
        got = js.evaluate(
            """(text) => { const t = new hl.Text(text);
                 return [...Array(t.length + 1).keys()].map((cp) => [t.toUnits(cp),
                   t.toCodePoint(t.toUnits(cp))]); }""",
            text,
        )
        assert [u for u, _ in got] == [utf16_offset(text, cp) for cp in range(len(text) + 1)]
        assert [cp for _, cp in got] == list(range(len(text) + 1))


def test_a_unit_offset_inside_a_surrogate_pair_rounds_to_a_whole_character(js):
    text = "a😀b"  # UTF-16: a, high, low, b
    assert js.evaluate("(t) => new hl.Text(t).toCodePoint(2, false)", text) == 1
    assert js.evaluate("(t) => new hl.Text(t).toCodePoint(2, true)", text) == 2


def test_snapping_and_words_are_the_same_in_the_browser_and_the_kernel(js):
    rng = random.Random(7)
    cases = [(t, s, e) for t in TRICKY for s in range(len(t)) for e in range(s + 1, len(t) + 1)]
    for _ in range(300):
        t = random_text(rng)
        s = rng.randrange(len(t))
        cases.append((t, s, rng.randint(s + 1, len(t))))
    got = js.evaluate(
        """(cases) => cases.map(([t, s, e]) => new hl.Text(t).snap(s, e))""",
        [list(c) for c in cases],
    )
    expected = [list(snap_to_words(t, s, e) or []) or None for t, s, e in cases]
    mismatches = [(c, g, x) for c, g, x in zip(cases, got, expected) if g != x]
    assert not mismatches, mismatches[:5]
    texts = TRICKY + [random_text(rng) for _ in range(100)]
    got_words = js.evaluate("(ts) => ts.map((t) => new hl.Text(t).words())", texts)
    assert got_words == [[list(w) for w in words(t)] for t in texts]


def test_overlapping_highlights_nest_and_text_stays_text(js):
    html, text = js.evaluate(
        """() => {
          const host = document.getElementById('host');
          const text = '<img src=x onerror=alert(1)> said Downing Street';
          host.replaceChildren(document.createTextNode(text));
          const mk = (cls) => () => {
            const m = document.createElement('mark');
            m.className = cls;
            return m;
          };
          hl.wrapRange(host, 0, 48, mk('outer'));   // the whole text
          hl.wrapRange(host, 42, 48, mk('inner'));  // 'Street' inside it
          hl.wrapRange(host, 38, 44, mk('cross'));  // 'ing St': crosses the inner one's start
          return [host.innerHTML, host.textContent];
        }"""
    )
    assert text == "<img src=x onerror=alert(1)> said Downing Street"
    assert "<img" not in html and "&lt;img" in html
    assert html.count('class="outer"') == 1
    assert html.endswith(
        '<mark class="cross">ing </mark><mark class="inner"><mark class="cross">St</mark>reet'
        "</mark></mark>"
    )


MOCK_MODEL = """(state) => {
  const handlers = {};
  window.sent = [];
  window.model = {
    get: (k) => state[k],
    set: (k, v) => { state[k] = v; },
    save_changes: () => {},
    send: (msg) => window.sent.push(msg),
    on: (name, cb) => { for (const n of name.split(' ')) (handlers[n] ||= []).push(cb); },
    off: () => {},
    change: (k, v) => { state[k] = v; (handlers['change:' + k] || []).forEach((cb) => cb()); },
  };
  const host = document.getElementById('host');
  host.replaceChildren();
  hl.default.render({ model: window.model, el: host });
}"""


@pytest.fixture
def widget(js, seed):
    """The Highlighter front end on the seed article; a mock model stands in for the kernel."""
    from kit.widgets import Highlighter

    state = {k: v for k, v in Highlighter(seed).get_state().items() if not k.startswith("_")}
    js.evaluate(MOCK_MODEL, state)
    return js


def test_keyboard_commands_are_sent_in_code_points(widget, seed):
    widget.focus(".kit-hl-article")
    widget.keyboard.press("ArrowRight")
    widget.keyboard.press("Shift+ArrowRight")
    widget.keyboard.press("2")
    sent = widget.evaluate("() => window.sent")
    assert sent[-1] | {"req": 0} == {
        "cmd": "add",
        "start": 0,
        "end": len("Ukraine to"),
        "label": "source:institution",
        "req": 0,
    }
    widget.keyboard.press("Delete")
    assert widget.evaluate("() => window.sent.at(-1)")["cmd"] == "remove_at"


def test_a_save_coming_back_during_a_drag_waits_until_the_mouse_is_released(widget, seed):
    i = seed.text.index("Downing Street")
    paragraph = next(k for k, p in enumerate(seed.paragraphs) if p.start <= i < p.end)
    span = {"id": "a1", "start": i, "end": i + 14, "label": "source:institution", "comment": ""}
    kept, marks_during, marks_after = widget.evaluate(
        """async ([p, span]) => {
          const ptext = document.querySelectorAll('.kit-hl-ptext')[p];
          const before = ptext.firstChild;
          const article = document.querySelector('.kit-hl-article');
          article.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
          window.model.change('spans', [span]);
          const kept = ptext.firstChild === before;
          const during = ptext.querySelectorAll('mark').length;
          article.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }));
          await new Promise((r) => setTimeout(r, 20));
          return [kept, during, ptext.querySelectorAll('mark').length];
        }""",
        [paragraph, span],
    )
    assert kept and marks_during == 0 and marks_after == 1
