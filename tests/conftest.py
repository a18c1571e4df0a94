"""Shared test fixtures: paths to the seed article and the Wikinews test corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent

# Practice copies made in tests (and by the commands they run) use a cheap scrypt (N=16; each copy
# records its cost), set before any fixture releases a bank; the tests of what sealing costs an
# attacker give the real cost, `kit.quiz.sealed.SCRYPT_N`, explicitly.
os.environ["KIT_SCRYPT_N"] = "16"
SEED = ROOT / "seeds" / "000_8e915a2399968c01.txt"
#: 191 Wikinews articles (CC BY 2.5) kept in the repository; see tests/data/wikinews/ATTRIBUTION.md.
WIKINEWS = ROOT / "tests" / "data" / "wikinews"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture
def seed_folder(tmp_path) -> Path:
    """A teacher's seeds folder holding the seed article alone (no key, no quiz yet)."""
    import shutil

    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copyfile(SEED, folder / SEED.name)
    return folder


@pytest.fixture(scope="session")
def seed():
    import kit

    return kit.load_article(SEED)


@pytest.fixture(scope="session")
def wikinews():
    """The 191 Wikinews test articles (CC BY 2.5): the dev sets' articles and 52 held out."""
    import kit

    files = sorted(WIKINEWS.glob("subset_*.csv"))
    if not files:
        pytest.fail(f"the Wikinews test corpus is missing from {WIKINEWS}")
    result = kit.load_articles(files)
    assert not result.problems, result.problems
    return result.articles


# Property tests run the same examples on every machine, so CI never fails by chance; run
# `pytest --hypothesis-profile=explore` to search new random examples.
settings.register_profile("ci", derandomize=True, database=None, deadline=None)
settings.register_profile("explore", max_examples=5000, deadline=None)
settings.load_profile("ci")
