"""The seam between the repository and a database engine: the store's roles.

``HeroRepository`` (heroes.py) talks to a ``HeroStore`` and to nothing else:
it never imports a driver and never writes SQL. The SQLite store
(``hero_desktop.data.sqlite``) is the first implementation, the PostgreSQL
store (``hero_desktop.data.postgres``) the second; both pass the contract
suite, ``tests/data/test_store_contract.py``. ``opening.open_store`` picks
one for a location (a file path or a server address).

A store plays five roles, each a small protocol here: ``HeroReader`` (reads),
``HeroWriter`` (writes), ``ChangeFeed`` (other programs' changes),
``NameIndex`` (the name structures' life cycle, name_index_state.py) and
``Connection`` (the connection itself). ``HeroStore`` is all five; code that
needs one role types against that one. A store answers with values, never
with sentences for the user: why it is read-only (``ReadOnlyReason``), how
live updates work (``LiveUpdates``), what it would add (``NameIndexOffer``);
the UI puts them into words.

A store translates its driver's errors into the typed errors of
``errors.py`` (DatabaseBusyError, ReadOnlyDatabaseError, ...), so nothing
above it needs to know which engine runs underneath. Neither Qt nor a driver
is imported here.

Threads: one owner per connection. A store, its pagers and its transactions
belong to the thread that opened it (the window's data worker), which owns
its connections for their whole life: every method and attribute of every
role is for that thread alone, except ``Connection.interrupt``, which any
thread may call. Another thread gets values from the worker, never the
store; work that runs beside the worker (building the name index, the
integrity check) calls ``maintenance.py`` with the location, on connections
of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol, runtime_checkable

from hero_desktop.data.name_index_state import NameCacheBoard, NameIndexOffer, NameIndexWork
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.rows import HeroRow

NewHero = tuple[str, int | None, str]
"""(name, age, secret_name) of a hero still without an id, already validated."""


class KeyedBatch(list[NewHero]):
    """New heroes with their names' keys computed already (by the rules of ``names.py``):
    ``folds[i]`` and ``sort_keys[i]`` are row i's name's.

    A big CSV import keys names in its worker process, beside the inserts,
    when the store asks for them (``HeroWriter.keys_names_in_bulk``); a store
    that keys names as it writes takes these instead of keying them again.
    Any other store reads it as the plain list of heroes it is.
    """

    __slots__ = ("folds", "sort_keys")

    def __init__(self, rows: Iterable[NewHero], folds: list[str], sort_keys: list[bytes]) -> None:
        super().__init__(rows)
        self.folds = folds
        self.sort_keys = sort_keys


UPDATABLE_FIELDS = ("name", "age", "secret_name")
"""The fields ``HeroTransaction.update`` writes (the id never changes)."""


def check_update_fields(fields: Mapping[str, Any]) -> None:
    """Refuse fields ``update`` cannot write, naming them (ValueError): one rule for every store."""
    unknown = [name for name in fields if name not in UPDATABLE_FIELDS]
    if unknown:
        raise ValueError(f"not a hero field: {', '.join(unknown)}")


class Pager(Protocol):
    """One query's heroes in its order, as the store holds them now.

    Called from the data worker's thread only (it reads the store's connection).
    """

    def count(self) -> int: ...

    def rows(self, start: int, limit: int) -> list[HeroRow]: ...

    def rank_of(self, hero_id: int) -> int | None: ...

    def prepare(self, seconds: float) -> bool:
        """Work for ``seconds`` at most towards any page being quick to reach; True: done.

        Each call goes on where the last one stopped (also after an interrupt).
        """
        ...


@runtime_checkable
class EstimatingPager(Pager, Protocol):
    """A pager that can say its count quickly when an exact one would read everything."""

    def quick_count(self) -> tuple[int, bool]:
        """The count and whether it is exact; when not, an estimate said as "about"."""
        ...


class HeroTransaction(Protocol):
    """The writes of one transaction: committed together when the ``with`` block ends.

    Called from the data worker's thread only, inside the ``with`` block.
    """

    def get(self, hero_id: int) -> HeroRow | None: ...

    def insert(self, hero: NewHero) -> int:
        """Add a hero; return the id the store gave it."""
        ...

    def insert_with_id(self, hero: HeroRow) -> None:
        """Add a hero with its own id (the caller checked that the id is free)."""
        ...

    def insert_many(self, heroes: Iterable[HeroRow]) -> None: ...

    def update(self, hero_id: int, fields: Mapping[str, Any]) -> None:
        """Write ``fields`` (some of ``UPDATABLE_FIELDS``) of the hero.

        A field outside them raises ValueError naming it, before anything is
        written (``check_update_fields``); no fields write nothing.
        """
        ...

    def delete(self, hero_id: int) -> None: ...

    def delete_many(self, hero_ids: Iterable[int]) -> None: ...

    def take_range(self, first_id: int, last_id: int) -> list[HeroRow]:
        """Delete the heroes with ids first_id..last_id; return them by id."""
        ...


@dataclass(frozen=True)
class BulkInsertResult:
    """What a bulk insert added: how many heroes, and the range of their new ids.

    ``first_id`` and ``last_id`` are None when nothing was added or the ids
    were not given in one sequence.
    """

    imported: int
    first_id: int | None
    last_id: int | None


class ReadOnlyReason(StrEnum):
    """Why a store refuses every write (the UI says it in words)."""

    ASKED = "asked"
    """Opened read-only on request (``--read-only``), though it could be written."""
    FILE = "file"
    """The file, or its folder, cannot be written."""
    MEDIA = "media"
    """A file on read-only media: read without SQLite's shared memory (``immutable``),
    or from a private copy when its -wal file holds changes."""
    ROLE = "role"
    """The server role may only read heroes (or the server or session is read-only)."""


class LiveUpdates(StrEnum):
    """How other programs' changes reach the window (the UI says it in words)."""

    AT_ONCE = "at once"
    """A file's quick check every half second, or a server's notify trigger."""
    POLLING = "polling"
    """A server without Hero Desktop's notify trigger: asked every second, so a
    change shows within about two seconds."""


