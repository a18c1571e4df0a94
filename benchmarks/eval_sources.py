"""Precision, recall and F1 of kit.reading.sources on the development sets.

Usage: python benchmarks/eval_sources.py [--errors]
       [--set own|polnear-train|polnear-dev|german-train|german-dev ...]

Sets: `own`, the hand-annotated Wikinews set (tests/data/dev_sources.jsonl); `polnear-train` and
`polnear-dev`, PolNeAR's train and dev compartments (US political news of 2015-16, seven outlets,
brat standoff) when `make devdata` has filled .devdata/polnear/. PolNeAR's test compartment is
never read. `german-train` and `german-dev`: the train and dev splits of the German news quotation
attribution set (German Wikinews, JSON with character offsets, CC BY-NC-SA 4.0) when `make
devdata GERMAN=...` has filled .devdata/german/; its test split is never read.

Matching rule (issue 3): a predicted attribution matches a gold one when its content overlaps the
gold content and its source overlaps the gold source (two missing sources also match). Each gold
and each prediction is matched at most once, best overlap first. Also reported: the same figures
for direct quotes alone (gold direct vs predicted direct), and speaker accuracy on matched pairs
(speaker names compared case- and accent-insensitively, without a leading "the").

PolNeAR, read as its annotation guide describes: each event `E` ties a Source, a Cue and a Content
span (any of them may be discontinuous, "start end;start end"; "Attribution-no-source" events have
no source). The articles are scored as plain text, exactly as `python -m kit sources --jsonl` reads
them. PolNeAR has no speaker names and no direct flag, so: a gold attribution is direct when its
content, stripped of spaces, closing punctuation and a leading "that" (the kit's contents leave
the complementizer out), opens and closes with a quotation mark; the
speaker is right when the predicted speaker shares a word (not "the", "a", "of", ...) with the gold
source text; pairs whose gold source is a pronoun ("he", "they") or a description ("the mayor",
"his lawyer") are left out of speaker accuracy (the gold does not say whom it refers to).

The German set, read as its README describes: each annotation has a quote (the content), a
speaker (the source, may be empty) and a cue, each as character spans (possibly several); every
type (direct, indirect, reported, free indirect, mixed) is scored, and an annotation is direct
when its type is `Direct`. The article text is given to the kit as plain text with no language
field, exactly as `python -m kit sources --jsonl` reads it, so the language is detected. The
speaker is right when the predicted speaker shares a word (not "der", "von", ...) with the gold
speaker text; as for PolNeAR, a gold speaker that is a pronoun ("er", "sie", "demnach") or a
description ("die Ministerin", "sein Anwalt") is left out.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "dev_sources.jsonl"
POLNEAR = ROOT / ".devdata" / "polnear"
GERMAN = ROOT / ".devdata" / "german"
CORPUS = ROOT / "tests" / "data" / "wikinews"  # holds every article of the set

sys.path.insert(0, str(ROOT))


@dataclass
class Scores:
    gold: int
    predicted: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    all: Scores
    direct: Scores
    speaker_right: int
    speaker_total: int
    errors: list[str]

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_total if self.speaker_total else 0.0


def _parts(a: list | None) -> list:
    """A span as its pieces: [start, end] or, for a discontinuous gold span, [[s, e], ...]."""
    if a is None:
        return []
    return a if a and isinstance(a[0], list) else [a]


def _overlap(a: list | None, b: list | None) -> int:
    return sum(max(0, min(x[1], y[1]) - max(x[0], y[0])) for x in _parts(a) for y in _parts(b))


def _source_match(g: list[int] | None, p: list[int] | None) -> bool:
    if g is None and p is None:
        return True
    return _overlap(g, p) > 0


def match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index): content and source overlap, best overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            c = _overlap(g["content"], p["content"])
            if c > 0 and _source_match(g["source"], p["source"]):
                pairs.append((c + _overlap(g["source"], p["source"]), gi, pi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def norm_speaker(s: str | None) -> str:
    """Lower case, no accents, no leading article or trailing possessive."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().strip()
    for det in ("the ", "a ", "an "):
        if s.startswith(det):
            s = s[len(det) :]
    s = s.replace("’", "'").removesuffix("'s")
    return " ".join(s.split())


def load_dev(gold_path: Path = GOLD, corpus: Path = CORPUS) -> list[tuple[object, dict]]:
    """(Article, gold record) for each line of the development set."""
    import kit

    result = kit.load_articles(sorted(corpus.glob("*.csv")))
    by_id = {a.id: a for a in result.articles}
    out = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        article = by_id[rec["id"]]
        digest = hashlib.sha1(article.text.encode()).hexdigest()
        if digest != rec["text_sha1"]:
            raise SystemExit(f"{rec['id']}: the article text changed; re-anchor the annotations")
        out.append((article, rec))
    return out


PRONOUNS = frozenset(
    "he she they it we i you him her them us me his its their our who this that".split()
)
_DESCRIPTION = frozenset("the his her their its our my your this that these those".split())
_SMALL = frozenset("the a an of and in at for to on 's mr mrs ms dr".split())


