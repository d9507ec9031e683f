"""The SQLite store: one open file, its connection, and what the repository asks of it.

``SqliteStore`` implements ``hero_desktop.data.store.HeroStore``; ``open_database``
(database.py) opens a file and hands one out. Everything particular to SQLite
lives in this package: pragmas, the write lock, change detection through
``PRAGMA data_version``, the name index (``name_index.py``), the name cache
of a file it may not change (``name_cache.py``, kept by a thread of its own,
``name_cache_keeper.py``), paging (``paging.py``) and the SQL of reads and
writes (``access.py``). The
repository asks through the store protocol; the UI never sees SQL.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hero_desktop.data import name_index_state
from hero_desktop.data.errors import DatabaseError, ReadOnlyDatabaseError
from hero_desktop.data.name_index_state import (
    LongLog,
    NameCacheBoard,
    NameCacheProgress,
    NameIndexOffer,
    NameIndexState,
    NameIndexStatus,
    NameIndexWork,
)
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.rows import HeroRow
from hero_desktop.data.sqlite import access, files, name_index
from hero_desktop.data.sqlite.connections import BUSY_TIMEOUT_MS as BUSY_TIMEOUT_MS
from hero_desktop.data.sqlite.errors import translate_error
from hero_desktop.data.store import (
    BulkInsertResult,
    HeroTransaction,
    LiveUpdates,
    NewHero,
    Pager,
    ReadOnlyReason,
)

if TYPE_CHECKING:
    # Imported when a cache is started (after the first page): keying names loads tables.
    from hero_desktop.data.sqlite.name_cache_keeper import NameCacheKeeper

POLL_MS = 500
SYNC_BUILD_ROWS = name_index_state.SYNC_BUILD_ROWS
"""Up to this many heroes, the name structures are built while opening; a change log
longer than this is left to a background rebuild (a name of its own: tests shrink it)."""


class InterruptHandle:
    """The store's connection as ``interrupt`` reaches it from another thread.

    Threads: the data worker's thread (the connection's owner) withdraws it
    in ``close`` before closing the connection; any thread (the GUI's,
    superseding a view request) calls ``interrupt``. The lock guards only
    ``_connection``: ``sqlite3.Connection.interrupt`` is safe from any
    thread, but not on a connection being closed. The store never replaces
    its connection, so nothing else is ever published here.
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = connection
        self.waits = threading.Event()
        """Set by ``interrupt`` too: a read waiting for the name cache stops waiting."""
        self.stopped = threading.Event()
        """Set for good (the window closes): no read waits for the name cache again."""

    def interrupt(self) -> None:
        """Stop the statement running on the connection now (instant; never blocks)."""
        self.waits.set()
        with self._lock:
            if self._connection is not None:
                with suppress(sqlite3.ProgrammingError):  # closed by someone else
                    self._connection.interrupt()

    def withdraw(self) -> None:
        """The worker is about to close the connection: no interrupt reaches it after this."""
        with self._lock:
            self._connection = None


