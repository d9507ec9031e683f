"""The name structures in a hero file: folded names, sort keys, a trigram index.

``names.py`` defines the rules; this module keeps their results in the file
so that search and name order are instant at any size:

* ``hero_desktop_name(id, fold, sort_key)``: one row per hero, with an index
  on ``(sort_key, id)`` (the name order, walked by the pager);
* ``hero_desktop_fts``: an FTS5 trigram index over ``fold`` (external
  content, case-sensitive: the fold already set case aside), which finds
  exactly the names containing a search of three or more folded characters;
* ``hero_desktop_pairs``: an FTS5 trigram index, contentless and without
  positions, over each fold with ``SEPARATOR`` before, between and after its
  characters (``spread``): each character ``c`` is then the trigram
  ``SEPARATOR c SEPARATOR`` and each pair ``ab`` the trigram ``a SEPARATOR b``,
  so one token finds exactly the names holding a search of one or two folded
  characters, which no trigram of the fold itself does (``pairs_query``).
  It is read only where the stored rule version bears ``PAIRS_MARK``. Files
  an earlier Hero Desktop indexed (or rebuilt since) lack a current one,
  and so do files a big import left it to the background (``BulkNames``):
  they are read as they are (short searches scan the folds) until ``add``
  adds it alone;
* ``hero_desktop_pending(id)``: a change log filled by three triggers on
  ``hero`` that use SQLite built-ins only, so the tutorial's app (or any
  program) keeps inserting, updating and deleting, and every row it touches
  is logged in its own transaction;
* ``hero_desktop_meta``: the rule version the rows were computed under.

Hero Desktop turns the log into name rows (``process_pending``) in the same
transaction as its own writes, and after another program's commit (the
live view's poll). A changed rule version, a missing trigger or counts that
disagree make ``status`` say the structures must be rebuilt; the build is
one transaction (``build``), cancellable, with progress, idempotent. What
each status means and when Hero Desktop builds is engine-neutral:
``hero_desktop.data.name_index_state``.

The older ``hero_search`` FTS table and its triggers (files Hero Desktop
made before) are dropped by ``build``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from contextlib import suppress

from hero_desktop.data import names
from hero_desktop.data.errors import OperationCancelledError
from hero_desktop.data.name_index_state import BATCH, NameIndexStatus
from hero_desktop.data.name_keyer import NameKeyer
from hero_desktop.data.sqlite.errors import translate_error
from hero_desktop.data.store import KeyedBatch
from hero_desktop.data.words import Words


class SqliteNameIndexWords(Words):
    """The translation context of building a SQLite file's name index."""


PREFIX = "hero_desktop_"
NAME_TABLE = "hero_desktop_name"
FTS_TABLE = "hero_desktop_fts"
PAIRS_TABLE = "hero_desktop_pairs"
PAIRS_MARK = "+pairs"
"""Added to the stored rule version where the pairs index is current. An earlier Hero
Desktop, which knows nothing of the pairs index and would leave it stale, then finds the
structures computed under other rules and rebuilds its own (dropping the mark); this
version reads the pairs index only under the mark, and adds it anew without it."""
SEPARATOR = "\x01"
"""Put around each character of a fold in the pairs index. No fold holds it: a fold's
characters are primary weights, none below U+0020."""
PENDING_TABLE = "hero_desktop_pending"
META_TABLE = "hero_desktop_meta"
ORDER_INDEX = "hero_desktop_name_order"
ORDER_COLUMNS = ("sort_key", "id", "fold")
"""The name order's index. The fold is in it so that a walk along the order that
tests each name reads the index alone (about 0.07 us a row, against 1-3 us with a
look-up of each row's fold: "wolf" sorted by name on ten million heroes, its first
page 66,550 rows along, 5 ms against 105 ms); it costs about 15 MB a million heroes."""
LEGACY_SEARCH_TABLE = "hero_search"
TRIGGERS = {
    "hero_desktop_pending_insert": "AFTER INSERT ON hero BEGIN "
    f"INSERT OR IGNORE INTO {PENDING_TABLE}(id) VALUES (new.id); END",
    "hero_desktop_pending_update": "AFTER UPDATE OF id, name ON hero BEGIN "
    f"INSERT OR IGNORE INTO {PENDING_TABLE}(id) VALUES (old.id); "
    f"INSERT OR IGNORE INTO {PENDING_TABLE}(id) VALUES (new.id); END",
    "hero_desktop_pending_delete": "AFTER DELETE ON hero BEGIN "
    f"INSERT OR IGNORE INTO {PENDING_TABLE}(id) VALUES (old.id); END",
}
BULK_PENDING = 100_000
"""From this many logged heroes on, the FTS index is rebuilt in one pass."""
REBUILD_HASH_BYTES = 32 * 1024 * 1024
"""New FTS index held in memory by a rebuild before it writes a segment (FTS5's
``hashsize``). At FTS5's default of 1 MB a million folds make 32 times as many
segments to merge: a rebuild took 1.73 s there, 0.98 s at 32 MB."""
DEFAULT_HASH_BYTES = 1024 * 1024
"""FTS5's own ``hashsize``, which every other write keeps (their changes are small)."""

