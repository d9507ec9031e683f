"""The thread that copies every hero's name keys, on a server table without the name table.

There (the user said Not Now, or the role may not add or read Hero Desktop's
structures) search and name order use a copy of every hero's name keys in a
SQLite file of Hero Desktop's own (name_keys.py). Copying and keying a
million heroes takes seconds, so the keeper does it once in the background,
from when the first page is shown, on connections of its own, and posts its
progress on the store's board, which the status bar shows. A new copy of a
big table is made in a process of its own (name_keys_process.py), which the
keeper's thread starts, answers and listens to: the window's process then
holds none of the build's memory and lends it none of its interpreter's
lock. A copy kept from an earlier session is followed instead, on the
keeper's thread (only what changed is read). The
store's first search or name order waits for the copy (``take``; an
interrupt ends the wait) and adopts it. Meanwhile a search by id can be
answered from the first heroes keyed (``keyed_so_far``, up to
``EARLY_HEROES`` of them, held in memory until the copy is done).

Threads: the keeper's thread owns its connections (the server's, the copy's)
for their whole life, which ends with the copy (a process of its own has its
own). What it made travels to the
store's thread as values: the copy's path, and the parts keyed so far (bytes
and arrays that no thread changes). From then on the store keeps the copy
current on its own connections (name_keys.py).
"""

from __future__ import annotations

import ctypes
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import psycopg

from hero_desktop.data import name_batch
from hero_desktop.data.errors import DatabaseError, StatementInterruptedError
from hero_desktop.data.location import ServerAddress
from hero_desktop.data.name_index_state import NameCacheBoard, NameCacheProgress, NameCacheState
from hero_desktop.data.postgres import access, name_keys, name_keys_process
from hero_desktop.data.postgres.name_keys import KeyedPart
from hero_desktop.data.postgres.name_keys_process import CopyProcessError, ProcessNotStartedError

log = logging.getLogger("hero_desktop")

KEEP_FROM = 20_000
"""Fewer heroes than this are copied by the store's first search (well under 0.2 s)."""
PROCESS_FROM = 200_000
"""A new copy of a table of about this many heroes or more is made in a process of its
own (name_keys_process.py), the server's estimate says; a smaller one on the keeper's
thread, where the process's start (about 0.2 s, a new interpreter importing psycopg and
the data layer) would cost more than it spares."""
EARLY_HEROES = 100_000
"""The first heroes whose folds are held for early answers (about 3 MB)."""
WAIT_BUILD_S = 300.0
"""How long a search waits at most for the keys (the status bar says how far they are)."""
CLOSE_WAIT_S = 0.5
"""How long closing waits for the keeper to end its statement and close its connection."""
_WAITING = (NameCacheState.STARTING, NameCacheState.BUILDING)
_T = TypeVar("_T")


