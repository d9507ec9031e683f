"""A name search over the name structures, first page and count at once at any size.

The matching rule is ``names``: the folded search text occurs in the folded
name. Which heroes match is answered by an FTS index (``index_for``): the
trigram index for three or more folded characters (a phrase of trigrams is
exactly a substring, so the count comes straight from the index), the pairs
index for one or two (one token of it is exactly a character or a pair).
Where there is no such index the folds are scanned: one or two characters
on structures without a current pairs index (``name_index.has_pairs``) and
on Hero Desktop's name cache of a file it may not change; any search on
that cache until its trigram index is in (``has_trigrams``).

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
  B names), a walk that takes longer than ``WALK_BUDGET_S`` is stopped.
  The name order's index holds each fold, so the walk reads the index
  alone (about 0.1 us a row). In name order with an index, when
  the walk is stopped the page is the matches' smallest keys from its start
  on (SQLite keeps
  only that many while it reads every match's key once: 0.3 s for 310,000
  matches of ten million, where sorting them all into a table took
  0.7-1.0 s), and sorting them all into a table is left to ``prepare``,
  which the window asks for once the page is shown. Where the samples of an
  estimate place the first match (``_before_first``) and walking there costs
  less than taking the smallest keys, the first page's walk may take twice
  as long as that should, at most what taking them costs. Without an index
  (a scan) the walk may go on longer, as long as a
  fiftieth of a scan of every name would take (0.2 s on ten million heroes,
  where a common pair of letters is found within 30,000 to 170,000 names of
  the order); past that, the one scan that finds the matches sorts them. A
  search whose samples of the table (as for its estimate) find too few
  matches for that walk to reach a page goes to the scan at once.

Age filters and the age order use ``paging.MatchPager``.
"""

from __future__ import annotations

import bisect
import itertools
import sqlite3
import time
import weakref
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from hero_desktop.data import names
from hero_desktop.data.estimate import COUNTED_EXACTLY, two_figures
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.rows import MAX_LIMIT, HeroRow
from hero_desktop.data.sqlite.name_index import (
    FTS_TABLE,
    NAME_TABLE,
    PAIRS_TABLE,
    fts_query,
    has_pairs,
    pairs_query,
)

FEW = 8000
"""Up to this many matches are sorted into a table; beyond, pages walk the order."""

WALK_BUDGET_S = 0.012
"""How long one page may walk the order before the matches are sorted instead..."""

TRIGRAM_WALK_S_PER_ID = 3e-9
"""... or, with an index, this long per id of the table, if that is longer (30 ms
on ten million heroes, where "müller"'s first page lies 180,000 rows along the order, a
16 ms walk, and the matches' smallest keys take 75 ms)."""

SCAN_WALK_S_PER_ID = 20e-9
"""Without an index, sorting the matches scans every name (about 0.2 s per
million): a walk may then take this long per id of the table, if that is longer."""

SAMPLES = 20
SAMPLE_IDS = 2000
"""A short search's estimate reads ``SAMPLES`` blocks of this many ids, spread evenly
(about 4 ms)."""
PLACING_SAMPLES = 4
"""Of those blocks, about how many (every fifth, of 20) count the names before the first
match they hold in name order (``_before_first``: 8,000 names, about 1 ms)."""

TRIGRAM_ESTIMATE_FROM = 2_000_000
"""With an index, from a table of this many ids on, more than ``COUNTED_EXACTLY``
matches are estimated too: its exact count costs about 65 ns a match (20 ms for "wolf"'s
312,877 of ten million; 2 ms for its 31,281 of a million, less than the samples)."""

WALK_S_PER_ROW = 0.1e-6
"""What the walk costs per row of the order (the order's index holds each fold: 16 ms
for the first 170,000 names of ten million). A short search whose samples say its matches are too
few for the walk's budget to reach a page, even spread evenly, does not walk ("x", "δη"
on a million heroes: 20 ms saved before the scan that sorts them)."""

