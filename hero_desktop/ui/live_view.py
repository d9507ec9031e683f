"""Changes from outside the window: other programs' commits, a lost server, a damaged file.

How the window learns of another program's commit depends on the store:

* a SQLite file: every 500 ms, when the data worker has nothing else to do,
  it is asked (``changed_elsewhere``: SQLite's ``PRAGMA data_version``);
* a PostgreSQL server with Hero Desktop's trigger: a ``QSocketNotifier``
  watches the connection that LISTENs for ``NOTIFY hero_desktop``; only when
  something arrives is the worker asked (no polling). Without the trigger,
  or while the server is away, the worker is asked every second
  (``poll_interval_ms``), which also reconnects.

Either way the table refreshes, keeping page, sort, search and selection,
and never closing a cell editor (the navigator holds the refresh until the
editor closes).
``connectionChanged`` carries the banner's text while the server cannot be
reached ("" once it is back).

Once after opening, ``maintenance.check_integrity`` (SQLite's quick check)
reads the whole file on a connection of its own, owned by a thread of its
own; a damaged file turns the window read-only. Closing the window tells
the check to stop and does not wait for it.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from hero_desktop.data import maintenance
from hero_desktop.data.facts import StoreFacts
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.store import ChangeFeed, NameIndex
from hero_desktop.ui.data_worker import DataClient
from hero_desktop.ui.table_navigator import TableNavigator


class LiveView(QObject):
    damaged = Signal(str)  # what SQLite's quick check found wrong
    connectionChanged = Signal(str)  # noqa: N815 - why the server is out of reach, or ""
    nameIndexStale = Signal(bool)  # noqa: N815 - whether the store's name index needs a build

    def __init__(
        self, client: DataClient, navigator: TableNavigator, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.navigator = navigator
        self._asking = False
        self._problem = ""
        self._stop = threading.Event()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hero-check")
        self._check: Future[str | None] | None = None
        self._notifier: QSocketNotifier | None = None
        self._socket: int | None = None
        self._interval: int | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._poll)

    def start(self, facts: StoreFacts) -> None:
        # The check opens a connection of its own, owned by its thread.
        self._check = self._executor.submit(
            maintenance.check_integrity, facts.location, self._stop.is_set
        )
        self._run_timer()
        self._ask()  # (its answer says how to follow: poll interval, notification socket)

    def _follow(self, interval: int | None, socket: int | None) -> None:
        """Poll every ``interval`` ms (None: not at all), and watch ``socket`` when there is one."""
        if socket != self._socket:
            if self._notifier is not None:
                self._notifier.setEnabled(False)
                self._notifier.deleteLater()
                self._notifier = None
            self._socket = socket
            if socket is not None:
                self._notifier = QSocketNotifier(socket, QSocketNotifier.Type.Read, self)
                self._notifier.activated.connect(self._notified)
        if self._notifier is not None:
            self._notifier.setEnabled(not self._asking)
        self._interval = interval
        self._run_timer()

    def _run_timer(self) -> None:
        """Poll at the store's interval; without one, only while something waits for a poll."""
        interval = self._interval
        # The integrity check's answer is looked at by the poll: keep it going till then.
        if interval is None and self._check is not None:
            interval = 500
        if interval is None:
            self.timer.stop()
        elif not self.timer.isActive() or self.timer.interval() != interval:
            self.timer.start(interval)

    def _notified(self) -> None:
        # The worker reads the socket; until then it stays readable, so stop watching.
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        self._ask()

    def _poll(self) -> None:
        if self._check is not None and self._check.done():
            problem = self._check.result()
            self._check = None
            if problem:
                self.damaged.emit(problem)
            self._run_timer()
        if not self.client.is_idle():
            return  # the user's own requests come first
        self._ask()

    def _ask(self) -> None:
        if self._asking:
            return
        self._asking = True

        def poll(repository: HeroRepository) -> tuple[bool, str, int | None, int | None, bool]:
            feed: ChangeFeed = repository.store
            names: NameIndex = repository.store
            changed = repository.poll_changes()
            problem = feed.connection_problem() or ""
            interval, socket = feed.poll_interval_ms(), feed.notification_socket()
            return changed, problem, interval, socket, names.needs_name_index_build()

        self.client.ask(poll, self._answered, self._gave_up)

    def _answered(self, answer: object) -> None:
        self._asking = False
        assert isinstance(answer, tuple)
        changed, problem, interval, socket, stale = answer
        if problem != self._problem:
            self._problem = problem
            self.connectionChanged.emit(problem)
            if not problem:
                changed = True  # back: show what the server holds now
        if changed:
            self.navigator.refresh()
        self._follow(interval, socket)
        self.nameIndexStale.emit(stale)

    def _gave_up(self, _error: BaseException) -> None:
        self._asking = False
        if self._notifier is not None:
            self._notifier.setEnabled(True)

    def stop(self) -> None:
        self.timer.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        self._stop.set()  # the check stops within a moment, on its own: nothing waits for it
        self._executor.shutdown(wait=False, cancel_futures=True)
