"""Fixtures for the data-layer tests: a fresh database per test, and small helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import HeroRow, validate_create
from hero_desktop.data.sqlite.database import Database, open_database

AddHero = Callable[..., HeroRow]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "database.db"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    opened = open_database(db_path)
    yield opened
    opened.close()


@pytest.fixture
def repo(database: Database) -> HeroRepository:
    return HeroRepository(database)


@pytest.fixture
def add(repo: HeroRepository) -> AddHero:
    """Add a hero through validation, as the app does: add("Deadpond", age=30)."""

    def add_hero(name: str, age: int | str | None = None, secret_name: str = "Secret") -> HeroRow:
        return repo.create(validate_create({"name": name, "age": age, "secret_name": secret_name}))

    return add_hero
