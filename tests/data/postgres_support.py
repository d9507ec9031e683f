"""Helpers shared by the PostgreSQL tests (plain functions)."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.location import ServerAddress, parse_location
from hero_desktop.data.models import HeroRow, validate_create

HOSTILE = [
    "O'Brien",
    "'; DROP TABLE hero; --",
    'Robert"); DROP TABLE hero;--',
    "100% _real_ \\ hero",
    'Ærø\'s "quoted" name',
]
TUTORIAL_TABLE = """
CREATE TABLE hero (
    id SERIAL NOT NULL, name VARCHAR NOT NULL, age INTEGER,
    secret_name VARCHAR NOT NULL, PRIMARY KEY (id)
);
CREATE INDEX ix_hero_name ON hero (name);
CREATE INDEX ix_hero_age ON hero (age);
INSERT INTO hero (name, age, secret_name) VALUES
    ('Deadpond', NULL, 'Dive Wilson'), ('Spider-Boy', NULL, 'Pedro Parqueador'),
    ('Rusty-Man', 48, 'Tommy Sharp');
"""


def address_of(url: str) -> ServerAddress:
    address = parse_location(url)
    assert isinstance(address, ServerAddress)
    return address


def run(url: str, statement: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Another client (psql, say) running one statement."""
    with psycopg.connect(url, autocommit=True) as connection:
        cursor = connection.execute(statement.encode(), params)
        return cursor.fetchall() if cursor.description else []


def tables(url: str) -> set[str]:
    rows = run(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    return {str(row[0]) for row in rows}


def add(repo: HeroRepository, name: str, age: int | None = None) -> HeroRow:
    return repo.create(validate_create({"name": name, "age": age, "secret_name": "s"}))


def cancelled_as_each_index_ends(
    monkeypatch: pytest.MonkeyPatch, address: ServerAddress, index: str = ""
) -> str:
    """A background build of the name structures, cancelled as soon as the server has made
    an index (``schema._heard`` ended; only a statement naming ``index``, when given): it
    raises OperationCancelledError, whose message is returned."""
    from hero_desktop.data.errors import OperationCancelledError
    from hero_desktop.data.postgres import schema
    from hero_desktop.data.postgres.maintenance import build_name_index

    heard = schema._heard

    def cancelled_as_it_ends(connection: Any, statement: str, *args: Any) -> None:
        heard(connection, statement, *args)
        if index in statement:
            raise schema.BuildCancelledError()

    monkeypatch.setattr(schema, "_heard", cancelled_as_it_ends)
    with pytest.raises(OperationCancelledError) as cancelled:
        build_name_index(address)
    return cancelled.value.message
