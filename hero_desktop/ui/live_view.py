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
and never closing a cell editor: with one open, the page is changed in place
when the edited hero stays on its row (the editor keeps what was typed), and
held until the editor closes otherwise (``TableNavigator.refresh``). The
poll's answer also says whether the name index needs a build
(``nameIndexStale``).
``connectionChanged`` carries the banner's text while the server cannot be
reached ("" once it is back).

Once after opening, ``maintenance.check_integrity`` (SQLite's quick check)
reads the whole file on a connection of its own, owned by a thread of its
own; a damaged file turns the window read-only. Closing the window tells
the check to stop and does not wait for it.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from hero_desktop.data import maintenance
from hero_desktop.data.facts import StoreFacts
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.location import Location
from hero_desktop.data.name_index_state import NameIndexWork
from hero_desktop.data.store import ChangeFeed, NameIndex
from hero_desktop.ui.data_worker import DataClient
from hero_desktop.ui.table_navigator import TableNavigator


class LiveView(QObject):
    damaged = Signal(str)  # what SQLite's quick check found wrong
    connectionChanged = Signal(str)  # noqa: N815 - why the server is out of reach, or ""
    # What the store's name index needs built (NameIndexWork), or None.
    nameIndexStale = Signal(object)  # noqa: N815

    def __init__(
        self, client: DataClient, navigator: TableNavigator, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.navigator = navigator
        self._asking = False
        self._problem = ""
        self._stop = threading.Event()
        self._check: _Check | None = None
        self._notifier: QSocketNotifier | None = None
        self._socket: int | None = None
        self._interval: int | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._poll)

    def start(self, facts: StoreFacts) -> None:
        # The check opens a connection of its own, owned by its thread.
        self._check = _Check(facts.location, self._stop)
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
            check, self._check = self._check, None
            problem = check.result()
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

        def poll(
            repository: HeroRepository,
        ) -> tuple[bool, str, int | None, int | None, NameIndexWork | None]:
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
        self._check = None


class _Check:
    """The integrity check in a thread of its own, with a connection of its own.

    A daemon thread: told to stop on close, it ends within a moment, and at
    exit nothing waits for it (a read-only check has nothing to finish).
    """

    def __init__(self, location: Location, stop: threading.Event) -> None:
        self._outcome: list[str | None] = []
        self._failure: list[BaseException] = []
        self._thread = threading.Thread(
            target=self._run, args=(location, stop), name="hero-check", daemon=True
        )
        self._thread.start()

    def _run(self, location: Location, stop: threading.Event) -> None:
        try:
            self._outcome.append(maintenance.check_integrity(location, stop.is_set))
        except BaseException as error:  # handed to the GUI thread by result()
            self._failure.append(error)

    def done(self) -> bool:
        return not self._thread.is_alive()

    def result(self) -> str | None:
        """What the check found (None: nothing, or it could not finish); its error if any."""
        if self._failure:
            raise self._failure[0]
        return self._outcome[0] if self._outcome else None
