"""Opening the store for a location: a SQLite file, or a database on a PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

from hero_desktop.data.location import ServerAddress
from hero_desktop.data.store import HeroStore


def load_file_store() -> None:
    """Import what opening a SQLite file needs (about 8 ms of Python), without opening one.

    The window calls this before it starts its data worker: imported there, the
    same code would wait for Python's lock behind the window's own set-up, and the
    first page would come later. (A server's driver loads in the worker: the
    network takes longer than the wait.)
    """
    import hero_desktop.data.sqlite.database  # noqa: F401


def open_store(location: Path | ServerAddress, *, read_only: bool = False) -> HeroStore:
    """Open (or create) the heroes at ``location``; raises the data layer's typed errors.

    The PostgreSQL driver is imported only when a server is opened.
    """
    if isinstance(location, ServerAddress):
        from hero_desktop.data.postgres.opening import open_server

        return open_server(location, read_only=read_only)
    from hero_desktop.data.sqlite.database import open_database

    return open_database(location, read_only=read_only)
