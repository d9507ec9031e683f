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
from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, QThread, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QWidget,
)

from hero_desktop.data import maintenance
from hero_desktop.data.errors import DatabaseBusyError, HeroError, OperationCancelledError
from hero_desktop.data.facts import StoreFacts
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.location import Location, location_key
from hero_desktop.data.name_index_state import NameIndexWork
from hero_desktop.data.store import NameIndex
from hero_desktop.data.words import Words, number
from hero_desktop.ui.announce import announce
from hero_desktop.ui.data_worker import DataClient
from hero_desktop.ui.lingering import linger
from hero_desktop.ui.overrides import override
from hero_desktop.ui.store_sentences import offer_sentence

DECLINED_KEY = "name_index_declined"
"""Settings: the files (resolved paths) and servers (URLs) whose user answered "Not Now"."""


class IndexOfferBarWords(Words):
    """The translation context of the name index offer bar and its build's progress."""


class _Builder(QThread):
    progressed = Signal(int, int)
    finished_with = Signal(object)  # None when built, else the error

    def __init__(self, facts: StoreFacts, work: NameIndexWork) -> None:
        super().__init__()
        self._location, self._read_only = facts.location, facts.read_only
        self.finish_only = work is NameIndexWork.FINISH
        self.cancelled = threading.Event()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self.cancelled.is_set()

    @override
    def run(self) -> None:
        try:
            # On a connection of its own, owned by this thread for its whole life.
            maintenance.build_name_index(
                self._location,
                self._progress,
                read_only=self._read_only,
                finish_only=self.finish_only,
            )
        except Exception as error:  # shown by the window
            self.finished_with.emit(error)
        else:
            self.finished_with.emit(None)


