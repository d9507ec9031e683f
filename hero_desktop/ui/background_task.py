"""Long work (CSV import and export) in a worker thread, with progress and Cancel.

The work gets a ``progress(done, total) -> bool`` callback; it returns False
once the user pressed Cancel, and the work then stops and undoes itself (the
data layer's import rolls back). The window stays responsive meanwhile. The
work must use its own database connection: SQLite connections stay in the
thread that uses them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from typing_extensions import override

SHOW_AFTER_MS = 300

Progress = Callable[[int, int], bool]
Work = Callable[[Progress], Any]


class _Worker(QThread):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Work, cancelled: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._cancelled = cancelled

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancelled.is_set()

    @override
    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except Exception as error:  # reported to the window, which shows it
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)


class BackgroundTask(QObject):
    """Runs ``work`` in a thread behind a progress dialog; emits done or failed."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, title: str, work: Work, parent: QWidget) -> None:
        super().__init__(parent)
        self.cancelled = threading.Event()
        self.dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancelled.set)
        self._worker = _Worker(work, self.cancelled)
        self._worker.progressed.connect(self._show_progress)
        self._worker.succeeded.connect(self._finish_with(self.done))
        self._worker.failed.connect(self._finish_with(self.failed))

    def start(self) -> None:
        self._worker.start()
        # QProgressDialog alone waits for a second progress report (up to 4 s)
        # before it shows; a long first batch must not look like a frozen app.
        QTimer.singleShot(SHOW_AFTER_MS, self._show_if_running)

    def _show_if_running(self) -> None:
        if self._worker.isRunning():
            self.dialog.show()

    def wait(self) -> None:
        self._worker.wait()

    def is_running(self) -> bool:
        return self._worker.isRunning()

    def _show_progress(self, done: int, total: int) -> None:
        if total > 0 and self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total) if total > 0 else 0)
        self.dialog.setLabelText(f"{done:,} of {total:,} heroes" if total else f"{done:,} heroes")

    def _finish_with(self, signal: Any) -> Callable[[object], None]:
        def finish(value: object) -> None:
            self._worker.wait()
            self.dialog.close()
            signal.emit(value)

        return finish
