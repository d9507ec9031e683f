"""The tables on the server: the tutorial's ``hero``, and what Hero Desktop adds to it.

``hero`` is created, when missing, exactly as SQLModel's ``create_all`` makes
it on PostgreSQL (compiled from ``models.Hero`` with SQLAlchemy's PostgreSQL
dialect), and is never recreated or altered.

What Hero Desktop adds, beside it in the same schema, with the user's
agreement (the offer, name_index_state.py) unless Hero Desktop created the table itself:

* ``hero_desktop_name(id, fold, sort_key)``: the search and name-order keys
  of ``names.py``, one row per hero, with an index on ``(sort_key, id)`` that
  holds the folds too (``ORDER_INDEX``, for walks along the order) and,
  when the ``pg_trgm`` extension is available, a trigram index on ``fold``
  (containment searches then read the index, not the table), and a GIN index
  on ``hero_desktop_pairs(fold)``, every character and every pair of
  characters of the fold (``PAIRS``): a search of one or two characters,
  which has no trigram, finds its matches there instead of reading every
  fold (paging.py chooses it for a needle its sample finds rare). Structures
  an earlier Hero Desktop built lack one or both: they are read as they are,
  and the role that owns them adds them in the background (``parts``,
  ``add_pairs``, ``add_order_folds``);
* ``hero_desktop_pending(id)``: a change log. The server cannot compute the
  keys (they come from the Unicode Collation Algorithm in Python), so a
  trigger logs every hero any client inserts or renames, and Hero Desktop
  turns the log into name rows: in the same transaction as its own writes,
  and after another client's commit. Deletes remove the name row at once;
* ``hero_desktop_changed``: a statement trigger that sends
  ``NOTIFY hero_desktop`` when any client changes ``hero``, so that every
  open window refreshes within a second without polling;
* ``hero_desktop_age``: an index on ``(age with no age first, id)``, the
  age order's keys, so any page of that order is one index range;
* ``hero_desktop_meta``: the rule version the keys were computed under.

The trigger functions are ``SECURITY DEFINER``: a client whose role may write
``hero`` but not Hero Desktop's tables (the tutorial's app) keeps working.
Dropping everything Hero Desktop added (``DROP_SQL``) leaves the tutorial's
table as it was.

Why one file of this length: most of it is the SQL of Hero Desktop's
structures (tables, trigger functions, grants) and of keying names into
them; kept together, what is created and what fills it cannot drift apart.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import NamedTuple

import psycopg
from psycopg import sql

from hero_desktop.data import names
from hero_desktop.data.name_index_state import BACKLOG_ROWS as BACKLOG_ROWS
from hero_desktop.data.name_index_state import BATCH as BATCH
from hero_desktop.data.name_index_state import NameIndexStatus
from hero_desktop.data.name_keyer import NameKeyer
from hero_desktop.data.postgres.cancel import CancelHandle, Canceller

log = logging.getLogger("hero_desktop")

NAME_TABLE = "hero_desktop_name"
PENDING_TABLE = "hero_desktop_pending"
META_TABLE = "hero_desktop_meta"
PAIRS_INDEX = "hero_desktop_name_pairs"
PAIRS = 'hero_desktop_pairs(n.fold) COLLATE "C"'
"""A name row's characters and pairs of characters, as its index holds them (compared
bytewise: under the database's collation the index took 14.8 s a million heroes, 11.2 s
so). A fold holds a needle of one or two characters exactly when these hold the needle."""
PAIRS_LOCK = 0x4845524F50414952
"""The advisory lock of a session adding a part current structures lack ("HEROPAIR": the
pairs index came first; the name order's folds use it too)."""
ORDER_INDEX = "hero_desktop_name_order_folds"
"""The name order's index, ``(sort_key, id)``, holding each fold too: a walk along the
order that tests each name reads the index alone (about 0.2 us a name, against 2-4 us
with a look-up of each row's fold: "captain" on ten million heroes, 1,038,526 names
before its first match, 2.4 s -> 0.17 s)..."""
PLAIN_ORDER_INDEX = "hero_desktop_name_order"
"""... and without the folds: what an earlier Hero Desktop built (``add_order_folds``
replaces it), and what a server older than ``INCLUDE_FROM`` gets."""
INCLUDE_FROM = 110000
"""The server version from which an index may hold columns it is not sorted by."""
PAIRS_SEPARATOR = "\x01"
"""Splits the pairs apart; never typed, so a needle holding it does not use them."""
_PAIRS_FUNCTION = r"""
CREATE OR REPLACE FUNCTION hero_desktop_pairs(fold text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT string_to_array(fold, NULL)
    || string_to_array(regexp_replace(fold, '(..)', E'\\1\x01', 'g'), E'\x01')
    || string_to_array(regexp_replace(substr(fold, 2), '(..)', E'\\1\x01', 'g'), E'\x01')
$$;
"""
"""The characters, then the pairs from the first character on, then those from the second
(each pair followed by the separator and split there): a few C functions a row, with no
aggregate, which the server inlines into the index and the searches alike."""
_PAIRS_INDEX = (
    f"CREATE INDEX {PAIRS_INDEX} ON {NAME_TABLE} "
    """USING gin ((hero_desktop_pairs(fold)) COLLATE "C")"""
)

CHANNEL = "hero_desktop"
KEYS_SETTING = "hero_desktop.keys"
"""Set to 'client' in a transaction that keys its own heroes (the log trigger stands aside)."""
NO_AGE = -2147483649
"""Below every PostgreSQL integer: where heroes without an age sort (first, as in SQLite)."""
AGE_KEY = f"coalesce(h.age::bigint, {NO_AGE})"
# BATCH (heroes keyed per batch) and BACKLOG_ROWS (more logged heroes than this are
# keyed in the background, not inside someone's change) come from name_index_state,
# bound to names of this module that its code reads: tests shrink them here.

Progress = Callable[[int, int], bool]
VACUUM_LOCK_WAIT_MS = 2000
"""How long the vacuum after a build waits for another session's lock on the name table."""
HEARD_EVERY_S = 0.2
"""How often a build asks its ``progress`` while the server sorts an index."""


class BuildCancelledError(Exception):
    """The user cancelled building the name structures; the transaction rolls back."""


def hero_table_sql() -> list[str]:
    """CREATE TABLE and CREATE INDEX for ``hero`` as SQLModel's ``create_all`` makes them."""
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateIndex, CreateTable

    from hero_desktop.data.models import Hero

    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    table = Hero.__table__  # type: ignore[attr-defined]
    statements = [str(CreateTable(table).compile(dialect=dialect))]
    for index in sorted(table.indexes, key=lambda i: str(i.name)):
        statements.append(str(CreateIndex(index).compile(dialect=dialect)))
    return statements


def hero_columns(connection: psycopg.Connection) -> list[tuple[str, bool, bool]]:
    """(name, not null, has default) of each column of ``hero`` as the search path finds it."""
    rows = connection.execute(
        "SELECT a.attname, a.attnotnull, a.atthasdef FROM pg_attribute a "
        "WHERE a.attrelid = to_regclass('hero') AND a.attnum > 0 AND NOT a.attisdropped "
        "ORDER BY a.attnum"
    ).fetchall()
    return [(str(name), bool(not_null), bool(default)) for name, not_null, default in rows]


def hero_schema(connection: psycopg.Connection) -> str:
    row = connection.execute(
        "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.oid = to_regclass('hero')"
    ).fetchone()
    return str(row[0]) if row else "public"


def status(connection: psycopg.Connection) -> NameIndexStatus:
    """Whether the name structures are there and computed under today's rules."""
    found = connection.execute(
        "SELECT to_regclass(%s) IS NOT NULL, to_regclass(%s) IS NOT NULL, "
        "to_regclass(%s) IS NOT NULL, "
        "EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = to_regclass('hero') "
        "AND tgname = 'hero_desktop_log'), "
        "EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = to_regclass('hero') "
        "AND tgname = 'hero_desktop_changed')",
        (META_TABLE, NAME_TABLE, PENDING_TABLE),
    ).fetchone()
    assert found is not None
    has_meta, has_names, has_pending, has_log, has_notify = (bool(v) for v in found)
    if not has_meta:
        return NameIndexStatus.FOREIGN
    if not (has_names and has_pending and has_log and has_notify):
        return NameIndexStatus.REBUILD
    readable = connection.execute("SELECT has_table_privilege(%s, 'SELECT')", (META_TABLE,))
    if not bool((readable.fetchone() or (False,))[0]):
        return NameIndexStatus.READY  # in place; this role scans (privileges() says why)
    version = connection.execute(
        sql.SQL("SELECT value FROM {} WHERE key = 'rule_version'").format(
            sql.Identifier(META_TABLE)
        )
    ).fetchone()
    if version is None or version[0] != names.rule_version():
        return NameIndexStatus.REBUILD
    return NameIndexStatus.READY


class Parts(NamedTuple):
    """The parts added since a first release that current structures may lack."""

    pairs: bool
    """The name table has its pairs index."""
    order_folds: bool
    """The name order's index holds the folds (``ORDER_INDEX``), or the server is too old
    to hold them (``INCLUDE_FROM``): nothing to add."""
    may_add: bool
    """This role may add what is missing, and nobody else is adding it."""

    @property
    def complete(self) -> bool:
        return self.pairs and self.order_folds


NOTHING_TO_ADD = Parts(True, True, False)
"""What ``parts`` stands for on structures that are not current (a build makes them whole)."""


def parts(connection: psycopg.Connection) -> Parts:
    """Which parts the structures have, and whether this role may add those they lack.

    Structures an earlier Hero Desktop built lack them: they are read as they are, and
    ``add_pairs`` and ``add_order_folds`` add them. That takes the name table's owner (a
    member of the group that owns ``hero`` may not be), a ``hero_desktop_pairs`` function
    that is absent or its own (another member may have made one), and nobody adding a
    part already (the advisory lock ``PAIRS_LOCK`` free: meanwhile its index in the
    making is not valid yet).
    """
    row = connection.execute(
        "SELECT EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass(%s) "
        "AND indisvalid), "
        # The plain index gone too: a session that stopped between making the new one and
        # dropping the old leaves that to the next.
        "EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass(%s) AND indisvalid) "
        "AND to_regclass(%s) IS NULL, "
        "pg_has_role(c.relowner, 'USAGE') AND coalesce((SELECT pg_has_role(p.proowner, "
        "'USAGE') FROM pg_proc p WHERE p.oid = to_regprocedure('hero_desktop_pairs(text)')),"
        " true) AND NOT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' "
        "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
        "AND classid = %s AND objid = %s AND objsubid = 1) "
        "FROM pg_class c WHERE c.oid = to_regclass(%s)",
        (
            PAIRS_INDEX,
            ORDER_INDEX,
            PLAIN_ORDER_INDEX,
            PAIRS_LOCK >> 32,
            PAIRS_LOCK & 0xFFFFFFFF,
            NAME_TABLE,
        ),
    ).fetchone()
    if row is None:
        return Parts(False, False, False)
    too_old = connection.info.server_version < INCLUDE_FROM
    return Parts(bool(row[0]), bool(row[1]) or too_old, bool(row[2]))


def privileges(connection: psycopg.Connection) -> tuple[bool, bool]:
    """(may read the name table, may key heroes: write the name table and the log)."""
    row = connection.execute(
        "SELECT has_table_privilege(%s, 'SELECT'), "
        "has_table_privilege(%s, 'INSERT') AND has_table_privilege(%s, 'DELETE') "
        "AND has_table_privilege(%s, 'UPDATE') AND has_table_privilege(%s, 'DELETE')",
        (NAME_TABLE, NAME_TABLE, NAME_TABLE, NAME_TABLE, PENDING_TABLE),
    ).fetchone()
    return (bool(row[0]), bool(row[1])) if row else (False, False)


def rights(connection: psycopg.Connection) -> tuple[bool, bool] | None:
    """(may write heroes, owns ``hero``), or None when there is no ``hero`` table.

    Writing needs INSERT, UPDATE and DELETE on a server that is not a
    read-only standby and a session not read-only by default; owning the
    table is what adding Hero Desktop's structures needs.
    """
    row = connection.execute(
        "SELECT has_table_privilege('hero', 'INSERT'), has_table_privilege('hero', 'UPDATE'),"
        " has_table_privilege('hero', 'DELETE'), pg_is_in_recovery(),"
        " current_setting('default_transaction_read_only') = 'on',"
        " pg_has_role(c.relowner, 'USAGE') FROM pg_class c WHERE c.oid = to_regclass('hero')"
    ).fetchone()
    if row is None:
        return None
    may_write = bool(row[0] and row[1] and row[2]) and not row[3] and not row[4]
    return may_write, bool(row[5])


def _share_like_hero(connection: psycopg.Connection, schema: str) -> None:
    """Whoever may read ``hero`` may read its keys; whoever may write it may key heroes."""
    grants = connection.execute(
        "SELECT DISTINCT grantee, privilege_type FROM information_schema.role_table_grants "
        "WHERE table_schema = %s AND table_name = 'hero' AND grantee <> current_user",
        (schema,),
    ).fetchall()
    for grantee, privilege in grants:
        role = sql.SQL("PUBLIC") if grantee == "PUBLIC" else sql.Identifier(str(grantee))
        if privilege == "SELECT":
            what = sql.SQL("SELECT")
            tables: tuple[str, ...] = (META_TABLE, NAME_TABLE, PENDING_TABLE)
        elif privilege in ("INSERT", "UPDATE", "DELETE"):
            what = sql.SQL("SELECT, INSERT, UPDATE, DELETE")
            tables = (NAME_TABLE, PENDING_TABLE)
        else:
            continue
        for table in tables:
            connection.execute(
                sql.SQL("GRANT {} ON {} TO {}").format(what, sql.Identifier(table), role)
            )


def has_pending(connection: psycopg.Connection) -> bool:
    row = connection.execute(f"SELECT EXISTS (SELECT 1 FROM {PENDING_TABLE})").fetchone()
    return bool(row and row[0])


def pending_count(connection: psycopg.Connection) -> int:
    row = connection.execute(f"SELECT count(*) FROM {PENDING_TABLE}").fetchone()
    return int(row[0]) if row else 0


def _has_trigram(connection: psycopg.Connection) -> bool:
    """Make pg_trgm available if the role may (it is a trusted extension); True if it is."""
    installed = connection.execute(
        "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm')"
    ).fetchone()
    if installed and installed[0]:
        return True
    try:
        with connection.transaction():  # a savepoint: a refusal leaves the build going
            connection.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except psycopg.Error:
        return False
    return True


DROP_SQL = f"""
DROP TRIGGER IF EXISTS hero_desktop_log ON hero;
DROP TRIGGER IF EXISTS hero_desktop_changed ON hero;
DROP TRIGGER IF EXISTS hero_desktop_truncate ON hero;
DROP FUNCTION IF EXISTS hero_desktop_log();
DROP FUNCTION IF EXISTS hero_desktop_changed();
DROP FUNCTION IF EXISTS hero_desktop_truncate();
DROP INDEX IF EXISTS hero_desktop_age;
DROP TABLE IF EXISTS {NAME_TABLE};
DROP TABLE IF EXISTS {PENDING_TABLE};
DROP TABLE IF EXISTS {META_TABLE};
DROP FUNCTION IF EXISTS hero_desktop_pairs(text);
"""


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _create_sql(schema: str) -> str:
    path = _quoted(schema)
    return f"""
CREATE TABLE {META_TABLE} (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE {NAME_TABLE} (id integer PRIMARY KEY, fold text NOT NULL, sort_key bytea NOT NULL);
CREATE TABLE {PENDING_TABLE} (id integer NOT NULL);
{_PAIRS_FUNCTION}CREATE INDEX hero_desktop_age ON hero ((coalesce(age::bigint, {NO_AGE})), id);
CREATE FUNCTION hero_desktop_log() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {path}, pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.id <> OLD.id) THEN
        DELETE FROM {NAME_TABLE} WHERE id = OLD.id;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.name IS NOT DISTINCT FROM OLD.name THEN
        RETURN NULL;
    END IF;
    INSERT INTO {PENDING_TABLE} (id) VALUES (NEW.id);
    RETURN NULL;
END $$;
CREATE FUNCTION hero_desktop_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', '');
    RETURN NULL;
END $$;
CREATE FUNCTION hero_desktop_truncate() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {path}, pg_temp AS $$
BEGIN
    DELETE FROM {NAME_TABLE};
    DELETE FROM {PENDING_TABLE};
    RETURN NULL;
END $$;
CREATE TRIGGER hero_desktop_log AFTER INSERT OR UPDATE OR DELETE ON hero
    FOR EACH ROW WHEN (current_setting('{KEYS_SETTING}', true) IS DISTINCT FROM 'client')
    EXECUTE FUNCTION hero_desktop_log();
CREATE TRIGGER hero_desktop_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hero
    FOR EACH STATEMENT EXECUTE FUNCTION hero_desktop_changed();
CREATE TRIGGER hero_desktop_truncate AFTER TRUNCATE ON hero
    FOR EACH STATEMENT EXECUTE FUNCTION hero_desktop_truncate();
"""


def build(connection: psycopg.Connection, progress: Progress | None = None) -> int:
    """(Re)create every structure and key; call inside a transaction. Returns the heroes done.

    ``progress(done, total)`` returning False raises BuildCancelledError (the
    caller rolls back, which leaves the database as it was).
    """
    row = connection.execute("SELECT count(*) FROM hero").fetchone()
    total = int(row[0]) if row else 0
    schema = hero_schema(connection)
    # Beside hero, whatever the role's own search path says (the trigger functions
    # look for them there).
    connection.execute("SELECT set_config('search_path', %s, true)", (_quoted(schema),))
    trigram = _has_trigram(connection)
    connection.execute(DROP_SQL)
    connection.execute(_create_sql(schema))
    connection.execute(
        f"INSERT INTO {META_TABLE} (key, value) VALUES ('rule_version', %s)",
        (names.rule_version(),),
    )
    done = 0
    last_id: int | None = None
    with NameKeyer(total) as keyer:
        while True:
            if last_id is None:
                batch = connection.execute(
                    "SELECT id, name FROM hero ORDER BY id LIMIT %s", (BATCH,)
                ).fetchall()
            else:
                batch = connection.execute(
                    "SELECT id, name FROM hero WHERE id > %s ORDER BY id LIMIT %s", (last_id, BATCH)
                ).fetchall()
            if not batch:
                break
            copy_names(connection, batch, keyer)
            done += len(batch)
            last_id = int(batch[-1][0])
            if progress is not None and progress(done, total) is False:
                raise BuildCancelledError()
    # Built after the rows are in: one sort is much faster than a million inserts into it
    # (the pairs index: 11 s a million heroes, against 15 s kept up batch by batch).
    indexes = [_order_index(connection)]
    if trigram:
        indexes.append(
            f"CREATE INDEX hero_desktop_name_fold ON {NAME_TABLE} USING gin (fold gin_trgm_ops)"
        )
    indexes.append(_PAIRS_INDEX)
    for statement in indexes:
        _heard(connection, statement, progress, total)
    _share_like_hero(connection, schema)
    connection.execute(f"ANALYZE {NAME_TABLE}")
    if progress is not None and progress(total, total) is False:
        raise BuildCancelledError()
    return done


def add_pairs(connection: psycopg.Connection, progress: Progress | None = None) -> int:
    """Add the pairs index to current structures that lack it (an autocommit connection of
    its own). Returns the name rows; none is keyed again (about 11 s a million heroes, where
    a rebuild keys every name too).

    ``CONCURRENTLY``: every client keeps writing heroes and their names meanwhile (a plain
    ``CREATE INDEX`` would hold their writes to the name table until it ends). It waits for
    every older transaction on the server to end, which holds up this build alone, so no
    lock timeout applies there, and a Cancel is heard (``_heard``): it runs in the
    background, never while opening. One session adds it at a time (an advisory lock; a
    second returns 0 at once): another's index in the making is never dropped. One this
    session left invalid (cancelled, failed) is dropped, with the function it made.
    """
    with _adding_a_part(connection) as total:
        if total is None:
            return 0  # another session adds a part
        connection.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {PAIRS_INDEX}")  # left invalid
        found = connection.execute("SELECT to_regprocedure('hero_desktop_pairs(text)')")
        made = (found.fetchone() or (None,))[0] is None
        if made:
            connection.execute(_PAIRS_FUNCTION)
        try:
            concurrently = _PAIRS_INDEX.replace("INDEX", "INDEX CONCURRENTLY", 1)
            _heard(connection, concurrently, progress, total)
        except BaseException:
            with suppress(psycopg.Error):
                connection.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {PAIRS_INDEX}")
                if made:
                    connection.execute("DROP FUNCTION IF EXISTS hero_desktop_pairs(text)")
            raise
        connection.execute(f"ANALYZE {NAME_TABLE}")  # the server's figures for each pair
        return total


def _order_index(connection: psycopg.Connection) -> str:
    """The name order's index: holding the folds where the server can (``ORDER_INDEX``)."""
    if connection.info.server_version >= INCLUDE_FROM:
        return f"CREATE INDEX {ORDER_INDEX} ON {NAME_TABLE} (sort_key, id) INCLUDE (fold)"
    return f"CREATE INDEX {PLAIN_ORDER_INDEX} ON {NAME_TABLE} (sort_key, id)"


def add_order_folds(connection: psycopg.Connection, progress: Progress | None = None) -> int:
    """Replace the name order's index of structures an earlier Hero Desktop built with one
    holding the folds (``ORDER_INDEX``; an autocommit connection of its own). Returns the
    name rows; none is keyed again.

    As ``add_pairs``: ``CONCURRENTLY`` (every client keeps writing meanwhile), one
    session at a time (``PAIRS_LOCK``; a second returns 0 at once), a Cancel heard, and
    an index this session left invalid dropped. The new index is made before the old one
    is dropped, so the name order has an index throughout; one another session made
    meanwhile is kept.
    """
    if connection.info.server_version < INCLUDE_FROM:
        return 0  # the plain index is all such a server holds
    with _adding_a_part(connection) as total:
        if total is None:
            return 0  # another session adds a part
        if not _drop_if_invalid(connection, ORDER_INDEX, progress, total):
            try:
                concurrently = _order_index(connection).replace("INDEX", "INDEX CONCURRENTLY", 1)
                _heard(connection, concurrently, progress, total)
            except psycopg.errors.DuplicateTable:
                pass  # a rebuild (which takes no lock) made it meanwhile: it is kept
            except BaseException:
                with suppress(psycopg.Error):
                    connection.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {ORDER_INDEX}")
                raise
        # Waits for every transaction that read the name table: heard, as the sort is.
        drop = f"DROP INDEX CONCURRENTLY IF EXISTS {PLAIN_ORDER_INDEX}"
        _heard(connection, drop, progress, total)
        vacuum_names(connection)
        return total


@contextmanager
def _adding_a_part(connection: psycopg.Connection) -> Iterator[int | None]:
    """The name rows, with this session holding ``PAIRS_LOCK`` for the block, the hero
    table's schema first on its search path and no lock timeout (adding an index
    concurrently waits for every older transaction); None when another session holds it."""
    locked = connection.execute("SELECT pg_try_advisory_lock(%s)", (PAIRS_LOCK,)).fetchone()
    if not (locked and locked[0]):
        yield None
        return
    try:
        row = connection.execute(f"SELECT count(*) FROM {NAME_TABLE}").fetchone()
        connection.execute(
            "SELECT set_config('search_path', %s, false)", (_quoted(hero_schema(connection)),)
        )
        connection.execute("SET lock_timeout = 0")
        yield int(row[0]) if row else 0
    finally:
        with suppress(psycopg.Error):
            connection.execute("SELECT pg_advisory_unlock(%s)", (PAIRS_LOCK,))


def vacuum_names(connection: psycopg.Connection) -> None:
    """Vacuum the name table just built (an autocommit connection): it marks its pages all
    visible, so that a walk along the name order reads the index alone at once (0.8 s for
    ten million rows), where autovacuum comes a minute or so later, or, before PostgreSQL
    13, not for rows only inserted. It waits ``VACUUM_LOCK_WAIT_MS`` at most for another
    session's lock on the table (a Cancel is not heard meanwhile). A failure leaves it
    to autovacuum."""
    try:
        table = f"{_quoted(hero_schema(connection))}.{NAME_TABLE}"
        found = connection.execute("SHOW lock_timeout").fetchone()
        connection.execute(
            "SELECT set_config('lock_timeout', %s, false)", (str(VACUUM_LOCK_WAIT_MS),)
        )
        try:
            connection.execute(f"VACUUM {table}")
        finally:
            if found is not None:
                connection.execute("SELECT set_config('lock_timeout', %s, false)", (found[0],))
    except psycopg.Error as error:
        log.warning("Vacuuming %s after its build failed: %s", NAME_TABLE, error)


def _drop_if_invalid(
    connection: psycopg.Connection, index: str, progress: Progress | None, total: int
) -> bool:
    """Drop ``index`` when a session left it invalid (its ``CONCURRENTLY`` build stopped);
    return whether a valid one is there."""
    row = connection.execute(
        "SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass(%s)", (index,)
    ).fetchone()
    if row is None:
        return False
    if row[0]:
        return True
    _heard(connection, f"DROP INDEX CONCURRENTLY IF EXISTS {index}", progress, total)
    return False


def _heard(
    connection: psycopg.Connection, statement: str, progress: Progress | None, total: int
) -> None:
    """Run ``statement``, asking ``progress(total, total)`` every ``HEARD_EVERY_S`` meanwhile
    (from a thread of its own): False cancels the statement (BuildCancelledError).

    Sorting the indexes is most of a build (on a million heroes about 14 s of 18); a
    Cancel is heard then too. The connection stays the build thread's: the other thread
    only asks the server, on a connection of its own, to cancel what runs on it.
    """
    if progress is None:
        connection.execute(statement)
        return
    sorted_ = threading.Event()
    cancelled = threading.Event()
    handle = CancelHandle(connection)
    canceller = Canceller(handle)

    def ask() -> None:
        while not sorted_.wait(HEARD_EVERY_S):
            if progress(total, total) is False:
                cancelled.set()
                canceller.request()
                return

    asking = threading.Thread(target=ask, name="hero-index-sort", daemon=True)
    asking.start()
    try:
        connection.execute(statement)
    except psycopg.errors.QueryCanceled:
        if cancelled.is_set():
            raise BuildCancelledError() from None
        raise
    finally:
        sorted_.set()
        asking.join()
        handle.publish(None)
        canceller.stop()
    if cancelled.is_set():
        raise BuildCancelledError()  # asked as the sort ended


def copy_names(
    connection: psycopg.Connection, rows: Sequence[tuple[int, object]], keyer: NameKeyer
) -> None:
    """Write the name rows of (id, name) pairs with COPY (the fastest way in)."""
    keys = keyer.keys([name for _, name in rows])
    with connection.cursor().copy(f"COPY {NAME_TABLE} (id, fold, sort_key) FROM STDIN") as copy:
        for (hero_id, _), (folded, key) in zip(rows, keys, strict=True):
            copy.write_row((hero_id, folded, key))


def has_backlog(connection: psycopg.Connection) -> bool:
    """More heroes wait in the log than one change should key (an import, say)."""
    row = connection.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM {PENDING_TABLE} LIMIT %s) AS waiting",
        (BACKLOG_ROWS + 1,),
    ).fetchone()
    return row is not None and int(row[0]) > BACKLOG_ROWS


