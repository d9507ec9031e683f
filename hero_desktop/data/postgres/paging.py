"""Pages of heroes on a PostgreSQL server, at any depth, under any sort and search.

Every order is a key of one or two columns with an index behind it (``id``;
``hero_desktop_age``'s ``(age with no age first, id)``; the name table's
``(sort_key, id)``), so a page is one index range:

* the next or previous page of one already shown starts from the key of the
  row beside it (keyset paging: ``WHERE key > last ORDER BY key LIMIT n``),
  which costs the same at row ten million as at row ten;
* a jump (Go to page, End) reads ``OFFSET`` rows of the index from whichever
  end is nearer, so the last page is as quick as the first.

Without Hero Desktop's name structures (declined, not yet built, or another
client's changes not yet keyed) search and name order come from the store's
copy of the names (name_keys.py), whose pages are read by id
(``rows_by_id``). ``EarlyPager`` answers a search's first page while that
copy is still being made, from the heroes keyed so far (``ScanPager``).
A pager describes one state of the database: the repository drops it
whenever the data changes.
"""

from __future__ import annotations

import math
import time
from array import array
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from typing import Any

import psycopg
from psycopg.pq import TransactionStatus

from hero_desktop.data import names
from hero_desktop.data.estimate import COUNTED_EXACTLY, two_figures
from hero_desktop.data.postgres.schema import (
    AGE_KEY,
    NAME_TABLE,
    ORDER_INDEX,
    PAIRS,
    PAIRS_SEPARATOR,
)
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.rows import MAX_LIMIT, HeroRow

HEROES = "hero h"
NAMES_AND_HEROES = f"{NAME_TABLE} n JOIN hero h ON h.id = n.id"
ROW = "h.id, h.name, h.age, h.secret_name"


WALK_BUDGET_MS = 150
"""How long the first page of a search may walk its order's index (the name order, the ids)."""
TOP_WORK_MEM = "32MB"
"""Memory for finding a search's smallest keys (PostgreSQL's default 4 MB made the
bitmap of 157,000 matches lossy: 1,000,000 more rows rechecked, 0.54 s against 0.33 s)."""
SAMPLE_PERCENT = 1
"""The share of the name table's pages an estimate reads (the same pages each time)."""
SAMPLE_FIRST_FROM = 2_000_000
"""From a name table of this many rows on, a search's first page samples before it counts:
counting up to ``COUNTED_EXACTLY`` reads a heap page per match (65 ms for "captain" and
"wolf" on ten million heroes), the sample 12 ms."""
SAMPLED_CLEARLY_OVER = 2
"""A sample that finds this many times ``COUNTED_EXACTLY`` matches is said at once ("about")..."""
SAMPLED_PAGES_AT_LEAST = 30
"""... when they lie on at least this many of its pages: matches stored side by side (a file
imported in name order) could make a few sampled pages of them look like many."""
SMALLEST_AT_ONCE = 20_000
"""A search in name order with at most this many matches (counted, or estimated by its
sample) takes their smallest keys at once, without walking the order first (about 2-5 us a
match: "jurgen"'s 11,080 of ten million heroes lie 0.1% along the order, where a walk that
reads a row a match found takes over 100 ms). More are walked to, as they lie."""
SMALLEST_IDS_AT_ONCE = 5_000
"""The same for a search by id, whose walk reads the ids in order (about 0.15 us a row):
"captain"'s 16,000 of a million heroes are found within 6,000 ids (1 ms), their smallest
ids from all of them took 26 ms; "zoe"'s 29,604 of ten million 5 ms against 138 ms."""
PAIRED_UP_TO = 2
"""Needles of this many characters or fewer have no trigram: the pairs index finds them."""
COMMON_SHARE = 0.1
"""A needle its sample finds in at least this share of the names is found by reading them:
counting up to ``COUNTED_EXACTLY`` then stops within ten times as many rows ("an", a fifth
of a million heroes: 5 ms), where the pairs index reads every match's entry first (13 ms).
Rarer needles read the pairs index ("zz", none: 49 -> 0.2 ms; "xq", 2,503: 53 -> 2.5 ms)."""
PAIRED_WALK_SQUARED = 100
"""A short needle found through the pairs index, in name order, takes its smallest keys at
once up to sqrt(this x the name rows) matches, when that is more than ``SMALLEST_AT_ONCE``
(31,600 on ten million heroes). A walk to the first page reads about rows x 100 / matches
name rows, a heap row each, and taking the smallest reads each match once, from the pairs'
exact bitmap: "xq" (about 26,000 of ten million) 271 -> 120 ms, while "zo" (56,000 of a
million, found within about 2,000 rows) is still walked, in 18 ms rather than 60."""
WALK_S_PER_NAME = 3.5e-6
"""What the walk in name order takes a name whose fold it reads in the name's row (a heap
row each: 2-4 us here; "captain" on ten million heroes, every one after the A and B
names, 1,038,526 names before its first page: a 2.4-3.0 s walk)..."""
WALK_S_PER_INDEXED_NAME = 2e-7
"""... one whose fold the order's index holds (``schema.ORDER_INDEX``), on a page the
server knows every row of is visible (the index alone is read: that "captain" walk in
0.17-0.21 s, "kid"'s 325,127 names in 54 ms)..."""
SMALLEST_S_PER_MATCH = 2e-6
"""... and what taking the smallest keys takes a match (a heap row each, read by the
trigram index's bitmap: 157,000 for "captain", 0.26-0.33 s). A search whose sample says
the walk would cost more than this takes its smallest keys at once; a cheaper walk may
take ``WALK_MARGIN`` times what it should, at most this (``_walk_budget_ms``)."""
WALK_MARGIN = 2
"""How many times its estimate a walk the sample finds cheaper may take before it gives up
(the time it costs past that is the price of a wrong guess, as on a file)."""
_SMALLEST = {"n.sort_key": "n.sort_key || ''::bytea", "n.id": "n.id + 0"}
"""The keys as expressions: no index has them, so none is walked."""


