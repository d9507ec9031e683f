"""The PostgreSQL store's reads and writes: connecting, transactions, pagers, bulk insert.

``PostgresStore`` (store.py) hands these out. Driver errors leave here
translated into the typed errors of ``hero_desktop.data.errors``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from contextlib import AbstractContextManager
from typing import Any, Protocol, TypeVar

import psycopg
from psycopg import sql

from hero_desktop.data.errors import OperationCancelledError, ReadOnlyDatabaseError
from hero_desktop.data.location import ServerAddress
from hero_desktop.data.name_index_state import NameIndexState
from hero_desktop.data.name_keyer import NameKeyer
from hero_desktop.data.postgres import schema
from hero_desktop.data.postgres.errors import connect_error
from hero_desktop.data.rows import HeroRow
from hero_desktop.data.store import (
    BulkInsertResult,
    EstimatingPager,
    HeroTransaction,
    NewHero,
    Pager,
    check_update_fields,
)
from hero_desktop.data.words import Words


class PostgresAccessWords(Words):
    """The translation context of the reads and writes on a PostgreSQL server."""


T = TypeVar("T")


class PostgresStore(Protocol):
    """What these functions use of the store (store.py), without importing it."""

    connection: psycopg.Connection
    read_only: bool
    names: NameIndexState

    @property
    def keys_names(self) -> bool: ...

    def call(self, work: Callable[[], T]) -> T: ...

    def transaction(self) -> AbstractContextManager[HeroTransaction]: ...


CONNECT_TIMEOUT_S = 5
INT_RANGE = range(-(2**31), 2**31)
SEQUENCE = "pg_get_serial_sequence(to_regclass('hero')::text, 'id')"


# A network that goes silent (a cable pulled, a VPN dropped) is noticed within
# about 30 s instead of TCP's default of hours; the address may set its own.
KEEPALIVE = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 30_000,
}


JIT_FROM = 110000
"""The server version from which queries may be compiled (``jit``, PostgreSQL 11)."""


def connect(address: ServerAddress, *, read_only: bool = False) -> psycopg.Connection:
    """An autocommit connection; ``read_only``: every transaction of it (a copy's reads)."""
    kwargs: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT_S, **KEEPALIVE}
    kwargs.update(address.connect_kwargs())
    kwargs.setdefault("application_name", "Hero Desktop")
    try:
        connection = psycopg.connect(autocommit=True, **kwargs)
    except psycopg.Error as error:
        raise connect_error(error, address) from None
    try:
        if connection.info.server_version >= JIT_FROM:
            # Hero Desktop's reads are short: compiling one cost more than it saved
            # (25-30 ms of a search's first page on ten million heroes, 70-150 ms in all).
            connection.execute("SET jit = off")
        if read_only:
            connection.execute("SET default_transaction_read_only = on")
    except BaseException:
        connection.close()
        raise
    return connection


# The rows of ``hero`` written in this backend's transaction, as the server counts them
# (with the counts of its earlier transactions not yet reported: compare differences), and
# whether the count is whole: a plain table, counted.
COUNTED = (
    "SELECT coalesce((SELECT n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_xact_user_tables "
    "WHERE relid = c.oid), 0), c.relkind = 'r' AND NOT c.relhassubclass "
    "AND current_setting('track_counts')::bool FROM pg_class AS c "
    "WHERE c.oid = to_regclass('hero')"
)