class HeroReader(Protocol):
    """Reading heroes. The data worker's thread only."""

    def get(self, hero_id: int) -> HeroRow | None: ...

    def pager(self, query: HeroQuery) -> Pager:
        """The heroes ``query`` shows; valid until the data changes."""
        ...

    def snapshot(self, query: HeroQuery) -> AbstractContextManager[Pager]:
        """A pager that reads one consistent state for as long as the block lasts (export)."""
        ...


class HeroWriter(Protocol):
    """Writing heroes, and what may be written. The data worker's thread only."""

    read_only: bool
    """True when the store refuses every write (ReadOnlyDatabaseError)."""
    unfillable_columns: tuple[str, ...]
    """Required columns of the hero table that Hero Desktop cannot fill (adding is refused)."""

    def transaction(self) -> AbstractContextManager[HeroTransaction]:
        """A write transaction: commits when the block ends, rolls back if it raises."""
        ...

    def bulk_insert(
        self, batches: Iterable[list[NewHero]], expected_rows: int, *, replace: bool = False
    ) -> BulkInsertResult:
        """Insert many heroes in one transaction, all or nothing.

        If iterating ``batches`` raises (a bad row, a cancel), nothing is
        inserted. With ``replace``, the heroes there before are deleted in
        the same transaction.
        """
        ...

    def keys_names_in_bulk(self, expected_rows: int) -> bool:
        """True when a bulk insert of about this many heroes keys their names as it
        writes, so that batches given as ``KeyedBatch`` spare it that work."""
        ...


class ChangeFeed(Protocol):
    """Other programs' changes, and whether the database can be reached.

    The data worker's thread only. The notification socket is a number the
    worker hands over: another thread may watch it for readability
    (``QSocketNotifier``), never read from it; the worker reads it in
    ``changed_elsewhere``.
    """

    def changed_elsewhere(self, wait: bool = True) -> bool:
        """True once after another connection (any program) committed a change.

        ``wait=False`` may skip a round trip to a server (it then sees what has
        already arrived); a file's check is instant either way.
        """
        ...

    def poll_interval_ms(self) -> int | None:
        """How often to ask ``changed_elsewhere``; None: only when ``notification_socket`` reads."""
        ...

    def notification_socket(self) -> int | None:
        """A socket that turns readable when another client changed heroes, or None."""
        ...

    def live_updates(self) -> LiveUpdates:
        """How other programs' changes reach the window now."""
        ...

    def connection_problem(self) -> str | None:
        """Why the database cannot be reached right now ("Connection to … lost"), or None."""
        ...


class NameIndex(Protocol):
    """The name structures (name_index_state.py): ready, offered, to be built, looked at again.

    The data worker's thread only; the build itself runs beside it
    (``maintenance.build_name_index``). An engine without such structures
    answers "ready" and offers nothing.
    """

    def names_ready(self) -> bool:
        """True when search and name order use the store's own name structures."""
        ...

    def name_index_offer(self) -> NameIndexOffer | None:
        """What the store would add to the database with the user's consent, or None."""
        ...

    def needs_name_index_build(self) -> NameIndexWork | None:
        """Structures to rebuild or finish (or a backlog to key) in the background, without
        asking; None: nothing to do."""
        ...

    def recheck_name_index(self) -> None:
        """Look again (another connection may have built or dropped the structures).

        A big file's heroes and name rows are not counted here: see
        ``maintenance.name_counts_differ`` and ``name_index_stale``.
        """
        ...

    def name_index_stale(self) -> None:
        """The structures miss heroes or hold gone ones: rebuild them in the background."""
        ...

    def name_cache_board(self) -> NameCacheBoard | None:
        """Where Hero Desktop's own cache of the name keys posts its progress (any thread
        reads it), or None: this engine keeps no such cache."""
        ...


class Connection(Protocol):
    """The store's connection itself: its name, why it is read-only, its lock wait, its end.

    The data worker's thread only, except ``interrupt``: any thread.
    """

    read_only_reason: ReadOnlyReason | None
    """Why the store was opened read-only, or None when it was opened for writing."""

    @property
    def display_name(self) -> str:
        """How messages name the database ("database.db", "heroes on db.example")."""
        ...

    def set_lock_wait(self, milliseconds: int) -> None:
        """How long one statement waits for another program's lock before DatabaseBusyError."""
        ...

    def interrupt(self) -> None:
        """Stop the statement running now: ANY thread may call this; it never blocks.

        The statement fails with StatementInterruptedError. What it needs of
        the worker's connection is published under a lock by the store (the
        worker may replace its connection on a reconnect).
        """
        ...

    def stop_waiting(self) -> None:
        """A read waiting for the store's own preparations (a name cache) stops waiting,
        with StatementInterruptedError; a statement running goes on. ANY thread; never blocks."""
        ...

    def close(self) -> None: ...


class HeroStore(HeroReader, HeroWriter, ChangeFeed, NameIndex, Connection, Protocol):
    """One open database of heroes in all its roles, owned by the thread that opened it.

    Every member is for the data worker's thread alone (the store's
    connections are used by that thread for their whole life), except
    ``interrupt``: any thread. What another thread needs (``read_only``,
    ``read_only_reason``, the offer, a socket...) is read in the worker and
    handed over as a value (facts.py's ``StoreFacts``).
    """
