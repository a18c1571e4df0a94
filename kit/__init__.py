"""Media-literacy kit: news articles, sources, claims and quizzes for JupyterLab classes."""

from .articles import Article, load_article, load_articles, make_article
from .corpus import Corpus, load_corpus
from .errors import KitError
from .render import SafeHTML, render_article, show_article
from .show import show_claims

__all__ = [
    "Article",
    "Corpus",
    "KitError",
    "SafeHTML",
    "load_article",
    "load_articles",
    "load_corpus",
    "make_article",
    "render_article",
    "show_article",
    "show_claims",
]
