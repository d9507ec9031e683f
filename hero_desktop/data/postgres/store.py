"""The PostgreSQL store: team mode, many people on one server database.

``PostgresStore`` implements ``hero_desktop.data.store.HeroStore`` and
passes the same contract suite as the SQLite store. Its particulars:

* **Connections.** One connection for the worker's reads and writes
  (autocommit, with explicit transactions), and one ``LISTEN``ing connection
  for other clients' changes (listening.py's ``ChangeListener``). Both are
  opened from the address the user gave; its password (if any) stays in
  memory only. Both belong to the data worker's thread: another thread
  reaches the first only to cancel its statement (``interrupt``, through
  cancel.py's ``CancelHandle``). On a table without the name table, a
  third, read-only, belongs to the name keys' keeper and its thread
  (name_keys_keeper.py), and closes when the keys are copied. The copy
  itself is a SQLite file, whose connection belongs to the worker's thread
  too (name_keys.py).
* **Conflicts.** A transaction reads a hero ``FOR UPDATE``, so the value
  the repository compares with what the user saw cannot change before the
  write: two people never overwrite each other silently.
* **Other clients' changes.** Hero Desktop's trigger sends ``NOTIFY
  hero_desktop`` on every change of ``hero``; ``changed_elsewhere`` asks the
  listening connection for what arrived and ignores this store's own
  commits (the notification carries the sender's backend pid). The window
  watches the listening connection's socket (``notification_socket``) and
  asks only when something arrived. Without the trigger (the role may not
  add it, or the user said Not Now) it falls back to reading the table's
  change counters, which the window polls, and ``live_updates`` says so.
* **A lost connection.** Every call first reconnects a broken connection.
  A failed call raises ``ConnectionLostError`` (nothing was written); a
  commit whose answer was lost is looked up by its transaction id after
  reconnecting, so a change is reported saved exactly when it was.

Why one file of this length: one connection's whole life (reconnecting,
transactions with the lost-commit lookup, keying the change log) is one
state machine; its reads and writes are in access.py, the listening
connection in listening.py, the copy of the name keys it keeps without the
name table in name_keys.py, the name structures' rules in
``hero_desktop.data.name_index_state``.
"""

from __future__ import annotations

import threading
import time
from array import array
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

import psycopg

from hero_desktop.data import name_index_state
from hero_desktop.data.errors import (
    DatabaseError,
    ReadOnlyDatabaseError,
    StatementInterruptedError,
)
from hero_desktop.data.estimate import two_figures
from hero_desktop.data.location import ServerAddress
from hero_desktop.data.name_index_state import (
    LongLog,
    NameCacheBoard,
    NameIndexOffer,
    NameIndexState,
    NameIndexStatus,
    NameIndexWork,
)
from hero_desktop.data.postgres import access, name_keys, schema
from hero_desktop.data.postgres.cancel import CancelHandle, Canceller
from hero_desktop.data.postgres.errors import ConnectionLostError, translate_error
from hero_desktop.data.postgres.listening import ChangeListener
from hero_desktop.data.postgres.name_keys import NameKeys
from hero_desktop.data.postgres.name_keys_keeper import NameKeysKeeper
from hero_desktop.data.postgres.paging import EarlyPager, KeysetPager, ScanPager, ordering
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.rows import HeroRow
from hero_desktop.data.store import (
    BulkInsertResult,
    HeroTransaction,
    LiveUpdates,
    NewHero,
    Pager,
    ReadOnlyReason,
)
from hero_desktop.data.words import Words


class PostgresStoreWords(Words):
    """The translation context of a PostgreSQL store's connection, as the window tells it."""


T = TypeVar("T")
EARLY_PAGE = 100
"""A search's first page may come before all the names are keyed when the heroes
keyed so far hold this many matches (the largest page)."""
POLL_MS = 1000
"""Without notifications (no trigger, or the server away): ask this often."""


