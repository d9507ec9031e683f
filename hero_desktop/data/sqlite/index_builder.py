"""Adding the name structures to a file, with the user's consent, in the background.

``add_name_index`` opens the file on a connection of its own (SQLite
connections stay in their thread), switches it to WAL mode, so the window's
connection keeps reading while the build holds the write lock, then builds
everything in one transaction (``SqliteStore.build_name_index``): Cancel
(``progress`` returning False) or a crash leaves the file with no name
structures at all.
"""

from __future__ import annotations

import os

from hero_desktop.data.errors import ReadOnlyDatabaseError
from hero_desktop.data.sqlite import name_index
from hero_desktop.data.sqlite.database import open_database

Progress = name_index.Progress


def add_name_index(path: str | os.PathLike[str], progress: Progress | None = None) -> int:
    """Switch the file to WAL mode and (re)build its name structures; return the heroes indexed."""
    database = open_database(path)
    try:
        if database.read_only:
            raise ReadOnlyDatabaseError()
        return database.build_name_index(progress)
    finally:
        database.close()
