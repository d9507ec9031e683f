"""The thread that keys every hero's name, on a server table without the name table.

There (the user said Not Now, or the role may not add or read Hero Desktop's
structures) search and name order use every hero's name keys, held in memory
(name_keys.py). Keying a million names takes about 3 s here, so the keeper
does it once in the background, from when the first page is shown, on a
connection of its own, and posts its progress on the store's board, which
the status bar shows. The store's first search or name order waits for the
keys (``take``; an interrupt ends the wait) and adopts them. The keeper then
sorts their name order (about 1 s a million, a bucket at a time, the GUI's
thread getting the GIL between), which the first name order waits for (``order``).

Threads: the keeper's thread owns its connection for its whole life, which
ends once the keys are read, and the thread once the order is sorted. What it
made travels to the store's thread as values: bytes and arrays that no thread
changes (both read the keys while the order is sorted). From then on the
store keeps the keys current on its own connection (name_keys.py).
"""

from __future__ import annotations

import logging
import threading
import time
from array import array
from collections.abc import Callable
from typing import TypeVar

import psycopg

from hero_desktop.data.errors import DatabaseError, StatementInterruptedError
from hero_desktop.data.location import ServerAddress
from hero_desktop.data.name_index_state import NameCacheBoard, NameCacheProgress, NameCacheState
from hero_desktop.data.postgres import access, name_keys
from hero_desktop.data.postgres.name_keys import KeyedPart, KeyTable

log = logging.getLogger("hero_desktop")

KEEP_FROM = 20_000
"""Fewer heroes than this are keyed by the store's first search (well under 0.1 s)."""
WAIT_BUILD_S = 300.0
"""How long a search waits at most for the keys (the status bar says how far they are)."""
CLOSE_WAIT_S = 0.5
"""How long closing waits for the keeper to end its statement and close its connection."""
_WAITING = (NameCacheState.STARTING, NameCacheState.BUILDING)
_T = TypeVar("_T")


class NameKeysKeeper:
    """Builds the name keys of the server's ``hero`` table in a thread of its own.

    The store's thread calls ``take``, ``order`` and ``close``; the keeper's
    thread writes ``_progress``, ``_table``, ``_order`` and ``_sorting``; all
    under ``_condition``.
    """

    def __init__(self, address: ServerAddress, board: NameCacheBoard) -> None:
        self._condition = threading.Condition()
        self._progress = NameCacheProgress(NameCacheState.STARTING)
        self._table: KeyTable | None = None
        self._parts: list[KeyedPart] = []
        """The heroes keyed so far, in id order, until the table is done."""
        self._order: array[int] | None = None
        self._sorting = True  # until the order is sorted, or will not be
        self._closing = False
        self._board = board
        board.post(self._progress)
        self._thread = threading.Thread(
            target=self._run, args=(address,), name="hero-name-keys", daemon=True
        )
        self._thread.start()

    # -- the store's thread ------------------------------------------------------------

    def take(self, stop: threading.Event) -> KeyTable | None:
        """The keys, once read and keyed (handed over once), waiting while they are.

        None: the store keys the names itself (a small table, the keeper
        failed or closed, the keys already taken, the wait too long).
        ``stop`` set (an interrupt, or the window closing) ends the wait with
        StatementInterruptedError, as an interrupted statement ends.
        """
        return self._wait(stop, self._take_table)

    def order(self, stop: threading.Event) -> array[int] | None:
        """The name order of the keys taken (handed over once), waiting while it is sorted.

        None: the store sorts them itself. ``stop``: as for ``take``.
        """
        return self._wait(stop, self._take_order)

    def keyed_so_far(self) -> tuple[list[KeyedPart], int] | None:
        """While the keys are built: the heroes keyed so far (the first by id) and how
        many heroes there are; None once they are done (or will not be)."""
        with self._condition:
            if self._progress.state is not NameCacheState.BUILDING or self._table is not None:
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
            self._table = self._order = None
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

    def _take_table(self) -> tuple[bool, KeyTable | None]:
        """(Under the lock.) Whether the wait is over, and the table (None: none will come)."""
        table, self._table = self._table, None
        return table is not None or self._progress.state not in _WAITING, table

    def _take_order(self) -> tuple[bool, array[int] | None]:
        """(Under the lock.) Whether the wait is over, and the order (None: none will come)."""
        order, self._order = self._order, None
        return order is not None or not self._sorting or self._closing, order

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
        try:
            table = self._keyed(address)
            if table is not None:
                self._sort(table)
        finally:
            with self._condition:
                self._parts = []
                self._sorting = False
                self._condition.notify_all()

    def _keyed(self, address: ServerAddress) -> KeyTable | None:
        """The keys, read on a connection of this thread's own, handed over; None: none."""
        started = time.perf_counter()
        try:
            with access.connect(address) as connection:
                connection.execute("SET default_transaction_read_only = on")
                table = name_keys.build_table(connection, self._going_on, self._keyed_part)
        except name_keys.BuildStoppedError:
            return None  # closed, or a small table (the state is posted)
        except (DatabaseError, psycopg.Error) as error:
            log.warning("Name keys: given up, the first search keys them: %s", error)
            self._set(NameCacheState.FAILED)
            return None
        except Exception:
            # A bug: said in the log with its traceback; the store keys the names itself.
            log.exception("Name keys: failed, the first search keys them")
            self._set(NameCacheState.FAILED)
            return None
        heroes = len(table.ids)
        log.info("Name keys: %d heroes keyed in %.1f s", heroes, time.perf_counter() - started)
        with self._condition:
            self._parts = []
            if not self._closing:
                self._table = table
        self._set(NameCacheState.READY, heroes, heroes)
        return table

    def _keyed_part(self, part: KeyedPart) -> None:
        with self._condition:
            if not self._closing:
                self._parts.append(part)

    def _sort(self, table: KeyTable) -> None:
        """The name order of ``table``, handed over (the store sorts it itself if this fails)."""
        try:
            order = name_keys.name_order_of(table, lambda: not self._closing)
        except name_keys.BuildStoppedError:
            return
        except Exception:
            log.exception("Name keys: sorting failed, the first name order sorts them")
            return
        with self._condition:
            if not self._closing:
                self._order = order
