"""PostgreSQL's errors as sentences a user can act on.

psycopg raises one exception class per SQLSTATE; connection failures all
arrive as ``OperationalError`` whose only detail is libpq's message, so
those are told apart by its words. Every message names the server the way
the window does ("heroes on db.example") and never carries a password: the
address's ``name`` has none, and libpq's messages never repeat one.
"""

from __future__ import annotations

import psycopg
from psycopg import errors as pg_errors

from hero_desktop.data.errors import (
    DatabaseBusyError,
    DatabaseError,
    DiskFullError,
    HeroIdTakenError,
    PasswordNeededError,
    ReadOnlyDatabaseError,
    ServerUnreachableError,
    StatementInterruptedError,
)
from hero_desktop.data.location import ServerAddress
from hero_desktop.data.words import Words


class PostgresErrorWords(Words):
    """The translation context of PostgreSQL's errors, as the user reads them."""


class ConnectionLostError(DatabaseError):
    """The connection to the server broke; the change in hand was not written."""

    def __init__(self, address: ServerAddress) -> None:
        super().__init__(
            PostgresErrorWords.tr(
                "The connection to {server} was lost, so nothing was changed. "
                "Hero Desktop reconnects by itself; try again when it is back."
            ).format(server=address.name)
        )


def password_needed(address: ServerAddress) -> PasswordNeededError:
    if address.user is None:
        sentence = PostgresErrorWords.tr(
            "{server} asks for a password for your user, and none "
            "was given (in ~/.pgpass, PGPASSWORD or the Connect to Server dialog)."
        )
    else:
        sentence = PostgresErrorWords.tr(
            "{server} asks for a password for {user}, and none "
            "was given (in ~/.pgpass, PGPASSWORD or the Connect to Server dialog)."
        )
    return PasswordNeededError(sentence.format(server=address.name, user=address.user))


def connect_error(error: psycopg.Error, address: ServerAddress) -> DatabaseError:
    """Why connecting to ``address`` failed, in one sentence."""
    text = str(error)
    lowered = text.lower()
    # Each sentence names the user, or says "your user" when the address names none
    # (libpq then uses the login name): two whole sentences, never a glued name.
    named = address.user is not None
    values = {"server": address.name, "user": address.user, "database": address.dbname}
    if "no password supplied" in lowered or "password is required" in lowered:
        return password_needed(address)
    if "password authentication failed" in lowered or isinstance(error, pg_errors.InvalidPassword):
        return PasswordNeededError(
            (
                PostgresErrorWords.tr("{server} refused the password for {user}.")
                if named
                else PostgresErrorWords.tr("{server} refused the password for your user.")
            ).format(**values)
        )
    if "does not exist" in lowered and "database" in lowered:
        return DatabaseError(
            PostgresErrorWords.tr("The server has no database named {database}.").format(**values)
        )
    if "role" in lowered and "does not exist" in lowered:
        return DatabaseError(
            (
                PostgresErrorWords.tr("The server has no user named {user}.")
                if named
                else PostgresErrorWords.tr("The server has no user with your login name.")
            ).format(**values)
        )
    if "ssl is not enabled on the server" in lowered or "server does not support ssl" in lowered:
        return DatabaseError(
            PostgresErrorWords.tr(
                "{server} does not offer TLS, and the connection asks for it "
                "(TLS mode {mode}). Choose another TLS mode or enable TLS on the server."
            ).format(mode=address.sslmode, **values)
        )
    if "no encryption" in lowered and "pg_hba.conf" in lowered:
        return DatabaseError(
            PostgresErrorWords.tr(
                "{server} only accepts TLS connections from here. Choose the TLS mode "
                "“require” (or stronger) and connect again."
            ).format(**values)
        )
    if "pg_hba.conf" in lowered:
        return DatabaseError(
            (
                PostgresErrorWords.tr("{server} does not accept connections from {user} here.")
                if named
                else PostgresErrorWords.tr(
                    "{server} does not accept connections from your user on this computer."
                )
            ).format(**values)
        )
    if "permission denied" in lowered or isinstance(error, pg_errors.InsufficientPrivilege):
        return DatabaseError(
            (
                PostgresErrorWords.tr("{user} may not connect to {database} on this server.")
                if named
                else PostgresErrorWords.tr(
                    "Your user may not connect to {database} on this server."
                )
            ).format(**values)
        )
    if "certificate" in lowered:
        return DatabaseError(
            PostgresErrorWords.tr(
                "The TLS certificate of {server} could not be verified ({detail})."
            ).format(detail=_first_line(text), **values)
        )
    if any(
        words in lowered
        for words in (
            "connection refused",
            "no such file or directory",
            "could not translate host name",
            "timeout expired",
            "could not connect",
            "network is unreachable",
            "server closed the connection",
        )
    ):
        return ServerUnreachableError(
            PostgresErrorWords.tr(
                "Could not reach the PostgreSQL server for {server}. "
                "Check that it is running and that the host and port are right."
            ).format(**values)
        )
    return DatabaseError(
        PostgresErrorWords.tr("Could not connect to {server}: {detail}.").format(
            detail=_first_line(text), **values
        )
    )


def translate_error(error: psycopg.Error, address: ServerAddress) -> Exception:
    """A driver error raised while working: the typed error the rest of the app knows."""
    if isinstance(error, pg_errors.LockNotAvailable):
        return DatabaseBusyError()
    if isinstance(error, pg_errors.QueryCanceled):
        return StatementInterruptedError(PostgresErrorWords.tr("Cancelled: nothing was changed."))
    if isinstance(error, pg_errors.ReadOnlySqlTransaction | pg_errors.InsufficientPrivilege):
        return ReadOnlyDatabaseError()
    if isinstance(error, pg_errors.DiskFull):
        return DiskFullError()
    if isinstance(error, pg_errors.UniqueViolation):
        hero_id = _conflicting_id(error)
        if hero_id is not None:
            return HeroIdTakenError(hero_id)
    if isinstance(error, pg_errors.SerializationFailure | pg_errors.DeadlockDetected):
        return DatabaseBusyError()
    if isinstance(error, psycopg.OperationalError | psycopg.InterfaceError):
        return ConnectionLostError(address)
    return DatabaseError(
        PostgresErrorWords.tr("{server} reported an error: {detail}.").format(
            server=address.name, detail=_first_line(str(error))
        )
    )


def _conflicting_id(error: psycopg.Error) -> int | None:
    detail = error.diag.message_detail or ""
    # "Key (id)=(42) already exists."
    if detail.startswith("Key (id)=("):
        value = detail[len("Key (id)=(") :].split(")", 1)[0]
        if value.isdigit():
            return int(value)
    return None


def _first_line(text: str) -> str:
    if not text.strip():
        return PostgresErrorWords.tr("no detail", "in place of a server's message")
    return text.strip().splitlines()[0].rstrip(".")
