"""Files that are not right, and faults while writing (issue 4).

Each case gives a typed error with a clear message, leaves the file exactly
as it was, and never loses a confirmed change.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from hero_desktop.data.errors import (
    DamagedDatabaseError,
    DatabaseBusyError,
    DatabaseError,
    DiskFullError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    SchemaError,
)
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import HeroRow, validate_create, validate_update
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.sqlite import errors as sqlite_errors
from hero_desktop.data.sqlite import store as store_module
from hero_desktop.data.sqlite.database import Database, open_database

from .conftest import AddHero
from .support import copy_fixture, raw_rows

PAGE_SIZE = 4096


def new_hero(name: str = "Tarantula") -> object:
    return validate_create({"name": name, "age": 32, "secret_name": "Natalia Roman-on"})


def siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


# -- not a database, damaged ---------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [b"name,age,secret_name\nDeadpond,,Dive Wilson\n" * 50, b"\x00" * 8192, b"SQLite"],
    ids=["csv", "zeros", "short"],
)
def test_a_file_that_is_not_sqlite_is_reported_and_left_untouched(
    db_path: Path, content: bytes
) -> None:
    db_path.write_bytes(content)
    with pytest.raises(NotADatabaseError, match="is not a SQLite database"):
        open_database(db_path)
    assert db_path.read_bytes() == content
    assert siblings(db_path) == ["database.db"]


def test_a_sqlite_header_over_garbage_is_refused_and_left_untouched(db_path: Path) -> None:
    content = b"SQLite format 3\x00" + bytes(range(256)) * 40
    db_path.write_bytes(content)
    with pytest.raises(DatabaseError):
        open_database(db_path)
    assert db_path.read_bytes() == content


def damage(path: Path, page: int) -> bytes:
    data = bytearray(path.read_bytes())
    data[(page - 1) * PAGE_SIZE : page * PAGE_SIZE] = b"\xa5" * PAGE_SIZE
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.mark.parametrize("page", [2, 3, 4], ids=["hero table", "name index", "age index"])
def test_a_damaged_tutorial_file_is_reported_on_open_and_left_untouched(
    tmp_path: Path, page: int
) -> None:
    path = copy_fixture("fastapi-tutorial001.db", tmp_path)
    damaged = damage(path, page)
    with pytest.raises(DamagedDatabaseError, match="is damaged") as refused:
        open_database(path)
    assert "left untouched" in str(refused.value)
    assert path.read_bytes() == damaged
    assert siblings(path) == ["fastapi-tutorial001.db"]


def test_damage_to_a_file_hero_desktop_already_uses_is_found_by_the_integrity_check(
    db_path: Path, add: AddHero, database: Database
) -> None:
    for number in range(300):
        add(f"Hero {number}", secret_name="x" * 100)
    database.close()
    damaged = damage(db_path, 3)
    reopened = open_database(db_path)
    try:
        assert reopened.check_integrity() is not None
    finally:
        reopened.close()
    assert db_path.read_bytes() == damaged


def test_a_sound_file_passes_the_integrity_check(add: AddHero, database: Database) -> None:
    add("Deadpond")
    assert database.check_integrity() is None


# -- missing folder, folders, read-only ----------------------------------------


def test_a_missing_folder_is_reported_naming_the_file_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "database.db"
    with pytest.raises(DatabaseError) as missing:
        open_database(path)
    assert missing.value.message == (
        f"Could not open {path}. The folder {path.parent} does not exist."
    )
    assert not (tmp_path / "nowhere").exists()


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a folder"):
        open_database(tmp_path)


def test_a_read_only_database_reads_but_refuses_every_change(
    db_path: Path, add: AddHero, database: Database
) -> None:
    hero = add("Deadpond", age=30)
    database.close()
    before = db_path.read_bytes()
    read_only = open_database(db_path, read_only=True)
    repo = HeroRepository(read_only)
    try:
        assert read_only.read_only
        assert repo.page() == [hero]
        assert [h.id for h in repo.page(HeroQuery(search="dead"))] == [hero.id]
        with pytest.raises(ReadOnlyDatabaseError, match="read-only"):
            repo.create(new_hero())  # type: ignore[arg-type]
        with pytest.raises(ReadOnlyDatabaseError):
            repo.update(hero.id, validate_update({"age": 31}))
        with pytest.raises(ReadOnlyDatabaseError):
            repo.delete(hero.id)
        with pytest.raises(ReadOnlyDatabaseError):
            repo.restore(HeroRow(9, "Ghost", None, "s"))
    finally:
        read_only.close()
    assert db_path.read_bytes() == before


def test_a_tutorial_file_opened_read_only_is_not_converted(tmp_path: Path) -> None:
    path = copy_fixture("fastapi-tutorial001.db", tmp_path)
    before = path.read_bytes()
    opened = open_database(path, read_only=True)
    try:
        assert [h.id for h in HeroRepository(opened).page()] == [1, 3, 4, 5]
    finally:
        opened.close()
    assert path.read_bytes() == before


def test_reading_a_wal_file_read_only_leaves_no_wal_or_shm_file_behind(
    db_path: Path, add: AddHero, database: Database
) -> None:
    add("Deadpond", age=30)
    database.close()
    before = db_path.read_bytes()

    read_only = open_database(db_path, read_only=True)
    assert [h.name for h in HeroRepository(read_only).page()] == ["Deadpond"]
    assert read_only.check_integrity() is None
    read_only.close()

    assert sorted(p.name for p in db_path.parent.iterdir()) == ["database.db"]
    assert db_path.read_bytes() == before


def test_a_read_only_open_leaves_another_programs_wal_file_alone(
    db_path: Path, add: AddHero, database: Database
) -> None:
    add("Deadpond", age=30)
    database.close()
    other = sqlite3.connect(db_path)  # another program, with a change still in the -wal
    try:
        other.execute("PRAGMA wal_autocheckpoint = 0")
        other.execute("INSERT INTO hero (name, secret_name) VALUES ('Rusty-Man', 'Tommy')")
        other.commit()

        read_only = open_database(db_path, read_only=True)
        assert [h.name for h in HeroRepository(read_only).page()] == ["Deadpond", "Rusty-Man"]
        read_only.close()

        assert (db_path.parent / "database.db-wal").stat().st_size > 0
        assert other.execute("SELECT count(*) FROM hero").fetchone() == (2,)
    finally:
        other.close()
    assert [row[1] for row in raw_rows(db_path)] == ["Deadpond", "Rusty-Man"]


def test_a_missing_file_cannot_be_opened_read_only(db_path: Path) -> None:
    with pytest.raises(DatabaseError, match="does not exist"):
        open_database(db_path, read_only=True)
    assert not db_path.exists()


# -- a hero table of another shape ---------------------------------------------


def test_a_hero_table_of_another_shape_says_what_is_missing_and_is_left_untouched(
    db_path: Path,
) -> None:
    connection = sqlite3.connect(db_path)
    connection.execute("CREATE TABLE hero (id INTEGER PRIMARY KEY, name VARCHAR)")
    connection.execute("INSERT INTO hero (name) VALUES ('Deadpond')")
    connection.commit()
    connection.close()
    before = db_path.read_bytes()
    with pytest.raises(SchemaError, match="no age, secret_name columns") as refused:
        open_database(db_path)
    assert "left untouched" in str(refused.value)
    assert db_path.read_bytes() == before
    assert siblings(db_path) == ["database.db"]


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
    db_path: Path, database: Database, repo: HeroRepository, add: AddHero
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


# -- journal, checkpoint, creation -------------------------------------------------


def test_the_database_uses_wal_with_synchronous_full(database: Database) -> None:
    connection = database.connection
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_after_close_the_database_file_alone_holds_every_change(
    tmp_path: Path, db_path: Path, add: AddHero, repo: HeroRepository, database: Database
) -> None:
    add("Deadpond")
    kept = add("Spider-Boy", age=16)
    repo.update(kept.id, validate_update({"age": 17}))
    repo.delete(1)
    database.close()
    lone = tmp_path / "copy" / "database.db"
    lone.parent.mkdir()
    shutil.copyfile(db_path, lone)  # without database.db-wal
    assert raw_rows(lone) == [(kept.id, "Spider-Boy", 17, "Secret")]


def test_a_missing_file_is_created_with_the_hero_table(db_path: Path) -> None:
    created = open_database(db_path)
    try:
        assert created.created
        assert HeroRepository(created).count() == 0
    finally:
        created.close()
    assert raw_rows(db_path) == []


def test_an_existing_file_is_never_recreated(
    db_path: Path, add: AddHero, database: Database
) -> None:
    hero = add("Deadpond")
    database.close()
    inode = db_path.stat().st_ino
    reopened = open_database(db_path)
    try:
        assert not reopened.created
        assert HeroRepository(reopened).page() == [hero]
    finally:
        reopened.close()
    assert db_path.stat().st_ino == inode


def test_a_sqlite_file_without_a_hero_table_gets_one_and_keeps_its_other_tables(
    db_path: Path,
) -> None:
    connection = sqlite3.connect(db_path)
    connection.execute("CREATE TABLE team (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO team (name) VALUES ('Preventers')")
    connection.commit()
    connection.close()
    opened = open_database(db_path)
    try:
        assert HeroRepository(opened).count() == 0
    finally:
        opened.close()
    connection = sqlite3.connect(db_path)
    teams = connection.execute("SELECT name FROM team").fetchall()
    connection.close()
    assert teams == [("Preventers",)]


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
