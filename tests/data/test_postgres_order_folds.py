"""The name order's index on PostgreSQL holds each fold, so a walk along it reads it alone.

A search in name order walks the order's index and tests each name's fold. With
``(sort_key, id)`` alone that read each name's row (2-4 us a name: matches far
along the order, "captain" on ten million heroes, cost more to walk to than to
take their smallest keys); holding the folds too (``schema.ORDER_INDEX``), the
server reads the index alone on the pages its vacuum saw all visible (about
0.2 us a name). The pager weighs the walk by which it is. Structures an earlier
Hero Desktop built have the plain index: they are read as they are, and the
role that owns them replaces it in the background, as it adds the pairs index.
"""

from __future__ import annotations

import threading
from typing import Any

import psycopg
import pytest
from recording import recorded_calls

from hero_desktop.data import names
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.postgres import opening, paging, schema
from hero_desktop.data.postgres.maintenance import build_name_index
from hero_desktop.data.postgres.store import PostgresStore
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.store import NewHero
from hero_desktop.data.views import PageRequest, read_page

from .postgres_support import (
    TUTORIAL_TABLE,
    address_of,
    cancelled_as_each_index_ends,
    finished_once,
    left_to_finish,
    run,
    sample_every_page,
)

FIRST, LATE = 3_000, 60
NAME = schema.NAME_TABLE
HEROES = FIRST + LATE


@pytest.fixture
def repo(store: PostgresStore) -> HeroRepository:
    heroes: list[NewHero] = [(f"Aaron {n}", n % 90, "s") for n in range(FIRST)]
    heroes += [(f"Zorro {n}", n, "s") for n in range(LATE)]
    store.bulk_insert([heroes], expected_rows=len(heroes))
    return HeroRepository(store)


def order_indexes(url: str) -> dict[str, tuple[int, int]]:
    """The name table's indexes of the sort keys: name -> (columns, of them sorted by)."""
    found = run(
        url,
        "SELECT c.relname, i.indnatts, i.indnkeyatts FROM pg_index i "
        "JOIN pg_class c ON c.oid = i.indexrelid "
        "WHERE i.indrelid = 'hero_desktop_name'::regclass AND i.indisvalid "
        "AND c.relname IN (%s, %s)",
        (schema.ORDER_INDEX, schema.PLAIN_ORDER_INDEX),
    )
    return {str(name): (int(str(every)), int(str(keys))) for name, every, keys in found}


def as_an_earlier_hero_desktop_built_it(url: str) -> None:
    run(url, f"DROP INDEX {schema.ORDER_INDEX}")
    run(url, f"CREATE INDEX {schema.PLAIN_ORDER_INDEX} ON hero_desktop_name (sort_key, id)")


def vacuum(url: str, analyze: bool = False) -> None:
    """The server's vacuum of the name table, which marks its pages all visible. The tests'
    server commits without waiting for the disk, and a vacuum marks a row visible only once
    its commit is on disk: the checkpoint writes it."""
    run(url, "CHECKPOINT")
    run(url, "VACUUM ANALYZE hero_desktop_name" if analyze else "VACUUM hero_desktop_name")


def test_new_structures_hold_the_folds_in_the_name_orders_index(
    repo: HeroRepository, postgres_database: str
) -> None:
    assert order_indexes(postgres_database) == {schema.ORDER_INDEX: (3, 2)}
    included = run(
        postgres_database,
        "SELECT pg_get_indexdef(to_regclass(%s))",
        (schema.ORDER_INDEX,),
    )
    assert "(sort_key, id) INCLUDE (fold)" in str(included[0][0])


