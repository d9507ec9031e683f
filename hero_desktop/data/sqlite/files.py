"""Checks and helpers about a SQLite file itself: its header, its sidecar files, its schema.

What ``open_database`` (database.py) asks before it opens or changes a file:
is it SQLite at all, is it damaged, does its ``hero`` table have the
tutorial's columns, and which -wal and -shm files sit beside it. Nothing
here keeps a connection open.
"""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from pathlib import Path
from urllib.parse import quote

from hero_desktop.data.errors import (
    DamagedDatabaseError,
    DatabaseError,
    NotADatabaseError,
    SchemaError,
)
from hero_desktop.data.sqlite.errors import translate_error
from hero_desktop.data.words import Words


class SqliteFilesWords(Words):
    """The translation context of the checks of a SQLite file itself."""


SQLITE_HEADER = b"SQLite format 3\x00"
HERO_COLUMNS = ("id", "name", "age", "secret_name")


def uri(path: Path, mode: str, *, immutable: bool = False) -> str:
    uri = f"file:{quote(str(path.resolve()))}?mode={mode}"
    return uri + "&immutable=1" if immutable else uri


def sidecars(path: Path) -> tuple[Path, Path]:
    """SQLite's -wal and -shm files beside a database in WAL mode."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def tidy_sidecars(path: Path) -> None:
    """Let SQLite remove the -wal and -shm files a read-only connection left behind.

    A read-only connection cannot checkpoint, so closing it leaves them. A
    read-write connection that only reads and closes does what SQLite does
    when the last connection closes: checkpoints an empty WAL (the database
    file is not changed) and deletes both files. If another program has the
    file open, SQLite sees that and leaves its files alone.
    """
    if not any(sidecar.exists() for sidecar in sidecars(path)):
        return
    with suppress(sqlite3.Error):
        tidier = sqlite3.connect(uri(path, "rw"), uri=True)
        try:
            tidier.execute("PRAGMA schema_version").fetchone()
        finally:
            tidier.close()


def check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseError(
            SqliteFilesWords.tr("{path} cannot be read: {reason}.").format(
                path=path, reason=error.strerror
            )
        ) from error
    if header and header != SQLITE_HEADER:
        raise NotADatabaseError(path)


def hero_columns(connection: sqlite3.Connection) -> list[tuple[str, bool, bool, bool]]:
    """(name, not null, has default, primary key) for each column of ``hero``."""
    rows = connection.execute("PRAGMA table_info(hero)").fetchall()
    return [(str(r[1]), bool(r[3]), r[4] is not None, bool(r[5])) for r in rows]


def check_columns(path: Path, columns: list[tuple[str, bool, bool, bool]]) -> None:
    """Refuse a ``hero`` table without the tutorial's columns (no table at all is fine)."""
    names = [column[0] for column in columns]
    missing = [column for column in HERO_COLUMNS if column not in names]
    if names and missing:
        raise SchemaError(
            SqliteFilesWords.tr(
                "The hero table in {path} has no {columns} column(s), so Hero Desktop "
                "cannot use it. The file was left untouched.",
                "",
                len(missing),
            ).format(path=path, columns=", ".join(missing))
        )


def check_before_first_change(path: Path, connection: sqlite3.Connection, ready: bool) -> None:
    """Check a file before Hero Desktop first changes it (WAL mode, name structures).

    A file already in WAL mode with its name structures is not read through
    here (opening stays instant at any size): opening changes at most its
    pairs index, from its own name rows (name_index.py);
    ``maintenance.check_integrity`` checks it on demand.
    """
    try:
        mode = str(connection.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        if mode == "wal" and ready:
            return
        quick_check(path, connection)
    except sqlite3.DatabaseError as error:
        if "malformed" in str(error) or "corrupt" in str(error):
            raise DamagedDatabaseError(path, str(error)) from error
        raise translate_error(error, path) from error


QUICK_CHECK_BYTES = 64 * 2**20
"""A file opened without changes is checked at open up to this size (about 0.3 s)."""


def check_unchanged_file(path: Path, connection: sqlite3.Connection) -> None:
    """A file Hero Desktop may not change: report damage at once when that is cheap."""
    try:
        pages = int(connection.execute("PRAGMA page_count").fetchone()[0])
        size = int(connection.execute("PRAGMA page_size").fetchone()[0])
        if pages * size <= QUICK_CHECK_BYTES:
            quick_check(path, connection)
    except sqlite3.DatabaseError as error:
        if "malformed" in str(error) or "corrupt" in str(error):
            raise DamagedDatabaseError(path, str(error)) from error
        raise translate_error(error) from error


def quick_check(path: Path, connection: sqlite3.Connection) -> None:
    rows = connection.execute("PRAGMA quick_check").fetchall()
    lines = [line for row in rows for line in str(row[0]).splitlines()]
    problems = [line for line in lines if line != "ok" and not line.startswith("***")]
    if problems:
        raise DamagedDatabaseError(path, "; ".join(problems[:3]))


def size_bytes(connection: sqlite3.Connection) -> int:
    """The database file's size as SQLite counts it (pages times page size)."""
    pages = int(connection.execute("PRAGMA page_count").fetchone()[0])
    return pages * int(connection.execute("PRAGMA page_size").fetchone()[0])