Progress = Callable[[int, int], bool]


class BuildCancelledError(Exception):
    """The user cancelled a build; the transaction was rolled back."""


def rebuild_fts(
    connection: sqlite3.Connection, schema: str = "main", hash_bytes: int = REBUILD_HASH_BYTES
) -> None:
    """Rebuild the FTS index from the name rows in one pass, with a big in-memory hash
    (``hash_bytes``).

    The rows are indexed in id order (the table read ``NOT INDEXED``). FTS5's
    own ``'rebuild'`` reads them in whatever order the planner likes: in a
    name cache, through its index of the folds (narrower than the table), so
    in fold order. FTS5 then writes its in-memory hash out at every smaller
    id: a million folds took 9.4 s instead of 1.3 s.

    FTS5 keeps ``hashsize`` in the table's config (so in the file); it is set
    back to what it was, in the same transaction.
    """
    table = f"{schema}.{FTS_TABLE}"
    before = _hash_size(connection, table)
    config = f"INSERT INTO {table}({FTS_TABLE}, rank) VALUES ('hashsize', ?)"
    connection.execute(config, (hash_bytes,))
    connection.execute(f"INSERT INTO {table}({FTS_TABLE}) VALUES ('delete-all')")
    connection.execute(
        f"INSERT INTO {table}(rowid, fold) "
        f"SELECT id, fold FROM {schema}.{NAME_TABLE} NOT INDEXED ORDER BY id"
    )
    connection.execute(config, (before,))


def _hash_size(connection: sqlite3.Connection, table: str) -> int:
    """An FTS5 table's ``hashsize`` as its config holds it (FTS5's default if unset)."""
    found = connection.execute(f"SELECT v FROM {table}_config WHERE k = 'hashsize'").fetchone()
    return int(found[0]) if found is not None else DEFAULT_HASH_BYTES


def spread(fold: str) -> str:
    """``fold`` as the pairs index holds it: ``SEPARATOR`` around each character."""
    return SEPARATOR + SEPARATOR.join(fold) + SEPARATOR


def pairs_query(folded: str) -> str | None:
    """The pairs index's query for folds holding ``folded`` (one or two characters), or None
    (longer, or empty)."""
    if not 1 <= len(folded) <= 2:
        return None
    token = SEPARATOR.join(folded) if len(folded) == 2 else SEPARATOR + folded + SEPARATOR
    return '"' + token.replace('"', '""') + '"'


def _with_pairs() -> str:
    """The rule version a file whose pairs index is current stores (``PAIRS_MARK``)."""
    return names.rule_version() + PAIRS_MARK


def has_pairs(connection: sqlite3.Connection, schema: str = "main") -> bool:
    """Whether the name structures in ``schema`` have a current pairs index (the table, and
    the rule version marked as this version writes it)."""
    found = connection.execute(
        f"SELECT 1 FROM {schema}.sqlite_schema WHERE name = ?", (PAIRS_TABLE,)
    ).fetchone()
    if found is None:
        return False
    stored = connection.execute(
        f"SELECT value FROM {schema}.{META_TABLE} WHERE key = 'rule_version'"
    ).fetchone()
    return stored is not None and stored[0] == _with_pairs()


def _mark_pairs(connection: sqlite3.Connection) -> None:
    connection.execute(
        f"UPDATE {META_TABLE} SET value = ? WHERE key = 'rule_version'", (_with_pairs(),)
    )


def _create_pairs(connection: sqlite3.Connection) -> None:
    connection.execute(
        f"CREATE VIRTUAL TABLE {PAIRS_TABLE} USING fts5(spread, content='', detail=none, "
        "columnsize=0, tokenize='trigram case_sensitive 1')"
    )


