"""Fill `.devdata/` (git-ignored) with outside development data from fetched git snapshots.

    python benchmarks/devdata.py [--polnear DIR] [--subjectivity DIR] [--checkworthy DIR]
                                 [--german DIR]

Each DIR is the git directory of a snapshot (no work tree needed: files are read with
`git show`); instead of the flags, the environment variables KIT_POLNEAR, KIT_SUBJECTIVITY,
KIT_CHECKWORTHY and KIT_GERMAN. When one is missing the script says which repository to fetch.

Only training and development splits are read. Test splits (PolNeAR's `test` compartment, the
German set's `data/test`, any file named test, dev-test or dev_test) are never opened, listed or
counted: the script names the exact folders and files it reads, nothing else. Nothing here is ever
committed (the German set is CC BY-NC-SA 4.0).

It writes:
  .devdata/polnear/{train,dev}/NAME.txt + NAME.ann   brat standoff, one annotator per article
  .devdata/subjectivity/{train_en,dev_en}.tsv
  .devdata/checkworthy/{train,dev}.tsv
  .devdata/german/{train,dev}/ID.json           one article of German Wikinews as published (its
                                                 text, annotations with character offsets)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / ".devdata"

REPOS = {
    "polnear": ("KIT_POLNEAR", "github:networkdynamics/PolNeAR"),
    "subjectivity": (
        "KIT_SUBJECTIVITY",
        "github:NickG-1/CheckThat-2024-Task-2-Subjectivity-Classification",
    ),
    "checkworthy": ("KIT_CHECKWORTHY", "github:isyufeng/FactFinders"),
    "german": ("KIT_GERMAN", "github:uhh-lt/german-news-quotation-attribution-2024"),
}
# (path in the snapshot, file written under .devdata/<set>/): train and dev only.
TSV_FILES = {
    "subjectivity": [("data/train_en.tsv", "train_en.tsv"), ("data/dev_en.tsv", "dev_en.tsv")],
    "checkworthy": [
        ("data/CT24_checkworthy_english_train.tsv", "train.tsv"),
        ("data/CT24_checkworthy_english_dev.tsv", "dev.tsv"),
    ],
}
POLNEAR_SPLITS = ("train", "dev")  # never "test"
GERMAN_SPLITS = ("train", "dev")  # never "test"


def _git(git_dir: Path, *args: str) -> bytes:
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", *args], check=True, capture_output=True
    ).stdout


def _names(git_dir: Path, tree: str) -> list[str]:
    """The file names directly inside `tree` (one folder, never recursive)."""
    out = _git(git_dir, "ls-tree", "-z", "--name-only", f"HEAD:{tree}").decode()
    return [name for name in out.split("\0") if name]  # -z: names as they are, not quoted


def polnear(git_dir: Path) -> dict[str, int]:
    counts = {}
    for split in POLNEAR_SPLITS:
        dest = OUT / "polnear" / split
        dest.mkdir(parents=True, exist_ok=True)
        names = _names(git_dir, f"data/{split}/text")
        texts = {n[: -len(".txt")] for n in names if n.endswith(".txt")}
        chosen: dict[str, str] = {}  # article -> its first annotation (by annotator id)
        for name in sorted(_names(git_dir, f"data/{split}/attributions")):
            if not name.endswith(".ann"):
                continue
            article = name[: -len(".ann")].rsplit("_", 1)[0]
            if article in texts:
                chosen.setdefault(article, name)
        for article, ann in sorted(chosen.items()):
            text = _git(git_dir, "show", f"HEAD:data/{split}/text/{article}.txt")
            (dest / f"{article}.txt").write_bytes(text)
            (dest / f"{article}.ann").write_bytes(
                _git(git_dir, "show", f"HEAD:data/{split}/attributions/{ann}")
            )
        counts[split] = len(chosen)
    return counts


def german(git_dir: Path) -> dict[str, int]:
    """data/train and data/dev of the German set, one JSON per article, named by its number."""
    counts = {}
    for split in GERMAN_SPLITS:
        dest = OUT / "german" / split
        dest.mkdir(parents=True, exist_ok=True)
        n = 0
        for name in _names(git_dir, f"data/{split}"):
            if not name.endswith(".json"):
                continue
            number = name.split(" ", 1)[0]
            (dest / f"{number}.json").write_bytes(
                _git(git_dir, "show", f"HEAD:data/{split}/{name}")
            )
            n += 1
        counts[split] = n
    return counts


def tsv(kind: str, git_dir: Path) -> dict[str, int]:
    dest = OUT / kind
    dest.mkdir(parents=True, exist_ok=True)
    counts = {}
    for path, name in TSV_FILES[kind]:
        data = _git(git_dir, "show", f"HEAD:{path}")
        (dest / name).write_bytes(data)
        counts[name] = data.count(b"\n")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for kind in REPOS:
        parser.add_argument(f"--{kind}", metavar="GIT_DIR")
    args = parser.parse_args(argv)
    missing = []
    for kind, (env, repo) in REPOS.items():
        given = getattr(args, kind) or os.environ.get(env)
        if not given:
            missing.append(f"  {kind}: fetch {repo}, then pass --{kind} GIT_DIR (or set {env})")
            continue
        git_dir = Path(given)
        if not (git_dir / "HEAD").exists() and not (git_dir / ".git").exists():
            missing.append(f"  {kind}: {git_dir} is not a git directory; fetch {repo} again")
            continue
        if (git_dir / ".git").exists():
            git_dir = git_dir / ".git"
        fill = {"polnear": polnear, "german": german}.get(kind)
        counts = fill(git_dir) if fill else tsv(kind, git_dir)
        print(f"{kind}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if missing:
        print("Not filled:\n" + "\n".join(missing), file=sys.stderr)
        return 1
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
