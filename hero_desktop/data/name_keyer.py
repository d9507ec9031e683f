"""Keying big batches of names on every core, beside the thread that asks.

``NameKeyer`` shares big batches with worker processes (``concurrent.futures``
with the *spawn* start method: a process holding Qt must never fork),
started when the first big batch comes and shut down with the keyer.
Workers get plain strings and send back (fold, sort key) tuples from
``name_batch.keys_in_process``; they never see a database connection. A pool
that cannot start or breaks leaves the work to this process.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import BrokenExecutor, CancelledError, Executor, Future
from types import TracebackType

from hero_desktop.data import names
from hero_desktop.data.name_batch import (
    Keys,
    folds_in_process,
    keys_in_process,
    name_text,
    tables_built,
)

POOL_FROM = 100_000
"""A keyer starts worker processes only when it expects at least this many names."""
POOL_CORES = 4
"""... and only with this many cores: on 2 shared cores one worker made a million
names slower (4.8 s against 2.5 s in this process: the worker's start-up and
the pickling cost more than the half it keys)."""
CHUNK = 2_500
"""Names sent to a worker at a time (small enough to share a batch evenly)."""
TABLES_FROM = 20_000
"""Fewer names than this, while this process has no batch tables yet, are keyed one by
one (``names.name_keys``, memoised): getting the tables takes about 0.35 s the first
time on a machine (0.04 s once they are in its cache folder), which a cell edit's
name, or a paste's thousand, should not wait for."""


def _start_pool() -> Executor:
    """A pool of a worker process per spare core (the processes start with the first task).

    Imported here, not at start-up: the window never needs it, and the
    standalone bundle leaves ``multiprocessing`` out (ImportError: its
    names are keyed in this process). A daemonic process (the one a keeper
    makes a copy of the names in) may start none (ValueError: the same).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if multiprocessing.current_process().daemon:  # (a copy's process: it may have no children)
        raise ValueError("a daemonic process may not start workers")
    return ProcessPoolExecutor(
        max_workers=max(1, (os.cpu_count() or 2) - 1),
        mp_context=multiprocessing.get_context("spawn"),
    )


class NameKeyer:
    """Keys batches of names; from ``POOL_FROM`` names and ``POOL_CORES`` cores, with workers.

    Use it as a context manager around one bulk operation: the workers start
    with its first batch of at least two chunks and stop when it closes.
    This process keys chunks too (from the end of each batch, while workers
    take them from the start), so a pool still starting delays nothing.
    """

    def __init__(
        self,
        expected: int,
        *,
        pool_from: int = POOL_FROM,
        pool_cores: int = POOL_CORES,
        tables_from: int = TABLES_FROM,
    ) -> None:
        self._tables_from = tables_from
        cores = os.cpu_count() or 1
        self._wanted = expected >= pool_from and cores >= pool_cores and cores > 1
        self._pool: Executor | None = None

    def keys(self, values: Sequence[object]) -> list[Keys]:
        """(fold, sort key) of each value, in order."""
        texts = [name_text(value) for value in values]
        if len(texts) < self._tables_from and not tables_built():
            return [names.name_keys(text) for text in texts]
        pool = self._started() if len(texts) >= 2 * CHUNK else None
        if pool is None:
            return keys_in_process(texts)
        chunks = [texts[start : start + CHUNK] for start in range(0, len(texts), CHUNK)]
        try:
            sent: list[Future[list[Keys]]] = [
                pool.submit(keys_in_process, chunk) for chunk in chunks[:-1]
            ]
        except (BrokenExecutor, OSError, RuntimeError):
            self._give_up()
            return keys_in_process(texts)
        results: list[list[Keys] | None] = [None] * len(chunks)
        results[-1] = keys_in_process(chunks[-1])
        for index in reversed(range(len(sent))):
            if not sent[index].cancel():
                break
            results[index] = keys_in_process(chunks[index])
        for index, future in enumerate(sent):
            if results[index] is None:
                try:
                    results[index] = future.result()
                except (BrokenExecutor, CancelledError, OSError):
                    self._give_up()
                    results[index] = keys_in_process(chunks[index])
        return [keys for chunk in results if chunk is not None for keys in chunk]

    def folds(self, texts: Sequence[str]) -> list[str]:
        """The fold of each text, in order, computed in this process (what a scan matches)."""
        if len(texts) < self._tables_from and not tables_built():
            return [names.fold(text) for text in texts]
        return folds_in_process(texts)

    def _started(self) -> Executor | None:
        if self._pool is None and self._wanted:
            try:
                self._pool = _start_pool()
            except (ImportError, OSError, ValueError):
                self._wanted = False
        return self._pool

    def _give_up(self) -> None:
        self._wanted = False
        self.close()

    def close(self) -> None:
        """Stop the workers (if any were started); later batches are keyed in this process."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> NameKeyer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
