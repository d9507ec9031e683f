"""The SQLite store's reads and writes: transactions, pagers, snapshots, bulk insert.

``SqliteStore`` (store.py) hands these out; they are the only code that
writes the hero table's SQL. Driver errors leave here translated into the
typed errors of ``hero_desktop.data.errors``.

Bulk insert speed: an import bigger than the table drops the tutorial's two
column indexes for its run and re-creates them afterwards, inside the same
transaction, so a cancel or a crash restores them too. In a file with the
name index, a big import keys the new heroes' names as their batches go in
(``name_index.BulkNames``; a batch that comes keyed, ``KeyedBatch``, brings
its keys), in that transaction as well; a small one leaves
them to the change log, processed before the commit (``SqliteStore.write``). See
``benchmarks/bench_import.py`` for the figures.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from typing import Any, Protocol

from hero_desktop.data.errors import ReadOnlyDatabaseError
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.rows import HeroRow
from hero_desktop.data.sqlite import name_index
from hero_desktop.data.sqlite.paging import COLUMNS, make_pager
from hero_desktop.data.store import (
    BulkInsertResult,
    EstimatingPager,
    KeyedBatch,
    NewHero,
    Pager,
    check_update_fields,
)


class SqliteStore(Protocol):
    """What these functions use of the store (store.py), without importing it."""

    connection: sqlite3.Connection
    read_only: bool

    def name_schema(self, needed: bool = True) -> str | None: ...

    def names_kept_in_writes(self) -> bool: ...

    def write(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def look_at_names(self, *, check_counts: bool) -> None: ...


INSERT_SQL = "INSERT INTO hero (name, age, secret_name) VALUES (?, ?, ?)"
INSERT_WITH_ID_SQL = "INSERT INTO hero (id, name, age, secret_name) VALUES (?, ?, ?, ?)"
# The plain column indexes of the tutorial's table, rebuilt after a big import.
REBUILT_INDEXES = ("ix_hero_age", "ix_hero_name")
MAX_ROWID = 2**63 - 1


def _translated(error: sqlite3.Error) -> Exception:
    from hero_desktop.data.sqlite.errors import translate_error

    return translate_error(error)


def get_hero(connection: sqlite3.Connection, hero_id: int) -> HeroRow | None:
    """One hero by id, or None (an id too big for SQLite is no hero either)."""
    try:
        found = connection.execute(
            f"SELECT {COLUMNS} FROM hero WHERE id = ?", (hero_id,)
        ).fetchone()
    except OverflowError:
        return None
    except sqlite3.Error as error:
        raise _translated(error) from error
    return None if found is None else HeroRow(*found)


class SqliteTransaction:
    """The writes of one ``BEGIN IMMEDIATE`` transaction (``SqliteStore.transaction``)."""

    def __init__(self, connection: sqlite3.Connection, touched: set[int] | None = None) -> None:
        self._connection = connection
        # The ids of the heroes written, for the name cache (store.py) to follow.
        self._touched: set[int] = set() if touched is None else touched

    def get(self, hero_id: int) -> HeroRow | None:
        return get_hero(self._connection, hero_id)

    def insert(self, hero: NewHero) -> int:
        cursor = self._connection.execute(INSERT_SQL, hero)
        self._touched.add(int(cursor.lastrowid or 0))
        return int(cursor.lastrowid or 0)

    def insert_with_id(self, hero: HeroRow) -> None:
        self._connection.execute(INSERT_WITH_ID_SQL, tuple(hero))
        self._touched.add(hero.id)

    def insert_many(self, heroes: Iterable[HeroRow]) -> None:
        rows = list(heroes)
        self._connection.executemany(INSERT_WITH_ID_SQL, [tuple(hero) for hero in rows])
        self._touched.update(hero.id for hero in rows)

    def update(self, hero_id: int, fields: Mapping[str, Any]) -> None:
        check_update_fields(fields)
        self._touched.add(hero_id)
        if "id" in fields:
            self._touched.add(int(fields["id"]))
        if fields:
            assignments = ", ".join(f"{column} = ?" for column in fields)
            self._connection.execute(
                f"UPDATE hero SET {assignments} WHERE id = ?", (*fields.values(), hero_id)
            )

    def delete(self, hero_id: int) -> None:
        self._connection.execute("DELETE FROM hero WHERE id = ?", (hero_id,))
        self._touched.add(hero_id)

    def delete_many(self, hero_ids: Iterable[int]) -> None:
        ids = list(hero_ids)
        self._connection.executemany("DELETE FROM hero WHERE id = ?", [(i,) for i in ids])
        self._touched.update(ids)

    def take_range(self, first_id: int, last_id: int) -> list[HeroRow]:
        taken = [
            HeroRow(*row)
            for row in self._connection.execute(
                f"SELECT {COLUMNS} FROM hero WHERE id BETWEEN ? AND ? ORDER BY id",
                (first_id, last_id),
            )
        ]
        self._connection.execute("DELETE FROM hero WHERE id BETWEEN ? AND ?", (first_id, last_id))
        self._touched.update(hero.id for hero in taken)
        return taken


class TranslatingPager:
    """A pager whose driver errors arrive as the typed errors of ``errors.py``."""

    def __init__(self, pager: Pager) -> None:
        self._pager = pager

    def count(self) -> int:
        try:
            return self._pager.count()
        except sqlite3.Error as error:
            raise _translated(error) from error

    def rows(self, start: int, limit: int) -> list[HeroRow]:
        try:
            return self._pager.rows(start, limit)
        except sqlite3.Error as error:
            raise _translated(error) from error

    def quick_count(self) -> tuple[int, bool]:
        pager = self._pager
        try:
            if isinstance(pager, EstimatingPager):
                return pager.quick_count()
            return pager.count(), True
        except sqlite3.Error as error:
            raise _translated(error) from error

    def prepare(self, seconds: float) -> bool:
        try:
            return self._pager.prepare(seconds)
        except sqlite3.Error as error:
            raise _translated(error) from error

    def rank_of(self, hero_id: int) -> int | None:
        try:
            return self._pager.rank_of(hero_id)
        except sqlite3.Error as error:
            raise _translated(error) from error


def needs_names(query: HeroQuery) -> bool:
    """The query searches names or orders by them (so it reads the name keys)."""
    return bool(query.search.strip()) or query.sort is SortKey.NAME


def pager(store: SqliteStore, query: HeroQuery) -> Pager:
    try:
        schema = store.name_schema(needs_names(query))
        return TranslatingPager(make_pager(store.connection, query, schema))
    except sqlite3.Error as error:
        raise _translated(error) from error


@contextlib.contextmanager
def snapshot(store: SqliteStore, query: HeroQuery) -> Iterator[Pager]:
    """A pager reading from one read transaction (a consistent snapshot of the file)."""
    connection = store.connection
    own_transaction = not connection.in_transaction
    # Before BEGIN: the name cache is attached outside a transaction.
    schema = store.name_schema(needs_names(query))
    try:
        if own_transaction:
            connection.execute("BEGIN")
        yield TranslatingPager(make_pager(connection, query, schema))
    except sqlite3.Error as error:
        raise _translated(error) from error
    finally:
        if own_transaction and connection.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("COMMIT")


@contextlib.contextmanager
def _bulk_insert_mode(connection: sqlite3.Connection, expected_rows: int) -> Iterator[int]:
    """Inside a write transaction: make a big insert fast, then restore the schema.

    Yields the largest id before the insert. When more rows come than the
    table holds, its column indexes are dropped and re-created in the
    caller's transaction, so any failure rolls the schema back with the
    rows. If the body raises, nothing is rebuilt (the rollback restores it all).
    """
    max_id = int(connection.execute("SELECT coalesce(max(id), 0) FROM hero").fetchone()[0])
    existing = int(connection.execute("SELECT count(*) FROM hero").fetchone()[0])
    indexes = _rebuildable_indexes(connection) if expected_rows > existing else []
    for name, _ in indexes:
        connection.execute(f'DROP INDEX "{name}"')
    yield max_id
    for _, sql in indexes:
        connection.execute(sql)


def _rebuildable_indexes(connection: sqlite3.Connection) -> list[tuple[str, str]]:
    """The tutorial's plain indexes on hero, with the SQL that re-creates them."""
    unique = {str(row[1]) for row in connection.execute("PRAGMA index_list(hero)") if int(row[2])}
    found = connection.execute(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'hero' "
        f"AND sql IS NOT NULL AND name IN ({', '.join('?' for _ in REBUILT_INDEXES)})",
        REBUILT_INDEXES,
    ).fetchall()
    return [(str(name), str(sql)) for name, sql in found if name not in unique]