def test_a_walk_along_the_order_reads_the_index_alone_once_vacuumed(
    repo: HeroRepository, postgres_database: str
) -> None:
    vacuum(postgres_database)
    walk = (
        "EXPLAIN (ANALYZE, COSTS OFF) SELECT n.sort_key, n.id FROM hero_desktop_name n "
        "WHERE n.fold LIKE '%zorro%' ORDER BY n.sort_key, n.id LIMIT 100"
    )
    with psycopg.connect(postgres_database) as connection:
        connection.execute("SET enable_seqscan = off")
        connection.execute("SET enable_bitmapscan = off")
        plan = "\n".join(str(line[0]) for line in connection.execute(walk))
    assert f"Index Only Scan using {schema.ORDER_INDEX}" in plan
    assert "Heap Fetches: 0" in plan


@pytest.fixture
def weighed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every page sampled; a walk reading rows costs more than the smallest keys of the 60
    Zorros, one reading the index alone less. Returns whether each first page walked."""
    sample_every_page(monkeypatch)
    for name, value in [
        ("SMALLEST_AT_ONCE", 0),
        ("COUNTED_EXACTLY", 10),
        ("WALK_S_PER_NAME", 1.0),
        ("WALK_S_PER_INDEXED_NAME", 1e-9),
        ("SMALLEST_S_PER_MATCH", 1e-6),
    ]:
        monkeypatch.setattr(paging, name, value)
    return recorded_calls(
        monkeypatch,
        paging.KeysetPager,
        "_settings",
        lambda **values: ["walked" if "statement_timeout" in values else "smallest keys"],
    )


def zorros(repo: HeroRepository) -> list[str]:
    repo.refresh()
    query = HeroQuery(search="zorro", sort=SortKey.NAME)
    return [hero.name for hero in read_page(repo, PageRequest(query, 0, 100)).rows]


EXPECTED = sorted((f"Zorro {n}" for n in range(LATE)), key=names.sort_key)


@pytest.mark.parametrize(
    ("earlier", "vacuumed", "walked"),
    [(False, True, "walked"), (False, False, "smallest keys"), (True, True, "smallest keys")],
    ids=["the folds, vacuumed", "the folds, never vacuumed", "the plain index, vacuumed"],
)
def test_a_walk_is_weighed_by_what_it_reads_a_name(
    repo: HeroRepository,
    postgres_database: str,
    weighed: list[str],
    earlier: bool,
    vacuumed: bool,
    walked: str,
) -> None:
    if earlier:
        as_an_earlier_hero_desktop_built_it(postgres_database)
    if vacuumed:
        vacuum(postgres_database, analyze=True)
    else:
        run(postgres_database, "ANALYZE hero_desktop_name")

    assert zorros(repo) == EXPECTED
    assert weighed == [walked]


def test_structures_an_earlier_hero_desktop_built_are_read_and_the_owner_replaces_the_index(
    repo: HeroRepository, postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_an_earlier_hero_desktop_built_it(postgres_database)
    earlier = opening.open_server(address_of(postgres_database))
    try:
        left_to_finish(earlier, monkeypatch)
        assert zorros(HeroRepository(earlier)) == EXPECTED

        assert finished_once(earlier, address_of(postgres_database)) == HEROES

        assert order_indexes(postgres_database) == {schema.ORDER_INDEX: (3, 2)}
        assert zorros(HeroRepository(earlier)) == EXPECTED
    finally:
        earlier.close()


def test_both_parts_an_earlier_hero_desktop_lacked_are_added_in_one_go(
    repo: HeroRepository, postgres_database: str
) -> None:
    as_an_earlier_hero_desktop_built_it(postgres_database)
    run(postgres_database, f"DROP INDEX {schema.PAIRS_INDEX}")

    assert build_name_index(address_of(postgres_database), finish_only=True) == HEROES

    assert order_indexes(postgres_database) == {schema.ORDER_INDEX: (3, 2)}
    with psycopg.connect(postgres_database) as connection:
        assert schema.parts(connection) == schema.Parts(True, True, True)


def test_an_index_another_session_made_is_kept_and_the_plain_one_dropped(
    repo: HeroRepository, postgres_database: str
) -> None:
    # A session that made the new index and ended before dropping the old one.
    run(
        postgres_database,
        f"CREATE INDEX {schema.PLAIN_ORDER_INDEX} ON hero_desktop_name (sort_key, id)",
    )
    made = run(postgres_database, "SELECT to_regclass(%s)::oid", (schema.ORDER_INDEX,))
    with psycopg.connect(postgres_database) as connection:
        assert schema.parts(connection) == schema.Parts(True, False, True)

    assert build_name_index(address_of(postgres_database), finish_only=True) == HEROES

    assert order_indexes(postgres_database) == {schema.ORDER_INDEX: (3, 2)}
    assert run(postgres_database, "SELECT to_regclass(%s)::oid", (schema.ORDER_INDEX,)) == made


def test_an_index_a_session_left_invalid_is_made_again(
    repo: HeroRepository, postgres_database: str
) -> None:
    # As a CREATE INDEX CONCURRENTLY that stopped (cancelled, the connection lost) leaves it.
    as_an_earlier_hero_desktop_built_it(postgres_database)
    run(postgres_database, f"CREATE INDEX {schema.ORDER_INDEX} ON hero_desktop_name (id)")
    run(
        postgres_database,
        "UPDATE pg_index SET indisvalid = false WHERE indexrelid = to_regclass(%s)",
        (schema.ORDER_INDEX,),
    )

    assert build_name_index(address_of(postgres_database), finish_only=True) == HEROES

    assert order_indexes(postgres_database) == {schema.ORDER_INDEX: (3, 2)}


def test_an_index_a_rebuild_made_meanwhile_is_kept(
    repo: HeroRepository, postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild takes no lock: it may make the new index while a replacement runs, whose
    CREATE then finds it there."""
    as_an_earlier_hero_desktop_built_it(postgres_database)
    heard = schema._heard

    def another_made_it_first(connection: Any, statement: str, *args: Any) -> None:
        if statement.startswith("CREATE INDEX CONCURRENTLY"):
            run(postgres_database, statement.replace(" CONCURRENTLY", ""))
        heard(connection, statement, *args)

    monkeypatch.setattr(schema, "_heard", another_made_it_first)

    assert build_name_index(address_of(postgres_database), finish_only=True) == HEROES

    assert order_indexes(postgres_database) == {schema.ORDER_INDEX: (3, 2)}