def _set_pairs_hash(connection: sqlite3.Connection, hash_bytes: int) -> None:
    connection.execute(
        f"INSERT INTO {PAIRS_TABLE}({PAIRS_TABLE}, rank) VALUES ('hashsize', ?)", (hash_bytes,)
    )


def _insert_pairs(connection: sqlite3.Connection, rows: Iterable[tuple[int, str]]) -> None:
    """Index the pairs of ``rows`` (id, fold)."""
    connection.executemany(
        f"INSERT INTO {PAIRS_TABLE}(rowid, spread) VALUES (?, ?)",
        [(hero_id, spread(fold)) for hero_id, fold in rows],
    )


def _delete_pairs(connection: sqlite3.Connection, rows: Iterable[tuple[int, str]]) -> None:
    """Take the pairs of ``rows`` (id, fold as indexed) out of the index (contentless: FTS5
    needs the values it indexed)."""
    connection.executemany(
        f"INSERT INTO {PAIRS_TABLE}({PAIRS_TABLE}, rowid, spread) VALUES ('delete', ?, ?)",
        [(hero_id, spread(fold)) for hero_id, fold in rows],
    )


def _fill_pairs(connection: sqlite3.Connection, progress: Progress | None = None) -> int:
    """Fill the empty pairs index from the name rows, in batches with ``progress``; inside
    the caller's write transaction. Returns the name rows read."""
    total = int(connection.execute(f"SELECT count(*) FROM {NAME_TABLE}").fetchone()[0])
    before = _hash_size(connection, PAIRS_TABLE)
    _set_pairs_hash(connection, REBUILD_HASH_BYTES)
    done = 0
    for batch in _batches(connection, f"SELECT id, fold FROM {NAME_TABLE}"):
        _insert_pairs(connection, batch)
        done += len(batch)
        if progress is not None and progress(done, total) is False:
            raise BuildCancelledError()
    _set_pairs_hash(connection, before)
    return done


def rebuild_pairs(connection: sqlite3.Connection) -> None:
    """Every name row's pairs anew (after a bulk change of the name rows), when the file
    has the pairs index."""
    if has_pairs(connection):
        connection.execute(f"INSERT INTO {PAIRS_TABLE}({PAIRS_TABLE}) VALUES ('delete-all')")
        _fill_pairs(connection)


def add_pairs(connection: sqlite3.Connection, progress: Progress | None = None) -> int:
    """Add the pairs index (anew) to current structures without a current one (an earlier
    Hero Desktop built them, or a big import dropped it); inside the caller's write
    transaction. Returns the name rows it holds."""
    connection.execute(f"DROP TABLE IF EXISTS {PAIRS_TABLE}")  # stale, if there
    _create_pairs(connection)
    done = _fill_pairs(connection, progress)
    _mark_pairs(connection)
    return done


def create_order_index(connection: sqlite3.Connection, schema: str = "main") -> None:
    connection.execute(
        f"CREATE INDEX {schema}.{ORDER_INDEX} ON {NAME_TABLE}({', '.join(ORDER_COLUMNS)})"
    )


def _order_columns(connection: sqlite3.Connection) -> tuple[str, ...]:
    return tuple(str(row[2]) for row in connection.execute(f"PRAGMA index_info({ORDER_INDEX})"))


def _schema_names(connection: sqlite3.Connection) -> set[str]:
    return {
        str(row[0])
        for row in connection.execute(
            "SELECT name FROM sqlite_schema WHERE name LIKE 'hero\\_desktop\\_%' ESCAPE '\\' "
            "OR name LIKE 'hero\\_search%' ESCAPE '\\'"
        )
    }


def status(connection: sqlite3.Connection, *, check_counts: bool = True) -> NameIndexStatus:
    """What the file holds: current structures, stale ones, or none of Hero Desktop's."""
    present = _schema_names(connection)
    if not any(name.startswith(PREFIX) or name == LEGACY_SEARCH_TABLE for name in present):
        return NameIndexStatus.FOREIGN
    wanted = {NAME_TABLE, FTS_TABLE, PENDING_TABLE, META_TABLE, ORDER_INDEX, *TRIGGERS}
    if not wanted <= present or _order_columns(connection) != ORDER_COLUMNS:
        return NameIndexStatus.REBUILD
    stored = connection.execute(
        f"SELECT value FROM {META_TABLE} WHERE key = 'rule_version'"
    ).fetchone()
    if stored is None or stored[0] not in (names.rule_version(), _with_pairs()):
        return NameIndexStatus.REBUILD
    if check_counts:
        heroes = connection.execute("SELECT count(*) FROM hero").fetchone()[0]
        named = connection.execute(f"SELECT count(*) FROM {NAME_TABLE}").fetchone()[0]
        pending = connection.execute(f"SELECT count(*) FROM {PENDING_TABLE}").fetchone()[0]
        # Pending rows explain a difference until they are processed.
        if heroes != named and not pending:
            return NameIndexStatus.REBUILD
    return NameIndexStatus.READY


