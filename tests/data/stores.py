"""The stores the contract suite runs on, each behind the same small harness.

A harness opens connections to one fresh database of its engine: the one
the test works on, a second one ("another program" committing meanwhile),
and a read-only one. Adding an engine (PostgreSQL) means adding a harness
here and its name to ``STORE_KINDS``; ``test_store_contract.py`` does not change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from hero_desktop.data.sqlite.database import open_database
from hero_desktop.data.store import HeroStore

STORE_KINDS = ["sqlite"]


class StoreHarness(Protocol):
    def open(self, *, read_only: bool = False) -> HeroStore:
        """A new connection to the harness's database (closed by ``close_all``)."""
        ...

    def close_all(self) -> None: ...


class SqliteHarness:
    """A SQLite file in the test's temporary folder."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "contract.db"
        self._opened: list[HeroStore] = []

    def open(self, *, read_only: bool = False) -> HeroStore:
        store = open_database(self.path, read_only=read_only)
        self._opened.append(store)
        return store

    def close_all(self) -> None:
        for store in reversed(self._opened):
            store.close()
        self._opened.clear()


def make_harness(kind: str, folder: Path) -> StoreHarness:
    if kind == "sqlite":
        return SqliteHarness(folder)
    raise ValueError(f"no store harness for {kind!r}")
