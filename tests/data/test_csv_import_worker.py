"""A big CSV import read, checked and keyed by a worker process beside the inserts.

"Big" is made small here (``WORKER_FROM_BYTES``, ``BULK_PENDING``) so that a
few rows take the worker's way. The worker only goes the way a clean file
goes: a problem in the file, a worker that dies or cannot start, all end with
the file read in the importing thread, which says what the import without a
worker says, in the user's language.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing
from functools import partial
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

from hero_desktop.data import csv_io, csv_worker, words
from hero_desktop.data.csv_reading import CsvLayout, RowReader, inspect_csv
from hero_desktop.data.errors import (
    DatabaseBusyError,
    ImportFailedError,
    OperationCancelledError,
)
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.name_keyer import NameKeyer
from hero_desktop.data.sqlite import name_index
from hero_desktop.data.sqlite.store import SqliteStore
from hero_desktop.data.store import KeyedBatch, NewHero

from .csv_support import add_hero, rows, write
from .name_index_support import ROSTER, name_rows_agree, searched


@pytest.fixture(autouse=True)
def small_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csv_worker, "WORKER_FROM_BYTES", 100)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(name_index, "BULK_PENDING", 10)
    monkeypatch.setattr(csv_io, "BATCH_ROWS", 7)  # several batches over the pipe


def roster_csv(tmp_path: Path, count: int = 90, last_line: str = "") -> Path:
    lines = "".join(f"{ROSTER[i % len(ROSTER)]} {i},{i % 100},S {i}\n" for i in range(count))
    return write(tmp_path / "in.csv", "name,age,secret_name\n" + lines + last_line)


class Seen:
    """What reached the store's bulk insert: each batch's type, and how many inserts began."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, database: SqliteStore) -> None:
        self.kinds: list[type] = []
        self.inserts = 0
        real = database.bulk_insert

        def watched(batches: Iterator[list[NewHero]], expected_rows: int) -> object:
            self.inserts += 1

            def each() -> Iterator[list[NewHero]]:
                for batch in batches:
                    self.kinds.append(type(batch))
                    yield batch

            return real(each(), expected_rows)

        monkeypatch.setattr(database, "bulk_insert", watched)


def no_worker_left() -> bool:
    return not multiprocessing.active_children()


