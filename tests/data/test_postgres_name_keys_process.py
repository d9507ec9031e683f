"""A big table's new copy of the name keys, made in a process of its own.

The keeper's thread starts the process, answers its progress and keeps the
folds it sends for early answers (name_keys_process.py). Here every table
counts as big (``PROCESS_FROM`` 0) and ``name_keys.make_copy`` fails if this
process runs it, so a copy made is the other process's. The keeper's tests
(test_postgres_name_keys_keeper.py) cover the rest on its own thread.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import sys
import threading
import time
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import psycopg
import pytest
from polling import wait_until

from hero_desktop.data import name_batch
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.name_index_state import NameCacheState
from hero_desktop.data.name_keyer import NameKeyer
from hero_desktop.data.postgres import name_keys, name_keys_keeper, name_keys_process
from hero_desktop.data.postgres.name_keys import BuildStoppedError, KeyedPart
from hero_desktop.data.postgres.name_keys_keeper import NameKeysKeeper
from hero_desktop.data.postgres.store import PostgresStore
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.sqlite import connections as connections_module
from hero_desktop.data.sqlite import name_cache

from .postgres_support import run
from .test_postgres_name_keys import NAMES, expected, heroes, shown
from .test_postgres_name_keys_keeper import (
    WAIT_S,
    board_of,
    connections,
    copies,
    every_query_as_the_rules_say,
    keepers_only,
    opened,  # noqa: F401 (a fixture)
    small_figures,  # noqa: F401 (a fixture)
    tutorial,  # noqa: F401 (a fixture)
    until,
)

EVERY = len(NAMES) + 3  # the tutorial's three too


@pytest.fixture
def in_a_process(small_figures: None, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """Every table copied by the keeper in a process, five heroes a statement; never on the
    keeper's thread."""
    monkeypatch.setattr(name_keys_keeper, "PROCESS_FROM", 0)

    make_copy = name_keys.make_copy

    def not_by_the_keeper(*arguments: Any) -> None:
        if threading.current_thread().name == "hero-name-keys":
            raise AssertionError("the keeper made the copy in the window's process")
        make_copy(*arguments)

    monkeypatch.setattr(name_keys, "make_copy", not_by_the_keeper)


def copy_processes() -> list[multiprocessing.process.BaseProcess]:
    return [p for p in multiprocessing.active_children() if p.name == "hero-name-copy"]


def recorded_parts(monkeypatch: pytest.MonkeyPatch) -> list[KeyedPart]:
    """The parts the keeper is given for early answers, as it is given them."""
    parts: list[KeyedPart] = []
    keyed_part = NameKeysKeeper._keyed_part

    def recorded(keeper: NameKeysKeeper, part: KeyedPart) -> None:
        parts.append(part)
        keyed_part(keeper, part)

    monkeypatch.setattr(NameKeysKeeper, "_keyed_part", recorded)
    return parts


class HeldProgress:
    """Holds the keeper's answer to the process's first progress after ``after`` heroes,
    until ``release`` (the process waits for it)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, after: int) -> None:
        self.holding = threading.Event()
        self.go = threading.Event()
        going_on = NameKeysKeeper._going_on

        def held(keeper: NameKeysKeeper, done: int, total: int) -> bool:
            if done > after and not self.holding.is_set():
                self.holding.set()
                assert self.go.wait(WAIT_S)
            return going_on(keeper, done, total)

        monkeypatch.setattr(NameKeysKeeper, "_going_on", held)

    def release(self) -> None:
        self.go.set()


@pytest.fixture
def held_progress(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldProgress]:
    """The keeper's answer held once five heroes are copied."""
    holder = HeldProgress(monkeypatch, 0)
    yield holder
    holder.release()


def process_held(opened: PostgresStore, held: HeldProgress) -> multiprocessing.process.BaseProcess:  # noqa: F811
    """The keeper started and its process held after its first chunk."""
    opened.recheck_name_index()
    assert held.holding.wait(WAIT_S)
    [process] = copy_processes()
    assert process.is_alive()
    return process


