"""Pages of heroes at any depth, under any sort and search, in constant time.

Two ways to reach row ``r`` of an ordering without SQLite walking ``r`` rows:

* ``CheckpointPager`` (the whole table, or an age filter): a sparse list of
  the sort keys found every ``CHECKPOINT_EVERY`` rows, built once by chained
  ``LIMIT 1 OFFSET n`` queries that walk the covering index inside SQLite.
  A page is then ``key >= checkpoint ORDER BY key LIMIT n OFFSET < 1000``.
* ``MatchPager`` (a name search): the matching ids, sorted, are stored once in
  a temporary table, whose rowid is then the rank: any page is a range.

Ordering is always the sort column with ``id`` as the tiebreaker. ``age`` may
be NULL, which SQLite sorts first; the NULL ages form their own segment
ordered by id, so keys stay comparable with row values.

A pager describes one state of the file: the repository drops it whenever
the data changes.

Why one file of this length: the checkpoint pager and the match pager share
the segment machinery (NULL ages, key comparisons, reversed orders) that
makes any page of any order one range.
"""

from __future__ import annotations

import bisect
import itertools
import sqlite3
import weakref
from contextlib import suppress
from dataclasses import dataclass
from typing import Any, Protocol

from hero_desktop.data import names
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.rows import HeroRow
from hero_desktop.data.sqlite.name_index import FTS_TABLE, NAME_TABLE, fts_query
from hero_desktop.data.sqlite.search_pager import SearchPager, has_trigrams

CHECKPOINT_EVERY = 1000
COLUMNS = "id, name, age, secret_name"
HERO_COLUMNS = "h.id, h.name, h.age, h.secret_name"


def _names(schema: str) -> str:
    """The name rows (alias n) in ``schema``: the file's own, or Hero Desktop's cache."""
    return f"{schema}.{NAME_TABLE} n"


def _names_and_heroes(schema: str) -> str:
    return f"{_names(schema)} JOIN hero h ON h.id = n.id"


def _row(cursor: sqlite3.Cursor, values: tuple[Any, ...]) -> HeroRow:
    return HeroRow(*values)


class Pager(Protocol):
    def count(self) -> int: ...

    def rows(self, start: int, limit: int) -> list[HeroRow]: ...

    def rank_of(self, hero_id: int) -> int | None: ...


@dataclass(frozen=True)
class _Segment:
    """Rows matching ``where``, ordered by ``keys`` (all ascending or all descending)."""

    where: str
    params: tuple[Any, ...]
    keys: tuple[str, ...]
    descending: bool
    source: str = "hero h"
    """What the keys are read from; ``row_source`` must also give the hero (alias h)."""
    row_source: str = ""

    @property
    def rows_from(self) -> str:
        return self.row_source or self.source

    @property
    def order_by(self) -> str:
        direction = " DESC" if self.descending else ""
        return ", ".join(f"{key}{direction}" for key in self.keys)

    def after(self, inclusive: bool) -> str:
        """Row-value condition for keys at or past a checkpoint."""
        columns = ", ".join(self.keys)
        marks = ", ".join("?" for _ in self.keys)
        operator = ("<" if self.descending else ">") + ("=" if inclusive else "")
        return f"({columns}) {operator} ({marks})"


def _filters(query: HeroQuery) -> tuple[list[str], list[Any]]:
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


def _segments(
    query: HeroQuery, extra: list[str], extra_params: list[Any], names_schema: str = "main"
) -> list[_Segment]:
    def where(*more: str) -> str:
        return " AND ".join([*extra, *more]) or "1"

    params = tuple(extra_params)
    if query.sort is SortKey.ID:
        return [_Segment(where(), params, ("h.id",), query.descending)]
    if query.sort is SortKey.NAME:
        # The name order is the name table's index; keys alone need not touch hero.
        keys = ("n.sort_key", "n.id")
        both = _names_and_heroes(names_schema)
        if extra:
            return [_Segment(where(), params, keys, query.descending, both)]
        return [_Segment(where(), params, keys, query.descending, _names(names_schema), both)]
    nulls = _Segment(where("h.age IS NULL"), params, ("h.id",), query.descending)
    ages = _Segment(where("h.age IS NOT NULL"), params, ("h.age", "h.id"), query.descending)
    # SQLite sorts NULL first: ascending puts heroes without an age first.
    return [ages, nulls] if query.descending else [nulls, ages]


