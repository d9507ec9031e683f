"""Search and name order on a file Hero Desktop may not change, through its name cache.

The file is opened as found (no consent, read-only, ``--read-only``): the
name keys live in a file of Hero Desktop's own in the cache folder. The
results are the scan's, and not one byte of the user's file changes; the
cache lives where it should, goes when it should, and a cache that cannot
be had leaves searches to the scan. Keeping it current with the file:
test_name_cache_following.py.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from polling import wait_until

from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.name_index_state import NameCacheState as CacheState
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.sqlite import name_cache, name_cache_keeper
from hero_desktop.data.sqlite.database import open_database

from .name_cache_support import (  # the fixtures too: each test runs with and without trigrams
    NEEDLES,
    cached,
    digest,
    found,
    opened,
    repo_as_found,
    results,
    roster,
    scan,
    sidecars,
    trigrams,
)
from .name_index_support import add_index, tutorial_file

__all__ = ["found", "repo_as_found", "trigrams"]  # fixtures, used by name


def test_a_search_and_the_name_order_read_the_cache_and_equal_the_scan(
    found: Path, repo_as_found: HeroRepository
) -> None:
    for needle in NEEDLES:
        for sort in (SortKey.ID, SortKey.NAME):
            for descending in (False, True):
                query = HeroQuery(search=needle, sort=sort, descending=descending)
                assert results(repo_as_found, query) == scan(found, query), query
    by_name = HeroQuery(sort=SortKey.NAME)
    assert results(repo_as_found, by_name) == scan(found, by_name)


def test_the_cache_is_in_the_cache_folder_never_beside_the_file(
    found: Path, repo_as_found: HeroRepository, tmp_path: Path
) -> None:
    caches = list((tmp_path / "cache" / "hero-desktop" / "names").glob("*.sqlite"))
    assert len(caches) == 1
    assert sorted(p.name for p in found.parent.iterdir()) == ["cache", "theirs.db"]


def test_a_session_of_searches_and_sorts_changes_not_one_byte_of_the_file(
    found: Path,
) -> None:
    before = digest(found)
    stat_before = found.stat()
    store = cached(opened(found))
    repo = HeroRepository(store)
    for needle in NEEDLES:
        repo.page(HeroQuery(search=needle, sort=SortKey.NAME))
        repo.page(HeroQuery(search=needle))
    repo.page(HeroQuery(sort=SortKey.NAME, descending=True))
    repo.rank_of(5, HeroQuery(sort=SortKey.NAME))
    store.close()
    assert digest(found) == before
    assert found.stat().st_mtime_ns == stat_before.st_mtime_ns
    assert sidecars(found) == []


def test_a_read_only_file_is_searched_through_the_cache_and_left_unchanged(
    found: Path,
) -> None:
    before = digest(found)
    found.chmod(0o444)
    try:
        # As root the mode does not stop writes: --read-only is asked as well (see STYLE.md).
        store = cached(opened(found, read_only=True))
        repo = HeroRepository(store)
        query = HeroQuery(search="müller", sort=SortKey.NAME)
        assert results(repo, query) == scan(found, query)
        store.close()
    finally:
        found.chmod(0o644)
    assert digest(found) == before
    assert sidecars(found) == []


@pytest.mark.parametrize("read_only", [True, False], ids=["read-only", "no-consent"])
def test_a_wal_file_keeps_its_bytes_and_no_wal_or_shm(tmp_path: Path, read_only: bool) -> None:
    path = tutorial_file(tmp_path / "wal.db", roster(300))
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.close()
    before = digest(path)
    store = cached(opened(path, read_only=read_only))
    query = HeroQuery(search="zoe")
    assert results(HeroRepository(store), query) == scan(path, query)
    store.close()
    assert digest(path) == before
    assert sidecars(path) == []


def test_a_small_file_is_scanned_without_a_cache(
    found: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(name_cache_keeper, "CACHE_FROM", 10_000)
    store = opened(found)
    try:
        assert store.name_schema() is None
        progress = store.name_cache_progress()
        assert progress is not None
        assert progress.state is CacheState.NOT_NEEDED
    finally:
        store.close()
    assert not (tmp_path / "cache" / "hero-desktop" / "names").exists() or not list(
        (tmp_path / "cache" / "hero-desktop" / "names").iterdir()
    )


def test_a_file_with_hero_desktops_index_needs_no_cache(tmp_path: Path) -> None:
    store = open_database(tmp_path / "ours.db")
    store.recheck_name_index()
    try:
        assert store.name_schema() == "main"
        assert store.name_cache_progress() is None
    finally:
        store.close()


def test_a_cache_folder_that_cannot_be_written_leaves_searches_to_the_scan(
    found: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    store = opened(found)
    try:
        assert store.name_schema() is None
        query = HeroQuery(search="zoe")
        assert results(HeroRepository(store), query) == scan(found, query)
    finally:
        store.close()
    assert os.path.isfile(blocked)


def test_adding_the_name_index_removes_the_files_cache(found: Path, tmp_path: Path) -> None:
    store = cached(opened(found))
    try:
        add_index(found)  # the user agreed (Add Index runs beside the open file)
        store.recheck_name_index()
        assert store.name_schema() == "main"
        assert list((tmp_path / "cache" / "hero-desktop" / "names").glob("*.sqlite")) == []
    finally:
        store.close()


def test_caches_not_opened_for_two_months_are_removed(found: Path, tmp_path: Path) -> None:
    cached(opened(found)).close()
    (cache,) = (tmp_path / "cache" / "hero-desktop" / "names").glob("*.sqlite")
    name_cache.prune(now=time.time() + 30 * 86_400)
    assert cache.exists()
    name_cache.prune(now=time.time() + 61 * 86_400)
    assert not cache.exists()


def test_a_cache_of_other_rules_or_layout_is_built_anew(
    found: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = cached(opened(found))
    first = store._attached
    store.close()
    monkeypatch.setattr(name_cache, "FORMAT", "0-test")
    store = cached(opened(found))
    try:
        assert store._attached not in (None, first)
        assert first is not None
        assert not first.exists()
        query = HeroQuery(search="zoe", sort=SortKey.NAME)
        assert results(HeroRepository(store), query) == scan(found, query)
    finally:
        store.close()


def test_a_cache_that_fails_to_build_leaves_searches_to_the_scan_at_once(
    found: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_: object) -> Path:
        raise RuntimeError("a bug in the build")

    monkeypatch.setattr(name_cache, "build", broken)
    store = opened(found)
    try:
        started = time.monotonic()
        assert store.name_schema() is None
        assert time.monotonic() - started < 5
        # (the scan may answer before the failure is seen)
        wait_until(
            lambda: (
                (progress := store.name_cache_progress()) is not None
                and progress.state is CacheState.FAILED
            ),
            5,
            "the build to fail",
            every=0.01,
        )
        assert store.name_schema() is None
        query = HeroQuery(search="zoe", sort=SortKey.NAME)
        assert results(HeroRepository(store), query) == scan(found, query)
    finally:
        store.close()
    assert "a bug in the build" in caplog.text


def test_the_cache_folder_is_readable_by_the_user_alone(
    found: Path, repo_as_found: HeroRepository, tmp_path: Path
) -> None:
    for made in (
        tmp_path / "cache" / "hero-desktop",
        tmp_path / "cache" / "hero-desktop" / "names",
    ):
        assert made.stat().st_mode & 0o777 == 0o700, made


def test_closing_leaves_the_cache_alone_in_its_folder(found: Path, tmp_path: Path) -> None:
    store = cached(opened(found))
    HeroRepository(store).page(HeroQuery(search="zoe"))
    store.close()
    left = sorted(p.suffix for p in (tmp_path / "cache" / "hero-desktop" / "names").iterdir())
    assert left == [".sqlite"]  # no -wal or -shm beside it either
