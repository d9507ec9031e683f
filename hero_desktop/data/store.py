"""The seam between the repository and a database engine: the store protocol.

``HeroRepository`` (heroes.py) talks to a ``HeroStore`` and to nothing else:
it never imports a driver and never writes SQL. The SQLite store
(``hero_desktop.data.sqlite``) is the first implementation, the PostgreSQL
store (``hero_desktop.data.postgres``) the second; both pass the contract
suite, ``tests/data/test_store_contract.py``. ``opening.open_store`` picks
one for a location (a file path or a server address).

A store translates its driver's errors into the typed errors of
``errors.py`` (DatabaseBusyError, ReadOnlyDatabaseError, ...), so nothing
above it needs to know which engine runs underneath. Neither Qt nor a driver
is imported here.

Threads: one owner per connection. A store, its pagers and its transactions
belong to the thread that opened it (the window's data worker), which owns
its connections for their whole life: every method and attribute here is
for that thread alone, except ``HeroStore.interrupt``, which any thread may
call. Another thread gets values from the worker, never the store; work
that runs beside the worker (building the name index, the integrity check)
calls ``maintenance.py`` with the location, on connections of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from hero_desktop.data.query import HeroQuery
from hero_desktop.data.rows import HeroRow

NewHero = tuple[str, int | None, str]
"""(name, age, secret_name) of a hero still without an id, already validated."""

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


class HeroStore(Protocol):
    """One open database of heroes, owned by the thread that opened it (the data worker).

    Every method and attribute is for the data worker's thread alone: the
    store's connections are used by that thread for their whole life. The
    one exception is ``interrupt``, which any thread may call. What another
    thread needs (``read_only``, ``notice``, an offer, a socket...) is read
    in the worker and handed over as a value.
    """

    read_only: bool
    """True when the store refuses every write (ReadOnlyDatabaseError)."""
    unfillable_columns: tuple[str, ...]
    """Required columns of the hero table that Hero Desktop cannot fill (adding is refused)."""
    notice: str
    """A sentence for the user after opening (how live updates work here), or ""."""

    @property
    def display_name(self) -> str:
        """How messages name the database ("database.db", "heroes on db.example")."""
        ...

    # -- reading ---------------------------------------------------------------

    def get(self, hero_id: int) -> HeroRow | None: ...

    def pager(self, query: HeroQuery) -> Pager:
        """The heroes ``query`` shows; valid until the data changes."""
        ...

    def snapshot(self, query: HeroQuery) -> AbstractContextManager[Pager]:
        """A pager that reads one consistent state for as long as the block lasts (export)."""
        ...

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

    def connection_problem(self) -> str | None:
        """Why the database cannot be reached right now ("Connection to … lost"), or None."""
        ...

    # -- writing ---------------------------------------------------------------

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

    # -- the connection --------------------------------------------------------

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

    def check_integrity(self, stop: Callable[[], bool] = ...) -> str | None:
        """Transitional (worker thread): ``maintenance.check_integrity(location, stop)``.

        Delete with the stores' wrappers once ui/live_view.py calls maintenance.
        """
        ...

    def close(self) -> None: ...

    # -- search structures (an engine without them answers "ready", no offer) --

    def names_ready(self) -> bool:
        """True when search and name order use the store's own name structures."""
        ...

    def name_index_offer(self) -> str | None:
        """What the store would add to the database with the user's consent, or None."""
        ...

    def needs_name_index_build(self) -> bool: ...

    def recheck_name_index(self) -> None: ...

    def build_name_index(self, progress: Callable[[int, int], bool] | None = None) -> int:
        """Transitional: ``maintenance.build_name_index(location, progress, read_only=...)``.

        Delete with the stores' wrappers once ui/index_offer_bar.py calls maintenance.
        """
        ...
