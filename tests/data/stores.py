"""The stores the contract suite runs on, each behind the same small harness.

A harness opens connections to one fresh database of its engine: the one
the test works on, a second one ("another program" committing meanwhile),
and a read-only one. Adding an engine means adding a harness here and its
name to ``STORE_KINDS``; ``test_store_contract.py`` does not change.

The PostgreSQL harness works on a fresh database of the session's throwaway
server (``tests/postgres_server.py``, the ``postgres_database`` fixture).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from hero_desktop.data.location import ServerAddress, parse_location
from hero_desktop.data.postgres.opening import open_server
from hero_desktop.data.sqlite.database import open_database
from hero_desktop.data.store import HeroStore

STORE_KINDS = ["sqlite", "postgresql"]


class StoreHarness:
    """Opens connections to one database (``opener(read_only)``) and closes them all at the end.

    ``location`` is the database's address as a value (for ``maintenance``).
    """

    def __init__(self, location: Path | ServerAddress, opener: Callable[[bool], HeroStore]) -> None:
        self.location = location
        self._opener = opener
        self._opened: list[HeroStore] = []

    def open(self, *, read_only: bool = False) -> HeroStore:
        """A new connection to the harness's database (closed by ``close_all``)."""
        store = self._opener(read_only)
        self._opened.append(store)
        return store

    def close_all(self) -> None:
        for store in reversed(self._opened):
            store.close()
        self._opened.clear()


def sqlite_harness(folder: Path) -> StoreHarness:
    """A SQLite file in the test's temporary folder."""
    path = folder / "contract.db"
    return StoreHarness(path, lambda read_only: open_database(path, read_only=read_only))


def postgres_harness(url: str) -> StoreHarness:
    """A fresh database on the session's PostgreSQL server."""
    address = parse_location(url)
    assert isinstance(address, ServerAddress)
    return StoreHarness(address, lambda read_only: open_server(address, read_only=read_only))


def make_harness(kind: str, folder: Path, request: pytest.FixtureRequest) -> StoreHarness:
    if kind == "sqlite":
        return sqlite_harness(folder)
    if kind == "postgresql":
        return postgres_harness(str(request.getfixturevalue("postgres_database")))
    raise ValueError(f"no store harness for {kind!r}")
