"""The status bar's word on the name keys of a database opened as found: their build, then ready.

On a file Hero Desktop may not change, the name keys are built once into a
cache of its own (``hero_desktop.data.sqlite.name_cache``); on a server
table without the name table, into a copy of its own
(``hero_desktop.data.postgres.name_keys_keeper``). Until that is done a
search or the name order waits for it. The keeper posts its progress on a
board (``NameCacheBoard``, in the store's facts) that this reads on a timer,
not through the data worker, which may be the one waiting; it says how far
the keys are, and that they are done.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStatusBar

from hero_desktop.data.name_index_state import NameCacheBoard, NameCacheProgress, NameCacheState
from hero_desktop.data.words import Words

READY_SHOWN_MS = 8000
LOOK_EVERY_MS = 250


class NameCacheWords(Words):
    """What the status bar says of the name cache."""


class NameCacheStatus(QObject):
    def __init__(self, bar: QStatusBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bar = bar
        self._shown = ""
        self._building = False
        self._board: NameCacheBoard | None = None
        self._seen: NameCacheProgress | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(LOOK_EVERY_MS)
        self._timer.timeout.connect(self._look)

    def start(self, board: NameCacheBoard | None) -> None:
        """Follow the board of the store's name cache (None: the store keeps none)."""
        self._board = board
        if board is not None:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _look(self) -> None:
        progress = self._board.progress() if self._board is not None else None
        if progress != self._seen:
            self._seen = progress
            self.show(progress)
            if progress is not None and progress.state in (
                NameCacheState.NOT_NEEDED,
                NameCacheState.FAILED,
                NameCacheState.CLOSED,
            ):
                self._timer.stop()  # nothing more will come

    def show(self, progress: NameCacheProgress | None) -> None:
        if progress is None:
            return
        if progress.state is NameCacheState.BUILDING:
            percent = progress.done * 100 // progress.total if progress.total else 0
            self._say(
                NameCacheWords.tr(
                    "Preparing the names for fast search and name order: {percent}%…"
                ).format(percent=percent)
            )
            self._building = True
        elif self._building and progress.state is not NameCacheState.STARTING:
            self._building = False
            mine = self._bar.currentMessage() == self._shown
            if progress.state in (NameCacheState.READY, NameCacheState.INDEXING) and mine:
                self._say(
                    NameCacheWords.tr("The names are ready: search and name order are fast now."),
                    READY_SHOWN_MS,
                )
            elif mine:
                self._bar.clearMessage()  # (another part's message shown since stays)

    def _say(self, text: str, timeout_ms: int = 0) -> None:
        self._shown = text
        self._bar.showMessage(text, timeout_ms)