def has_pending(connection: sqlite3.Connection) -> bool:
    return connection.execute(f"SELECT 1 FROM {PENDING_TABLE} LIMIT 1").fetchone() is not None


def pending_count(connection: sqlite3.Connection) -> int:
    return int(connection.execute(f"SELECT count(*) FROM {PENDING_TABLE}").fetchone()[0])


def _drop_all(connection: sqlite3.Connection) -> None:
    for name, kind in connection.execute(
        "SELECT name, type FROM sqlite_schema WHERE type IN ('trigger', 'table') AND "
        "(name LIKE 'hero\\_desktop\\_%' ESCAPE '\\' OR name LIKE 'hero\\_search%' ESCAPE '\\')"
    ).fetchall():
        if kind == "trigger":
            connection.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    for table in (FTS_TABLE, PAIRS_TABLE, LEGACY_SEARCH_TABLE):
        connection.execute(f"DROP TABLE IF EXISTS {table}")
    for table in (NAME_TABLE, PENDING_TABLE, META_TABLE):
        connection.execute(f"DROP TABLE IF EXISTS {table}")


def create_structures(connection: sqlite3.Connection) -> None:
    """The empty name tables, without the pairs index (the order index, triggers and rule
    version come with ``finish_structures``, once the name rows are in)."""
    statements = [
        f"CREATE TABLE {META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        f"CREATE TABLE {NAME_TABLE} "
        "(id INTEGER PRIMARY KEY, fold TEXT NOT NULL, sort_key BLOB NOT NULL)",
        f"CREATE TABLE {PENDING_TABLE} (id INTEGER PRIMARY KEY)",
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(fold, content='{NAME_TABLE}', "
        "content_rowid='id', tokenize='trigram case_sensitive 1', columnsize=0)",
    ]
    for statement in statements:
        connection.execute(statement)


def finish_structures(connection: sqlite3.Connection) -> None:
    """The name order's index, the triggers and the rule version, after the name rows."""
    create_order_index(connection)
    for trigger, body in TRIGGERS.items():
        connection.execute(f"CREATE TRIGGER {trigger} {body}")
    connection.execute(
        f"INSERT INTO {META_TABLE}(key, value) VALUES ('rule_version', ?)",
        (names.rule_version(),),
    )


def _name_rows(rows: list[tuple[int, str]], keyer: NameKeyer) -> list[tuple[int, str, bytes]]:
    keys = keyer.keys([name for _, name in rows])
    return [(hero_id, *pair) for (hero_id, _), pair in zip(rows, keys, strict=True)]


def _batches(
    connection: sqlite3.Connection, select: str, key: str = "id"
) -> Iterable[list[tuple[int, str]]]:
    """``select`` (id first) in batches by ascending ``key``, resuming after the last id."""
    batch = connection.execute(f"{select} ORDER BY {key} LIMIT ?", (BATCH,)).fetchall()
    while batch:
        yield batch
        where = " AND " if " WHERE " in select else " WHERE "
        batch = connection.execute(
            f"{select}{where}{key} > ? ORDER BY {key} LIMIT ?", (batch[-1][0], BATCH)
        ).fetchall()


def build(connection: sqlite3.Connection, progress: Progress | None = None) -> int:
    """(Re)create every name structure for every hero; call inside a write transaction.

    Returns the number of heroes indexed. ``progress(done, total)`` is called
    between batches; returning False raises BuildCancelledError (the caller's
    transaction must then roll back, which leaves the file as it was).
    """
    total = int(connection.execute("SELECT count(*) FROM hero").fetchone()[0])
    _drop_all(connection)
    create_structures(connection)
    _create_pairs(connection)
    done = 0
    _set_pairs_hash(connection, REBUILD_HASH_BYTES)
    with NameKeyer(total) as keyer:
        for batch in _batches(connection, "SELECT id, name FROM hero"):
            rows = _name_rows(batch, keyer)
            connection.executemany(
                f"INSERT INTO {NAME_TABLE}(id, fold, sort_key) VALUES (?, ?, ?)", rows
            )
            _insert_pairs(connection, ((hero_id, fold) for hero_id, fold, _ in rows))
            done += len(batch)
            if progress is not None and progress(done, total) is False:
                raise BuildCancelledError()
    _set_pairs_hash(connection, DEFAULT_HASH_BYTES)  # (a new table's)
    rebuild_fts(connection)
    finish_structures(connection)
    _mark_pairs(connection)
    if progress is not None and progress(total, total) is False:
        raise BuildCancelledError()
    return done


def process_pending(connection: sqlite3.Connection) -> int:
    """Bring the name rows up to date with the logged heroes; inside a write transaction.

    Idempotent: recomputes every logged id from ``hero`` as it is now.
    """
    pending = int(connection.execute(f"SELECT count(*) FROM {PENDING_TABLE}").fetchone()[0])
    if not pending:
        return 0
    # A big change (an import) rebuilds the FTS indexes in one pass, which is
    # several times faster than a million single-row updates of them.
    bulk = pending >= BULK_PENDING
    pairs = has_pairs(connection)
    in_pending = f"IN (SELECT id FROM {PENDING_TABLE})"
    if not bulk:
        # External content: the FTS index needs the old folds to remove them.
        connection.execute(
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, fold) "
            f"SELECT 'delete', id, fold FROM {NAME_TABLE} WHERE id {in_pending}"
        )
        if pairs:
            _delete_pairs(
                connection,
                connection.execute(f"SELECT id, fold FROM {NAME_TABLE} WHERE id {in_pending}"),
            )
    connection.execute(f"DELETE FROM {NAME_TABLE} WHERE id {in_pending}")
    if bulk:
        # Sorting all keys once is faster than a million inserts into the index.
        connection.execute(f"DROP INDEX {ORDER_INDEX}")
    select = f"SELECT h.id, h.name FROM {PENDING_TABLE} p JOIN hero h ON h.id = p.id"
    with NameKeyer(pending) as keyer:
        for batch in _batches(connection, select, key="p.id"):
            rows = _name_rows(batch, keyer)
            connection.executemany(
                f"INSERT INTO {NAME_TABLE}(id, fold, sort_key) VALUES (?, ?, ?)", rows
            )
            if not bulk:
                folds = [(hero_id, folded) for hero_id, folded, _ in rows]
                connection.executemany(f"INSERT INTO {FTS_TABLE}(rowid, fold) VALUES (?, ?)", folds)
                if pairs:
                    _insert_pairs(connection, folds)
    if bulk:
        create_order_index(connection)
        rebuild_fts(connection)
        rebuild_pairs(connection)
    connection.execute(f"DELETE FROM {PENDING_TABLE}")
    return pending


