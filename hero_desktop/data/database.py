"""Opening a hero database: the file, its connection, pragmas and schema.

Everything that is particular to SQLite lives here and in ``paging.py``:
pragmas, the write lock, change detection through ``PRAGMA data_version``,
the search index. The repository asks this module; the UI never sees SQL.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import CreateIndex, CreateTable

from hero_desktop.data.errors import (
    DamagedDatabaseError,
    DatabaseBusyError,
    DatabaseError,
    DiskFullError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    SchemaError,
)
from hero_desktop.data.models import Hero

SQLITE_HEADER = b"SQLite format 3\x00"
HERO_COLUMNS = ("id", "name", "age", "secret_name")
BUSY_TIMEOUT_MS = 3000
SEARCH_TABLE = "hero_search"


def _casefold_expansions() -> dict[str, str]:
    """Non-ASCII characters whose case folding holds ASCII letters (ß -> ss, K -> k).

    SQLite's trigram tokenizer folds case one character at a time, with older
    Unicode tables than Python's, so the index is only trusted for ASCII
    needles (see paging.MatchPager). For those it must see every way a name
    folds into ASCII: the triggers expand these few characters with built-in
    SQL functions only (so they keep working inside the tutorial app). They
    are few on purpose: SQLite's parser overflows past about 30 nested calls.
    """
    expansions: dict[str, str] = {}
    for code in range(0x80, 0x20000):
        char = chr(code)
        if unicodedata.category(char) in ("Cs", "Cn"):
            continue
        folded = char.casefold()
        if folded != char and any(part.isascii() for part in folded):
            expansions[char] = folded
    return expansions


def fold_sql(column: str) -> str:
    """A built-in-only SQL expression that expands multi-character case folds."""
    expression = column
    for char, folded in sorted(_casefold_expansions().items()):
        expression = f"replace({expression}, '{char}', '{folded}')"
    return expression


def casefold_contains(text: object, needle: object) -> bool:
    """The exact search rule: ``needle`` occurs in ``text``, ignoring case."""
    if not isinstance(text, str) or not isinstance(needle, str):
        return False
    return needle.casefold() in text.casefold()


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
        translated.args = (f"Could not open {path}. {translated.message}",)
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
    if code == sqlite3.SQLITE_FULL:
        return DiskFullError()
    if code == sqlite3.SQLITE_READONLY:
        return ReadOnlyDatabaseError()
    if code == sqlite3.SQLITE_NOTADB:
        return DatabaseError("The file is not a SQLite database.")
    if code == sqlite3.SQLITE_CORRUPT:
        return DatabaseError("The database file is damaged (database disk image is malformed).")
    if code == sqlite3.SQLITE_IOERR:
        return DatabaseError("The disk reported an input/output error. Nothing was changed.")
    if code == sqlite3.SQLITE_CONSTRAINT:
        return DatabaseError(f"The database refused the change ({error}). Nothing was changed.")
    if code == sqlite3.SQLITE_CANTOPEN:
        return DatabaseError(
            f"SQLite could not open the file or the -wal and -shm files it keeps beside it "
            f"({error}): check that the file and its folder can be read."
        )
    return DatabaseError(f"The database reported an error: {error}.")


_WORDS = (
    (("locked", "busy"), sqlite3.SQLITE_BUSY),
    (("disk is full", "database or disk is full"), sqlite3.SQLITE_FULL),
    (("readonly", "read-only"), sqlite3.SQLITE_READONLY),
    (("not a database",), sqlite3.SQLITE_NOTADB),
    (("malformed",), sqlite3.SQLITE_CORRUPT),
    (("disk i/o",), sqlite3.SQLITE_IOERR),
    (("unable to open",), sqlite3.SQLITE_CANTOPEN),
)


@dataclass
class Database:
    """An open hero database: one connection, its capabilities and its schema."""

    path: Path
    connection: sqlite3.Connection
    read_only: bool
    created: bool
    unfillable_columns: tuple[str, ...] = ()
    has_search_index: bool = False
    # How the connection was opened (check_integrity opens a second one the same way).
    uri: str = ""
    # A read-only open left SQLite's -wal and -shm files that were not there before.
    tidy_on_close: bool = False
    # A private copy of a file whose -wal could not be read where it lies (removed on close).
    private_copy: Path | None = None
    _last_data_version: int = field(default=0, repr=False)

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: takes the write lock at once, commits or rolls back."""
        if self.read_only:
            raise ReadOnlyDatabaseError()
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise translate_error(error) from error
        try:
            yield self.connection
            self.connection.execute("COMMIT")
        except BaseException as failure:
            with suppress(sqlite3.Error):
                self.connection.execute("ROLLBACK")
            if isinstance(failure, sqlite3.Error):
                raise translate_error(failure) from failure
            raise

    def changed_elsewhere(self) -> bool:
        """True once after another connection (any program) committed a change.

        ``PRAGMA data_version`` moves only for commits by *other* connections,
        so the app's own writes never trigger a refresh of themselves.
        """
        try:
            version = int(self.connection.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return False
        changed = version != self._last_data_version
        self._last_data_version = version
        return changed

    def check_integrity(self) -> str | None:
        """Run SQLite's quick check on a separate connection; None when the file is sound."""
        try:
            checker = sqlite3.connect(self.uri or _uri(self.path, "ro"), uri=True)
            try:
                rows = checker.execute("PRAGMA quick_check").fetchall()
            finally:
                checker.close()
        except sqlite3.Error as error:
            return str(error)
        problems = [str(row[0]) for row in rows if row[0] != "ok"]
        return "; ".join(problems[:5]) or None

    def close(self) -> None:
        """Checkpoint the WAL into the main file, so that the file alone holds everything."""
        with suppress(sqlite3.Error):
            if not self.read_only:
                self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with suppress(sqlite3.Error):
            self.connection.close()
        if self.tidy_on_close:
            _tidy_sidecars(self.path)
        if self.private_copy is not None:
            shutil.rmtree(self.private_copy, ignore_errors=True)


def _uri(path: Path, mode: str, *, immutable: bool = False) -> str:
    uri = f"file:{quote(str(path.resolve()))}?mode={mode}"
    return uri + "&immutable=1" if immutable else uri


def _sidecars(path: Path) -> tuple[Path, Path]:
    """SQLite's -wal and -shm files beside a database in WAL mode."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _tidy_sidecars(path: Path) -> None:
    """Let SQLite remove the -wal and -shm files a read-only connection left behind.

    A read-only connection cannot checkpoint, so closing it leaves them. A
    read-write connection that only reads and closes does what SQLite does
    when the last connection closes: checkpoints an empty WAL (the database
    file is not changed) and deletes both files. If another program has the
    file open, SQLite sees that and leaves its files alone.
    """
    if not any(sidecar.exists() for sidecar in _sidecars(path)):
        return
    with suppress(sqlite3.Error):
        tidier = sqlite3.connect(_uri(path, "rw"), uri=True)
        try:
            tidier.execute("PRAGMA schema_version").fetchone()
        finally:
            tidier.close()


def _open_read_only(path: Path) -> tuple[sqlite3.Connection, str, Path | None]:
    """A read-only connection to ``path``: (connection, its URI, a private copy to remove).

    ``mode=ro`` keeps seeing other programs' changes. It fails for a WAL
    file whose folder cannot be written (read-only media, a CD, a share):
    SQLite must create the -shm file to read it. Then the file is opened
    ``immutable``, which needs no -shm: nothing can change it there anyway.
    Immutable reading ignores a -wal file, so a file copied with a -wal that
    still holds changes is read from a private copy of both instead.
    """
    uri = _uri(path, "ro")
    connection = _connect(uri)
    try:
        # The first read of the file is where SQLite needs the -shm file.
        connection.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error as error:
        if primary_code(error) not in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY):
            return connection, uri, None  # reported with its cause while preparing
        connection.close()
    else:
        return connection, uri, None
    wal, _ = _sidecars(path)
    if wal.is_file() and wal.stat().st_size > 0:
        copy = Path(tempfile.mkdtemp(prefix="hero-desktop-"))
        try:
            shutil.copyfile(path, copy / path.name)
            shutil.copyfile(wal, copy / wal.name)
        except OSError as error:
            shutil.rmtree(copy, ignore_errors=True)
            raise DatabaseError(
                f"Could not open {path}. Its changes are in {wal.name}, which can only be read "
                f"from a copy, and the copy failed: {error.strerror}."
            ) from error
        uri = _uri(copy / path.name, "ro")
        return _connect(uri), uri, copy
    uri = _uri(path, "ro", immutable=True)
    return _connect(uri), uri, None


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseError(f"{path} cannot be read: {error.strerror}.") from error
    if header and header != SQLITE_HEADER:
        raise NotADatabaseError(path)


def _connect(uri: str) -> sqlite3.Connection:
    connection = sqlite3.connect(
        uri,
        uri=True,
        isolation_level=None,
        timeout=BUSY_TIMEOUT_MS / 1000,
        check_same_thread=False,
    )
    connection.create_function("hd_contains", 2, casefold_contains, deterministic=True)
    return connection


def _hero_columns(connection: sqlite3.Connection) -> list[tuple[str, bool, bool, bool]]:
    """(name, not null, has default, primary key) for each column of ``hero``."""
    rows = connection.execute("PRAGMA table_info(hero)").fetchall()
    return [(str(r[1]), bool(r[3]), r[4] is not None, bool(r[5])) for r in rows]


def _create_schema(connection: sqlite3.Connection) -> None:
    dialect = sqlite_dialect.dialect()
    table = Hero.__table__  # type: ignore[attr-defined]
    connection.execute(str(CreateTable(table).compile(dialect=dialect)))
    for index in sorted(table.indexes, key=lambda i: str(i.name)):
        connection.execute(str(CreateIndex(index).compile(dialect=dialect)))


def _create_search_index(connection: sqlite3.Connection) -> None:
    folded_new = fold_sql("new.name")
    # One statement at a time: executescript() would commit the caller's
    # BEGIN IMMEDIATE first, so a half-built index could be left behind.
    statements = (
        f"""CREATE VIRTUAL TABLE IF NOT EXISTS {SEARCH_TABLE}
            USING fts5(name, tokenize = 'trigram case_sensitive 0')""",
        f"DELETE FROM {SEARCH_TABLE}",
        f"INSERT INTO {SEARCH_TABLE}(rowid, name) SELECT id, {fold_sql('name')} FROM hero",
        f"""CREATE TRIGGER IF NOT EXISTS {SEARCH_TABLE}_insert AFTER INSERT ON hero BEGIN
            INSERT INTO {SEARCH_TABLE}(rowid, name) VALUES (new.id, {folded_new});
        END""",
        f"""CREATE TRIGGER IF NOT EXISTS {SEARCH_TABLE}_delete AFTER DELETE ON hero BEGIN
            DELETE FROM {SEARCH_TABLE} WHERE rowid = old.id;
        END""",
        f"""CREATE TRIGGER IF NOT EXISTS {SEARCH_TABLE}_update AFTER UPDATE OF id, name ON hero
        BEGIN
            DELETE FROM {SEARCH_TABLE} WHERE rowid = old.id;
            INSERT INTO {SEARCH_TABLE}(rowid, name) VALUES (new.id, {folded_new});
        END""",
    )
    for statement in statements:
        connection.execute(statement)


def _search_index_ready(connection: sqlite3.Connection) -> bool:
    names = {
        str(row[0])
        for row in connection.execute(
            "SELECT name FROM sqlite_schema WHERE name LIKE ? ESCAPE '\\'",
            (SEARCH_TABLE.replace("_", "\\_") + "%",),
        )
    }
    wanted = {SEARCH_TABLE, *(f"{SEARCH_TABLE}_{kind}" for kind in ("insert", "delete", "update"))}
    return wanted <= names


def open_database(
    path: str | os.PathLike[str], *, read_only: bool = False, search_index: bool = True
) -> Database:
    """Open (or create) a hero database at ``path``.

    A missing file is created with the tutorial's ``hero`` table. An existing
    file is never recreated: a file that is not SQLite, is damaged, or has a
    ``hero`` table without the tutorial's columns raises a DatabaseError and
    is left untouched. A file or folder that cannot be written is opened
    read-only.
    """
    path = Path(path).expanduser()
    if not path.parent.is_dir():
        raise DatabaseError(f"Could not open {path}. The folder {path.parent} does not exist.")
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file.")
    exists = path.exists()
    if exists:
        _check_header(path)
        writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    else:
        if read_only:
            raise DatabaseError(f"{path} does not exist.")
        writable = os.access(path.parent, os.W_OK)
        if not writable:
            raise DatabaseError(f"Cannot create {path}: the folder is read-only.")
    read_only = read_only or not writable
    had_sidecars = any(sidecar.exists() for sidecar in _sidecars(path))

    private_copy: Path | None = None
    try:
        if read_only:
            connection, uri, private_copy = _open_read_only(path)
        else:
            uri = _uri(path, "rwc")
            connection = _connect(uri)
    except sqlite3.Error as error:
        raise translate_error(error, path) from error
    try:
        database = _prepare(
            path, connection, read_only=read_only, created=not exists, search_index=search_index
        )
    except BaseException:
        connection.close()
        if read_only and writable and not had_sidecars:
            _tidy_sidecars(path)
        if private_copy is not None:
            shutil.rmtree(private_copy, ignore_errors=True)
        if not exists:
            with suppress(OSError):
                path.unlink()
        raise
    database.uri = uri
    database.private_copy = private_copy
    database.tidy_on_close = read_only and writable and not had_sidecars
    return database


def _check_columns(path: Path, columns: list[tuple[str, bool, bool, bool]]) -> None:
    """Refuse a ``hero`` table without the tutorial's columns (no table at all is fine)."""
    names = [column[0] for column in columns]
    missing = [column for column in HERO_COLUMNS if column not in names]
    if names and missing:
        raise SchemaError(
            f"The hero table in {path} has no {', '.join(missing)} column"
            f"{'s' if len(missing) > 1 else ''}, so Hero Desktop cannot use it. "
            "The file was left untouched."
        )


def _check_before_first_change(
    path: Path, connection: sqlite3.Connection, search_index: bool
) -> None:
    """Check a file before Hero Desktop first changes it (WAL mode, search index).

    A file already in WAL mode with its search index is not changed by
    opening, so it is not read through here (opening stays instant at any
    size); ``Database.check_integrity`` checks it on demand.
    """
    try:
        mode = str(connection.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        if mode == "wal" and not (search_index and not _search_index_ready(connection)):
            return
        rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        if "malformed" in str(error) or "corrupt" in str(error):
            raise DamagedDatabaseError(path, str(error)) from error
        raise translate_error(error, path) from error
    lines = [line for row in rows for line in str(row[0]).splitlines()]
    problems = [line for line in lines if line != "ok" and not line.startswith("***")]
    if problems:
        raise DamagedDatabaseError(path, "; ".join(problems[:3]))


def _prepare(
    path: Path,
    connection: sqlite3.Connection,
    *,
    read_only: bool,
    created: bool,
    search_index: bool,
) -> Database:
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Reading the schema is the first touch of the file's pages: a file
        # with a SQLite header but garbage inside fails here.
        columns = _hero_columns(connection)
    except sqlite3.DatabaseError as error:
        if "not a database" in str(error) or "encrypted" in str(error):
            raise NotADatabaseError(path) from error
        if "malformed" in str(error) or "corrupt" in str(error):
            raise DamagedDatabaseError(path, str(error)) from error
        raise translate_error(error, path) from error

    # Refuse before changing anything (WAL mode, search index), so the file is left untouched.
    _check_columns(path, columns)
    if not read_only and not created:
        _check_before_first_change(path, connection, search_index)

    try:
        if not read_only:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
        if not columns:
            if read_only:
                raise SchemaError(f"{path} has no hero table, and it is read-only.")
            connection.execute("BEGIN IMMEDIATE")
            try:
                _create_schema(connection)
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            columns = _hero_columns(connection)
    except sqlite3.Error as error:
        raise translate_error(error, path) from error

    _check_columns(path, columns)
    unfillable = tuple(
        name
        for name, not_null, has_default, primary_key in columns
        if not_null and not has_default and not primary_key and name not in HERO_COLUMNS
    )

    database = Database(
        path=path,
        connection=connection,
        read_only=read_only,
        created=created,
        unfillable_columns=unfillable,
    )
    try:
        if search_index and not read_only and not _search_index_ready(connection):
            with database.write():
                _create_search_index(connection)
        database.has_search_index = _search_index_ready(connection)
    except (sqlite3.Error, DatabaseError):
        # Searching still works without the index, by scanning.
        database.has_search_index = False
    database.changed_elsewhere()
    return database
