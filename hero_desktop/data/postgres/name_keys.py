"""Every hero's name keys in this process: search and name order without the name table.

On a server table without Hero Desktop's name structures (declined, not
allowed, or another client's changes not keyed yet) the server cannot apply
``names.py``'s rules, so search and name order apply them here, from keys
kept in memory. ``NameKeys`` reads (id, name, age) of every hero once, keys
the names with ``NameKeyer`` and keeps them in id order in a few flat objects
(about 85 MB for a million heroes; a tuple per hero would take three times that):

* the ids and ages, as ``array('q')`` (no age as ``NO_AGE``, which sorts first);
* in segments of about ``READ_ROWS`` heroes by id (``_Segment``), as bytes:
  the names as UTF-8, each ended by a NUL (the server's text never holds
  one), to tell which heroes another client renamed; the folds as UTF-8,
  each ended by a newline (a fold holds no control character), so that a
  search is a substring search through each segment; the sort keys end to
  end, with where each starts;
* once a name order is asked for, the positions in (sort key, id) order.

Staying current: the store calls ``changed`` whenever it learns that the
heroes changed (another client's commit, its own, a reconnect), and the next
use looks at the table again. Without Hero Desktop's notify trigger the store
learns of other clients' commits only by polling, so there (and for a
snapshot's reader, an export say, which asks for no news first) each use
first compares the server's fingerprint of every (id, name, age) with the
one of the keys held (one pass on the server, about 0.1 s per million heroes).
Looking again, in one snapshot, compares each segment's fingerprint (one
pass, about 0.25 s per million): a segment whose fingerprint is the same is
kept as it is (the new keys share it); the others, and any heroes after the
last one, are read, and only their names that are new or differ are keyed.
The name order is kept, with the few heroes keyed anew placed in it when it
is next asked for. So a result is never read from keys older than the last
change the store knows of (without the trigger, older than the table when
the search starts).

Threads: ``NameKeys`` belongs to its store, so to the data worker's thread,
which owns the connection it is given. ``build_table`` and ``name_order_of``
are what a keeper (name_keys_keeper.py) runs on its own thread and
connection; the store ``adopt``s the table, then takes the order. Both
threads read a table handed over (bytes and arrays nobody changes).
"""

from __future__ import annotations

import bisect
import operator
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from itertools import accumulate, pairwise
from typing import Any, NamedTuple

import psycopg

from hero_desktop.data import names
from hero_desktop.data.name_keyer import NameKeyer
from hero_desktop.data.postgres.schema import NO_AGE
from hero_desktop.data.query import AgeBounds, HeroQuery, SortKey

NAME_END = "\0"
"""Ends each name held (the server's text never holds one)."""
FOLD_END = "\n"
"""Ends each fold held (a fold holds no control character)."""
READ_ROWS = 50_000
"""Heroes per statement when new heroes are read, so per new segment."""
PLACED_ONE_BY_ONE = 1_000
"""Up to this many heroes keyed anew are placed in a kept name order; more: sorted anew."""
LAST_ID = 2**63 - 1
"""Above any id (the largest bigint)."""
SORTED_AT_ONCE = 20_000
"""More heroes than this are sorted a bucket at a time (``sorted_in_buckets``):
one sort of a million sort keys holds the GIL for 0.6-0.8 s."""
PREFIX_BYTES = 6
"""Sort keys are put in buckets by their first three primary weights..."""
LONGEST_PREFIX = 48
"""... a big bucket again by twice as many, up to this many bytes."""
_AGE = f"coalesce(age::bigint, {NO_AGE})"
_NAME = "coalesce(name::text, '')"
# A fingerprint of heroes: how many, and the sum of a hash of each one's id, name and age.
_SUMMED = (
    f"count(*), coalesce(sum(hashtextextended({_NAME}, id) # hashint8extended({_AGE}, id)), 0)"
)
FINGERPRINT = f"SELECT {_SUMMED} FROM hero"
# Per span of ids: with each segment's last id + 1 as the bounds, bucket i is
# segment i's span, and the bucket after the last one the ids after them all.
FINGERPRINTS = f"SELECT width_bucket(id, %s::bigint[]), {_SUMMED} FROM hero GROUP BY 1"
# The heroes with ids after the first bound up to the second, at most LIMIT (NULL: all).
# string_agg reads the rows in the subquery's order (``_chunk`` checks that the ids ascend).
READ = (
    f"SELECT {_SUMMED}, string_agg(int8send(id::bigint) || int8send({_AGE}), ''::bytea), "
    f"string_agg(convert_to({_NAME}, 'UTF8') || '\\x00'::bytea, ''::bytea) FROM "
    "(SELECT id, age, name FROM hero WHERE id > %s AND id <= %s ORDER BY id LIMIT %s) AS chunk"
)


