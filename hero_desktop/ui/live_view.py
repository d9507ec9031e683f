"""Changes from outside the window: other programs' commits, and a damaged file.

Every 500 ms, when the data worker has nothing else to do, it is asked
whether another program committed to the file (the store's
``changed_elsewhere``: SQLite's ``PRAGMA data_version``); if so the table
refreshes, keeping page, sort, search and selection, and never closing a
cell editor (the refresh waits for the editor to close).

Once after opening, the store's ``check_integrity`` (SQLite's quick check)
reads the whole file on a separate connection in a thread of its own; a
damaged file turns the window read-only. Closing the window stops the
check at once instead of waiting for it.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, QTimer, Signal

from hero_desktop.data.store import HeroStore
from hero_desktop.ui.data_worker import DataClient
from hero_desktop.ui.table_navigator import TableNavigator

POLL_INTERVAL_MS = 500


class LiveView(QObject):
    damaged = Signal(str)  # what SQLite's quick check found wrong

    def __init__(
        self, client: DataClient, navigator: TableNavigator, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.navigator = navigator
        self._asking = False
        self._stop = threading.Event()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hero-check")
        self._check: Future[str | None] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_INTERVAL_MS)
        self.timer.timeout.connect(self._poll)

    def start(self, database: HeroStore) -> None:
        self._check = self._executor.submit(database.check_integrity, self._stop.is_set)
        self.timer.start()

    def _poll(self) -> None:
        if self._check is not None and self._check.done():
            problem = self._check.result()
            self._check = None
            if problem:
                self.damaged.emit(problem)
        if self.navigator.pending_refresh:
            self.navigator.refresh()  # held back while a cell editor was open
            return
        if self._asking or not self.client.is_idle():
            return  # the user's own requests come first
        self._asking = True
        self.client.ask(lambda repository: repository.poll_changes(), self._answered, self._gave_up)

    def _answered(self, changed: object) -> None:
        self._asking = False
        if changed:
            self.navigator.refresh()

    def _gave_up(self, _error: BaseException) -> None:
        self._asking = False

    def stop(self) -> None:
        self.timer.stop()
        self._stop.set()
        self._executor.shutdown(wait=True, cancel_futures=True)
