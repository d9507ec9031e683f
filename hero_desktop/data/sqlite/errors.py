"""SQLite's errors as the typed errors of hero_desktop.data.errors, with messages for people.

Kept apart from the store so that the store and its SQL (access.py) both use
it without importing each other.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hero_desktop.data.errors import (
    DatabaseBusyError,
    DatabaseError,
    DiskFullError,
    ReadOnlyDatabaseError,
    StatementInterruptedError,
)
from hero_desktop.data.words import Words


class SqliteErrorWords(Words):
    """The translation context of SQLite's errors, as the user reads them."""


def primary_code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code of ``error`` (Python reports the extended one).

    An extended code carries the primary one in its low byte: 1555 (a
    primary-key clash) is SQLITE_CONSTRAINT (19), 517 (a busy snapshot) is
    SQLITE_BUSY (5), 1544 (a WAL file that cannot be read without writing)
    is SQLITE_READONLY (8).
    """
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def translate_error(error: sqlite3.Error, path: Path | None = None) -> DatabaseError:
    """Turn a driver error into one whose message a user can act on.

    With ``path`` (errors while opening a file) the message starts by naming the file.
    """
    translated = _translate(error)
    if path is not None:
        translated.args = (
            SqliteErrorWords.tr("Could not open {path}. {reason}").format(
                path=path, reason=translated.message
            ),
        )
    return translated


def _translate(error: sqlite3.Error) -> DatabaseError:
    code = primary_code(error)
    if code is None:
        # No code (an error raised by the driver itself): only its words tell.
        text = str(error).lower()
        code = next(
            (number for words, number in _WORDS if any(word in text for word in words)), None
        )
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return DatabaseBusyError()
    if code == sqlite3.SQLITE_INTERRUPT:
        return StatementInterruptedError(SqliteErrorWords.tr("Cancelled: nothing was changed."))
    if code == sqlite3.SQLITE_FULL:
        return DiskFullError()
    if code == sqlite3.SQLITE_READONLY:
        return ReadOnlyDatabaseError()
    if code == sqlite3.SQLITE_NOTADB:
        return DatabaseError(SqliteErrorWords.tr("The file is not a SQLite database."))
    if code == sqlite3.SQLITE_CORRUPT:
        return DatabaseError(
            SqliteErrorWords.tr("The database file is damaged (database disk image is malformed).")
        )
    if code == sqlite3.SQLITE_IOERR:
        return DatabaseError(
            SqliteErrorWords.tr("The disk reported an input/output error. Nothing was changed.")
        )
    if code == sqlite3.SQLITE_CONSTRAINT:
        return DatabaseError(
            SqliteErrorWords.tr(
                "The database refused the change ({detail}). Nothing was changed."
            ).format(detail=error)
        )
    if code == sqlite3.SQLITE_CANTOPEN:
        return DatabaseError(
            SqliteErrorWords.tr(
                "SQLite could not open the file or the -wal and -shm files it keeps beside it "
                "({detail}): check that the file and its folder can be read."
            ).format(detail=error)
        )
    return DatabaseError(
        SqliteErrorWords.tr("The database reported an error: {detail}.").format(detail=error)
    )


_WORDS = (
    (("locked", "busy"), sqlite3.SQLITE_BUSY),
    (("interrupted",), sqlite3.SQLITE_INTERRUPT),
    (("disk is full", "database or disk is full"), sqlite3.SQLITE_FULL),
    (("readonly", "read-only"), sqlite3.SQLITE_READONLY),
    (("not a database",), sqlite3.SQLITE_NOTADB),
    (("malformed",), sqlite3.SQLITE_CORRUPT),
    (("disk i/o",), sqlite3.SQLITE_IOERR),
    (("unable to open",), sqlite3.SQLITE_CANTOPEN),
)
