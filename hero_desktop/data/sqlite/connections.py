"""How every connection to a SQLite file is made: ``connect``, and ``open_read_only``.

Kept apart from the store so that opening (database.py), the store
(store.py) and the maintenance run on connections of their own
(maintenance.py) make them the same way without importing each other.
A connection made here belongs to the thread that made it, for its whole
life.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from hero_desktop.data.errors import DatabaseError
from hero_desktop.data.sqlite import files
from hero_desktop.data.sqlite.errors import primary_code
from hero_desktop.data.words import Words


class SqliteConnectionsWords(Words):
    """The translation context of connecting to a SQLite file."""


BUSY_TIMEOUT_MS = 3000
SORTER_THREADS = max(0, min((os.cpu_count() or 1) - 1, 3))
"""Helper threads SQLite may start for a sort too big for memory (``CREATE INDEX`` on
a big table, an import's indexes): one core each beside the connection's own.
On 2 cores, a million heroes' two column indexes and name order: 2.0 -> 1.6 s."""


def connect(uri: str) -> sqlite3.Connection:
    """A connection to the file at ``uri`` in autocommit mode, with the name functions.

    ``check_same_thread=False`` only lets ``interrupt()`` come from another
    thread (the GUI's); everything else on it stays in the thread that made it.
    """
    connection = sqlite3.connect(
        uri,
        uri=True,
        isolation_level=None,
        timeout=BUSY_TIMEOUT_MS / 1000,
        check_same_thread=False,
    )
    connection.execute(f"PRAGMA threads = {SORTER_THREADS}")
    return connection


def open_read_only(path: Path) -> tuple[sqlite3.Connection, str, Path | None]:
    """A read-only connection to ``path``: (connection, its URI, a private copy to remove).

    ``mode=ro`` keeps seeing other programs' changes. It fails for a WAL
    file whose folder cannot be written (read-only media, a CD, a share):
    SQLite must create the -shm file to read it. Then the file is opened
    ``immutable``, which needs no -shm: nothing can change it there anyway.
    Immutable reading ignores a -wal file, so a file copied with a -wal that
    still holds changes is read from a private copy of both instead.
    """
    uri = files.uri(path, "ro")
    connection = connect(uri)
    try:
        # The first read of the file is where SQLite needs the -shm file.
        connection.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error as error:
        if primary_code(error) not in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY):
            return connection, uri, None  # reported with its cause while preparing
        connection.close()
    else:
        return connection, uri, None
    wal, _ = files.sidecars(path)
    if wal.is_file() and wal.stat().st_size > 0:
        copy = Path(tempfile.mkdtemp(prefix="hero-desktop-"))
        try:
            shutil.copyfile(path, copy / path.name)
            shutil.copyfile(wal, copy / wal.name)
        except OSError as error:
            shutil.rmtree(copy, ignore_errors=True)
            raise DatabaseError(
                SqliteConnectionsWords.tr(
                    "Could not open {path}. Its changes are in {wal}, which can only be read "
                    "from a copy, and the copy failed: {reason}."
                ).format(path=path, wal=wal.name, reason=error.strerror)
            ) from error
        uri = files.uri(copy / path.name, "ro")
        return connect(uri), uri, copy
    uri = files.uri(path, "ro", immutable=True)
    return connect(uri), uri, None