def keys_names_in_bulk(store: SqliteStore, expected_rows: int) -> bool:
    """Whether ``bulk_insert`` of this many heroes keys their names (``name_index.BulkNames``)."""
    return expected_rows >= name_index.BULK_PENDING and store.names_kept_in_writes()


def bulk_insert(
    store: SqliteStore,
    batches: Iterable[list[NewHero]],
    expected_rows: int,
    *,
    replace: bool = False,
) -> BulkInsertResult:
    """Insert already-validated heroes in one transaction, fast, all or nothing.

    With ``replace``, the heroes already there are deleted in the same transaction.
    """
    if store.read_only:
        raise ReadOnlyDatabaseError()
    inserted = 0
    with store.write() as connection:
        if replace:
            connection.execute("DELETE FROM hero")
        with _bulk_insert_mode(connection, expected_rows) as ids_after:
            bulk_names = (
                name_index.BulkNames(connection, ids_after + 1, expected_rows)
                if keys_names_in_bulk(store, expected_rows)
                else None
            )
            try:
                for batch in batches:
                    connection.executemany(INSERT_SQL, batch)
                    inserted += len(batch)
                    if bulk_names is not None:
                        keyed = batch if isinstance(batch, KeyedBatch) else None
                        bulk_names.added([hero[0] for hero in batch], keyed)
            except BaseException:
                if bulk_names is not None:
                    bulk_names.abandon()
                raise
            if bulk_names is not None:
                bulk_names.finish()
    if bulk_names is not None:
        # A pairs index it dropped is added again in the background (``needs_name_index_build``).
        with contextlib.suppress(sqlite3.Error):
            store.look_at_names(check_counts=False)
    first_id = ids_after + 1 if inserted else None
    last_id = ids_after + inserted if inserted else None
    if inserted and ids_after + inserted >= MAX_ROWID:
        first_id = last_id = None  # ids were not given in sequence
    return BulkInsertResult(inserted, first_id, last_id)
