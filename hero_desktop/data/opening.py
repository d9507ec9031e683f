"""Opening the store for a location: a SQLite file, or a database on a PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

from hero_desktop.data.location import ServerAddress
from hero_desktop.data.store import HeroStore


def open_store(location: Path | ServerAddress, *, read_only: bool = False) -> HeroStore:
    """Open (or create) the heroes at ``location``; raises the data layer's typed errors.

    The PostgreSQL driver is imported only when a server is opened.
    """
    if isinstance(location, ServerAddress):
        from hero_desktop.data.postgres.opening import open_server

        return open_server(location, read_only=read_only)
    from hero_desktop.data.sqlite.database import open_database

    return open_database(location, read_only=read_only)
