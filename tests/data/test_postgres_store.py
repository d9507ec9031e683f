"""The PostgreSQL store beyond the shared contract: the server's own ways and faults.

Every test runs against a real, throwaway server (``postgres_database``):
hostile text only ever travels as a bound parameter, a role that may only
read gets a read-only store, a database the tutorial's app made is left as
it is until the user agrees, and a dropped connection is mended by itself.
Failures found in review are in test_postgres_review.py; the ``store``
fixture is conftest.py's, the helpers are in postgres_support.py.
"""

from __future__ import annotations

import pytest
from postgres_server import PostgresServer

from hero_desktop.data import maintenance
from hero_desktop.data.errors import (
    ConflictError,
    DatabaseError,
    HeroNotFoundError,
    InvalidHeroError,
    PasswordNeededError,
    ReadOnlyDatabaseError,
    SchemaError,
    ServerUnreachableError,
)
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.location import ServerAddress
from hero_desktop.data.models import validate_update
from hero_desktop.data.name_index_state import NameIndexOffer
from hero_desktop.data.postgres import schema
from hero_desktop.data.postgres.opening import open_server
from hero_desktop.data.postgres.store import PostgresStore
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.store import LiveUpdates, NewHero, ReadOnlyReason

from .postgres_support import (
    HOSTILE,
    TUTORIAL_TABLE,
    add,
    address_of,
    run,
    tables,
)


def test_a_new_database_gets_the_tutorial_table_and_hero_desktops_structures(
    store: PostgresStore, postgres_database: str
) -> None:
    columns = run(
        postgres_database,
        "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
        "WHERE table_name = 'hero' ORDER BY ordinal_position",
    )
    assert columns == [
        ("id", "integer", "NO"),
        ("name", "character varying", "NO"),
        ("age", "integer", "YES"),
        ("secret_name", "character varying", "NO"),
    ]
    assert {"hero", "hero_desktop_name", "hero_desktop_pending", "hero_desktop_meta"} <= tables(
        postgres_database
    )
    assert store.notification_socket() is not None  # live by LISTEN/NOTIFY
    assert store.poll_interval_ms() is None  # so nothing polls
    assert store.live_updates() is LiveUpdates.AT_ONCE
    assert store.read_only_reason is None


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_are_stored_found_and_sorted_as_plain_text(
    store: PostgresStore, postgres_database: str, name: str
) -> None:
    repo = HeroRepository(store)
    hero = add(repo, name, 30)
    add(repo, "Zed")
    assert repo.get(hero.id) == hero
    assert repo.page(HeroQuery(search=name)) == [hero]
    assert repo.page(HeroQuery(sort=SortKey.NAME))[0] == hero
    repo.update(hero.id, validate_update({"secret_name": name}))
    assert repo.get(hero.id).secret_name == name
    assert "hero" in tables(postgres_database)
    assert run(postgres_database, "SELECT count(*) FROM hero") == [(2,)]


def test_a_nul_character_is_refused_by_validation_and_nothing_is_written(
    store: PostgresStore, postgres_database: str
) -> None:
    repo = HeroRepository(store)
    with pytest.raises(InvalidHeroError, match="control characters"):
        add(repo, "Dead\x00pond")
    assert run(postgres_database, "SELECT count(*) FROM hero") == [(0,)]


def test_search_wildcards_are_only_characters(store: PostgresStore) -> None:
    repo = HeroRepository(store)
    percent = add(repo, "100% Hero")
    add(repo, "1000 Heroes")
    underscore = add(repo, "Snake_Eyes")
    add(repo, "SnakeXEyes")
    assert repo.page(HeroQuery(search="0%")) == [percent]
    assert repo.page(HeroQuery(search="e_e")) == [underscore]