Fingerprint = tuple[int, Decimal]
Progress = Callable[[int, int], bool]
"""Told (heroes keyed, heroes in all) after each chunk; False stops the build."""


class BuildStoppedError(Exception):
    """A build's ``Progress`` said stop (its keeper closes)."""


class _Chunk(NamedTuple):
    """The heroes one statement read, in id order."""

    fingerprint: Fingerprint
    ids: array[int]
    ages: array[int]
    names: bytes
    """The names as UTF-8, each ended by ``NAME_END``."""


@dataclass(frozen=True)
class _Segment:
    """The names, folds and sort keys of the heroes of one span of ids, in id order."""

    last_id: int
    fingerprint: Fingerprint
    names: bytes
    folds: bytes
    keys: bytes
    key_starts: array[int]
    """Where each sort key starts in ``keys``, and the end."""

    def key(self, index: int) -> bytes:
        return self.keys[self.key_starts[index] : self.key_starts[index + 1]]

    def all_keys(self) -> list[bytes]:
        return [self.keys[start:end] for start, end in pairwise(self.key_starts)]


@dataclass(frozen=True)
class KeyTable:
    """The heroes as read at one moment, keyed, in id order."""

    ids: array[int]
    ages: array[int]
    segments: list[_Segment]
    firsts: array[int]
    """The position of each segment's first hero, and the number of heroes."""

    @property
    def fingerprint(self) -> Fingerprint:
        """The whole table's: the segments' summed (as the server sums them)."""
        counts = sum(segment.fingerprint[0] for segment in self.segments)
        return counts, sum((segment.fingerprint[1] for segment in self.segments), Decimal(0))

    def key(self, position: int) -> bytes:
        index = bisect.bisect_right(self.firsts, position) - 1
        return self.segments[index].key(position - self.firsts[index])


