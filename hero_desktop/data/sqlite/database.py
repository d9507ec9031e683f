"""The SQLite store: opening a file, its connection, pragmas and schema.

``SqliteStore`` implements ``hero_desktop.data.store.HeroStore``. Everything
particular to SQLite lives in this package: pragmas, the write lock, change
detection through ``PRAGMA data_version``, the search index (here and in
``name_index.py``), paging (``paging.py``) and the SQL of reads and writes
(``access.py``). The repository asks through the store protocol; the UI
never sees SQL.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from hero_desktop.data import names
from hero_desktop.data.errors import (
    DamagedDatabaseError,
    DatabaseError,
    NotADatabaseError,
    OperationCancelledError,
    ReadOnlyDatabaseError,
    SchemaError,
)
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.rows import HeroRow
from hero_desktop.data.sqlite import access, name_index
from hero_desktop.data.sqlite.access import SEARCH_TABLE
from hero_desktop.data.sqlite.errors import primary_code, translate_error
from hero_desktop.data.store import BulkInsertResult, HeroTransaction, NewHero, Pager

SQLITE_HEADER = b"SQLite format 3\x00"
HERO_COLUMNS = ("id", "name", "age", "secret_name")
BUSY_TIMEOUT_MS = 3000
POLL_MS = 500


@dataclass
class SqliteStore:
    """An open SQLite hero database: one connection, its capabilities and its schema.

    The SQLite implementation of ``hero_desktop.data.store.HeroStore``.
    """

    path: Path
    connection: sqlite3.Connection
    read_only: bool
    created: bool
    unfillable_columns: tuple[str, ...] = ()
    has_search_index: bool = False
    name_index: name_index.NameIndexStatus = name_index.NameIndexStatus.FOREIGN
    """Whether the name structures are there (see name_index); FOREIGN: not without consent."""
    # How the connection was opened (check_integrity opens a second one the same way).
    uri: str = ""
    # A read-only open left SQLite's -wal and -shm files that were not there before.
    tidy_on_close: bool = False
    # A private copy of a file whose -wal could not be read where it lies (removed on close).
    private_copy: Path | None = None
    _last_data_version: int = field(default=0, repr=False)
    notice: str = ""
    """Nothing to say after opening a file (the server store explains its live updates here)."""

    @property
    def display_name(self) -> str:
        """How messages name the database: the file's name."""
        return self.path.name

    def poll_interval_ms(self) -> int | None:
        """SQLite has no notifications: the window asks ``changed_elsewhere`` this often."""
        return POLL_MS

    def notification_socket(self) -> int | None:
        return None

    def connection_problem(self) -> str | None:
        return None  # a file has no connection to lose

    def build_name_index(self, progress: Callable[[int, int], bool] | None = None) -> int:
        """Add (or rebuild) the name structures on a connection of its own (any thread)."""
        return add_name_index(self.path, progress)

    def names_ready(self) -> bool:
        """True when search and name order can use the name structures as they are."""
        if self.name_index is not name_index.NameIndexStatus.READY:
            return False
        try:
            if not name_index.has_pending(self.connection):
                return True
            # Another program's rows wait in the log: process them, or scan meanwhile.
            return not self.read_only and self._process_log_if_free()
        except (sqlite3.Error, DatabaseError):
            return False

    def _process_log_if_free(self) -> bool:
        """Process the change log now unless another program holds the write lock.

        Never waits for the lock: a read (a page, a search) must not freeze
        the window; the next poll tries again. A log longer than
        ``SYNC_BUILD_ROWS`` (another program imported many heroes) is left to
        a background rebuild instead (``needs_name_index_build``).
        """
        if name_index.pending_count(self.connection) > SYNC_BUILD_ROWS:
            self.name_index = name_index.NameIndexStatus.REBUILD
            return False
        self.connection.execute("PRAGMA busy_timeout = 0")
        try:
            with self.write():
                pass  # write() processes the log before committing
            return True
        except DatabaseError:
            return False
        finally:
            self.connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def name_index_offer(self) -> str | None:
        """What Hero Desktop would add to this file (with the user's consent), or None."""
        if self.read_only or self.name_index is not name_index.NameIndexStatus.FOREIGN:
            return None
        return name_index.OFFER

    def needs_name_index_build(self) -> bool:
        """Hero Desktop's own file whose name structures must be (re)built in the background."""
        return not self.read_only and self.name_index is name_index.NameIndexStatus.REBUILD

    def recheck_name_index(self) -> None:
        """Look again (another connection may have built or dropped the structures)."""
        with suppress(sqlite3.Error):
            self.name_index = name_index.status(self.connection)
            self.has_search_index = _search_index_ready(self.connection)

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
            if self.name_index is name_index.NameIndexStatus.READY:
                # The same transaction: the names of what was written are never stale.
                name_index.process_pending(self.connection)
            self.connection.execute("COMMIT")
        except BaseException as failure:
            with suppress(sqlite3.Error):
                self.connection.execute("ROLLBACK")
            if isinstance(failure, sqlite3.Error):
                raise translate_error(failure) from failure
            raise

    @contextmanager
    def transaction(self) -> Iterator[HeroTransaction]:
        """A write transaction (``BEGIN IMMEDIATE``) of the store protocol."""
        with self.write() as connection:
            yield access.SqliteTransaction(connection)

    def get(self, hero_id: int) -> HeroRow | None:
        return access.get_hero(self.connection, hero_id)

    def pager(self, query: HeroQuery) -> Pager:
        return access.pager(self, query)

    def snapshot(self, query: HeroQuery) -> AbstractContextManager[Pager]:
        return access.snapshot(self, query)

    def bulk_insert(
        self, batches: Iterable[list[NewHero]], expected_rows: int, *, replace: bool = False
    ) -> BulkInsertResult:
        return access.bulk_insert(self, batches, expected_rows, replace=replace)

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
        if changed:
            self._catch_up_names()
        return changed

    def _catch_up_names(self) -> None:
        """Name rows for what another program wrote (it logged them in hero_desktop_pending)."""
        if self.read_only:
            return
        with suppress(sqlite3.Error, DatabaseError):
            self.name_index = name_index.status(self.connection, check_counts=False)
            self.has_search_index = _search_index_ready(self.connection)
            if self.name_index is name_index.NameIndexStatus.READY and name_index.has_pending(
                self.connection
            ):
                self._process_log_if_free()

    def set_lock_wait(self, milliseconds: int) -> None:
        """How long one statement waits for another program's lock before DatabaseBusyError."""
        with suppress(sqlite3.Error):
            self.connection.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")

    def interrupt(self) -> None:
        """Stop the statement running on this connection now (safe from any thread)."""
        self.connection.interrupt()

    def check_integrity(self, stop: Callable[[], bool] = lambda: False) -> str | None:
        """Run SQLite's quick check on a separate connection: what is wrong, or None.

        None also when the check could not finish (``stop()`` turned true, or
        the file was locked): only damage the check saw is reported.
        """
        try:
            checker = sqlite3.connect(self.uri or _uri(self.path, "ro"), uri=True)
            try:
                checker.set_progress_handler(lambda: int(stop()), 10_000)
                rows = checker.execute("PRAGMA quick_check").fetchall()
            finally:
                checker.close()
        except sqlite3.Error as error:
            text = str(error)
            damaged = any(word in text for word in ("malformed", "corrupt", "not a database"))
            return text if damaged else None
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