def test_a_database_the_tutorial_made_is_left_alone_until_the_user_agrees(
    postgres_database: str,
) -> None:
    run(postgres_database, TUTORIAL_TABLE)
    before = tables(postgres_database)
    store = open_server(address_of(postgres_database))
    try:
        assert tables(postgres_database) == before == {"hero"}
        assert store.name_index_offer() is NameIndexOffer.SERVER
        assert not store.changes.listening
        assert store.poll_interval_ms() == 1000
        assert store.live_updates() is LiveUpdates.POLLING
        repo = HeroRepository(store)
        # Every feature works meanwhile, by scanning: "rusty" finds Rusty-Man.
        assert [h.name for h in repo.page(HeroQuery(search="RUSTY"))] == ["Rusty-Man"]
        assert [h.name for h in repo.page(HeroQuery(sort=SortKey.NAME))] == [
            "Deadpond",
            "Rusty-Man",
            "Spider-Boy",
        ]
        assert maintenance.build_name_index(store.address) == 3  # the user said Add Index
        store.recheck_name_index()
        assert store.names_ready()
        assert store.notification_socket() is not None
        assert store.name_index_offer() is None
    finally:
        store.close()


def test_another_clients_commit_is_seen_once_and_keyed_for_search(
    store: PostgresStore, postgres_database: str
) -> None:
    repo = HeroRepository(store)
    assert not repo.poll_changes()
    run(postgres_database, "INSERT INTO hero (name, secret_name) VALUES ('Zoë', 'z')")
    assert repo.poll_changes()
    assert not repo.poll_changes()
    assert store.names_ready()
    assert [h.name for h in repo.page(HeroQuery(search="zoe"))] == ["Zoë"]


def test_the_servers_query_compiler_is_off_for_hero_desktops_short_reads(
    store: PostgresStore,
) -> None:
    """PostgreSQL compiles a query it guesses costly (JIT, on by default since 12):
    25-30 ms of a search's first page on ten million heroes, for nothing."""
    assert store.connection.execute("SHOW jit").fetchone() == ("off",)