def test_one_session_replaces_the_index_at_a_time(
    repo: HeroRepository, postgres_database: str
) -> None:
    as_an_earlier_hero_desktop_built_it(postgres_database)
    with psycopg.connect(postgres_database, autocommit=True) as adding:
        adding.execute("SELECT pg_advisory_lock(%s)", (schema.PAIRS_LOCK,))  # another adds it

        second = opening.open_server(address_of(postgres_database))
        try:
            assert not second.names.unfinished  # not its to add, and read meanwhile
            assert second.names_ready()
        finally:
            second.close()
        assert build_name_index(address_of(postgres_database)) == 0
        assert order_indexes(postgres_database) == {schema.PLAIN_ORDER_INDEX: (2, 2)}

    assert build_name_index(address_of(postgres_database)) == HEROES
    assert order_indexes(postgres_database) == {schema.ORDER_INDEX: (3, 2)}


def test_replacing_the_index_cancelled_leaves_the_plain_one(
    repo: HeroRepository, postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_an_earlier_hero_desktop_built_it(postgres_database)

    said = cancelled_as_each_index_ends(monkeypatch, address_of(postgres_database))

    assert order_indexes(postgres_database) == {schema.PLAIN_ORDER_INDEX: (2, 2)}
    assert run(postgres_database, "SELECT to_regclass(%s)", (schema.ORDER_INDEX,)) == [(None,)]
    assert said.startswith("Cancelled: the name index works as it is")


def test_a_part_added_before_a_cancel_stays(
    repo: HeroRepository, postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_an_earlier_hero_desktop_built_it(postgres_database)
    run(postgres_database, f"DROP INDEX {schema.PAIRS_INDEX}")
    address = address_of(postgres_database)

    said = cancelled_as_each_index_ends(monkeypatch, address, schema.ORDER_INDEX)

    # The pairs index whole; the name order's as it was. What the window says is true.
    with psycopg.connect(postgres_database) as connection:
        assert schema.parts(connection) == schema.Parts(True, False, True)
    assert order_indexes(postgres_database) == {schema.PLAIN_ORDER_INDEX: (2, 2)}
    assert said.startswith("Cancelled: the name index works as it is")


def test_a_server_too_old_to_hold_the_folds_gets_the_plain_index_and_nothing_to_add(
    postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema, "INCLUDE_FROM", 10**9)  # as PostgreSQL 10 answers
    store = opening.open_server(address_of(postgres_database))
    try:
        store.bulk_insert([[("Zorro 1", 1, "s")]], expected_rows=1)
        assert order_indexes(postgres_database) == {schema.PLAIN_ORDER_INDEX: (2, 2)}
        assert not store.names.unfinished
        assert not store.needs_name_index_build()
        with psycopg.connect(postgres_database, autocommit=True) as connection:
            assert schema.add_order_folds(connection) == 0
        assert order_indexes(postgres_database) == {schema.PLAIN_ORDER_INDEX: (2, 2)}
    finally:
        store.close()


def visible_pages(url: str) -> tuple[int, int]:
    """(pages the server last saw all visible, pages) of the name table."""
    found = run(
        url,
        "SELECT relallvisible, relpages FROM pg_class WHERE relname = %s",
        ("hero_desktop_name",),
    )
    return int(str(found[0][0])), int(str(found[0][1]))


def test_a_build_leaves_the_name_table_vacuumed(postgres_database: str) -> None:
    """So that walks read the index alone at once (the tests' server runs no autovacuum)."""
    run(postgres_database, TUTORIAL_TABLE)
    run(
        postgres_database,
        "INSERT INTO hero (name, secret_name) "
        "SELECT 'Hero ' || n, 's' FROM generate_series(1, 3000) AS n",
    )

    assert build_name_index(address_of(postgres_database)) == 3003

    visible, pages = visible_pages(postgres_database)
    assert pages > 1
    assert visible == pages


def test_replacing_the_index_leaves_the_name_table_vacuumed(
    repo: HeroRepository, postgres_database: str
) -> None:
    as_an_earlier_hero_desktop_built_it(postgres_database)
    assert visible_pages(postgres_database)[0] == 0
    run(postgres_database, "CHECKPOINT")  # (the rows' commit on disk: see ``vacuum``)

    assert build_name_index(address_of(postgres_database), finish_only=True) == HEROES

    visible, pages = visible_pages(postgres_database)
    assert pages > 1
    assert visible == pages


def test_the_vacuum_after_a_build_never_waits_long_for_another_session(
    repo: HeroRepository, postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another session holds the name table (a rebuild, a LOCK TABLE) for as long as it
    likes: the vacuum gives up after its wait, and the session's own lock timeout is back
    (``add_order_folds`` runs with none)."""
    monkeypatch.setattr(schema, "VACUUM_LOCK_WAIT_MS", 100)
    with (
        psycopg.connect(postgres_database) as holder,
        psycopg.connect(postgres_database, autocommit=True) as connection,
    ):
        holder.execute("LOCK TABLE hero_desktop_name IN SHARE UPDATE EXCLUSIVE MODE")
        connection.execute("SET lock_timeout = 0")
        vacuuming = threading.Thread(target=schema.vacuum_names, args=(connection,), daemon=True)
        vacuuming.start()
        vacuuming.join(30)
        held_long = vacuuming.is_alive()
        holder.rollback()
        vacuuming.join(30)
        assert not held_long
        assert connection.execute("SHOW lock_timeout").fetchone() == ("0",)
    assert visible_pages(postgres_database)[0] == 0  # left to autovacuum
