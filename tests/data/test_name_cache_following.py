"""The name cache kept current: Hero Desktop's own changes, another program's, a reopening.

Never a stale result: after each change, the very next search and name
order equal the scan of the file as it is now.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import validate_create, validate_update
from hero_desktop.data.name_index_state import NameCacheProgress, NameCacheState
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.sqlite import name_cache, name_cache_keeper

from .name_cache_support import (  # the fixtures too: each test runs with and without trigrams
    WORDS,
    cached,
    found,
    opened,
    repo_as_found,
    results,
    scan,
    trigrams,
)
from .name_index_support import insert_elsewhere

__all__ = ["found", "repo_as_found", "trigrams"]  # fixtures, used by name


def test_another_programs_insert_update_and_delete_show_and_never_a_stale_result(
    found: Path, repo_as_found: HeroRepository
) -> None:
    query = HeroQuery(search="quokka", sort=SortKey.NAME)
    assert results(repo_as_found, query) == []
    insert_elsewhere(found, ["Quokka Prime", "Zed Quokka"])
    assert [row[1] for row in results(repo_as_found, query)] == ["Quokka Prime", "Zed Quokka"]

    other = sqlite3.connect(found)
    other.execute("UPDATE hero SET name = 'Ångström Quokka' WHERE name = 'Zed Quokka'")
    other.execute("UPDATE hero SET name = 'Plain' WHERE name = 'Quokka Prime'")
    other.commit()
    # The very next read, with no poll in between: the renamed hero, never the old name.
    assert [row[1] for row in results(repo_as_found, query)] == ["Ångström Quokka"]
    assert results(repo_as_found, HeroQuery(search="angst")) == scan(
        found, HeroQuery(search="angst")
    )

    other.execute("DELETE FROM hero WHERE name = 'Ångström Quokka'")
    other.commit()
    other.close()
    assert results(repo_as_found, query) == []
    everything = HeroQuery(sort=SortKey.NAME)
    assert results(repo_as_found, everything) == scan(found, everything)


def test_hero_desktops_own_changes_update_the_cache_rows_they_touch(found: Path) -> None:
    store = cached(opened(found))
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


def test_a_cache_is_verified_against_the_file_when_opened_again(found: Path) -> None:
    cached(opened(found)).close()
    insert_elsewhere(found, ["Kākāpō Night"])  # while Hero Desktop was closed
    store = cached(opened(found))
    try:
        hits = list(HeroRepository(store).iterate(HeroQuery(search="kakapo")))
        assert [h.name for h in hits] == ["Kākāpō Night"]
    finally:
        store.close()


def test_a_file_changed_beyond_following_is_keyed_into_a_new_cache(
    found: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(name_cache_keeper, "REBUILD_SHARE", 0.0)
    store = cached(opened(found))
    first = store._attached
    other = sqlite3.connect(found)
    other.execute("UPDATE hero SET name = 'Renamed ' || id")
    other.commit()
    other.close()
    try:
        query = HeroQuery(search="renamed 12", sort=SortKey.NAME)
        assert results(HeroRepository(store), query) == scan(found, query)
        cached(store)  # (a search early in the new build scans: the new cache once built)
        assert results(HeroRepository(store), query) == scan(found, query)
        assert store._attached not in (None, first)
        assert first is not None
        assert not first.exists()
    finally:
        store.close()


def test_every_result_after_a_run_of_another_programs_changes_equals_the_scan(
    found: Path,
) -> None:
    """Thirty commits of another program, each followed at once by searches and the name
    order: each answer is the file as it is now (never the cache as it was)."""
    rng = random.Random(18)
    store = cached(opened(found))
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
                assert results(repo, query) == scan(found, query), (step, action, query)
    finally:
        other.close()
        store.close()


def test_a_search_waits_for_the_first_build_only_when_its_rest_is_shorter_than_a_scan() -> None:
    progress = NameCacheProgress
    total = 1_000_000  # a scan of it: total / SCAN_RATE, about 1.7 s
    building = NameCacheState.BUILDING

    # 10% in 2 s: 18 s to go, the scan is sooner.
    assert not name_cache_keeper.worth_waiting(progress(building, 100_000, total), 2.0)
    # 90% in 4.5 s: 0.5 s to go, the wait is shorter.
    assert name_cache_keeper.worth_waiting(progress(building, 900_000, total), 4.5)
    # Nothing keyed yet: no pace to judge by, so the scan.
    assert not name_cache_keeper.worth_waiting(progress(building, 0, total), 1.0)
