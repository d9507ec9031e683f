"""Long work on a server database, on a connection of its own, from any thread.

Building Hero Desktop's name structures (or keying a backlog of heroes an
import left in the change log) takes seconds on a big table, so it runs
beside the data worker: the functions here take only values (the address,
a callback), open their own connection in the calling thread, find out on
it what state the database is in, and close it before returning. Nothing
of an open store is read.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

import psycopg

from hero_desktop.data.errors import OperationCancelledError, ReadOnlyDatabaseError, SchemaError
from hero_desktop.data.location import ServerAddress
from hero_desktop.data.name_index_state import NameIndexStatus
from hero_desktop.data.postgres import schema
from hero_desktop.data.postgres.access import connect
from hero_desktop.data.postgres.errors import translate_error
from hero_desktop.data.words import Words


class PostgresMaintenanceWords(Words):
    """The translation context of building the name index on a PostgreSQL server."""


BUILD_LOCK_WAIT_MS = 2000
"""A build gives up (DatabaseBusyError) when another session holds ``hero`` this long."""


def build_name_index(
    address: ServerAddress,
    progress: schema.Progress | None = None,
    *,
    read_only: bool = False,
    finish_only: bool = False,
) -> int:
    """Add (or rebuild) the name structures in one transaction; return the heroes done.

    With the structures in place and a backlog in the change log (an
    import), it keys the backlog instead, in batches, each committed; with
    neither, it adds what structures an earlier Hero Desktop built lack (the
    pairs index, the folds in the name order's index), if this role may
    (``schema.add_pairs``, ``schema.add_order_folds``), and otherwise does
    nothing (returns 0); so does ``finish_only`` on complete structures
    (another session added the pairs index meanwhile), never a rebuild.
    Each way ``progress(done, total)`` returning False cancels
    (OperationCancelledError): a build leaves the database as it was, a
    part being added is dropped (one added before it stays), a catch-up
    keeps the batches done. While the server
    sorts an index ``progress`` is asked from a thread of its own. Refused
    (ReadOnlyDatabaseError) when opened read-only or when the role may not
    write heroes.
    """
    if read_only:
        raise ReadOnlyDatabaseError()
    connection = connect(address)
    backlog = False
    try:
        # Never queue forever behind another session's lock on hero (and never
        # make everyone's reads queue behind this build meanwhile).
        connection.execute(f"SET lock_timeout = {BUILD_LOCK_WAIT_MS}")
        found = schema.rights(connection)
        if found is None:
            raise SchemaError(
                PostgresMaintenanceWords.tr("{database} has no hero table.").format(
                    database=address.dbname
                )
            )
        may_write, owns_hero = found
        if not may_write:
            raise ReadOnlyDatabaseError()
        ready = schema.status(connection) is NameIndexStatus.READY
        backlog = ready and schema.has_backlog(connection)
        parts = schema.parts(connection) if ready else schema.NOTHING_TO_ADD
        if not (backlog or parts.complete):
            # Structures an earlier Hero Desktop built: only what they lack is added, by
            # this role if it may and nobody else is adding it; never a rebuild for it.
            if not parts.may_add:
                return 0
            try:
                done = 0 if parts.pairs else schema.add_pairs(connection, progress)
                if not parts.order_folds:
                    done = max(done, schema.add_order_folds(connection, progress))
            except schema.BuildCancelledError:
                # (A part added before the cancel stays: each is whole on its own.)
                raise OperationCancelledError(
                    PostgresMaintenanceWords.tr(
                        "Cancelled: the name index works as it is; what it lacks is added "
                        "the next time the database is opened."
                    )
                ) from None
            return done
        if finish_only and not backlog:
            return 0
        # When most heroes wait (an import into a small roster), building it all
        # anew, indexes after the rows, is several times faster than batches.
        if backlog and not (owns_hero and schema.mostly_pending(connection)):
            return schema.catch_up(connection, progress)
        connection.execute("BEGIN")
        try:
            # On disk before the vacuum below, which marks only rows whose commit is (where
            # commits do not wait for it: a server's own setting, standbys and all, stays).
            connection.execute(
                "SELECT set_config('synchronous_commit', 'local', true) "
                "WHERE current_setting('synchronous_commit') = 'off'"
            )
            done = schema.build(connection, progress)
        except BaseException:
            with suppress(psycopg.Error):
                connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
        schema.vacuum_names(connection)
        return done
    except schema.BuildCancelledError:
        if backlog:
            raise OperationCancelledError(
                PostgresMaintenanceWords.tr(
                    "Cancelled: the other new heroes join the name index later; "
                    "until then, search reads the whole table."
                )
            ) from None
        raise OperationCancelledError(
            PostgresMaintenanceWords.tr(
                "Cancelled: the name index was not added; the database is as it was."
            )
        ) from None
    except psycopg.Error as error:
        raise translate_error(error, address) from None
    finally:
        with suppress(psycopg.Error):
            connection.close()


def check_integrity(address: ServerAddress, stop: Callable[[], bool] = lambda: False) -> str | None:
    """The server guards its own storage: nothing for a client to check (always None)."""
    return None
