"""Students highlight sources in a real JupyterLab, by mouse and by keyboard; nothing is lost."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

import kit
from kit.articles.selection import utf16_offset, words
from tests.browser.lab import (
    REPO,
    assert_no_widget_errors,
    axe_check,
    error_outputs,
    open_notebook,
    run_all,
    select_text,
)
from tests.browser.notebook_files import (
    SEED_FROM_TESTS,
    saved_annotations,
    wait_until,
    work_file,
    write_notebook,
)

pytestmark = pytest.mark.browser

SEED = kit.load_article(REPO / "seeds" / "000_8e915a2399968c01.txt")
LATENCY: dict[str, float] = {}


def show_highlighter(page, lab, student: str, extra: str = "") -> None:
    nb = write_notebook(
        lab,
        f"{student}.ipynb",
        "import kit",
        f'article = kit.load_article("{SEED_FROM_TESTS}")',
        f'kit.highlight_sources(article, student="{student}"{extra})',
    )
    open_notebook(page, lab, nb)
    run_all(page)
    assert_no_widget_errors(page)
    assert error_outputs(page) == []
    page.wait_for_selector(".kit-hl[data-ready]")


def drag_over(page, phrase: str, occurrence: int = 1) -> None:
    """Select `phrase` in the widget's article by dragging the mouse across it."""
    para = page.locator(".kit-hl-ptext", has_text=phrase).nth(occurrence - 1)
    text = para.text_content()
    i = text.index(phrase)
    select_text(page, para, utf16_offset(text, i), utf16_offset(text, i + len(phrase)))


def where(phrase: str) -> tuple[int, int]:
    i = SEED.text.index(phrase)
    return i, i + len(phrase)


def notebook_cells(page) -> list[str]:
    return page.evaluate(
        """() => { const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
             return [...Array(cells.length).keys()].map((i) => cells.get(i).type); }"""
    )


def test_drag_select_downing_street_as_institution_then_relabel_comment_delete(page, lab):
    show_highlighter(page, lab, "t-drag")
    page.locator(".kit-hl-chip", has_text="Institution").click()
    drag_over(page, "Downing Street")
    t0 = time.perf_counter()
    [ann] = wait_until(lambda: saved_annotations(lab, "t-drag"))
    LATENCY["selection to disk (s)"] = time.perf_counter() - t0
    start, end = where("Downing Street")
    assert (ann["start"], ann["end"], ann["exact"]) == (start, end, "Downing Street")
    assert SEED.text[ann["start"] : ann["end"]] == "Downing Street"
    assert ann["tags"] == ["source:institution"]
    mark = page.locator("mark.kit-hl-mark")
    expect(mark).to_have_text("Downing Street")
    expect(page.locator(".kit-hl-live")).to_have_text("Saved: “Downing Street” as Institution.")

    mark.click()
    editor = page.locator(".kit-hl-editor")
    expect(editor).to_be_visible()
    editor.get_by_label("Label").select_option(label="Unnamed source")
    wait_until(lambda: saved_annotations(lab, "t-drag")[0]["tags"] == ["source:anonymous"])
    editor.get_by_label("Comment").fill("the Prime Minister's office")
    editor.get_by_role("button", name="Save comment").click()
    wait_until(
        lambda: saved_annotations(lab, "t-drag")[0]["comment"] == "the Prime Minister's office"
    )
    editor.get_by_role("button", name="Delete highlight").click()
    wait_until(lambda: saved_annotations(lab, "t-drag") == [])
    expect(page.locator("mark.kit-hl-mark")).to_have_count(0)
    page.get_by_role("button", name="Undo").click()
    wait_until(lambda: len(saved_annotations(lab, "t-drag")) == 1)
    expect(page.locator("mark.kit-hl-mark")).to_have_text("Downing Street")


