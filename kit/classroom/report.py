"""The class as HTML: the dashboard's sections, the overview that stacks them, the heat map of
one article, and the one-page printable report.

The pages come from Jinja2 templates in `templates/` (overview.html, report.html and the
parts.html they share). Everything students and their files say is untrusted: the templates
escape every value they are given (autoescape), and only fragments the kit built escaped
already (tables, charts, the heat map) go in as they are. Works from `ClassWork`'s public
methods alone.
"""

from __future__ import annotations

import functools
from html import escape
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from markupsafe import Markup

from kit.articles.article import Article
from kit.classroom.spans import Spans, word_counts
from kit.classroom.tables import STATUSES, label_names, short
from kit.files import atomic_write_text
from kit.views.charts import histogram, status_grid, status_legend
from kit.views.html import SafeHTML, render_heatmap
from kit.views.show import html_table

if TYPE_CHECKING:
    import jinja2

    from kit.classroom.classwork import ClassWork

# The columns each section shows (the CSV export has them all).
_CONFUSION_SHOW = [
    "question", "prompt", "answered", "wrong_pct", "most_chosen_wrong", "chosen_by",
    "right_answer",
]  # fmt: skip
_MISSED_SHOW = ["source", "key_type", "students", "missed_pct", "right_type", "most_given_wrong"]
_DISAGREE_SHOW = ["sentence", "text", "answers", "share_pct", "labels", "key"]
_AGREEMENT_SHOW = [
    "what", "students", "alpha_between_students", "between_students", "alpha_vs_key_median",
    "vs_key",
]  # fmt: skip
_AGREEMENT_NOTE = (
    '<p class="kit-note">Alpha is 1 when everyone gives the same answers and about 0 when the '
    "answers agree no more than chance would. At least 0.8: reliable; 0.667 to 0.8: tentative; "
    "below: students disagree a lot. Against the key: the median of each student's alpha with "
    "the key.</p>"
)
# Column headings as a teacher reads them.
_HEADINGS = {
    "wrong_pct": "wrong at first try (%)",
    "most_chosen_wrong": "wrong answer most chosen",
    "chosen_by": "chosen by",
    "right_answer": "right answer",
    "key_type": "type in the key",
    "missed_pct": "missed (%)",
    "right_type": "right type",
    "most_given_wrong": "wrong type most given",
    "share_pct": "top answer (%)",
    "labels": "answers given",
    "alpha_between_students": "alpha between students",
    "between_students": "reading",
    "alpha_vs_key_median": "alpha vs key (median)",
    "vs_key": "reading vs key",
    "partly done": "partly done",
}
_PER_STUDENT = "Each student: lessons done and quiz points"


def heatmap(
    article: Article, students: int, spans: Spans, words: tuple[np.ndarray, np.ndarray], kind: str
) -> SafeHTML:
    """The article with each word shaded by how many of the `students` tagged it with `kind`
    (`spans`: theirs, then maybe the key's; `words`: the article's word starts and ends)."""
    starts, ends = words
    counts = word_counts(spans, starts, ends, readers=students)
    marked = [(int(s), int(e), int(c)) for s, e, c in zip(starts, ends, counts) if c]
    what = {"source": "highlighted a source", "claim": "tagged a claim"}.get(kind, f"tagged {kind}")
    return render_heatmap(article, marked, students, what=what)


def sections(
    work: ClassWork, top: int = 10, per_student: bool = True, compact: bool = False
) -> dict[str, tuple[str, str]]:
    """The dashboard's parts by name, as (heading, safe HTML), in reading order: progress,
    scores, confusion, missed, disagreement, agreement.

    `compact` (for print) drops the long text columns and shortens answers.
    """
    progress = html_table(_shown(work.lesson_progress()), "Students per lesson")
    bands = work.score_distribution(20 if compact else 10)  # print: narrow columns
    scores = histogram(bands, _histogram_title(work))
    if per_student:
        progress = (
            status_legend()
            + _scrolling(_grid(work), "Each student's lessons")
            + progress
            + _scrolling(html_table(_shown(_per_student(work)), _PER_STUDENT), _PER_STUDENT)
        )
    out = {
        "progress": ("Progress", progress),
        "scores": ("Quiz scores", scores),
    }
    tables = (
        ("confusion", "Questions most often wrong at the first try", work.confusion(),
         _CONFUSION_SHOW),
        ("missed", "Sources most missed", work.sources_missed(), _MISSED_SHOW),
        ("disagreement", "Sentences with the most disagreement on claim type",
         work.claim_disagreement(), _DISAGREE_SHOW),
        ("agreement", "Agreement (Krippendorff's alpha)", work.agreement(), _AGREEMENT_SHOW),
    )  # fmt: skip
    for name, heading, df, columns in tables:
        if compact:
            columns = [c for c in columns if c not in ("prompt", "text")]
        shown = label_names(df[columns].head(top))
        if compact:
            shown = shown.map(lambda v: short(v, 40) if isinstance(v, str) else v)
        body = "<p>Nothing to show yet.</p>" if df.empty else html_table(_shown(shown))
        out[name] = (heading, body)
    heading, body = out["agreement"]
    out["agreement"] = (heading, body + _AGREEMENT_NOTE)
    return out


