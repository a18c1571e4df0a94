"""How this folder was made (kept for the record; the tests never run it).

    python tests/data/wikinews/make_subset.py PATH/TO/wikinews

reads the full sample corpus (wikinews_2019.csv and wikinews_2020.csv: `url, date, title, text`,
295 articles) and writes here the articles that the hand-labelled development sets point into
(tests/data/dev_claims.jsonl and dev_sources.jsonl) and every third of the others (in corpus
order: articles no rule was tuned on), each row unchanged, with an `id` column in front that
keeps the id `kit.load_articles` gives the full files (`wikinews_2019_001` is the first row of
wikinews_2019.csv), so that the sets' offsets and ids stay valid; then ATTRIBUTION.md.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
FILES = ("wikinews_2019.csv", "wikinews_2020.csv")


def wanted_ids() -> set[str]:
    ids = set()
    for name, key in (("dev_claims.jsonl", "article"), ("dev_sources.jsonl", "id")):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                ids.add(json.loads(line)[key])
    return ids


def main(corpus: Path) -> None:
    wanted = wanted_ids()
    table = []
    for name in FILES:
        text = (corpus / name).read_text(encoding="utf-8")
        header, *rows = csv.reader(io.StringIO(text, newline=""))
        assert header == ["url", "date", "title", "text"], header
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", *header])
        n = 0
        others = 0
        for row in rows:
            if not any(cell.strip() for cell in row):
                continue  # the kit skips blank rows and numbers the others
            n += 1
            article_id = f"{Path(name).stem}_{n:03d}"
            held_out = article_id not in wanted
            if held_out:
                others += 1
            if not held_out or others % 3 == 1:
                writer.writerow([article_id, *row])
                table.append((article_id, *row[:3], "held out" if held_out else "dev sets"))
        (HERE / name.replace("wikinews_", "subset_")).write_text(
            out.getvalue(), encoding="utf-8", newline=""
        )
    missing = wanted - {t[0] for t in table}
    assert not missing, missing
    write_attribution(table)


HEAD = """# Wikinews test corpus: attribution

{n} English Wikinews news articles (2019 and 2020), a subset of the 295-article sample corpus
(collected by the vanatteveldt/wikinews repository, columns `url, date, title, text`) that the
kit's tests and development sets use.

- **Source:** Wikinews, the free news source, https://en.wikinews.org/ (each article's URL is
  below).
- **Authors:** Wikinews contributors. The corpus names no individual authors; the history page of
  each article at its URL lists everyone who wrote it.
- **Licence:** Creative Commons Attribution 2.5 (CC BY 2.5),
  https://creativecommons.org/licenses/by/2.5/. The texts are unchanged.

What was chosen and how: the {dev} articles that the hand-labelled development sets point into
(`tests/data/dev_claims.jsonl`, a random sample of sentences; `tests/data/dev_sources.jsonl`,
every 15th article), so the sets keep all their sentences, and every third of the other articles
in corpus order ({held}, marked *held out*: no rule was tuned on them). As varied as those
samples: news of many countries and subjects, short items, long reports and interviews.

The files keep the corpus's own CSV format and rows, with one more column, `id`, first: the id
`kit.load_articles` gives the article in the full corpus (`wikinews_2019_001` is the first article
of the full `wikinews_2019.csv`, here in `subset_2019.csv`), so the sets' offsets and ids stay
valid. `make_subset.py` made them from the full corpus.

| id | date | title | url | used by |
| --- | --- | --- | --- | --- |
"""


def write_attribution(table: list[tuple[str, str, str, str, str]]) -> None:
    dev = sum(row[4] == "dev sets" for row in table)
    text = HEAD.format(n=len(table), dev=dev, held=len(table) - dev)
    for article_id, url, date, title, use in table:
        title = title.replace("|", "\\|")
        text += f"| {article_id} | {date} | {title} | {url} | {use} |\n"
    (HERE / "ATTRIBUTION.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