SMALLEST_S_PER_MATCH = 1.1e-6
"""What taking the matches' smallest keys costs a match (each id the index finds looked up
in the name rows: 0.35 s for "captain"'s 320,000 of ten million heroes). In name order the
first page may walk longer when the samples place the first match where walking there
costs less (``WALK_S_PER_ROW``): "captain", after the A and B names, about 1,100,000
names along, a walk of about 0.12 s against 0.35 s for the smallest keys."""

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


def id_span(connection: sqlite3.Connection, name_table: str) -> tuple[int, int]:
    """The smallest id of ``name_table`` and how many ids from it to the largest (two
    seeks: one ``min(id), max(id)`` would read the whole table); (0, 0) when empty."""
    first, last = connection.execute(
        f"SELECT (SELECT min(id) FROM {name_table}), (SELECT max(id) FROM {name_table})"
    ).fetchone()
    return (0, 0) if first is None else (int(first), int(last) - int(first) + 1)


def index_for(
    connection: sqlite3.Connection, schema: str, folded: str
) -> tuple[str, str, str] | None:
    """The FTS index that finds exactly the folds holding ``folded``, as (the table in
    ``schema``, its name, the query); None: scan the folds.

    Three or more characters: the trigram index. One or two: the pairs index
    (``name_index.pairs_query``), where the structures have it.
    """
    if len(folded) >= 3:
        if has_trigrams(connection, schema):
            return f"{schema}.{FTS_TABLE}", FTS_TABLE, fts_query(folded)
        return None
    short = pairs_query(folded)
    if short is not None and has_pairs(connection, schema):
        return f"{schema}.{PAIRS_TABLE}", PAIRS_TABLE, short
    return None


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
        self._folded = names.fold(query.search.strip())
        self._index = index_for(connection, schema, self._folded)
        self._indexed = self._index is not None
        self._descending = query.descending
        self._by_name = query.sort is SortKey.NAME
        self._keys = ("n.sort_key", "n.id") if self._by_name else ("n.id",)
        self._table: str | None = None
        self._sort_later = False
        """The walk gave up: pages come from the matches' keys until ``prepare`` sorts them."""
        # Page starts seen so far: rank -> key of the row at that rank.
        self._ranks: list[int] = [0]
        self._starts: dict[int, tuple[Any, ...] | None] = {0: None}
        self._span: tuple[int, int] | None = None
        self._sampled: float | None = None
        """The matches the samples estimate, when a search took them..."""
        self._before_first: float | None = None
        """... and, in name order with an index, the names they place before the first
        match in that order."""
        self._walk_budget = self._budget_for_walks()
        self._first_page: list[HeroRow] | None = None
        """The first page, when finding the matches walked to it (read once, not twice)."""
        self._count = self._find()

    # -- which heroes match ------------------------------------------------------

    def _id_span(self) -> tuple[int, int]:
        if self._span is None:
            self._span = id_span(self._connection, self._name_table)
        return self._span

    def _budget_for_walks(self) -> float:
        per_id = TRIGRAM_WALK_S_PER_ID if self._indexed else SCAN_WALK_S_PER_ID
        return max(WALK_BUDGET_S, self._id_span()[1] * per_id)

    def _find(self) -> int | None:
        """The count, when finding the matches gave it; None: counted when asked."""
        if self._indexed:
            # The index is asked once for at most FEW + 1 matches (a phrase of
            # many trigrams takes 60-100 ms on ten million heroes): few are then sorted
            # from those ids; for many, the index counts them.
            few = f"temp.hero_desktop_few_{next(self._numbers)}"
            weakref.finalize(self, _drop_table, self._connection, few)
            self._connection.execute(
                f"CREATE TABLE {few} AS {self._matching()} LIMIT ?", (self._match(), FEW + 1)
            )
            try:
                count = int(self._connection.execute(f"SELECT count(*) FROM {few}").fetchone()[0])
                if count <= FEW:
                    self._sort_into_table(f"n.id IN (SELECT id FROM {few})", ())
                    return count
            finally:
                _drop_table(self._connection, few)
            return None  # many: counted when asked (``count``, ``quick_count``)
        # No index for the search: as few scans as possible.
        # Many matches spread along the order: the first page is found at once
        # by walking, and the count is asked apart (``count``, ``quick_count``).
        # Otherwise one scan finds and sorts.
        if self._walk_may_reach_a_page():
            self._first_page = self._within(self._walk_budget, lambda: self._walk(0, MAX_LIMIT))
        if self._first_page is None:
            self._sort_all()
            assert self._table is not None
            return int(
                self._connection.execute(f"SELECT count(*) FROM {self._table}").fetchone()[0]
            )
        return None

    def _walk_may_reach_a_page(self) -> bool:
        """Whether the matches the samples find, spread evenly, put a page within the walk's
        budget (always, on a table too small to sample)."""
        first, span = self._id_span()
        if span <= SAMPLES * SAMPLE_IDS:
            return True
        walked = self._walk_budget / WALK_S_PER_ROW
        return self._sample(first, span) * walked / span > MAX_LIMIT

    def _sample(self, first: int, span: int) -> float:
        """The matches in all, from ``SAMPLES`` blocks of ids spread over the table; in name
        order with an index, also how many names come before the first match they hold
        (``_before_first``), from the names of ``PLACING_SAMPLES`` of those blocks."""
        if self._sampled is None:
            starts = [first + block * span // SAMPLES for block in range(SAMPLES)]
            placed = self._indexed and self._by_name
            end = ("max" if self._descending else "min") + "(sort_key)" if placed else "NULL"
            matched, keys = 0, []
            for start in starts:
                count, key = self._connection.execute(
                    f"SELECT count(*), {end} FROM {self._name_table} "
                    "WHERE id >= ? AND id < ? AND instr(fold, ?) > 0",
                    (start, start + SAMPLE_IDS, self._folded),
                ).fetchone()
                matched += int(count)
                if key is not None:
                    keys.append(key)
            self._sampled = matched * span / (SAMPLES * SAMPLE_IDS)
            if keys:
                first_key = max(keys) if self._descending else min(keys)
                placing = starts[:: max(1, SAMPLES // max(1, PLACING_SAMPLES))]
                before = 0
                for start in placing:
                    before += int(
                        self._connection.execute(
                            f"SELECT count(*) FROM {self._name_table} WHERE id >= ? AND id < ? "
                            f"AND sort_key {'>' if self._descending else '<'} ?",
                            (start, start + SAMPLE_IDS, first_key),
                        ).fetchone()[0]
                    )
                self._before_first = before * span / (len(placing) * SAMPLE_IDS)
        return self._sampled

    def _first_walk_budget(self) -> float:
        """How long the first page may walk: ``_walk_budget``, or, when the samples place
        the first match (``_before_first``) where walking costs less than taking the
        smallest keys (``SMALLEST_S_PER_MATCH``), twice as long as that walk should take,
        at most what taking them costs. A wrong guess (a cold disk, a first match the
        samples missed) costs at most that much more."""
        if self._before_first is None or self._sampled is None:
            return self._walk_budget
        matches = self._count if self._count is not None else self._sampled
        walk_s = self._before_first * WALK_S_PER_ROW
        smallest_s = matches * SMALLEST_S_PER_MATCH
        if walk_s > smallest_s:
            return self._walk_budget
        return max(self._walk_budget, min(2 * walk_s, smallest_s))

    def _sort_all(self) -> None:
        if self._indexed:
            self._sort_into_table(f"n.id IN ({self._matching()})", (self._match(),))
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

    def _matching(self) -> str:
        """The ids (``id``) of the index's matches, with the index's query as parameter."""
        assert self._index is not None
        table, name, _ = self._index
        return f"SELECT rowid AS id FROM {table} WHERE {name} MATCH ?"

    def _match(self) -> str:
        assert self._index is not None
        return self._index[2]

    # -- pages -------------------------------------------------------------------

    def count(self) -> int:
        if self._count is None:
            self._count = int(self._connection.execute(*self._matches_counted(None)).fetchone()[0])
        return self._count

    def _matches_counted(self, limit: int | None) -> tuple[str, tuple[Any, ...]]:
        """The statement that counts the matches (up to ``limit``), and its parameters."""
        if self._indexed:
            matches = self._matching()
            needle: Any = self._match()
        else:
            matches = f"SELECT 1 FROM {self._name_table} WHERE instr(fold, ?) > 0"
            needle = self._folded
        if limit is None:
            return f"SELECT count(*) FROM ({matches})", (needle,)
        return f"SELECT count(*) FROM ({matches} LIMIT ?)", (needle, limit)

    def quick_count(self) -> tuple[int, bool]:
        """The count, exact up to ``COUNTED_EXACTLY`` matches; beyond, an estimate.

        A search with many matches has no count yet (one or two letters found
        by walking, or more than ``FEW`` matches of an index):
        counting up to the limit stops early when matches are that common,
        and ``SAMPLES`` blocks of ids spread over the table say about how many
        there are in all (with an index, on a table of
        ``TRIGRAM_ESTIMATE_FROM`` ids or more). ``count`` stays exact (a later
        page needs it).
        """
        if self._count is not None:
            return self._count, True
        counted = int(
            self._connection.execute(*self._matches_counted(COUNTED_EXACTLY)).fetchone()[0]
        )
        if counted < COUNTED_EXACTLY:
            self._count = counted
            return counted, True
        first, span = self._id_span()
        if span <= SAMPLES * SAMPLE_IDS or (self._indexed and span < TRIGRAM_ESTIMATE_FROM):
            return self.count(), True
        return max(COUNTED_EXACTLY, two_figures(self._sample(first, span))), False

    def rows(self, start: int, limit: int) -> list[HeroRow]:
        if limit <= 0 or (self._count is not None and start >= self._count):
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
        if start == 0 and self._first_page is not None and limit <= MAX_LIMIT:
            return self._first_page[:limit]
        if not self._sort_later:
            budget = self._first_walk_budget() if start == 0 else self._walk_budget
            found = self._within(budget, lambda: self._walk(start, limit))
            if found is not None:
                return found
            self._sort_later = self._indexed and self._by_name
        if self._sort_later and start in self._starts:
            return self._smallest(start, limit)
        self._sort_all()
        return self.rows(start, limit)

    def _smallest(self, start: int, limit: int) -> list[HeroRow]:
        """Rows ``start``.. : the matches' smallest keys from that page's start on."""
        return self._from_matches(
            start,
            limit,
            f"({self._matching()}) f CROSS JOIN {self._name_table} n ON n.id = f.id WHERE 1",
        )

    def _from_matches(self, start: int, limit: int, matches: str) -> list[HeroRow]:
        """Page ``start`` (one row more) of ``matches``: name rows ``n`` with the needle's
        MATCH as their one parameter, and a WHERE clause to go on."""
        after, after_params = self._after(self._starts[start])
        found = self._connection.execute(
            f"SELECT {_HERO}, t.sort_key, t.id FROM ("
            f"SELECT n.id, n.sort_key FROM {matches} AND {after} "
            f"ORDER BY {self._order()} LIMIT ?"
            f") t JOIN hero h ON h.id = t.id ORDER BY {self._order().replace('n.', 't.')}",
            (self._match(), *after_params, limit + 1),
        ).fetchall()
        if len(found) > limit:
            self._remember(start + limit, tuple(found[limit][-2:]))
        return [HeroRow(*row[:4]) for row in found[:limit]]

    def _within(self, seconds: float, read: Callable[[], list[HeroRow]]) -> list[HeroRow] | None:
        """``read()``, or None when it takes longer than ``seconds``.

        An interrupt from another thread (a newer request) before then still ends the read.
        """
        deadline = time.perf_counter() + seconds
        stopped: list[bool] = []

        def over() -> bool:
            # SQLite looks at another thread's interrupt before calling this: a stop
            # recorded here is the deadline's own.
            if time.perf_counter() > deadline:
                stopped.append(True)
            return bool(stopped)

        self._connection.set_progress_handler(over, 2000)
        try:
            return read()
        except sqlite3.OperationalError as error:
            if "interrupt" not in str(error) or not stopped:
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
        # Pages found by walking are ranked as they are found: nothing to build ahead.
        # Pages read from the matches' keys each read them all: sort them once, in one
        # statement (0.6-1 s for 310,000 matches, past ``seconds``): a key interrupts it,
        # and the next call sorts from the start again.
        if self._sort_later and self._table is None:
            self._sort_all()
        return True

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
