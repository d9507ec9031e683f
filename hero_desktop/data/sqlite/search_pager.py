"""A name search over the name structures, first page and count at once at any size.

The matching rule is ``names``: the folded search text occurs in the folded
name. Which heroes match is answered by the trigram index for three or more
folded characters (a phrase of trigrams is exactly a substring, so the count
comes straight from the index), and by one scan of the short folded names
for one or two characters, or where there is no trigram index (yet: Hero
Desktop's name cache of a file it may not change, ``has_trigrams``).

How the matches are then ordered depends on how many there are (when
scanning, on whether the first page is found by walking within the budget
below; if not, the one scan that finds them also sorts them):

* few (at most ``FEW``): their ids, sorted, go into a temporary table whose
  rowid is the rank (like ``paging.MatchPager``);
* many: no copy at all. A page walks the order itself (the name index, or
  the id) and keeps the rows that match, so the first page is found after
  about ``100 / density`` rows. The key of the row at each page start seen
  so far is remembered, so the next page continues from there. When the
  matches cluster far along the order (every "Captain ..." after the A and
  B names), a walk that takes longer than ``WALK_BUDGET_S`` is stopped and
  the matches are sorted into a table after all.

Age filters and the age order use ``paging.MatchPager``.
"""

from __future__ import annotations

import bisect
import itertools
import sqlite3
import time
import weakref
from contextlib import suppress
from typing import Any

from hero_desktop.data import names
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.rows import HeroRow
from hero_desktop.data.sqlite.name_index import FTS_TABLE, NAME_TABLE, fts_query

FEW = 8000
"""Up to this many matches are sorted into a table; beyond, pages walk the order."""

PAGE = 100
"""The largest page the window asks for (the tutorial's limit)."""

WALK_BUDGET_S = 0.012
"""How long one page may walk the order before the matches are sorted instead."""

_HERO = "h.id, h.name, h.age, h.secret_name"


def _row(cursor: sqlite3.Cursor, values: tuple[Any, ...]) -> HeroRow:
    return HeroRow(*values)


def has_trigrams(connection: sqlite3.Connection, schema: str) -> bool:
    """Whether the name structures in ``schema`` have the trigram index.

    The file's own (``main``) always have it; Hero Desktop's cache of them
    (name_cache.py) gets it once its name rows are in use: until then a
    search scans the folds (about 0.2 s per million heroes).
    """
    found = connection.execute(
        f"SELECT 1 FROM {schema}.sqlite_schema WHERE name = ?", (FTS_TABLE,)
    ).fetchone()
    return found is not None


def _drop_table(connection: sqlite3.Connection, table: str) -> None:
    with suppress(sqlite3.Error):
        connection.execute(f"DROP TABLE IF EXISTS {table}")


