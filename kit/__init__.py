"""Media-literacy kit: news articles, sources, claims and quizzes for JupyterLab classes."""

from pathlib import Path
from typing import Any

from kit.articles.article import Article, load_article, load_articles, make_article
from kit.articles.corpus import Corpus, load_corpus
from kit.classroom.classwork import ClassWork, load_class
from kit.classroom.demo import demo_class
from kit.errors import KitError
from kit.quiz.model import Quiz, load_quiz
from kit.reading.sources import Attribution, find_attributions
from kit.views.html import Notice, SafeHTML, render_article, show_article
from kit.views.show import compare_coverage, show_claims, show_sources, show_wording
from kit.work.export import to_csv, to_dataframe, to_w3c, write_w3c
from kit.work.keys import answer_key, compare, load_key
from kit.work.store import Workspace, current_student, set_student, sign_in, where_is_my_work

__all__ = [
    "Article",
    "ClassWork",
    "dashboard",
    "demo_class",
    "load_class",
    "Attribution",
    "ClaimTagger",
    "Highlighter",
    "answer_key",
    "compare",
    "highlight_sources",
    "load_key",
    "tag_claims",
    "to_csv",
    "to_dataframe",
    "to_w3c",
    "write_w3c",
    "Corpus",
    "compare_coverage",
    "KitError",
    "Notice",
    "Quiz",
    "Workspace",
    "current_student",
    "set_student",
    "sign_in",
    "where_is_my_work",
    "write",
    "choose",
    "SafeHTML",
    "find_attributions",
    "load_article",
    "load_articles",
    "load_corpus",
    "load_quiz",
    "make_article",
    "quiz_widget",
    "render_article",
    "show_article",
    "show_claims",
    "show_sources",
    "show_wording",
    "tag_paragraphs",
]


def dashboard(class_dir: str | Path, **kwargs: Any) -> Any:
    """The class dashboard widget for a class folder (see kit.widgets.dashboard.dashboard)."""
    from kit.widgets.dashboard import dashboard as _dashboard  # ipywidgets only when asked for

    return _dashboard(class_dir, **kwargs)


def quiz_widget(*args, **kwargs):
    """The quiz widget for a bank file or Quiz (see kit.widgets.quiz.quiz_widget)."""
    from kit.widgets.quiz import quiz_widget as make

    return make(*args, **kwargs)


# The widgets import ipywidgets: load them on first use, so `import kit` (and the CLI) stays light.
_WIDGETS = {
    "ClaimTagger",
    "Highlighter",
    "choose",
    "highlight_sources",
    "tag_claims",
    "tag_paragraphs",
    "write",
}


def __getattr__(name: str):
    if name in _WIDGETS:
        from kit import widgets

        return getattr(widgets, name)
    raise AttributeError(f"module 'kit' has no attribute {name!r}")
