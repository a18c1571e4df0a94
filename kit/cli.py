"""Command line: `python -m kit VERB ...`.

Exit 0 on success, 2 on bad input with a one-line message (never a traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from .articles import Article, read_file
from .errors import KitError


def _print_error(message: str) -> None:
    print(f"kit: {message}", file=sys.stderr)


def _each_article(files: Sequence[str]) -> tuple[list[tuple[str, list[Article]]], int]:
    """Load each file, printing a one-line error for each bad one; returns files and status."""
    loaded = []
    status = 0
    for f in files:
        try:
            loaded.append((f, read_file(f)))
        except KitError as e:
            _print_error(e.message)
            status = 2
    return loaded, status


def cmd_info(args: argparse.Namespace) -> int:
    loaded, status = _each_article(args.files)
    for path, articles in loaded:
        for a in articles:
            body = sum(p.role == "body" for p in a.paragraphs)
            print(a.title or "(no headline)")
            print(f"  file: {path}" + (f" (article {a.id})" if len(articles) > 1 else ""))
            for name in ("outlet", "byline", "published", "url"):
                value = getattr(a, name)
                if value:
                    print(f"  {name}: {value}")
            extra = " and ".join(p.role for p in a.paragraphs if p.role != "body")
            print(f"  paragraphs: {body}" + (f" (plus {extra})" if extra else ""))
            print(f"  sentences: {len(a.sentences)}")
            print(f"  words: {a.word_count}")
            print(f"  attributions: {_attribution_count(a)}")
            print(f"  encoding: {a.encoding}")
    return status


def _attribution_count(article: Article) -> str:
    try:
        from .sources import find_attributions
    except ImportError:
        return "not available"
    return str(len(find_attributions(article)))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kit", description="Media-literacy kit: read articles, find sources."
    )
    sub = parser.add_subparsers(dest="verb", metavar="VERB")
    sub.required = True
    info = sub.add_parser("info", help="what the kit read from each file")
    info.add_argument("files", nargs="+", metavar="FILE")
    info.set_defaults(func=cmd_info)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except KitError as e:
        _print_error(e.message)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