class BulkNames:
    """Name rows keyed as a big insert goes, instead of through the change log.

    Inside the write transaction of a file whose structures are current: the
    insert trigger and the name order index are dropped while the heroes come
    (logging a million ids and reading their names back cost more than keying
    the names in hand), and ``finish`` sorts the order index once, rebuilds
    the trigram index in one pass and puts the trigger back (a rebuild of a million
    folds took 1.2 s, their FTS rows inserted with each batch 2.5 s). The pairs
    index (2.5-3 s a million folds however it is filled) takes each batch's
    folds as they come when the file already holds at least as many name rows
    as the insert brings, all of them older ids; else it is dropped
    and added again in the background after the commit, from the name rows
    (``NameIndexState.unfinished``), so that an import into a new or small file
    is not slowed by it. A rollback restores all of it. Ids are expected one after another from
    ``first_id``; if SQLite gives others (a table that reached the largest
    rowid), every name row is rebuilt at the end instead.
    """

    def __init__(self, connection: sqlite3.Connection, first_id: int, expected_rows: int) -> None:
        self._connection = connection
        self._next_id = first_id
        self._in_sequence = True
        self._keyer = NameKeyer(expected_rows, tables_from=0)  # batches are big
        named, last_named = connection.execute(
            f"SELECT count(*), max(id) FROM {NAME_TABLE}"
        ).fetchone()
        pairs = has_pairs(connection)
        self._pairs = (
            pairs and named >= expected_rows and (last_named is None or last_named < first_id)
        )
        """The pairs index is kept: each batch's pairs go in with its name rows."""
        connection.execute("DROP TRIGGER hero_desktop_pending_insert")
        connection.execute(f"DROP INDEX {ORDER_INDEX}")
        self._pairs_hash = DEFAULT_HASH_BYTES
        if self._pairs:
            self._pairs_hash = _hash_size(connection, PAIRS_TABLE)
            _set_pairs_hash(connection, REBUILD_HASH_BYTES)
        elif pairs:
            connection.execute(f"DROP TABLE {PAIRS_TABLE}")

    def added(self, names: list[str], keyed: KeyedBatch | None = None) -> None:
        """Key ``names``, the heroes just inserted, in order (or take ``keyed``'s keys)."""
        if not names or not self._in_sequence:
            return
        first, last = self._next_id, self._next_id + len(names) - 1
        found = self._connection.execute("SELECT max(id) FROM hero").fetchone()[0]
        if found != last:
            self._in_sequence = False
            return
        if keyed is not None:
            folds, sort_keys = keyed.folds, keyed.sort_keys
        else:
            keys = self._keyer.keys(names)
            folds, sort_keys = [fold for fold, _ in keys], [key for _, key in keys]
        connection = self._connection
        # OR REPLACE: an import that replaces every hero reuses the ids it just
        # deleted, whose old rows the change log removes before the commit (the
        # pairs index is then dropped: it would hold the old folds' pairs too).
        connection.executemany(
            f"INSERT OR REPLACE INTO {NAME_TABLE}(id, fold, sort_key) VALUES (?, ?, ?)",
            zip(range(first, last + 1), folds, sort_keys, strict=True),
        )
        if self._pairs:
            _insert_pairs(connection, zip(range(first, last + 1), folds, strict=True))
        self._next_id = last + 1

    def finish(self) -> None:
        """The order index, the FTS indexes and the trigger, as ``build`` leaves them."""
        self._keyer.close()
        if not self._in_sequence:
            build(self._connection)
            return
        connection = self._connection
        create_order_index(connection)
        rebuild_fts(connection)
        if self._pairs:
            _set_pairs_hash(connection, self._pairs_hash)
        trigger = "hero_desktop_pending_insert"
        connection.execute(f"CREATE TRIGGER {trigger} {TRIGGERS[trigger]}")

    def abandon(self) -> None:
        """The insert failed: the caller rolls back, which restores the structures."""
        self._keyer.close()


