"""Helpers shared by the name index tests (test_name_index.py, test_name_index_building.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hero_desktop.data import maintenance, names
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.sqlite import name_index
from hero_desktop.data.sqlite.database import open_database
from hero_desktop.data.sqlite.store import SqliteStore
from hero_desktop.data.store import HeroStore

EXAMPLES = {
    "zoe": ["Zoë", "ZOË", "zoe"],
    "zoë": ["Zoë", "ZOË", "zoe"],
    "muller": ["Müller"],
    "ANGS": ["Ångström"],
    "strasse": ["Straße"],
    "sen": ["Señora"],
    "lukasz": ["Łukasz"],
    "oystein": ["Øystein"],
    "Δημ": ["δημήτρης"],
}
ROSTER = ["Zoë", "ZOË", "zoe", "Müller", "Ångström", "Straße", "Señora", "Łukasz"]
ROSTER += ["Øystein", "δημήτρης", "Zed", "adam", "Aaron", "Ægir", "Bob"]


def insert_elsewhere(path: Path, names_: list[str]) -> None:
    """Insert as another program would (a plain sqlite3 connection)."""
    connection = sqlite3.connect(path)
    connection.executemany(
        "INSERT INTO hero (name, secret_name) VALUES (?, 's')", [(n,) for n in names_]
    )
    connection.commit()
    connection.close()


def tutorial_file(path: Path, names_: list[str]) -> Path:
    """A file as the tutorial's app makes it (no Hero Desktop structures, rollback journal)."""
    connection = sqlite3.connect(path)
    connection.execute(
        "CREATE TABLE hero (id INTEGER NOT NULL, name VARCHAR NOT NULL, age INTEGER, "
        "secret_name VARCHAR NOT NULL, PRIMARY KEY (id))"
    )
    connection.execute("CREATE INDEX ix_hero_name ON hero (name)")
    connection.executemany(
        "INSERT INTO hero (name, secret_name) VALUES (?, 's')", [(n,) for n in names_]
    )
    connection.commit()
    connection.close()
    return path


def paged_ids(repo: HeroRepository, query: HeroQuery, count: int, limit: int) -> list[int]:
    """The ids of ``query``'s pages of ``limit`` heroes, one past the last (``count``) too."""
    return [
        hero.id
        for offset in range(0, count + limit, limit)
        for hero in repo.page(query, offset=offset, limit=limit)
    ]


def searched(repo: HeroRepository, needle: str, sort: SortKey = SortKey.NAME) -> list[str]:
    return [hero.name for hero in repo.iterate(HeroQuery(search=needle, sort=sort))]


def schema(path: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT * FROM sqlite_schema ORDER BY name").fetchall()
    finally:
        connection.close()


def journal_mode(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        connection.close()


def add_index(path: Path, progress: name_index.Progress | None = None) -> int:
    """Add Index as the window does it: the file is open, the build gets only its path."""
    database = open_database(path)
    try:
        return maintenance.build_name_index(path, progress)
    finally:
        database.close()


def name_rows_agree(database: HeroStore) -> None:
    """Every hero has its name row, computed by the rules, and the log is empty."""
    assert isinstance(database, SqliteStore)
    connection = database.connection
    heroes = connection.execute("SELECT id, name FROM hero ORDER BY id").fetchall()
    rows = connection.execute("SELECT id, fold, sort_key FROM hero_desktop_name ORDER BY id")
    assert rows.fetchall() == [(i, names.fold(n), names.sort_key(n)) for i, n in heroes]
    assert connection.execute("SELECT count(*) FROM hero_desktop_pending").fetchone()[0] == 0
    fts = name_index.FTS_TABLE
    connection.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
    if name_index.has_pairs(connection):
        pairs_agree(connection)


def pairs_agree(connection: sqlite3.Connection) -> None:
    """The pairs index holds, for each character and pair of characters of the folds, exactly
    the name rows holding it: nothing of a name gone or changed, nothing missing."""
    expected: set[tuple[str, int]] = set()
    for hero_id, fold in connection.execute("SELECT id, fold FROM hero_desktop_name"):
        spread = name_index.spread(fold)
        expected.update((spread[i : i + 3], hero_id) for i in range(len(spread) - 2))
    pairs = name_index.PAIRS_TABLE
    connection.execute(f"INSERT INTO {pairs}({pairs}) VALUES ('integrity-check')")
    vocabulary = "temp.pairs_vocabulary"
    connection.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {vocabulary} USING fts5vocab(main, {pairs}, instance)"
    )
    held = connection.execute(f"SELECT term, doc FROM {vocabulary}").fetchall()
    assert len(held) == len(expected)
    assert set(held) == expected
