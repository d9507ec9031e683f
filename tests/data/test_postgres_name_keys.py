"""Search and name order on a server table without the name table: a copy of the name keys.

The store keys every name once and keeps the keys in a copy on disk
(name_keys.py); later searches and sorts read no name again, and a change by
anyone (another client, this store, seen by the notify trigger or not) is
followed by keying only the names that are new or differ. The reference is plain Python over
every row, as in test_name_index.py: ``fold(needle) in fold(name)``, sorted
by ``(sort_key(name), id)``, ``(age with no age first, id)`` or id.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from postgres_server import PostgresServer

from hero_desktop.data import names
from hero_desktop.data.errors import DatabaseError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.name_keyer import NameKeyer
from hero_desktop.data.postgres import access, name_keys
from hero_desktop.data.postgres.name_keys import NameKeys
from hero_desktop.data.postgres.opening import open_server
from hero_desktop.data.postgres.schema import NO_AGE
from hero_desktop.data.postgres.store import PostgresStore
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.sqlite import name_cache
from hero_desktop.data.sqlite import paging as sqlite_paging

from .name_index_support import ROSTER
from .postgres_support import HOSTILE, TUTORIAL_TABLE, add, address_of, run
from .test_name_index import names_strategy

Row = tuple[int, str, int | None]
# Besides the roster: Cyrillic, the hostile names, a line break and a tab (no
# separator of the names as read may show), an empty name and one of only an accent.
NAMES = [*ROSTER, "Иван", "иванов", "ИВАНА", *HOSTILE, "Line\nBreak", "Tab\tStop", "", "\u0301"]
QUERIES = [
    HeroQuery(search=search, sort=sort, descending=descending)
    for search in ("zoe", "MÜLLER", "Δημ", "иван", "strasse", "linebreak", "a", "")
    for sort in SortKey
    for descending in (False, True)
] + [
    HeroQuery(search="a", sort=SortKey.NAME, age_from=20, age_to=40),
    HeroQuery(search="o", sort=SortKey.AGE, age_to=30, descending=True),
    HeroQuery(sort=SortKey.NAME, no_age=True),
    HeroQuery(sort=SortKey.NAME, age_from=50, descending=True),
]


def insert(url: str, some: Sequence[str]) -> None:
    """Another client inserts heroes, every third without an age."""
    for number, name in enumerate(some):
        age = None if number % 3 == 0 else 10 + 7 * number % 80
        run(url, "INSERT INTO hero (name, age, secret_name) VALUES (%s, %s, 's')", (name, age))


def heroes(url: str) -> list[Row]:
    """Every hero's (id, name, age), as another client reads them."""
    rows = run(url, "SELECT id, name, age FROM hero")
    return [(int(str(i)), str(n), None if a is None else int(str(a))) for i, n, a in rows]


def expected(rows: list[Row], query: HeroQuery) -> list[int]:
    needle = names.fold(query.search.strip())
    bounds = query.age_bounds

    def kept(age: int | None) -> bool:
        if bounds.no_age:
            return age is None
        if bounds.minimum is None and bounds.maximum is None:
            return True
        low, high = bounds.minimum, bounds.maximum
        return age is not None and (low is None or age >= low) and (high is None or age <= high)

    def order(row: Row) -> tuple[object, ...]:
        if query.sort is SortKey.NAME:
            return (names.sort_key(row[1]), row[0])
        if query.sort is SortKey.AGE:
            return (NO_AGE if row[2] is None else row[2], row[0])
        return (row[0],)

    found = [row for row in rows if needle in names.fold(row[1]) and kept(row[2])]
    return [row[0] for row in sorted(found, key=order, reverse=query.descending)]


def shown(repo: HeroRepository, query: HeroQuery) -> list[int]:
    """Every hero of the query, page by page as the window reads them; checked against count."""
    ids = [hero.id for hero in repo.iterate(query, batch=4)]
    assert repo.count(query) == len(ids)
    if ids:
        assert repo.rank_of(ids[-1], query) == len(ids) - 1
    return ids


