"""A name search without the name index, or the name order without it: the ids, sorted, stored.

``MatchPager`` stores the matching ids, sorted, in a temporary table whose
rowid is then the rank: any page is a range of it.
"""

from __future__ import annotations

import itertools
import sqlite3
import weakref
from contextlib import suppress
from typing import Any

from hero_desktop.data import names
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.rows import HeroRow
from hero_desktop.data.sqlite.name_index import FTS_TABLE, NAME_TABLE, fts_query
from hero_desktop.data.sqlite.search_pager import has_trigrams

COLUMNS = "id, name, age, secret_name"
HERO_COLUMNS = "h.id, h.name, h.age, h.secret_name"


def names_in(schema: str) -> str:
    """The name rows (alias n) in ``schema``: the file's own, or Hero Desktop's cache."""
    return f"{schema}.{NAME_TABLE} n"


def names_and_heroes(schema: str) -> str:
    """The name rows in ``schema`` joined with their heroes (alias h)."""
    return f"{names_in(schema)} JOIN hero h ON h.id = n.id"


def filters(query: HeroQuery) -> tuple[list[str], list[Any]]:
    """The query's age filter as SQLite conditions on ``h`` and their parameters."""
    ages = query.age_bounds
    if ages.no_age:
        return ["h.age IS NULL"], []
    clauses: list[str] = []
    params: list[Any] = []
    if ages.minimum is not None:
        clauses.append("h.age >= ?")
        params.append(ages.minimum)
    if ages.maximum is not None:
        clauses.append("h.age <= ?")
        params.append(ages.maximum)
    return clauses, params


def _row(cursor: sqlite3.Cursor, values: tuple[Any, ...]) -> HeroRow:
    return HeroRow(*values)


def _drop_table(connection: sqlite3.Connection, table: str) -> None:
    with suppress(sqlite3.Error):
        connection.execute(f"DROP TABLE IF EXISTS {table}")


class MatchPager:
    """A name search, or any order the file has no index for: the ids, sorted, in a temp table.

    With the name structures (in ``schema``) a search reads the folded names
    (the trigram index narrows a needle of three or more folded characters
    to candidates, ``instr`` is the exact rule); without them it scans with
    the same rule as a Python function, and sorts by name through another.
    """

    # One table per pager: the repository caches several searches at once.
    _numbers = itertools.count()

    def __init__(
        self, connection: sqlite3.Connection, query: HeroQuery, schema: str | None
    ) -> None:
        self._connection = connection
        self._TABLE = f"temp.hero_desktop_matches_{next(self._numbers)}"
        weakref.finalize(self, _drop_table, connection, self._TABLE)
        needle = query.search.strip()
        clauses, params = filters(query)
        indexed = schema is not None
        source = names_and_heroes(schema) if schema is not None else "hero h"
        if needle and schema is not None:
            folded = names.fold(needle)
            if len(folded) >= 3 and has_trigrams(connection, schema):
                clauses.append(
                    f"n.id IN (SELECT rowid FROM {schema}.{FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)"
                )
                params.append(fts_query(folded))
            else:
                clauses.append("instr(n.fold, ?) > 0")
                params.append(folded)
        elif needle:
            clauses.append("hd_matches(h.name, ?)")
            params.append(needle)
        if query.sort is SortKey.NAME:
            keys: tuple[str, ...] = (
                ("n.sort_key", "n.id") if indexed else ("hd_sort_key(h.name)", "h.id")
            )
        elif query.sort is SortKey.AGE:
            keys = ("h.age", "h.id")
        else:
            keys = ("h.id",)
        order = ", ".join(f"{key}{' DESC' if query.descending else ''}" for key in keys)
        connection.execute(f"DROP TABLE IF EXISTS {self._TABLE}")
        connection.execute(
            f"CREATE TABLE {self._TABLE} AS SELECT h.id AS hero_id FROM {source} "
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
