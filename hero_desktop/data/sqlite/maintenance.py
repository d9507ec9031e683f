"""Long work on a SQLite file, each on a connection of its own, from any thread.

Building the name structures (with the user's consent) and the integrity
check take seconds on a big file, so they run beside the data worker: each
function here takes only values (the file's path, a callback), opens its
own connection in the calling thread, uses it and closes it before
returning. Nothing of an open store is read.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from hero_desktop.data.errors import DatabaseError, ReadOnlyDatabaseError
from hero_desktop.data.name_index_state import NameIndexStatus
from hero_desktop.data.sqlite import files, name_index
from hero_desktop.data.sqlite.connections import connect, open_read_only
from hero_desktop.data.sqlite.errors import translate_error

CHECK_STEPS = 10_000
"""SQLite's virtual machine steps between two looks at ``stop``."""


def build_name_index(
    path: Path,
    progress: name_index.Progress | None = None,
    *,
    read_only: bool = False,
    finish_only: bool = False,
) -> int:
    """Switch the file to WAL mode and (re)build its name structures; return the heroes indexed.

    ``finish_only``: add only the pairs index current structures lack, and
    never build (``name_index.add``). One transaction: ``progress(done,
    total)`` returning False cancels it (OperationCancelledError) and gives
    the file its journal mode back.
    A file opened read-only, or one that cannot be written, is refused
    (ReadOnlyDatabaseError).
    """
    path = Path(path).expanduser()
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    if read_only or (path.exists() and not writable):
        raise ReadOnlyDatabaseError()
    try:
        connection = connect(files.uri(path, "rw"))
    except sqlite3.Error as error:
        raise translate_error(error) from error
    try:
        return name_index.add(connection, progress, finish_only=finish_only)
    finally:
        connection.close()


def name_counts_differ(path: Path, stop: Callable[[], bool] = lambda: False) -> bool:
    """True when the name structures look current but miss heroes or hold gone ones.

    Counts the heroes and their name rows, which reads two whole indexes: on
    ten million heroes seconds after a reboot, so it runs here, beside the
    data worker, and only for files too big for the store to count while
    opening (``SqliteStore.recheck_name_index`` counts the others). False
    when it could not finish (``stop()`` turned true, a lock, an error).
    """
    path = Path(path).expanduser()
    private_copy: Path | None = None
    try:
        checker, _, private_copy = open_read_only(path)
        try:
            if files.size_bytes(checker) <= files.QUICK_CHECK_BYTES:
                return False
            if name_index.status(checker, check_counts=False) is not NameIndexStatus.READY:
                return False
            checker.set_progress_handler(lambda: int(stop()), CHECK_STEPS)
            return not stop() and name_index.status(checker) is NameIndexStatus.REBUILD
        finally:
            checker.close()
    except (sqlite3.Error, DatabaseError):
        return False
    finally:
        if private_copy is not None:
            shutil.rmtree(private_copy, ignore_errors=True)


def check_integrity(path: Path, stop: Callable[[], bool] = lambda: False) -> str | None:
    """SQLite's quick check of the whole file: what is wrong, or None.

    The file is read as a read-only open reads it (``open_read_only``: in
    place, immutable on read-only media, or from a private copy). None also
    when the check could not finish (``stop()`` turned true, or the file was
    locked): only damage the check saw is reported.
    """
    path = Path(path).expanduser()
    private_copy: Path | None = None
    try:
        checker, _, private_copy = open_read_only(path)
        try:
            checker.set_progress_handler(lambda: int(stop()), CHECK_STEPS)
            rows = checker.execute("PRAGMA quick_check").fetchall()
        finally:
            checker.close()
    except sqlite3.Error as error:
        text = str(error)
        damaged = any(word in text for word in ("malformed", "corrupt", "not a database"))
        return text if damaged else None
    except DatabaseError:
        return None  # the private copy could not be made: nothing was checked
    finally:
        if private_copy is not None:
            shutil.rmtree(private_copy, ignore_errors=True)
    problems = [str(row[0]) for row in rows if row[0] != "ok"]
    return "; ".join(problems[:5]) or None