@pytest.fixture
def keyed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every name NameKeyer keys from now on."""
    seen: list[str] = []
    keys = NameKeyer.keys

    def counting(keyer: NameKeyer, values: Sequence[object]) -> list[tuple[str, bytes]]:
        seen.extend(str(value) for value in values)
        return keys(keyer, values)

    monkeypatch.setattr(NameKeyer, "keys", counting)
    return seen


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of heroes of each statement that reads heroes' names from now on."""
    seen: list[int] = []
    chunk = name_keys._chunk

    def counting(*arguments: Any) -> Any:
        found = chunk(*arguments)
        seen.append(len(found.ids))
        return found

    monkeypatch.setattr(name_keys, "_chunk", counting)
    return seen


@pytest.fixture
def tutorial(postgres_database: str) -> str:
    """A database the tutorial's app made: no name table, no notify trigger."""
    run(postgres_database, TUTORIAL_TABLE)
    insert(postgres_database, NAMES)
    return postgres_database


@pytest.fixture(params=[name_keys.READ_ROWS, 5], ids=["one read", "reads of five heroes"])
def repo(
    tutorial: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[HeroRepository]:
    """A store on the tutorial's table; it reads the heroes all at once, or five at a time
    (spans of five compared with the keys held, each kept or keyed again on its own)."""
    monkeypatch.setattr(name_keys, "READ_ROWS", request.param)
    store = open_server(address_of(tutorial))
    assert not store.names_ready()
    assert not store.changes.listening  # other clients' commits are only polled for
    yield HeroRepository(store)
    store.close()


def another_client_changes(url: str) -> list[str]:
    """Inserts, renames, deletes and ages heroes; the names that are new to the store."""
    insert(url, ["Zoë Neue", "Ivan"])
    run(url, "UPDATE hero SET name = 'Zoey' WHERE name = 'Bob'")
    run(url, "UPDATE hero SET name = 'Mueller' WHERE name = 'Müller'")
    run(url, "UPDATE hero SET name = 'Zephyr' WHERE name = 'Zed'")  # the only change near it
    run(url, "DELETE FROM hero WHERE name IN ('Straße', 'Иван')")
    run(url, "UPDATE hero SET age = 99 WHERE name = 'adam'")
    return ["Zoë Neue", "Ivan", "Zoey", "Mueller", "Zephyr"]


def test_search_and_name_order_equal_the_python_rules(repo: HeroRepository, tutorial: str) -> None:
    rows = heroes(tutorial)
    for query in QUERIES:
        assert shown(repo, query) == expected(rows, query), query


def refused(*_: object) -> Any:
    raise AssertionError("the keys held were current: nothing to read")


def test_later_searches_and_sorts_read_and_key_no_name_again(
    repo: HeroRepository,
    tutorial: str,
    keyed: list[str],
    reads: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert shown(repo, HeroQuery(search="zoe")) == expected(heroes(tutorial), QUERIES[0])
    every = len(NAMES) + 3  # the tutorial's three too
    assert (sum(reads), len(keyed)) == (every, every)

    with monkeypatch.context() as patched:
        patched.setattr(name_keys, "follow", refused)  # the fingerprint alone is asked for
        for query in QUERIES:
            shown(repo, query)

    assert len(keyed) == every


def test_a_rename_elsewhere_reads_and_keys_only_its_own_heroes_again(
    repo: HeroRepository, tutorial: str, keyed: list[str], reads: list[int]
) -> None:
    shown(repo, HeroQuery(sort=SortKey.NAME))
    keyed.clear()
    reads.clear()

    run(tutorial, "UPDATE hero SET name = 'Zephyr' WHERE name = 'Zed'")
    repo.refresh()  # a new query: the live view has not polled yet

    query = HeroQuery(sort=SortKey.NAME)
    assert shown(repo, query) == expected(heroes(tutorial), query)
    assert keyed == ["Zephyr"]
    assert len(reads) == 1  # the heroes of one segment (all of them, or five)


def test_another_clients_changes_show_in_the_next_search_and_only_they_are_keyed(
    repo: HeroRepository, tutorial: str, keyed: list[str]
) -> None:
    shown(repo, HeroQuery(search="zoe", sort=SortKey.NAME))
    shown(repo, HeroQuery(sort=SortKey.NAME))
    keyed.clear()

    changed = another_client_changes(tutorial)
    repo.refresh()  # a new query: the live view has not polled yet

    rows = heroes(tutorial)
    for query in QUERIES:
        assert shown(repo, query) == expected(rows, query), query
    assert sorted(keyed) == sorted(changed)


def test_only_an_age_changed_keys_nothing_and_still_shows(
    repo: HeroRepository, tutorial: str, keyed: list[str]
) -> None:
    shown(repo, HeroQuery(sort=SortKey.NAME))
    keyed.clear()
    run(tutorial, "UPDATE hero SET age = NULL WHERE name = 'ZOË'")  # it had an age
    repo.refresh()

    query = HeroQuery(sort=SortKey.NAME, no_age=True)
    assert shown(repo, query) == expected(heroes(tutorial), query)
    assert keyed == []


def test_an_empty_table_finds_nothing_until_heroes_come(postgres_database: str) -> None:
    run(postgres_database, TUTORIAL_TABLE)
    run(postgres_database, "DELETE FROM hero")
    store = open_server(address_of(postgres_database))
    try:
        repo = HeroRepository(store)
        assert shown(repo, HeroQuery(search="zoe", sort=SortKey.NAME)) == []
        insert(postgres_database, ["Zoë", "Adam"])
        repo.refresh()
        assert shown(repo, HeroQuery(search="zoe")) == expected(
            heroes(postgres_database), HeroQuery(search="zoe")
        )
    finally:
        store.close()


def test_an_export_in_name_order_stays_one_state_while_another_client_writes(
    repo: HeroRepository, tutorial: str
) -> None:
    shown(repo, HeroQuery(search="zoe"))  # the copy made, then a change not heard of
    insert(tutorial, ["Zoë Zwei"])
    before = heroes(tutorial)
    with repo.store.snapshot(HeroQuery(sort=SortKey.NAME)) as pager:
        total = pager.count()
        insert(tutorial, ["Aaron Again"])
        rows = pager.rows(0, 1000)
    assert total == len(before)
    assert [hero.id for hero in rows] == expected(before, HeroQuery(sort=SortKey.NAME))


@pytest.fixture
def teammate(tutorial: str, postgres_server: PostgresServer) -> Iterator[HeroRepository]:
    """A role told of every change (the notify trigger) that may not read the name table."""
    open_server(address_of(tutorial), allow_changes=True).close()  # the owner added them
    dbname = address_of(tutorial).dbname
    postgres_server.create_role("late")
    run(tutorial, "GRANT USAGE ON SCHEMA public TO late")
    run(tutorial, "GRANT SELECT, INSERT, UPDATE, DELETE ON hero TO late")
    run(tutorial, "GRANT USAGE ON SEQUENCE hero_id_seq TO late")
    store = open_server(address_of(postgres_server.url(dbname, "late")))
    try:
        assert not store.names_ready()
        assert store.changes.listening
        yield HeroRepository(store)
    finally:
        store.close()
        postgres_server.drop_role("late")


def test_told_of_every_change_it_follows_others_and_its_own_writes(
    teammate: HeroRepository, tutorial: str, keyed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shown(teammate, HeroQuery(sort=SortKey.NAME))
    with monkeypatch.context() as patched:
        patched.setattr(name_keys, "follow", refused)
        patched.setattr(name_keys, "_fingerprint", refused)  # told: not even a fingerprint
        shown(teammate, HeroQuery(search="zoe"))
    keyed.clear()

    changed = another_client_changes(tutorial)
    assert teammate.poll_changes()
    rows = heroes(tutorial)
    for query in QUERIES:
        assert shown(teammate, query) == expected(rows, query), query
    assert sorted(keyed) == sorted(changed)

    keyed.clear()
    add(teammate, "Zoë Drei")
    query = HeroQuery(search="zoe", sort=SortKey.NAME, descending=True)
    assert shown(teammate, query) == expected(heroes(tutorial), query)
    assert keyed == ["Zoë Drei"]


def test_an_export_told_of_changes_still_reads_what_was_committed_just_before(
    teammate: HeroRepository, tutorial: str
) -> None:
    shown(teammate, HeroQuery(search="zoe"))
    insert(tutorial, ["Zoë Vier"])  # the notification is on its way; nobody has asked yet
    query = HeroQuery(search="zoe", sort=SortKey.NAME)
    with teammate.store.snapshot(query) as pager:
        exported = [hero.id for hero in pager.rows(0, 1000)]
    assert exported == expected(heroes(tutorial), query)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    added=st.lists(names_strategy, max_size=4),
    renamed=st.lists(names_strategy, max_size=4),
    deleted=st.integers(min_value=0, max_value=3),
    needle=st.one_of(names_strategy, st.sampled_from(["a", "zo", "ss", "Δη", "ø"])),
)
def test_any_changes_followed_equal_the_python_rules(
    repo: HeroRepository,
    tutorial: str,
    added: list[str],
    renamed: list[str],
    deleted: int,
    needle: str,
) -> None:
    shown(repo, HeroQuery(sort=SortKey.NAME))
    insert(tutorial, added)
    for name in renamed:
        run(tutorial, "UPDATE hero SET name = %s WHERE id = (SELECT max(id) FROM hero)", (name,))
    run(
        tutorial,
        "DELETE FROM hero WHERE id IN (SELECT id FROM hero ORDER BY id LIMIT %s)",
        (deleted,),
    )
    repo.refresh()

    rows = heroes(tutorial)
    for query in (
        HeroQuery(search=needle, sort=SortKey.NAME),
        HeroQuery(sort=SortKey.NAME, descending=True),
    ):
        assert shown(repo, query) == expected(rows, query)


def copies_of(url: str) -> list[Path]:
    """The copies of this database's table in Hero Desktop's cache folder."""
    with psycopg.connect(url, autocommit=True) as connection:
        digest = name_keys.identity(connection)
    return sorted(name_cache.folder().glob(f"{name_keys.PREFIX}{digest}-*{name_cache.SUFFIX}"))


def test_the_copy_is_in_the_cache_folder_and_the_server_gains_nothing(
    repo: HeroRepository, tutorial: str
) -> None:
    tables = run(
        tutorial, "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"
    )
    shown(repo, HeroQuery(search="zoe", sort=SortKey.NAME))

    assert len(copies_of(tutorial)) == 1
    again = run(
        tutorial, "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"
    )
    assert again == tables


def next_session_shows_as_the_rules_say(url: str, query: HeroQuery) -> None:
    """A store opened anew (another session) shows ``query`` as the rules say."""
    store = open_server(address_of(url))
    try:
        assert shown(HeroRepository(store), query) == expected(heroes(url), query)
    finally:
        store.close()


def test_the_next_session_follows_the_copy_kept_and_keys_only_what_changed(
    repo: HeroRepository, tutorial: str, keyed: list[str], reads: list[int]
) -> None:
    shown(repo, HeroQuery(search="zoe"))
    [kept] = copies_of(tutorial)
    repo.store.close()
    run(tutorial, "UPDATE hero SET name = 'Zephyr' WHERE name = 'Zed'")
    keyed.clear()
    reads.clear()

    next_session_shows_as_the_rules_say(tutorial, HeroQuery(search="ze", sort=SortKey.NAME))
    assert keyed == ["Zephyr"]
    assert sum(reads) == min(name_keys.READ_ROWS, len(NAMES) + 3)  # one segment's heroes
    assert copies_of(tutorial) == [kept]


def test_a_copy_made_under_other_rules_is_made_anew(
    repo: HeroRepository, tutorial: str, keyed: list[str]
) -> None:
    shown(repo, HeroQuery(search="zoe"))
    [old] = copies_of(tutorial)
    repo.store.close()
    with closing(sqlite3.connect(old)) as copy, copy:
        copy.execute("UPDATE hero_desktop_meta SET value = 'older' WHERE key = 'rule_version'")
    keyed.clear()

    next_session_shows_as_the_rules_say(tutorial, HeroQuery(search="zoe", sort=SortKey.NAME))
    assert len(keyed) == len(heroes(tutorial))  # every name keyed again
    [new] = copies_of(tutorial)
    assert new != old


def search_failing_on_the_copy(
    repo: HeroRepository, monkeypatch: pytest.MonkeyPatch, error: sqlite3.Error, code: int
) -> DatabaseError:
    """What a new search raises when the copy fails with ``error`` (SQLite's ``code``)."""
    error.sqlite_errorcode = code  # (as SQLite says it)

    def failing(*_: object) -> Any:
        raise error

    with monkeypatch.context() as patched:
        patched.setattr(sqlite_paging, "make_pager", failing)
        with pytest.raises(DatabaseError) as raised:
            repo.count(HeroQuery(search="ze"))
    return raised.value


def test_a_damaged_copy_gives_a_message_and_is_made_anew(
    repo: HeroRepository, tutorial: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown(repo, HeroQuery(search="zoe"))
    [old] = copies_of(tutorial)
    damaged = sqlite3.DatabaseError("database disk image is malformed")

    failure = search_failing_on_the_copy(repo, monkeypatch, damaged, sqlite3.SQLITE_CORRUPT)
    assert "damaged and has been removed" in failure.message
    assert copies_of(tutorial) == []
    query = HeroQuery(search="ze", sort=SortKey.NAME)
    assert shown(repo, query) == expected(heroes(tutorial), query)
    [new] = copies_of(tutorial)
    assert new != old


def test_another_error_on_the_copy_keeps_it(
    repo: HeroRepository, tutorial: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown(repo, HeroQuery(search="zoe"))
    kept = copies_of(tutorial)
    generic = sqlite3.OperationalError("cannot start a transaction within a transaction")

    search_failing_on_the_copy(repo, monkeypatch, generic, sqlite3.SQLITE_ERROR)
    assert copies_of(tutorial) == kept


def test_the_name_table_once_added_removes_the_copy(repo: HeroRepository, tutorial: str) -> None:
    shown(repo, HeroQuery(search="zoe"))
    assert copies_of(tutorial)
    open_server(address_of(tutorial), allow_changes=True).close()  # the owner adds them
    repo.store.recheck_name_index()
    assert repo.store.names_ready()

    query = HeroQuery(search="zoe", sort=SortKey.NAME)
    assert shown(repo, query) == expected(heroes(tutorial), query)
    assert copies_of(tutorial) == []


def test_a_copy_that_cannot_be_made_says_where_and_why(
    repo: HeroRepository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))

    with pytest.raises(DatabaseError) as raised:
        repo.count(HeroQuery(search="zoe"))
    assert str(name_cache.folder()) in raised.value.message
    assert repo.count(HeroQuery()) == len(NAMES) + 3  # the rest works on


def test_an_interrupt_stops_a_statement_on_the_copy(repo: HeroRepository) -> None:
    shown(repo, HeroQuery(search="zoe"))
    store = repo.store
    assert isinstance(store, PostgresStore)
    copy = store.name_keys._copy
    assert copy is not None
    failed: list[BaseException] = []

    def endless() -> None:
        try:
            copy.execute(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                "SELECT count(*) FROM n"
            ).fetchone()
        except sqlite3.OperationalError as error:
            failed.append(error)

    running = threading.Thread(target=endless)
    running.start()
    deadline = time.monotonic() + 10
    while running.is_alive() and time.monotonic() < deadline:
        store.interrupt()  # (until the statement has begun and is stopped)
        running.join(0.1)
    stopped = not running.is_alive()
    if not stopped:
        copy.interrupt()  # (not reached by the store: end it here, then fail)
        running.join()
    assert stopped
    assert [str(error) for error in failed] == ["interrupted"]


def test_while_the_snapshot_shows_nothing_ended_no_search_reads_the_fingerprint(
    repo: HeroRepository, tutorial: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = repo.store
    fingerprints: list[object] = []
    fingerprint = name_keys._fingerprint

    def counted(*arguments: Any) -> Any:
        fingerprints.append(arguments)
        return fingerprint(*arguments)

    snapshot: name_keys.Snapshot = (1000, (998,))  # as the server might say, whatever it does
    monkeypatch.setattr(name_keys, "_snapshot", lambda _connection: snapshot)
    monkeypatch.setattr(name_keys, "_fingerprint", counted)

    def found(query: HeroQuery) -> list[int]:
        """From a new pager, not through the repository (whose poll of the counters would
        say that the table changed)."""
        return [hero.id for hero in store.pager(query).rows(0, 1000)]

    found(HeroQuery(search="zoe"))  # the copy made
    found(HeroQuery(search="zoe", sort=SortKey.NAME))  # checked once: the snapshot kept
    assert len(fingerprints) == 1
    for query in QUERIES[:8]:
        found(query)
    assert len(fingerprints) == 1

    insert(tutorial, ["Zoë Später"])
    snapshot = (1000, ())  # transaction 998 ended
    query = HeroQuery(search="zoe", sort=SortKey.NAME)
    assert found(query) == expected(heroes(tutorial), query)
    assert len(fingerprints) == 2


def test_a_change_in_progress_at_a_check_is_followed_once_committed(
    repo: HeroRepository, tutorial: str
) -> None:
    store = repo.store
    query = HeroQuery(search="zoe")

    def found() -> list[int]:
        """The query's heroes from a new pager (not through the repository, whose poll of
        the table's counters would say that the table changed)."""
        return [hero.id for hero in store.pager(query).rows(0, 1000)]

    found()
    with (
        psycopg.connect(tutorial) as other,  # (a transaction, not autocommit)
        psycopg.connect(tutorial, autocommit=True) as later,
    ):
        other.execute("INSERT INTO hero (name, secret_name) VALUES ('Zoë Später', 's')")
        # A later transaction ends first: the snapshot's first id not given out moves past
        # the insert's, which is then listed as one in progress.
        later.execute("CREATE TEMPORARY TABLE elsewhere AS SELECT 1 AS one")
        assert found() == expected(heroes(tutorial), query)  # not committed yet
        other.commit()  # only the list of those in progress changes
        assert found() == expected(heroes(tutorial), query)  # with Zoë Später


def test_a_check_cut_short_is_made_again_by_the_next_search(
    repo: HeroRepository, tutorial: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = repo.store
    monkeypatch.setattr(name_keys, "_snapshot", lambda _connection: (1000, ()))
    fingerprint = name_keys._fingerprint
    query = HeroQuery(search="zoe", sort=SortKey.NAME)

    def found() -> list[int]:
        return [hero.id for hero in store.pager(query).rows(0, 1000)]

    found()  # the copy made (its snapshot not known yet)
    insert(tutorial, ["Zoë Später"])

    def cut_short(*_: object) -> Any:
        raise psycopg.errors.QueryCanceled("canceling statement due to user request")

    monkeypatch.setattr(name_keys, "_fingerprint", cut_short)
    with pytest.raises(DatabaseError):
        found()
    monkeypatch.setattr(name_keys, "_fingerprint", fingerprint)
    assert found() == expected(heroes(tutorial), query)  # checked again: followed


def test_new_heroes_fill_the_last_segment_before_making_another(
    repo: HeroRepository, tutorial: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(name_keys, "READ_ROWS", len(NAMES) + 3 + 4)  # one segment, room for 4
    store = repo.store
    assert isinstance(store, PostgresStore)
    query = HeroQuery(search="zoe", sort=SortKey.NAME)
    shown(repo, query)
    copy = store.name_keys._copy
    assert copy is not None

    def segments() -> list[tuple[int, int]]:
        return copy.execute(f"SELECT number, count FROM {name_keys.SEGMENTS}").fetchall()

    assert segments() == [(0, len(NAMES) + 3)]
    for name in ("Zoë Eins", "Zoë Zwei", "Zoë Drei"):
        insert(tutorial, [name])
        repo.refresh()
        assert shown(repo, query) == expected(heroes(tutorial), query)
    assert segments() == [(0, len(NAMES) + 6)]
    insert(tutorial, ["Zoë Vier", "Zoë Fünf"])
    repo.refresh()
    assert shown(repo, query) == expected(heroes(tutorial), query)
    assert segments() == [(0, len(NAMES) + 7), (1, 1)]


def own_edits(store: PostgresStore, tutorial: str) -> list[int]:
    """This store renames one hero, ages another, deletes a third and adds one; the ids."""
    by_name = {name: hero_id for hero_id, name, _ in heroes(tutorial)}
    renamed, aged, deleted = by_name["Zed"], by_name["adam"], by_name["Straße"]
    with store.transaction() as transaction:
        transaction.update(renamed, {"name": "Zephyr"})
        transaction.update(aged, {"age": 99})
        transaction.delete(deleted)
        added = transaction.insert(("Zoë Neu", 33, "s"))
    return [renamed, aged, deleted, added]


def made_and_found_current(repo: HeroRepository) -> PostgresStore:
    """The copy made by one search, found current by another: the snapshot then known."""
    store = repo.store
    assert isinstance(store, PostgresStore)
    shown(repo, HeroQuery(search="ze", sort=SortKey.NAME))
    shown(repo, HeroQuery(search="zoe"))
    assert store.name_keys._own is not None
    return store


def segments_holding(store: PostgresStore, ids: list[int]) -> int:
    """How many of the copy's segments hold (or, after the last, would hold) these ids."""
    copy = store.name_keys._copy
    assert copy is not None
    ends = [row[0] for row in copy.execute(f"SELECT last_id FROM {name_keys.SEGMENTS}")]
    return len({sum(end < hero_id for end in ends) for hero_id in ids})


def test_this_store_s_own_writes_read_only_their_segments_again(
    repo: HeroRepository,
    tutorial: str,
    keyed: list[str],
    reads: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = made_and_found_current(repo)
    query = HeroQuery(search="ze", sort=SortKey.NAME)
    ids = own_edits(store, tutorial)
    repo.refresh()  # (the store's own transaction, not the repository's: its pages stay)
    touched = segments_holding(store, ids)
    keyed.clear()
    reads.clear()

    with monkeypatch.context() as patched:
        patched.setattr(name_keys, "_differing", refused)  # no pass over the table
        patched.setattr(name_keys, "_fingerprint", refused)
        assert shown(repo, query) == expected(heroes(tutorial), query) != []
        assert shown(repo, QUERIES[0]) == expected(heroes(tutorial), QUERIES[0])
    assert sorted(keyed) == ["Zephyr", "Zoë Neu"]
    # Each segment written is read again, and one read finds nothing after the last.
    assert len(reads) == touched + 1


def test_another_client_s_commit_beside_this_store_s_own_is_followed(
    repo: HeroRepository, tutorial: str, keyed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(name_keys, "READ_ROWS", 5)  # the first hero's segment: none of own_edits'
    store = made_and_found_current(repo)
    run(tutorial, "UPDATE hero SET name = 'Mueller' WHERE id = (SELECT min(id) FROM hero)")
    own_edits(store, tutorial)
    repo.refresh()
    keyed.clear()

    rows = heroes(tutorial)
    for query in QUERIES:
        assert shown(repo, query) == expected(rows, query), query
    assert sorted(keyed) == ["Mueller", "Zephyr", "Zoë Neu"]


@pytest.fixture
def passes(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Each pass over the server's table for the segments' fingerprints, from now on."""
    seen: list[object] = []
    differing = name_keys._differing

    def counted(*arguments: Any) -> Any:
        seen.append(arguments)
        return differing(*arguments)

    monkeypatch.setattr(name_keys, "_differing", counted)
    return seen


def test_own_writes_to_more_heroes_than_the_limit_are_followed_by_a_pass(
    repo: HeroRepository, tutorial: str, monkeypatch: pytest.MonkeyPatch, passes: list[object]
) -> None:
    monkeypatch.setattr(name_keys, "OWN_HEROES", 3)
    store = made_and_found_current(repo)
    own_edits(store, tutorial)  # four heroes
    repo.refresh()
    query = HeroQuery(search="z", sort=SortKey.NAME)
    assert shown(repo, query) == expected(heroes(tutorial), query)
    assert len(passes) == 1


@pytest.mark.parametrize(
    ("since", "now", "own", "alone"),
    [
        ((100, (98,)), (101, (98,)), {100}, True),  # 98 still runs
        ((100, (98,)), (101, ()), {100}, False),  # 98 ended: another's
        ((100, (98,)), (101, ()), {98, 100}, True),
        ((100, ()), (103, (101,)), {100, 102}, True),  # 101 began and still runs
        ((100, ()), (103, ()), {100, 102}, False),  # 101 ended
        ((100, ()), (100, ()), set(), True),  # nothing at all
        ((100, ()), (99, ()), set(), False),  # another server's history
        ((100, ()), (100 + name_keys.OWN_XIDS + 1, ()), set(range(100, 1200)), False),
    ],
)
def test_own_writes_are_alone_while_no_other_transaction_ended(
    since: name_keys.Snapshot, now: name_keys.Snapshot, own: set[int], alone: bool
) -> None:
    writes = name_keys.OwnWrites(since, frozenset(own), frozenset())
    assert writes.alone(now) is alone


def test_this_store_s_import_is_followed_though_its_writes_are_not_counted_one_by_one(
    repo: HeroRepository, tutorial: str
) -> None:
    store = made_and_found_current(repo)
    query = HeroQuery(search="zoe", sort=SortKey.NAME)
    store.bulk_insert([[("Zoë Importiert", 7, "s"), ("Zoë Auch", None, "s")]], 2)  # (a COPY)
    repo.refresh()

    assert shown(repo, query) == expected(heroes(tutorial), query)
    assert {"Zoë Importiert", "Zoë Auch"} <= {name for _, name, _ in heroes(tutorial)}


def test_saves_in_a_row_read_only_their_segments_again(
    repo: HeroRepository, tutorial: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server reports a backend's counts of writes about once a second: the second
    save's are counted from where its transaction began, not from zero."""
    store = made_and_found_current(repo)
    by_name = {name: hero_id for hero_id, name, _ in heroes(tutorial)}
    for hero, name in (("Zed", "Zephyr"), ("Bob", "Zebob"), ("adam", "Zadam")):
        with store.transaction() as transaction:
            transaction.update(by_name[hero], {"name": name})
    repo.refresh()

    query = HeroQuery(search="ze", sort=SortKey.NAME)
    with monkeypatch.context() as patched:
        patched.setattr(name_keys, "_differing", refused)  # no pass over the table
        assert shown(repo, query) == expected(heroes(tutorial), query)


def test_after_a_reconnect_no_snapshot_seen_before_is_trusted(
    repo: HeroRepository, tutorial: str, passes: list[object]
) -> None:
    """The server may be another one now (a standby promoted, a backup restored), whose
    transaction ids repeat the old ones: the next search compares every segment."""
    store = made_and_found_current(repo)
    own_edits(store, tutorial)
    store.connection.close()  # (as a lost connection: the next read connects again)
    repo.refresh()
    query = HeroQuery(search="z", sort=SortKey.NAME)
    assert shown(repo, query) == expected(heroes(tutorial), query)
    assert len(passes) == 1


def test_a_copy_another_window_took_back_to_its_export_is_compared_whole(
    tutorial: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Window A's export follows the shared copy to its own (older) snapshot after window B
    followed it further: B's next own write must not trust the copy to be as it left it."""
    monkeypatch.setattr(name_keys, "READ_ROWS", 5)
    by_name = {name: hero_id for hero_id, name, _ in heroes(tutorial)}
    a, b = NameKeys(), NameKeys()
    query = HeroQuery(search="xenia")
    with (
        psycopg.connect(tutorial, autocommit=True) as for_a,
        psycopg.connect(tutorial, autocommit=True) as for_b,
    ):

        def found(keys: NameKeys, connection: psycopg.Connection, search: str) -> list[int]:
            pager = keys.pager(lambda: connection, HeroQuery(search=search), told_of_changes=False)
            return [hero.id for hero in pager.rows(0, 100)]

        found(a, for_a, "zoe")  # A makes the copy
        found(a, for_a, "ze")  # ... and finds it current
        found(b, for_b, "zoe")  # B opens the same copy
        found(b, for_b, "ze")
        with for_a.transaction():  # A's export: one snapshot from its first statement
            for_a.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            for_a.execute("SELECT 1")
            run(tutorial, "UPDATE hero SET name = 'Xenia' WHERE name = 'Zoë'")  # elsewhere
            b.changed()
            assert found(b, for_b, "xenia") == [by_name["Zoë"]]  # B follows it
            assert found(a, for_a, "xenia") == []  # A, in its snapshot: the copy taken back
        with for_b.transaction():  # B's own write, far from Xenia's segment
            row = for_b.execute("SELECT pg_current_xact_id()::text").fetchone()
            for_b.execute("UPDATE hero SET name = 'Zed Two' WHERE id = %s", (by_name["Zed"],))
        assert row is not None
        b.changed(own=(int(row[0]), {by_name["Zed"]}))

        assert found(b, for_b, "xenia") == expected(heroes(tutorial), query) == [by_name["Zoë"]]
    a.close()
    b.close()


def test_saves_count_their_writes_only_while_a_copy_is_kept(
    repo: HeroRepository, tutorial: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counting is two more statements a save: a store that keeps no copy is spared them."""
    store = repo.store
    assert isinstance(store, PostgresStore)
    counts: list[object] = []
    counted = access.PgTransaction._counted

    def recorded(transaction: access.PgTransaction) -> int | None:
        counts.append(transaction)
        return counted(transaction)

    monkeypatch.setattr(access.PgTransaction, "_counted", recorded)
    hero_id = heroes(tutorial)[0][0]
    with store.transaction() as transaction:
        transaction.update(hero_id, {"age": 41})
    assert counts == []

    shown(repo, HeroQuery(search="zoe"))  # the copy made
    with store.transaction() as transaction:
        transaction.update(hero_id, {"age": 42})
    assert len(counts) == 2  # when it began, and before COMMIT
