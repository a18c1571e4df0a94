"""Command line: `python -m kit VERB ...`.

Exit 0 on success, 2 on bad input with a one-line message (never a traceback).
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from kit import __version__
from kit.articles.article import Article, check_text, read_file
from kit.errors import KitError
from kit.files import check_replace, make_folder, read_bytes, read_stream, write_checked
from kit.progress import print_above, progress


def _print_error(message: str) -> None:
    print_above(f"kit: {message}")


def _each_article(files: Sequence[str]) -> tuple[list[tuple[str, list[Article]]], int]:
    """Load each file, printing a one-line error for each bad one; returns files and status."""
    loaded = []
    status = 0
    for f in progress(files, "reading"):
        try:
            loaded.append((f, read_file(f)))
        except KitError as e:
            _print_error(e.message)
            status = 2
    return loaded, status


def cmd_info(args: argparse.Namespace) -> int:
    loaded, status = _each_article(args.files)
    found = _attributions(loaded)
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
            print(f"  attributions: {len(next(found))}")
            print(f"  encoding: {a.encoding}")
    return status


def _attributions(loaded: list[tuple[str, list[Article]]]) -> Iterator[list]:
    """The attributions of every loaded article, in order (found first, under a progress bar)."""
    from kit.reading.sources import find_attributions

    every = [a for _, articles in loaded for a in articles]
    return iter([find_attributions(a) for a in progress(every, "finding sources", unit="article")])


def cmd_release(args: argparse.Namespace) -> int:
    from kit.classroom.release import release

    report = release(
        args.out_dir,
        notebooks=args.notebooks,
        seeds=args.seeds,
        course=args.course,
        assignment=args.assignment,
        lessons=args.lesson or None,
        exam=args.exam,
    )
    for note in report.notes:
        print(f"note: {note}", file=sys.stderr)
    print(report.summary())
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    from kit.classroom.course_folder import init_course

    print(init_course(args.dir).summary())
    return 0


def cmd_collect(args: argparse.Namespace) -> int:
    from kit.classroom.collect import collect
    from kit.classroom.manifest import class_manifest

    manifest = class_manifest(args.inputs, course=args.course)
    articles = None
    if args.seeds:
        from kit.classroom.materials import load_materials

        articles = load_materials(args.seeds).articles
    report = collect(
        args.inputs,
        args.out,
        known_articles=manifest.article_ids,
        student_from_zip=args.student_from_zip,
        articles=articles,
        manifest=manifest,
    )
    for entry in report.problems:
        _print_error(entry.message())
    print(report.summary())
    return 2 if report.problems else 0


def cmd_exercise(args: argparse.Namespace) -> int:
    """A draft answer key and a generated quiz for one article, beside it (or in --out)."""
    from kit.quiz.generate import generate
    from kit.quiz.model import article_ref, check_bank
    from kit.work.key_files import key_files_for, key_kept_because
    from kit.work.keys import Key, key_from_attributions, key_path, key_text

    source = Path(args.article)
    found = read_file(source)
    if len(found) != 1:
        raise KitError(
            f"this file holds {len(found)} articles; an exercise is made from one",
            path=source,
            fix="save the article as its own file (.txt: headline, standfirst, then paragraphs)",
        )
    article = found[0]
    folder = Path(args.out) if args.out else source.parent
    auto = key_from_attributions(article)
    sure = tuple(i for i in auto.items if i.tag("source") != "unknown")
    unsure = [i.exact for i in auto.items if i.tag("source") == "unknown"]
    if not sure:
        raise KitError(
            "the kit found no source it is sure of in this article, so there is no draft key",
            path=source,
            fix="mark the sources yourself in notebooks/teacher/make_an_exercise.ipynb",
        )
    key_file = key_path(article, folder)
    draft = Key(sure, article.id).as_annotations(article.text)
    key = key_text(draft, article, "source", reviewed=False)
    quiz = generate(article, seed=args.seed)
    bank_file = folder / f"{quiz.id}.quiz.yaml"
    bank = quiz.to_yaml(article_ref(quiz, bank_file))
    command = f"python -m kit exercise {shlex.quote(str(source))}" + (
        f" --seed {args.seed}" if args.seed else ""
    )
    out = f" --out {shlex.quote(str(folder))}" if args.out else ""
    for path, text in ((key_file, key), (bank_file, bank)):  # both checked before either is written
        check_replace(
            path,
            text,
            overwrite=args.force,
            replace=f"{command}{out} --force",
            instead=f"{command} --out drafts (a folder of your choice)",
            kept_because=key_kept_because(path, reviewed=False) if path == key_file else "",
        )
    make_folder(folder)
    write_checked(key_file, key)
    write_checked(bank_file, bank)
    left_out = f"; left out {len(unsure)} the kit was not sure of: " if unsure else ""
    print(
        f"{key_file}: draft answer key, {len(sure)} sources (reviewed: false)"
        + left_out
        + ", ".join(f"“{words}”" for words in unsure)
    )
    print("  check each item, then change 'reviewed: false' to 'reviewed: true'")
    others = [p for p in key_files_for(article) if p.resolve() != key_file.resolve()]
    for other in others:
        print(
            f"note: {other} is a key for this article too; until you keep only one of them, "
            "the kit asks which one students are compared with",
            file=sys.stderr,
        )
    errors = check_bank(bank_file)
    for e in errors:
        _print_error(e.message)
    if errors:
        return 2
    print(f"{bank_file}: {len(quiz)} generated questions, checked")
    print(
        f"  read each one as a student would; after editing: python -m kit quiz check {bank_file}"
    )
    return 0


def cmd_quiz_check(args: argparse.Namespace) -> int:
    from kit.quiz.model import check_bank

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

    from kit.quiz.model import BankError, Quiz

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
        released = Quiz.from_file(bank).release(exam=args.exam)
    except BankError as e:
        for err in e.errors:
            _print_error(err.message)
        return 2
    released.save(out)
    how = "exam copy, no answers" if args.exam else "practice copy, answers sealed"
    print(f"{out}: student copy of {bank} ({len(released)} questions, {how})")
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
    from kit.quiz.model import Quiz, class_summary

    quiz = Quiz.from_file(args.bank)
    df = quiz.grade_class(args.work, exam=args.exam)
    if args.csv:
        df.to_csv(args.csv, index=False)
    summary = class_summary(df)
    if summary.empty:
        print(f"no student work for this quiz in {args.work or 'the work folder'}")
        return 0
    print(summary.to_string(index=False))
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    if args.jsonl is not None:
        if args.files:
            raise KitError(
                "give either FILE names or --jsonl, not both",
                fix="run `python -m kit sources --jsonl IN.jsonl` on its own",
            )
        return _sources_jsonl(args.jsonl)
    if not args.files:
        raise KitError("no files given", fix="name one or more article files, or use --jsonl")
    from kit.reading.sources import TYPE_NAMES

    loaded, status = _each_article(args.files)
    every = _attributions(loaded)
    for path, articles in loaded:
        for a in articles:
            found = next(every)
            print(a.title or "(no headline)")
            print(f"  file: {path}" + (f" (article {a.id})" if len(articles) > 1 else ""))
            print(f"  attributions: {len(found)}")
            for n, att in enumerate(found, 1):
                how = "quote" if att.direct else "paraphrase"
                kind = TYPE_NAMES.get(att.source_type, att.source_type)
                print(f"  {n}. {att.speaker or '(unknown)'} · {kind} · {how} · {att.stance}")
                bits = []
                if att.source is not None:
                    bits.append(f"source {_excerpt(a.text, att.source, 60)!s}")
                if att.cue is not None:
                    bits.append(f"cue {_excerpt(a.text, att.cue, 40)!s}")
                if bits:
                    print("     " + "  ".join(bits))
                if att.content is not None:
                    print(f"     says {_excerpt(a.text, att.content, 110)}")
            print()
    return status


def cmd_claims(args: argparse.Namespace) -> int:
    from kit.articles.article import article_from_text
    from kit.reading.claims import (
        load_labels,
        most_checkworthy,
        no_claim_rules,
        suggest,
        suggestion_dict,
    )

    labels = load_labels(args.labels) if args.labels else None
    if args.jsonl:
        if args.files:
            raise KitError("give either --jsonl IN.jsonl or article files, not both")
        items = _read_jsonl(args.jsonl)
        out = sys.stdout
        for item_id, text, language in items:
            article = article_from_text(text, language=language)
            sentences = []
            for s in suggest(article, labels=labels):
                if s.part:
                    sentences[-1]["parts"].append(suggestion_dict(s))
                else:
                    sentences.append({**suggestion_dict(s), "parts": []})
            record = {"id": item_id, "sentences": sentences}
            why_none = no_claim_rules(article)
            if why_none is not None:
                record["note"] = why_none
            out.write(json.dumps(record) + "\n")
        return 0
    if not args.files:
        raise KitError(
            "no article given",
            fix="use 'python -m kit claims ARTICLE.txt' or 'python -m kit claims --jsonl IN.jsonl'",
        )
    loaded, status = _each_article(args.files)
    for path, articles in loaded:
        for a in articles:
            found = suggest(a, labels=labels)
            print(a.title or "(no headline)")
            print(f"  file: {path}" + (f" (article {a.id})" if len(articles) > 1 else ""))
            why_none = no_claim_rules(a)
            if why_none is not None:
                print(f"  {why_none}")
            for s in found:
                who = "" if s.claimant == "the reporter" else f" · claimed by {s.claimant}"
                head = "    part" if s.part else f"  [{s.sentence + 1}]"
                print(f"{head} {s.type} · check-worthy: {s.checkworthy}{who} · {s.confidence:.0%}")
                print(f"      {_shorten(s.text)}")
                for r in s.reasons:
                    print(f"      - {r.text}")
            top = most_checkworthy(found)
            if top:
                print("  most worth checking:")
                for i, s in enumerate(top, start=1):
                    print(f"    {i}. ({s.type}) {_shorten(s.text, 100)}")
            print()
    return status


def _excerpt(text: str, span, limit: int) -> str:
    """The span's text in quotes, on one line, shortened with an ellipsis, plus its offsets."""
    piece = " ".join(text[span.start : span.end].split())
    if len(piece) > limit:
        piece = piece[: limit - 1].rstrip() + "…"
    return f"«{piece}» [{span.start}:{span.end}]"


