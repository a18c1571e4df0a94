"""How well `kit.reading.claims` agrees with hand labels: per-label precision/recall, macro-F1,
opinion-vs-rest (subjectivity) macro-F1 and check-worthy F1.

    python benchmarks/eval_claims.py                   # the own sets and the outside ones
    python benchmarks/eval_claims.py --errors          # also list the disagreements
    python benchmarks/eval_claims.py --devdata DIR     # the outside sets are in DIR

The sets and the labelling guide are described in tests/data/README.md:
- dev_claims.jsonl: 280 Wikinews sentences (offsets into the articles of
  tests/data/wikinews/*.csv, loaded with kit.load_articles),
- dev_style.jsonl: 130 sentences written for the kit in political-speech and opinion styles.

Outside development sets, made by others in other house styles (never committed; `make devdata`
puts them in the git-ignored `.devdata/`, or give their folder with `--devdata`), train and dev
splits only (their test splits are never read):
- subjectivity/{train_en,dev_en}.tsv: CheckThat! 2024 task 2, English news sentences labelled
  SUBJ or OBJ (the author's own view or not); scored as macro-F1 over the two classes,
- checkworthy/{train,dev}.tsv: CheckThat! 2024 task 1, English political-debate sentences labelled
  Yes or No (worth fact-checking); scored as F1, precision and recall of Yes.

Every sentence is sent alone through `python -m kit claims --jsonl` (run in-process), one sentence
per line, exactly as the held-out evaluations do: the rules see no article context. When the kit
splits a line into several sentences, the own sets take the longest one for the line's type; the
outside sets count a line as subjective when any of its sentences is typed `opinion`, and as
check-worthy when any is `checkworthy: yes` (the rule of the held-out evaluations).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
CORPUS = DATA / "wikinews"  # every article the set points into (tests/data/wikinews/)
CORPUS_FILES = ("subset_2019.csv", "subset_2020.csv")  # the corpus files cut to the subset
TYPES = ("event", "number", "policy", "cause", "prediction", "opinion", "not_a_claim")
DEVDATA = ROOT / ".devdata"  # git-ignored; `make devdata` fills it
# (set, split) -> file under the devdata folder; test splits are never listed here
OUTSIDE = {
    ("subjectivity", "train"): "subjectivity/train_en.tsv",
    ("subjectivity", "dev"): "subjectivity/dev_en.tsv",
    ("checkworthy", "train"): "checkworthy/train.tsv",
    ("checkworthy", "dev"): "checkworthy/dev.tsv",
}

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


class Missing(Exception):
    """The corpus the development set points into is not there."""


def load_wikinews_set() -> list[dict]:
    """The Wikinews development set with each sentence's text filled in from the corpus."""
    files = [CORPUS / f for f in CORPUS_FILES]
    if not all(f.exists() for f in files):
        raise Missing(f"the Wikinews test corpus is not at {CORPUS}")
    import kit

    articles = {a.id: a for a in kit.load_articles(files)}
    rows = []
    for line in (DATA / "dev_claims.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        article = articles.get(row["article"])
        if article is None:
            raise Missing(f"article {row['article']} is not in the corpus")
        text = article.text[row["start"] : row["end"]]
        if " ".join(text.split()[:6]) != row["begins"]:
            raise Missing(f"{row['article']} {row['start']}: the text changed ({text[:40]!r})")
        rows.append({**row, "text": text})
    return rows


def load_style_set() -> list[dict]:
    """The self-written speech and opinion sentences."""
    lines = (DATA / "dev_style.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def load_outside(folder: Path, which: str, split: str) -> list[tuple[str, bool]]:
    """(sentence, label is positive) for one outside set: SUBJ, or check-worthy Yes."""
    path = folder / OUTSIDE[(which, split)]
    if not path.exists():
        raise Missing(
            f"{path} is not there: run `make devdata` to fetch the outside development sets "
            "(it says what to fetch), or give their folder with --devdata DIR"
        )
    rows: list[tuple[str, bool]] = []
    with path.open(encoding="utf-8", newline="") as f:
        if which == "subjectivity":  # no quoting: quotation marks are part of the sentences
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                rows.append((row["sentence"], row["label"] == "SUBJ"))
        else:
            for row in csv.reader(f, delimiter="\t"):
                if row[0] == "Sentence_id":
                    continue
                # one line of the training split holds two rows: "No29286" is a label and an id
                while len(row) >= 3:
                    m = re.match(r"(Yes|No)(\d*)$", row[2])
                    if m is None:
                        raise Missing(f"{path}: unexpected label {row[2]!r}")
                    rows.append((row[1], m.group(1) == "Yes"))
                    row = [m.group(2), *row[3:]] if m.group(2) else []
    return rows


def predict_sentences(texts: list[str]) -> list[list[dict]]:
    """Every sentence the kit makes of each text, as `claims --jsonl` writes it (a sentence's
    attributed parts are inside it, under "parts")."""
    from kit.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        path.write_text(
            "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)),
            encoding="utf-8",
        )
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = main(["claims", "--jsonl", str(path)])
    if status != 0:
        raise RuntimeError(f"claims --jsonl exited with {status}")
    return [json.loads(line)["sentences"] for line in out.getvalue().splitlines()]


def predict_via_cli(texts: list[str]) -> list[tuple[str, str]]:
    """(type, checkworthy) for each text, through `python -m kit claims --jsonl`, one per line:
    the longest sentence the kit makes of the text."""
    predictions = []
    for sentences in predict_sentences(texts):
        if not sentences:
            predictions.append(("not_a_claim", "no"))
            continue
        main_one = max(sentences, key=lambda s: s["span"][1] - s["span"][0])
        predictions.append((main_one["type"], main_one["checkworthy"]))
    return predictions


def prf(gold: list[str], pred: list[str], label: str) -> tuple[float, float, float, int]:
    """Precision, recall, F1 and support of one label."""
    tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
    fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
    fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp + fn


def metrics(rows: list[dict], predictions: list[tuple[str, str]]) -> dict:
    """Every number the report prints, as a dict (tests read it too)."""
    gold_t = [r["type"] for r in rows]
    pred_t = [p[0] for p in predictions]
    per_label = {t: prf(gold_t, pred_t, t) for t in TYPES}
    present = [t for t in TYPES if per_label[t][3] > 0]
    subj_g = ["subj" if g == "opinion" else "obj" for g in gold_t]
    subj_p = ["subj" if p == "opinion" else "obj" for p in pred_t]
    gold_c = ["yes" if r["checkworthy"] == "yes" else "no" for r in rows]
    pred_c = ["yes" if p[1] == "yes" else "no" for p in predictions]
    return {
        "n": len(rows),
        "per_label": per_label,
        "macro_f1": sum(per_label[t][2] for t in present) / len(present),
        "accuracy": sum(g == p for g, p in zip(gold_t, pred_t, strict=True)) / len(rows),
        "subjectivity_macro_f1": (prf(subj_g, subj_p, "subj")[2] + prf(subj_g, subj_p, "obj")[2])
        / 2,
        "opinion": prf(subj_g, subj_p, "subj"),
        "checkworthy_yes": prf(gold_c, pred_c, "yes"),
        "checkworthy_accuracy": sum(
            r["checkworthy"] == p[1] for r, p in zip(rows, predictions, strict=True)
        )
        / len(rows),
    }


def binary(gold: list[bool], pred: list[bool]) -> dict:
    """Precision, recall and F1 of the positive class, F1 of the negative one, and their mean."""
    g = ["pos" if x else "neg" for x in gold]
    p = ["pos" if x else "neg" for x in pred]
    pos, neg = prf(g, p, "pos"), prf(g, p, "neg")
    return {
        "n": len(gold),
        "positive": pos,
        "negative": neg,
        "macro_f1": (pos[2] + neg[2]) / 2,
    }


def outside_metrics(which: str, rows: list[tuple[str, bool]]) -> tuple[dict, list[bool]]:
    """The scores of one outside set, and the kit's call for each line."""
    key, value = ("type", "opinion") if which == "subjectivity" else ("checkworthy", "yes")
    pred = [
        any(s[key] == value for s in sentences)
        for sentences in predict_sentences([t for t, _ in rows])
    ]
    return binary([y for _, y in rows], pred), pred


def report_outside(folder: Path, errors: bool) -> dict:
    """Scores on each outside set (a Missing set says what to run), as {(set, split): metrics}."""
    print(f"\n== outside development sets ({folder})")
    found = {}
    for which, split in OUTSIDE:
        try:
            rows = load_outside(folder, which, split)
        except Missing as e:
            print(f"skipping {which} {split}: {e}")
            continue
        m, pred = outside_metrics(which, rows)
        found[(which, split)] = m
        p, r, f, n = m["positive"]
        if which == "subjectivity":
            print(
                f"subjectivity {split:<5} {m['n']:>6} sentences ({n} SUBJ): macro-F1"
                f" {m['macro_f1']:.3f}   SUBJ P {p:.2f} R {r:.2f} F1 {f:.3f}"
                f"   OBJ F1 {m['negative'][2]:.3f}"
            )
        else:
            print(
                f"check-worthy {split:<5} {m['n']:>6} sentences ({n} Yes): Yes F1"
                f" {f:.3f}   P {p:.2f} R {r:.2f}"
            )
        if errors:
            wrong = [(y, t) for (t, y), x in zip(rows, pred, strict=True) if x != y]
            for y in (True, False):
                some = [t for g, t in wrong if g is y][:25]
                print(f"  missed ({len(some)} shown):" if y else f"  wrongly ({len(some)} shown):")
                for t in some:
                    print(f"    {t[:140]}")
    return found


def report(name: str, rows: list[dict], predictions: list[tuple[str, str]], errors: bool) -> dict:
    m = metrics(rows, predictions)
    print(f"\n== {name}: {m['n']} sentences")
    print(f"{'label':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}")
    for t in TYPES:
        p, r, f, n = m["per_label"][t]
        print(f"{t:<12} {p:>9.2f} {r:>7.2f} {f:>6.2f} {n:>8}")
    print(f"macro-F1 (labels present) {m['macro_f1']:.3f}   accuracy {m['accuracy']:.3f}")
    p, r, f, n = m["opinion"]
    print(
        f"subjectivity (opinion vs rest) macro-F1 {m['subjectivity_macro_f1']:.3f}"
        f"   opinion P {p:.2f} R {r:.2f}"
    )
    p, r, f, n = m["checkworthy_yes"]
    print(
        f"check-worthy=yes F1 {f:.3f} (P {p:.2f} R {r:.2f}, {n} yes)"
        f"   3-way accuracy {m['checkworthy_accuracy']:.3f}"
    )
    confusion = Counter(
        (r["type"], p[0]) for r, p in zip(rows, predictions, strict=True) if r["type"] != p[0]
    )
    print(
        "most common confusions (gold -> kit):",
        ", ".join(f"{g}->{p} {c}" for (g, p), c in confusion.most_common(6)),
    )
    if errors:
        for r, p in zip(rows, predictions, strict=True):
            if (r["type"], r["checkworthy"]) != p:
                gold = f"{r['type']}/{r['checkworthy']}"
                print(f"  gold {gold:<17} kit {p[0]}/{p[1]:<5} {r['text'][:100]}")
    return m


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument(
        "--devdata",
        type=Path,
        default=DEVDATA,
        metavar="DIR",
        help=f"the folder of the outside development sets (default: {DEVDATA})",
    )
    parser.add_argument(
        "--only", choices=("own", "outside"), help="score only the own sets or the outside ones"
    )
    args = parser.parse_args(argv)
    if args.only != "outside":
        own(args.errors)
    if args.only != "own":
        report_outside(args.devdata, args.errors)
    return 0


def own(errors: bool) -> None:
    """The report on the own sets."""
    try:
        wiki = load_wikinews_set()
    except Missing as e:
        print(f"skipping the Wikinews set: {e}")
    else:
        report(
            "Wikinews development set (dev_claims.jsonl)",
            wiki,
            predict_via_cli([r["text"] for r in wiki]),
            errors,
        )
    style = load_style_set()
    report(
        "speech and opinion style set (dev_style.jsonl)",
        style,
        predict_via_cli([r["text"] for r in style]),
        errors,
    )
    for which in ("speech", "opinion"):
        part = [r for r in style if r["style"] == which]
        m = metrics(part, predict_via_cli([r["text"] for r in part]))
        print(
            f"  {which:<8} subjectivity macro-F1 {m['subjectivity_macro_f1']:.3f}"
            f"   check-worthy=yes F1 {m['checkworthy_yes'][2]:.3f}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
