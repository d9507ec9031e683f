"""Fixtures for the data-layer tests: a fresh database per test, and small helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import HeroRow, validate_create
from hero_desktop.data.sqlite.database import open_database
from hero_desktop.data.sqlite.store import SqliteStore

if TYPE_CHECKING:
    from hero_desktop.data.postgres.store import PostgresStore

AddHero = Callable[..., HeroRow]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "database.db"


@pytest.fixture
def database(db_path: Path) -> Iterator[SqliteStore]:
    opened = open_database(db_path)
    yield opened
    opened.close()


@pytest.fixture
def repo(database: SqliteStore) -> HeroRepository:
    return HeroRepository(database)


@pytest.fixture
def add(repo: HeroRepository) -> AddHero:
    """Add a hero through validation, as the app does: add("Deadpond", age=30)."""

    def add_hero(name: str, age: int | str | None = None, secret_name: str = "Secret") -> HeroRow:
        return repo.create(validate_create({"name": name, "age": age, "secret_name": secret_name}))

    return add_hero


@pytest.fixture
def store(postgres_database: str) -> Iterator[PostgresStore]:
    """The PostgreSQL store on the test's fresh database of the throwaway server.

    For test_postgres_store.py and test_postgres_review.py; the contract suite
    (test_store_contract.py) has its own ``store`` fixture, one per engine.
    """
    from hero_desktop.data.location import ServerAddress, parse_location
    from hero_desktop.data.postgres.opening import open_server

    address = parse_location(postgres_database)
    assert isinstance(address, ServerAddress)
    opened = open_server(address)
    yield opened
    opened.close()