def test_the_same_by_keyboard_alone_with_undo_and_redo(page, lab):
    show_highlighter(page, lab, "t-keys")
    cells_before = notebook_cells(page)
    page.locator(".kit-hl-article").focus()
    page.keyboard.press("ArrowRight")  # the cursor appears on the first word
    sentence = SEED.sentences[5]  # "The coalition has been spearheaded ... Downing Street ..."
    for _ in range(5):
        page.keyboard.press("ArrowDown")
    all_words = words(SEED.text)
    first = next(k for k, (s, _) in enumerate(all_words) if s >= sentence.start)
    target = next(k for k, (s, _) in enumerate(all_words) if s == where("Downing Street")[0])
    for _ in range(target - first):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    expect(page.locator(".kit-hl-cursor")).to_have_text("Downing Street")
    expect(page.locator(".kit-hl-live")).to_have_text("Downing Street.")
    page.keyboard.press("2")  # Institution
    [ann] = wait_until(lambda: saved_annotations(lab, "t-keys"))
    assert (ann["start"], ann["end"], ann["exact"], ann["tags"]) == (
        *where("Downing Street"),
        "Downing Street",
        ["source:institution"],
    )
    expect(page.locator(".kit-hl-live")).to_have_text("Saved: “Downing Street” as Institution.")
    page.keyboard.press("Control+z")
    wait_until(lambda: saved_annotations(lab, "t-keys") == [])
    expect(page.locator(".kit-hl-live")).to_have_text("Undone.")
    page.keyboard.press("Control+Shift+z")
    wait_until(lambda: len(saved_annotations(lab, "t-keys")) == 1)
    expect(page.locator(".kit-hl-live")).to_have_text("Redone.")
    page.keyboard.press("Delete")
    wait_until(lambda: saved_annotations(lab, "t-keys") == [])
    expect(page.locator(".kit-hl-live")).to_have_text("Removed the highlight “Downing Street”.")
    # JupyterLab's cell shortcuts (Shift+Enter runs the cell on purpose: test_students.py)
    for key in ("b", "m", "d", "d", "y"):
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert notebook_cells(page) == cells_before  # JupyterLab did not take the keys
    assert page.locator(".kit-hl[data-lm-suppress-shortcuts]").count() == 1


def test_overlapping_highlights_are_drawn_nested_and_distinct(page, lab):
    show_highlighter(page, lab, "t-nest")
    page.locator(".kit-hl-chip", has_text="Named person").click()
    drag_over(page, "Defence Secretary John Healey")
    wait_until(lambda: len(saved_annotations(lab, "t-nest")) == 1)
    page.locator(".kit-hl-chip", has_text="Institution").click()
    drag_over(page, "Defence Secretary")
    wait_until(lambda: len(saved_annotations(lab, "t-nest")) == 2)
    inner = page.locator("mark.kit-hl-mark mark.kit-hl-mark")
    expect(inner).to_have_text("Defence Secretary")
    styles = inner.evaluate(
        """(m) => { const a = getComputedStyle(m), b = getComputedStyle(m.parentElement);
                    return [a.borderBottomStyle, b.borderBottomStyle,
                            a.paddingBottom, b.paddingBottom]; }"""
    )
    assert styles[0] != styles[1] and styles[2] != styles[3]  # its own line, drawn lower


def test_highlights_come_back_after_the_kernel_restarts(page, lab):
    show_highlighter(page, lab, "t-restart")
    page.locator(".kit-hl-chip", has_text="Unnamed source").click()
    drag_over(page, "Ukrainian officials")
    wait_until(lambda: saved_annotations(lab, "t-restart"))
    page.evaluate(
        "async () => { const w = window.jupyterapp.shell.currentWidget;"
        " await w.sessionContext.restartKernel(); }"
    )
    run_all(page)
    assert_no_widget_errors(page)
    marks = page.locator("mark.kit-hl-mark")
    expect(marks).to_have_count(1)
    expect(marks).to_have_text("Ukrainian officials")
    assert marks.get_attribute("title") == "Unnamed source"


def test_an_article_with_markup_and_emoji_shows_them_as_text_and_runs_no_script(page, lab):
    body = 'She said <img src=x onerror="window.__xss=1"> hello 😀 then 𝒜lice and Bob 👩‍👩‍👧 left.'
    nb = write_notebook(
        lab,
        "t-xss.ipynb",
        "import kit",
        "article = kit.make_article('Title <script>window.__xss=2</script>', "
        f"[{body!r}], id='xss')",
        'kit.highlight_sources(article, student="t-xss")',
    )
    open_notebook(page, lab, nb)
    run_all(page)
    assert_no_widget_errors(page)
    page.wait_for_selector(".kit-hl[data-ready]")
    root = page.locator(".kit-hl")
    assert root.locator("img, script").count() == 0
    expect(page.locator(".kit-hl-ptext").nth(1)).to_have_text(body)
    expect(page.locator(".kit-hl-ptext").nth(0)).to_have_text(
        "Title <script>window.__xss=2</script>"
    )
    assert page.evaluate("() => window.__xss") is None
    article = kit.make_article("Title <script>window.__xss=2</script>", [body], id="xss")
    for phrase in ("𝒜lice and Bob", "😀 then 𝒜lice"):
        drag_over(page, phrase)
        i = article.text.index(phrase)
        found = wait_until(
            lambda i=i, p=phrase: [
                a for a in saved_annotations(lab, "t-xss", "xss") if a["exact"] == p
            ]
        )
        assert (found[0]["start"], found[0]["end"]) == (i, i + len(phrase))
    assert page.evaluate("() => window.__xss") is None