class PgTransaction:
    """The writes of one transaction on the server (``HeroTransaction``)."""

    def __init__(self, connection: psycopg.Connection, *, count_writes: bool = False) -> None:
        """``count_writes``: ``touched`` can tell which heroes were written (three more
        statements; only a store that keeps a copy of the names needs it)."""
        self._connection = connection
        self._touched: set[int] = set()
        """The ids of the heroes written (added, changed or deleted)..."""
        self._written = 0
        """... and how many rows of ``hero`` that wrote, as the server said..."""
        self._counted_before = self._counted() if count_writes else None
        """... and the server's count when the transaction began."""

    def _counted(self) -> int | None:
        row = self._connection.execute(COUNTED).fetchone()
        return int(row[0]) if row and row[1] else None

    def touched(self) -> frozenset[int] | None:
        """The ids of the heroes this transaction wrote; None when not known: not counted
        (``count_writes``), or the server counts other writes to ``hero`` in it than
        these methods made (a COPY, another program's trigger, a deferred one included),
        or cannot count them (a partitioned table, counting off). Asked before COMMIT."""
        if self._counted_before is None:
            return None
        self._connection.execute("SET CONSTRAINTS ALL IMMEDIATE")  # (deferred triggers now)
        counted = self._counted()
        if counted is None or counted - self._counted_before != self._written:
            return None
        return frozenset(self._touched)

    def _wrote(self, ids: Iterable[int], rows: int) -> None:
        if self._counted_before is None:
            return  # not counted: nobody asks which heroes were written
        self._touched.update(ids)
        self._written += max(rows, 0)

    def get(self, hero_id: int) -> HeroRow | None:
        """The hero, locked until the transaction ends (nobody changes it meanwhile)."""
        if hero_id not in INT_RANGE:
            return None
        row = self._connection.execute(
            "SELECT id, name, age, secret_name FROM hero WHERE id = %s FOR UPDATE", (hero_id,)
        ).fetchone()
        return HeroRow(*row) if row else None

    def insert(self, hero: NewHero) -> int:
        row = self._connection.execute(
            "INSERT INTO hero (name, age, secret_name) VALUES (%s, %s, %s) RETURNING id", hero
        ).fetchone()
        assert row is not None
        self._wrote([int(row[0])], 1)
        return int(row[0])

    def insert_with_id(self, hero: HeroRow) -> None:
        self.insert_many([hero])

    def insert_many(self, heroes: Iterable[HeroRow]) -> None:
        heroes = list(heroes)
        if not heroes:
            return
        rows = [tuple(hero) for hero in heroes]
        with self._connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO hero (id, name, age, secret_name) VALUES (%s, %s, %s, %s)", rows
            )
        self._wrote([hero.id for hero in heroes], len(rows))
        self._sequence_past(max(hero.id for hero in heroes))

    def _sequence_past(self, hero_id: int) -> None:
        """Keep the id sequence past an id written by hand (the next new hero must not clash)."""
        self._connection.execute(
            f"SELECT setval(s, %s) FROM (SELECT {SEQUENCE} AS s) AS found "
            "WHERE s IS NOT NULL AND coalesce(pg_sequence_last_value(s::regclass), 0) < %s",
            (hero_id, hero_id),
        )

    def update(self, hero_id: int, fields: Mapping[str, Any]) -> None:
        check_update_fields(fields)
        columns = list(fields)
        if not columns:
            return
        assignments = sql.SQL(", ").join(
            sql.SQL("{} = %s").format(sql.Identifier(name)) for name in columns
        )
        cursor = self._connection.execute(
            sql.SQL("UPDATE hero SET {} WHERE id = %s").format(assignments),
            (*(fields[name] for name in columns), hero_id),
        )
        self._wrote([hero_id], cursor.rowcount)

    def delete(self, hero_id: int) -> None:
        cursor = self._connection.execute("DELETE FROM hero WHERE id = %s", (hero_id,))
        self._wrote([hero_id], cursor.rowcount)

    def delete_many(self, hero_ids: Iterable[int]) -> None:
        ids = [hero_id for hero_id in hero_ids if hero_id in INT_RANGE]
        if ids:
            cursor = self._connection.execute("DELETE FROM hero WHERE id = ANY(%s)", (ids,))
            self._wrote(ids, cursor.rowcount)

    def take_range(self, first_id: int, last_id: int) -> list[HeroRow]:
        rows = self._connection.execute(
            "DELETE FROM hero WHERE id BETWEEN %s AND %s RETURNING id, name, age, secret_name",
            (max(first_id, INT_RANGE.start), min(last_id, INT_RANGE.stop - 1)),
        ).fetchall()
        self._wrote([int(row[0]) for row in rows], len(rows))
        return sorted((HeroRow(*row) for row in rows), key=lambda hero: hero.id)