@dataclass
class SqliteStore:
    """An open SQLite hero database: one connection, its capabilities and its schema.

    The SQLite implementation of ``hero_desktop.data.store.HeroStore``.
    Everything here is called from the data worker's thread, which owns the
    connection, except ``interrupt`` (any thread, through ``InterruptHandle``).
    """

    path: Path
    connection: sqlite3.Connection
    read_only: bool
    created: bool
    unfillable_columns: tuple[str, ...] = ()
    read_only_reason: ReadOnlyReason | None = None
    names: NameIndexState = field(
        default_factory=lambda: NameIndexState(LongLog.REBUILD, NameIndexOffer.FILE)
    )
    """The name structures' state (name_index_state.py); FOREIGN: not without consent."""
    # How the connection was opened.
    uri: str = ""
    # A read-only open left SQLite's -wal and -shm files that were not there before.
    tidy_on_close: bool = False
    # A private copy of a file whose -wal could not be read where it lies (removed on close).
    private_copy: Path | None = None
    _last_data_version: int = field(default=0, repr=False)
    _interrupts: InterruptHandle = field(init=False, repr=False)
    _cache: NameCacheKeeper | None = field(default=None, repr=False)
    """The name cache's keeper, on a file Hero Desktop may not change (name_cache.py)."""
    _board: NameCacheBoard = field(default_factory=NameCacheBoard, repr=False)
    """Where the keeper posts its progress (the window reads it from any thread)."""
    _attached: Path | None = field(default=None, repr=False)
    """The cache file attached (read-only) to the connection as ``name_cache.SCHEMA``."""

    def __post_init__(self) -> None:
        self._interrupts = InterruptHandle(self.connection)

    @property
    def display_name(self) -> str:
        """How messages name the database: the file's name."""
        return self.path.name

    def poll_interval_ms(self) -> int | None:
        """SQLite has no notifications: the window asks ``changed_elsewhere`` this often."""
        return POLL_MS

    def notification_socket(self) -> int | None:
        return None

    def live_updates(self) -> LiveUpdates:
        return LiveUpdates.AT_ONCE  # the poll's check is instant

    def connection_problem(self) -> str | None:
        return None  # a file has no connection to lose

    def names_ready(self) -> bool:
        """True when search and name order can use the name structures as they are."""
        try:
            return name_index_state.names_ready(self.names, self.read_only, self._log())
        except (sqlite3.Error, DatabaseError):
            return False

    def _log(self) -> name_index_state.PendingLog:
        """The change log as name_index_state's rules ask about it."""
        return name_index_state.PendingLog(
            has_pending=lambda: name_index.has_pending(self.connection),
            # Another program imported many heroes: a background rebuild is faster.
            too_long=lambda: name_index.pending_count(self.connection) > SYNC_BUILD_ROWS,
            key_now=self._process_log_if_free,
        )

    def _process_log_if_free(self) -> bool:
        """Process the change log now unless another program holds the write lock.

        Never waits for the lock: a read (a page, a search) must not freeze
        the window; the next poll tries again.
        """
        self.connection.execute("PRAGMA busy_timeout = 0")
        try:
            with self.write():
                pass  # write() processes the log before committing
            return True
        except DatabaseError:
            return False
        finally:
            self.connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def names_kept_in_writes(self) -> bool:
        """True when every write keeps the name structures current (``write``)."""
        return self.names.status is NameIndexStatus.READY

    def name_schema(self, needed: bool = True) -> str | None:
        """Where search and name order read the names: the file (``main``), the cache, or None.

        ``needed``: the query searches or sorts by name (only then is the
        cache waited for). The cache is read only when it matches the file
        as this connection last saw it (``NameCacheKeeper.usable``).
        """
        if self.names_ready():
            return "main"
        if self._cache is None or not needed:
            return None
        from hero_desktop.data.sqlite import name_cache

        self._interrupts.waits.clear()
        if self._interrupts.stopped.is_set():
            self._interrupts.waits.set()  # (set again: stop_waiting may have come meanwhile)
        cache = self._cache.usable(self._interrupts.waits)
        if cache != self._attached:
            try:
                if self._attached is not None:
                    self.connection.execute(f"DETACH DATABASE {name_cache.SCHEMA}")
                    self._attached = None
                if cache is not None:
                    name_cache.attach(self.connection, cache, name_cache.SCHEMA, "ro")
                    self._attached = cache
            except sqlite3.Error:
                # Inside a snapshot's transaction, or a newer build removed it: scan this once.
                return None
        return None if cache is None else name_cache.SCHEMA

    def name_cache_progress(self) -> NameCacheProgress | None:
        """What the name cache's keeper is doing, or None (no cache for this file)."""
        return self._board.progress()

    def name_cache_board(self) -> NameCacheBoard:
        return self._board

    def _keep_name_cache(self) -> None:
        """Start the name cache on a file whose own name structures cannot be used."""
        as_found = self.names.status is NameIndexStatus.FOREIGN or (
            self.read_only and self.names.status is not NameIndexStatus.READY
        )
        if as_found and self._cache is None:
            from hero_desktop.data.sqlite.name_cache_keeper import NameCacheKeeper

            # Read-only, even where the store may write: the keeper only reads the file.
            source = self.uri.replace("?mode=rwc", "?mode=ro").replace("?mode=rw&", "?mode=ro&")
            with suppress(OSError):
                self._cache = NameCacheKeeper(
                    self.path, source or files.uri(self.path, "ro"), self._board
                )
        elif not as_found and self._cache is not None:
            # The file has its own name structures now (the user agreed): the cache goes.
            keeper = self._cache
            self._stop_name_cache()
            keeper.forget()

    def _stop_name_cache(self) -> None:
        # This connection lets the cache go first: the keeper's, closing last, removes
        # the cache's -wal and -shm files (a read-only attachment cannot).
        if self._attached is not None:
            from hero_desktop.data.sqlite import name_cache

            name_cache.detach(self.connection, name_cache.SCHEMA)
            self._attached = None
        if self._cache is not None:
            self._cache.close()
            self._cache = None

    def name_index_offer(self) -> NameIndexOffer | None:
        """What Hero Desktop would add to this file (with the user's consent), or None."""
        return self.names.offer(self.read_only)

    def needs_name_index_build(self) -> NameIndexWork | None:
        """What must be (re)built or finished in the background in Hero Desktop's own file."""
        return self.names.needs_build(self.read_only)

    def recheck_name_index(self) -> None:
        """Look again (another connection may have built or dropped the structures).

        A big file's two counts are left to ``maintenance.name_counts_differ``:
        on ten million heroes they hold the connection for seconds.
        """
        with suppress(sqlite3.Error):
            small = files.size_bytes(self.connection) <= files.QUICK_CHECK_BYTES
            self.look_at_names(check_counts=small)
        self._keep_name_cache()

    def look_at_names(self, *, check_counts: bool) -> None:
        """Read the structures' status, and whether current ones lack a current pairs index
        (``names.unfinished``: an earlier Hero Desktop built or rebuilt them, or a big import
        left it to the background; read meanwhile, and the pairs index is added)."""
        status = name_index.status(self.connection, check_counts=check_counts)
        self.names.seen(status)
        self.names.unfinished = status is NameIndexStatus.READY and not name_index.has_pairs(
            self.connection
        )

    def add_pairs_now(self) -> None:
        """Add a pairs index left to the background (``names.unfinished``) now, in this
        thread: for a command line (``make demo``), which has no background."""
        if self.needs_name_index_build() is NameIndexWork.FINISH:
            with self.write() as connection:
                name_index.add_pairs(connection)
            self.look_at_names(check_counts=False)

    def name_index_stale(self) -> None:
        self.names.seen(NameIndexStatus.REBUILD)
        self._keep_name_cache()

    @contextmanager
    def write(self, touched: set[int] | None = None) -> Iterator[sqlite3.Connection]:
        """A write transaction: takes the write lock at once, commits or rolls back.

        ``touched``: the ids of the heroes it changed, filled by the time it
        commits (None: any); the name cache follows them.
        """
        if self.read_only:
            raise ReadOnlyDatabaseError()
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise translate_error(error) from error
        try:
            yield self.connection
            if self.names_kept_in_writes():
                # The same transaction: the names of what was written are never stale.
                name_index.process_pending(self.connection)
            self.connection.execute("COMMIT")
            if self._cache is not None:
                self._cache.own_changes(touched)
        except BaseException as failure:
            with suppress(sqlite3.Error):
                self.connection.execute("ROLLBACK")
            if isinstance(failure, sqlite3.Error):
                raise translate_error(failure) from failure
            raise

    @contextmanager
    def transaction(self) -> Iterator[HeroTransaction]:
        """A write transaction (``BEGIN IMMEDIATE``) of the store protocol."""
        touched: set[int] = set()
        with self.write(touched) as connection:
            yield access.SqliteTransaction(connection, touched)

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

    def keys_names_in_bulk(self, expected_rows: int) -> bool:
        return access.keys_names_in_bulk(self, expected_rows)

    def changed_elsewhere(self, wait: bool = True) -> bool:
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
            if self._cache is not None:
                self._cache.file_changed()
            self._catch_up_names()
        return changed

    def _catch_up_names(self) -> None:
        """Name rows for what another program wrote (it logged them in hero_desktop_pending)."""
        if self.read_only:
            return
        with suppress(sqlite3.Error, DatabaseError):
            self.look_at_names(check_counts=False)
            name_index_state.catch_up(self.names, self.read_only, self._log())

    def set_lock_wait(self, milliseconds: int) -> None:
        """How long one statement waits for another program's lock before DatabaseBusyError."""
        with suppress(sqlite3.Error):
            self.connection.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")

    def interrupt(self) -> None:
        """Stop the statement running on this connection now (any thread; never blocks)."""
        self._interrupts.interrupt()

    def stop_waiting(self) -> None:
        """A read waiting for the name cache stops waiting, and no read waits again (any
        thread; never blocks)."""
        self._interrupts.stopped.set()
        self._interrupts.waits.set()

    def close(self) -> None:
        """Checkpoint the WAL into the main file, so that the file alone holds everything."""
        # The keeper's read-only connection closes first: the store's, closing last,
        # then removes SQLite's -wal and -shm files as the last connection does.
        self._stop_name_cache()
        with suppress(sqlite3.Error):
            if not self.read_only:
                self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._interrupts.withdraw()
        with suppress(sqlite3.Error):
            self.connection.close()
        if self.tidy_on_close:
            files.tidy_sidecars(self.path)
        if self.private_copy is not None:
            shutil.rmtree(self.private_copy, ignore_errors=True)
