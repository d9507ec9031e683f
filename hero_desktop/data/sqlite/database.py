"""Opening a SQLite hero file: ``open_database`` returns a ``SqliteStore`` (store.py).

Here: whether the file is opened read-only (asked for, or it or its folder
cannot be written; ``connections.open_read_only`` then says how), the checks
that refuse a file before anything in it changes (files.py), WAL mode and
``synchronous=FULL`` for a file Hero Desktop made or the user agreed to
change, the tutorial's table in a new file (its DDL from ``models.Hero``),
and the name index built at once when that is quick (name_index.py).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import suppress
from pathlib import Path

from hero_desktop.data.errors import (
    DamagedDatabaseError,
    DatabaseError,
    NotADatabaseError,
    SchemaError,
)
from hero_desktop.data.name_index_state import NameIndexStatus
from hero_desktop.data.sqlite import files, name_index
from hero_desktop.data.sqlite import store as sqlite_store
from hero_desktop.data.sqlite.connections import connect, open_read_only
from hero_desktop.data.sqlite.errors import translate_error
from hero_desktop.data.sqlite.store import SqliteStore
from hero_desktop.data.store import ReadOnlyReason
from hero_desktop.data.words import Words


class SqliteDatabaseWords(Words):
    """The translation context of opening a SQLite file."""


def _create_schema(connection: sqlite3.Connection) -> None:
    # Imported here, only when a file is created: SQLAlchemy is not needed to
    # open one, and loading it would delay the first page by half a second.
    from sqlalchemy.dialects import sqlite as sqlite_dialect
    from sqlalchemy.schema import CreateIndex, CreateTable

    from hero_desktop.data.models import Hero

    dialect = sqlite_dialect.dialect()
    table = Hero.__table__  # type: ignore[attr-defined]
    connection.execute(str(CreateTable(table).compile(dialect=dialect)))
    for index in sorted(table.indexes, key=lambda i: str(i.name)):
        connection.execute(str(CreateIndex(index).compile(dialect=dialect)))


def open_database(
    path: str | os.PathLike[str],
    *,
    read_only: bool = False,
    search_index: bool = True,
    allow_changes: bool = False,
) -> SqliteStore:
    """Open (or create) a hero database at ``path``.

    A file Hero Desktop creates gets WAL mode and the name structures from
    the start. A file it did not create (none of its structures inside) is
    opened without any change to its schema or journal mode unless
    ``allow_changes`` is True (the user agreed); ``SqliteStore.name_index_offer``
    then says what Hero Desktop would add, and ``maintenance.build_name_index``
    adds it in the background. ``search_index=False`` leaves the name
    structures out of a new file (search and name order then scan).

    A missing file is created with the tutorial's ``hero`` table. An existing
    file is never recreated: a file that is not SQLite, is damaged, or has a
    ``hero`` table without the tutorial's columns raises a DatabaseError and
    is left untouched. A file or folder that cannot be written is opened
    read-only.
    """
    path = Path(path).expanduser()
    if not path.parent.is_dir():
        raise DatabaseError(
            SqliteDatabaseWords.tr(
                "Could not open {path}. The folder {folder} does not exist."
            ).format(path=path, folder=path.parent)
        )
    if path.is_dir():
        raise DatabaseError(
            SqliteDatabaseWords.tr("{path} is a folder, not a database file.").format(path=path)
        )
    exists = path.exists()
    if exists:
        files.check_header(path)
        writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    else:
        if read_only:
            raise DatabaseError(SqliteDatabaseWords.tr("{path} does not exist.").format(path=path))
        writable = os.access(path.parent, os.W_OK)
        if not writable:
            raise DatabaseError(
                SqliteDatabaseWords.tr("Cannot create {path}: the folder is read-only.").format(
                    path=path
                )
            )
    asked, read_only = read_only, read_only or not writable
    had_sidecars = any(sidecar.exists() for sidecar in files.sidecars(path))

    private_copy: Path | None = None
    try:
        if read_only:
            connection, uri, private_copy = open_read_only(path)
        else:
            uri = files.uri(path, "rwc")
            connection = connect(uri)
    except sqlite3.Error as error:
        raise translate_error(error, path) from error
    try:
        database = _prepare(
            path,
            connection,
            read_only=read_only,
            created=not exists,
            search_index=search_index,
            allow_changes=allow_changes,
        )
    except BaseException:
        connection.close()
        if read_only and writable and not had_sidecars:
            files.tidy_sidecars(path)
        if private_copy is not None:
            shutil.rmtree(private_copy, ignore_errors=True)
        if not exists:
            with suppress(OSError):
                path.unlink()
        raise
    database.uri = uri
    database.private_copy = private_copy
    database.read_only_reason = _read_only_reason(
        asked=asked, writable=writable, uri=uri, private_copy=private_copy
    )
    database.tidy_on_close = read_only and writable and not had_sidecars
    return database


def _read_only_reason(
    *, asked: bool, writable: bool, uri: str, private_copy: Path | None
) -> ReadOnlyReason | None:
    """Why the file was opened read-only (what the file allows comes before the request)."""
    if not writable:
        # Read immutable or from a copy: the folder cannot hold SQLite's -shm file.
        media = private_copy is not None or "immutable=1" in uri
        return ReadOnlyReason.MEDIA if media else ReadOnlyReason.FILE
    return ReadOnlyReason.ASKED if asked else None


def _prepare(
    path: Path,
    connection: sqlite3.Connection,
    *,
    read_only: bool,
    created: bool,
    search_index: bool,
    allow_changes: bool = False,
) -> SqliteStore:
    try:
        connection.execute(f"PRAGMA busy_timeout = {sqlite_store.BUSY_TIMEOUT_MS}")
        # Reading the schema is the first touch of the file's pages: a file
        # with a SQLite header but garbage inside fails here.
        columns = files.hero_columns(connection)
    except sqlite3.DatabaseError as error:
        if "not a database" in str(error) or "encrypted" in str(error):
            raise NotADatabaseError(path) from error
        if "malformed" in str(error) or "corrupt" in str(error):
            raise DamagedDatabaseError(path, str(error)) from error
        raise translate_error(error, path) from error

    # Refuse before changing anything (WAL mode, name index), so the file is left untouched.
    files.check_columns(path, columns)
    try:
        status = name_index.status(connection, check_counts=False)
    except sqlite3.Error as error:
        raise translate_error(error) from error
    consent = created or allow_changes or status is not NameIndexStatus.FOREIGN
    if not read_only and not created and consent:
        ready = status is NameIndexStatus.READY or not search_index
        files.check_before_first_change(path, connection, ready)
    elif not read_only and not created:
        files.check_unchanged_file(path, connection)

    try:
        if not read_only and consent:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
        if not columns:
            if read_only:
                raise SchemaError(
                    SqliteDatabaseWords.tr("{path} has no hero table, and it is read-only.").format(
                        path=path
                    )
                )
            connection.execute("BEGIN IMMEDIATE")
            try:
                _create_schema(connection)
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            columns = files.hero_columns(connection)
    except sqlite3.Error as error:
        raise translate_error(error, path) from error

    files.check_columns(path, columns)
    unfillable = tuple(
        name
        for name, not_null, has_default, primary_key in columns
        if not_null and not has_default and not primary_key and name not in files.HERO_COLUMNS
    )

    database = SqliteStore(
        path=path,
        connection=connection,
        read_only=read_only,
        created=created,
        unfillable_columns=unfillable,
    )
    try:
        # Counting both tables of a big file would hold up its first page: there the
        # worker's warm-up, after that page is painted, counts them (recheck_name_index).
        small = files.size_bytes(connection) <= files.QUICK_CHECK_BYTES
        database.look_at_names(check_counts=small)
        if search_index and not read_only and consent:
            _build_names_now(database, created)
    except (sqlite3.Error, DatabaseError):
        # Searching still works without the structures, by scanning.
        database.recheck_name_index()
    database.changed_elsewhere()
    return database


def _build_names_now(database: SqliteStore, created: bool) -> None:
    connection = database.connection
    names = database.names
    unfinished = names.status is NameIndexStatus.READY and names.unfinished
    if names.status is NameIndexStatus.READY and not unfinished:
        return
    if not created and (unfinished or names.status is NameIndexStatus.REBUILD):
        heroes = connection.execute(
            "SELECT count(*) FROM (SELECT 1 FROM hero LIMIT ?)", (sqlite_store.SYNC_BUILD_ROWS + 1,)
        ).fetchone()[0]
        if heroes > sqlite_store.SYNC_BUILD_ROWS:
            return  # built in the background (the window asks for it)
    with database.write():
        if unfinished:
            name_index.add_pairs(connection)
        else:
            name_index.build(connection)
    database.look_at_names(check_counts=True)