def process_pending(
    connection: psycopg.Connection, limit: int | None = None, keyer: NameKeyer | None = None
) -> int:
    """Turn the change log into name rows; inside a transaction. Returns how many were logged.

    ``limit`` takes at most that many log rows (a batch of a background
    catch-up). Idempotent and safe beside another client doing the same: the
    log rows are taken with ``DELETE ... RETURNING``, which waits for a
    concurrent taker's commit and then finds them gone.
    """
    if limit is None:
        taken = connection.execute(f"DELETE FROM {PENDING_TABLE} RETURNING id").fetchall()
    else:
        taken = connection.execute(
            f"DELETE FROM {PENDING_TABLE} WHERE ctid IN "
            f"(SELECT ctid FROM {PENDING_TABLE} LIMIT %s) RETURNING id",
            (limit,),
        ).fetchall()
    if not taken:
        return 0
    ids = sorted({int(row[0]) for row in taken})
    connection.execute(f"DELETE FROM {NAME_TABLE} WHERE id = ANY(%s)", (ids,))
    rows = connection.execute("SELECT id, name FROM hero WHERE id = ANY(%s)", (ids,)).fetchall()
    if not rows:
        return len(taken)
    # Upserted: another client may have written the same hero's row meanwhile.
    # (From arrays, not a temporary table: a role may lack the TEMP privilege.)
    keys = (keyer or NameKeyer(0)).keys([name for _, name in rows])
    keyed = [(hero_id, *pair) for (hero_id, _), pair in zip(rows, keys, strict=True)]
    connection.execute(
        f"INSERT INTO {NAME_TABLE} (id, fold, sort_key) "
        "SELECT * FROM unnest(%s::integer[], %s::text[], %s::bytea[]) "
        "ON CONFLICT (id) DO UPDATE SET fold = EXCLUDED.fold, sort_key = EXCLUDED.sort_key",
        ([k[0] for k in keyed], [k[1] for k in keyed], [k[2] for k in keyed]),
    )
    return len(taken)


def mostly_pending(connection: psycopg.Connection) -> bool:
    """More heroes wait in the log than have name rows."""
    row = connection.execute(
        f"SELECT (SELECT count(*) FROM {PENDING_TABLE}) > (SELECT count(*) FROM {NAME_TABLE})"
    ).fetchone()
    return bool(row and row[0])


def catch_up(connection: psycopg.Connection, progress: Progress | None = None) -> int:
    """Key a backlog of logged heroes in batches, one transaction each (autocommit connection).

    Each batch is committed: a cancel keeps what was done, and the rest waits
    in the log. Returns the heroes keyed.
    """
    total = pending_count(connection)
    done = 0
    with NameKeyer(total) as keyer:
        while True:
            with connection.transaction():
                keyed = process_pending(connection, BATCH, keyer)
            if not keyed:
                return done
            done += keyed
            if progress is not None and progress(min(done, total), max(total, done)) is False:
                raise BuildCancelledError()
