"""The colour grid and the histogram: words in every cell, numbers on every bar, text escaped."""

from __future__ import annotations

import re

from kit.views.charts import STATUS_COLOURS, histogram, status_grid, status_legend

LESSONS = [("01", "Stop & <think>"), ("02", "Anatomy")]


def cells(html: str) -> list[str]:
    return re.findall(r"<td[^>]*>(.*?)</td>", html)


def test_the_grid_has_a_row_per_student_a_column_per_lesson_and_a_word_in_every_cell():
    status = {("ana", "01"): "done", ("ana", "02"): "partly done", ("<b>bo</b>", "01"): "x"}
    html = status_grid(["ana", "<b>bo</b>"], LESSONS, status, "Each student's lessons")
    assert cells(html) == ["done", "started", "?", "?"]  # unknown or missing: a question mark
    assert "<b>" not in html and "&lt;b&gt;bo&lt;/b&gt;</th>" in html
    assert 'title="Stop &amp; &lt;think&gt;"' in html  # lesson titles escaped too
    assert 'title="ana, 02 Anatomy: partly done"' in html
    assert html.count('<th scope="row"') == 2 and html.count('<th scope="col"') == 3
    assert "background:#0072B2" in html and "background:#E69F00" in html


def test_the_legend_gives_each_colour_its_word_and_its_status():
    html = status_legend()
    for status, (colour, _, word) in STATUS_COLOURS.items():
        assert f"background:{colour}" in html and f">{word}</span>{status}</span>" in html


def test_the_histogram_writes_every_count_and_draws_bars_to_scale():
    html = histogram({"0-50%": 1, "50-100%": 4, "<i>": 0}, "Scores & more")
    assert "Scores &amp; more" in html and "<i>" not in html
    assert (
        'aria-label="50-100%: 4 students"' in html and 'aria-label="&lt;i&gt;: 0 students"' in html
    )
    assert 'aria-label="0-50%: 1 student"' in html
    heights = [float(h) for h in re.findall(r"height:([0-9.]+)em", html)]
    assert heights == [2.0, 8.0, 0.0]
    assert histogram({}) == ""