Database = SqliteStore
"""The name this class had before the store protocol (kept for existing callers)."""


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
    names.register_functions(connection)
    return connection


def _hero_columns(connection: sqlite3.Connection) -> list[tuple[str, bool, bool, bool]]:
    """(name, not null, has default, primary key) for each column of ``hero``."""
    rows = connection.execute("PRAGMA table_info(hero)").fetchall()
    return [(str(r[1]), bool(r[3]), r[4] is not None, bool(r[5])) for r in rows]


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
    then says what Hero Desktop would add, and ``name_index.add_name_index``
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


def _check_before_first_change(path: Path, connection: sqlite3.Connection, ready: bool) -> None:
    """Check a file before Hero Desktop first changes it (WAL mode, name structures).

    A file already in WAL mode with its name structures is not changed by
    opening, so it is not read through here (opening stays instant at any
    size); ``SqliteStore.check_integrity`` checks it on demand.
    """
    try:
        mode = str(connection.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        if mode == "wal" and ready:
            return
        _quick_check(path, connection)
    except sqlite3.DatabaseError as error:
        if "malformed" in str(error) or "corrupt" in str(error):
            raise DamagedDatabaseError(path, str(error)) from error
        raise translate_error(error, path) from error


QUICK_CHECK_BYTES = 64 * 2**20
"""A file opened without changes is checked at open up to this size (about 0.3 s)."""


def _check_unchanged_file(path: Path, connection: sqlite3.Connection) -> None:
    """A file Hero Desktop may not change: report damage at once when that is cheap."""
    try:
        pages = int(connection.execute("PRAGMA page_count").fetchone()[0])
        size = int(connection.execute("PRAGMA page_size").fetchone()[0])
        if pages * size <= QUICK_CHECK_BYTES:
            _quick_check(path, connection)
    except sqlite3.DatabaseError as error:
        if "malformed" in str(error) or "corrupt" in str(error):
            raise DamagedDatabaseError(path, str(error)) from error
        raise translate_error(error) from error


def _quick_check(path: Path, connection: sqlite3.Connection) -> None:
    rows = connection.execute("PRAGMA quick_check").fetchall()
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
    allow_changes: bool = False,
) -> SqliteStore:
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
    try:
        status = name_index.status(connection, check_counts=False)
    except sqlite3.Error as error:
        raise translate_error(error) from error
    consent = created or allow_changes or status is not name_index.NameIndexStatus.FOREIGN
    if not read_only and not created and consent:
        ready = status is name_index.NameIndexStatus.READY or not search_index
        _check_before_first_change(path, connection, ready)
    elif not read_only and not created:
        _check_unchanged_file(path, connection)

    try:
        if not read_only and consent:
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

    database = SqliteStore(
        path=path,
        connection=connection,
        read_only=read_only,
        created=created,
        unfillable_columns=unfillable,
    )
    try:
        database.has_search_index = _search_index_ready(connection)
        database.name_index = name_index.status(connection)
        if search_index and not read_only and consent:
            _build_names_now(database, created)
    except (sqlite3.Error, DatabaseError):
        # Searching still works without the structures, by scanning.
        database.has_search_index = False
        database.recheck_name_index()
    database.changed_elsewhere()
    return database


SYNC_BUILD_ROWS = 20_000
"""Up to this many heroes, opening builds the name structures at once (well under 1 s)."""


def _build_names_now(database: SqliteStore, created: bool) -> None:
    connection = database.connection
    if database.name_index is name_index.NameIndexStatus.READY:
        return
    if not created and database.name_index is name_index.NameIndexStatus.REBUILD:
        heroes = connection.execute(
            "SELECT count(*) FROM (SELECT 1 FROM hero LIMIT ?)", (SYNC_BUILD_ROWS + 1,)
        ).fetchone()[0]
        if heroes > SYNC_BUILD_ROWS:
            return  # built in the background (the window asks for it)
    with database.write():
        name_index.build(connection)
    database.has_search_index = _search_index_ready(connection)
    database.name_index = name_index.status(connection)


def add_name_index(
    path: str | os.PathLike[str], progress: name_index.Progress | None = None
) -> int:
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
