"""The thread that builds a file's name cache (name_cache.py) and keeps it current.

One keeper per store opened as found (store.py starts it once the first page
is shown). Its thread owns its connection for its whole life: the user's
file read-only, the cache file attached read-write. The store's connection
never writes the cache: it attaches the file the keeper names, read-only.

Never a stale result as current: the store tells the keeper of every change
it learns of (its own commits with the ids they touched, another program's
commit seen by ``PRAGMA data_version``), each a new *generation*; the keeper
answers with the generation its cache matches. A search or the name order
reads the cache only when it matches the latest generation
(``usable``), waiting while the keeper follows a change, or builds when the
rest of the build will be shorter than a scan (``worth_waiting``), and scans
otherwise, and when the cache cannot be had (no room, a file that cannot be
read, the wait too long). Another program's commit is followed by comparing ``(id, name)`` of
the whole file with the cache (about a second per million heroes); a file
changed beyond following (most heroes renamed, the table made anew) is
keyed into a new cache file.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path

from hero_desktop.data.errors import StatementInterruptedError
from hero_desktop.data.name_index_state import NameCacheBoard
from hero_desktop.data.name_index_state import NameCacheProgress as CacheProgress
from hero_desktop.data.name_index_state import NameCacheState as CacheState
from hero_desktop.data.sqlite import name_cache
from hero_desktop.data.sqlite.connections import connect

log = logging.getLogger("hero_desktop")

CACHE_FROM = 20_000
"""Fewer heroes than this are scanned (well under a second): no cache file is made."""
REBUILD_SHARE = 0.25
"""More of the heroes changed than this share: a new cache is built instead of following."""
WAIT_BUILD_S = 300.0
"""How long a search waits at most for the cache's first build (it says so meanwhile)."""
SCAN_RATE = 600_000
"""Names per second a scan reads here: what a wait is weighed against. A search takes
0.7-1.6 s per million quiet (more names beyond ASCII, slower), the name order 2.3-3 s,
twice that busy; this rate (1.7 s per million) sits between, as a wait serves both."""
WAIT_FOLLOW_S = 10.0
"""How long a search waits for the cache to follow a change before scanning instead."""


class _Shared:
    """What the store's thread and the keeper's thread share, all under ``condition``.

    The store's thread writes ``generation``, ``full`` and ``ids`` (changes it
    learnt of) and ``closing``; the keeper's thread writes ``verified``,
    ``current`` and ``progress``. Any thread reads ``progress``.
    """

    def __init__(self) -> None:
        self.condition = threading.Condition()
        self.generation = 0
        self.verified = -1
        self.full = True
        self.ids: set[int] = set()
        self.current: Path | None = None
        self.progress = CacheProgress(CacheState.STARTING)
        self.building_since: float | None = None  # (time.monotonic() of the first BUILDING)
        self.closing = False


def worth_waiting(progress: CacheProgress, built_for_s: float) -> bool:
    """Whether the rest of the first build will take less time than scanning the file.

    The rest is estimated from the pace so far (``built_for_s`` seconds for
    ``progress.done`` names); before there is a pace, the scan is chosen.
    """
    if progress.done <= 0 or progress.total <= 0 or built_for_s <= 0:
        return False
    remaining_s = (progress.total - progress.done) * built_for_s / progress.done
    return remaining_s < progress.total / SCAN_RATE