# German: pronouns (the gold does not say whom they name) and the small words of a name phrase.
PRONOUNS_DE = frozenset(
    "er sie es wir ich ihr man ihm ihn ihnen uns mir dieser diese dieses der die das dem den "
    "denen deren dessen welche welcher wonach demnach danach dies jener jene".split()
)
_DESCRIPTION_DE = frozenset(
    "der die das des dem den ein eine einer eines einem einen sein seine seiner seines seinem "
    "ihr ihre ihrer ihres ihrem dieser diese dieses".split()
)
_SMALL_DE = frozenset(
    "der die das des dem den ein eine einer eines einem einen von vom zu zum zur und in im am an "
    "auf aus bei für mit nach laut dr prof herr frau".split()
)


def _words(s: str | None, small: frozenset[str] = _SMALL) -> set[str]:
    return {w for w in norm_speaker(s).replace("'s", " ").replace(",", " ").split()} - small


def speaker_verdict(gold: dict, pred: dict) -> bool | None:
    """Is the predicted speaker the gold one? None when the gold cannot say (PolNeAR pronouns)."""
    if gold.get("speaker") is not None or not gold.get("loose_speaker"):
        return norm_speaker(gold["speaker"]) == norm_speaker(pred["speaker"])
    src = gold["source_text"]
    if src is None:
        return pred["speaker"] is None
    if gold.get("language") == "de":
        if norm_speaker(src) in PRONOUNS_DE or src.split(" ", 1)[0].lower() in _DESCRIPTION_DE:
            return None  # "er", "die Ministerin", "sein Anwalt": the gold does not say whom
        # "„Reuters“" and "Reuters" name the same outlet: quotation marks are not words
        return bool(_words(_unquote(src), _SMALL_DE) & _words(_unquote(pred["speaker"]), _SMALL_DE))
    first = src.split(" ", 1)[0].lower()
    if norm_speaker(src) in PRONOUNS or first in _DESCRIPTION:
        return None  # "he", "the mayor", "his lawyer": the gold does not say whom it names
    return bool(_words(src) & _words(pred["speaker"]))


def _unquote(s: str | None) -> str | None:
    return None if s is None else re.sub(r"[„“”\"»«‚‘’]", "", s)


_THAT_LEAD = re.compile(r"^that\s+(?=[\"“‘'`])", re.IGNORECASE)


def _read_brat(ann: str, text: str) -> list[dict]:
    """PolNeAR's brat standoff: text-bound spans T, events E tying Source, Cue and Content."""
    spans: dict[str, list[list[int]]] = {}
    events = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _kind, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = [[int(x) for x in o.split()] for o in offsets.split(";")]
        elif line.startswith("E") and len(parts) >= 2:
            roles: dict[str, list[str]] = {}
            for arg in parts[1].split():
                role, _, tid = arg.partition(":")
                roles.setdefault(role.rstrip("0123456789"), []).append(tid)
            events.append(roles)
    out = []
    for roles in events:

        def span(role: str, roles: dict = roles) -> list[list[int]] | None:
            pieces = sorted(p for t in roles.get(role, []) for p in spans.get(t, []))
            return pieces or None

        content, source, cue = span("Content"), span("Source"), span("Cue")
        if content is None:
            continue
        body = " ".join(text[a:b] for a, b in content).strip().rstrip(".,;:!?) ").strip()
        # PolNeAR's content keeps the complementizer ("said that “...”"); the kit's leaves it
        # out, as the own set does: a quotation after "that" is direct all the same.
        body = _THAT_LEAD.sub("", body)
        direct = len(body) > 2 and body[0] in "\"“‘'`" and body[-1] in "\"”’'"
        out.append(
            {
                "source": source,
                "cue": cue,
                "content": content,
                "speaker": None,
                "loose_speaker": True,
                "source_text": None if source is None else " ".join(text[a:b] for a, b in source),
                "cue_text": None if cue is None else " ".join(text[a:b] for a, b in cue),
                "direct": direct,
            }
        )
    return out


def load_polnear(split: str, root: Path = POLNEAR) -> list[tuple[str, dict]]:
    """(text, gold record) for each article of a PolNeAR split filled by `make devdata`."""
    if split not in ("train", "dev"):
        raise SystemExit("only PolNeAR's train and dev compartments are read")
    folder = root / split
    anns = sorted(folder.glob("*.ann"))
    if not anns:
        raise SystemExit(
            f"no PolNeAR {split} at {folder}: run `make devdata` (it says what to fetch)"
        )
    out = []
    for ann in anns:
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        gold = _read_brat(ann.read_text(encoding="utf-8"), text)
        out.append((text, {"id": ann.stem, "attributions": gold}))
    return out


def _german_spans(part: object) -> list[list[int]] | None:
    if not isinstance(part, dict) or not part.get("spans"):
        return None
    return sorted([s["charBegin"], s["charEnd"]] for s in part["spans"])


