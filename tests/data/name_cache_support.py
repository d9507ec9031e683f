"""Helpers shared by the name cache tests (test_name_cache.py, test_name_cache_following.py)."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from polling import wait_until

from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.sqlite import name_cache, name_cache_keeper
from hero_desktop.data.sqlite.database import open_database
from hero_desktop.data.sqlite.search_pager import has_trigrams
from hero_desktop.data.sqlite.store import SqliteStore

from .name_index_support import ROSTER, tutorial_file

NEEDLES = ["zoe", "ZOË", "muller", "ANGS", "strasse", "lukasz", "Δημ", "δη", "ü", "o", "a", "zz"]
WORDS = [*ROSTER, "Иван Петров", "Ольга", "Nguyễn Văn", "Renée", "Björk", "Çağla", "straße"]


ADD_TRIGRAMS = name_cache.add_trigrams
"""The keeper's own step that adds the trigram index (``trigrams`` may leave it out)."""


@pytest.fixture(autouse=True, params=["trigrams", "scanned folds"])
def trigrams(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> bool:
    """A cache for any size of file, in this test's own cache folder; with its trigram
    index, or as it is read before that index is added (its folds scanned)."""
    monkeypatch.setattr(name_cache_keeper, "CACHE_FROM", 0)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with_trigrams = bool(request.param == "trigrams")
    if not with_trigrams:
        monkeypatch.setattr(name_cache, "add_trigrams", lambda connection: None)
    return with_trigrams


def roster(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [f"{rng.choice(WORDS)} {rng.choice(WORDS)} {i}" for i in range(count)]


@pytest.fixture
def found(tmp_path: Path) -> Path:
    """A file another program made: the tutorial's table, no Hero Desktop structures."""
    return tutorial_file(tmp_path / "theirs.db", roster(600))


def opened(path: Path, *, read_only: bool = False) -> SqliteStore:
    store = open_database(path, read_only=read_only)
    store.recheck_name_index()  # what the window's warm-up does after the first page
    return store


def cached(store: SqliteStore) -> SqliteStore:
    """Wait until the store reads names from its cache (with the trigram index, unless
    the test left it out: ``trigrams``)."""
    # A search early in the first build scans (name_cache_keeper.worth_waiting): wait.
    wait_until(
        lambda: store.name_schema() == name_cache.SCHEMA,
        10,
        "the store to read its cache",
        every=0.01,
    )
    if name_cache.add_trigrams is ADD_TRIGRAMS:
        wait_until(
            lambda: has_trigrams(store.connection, name_cache.SCHEMA),
            10,
            "a trigram index in the cache",
            every=0.01,
        )
    return store


def scan(path: Path, query: HeroQuery) -> list[tuple[object, ...]]:
    """The same query through the scan path (no cache, the rules as SQL functions)."""
    store = open_database(path, read_only=True)
    try:
        return [tuple(hero) for hero in HeroRepository(store).iterate(query)]
    finally:
        store.close()


def results(repo: HeroRepository, query: HeroQuery) -> list[tuple[object, ...]]:
    return [tuple(hero) for hero in repo.iterate(query)]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sidecars(path: Path) -> list[Path]:
    ends = ("-wal", "-shm", "-journal")
    return [Path(f"{path}{end}") for end in ends if Path(f"{path}{end}").exists()]


@pytest.fixture
def repo_as_found(found: Path) -> Iterator[HeroRepository]:
    store = cached(opened(found))
    yield HeroRepository(store)
    store.close()
