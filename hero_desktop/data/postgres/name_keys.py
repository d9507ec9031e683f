"""Every hero's name keys, in a copy on disk: search and name order without the name table.

On a server table without Hero Desktop's name structures (declined, not
allowed, or another client's changes not keyed yet) the server cannot apply
``names.py``'s rules, so search and name order apply them to a copy of every
hero's (id, name, age) in a SQLite file of Hero Desktop's own: the copy
(``pg-<digest>-<build>.sqlite`` in the name caches' folder, never on the
server). It holds a SQLite hero file's name structures (name_index.py: the
folds, the sort keys and their order's index, the trigram index), so the
SQLite pagers answer a query from it (``paging.make_pager``); a page's
heroes are then read from the server by id (``ServerRowsPager``), so what a
page shows is the server's as it is now. The process holds only a SQLite
connection and its page cache, whatever the size (the keys in memory took
about 85 MB per million heroes). The copy outlives the process: the next
session on the same table follows it instead of copying everything again.

The copy is in segments of about ``READ_ROWS`` heroes by id (``SEGMENTS``),
each with the fingerprint of its heroes (how many, and the sum of a hash of
each one's id, name and age) as the server gave it when they were read.

Staying current: the store calls ``changed`` whenever it learns that the
heroes changed (another client's commit, its own, a reconnect), and the next
use follows the table (``follow``). Without Hero Desktop's notify trigger the
store learns of other clients' commits only by polling, so there (and for a
snapshot's reader, an export say, which asks for no news first) each use
first asks for the server's snapshot (``SNAPSHOT``): unless it shows that no
transaction ended since the copy was last found current, the server's
fingerprint of every hero is compared with the sum of the segments' (one
pass on the server, about 0.1 s per million heroes). Following, in one
snapshot taken once the copy's write lock is held, compares each segment's
fingerprint (one pass, about 0.25 s per million): the heroes of a segment
whose fingerprint differs are read again and compared with the copy's, and
only the ones that are new, gone or differ are written; new heroes fill the
last segment up to ``READ_ROWS``, then make new segments. The copy's
triggers log the heroes renamed or new, and only their names are keyed
(``name_index.process_pending``). After this store's own commits, when the
snapshot shows that no other transaction ended since the copy was last
found current, only the segments holding the heroes they wrote are read
again (and any heroes after the last segment), with no pass over the table
(``OwnWrites``). Each follow records its snapshot in the copy
(``FOLLOWED``): both shortcuts (no fingerprint, own writes by their
segments) apply only while the copy is as this store left it (another
window may have followed it, or an export taken it back to its own
snapshot), and not after a reconnect (``lost_track``). So a search's result is never read from
a copy older than the last change the store knows of (without the trigger,
older than the table when the search starts); an export's later pages read
the copy as it is then, which another window on the same table may have
followed meanwhile.

Threads: ``NameKeys`` belongs to its store, so to the data worker's thread,
which owns both its connections (the server's it is given, the copy's it
opens). ``follow_newest`` and ``make_copy`` are what a keeper
(name_keys_keeper.py) runs on its own thread and connections, or
``make_copy`` in a process of its own (name_keys_process.py); the keeper
hands over the copy's path, a value.
"""

from __future__ import annotations

import bisect
import hashlib
import operator
import sqlite3
import sys
import threading
import time
from array import array
from collections.abc import Callable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from contextlib import contextmanager, suppress
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple, TypeVar

import psycopg

from hero_desktop.data import names
from hero_desktop.data.errors import DatabaseError
from hero_desktop.data.name_keyer import NameKeyer
from hero_desktop.data.postgres.paging import rows_by_id
from hero_desktop.data.postgres.schema import NO_AGE
from hero_desktop.data.query import AgeBounds, HeroQuery
from hero_desktop.data.rows import HeroRow
from hero_desktop.data.sqlite import connections, files, name_cache, name_index, paging
from hero_desktop.data.sqlite.errors import primary_code, translate_error
from hero_desktop.data.sqlite.name_index import META_TABLE, NAME_TABLE
from hero_desktop.data.store import EstimatingPager, Pager
from hero_desktop.data.words import Words