def load_german(split: str, root: Path = GERMAN) -> list[tuple[str, dict]]:
    """(text, gold record) for each article of a German split filled by `make devdata`."""
    if split not in ("train", "dev"):
        raise SystemExit("only the German set's train and dev splits are read")
    files = sorted((root / split).glob("*.json"))
    if not files:
        raise SystemExit(
            f"no German {split} at {root / split}: run `make devdata GERMAN=...` "
            "(it says what to fetch)"
        )
    out = []
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        text = data["originalText"]
        gold = []
        for a in data["annotations"]:
            content = _german_spans(a.get("quote"))
            if content is None:
                continue
            source, cue = _german_spans(a.get("speaker")), _german_spans(a.get("cue"))
            gold.append(
                {
                    "source": source,
                    "cue": cue,
                    "content": content,
                    "speaker": None,
                    "loose_speaker": True,
                    "language": "de",
                    "source_text": None
                    if source is None
                    else " ".join(text[a:b] for a, b in source),
                    "cue_text": None if cue is None else " ".join(text[a:b] for a, b in cue),
                    "direct": a.get("type") == "Direct",
                }
            )
        out.append((text, {"id": path.stem, "attributions": gold}))
    return out


def evaluate(dev: list[tuple[object, dict]], show_errors: bool = False) -> Report:
    """Score kit.reading.sources.find_attributions against the gold records."""
    from kit.reading.sources import find_attributions

    tot = Scores(0, 0, 0)
    dire = Scores(0, 0, 0)
    right = total = 0
    errors: list[str] = []
    for article, rec in dev:
        text = article if isinstance(article, str) else article.text
        scope = rec.get("scope_end", len(text))
        pred = []
        for a in find_attributions(article):
            d = a.to_json()
            first = min(x[0] for x in (d["source"], d["cue"], d["content"]) if x is not None)
            if first < scope:
                pred.append(d)
        gold = rec["attributions"]
        pairs = match(gold, pred)
        tot.gold += len(gold)
        tot.predicted += len(pred)
        tot.matched += len(pairs)
        gd = [g for g in gold if g["direct"]]
        pdir = [p for p in pred if p["direct"]]
        dire.gold += len(gd)
        dire.predicted += len(pdir)
        dire.matched += len(match(gd, pdir))
        for gi, pi in pairs:
            ok = speaker_verdict(gold[gi], pred[pi])
            if ok is None:
                continue
            total += 1
            right += ok
            if not ok and show_errors:
                errors.append(
                    f"{rec['id']} SPEAKER gold={gold[gi]['speaker']!r} "
                    f"pred={pred[pi]['speaker']!r} source={gold[gi]['source_text']!r}"
                )
        if show_errors:
            mg = {gi for gi, _ in pairs}
            mp = {pi for _, pi in pairs}

            def cut(span: list | None, text: str = text) -> str:
                if span is None:
                    return "-"
                return repr(" ".join(text[a:b] for a, b in _parts(span))[:70])

            for gi, g in enumerate(gold):
                if gi not in mg:
                    errors.append(
                        f"{rec['id']} MISS [{g['source_text']}] <{g['cue_text']}> "
                        f"{cut(g['content'])}"
                    )
            for pi, p in enumerate(pred):
                if pi not in mp:
                    errors.append(
                        f"{rec['id']} EXTRA [{cut(p['source'])}] <{cut(p['cue'])}> "
                        f"{cut(p['content'])}"
                    )
    return Report(tot, dire, right, total, errors)


def print_report(name: str, n: int, rep: Report) -> None:
    print(f"== {name}: {n} articles, {rep.all.gold} attributions ({rep.direct.gold} direct)")
    print(f"{'':14} {'P':>6} {'R':>6} {'F1':>6}   gold  pred  match")
    for label, s in (("attributions", rep.all), ("direct quotes", rep.direct)):
        print(
            f"{label:14} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}   "
            f"{s.gold:4d}  {s.predicted:4d}  {s.matched:5d}"
        )
    print(
        f"speaker accuracy on matched: {rep.speaker_accuracy:.3f} "
        f"({rep.speaker_right}/{rep.speaker_total})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--polnear", type=Path, default=POLNEAR, help="folder of make devdata")
    parser.add_argument("--german", type=Path, default=GERMAN, help="folder of make devdata")
    parser.add_argument(
        "--set",
        action="append",
        choices=("own", "polnear-train", "polnear-dev", "german-train", "german-dev"),
        help="which sets (default: own, and PolNeAR's and the German when .devdata has them)",
    )
    parser.add_argument("--errors", action="store_true", help="list misses and extras")
    args = parser.parse_args(argv)
    sets = args.set or (
        ["own"]
        + (["polnear-train", "polnear-dev"] if (args.polnear / "dev").is_dir() else [])
        + (["german-train", "german-dev"] if (args.german / "dev").is_dir() else [])
    )
    for name in sets:
        if name == "own":
            if not args.corpus.is_dir():
                print(f"no corpus at {args.corpus}", file=sys.stderr)
                return 2
            dev = load_dev(args.gold, args.corpus)
        elif name.startswith("german"):
            dev = load_german(name.split("-", 1)[1], args.german)
        else:
            dev = load_polnear(name.split("-", 1)[1], args.polnear)
        rep = evaluate(dev, args.errors)
        for e in rep.errors:
            print(e)
        print_report(name, len(dev), rep)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
