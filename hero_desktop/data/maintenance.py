"""Maintenance beside the data worker: plain functions of values, callable from any thread.

The data worker's store keeps its connection to itself (one owner per
connection). Work that runs beside it (building the name index in a
``QThread``, the integrity check in a thread pool) gets the location and a
callback, never the store: each function opens a connection of its own in
the calling thread, works out on it whatever it needs to know (WAL mode,
the name structures' state, a backlog, the role's rights), and closes it
before returning. A driver is imported only when its engine is used, as in
``opening.open_store``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hero_desktop.data.location import ServerAddress

Progress = Callable[[int, int], bool]
"""``progress(done, total)``; returning False cancels. It may be asked from a thread of the
build's own while an index is sorted (PostgreSQL), so it must be safe to call from any."""


def build_name_index(
    location: Path | ServerAddress,
    progress: Progress | None = None,
    *,
    read_only: bool = False,
    finish_only: bool = False,
) -> int:
    """Add (or rebuild) the name structures at ``location``; return the heroes indexed.

    A file is switched to WAL mode first (the window's connection keeps
    reading while the build holds the write lock). One transaction:
    ``progress`` returning False cancels it (OperationCancelledError) and
    leaves the database as it was. On a server whose structures are in place
    but whose change log holds a backlog (an import), the backlog is keyed
    in batches instead, each committed (a cancel keeps what was done).
    ``read_only`` (the store was opened read-only), a file that cannot be
    written or a role that may not write is refused (ReadOnlyDatabaseError).
    ``finish_only`` (``NameIndexWork.FINISH``): the structures were current but
    for a part added since; add only that, and nothing (0) when another build
    added it meanwhile (another window on the same file), never a rebuild.
    """
    if isinstance(location, ServerAddress):
        from hero_desktop.data.postgres import maintenance as postgres

        return postgres.build_name_index(
            location, progress, read_only=read_only, finish_only=finish_only
        )
    from hero_desktop.data.sqlite import maintenance as sqlite

    return sqlite.build_name_index(location, progress, read_only=read_only, finish_only=finish_only)


def name_counts_differ(location: Path | ServerAddress, stop: Callable[[], bool]) -> bool:
    """True when a big file's name structures miss heroes or hold gone ones (then rebuilt).

    The store checks that when it opens a small file, and a server at once;
    a big file's two counts (seconds on ten million heroes after a reboot)
    are made here, beside the data worker, so that no page waits for them.
    ``stop()`` turning true ends it early (False).
    """
    if isinstance(location, ServerAddress):
        return False
    from hero_desktop.data.sqlite import maintenance as sqlite

    return sqlite.name_counts_differ(location, stop)


def check_integrity(location: Path | ServerAddress, stop: Callable[[], bool]) -> str | None:
    """What is wrong with the stored data, or None (also when the check could not finish).

    A file gets SQLite's quick check, which reads all of it; ``stop()``
    turning true ends it early (None). A server guards its own storage:
    always None.
    """
    if isinstance(location, ServerAddress):
        from hero_desktop.data.postgres import maintenance as postgres

        return postgres.check_integrity(location, stop)
    from hero_desktop.data.sqlite import maintenance as sqlite

    return sqlite.check_integrity(location, stop)