class NameKeysKeeper:
    """Makes the copy of the server's ``hero`` table's name keys in a thread of its own.

    The store's thread calls ``take``, ``keyed_so_far`` and ``close``; the
    keeper's thread writes ``_progress``, ``_copy`` and ``_parts``; all under
    ``_condition``.
    """

    def __init__(self, address: ServerAddress, board: NameCacheBoard) -> None:
        self._condition = threading.Condition()
        self._progress = NameCacheProgress(NameCacheState.STARTING)
        self._copy: Path | None = None
        self._parts: list[KeyedPart] = []
        """The first heroes keyed so far, in id order, until the copy is done."""
        self._held = 0
        """Heroes in ``_parts``."""
        self._closing = False
        self._board = board
        board.post(self._progress)
        self._thread = threading.Thread(
            target=self._run, args=(address,), name="hero-name-keys", daemon=True
        )
        self._thread.start()

    # -- the store's thread ------------------------------------------------------------

    def take(self, stop: threading.Event) -> Path | None:
        """The copy's path, once made (handed over once), waiting while it is.

        None: the store makes the copy itself (a small table, the keeper
        failed or closed, the copy already taken, the wait too long).
        ``stop`` set (an interrupt, or the window closing) ends the wait with
        StatementInterruptedError, as an interrupted statement ends.
        """
        return self._wait(stop, self._take_copy)

    def keyed_so_far(self) -> tuple[list[KeyedPart], int] | None:
        """While the keys are built: the heroes keyed so far (the first by id) and how
        many heroes there are; None once they are done (or will not be)."""
        with self._condition:
            if self._progress.state is not NameCacheState.BUILDING or self._copy is not None:
                return None
            return list(self._parts), self._progress.total

    def building(self) -> bool:
        """Whether the keys are still being read and keyed."""
        with self._condition:
            return self._progress.state in _WAITING

    def wait_started(self, stop: threading.Event) -> None:
        """Wait while the keeper starts (until it keys, or ends); ``stop``: as for ``take``."""
        self._wait(stop, lambda: (self._progress.state is not NameCacheState.STARTING, None))

    def wait_more(self, stop: threading.Event, after: int) -> bool:
        """Wait until more than ``after`` chunks are keyed; False: the keys are done (or will
        not be). ``stop``: as for ``take``."""
        self._wait(
            stop,
            lambda: (len(self._parts) > after or self._progress.state not in _WAITING, None),
        )
        return self.keyed_so_far() is not None

    def close(self) -> None:
        """Stop the build: nothing is posted or handed over after this (the board says CLOSED).

        The keeper's connection closes once its statement ends.
        """
        with self._condition:
            self._closing = True
            self._copy = None
            self._parts = []
            self._progress = NameCacheProgress(NameCacheState.CLOSED)
            self._board.post(self._progress)
            self._condition.notify_all()
        self._thread.join(CLOSE_WAIT_S)

    def _wait(
        self, stop: threading.Event, taken: Callable[[], tuple[bool, _T | None]]
    ) -> _T | None:
        started = time.monotonic()
        with self._condition:
            while not (found := taken())[0]:
                if stop.is_set():
                    raise StatementInterruptedError()
                if time.monotonic() - started > WAIT_BUILD_S:
                    return None
                self._condition.wait(0.05)
            return found[1]

    def _take_copy(self) -> tuple[bool, Path | None]:
        """(Under the lock.) Whether the wait is over, and the copy (None: none will come)."""
        copy, self._copy = self._copy, None
        return copy is not None or self._progress.state not in _WAITING, copy

    # -- the keeper's thread -----------------------------------------------------------

    def _set(self, state: NameCacheState, done: int = 0, total: int = 0) -> bool:
        """Post a new state, unless closed; whether it was posted."""
        with self._condition:
            if self._closing:
                return False
            self._progress = NameCacheProgress(state, done, total)
            self._board.post(self._progress)  # (under the lock: never after close's CLOSED)
            self._condition.notify_all()
            return True

    def _going_on(self, done: int, total: int) -> bool:
        if total < KEEP_FROM:
            self._set(NameCacheState.NOT_NEEDED)
            return False
        return self._set(NameCacheState.BUILDING, done, total)

    def _run(self, address: ServerAddress) -> None:
        started = time.perf_counter()
        try:
            path = self._copy_made(address)
        except name_keys.BuildStoppedError:
            return  # closed, or a small table (the state is posted)
        except (DatabaseError, psycopg.Error, OSError, CopyProcessError) as error:
            log.warning("Name keys: given up, the first search copies them: %s", error)
            self._set(NameCacheState.FAILED)
            return
        except Exception:
            # A bug: said in the log with its traceback; the store makes the copy itself.
            log.exception("Name keys: failed, the first search copies them")
            self._set(NameCacheState.FAILED)
            return
        finally:
            with self._condition:
                self._parts = []
                self._condition.notify_all()
            name_batch.release()  # (the store keys a few names at a time from now on)
            _give_back_freed_memory()
        log.info("Name keys: copied in %.1f s to %s", time.perf_counter() - started, path)
        with self._condition:
            if not self._closing:
                self._copy = path
            heroes = self._progress.total
        self._set(NameCacheState.READY, heroes, heroes)

    def _copy_made(self, address: ServerAddress) -> Path:
        """The copy kept from an earlier session, followed; else a new one, made in a
        process of its own for a big table (``PROCESS_FROM``; the keeper's connection is
        closed meanwhile), unless none can start."""
        with access.connect(address, read_only=True) as connection:
            digest = name_keys.identity(connection)
            path = name_keys.follow_newest(connection, digest, self._going_on)
            if path is not None:
                return path
            path = name_keys.new_copy(digest)
            expected = _estimated_heroes(connection)
            if not (name_keys_process.available() and expected >= PROCESS_FROM):
                name_keys.make_copy(connection, path, self._going_on, self._keyed_part)
                return path
        try:
            name_keys_process.make_copy(
                address,
                path,
                self._going_on,
                self._keyed_part,
                self._stopped,
                early_heroes=EARLY_HEROES,
                expected=expected,
            )
            return path
        except ProcessNotStartedError as error:
            log.warning("Name keys: the copy's process did not start, copying here: %s", error)
        with access.connect(address, read_only=True) as connection:
            name_keys.make_copy(connection, path, self._going_on, self._keyed_part)
        return path

    def _stopped(self) -> bool:
        with self._condition:
            return self._closing

    def _keyed_part(self, part: KeyedPart) -> None:
        with self._condition:
            if not self._closing and self._held < EARLY_HEROES:
                self._parts.append(part)
                self._held += len(part.ids)


def _estimated_heroes(connection: psycopg.Connection) -> int:
    """How many heroes the planner expects the table to hold (no table is read)."""
    row = connection.execute("EXPLAIN (FORMAT JSON) SELECT id FROM hero").fetchone()
    return int(row[0][0]["Plan"]["Plan Rows"]) if row else 0


def _give_back_freed_memory() -> None:
    """Return to the system what the build freed (glibc only; elsewhere nothing).

    The chunks read and keyed, the parts held for early answers and the
    keying tables are freed when the copy is done, but glibc keeps the freed
    memory in its heaps (the keeper's thread has one of its own): about 35 MB
    a million heroes, which the window's process would otherwise keep for good.
    """
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):
        return
    trim(0)
