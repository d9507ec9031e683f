"""Helpers shared by the PostgreSQL tests (plain functions)."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.location import ServerAddress, parse_location
from hero_desktop.data.models import HeroRow, validate_create
from hero_desktop.data.postgres.store import PostgresStore

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


def left_to_finish(store: PostgresStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """Structures an earlier Hero Desktop built, opened: read as they are, with what they
    lack left to the background's finish step, which from now on may key no name."""
    from hero_desktop.data.name_index_state import NameIndexStatus, NameIndexWork
    from hero_desktop.data.postgres import schema

    assert store.names.status is NameIndexStatus.READY
    assert store.names.unfinished
    assert store.names_ready()
    assert store.needs_name_index_build() is NameIndexWork.FINISH

    def no_rebuild(*args: object) -> int:
        raise AssertionError("every name keyed again")

    monkeypatch.setattr(schema, "build", no_rebuild)


def finished_once(store: PostgresStore, address: ServerAddress) -> int:
    """The finish step run, then again by another window that saw the same (nothing left to
    do), and ``store`` looking again: the name rows the first one read."""
    from hero_desktop.data.postgres.maintenance import build_name_index

    done = build_name_index(address, finish_only=True)
    assert build_name_index(address, finish_only=True) == 0
    store.recheck_name_index()
    assert not store.names.unfinished
    assert not store.needs_name_index_build()
    return done


def sample_every_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pager samples a search first, whatever the table's size, and reads every page of
    it (its figures exact: the tests' rosters fill few pages)."""
    from hero_desktop.data.postgres import paging

    for name, value in [
        ("SAMPLE_FIRST_FROM", 0),
        ("SAMPLE_PERCENT", 100),
        ("SAMPLED_PAGES_AT_LEAST", 1),
    ]:
        monkeypatch.setattr(paging, name, value)
