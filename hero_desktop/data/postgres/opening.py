"""Connecting to a PostgreSQL server and getting its ``hero`` table ready."""

from __future__ import annotations

from contextlib import suppress

import psycopg

from hero_desktop.data.errors import DatabaseBusyError, SchemaError
from hero_desktop.data.location import ServerAddress
from hero_desktop.data.name_index_state import SYNC_BUILD_ROWS, NameIndexStatus
from hero_desktop.data.postgres import maintenance, schema
from hero_desktop.data.postgres.access import connect
from hero_desktop.data.postgres.errors import translate_error
from hero_desktop.data.postgres.store import PostgresStore
from hero_desktop.data.store import ReadOnlyReason
from hero_desktop.data.words import Words


class PostgresOpeningWords(Words):
    """The translation context of opening a database on a PostgreSQL server."""


HERO_COLUMNS = ("id", "name", "age", "secret_name")


def open_server(
    address: ServerAddress, *, read_only: bool = False, allow_changes: bool = False
) -> PostgresStore:
    """Connect to ``address`` and get its ``hero`` table ready (created when missing).

    Hero Desktop's structures are added at once when it creates the table,
    or when ``allow_changes`` (the user agreed); otherwise
    ``name_index_offer`` says what it would add. A role that may only read
    ``hero`` gets a read-only store (``read_only_reason`` says which).
    """
    connection = connect(address)
    try:
        return _prepare(address, connection, read_only=read_only, allow_changes=allow_changes)
    except BaseException:
        with suppress(psycopg.Error):
            connection.close()
        raise


def _prepare(
    address: ServerAddress,
    connection: psycopg.Connection,
    *,
    read_only: bool,
    allow_changes: bool,
) -> PostgresStore:
    try:
        columns = schema.hero_columns(connection)
        created = False
        if not columns:
            if read_only:
                raise SchemaError(
                    PostgresOpeningWords.tr(
                        "{database} has no hero table, and it is open read-only."
                    ).format(database=address.dbname)
                )
            _create_hero_table(address, connection)
            created = True
            columns = schema.hero_columns(connection)
        names = [column[0] for column in columns]
        missing = [column for column in HERO_COLUMNS if column not in names]
        if missing:
            raise SchemaError(
                PostgresOpeningWords.tr(
                    "The hero table in {database} has no {columns} column(s), so Hero Desktop "
                    "cannot use it. It was left untouched.",
                    "",
                    len(missing),
                ).format(database=address.dbname, columns=", ".join(missing))
            )
        rights = schema.rights(connection)
        if rights is None:
            raise SchemaError(
                PostgresOpeningWords.tr("The hero table in {database} cannot be read.").format(
                    database=address.dbname
                )
            )
        may_write, owns_hero = rights
        store = PostgresStore(
            address=address,
            connection=connection,
            read_only=read_only or not may_write,
            created=created,
            unfillable_columns=tuple(
                name
                for name, not_null, has_default in columns
                if not_null and not has_default and name not in HERO_COLUMNS
            ),
            read_only_reason=_read_only_reason(asked=read_only, may_write=may_write),
        )
        index = store.names
        index.may_install = owns_hero and may_write and not read_only
        store._configure()
        index.seen(schema.status(connection))
        consent = created or allow_changes
        stale = index.status is NameIndexStatus.REBUILD
        if (
            index.may_install
            and index.status is not NameIndexStatus.READY
            and (consent or (stale and _small(connection)))
        ):
            # Consent, or Hero Desktop's own structures small enough to rebuild at once;
            # when another session holds hero, the window builds them in the background.
            with suppress(DatabaseBusyError):
                maintenance.build_name_index(address)
            index.seen(schema.status(connection))
        # A missing part (the pairs index, the folds in the name order's index) is added
        # in the background only: adding it waits for every older transaction on the
        # server (add_pairs, add_order_folds).
        store.look_at_parts()
    except psycopg.Error as error:
        raise translate_error(error, address) from None
    if index.status is NameIndexStatus.READY:
        index.may_read, index.may_key = schema.privileges(connection)
    store._listen()  # without the notify trigger: live_updates() says the window polls
    store.changed_elsewhere()
    return store


def _read_only_reason(*, asked: bool, may_write: bool) -> ReadOnlyReason | None:
    """Why the store is read-only (what the role may do comes before the request)."""
    if not may_write:
        return ReadOnlyReason.ROLE
    return ReadOnlyReason.ASKED if asked else None


# SYNC_BUILD_ROWS (name_index_state): up to this many heroes, stale structures are
# rebuilt while opening; a name of this module that _small reads (tests shrink it).


def _small(connection: psycopg.Connection) -> bool:
    row = connection.execute(
        "SELECT count(*) FROM (SELECT 1 FROM hero LIMIT %s) AS few", (SYNC_BUILD_ROWS + 1,)
    ).fetchone()
    return row is not None and int(row[0]) <= SYNC_BUILD_ROWS


def _create_hero_table(address: ServerAddress, connection: psycopg.Connection) -> None:
    """Create ``hero`` as the tutorial's app would (``SQLModel.metadata.create_all``)."""
    try:
        with connection.transaction():
            for statement in schema.hero_table_sql():
                connection.execute(statement)
    except psycopg.errors.InsufficientPrivilege:
        if address.user is None:
            refusal = PostgresOpeningWords.tr(
                "{database} has no hero table, and your role may not "
                "create one. Ask the database's owner to open it once with Hero Desktop (or the "
                "tutorial's app)."
            )
        else:
            refusal = PostgresOpeningWords.tr(
                "{database} has no hero table, and {user} may not "
                "create one. Ask the database's owner to open it once with Hero Desktop (or the "
                "tutorial's app)."
            )
        raise SchemaError(refusal.format(database=address.dbname, user=address.user)) from None
