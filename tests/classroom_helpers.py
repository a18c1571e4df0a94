"""A small class with known answers, written as real work files, for exact classroom tests.

Students (on the seed article, with the mini course below):
  ana  every source right, claims as the key, both quiz questions right at once, reflection
  bo   misses "Ukrainian officials", calls sentence 3 an opinion, picks the tempting option
       "Same as said" first and then the right one; says True to q2 and never retries
  cy   types "Ukrainian officials" as institution, tags two sentences, no quiz, reflection
       that looks like a spreadsheet formula
  di   on the roster only: nothing at all
  ed   the tempting option on q1 (no retry), q2 right
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from kit.articles.article import Article, load_article
from kit.classroom.course import Course, course_from_dict
from kit.classroom.demo import key_document
from kit.work.anchoring import quote_selector
from kit.work.annotations import Annotation
from kit.work.store import FORMAT, text_fingerprint

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8e915a2399968c01.txt"
ARTICLE_ID = "000_8e915a2399968c01"

KEY_SOURCES = [
    ("Downing Street", "institution"),
    ("Ukrainian officials", "anonymous"),
    ("Mr Putin", "named_person"),
]
KEY_CLAIMS = {0: "prediction", 1: "event", 2: "prediction", 3: "event"}
TEMPTING = "Same as said"
BANK = """\
format: kit-quiz/1
id: mini
title: Mini quiz
article: 000_8e915a2399968c01.txt
questions:
  - id: q1
    type: single
    prompt: What does "claimed" tell you?
    options: [Same as said, The reporter keeps a distance, The reporter agrees]
    answer: 1
    explanation: Claimed is a doubt verb, SECRET-EXPLANATION-1.
  - id: q2
    type: truefalse
    prompt: The officials are named.
    answer: false
    explanation: They are not named, SECRET-EXPLANATION-2.
"""
RIGHT = {"q1": 1, "q2": False}

COURSE = {
    "format": "kit-course/1",
    "title": "Mini course",
    "assignment": "mini",
    "lessons": [
        {"id": "A", "title": "Sources", "notebook": "00_start_here.ipynb",
         "articles": [ARTICLE_ID], "done": [{"tagged": "source", "min": 3}]},
        {"id": "B", "title": "Quiz", "notebook": "00_start_here.ipynb",
         "articles": [ARTICLE_ID], "done": [{"quiz": "mini"}]},
        {"id": "C", "title": "Reflect", "notebook": "00_start_here.ipynb",
         "articles": [ARTICLE_ID], "done": [{"response": "c.reflection"}]},
        {"id": "D", "title": "Claims", "notebook": "00_start_here.ipynb",
         "articles": [ARTICLE_ID], "done": []},
    ],
}  # fmt: skip

STUDENTS: dict[str, dict[str, Any]] = {
    "ana": {
        "sources": KEY_SOURCES,
        "claims": dict(KEY_CLAIMS),
        "quiz": {"q1": [1], "q2": [False]},
        "responses": {"c.reflection": "I check who is speaking before I believe it."},
    },
    "bo": {
        "sources": [("Downing Street", "institution"), ("Mr Putin", "named_person")],
        "claims": {0: "prediction", 1: "event", 2: "opinion", 3: "event"},
        "quiz": {"q1": [0, 1], "q2": [True]},
    },
    "cy": {
        "sources": [("Downing Street", "institution"), ("Ukrainian officials", "institution")],
        "claims": {0: "prediction", 2: "event"},
        "responses": {"c.reflection": "=1+1 looks like a formula"},
    },
    "ed": {"quiz": {"q1": [0], "q2": [False]}},
}
ROSTER = ["ana", "bo", "cy", "di", "ed"]


def article() -> Article:
    return load_article(SEED)


def course() -> Course:
    return course_from_dict(json.loads(json.dumps(COURSE)))


def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def annotation(text: str, start: int, end: int, tags: tuple[str, ...], n: str) -> Annotation:
    q = quote_selector(text, start, end)
    return Annotation(
        start, end, q["exact"], tags, "highlighting", prefix=q["prefix"], suffix=q["suffix"],
        id=f"urn:test:{n}", created="2025-05-12T09:00:00Z",
    )  # fmt: skip


def make_seeds(folder: Path) -> Path:
    """A seeds folder: the seed article, a key for it, and the mini quiz bank."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SEED, folder / SEED.name)
    a = article()
    anns = [
        annotation(a.text, *span(a.text, phrase), (f"source:{label}",), f"key-s{i}")
        for i, (phrase, label) in enumerate(KEY_SOURCES)
    ]
    for i, label in KEY_CLAIMS.items():
        s = a.sentences[i]
        anns.append(annotation(a.text, s.start, s.end, (f"claim:{label}",), f"key-c{i}"))
    (folder / "keys").mkdir(exist_ok=True)
    doc = key_document(a, anns)
    (folder / "keys" / f"{ARTICLE_ID}.json").write_text(json.dumps(doc, indent=1))
    (folder / "mini.quiz.yaml").write_text(BANK)
    return folder


def work_document(student: str, spec: dict[str, Any]) -> dict[str, Any]:
    """One student's work file content, built from the spec (timestamps fixed)."""
    a = article()
    anns = []
    for i, (phrase, label) in enumerate(spec.get("sources", [])):
        start, end = span(a.text, phrase)
        anns.append(annotation(a.text, start, end, (f"source:{label}",), f"{student}-s{i}"))
    for i, label in spec.get("claims", {}).items():
        s = a.sentences[i]
        anns.append(annotation(a.text, s.start, s.end, (f"claim:{label}",), f"{student}-c{i}"))
    quiz = {}
    for qid, responses in spec.get("quiz", {}).items():
        attempts = []
        for n, r in enumerate(responses):
            right = r == RIGHT[qid]
            attempts.append(
                {"response": r, "correct": right, "points": 1.0 if right else 0.0,
                 "at": f"2025-05-12T10:0{n}:00Z"}
            )  # fmt: skip
        quiz[qid] = {"attempts": attempts}
    return {
        "format": FORMAT,
        "student": student,
        "article_id": ARTICLE_ID,
        "text_sha": text_fingerprint(a.text),
        "revision": 3,
        "created": "2025-05-12T09:00:00Z",
        "modified": "2025-05-12T11:00:00Z",
        "annotations": [x.to_w3c(ARTICLE_ID) for x in anns],
        "quiz": {"mini": quiz} if quiz else {},
        "responses": {
            k: {"value": v, "modified": "2025-05-12T10:30:00Z"}
            for k, v in spec.get("responses", {}).items()
        },
    }


def make_class(folder: Path) -> Path:
    """The class above as `<folder>/<student>/<article>.json` (di has no folder)."""
    for student, spec in STUDENTS.items():
        (folder / student).mkdir(parents=True, exist_ok=True)
        doc = work_document(student, spec)
        (folder / student / f"{ARTICLE_ID}.json").write_text(json.dumps(doc, indent=1))
    return folder
