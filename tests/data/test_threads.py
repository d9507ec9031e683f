"""One owner per connection: work beside the store gets values, and interrupts are cheap.

A store belongs to the thread that opened it (the window's data worker).
Work that runs beside it (building the name index, the integrity check)
gets the database's location and opens a connection of its own in its own
thread; another thread may only ``interrupt`` the store, which never waits
and never starts a thread per request. Tests run on every store kind
(``stores.STORE_KINDS``) unless their name says which.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import psycopg
import pytest

from hero_desktop.data import maintenance
from hero_desktop.data.errors import (
    OperationCancelledError,
    ReadOnlyDatabaseError,
    StatementInterruptedError,
)
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.location import ServerAddress, parse_location
from hero_desktop.data.models import HeroRow, validate_create
from hero_desktop.data.postgres.cancel import CancelHandle, Canceller
from hero_desktop.data.postgres.opening import open_server
from hero_desktop.data.postgres.store import PostgresStore
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.sqlite.database import open_database
from hero_desktop.data.sqlite.store import SqliteStore
from hero_desktop.data.store import HeroStore

from .stores import STORE_KINDS, StoreHarness, make_harness

T = TypeVar("T")
NAMES = ("Zoë", "Adam", "ZOE", "Łukasz")


@pytest.fixture(params=STORE_KINDS)
def harness(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreHarness]:
    opened = make_harness(str(request.param), tmp_path, request)
    yield opened
    opened.close_all()


@pytest.fixture
def store(harness: StoreHarness) -> HeroStore:
    return harness.open()


def add_heroes(store: HeroStore) -> list[HeroRow]:
    repo = HeroRepository(store)
    for name in NAMES:
        repo.create(validate_create({"name": name, "secret_name": "s"}))
    repo.refresh()
    return list(repo.iterate())


def in_another_thread(work: Callable[[], T]) -> T:
    """``work()`` in a thread of its own (as the window's builder and checker run it)."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed to the test's thread
            outcome["error"] = error

    thread = threading.Thread(target=run, name="test-beside-the-worker")
    thread.start()
    thread.join(60)
    assert not thread.is_alive()
    if "error" in outcome:
        raise outcome["error"]
    value: T = outcome["value"]
    return value


def interrupting(store: HeroStore, every_s: float = 0.05) -> Callable[[], None]:
    """Interrupt ``store`` from another thread until the returned function is called."""
    done = threading.Event()

    def keep_interrupting() -> None:
        while not done.wait(every_s):
            store.interrupt()

    thread = threading.Thread(target=keep_interrupting, name="test-interrupter", daemon=True)
    thread.start()

    def stop() -> None:
        done.set()
        thread.join(10)

    return stop


# -- maintenance: values in, a connection of its own -------------------------------


def test_the_name_index_is_built_from_another_thread_given_only_the_location(
    store: HeroStore, harness: StoreHarness
) -> None:
    add_heroes(store)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    built = in_another_thread(lambda: maintenance.build_name_index(harness.location, progress))

    assert built == len(NAMES)
    assert seen[-1] == (len(NAMES), len(NAMES))
    store.recheck_name_index()  # the worker looks again, on its own connection
    assert store.names_ready()
    repo = HeroRepository(store)
    assert sorted(h.name for h in repo.page(HeroQuery(search="zoe"))) == ["ZOE", "Zoë"]


def test_a_cancelled_build_leaves_the_database_as_it_was(
    store: HeroStore, harness: StoreHarness
) -> None:
    before = add_heroes(store)

    with pytest.raises(OperationCancelledError, match="as it was"):
        in_another_thread(
            lambda: maintenance.build_name_index(harness.location, lambda done, total: False)
        )

    store.recheck_name_index()
    assert store.names_ready()  # the structures there before are there still
    repo = HeroRepository(store)
    assert list(repo.iterate()) == before
    assert [h.name for h in repo.page(HeroQuery(search="lukasz"))] == ["Łukasz"]


def test_a_build_for_a_read_only_window_is_refused(store: HeroStore, harness: StoreHarness) -> None:
    with pytest.raises(ReadOnlyDatabaseError):
        maintenance.build_name_index(harness.location, read_only=True)


def test_the_integrity_check_runs_from_another_thread_given_only_the_location(
    store: HeroStore, harness: StoreHarness
) -> None:
    add_heroes(store)
    stop = threading.Event()
    assert (
        in_another_thread(lambda: maintenance.check_integrity(harness.location, stop.is_set))
        is None
    )


def test_a_stopped_integrity_check_reports_nothing(tmp_path: Path) -> None:
    path = tmp_path / "big.db"
    database = open_database(path)
    try:
        with database.write() as connection:
            connection.executemany(
                "INSERT INTO hero (name, secret_name) VALUES (?, ?)",
                ((f"Hero {n}", "s" * 200) for n in range(5000)),
            )
    finally:
        database.close()
    looked: list[bool] = []

    def stop() -> bool:
        looked.append(True)
        return True

    assert maintenance.check_integrity(path, stop) is None
    assert looked  # the check looked at stop() and ended there


# -- interrupt: any thread, never waits, one canceller -------------------------------


def test_many_interrupts_start_at_most_one_thread(store: HeroStore) -> None:
    # (That an interrupt never waits, even for a cancel still on its way, is the next test.)
    threads_before = threading.active_count()
    for _ in range(200):
        store.interrupt()
    assert threading.active_count() <= threads_before + 1
    for _ in range(200):
        store.interrupt()
    assert threading.active_count() <= threads_before + 1  # the same thread, long-lived


def test_interrupts_while_a_cancel_is_on_its_way_are_sent_once_after_it() -> None:
    sent: list[str] = []
    senders: list[threading.Thread] = []
    on_its_way, go_on = threading.Event(), threading.Event()

    class SlowNetwork(CancelHandle):
        def sender(self) -> Callable[[], None]:
            def send() -> None:
                sent.append(threading.current_thread().name)
                senders.append(threading.current_thread())
                on_its_way.set()
                go_on.wait(10)

            return send

    canceller = Canceller(SlowNetwork())
    try:
        canceller.request()
        assert on_its_way.wait(10)
        for _ in range(50):  # the user keeps scrolling while the first cancel travels
            canceller.request()  # (returns at once: the first send is still blocked)
        go_on.set()
    finally:
        canceller.stop()
    sender = senders[0]
    sender.join(10)  # stop() let it finish what was asked, then end
    assert not sender.is_alive()
    assert sent == ["hero-cancel", "hero-cancel"]  # one more, from the same thread


def test_an_interrupt_after_close_is_harmless(store: HeroStore) -> None:
    store.close()
    store.interrupt()


def test_sqlite_an_interrupt_from_another_thread_stops_a_long_statement(tmp_path: Path) -> None:
    database = open_database(tmp_path / "database.db")
    assert isinstance(database, SqliteStore)
    stop = interrupting(database)
    try:
        with pytest.raises(sqlite3.OperationalError, match="interrupted"):
            database.connection.execute(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                "SELECT count(*) FROM c"
            ).fetchone()
    finally:
        stop()
        database.close()


def address_of(url: str) -> ServerAddress:
    address = parse_location(url)
    assert isinstance(address, ServerAddress)
    return address


def sleep_on(store: PostgresStore, seconds: int) -> None:
    store.call(lambda: store.connection.execute("SELECT pg_sleep(%s)", (seconds,)))


def test_postgresql_an_interrupt_from_another_thread_stops_a_long_statement(
    postgres_database: str,
) -> None:
    store = open_server(address_of(postgres_database))
    stop = interrupting(store)
    try:
        with pytest.raises(StatementInterruptedError):  # (pg_sleep(30) itself would not raise)
            sleep_on(store, 30)
    finally:
        stop()
        store.close()


def test_postgresql_after_a_reconnect_an_interrupt_reaches_the_new_connection(
    postgres_database: str,
) -> None:
    store = open_server(address_of(postgres_database))
    try:
        old_pid = store.connection.info.backend_pid
        with psycopg.connect(postgres_database, autocommit=True) as other:
            other.execute("SELECT pg_terminate_backend(%s)", (old_pid,))
        assert HeroRepository(store).count() == 0  # the worker reconnects on its next call
        assert store.connection.info.backend_pid != old_pid
        stop = interrupting(store)
        try:
            with pytest.raises(StatementInterruptedError):
                sleep_on(store, 30)
        finally:
            stop()
    finally:
        store.close()
