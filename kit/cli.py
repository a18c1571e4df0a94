"""Command line: `python -m kit VERB ...`. Exit 0 on success, 2 on bad input with a one-line message."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from .articles import Article, read_file
from .errors import KitError


def _print_error(message: str) -> None:
    print(f"kit: {message}", file=sys.stderr)


def _each_article(files: Sequence[str]) -> tuple[list[tuple[str, list[Article]]], int]:
    """Load each file, printing a one-line error for each bad one; returns loaded files and status."""
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


def _read_jsonl(path: str) -> list[tuple[Any, str]]:
    """(id, text) for every non-blank line of a JSONL file; a KitError names the first bad line."""
    from .files import read_text

    text, _ = read_text(path)
    items = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        fix = 'Each line must be one JSON object like {"id": "s1", "text": "..."}'
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise KitError(f"not valid JSON ({e.msg})", path=path, line=number, fix=fix) from None
        except RecursionError:
            raise KitError(
                "the JSON is nested too deeply", path=path, line=number, fix=fix
            ) from None
        if not isinstance(obj, dict):
            raise KitError("the line is not a JSON object", path=path, line=number, fix=fix)
        if "id" not in obj or not isinstance(obj["id"], (str, int)) or isinstance(obj["id"], bool):
            raise KitError(
                'the line has no "id" (a string or a number)', path=path, line=number, fix=fix
            )
        if not isinstance(obj.get("text"), str):
            raise KitError('the line has no "text" string', path=path, line=number, fix=fix)
        items.append((obj["id"], obj["text"]))
    return items


def cmd_claims(args: argparse.Namespace) -> int:
    from .claims import load_labels, most_checkworthy, suggest, suggestion_dict

    labels = load_labels(args.labels) if args.labels else None
    if args.jsonl:
        if args.files:
            raise KitError("give either --jsonl IN.jsonl or article files, not both")
        items = _read_jsonl(args.jsonl)
        out = sys.stdout
        for item_id, text in items:
            sentences = []
            for s in suggest(text, labels=labels):
                if s.part:
                    sentences[-1]["parts"].append(suggestion_dict(s))
                else:
                    sentences.append({**suggestion_dict(s), "parts": []})
            out.write(json.dumps({"id": item_id, "sentences": sentences}) + "\n")
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


def _shorten(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kit", description="Media-literacy kit: read articles, find sources."
    )
    sub = parser.add_subparsers(dest="verb", metavar="VERB")
    sub.required = True
    info = sub.add_parser("info", help="what the kit read from each file")
    info.add_argument("files", nargs="+", metavar="FILE")
    info.set_defaults(func=cmd_info)
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
