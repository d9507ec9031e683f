"""Helpers shared by the data-layer tests (plain functions, not fixtures)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from hero_desktop.data.models import validate_create

# The tutorials' own database files, kept in the repository (tests/fixtures/README.md
# says which tutorial wrote each and how), so a clone needs nothing beside it.
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def raw_rows(path: Path) -> list[tuple[object, ...]]:
    """Every hero as a separate plain sqlite3 connection sees it, by id."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT id, name, age, secret_name FROM hero ORDER BY id"
        ).fetchall()
    finally:
        connection.close()


def copy_fixture(name: str, folder: Path) -> Path:
    """A writable copy of one of the tutorials' own database files."""
    target = folder / name
    shutil.copyfile(FIXTURES / name, target)
    return target


def file_bytes(path: Path) -> bytes:
    return path.read_bytes()


def new_hero(name: str = "Tarantula") -> object:
    return validate_create({"name": name, "age": 32, "secret_name": "Natalia Roman-on"})
