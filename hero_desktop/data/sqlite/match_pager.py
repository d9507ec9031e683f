"""A name search without the name index, or the name order without it: the ids, sorted, stored.

``MatchPager`` stores the matching ids, sorted, in a temporary table whose
rowid is then the rank: any page is a range of it.

Without the name structures the names are folded and keyed in Python. That
is done in Python's own loop, never as SQL functions SQLite calls row by
row: such a call takes the GIL and gives it back a few microseconds later,
row after row, and a thread that waits for the GIL (the GUI thread) then
never gets it, since CPython asks a holder to hand it over only after the
switch interval without any change of hands (measured: the window stopped
for 250-470 ms during a scan of 50,000 names). One statement reads the rows
and Python takes them ``SCAN_CHUNK`` at a time, holding the GIL while it
folds them, so the GUI thread gets it within Python's switch interval; the
statement stays open throughout, so an interrupt still ends the scan. The
sorted ids go back in one statement (``json_each``).
"""

from __future__ import annotations

import itertools
import json
import operator
import sqlite3
import weakref
from contextlib import suppress
from itertools import repeat
from typing import Any

from hero_desktop.data import names
from hero_desktop.data.name_keyer import NameKeyer
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.rows import HeroRow
from hero_desktop.data.sqlite.name_index import NAME_TABLE
from hero_desktop.data.sqlite.search_pager import id_span, index_for

COLUMNS = "id, name, age, secret_name"
HERO_COLUMNS = "h.id, h.name, h.age, h.secret_name"


def names_in(schema: str) -> str:
    """The name rows (alias n) in ``schema``: the file's own, or Hero Desktop's cache."""
    return f"{schema}.{NAME_TABLE} n"


def names_and_heroes(schema: str) -> str:
    """The name rows in ``schema`` joined with their heroes (alias h)."""
    return f"{names_in(schema)} JOIN hero h ON h.id = n.id"


def _row(cursor: sqlite3.Cursor, values: tuple[Any, ...]) -> HeroRow:
    return HeroRow(*values)


def _drop_table(connection: sqlite3.Connection, table: str) -> None:
    with suppress(sqlite3.Error):
        connection.execute(f"DROP TABLE IF EXISTS {table}")


SCAN_CHUNK = 20_000
"""Rows read at once while scanning (about 10 ms); Python folds them holding the GIL, this
many at once through ``name_batch``'s tables, and keys the matches for the name order
(a search of 1M names: 0.7 s; 2.5 s when every name was keyed, 4.9 s one at a time)."""


_ID, _NAME = operator.itemgetter(0), operator.itemgetter(1)
"""A scanned row's id and name."""


def _sqlite_order(value: Any) -> tuple[int, Any]:
    """``value`` as SQLite orders a column's values: NULL, numbers, text, blobs."""
    if value is None:
        return (0, 0)
    if isinstance(value, (int, float)):
        return (1, value)
    return (2, value) if isinstance(value, str) else (3, value)


def scan(connection: sqlite3.Connection, query: HeroQuery) -> list[int]:
    """The ids of the heroes ``query`` shows, in its order, by the name rules in Python.

    Without the name structures: every hero the age filter keeps is read once and
    folded by ``names``; the matches are keyed for the name order. The rows come in id
    order and the sort is stable, so equal keys stay in id order (the
    tiebreak), and a descending order is the ascending one reversed.
    """
    clauses, params = query.age_bounds.conditions("?")
    needle = query.search.strip()
    folded = names.fold(needle)  # may be empty (marks alone): then every text name matches
    by = query.sort
    ids: list[int] = []
    keys: list[Any] = []
    if needle:
        clauses.append("typeof(h.name) = 'text'")  # (another value never holds a needle)
    age = ", h.age" if by is SortKey.AGE else ""  # (each column read costs: 0.14 s a million)
    cursor = connection.execute(
        f"SELECT h.id, h.name{age} FROM hero h WHERE {' AND '.join(clauses) or '1'} ORDER BY h.id",
        params,
    )
    keyer = NameKeyer(0)  # in this process: a search starts no worker processes
    while rows := cursor.fetchmany(SCAN_CHUNK):
        if needle:
            # Folds first: only the matches need their sort keys.
            folds = keyer.folds(list(map(_NAME, rows)))
            rows = list(itertools.compress(rows, map(operator.contains, folds, repeat(folded))))
        if by is SortKey.NAME:
            sort_keys = iter(keyer.keys([name for _, name in rows if isinstance(name, str)]))
            for hero_id, name in rows:
                ids.append(hero_id)
                # A name that is not text (NULL) first, as SQLite sorts it.
                keys.append(b"\x01" + next(sort_keys)[1] if isinstance(name, str) else b"")
        elif by is SortKey.AGE:
            for hero_id, _, hero_age in rows:
                ids.append(hero_id)
                keys.append(_sqlite_order(hero_age))
        else:
            ids.extend(map(_ID, rows))
    cursor.close()
    if by is not SortKey.ID:
        ids = [ids[at] for at in sorted(range(len(ids)), key=keys.__getitem__)]
    if query.descending:
        ids.reverse()
    return ids