class NameKeysWords(Words):
    """The translation context of the copy of a server table's name keys."""


NAME_END = "\0"
"""Ends each name read from the server (the server's text never holds one)."""
FOLD_END = "\n"
"""Ends each fold of a ``KeyedPart`` (a fold holds no control character)."""
READ_ROWS = 20_000
"""Heroes per statement when new heroes are read, so per new segment."""
LAST_ID = 2**63 - 1
"""Above any id (the largest bigint)."""
PREFIX = "pg-"
"""Begins the name of every copy (the other files of the folder are SQLite files' caches)."""
FORMAT = "1"
"""The copy's layout; a copy of another layout (or rules) is made anew."""
SEGMENTS = "hero_desktop_segment"
FOLLOWED = "followed"
"""The copy's meta key for the server's snapshot it was last followed in (``_as_left``)."""
OWN_HEROES = READ_ROWS
"""This store's writes to more heroes than this, between two uses of the copy, are
followed by a pass over the table rather than by their segments."""
OWN_XIDS = 1_000
"""... and so are its writes while more transactions than this began on the server."""
COPY_HASH_BYTES = 4 * 1024 * 1024
"""The trigram index's in-memory hash while a copy is made: an eighth of a file's
(``name_index.REBUILD_HASH_BYTES``), since a window's process holds it."""
UNFINISHED_S = 600
"""A copy left unfinished this long ago was abandoned (its build crashed): removed."""
BUILD_SHARE = 5
"""A build's progress counts the indexes made after the rows as a fifth of the work."""
_AGE = f"coalesce(age::bigint, {NO_AGE})"
_NAME = "coalesce(name::text, '')"
# A fingerprint of heroes: how many, and the sum of a hash of each one's id, name and age.
_SUMMED = (
    f"count(*), coalesce(sum(hashtextextended({_NAME}, id) # hashint8extended({_AGE}, id)), 0)"
)
FINGERPRINT = f"SELECT {_SUMMED} FROM hero"
# A commit either moves a snapshot's xmax (the latest transaction ended, + 1) or takes its
# id off the list of those in progress: while both are as they were, nothing was committed.
# (Not on a standby, whose snapshots list no transaction in progress: none is skipped there.)
SNAPSHOT = (
    "SELECT pg_snapshot_xmax(s)::text, "
    "array(SELECT x::text FROM pg_snapshot_xip(s) AS x ORDER BY x), pg_is_in_recovery() "
    "FROM pg_current_snapshot() AS s"
)
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
_COPY_TABLES = (
    # The server's heroes as the SQLite pagers read them (the secret name is read by id).
    "CREATE TABLE hero (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER, "
    "secret_name TEXT NOT NULL DEFAULT '')",
    f"CREATE TABLE {SEGMENTS} "
    "(number INTEGER PRIMARY KEY, last_id INTEGER NOT NULL, count INTEGER NOT NULL, "
    "summed TEXT NOT NULL)",
)


Fingerprint = tuple[int, Decimal]
Snapshot = tuple[int, tuple[int, ...]]
"""The server's snapshot: the latest transaction ended + 1, and those in progress before it."""
_Segment = tuple[int, int, int, str]
"""A segment of the copy as its table holds it: number, last id, count, summed."""
Progress = Callable[[int, int], bool]
"""Told (heroes keyed, heroes in all) after each chunk; False stops the build."""
Server = Callable[[], psycopg.Connection]
"""The store's connection to the server as it is now (it reconnects)."""
_T = TypeVar("_T")
_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
"""Primary codes of a damaged copy: removed, made anew by the next search."""
_UNWRITABLE = {
    sqlite3.SQLITE_CANTOPEN,
    sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_FULL,
    sqlite3.SQLITE_PERM,
    sqlite3.SQLITE_IOERR,
}
"""Primary codes of a copy that cannot be opened or written where it is kept."""


class BuildStoppedError(Exception):
    """A build's ``Progress`` said stop (its keeper closes); the copy begun is removed."""


