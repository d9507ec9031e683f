"""The stores the contract suite runs on, each behind the same small harness.

A harness opens connections to one fresh database of its engine: the one
the test works on, a second one ("another program" committing meanwhile),
and a read-only one. Adding an engine means adding a harness here and its
name to ``STORE_KINDS``; ``test_store_contract.py`` does not change.

The PostgreSQL harness works on a fresh database of the session's throwaway
server (``tests/postgres_server.py``, the ``postgres_database`` fixture).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import pytest

from hero_desktop.data.location import ServerAddress, parse_location
from hero_desktop.data.postgres.opening import open_server
from hero_desktop.data.sqlite.database import open_database
from hero_desktop.data.store import HeroStore

STORE_KINDS = ["sqlite", "postgresql"]


class StoreHarness(Protocol):
    def open(self, *, read_only: bool = False) -> HeroStore:
        """A new connection to the harness's database (closed by ``close_all``)."""
        ...

    def close_all(self) -> None: ...


class Harness:
    """Keeps the stores a test opened, to close them all at its end."""

    def __init__(self) -> None:
        self._opened: list[HeroStore] = []

    def _opening(self, read_only: bool) -> HeroStore:
        raise NotImplementedError

    def open(self, *, read_only: bool = False) -> HeroStore:
        store = self._opening(read_only)
        self._opened.append(store)
        return store

    def close_all(self) -> None:
        for store in reversed(self._opened):
            store.close()
        self._opened.clear()


class SqliteHarness(Harness):
    """A SQLite file in the test's temporary folder."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.path = folder / "contract.db"

    def _opening(self, read_only: bool) -> HeroStore:
        return open_database(self.path, read_only=read_only)


class PostgresHarness(Harness):
    """A fresh database on the session's PostgreSQL server."""

    def __init__(self, url: str) -> None:
        super().__init__()
        address = parse_location(url)
        assert isinstance(address, ServerAddress)
        self.address = address

    def _opening(self, read_only: bool) -> HeroStore:
        return open_server(self.address, read_only=read_only)


def make_harness(kind: str, folder: Path, request: pytest.FixtureRequest) -> StoreHarness:
    if kind == "sqlite":
        return SqliteHarness(folder)
    if kind == "postgresql":
        return PostgresHarness(str(request.getfixturevalue("postgres_database")))
    raise ValueError(f"no store harness for {kind!r}")
