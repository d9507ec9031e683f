"""Which database the app shows: opening at launch, File → Open/New/Recent, errors.

Files open in the background: at launch the window appears at once and fills
in when its file is open. A file that cannot be opened is reported and left
alone; the app keeps running on the database it had (or, at launch, falls
back to the default database). When nothing at all can be shown the app
exits with status 1.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from hero_desktop.app import create_main_window, default_database
from hero_desktop.ui.main_window import MainWindow

log = logging.getLogger("hero_desktop")

ShowError = Callable[[str, str], None]
"""``show_error(title, message)``: tell the user, modally, that something failed."""


def _critical(title: str, message: str) -> None:
    QMessageBox.critical(None, title, message)


def _sentences(message: str) -> str:
    message = message.strip()
    return message if message.endswith((".", "!", "?")) else message + "."


def could_not_open(database: str, message: str) -> str:
    """Why ``database`` could not be opened, naming the file once, in full sentences."""
    message = _sentences(message)
    if database in message:
        return message
    return f"Could not open {database}. {message}"


class WindowManager:
    def __init__(self, show_error: ShowError | None = None) -> None:
        self.window: MainWindow | None = None
        self._opening: MainWindow | None = None
        self.show_error = show_error or _critical

    def open(self, database: str | None, *, read_only: bool = False, note: str = "") -> None:
        """Show ``database`` (or the default one) once it is open."""
        window = create_main_window(database, read_only=read_only)
        window.openRequested.connect(self.open)
        window.openFailed.connect(lambda message: self._failed(window, database, message))
        window.ready.connect(lambda: self._ready(window, note))
        if self.window is None:
            self.window = window  # at launch: on screen at once, filled in when open
            window.show()
            window.activateWindow()
        else:
            self._opening = window  # the current window stays until the new one is ready

    def _ready(self, window: MainWindow, note: str) -> None:
        log.info("opened %s%s", window.path, " read-only" if window.read_only else "")
        if note:
            window.show_message(note)
        if window is self._opening:
            previous, self.window, self._opening = self.window, window, None
            if previous is not None:
                window.setGeometry(previous.geometry())
                previous.close()
                previous.deleteLater()
            window.show()
            window.activateWindow()

    def _failed(self, window: MainWindow, database: str | None, message: str) -> None:
        log.warning("could not open %s: %s", database, message)
        message = could_not_open(str(database or default_database()), message)
        if window is self._opening:
            self._opening = None
            window.close()
            window.deleteLater()
            if self.window is not None:
                self.window.show_message(message)
            return
        self.show_error("Cannot Open Database", message)
        self.window = None
        window.close()
        window.deleteLater()
        if database is None or str(database) == str(default_database()):
            QApplication.exit(1)
            return
        self.open(None, note=f"{message} Showing your default database instead.")

    def close_all(self) -> None:
        for window in (self.window, self._opening):
            if window is not None and window.isVisible():
                window.close()

    def report_unexpected(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        """sys.excepthook: log the traceback, tell the user, keep running."""
        log.error("unexpected error", exc_info=(kind, error, trace))
        if issubclass(kind, KeyboardInterrupt):
            return
        QMessageBox.critical(
            self.window,
            "Unexpected Error",
            f"Something went wrong: {error}\n\nThe details were written to the log file "
            "in the app data folder. Your confirmed changes are saved.",
        )
