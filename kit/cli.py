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


def cmd_quiz_check(args: argparse.Namespace) -> int:
    from .quiz import check_bank

    status = 0
    for path in args.banks:
        errors = check_bank(path)
        for e in errors:
            _print_error(e.message)
        if errors:
            status = 2
        else:
            print(f"{path}: ok")
    return status


def cmd_quiz_release(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .quiz import BankError, Quiz

    bank, out = Path(args.bank), Path(args.out)
    if out.exists() and (out.resolve() == bank.resolve() or not _is_student_copy(out)):
        raise KitError(
            "will not overwrite this file: it is not a student copy"
            if out.resolve() != bank.resolve()
            else "the student copy would overwrite the teacher's bank",
            path=out,
            fix="give another name for the student copy, like BANK.student.yaml",
        )
    try:
        released = Quiz.from_file(bank).release()
    except BankError as e:
        for err in e.errors:
            _print_error(err.message)
        return 2
    released.save(out)
    print(f"{out}: student copy of {bank} ({len(released)} questions, answers hashed)")
    return 0


def _is_student_copy(path) -> bool:
    """True for a released bank (which a new release may replace)."""
    import re

    try:
        with open(path, encoding="utf-8") as f:
            head = f.read(4096)
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^released: true\s*$", head, re.M) is not None


def cmd_quiz_grade(args: argparse.Namespace) -> int:
    from .quiz import Quiz, class_summary

    quiz = Quiz.from_file(args.bank)
    df = quiz.grade_class(args.work)
    if args.csv:
        df.to_csv(args.csv, index=False)
    summary = class_summary(df)
    if summary.empty:
        print(f"no student work for this quiz in {args.work or 'the work folder'}")
        return 0
    print(summary.to_string(index=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kit", description="Media-literacy kit: read articles, find sources."
    )
    sub = parser.add_subparsers(dest="verb", metavar="VERB")
    sub.required = True
    info = sub.add_parser("info", help="what the kit read from each file")
    info.add_argument("files", nargs="+", metavar="FILE")
    info.set_defaults(func=cmd_info)

    quiz = sub.add_parser("quiz", help="check, release and grade quiz banks")
    quiz_sub = quiz.add_subparsers(dest="quiz_verb", metavar="ACTION")
    quiz_sub.required = True
    check = quiz_sub.add_parser("check", help="check banks; exit 2 listing every problem")
    check.add_argument("banks", nargs="+", metavar="BANK.yaml")
    check.set_defaults(func=cmd_quiz_check)
    release = quiz_sub.add_parser(
        "release", help="write the student copy (answers as salted hashes)"
    )
    release.add_argument("bank", metavar="BANK.yaml")
    release.add_argument("out", metavar="OUT.yaml")
    release.set_defaults(func=cmd_quiz_release)
    grade = quiz_sub.add_parser("grade", help="grade the class's saved answers")
    grade.add_argument("bank", metavar="BANK.yaml")
    grade.add_argument("--work", metavar="DIR", help="the work folder (default: ./work)")
    grade.add_argument("--csv", metavar="OUT.csv", help="also write one row per answer")
    grade.set_defaults(func=cmd_quiz_grade)
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