class NameKeys:
    """The keys of every hero of the ``hero`` table, and the name order, kept current."""

    def __init__(self) -> None:
        self._table: KeyTable | None = None
        self._by_name: array[int] | None = None
        """Positions in (sort key, id) order, once asked for."""
        self._moved: tuple[array[int], list[int]] | None = None
        """Since ``_by_name`` was made: where each of its positions is now (-1: gone),
        and the positions keyed anew, to place in it when it is next asked for."""
        self._stale = True
        self._unverified = False
        """Adopted from a keeper: compared with the table before the first use."""
        self._keeper_order: tuple[KeyTable, Callable[[], array[int] | None]] | None = None
        """The table adopted, and how to get its name order from the keeper that sorts it."""

    def held(self) -> bool:
        """Whether keys are held (current or not)."""
        return self._table is not None

    def adopt(self, table: KeyTable, order: Callable[[], array[int] | None]) -> None:
        """Take keys a keeper built on its own connection (``build_table``) as the ones held.

        They were read in that connection's snapshot, before changes this
        store may have made or learnt of since: the first use compares the
        table's fingerprint with theirs and follows any difference. The
        keeper sorts their name order meanwhile: the first name order of
        this very table asks ``order`` for it (None: sorted here).
        """
        self._table, self._by_name, self._moved = table, None, None
        self._stale, self._unverified = False, True
        self._keeper_order = (table, order)

    def changed(self) -> None:
        """The heroes changed, or may have: the next use reads the table again."""
        self._stale = True

    def forget(self) -> None:
        """Free the memory (the name table serves search and name order now)."""
        self._table = self._by_name = self._moved = self._keeper_order = None
        self._stale = True

    def ordered_ids(
        self, connection: psycopg.Connection, query: HeroQuery, *, told_of_changes: bool
    ) -> array[int]:
        """The ids of the heroes ``query`` shows, in its order, as the table holds them now.

        ``told_of_changes``: the store hears of every other client's commit at
        once (the notify trigger), so keys not marked ``changed`` are current.
        """
        table = self._current(connection, told_of_changes)
        search = query.search.strip()
        needle = names.fold(search).encode() if search else b""
        chosen: Sequence[int]
        if needle:
            chosen = [
                first + index
                for first, segment in zip(table.firsts, table.segments, strict=False)
                for index in _matching(segment.folds, needle)
            ]
        elif query.sort is SortKey.NAME:
            chosen = self._name_order(table)  # every hero (only accents match every name)
        else:
            chosen = range(len(table.ids))
        keeps = _age_test(query.age_bounds)
        if keeps is not None:
            chosen = [position for position in chosen if keeps(table.ages[position])]
        # Positions ascend with ids: ties stay in id order.
        if needle and query.sort is SortKey.NAME:
            chosen = sorted_in_buckets(chosen, table.key, PREFIX_BYTES)
        elif query.sort is SortKey.AGE:
            chosen = sorted_in_buckets(chosen, table.ages.__getitem__, None)
        # (A comprehension, not ``map``: a million ids in one C call hold the GIL for 0.1 s.)
        ids = array("q", [table.ids[position] for position in chosen])
        if query.descending:
            ids.reverse()
        return ids

    def _name_order(self, table: KeyTable) -> array[int]:
        if self._by_name is not None and self._moved is not None:
            now_at, fresh = self._moved
            order = array("q", filter((0).__le__, map(now_at.__getitem__, self._by_name)))

            def place(position: int) -> tuple[bytes, int]:
                return table.key(position), position

            for position in fresh:
                order.insert(bisect.bisect(order, place(position), key=place), position)
            self._by_name, self._moved = order, None
        if self._by_name is None and self._keeper_order is not None:
            adopted, sorted_by_keeper = self._keeper_order
            if adopted is table:
                self._by_name = sorted_by_keeper()  # (interrupted: asked again next time)
            self._keeper_order = None
        if self._by_name is None:
            self._by_name = name_order_of(table)
        return self._by_name

    def _current(self, connection: psycopg.Connection, told_of_changes: bool) -> KeyTable:
        table = self._table
        if table is None or self._stale:
            return self._follow(_read(connection, table))
        if (not told_of_changes or self._unverified) and _fingerprint(
            connection
        ) != table.fingerprint:
            return self._follow(_read(connection, table))  # a commit since the keys were read
        self._unverified = False
        return table

    def _follow(self, chunks: list[_Chunk | None]) -> KeyTable:
        """Take the table as read now, keying only the names that are new or differ.

        ``chunks`` hold the spans of ids of the segments held, in order (None:
        the segment is unchanged), then the heroes after them.
        """
        old = self._table
        ids, ages = array("q"), array("q")
        segments: list[_Segment] = []
        # For placing heroes in the name order later: where each old position is now.
        now_at = None
        if old is not None and self._by_name is not None and self._moved is None:
            now_at = array("q", [-1]) * len(old.ids)
        fresh: list[int] = []
        with NameKeyer(sum(len(chunk.ids) for chunk in chunks if chunk is not None)) as keyer:
            for index, chunk in enumerate(chunks):
                base = len(ids)
                held, low, high = None, 0, 0
                if old is not None and index < len(old.segments):
                    held, low, high = old.segments[index], old.firsts[index], old.firsts[index + 1]
                if chunk is None and old is not None and held is not None:
                    ids += old.ids[low:high]  # the same heroes, names and ages
                    ages += old.ages[low:high]
                    segments.append(held)
                    if now_at is not None:
                        now_at[low:high] = array("q", range(base, len(ids)))
                    continue
                if chunk is None or not chunk.ids:
                    continue  # every hero of the span is gone
                ids += chunk.ids
                ages += chunk.ages
                before = old.ids[low:high] if old is not None else array("q")
                segment, kept = _segment(held, before, chunk, keyer)
                segments.append(segment)
                if old is None:
                    continue  # the first keys: no name order to place heroes in
                for offset, was in enumerate(kept):
                    if was < 0:
                        fresh.append(base + offset)
                    elif now_at is not None:
                        now_at[low + was] = base + offset
        firsts = array("q", accumulate((len(s.key_starts) - 1 for s in segments), initial=0))
        table = KeyTable(ids, ages, segments, firsts)
        keeper_order = None
        if old is not None and not fresh and ids == old.ids:
            # The same heroes in the same places: the name order stays as it is (and the
            # keeper's, still to come, is of this table too).
            if self._keeper_order is not None and self._keeper_order[0] is old:
                keeper_order = (table, self._keeper_order[1])
        elif now_at is not None and len(fresh) <= PLACED_ONE_BY_ONE:
            self._moved = (now_at, fresh)
        else:
            self._by_name = self._moved = None  # sorted anew when next asked for
        self._table, self._stale, self._unverified = table, False, False
        self._keeper_order = keeper_order  # (None frees the table replaced)
        return table