class _Chunk(NamedTuple):
    """The heroes one statement read, in id order."""

    fingerprint: Fingerprint
    ids: array[int]
    ages: array[int]
    names: bytes
    """The names as UTF-8, each ended by ``NAME_END``."""

    def texts(self) -> list[str]:
        return self.names.decode().split(NAME_END)[:-1]


class KeyedPart(NamedTuple):
    """The heroes of one chunk a keeper has keyed (values no thread changes)."""

    ids: array[int]
    ages: array[int]
    folds: bytes
    """The folds as UTF-8, each ended by ``FOLD_END``."""


# -- the copies' files --------------------------------------------------------------


def identity(connection: psycopg.Connection) -> str:
    """The digest that names the copies of the table ``connection`` reaches.

    Server, port, database and the table's oid: a copy found under it is
    still compared with the table, segment by segment, before its first use.
    """
    row = connection.execute("SELECT current_database(), 'hero'::regclass::oid").fetchone()
    info = connection.info
    text = f"{info.host}\0{info.port}\0{row[0] if row else ''}\0{row[1] if row else ''}"
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _copies(digest: str) -> list[Path]:
    """This table's copies, newest build first."""
    return sorted(name_cache.folder().glob(f"{PREFIX}{digest}-*{name_cache.SUFFIX}"), reverse=True)


def forget(digest: str) -> None:
    """Remove every copy of this table (its name table serves now)."""
    for copy in _copies(digest):
        name_cache.remove(copy)


def _open(path: Path) -> sqlite3.Connection:
    connection = connections.connect(files.uri(path, "rw"))
    connection.execute("PRAGMA synchronous = NORMAL")  # a copy: a lost write is read again
    return connection


def _is_complete(connection: sqlite3.Connection) -> bool | None:
    """True: made to the end under today's layout and rules; False: under others (of no
    use); None: unfinished (being made, perhaps by another process)."""
    try:
        found = dict(connection.execute(f"SELECT key, value FROM {META_TABLE}").fetchall())
    except sqlite3.Error:
        return None
    if found.get("complete") != "1":
        return None
    return found.get("format") == FORMAT and found.get("rule_version") == names.rule_version()


def open_newest(digest: str) -> tuple[Path, sqlite3.Connection] | None:
    """The newest complete copy of this table, opened; the copies of no use are removed.

    An unfinished copy newer than it may be another process's build: it is
    left alone unless abandoned long ago (``UNFINISHED_S``).
    """
    chosen: tuple[Path, sqlite3.Connection] | None = None
    for copy in _copies(digest):
        if chosen is not None:
            name_cache.remove(copy)
            continue
        try:
            connection = _open(copy)
            complete = _is_complete(connection)
        except sqlite3.Error:
            name_cache.remove(copy)
            continue
        if complete:
            chosen = copy, connection
            with suppress(OSError):
                copy.touch()  # used: ``name_cache.prune`` keeps it
            continue
        connection.close()
        with suppress(OSError):
            if complete is False or time.time() - copy.stat().st_mtime > UNFINISHED_S:
                name_cache.remove(copy)
    return chosen


# -- building and following a copy ----------------------------------------------------


def build_copy(
    connection: psycopg.Connection,
    progress: Progress = lambda _done, _total: True,
    keyed: Callable[[KeyedPart], None] = lambda _part: None,
) -> Path:
    """The newest complete copy of the table, followed to now; made anew if there is none.

    Both on the connections of the thread that calls it (the server's it is
    given, the copy's it opens and closes); ``progress`` and ``keyed`` as for
    ``follow_newest`` and ``make_copy``.
    """
    digest = identity(connection)
    path = follow_newest(connection, digest, progress)
    if path is None:
        path = new_copy(digest)
        make_copy(connection, path, progress, keyed)
    return path


def follow_newest(connection: psycopg.Connection, digest: str, progress: Progress) -> Path | None:
    """The newest complete copy of the table (``identity``), followed to now; None if there
    is none. ``progress`` is told the copy's heroes first; its False ends the follow
    (``BuildStoppedError``)."""
    found = open_newest(digest)
    if found is None:
        return None
    path, copy = found
    try:
        if not progress(0, _held_fingerprint(copy)[0]):
            raise BuildStoppedError()
        follow(connection, copy)
    finally:
        copy.close()
    return path