class NameCacheKeeper:
    """Builds and follows the name cache of the file at ``path`` in a thread of its own."""

    def __init__(self, path: Path, source_uri: str, board: NameCacheBoard | None = None) -> None:
        self._shared = _Shared()
        self._board = board or NameCacheBoard()
        self._board.post(self._shared.progress)
        self._digest = name_cache.identity(path)
        self._source_uri = source_uri
        self._connection: sqlite3.Connection | None = None
        self._connection_lock = threading.Lock()  # guards _connection for interrupt()
        self._thread = threading.Thread(target=self._run, name="hero-name-cache", daemon=True)
        self._thread.start()

    # -- the store's thread ------------------------------------------------------------

    def file_changed(self) -> None:
        """Another program committed: the whole file is compared with the cache."""
        with self._shared.condition:
            self._shared.generation += 1
            self._shared.full = True
            self._shared.condition.notify_all()

    def own_changes(self, ids: Iterable[int] | None) -> None:
        """The store committed changes to these heroes (None: too many to list)."""
        with self._shared.condition:
            self._shared.generation += 1
            if ids is None:
                self._shared.full = True
            else:
                self._shared.ids.update(ids)
            self._shared.condition.notify_all()

    def usable(self, stop: threading.Event) -> Path | None:
        """The cache file that matches the file as last seen, waiting while it is made; or None.

        None: scan instead (a small file, no cache to be had, or the wait
        was too long). ``stop`` set (a newer request came) ends the wait
        with StatementInterruptedError, as an interrupted read ends.
        """
        shared = self._shared
        started = time.monotonic()
        with shared.condition:
            while True:
                state = shared.progress.state
                if state in (CacheState.NOT_NEEDED, CacheState.FAILED, CacheState.CLOSED):
                    return None
                if shared.verified == shared.generation and shared.current is not None:
                    return shared.current
                if stop.is_set():
                    raise StatementInterruptedError()
                # (A change that comes while the trigram index is added waits for it.)
                building = state in (CacheState.STARTING, CacheState.BUILDING, CacheState.INDEXING)
                if state is CacheState.BUILDING:
                    since = shared.building_since
                    built_for = 0.0 if since is None else time.monotonic() - since
                    if not worth_waiting(shared.progress, built_for):
                        return None  # the scan answers sooner than the rest of the build
                limit = WAIT_BUILD_S if building else WAIT_FOLLOW_S
                if time.monotonic() - started > limit:
                    return None
                shared.condition.wait(0.05)

    def progress(self) -> CacheProgress:
        """What the keeper is doing now (any thread)."""
        with self._shared.condition:
            return self._shared.progress

    def forget(self) -> None:
        """Stop, and remove this file's caches (it has name structures of its own now)."""
        self.close()
        if not self._thread.is_alive():
            name_cache.forget(self._digest)

    def close(self, wait_s: float = 2.0) -> None:
        """Stop the keeper and close its connection (before the store closes its own)."""
        with self._shared.condition:
            self._shared.closing = True
            self._shared.condition.notify_all()
        with self._connection_lock:
            if self._connection is not None:
                with suppress(sqlite3.ProgrammingError):
                    self._connection.interrupt()
        self._thread.join(wait_s)

    # -- the keeper's thread -----------------------------------------------------------

    def _set(self, state: CacheState, done: int = 0, total: int = 0) -> None:
        progress = CacheProgress(state, done, total)
        with self._shared.condition:
            if state is CacheState.BUILDING and self._shared.building_since is None:
                self._shared.building_since = time.monotonic()
            self._shared.progress = progress
            self._shared.condition.notify_all()
        self._board.post(progress)

    def _run(self) -> None:
        try:
            connection = connect(self._source_uri)
        except sqlite3.Error as error:
            log.warning("Name cache: cannot read the file: %s", error)
            self._set(CacheState.FAILED)
            return
        with self._connection_lock:
            self._connection = connection
        try:
            self._keep(connection)
        except (sqlite3.Error, OSError, name_cache.BuildStoppedError) as error:
            if not self._shared.closing:
                log.warning("Name cache: given up, searches scan instead: %s", error)
                self._set(CacheState.FAILED)
        except Exception:
            # A bug: said in the log with its traceback; searches scan, never wait for it.
            log.exception("Name cache: failed, searches scan instead")
            self._set(CacheState.FAILED)
        finally:
            with self._connection_lock:
                self._connection = None
            # An interrupt sent with closing stays pending until a statement ends, and would
            # stop the checkpoint of closing: end one, so that the cache's -wal and -shm go.
            for _ in range(2):
                with suppress(sqlite3.Error):
                    connection.execute("SELECT 1").fetchone()
            connection.close()
            if self._shared.closing:
                self._set(CacheState.CLOSED)

    def _keep(self, connection: sqlite3.Connection) -> None:
        heroes = int(connection.execute("SELECT count(*) FROM hero").fetchone()[0])
        if heroes < CACHE_FROM:
            self._set(CacheState.NOT_NEEDED)
            return
        name_cache.prune()
        current = name_cache.open_newest(connection, self._digest)
        shared = self._shared
        while True:
            with shared.condition:
                while shared.verified == shared.generation and not shared.closing:
                    shared.condition.wait()
                if shared.closing:
                    return
                generation, full, ids = shared.generation, shared.full, shared.ids
                shared.full, shared.ids = False, set()
            if current is None:
                current = self._build(connection)
            elif full:
                self._set(CacheState.FOLLOWING)
                limit = max(CACHE_FROM, int(heroes * REBUILD_SHARE))
                found = name_cache.differences(connection, limit)
                if found is None:
                    log.info("Name cache: the file changed beyond following; building anew")
                    name_cache.detach(connection, name_cache.CACHE)
                    current = self._build(connection)
                else:
                    name_cache.apply(connection, *found)
            elif ids:
                name_cache.apply(connection, *name_cache.differences_of(connection, ids))
            heroes = int(connection.execute("SELECT count(*) FROM hero").fetchone()[0])
            with shared.condition:
                shared.verified, shared.current = generation, current
            self._set(CacheState.READY, heroes, heroes)
            if not name_cache.has_trigrams(connection):
                # The rows are in use already (searches scan the folds meanwhile).
                self._set(CacheState.INDEXING, heroes, heroes)
                started = time.perf_counter()
                name_cache.add_trigrams(connection)
                log.info("Name cache: trigram index in %.1f s", time.perf_counter() - started)
                self._set(CacheState.READY, heroes, heroes)

    def _build(self, connection: sqlite3.Connection) -> Path:
        """A new cache of the whole file, attached as the one kept; older ones removed."""
        started = time.perf_counter()

        def progress(done: int, total: int) -> bool:
            self._set(CacheState.BUILDING, done, total)
            return not self._shared.closing

        self._set(CacheState.BUILDING)
        cache = name_cache.build(connection, self._digest, progress)
        name_cache.attach(connection, cache, name_cache.CACHE, "rw")
        log.info("Name cache: built %s in %.1f s", cache.name, time.perf_counter() - started)
        with self._shared.condition:
            old = self._shared.current
        if old is not None:
            # A reader still attached to it keeps reading it; the next read attaches this one.
            name_cache.remove(old)
        return cache