def fts_query(folded: str) -> str:
    """The FTS5 query for names whose fold contains ``folded`` (three characters or more).

    With the trigram tokenizer a phrase is a run of consecutive trigrams, so
    it matches exactly the folds that contain ``folded``.
    """
    return '"' + folded.replace('"', '""') + '"'


def add(
    connection: sqlite3.Connection, progress: Progress | None = None, *, finish_only: bool = False
) -> int:
    """Switch the file to WAL mode and (re)build every structure in one transaction.

    ``finish_only`` (``NameIndexWork.FINISH``): add only the pairs index, to current
    structures that lack it, and never build (structures another build finished
    meanwhile, or no longer current, are left as they are: 0; a rebuild is asked for on
    its own).

    Returns the heroes indexed. Cancel (``progress`` returning False) or any
    failure rolls back and gives the file its journal mode back: nothing added.
    """
    try:
        mode = str(connection.execute("PRAGMA journal_mode").fetchone()[0])
        if not finish_only:  # (structures to finish were made in WAL mode)
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise translate_error(error) from error
    try:
        if not finish_only:
            done = build(connection, progress)
        elif status(connection, check_counts=False) is NameIndexStatus.READY and not has_pairs(
            connection
        ):
            # An earlier Hero Desktop's structures: only the pairs index is new.
            done = add_pairs(connection, progress)
        else:
            done = 0  # finished by another build meanwhile, or no longer current: not asked
        connection.execute("COMMIT")
        return done
    except BaseException as failure:
        with suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        with suppress(sqlite3.Error):
            connection.execute(f"PRAGMA journal_mode = {mode}")
        if isinstance(failure, BuildCancelledError):
            raise OperationCancelledError(
                SqliteNameIndexWords.tr(
                    "Cancelled: the name index was not added; the file is as it was."
                )
            ) from None
        if isinstance(failure, sqlite3.Error):
            raise translate_error(failure) from failure
        raise