def _read_jsonl(path: str) -> list[tuple[object, str, str | None]]:
    """(id, text, language) for every non-blank line of a JSONL file (language from an optional
    "language" field, "de" or "de-DE"; None to detect it); the first bad line is a KitError.

    Blank lines are skipped (they hold no record), so output lines match input records in order.
    """
    if path == "-":
        where: str | Path = "<stdin>"
        raw = read_stream(sys.stdin.buffer, "<stdin>")
    else:
        where = Path(path)
        raw = read_bytes(where)
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise KitError(
            "the file is not UTF-8 text", path=where, line=line, fix="save it as UTF-8"
        ) from None
    items = []
    example = 'Each line must be one JSON object like {"id": "a1", "text": "..."}'
    for n, line in enumerate(content.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise KitError(f"not valid JSON ({e.msg})", path=where, line=n, fix=example) from None
        except RecursionError:
            raise KitError("the JSON is nested too deeply", path=where, line=n) from None
        except ValueError:  # json's limit on the digits of an integer
            raise KitError("a number is too long to be real", path=where, line=n) from None
        if not isinstance(obj, dict):
            raise KitError("this line is not a JSON object", path=where, line=n, fix=example)
        if not isinstance(obj.get("text"), str):
            problem = 'the object has no "text"' if "text" not in obj else '"text" is not a string'
            raise KitError(problem, path=where, line=n, fix=example)
        try:
            check_text(obj["text"])
        except KitError as e:
            raise KitError(e.problem, path=where, line=n, fix=e.fix) from None
        language = obj.get("language")
        if language is not None and not isinstance(language, str):
            raise KitError(
                '"language" is not a string',
                path=where,
                line=n,
                fix='give a language code such as "en" or "de", or leave the field out',
            )
        items.append((obj.get("id"), obj["text"], language))
    return items


def _sources_jsonl(path: str) -> int:
    """One output line per input line, in order, with offsets into that exact text.

    Every line is checked before anything is written: a bad line stops the run with exit 2 and
    no output at all, so a partial output file is never mistaken for a complete one.
    """
    from kit.articles.article import article_from_text
    from kit.reading.sources import find_attributions

    items = _read_jsonl(path)
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")
    for ident, text, language in items:
        found = find_attributions(article_from_text(text, language=language))
        record = {"id": ident, "attributions": [a.to_json() for a in found]}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


def _shorten(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kit" if Path(sys.argv[0]).name == "kit" else "python -m kit",
        description="Media-literacy kit: read articles, find sources.",
    )
    parser.add_argument("--version", action="version", version=f"kit {__version__}")
    sub = parser.add_subparsers(dest="verb", metavar="VERB")
    sub.required = True
    info = sub.add_parser("info", help="what the kit read from each file")
    info.add_argument("files", nargs="+", metavar="FILE")
    info.set_defaults(func=cmd_info)

    rel = sub.add_parser(
        "release",
        help="the student copy of the course (no answer keys), for nbgrader or as a zip",
        description="Run it in your course folder. Writes OUT_DIR/release/ASSIGNMENT/ "
        "(nbgrader's release folder) and OUT_DIR/ASSIGNMENT.zip: notebooks without outputs, the "
        "articles and quiz banks they load (banks with hashed answers) and kit-manifest.json. "
        "Answer keys are never copied as they are.",
    )
    rel.add_argument("out_dir", metavar="OUT_DIR")
    rel.add_argument(
        "--notebooks", metavar="DIR", help="the notebooks (default: the course folder's)"
    )
    rel.add_argument("--seeds", metavar="DIR", help="the seeds (default: the course folder's)")
    rel.add_argument(
        "--course",
        metavar="FILE",
        help="course file (default: course.yaml of the course folder, else the kit's)",
    )
    rel.add_argument("--assignment", metavar="NAME", help="assignment folder name")
    rel.add_argument(
        "--lesson", action="append", metavar="ID", help="release only this lesson (repeatable)"
    )
    rel.add_argument(
        "--exam",
        action="store_true",
        help="exam copies of the quiz banks: no answer material at all, no feedback; grade "
        "with `quiz grade BANK --exam`",
    )
    rel.set_defaults(func=cmd_release)

    init = sub.add_parser(
        "init",
        help="a new course folder: the notebooks, the seeds and the course file",
        description="Writes DIR/notebooks/, DIR/seeds/ and DIR/course.yaml from the installed "
        "kit, for a teacher who installed it without cloning the repository. DIR must be new or "
        "empty: nothing is ever overwritten.",
    )
    init.add_argument("dir", metavar="DIR")
    init.set_defaults(func=cmd_init)

    col = sub.add_parser(
        "collect",
        help="gather students' work files into one class folder",
        description="Reads folders of student folders, nbgrader submitted/ trees and zip files; "
        "writes CLASS_DIR/STUDENT/ARTICLE.json and CLASS_DIR/collect-report.csv. Every file "
        "that is not used is reported; the exit status is 2 when any was a problem.",
    )
    col.add_argument("inputs", nargs="+", metavar="DIR_OR_ZIP")
    col.add_argument("--out", required=True, metavar="CLASS_DIR")
    col.add_argument(
        "--course",
        metavar="FILE",
        help="course file (default: the releases found and the course folder you are in)",
    )
    col.add_argument("--seeds", metavar="DIR", help="also accept work on these articles")
    col.add_argument(
        "--student-from-zip",
        action="store_true",
        help="name each student after their zip file (one zip per student)",
    )
    col.set_defaults(func=cmd_collect)

    exercise = sub.add_parser(
        "exercise",
        help="a draft answer key and a generated quiz for an article, to check and edit",
        description="Writes ARTICLE_ID.key.yaml (the sources the kit found, as a draft marked "
        "'reviewed: false': check it, then set 'reviewed: true') and ARTICLE_ID-generated.quiz"
        ".yaml (checked as `quiz check` does) beside the article, or in --out FOLDER. A file "
        "already there that you changed since the kit wrote it (an edited quiz, a key you "
        "reviewed), or a reviewed key, is never replaced without --force.",
    )
    exercise.add_argument("article", metavar="ARTICLE")
    exercise.add_argument("--out", metavar="FOLDER", help="where to write (default: beside it)")
    exercise.add_argument("--seed", type=int, default=0, help="another seed, another quiz mix")
    exercise.add_argument(
        "--force", action="store_true", help="replace a reviewed key or an edited quiz"
    )
    exercise.set_defaults(func=cmd_exercise)

    quiz = sub.add_parser("quiz", help="check, release and grade quiz banks")
    quiz_sub = quiz.add_subparsers(dest="quiz_verb", metavar="ACTION")
    quiz_sub.required = True
    check = quiz_sub.add_parser("check", help="check banks; exit 2 listing every problem")
    check.add_argument("banks", nargs="+", metavar="BANK.yaml")
    check.set_defaults(func=cmd_quiz_check)
    release = quiz_sub.add_parser(
        "release", help="write the student copy (practice: answers sealed; --exam: none)"
    )
    release.add_argument("bank", metavar="BANK.yaml")
    release.add_argument("out", metavar="OUT.yaml")
    release.add_argument(
        "--exam",
        action="store_true",
        help="an exam copy: no answer material at all; students' answers are recorded, not "
        "checked, and graded with `quiz grade BANK --exam`",
    )
    release.set_defaults(func=cmd_quiz_release)
    grade = quiz_sub.add_parser("grade", help="grade the class's saved answers")
    grade.add_argument("bank", metavar="BANK.yaml")
    grade.add_argument("--work", metavar="DIR", help="the work folder (default: ./work)")
    grade.add_argument("--csv", metavar="OUT.csv", help="also write one row per answer")
    grade.add_argument(
        "--exam",
        action="store_true",
        help="answers from an exam copy: only each student's last answer to a question counts",
    )
    grade.set_defaults(func=cmd_quiz_grade)
    sources = sub.add_parser(
        "sources",
        help="who is speaking: attributions in each file, or as JSONL",
        description="List attributions (source, cue, content) in articles. With --jsonl, read "
        'lines {"id", "text"} and write one JSON line per input line with offsets into that text.',
    )
    sources.add_argument("files", nargs="*", metavar="FILE")
    sources.add_argument(
        "--jsonl", metavar="IN.jsonl", help='read {"id", "text"} lines ("-" for standard input)'
    )
    sources.set_defaults(func=cmd_sources)
    claims = sub.add_parser(
        "claims", help="claim type, check-worthiness and reasons for every sentence"
    )
    claims.add_argument("files", nargs="*", metavar="FILE")
    claims.add_argument(
        "--jsonl",
        metavar="IN.jsonl",
        help='read lines {"id", "text"}; write one JSON line per input with offsets into "text"',
    )
    claims.add_argument("--labels", metavar="LABELS.yaml", help="a teacher's claim label set")
    claims.set_defaults(func=cmd_claims)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):  # a lone surrogate in a name prints as \udc80
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
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
