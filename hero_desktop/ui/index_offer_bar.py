"""The offer to add the name index to a file Hero Desktop did not create, and its build.

A file written by another program (the tutorial's app, say) is opened as it
is: search and name order work, by scanning. This bar says once what Hero
Desktop would add and why, with "Add Index" and "Not Now"; "Not Now" is
remembered for that file. "Add Index" (and a file of Hero Desktop's own
whose index must be rebuilt, without asking) builds in a worker thread with
its own connection, with progress and Cancel in the status bar; the window
keeps working meanwhile and refreshes when the index is ready.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThread, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget
from typing_extensions import override

from hero_desktop.data import names
from hero_desktop.data.errors import HeroError, OperationCancelledError
from hero_desktop.data.index_builder import add_name_index

if TYPE_CHECKING:
    from pathlib import Path

    from hero_desktop.ui.main_window import MainWindow

WATCH_INTERVAL_MS = 1000
DECLINED_KEY = "name_index_declined"
"""Settings: the resolved paths of files whose user answered "Not Now"."""


class _Builder(QThread):
    progressed = Signal(int, int)
    finished_with = Signal(object)  # None when built, else the error

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._path = path
        self.cancelled = threading.Event()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self.cancelled.is_set()

    @override
    def run(self) -> None:
        try:
            add_name_index(self._path, self._progress)
        except Exception as error:  # shown by the window
            self.finished_with.emit(error)
        else:
            self.finished_with.emit(None)


class IndexOfferBar(QWidget):
    """The offer bar above the table, and the name index build it starts."""

    built = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("indexOfferBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._window = window
        self._builder: _Builder | None = None
        self.setStyleSheet(
            "#indexOfferBar { background: #e8f0fe; border-radius: 3px; }"
            "#indexOfferBar QLabel { color: #174ea6; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        offer = window.repository.database.name_index_offer() or ""
        self.label = QLabel(offer)
        self.label.setWordWrap(True)
        # Window-wide shortcuts while the bar shows (a button's own mnemonic
        # only fires once Alt has been pressed alone on some platforms).
        self.add_button = QPushButton("Add Index (Alt+A)")
        self.add_button.setToolTip("Add the name index now, in the background")
        self.not_now_button = QPushButton("Not Now (Alt+N)")
        self.not_now_button.setToolTip("Keep the file as it is; search and sort still work")
        for keys, button in (("Alt+A", self.add_button), ("Alt+N", self.not_now_button)):
            shortcut = QShortcut(QKeySequence(keys), window)
            shortcut.activated.connect(lambda b=button: b.click() if self.isVisible() else None)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.add_button)
        layout.addWidget(self.not_now_button)
        self.add_button.clicked.connect(self.add_index)
        self.not_now_button.clicked.connect(self.not_now)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(200)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop building the name index; the file stays as it was")
        self.cancel_button.clicked.connect(self.cancel)

        self.setVisible(bool(offer) and self._path_key() not in self._declined())
        # After the first page is shown: the first search then finds the table loaded.
        QTimer.singleShot(0, names.warm_up)
        # Hero Desktop's own file whose index is stale (or another program wrote
        # more heroes than are worth catching up with one by one): rebuild in
        # the background without asking, once the first page is shown.
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_INTERVAL_MS)
        self._watch.timeout.connect(self._rebuild_if_needed)
        self._watch.start()
        QTimer.singleShot(0, self._rebuild_if_needed)

    def _rebuild_if_needed(self) -> None:
        # Once a build failed or was cancelled, not again on its own in this window.
        if (
            self._watch.isActive()
            and self._builder is None
            and self._window.repository.database.needs_name_index_build()
        ):
            self.add_index()

    def _path_key(self) -> str:
        return str(self._window.repository.database.path.resolve())

    def _declined(self) -> list[str]:
        value = self._window.settings.value(DECLINED_KEY, [])
        if isinstance(value, str):
            return [value]
        return [str(item) for item in value] if isinstance(value, list) else []

    def not_now(self) -> None:
        """Keep the file as it is, and do not ask again for it."""
        declined = [self._path_key(), *(p for p in self._declined() if p != self._path_key())]
        self._window.settings.setValue(DECLINED_KEY, declined[:100])
        self.hide()
        self._window.table.setFocus()

    def add_index(self) -> None:
        if self._builder is not None:
            return
        self.hide()
        self._window.table.setFocus()
        builder = _Builder(self._window.repository.database.path)
        builder.progressed.connect(self._show_progress)
        builder.finished_with.connect(self._finished)
        self._builder = builder
        status = self._window.statusBar()
        status.show()
        status.showMessage("Building the name index…")
        self.progress.setRange(0, 0)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        self.progress.show()
        self.cancel_button.show()
        builder.start()

    def building(self) -> bool:
        return self._builder is not None

    def cancel(self) -> None:
        if self._builder is not None:
            self._builder.cancelled.set()

    def cancel_and_wait(self) -> None:
        """On close: an unfinished build is rolled back (the file stays as it was)."""
        self._watch.stop()
        if self._builder is not None:
            self._builder.cancelled.set()
            self._builder.wait()

    def _show_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            self._window.statusBar().showMessage(
                f"Building the name index: {done:,} of {total:,} heroes…"
            )

    def _finished(self, error: object) -> None:
        builder, self._builder = self._builder, None
        if builder is not None:
            builder.wait()
        if error is not None:
            self._watch.stop()
        status = self._window.statusBar()
        status.removeWidget(self.progress)
        status.removeWidget(self.cancel_button)
        database = self._window.repository.database
        if error is None:
            database.recheck_name_index()
            self._window.repository.refresh()
            self._window.refresh()
            status.showMessage("The name index is ready: search and name order are instant.", 8000)
            self.built.emit()
        elif isinstance(error, OperationCancelledError):
            status.showMessage(error.message, 8000)
            self.setVisible(database.name_index_offer() is not None)
        elif isinstance(error, HeroError):
            status.showMessage(f"The name index was not added: {error.message}", 15000)
        else:
            raise error if isinstance(error, BaseException) else RuntimeError(str(error))
