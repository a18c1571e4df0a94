"""Untrusted text in a real JupyterLab: no payload ever runs, and each shows as plain text.

An article whose title, standfirst, body, outlet and byline hold every payload in
tests/data/xss_payloads.txt, with payload comments, payload quiz prompts and options, payload labels
and a payload student id, is shown in every kit widget in one notebook. The test fails on any
dialog (alert, confirm, prompt), uncaught page error, or `window.__xss` being set.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.browser.lab import (
    assert_no_widget_errors,
    axe_check,
    error_outputs,
    open_notebook,
    run_all,
)
from tests.browser.notebook_files import write_notebook

pytestmark = pytest.mark.browser

PAYLOAD_FILE = Path(__file__).resolve().parent.parent / "data" / "xss_payloads.txt"
PAYLOADS = [
    line
    for line in PAYLOAD_FILE.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("# ")
]

# Installed before any output renders: a payload that runs sets the flag or calls a trap.
TRAPS = """
window.__xss = 0;
window.__dialogs = [];
for (const name of ['alert', 'confirm', 'prompt']) {
  window[name] = (...args) => { window.__dialogs.push(name + ':' + args.join(',')); };
}
"""


def _bank(payloads: list[str]) -> dict:
    return {
        "format": "kit-quiz/1",
        "id": "xss-quiz",
        "title": payloads[0],
        "description": payloads[1],
        "article": "xss-article",
        "settings": {"show": "all", "feedback": "immediate", "attempts": 3},
        "questions": [
            {
                "id": f"q{i}",
                "type": "single",
                "prompt": p,
                "options": [p, payloads[(i + 1) % len(payloads)], "plain option"],
                "answer": 0,
                "hint": p,
                "explanation": p,
                "feedback": [p, p, p],
            }
            for i, p in enumerate(payloads[:12])
        ],
    }


def _article_md(payloads: list[str]) -> str:
    meta = {
        "id": "xss-article",
        "title": "Headline " + payloads[0],
        "standfirst": "Standfirst " + payloads[1],
        "outlet": payloads[2],
        "author": payloads[3],
        "url": "javascript:window.__xss=1",
    }
    body = [f'"{p}," the minister said on Monday.' for p in payloads]
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n" + "\n\n".join(body) + "\n"


def write_xss_notebook(lab) -> str:
    """The article, quiz bank and notebook holding every payload; returns the notebook's path."""
    folder = Path(lab.root) / "tests" / "xss"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "xss-article.md").write_text(_article_md(PAYLOADS), encoding="utf-8")
    (folder / "xss.quiz.yaml").write_text(
        yaml.safe_dump(_bank(PAYLOADS), allow_unicode=True), encoding="utf-8"
    )
    setup = f"""
import json, os
import kit
from kit.work.annotations import make_annotation
from kit.widgets.writing import ChoiceAnswer, WrittenAnswer
P = json.loads({json.dumps(json.dumps(PAYLOADS))})
SID = P[2] + "student"
article = kit.load_article("xss/xss-article.md")
ws = kit.Workspace(SID, article)
start = 0
for p in P[:10]:  # comments holding payloads, on "the minister" in ten paragraphs
    start = article.text.index("the minister", start + 1)
    ws.add(make_annotation(article.text, start, start + 12, ["source:named_person"], comment=p))
"""
    cells = [
        setup,
        "kit.show_article(article)",
        "kit.show_sources(article)",
        "kit.show_claims(article)",
        'kit.highlight_sources(article, SID, suggestions="auto")',
        "kit.Highlighter(article, labels=[P[0], P[5], P[9]])",
        "kit.tag_claims(article, SID, hints=True)",
        'kit.quiz_widget("xss/xss.quiz.yaml", article, SID)',
        "WrittenAnswer(ws, 'xss.written', P[4])",
        "ChoiceAnswer(ws, 'xss.choice', P[6], P[7:12])",
        'kit.dashboard(os.environ["KIT_WORK_DIR"], seeds="xss")',
    ]
    return write_notebook(lab, "xss.ipynb", *cells)


def test_no_payload_runs_in_any_widget_and_each_shows_as_text(page, lab):
    relpath = write_xss_notebook(lab)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
    page.add_init_script(TRAPS)
    open_notebook(page, lab, relpath)
    run_all(page)
    assert_no_widget_errors(page)
    assert error_outputs(page) == []

    # Open every disclosure a student could open (hints, details) so hidden text renders too.
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    page.wait_for_timeout(1500)

    assert dialogs == []
    assert page.evaluate("() => window.__dialogs") == []
    assert page.evaluate("() => window.__xss") == 0, "a payload ran"
    # No element a payload would create exists inside the outputs.
    injected = page.evaluate(
        """() => [...document.querySelectorAll('.jp-OutputArea')].flatMap((o) =>
             [...o.querySelectorAll('script, iframe, object, embed, svg[onload], img[onerror],'
               + ' [onerror], [onload], [onfocus], [ontoggle], a[href^="javascript" i],'
               + ' base, meta')]
             .map((e) => e.outerHTML.slice(0, 120)))"""
    )
    assert injected == []
    # Every payload is visible as its own text somewhere in the notebook's outputs.
    shown = page.evaluate(
        "() => [...document.querySelectorAll('.jp-OutputArea')].map((o) => o.innerText).join('\\n')"
    )
    missing = [p for p in PAYLOADS if p.strip() not in shown]
    assert not missing, f"{len(missing)} payloads not shown as text: {missing[:5]}"


def test_every_widget_holding_payloads_has_no_serious_accessibility_problems(page, lab):
    open_notebook(page, lab, write_xss_notebook(lab))
    run_all(page)
    assert_no_widget_errors(page)
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    problems = axe_check(page, ".jp-Notebook .jp-OutputArea", every=True, needs_review=True)
    assert problems == [], json.dumps(problems, indent=1)
