"""Precision, recall and F1 of kit.reading.sources on the hand-annotated development set.

Usage: python benchmarks/eval_sources.py [--errors] [--gold tests/data/dev_sources.jsonl]

Matching rule (issue 3): a predicted attribution matches a gold one when its content overlaps the
gold content and its source overlaps the gold source (two missing sources also match). Each gold
and each prediction is matched at most once, best overlap first. Also reported: the same figures
for direct quotes alone (gold direct vs predicted direct), and speaker accuracy on matched pairs
(speaker names compared case- and accent-insensitively, without a leading "the").
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "dev_sources.jsonl"
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


def _overlap(a: list[int] | None, b: list[int] | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


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


def evaluate(dev: list[tuple[object, dict]], show_errors: bool = False) -> Report:
    """Score kit.reading.sources.find_attributions against the gold records."""
    from kit.reading.sources import find_attributions

    tot = Scores(0, 0, 0)
    dire = Scores(0, 0, 0)
    right = total = 0
    errors: list[str] = []
    for article, rec in dev:
        text = article.text
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
            total += 1
            ok = norm_speaker(gold[gi]["speaker"]) == norm_speaker(pred[pi]["speaker"])
            right += ok
            if not ok and show_errors:
                errors.append(
                    f"{rec['id']} SPEAKER gold={gold[gi]['speaker']!r} "
                    f"pred={pred[pi]['speaker']!r} source={gold[gi]['source_text']!r}"
                )
        if show_errors:
            mg = {gi for gi, _ in pairs}
            mp = {pi for _, pi in pairs}

            def cut(span: list[int] | None, text: str = text) -> str:
                return "-" if span is None else repr(text[span[0] : span[1]][:70])

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--errors", action="store_true", help="list misses and extras")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    dev = load_dev(args.gold, args.corpus)
    rep = evaluate(dev, args.errors)
    for e in rep.errors:
        print(e)
    print(f"dev set: {len(dev)} articles, {rep.all.gold} attributions ({rep.direct.gold} direct)")
    print(f"{'':14} {'P':>6} {'R':>6} {'F1':>6}   gold  pred  match")
    for name, s in (("attributions", rep.all), ("direct quotes", rep.direct)):
        print(
            f"{name:14} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}   "
            f"{s.gold:4d}  {s.predicted:4d}  {s.matched:5d}"
        )
    print(
        f"speaker accuracy on matched: {rep.speaker_accuracy:.3f} "
        f"({rep.speaker_right}/{rep.speaker_total})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
