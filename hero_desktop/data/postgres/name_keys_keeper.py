"""The thread that keys every hero's name, on a server table without the name table.

There (the user said Not Now, or the role may not add or read Hero Desktop's
structures) search and name order use every hero's name keys, held in memory
(name_keys.py). Keying a million names takes about 3 s here, so the keeper
does it once in the background, from when the first page is shown, on a
connection of its own, and posts its progress on the store's board, which
the status bar shows. The store's first search or name order waits for it
(``take``; an interrupt ends the wait) and adopts what it built.

Threads: the keeper's thread owns its connection for its whole life and ends
once the keys are built. What it built travels to the store's thread as
values (arrays and bytes it never touches again). From then on the store
keeps the keys current on its own connection (name_keys.py).
"""

from __future__ import annotations

import logging
import threading
import time

import psycopg

from hero_desktop.data.errors import DatabaseError, StatementInterruptedError
from hero_desktop.data.location import ServerAddress
from hero_desktop.data.name_index_state import NameCacheBoard, NameCacheProgress, NameCacheState
from hero_desktop.data.postgres import access, name_keys
from hero_desktop.data.postgres.name_keys import Built

log = logging.getLogger("hero_desktop")

KEEP_FROM = 20_000
"""Fewer heroes than this are keyed by the store's first search (well under 0.1 s)."""
WAIT_BUILD_S = 300.0
"""How long a search waits at most for the keys (the status bar says how far they are)."""
CLOSE_WAIT_S = 0.5
"""How long closing waits for the keeper to end its statement and close its connection."""
_WAITING = (NameCacheState.STARTING, NameCacheState.BUILDING)


class NameKeysKeeper:
    """Builds the name keys of the server's ``hero`` table in a thread of its own.

    The store's thread calls ``take`` and ``close``; the keeper's thread
    writes ``_progress`` and ``_built``; both under ``_condition``.
    """

    def __init__(self, address: ServerAddress, board: NameCacheBoard) -> None:
        self._condition = threading.Condition()
        self._progress = NameCacheProgress(NameCacheState.STARTING)
        self._built: Built | None = None
        self._closing = False
        self._board = board
        board.post(self._progress)
        self._thread = threading.Thread(
            target=self._run, args=(address,), name="hero-name-keys", daemon=True
        )
        self._thread.start()

    # -- the store's thread ------------------------------------------------------------

    def take(self, stop: threading.Event) -> Built | None:
        """The keys, once built (handed over once), waiting while they are built.

        None: the store keys the names itself (a small table, the keeper
        failed or closed, the keys already taken, the wait too long).
        ``stop`` set (an interrupt, or the window closing) ends the wait with
        StatementInterruptedError, as an interrupted statement ends.
        """
        started = time.monotonic()
        with self._condition:
            while True:
                if self._built is not None:
                    built, self._built = self._built, None
                    return built
                if self._progress.state not in _WAITING:
                    return None
                if stop.is_set():
                    raise StatementInterruptedError()
                if time.monotonic() - started > WAIT_BUILD_S:
                    return None
                self._condition.wait(0.05)

    def close(self) -> None:
        """Stop the build: nothing is posted or handed over after this (the board says CLOSED).

        The keeper's connection closes once its statement ends.
        """
        with self._condition:
            self._closing = True
            self._built = None
            self._progress = NameCacheProgress(NameCacheState.CLOSED)
            self._board.post(self._progress)
            self._condition.notify_all()
        self._thread.join(CLOSE_WAIT_S)

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
            built = self._build(address)
        except name_keys.BuildStoppedError:
            return  # closed, or a small table (the state is posted)
        except (DatabaseError, psycopg.Error) as error:
            log.warning("Name keys: given up, the first search keys them: %s", error)
            self._set(NameCacheState.FAILED)
            return
        except Exception:
            # A bug: said in the log with its traceback; the store keys the names itself.
            log.exception("Name keys: failed, the first search keys them")
            self._set(NameCacheState.FAILED)
            return
        heroes = len(built.table.ids)
        log.info("Name keys: %d heroes keyed in %.1f s", heroes, time.perf_counter() - started)
        with self._condition:
            if not self._closing:
                self._built = built
        self._set(NameCacheState.READY, heroes, heroes)

    def _build(self, address: ServerAddress) -> Built:
        """The keys, read on a connection of this thread's own; it closes before the sort."""
        with access.connect(address) as connection:
            connection.execute("SET default_transaction_read_only = on")
            table = name_keys.build_table(connection, self._going_on)
        return Built(table, name_keys.name_order_of(table, lambda: not self._closing))
