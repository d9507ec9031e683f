"""The data worker: the one thread that talks to the database, and the GUI's client of it.

The GUI thread never waits on the database. ``DataClient.ask`` sends a piece
of work (a function of the repository) to the worker thread, which owns the
connection (SQLite connections belong to the thread that made them), and the
answer comes back by a queued signal to the callback given with it.

* A *view* request (a page, a search) replaces the one before it: the older
  answer is dropped, an older request still queued is skipped, and one still
  running is interrupted (``HeroStore.interrupt`` is safe from another thread).
* When another program holds the write lock, a request waits in the worker,
  statement by statement, until the lock is free or its ``cancel`` event is
  set; ``waiting`` tells the GUI so that it can say so and offer Cancel.
* ``busyChanged(True)`` comes only once work has been pending for 300 ms, so
  quick answers never flash a busy indicator.
* ``warm_up`` (once the first page is painted) imports, in a thread beside the
  worker (so that page keys are answered meanwhile), the modules that adding,
  editing and importing need (pydantic, SQLModel, SQLAlchemy, CSV) and loads
  the collation table: the window shows its first page without them, and the
  first edit or search does not pause for them.

Why one file of this length: the worker and its client are the two sides of
one thread boundary (request ids, superseding, lock waits, closing); split
apart, each half would only make sense with the other open beside it.
"""

from __future__ import annotations

import contextlib
import importlib
import itertools
import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from hero_desktop.data import names
from hero_desktop.data.errors import (
    DatabaseBusyError,
    HeroError,
    OperationCancelledError,
    StatementInterruptedError,
)
from hero_desktop.data.facts import StoreFacts, facts_of
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.location import ServerAddress
from hero_desktop.data.opening import open_store
from hero_desktop.data.store import HeroStore
from hero_desktop.data.views import PageRequest, PageView, read_page
from hero_desktop.data.words import Words
from hero_desktop.ui.lingering import linger
from hero_desktop.ui.name_recheck import check_beside

log = logging.getLogger("hero_desktop")

BUSY_INDICATOR_AFTER_MS = 300
# Not needed for the first page; imported by ``warm_up`` once it is painted.
WARM_UP_MODULES = ("hero_desktop.data.models", "hero_desktop.data.csv_io")
# Each statement waits this long for another program's lock before the worker
# reports "waiting" and tries again, so Cancel answers within a fraction of a second.
LOCK_WAIT_MS = 250

Work = Callable[[HeroRepository], Any]
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class DataWorkerWords(Words):
    """The translation context of the data worker's messages (they reach the user)."""


class SupersededError(Exception):
    """A view request the user has moved past; its answer is never shown."""


@dataclass
class _Job:
    work: Work | None
    view: bool = False
    cancel: threading.Event = field(default_factory=threading.Event)