class _SegmentPager:
    """Ranks within one segment, through sparse checkpoints of its keys."""

    def __init__(self, connection: sqlite3.Connection, segment: _Segment) -> None:
        self._connection = connection
        self._segment = segment
        self._checkpoints: list[tuple[Any, ...]] | None = None
        self._count: int | None = None
        self._page_starts: dict[int, tuple[Any, ...]] = {}
        """Rank -> key of the row there, learnt from the row after each page shown."""

    def _select(self, what: str, condition: str | None, tail: str, source: str = "") -> str:
        where = (
            self._segment.where if condition is None else f"{self._segment.where} AND {condition}"
        )
        return (
            f"SELECT {what} FROM {source or self._segment.source} WHERE {where} "
            f"ORDER BY {self._segment.order_by} {tail}"
        )

    def checkpoints(self) -> list[tuple[Any, ...]]:
        """Keys of the rows at ranks 0, N, 2N...; the last query also counts the tail."""
        if self._checkpoints is not None:
            return self._checkpoints
        keys = ", ".join(self._segment.keys)
        params = self._segment.params
        first = self._connection.execute(self._select(keys, None, "LIMIT 1"), params).fetchone()
        checkpoints: list[tuple[Any, ...]] = []
        if first is not None:
            checkpoints.append(tuple(first))
            step = self._select(
                keys, self._segment.after(True), f"LIMIT 1 OFFSET {CHECKPOINT_EVERY}"
            )
            while True:
                found = self._connection.execute(step, params + checkpoints[-1]).fetchone()
                if found is None:
                    break
                checkpoints.append(tuple(found))
        self._checkpoints = checkpoints
        return checkpoints

    def count(self) -> int:
        if self._count is None:
            checkpoints = self._checkpoints
            if checkpoints is None:
                # Not walked yet (only the first pages were read): SQLite's own count
                # is several times faster than walking the checkpoints for it.
                segment = self._segment
                # Without a WHERE clause SQLite counts the entries of its smallest
                # index page by page (twice as fast as scanning one for "WHERE 1").
                where = "" if segment.where == "1" else f" WHERE {segment.where}"
                found = self._connection.execute(
                    f"SELECT count(*) FROM {segment.source}{where}", segment.params
                ).fetchone()
                self._count = int(found[0])
            elif not checkpoints:
                self._count = 0
            else:
                tail = self._connection.execute(
                    f"SELECT count(*) FROM ({self._select('1', self._segment.after(True), '')})",
                    self._segment.params + checkpoints[-1],
                ).fetchone()[0]
                self._count = (len(checkpoints) - 1) * CHECKPOINT_EVERY + int(tail)
        return self._count

    def rows(self, start: int, limit: int) -> list[HeroRow]:
        if limit <= 0:
            return []
        # Start from the row this page begins with when a previous page told us
        # its key (the next page), else from the checkpoint of its block; the
        # first block starts at the first row, with no checkpoint walk at all.
        known = self._page_starts.get(start)
        condition: str | None = self._segment.after(True)
        if known is not None:
            first, key = start, known
        elif self._checkpoints is None and start < CHECKPOINT_EVERY:
            first, key, condition = 0, (), None
        else:
            checkpoints = self.checkpoints()
            block = start // CHECKPOINT_EVERY
            if block >= len(checkpoints):
                return []
            first, key = block * CHECKPOINT_EVERY, checkpoints[block]
        window = f"LIMIT {int(limit) + 1} OFFSET {start - first}"
        width = len(self._segment.keys)
        if self._segment.row_source:
            # Skip along the keys alone (a covering index), then fetch the page's heroes:
            # skipped rows must not each cost a lookup of their hero.
            keys = self._select(", ".join(self._segment.keys), condition, window)
            order = self._segment.order_by.replace("n.", "p.")
            outer_keys = ", ".join(key.replace("n.", "p.") for key in self._segment.keys)
            sql = (
                f"SELECT {HERO_COLUMNS}, {outer_keys} FROM ({keys}) AS p "
                f"JOIN hero h ON h.id = p.id ORDER BY {order}"
            )
        else:
            columns = f"{HERO_COLUMNS}, {', '.join(self._segment.keys)}"
            sql = self._select(columns, condition, window)
        found = self._connection.execute(sql, self._segment.params + key).fetchall()
        if len(found) > limit:
            if len(self._page_starts) > 10_000:
                self._page_starts.clear()
            self._page_starts[start + limit] = tuple(found[limit][4 : 4 + width])
        return [HeroRow._make(row[:4]) for row in found[:limit]]

    def rank_of(self, key: tuple[Any, ...]) -> int:
        """Rank of the row with ``key`` (which must match this segment)."""
        checkpoints = self.checkpoints()
        if self._segment.descending:
            position = bisect.bisect_right([_negate(c) for c in checkpoints], _negate(key)) - 1
        else:
            position = bisect.bisect_right(checkpoints, key) - 1
        position = max(position, 0)
        after = self._segment.after(True)
        before = self._connection.execute(
            f"SELECT count(*) FROM {self._segment.source} "
            f"WHERE {self._segment.where} AND {after} AND NOT {after}",
            self._segment.params + checkpoints[position] + key,
        ).fetchone()[0]
        return position * CHECKPOINT_EVERY + int(before)


