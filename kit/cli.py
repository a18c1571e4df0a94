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


def cmd_release(args: argparse.Namespace) -> int:
    from .release import release

    report = release(
        args.out_dir,
        notebooks=args.notebooks,
        seeds=args.seeds,
        course=args.course,
        assignment=args.assignment,
        lessons=args.lesson or None,
    )
    for note in report.notes:
        print(f"note: {note}", file=sys.stderr)
    print(report.summary())
    return 0


def cmd_collect(args: argparse.Namespace) -> int:
    from .collect import collect
    from .course import load_course

    known = set(load_course(args.course).article_ids)
    if args.seeds:
        from .classroom import load_materials

        known |= set(load_materials(args.seeds).articles)
    report = collect(
        args.inputs, args.out, known_articles=known, student_from_zip=args.student_from_zip
    )
    for entry in report.problems:
        _print_error(entry.message())
    print(report.summary())
    return 2 if report.problems else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kit", description="Media-literacy kit: read articles, find sources."
    )
    sub = parser.add_subparsers(dest="verb", metavar="VERB")
    sub.required = True
    info = sub.add_parser("info", help="what the kit read from each file")
    info.add_argument("files", nargs="+", metavar="FILE")
    info.set_defaults(func=cmd_info)

    rel = sub.add_parser(
        "release",
        help="the student copy of the course (no answer keys), for nbgrader or as a zip",
        description="Writes OUT_DIR/release/ASSIGNMENT/ (nbgrader's release folder) and "
        "OUT_DIR/ASSIGNMENT.zip: notebooks without outputs, the course's articles and the quiz "
        "banks with hashed answers. Answer keys are never copied.",
    )
    rel.add_argument("out_dir", metavar="OUT_DIR")
    rel.add_argument("--notebooks", default="notebooks", metavar="DIR")
    rel.add_argument("--seeds", default="seeds", metavar="DIR")
    rel.add_argument("--course", metavar="FILE", help="course file (default: the kit's)")
    rel.add_argument("--assignment", metavar="NAME", help="assignment folder name")
    rel.add_argument(
        "--lesson", action="append", metavar="ID", help="release only this lesson (repeatable)"
    )
    rel.set_defaults(func=cmd_release)

    col = sub.add_parser(
        "collect",
        help="gather students' work files into one class folder",
        description="Reads folders of student folders, nbgrader submitted/ trees and zip files; "
        "writes CLASS_DIR/STUDENT/ARTICLE.json and CLASS_DIR/collect-report.csv. Every file "
        "that is not used is reported; the exit status is 2 when any was a problem.",
    )
    col.add_argument("inputs", nargs="+", metavar="DIR_OR_ZIP")
    col.add_argument("--out", required=True, metavar="CLASS_DIR")
    col.add_argument("--course", metavar="FILE", help="course file (default: the kit's)")
    col.add_argument("--seeds", metavar="DIR", help="also accept work on these articles")
    col.add_argument(
        "--student-from-zip",
        action="store_true",
        help="name each student after their zip file (one zip per student)",
    )
    col.set_defaults(func=cmd_collect)
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
