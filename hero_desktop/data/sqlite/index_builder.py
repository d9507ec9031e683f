"""Adding the name structures to a file, with the user's consent, in the background.

``add_name_index`` runs in a worker thread with its own connection (SQLite
connections stay in their thread). It first switches the file to WAL mode,
so the window's connection keeps reading while the build holds the write
lock, then builds everything in one transaction: Cancel (``progress``
returning False) or a crash leaves the file with no name structures at all.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import suppress

from hero_desktop.data.errors import OperationCancelledError, ReadOnlyDatabaseError
from hero_desktop.data.sqlite import name_index
from hero_desktop.data.sqlite.database import open_database
from hero_desktop.data.sqlite.errors import translate_error

Progress = name_index.Progress


def add_name_index(path: str | os.PathLike[str], progress: Progress | None = None) -> int:
    """Switch the file to WAL mode and (re)build its name structures; return the heroes indexed."""
    database = open_database(path)
    try:
        if database.read_only:
            raise ReadOnlyDatabaseError()
        connection = database.connection
        try:
            mode = str(connection.execute("PRAGMA journal_mode").fetchone()[0])
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
        except sqlite3.Error as error:
            raise translate_error(error) from error
        try:
            with database.write():
                return name_index.build(connection, progress)
        except BaseException as failure:
            # Nothing was added: give the file its journal mode back too.
            with suppress(sqlite3.Error):
                connection.execute(f"PRAGMA journal_mode = {mode}")
            if isinstance(failure, name_index.BuildCancelledError):
                raise OperationCancelledError(
                    "Cancelled: the name index was not added; the file is as it was."
                ) from None
            raise
    finally:
        database.close()