class SearchPager:
    """A name search (no age filter) sorted by id or name, over the name structures."""

    _numbers = itertools.count()

    def __init__(
        self, connection: sqlite3.Connection, query: HeroQuery, schema: str = "main"
    ) -> None:
        assert query.sort is not SortKey.AGE
        self._connection = connection
        # The name structures: the file's own (main) or Hero Desktop's cache of them.
        self._name_table = f"{schema}.{NAME_TABLE}"
        self._fts = f"{schema}.{FTS_TABLE}"
        self._folded = names.fold(query.search.strip())
        self._trigrams = len(self._folded) >= 3 and has_trigrams(connection, schema)
        self._descending = query.descending
        self._by_name = query.sort is SortKey.NAME
        self._keys = ("n.sort_key", "n.id") if self._by_name else ("n.id",)
        self._table: str | None = None
        # Page starts seen so far: rank -> key of the row at that rank.
        self._ranks: list[int] = [0]
        self._starts: dict[int, tuple[Any, ...] | None] = {0: None}
        self._count = self._find()

    # -- which heroes match ------------------------------------------------------

    def _find(self) -> int:
        if self._trigrams:
            count = int(
                self._connection.execute(
                    f"SELECT count(*) FROM {self._fts} WHERE {FTS_TABLE} MATCH ?",
                    (fts_query(self._folded),),
                ).fetchone()[0]
            )
            if count <= FEW:
                self._sort_all()
            return count
        # One or two characters (or no trigram index): as few scans as possible.
        # Many matches spread along the order: the first page is found at once
        # by walking, and one scan counts. Otherwise one scan finds and sorts.
        if self._try_walk(0, PAGE) is None:
            self._sort_all()
            assert self._table is not None
            return int(
                self._connection.execute(f"SELECT count(*) FROM {self._table}").fetchone()[0]
            )
        return int(
            self._connection.execute(
                f"SELECT count(*) FROM {self._name_table} WHERE instr(fold, ?) > 0", (self._folded,)
            ).fetchone()[0]
        )

    def _sort_all(self) -> None:
        if self._trigrams:
            self._sort_into_table(
                f"n.id IN (SELECT rowid FROM {self._fts} WHERE {FTS_TABLE} MATCH ?)",
                (fts_query(self._folded),),
            )
        else:
            # One pass over the name table, which holds the sort keys too.
            self._sort_into_table("instr(n.fold, ?) > 0", (self._folded,))

    def _sort_into_table(self, where: str, params: tuple[Any, ...]) -> None:
        """Sort the matches (``where`` on ``n``) into a table whose rowid is the rank."""
        table = f"temp.hero_desktop_found_{next(self._numbers)}"
        weakref.finalize(self, _drop_table, self._connection, table)
        self._connection.execute(f"DROP TABLE IF EXISTS {table}")
        self._connection.execute(
            # NOT INDEXED: read the matches and sort them, rather than walk the
            # whole name index looking each row up.
            f"CREATE TABLE {table} AS SELECT n.id AS hero_id FROM {self._name_table} n NOT INDEXED "
            f"WHERE {where} ORDER BY {self._order()}",
            params,
        )
        self._table = table

    # -- pages -------------------------------------------------------------------

    def count(self) -> int:
        return self._count

    def rows(self, start: int, limit: int) -> list[HeroRow]:
        if limit <= 0 or start >= self._count:
            return []
        cursor = self._connection.cursor()
        cursor.row_factory = _row
        if self._table is not None:
            return list(
                cursor.execute(
                    f"SELECT {_HERO} FROM {self._table} m JOIN hero h ON h.id = m.hero_id "
                    "WHERE m.rowid > ? AND m.rowid <= ? ORDER BY m.rowid",
                    (start, start + limit),
                )
            )
        found = self._try_walk(start, limit)
        if found is None:
            self._sort_all()
            return self.rows(start, limit)
        return found

    def _try_walk(self, start: int, limit: int) -> list[HeroRow] | None:
        """``_walk``, or None when it takes longer than ``WALK_BUDGET_S``."""
        deadline = time.perf_counter() + WALK_BUDGET_S
        self._connection.set_progress_handler(lambda: time.perf_counter() > deadline, 2000)
        try:
            return self._walk(start, limit)
        except sqlite3.OperationalError as error:
            if "interrupt" not in str(error):
                raise
            return None
        finally:
            self._connection.set_progress_handler(None, 0)

    def _order(self) -> str:
        direction = " DESC" if self._descending else ""
        return ", ".join(f"{key}{direction}" for key in self._keys)

    def _after(self, key: tuple[Any, ...] | None) -> tuple[str, tuple[Any, ...]]:
        if key is None:
            return "1", ()
        columns = ", ".join(self._keys)
        marks = ", ".join("?" for _ in self._keys)
        return f"({columns}) {'<=' if self._descending else '>='} ({marks})", key

    def _walk(self, start: int, limit: int) -> list[HeroRow]:
        """Rows ``start``.. of the order that match, from the nearest page start known."""
        known = self._ranks[bisect.bisect_right(self._ranks, start) - 1]
        after, after_params = self._after(self._starts[known])
        keys = ", ".join(self._keys)
        found = self._connection.execute(
            f"SELECT {_HERO}, {keys} FROM {self._name_table} n JOIN hero h ON h.id = n.id "
            f"WHERE instr(n.fold, ?) > 0 AND {after} ORDER BY {self._order()} "
            "LIMIT ? OFFSET ?",
            (self._folded, *after_params, limit + 1, start - known),
        ).fetchall()
        width = len(self._keys)
        if len(found) > limit:
            self._remember(start + limit, tuple(found[limit][-width:]))
        return [HeroRow(*row[:4]) for row in found[:limit]]

    def _remember(self, rank: int, key: tuple[Any, ...]) -> None:
        if rank not in self._starts:
            bisect.insort(self._ranks, rank)
            self._starts[rank] = key

    def prepare(self, seconds: float) -> bool:
        return True  # nothing to build ahead: the matches are ranked as they are found

    def rank_of(self, hero_id: int) -> int | None:
        if self._table is not None:
            found = self._connection.execute(
                f"SELECT rowid FROM {self._table} WHERE hero_id = ?", (hero_id,)
            ).fetchone()
            return None if found is None else int(found[0]) - 1
        keys = ", ".join(self._keys)
        key = self._connection.execute(
            f"SELECT {keys} FROM {self._name_table} n WHERE n.id = ? AND instr(n.fold, ?) > 0",
            (hero_id, self._folded),
        ).fetchone()
        if key is None:
            return None
        marks = ", ".join("?" for _ in self._keys)
        before = self._connection.execute(
            f"SELECT count(*) FROM {self._name_table} n WHERE instr(n.fold, ?) > 0 "
            f"AND ({keys}) {'>' if self._descending else '<'} ({marks})",
            (self._folded, *key),
        ).fetchone()[0]
        return int(before)
