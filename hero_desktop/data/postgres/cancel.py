"""Cancelling the statement on the worker's connection, from any thread, without waiting.

A cancel request travels to the server on a connection of its own, which can
take a while on a slow network, so it is never sent from the caller's
thread (the GUI's). Two small classes share the work, and they are the only
things of a ``PostgresStore`` that another thread touches:

* ``CancelHandle``: the worker's current connection, published under a lock
  (the worker replaces it on a reconnect);
* ``Canceller``: ONE long-lived daemon thread per store that sends the
  requests, fed by a queue; requests made while one waits are coalesced.
"""

from __future__ import annotations

import queue
import select
import threading
import time
from collections.abc import Callable
from contextlib import suppress

import psycopg
from psycopg import capabilities
from psycopg.pq import PollingStatus

CANCEL_TIMEOUT_S = 5
"""How long one cancel request may take before it is given up."""


class CancelHandle:
    """The worker's connection, as the canceller thread may reach it.

    Threads: the data worker's thread (the connection's owner) publishes its
    connection when the store is made and after every reconnect, and
    withdraws it before closing it; the canceller thread takes from it what
    a cancel request needs (``sender``). The lock guards only
    ``_connection``: while it is held, the worker cannot close or replace
    the connection under the canceller's feet.
    """

    def __init__(self, connection: psycopg.Connection | None = None) -> None:
        self._lock = threading.Lock()
        self._connection = connection

    def publish(self, connection: psycopg.Connection | None) -> None:
        """The connection the worker uses from now on (None: none, it is closing)."""
        with self._lock:
            self._connection = connection

    def sender(self) -> Callable[[], None] | None:
        """What sends one cancel request for the connection's backend, or None when closed.

        It is made from the connection under the lock (no network; nothing
        of the connection changes) and called without it: it talks to the
        server on a connection of its own.
        """
        with self._lock:
            connection = self._connection
            if connection is None or connection.closed:
                return None
            try:
                if capabilities.has_cancel_safe():  # libpq 17: as the connection is (TLS)
                    cancel_conn = connection.pgconn.cancel_conn()
                    return lambda: _send(cancel_conn)
                return connection.pgconn.get_cancel().cancel
            except psycopg.Error:
                return None


class Canceller:
    """Sends the store's cancel requests from one long-lived daemon thread.

    Threads: any thread calls ``request`` (it never blocks: it puts a token
    in the queue, at most one waiting); the thread "hero-cancel", started on
    the first request, sends them; the data worker's thread calls ``stop``
    when the store closes. ``_lock`` guards ``_waiting``, ``_thread`` and
    ``_stopped``.
    """

    def __init__(self, handle: CancelHandle) -> None:
        self._handle = handle
        self._lock = threading.Lock()
        self._queue: queue.SimpleQueue[bool] = queue.SimpleQueue()
        self._waiting = False
        self._stopped = False
        self._thread: threading.Thread | None = None

    def request(self) -> None:
        """Cancel whatever runs on the worker's connection, soon (any thread; never waits).

        Requests made while one waits to be sent are one request; one made
        while a cancel is on its way is sent after it (it may be meant for a
        newer statement).
        """
        with self._lock:
            if self._stopped or self._waiting:
                return
            self._waiting = True
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="hero-cancel", daemon=True)
                self._thread.start()
        self._queue.put(True)

    def stop(self) -> None:
        """No more requests; the thread ends once a cancel on its way is done."""
        with self._lock:
            self._stopped = True
            running = self._thread is not None
        if running:
            self._queue.put(False)

    def _run(self) -> None:
        while self._queue.get():
            with self._lock:
                self._waiting = False
            send = self._handle.sender()
            if send is not None:
                # A failed request is let go: the statement then simply finishes.
                with suppress(psycopg.Error, OSError):
                    send()


def _send(cancel_conn: psycopg.pq.abc.PGcancelConn) -> None:
    """Send one cancel request, giving up after ``CANCEL_TIMEOUT_S``."""
    deadline = time.monotonic() + CANCEL_TIMEOUT_S
    try:
        cancel_conn.start()
        while True:
            status = cancel_conn.poll()
            if status not in (PollingStatus.READING, PollingStatus.WRITING):
                return  # sent (OK), or failed
            left = deadline - time.monotonic()
            if left <= 0:
                return
            socket = [cancel_conn.socket]
            if status == PollingStatus.READING:
                select.select(socket, [], [], left)
            else:
                select.select([], socket, [], left)
    finally:
        cancel_conn.finish()