def like_pattern(folded: str) -> str:
    """A LIKE pattern for "contains ``folded``" (a fold may hold % and _ of its own)."""
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class Ordering:
    """Rows of ``source`` matching ``where``, ordered by ``keys`` (the last one is unique)."""

    source: str
    where: str
    params: tuple[Any, ...]
    keys: tuple[str, ...]
    descending: bool
    counted_from: str = ""
    """A cheaper source for counting, when it holds exactly the same rows (no join); the
    source a page finds its ids in too, when every key is in it (``on_names_alone``)."""
    estimable: bool = False
    """A search on the name table alone (no age filter), whose exact count reads every
    match (every name, for one or two letters): its first page may say about how many
    (``KeysetPager.quick_count``)."""
    paired: Ordering | None = None
    """For a needle of one or two characters on the name table alone: the same rows found
    through the pairs index (``KeysetPager`` takes it when the needle is rare)."""

    @property
    def on_names_alone(self) -> bool:
        """Every key and condition is in the name table: pages find their ids there first."""
        return (
            bool(self.counted_from)
            and "h." not in self.where
            and all(key.startswith("n.") for key in self.keys)
        )

    def order_by(self, reverse: bool = False) -> str:
        down = self.descending != reverse
        return ", ".join(f"{key} DESC" if down else key for key in self.keys)

    def beyond(self, reverse: bool = False) -> str:
        """The condition for rows after a key in this order (before it when ``reverse``)."""
        down = self.descending != reverse
        marks = ", ".join("%s" for _ in self.keys)
        return f"({', '.join(self.keys)}) {'<' if down else '>'} ({marks})"


def ordering(query: HeroQuery, *, pairs: bool = True) -> Ordering:
    """The indexed ordering of a query, when Hero Desktop's name structures are ready
    (``pairs``: with the pairs index, which structures an earlier Hero Desktop built lack)."""
    clauses, params = query.age_bounds.conditions("%s")
    folded = names.fold(query.search.strip()) if query.search.strip() else ""
    uses_names = bool(folded) or query.sort is SortKey.NAME
    if folded:
        clauses.append("n.fold LIKE %s")
        params.append(like_pattern(folded))
    # With the names ready the name table has one row per hero: without an age
    # filter, counting and ranking need no join with hero.
    names_only = uses_names and not query.age_bounds.active
    if query.sort is SortKey.NAME:
        keys: tuple[str, ...] = ("n.sort_key", "n.id")
    elif query.sort is SortKey.AGE:
        keys = (AGE_KEY, "h.id")
    else:
        keys = ("n.id",) if names_only else ("h.id",)
    source = NAMES_AND_HEROES if uses_names else HEROES
    where = " AND ".join(clauses) or "TRUE"
    counted = f"{NAME_TABLE} n" if names_only else ""
    estimable = names_only and bool(folded)
    order = Ordering(source, where, tuple(params), keys, query.descending, counted, estimable)
    short = len(folded) <= PAIRED_UP_TO and PAIRS_SEPARATOR not in folded
    # By id and by name only: sorted by age, the server joined the rest of the age order
    # with the pairs' matches for a next page (59 ms against 7 ms on 200,000 heroes).
    if pairs and estimable and short and order.on_names_alone:
        # The fold's LIKE hidden from the trigram index, which has no trigram of so short a
        # needle and would read all of itself (300 ms a million heroes, beside the pairs).
        paired = f"{PAIRS} @> ARRAY[%s]::text[] AND (n.fold || '') LIKE %s"
        return replace(order, paired=replace(order, where=paired, params=(folded, *params)))
    return order


Connection = Callable[[], psycopg.Connection]
"""The store's connection as it is now (a reconnect replaces it under a pager)."""


class KeysetPager:
    """One query's heroes through its index: keyset paging beside pages already read."""

    def __init__(self, connection: Connection, order: Ordering) -> None:
        self._connection = connection
        self._order = order
        self._given = order
        """The ordering as given, which tests each row with the fold's LIKE: what the
        sample and the first page's walk read by, for a short needle too (through the
        pairs the server walked the ids of "xq" on ten million heroes with two more
        processes, in 21-25 ms against 6 ms)."""
        self._rows: float | None = None
        """The name table's rows as the server estimated them, once asked..."""
        self._walk_s_per_name = WALK_S_PER_NAME
        """... and what a walk along the name order takes a name (``_rows_in_names``)."""
        self._count: int | None = None
        self._sampled: float | None = None
        """The matches the sample of the name table estimates, once taken..."""
        self._sampled_pages = 0
        """... and on how many of its pages it found them..."""
        self._sampled_first: bytes | None = None
        """... and, in name order, the sort key of the first it found in that order."""
        self._keys: dict[int, tuple[Any, ...]] = {}
        """Rank -> key of the row there, for the first and last row of each page read."""
        self._first_page: list[tuple[tuple[Any, ...], HeroRow | None]] | None = None
        """The keys of the first ``MAX_LIMIT`` matches in the order and their heroes (None: a
        name row whose hero is gone), when a count read every match (``_counted_up_to``)."""

    def _chosen(self) -> Ordering:
        """The ordering to read by: a short needle's found through the pairs index unless
        its sample finds it common (``COMMON_SHARE``), which is decided once."""
        order = self._order
        if order.paired is not None:
            connection = self._connection()
            rows = self._rows_in_names(connection)
            sampled = self._sample(connection, rows)
            common = sampled is not None and sampled >= COMMON_SHARE * rows
            self._order = order = replace(order, paired=None) if common else order.paired
        return order

    def _select(
        self,
        condition: str = "",
        *,
        reverse: bool = False,
        tail: str = "",
        order: Ordering | None = None,
    ) -> str:
        order = order or self._order
        where = f"({order.where}) AND {condition}" if condition else order.where
        if order.on_names_alone:
            # The page's ids from the name table alone, then their heroes: a plan that
            # joined each match with hero before taking the page read hero 11,080
            # times for "jurgen" on ten million heroes (108 ms, against 15 ms).
            keys = ", ".join(key.replace("n.", "m.") for key in order.keys)
            return (
                f"WITH m AS MATERIALIZED (SELECT {', '.join(order.keys)} "
                f"FROM {order.counted_from} WHERE {where} "
                f"ORDER BY {order.order_by(reverse)} {tail}) "
                f"SELECT {keys}, {ROW} FROM m JOIN hero h ON h.id = m.id "
                f"ORDER BY {order.order_by(reverse).replace('n.', 'm.')}"
            )
        return (
            f"SELECT {', '.join(order.keys)}, {ROW} FROM {order.source} WHERE {where} "
            f"ORDER BY {order.order_by(reverse)} {tail}"
        )

    def count(self) -> int:
        if self._count is None:
            order = self._chosen()
            source = order.counted_from or order.source
            row = (
                self._connection()
                .execute(f"SELECT count(*) FROM {source} WHERE {order.where}", order.params)
                .fetchone()
            )
            self._count = int(row[0]) if row else 0
        return self._count

    def quick_count(self) -> tuple[int, bool]:
        """The count, exact up to ``COUNTED_EXACTLY`` matches; beyond, an estimate
        (on a big table, one that its sample finds clearly beyond, uncounted).

        Only a search estimates: its exact count reads every match, and for
        one or two letters every name (on ten million heroes 0.4-0.8 s for
        150,000 to 530,000 matches), while counting up to the limit stops
        early when matches are common (13-95 ms), and a sample of the
        table's pages (about 12 ms on ten million heroes) says about how
        many there are in all, never fewer than were counted. From
        ``SAMPLE_FIRST_FROM`` rows on the sample comes first: when it finds
        ``SAMPLED_CLEARLY_OVER`` times the limit on at least
        ``SAMPLED_PAGES_AT_LEAST`` of its pages, its estimate is said without
        counting (on ten million heroes "captain" 83 -> 13 ms, "wolf" 82 ->
        12 ms); when not, it serves the count's "about" if one is needed.
        When the sample finds fewer than ``SMALLEST_AT_ONCE``, matches whose
        first page would read each of them anyway, up to that many are
        counted, exactly, in the pass that keeps the first page
        (``_counted_up_to``: "jürgen", 11,080 of ten million heroes, read
        once instead of twice). ``count`` stays exact (the last page needs it).
        """
        order = self._chosen()
        if self._count is not None or not order.estimable:
            return self.count(), True
        connection = self._connection()
        rows = self._rows_in_names(connection)
        limit = COUNTED_EXACTLY
        if rows >= SAMPLE_FIRST_FROM:
            # Many matches found by the sample, on enough of its pages, are said at once.
            sampled = self._sample(connection, rows)
            if (
                sampled is not None
                and sampled >= SAMPLED_CLEARLY_OVER * COUNTED_EXACTLY
                and self._sampled_pages >= SAMPLED_PAGES_AT_LEAST
            ):
                return two_figures(sampled), False
            if sampled is not None and sampled < SMALLEST_AT_ONCE and order.on_names_alone:
                # In name order the first page reads every match anyway (their smallest
                # keys); by id it walks rows / matches ids a row, which cost more than
                # counting past the usual limit ("jurgen", 11,080 of ten million heroes:
                # 146-173 -> 102-104 ms). One pass counts them all and keeps the page.
                limit = SMALLEST_AT_ONCE
        counted = self._counted_up_to(connection, limit)
        if counted < limit:
            self._count = counted
            return counted, True
        sampled = self._sample(connection, rows)
        if sampled is None:
            return self.count(), True  # never analysed, or too small to sample
        # Never fewer than were counted (a sample can miss matches stored side by side).
        return max(counted, two_figures(sampled)), False

    def _counted_up_to(self, connection: psycopg.Connection, limit: int) -> int:
        """The matches counted, up to ``limit`` (which stops early when they are common).

        On the name table alone the same pass keeps the first page in the order
        (``MAX_LIMIT`` rows, ``_first_page``), used when every match was counted: the
        page's smallest keys would read each match again ("son", 6,111 of ten
        million heroes: 43 ms each; "captain storm", 3,003 matches among more
        rows holding its trigrams: 108 ms each).
        """
        order = self._order
        if not order.on_names_alone:
            row = connection.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {order.counted_from} WHERE {order.where} "
                "LIMIT %s) AS counted",
                (*order.params, limit),
            ).fetchone()
            return int(row[0]) if row else 0
        columns = [key.removeprefix("n.") for key in order.keys]
        found = connection.execute(
            f"WITH c AS MATERIALIZED (SELECT {', '.join(order.keys)} FROM {order.counted_from} "
            f"WHERE {order.where} LIMIT %s), "
            "t AS MATERIALIZED (SELECT count(*) AS found FROM c), "
            # Sorted only when every match was counted (the server skips it otherwise).
            f"p AS MATERIALIZED (SELECT {', '.join(columns)} FROM c "
            "WHERE (SELECT found FROM t) < %s "
            f"ORDER BY {order.order_by().replace('n.', '')} LIMIT %s) "
            f"SELECT (SELECT found FROM t), {', '.join(f'p.{c}' for c in columns)}, {ROW} "
            "FROM (SELECT 1) AS one LEFT JOIN (p LEFT JOIN hero h ON h.id = p.id) ON TRUE "
            f"ORDER BY {order.order_by().replace('n.', 'p.')}",
            (*order.params, limit, limit, MAX_LIMIT),
        ).fetchall()
        counted = int(found[0][0]) if found else 0
        if counted < limit:
            width = len(order.keys)
            # A name row whose hero is gone (its trigger bypassed) keeps its place, as in
            # a page read by keys (``_select``), with no hero. No match gives one row of
            # NULLs, which has no hero either.
            self._first_page = [
                (
                    tuple(values[1 : 1 + width]),
                    None if values[1 + width] is None else HeroRow(*values[1 + width :]),
                )
                for values in found
            ]
        return counted

    def _rows_in_names(self, connection: psycopg.Connection) -> float:
        """The name table's rows as the server last estimated them (-1: never analysed),
        asked once: the choice of the pairs, the sample and the walk's limit use them.

        Asked with them: whether the name order's index holds the folds, and the share
        of the table's pages the server last saw all visible (its vacuum marks them;
        a walk reads a row on the others), which set ``_walk_s_per_name``.
        """
        if self._rows is None:
            row = connection.execute(
                "SELECT c.reltuples, least(c.relallvisible::float8 / greatest(c.relpages, 1), 1),"
                " EXISTS (SELECT 1 FROM pg_index i WHERE i.indexrelid = to_regclass(%s) "
                f"AND i.indisvalid) FROM pg_class c WHERE c.oid = '{NAME_TABLE}'::regclass",
                (ORDER_INDEX,),
            ).fetchone()
            self._rows = float(row[0]) if row and row[0] is not None else -1.0
            if row is not None and row[2]:
                visible = float(row[1])
                self._walk_s_per_name = (
                    visible * WALK_S_PER_INDEXED_NAME + (1 - visible) * WALK_S_PER_NAME
                )
        return self._rows

    def _sample(self, connection: psycopg.Connection, rows: float) -> float | None:
        """The matches in all of the table's ``rows``, from ``SAMPLE_PERCENT`` of its pages
        (taken once); None when it was never analysed or is too small to sample. In name
        order it also keeps the sort key of the first match it finds in that order."""
        if self._sampled is None:
            if rows <= 0:
                return None
            order = self._given
            # Each row tested once; the page of each match is the block number of its ctid.
            first, key = "NULL", ""
            if order.keys[0] == "n.sort_key":
                # PostgreSQL has no min or max of bytea; the hex digits order alike in "C".
                end = "max" if order.descending else "min"
                first = f"{end}(encode(s.sort_key, 'hex') COLLATE \"C\") FILTER (WHERE s.hit)"
                key = ", n.sort_key"
            sample = connection.execute(
                "SELECT count(*) FILTER (WHERE s.hit), count(*), "
                f"count(DISTINCT (s.ctid::text::point)[0]) FILTER (WHERE s.hit), {first} "
                f"FROM (SELECT ({order.where}) AS hit, n.ctid{key} FROM {order.counted_from} "
                f"TABLESAMPLE SYSTEM ({SAMPLE_PERCENT}) REPEATABLE (0)) AS s",
                order.params,
            ).fetchone()
            if sample is None or not sample[1]:
                return None
            matched, sampled, pages = int(sample[0]), int(sample[1]), int(sample[2])
            self._sampled, self._sampled_pages = matched * rows / sampled, pages
            self._sampled_first = None if sample[3] is None else bytes.fromhex(sample[3])
        return self._sampled

    def _fetch(
        self,
        statement: str,
        params: Sequence[Any],
        reverse: bool,
        order: Ordering | None = None,
    ) -> list[tuple[tuple[Any, ...], HeroRow]]:
        order = order or self._order
        width = len(order.keys)
        found = [
            (tuple(values[:width]), HeroRow(*values[width:]))
            for values in self._connection().execute(statement, (*order.params, *params)).fetchall()
        ]
        return found[::-1] if reverse else found

    def rows(self, start: int, limit: int) -> list[HeroRow]:
        if limit <= 0 or self._count == 0:
            return []  # a short search counted nothing: no need to read every name again
        self._chosen()
        before, after = self._keys.get(start - 1), self._keys.get(start + limit)
        if start == 0 and self._first_page is not None and limit <= MAX_LIMIT:
            found = [(key, row) for key, row in self._first_page[:limit] if row is not None]
        elif start == 0 and self._order.estimable and self._order.on_names_alone:
            found = self._first_of_search(limit)
        elif start == 0:
            found = self._fetch(self._select(tail="LIMIT %s"), (limit,), False)
        elif before is not None:
            found = self._fetch(
                self._select(self._order.beyond(), tail="LIMIT %s"), (*before, limit), False
            )
        elif after is not None:
            found = self._fetch(
                self._select(self._order.beyond(reverse=True), reverse=True, tail="LIMIT %s"),
                (*after, limit),
                True,
            )
        else:
            total = self.count()
            if start >= total:
                return []
            from_end = total - start - limit
            if from_end < start:
                # Nearer the end: read the index backwards (the last page is instant).
                found = self._fetch(
                    self._select(reverse=True, tail="LIMIT %s OFFSET %s"),
                    (min(limit, total - start), max(from_end, 0)),
                    True,
                )
            else:
                found = self._fetch(self._select(tail="LIMIT %s OFFSET %s"), (limit, start), False)
        if found:
            self._keys[start] = found[0][0]
            self._keys[start + len(found) - 1] = found[-1][0]
        return [row for _, row in found]

    def _first_of_search(self, limit: int) -> list[tuple[tuple[Any, ...], HeroRow]]:
        """The first page of a search by name or by id, whichever way its matches lie.

        PostgreSQL walks the order's index and keeps the rows that match,
        which is instant when matches come early in the order ("storm" on
        ten million heroes: 9 ms), but when they cluster far along it
        ("captain" in name order: every "Captain ..." after the A and B
        names) that walk took 2.5-3.0 s. So the walk gets ``WALK_BUDGET_MS``
        (more when the sample says it is the cheaper way, ``_walk_budget_ms``);
        past that, the trigram index finds every match and the smallest keys
        are kept (0.33 s for 157,000 matches, with the bitmap kept exact in
        ``TOP_WORK_MEM``). Matches known to be few (``SMALLEST_AT_ONCE``,
        ``SMALLEST_IDS_AT_ONCE``, by the count or the sample of
        ``quick_count``) skip the walk: spread
        along the order, they make it long wherever they lie. So do matches
        in name order whose walk the sample says would cost more than the
        smallest keys (``_walk_budget_ms``). The walk does
        not let the server read the trigram index instead (which it guesses
        finds about 1,000 rows whatever the needle). The next pages go on
        from the last key, by walking.
        """
        order = self._order
        known: float | None = self._count
        if known is None and self._sampled is not None:
            # Sampled and not counted: many found by the sample, or the count reached its limit.
            known = max(self._sampled, COUNTED_EXACTLY)
        if order.keys[0] != "n.sort_key":
            few = SMALLEST_IDS_AT_ONCE
        else:
            few = SMALLEST_AT_ONCE
            if order is self._given.paired:  # read through the pairs (``_chosen``)
                rows = self._rows_in_names(self._connection())
                few = max(few, int(math.sqrt(PAIRED_WALK_SQUARED * max(rows, 0))))
        budget_ms: float | None = None  # (None: not walked)
        if known is None or known > few:
            budget_ms = self._walk_budget_ms(order, limit, known)
        if budget_ms is not None:
            # Whole milliseconds, never 0 (no timeout at all); the server's own is compared.
            timeout_ms = max(1, math.ceil(budget_ms))
            started = time.perf_counter()
            try:
                with self._settings(statement_timeout=str(timeout_ms), enable_bitmapscan="off"):
                    started = time.perf_counter()  # the timeout counts the walk alone
                    walk = self._given
                    return self._fetch(
                        self._select(tail="LIMIT %s", order=walk), (limit,), False, walk
                    )
            except psycopg.errors.QueryCanceled:
                if (time.perf_counter() - started) * 1000 < timeout_ms:
                    raise  # cancelled by a newer request, not by the budget
        down = " DESC" if order.descending else ""
        smallest = ", ".join(f"{_SMALLEST[key]}{down}" for key in order.keys)
        with self._settings(work_mem=TOP_WORK_MEM):
            return self._fetch(
                f"WITH m AS MATERIALIZED (SELECT {', '.join(order.keys)} FROM {NAME_TABLE} n "
                f"WHERE {order.where} ORDER BY {smallest} LIMIT %s) "
                f"SELECT {', '.join(key.replace('n.', 'm.') for key in order.keys)}, {ROW} "
                f"FROM m JOIN hero h ON h.id = m.id "
                f"ORDER BY {order.order_by().replace('n.', 'm.')}",
                (limit,),
                False,
            )

    def _walk_budget_ms(self, order: Ordering, limit: int, matches: float | None) -> float | None:
        """How long walking the name order to the first page may take; None when it would
        cost more than taking the matches' smallest keys (which are taken at once).

        The walk reads the names before the first match, then about ``limit`` times
        one in every ``rows / matches`` names (``_walk_s_per_name`` each: a heap row,
        or the order's index alone); taking the smallest keys reads each match
        (``SMALLEST_S_PER_MATCH``). The names before the first match are a lower
        bound, from the server's statistics of the sort keys (a histogram of them)
        and the sort key of the first match the sample found; with no histogram,
        none. A walk that costs less may take ``WALK_MARGIN`` times what it should,
        at least ``WALK_BUDGET_MS`` and at most what the smallest keys cost: "captain"
        on ten million heroes walks 1,038,526 names of the index (0.2 s, 0.3 s
        allowed) instead of reading its 156,595 matches (0.26-0.64 s); "zoë" (about
        30,000 matches, the first within 100,000 names) would walk about 33,000
        names with a heap row each, 0.12 s, against 0.06 s for its smallest keys.

        Known only from a sample whose matches lie on enough of its pages (as for
        saying "about") and a table the server has analysed; otherwise the walk
        is tried for ``WALK_BUDGET_MS``. The smallest keys are exact either way: a
        wrong guess costs time.
        """
        key = self._sampled_first
        if order.keys[0] != "n.sort_key" or key is None or not matches:
            return WALK_BUDGET_MS
        if self._sampled_pages < SAMPLED_PAGES_AT_LEAST:
            return WALK_BUDGET_MS
        connection = self._connection()
        rows = max(self._rows_in_names(connection), 0)
        # The statistics of the name table the search path finds, as every read finds it.
        row = connection.execute(
            "SELECT (SELECT count(*) FILTER (WHERE CASE WHEN %s THEN b > %s ELSE b < %s END) "
            "FROM unnest(h.bounds) AS b), cardinality(h.bounds) "
            "FROM (SELECT histogram_bounds::text::bytea[] AS bounds FROM pg_stats "
            "WHERE (schemaname, tablename) = (SELECT s.nspname, c.relname FROM pg_class c "
            "JOIN pg_namespace s ON s.oid = c.relnamespace WHERE c.oid = to_regclass(%s)) "
            "AND attname = 'sort_key' AND NOT inherited) AS h",
            (order.descending, key, key, NAME_TABLE),
        ).fetchone()
        before = 0.0
        if row is not None and row[1] and row[1] >= 2:
            # The key lies somewhere in the bucket after the bounds before it in the
            # order: at least the buckets before that one come first (on ten million
            # heroes, with 100 buckets at the default statistics target, 100,000 names
            # a bucket).
            share = max(int(row[0]) - 1, 0) / (int(row[1]) - 1)
            before = share * rows
        walk_s = (before + limit * rows / matches) * self._walk_s_per_name
        smallest_s = matches * SMALLEST_S_PER_MATCH
        if walk_s > smallest_s:
            return None
        return max(WALK_BUDGET_MS, min(WALK_MARGIN * walk_s, smallest_s) * 1000)

    @contextmanager
    def _settings(self, **values: str) -> Iterator[None]:
        """``values`` for the reads of the block only: set in a transaction (or a savepoint
        of the one open) that is rolled back when the block ends, which undoes them."""
        connection = self._connection()
        nested = connection.info.transaction_status != TransactionStatus.IDLE
        connection.execute("SAVEPOINT hero_desktop_settings" if nested else "BEGIN")
        try:
            for name, value in values.items():
                connection.execute("SELECT set_config(%s, %s, true)", (name, value))
            yield
        finally:
            with suppress(psycopg.Error):  # a failed statement keeps its own error
                if nested:
                    connection.execute("ROLLBACK TO SAVEPOINT hero_desktop_settings")
                    connection.execute("RELEASE SAVEPOINT hero_desktop_settings")
                else:
                    connection.execute("ROLLBACK")

    def prepare(self, seconds: float) -> bool:
        return True  # nothing to build ahead: pages are read from the nearer end or a list

    def rank_of(self, hero_id: int) -> int | None:
        order = self._chosen()
        if not -(2**31) <= hero_id < 2**31:
            return None
        row = (
            self._connection()
            .execute(
                f"SELECT {', '.join(order.keys)} FROM {order.source} "
                f"WHERE ({order.where}) AND h.id = %s",
                (*order.params, hero_id),
            )
            .fetchone()
        )
        if row is None:
            return None
        # Ranked in the name table alone when the keys are all in it.
        alone = order.counted_from and not any(key.startswith("h.") for key in order.keys)
        ahead = (
            self._connection()
            .execute(
                f"SELECT count(*) FROM {order.counted_from if alone else order.source} "
                f"WHERE ({order.where}) AND {order.beyond(reverse=True)}",
                (*order.params, *row),
            )
            .fetchone()
        )
        return int(ahead[0]) if ahead else 0


