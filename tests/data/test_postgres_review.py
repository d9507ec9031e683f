"""The PostgreSQL store: failures found in review, each once real, each tested once.

A failed statement inside a transaction, an export while another client
writes, a role's own search path, a teammate without rights on the keys or
without TEMP, another session's lock during a build, a database without the
notify trigger. Like test_postgres_store.py, every test runs against a real,
throwaway server.
"""

from __future__ import annotations

import time

import psycopg
import pytest
from postgres_server import PostgresServer

from hero_desktop.data import maintenance
from hero_desktop.data.errors import DatabaseBusyError, DatabaseError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.postgres import opening
from hero_desktop.data.postgres.opening import open_server
from hero_desktop.data.postgres.store import PostgresStore
from hero_desktop.data.query import HeroQuery, SortKey

from .postgres_support import TUTORIAL_TABLE, add, address_of, run, tables


def test_an_error_inside_a_transaction_never_leaves_the_connection_stuck(
    store: PostgresStore,
) -> None:
    repo = HeroRepository(store)
    hero = add(repo, "Deadpond")

    def fails_inside_a_transaction() -> None:
        store.connection.execute("BEGIN")
        store.connection.execute("SELECT 1 / 0")

    with pytest.raises(DatabaseError):
        store.call(fails_inside_a_transaction)
    assert repo.get(hero.id) == hero
    assert add(repo, "Rusty-Man").name == "Rusty-Man"


def test_an_export_snapshot_stays_one_state_while_another_client_writes(
    store: PostgresStore, postgres_database: str
) -> None:
    repo = HeroRepository(store)
    for name in ("Deadpond", "Rusty-Man", "Spider-Boy"):
        add(repo, name)
    run(postgres_database, "INSERT INTO hero (name, secret_name) VALUES ('Zoë', 'z')")  # logged
    with store.snapshot(HeroQuery(sort=SortKey.NAME)) as pager:
        total = pager.count()
        run(postgres_database, "INSERT INTO hero (name, secret_name) VALUES ('Adam', 'a')")
        rows = pager.rows(0, 100)
    assert total == 4
    assert [hero.name for hero in rows] == ["Deadpond", "Rusty-Man", "Spider-Boy", "Zoë"]


def test_the_structures_live_beside_hero_whatever_the_roles_search_path(
    postgres_server: PostgresServer, postgres_database: str
) -> None:
    run(postgres_database, TUTORIAL_TABLE)
    postgres_server.create_role("alice")
    run(postgres_database, "ALTER TABLE hero OWNER TO alice")
    run(postgres_database, "GRANT CREATE ON SCHEMA public TO alice")
    run(postgres_database, "CREATE SCHEMA alice AUTHORIZATION alice")  # first in "$user", public
    dbname = address_of(postgres_database).dbname
    try:
        alice = open_server(address_of(postgres_server.url(dbname, "alice")), allow_changes=True)
        try:
            assert alice.names_ready()
            assert {"hero_desktop_name", "hero_desktop_pending"} <= tables(postgres_database)
            run(postgres_database, "INSERT INTO hero (name, secret_name) VALUES ('Zoë', 'z')")
            repo = HeroRepository(alice)
            assert repo.poll_changes()
            gone = repo.delete(1)
            assert repo.restore(gone) == gone  # the id sequence found beside hero
            assert [h.name for h in repo.page(HeroQuery(search="zoe"))] == ["Zoë"]
        finally:
            alice.close()
        run(postgres_database, "DROP SCHEMA alice CASCADE")
    finally:
        postgres_server.drop_role("alice")


def test_a_teammate_granted_hero_but_not_the_keys_opens_and_scans(
    store: PostgresStore, postgres_server: PostgresServer, postgres_database: str
) -> None:
    add(HeroRepository(store), "Zoë")
    dbname = address_of(postgres_database).dbname
    postgres_server.create_role("late")
    run(postgres_database, "GRANT USAGE ON SCHEMA public TO late")
    run(postgres_database, "GRANT SELECT, INSERT, UPDATE, DELETE ON hero TO late")
    run(postgres_database, "GRANT USAGE ON SEQUENCE hero_id_seq TO late")
    try:
        late = open_server(address_of(postgres_server.url(dbname, "late")))
        try:
            assert not late.read_only
            assert not late.names_ready()  # may not read the keys: scans
            repo = HeroRepository(late)
            assert [h.name for h in repo.page(HeroQuery(search="ZOE"))] == ["Zoë"]
            assert add(repo, "Adam").name == "Adam"
            assert late.changes.listening  # told of changes all the same
        finally:
            late.close()
    finally:
        postgres_server.drop_role("late")


def test_a_writer_without_the_temp_privilege_keys_names(
    postgres_server: PostgresServer, postgres_database: str
) -> None:
    dbname = address_of(postgres_database).dbname
    run(postgres_database, TUTORIAL_TABLE)
    postgres_server.create_role("writer")
    run(postgres_database, "GRANT USAGE ON SCHEMA public TO writer")
    run(postgres_database, "GRANT SELECT, INSERT, UPDATE, DELETE ON hero TO writer")
    run(postgres_database, "GRANT USAGE ON SEQUENCE hero_id_seq TO writer")
    run(postgres_database, f'REVOKE TEMPORARY ON DATABASE "{dbname}" FROM PUBLIC')
    open_server(address_of(postgres_database), allow_changes=True).close()  # shares the grants
    try:
        writer = open_server(address_of(postgres_server.url(dbname, "writer")))
        try:
            run(postgres_database, "INSERT INTO hero (name, secret_name) VALUES ('Zoë', 'z')")
            repo = HeroRepository(writer)
            add(repo, "Adam")  # keys the logged Zoë too, in the same transaction
            assert writer.names_ready()
            assert [h.name for h in repo.page(HeroQuery(search="zoe"))] == ["Zoë"]
        finally:
            writer.close()
    finally:
        postgres_server.drop_role("writer")


def test_a_build_never_waits_forever_for_another_sessions_lock(
    store: PostgresStore, postgres_database: str
) -> None:
    with psycopg.connect(postgres_database) as holder:  # a transaction left open
        holder.execute("SELECT * FROM hero").fetchall()
        started = time.monotonic()
        with pytest.raises(DatabaseBusyError):
            maintenance.build_name_index(store.address)
        assert time.monotonic() - started < 10


def test_without_the_notify_trigger_the_window_polls_until_it_is_rebuilt(
    store: PostgresStore, postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(HeroRepository(store), "Deadpond")
    monkeypatch.setattr(opening, "SYNC_BUILD_ROWS", 0)  # too big to rebuild while opening
    run(postgres_database, "DROP TRIGGER hero_desktop_changed ON hero")
    stale = open_server(store.address)
    try:
        assert not stale.changes.listening
        assert stale.poll_interval_ms() == 1000
        assert stale.needs_name_index_build()  # the window rebuilds it in the background
        maintenance.build_name_index(stale.address)
        stale.recheck_name_index()
        assert stale.changes.listening
        assert stale.poll_interval_ms() is None
    finally:
        stale.close()