class KeyedPart(NamedTuple):
    """The heroes of one chunk a keeper has keyed (values no thread changes)."""

    segment: _Segment
    ids: array[int]
    ages: array[int]


def build_table(
    connection: psycopg.Connection,
    progress: Progress,
    keyed: Callable[[KeyedPart], None] = lambda _part: None,
) -> KeyTable:
    """Every hero's keys, read and keyed chunk by chunk in one snapshot.

    What a keeper runs on a connection of its own (then ``name_order_of``,
    with the connection closed): ``keyed`` is given each chunk's heroes, in
    id order, and ``progress`` is told after each chunk; its False ends the
    build (``BuildStoppedError``).
    """
    ids, ages = array("q"), array("q")
    segments: list[_Segment] = []
    with _one_snapshot(connection):
        row = connection.execute("SELECT count(*) FROM hero").fetchone()
        total = int(row[0]) if row else 0
        if not progress(0, total):
            raise BuildStoppedError()
        with NameKeyer(total) as keyer:
            after = -(2**63)
            while (chunk := _chunk(connection, after, LAST_ID, READ_ROWS)).ids:
                segments.append(_segment(None, array("q"), chunk, keyer)[0])
                keyed(KeyedPart(segments[-1], chunk.ids, chunk.ages))
                ids += chunk.ids
                ages += chunk.ages
                after = chunk.ids[-1]
                if not progress(len(ids), max(total, len(ids))):
                    raise BuildStoppedError()
    firsts = array("q", accumulate((len(s.key_starts) - 1 for s in segments), initial=0))
    return KeyTable(ids, ages, segments, firsts)


def matches_so_far(parts: Sequence[KeyedPart], query: HeroQuery) -> array[int]:
    """The ids, ascending, of the heroes of ``parts`` (the first heroes by id, as a keeper
    has keyed them so far) that ``query``'s search and age filter keep."""
    needle = names.fold(query.search.strip()).encode()
    keeps = _age_test(query.age_bounds)
    found = array("q")
    for part in parts:
        for index in _matching(part.segment.folds, needle) if needle else range(len(part.ids)):
            if keeps is None or keeps(part.ages[index]):
                found.append(part.ids[index])
    return found