def rows_by_id(connection: psycopg.Connection, wanted: list[int]) -> list[HeroRow]:
    """The heroes with these ids, in their order (one gone since is left out)."""
    if not wanted:
        return []
    by_id = {
        int(values[0]): HeroRow(*values)
        for values in connection.execute(
            "SELECT id, name, age, secret_name FROM hero WHERE id = ANY(%s)", (wanted,)
        )
    }
    return [by_id[hero_id] for hero_id in wanted if hero_id in by_id]


class ScanPager:
    """Heroes by a list of their ids, in its order: a search's matches among the heroes a
    keeper has keyed so far (name_keys.py's ``matches_so_far``); a page reads them by id."""

    def __init__(self, connection: Connection, ids: array[int]) -> None:
        self._connection = connection
        self._ids = ids

    def count(self) -> int:
        return len(self._ids)

    def rows(self, start: int, limit: int) -> list[HeroRow]:
        return rows_by_id(self._connection(), list(self._ids[start : start + max(limit, 0)]))

    def prepare(self, seconds: float) -> bool:
        return True  # nothing to build ahead: pages are read from the nearer end or a list

    def rank_of(self, hero_id: int) -> int | None:
        try:
            return self._ids.index(hero_id)
        except ValueError:
            return None


class EarlyPager:
    """A search's first page, by id, from the heroes a keeper has keyed so far.

    The keeper keys the heroes in id order, so the first matches among them
    are the first matches of all (``early``, at least a page of them); the
    count is estimated from them, said as "about". Anything more (a later
    page, the count, a rank) waits for the whole keys (``whole``, the store's
    pager then).

    Called from the data worker's thread only.
    """

    def __init__(
        self, early: ScanPager, shown: int, estimate: int, whole: Callable[[], Any]
    ) -> None:
        self._early = early
        self._shown = shown
        self._estimate = estimate
        self._make_whole = whole
        self._whole: Any = None

    def _full(self) -> Any:
        if self._whole is None:
            self._whole = self._make_whole()
        return self._whole

    def quick_count(self) -> tuple[int, bool]:
        if self._whole is None:
            return self._estimate, False
        return self.count(), True

    def count(self) -> int:
        return int(self._full().count())

    def rows(self, start: int, limit: int) -> list[HeroRow]:
        if self._whole is None and start + limit <= self._shown:
            return self._early.rows(start, limit)
        return list(self._full().rows(start, limit))

    def rank_of(self, hero_id: int) -> int | None:
        rank = self._full().rank_of(hero_id)
        return None if rank is None else int(rank)

    def prepare(self, seconds: float) -> bool:
        if self._whole is None:
            return True  # nothing to do ahead: the store has the view read again when it can
        return bool(self._full().prepare(seconds))