class IndexOfferBar(QWidget):
    """The offer bar above the table, and the name index build it starts."""

    built = Signal()

    def __init__(
        self,
        client: DataClient,
        location: Location,
        settings: QSettings,
        status_bar: QStatusBar,
        refresh: Callable[[], None],
        focus_table: Callable[[], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("indexOfferBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._client = client
        self._location = location
        self._settings = settings
        self._status = status_bar
        self._refresh = refresh
        self._focus_back = focus_table
        self._facts: StoreFacts | None = None
        self._builder: _Builder | None = None
        self._heard: tuple[int, int] | None = None
        """The build's last progress: the same full count told again means it sorts."""
        self.setStyleSheet(
            "#indexOfferBar { background: palette(alternate-base);"
            " border-left: 4px solid palette(highlight); }"
            "#indexOfferBar QLabel { color: palette(window-text); }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        # Window-wide shortcuts while the bar shows (a button's own mnemonic
        # only fires once Alt has been pressed alone on some platforms).
        self.add_button = QPushButton(IndexOfferBarWords.tr("Add Index (Alt+A)"))
        self.add_button.setToolTip(
            IndexOfferBarWords.tr("Add the name index now, in the background")
        )
        self.add_button.setAccessibleName(IndexOfferBarWords.tr("Add Index"))
        self.add_button.setAccessibleDescription(
            IndexOfferBarWords.tr("Add the name index now, in the background (Alt+A)")
        )
        self.not_now_button = QPushButton(IndexOfferBarWords.tr("Not Now (Alt+N)"))
        self.not_now_button.setToolTip(
            IndexOfferBarWords.tr("Keep the file as it is; search and sort still work")
        )
        self.not_now_button.setAccessibleName(IndexOfferBarWords.tr("Not Now"))
        self.not_now_button.setAccessibleDescription(
            IndexOfferBarWords.tr("Keep the file as it is; search and sort still work (Alt+N)")
        )
        for keys, button in (("Alt+A", self.add_button), ("Alt+N", self.not_now_button)):
            shortcut = QShortcut(QKeySequence(keys), parent)
            shortcut.activated.connect(lambda b=button: b.click() if self.isVisible() else None)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.add_button)
        layout.addWidget(self.not_now_button)
        self.add_button.clicked.connect(lambda: self.add_index())  # (not its checked flag)
        self.not_now_button.clicked.connect(self.not_now)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(200)
        self.progress.setAccessibleName(IndexOfferBarWords.tr("Name index build"))
        self.cancel_button = QPushButton(IndexOfferBarWords.tr("Cancel"))
        self.cancel_button.setToolTip(
            IndexOfferBarWords.tr("Stop building the name index; the file stays as it was")
        )
        self.cancel_button.setAccessibleName(IndexOfferBarWords.tr("Cancel the name index"))
        self.cancel_button.setAccessibleDescription(self.cancel_button.toolTip())
        self.cancel_button.clicked.connect(self.cancel)
        self.hide()
        # Hero Desktop's own file whose index is stale (or another program wrote
        # more heroes than are worth catching up with one by one): rebuild in
        # the background without asking.
        self._watching = False  # rebuilds on its own until a build fails or is cancelled

    def start(self, facts: StoreFacts) -> None:
        """The file is open: offer the index once, and watch for a needed rebuild."""
        self._facts = facts
        offer = offer_sentence(facts.name_index_offer)
        self.label.setText(offer)
        offered = bool(offer) and self._path_key() not in self._declined()
        self.setVisible(offered)
        if offered:
            announce(
                self.label,
                IndexOfferBarWords.tr("{offer} Alt+A adds the index, Alt+N: not now.").format(
                    offer=offer
                ),
            )
        # The collation table loads in the background once the first page is painted
        # (DataClient.warm_up), not on the GUI thread.
        self._watching = True

    def rebuild_if_needed(self, needed: NameIndexWork | None) -> None:
        """The live view's poll found the name index stale or unfinished (or a backlog to
        key)."""
        # Once a build failed or was cancelled, not again on its own in this window.
        if needed is not None and self._watching and self._builder is None:
            self.add_index(needed)

    def _path_key(self) -> str:
        return location_key(self._location)

    def _declined(self) -> list[str]:
        value = self._settings.value(DECLINED_KEY, [])
        if isinstance(value, str):
            return [value]
        return [str(item) for item in value] if isinstance(value, list) else []

    def not_now(self) -> None:
        """Keep the file as it is, and do not ask again for it."""
        declined = [self._path_key(), *(p for p in self._declined() if p != self._path_key())]
        self._settings.setValue(DECLINED_KEY, declined[:100])
        self.hide()
        self._focus_back()

    def add_index(self, work: NameIndexWork = NameIndexWork.BUILD) -> None:
        if self._builder is not None or self._facts is None:
            return
        self.hide()
        self._focus_back()
        builder = _Builder(self._facts, work)
        self._heard = None
        builder.progressed.connect(self._show_progress)
        builder.finished_with.connect(self._finished)
        self._builder = builder
        self._status.show()
        self._status.showMessage(IndexOfferBarWords.tr("Building the name index…"))
        self.progress.setRange(0, 0)
        self._status.addPermanentWidget(self.progress)
        self._status.addPermanentWidget(self.cancel_button)
        self.progress.show()
        self.cancel_button.show()
        builder.start()

    def building(self) -> bool:
        return self._builder is not None

    def cancel(self) -> None:
        if self._builder is not None:
            self._builder.cancelled.set()

    def stop(self) -> None:
        """On close: an unfinished build is cancelled and rolls back by itself, unwaited."""
        self._watching = False
        builder, self._builder = self._builder, None
        if builder is not None:
            builder.cancelled.set()
            builder.finished_with.disconnect(self._finished)
            builder.progressed.disconnect(self._show_progress)
            linger(builder, builder)

    def _show_progress(self, done: int, total: int) -> None:
        heard, self._heard = self._heard, (done, total)
        if 0 < total <= done and heard == (done, total):
            # Every hero keyed and told again: the indexes are sorted after the rows (on a
            # server most of a build: about 14 s of 18 a million heroes; the build asks
            # meanwhile), with no count to show. Told once, it is a catch-up's last batch.
            self.progress.setRange(0, 0)
            self._status.showMessage(IndexOfferBarWords.tr("Building the name index: sorting it…"))
        elif total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            self._status.showMessage(
                IndexOfferBarWords.tr(
                    "Building the name index: {done} of %Ln hero(es)…", "", total
                ).format(done=number(done))
            )

    def _finished(self, error: object) -> None:
        builder, self._builder = self._builder, None
        if builder is not None:
            builder.wait()
        status = self._status
        status.removeWidget(self.progress)
        status.removeWidget(self.cancel_button)
        if isinstance(error, DatabaseBusyError) and builder is not None and builder.finish_only:
            # Another window on the file holds it while it adds the same part: the next
            # poll asks again, and then finds it added.
            status.clearMessage()
            return
        if error is not None:
            self._watching = False
        if error is None:

            def recheck(repository: HeroRepository) -> None:
                names: NameIndex = repository.store
                names.recheck_name_index()
                repository.refresh()

            def ready(_none: object) -> None:
                self._refresh()
                done = IndexOfferBarWords.tr(
                    "The name index is ready: search and name order are instant."
                )
                status.showMessage(done, 8000)
                announce(status, done)
                self.built.emit()

            self._client.ask(recheck, ready)
        elif isinstance(error, OperationCancelledError):
            status.showMessage(error.message, 8000)
            facts = self._facts
            self.setVisible(facts is not None and facts.name_index_offer is not None)
        elif isinstance(error, HeroError):
            status.showMessage(
                IndexOfferBarWords.tr("The name index was not added: {problem}").format(
                    problem=error.message
                ),
                15000,
            )
        else:
            raise error if isinstance(error, BaseException) else RuntimeError(str(error))