def name_order_of(table: KeyTable, going_on: Callable[[], bool] = lambda: True) -> array[int]:
    """The positions in (sort key, id) order (``sorted_in_buckets``)."""
    keys = [key for segment in table.segments for key in segment.all_keys()]
    order = sorted_in_buckets(range(len(keys)), keys.__getitem__, PREFIX_BYTES, going_on)
    while keys:
        del keys[-SORTED_AT_ONCE:]  # (freed a part at a time, as below)
    return order


def sorted_in_buckets(
    positions: Sequence[int],
    key: Callable[[int], Any],
    prefix_bytes: int | None,
    going_on: Callable[[], bool] = lambda: True,
) -> array[int]:
    """``positions`` (ascending, so ties stay in id order) sorted by ``key``.

    One sort of a million keys holds the GIL throughout (0.3-0.8 s: the
    window freezes). So more than ``SORTED_AT_ONCE`` are put in buckets by
    the first ``prefix_bytes`` of their key (None: by the key itself, an age)
    in a Python loop, which hands the GIL over; then the buckets are sorted
    one at a time in their order, a bucket bigger than ``SORTED_AT_ONCE``
    split again by a prefix twice as long (up to ``LONGEST_PREFIX``). What
    was made on the way is freed a bucket at a time (freeing a million
    objects at once holds the GIL for 0.1 s). ``going_on`` is asked every
    ``SORTED_AT_ONCE`` heroes; its False ends the sort (``BuildStoppedError``).
    """
    if len(positions) <= SORTED_AT_ONCE:
        return array("q", sorted(positions, key=key))
    order = array("q")
    _bucketed(((key(position), position) for position in positions), prefix_bytes, order, going_on)
    return order


def _bucketed(
    keyed: Iterable[tuple[Any, int]],
    prefix_bytes: int | None,
    order: array[int],
    going_on: Callable[[], bool],
) -> None:
    """Append to ``order`` the positions of ``keyed`` in (key, position) order."""
    buckets: dict[Any, list[tuple[Any, int]]] = {}
    for number, pair in enumerate(keyed, 1):
        bucket = pair[0] if prefix_bytes is None else pair[0][:prefix_bytes]
        if (held := buckets.get(bucket)) is None:
            buckets[bucket] = [pair]
        else:
            held.append(pair)
        if number % SORTED_AT_ONCE == 0 and not going_on():
            raise BuildStoppedError()
    for bucket in sorted(buckets):
        run = buckets.pop(bucket)
        if len(run) > SORTED_AT_ONCE and prefix_bytes is not None and prefix_bytes < LONGEST_PREFIX:
            _bucketed(run, 2 * prefix_bytes, order, going_on)
        else:
            run.sort()
            order.extend([position for _, position in run])
        if not going_on():
            raise BuildStoppedError()


def _fingerprint(connection: psycopg.Connection) -> Fingerprint:
    row = connection.execute(FINGERPRINT).fetchone()
    return (int(row[0]), Decimal(row[1])) if row else (0, Decimal(0))


def _read(connection: psycopg.Connection, held: KeyTable | None) -> list[_Chunk | None]:
    """Every hero's (id, age, name) in id order, in one snapshot: for each segment
    ``held``, the heroes of its span of ids (None when its fingerprint is the same),
    then the heroes after the last one, in chunks of ``READ_ROWS``."""
    segments = held.segments if held is not None else []
    chunks: list[_Chunk | None] = []
    with _one_snapshot(connection):
        seen: dict[int, Fingerprint] = {}
        if segments:
            bounds = [segment.last_id + 1 for segment in segments]
            rows = connection.execute(FINGERPRINTS, (bounds,)).fetchall()
            seen = {int(row[0]): (int(row[1]), Decimal(row[2])) for row in rows}
        after = -(2**63)
        for index, segment in enumerate(segments):
            same = seen.get(index) == segment.fingerprint
            chunks.append(None if same else _chunk(connection, after, segment.last_id, None))
            after = segment.last_id
        if not segments or len(segments) in seen:  # heroes after the last segment
            while (chunk := _chunk(connection, after, LAST_ID, READ_ROWS)).ids:
                chunks.append(chunk)
                after = chunk.ids[-1]
    return chunks


