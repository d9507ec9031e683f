"""Helpers shared by the CSV tests (test_csv_io.py, test_csv_reading.py)."""

from __future__ import annotations

from pathlib import Path

from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import HeroCreate
from hero_desktop.data.sqlite.store import SqliteStore

SPREADSHEET_ROWS = [(1, "Deadpond", None, "Dive Wilson"), (2, "Rusty-Man", 48, "Tommy Sharp")]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def rows(database: SqliteStore) -> list[tuple[object, ...]]:
    return database.connection.execute(
        "SELECT id, name, age, secret_name FROM hero ORDER BY id"
    ).fetchall()


def add_hero(repository: HeroRepository, name: str, age: int | None, secret: str) -> None:
    repository.create(HeroCreate(name=name, age=age, secret_name=secret))