def test_a_big_import_is_read_and_keyed_by_the_worker_and_the_names_follow_the_rules(
    database: SqliteStore,
    repo: HeroRepository,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_hero(repo, "Rusty-Man", 48, "Tommy Sharp")
    seen = Seen(monkeypatch, database)
    # The keys come from the worker: keying here would be a second time.
    monkeypatch.setattr(NameKeyer, "keys", lambda self, values: pytest.fail("keyed here"))
    done: list[tuple[int, int]] = []

    def progress(rows: int, estimated_total: int) -> bool:
        done.append((rows, estimated_total))
        return True

    result = csv_io.import_csv(database, roster_csv(tmp_path), progress)

    assert (result.imported, result.first_id, result.last_id) == (90, 2, 91)
    assert seen.kinds == [KeyedBatch] * 13  # 90 rows, 7 a batch
    assert [hero[1:] for hero in rows(database)[1:4]] == [
        ("Zoë 0", 0, "S 0"),
        ("ZOË 1", 1, "S 1"),
        ("zoe 2", 2, "S 2"),
    ]
    name_rows_agree(database)
    assert searched(repo, "muller")[:2] == ["Müller 18", "Müller 3"]
    # (0 while the worker starts: a cancel is asked every LISTEN_S meanwhile.)
    assert list(dict.fromkeys(rows for rows, _ in done if rows)) == [*range(7, 90, 7), 90]
    assert done[-1] == (90, 90)
    assert no_worker_left()


def test_an_import_whose_names_the_store_keys_later_is_read_here(
    database: SqliteStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As a server's store: the worker would take the core the server needs.
    seen = Seen(monkeypatch, database)
    monkeypatch.setattr(name_index, "BULK_PENDING", 10**6)  # names by the change log
    assert not database.keys_names_in_bulk(10**5)

    assert csv_io.import_csv(database, roster_csv(tmp_path)).imported == 90

    assert seen.kinds == [list] * 13
    name_rows_agree(database)


def test_a_small_file_is_read_here(
    database: SqliteStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = roster_csv(tmp_path)
    monkeypatch.setattr(csv_worker, "WORKER_FROM_BYTES", source.stat().st_size + 1)
    seen = Seen(monkeypatch, database)

    csv_io.import_csv(database, source)

    assert seen.kinds == [list] * 13
    name_rows_agree(database)


def test_a_problem_is_found_and_worded_here_in_the_users_language(
    database: SqliteStore, repo: HeroRepository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_hero(repo, "Rusty-Man", 48, "Tommy Sharp")
    before = rows(database)
    source = roster_csv(tmp_path, last_line="Late,x,S\nLater,,\n")
    english = words.english
    monkeypatch.setattr(words._Installed, "translate", lambda *source: "» " + english(*source))

    seen = Seen(monkeypatch, database)

    with pytest.raises(ImportFailedError) as refused:
        csv_io.import_csv(database, source)

    # The worker's 12 whole batches were rolled back (the 6 rows after them wait for the
    # problem); the problems were found here, writing nothing.
    assert (seen.inserts, seen.kinds) == (1, [KeyedBatch] * 12)

    assert refused.value.problems == [
        (92, "» Age must be a whole number"),
        (93, "» Secret name is required"),
    ]
    assert rows(database) == before
    name_rows_agree(database)
    assert no_worker_left()


def prepare_and_die(
    path: str, layout: CsvLayout, checked: csv_worker.Checked, sending: Connection
) -> None:
    """The worker's own code, ending its process after the first batch (run in the worker)."""

    def dies_after_a_batch(reader: RowReader, layout: CsvLayout) -> Iterator[list[NewHero]]:
        for batch in checked(reader, layout):
            yield batch
            os._exit(3)

    csv_worker.prepare(path, layout, dies_after_a_batch, sending)


def prepare_and_fail(
    path: str, layout: CsvLayout, checked: csv_worker.Checked, sending: Connection
) -> None:
    """The worker's own code, failing after the first batch (run in the worker)."""

    def fails_after_a_batch(reader: RowReader, layout: CsvLayout) -> Iterator[list[NewHero]]:
        for batch in checked(reader, layout):
            yield batch
            raise RuntimeError("a failure of the worker's own")

    csv_worker.prepare(path, layout, fails_after_a_batch, sending)


@pytest.mark.parametrize("failure", ["dies", "fails", "cannot start", "not in this Python"])
def test_a_worker_that_dies_fails_or_cannot_start_leaves_the_import_to_this_thread(
    database: SqliteStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    failure: str,
) -> None:
    if failure == "dies":
        monkeypatch.setattr(csv_worker, "prepare", prepare_and_die)
    elif failure == "fails":
        monkeypatch.setattr(csv_worker, "prepare", prepare_and_fail)
    elif failure == "cannot start":

        def no_processes(method: str) -> object:
            raise OSError("no processes here")

        monkeypatch.setattr(multiprocessing, "get_context", no_processes)
    else:  # the standalone bundle leaves multiprocessing out
        monkeypatch.setattr(csv_worker.ImportWorker, "available", staticmethod(lambda: False))
    seen = Seen(monkeypatch, database)

    result = csv_io.import_csv(database, roster_csv(tmp_path))

    assert result.imported == 90
    if failure == "not in this Python":  # known before any transaction
        assert (seen.inserts, seen.kinds) == (1, [list] * 13)
    elif failure == "cannot start":  # a transaction begun, rolled back, then read here
        assert (seen.inserts, seen.kinds) == (2, [list] * 13)
    else:  # one batch from the worker, rolled back; then all of them read here
        assert (seen.inserts, seen.kinds) == (2, [KeyedBatch] + [list] * 13)
    said = [record.getMessage() for record in caplog.records if "worker" in record.getMessage()]
    if failure == "fails":
        assert said == [
            "The CSV import's worker process failed "
            '(RuntimeError("a failure of the worker\'s own")); reading here'
        ]
    name_rows_agree(database)
    assert no_worker_left()


def test_an_import_waiting_for_another_programs_lock_starts_no_worker(
    database: SqliteStore, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[str] = []
    real_context = multiprocessing.get_context

    def counted(method: str) -> object:
        started.append(method)
        return real_context(method)

    monkeypatch.setattr(multiprocessing, "get_context", counted)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # and held: every try of the import waits
    database.set_lock_wait(50)
    try:
        for _ in range(3):  # as the data worker tries again while the lock is held
            with pytest.raises(DatabaseBusyError):
                csv_io.import_csv(database, roster_csv(tmp_path))
    finally:
        other.execute("ROLLBACK")
        other.close()

    assert started == []  # a worker starts once the write lock is held, not per try
    assert csv_io.import_csv(database, roster_csv(tmp_path)).imported == 90
    assert started == ["spawn"]
    assert no_worker_left()


def test_the_file_read_again_for_its_problems_hears_a_cancel(
    database: SqliteStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A problem on line 2: the worker says so at once; then the whole file is read here
    # for its problems, which a cancel ends.
    lines = "".join(f"Hero {i},{i % 100},S {i}\n" for i in range(500))
    source = write(tmp_path / "in.csv", "name,age,secret_name\nBad,x,S\n" + lines)
    asked: list[int] = []

    def progress(done: int, total: int) -> bool:
        asked.append(done)
        return len(asked) < 3

    with pytest.raises(OperationCancelledError):
        csv_io.import_csv(database, source, progress)

    assert set(asked) == {0}  # nothing written, only asked whether to go on
    assert rows(database) == []
    assert no_worker_left()


def prepare_slowly(
    path: str, layout: CsvLayout, checked: csv_worker.Checked, sending: Connection
) -> None:
    """The worker's own code, never reached: it waits for ever (run in the worker)."""
    threading.Event().wait()
    csv_worker.prepare(path, layout, checked, sending)


def test_a_cancel_while_the_worker_starts_ends_the_import_before_any_batch(
    database: SqliteStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_worker, "prepare", prepare_slowly)
    seen = Seen(monkeypatch, database)

    with pytest.raises(OperationCancelledError):
        csv_io.import_csv(database, roster_csv(tmp_path), lambda done, total: False)

    assert seen.kinds == []  # asked while waiting, not after the first batch came
    assert rows(database) == []
    assert no_worker_left()


class Quiet:
    """A progress report that never cancels."""

    def __call__(self, rows: int, read: int) -> None:
        pass

    def finished(self) -> None:
        pass


def test_the_worker_alone_says_it_gave_up_when_it_dies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_worker, "prepare", prepare_and_die)
    source = roster_csv(tmp_path)
    checked = partial(csv_io.checked_batches, batch_rows=7)

    with closing(csv_worker.ImportWorker(source, inspect_csv(source), checked)) as worker:
        batches = worker.batches(Quiet())
        assert len(next(batches)) == 7
        with pytest.raises(csv_worker.WorkerGaveUpError):
            next(batches)
    assert no_worker_left()


def test_a_worker_closed_while_it_still_reads_is_stopped(tmp_path: Path) -> None:
    source = roster_csv(tmp_path, 20_000)  # more than the pipe holds
    checked = partial(csv_io.checked_batches, batch_rows=7)

    with closing(csv_worker.ImportWorker(source, inspect_csv(source), checked)) as worker:
        assert len(next(worker.batches(Quiet()))) == 7
        assert multiprocessing.active_children()
    assert no_worker_left()


def test_a_cancel_stops_the_worker_and_writes_nothing(
    database: SqliteStore, repo: HeroRepository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_hero(repo, "Rusty-Man", 48, "Tommy Sharp")
    before = rows(database)
    source = roster_csv(tmp_path, 2_000)

    seen = Seen(monkeypatch, database)

    with pytest.raises(OperationCancelledError):
        csv_io.import_csv(database, source, lambda done, total: done < 20)

    assert seen.kinds == [KeyedBatch] * 3
    assert rows(database) == before
    name_rows_agree(database)
    assert no_worker_left()
