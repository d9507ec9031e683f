"""Files that are not right (issue 4): not SQLite, damaged, in a missing folder,
read-only, or with another hero table; and what a file Hero Desktop writes holds.

Each case gives a typed error with a clear message and leaves the file
exactly as it was. Faults while writing, and how SQLite's errors become
messages, are in test_write_faults.py.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from hero_desktop.data import maintenance
from hero_desktop.data.errors import (
    DamagedDatabaseError,
    DatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    SchemaError,
)
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import HeroRow, validate_update
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.sqlite.database import open_database
from hero_desktop.data.sqlite.store import SqliteStore

from .conftest import AddHero
from .support import copy_fixture, new_hero, raw_rows

PAGE_SIZE = 4096


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
    db_path: Path, add: AddHero, database: SqliteStore
) -> None:
    for number in range(300):
        add(f"Hero {number}", secret_name="x" * 100)
    database.close()
    damaged = damage(db_path, 3)
    reopened = open_database(db_path)
    try:
        assert maintenance.check_integrity(db_path, lambda: False) is not None
    finally:
        reopened.close()
    assert db_path.read_bytes() == damaged


def test_a_sound_file_passes_the_integrity_check(add: AddHero, database: SqliteStore) -> None:
    add("Deadpond")
    assert maintenance.check_integrity(database.path, lambda: False) is None


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
    db_path: Path, add: AddHero, database: SqliteStore
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
    db_path: Path, add: AddHero, database: SqliteStore
) -> None:
    add("Deadpond", age=30)
    database.close()
    before = db_path.read_bytes()

    read_only = open_database(db_path, read_only=True)
    assert [h.name for h in HeroRepository(read_only).page()] == ["Deadpond"]
    assert maintenance.check_integrity(db_path, lambda: False) is None
    read_only.close()

    assert sorted(p.name for p in db_path.parent.iterdir()) == ["database.db"]
    assert db_path.read_bytes() == before


def test_a_read_only_open_leaves_another_programs_wal_file_alone(
    db_path: Path, add: AddHero, database: SqliteStore
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


# -- journal, checkpoint, creation -------------------------------------------------


def test_the_database_uses_wal_with_synchronous_full(database: SqliteStore) -> None:
    connection = database.connection
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_after_close_the_database_file_alone_holds_every_change(
    tmp_path: Path, db_path: Path, add: AddHero, repo: HeroRepository, database: SqliteStore
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
    db_path: Path, add: AddHero, database: SqliteStore
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
