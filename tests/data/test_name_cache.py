"""Search and name order on a file Hero Desktop may not change, through its name cache.

The file is opened as found (no consent, read-only, ``--read-only``): the
name keys live in a file of Hero Desktop's own in the cache folder. The
results are the scan's, another program's changes show and never a stale
result, and not one byte of the user's file changes.
"""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import validate_create, validate_update
from hero_desktop.data.name_index_state import NameCacheState as CacheState
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.sqlite import name_cache, name_cache_keeper
from hero_desktop.data.sqlite.database import open_database
from hero_desktop.data.sqlite.search_pager import has_trigrams
from hero_desktop.data.sqlite.store import SqliteStore

from .name_index_support import ROSTER, add_index, insert_elsewhere, tutorial_file

NEEDLES = ["zoe", "ZOË", "muller", "ANGS", "strasse", "lukasz", "Δημ", "δη", "ü", "o", "a", "zz"]
WORDS = [*ROSTER, "Иван Петров", "Ольга", "Nguyễn Văn", "Renée", "Björk", "Çağla", "straße"]


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


def _roster(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [f"{rng.choice(WORDS)} {rng.choice(WORDS)} {i}" for i in range(count)]


@pytest.fixture
def found(tmp_path: Path) -> Path:
    """A file another program made: the tutorial's table, no Hero Desktop structures."""
    return tutorial_file(tmp_path / "theirs.db", _roster(600))


def _opened(path: Path, *, read_only: bool = False) -> SqliteStore:
    store = open_database(path, read_only=read_only)
    store.recheck_name_index()  # what the window's warm-up does after the first page
    return store


def _cached(store: SqliteStore) -> SqliteStore:
    """Wait until the store reads names from its cache (with the trigram index, if it is
    to have one)."""
    assert store.name_schema() == name_cache.SCHEMA
    if name_cache.add_trigrams.__name__ == "add_trigrams":
        deadline = time.monotonic() + 10
        while not has_trigrams(store.connection, name_cache.SCHEMA):
            assert time.monotonic() < deadline, "no trigram index in the cache"
            time.sleep(0.01)
    return store


def _scan(path: Path, query: HeroQuery) -> list[tuple[object, ...]]:
    """The same query through the scan path (no cache, the rules as SQL functions)."""
    store = open_database(path, read_only=True)
    try:
        return [tuple(hero) for hero in HeroRepository(store).iterate(query)]
    finally:
        store.close()


def _results(repo: HeroRepository, query: HeroQuery) -> list[tuple[object, ...]]:
    return [tuple(hero) for hero in repo.iterate(query)]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sidecars(path: Path) -> list[Path]:
    ends = ("-wal", "-shm", "-journal")
    return [Path(f"{path}{end}") for end in ends if Path(f"{path}{end}").exists()]


@pytest.fixture
def repo_as_found(found: Path) -> Iterator[HeroRepository]:
    store = _cached(_opened(found))
    yield HeroRepository(store)
    store.close()


def test_a_search_and_the_name_order_read_the_cache_and_equal_the_scan(
    found: Path, repo_as_found: HeroRepository
) -> None:
    for needle in NEEDLES:
        for sort in (SortKey.ID, SortKey.NAME):
            for descending in (False, True):
                query = HeroQuery(search=needle, sort=sort, descending=descending)
                assert _results(repo_as_found, query) == _scan(found, query), query
    by_name = HeroQuery(sort=SortKey.NAME)
    assert _results(repo_as_found, by_name) == _scan(found, by_name)


def test_the_cache_is_in_the_cache_folder_never_beside_the_file(
    found: Path, repo_as_found: HeroRepository, tmp_path: Path
) -> None:
    caches = list((tmp_path / "cache" / "hero-desktop" / "names").glob("*.sqlite"))
    assert len(caches) == 1
    assert sorted(p.name for p in found.parent.iterdir()) == ["cache", "theirs.db"]


def test_a_session_of_searches_and_sorts_changes_not_one_byte_of_the_file(
    found: Path,
) -> None:
    before = _digest(found)
    stat_before = found.stat()
    store = _cached(_opened(found))
    repo = HeroRepository(store)
    for needle in NEEDLES:
        repo.page(HeroQuery(search=needle, sort=SortKey.NAME))
        repo.page(HeroQuery(search=needle))
    repo.page(HeroQuery(sort=SortKey.NAME, descending=True))
    repo.rank_of(5, HeroQuery(sort=SortKey.NAME))
    store.close()
    assert _digest(found) == before
    assert found.stat().st_mtime_ns == stat_before.st_mtime_ns
    assert _sidecars(found) == []


def test_another_programs_insert_update_and_delete_show_and_never_a_stale_result(
    found: Path, repo_as_found: HeroRepository
) -> None:
    query = HeroQuery(search="quokka", sort=SortKey.NAME)
    assert _results(repo_as_found, query) == []
    insert_elsewhere(found, ["Quokka Prime", "Zed Quokka"])
    assert [row[1] for row in _results(repo_as_found, query)] == ["Quokka Prime", "Zed Quokka"]

    other = sqlite3.connect(found)
    other.execute("UPDATE hero SET name = 'Ångström Quokka' WHERE name = 'Zed Quokka'")
    other.execute("UPDATE hero SET name = 'Plain' WHERE name = 'Quokka Prime'")
    other.commit()
    # The very next read, with no poll in between: the renamed hero, never the old name.
    assert [row[1] for row in _results(repo_as_found, query)] == ["Ångström Quokka"]
    assert _results(repo_as_found, HeroQuery(search="angst")) == _scan(
        found, HeroQuery(search="angst")
    )

    other.execute("DELETE FROM hero WHERE name = 'Ångström Quokka'")
    other.commit()
    other.close()
    assert _results(repo_as_found, query) == []
    everything = HeroQuery(sort=SortKey.NAME)
    assert _results(repo_as_found, everything) == _scan(found, everything)


def test_hero_desktops_own_changes_update_the_cache_rows_they_touch(found: Path) -> None:
    store = _cached(_opened(found))
    repo = HeroRepository(store)
    try:
        added = repo.create(validate_create({"name": "Wombat Zoë", "secret_name": "w"}))
        assert [h.name for h in repo.iterate(HeroQuery(search="wombat zoe"))] == ["Wombat Zoë"]
        repo.update(added.id, validate_update({"name": "Numbat"}))
        assert list(repo.iterate(HeroQuery(search="wombat"))) == []
        assert [h.id for h in repo.iterate(HeroQuery(search="numbat"))] == [added.id]
        repo.delete(added.id)
        assert list(repo.iterate(HeroQuery(search="numbat"))) == []
        assert store.name_schema() == name_cache.SCHEMA
    finally:
        store.close()


def test_a_read_only_file_is_searched_through_the_cache_and_left_unchanged(
    found: Path,
) -> None:
    before = _digest(found)
    found.chmod(0o444)
    try:
        # As root the mode does not stop writes: --read-only is asked as well (see STYLE.md).
        store = _cached(_opened(found, read_only=True))
        repo = HeroRepository(store)
        query = HeroQuery(search="müller", sort=SortKey.NAME)
        assert _results(repo, query) == _scan(found, query)
        store.close()
    finally:
        found.chmod(0o644)
    assert _digest(found) == before
    assert _sidecars(found) == []


@pytest.mark.parametrize("read_only", [True, False], ids=["read-only", "no-consent"])
def test_a_wal_file_keeps_its_bytes_and_no_wal_or_shm(tmp_path: Path, read_only: bool) -> None:
    path = tutorial_file(tmp_path / "wal.db", _roster(300))
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.close()
    before = _digest(path)
    store = _cached(_opened(path, read_only=read_only))
    query = HeroQuery(search="zoe")
    assert _results(HeroRepository(store), query) == _scan(path, query)
    store.close()
    assert _digest(path) == before
    assert _sidecars(path) == []


def test_a_cache_is_verified_against_the_file_when_opened_again(found: Path) -> None:
    _cached(_opened(found)).close()
    insert_elsewhere(found, ["Kākāpō Night"])  # while Hero Desktop was closed
    store = _cached(_opened(found))
    try:
        hits = list(HeroRepository(store).iterate(HeroQuery(search="kakapo")))
        assert [h.name for h in hits] == ["Kākāpō Night"]
    finally:
        store.close()


def test_a_file_changed_beyond_following_is_keyed_into_a_new_cache(
    found: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(name_cache_keeper, "REBUILD_SHARE", 0.0)
    store = _cached(_opened(found))
    first = store._attached
    other = sqlite3.connect(found)
    other.execute("UPDATE hero SET name = 'Renamed ' || id")
    other.commit()
    other.close()
    try:
        query = HeroQuery(search="renamed 12", sort=SortKey.NAME)
        assert _results(HeroRepository(store), query) == _scan(found, query)
        assert store._attached not in (None, first)
        assert first is not None
        assert not first.exists()
    finally:
        store.close()


def test_a_small_file_is_scanned_without_a_cache(
    found: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(name_cache_keeper, "CACHE_FROM", 10_000)
    store = _opened(found)
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
    store = _opened(found)
    try:
        assert store.name_schema() is None
        query = HeroQuery(search="zoe")
        assert _results(HeroRepository(store), query) == _scan(found, query)
    finally:
        store.close()
    assert os.path.isfile(blocked)


def test_adding_the_name_index_removes_the_files_cache(found: Path, tmp_path: Path) -> None:
    store = _cached(_opened(found))
    try:
        add_index(found)  # the user agreed (Add Index runs beside the open file)
        store.recheck_name_index()
        assert store.name_schema() == "main"
        assert list((tmp_path / "cache" / "hero-desktop" / "names").glob("*.sqlite")) == []
    finally:
        store.close()


def test_caches_not_opened_for_two_months_are_removed(found: Path, tmp_path: Path) -> None:
    _cached(_opened(found)).close()
    (cache,) = (tmp_path / "cache" / "hero-desktop" / "names").glob("*.sqlite")
    name_cache.prune(now=time.time() + 30 * 86_400)
    assert cache.exists()
    name_cache.prune(now=time.time() + 61 * 86_400)
    assert not cache.exists()


def test_a_cache_of_other_rules_or_layout_is_built_anew(
    found: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _cached(_opened(found))
    first = store._attached
    store.close()
    monkeypatch.setattr(name_cache, "FORMAT", "0-test")
    store = _cached(_opened(found))
    try:
        assert store._attached not in (None, first)
        assert first is not None
        assert not first.exists()
        query = HeroQuery(search="zoe", sort=SortKey.NAME)
        assert _results(HeroRepository(store), query) == _scan(found, query)
    finally:
        store.close()


def test_a_cache_that_fails_to_build_leaves_searches_to_the_scan_at_once(
    found: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_: object) -> Path:
        raise RuntimeError("a bug in the build")

    monkeypatch.setattr(name_cache, "build", broken)
    store = _opened(found)
    try:
        started = time.monotonic()
        assert store.name_schema() is None
        assert time.monotonic() - started < 5
        progress = store.name_cache_progress()
        assert progress is not None
        assert progress.state is CacheState.FAILED
        query = HeroQuery(search="zoe", sort=SortKey.NAME)
        assert _results(HeroRepository(store), query) == _scan(found, query)
    finally:
        store.close()
    assert "a bug in the build" in caplog.text


def test_every_result_after_a_run_of_another_programs_changes_equals_the_scan(
    found: Path,
) -> None:
    """Thirty commits of another program, each followed at once by searches and the name
    order: each answer is the file as it is now (never the cache as it was)."""
    rng = random.Random(18)
    store = _cached(_opened(found))
    repo = HeroRepository(store)
    other = sqlite3.connect(found)
    queries = [HeroQuery(search=n, sort=SortKey.NAME) for n in ("zoe", "Δη", "ss", "ümit")]
    queries.append(HeroQuery(sort=SortKey.NAME, descending=True))
    try:
        for step in range(30):
            name = f"{rng.choice(WORDS)} {rng.choice(['Zoë', 'Ümit', 'Straße', 'Δήμος'])} {step}"
            ids = [int(row[0]) for row in other.execute("SELECT id FROM hero")]
            action = rng.choice(["insert", "rename", "delete", "rename many"])
            if action == "insert":
                other.execute("INSERT INTO hero (name, secret_name) VALUES (?, 's')", (name,))
            elif action == "rename":
                other.execute("UPDATE hero SET name = ? WHERE id = ?", (name, rng.choice(ids)))
            elif action == "delete":
                other.execute("DELETE FROM hero WHERE id = ?", (rng.choice(ids),))
            else:
                other.execute(
                    "UPDATE hero SET name = name || ' ümit' WHERE id % 7 = ?", (step % 7,)
                )
            other.commit()
            for query in queries:
                assert _results(repo, query) == _scan(found, query), (step, action, query)
    finally:
        other.close()
        store.close()


def test_the_cache_folder_is_readable_by_the_user_alone(
    found: Path, repo_as_found: HeroRepository, tmp_path: Path
) -> None:
    for made in (
        tmp_path / "cache" / "hero-desktop",
        tmp_path / "cache" / "hero-desktop" / "names",
    ):
        assert made.stat().st_mode & 0o777 == 0o700, made


def test_closing_leaves_the_cache_alone_in_its_folder(found: Path, tmp_path: Path) -> None:
    store = _cached(_opened(found))
    HeroRepository(store).page(HeroQuery(search="zoe"))
    store.close()
    left = sorted(p.suffix for p in (tmp_path / "cache" / "hero-desktop" / "names").iterdir())
    assert left == [".sqlite"]  # no -wal or -shm beside it either
