"""Faults while writing (issue 4), and SQLite's errors as messages about a file.

A full disk or another program's write lock gives a typed error with a clear
message, leaves the file as it was before that change, and never loses a
confirmed change; a driver error is read by its result code, not its words.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from hero_desktop.data.errors import (
    DatabaseBusyError,
    DatabaseError,
    DiskFullError,
    ReadOnlyDatabaseError,
)
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import HeroRow, validate_update
from hero_desktop.data.sqlite import errors as sqlite_errors
from hero_desktop.data.sqlite import store as store_module
from hero_desktop.data.sqlite.database import open_database
from hero_desktop.data.sqlite.store import SqliteStore

from .conftest import AddHero
from .support import new_hero, raw_rows

# -- faults while writing --------------------------------------------------------


def add_until_refused(add: AddHero) -> tuple[list[HeroRow], DatabaseError]:
    """Add big heroes until the database refuses one; the ones it took, and the refusal."""
    confirmed: list[HeroRow] = []
    for number in range(1000):
        try:
            confirmed.append(add(f"Hero {number} " + "x" * 240, secret_name="y" * 255))
        except DatabaseError as refusal:
            return confirmed, refusal
    raise AssertionError("the size limit was never reached")


def test_disk_full_reports_and_leaves_the_database_as_before_that_change(
    db_path: Path, database: SqliteStore, repo: HeroRepository, add: AddHero
) -> None:
    add("Deadpond")
    connection = database.connection
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")
    confirmed, refusal = add_until_refused(add)
    assert isinstance(refusal, DiskFullError)
    assert "disk is full" in str(refusal)
    assert raw_rows(db_path)[1:] == [tuple(hero) for hero in confirmed]
    connection.execute("PRAGMA max_page_count = 1073741823")
    assert add("After the disk was freed").id == len(confirmed) + 2


def test_a_write_while_another_process_holds_the_lock_reports_busy(
    db_path: Path, add: AddHero, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("Deadpond")
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 200)
    waiting = open_database(db_path)
    repo = HeroRepository(waiting)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sqlite3, sys
            connection = sqlite3.connect({str(db_path)!r}, isolation_level=None)
            connection.execute("BEGIN IMMEDIATE")
            print("locked", flush=True)
            sys.stdin.readline()
            connection.execute("ROLLBACK")
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(DatabaseBusyError, match="busy"):
            repo.create(new_hero())  # type: ignore[arg-type]
        with pytest.raises(DatabaseBusyError):
            repo.update(1, validate_update({"age": 1}))
        assert repo.count() == 1
    finally:
        holder.communicate("done\n", timeout=30)
        waiting.close()
    assert holder.returncode == 0
    assert [row[1] for row in raw_rows(db_path)] == ["Deadpond"]


def test_a_write_succeeds_once_the_lock_is_released(
    db_path: Path, repo: HeroRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    blocked = open_database(db_path)
    with pytest.raises(DatabaseBusyError):
        HeroRepository(blocked).create(new_hero())  # type: ignore[arg-type]
    other.execute("ROLLBACK")
    other.close()
    retried = HeroRepository(blocked).create(new_hero())  # type: ignore[arg-type]
    blocked.close()
    assert raw_rows(db_path) == [tuple(retried)]


# -- messages about a file -------------------------------------------------------


def driver_error(kind: type[sqlite3.Error], text: str, code: int) -> sqlite3.Error:
    """An error as Python's sqlite3 raises it, with SQLite's extended result code."""
    error = kind(text)
    error.sqlite_errorcode = code
    return error


def test_a_primary_key_clash_is_a_refused_change_not_a_full_disk(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "x.db")
    connection.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, full_name TEXT UNIQUE)")
    connection.execute("INSERT INTO person VALUES (1, 'Ann')")
    with pytest.raises(sqlite3.IntegrityError) as clash:
        connection.execute("INSERT INTO person VALUES (1, 'Bob')")
    with pytest.raises(sqlite3.IntegrityError) as unique:
        connection.execute("INSERT INTO person VALUES (2, 'Ann')")  # "...person.full_name"
    connection.close()
    assert clash.value.sqlite_errorcode == 1555  # SQLITE_CONSTRAINT_PRIMARYKEY

    for error in (clash.value, unique.value):
        translated = sqlite_errors.translate_error(error)
        assert not isinstance(translated, DiskFullError)
        assert translated.message.startswith("The database refused the change (")
        assert translated.message.endswith("). Nothing was changed.")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (517, DatabaseBusyError),  # SQLITE_BUSY_SNAPSHOT
        (262, DatabaseBusyError),  # SQLITE_LOCKED_SHAREDCACHE
        (776, ReadOnlyDatabaseError),  # SQLITE_READONLY_DBMOVED
        (1544, ReadOnlyDatabaseError),  # SQLITE_READONLY_CANTINIT
    ],
)
def test_extended_result_codes_are_read_by_their_primary_code(
    code: int, expected: type[DatabaseError]
) -> None:
    translated = sqlite_errors.translate_error(
        driver_error(sqlite3.OperationalError, "words that match nothing", code)
    )

    assert type(translated) is expected
    assert "words that match nothing" not in translated.message


def test_an_input_output_error_says_so_by_its_code() -> None:
    translated = sqlite_errors.translate_error(
        driver_error(sqlite3.OperationalError, "disk I/O error", 3338)
    )

    assert translated.message == "The disk reported an input/output error. Nothing was changed."


def test_an_error_while_opening_names_the_file_and_the_cause(tmp_path: Path) -> None:
    path = tmp_path / "heroes.db"
    error = driver_error(sqlite3.OperationalError, "unable to open database file", 14)

    translated = sqlite_errors.translate_error(error, path)

    assert translated.message == (
        f"Could not open {path}. SQLite could not open the file or the -wal and -shm files "
        "it keeps beside it (unable to open database file): check that the file and its "
        "folder can be read."
    )


def test_a_file_locked_while_opening_names_the_file(db_path: Path) -> None:
    sqlite3.connect(db_path).close()
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")  # nobody else can even read it
    try:
        with pytest.raises(DatabaseBusyError) as busy:
            open_database(db_path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()

    assert busy.value.message.startswith(f"Could not open {db_path}. The database is busy")