@pytest.mark.usefixtures("in_a_process")
def test_a_big_table_s_copy_is_made_in_a_process_of_its_own(
    opened: PostgresStore,  # noqa: F811
    tutorial: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parts = recorded_parts(monkeypatch)
    opened.recheck_name_index()
    board = board_of(opened)
    until(NameCacheState.READY, board)

    building = [p for p in board.posted if p.state is NameCacheState.BUILDING]
    share = name_keys.BUILD_SHARE  # five heroes a statement, as this process's READ_ROWS says
    dones = [d - d // share for d in [*range(0, EVERY, 5), EVERY]]
    assert [p.done for p in building] == [*dones, dones[-1]]
    with psycopg.connect(tutorial) as connection:  # (never analyzed: a guess from its pages)
        estimate = name_keys_keeper._estimated_heroes(connection)
    assert estimate != EVERY
    # The server's estimate is the total until the last chunk is read (no count first).
    assert {p.total for p in building[:-1]} == {max(estimate, p.done) for p in building[:-1]}
    assert building[-1].total == EVERY
    ids = sorted(hero_id for hero_id, _, _ in heroes(tutorial))
    assert [list(part.ids) for part in parts] == [ids[i : i + 5] for i in range(0, EVERY, 5)]
    assert all(part.folds.count(name_keys.FOLD_END.encode()) == len(part.ids) for part in parts)
    assert copy_processes() == []  # it ended with the copy
    every_query_as_the_rules_say(HeroRepository(opened), tutorial)


@pytest.mark.usefixtures("in_a_process")
def test_the_process_sends_the_folds_of_the_first_heroes_only(
    opened: PostgresStore,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(name_keys_keeper, "EARLY_HEROES", 7)  # a chunk of five, then one more
    parts = recorded_parts(monkeypatch)
    opened.recheck_name_index()
    until(NameCacheState.READY, board_of(opened))

    assert [len(part.ids) for part in parts] == [5, 5]


@pytest.mark.usefixtures("in_a_process")
def test_closing_while_the_process_copies_ends_it_and_removes_the_copy(
    opened: PostgresStore,  # noqa: F811
    tutorial: str,  # noqa: F811
    held_progress: HeldProgress,
) -> None:
    before = copies()
    process = process_held(opened, held_progress)
    assert len(copies()) == len(before) + 1
    opened.stop_waiting()
    started = time.monotonic()
    opened.close()
    assert time.monotonic() - started < 2 * name_keys_keeper.CLOSE_WAIT_S
    held_progress.release()

    until(NameCacheState.CLOSED, board_of(opened))
    wait_until(lambda: not process.is_alive(), WAIT_S, "the process ended", every=0.01)
    wait_until(lambda: copies() == before, WAIT_S, "the copy begun removed", every=0.01)
    wait_until(lambda: not connections(tutorial), WAIT_S, "the connections closed", every=0.01)


@pytest.mark.usefixtures("in_a_process")
def test_closing_stops_a_process_that_waits_without_a_word(
    opened: PostgresStore,  # noqa: F811
    held_progress: HeldProgress,
) -> None:
    before = copies()
    process = process_held(opened, held_progress)
    [path] = set(copies()) - set(before)
    locker = sqlite3.connect(name_cache.folder() / path, isolation_level=None)
    try:
        locker.execute("BEGIN EXCLUSIVE")  # its next chunk waits for this lock
        released = time.monotonic()
        held_progress.release()
        time.sleep(0.3)  # time to reach the lock's wait; what follows holds however far it got
        assert process.is_alive()
        opened.close()
        wait_until(lambda: not process.is_alive(), WAIT_S, "the process ended", every=0.01)
        # Killed while it waited: its wait for the lock, begun after the release, would
        # have ended (in failure) only after SQLite's busy timeout.
        assert time.monotonic() - released < connections_module.BUSY_TIMEOUT_MS / 1000
        assert process.exitcode == -signal.SIGKILL
        wait_until(lambda: copies() == before, WAIT_S, "the copy begun removed", every=0.01)
    finally:
        locker.close()


@pytest.mark.usefixtures("in_a_process")
def test_a_process_that_dies_leaves_the_copy_to_the_first_search(
    opened: PostgresStore,  # noqa: F811
    tutorial: str,  # noqa: F811
    held_progress: HeldProgress,
) -> None:
    before = copies()
    process = process_held(opened, held_progress)
    assert process.pid is not None
    os.kill(process.pid, signal.SIGKILL)  # as the system's out-of-memory killer would
    process.join(WAIT_S)
    held_progress.release()

    until(NameCacheState.FAILED, board_of(opened))
    assert copies() == before
    keeper = opened._keeper
    assert keeper is not None
    assert keeper.keyed_so_far() is None
    query = HeroQuery(search="zoe")  # the store makes the copy itself
    assert shown(HeroRepository(opened), query) == expected(heroes(tutorial), query)


@pytest.mark.usefixtures("small_figures")
def test_where_no_process_starts_the_keeper_copies_on_its_own_thread(
    opened: PostgresStore,  # noqa: F811
    tutorial: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(name_keys_keeper, "PROCESS_FROM", 0)

    def not_started(*_arguments: Any, **_keywords: Any) -> None:
        raise name_keys_process.ProcessNotStartedError("no more processes")

    monkeypatch.setattr(name_keys_process, "make_copy", not_started)
    copied_by_the_keeper(opened, tutorial, monkeypatch)


@pytest.mark.usefixtures("small_figures")
def test_a_table_the_server_expects_to_be_small_is_copied_on_the_keeper_s_thread(
    opened: PostgresStore,  # noqa: F811
    tutorial: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run(tutorial, "ANALYZE hero")
    with psycopg.connect(tutorial) as connection:
        assert name_keys_keeper._estimated_heroes(connection) == EVERY
    monkeypatch.setattr(name_keys_keeper, "PROCESS_FROM", EVERY + 1)
    monkeypatch.setattr(name_keys_process, "make_copy", _refused)
    copied_by_the_keeper(opened, tutorial, monkeypatch)


def copied_by_the_keeper(
    opened: PostgresStore,  # noqa: F811
    tutorial: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The copy is made on the keeper's own thread, and every query answers by the rules."""
    keepers_only(monkeypatch, "_fill")
    opened.recheck_name_index()
    until(NameCacheState.READY, board_of(opened))
    every_query_as_the_rules_say(HeroRepository(opened), tutorial)


def _refused(*_arguments: Any, **_keywords: Any) -> None:
    raise AssertionError("a process was started for a small table")


@pytest.mark.usefixtures("small_figures")
def test_a_process_that_ends_before_its_first_question_leaves_the_copy_to_the_keeper(
    opened: PostgresStore,  # noqa: F811
    tutorial: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(name_keys_keeper, "PROCESS_FROM", 0)
    listen = name_keys_process._listen
    killed: list[int] = []

    def killed_first(here: Any, process: multiprocessing.process.BaseProcess, *rest: Any) -> None:
        assert process.pid is not None
        os.kill(process.pid, signal.SIGKILL)  # (an import that fails, say)
        killed.append(process.pid)
        listen(here, process, *rest)

    monkeypatch.setattr(name_keys_process, "_listen", killed_first)
    made_here: list[str] = []
    make_copy = name_keys.make_copy

    def recorded(*arguments: Any) -> None:
        made_here.append(threading.current_thread().name)
        make_copy(*arguments)

    monkeypatch.setattr(name_keys, "make_copy", recorded)
    opened.recheck_name_index()
    until(NameCacheState.READY, board_of(opened))

    assert len(killed) == 1
    assert made_here == ["hero-name-keys"]
    every_query_as_the_rules_say(HeroRepository(opened), tutorial)


def test_a_stop_after_the_process_said_done_keeps_the_copy() -> None:
    """Closing as the copy is finished: what the process said is read before giving up."""
    here, there = multiprocessing.Pipe()
    quiet, _ = os.pipe()  # (a process that has not ended)
    process = SimpleNamespace(sentinel=quiet)

    def listened() -> None:
        name_keys_process._listen(here, process, _refused, _refused, lambda: True)  # type: ignore[arg-type]

    with here, there:
        with pytest.raises(BuildStoppedError):
            listened()  # nothing said: stopped
        there.send(("part", None))
        there.send(("done",))
        listened()  # done: kept
        there.close()
        with pytest.raises(BuildStoppedError):
            listened()
    os.close(quiet)


def test_no_workers_are_started_in_a_daemonic_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """The copy's process is daemonic, which may start no process of its own: big batches
    are keyed in it, whatever the cores."""
    monkeypatch.setattr(multiprocessing.current_process(), "daemon", True)
    names = [f"Zoë {number}" for number in range(6_000)]
    with NameKeyer(len(names), pool_from=1, pool_cores=1, tables_from=0) as keyer:
        keys = keyer.keys(names)
        assert keyer._pool is None
    assert keys == name_batch.keys_in_process(names)


def _wait_after_asking_to_die_with_the_thread(asked: Any) -> None:
    name_keys_process._die_with_keeper()
    asked.set()
    time.sleep(WAIT_S)  # (until killed)


@pytest.mark.skipif(sys.platform != "linux", reason="prctl's parent-death signal is Linux's")
def test_the_process_dies_with_the_thread_that_started_it() -> None:
    """As the copy's process does when the window's process dies mid-copy."""
    context = multiprocessing.get_context("spawn")
    asked = context.Event()
    started: list[multiprocessing.process.BaseProcess] = []

    def start() -> None:
        process = context.Process(
            target=_wait_after_asking_to_die_with_the_thread, args=(asked,), daemon=True
        )
        process.start()
        started.append(process)
        assert asked.wait(WAIT_S)  # then the thread ends

    thread = threading.Thread(target=start)
    thread.start()
    thread.join()
    [process] = started
    process.join(WAIT_S)
    assert process.exitcode == -signal.SIGKILL