def new_copy(digest: str) -> Path:
    """The path of a new copy of the table (``identity``), for ``make_copy``."""
    return name_cache.new_file(PREFIX + digest)


def make_copy(
    connection: psycopg.Connection,
    path: Path,
    progress: Progress,
    keyed: Callable[[KeyedPart], None],
    read_rows: int | None = None,
    expected: int | None = None,
) -> None:
    """Make the copy at ``path``: every hero, read in one snapshot, ``read_rows`` heroes a
    statement (default ``READ_ROWS``). ``keyed`` is given each chunk's folds, in id order,
    and ``progress`` is told after each chunk; its False ends the build
    (``BuildStoppedError``). However it ends unfinished, the copy begun is removed.

    ``expected``: how many heroes the server estimates, told as the total until the last
    chunk is read (then the heroes read); without it, they are counted first (a pass over
    the table, about 30 ms a million heroes, before the first chunk)."""
    try:
        copy = connections.connect(files.uri(path, "rwc"))
        try:
            _fill(connection, copy, progress, keyed, read_rows or READ_ROWS, expected)
        finally:
            copy.close()
    except BaseException:
        name_cache.remove(path)
        raise


def _fill(
    connection: psycopg.Connection,
    copy: sqlite3.Connection,
    progress: Progress,
    keyed: Callable[[KeyedPart], None],
    read_rows: int,
    expected: int | None,
) -> None:
    """Every hero into an empty copy, keyed as read; the indexes after the rows."""
    copy.execute("PRAGMA journal_mode = OFF")  # an unfinished copy is removed, never used
    copy.execute("PRAGMA synchronous = OFF")
    for statement in _COPY_TABLES:
        copy.execute(statement)
    name_index.create_structures(copy)
    with _one_snapshot(connection):
        if expected is None:
            row = connection.execute("SELECT count(*) FROM hero").fetchone()
            expected = int(row[0]) if row else 0
        total = expected
        if not progress(0, total):
            raise BuildStoppedError()
        done, after = 0, -(2**63)
        with NameKeyer(total) as keyer:
            while (chunk := _chunk(connection, after, LAST_ID, read_rows)).ids:
                copy.execute("BEGIN")  # (autocommit would commit every row on its own)
                folds = _append(copy, chunk, keyer)
                copy.execute("COMMIT")
                keyed(KeyedPart(chunk.ids, chunk.ages, FOLD_END.join([*folds, ""]).encode()))
                done, after = done + len(chunk.ids), chunk.ids[-1]
                # (The indexes made after the rows are the last part of the work.)
                if not progress(done - done // BUILD_SHARE, max(total, done)):
                    raise BuildStoppedError()
        if done != total and not progress(done - done // BUILD_SHARE, done):
            raise BuildStoppedError()  # (an estimate: the heroes read are the total)
    copy.execute("BEGIN")
    name_index.rebuild_fts(copy, hash_bytes=COPY_HASH_BYTES)
    name_index.finish_structures(copy)
    copy.execute(
        f"INSERT INTO {META_TABLE}(key, value) VALUES ('format', ?), ('complete', '1')",
        (FORMAT,),
    )
    copy.execute("COMMIT")
    copy.execute("PRAGMA journal_mode = WAL")  # the store writes while others read


def _append(copy: sqlite3.Connection, chunk: _Chunk, keyer: NameKeyer | None) -> list[str]:
    """A new segment of ``chunk``'s heroes, after every other; their folds (with ``keyer``:
    keyed here, into a copy being filled; without, by the triggers' change log)."""
    texts = _insert_heroes(copy, chunk)
    folds: list[str] = []
    if keyer is not None:
        keys = keyer.keys(texts)
        folds = [fold for fold, _ in keys]
        copy.executemany(
            f"INSERT INTO {NAME_TABLE}(id, fold, sort_key) VALUES (?, ?, ?)",
            ((hero_id, *pair) for hero_id, pair in zip(chunk.ids, keys, strict=True)),
        )
    number = copy.execute(f"SELECT coalesce(max(number) + 1, 0) FROM {SEGMENTS}").fetchone()[0]
    _set_segment(copy, int(number), chunk.ids[-1], chunk.fingerprint)
    return folds


def _insert_heroes(copy: sqlite3.Connection, chunk: _Chunk) -> list[str]:
    """Insert ``chunk``'s heroes into the copy's ``hero``; their names."""
    texts = chunk.texts()
    copy.executemany(
        "INSERT INTO hero(id, name, age) VALUES (?, ?, ?)",
        zip(chunk.ids, texts, map(_age_or_none, chunk.ages), strict=True),
    )
    return texts


def _set_segment(copy: sqlite3.Connection, number: int, last_id: int, found: Fingerprint) -> None:
    copy.execute(
        f"INSERT OR REPLACE INTO {SEGMENTS}(number, last_id, count, summed) VALUES (?, ?, ?, ?)",
        (number, last_id, found[0], str(found[1])),
    )


def _age_or_none(age: int) -> int | None:
    return None if age == NO_AGE else age


def follow(connection: psycopg.Connection, copy: sqlite3.Connection) -> None:
    """Bring the copy to the table as it is now, in one snapshot of the server and one
    transaction of the copy (another process following the same copy waits for it)."""
    _checked(connection, copy, compare=False)


def _checked(
    connection: psycopg.Connection,
    copy: sqlite3.Connection,
    *,
    compare: bool,
    own: OwnWrites | None = None,
) -> Snapshot | None:
    """Follow the table (``compare``: only if its fingerprint differs from the copy's;
    ``own``: only the heroes this store wrote, if nothing else was committed since);
    the server's snapshot it was followed in, once the copy's transaction is committed.

    The copy's write lock is taken before the server's snapshot, so that two windows
    following one copy write it in the order of their snapshots."""
    copy.execute("BEGIN IMMEDIATE")
    try:
        with _one_snapshot(connection):
            seen = _snapshot(connection)
            if (
                own is not None
                and seen is not None
                and _as_left(copy, own.since)
                and own.alone(seen)
            ):
                _follow_in(connection, copy, own.touched)
            elif not compare or _fingerprint(connection) != _held_fingerprint(copy):
                _follow_in(connection, copy)
            copy.execute(
                f"INSERT OR REPLACE INTO {META_TABLE}(key, value) VALUES (?, ?)",
                (FOLLOWED, _snapshot_text(seen)),
            )
        name_index.process_pending(copy)
        copy.execute("COMMIT")
    except BaseException:
        with suppress(sqlite3.Error):
            copy.execute("ROLLBACK")
        raise
    return seen


def _snapshot_text(snapshot: Snapshot | None) -> str:
    return "" if snapshot is None else f"{snapshot[0]}:{','.join(map(str, snapshot[1]))}"


def _as_left(copy: sqlite3.Connection, snapshot: Snapshot) -> bool:
    """Whether the copy was last followed in ``snapshot``: no window wrote it since (one
    that followed it further, or an export that took it back to its own snapshot)."""
    row = copy.execute(f"SELECT value FROM {META_TABLE} WHERE key = ?", (FOLLOWED,)).fetchone()
    return row is not None and row[0] == _snapshot_text(snapshot)


class OwnWrites(NamedTuple):
    """This store's commits since the copy was last found current (``since``)."""

    since: Snapshot
    xids: frozenset[int]
    """Their transactions' ids."""
    touched: frozenset[int]
    """The ids of the heroes they wrote (added, changed or deleted)."""

    def plus(self, xid: int, touched: AbstractSet[int]) -> OwnWrites:
        return OwnWrites(self.since, self.xids | {xid}, self.touched | touched)

    def alone(self, now: Snapshot) -> bool:
        """Whether no transaction but these ended between ``since`` and ``now``.

        One that ended was in progress at ``since`` (on its list) or began
        after (from its xmax on), and is not in progress at ``now``. Ids are
        the server's, for all its databases: any other write there counts.
        Subtransactions' ids are never listed as in progress, so another
        client's savepoint counts as ended too (then the table is compared)."""
        (was_xmax, was_running), (xmax, running) = self.since, now
        if not 0 <= xmax - was_xmax <= OWN_XIDS:
            return False
        ended = {*was_running, *range(was_xmax, xmax)}.difference(running)
        return ended <= self.xids


def _follow_in(
    connection: psycopg.Connection,
    copy: sqlite3.Connection,
    touched: AbstractSet[int] | None = None,
) -> None:
    """``follow``'s work, in the transactions it opened. ``touched``: only these heroes
    can differ (this store's writes alone ended since the copy was current), so only
    their segments are read again, without the pass over the table."""
    held = copy.execute(
        f"SELECT number, last_id, count, summed FROM {SEGMENTS} ORDER BY number"
    ).fetchall()
    if touched is None:
        stale, beyond = _differing(connection, held)
    else:
        stale, beyond = _touching(held, sorted(touched))
    after, last = -(2**63), (0, Decimal(0))
    for number, last_id, count, summed in held:
        last = (int(count), Decimal(summed))
        if number in stale:
            chunk = _chunk(connection, after, last_id, None)
            _replace(copy, after, chunk, last_id)
            _set_segment(copy, number, last_id, chunk.fingerprint)
            last = chunk.fingerprint
        after = last_id
    if held and beyond:  # new heroes first fill the last segment up
        number = held[-1][0]
        room = READ_ROWS - last[0]
        if room > 0 and (chunk := _chunk(connection, after, LAST_ID, room)).ids:
            _insert_heroes(copy, chunk)
            grown = (last[0] + chunk.fingerprint[0], last[1] + chunk.fingerprint[1])
            _set_segment(copy, number, chunk.ids[-1], grown)
            after = chunk.ids[-1]
    if beyond:  # heroes after the last segment
        while (chunk := _chunk(connection, after, LAST_ID, READ_ROWS)).ids:
            _append(copy, chunk, None)
            after = chunk.ids[-1]


def _differing(connection: psycopg.Connection, held: Sequence[_Segment]) -> tuple[set[int], bool]:
    """The segments whose heroes' fingerprint on the server differs from the copy's, and
    whether the server holds heroes after the last one (one pass over the table)."""
    if not held:
        return set(), True
    bounds = [int(last_id) + 1 for _, last_id, _, _ in held]
    rows = connection.execute(FINGERPRINTS, (bounds,)).fetchall()
    seen = {int(row[0]): (int(row[1]), Decimal(row[2])) for row in rows}
    stale = {
        number
        for number, _, count, summed in held
        if seen.get(number, (0, Decimal(0))) != (int(count), Decimal(summed))
    }
    return stale, len(held) in seen


def _touching(held: Sequence[_Segment], ids: list[int]) -> tuple[set[int], bool]:
    """The segments holding any of ``ids`` (in order), and whether one is after them all."""
    stale: set[int] = set()
    after = -(2**63)
    for number, last_id, _, _ in held:
        at = bisect.bisect_right(ids, after)
        if at < len(ids) and ids[at] <= last_id:
            stale.add(number)
        after = last_id
    return stale, not held or (bool(ids) and ids[-1] > after)


def _replace(copy: sqlite3.Connection, after: int, chunk: _Chunk, last_id: int) -> None:
    """Write what differs between the copy's heroes of one span of ids and ``chunk``'s."""
    held = {
        int(hero_id): (name, age)
        for hero_id, name, age in copy.execute(
            "SELECT id, name, age FROM hero WHERE id > ? AND id <= ?", (after, last_id)
        )
    }
    added: list[tuple[int, str, int | None]] = []
    renamed: list[tuple[str, int | None, int]] = []
    aged: list[tuple[int | None, int]] = []
    ages = map(_age_or_none, chunk.ages)
    for hero_id, age, name in zip(chunk.ids, ages, chunk.texts(), strict=True):
        was = held.pop(hero_id, None)
        if was is None:
            added.append((hero_id, name, age))
        elif was[0] != name:
            renamed.append((name, age, hero_id))  # (the trigger logs it: keyed again)
        elif was[1] != age:
            aged.append((age, hero_id))  # (an age alone: nothing to key)
    copy.executemany("DELETE FROM hero WHERE id = ?", [(hero_id,) for hero_id in held])
    copy.executemany("UPDATE hero SET name = ?, age = ? WHERE id = ?", renamed)
    copy.executemany("UPDATE hero SET age = ? WHERE id = ?", aged)
    copy.executemany("INSERT INTO hero(id, name, age) VALUES (?, ?, ?)", added)


def _held_fingerprint(copy: sqlite3.Connection) -> Fingerprint:
    rows = copy.execute(f"SELECT count, summed FROM {SEGMENTS}").fetchall()
    return sum(int(row[0]) for row in rows), sum((Decimal(row[1]) for row in rows), Decimal(0))


# -- the store's use ------------------------------------------------------------------


class NameKeys:
    """The store's copy of the ``hero`` table, kept current, and its pagers.

    The store's thread does everything but ``interrupt`` (any thread), which
    reaches the copy's connection under ``_lock``.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._copy: sqlite3.Connection | None = None
        self._path: Path | None = None
        self._stale = True
        self._unverified = False
        """Handed over by a keeper: compared with the table before the first use."""
        self._seen: Snapshot | None = None
        """The server's snapshot when the copy was last found current (None: not known)."""
        self._own: OwnWrites | None = None
        """This store's writes since ``_seen`` (None: ``_seen`` is not known, or they
        wrote more than ``OWN_HEROES`` heroes)."""

    def held(self) -> bool:
        """Whether a copy is open (current or not)."""
        return self._copy is not None

    def adopt(self, path: Path) -> None:
        """Use the copy a keeper made or followed on its own connections.

        It was followed in that connection's snapshot, before changes this
        store may have made or learnt of since: the first use compares the
        table's fingerprint with the copy's and follows any difference.
        """
        self._close()
        try:
            copy = _open(path)
        except sqlite3.Error as error:
            raise translate_error(error) from error
        self._publish(copy)
        self._path = path
        self._stale, self._unverified, self._seen, self._own = False, True, None, None

    def changed(self, own: tuple[int, AbstractSet[int]] | None = None) -> None:
        """The heroes changed, or may have: the next use follows the table.

        ``own``: this store committed (the transaction's id, the ids of the
        heroes it wrote). The next use asks the server's snapshot which
        transactions ended since the copy was last found current: if only this
        store's, only the heroes they wrote are read again (``OwnWrites``);
        otherwise every segment's fingerprint is compared.
        """
        self._stale = True
        if own is not None and self._own is not None:
            grown = self._own.plus(*own)
            self._own = grown if len(grown.touched) <= OWN_HEROES else None

    def lost_track(self) -> None:
        """The store connected again (the server may be another, restored or promoted):
        the next use compares every segment, trusting no snapshot seen before."""
        self._stale = True
        self._seen = self._own = None

    def forget(self) -> None:
        """Close the copy and remove it (the name table serves search and name order now)."""
        self._close()
        if self._path is not None:
            forget(name_cache.identity_of(self._path).removeprefix(PREFIX))
            self._path = None
        self._stale = True

    def close(self) -> None:
        """Close the copy, keeping it for the next session."""
        self._close()

    def interrupt(self) -> None:
        """Stop the statement running on the copy (any thread; never waits)."""
        with self._lock:
            if self._copy is not None:
                with suppress(sqlite3.ProgrammingError):  # (closed meanwhile)
                    self._copy.interrupt()

    def pager(self, server: Server, query: HeroQuery, *, told_of_changes: bool) -> Pager:
        """The heroes ``query`` shows, in its order, as the table holds them now.

        ``told_of_changes``: the store hears of every other client's commit at
        once (the notify trigger), so a copy not marked ``changed`` is current.
        """
        try:
            copy = self._current(server(), told_of_changes)
            return ServerRowsPager(server, paging.make_pager(copy, query, "main"), self._failed)
        except sqlite3.Error as error:
            raise self._failed(error) from error
        except OSError as error:
            raise _not_made(error.strerror or str(error)) from error

    def _failed(self, error: sqlite3.Error) -> Exception:
        """The error to raise for ``error`` on the copy; a damaged copy is closed and removed
        (the next use makes another)."""
        code = primary_code(error)
        if code in _DAMAGED and self._path is not None:
            self._close()
            name_cache.remove(self._path)
            return DatabaseError(
                NameKeysWords.tr(
                    "The copy of the names in {folder} was damaged and has been removed: "
                    "the next search makes it anew."
                ).format(folder=name_cache.folder())
            )
        if code in _UNWRITABLE:
            return _not_made(str(error))
        return translate_error(error)

    def _current(self, connection: psycopg.Connection, told_of_changes: bool) -> sqlite3.Connection:
        copy = self._copy
        if copy is None:
            self._path = build_copy(connection)  # (a copy kept from another session: followed)
            copy = _open(self._path)
            self._publish(copy)
            self._seen = None
        elif self._stale:
            self._seen = _checked(connection, copy, compare=False, own=self._own)
        elif self._seen is not None and not _as_left(copy, self._seen):
            self._seen = _checked(connection, copy, compare=True)  # another window wrote it
        elif (not told_of_changes or self._unverified) and (
            self._seen is None or _snapshot(connection) != self._seen
        ):
            self._seen = _checked(connection, copy, compare=True)
        self._stale = self._unverified = False
        self._own = None if self._seen is None else OwnWrites(self._seen, frozenset(), frozenset())
        return copy

    def _publish(self, copy: sqlite3.Connection | None) -> None:
        with self._lock:
            self._copy = copy

    def _close(self) -> None:
        copy = self._copy
        self._publish(None)
        if copy is not None:
            with suppress(sqlite3.Error):
                copy.close()


def _not_made(reason: str) -> DatabaseError:
    return DatabaseError(
        NameKeysWords.tr(
            "Search and name order need a copy of the names in {folder}, "
            "which could not be made: {reason}"
        ).format(folder=name_cache.folder(), reason=reason)
    )


class ServerRowsPager:
    """The copy's pager for a query, its pages' heroes read from the server by id.

    Called from the data worker's thread only (which owns both connections).
    """

    def __init__(
        self, server: Server, copied: paging.Pager, failed: Callable[[sqlite3.Error], Exception]
    ) -> None:
        self._server = server
        self._copied = copied
        self._failed = failed

    def _on_copy(self, work: Callable[[], _T]) -> _T:
        try:
            return work()
        except sqlite3.Error as error:
            raise self._failed(error) from error

    def count(self) -> int:
        return self._on_copy(self._copied.count)

    def quick_count(self) -> tuple[int, bool]:
        copied = self._copied
        if isinstance(copied, EstimatingPager):
            return self._on_copy(copied.quick_count)
        return self.count(), True

    def rows(self, start: int, limit: int) -> list[HeroRow]:
        found = self._on_copy(lambda: self._copied.rows(start, limit))
        return rows_by_id(self._server(), [hero.id for hero in found])

    def rank_of(self, hero_id: int) -> int | None:
        return self._on_copy(lambda: self._copied.rank_of(hero_id))

    def prepare(self, seconds: float) -> bool:
        return self._on_copy(lambda: self._copied.prepare(seconds))


# -- the heroes keyed so far, while a keeper builds -------------------------------------


def matches_so_far(parts: Sequence[KeyedPart], query: HeroQuery) -> array[int]:
    """The ids, ascending, of the heroes of ``parts`` (the first heroes by id, as a keeper
    has keyed them so far) that ``query``'s search and age filter keep."""
    needle = names.fold(query.search.strip()).encode()
    keeps = _age_test(query.age_bounds)
    found = array("q")
    for part in parts:
        for index in _matching(part.folds, needle) if needle else range(len(part.ids)):
            if keeps is None or keeps(part.ages[index]):
                found.append(part.ids[index])
    return found


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


# -- reading the server -----------------------------------------------------------------


def _snapshot(connection: psycopg.Connection) -> Snapshot | None:
    """The server's snapshot now; None where it cannot tell that nothing was committed."""
    row = connection.execute(SNAPSHOT).fetchone()
    if row is None or row[2]:
        return None
    return int(row[0]), tuple(int(xid) for xid in row[1])


def _fingerprint(connection: psycopg.Connection) -> Fingerprint:
    row = connection.execute(FINGERPRINT).fetchone()
    return (int(row[0]), Decimal(row[1])) if row else (0, Decimal(0))


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
