"""Media-literacy kit: news articles, sources, claims and quizzes for JupyterLab classes."""

# The one place the version is written: pyproject.toml reads it (setuptools' dynamic version).
__version__ = "0.1.0"

from pathlib import Path
from typing import Any

from kit.articles.article import Article, load_article, load_articles, make_article
from kit.classroom.classwork import ClassWork, load_class
from kit.classroom.demo import demo_class
from kit.errors import KitError
from kit.quiz.generate import generate as generate_quiz
from kit.quiz.model import Quiz, load_quiz
from kit.quiz.model import check_bank as check_quiz
from kit.reading.corpus import Corpus, load_corpus
from kit.reading.sources import Attribution, find_attributions
from kit.views.cards import show_cards
from kit.views.coverage import compare_coverage
from kit.views.html import Notice, SafeHTML, render_article, show_article
from kit.views.show import show_claims, show_sources, show_wording
from kit.work.export import to_csv, to_dataframe, to_w3c, write_w3c
from kit.work.keys import compare, load_key
from kit.work.store import Workspace, current_student, set_student, where_is_my_work

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
    "check_quiz",
    "generate_quiz",
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
    "show_cards",
    "show_claims",
    "show_sources",
    "show_wording",
    "tag_paragraphs",
]


def dashboard(class_dir: str | Path = "class", **kwargs: Any) -> Any:
    """The class dashboard widget for a class folder, looked for here and then in the course
    folder; `demo=True`: a demo class (see kit.widgets.dashboard.dashboard)."""
    from kit.widgets.dashboard import dashboard as _dashboard  # ipywidgets only when asked for

    return _dashboard(class_dir, **kwargs)


def answer_key(article: Article, kind: str = "source") -> Any:
    """The teacher's answer key for `article`: the key file beside it in the teacher's folder
    (kit.work.keys.answer_key), else the sealed key of a student copy (kit.quiz.sealed_keys),
    which `kit.compare` opens only near the student's highlights; None when there is neither
    (then `kit.compare(work, None)` compares with the kit's own suggestions, and says so)."""
    from kit.quiz.sealed_keys import find_sealed_key
    from kit.work.keys import answer_key as teachers_key

    key = teachers_key(article, kind)
    return key if key is not None else find_sealed_key(article)


def sign_in(name: str | None = None, path: str | Path | None = None) -> Any:
    """Tell the kit who you are (notebook 0). With no name: a box to type your name or class
    code in, checked as you type, and a Sign in button. With a name: signs in at once. Either
    way the kit says where your work will be saved."""
    if name is None:
        from kit.widgets.sign_in import SignIn  # ipywidgets only when asked for

        return SignIn(path)
    from kit.work.store import sign_in as _sign_in

    return _sign_in(name, path)


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
