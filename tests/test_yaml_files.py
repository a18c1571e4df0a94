"""Every YAML file a teacher writes (course, label sets, claim labels, paragraph roles, key
files, article front matter) is read as safely as a quiz bank: alias bombs, self-referring
aliases, object tags and repeated keys are a KitError naming the file and line, never a hang,
a crash or a silently dropped value."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kit.articles.article import load_article
from kit.classroom.course import load_course
from kit.errors import KitError
from kit.reading import claims, labels
from kit.reading import roles as paragraph_roles
from kit.work.keys import load_key

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_8e915a2399968c01.txt"


def bomb(indent: str = "") -> str:
    lines = [f'{indent}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        name, prev = chr(ord("a") + i), chr(ord("a") + i - 1)
        lines.append(f"{indent}{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def read_course(p: Path) -> object:
    return load_course(p)


def read_labels(p: Path) -> object:
    return labels.load_labels(p)


def read_claim_labels(p: Path) -> object:
    return claims.load_labels(p)


def read_roles(p: Path) -> object:
    return paragraph_roles.load_roles(p)


def read_key(p: Path) -> object:
    return load_key(p, load_article(SEED))


def read_front_matter(p: Path) -> object:
    md = p.with_suffix(".md")
    md.write_text("---\n" + p.read_text() + "---\nTitle\n\nBody text here.\n")
    return load_article(md)


READERS = {
    "course.yaml": read_course,
    "mine.labels.yaml": read_labels,
    "claims.labels.yaml": read_claim_labels,
    "roles.yaml": read_roles,
    "seed.key.yaml": read_key,
    "front-matter.yaml": read_front_matter,
}
DAMAGE = {
    "alias bomb": (bomb(), "aliases", None),  # the line where it grows too big
    "self-referring alias": ("title: T\nitems: &q [*q]\n", "refers to itself", 2),
    "object tag": ("title: !!python/object/apply:os.system ['true']\n", "tag", 1),
    "custom tag": ("title: !secret x\n", "tag '!secret'", 1),
    "repeated key": ("title: A\nlabels: []\ntitle: B\n", "'title' is given twice", 3),
}


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("name", READERS)
def test_a_hostile_teacher_file_is_one_clear_error_naming_file_and_line(tmp_path, name, damage):
    text, words, line = DAMAGE[damage]
    path = tmp_path / name
    path.write_text(text)
    started = time.perf_counter()
    with pytest.raises(KitError) as e:
        READERS[name](path)
    assert time.perf_counter() - started < 2
    assert words in e.value.problem
    shown = path.with_suffix(".md") if name == "front-matter.yaml" else path
    assert str(e.value.path) == str(shown)
    offset = 1 if name == "front-matter.yaml" else 0
    assert e.value.line == (line + offset if line else e.value.line) and e.value.line > offset
