"""Name structures for a file Hero Desktop may not change, kept in a file of its own.

On a file opened as found (no consent to the name index yet, Not Now, a
read-only file or medium, ``--read-only``) nothing may be written to it, yet
search and name order need the keys of ``names.py``. They are kept in Hero
Desktop's cache folder (``$XDG_CACHE_HOME/hero-desktop/names``, never beside
the user's file), in a cache file named by a digest of the file's identity
(resolved path, device, inode: a file replaced under the same name is
another file) and a build number (a rebuild makes a new file, so a reader
still attached to the old one never sees it change under it).

A cache file holds the structures of ``name_index.py`` under the same names
(``hero_desktop_name`` with its ``(sort_key, id)`` index, the FTS5 trigram
table over ``fold``; and an index of the folds alone, for short searches),
so the pagers read it by qualifying those tables with the schema it is
attached under (``SCHEMA``). The trigram index is added once the name rows
are in use (``add_trigrams``, with the index of the folds): about 2 s more per
million heroes, and until then a search scans the folds (about 0.2-0.5 s
per million heroes).
Each row also keeps the hero's ``name`` as it was keyed: comparing ``(id, name)``
with the file's ``hero`` (``differences``) is how a cache is checked against
the file and brought up to date after another program's commit.

Everything here runs on the keeper's connection (name_cache_keeper.py):
the user's file, read-only, as ``main``; the cache file attached as ``CACHE``.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path

from hero_desktop.data import names
from hero_desktop.data.cache_folder import cache_folder
from hero_desktop.data.name_index_state import BATCH
from hero_desktop.data.name_keyer import NameKeyer
from hero_desktop.data.sqlite import files, name_index
from hero_desktop.data.sqlite.name_index import FTS_TABLE, META_TABLE, NAME_TABLE

SCHEMA = "hero_desktop_cache"
"""The name the reading connection attaches a cache file under (read-only)."""
CACHE = "cache"
"""The name the keeper's connection attaches the cache file it keeps under."""
BUILD = "build"
FOLD_INDEX = "hero_desktop_cache_fold"
FORMAT = "3"
"""The cache file's layout; a cache of another layout is built anew."""
SUFFIX = ".sqlite"
Progress = Callable[[int, int], bool]
"""``progress(done, total)``; returning False stops the build (BuildStoppedError)."""


class BuildStoppedError(Exception):
    """The build was stopped (the window closed); its file was removed."""


def folder() -> Path:
    """Hero Desktop's cache folder for name caches."""
    return cache_folder() / "names"


def identity(path: Path) -> str:
    """The digest that names the caches of the file at ``path`` (which must exist)."""
    resolved = path.resolve()
    found = resolved.stat()
    text = f"{resolved}\0{found.st_dev}\0{found.st_ino}"
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _files(digest: str) -> list[Path]:
    """This identity's cache files, newest build first."""
    return sorted(folder().glob(f"{digest}-*{SUFFIX}"), reverse=True)


def remove(cache: Path) -> None:
    """A cache file and SQLite's files beside it (missing ones are fine)."""
    for part in (cache, *(cache.with_name(cache.name + end) for end in ("-wal", "-shm"))):
        with suppress(OSError):
            part.unlink()


def forget(digest: str) -> None:
    """Remove every cache of this identity (the file has name structures of its own now)."""
    for cache in _files(digest):
        remove(cache)


UNUSED_DAYS = 60
"""A cache not opened for this long is removed (its file was moved, deleted or indexed)."""


def prune(now: float | None = None) -> None:
    """Remove caches not opened for ``UNUSED_DAYS`` (opening one marks it used)."""
    oldest = (time.time() if now is None else now) - UNUSED_DAYS * 86_400
    for cache in folder().glob(f"*{SUFFIX}"):
        with suppress(OSError):
            if cache.stat().st_mtime < oldest:
                remove(cache)


def identity_of(cache: Path) -> str:
    """The identity a cache file was made for (``new_file``'s ``digest``)."""
    return cache.name.removesuffix(SUFFIX).rsplit("-", 1)[0]


def new_file(digest: str) -> Path:
    """The path of a new build (its number sorts after every earlier one).

    The folders are made readable by the user alone (as the XDG base
    directory rules ask): the cache holds the names of someone's heroes.
    """
    names_folder = folder()
    names_folder.parent.parent.mkdir(parents=True, exist_ok=True)
    for made in (names_folder.parent, names_folder):
        made.mkdir(mode=0o700, exist_ok=True)
    return names_folder / f"{digest}-{time.time_ns():020d}{SUFFIX}"


def attach(connection: sqlite3.Connection, cache: Path, schema: str, mode: str) -> None:
    connection.execute("ATTACH DATABASE ? AS " + schema, (files.uri(cache, mode),))


def detach(connection: sqlite3.Connection, schema: str) -> None:
    with suppress(sqlite3.Error):
        connection.execute("DETACH DATABASE " + schema)


