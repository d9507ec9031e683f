"""A search of one or two characters on PostgreSQL: the pairs index finds what is rare.

No trigram holds so short a needle, so without help its count and its pages
read every fold on the server. The name table has a GIN index of each fold's
characters and pairs of characters (``schema.PAIRS``); a needle the pager's
sample finds rare (under ``paging.COMMON_SHARE`` of the names) is found
there, a common one by reading the folds, which then stops early. Either way
the heroes found, their count and their order are those of the fold's LIKE.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import pytest
from postgres_server import PostgresServer
from psycopg.pq import TransactionStatus

from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.postgres import opening, paging, schema
from hero_desktop.data.postgres.maintenance import build_name_index
from hero_desktop.data.postgres.store import PostgresStore
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.store import NewHero
from hero_desktop.data.views import LAST_PAGE, PageRequest, read_page

from .postgres_support import (
    address_of,
    cancelled_as_each_index_ends,
    finished_once,
    left_to_finish,
    run,
)

COMMON, RARE = 200, 7
ALPHABET = "aåbz ø-'ßx"


@pytest.fixture
def repo(
    store: PostgresStore, postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> HeroRepository:
    monkeypatch.setattr(paging, "SAMPLE_PERCENT", 100)  # the sample is the whole table
    heroes: list[NewHero] = [(f"Kåra {number}", number, "s") for number in range(COMMON)]
    heroes += [(f"Zoë Quinn {number}", number, "s") for number in range(RARE)]
    heroes += [(f"Bob {number}", None, "s") for number in range(100)]
    store.bulk_insert([heroes], expected_rows=len(heroes))
    run(postgres_database, "ANALYZE hero_desktop_name")
    return HeroRepository(store)


@contextmanager
def statements(store: PostgresStore) -> Iterator[list[str]]:
    """The statements the store's connection runs within the block."""
    seen: list[str] = []
    connection = store.connection
    execute = connection.execute

    def recorded(query: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(str(query))
        return execute(query, *args, **kwargs)

    connection.execute = recorded  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        del connection.execute


def pairs_used(seen: list[str]) -> bool:
    return any(schema.PAIRS in statement for statement in seen)


def test_the_pairs_of_a_fold_are_its_every_character_and_pair_of_characters(
    store: PostgresStore, postgres_database: str
) -> None:
    chosen = random.Random(18)
    folds = ["", "a", "ab", "abc", "abcd", "a b", "ø-ß", "zz", "aaa"]
    folds += ["".join(chosen.choices(ALPHABET, k=chosen.randint(1, 12))) for _ in range(300)]
    rows = run(
        postgres_database,
        "SELECT f, hero_desktop_pairs(f) FROM unnest(%s::text[]) AS f",
        (folds,),
    )
    for fold, pairs in rows:
        assert isinstance(fold, str)
        assert isinstance(pairs, list)
        expected = {fold[i : i + size] for size in (1, 2) for i in range(len(fold) - size + 1)}
        assert set(pairs) - {""} == expected, fold


@pytest.mark.parametrize("needle", ["z", "zo", "oë", "ui", "q", "ë", "5", "n 1", "ka", "a", "xy"])
@pytest.mark.parametrize("sort", [SortKey.ID, SortKey.NAME, SortKey.AGE])
@pytest.mark.parametrize("descending", [False, True])
def test_a_short_search_finds_what_the_folds_hold_either_way(
    repo: HeroRepository,
    monkeypatch: pytest.MonkeyPatch,
    needle: str,
    sort: SortKey,
    descending: bool,
) -> None:
    query = HeroQuery(search=needle, sort=sort, descending=descending)
    monkeypatch.setattr(paging, "PAIRED_UP_TO", 0)  # every search reads the folds
    repo.refresh()
    count = repo.count(query)
    ids = [hero.id for start in range(0, count, 100) for hero in repo.page(query, offset=start)]
    monkeypatch.setattr(paging, "PAIRED_UP_TO", 2)
    for page in (0, 1, LAST_PAGE):
        repo.refresh()
        view = read_page(repo, PageRequest(query, page, 3))
        assert (view.total, view.total_is_estimate) == (count, False)
        assert [hero.id for hero in view.rows] == ids[view.page * 3 : view.page * 3 + 3]
    repo.refresh()
    assert repo.count(query) == count


def test_a_rare_short_needle_is_found_through_the_pairs(
    repo: HeroRepository, store: PostgresStore
) -> None:
    for needle in ("zo", "q", "xy"):
        repo.refresh()
        with statements(store) as seen:
            view = read_page(repo, PageRequest(HeroQuery(search=needle), 0, 10))
        assert view.total == (0 if needle == "xy" else RARE)
        assert pairs_used(seen), needle


def test_the_first_pages_walk_along_the_ids_tests_the_folds_not_the_pairs(
    repo: HeroRepository, store: PostgresStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Walking the ids with the pairs' test, the server took two more processes and 21-25 ms
    # for "xq" on ten million heroes, against 6 ms with the fold's LIKE alone.
    monkeypatch.setattr(paging, "SMALLEST_IDS_AT_ONCE", 0)  # every search walks
    monkeypatch.setattr(paging, "COUNTED_EXACTLY", 5)  # the count keeps no first page
    repo.refresh()
    with statements(store) as seen:
        view = read_page(repo, PageRequest(HeroQuery(search="zo"), 0, 10))

    assert view.total == RARE
    counts = [s for s in seen if "count(*)" in s and "TABLESAMPLE" not in s]
    walks = [statement for statement in seen if "ORDER BY n.id LIMIT" in statement]
    assert counts
    assert all(schema.PAIRS in statement for statement in counts)
    assert walks
    assert not any(schema.PAIRS in statement for statement in walks)


@pytest.mark.parametrize(
    ("needle", "walk_squared", "walked"),
    [("zo", 1, False), ("zo", 0, True), ("zoë", 1, True)],  # sqrt(1 x 307 names): 17 are few
)
def test_a_rare_short_needle_in_name_order_takes_its_smallest_keys_without_a_walk(
    repo: HeroRepository,
    store: PostgresStore,
    monkeypatch: pytest.MonkeyPatch,
    needle: str,
    walk_squared: int,
    walked: bool,
) -> None:
    # The pairs' exact bitmap makes the smallest keys cheap, where a walk tests rare
    # matches one heap row at a time: "xq" on ten million heroes 271 -> 120 ms.
    monkeypatch.setattr(paging, "SMALLEST_AT_ONCE", 0)  # a needle read by its folds walks
    monkeypatch.setattr(paging, "PAIRED_WALK_SQUARED", walk_squared)
    monkeypatch.setattr(paging, "COUNTED_EXACTLY", 5)  # the count keeps no first page
    with statements(store) as seen:
        view = read_page(repo, PageRequest(HeroQuery(search=needle, sort=SortKey.NAME), 0, 10))

    assert view.total == RARE
    assert any("ORDER BY n.sort_key, n.id LIMIT" in s for s in seen) is walked


def test_a_common_short_needle_reads_the_folds(repo: HeroRepository, store: PostgresStore) -> None:
    # "ka": 200 of 307 names; "a": all but the Bobs and Zoës.
    for needle in ("ka", "a"):
        repo.refresh()
        with statements(store) as seen:
            view = read_page(repo, PageRequest(HeroQuery(search=needle), 0, 10))
        assert view.total == COMMON
        assert not pairs_used(seen), needle


def test_a_short_needle_within_an_age_filter_and_a_long_one_read_the_folds(
    repo: HeroRepository, store: PostgresStore
) -> None:
    for query in (
        HeroQuery(search="zo", age_from=0, age_to=3),
        HeroQuery(search="zo", sort=SortKey.AGE),
        HeroQuery(search="zoë"),
    ):
        repo.refresh()
        with statements(store) as seen:
            view = read_page(repo, PageRequest(query, 0, 10))
        assert view.total == (4 if query.age_from is not None else RARE)
        assert not pairs_used(seen), query


def test_structures_without_the_pairs_index_are_read_and_the_owner_adds_it_alone(
    repo: HeroRepository, postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(postgres_database, f"DROP INDEX {schema.PAIRS_INDEX}")  # as an earlier Hero Desktop
    monkeypatch.setattr(opening, "SYNC_BUILD_ROWS", 0)  # too big to finish while opening
    earlier = opening.open_server(address_of(postgres_database))
    try:
        # The names are read meanwhile; the pairs index is left to the background.
        left_to_finish(earlier, monkeypatch)
        assert searched(earlier, "zo") == (RARE, False)

        assert finished_once(earlier, address_of(postgres_database)) == COMMON + RARE + 100

        assert searched(earlier, "zo") == (RARE, True)
    finally:
        earlier.close()


def test_opening_leaves_the_pairs_index_to_the_background_however_small(
    repo: HeroRepository, postgres_database: str
) -> None:
    # Adding it waits for every older transaction on the server: never while opening.
    run(postgres_database, f"DROP INDEX {schema.PAIRS_INDEX}")
    earlier = opening.open_server(address_of(postgres_database))
    try:
        assert earlier.names.unfinished
        assert earlier.needs_name_index_build()
    finally:
        earlier.close()


def test_a_teammate_who_owns_hero_but_not_the_names_reads_them_and_adds_nothing(
    repo: HeroRepository, postgres_server: PostgresServer, postgres_database: str
) -> None:
    # hero owned by a group; the structures by whoever built them (here the test's role).
    dbname = address_of(postgres_database).dbname
    run(postgres_database, f"DROP INDEX {schema.PAIRS_INDEX}")
    run(postgres_database, "DROP FUNCTION hero_desktop_pairs(text)")  # as before stop 30
    postgres_server.create_role("crew", login=False)
    postgres_server.create_role("mate")
    try:
        run(postgres_database, "GRANT crew TO mate")
        run(postgres_database, "ALTER TABLE hero OWNER TO crew")
        run(postgres_database, "GRANT USAGE, CREATE ON SCHEMA public TO crew")
        run(
            postgres_database,
            "GRANT SELECT, INSERT, UPDATE, DELETE ON hero_desktop_name, hero_desktop_pending, "
            "hero_desktop_meta TO crew",
        )
        mate = opening.open_server(address_of(postgres_server.url(dbname, "mate")))
        try:
            assert mate.names_ready()
            assert not mate.names.unfinished
            assert not mate.needs_name_index_build()
            assert searched(mate, "zo") == (RARE, False)
            assert build_name_index(address_of(postgres_server.url(dbname, "mate"))) == 0
        finally:
            mate.close()
        assert run(postgres_database, "SELECT to_regprocedure('hero_desktop_pairs(text)')") == [
            (None,)
        ]
    finally:
        run(postgres_database, "ALTER TABLE hero OWNER TO CURRENT_USER")
        run(postgres_database, "REVOKE ALL ON SCHEMA public FROM crew")
        run(
            postgres_database,
            "REVOKE ALL ON hero_desktop_name, hero_desktop_pending, hero_desktop_meta FROM crew",
        )
        postgres_server.drop_role("mate")
        postgres_server.drop_role("crew")


def test_one_session_adds_the_pairs_index_at_a_time(
    repo: HeroRepository, postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(postgres_database, f"DROP INDEX {schema.PAIRS_INDEX}")

    def no_rebuild(*args: object) -> int:
        raise AssertionError("every name keyed again")

    monkeypatch.setattr(schema, "build", no_rebuild)
    with psycopg.connect(postgres_database, autocommit=True) as adding:
        adding.execute("SELECT pg_advisory_lock(%s)", (schema.PAIRS_LOCK,))  # another adds it

        second = opening.open_server(address_of(postgres_database))
        try:
            assert not second.names.unfinished  # not its to add, and read meanwhile
            assert not second.needs_name_index_build()
            assert second.names_ready()
        finally:
            second.close()
        assert build_name_index(address_of(postgres_database)) == 0

    assert run(postgres_database, "SELECT to_regclass(%s)", (schema.PAIRS_INDEX,)) == [(None,)]
    assert build_name_index(address_of(postgres_database)) == COMMON + RARE + 100


def test_a_short_search_asks_the_pairs_index_the_server_has(
    repo: HeroRepository, postgres_database: str
) -> None:
    # The index's expression and the searches' must be the same, COLLATE and all.
    with psycopg.connect(postgres_database, autocommit=True) as connection:
        connection.execute("SET enable_seqscan = off")
        # Nor a read of the whole name order's index, which holds every fold too.
        connection.execute("SET enable_indexonlyscan = off")
        plan = connection.execute(
            f"EXPLAIN SELECT count(*) FROM hero_desktop_name n WHERE {schema.PAIRS} @> ARRAY['zo']"
        ).fetchall()
    assert any(schema.PAIRS_INDEX in str(line[0]) for line in plan)


def test_adding_the_pairs_index_cancelled_leaves_none(
    repo: HeroRepository, postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(postgres_database, f"DROP INDEX {schema.PAIRS_INDEX}")
    cancelled_as_each_index_ends(monkeypatch, address_of(postgres_database))

    assert run(postgres_database, "SELECT to_regclass(%s)", (schema.PAIRS_INDEX,)) == [(None,)]


def searched(store: PostgresStore, needle: str) -> tuple[int, bool]:
    """The count of a search's first page, and whether the pairs index was asked."""
    repo = HeroRepository(store)
    with statements(store) as seen:
        view = read_page(repo, PageRequest(HeroQuery(search=needle), 0, 10))
    return view.total, pairs_used(seen)


def test_dropping_the_structures_drops_the_pairs_function(
    store: PostgresStore, postgres_database: str
) -> None:
    with psycopg.connect(postgres_database) as connection:
        connection.execute(schema.DROP_SQL)
        found = connection.execute("SELECT to_regproc('hero_desktop_pairs')").fetchone()
    assert found == (None,)


def test_a_cancel_is_heard_while_the_server_sorts_an_index(
    postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Sorting the indexes is most of a build (14 s of 18 on a million heroes); a Cancel
    # then cancels the statement. A pg_sleep stands for the sort: cancelled, it leaves the
    # transaction failed; let run, it would end in 3 s with the transaction fine.
    monkeypatch.setattr(schema, "HEARD_EVERY_S", 0.01)
    asked: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        asked.append((done, total))
        return len(asked) < 3

    with psycopg.connect(postgres_database) as connection:
        with pytest.raises(schema.BuildCancelledError):
            schema._heard(connection, "SELECT pg_sleep(3)", progress, 12)
        assert connection.info.transaction_status is TransactionStatus.INERROR
    assert asked == [(12, 12)] * 3
