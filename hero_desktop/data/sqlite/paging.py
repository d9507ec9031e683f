"""Pages of heroes at any depth, under any sort and search, in constant time.

Two ways to reach row ``r`` of an ordering without SQLite walking ``r`` rows:

* ``CheckpointPager`` (the whole table, or an age filter): a sparse list of
  the sort keys found every ``CHECKPOINT_EVERY`` rows, built once by chained
  ``LIMIT 1 OFFSET n`` queries that walk the covering index inside SQLite
  (ahead of need, a step at a time: ``prepare``). A page is then
  ``key >= checkpoint ORDER BY key LIMIT n OFFSET < 1000``; the first page,
  the next one and pages near the end (read backwards once counted) need no
  checkpoints, and the first page no count.
* ``MatchPager`` (match_pager.py, a name search without the name index):
  the matching ids, sorted, are stored once in a temporary table, whose
  rowid is then the rank: any page is a range.

Ordering is always the sort column with ``id`` as the tiebreaker. ``age`` may
be NULL, which SQLite sorts first; the NULL ages form their own segment
ordered by id, so keys stay comparable with row values. "From this key on"
is two ranges of the index, never a row value: SQLite would seek the first
key alone and step through every row sharing it.

A pager describes one state of the file: the repository drops it whenever
the data changes.
"""

from __future__ import annotations

import bisect
import sqlite3
import time
from dataclasses import dataclass, replace
from typing import Any, Protocol

from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.rows import HeroRow
from hero_desktop.data.sqlite.match_pager import (
    COLUMNS as COLUMNS,
)
from hero_desktop.data.sqlite.match_pager import (
    HERO_COLUMNS,
    MatchPager,
    names_and_heroes,
    names_in,
)
from hero_desktop.data.sqlite.search_pager import SearchPager

CHECKPOINT_EVERY = 1000


