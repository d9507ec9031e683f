"""The status bar's right side: a busy indicator, and the wait for another program's lock.

The busy indicator appears only when the data worker has had work pending for
300 ms. While a change waits for another program to release the file's write
lock, the bar says so (and a screen reader says it too), with Cancel (and
Esc) to give the change up.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from hero_desktop.data.words import Words
from hero_desktop.ui.announce import announce
from hero_desktop.ui.data_worker import DataClient


class StatusAreaWords(Words):
    """The translation context of the status bar's wait for another program's lock."""


class StatusArea(QObject):
    def __init__(self, client: DataClient, name: str, bar: QStatusBar, window: QWidget) -> None:
        super().__init__(window)
        self.busy_indicator = QProgressBar()
        self.busy_indicator.setObjectName("busyIndicator")
        self.busy_indicator.setRange(0, 0)  # an animation, not a percentage
        self.busy_indicator.setMaximumWidth(120)
        self.busy_indicator.hide()
        self.other_program = StatusAreaWords.tr(
            "Waiting for another program to finish writing {name}…"
        ).format(name=name)
        # Hero Desktop's own name index build holds the lock too: the window says so.
        self.own_build = StatusAreaWords.tr("Waiting for the name index to finish building…")
        self.building_index: Callable[[], bool] = lambda: False
        self.waiting_label = QLabel(self.other_program)
        self.waiting_label.setObjectName("waitingForLock")
        self.cancel_button = QPushButton(StatusAreaWords.tr("Cancel"))
        self.cancel_button.setAccessibleName(StatusAreaWords.tr("Cancel waiting"))
        self.cancel_button.setAccessibleDescription(
            StatusAreaWords.tr("Give up the change that waits (Esc)")
        )
        self.cancel_button.clicked.connect(client.cancel_waiting)
        for widget in (self.waiting_label, self.cancel_button):
            widget.hide()
            bar.addPermanentWidget(widget)
        bar.addPermanentWidget(self.busy_indicator)
        self._escape = QShortcut(QKeySequence("Esc"), window)
        self._escape.setContext(Qt.ShortcutContext.WindowShortcut)
        self._escape.activated.connect(client.cancel_waiting)
        self._escape.setEnabled(False)
        client.busyChanged.connect(self.busy_indicator.setVisible)
        client.waitingChanged.connect(self.show_waiting)

    def waiting_text(self) -> str:
        return self.own_build if self.building_index() else self.other_program

    def show_waiting(self, waiting: bool) -> None:
        self.waiting_label.setText(self.waiting_text())
        if waiting and not self.waiting_label.isVisible():
            said = StatusAreaWords.tr("{waiting} Esc stops waiting.")
            announce(self.waiting_label, said.format(waiting=self.waiting_label.text()))
        self.waiting_label.setVisible(waiting)
        self.cancel_button.setVisible(waiting)
        self._escape.setEnabled(waiting)
