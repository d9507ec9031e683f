"""Raw sqlite3 with the best query for a page, peer 3: the floor.

The floor is keyset paging with the previous page's last key already known
(``WHERE name = ? AND id > ?``, then ``WHERE name > ? ORDER BY name, id``): SQLite walks
the index straight to the page. Finding that key is left out of the timing,
which no real jump could do; that is what makes it a floor.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from hero_desktop.data.names import fold
from hero_desktop.data.sqlite.name_index import fts_query

COLUMNS = "id, name, age, secret_name"
Key = tuple[Any, ...]


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)


def _order(sort: str) -> str:
    return "id" if sort == "id" else f"{sort}, id"


def key_before(connection: sqlite3.Connection, sort: str, rank: int) -> Key | None:
    """The key of the row just before ``rank`` (None for the first page); untimed."""
    if rank == 0:
        return None
    keys = "id" if sort == "id" else f"{sort}, id"
    found = connection.execute(
        f"SELECT {keys} FROM hero ORDER BY {_order(sort)} LIMIT 1 OFFSET ?", (rank - 1,)
    ).fetchone()
    return tuple(found)


def page_after(
    connection: sqlite3.Connection, sort: str, key: Key | None, limit: int = 100
) -> list[tuple[Any, ...]]:
    """The ``limit`` rows after ``key`` in (sort, id) order; NULL ages come first."""
    if sort == "id":
        where, params = ("id > ?", key) if key else ("1", ())
        return connection.execute(
            f"SELECT {COLUMNS} FROM hero WHERE {where} ORDER BY id LIMIT {limit}", params
        ).fetchall()
    rows: list[tuple[Any, ...]] = []
    if sort == "age" and (key is None or key[0] is None):
        where, params = ("age IS NULL AND id > ?", (key[1],)) if key else ("age IS NULL", ())
        rows = connection.execute(
            f"SELECT {COLUMNS} FROM hero WHERE {where} ORDER BY id LIMIT {limit}", params
        ).fetchall()
        key = None
    if key is not None:
        # Two range scans: SQLite turns (k, id) > (?, ?) into k >= ? and then
        # filters every row of a repeated key, which the floor must not do.
        rows = connection.execute(
            f"SELECT {COLUMNS} FROM hero WHERE {sort} = ? AND id > ? ORDER BY id LIMIT {limit}",
            key,
        ).fetchall()
    if len(rows) < limit:
        if key is not None:
            where, params = f"{sort} > ?", (key[0],)
        else:
            where, params = (f"{sort} IS NOT NULL", ()) if sort == "age" else ("1", ())
        rows += connection.execute(
            f"SELECT {COLUMNS} FROM hero WHERE {where} ORDER BY {sort}, id "
            f"LIMIT {limit - len(rows)}",
            params,
        ).fetchall()
    return rows


def search(connection: sqlite3.Connection, needle: str, limit: int = 100) -> tuple[int, list[Any]]:
    """Count and first page (by id) through the trigram index of folded names the file holds."""
    match = fts_query(fold(needle))
    total = connection.execute(
        "SELECT count(*) FROM hero_desktop_fts WHERE hero_desktop_fts MATCH ?", (match,)
    ).fetchone()[0]
    rows = connection.execute(
        f"SELECT {COLUMNS} FROM hero WHERE id IN "
        "(SELECT rowid FROM hero_desktop_fts WHERE hero_desktop_fts MATCH ?) ORDER BY id LIMIT ?",
        (match, limit),
    ).fetchall()
    return int(total), rows