@dataclass
class PostgresStore:
    """An open hero database on a PostgreSQL server (``HeroStore``).

    Everything here is called from the data worker's thread, which owns both
    connections, except ``interrupt`` and ``stop_waiting`` (any thread): the
    only state another thread touches is ``_cancel_handle`` and ``_canceller``,
    each locked, and the events ``_waits`` and ``_stopped``.
    """

    address: ServerAddress
    connection: psycopg.Connection
    read_only: bool
    created: bool = False
    unfillable_columns: tuple[str, ...] = ()
    read_only_reason: ReadOnlyReason | None = None
    pairs_index: bool = field(default=True, init=False)
    """The name table has its pairs index (``look_at_parts``), which short searches may read."""
    names: NameIndexState = field(
        default_factory=lambda: NameIndexState(
            LongLog.BATCHES, NameIndexOffer.SERVER, may_install=False, may_read=False, may_key=False
        )
    )
    """The name structures' state: may_install when the role owns ``hero`` (with consent);
    may_read / may_key: the role's rights on the name table and the change log."""
    _lock_wait_ms: int = 3000
    _lost: bool = False
    _reconnected: bool = False
    changes: ChangeListener = field(init=False, repr=False)
    """The LISTENing connection (only with Hero Desktop's notify trigger)."""
    name_keys: NameKeys = field(default_factory=NameKeys, init=False, repr=False)
    """Every hero's name keys in a copy on disk: search and name order while the name
    rows cannot be read. Told of every change this store learns of."""
    _keeper: NameKeysKeeper | None = field(default=None, init=False, repr=False)
    """Builds the name keys in the background, where the name table will not come
    without the user's consent (or at all)."""
    _board: NameCacheBoard = field(default_factory=NameCacheBoard, init=False, repr=False)
    """Where the keeper posts its progress (the window reads it from any thread)."""
    _waits: threading.Event = field(default_factory=threading.Event, init=False, repr=False)
    """Set by ``interrupt`` and ``stop_waiting`` (any thread): a read waiting for the
    keeper stops waiting (or the next wait does, as a cancel sent between statements
    stops the next one)."""
    _stopped: threading.Event = field(default_factory=threading.Event, init=False, repr=False)
    """Set for good by ``stop_waiting`` (the window closes)."""
    _early_answered: bool = field(default=False, init=False, repr=False)
    """A search was answered from the names keyed so far (``EarlyPager``): once all
    are keyed, ``changed_elsewhere`` says so, and the window reads it again."""
    _changes_known: int = field(default=0, init=False, repr=False)
    """How many times the heroes changed, or may have, as this store learnt (its own
    commits, another client's, a reconnect)."""
    _keeper_since: int = field(default=0, init=False, repr=False)
    """``_changes_known`` when the keeper started: the names it keys so far answer a
    search only while no change is known since (they are of its snapshot)."""
    _cancel_handle: CancelHandle = field(init=False, repr=False)
    _canceller: Canceller = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.changes = ChangeListener(self.address)
        self._cancel_handle = CancelHandle(self.connection)
        self._canceller = Canceller(self._cancel_handle)

    @property
    def display_name(self) -> str:
        """How messages name the database: "heroes on db.example"."""
        return self.address.name

    # -- connections -----------------------------------------------------------

    def call(self, work: Callable[[], T]) -> T:
        """Run ``work`` on a live connection; driver errors become typed errors.

        A connection found broken outside a transaction (the server restarted,
        a network blip) is replaced and ``work`` runs once more: only reads
        and a transaction's BEGIN come here, which are safe to repeat.
        """
        self._ensure_connected()
        try:
            return work()
        except psycopg.Error as error:
            self._note_broken()
            if not self._lost:
                self._end_failed_transaction()
                raise self._translated(error) from None
        self._ensure_connected()
        try:
            return work()
        except psycopg.Error as error:
            self._note_broken()
            self._end_failed_transaction()
            raise self._translated(error) from None

    def _translated(self, error: psycopg.Error) -> Exception:
        """The typed error; an interrupt that cancelled a statement is spent."""
        translated = translate_error(error, self.address)
        if isinstance(translated, StatementInterruptedError) and not self._stopped.is_set():
            self._waits.clear()
        return translated

    def _end_failed_transaction(self) -> None:
        """Never leave the connection in a transaction that an error cut short."""
        status = self.connection.info.transaction_status
        if status in (psycopg.pq.TransactionStatus.INTRANS, psycopg.pq.TransactionStatus.INERROR):
            with suppress(psycopg.Error):
                self.connection.execute("ROLLBACK")

    def _note_broken(self) -> None:
        if self.connection.broken or self.connection.closed:
            self._lost = True

    def _ensure_connected(self) -> None:
        if not (self.connection.closed or self.connection.broken):
            return
        self._lost = True
        try:
            connection = access.connect(self.address)
        except DatabaseError:
            raise ConnectionLostError(self.address) from None
        self.connection = connection
        self._cancel_handle.publish(connection)  # cancels now reach the new backend
        self._configure()
        self.changes.stop()
        self._listen()
        self._lost = False
        self._reconnected = True  # what changed while away: refresh everything
        self.name_keys.lost_track()
        self._heroes_changed()

    def _probe(self) -> None:
        """Find out whether the worker's connection still works (marks it lost if not)."""
        try:
            self.connection.execute("SELECT 1")
        except psycopg.Error:
            self._note_broken()

    def _configure(self) -> None:
        self.connection.execute(f"SET lock_timeout = {int(self._lock_wait_ms)}")
        # A search's plan depends on its text (a two-letter search cannot use the
        # trigram index): never a generic plan for statements psycopg prepares.
        self.connection.execute("SET plan_cache_mode = force_custom_plan")
        if self.read_only:
            self.connection.execute("SET default_transaction_read_only = on")

    def _listen(self) -> None:
        """Open the listening connection (only with Hero Desktop's notify trigger)."""
        if self.names.status is NameIndexStatus.READY:
            self.changes.start()

    def notification_socket(self) -> int | None:
        """The listening connection's socket (readable when another client changed heroes)."""
        return self.changes.socket()

    def live_updates(self) -> LiveUpdates:
        """At once through the notify trigger; without it, by polling the change counters."""
        return LiveUpdates.AT_ONCE if self.changes.listening else LiveUpdates.POLLING

    def connection_problem(self) -> str | None:
        """Why the window cannot reach the server right now, or None."""
        if self._lost:
            return PostgresStoreWords.tr("Connection to {server} lost — reconnecting…").format(
                server=self.address.name
            )
        return None

    # -- reading ---------------------------------------------------------------

    def get(self, hero_id: int) -> HeroRow | None:
        if hero_id not in access.INT_RANGE:
            return None

        def read() -> HeroRow | None:
            row = self.connection.execute(
                "SELECT id, name, age, secret_name FROM hero WHERE id = %s", (hero_id,)
            ).fetchone()
            return HeroRow(*row) if row else None

        result: HeroRow | None = self.call(read)
        return result

    def _make_pager(self, query: HeroQuery, *, synced: bool = True, early: bool = False) -> Pager:
        """``synced``: the repository asked ``changed_elsewhere`` just before (a snapshot's
        reader, an export say, does not: the name keys then check the fingerprint).
        ``early``: a search's first page may come from the keys keyed so far."""
        needs_names = query.sort is SortKey.NAME or bool(query.search.strip())
        if needs_names and not self.names_ready():
            if self._keeper is None and not self.name_keys.held():
                self._keep_name_keys()  # a search before the first page's warm-up
            early_pager = self._early_pager(query) if early else None
            if early_pager is not None:
                return early_pager
            self._adopt_built_keys()
            told = synced and self.changes.listening
            return self.name_keys.pager(self._current, query, told_of_changes=told)
        if needs_names:
            self.name_keys.forget()  # the name rows serve search and name order now
        return KeysetPager(self._current, ordering(query, pairs=self.pairs_index))

    def _early_pager(self, query: HeroQuery) -> Pager | None:
        """While the keeper keys the names: a search by id whose first page (and more)
        the heroes keyed so far hold, as soon as they do; None: wait for all the keys."""
        keeper = self._keeper
        if keeper is None or self.name_keys.held() or query.sort is not SortKey.ID:
            return None
        if query.descending or not query.search.strip():
            return None
        if self._changes_known != self._keeper_since:
            return None  # a change since the keeper's snapshot: its keys are checked first
        found, searched = array("q"), 0
        while True:
            keyed = keeper.keyed_so_far()
            if keyed is None:
                if not keeper.building():
                    return None  # done (or failed): the keys themselves answer
                self._waiting(keeper.wait_started)
                continue
            parts, total = keyed
            found += name_keys.matches_so_far(parts[searched:], query)
            searched = len(parts)
            if len(found) >= EARLY_PAGE:
                break
            if not self._waiting(partial(keeper.wait_more, after=searched)):
                break
        if len(found) < EARLY_PAGE:
            return None
        read = sum(len(part.ids) for part in parts)
        estimate = max(len(found), two_figures(len(found) * total / max(read, 1)))
        self._early_answered = True
        return EarlyPager(
            ScanPager(self._current, found), len(found), estimate, lambda: self._make_pager(query)
        )

    def _adopt_built_keys(self) -> None:
        """Before the first use of the name keys: take the keeper's copy, waiting while it
        makes it."""
        keeper = self._keeper
        if keeper is None or self.name_keys.held():
            return
        path = self._waiting(keeper.take)
        if path is None:
            self._stop_keeper()  # the store makes the copy itself from now on
        else:
            self.name_keys.adopt(path)

    def _waiting(self, wait: Callable[[threading.Event], T]) -> T:
        """``wait`` for the keeper; an interrupt that ends it is spent."""
        try:
            return wait(self._waits)
        except StatementInterruptedError:
            if not self._stopped.is_set():
                self._waits.clear()  # (one sent before the wait stops it: a late cancel's way)
            raise

    def _current(self) -> psycopg.Connection:
        return self.connection

    def pager(self, query: HeroQuery) -> Pager:
        return access.TranslatingPager(self, lambda: self._make_pager(query, early=True))

    @contextmanager
    def _snapshot(self, query: HeroQuery) -> Iterator[Pager]:
        self.call(lambda: self.connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ"))
        try:
            yield access.TranslatingPager(self, lambda: self._make_pager(query, synced=False))
        finally:
            with suppress(psycopg.Error):
                self.connection.execute("COMMIT")

    def snapshot(self, query: HeroQuery) -> AbstractContextManager[Pager]:
        return self._snapshot(query)

    def changed_elsewhere(self, wait: bool = True) -> bool:
        """True once after another client committed a change (or after a reconnect).

        ``wait`` asks the server for what it has sent (one round trip, so a
        commit that has returned elsewhere is seen); without it, only what has
        already arrived is read (each page read looks this way).
        """
        try:
            self._ensure_connected()
        except ConnectionLostError:
            return False
        changed, self._reconnected = self._reconnected, False
        keeper = self._keeper
        # What was estimated from some of the names can be counted now: read it again.
        keyed = self._early_answered and (keeper is None or not keeper.building())
        if keyed:
            self._early_answered = False
        if not self.changes.listening and self.names.status is NameIndexStatus.READY:
            self._listen()  # listening again: what was sent meanwhile is lost, so refresh
            changed = changed or self.changes.listening
        if self.changes.listening:
            own = self.connection.info.backend_pid
            try:
                changed = self.changes.heard_from_others(own, wait=wait) or changed
            except psycopg.Error:
                self.changes.stop()
                self._probe()
                return changed or keyed
        elif wait:
            try:
                changed = self.changes.counters_moved(self.connection) or changed
            except psycopg.Error:
                self._note_broken()
        if changed:
            self._heroes_changed()
            with suppress(DatabaseError, psycopg.Error):
                name_index_state.catch_up(self.names, self.read_only, self._log())
        return changed or keyed

    def _heroes_changed(self, own: tuple[int, AbstractSet[int]] | None = None) -> None:
        """``own``: this store's commit (its transaction's id, the heroes it wrote)."""
        self._changes_known += 1
        self.name_keys.changed(own)

    def poll_interval_ms(self) -> int | None:
        """How often the window should ask ``changed_elsewhere``; None: when the socket says
        (but for a search answered from some of the names, which is read again when all are
        keyed)."""
        if not self.changes.listening or self._lost or self._early_answered:
            return POLL_MS
        return None

    @property
    def keys_names(self) -> bool:
        """This store turns the change log into name rows (structures ready, role allowed)."""
        return self.names.keys_names(self.read_only)

    def _log(self) -> name_index_state.PendingLog:
        """The change log as name_index_state's rules ask about it."""
        return name_index_state.PendingLog(
            has_pending=lambda: schema.has_pending(self.connection),
            too_long=lambda: schema.has_backlog(self.connection),
            key_now=self._process_pending_if_free,
            # Inside a snapshot (an export): keying would end its transaction.
            busy=lambda: (
                self.connection.info.transaction_status != psycopg.pq.TransactionStatus.IDLE
            ),
        )

    def _process_pending_if_free(self) -> bool:
        """Key another client's heroes now, unless someone else holds their log rows."""
        with self.transaction(lock_wait_ms=100):
            pass  # the transaction processes the log before committing
        return True

    # -- writing ---------------------------------------------------------------

    def transaction(
        self, lock_wait_ms: int | None = None
    ) -> AbstractContextManager[HeroTransaction]:
        return self._transaction(lock_wait_ms)

    @contextmanager
    def _transaction(self, lock_wait_ms: int | None) -> Iterator[HeroTransaction]:
        if self.read_only:
            raise ReadOnlyDatabaseError()
        xid, backend = self.call(self._begin)
        connection = self.connection
        try:
            if lock_wait_ms is not None:
                connection.execute(f"SET LOCAL lock_timeout = {int(lock_wait_ms)}")
            writes = access.PgTransaction(connection, count_writes=self.name_keys.held())
            yield writes
            if self.keys_names and not self.names.backlog:
                schema.process_pending(connection)
            touched = writes.touched() if xid else None
        except BaseException as failure:
            with suppress(psycopg.Error):
                connection.execute("ROLLBACK")
            if isinstance(failure, psycopg.Error):
                self._note_broken()
                raise translate_error(failure, self.address) from None
            raise
        # The heroes may change now, even if COMMIT's answer is lost.
        self._heroes_changed(own=None if touched is None else (int(xid), touched))
        try:
            connection.execute("COMMIT")
        except psycopg.Error as error:
            self._note_broken()
            if self._committed_after_all(xid, backend):
                return
            raise translate_error(error, self.address) from None

    def _begin(self) -> tuple[str, int]:
        """BEGIN; the transaction's id and the backend's pid (to look it up if COMMIT is lost)."""
        self.connection.execute("BEGIN")
        row = self.connection.execute("SELECT pg_current_xact_id()::text").fetchone()
        return (str(row[0]) if row else ""), self.connection.info.backend_pid

    def _committed_after_all(self, xid: str, backend: int) -> bool:
        """After a COMMIT whose answer was lost: did the server commit it?

        The old backend may still be committing: it is ended first (a role may
        end its own backends), then the transaction's status is final. When
        the server cannot be asked, the user is told that it is not known.
        """
        if not (self.connection.broken or self.connection.closed):
            return False  # the server answered: it refused
        unknown = DatabaseError(
            PostgresStoreWords.tr(
                "The connection to {server} was lost while saving, and Hero Desktop "
                "cannot tell yet whether the change was saved. The roster will show what the "
                "server holds once it is back; check the change then."
            ).format(server=self.address.name)
        )
        try:
            self._ensure_connected()
            connection = self.connection
            connection.execute("SELECT pg_terminate_backend(%s)", (backend,))
            for _ in range(50):
                row = connection.execute("SELECT pg_xact_status(%s::xid8)", (xid,)).fetchone()
                status = row[0] if row else None
                if status in ("committed", "aborted"):
                    return bool(status == "committed")
                time.sleep(0.1)
        except (DatabaseError, psycopg.Error):
            raise unknown from None
        raise unknown

    def bulk_insert(
        self, batches: Iterable[list[NewHero]], expected_rows: int, *, replace: bool = False
    ) -> BulkInsertResult:
        return access.bulk_insert(self, batches, expected_rows, replace=replace)

    def keys_names_in_bulk(self, expected_rows: int) -> bool:
        """False: a big import's names are keyed after it, from the change log (``backlog``)."""
        del expected_rows
        return False

    # -- the connection ----------------------------------------------------------

    def set_lock_wait(self, milliseconds: int) -> None:
        self._lock_wait_ms = int(milliseconds)
        with suppress(psycopg.Error):
            self.connection.execute(f"SET lock_timeout = {int(milliseconds)}")

    def stop_waiting(self) -> None:
        """The window closes: no read waits for the keeper's name keys from now on."""
        self._stopped.set()
        self._waits.set()

    def interrupt(self) -> None:
        """Cancel the statement running on the worker's connection, or end a read's wait
        for the keeper's name keys (any thread; never waits).

        The cancel request travels on a connection of its own, which can take
        a while on a slow network: the store's one canceller thread sends it,
        and interrupts made while one waits to be sent are sent once.
        """
        self._waits.set()
        self.name_keys.interrupt()
        self._canceller.request()

    def close(self) -> None:
        self._stop_keeper()
        self.name_keys.close()
        self._canceller.stop()
        self._cancel_handle.publish(None)
        self.changes.stop()
        with suppress(psycopg.Error):
            self.connection.close()

    # -- name structures ---------------------------------------------------------

    def names_ready(self) -> bool:
        try:
            return name_index_state.names_ready(self.names, self.read_only, self._log())
        except (DatabaseError, psycopg.Error):
            return False  # scan meanwhile

    def name_index_offer(self) -> NameIndexOffer | None:
        return self.names.offer(self.read_only)

    def needs_name_index_build(self) -> NameIndexWork | None:
        """Stale structures to rebuild, the pairs index to add to an earlier Hero Desktop's,
        or a backlog of heroes to key (an import)."""
        return self.names.needs_build(self.read_only)

    def name_index_stale(self) -> None:
        self.names.seen(NameIndexStatus.REBUILD)
        self._keep_name_keys()

    def name_cache_board(self) -> NameCacheBoard:
        return self._board

    def _keep_name_keys(self) -> None:
        """Start the keeper where the name rows cannot be read and no build is coming."""
        as_found = not self.names.reads_names() and not self.names.needs_build(self.read_only)
        if as_found and self._keeper is None and not self.name_keys.held():
            self._keeper = NameKeysKeeper(self.address, self._board)
            self._keeper_since = self._changes_known
        elif not as_found:
            self._stop_keeper()

    def _stop_keeper(self) -> None:
        keeper, self._keeper = self._keeper, None
        if keeper is not None:
            keeper.close()

    def look_at_parts(self) -> None:
        """Whether the name table has its pairs index, and whether this role should add what
        the structures lack (``names.unfinished``: structures an earlier Hero Desktop
        built, read meanwhile)."""
        ready = self.names.status is NameIndexStatus.READY
        parts = schema.parts(self.connection) if ready else schema.NOTHING_TO_ADD
        self.pairs_index = parts.pairs
        self.names.unfinished = not parts.complete and parts.may_add

    def recheck_name_index(self) -> None:
        with suppress(psycopg.Error, DatabaseError):
            self.names.seen(self.call(lambda: schema.status(self.connection)))
            if self.names.status is NameIndexStatus.READY:
                self.look_at_parts()
                self.names.may_read, self.names.may_key = schema.privileges(self.connection)
                if schema.has_backlog(self.connection):
                    self.names.log_too_long()
                else:
                    self.names.log_short()
            if self.names.status is not NameIndexStatus.FOREIGN:
                self._listen()
        self._keep_name_keys()