class Pager(Protocol):
    def count(self) -> int: ...

    def rows(self, start: int, limit: int) -> list[HeroRow]: ...

    def rank_of(self, hero_id: int) -> int | None: ...

    def prepare(self, seconds: float) -> bool: ...


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
        both = names_and_heroes(names_schema)
        if extra:
            return [_Segment(where(), params, keys, query.descending, both)]
        return [_Segment(where(), params, keys, query.descending, names_in(names_schema), both)]
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
        self._walked: list[tuple[Any, ...]] = []
        """Checkpoints found so far by a walk that stopped at its deadline."""
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

    def _from_key(
        self, what: str, key: tuple[Any, ...], tail: str, source: str = ""
    ) -> tuple[str, tuple[Any, ...]]:
        """``what`` of the rows from ``key`` on, in order: the SQL and its parameters.

        With two keys (age and id, sort key and id) this is two ranges of the
        index, the rest of ``key``'s first part from its id on, then all that
        follows. A row-value condition would be one range of the first key
        alone: SQLite would step through every row sharing it (100,000 heroes
        of one age among ten million) before reaching the id. Two extra columns
        (the keys) end each row.
        """
        segment = self._segment
        if len(segment.keys) == 1:
            return self._select(what, segment.after(True), tail, source), segment.params + key
        first, second = segment.keys
        beyond = "<" if segment.descending else ">"
        direction = " DESC" if segment.descending else ""
        source = source or segment.source
        arms = (
            f"SELECT {what}, {first} AS hd_first, {second} AS hd_second FROM {source} "
            f"WHERE {segment.where} AND {first} = ? AND {second} {beyond}= ? "
            f"UNION ALL SELECT {what}, {first}, {second} FROM {source} "
            f"WHERE {segment.where} AND {first} {beyond} ?"
        )
        sql = f"{arms} ORDER BY hd_first{direction}, hd_second{direction} {tail}"
        return sql, (*segment.params, key[0], key[1], *segment.params, key[0])

    def checkpoints(self) -> list[tuple[Any, ...]]:
        """Keys of the rows at ranks 0, N, 2N..."""
        self.walk(None)
        assert self._checkpoints is not None
        return self._checkpoints

    def walk(self, deadline: float | None) -> bool:
        """Find the checkpoints, until done or ``deadline`` (``time.monotonic``); True: done.

        What was found stays for the next call, also when a statement is interrupted.
        """
        if self._checkpoints is not None:
            return True
        keys = ", ".join(self._segment.keys)
        width = len(self._segment.keys)
        walked = self._walked
        if not walked:
            first = self._connection.execute(
                self._select(keys, None, "LIMIT 1"), self._segment.params
            ).fetchone()
            if first is None:
                self._checkpoints = []
                return True
            walked.append(tuple(first))
        while True:  # one step at least per call, so that every call goes on
            step, params = self._from_key(keys, walked[-1], f"LIMIT 1 OFFSET {CHECKPOINT_EVERY}")
            found = self._connection.execute(step, params).fetchone()
            if found is None:
                self._checkpoints, self._walked = walked, []
                return True
            walked.append(tuple(found[:width]))
            if deadline is not None and time.monotonic() >= deadline:
                return False

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
                tail_sql, tail_params = self._from_key("1", checkpoints[-1], "")
                tail = self._connection.execute(
                    f"SELECT count(*) FROM ({tail_sql})", tail_params
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
        key: tuple[Any, ...] | None
        if known is not None:
            first, key = start, known
        elif self._checkpoints is None and start < CHECKPOINT_EVERY:
            first, key = 0, None
        elif self._checkpoints is None and self._count is not None and start >= self._count:
            return []
        elif self._checkpoints is None and self._count is not None and self._near_end(start):
            return self._rows_from_end(start, limit)
        else:
            checkpoints = self.checkpoints()
            block = start // CHECKPOINT_EVERY
            if block >= len(checkpoints):
                return []
            first, key = block * CHECKPOINT_EVERY, checkpoints[block]
        window = f"LIMIT {int(limit) + 1} OFFSET {start - first}"
        width = len(self._segment.keys)
        key_names = ", ".join(self._segment.keys)
        if self._segment.row_source:
            # Skip along the keys alone (a covering index), then fetch the page's heroes:
            # skipped rows must not each cost a lookup of their hero.
            inner, params = self._keys_select(key_names, key, window)
            order = self._segment.order_by.replace("n.", "p.")
            outer_keys = ", ".join(name.replace("n.", "p.") for name in self._segment.keys)
            sql = (
                f"SELECT {HERO_COLUMNS}, {outer_keys} FROM ({inner}) AS p "
                f"JOIN hero h ON h.id = p.id ORDER BY {order}"
            )
        else:
            sql, params = self._keys_select(f"{HERO_COLUMNS}, {key_names}", key, window)
        found = self._connection.execute(sql, params).fetchall()
        if len(found) > limit:
            if len(self._page_starts) > 10_000:
                self._page_starts.clear()
            self._page_starts[start + limit] = tuple(found[limit][4 : 4 + width])
        return [HeroRow._make(row[:4]) for row in found[:limit]]

    def near_start(self, start: int) -> bool:
        """Rank ``start`` is reached without checkpoints: a page start known, or the first block."""
        return start in self._page_starts or start < CHECKPOINT_EVERY

    def _keys_select(
        self, what: str, key: tuple[Any, ...] | None, tail: str
    ) -> tuple[str, tuple[Any, ...]]:
        if key is None:
            return self._select(what, None, tail), self._segment.params
        if self._segment.row_source:
            # The outer query reads the keys by name: the inner one gives them as named.
            sql, params = self._from_key(what, key, tail)
            return f"SELECT {_bare(what)} FROM ({sql})", params
        return self._from_key(what, key, tail)

    def _near_end(self, start: int) -> bool:
        """Nearer the end than the first checkpoint is to the start: read backwards."""
        assert self._count is not None
        return self._count - start <= CHECKPOINT_EVERY

    def _rows_from_end(self, start: int, limit: int) -> list[HeroRow]:
        """Rows near the end, read backwards from it (the last page needs no checkpoints)."""
        assert self._count is not None
        reverse = replace(self._segment, descending=not self._segment.descending)
        take = min(limit, self._count - start)
        skip = self._count - start - take
        source = reverse.row_source or reverse.source
        found = self._connection.execute(
            f"SELECT {HERO_COLUMNS} FROM {source} WHERE {reverse.where} "
            f"ORDER BY {reverse.order_by} LIMIT {int(take)} OFFSET {int(skip)}",
            reverse.params,
        ).fetchall()
        return [HeroRow._make(row) for row in reversed(found)]

    def rank_of(self, key: tuple[Any, ...]) -> int:
        """Rank of the row with ``key`` (which must match this segment)."""
        checkpoints = self.checkpoints()
        if self._segment.descending:
            position = bisect.bisect_right([_negate(c) for c in checkpoints], _negate(key)) - 1
        else:
            position = bisect.bisect_right(checkpoints, key) - 1
        position = max(position, 0)
        keys = ", ".join(self._segment.keys)
        width = len(self._segment.keys)
        block, params = self._from_key(keys, checkpoints[position], f"LIMIT {CHECKPOINT_EVERY}")
        found = self._connection.execute(block, params).fetchall()
        before = sum(
            1
            for row in found
            if (_negate(tuple(row[:width])) if self._segment.descending else tuple(row[:width]))
            < (_negate(key) if self._segment.descending else key)
        )
        return position * CHECKPOINT_EVERY + before


def _bare(columns: str) -> str:
    """``n.sort_key, n.id`` as an outer query names the inner one's columns."""
    return ", ".join(column.strip().split(".")[-1] for column in columns.split(","))


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
        clauses, params = query.age_bounds.conditions("?")
        self._segment_specs = _segments(query, clauses, params, names_schema)
        self._segments = [_SegmentPager(connection, spec) for spec in self._segment_specs]

    def count(self) -> int:
        return sum(segment.count() for segment in self._segments)

    def prepare(self, seconds: float) -> bool:
        """Walk the checkpoints for ``seconds`` at most (more calls go on); True: done."""
        deadline = time.monotonic() + seconds
        return all(segment.walk(deadline) for segment in self._segments)

    def rows(self, start: int, limit: int) -> list[HeroRow]:
        found: list[HeroRow] = []
        last = self._segments[-1]
        for segment in self._segments:
            need = limit - len(found)
            if segment is last or segment.near_start(start):
                # Rows the segment reaches without checkpoints need no count (the last
                # segment's never do): the first pages are shown before any count.
                got = segment.rows(start, need)
                found.extend(got)
                if segment is last or len(got) >= need:
                    break
                if got:
                    start = 0  # the segment ended within the page: the next one starts it
                    continue
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


def make_pager(connection: sqlite3.Connection, query: HeroQuery, schema: str | None) -> Pager:
    """The pager for ``query``; ``schema``: the schema whose name structures are current
    (the file's own, ``main``, or Hero Desktop's cache of them), or None to scan."""
    age_filtered = query.age_bounds.active
    if query.search.strip() and schema and query.sort is not SortKey.AGE and not age_filtered:
        return SearchPager(connection, query, schema)
    if query.search.strip() or (query.sort is SortKey.NAME and schema is None):
        return MatchPager(connection, query, schema)
    return CheckpointPager(connection, query, schema or "main")