def is_current(connection: sqlite3.Connection, schema: str) -> bool:
    """The attached cache was built to the end under today's rules."""
    try:
        found = dict(connection.execute(f"SELECT key, value FROM {schema}.{META_TABLE}").fetchall())
    except sqlite3.Error:
        return False
    return (
        found.get("complete") == "1"
        and found.get("format") == FORMAT
        and found.get("rule_version") == names.rule_version()
    )


def open_newest(connection: sqlite3.Connection, digest: str) -> Path | None:
    """Attach this identity's newest complete cache as ``CACHE``; remove the others."""
    chosen: Path | None = None
    for cache in _files(digest):
        if chosen is None:
            try:
                attach(connection, cache, CACHE, "rw")
            except sqlite3.Error:
                remove(cache)
                continue
            if is_current(connection, CACHE):
                chosen = cache
                with suppress(OSError):
                    os.utime(cache)  # used: ``prune`` keeps it
                continue
            detach(connection, CACHE)
        remove(cache)
    return chosen


def _rows(connection: sqlite3.Connection, after: int) -> list[tuple[int, object]]:
    return connection.execute(
        "SELECT id, name FROM main.hero WHERE id > ? ORDER BY id LIMIT ?", (after, BATCH)
    ).fetchall()


def build(connection: sqlite3.Connection, digest: str, progress: Progress) -> Path:
    """Key every hero of the file into a new cache file; return it (not attached).

    The file's heroes are read a batch at a time, each batch its own read,
    so another program is never kept waiting; what it commits meanwhile is
    followed by ``differences`` afterwards. The new file is written without
    a journal (a failed build is removed, never used) and switched to WAL
    mode when complete, so that the keeper writes while windows read.
    """
    cache = new_file(digest)
    total = int(connection.execute("SELECT count(*) FROM main.hero").fetchone()[0])
    attach(connection, cache, BUILD, "rwc")
    try:
        connection.execute(f"PRAGMA {BUILD}.journal_mode = OFF")
        connection.execute(f"PRAGMA {BUILD}.synchronous = OFF")
        _create(connection, BUILD)
        done = last = 0
        with NameKeyer(total) as keyer:
            rows = _rows(connection, last)
            while rows:
                _insert(connection, rows, keyer)
                done, last = done + len(rows), int(rows[-1][0])
                if progress(done, max(total, done)) is False:
                    raise BuildStoppedError()
                rows = _rows(connection, last)
        connection.execute("BEGIN")
        name_index.create_order_index(connection, BUILD)
        connection.execute(
            f"INSERT INTO {BUILD}.{META_TABLE}(key, value) VALUES ('rule_version', ?), "
            "('format', ?), ('complete', '1')",
            (names.rule_version(), FORMAT),
        )
        connection.execute("COMMIT")
        connection.execute(f"PRAGMA {BUILD}.journal_mode = WAL")
        connection.execute(f"PRAGMA {BUILD}.synchronous = NORMAL")
    except BaseException:
        with suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        detach(connection, BUILD)
        remove(cache)
        raise
    detach(connection, BUILD)
    return cache


def _create(connection: sqlite3.Connection, schema: str) -> None:
    for statement in (
        f"CREATE TABLE {schema}.{META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        # ``name`` has no type: it keeps the value as the file holds it, for the comparison.
        f"CREATE TABLE {schema}.{NAME_TABLE} "
        "(id INTEGER PRIMARY KEY, name, fold TEXT NOT NULL, sort_key BLOB NOT NULL)",
    ):
        connection.execute(statement)


def _insert(
    connection: sqlite3.Connection, rows: list[tuple[int, object]], keyer: NameKeyer
) -> None:
    """Name rows for a build (the order index is made in one pass at the end)."""
    keys = keyer.keys([name for _, name in rows])
    keyed = [
        (hero_id, name, fold, sort_key)
        for (hero_id, name), (fold, sort_key) in zip(rows, keys, strict=True)
    ]
    # One transaction per batch (autocommit would commit every row on its own), and only
    # on the cache: the file's rows were read before it began.
    connection.execute("BEGIN")
    connection.executemany(
        f"INSERT INTO {BUILD}.{NAME_TABLE}(id, name, fold, sort_key) VALUES (?, ?, ?, ?)", keyed
    )
    connection.execute("COMMIT")


def has_trigrams(connection: sqlite3.Connection) -> bool:
    found = connection.execute(
        f"SELECT 1 FROM {CACHE}.sqlite_schema WHERE name = ?", (FTS_TABLE,)
    ).fetchone()
    return found is not None


def add_trigrams(connection: sqlite3.Connection) -> None:
    """Add the search indexes to the kept cache, in one transaction (readers go on meanwhile).

    The trigram index, and the folds alone: narrower than the rows (which keep
    the names too), so counting the matches of one or two letters scans them
    in half the time.
    """
    connection.execute("BEGIN")
    try:
        connection.execute(f"CREATE INDEX IF NOT EXISTS {CACHE}.{FOLD_INDEX} ON {NAME_TABLE}(fold)")
        connection.execute(
            f"CREATE VIRTUAL TABLE {CACHE}.{FTS_TABLE} USING fts5(fold, content='{NAME_TABLE}', "
            "content_rowid='id', tokenize='trigram case_sensitive 1', columnsize=0)"
        )
        name_index.rebuild_fts(connection, CACHE)
        connection.execute("COMMIT")
    except BaseException:
        with suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise


def differences(
    connection: sqlite3.Connection, limit: int
) -> tuple[list[tuple[int, object]], list[int]] | None:
    """What the cache must change to match the file: (heroes new or renamed, ids gone).

    One read of the file (a consistent snapshot): its heroes in id order,
    each looked up in the cache by id. None when more than ``limit`` heroes
    differ: a rebuild is then quicker than following (a file rewritten, the
    hero table made anew).
    """
    connection.execute("BEGIN")
    cursor = connection.cursor()
    try:
        heroes = int(connection.execute("SELECT count(*) FROM main.hero").fetchone()[0])
        cached = int(connection.execute(f"SELECT count(*) FROM {CACHE}.{NAME_TABLE}").fetchone()[0])
        changed: list[tuple[int, object]] = []
        added = 0
        # NOT INDEXED: the hero table in id order (the name index would look the cache up
        # in random order, several times slower).
        for hero_id, name, new in cursor.execute(
            f"SELECT h.id, h.name, n.id IS NULL FROM main.hero h NOT INDEXED "
            f"LEFT JOIN {CACHE}.{NAME_TABLE} n ON n.id = h.id "
            "WHERE n.id IS NULL OR n.name IS NOT h.name"
        ):
            changed.append((int(hero_id), name))
            added += int(new)
            if len(changed) > limit:
                return None
        gone: list[int] = []
        if cached + added != heroes:  # else every cached id is still a hero
            gone = [
                int(row[0])
                for row in connection.execute(
                    f"SELECT n.id FROM {CACHE}.{NAME_TABLE} n "
                    "WHERE NOT EXISTS (SELECT 1 FROM main.hero h WHERE h.id = n.id)"
                )
            ]
            if len(changed) + len(gone) > limit:
                return None
        return changed, gone
    finally:
        cursor.close()
        connection.execute("COMMIT")


def differences_of(
    connection: sqlite3.Connection, ids: Iterable[int]
) -> tuple[list[tuple[int, object]], list[int]]:
    """``differences`` for the heroes with these ids only (Hero Desktop's own changes)."""
    wanted = sorted(set(ids))
    changed: list[tuple[int, object]] = []
    gone: list[int] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        heroes = dict(
            connection.execute(f"SELECT id, name FROM main.hero WHERE id IN ({marks})", chunk)
        )
        cached = dict(
            connection.execute(
                f"SELECT id, name FROM {CACHE}.{NAME_TABLE} WHERE id IN ({marks})", chunk
            )
        )
        for hero_id in chunk:
            if hero_id in heroes:
                if hero_id not in cached or cached[hero_id] != heroes[hero_id]:
                    changed.append((hero_id, heroes[hero_id]))
            elif hero_id in cached:
                gone.append(hero_id)
    return changed, gone


def apply(
    connection: sqlite3.Connection, changed: list[tuple[int, object]], gone: list[int]
) -> None:
    """Write ``differences`` into the cache, in one transaction."""
    if not changed and not gone:
        return
    name_table, fts = f"{CACHE}.{NAME_TABLE}", f"{CACHE}.{FTS_TABLE}"
    trigrams = has_trigrams(connection)
    stale = [(hero_id,) for hero_id, _ in changed] + [(hero_id,) for hero_id in gone]
    # Keyed before the transaction: the cache's write lock is held only while writing.
    with NameKeyer(len(changed)) as keyer:
        batches = [changed[start : start + BATCH] for start in range(0, len(changed), BATCH)]
        keyed = [(batch, keyer.keys([name for _, name in batch])) for batch in batches]
    connection.execute("BEGIN")
    try:
        if trigrams:
            # External content: the FTS index needs the old folds to remove them.
            connection.executemany(
                f"INSERT INTO {fts}({FTS_TABLE}, rowid, fold) "
                f"SELECT 'delete', id, fold FROM {name_table} WHERE id = ?",
                stale,
            )
        connection.executemany(f"DELETE FROM {name_table} WHERE id = ?", stale)
        for batch, keys in keyed:
            rows = [
                (hero_id, name, fold, sort_key)
                for (hero_id, name), (fold, sort_key) in zip(batch, keys, strict=True)
            ]
            connection.executemany(
                f"INSERT INTO {name_table}(id, name, fold, sort_key) VALUES (?, ?, ?, ?)", rows
            )
            if trigrams:
                connection.executemany(
                    f"INSERT INTO {fts}(rowid, fold) VALUES (?, ?)",
                    [(hero_id, fold) for hero_id, _, fold, _ in rows],
                )
        connection.execute("COMMIT")
    except BaseException:
        with suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise
