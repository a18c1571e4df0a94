"""Media-literacy kit: news articles, sources, claims and quizzes for JupyterLab classes."""

from pathlib import Path
from typing import Any

from .articles import Article, load_article, load_articles, make_article
from .classroom import ClassWork, load_class
from .corpus import Corpus, load_corpus
from .coverage import compare_coverage
from .demo import demo_class
from .errors import KitError
from .export import to_csv, to_dataframe, to_w3c, write_w3c
from .feedback import compare, load_key
from .quiz import Quiz, load_quiz
from .render import Notice, SafeHTML, render_article, show_article
from .show import show_claims, show_sources
from .sources import Attribution, find_attributions
from .store import Workspace, current_student, set_student, sign_in, where_is_my_work

__all__ = [
    "Article",
    "ClassWork",
    "dashboard",
    "demo_class",
    "load_class",
    "Attribution",
    "ClaimTagger",
    "Highlighter",
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
]


def dashboard(class_dir: str | Path, **kwargs: Any) -> Any:
    """The class dashboard widget for a class folder (see kit.widgets.dashboard.dashboard)."""
    from .widgets.dashboard import dashboard as _dashboard  # ipywidgets only when asked for

    return _dashboard(class_dir, **kwargs)


def quiz_widget(*args, **kwargs):
    """The quiz widget for a bank file or Quiz (see kit.widgets.quiz.quiz_widget)."""
    from .widgets.quiz import quiz_widget as make

    return make(*args, **kwargs)


def write(*args, **kwargs):
    """A written answer that saves itself (see kit.widgets.write)."""
    from .widgets import write as make

    return make(*args, **kwargs)


def choose(*args, **kwargs):
    """A choice that saves itself (see kit.widgets.choose)."""
    from .widgets import choose as make

    return make(*args, **kwargs)


# The widgets import ipywidgets: load them on first use, so `import kit` (and the CLI) stays light.
_WIDGETS = {"ClaimTagger", "Highlighter", "highlight_sources", "tag_claims"}


def __getattr__(name: str):
    if name in _WIDGETS:
        from . import widgets

        return getattr(widgets, name)
    raise AttributeError(f"module 'kit' has no attribute {name!r}")
