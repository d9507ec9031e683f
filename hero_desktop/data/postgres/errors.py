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


class ConnectionLostError(DatabaseError):
    """The connection to the server broke; the change in hand was not written."""

    def __init__(self, address: ServerAddress) -> None:
        super().__init__(
            f"The connection to {address.name} was lost, so nothing was changed. "
            "Hero Desktop reconnects by itself; try again when it is back."
        )


def password_needed(address: ServerAddress) -> PasswordNeededError:
    return PasswordNeededError(
        f"{address.name} asks for a password for {address.user or 'your user'}, and none "
        "was given (in ~/.pgpass, PGPASSWORD or the Connect to Server dialog)."
    )


def connect_error(error: psycopg.Error, address: ServerAddress) -> DatabaseError:
    """Why connecting to ``address`` failed, in one sentence."""
    text = str(error)
    lowered = text.lower()
    user = address.user or "your user"
    database = address.dbname
    if "no password supplied" in lowered or "password is required" in lowered:
        return password_needed(address)
    if "password authentication failed" in lowered or isinstance(error, pg_errors.InvalidPassword):
        return PasswordNeededError(f"{address.name} refused the password for {user}.")
    if "does not exist" in lowered and "database" in lowered:
        return DatabaseError(f"The server has no database named {database}.")
    if "role" in lowered and "does not exist" in lowered:
        return DatabaseError(f"The server has no user named {user}.")
    if "ssl is not enabled on the server" in lowered or "server does not support ssl" in lowered:
        return DatabaseError(
            f"{address.name} does not offer TLS, and the connection asks for it "
            f"(TLS mode {address.sslmode}). Choose another TLS mode or enable TLS on the server."
        )
    if "no encryption" in lowered and "pg_hba.conf" in lowered:
        return DatabaseError(
            f"{address.name} only accepts TLS connections from here. Choose the TLS mode "
            "“require” (or stronger) and connect again."
        )
    if "pg_hba.conf" in lowered:
        return DatabaseError(f"{address.name} does not accept connections from {user} here.")
    if "permission denied" in lowered or isinstance(error, pg_errors.InsufficientPrivilege):
        return DatabaseError(f"{user} may not connect to {database} on this server.")
    if "certificate" in lowered:
        return DatabaseError(
            f"The TLS certificate of {address.name} could not be verified ({_first_line(text)})."
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
            f"Could not reach the PostgreSQL server for {address.name}. "
            "Check that it is running and that the host and port are right."
        )
    return DatabaseError(f"Could not connect to {address.name}: {_first_line(text)}.")


def translate_error(error: psycopg.Error, address: ServerAddress) -> Exception:
    """A driver error raised while working: the typed error the rest of the app knows."""
    if isinstance(error, pg_errors.LockNotAvailable):
        return DatabaseBusyError()
    if isinstance(error, pg_errors.QueryCanceled):
        return StatementInterruptedError("Cancelled: nothing was changed.")
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
    return DatabaseError(f"{address.name} reported an error: {_first_line(str(error))}.")


def _conflicting_id(error: psycopg.Error) -> int | None:
    detail = error.diag.message_detail or ""
    # "Key (id)=(42) already exists."
    if detail.startswith("Key (id)=("):
        value = detail[len("Key (id)=(") :].split(")", 1)[0]
        if value.isdigit():
            return int(value)
    return None


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0].rstrip(".") if text.strip() else "no detail"