def _chunk(connection: psycopg.Connection, after: int, last: int, limit: int | None) -> _Chunk:
    row = connection.execute(READ, (after, last, limit), binary=True).fetchone()
    assert row is not None  # an aggregate answers one row
    count, summed, numbers, texts = row
    ids = ages = array("q")
    if count:
        both = array("q", numbers)
        if sys.byteorder == "little":
            both.byteswap()  # int8send writes big-endian
        ids, ages = both[0::2], both[1::2]
        if any(map(operator.ge, ids, ids[1:])):
            raise psycopg.DataError("the heroes were not read in id order")
    return _Chunk((int(count), Decimal(summed)), ids, ages, bytes(texts or b""))


@contextmanager
def _one_snapshot(connection: psycopg.Connection) -> Iterator[None]:
    """A repeatable-read transaction, or the one the connection is in (an export's snapshot)."""
    if connection.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
        yield
        return
    with connection.transaction():
        connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def _segment(
    held: _Segment | None, before: array[int], chunk: _Chunk, keyer: NameKeyer
) -> tuple[_Segment, list[int]]:
    """The segment of ``chunk``'s heroes, and where ``held`` (ids ``before``) had each
    one under the same name (-1: not at all, or under another name, so keyed now)."""
    texts = chunk.names.decode().split(NAME_END)[:-1]
    if held is None:
        kept = [-1] * len(texts)
        keyed = keyer.keys(texts)
        folds = [fold for fold, _ in keyed]
        keys = [key for _, key in keyed]
    else:
        at = dict(zip(before, range(len(before)), strict=True))
        held_names = held.names.decode().split(NAME_END)
        kept = [
            was if (was := at.get(hero_id, -1)) >= 0 and held_names[was] == text else -1
            for hero_id, text in zip(chunk.ids, texts, strict=True)
        ]
        held_folds, held_keys = held.folds.decode().split(FOLD_END), held.all_keys()
        folds = [held_folds[was] for was in kept]  # -1: a placeholder, replaced below
        keys = [held_keys[was] for was in kept]
        fresh = [index for index, was in enumerate(kept) if was < 0]
        for index, (fold, key) in zip(fresh, keyer.keys([texts[i] for i in fresh]), strict=True):
            folds[index], keys[index] = fold, key
    segment = _Segment(
        chunk.ids[-1],
        chunk.fingerprint,
        chunk.names,
        FOLD_END.join([*folds, ""]).encode(),
        b"".join(keys),
        array("q", accumulate(map(len, keys), initial=0)),
    )
    return segment, kept


def _matching(folds: bytes, needle: bytes) -> list[int]:
    """The indexes (ascending) of the folds that hold ``needle`` (not empty)."""
    end = FOLD_END.encode()
    found: list[int] = []
    index = counted = 0  # ``index`` folds end before ``counted``
    start = folds.find(needle)
    while start >= 0:
        index += folds.count(end, counted, start)
        found.append(index)
        counted = folds.index(end, start) + 1
        index += 1
        start = folds.find(needle, counted)
    return found


def _age_test(bounds: AgeBounds) -> Callable[[int], bool] | None:
    """Which ages the filter keeps (as ``AgeBounds.conditions`` asks the server), or None: all."""
    if bounds.no_age:
        return lambda age: age == NO_AGE
    low, high = bounds.minimum, bounds.maximum
    if low is None and high is None:
        return None
    return lambda age: (
        age != NO_AGE and (low is None or age >= low) and (high is None or age <= high)
    )