COMMON_SHARE = 0.1
"""A search of one or two letters found in this share of the ids or more reads the folds
rather than its matches in the pairs index ("e" with an age filter on a million heroes:
144 ms against 284 ms; "zz" sorted by age: 0.5 ms against 1.0 s). The share is of the span
of ids, which costs two seeks: where many ids were deleted it is of more than the names,
and a common letter may then read the pairs index (at most about twice as slow)."""


def _common(connection: sqlite3.Connection, schema: str, index: tuple[str, str, str]) -> bool:
    """Whether the index finds its needle in ``COMMON_SHARE`` of the names or more (counting
    stops there: about 30 ns a match)."""
    span = id_span(connection, f"{schema}.{NAME_TABLE}")[1]
    if not span:
        return False
    enough = max(1, int(span * COMMON_SHARE))
    table, name, match = index
    found = connection.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {name} MATCH ? LIMIT ?)",
        (match, enough),
    ).fetchone()[0]
    return int(found) >= enough


class MatchPager:
    """A name search, or any order the file has no index for: the ids, sorted, in a temp table.

    With the name structures (in ``schema``) a search reads the matches of its
    FTS index (``search_pager.index_for``: the trigram index for three or more
    folded characters, the pairs index for one or two), or where there is
    none the folded names (``instr`` is the exact rule); without them ``scan``
    reads every hero once and applies the same rule in Python.
    """

    # One table per pager: the repository caches several searches at once.
    _numbers = itertools.count()

    def __init__(
        self, connection: sqlite3.Connection, query: HeroQuery, schema: str | None
    ) -> None:
        self._connection = connection
        self._TABLE = f"temp.hero_desktop_matches_{next(self._numbers)}"
        weakref.finalize(self, _drop_table, connection, self._TABLE)
        connection.execute(f"DROP TABLE IF EXISTS {self._TABLE}")
        if schema is None:
            ordered = scan(connection, query)
            connection.execute(f"CREATE TABLE {self._TABLE} (hero_id INTEGER)")
            connection.execute(
                f"INSERT INTO {self._TABLE} (hero_id) SELECT value FROM json_each(?) ORDER BY key",
                (json.dumps(ordered),),
            )
            self._count = len(ordered)
            return
        needle = query.search.strip()
        clauses, params = query.age_bounds.conditions("?")
        if needle:
            folded = names.fold(needle)
            index = index_for(connection, schema, folded)
            if index is not None and len(folded) < 3 and _common(connection, schema, index):
                index = None  # one or two letters many names hold: reading the folds is quicker
            if index is not None:
                table, name, match = index
                clauses.append(f"n.id IN (SELECT rowid FROM {table} WHERE {name} MATCH ?)")
                params.append(match)
            else:
                clauses.append("instr(n.fold, ?) > 0")
                params.append(folded)
        if query.sort is SortKey.NAME:
            keys: tuple[str, ...] = ("n.sort_key", "n.id")
        elif query.sort is SortKey.AGE:
            keys = ("h.age", "h.id")
        else:
            keys = ("h.id",)
        order = ", ".join(f"{key}{' DESC' if query.descending else ''}" for key in keys)
        connection.execute(
            f"CREATE TABLE {self._TABLE} AS SELECT h.id AS hero_id FROM {names_and_heroes(schema)} "
            f"WHERE {' AND '.join(clauses) or '1'} ORDER BY {order}",
            params,
        )
        self._count = int(connection.execute(f"SELECT count(*) FROM {self._TABLE}").fetchone()[0])

    def count(self) -> int:
        return self._count

    def rows(self, start: int, limit: int) -> list[HeroRow]:
        cursor = self._connection.cursor()
        cursor.row_factory = _row
        return list(
            cursor.execute(
                f"SELECT h.id, h.name, h.age, h.secret_name FROM {self._TABLE} m "
                "JOIN hero h ON h.id = m.hero_id WHERE m.rowid > ? AND m.rowid <= ? "
                "ORDER BY m.rowid",
                (start, start + limit),
            )
        )

    def prepare(self, seconds: float) -> bool:
        return True  # any page is a range of the sorted matches

    def rank_of(self, hero_id: int) -> int | None:
        found = self._connection.execute(
            f"SELECT rowid FROM {self._TABLE} WHERE hero_id = ?", (hero_id,)
        ).fetchone()
        return None if found is None else int(found[0]) - 1