class _Reverse:
    """Orders its value the other way round, for bisecting a descending list."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _Reverse) -> bool:
        return bool(other.value < self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reverse) and other.value == self.value

    __hash__ = None  # type: ignore[assignment]


def _negate(key: tuple[Any, ...]) -> tuple[_Reverse, ...]:
    return tuple(_Reverse(part) for part in key)


class CheckpointPager:
    """The whole table, or an age filter, in any sort order."""

    def __init__(
        self, connection: sqlite3.Connection, query: HeroQuery, names_schema: str = "main"
    ) -> None:
        self._connection = connection
        self._query = query
        clauses, params = _filters(query)
        self._segment_specs = _segments(query, clauses, params, names_schema)
        self._segments = [_SegmentPager(connection, spec) for spec in self._segment_specs]

    def count(self) -> int:
        return sum(segment.count() for segment in self._segments)

    def rows(self, start: int, limit: int) -> list[HeroRow]:
        found: list[HeroRow] = []
        for segment in self._segments:
            size = segment.count()
            if start < size:
                found.extend(segment.rows(start, limit - len(found)))
                start = 0
                if len(found) >= limit:
                    break
            else:
                start -= size
        return found

    def rank_of(self, hero_id: int) -> int | None:
        offset = 0
        for spec, segment in zip(self._segment_specs, self._segments, strict=True):
            key = self._connection.execute(
                f"SELECT {', '.join(spec.keys)} FROM {spec.rows_from} "
                f"WHERE h.id = ? AND {spec.where}",
                (hero_id, *spec.params),
            ).fetchone()
            if key is not None:
                return offset + segment.rank_of(tuple(key))
            offset += segment.count()
        return None


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
        clauses, params = _filters(query)
        indexed = schema is not None
        source = _names_and_heroes(schema) if schema is not None else "hero h"
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

    def rank_of(self, hero_id: int) -> int | None:
        found = self._connection.execute(
            f"SELECT rowid FROM {self._TABLE} WHERE hero_id = ?", (hero_id,)
        ).fetchone()
        return None if found is None else int(found[0]) - 1


def make_pager(connection: sqlite3.Connection, query: HeroQuery, schema: str | None) -> Pager:
    """The pager for ``query``; ``schema``: the schema whose name structures are current
    (the file's own, ``main``, or Hero Desktop's cache of them), or None to scan."""
    age_filtered = query.age_bounds.active
    if query.search.strip() and schema and query.sort is not SortKey.AGE and not age_filtered:
        return SearchPager(connection, query, schema)
    if query.search.strip() or (query.sort is SortKey.NAME and schema is None):
        return MatchPager(connection, query, schema)
    return CheckpointPager(connection, query, schema or "main")