def test_a_role_that_may_only_read_gets_a_read_only_store(
    store: PostgresStore, postgres_server: PostgresServer, postgres_database: str
) -> None:
    add(HeroRepository(store), "Deadpond")
    dbname = address_of(postgres_database).dbname
    postgres_server.create_role("reader")
    run(postgres_database, f'GRANT CONNECT ON DATABASE "{dbname}" TO reader')
    run(postgres_database, "GRANT USAGE ON SCHEMA public TO reader")
    run(postgres_database, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader")
    reader = open_server(address_of(postgres_server.url(dbname, "reader")))
    try:
        assert reader.read_only
        assert reader.read_only_reason is ReadOnlyReason.ROLE
        assert reader.connection.execute("SHOW jit").fetchone() == ("off",)
        repo = HeroRepository(reader)
        assert [h.name for h in repo.page()] == ["Deadpond"]
        with pytest.raises(ReadOnlyDatabaseError):
            add(repo, "Nope")
        with pytest.raises(ReadOnlyDatabaseError):  # found out on its own connection
            maintenance.build_name_index(reader.address)
    finally:
        reader.close()
        postgres_server.drop_role("reader")


def test_a_role_that_may_not_create_the_table_is_told_so(
    postgres_server: PostgresServer, postgres_database: str
) -> None:
    dbname = address_of(postgres_database).dbname
    postgres_server.create_role("visitor")
    run(postgres_database, "REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    try:
        with pytest.raises(SchemaError, match="may not create one"):
            open_server(address_of(postgres_server.url(dbname, "visitor")))
    finally:
        postgres_server.drop_role("visitor")


def test_faults_at_connect_are_one_clear_sentence_each(
    postgres_server: PostgresServer, postgres_database: str
) -> None:
    dbname = address_of(postgres_database).dbname
    postgres_server.create_role("keeper", password="right horse")
    try:
        with pytest.raises(PasswordNeededError, match="refused the password for keeper"):
            open_server(address_of(postgres_server.url(dbname, "keeper", tcp=True, password="x")))
        with pytest.raises(PasswordNeededError, match="asks for a password for keeper"):
            open_server(address_of(postgres_server.url(dbname, "keeper", tcp=True)))
    finally:
        postgres_server.drop_role("keeper")
    with pytest.raises(Exception, match="has no database named no_such_db"):
        open_server(address_of(postgres_server.url("no_such_db")))
    tls = address_of(postgres_server.url(dbname, tcp=True) + "?sslmode=require")
    with pytest.raises(DatabaseError, match="does not offer TLS") as refused:
        open_server(tls)
    assert "password" not in str(refused.value).lower()
    with pytest.raises(ServerUnreachableError, match="Could not reach"):
        open_server(ServerAddress(host="127.0.0.1", port=1, dbname="heroes", user="postgres"))


def test_a_dropped_connection_is_replaced_and_the_work_goes_on(
    store: PostgresStore, postgres_database: str
) -> None:
    repo = HeroRepository(store)
    hero = add(repo, "Deadpond")
    run(postgres_database, "SELECT pg_terminate_backend(%s)", (store.connection.info.backend_pid,))
    assert repo.get(hero.id) == hero  # read again on a new connection
    run(postgres_database, "SELECT pg_terminate_backend(%s)", (store.connection.info.backend_pid,))
    rusty = add(repo, "Rusty-Man")  # BEGIN on the new connection: written once
    assert run(postgres_database, "SELECT name FROM hero ORDER BY id") == [
        ("Deadpond",),
        ("Rusty-Man",),
    ]
    assert store.connection_problem() is None
    assert repo.poll_changes()  # after a reconnect the window refreshes everything
    assert repo.get(rusty.id) == rusty


def test_two_people_never_overwrite_each_other_silently(
    store: PostgresStore, postgres_database: str
) -> None:
    mine, theirs = HeroRepository(store), HeroRepository(open_server(store.address))
    hero = add(mine, "Deadpond", 30)
    theirs.update(hero.id, validate_update({"age": 31}), expected={"age": 30})
    with pytest.raises(ConflictError) as conflict:
        mine.update(hero.id, validate_update({"age": 40}), expected={"age": 30})
    assert conflict.value.current.age == 31
    theirs.delete(hero.id)
    with pytest.raises(HeroNotFoundError, match=r"^Hero not found$"):
        mine.delete(hero.id)
    theirs.store.close()


def test_a_big_import_is_in_at_once_and_its_names_are_keyed_after_in_batches(
    store: PostgresStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema, "BACKLOG_ROWS", 5)
    monkeypatch.setattr(schema, "BATCH", 4)
    repo = HeroRepository(store)
    for round_ in range(3):  # small imports: keyed in their own transaction
        store.bulk_insert([[(f"Adam {round_}{n}", n, "s") for n in range(5)]], 5)
    assert not store.names.backlog
    heroes: list[NewHero] = [(f"Zoë {number}", number, "s") for number in range(12)]
    result = store.bulk_insert([heroes], len(heroes))
    assert result.imported == 12

    # In at once; the names wait in the log, and search scans with the same rules meanwhile.
    assert store.names.backlog
    assert store.needs_name_index_build()
    assert not store.names_ready()
    assert repo.count(HeroQuery(search="ZOE 1")) == 3  # Zoë 1, 10, 11
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    assert maintenance.build_name_index(store.address, progress) == 12
    assert seen == [(4, 12), (8, 12), (12, 12)]  # batches of four, each committed
    store.recheck_name_index()
    assert not store.names.backlog
    assert store.names_ready()
    repo.refresh()
    assert repo.count(HeroQuery(search="ZOE 1")) == 3
    assert [h.name for h in repo.page(HeroQuery(sort=SortKey.NAME), offset=15, limit=3)] == [
        "Zoë 0",
        "Zoë 1",
        "Zoë 10",
    ]


def test_a_big_import_into_a_small_roster_builds_the_names_anew_after_it(
    store: PostgresStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema, "BACKLOG_ROWS", 5)
    store.bulk_insert([[(f"Zoë {number}", number, "s") for number in range(12)]], 12)
    assert store.needs_name_index_build()
    assert maintenance.build_name_index(store.address) == 12
    store.recheck_name_index()
    assert store.names_ready()
    assert HeroRepository(store).count(HeroQuery(search="zoe 1")) == 3