@dataclass
class _Shared:
    """What both threads read: the newest view request and the one running."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    latest_view: int = 0
    running: int | None = None
    running_view: bool = False
    database: HeroStore | None = None


class _Worker(QObject):
    finished = Signal(int, object, object)  # request id, result, error
    waiting = Signal(int)  # request id waiting for another program's lock
    opened = Signal(object, object)  # the StoreFacts, and the first page read (or None)
    openFailed = Signal(object)  # noqa: N815 - the HeroError
    warmedUp = Signal()  # noqa: N815
    namesStale = Signal()  # noqa: N815 - from name_recheck's thread: handled in this one

    def __init__(
        self,
        shared: _Shared,
        location: Path | ServerAddress,
        read_only: bool,
        first_page: PageRequest | None,
    ) -> None:
        super().__init__()
        self._shared = shared
        self._location = location
        self._first_page = first_page
        self._read_only = read_only
        self._repository: HeroRepository | None = None
        self._gave_up_on_lock = False  # a change was cancelled while another program wrote
        self._stop_checks = threading.Event()
        self.namesStale.connect(self._names_stale)

    @Slot()
    def open(self) -> None:
        try:
            database = open_store(self._location, read_only=self._read_only)
        except HeroError as error:
            self.openFailed.emit(error)
            return
        database.set_lock_wait(LOCK_WAIT_MS)
        self._repository = HeroRepository(database)
        with self._shared.lock:
            self._shared.database = database
        first_view: PageView | None = None
        if self._first_page is not None:
            # Read now, while the window is still being built: it shows this page as
            # soon as it learns that the file is open, with no request of its own.
            with contextlib.suppress(HeroError):
                first_view = read_page(self._repository, self._first_page)
        self.opened.emit(facts_of(database, self._location), first_view)

    @Slot()
    def warm_up(self) -> None:
        names.warm_up()  # the collation table, in a thread of its own
        if self._repository is not None:
            # The checks opening left out to show the first page sooner; a big file's
            # counts beside this thread. A stale index is then rebuilt.
            self._repository.store.recheck_name_index()
            check_beside(self._location, self.namesStale.emit, self._stop_checks)
        # Imported beside this thread too (0.5-1 s): a page key is answered meanwhile.
        threading.Thread(target=self._import_for_changes, name="hero-warm-up").start()

    def _import_for_changes(self) -> None:
        for name in WARM_UP_MODULES:
            importlib.import_module(name)
        self.warmedUp.emit()

    @Slot()
    def _names_stale(self) -> None:
        if self._repository is not None:
            self._repository.store.name_index_stale()

    @Slot(int, object)
    def run(self, request_id: int, job: _Job) -> None:
        shared = self._shared
        if job.view and request_id < shared.latest_view:
            self.finished.emit(request_id, None, SupersededError())
            return
        with shared.lock:
            shared.running, shared.running_view = request_id, job.view
        result: Any = None
        error: BaseException | None = None
        try:
            result = self._attempt(request_id, job)
        except BaseException as failure:  # every failure goes back to the GUI, which shows it
            error = failure
        finally:
            with shared.lock:
                shared.running = None
        self.finished.emit(request_id, result, error)

    def _attempt(self, request_id: int, job: _Job) -> Any:
        if self._repository is None or job.work is None:
            raise OperationCancelledError(DataWorkerWords.tr("The database is not open."))
        reported = interrupted = False
        while True:
            try:
                return job.work(self._repository)
            except StatementInterruptedError:
                # A cancel sent for an older request can reach the server after that
                # request ended and stop this one instead: it runs once more.
                if job.view and request_id < self._shared.latest_view:
                    raise SupersededError() from None
                if interrupted or job.cancel.is_set():
                    raise
                interrupted = True
            except DatabaseBusyError:
                if job.cancel.is_set():
                    self._gave_up_on_lock = True
                    raise OperationCancelledError(
                        DataWorkerWords.tr("Cancelled: nothing was changed.")
                    ) from None
                if job.view and request_id < self._shared.latest_view:
                    raise SupersededError() from None
                if not reported:
                    self.waiting.emit(request_id)
                    reported = True

    @Slot()
    def close(self) -> None:
        self._stop_checks.set()
        if self._repository is not None:
            if self._gave_up_on_lock:
                # Another program still holds the lock: the closing checkpoint tries
                # once and leaves the WAL (the next open folds it in) rather than wait.
                self._repository.store.set_lock_wait(1)  # (0 is "no limit" on a server)
            self._repository.store.close()
            self._repository = None
            with self._shared.lock:
                self._shared.database = None
        thread = self.thread()
        if thread is not None:
            thread.quit()


@dataclass
class _Pending:
    done: Done | None
    failed: Failed | None
    view: bool
    cancel: threading.Event


class DataClient(QObject):
    """The GUI's side of the data worker: ask, and get the answer by callback."""

    busyChanged = Signal(bool)  # noqa: N815
    waitingChanged = Signal(bool)  # noqa: N815 - a change waits for another program's lock
    opened = Signal(object)  # the StoreFacts, once open
    openFailed = Signal(str)  # noqa: N815 - a message for the user
    warmedUp = Signal()  # noqa: N815 - warm_up is done: what changes need is loaded
    _submit = Signal(int, object)
    _open = Signal()
    _warm_up = Signal()
    _close = Signal()

    def __init__(
        self,
        location: Path | ServerAddress,
        read_only: bool,
        parent: QObject | None = None,
        *,
        first_page: PageRequest | None = None,
    ) -> None:
        super().__init__(parent)
        self.open_error: HeroError | None = None
        """Why the database could not be opened (the window manager may ask and retry)."""
        self._first_view: PageView | None = None
        self._shared = _Shared()
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._waiting: set[int] = set()
        self._busy = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_INDICATOR_AFTER_MS)
        self._busy_timer.timeout.connect(lambda: self._set_busy(bool(self._pending)))
        self._thread = QThread()
        self._thread.setObjectName("hero-data")
        self._worker = _Worker(self._shared, location, read_only, first_page)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._open.connect(self._worker.open)
        self._warm_up.connect(self._worker.warm_up)
        self._close.connect(self._worker.close)
        self._worker.finished.connect(self._finished)
        self._worker.waiting.connect(self._started_waiting)
        self._worker.opened.connect(self._was_opened)
        self._worker.warmedUp.connect(self._warmed_up)
        # A method of this object, not a lambda: the answer is then queued to the GUI
        # thread and arrives after the window has connected to openFailed (a lambda
        # ran in the worker thread, and a quick failure at launch was lost).
        self._worker.openFailed.connect(self._open_failed)
        self._thread.start()
        self._closed = False
        self._open.emit()

    # -- asking ------------------------------------------------------------------

    def ask(
        self,
        work: Work,
        done: Done | None = None,
        failed: Failed | None = None,
        *,
        view: bool = False,
        cancel: threading.Event | None = None,
    ) -> int:
        """Run ``work(repository)`` in the worker; ``done(result)`` or ``failed(error)`` after.

        A ``view`` request supersedes every earlier view request. Once the
        client is closed nothing is asked, and neither callback runs.
        """
        if self._closed:
            return 0
        request_id = next(self._ids)
        job = _Job(work, view, cancel or threading.Event())
        if view:
            self._supersede_views(request_id)
        self._pending[request_id] = _Pending(done, failed, view, job.cancel)
        if not self._busy_timer.isActive() and not self._busy:
            self._busy_timer.start()
        self._submit.emit(request_id, job)
        return request_id

    def _supersede_views(self, newest: int) -> None:
        shared = self._shared
        with shared.lock:
            shared.latest_view = newest
            if shared.running is not None and shared.running_view and shared.database:
                shared.database.interrupt()

    def take_first_view(self) -> PageView | None:
        """The page asked for with ``first_page``, read as the database opened; once only."""
        view, self._first_view = self._first_view, None
        return view

    def warm_up(self) -> None:
        """Import what changes need, beside the worker thread (see ``WARM_UP_MODULES``)."""
        if not self._closed:
            self._warm_up.emit()

    def cancel_waiting(self) -> None:
        """Give up the changes that wait for another program's lock."""
        for request_id in self._waiting:
            pending = self._pending.get(request_id)
            if pending is not None:
                pending.cancel.set()

    def is_idle(self) -> bool:
        return not self._pending

    def is_pending(self, request_id: int) -> bool:
        """The request's answer is still to come (not answered, and not superseded)."""
        pending = self._pending.get(request_id)
        return pending is not None and not (pending.view and request_id < self._shared.latest_view)

    def thread_finished(self) -> bool:
        return self._thread.isFinished()

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def waiting(self) -> bool:
        return bool(self._waiting)

    # -- answers -----------------------------------------------------------------

    def _open_failed(self, error: HeroError) -> None:
        if self._closed:
            return  # the window went before the database opened: nobody to tell
        self.open_error = error
        self.openFailed.emit(error.message)

    def _was_opened(self, facts: StoreFacts, first_view: PageView | None) -> None:
        if self._closed:
            return
        self._first_view = first_view
        self.opened.emit(facts)

    def _warmed_up(self) -> None:
        if not self._closed:
            self.warmedUp.emit()

    def _started_waiting(self, request_id: int) -> None:
        if request_id in self._pending:
            self._waiting.add(request_id)
            self.waitingChanged.emit(True)

    def _finished(self, request_id: int, result: object, error: BaseException | None) -> None:
        pending = self._pending.pop(request_id, None)
        if request_id in self._waiting:
            self._waiting.discard(request_id)
            if not self._waiting:
                self.waitingChanged.emit(False)
        if not self._pending:
            self._busy_timer.stop()
            self._set_busy(False)
        if pending is None:
            return
        stale = pending.view and request_id < self._shared.latest_view
        if stale or isinstance(error, SupersededError):
            return
        if error is None:
            if pending.done is not None:
                pending.done(result)
        elif pending.failed is not None and isinstance(error, Exception):
            pending.failed(error)
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)

    # -- closing -----------------------------------------------------------------

    def close(self) -> None:
        """Stop at once, never waiting: the worker ends on its own, then ``closed``.

        Reads are interrupted and every request's ``cancel`` is set: a change
        waiting for another program's lock is given up (nothing written), an
        import or export stops and rolls back, and a change already writing
        commits (and is logged by its work, in the worker). Answers that
        arrive after this are dropped: the window they were for is going.
        Until its thread has ended the client keeps itself alive
        (``lingering.linger``), so a window can be deleted at once.
        """
        if self._closed:
            return
        self._closed = True
        for pending in self._pending.values():
            pending.cancel.set()
        self._pending.clear()
        self._waiting.clear()
        self._busy_timer.stop()
        self._supersede_views(next(self._ids))
        with self._shared.lock:
            if self._shared.database is not None:
                # A read of any kind waiting for the name cache's first build gives up.
                self._shared.database.stop_waiting()
        self.setParent(None)
        linger(self._thread, self)
        self._close.emit()