class TranslatingPager:
    """A pager whose driver errors arrive as the data layer's typed errors."""

    def __init__(self, store: PostgresStore, make: Callable[[], Pager]) -> None:
        self._store = store
        self._pager = store.call(make)

    def count(self) -> int:
        return self._store.call(self._pager.count)

    def rows(self, start: int, limit: int) -> list[HeroRow]:
        return self._store.call(lambda: self._pager.rows(start, limit))

    def rank_of(self, hero_id: int) -> int | None:
        return self._store.call(lambda: self._pager.rank_of(hero_id))

    def quick_count(self) -> tuple[int, bool]:
        pager = self._pager
        if isinstance(pager, EstimatingPager):
            return self._store.call(pager.quick_count)
        return self.count(), True

    def prepare(self, seconds: float) -> bool:
        return self._store.call(lambda: self._pager.prepare(seconds))


def bulk_insert(
    store: PostgresStore,
    batches: Iterable[list[NewHero]],
    expected_rows: int,
    *,
    replace: bool = False,
) -> BulkInsertResult:
    """COPY the heroes in, in one transaction; the table is locked for writers meanwhile.

    The lock keeps the new ids in one run (nobody else takes ids from the
    sequence meanwhile), so undo can take the import back as a range. The
    change log's trigger stands aside for this transaction: a small import
    keys its names here; a big one logs its ids in one statement and leaves
    them to a background catch-up (``backlog``), so the heroes are in as fast
    as COPY allows, and search scans until the names are keyed.
    """
    if store.read_only:
        raise ReadOnlyDatabaseError()
    inserted = 0
    first_id = last_id = None
    with store.transaction():
        connection = store.connection
        try:
            connection.execute("LOCK TABLE hero IN EXCLUSIVE MODE")
            keyed = store.keys_names
            if keyed:
                connection.execute(f"SET LOCAL {schema.KEYS_SETTING} = 'client'")
            if replace:
                if keyed:
                    connection.execute(f"DELETE FROM {schema.NAME_TABLE}")
                connection.execute("DELETE FROM hero")
            row = connection.execute("SELECT coalesce(max(id), 0) FROM hero").fetchone()
            ids_after = int(row[0]) if row else 0
            with connection.cursor().copy("COPY hero (name, age, secret_name) FROM STDIN") as copy:
                for batch in batches:
                    for hero in batch:
                        copy.write_row(hero)
                    inserted += len(batch)
            if inserted:
                found = connection.execute(
                    "SELECT min(id), max(id), count(*) FROM hero WHERE id > %s", (ids_after,)
                ).fetchone()
                if found and found[2] == inserted and found[1] - found[0] + 1 == inserted:
                    first_id, last_id = int(found[0]), int(found[1])
                if keyed and inserted > schema.BACKLOG_ROWS:
                    connection.execute(
                        f"INSERT INTO {schema.PENDING_TABLE} (id) "
                        "SELECT id FROM hero WHERE id > %s",
                        (ids_after,),
                    )
                    store.names.log_too_long()  # a backlog, keyed in batches
                elif keyed:
                    _key_new_heroes(connection, ids_after)
        except psycopg.errors.QueryCanceled as error:
            raise OperationCancelledError(
                PostgresAccessWords.tr("Cancelled: nothing was imported.")
            ) from error
    return BulkInsertResult(inserted, first_id, last_id)


def _key_new_heroes(connection: psycopg.Connection, ids_after: int) -> None:
    """Name rows for the heroes a (small) bulk insert added: ids past ``ids_after``."""
    rows = connection.execute(
        "SELECT id, name FROM hero WHERE id > %s ORDER BY id", (ids_after,)
    ).fetchall()
    schema.copy_names(connection, rows, NameKeyer(0))
