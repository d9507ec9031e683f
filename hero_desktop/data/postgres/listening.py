"""Other clients' changes on a server: the LISTENing connection, or the change counters.

Hero Desktop's statement trigger sends ``NOTIFY hero_desktop`` whenever any
client changes ``hero`` (schema.py). ``ChangeListener`` keeps a connection
of its own that LISTENs for it, and tells the store whether a notification
came from a backend other than the store's own (each carries its sender's
pid): the store's own commits never look like another client's. Without the
trigger it reads the table's change counters instead (the window then polls).

Threads: the listener belongs to its store, so to the data worker's thread,
which owns its connection for its whole life; the window only watches its
socket (``socket``) for readability, never reads from it.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

import psycopg

from hero_desktop.data.errors import DatabaseError
from hero_desktop.data.location import ServerAddress
from hero_desktop.data.postgres import access, schema


@dataclass
class ChangeListener:
    """The LISTENing connection to ``address`` (when open) and what it has heard."""

    address: ServerAddress
    connection: psycopg.Connection | None = None
    _senders: list[int] = field(default_factory=list)
    """The backend pids of the notifications that arrived since the last look."""
    _counters: tuple[Any, ...] | None = None

    @property
    def listening(self) -> bool:
        return self.connection is not None

    def start(self) -> None:
        """LISTEN on a connection of its own, unless listening already.

        A failure (the server away, too many connections) leaves it not
        listening: the window polls meanwhile, and the store tries again.
        """
        if self.connection is not None:
            return
        try:
            connection = access.connect(self.address)
            connection.add_notify_handler(lambda note: self._senders.append(note.pid))
            connection.execute(f"LISTEN {schema.CHANNEL}")
        except (DatabaseError, psycopg.Error):
            return
        self.connection = connection

    def stop(self) -> None:
        """Close the listening connection (what it had not delivered is lost)."""
        if self.connection is not None:
            with suppress(psycopg.Error):
                self.connection.close()
            self.connection = None

    def socket(self) -> int | None:
        """The listening connection's socket (readable when another client changed heroes)."""
        if self.connection is None or self.connection.closed:
            return None
        try:
            return int(self.connection.fileno())
        except psycopg.Error:
            return None

    def heard_from_others(self, own_pid: int, *, wait: bool) -> bool:
        """True when a backend other than ``own_pid`` notified since the last look.

        ``wait`` asks the server for what it has sent (one round trip);
        without it, only what has already arrived in the socket is read.
        Raises psycopg.Error when the listening connection fails. Call only
        while ``listening``.
        """
        assert self.connection is not None
        if wait:
            self.connection.execute("SELECT 1")  # delivers what has arrived
        else:
            pgconn = self.connection.pgconn
            pgconn.consume_input()
            while (note := pgconn.notifies()) is not None:
                self._senders.append(note.be_pid)
        senders, self._senders[:] = list(self._senders), []
        return any(pid != own_pid for pid in senders)

    def counters_moved(self, connection: psycopg.Connection) -> bool:
        """Without the notify trigger: did ``hero``'s change counters or largest id move?

        Read on the store's ``connection``; the first look only remembers
        them. Raises psycopg.Error when that connection fails.
        """
        row = connection.execute(
            "SELECT s.n_tup_ins, s.n_tup_upd, s.n_tup_del, (SELECT max(id) FROM hero) "
            "FROM pg_stat_user_tables s WHERE s.relid = to_regclass('hero')"
        ).fetchone()
        counters = tuple(row) if row else None
        moved = self._counters is not None and counters != self._counters
        self._counters = counters
        return moved