def test_suggestions_are_accepted_or_rejected_and_the_widget_passes_axe(page, lab):
    key = lab.root / "tests" / "key.yaml"
    key.parent.mkdir(exist_ok=True)
    key.write_text(
        "items:\n  - quote: Downing Street\n    label: institution\n"
        "  - quote: Ukrainian officials\n    label: anonymous\n",
        encoding="utf-8",
    )
    show_highlighter(page, lab, "t-sugg", extra=', suggestions="key.yaml"')
    suggestions = page.locator(".kit-hl-sugg")
    expect(suggestions).to_have_count(2)
    suggestions.first.click()
    page.locator(".kit-hl-editor").get_by_role("button", name="Accept").click()
    [ann] = wait_until(lambda: saved_annotations(lab, "t-sugg"))
    assert ann["exact"] == "Downing Street" and ann["tags"] == ["source:institution"]
    expect(page.locator(".kit-hl-sugg")).to_have_count(1)
    page.locator(".kit-hl-sugg").click()
    page.locator(".kit-hl-editor").get_by_role("button", name="Reject").click()
    expect(page.locator(".kit-hl-sugg")).to_have_count(0)
    assert "highlighter.sources.rejected" in work_file(lab, "t-sugg").read_text(encoding="utf-8")
    page.locator("mark.kit-hl-mark").click()  # with the editor open, too
    expect(page.locator(".kit-hl-editor")).to_be_visible()
    violations = axe_check(page, ".kit-hl")
    assert violations == [], violations


def test_report_latency():
    """Print the figures measured above (run with -s to see them)."""
    for name, seconds in LATENCY.items():
        print(f"{name}: {seconds * 1000:.0f} ms")


def test_when_the_kernel_is_gone_the_student_is_told_the_edit_was_not_saved(page, lab):
    show_highlighter(page, lab, "t-dead")
    page.evaluate(
        "async () => { const w = window.jupyterapp.shell.currentWidget;"
        " await w.sessionContext.session.kernel.shutdown(); }"
    )
    page.locator(".kit-hl-chip", has_text="Institution").click()
    drag_over(page, "Downing Street")
    warning = page.locator(".kit-hl-warn")
    expect(warning).to_contain_text("Not saved: the notebook is not answering", timeout=10_000)
    expect(page.locator(".kit-hl-live")).to_contain_text("Not saved")
    assert saved_annotations(lab, "t-dead") == []


def test_two_widgets_on_one_work_file_merge_and_catch_up(page, lab):
    nb = write_notebook(
        lab,
        "t-tabs.ipynb",
        "import kit",
        f'article = kit.load_article("{SEED_FROM_TESTS}")',
        'kit.highlight_sources(article, student="t-tabs")',
        'kit.highlight_sources(article, student="t-tabs")',
    )
    open_notebook(page, lab, nb)
    run_all(page)
    assert_no_widget_errors(page)
    first, second = page.locator(".kit-hl").nth(0), page.locator(".kit-hl").nth(1)
    first.locator(".kit-hl-chip", has_text="Institution").click()
    para = first.locator(".kit-hl-ptext", has_text="Downing Street")
    text = para.text_content()
    i = text.index("Downing Street")
    select_text(page, para, utf16_offset(text, i), utf16_offset(text, i + 14))
    wait_until(lambda: len(saved_annotations(lab, "t-tabs")) == 1)
    second.locator(".kit-hl-article").focus()  # coming back to the other "tab" refreshes it
    expect(second.locator("mark.kit-hl-mark")).to_have_text("Downing Street")
    expect(second.locator(".kit-hl-live")).to_have_text("Updated with work saved in another tab.")
    para2 = second.locator(".kit-hl-ptext", has_text="Moscow continues")
    text2 = para2.text_content()
    j = text2.index("Moscow")
    select_text(page, para2, utf16_offset(text2, j), utf16_offset(text2, j + 6))
    wait_until(lambda: len(saved_annotations(lab, "t-tabs")) == 2)
    assert [a["exact"] for a in saved_annotations(lab, "t-tabs")] == ["Downing Street", "Moscow"]
