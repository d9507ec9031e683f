"""The PostgreSQL store beyond the shared contract: the server's own ways and faults.

Every test runs against a real, throwaway server (``postgres_database``):
hostile text only ever travels as a bound parameter, a role that may only
read gets a read-only store, a database the tutorial's app made is left as
it is until the user agrees, and a dropped connection is mended by itself.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import psycopg
import pytest
from postgres_server import PostgresServer

from hero_desktop.data.errors import (
    ConflictError,
    DatabaseBusyError,
    DatabaseError,
    HeroNotFoundError,
    InvalidHeroError,
    PasswordNeededError,
    ReadOnlyDatabaseError,
    SchemaError,
    ServerUnreachableError,
)
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.location import ServerAddress, parse_location
from hero_desktop.data.models import HeroRow, validate_create, validate_update
from hero_desktop.data.postgres import opening, schema
from hero_desktop.data.postgres.opening import open_server
from hero_desktop.data.postgres.store import PostgresStore
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.store import NewHero

HOSTILE = [
    "O'Brien",
    "'; DROP TABLE hero; --",
    'Robert"); DROP TABLE hero;--',
    "100% _real_ \\ hero",
    'Ærø\'s "quoted" name',
]
TUTORIAL_TABLE = """
CREATE TABLE hero (
    id SERIAL NOT NULL, name VARCHAR NOT NULL, age INTEGER,
    secret_name VARCHAR NOT NULL, PRIMARY KEY (id)
);
CREATE INDEX ix_hero_name ON hero (name);
CREATE INDEX ix_hero_age ON hero (age);
INSERT INTO hero (name, age, secret_name) VALUES
    ('Deadpond', NULL, 'Dive Wilson'), ('Spider-Boy', NULL, 'Pedro Parqueador'),
    ('Rusty-Man', 48, 'Tommy Sharp');
"""


def address_of(url: str) -> ServerAddress:
    address = parse_location(url)
    assert isinstance(address, ServerAddress)
    return address


def run(url: str, statement: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Another client (psql, say) running one statement."""
    with psycopg.connect(url, autocommit=True) as connection:
        cursor = connection.execute(statement.encode(), params)
        return cursor.fetchall() if cursor.description else []


def tables(url: str) -> set[str]:
    rows = run(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    return {str(row[0]) for row in rows}


@pytest.fixture
def store(postgres_database: str) -> Iterator[PostgresStore]:
    opened = open_server(address_of(postgres_database))
    yield opened
    opened.close()


def add(repo: HeroRepository, name: str, age: int | None = None) -> HeroRow:
    return repo.create(validate_create({"name": name, "age": age, "secret_name": "s"}))


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
    assert store.notice == ""


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
        assert store.name_index_offer() is not None
        assert store.listener is None
        assert store.poll_interval_ms() == 1000
        assert "two seconds" in store.notice
        repo = HeroRepository(store)
        # Every feature works meanwhile, by scanning: "rusty" finds Rusty-Man.
        assert [h.name for h in repo.page(HeroQuery(search="RUSTY"))] == ["Rusty-Man"]
        assert [h.name for h in repo.page(HeroQuery(sort=SortKey.NAME))] == [
            "Deadpond",
            "Rusty-Man",
            "Spider-Boy",
        ]
        assert store.build_name_index() == 3  # the user said Add Index
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
        assert "read-only" in reader.notice
        repo = HeroRepository(reader)
        assert [h.name for h in repo.page()] == ["Deadpond"]
        with pytest.raises(ReadOnlyDatabaseError):
            add(repo, "Nope")
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
    assert not store.backlog
    heroes: list[NewHero] = [(f"Zoë {number}", number, "s") for number in range(12)]
    result = store.bulk_insert([heroes], len(heroes))
    assert result.imported == 12

    # In at once; the names wait in the log, and search scans with the same rules meanwhile.
    assert store.backlog
    assert store.needs_name_index_build()
    assert not store.names_ready()
    assert repo.count(HeroQuery(search="ZOE 1")) == 3  # Zoë 1, 10, 11
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    assert store.build_name_index(progress) == 12
    assert seen == [(4, 12), (8, 12), (12, 12)]  # batches of four, each committed
    store.recheck_name_index()
    assert not store.backlog
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
    assert store.build_name_index() == 12
    store.recheck_name_index()
    assert store.names_ready()
    assert HeroRepository(store).count(HeroQuery(search="zoe 1")) == 3


# -- found in review: each once a real failure ----------------------------------------


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
            assert late.listener is not None  # told of changes all the same
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
            store.build_name_index()
        assert time.monotonic() - started < 10


def test_without_the_notify_trigger_the_window_polls_until_it_is_rebuilt(
    store: PostgresStore, postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(HeroRepository(store), "Deadpond")
    monkeypatch.setattr(opening, "SYNC_BUILD_ROWS", 0)  # too big to rebuild while opening
    run(postgres_database, "DROP TRIGGER hero_desktop_changed ON hero")
    stale = open_server(store.address)
    try:
        assert stale.listener is None
        assert stale.poll_interval_ms() == 1000
        assert stale.needs_name_index_build()  # the window rebuilds it in the background
        stale.build_name_index()
        stale.recheck_name_index()
        assert stale.listener is not None
        assert stale.poll_interval_ms() is None
    finally:
        stale.close()