def overview(work: ClassWork, top: int = 10, per_student: bool = True) -> SafeHTML:
    """The dashboard's tables and charts, one below the other (templates/overview.html)."""
    parts = sections(work, top, per_student)
    html = _render("overview.html", work, sections=[_safe(p) for p in parts.values()])
    return SafeHTML(html, f"class overview: {len(work.students)} students")


def write_report(work: ClassWork, path: str | Path, article_id: str | None = None) -> Path:
    """The one-page printable report (templates/report.html) written to `path`: the class-level
    tables, the top 5 of each list, and the heat map of one article."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    parts = sections(work, top=5, per_student=False, compact=True)
    heat = None
    if any(a in work.articles for a in work.article_ids):
        heat = Markup(work.heatmap(article_id).html)
    named = {name: _safe(part) for name, part in parts.items()}
    atomic_write_text(p, _render("report.html", work, parts=named, heat=heat))
    return p


def _render(template: str, work: ClassWork, **values: Any) -> str:
    """A template filled with the class's header and problems, and `values`."""
    page = _templates().get_template(template)
    return page.render(
        title=work.course.title,
        lesson=work.lesson_id,
        students=len(work.students),
        files=len(work.files),
        problems=list(work.problems + work.collect_problems),
        **values,
    )


def _safe(part: tuple[str, str]) -> tuple[str, Markup]:
    """A section whose body the kit built escaped already (its heading is escaped as written)."""
    heading, body = part
    return heading, Markup(body)


def _shown(df: pd.DataFrame) -> pd.DataFrame:
    return df.rename(columns=_HEADINGS)


def _grid(work: ClassWork) -> str:
    """Each student's status in each tracked lesson, as a colour grid with words in it."""
    progress = work.progress()
    status = {
        (r.student, r.lesson): r.status
        for r in progress[["student", "lesson", "status"]].itertuples(index=False)
    }
    lessons = [(le.id, le.title) for le in work.course.tracked]
    return status_grid(work.students, lessons, status, "Each student's lessons")


def _per_student(work: ClassWork) -> pd.DataFrame:
    """Per student: lessons done, partly done, not started, then the points of each quiz in
    scope and of them all, in words ("3 of 12 points (25%)")."""
    out = work.summary()[["student", *STATUSES, "quiz points"]]
    quizzes = work.quiz_scores()
    titles = dict(zip(quizzes["bank"], quizzes["title"]))
    if len(set(titles.values())) < len(titles):  # two quizzes with one title: their ids
        titles = {bank: bank for bank in titles}
    if len(titles) > 1:
        wide = quizzes.pivot(index="student", columns="bank", values="quiz_points")
        out = out.join(wide[list(titles)].rename(columns=titles), on="student")
        out = out.rename(columns={"quiz points": "all quizzes"})
    elif titles:
        out = out.rename(columns={"quiz points": next(iter(titles.values()))})
    return out


def _histogram_title(work: ClassWork) -> str:
    """What the score histogram counts, and out of what."""
    banks = work.quiz_scores()[["bank", "max_points"]].drop_duplicates("bank")
    total = banks["max_points"].sum()
    quizzes = f"{len(banks)} quiz{'zes' if len(banks) != 1 else ''}"
    return (
        f"Students per score band (percent of the {total:g} points of {quizzes} in view; "
        "students who answered nothing are left out)"
    )


def _scrolling(html: str, label: str) -> str:
    """A long table in a box that scrolls: keyboard users reach it with Tab and scroll it with
    the arrow keys (which JupyterLab must then leave alone)."""
    return (
        f'<div class="kit-scroll" tabindex="0" role="region" aria-label="{escape(label)}"'
        ' data-lm-suppress-shortcuts="true">' + html + "</div>"
    )


def _escaped(value: Any) -> Any:
    """Each value a template writes, escaped as every kit view escapes (html.escape), unless it
    is safe HTML already (Jinja's autoescape, behind this, then leaves it as it is)."""
    return value if hasattr(value, "__html__") else Markup(escape(str(value)))


@functools.cache
def _templates() -> jinja2.Environment:
    """The templates in `templates/`, escaping every value (made on first use, so that
    `import kit` does not load Jinja2)."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FunctionLoader(_joined_lines),
        autoescape=True,
        finalize=_escaped,
        undefined=jinja2.StrictUndefined,
    )


def _joined_lines(name: str) -> str | None:
    """A template's text with each line stripped and the lines joined: the templates are laid
    out for reading, and the pages keep none of that layout's whitespace."""
    path = resources.files("kit.classroom") / "templates" / name
    if not path.is_file():
        return None
    return "".join(line.strip() for line in path.read_text(encoding="utf-8").splitlines())
