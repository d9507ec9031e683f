"""Which database the app shows: opening at launch, File → Open/New/Recent, errors.

A file that cannot be opened is reported and left alone; the app keeps
running on the database it had (or, at launch, on the default database).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QMessageBox

from hero_desktop.app import create_main_window, default_database
from hero_desktop.data.errors import HeroError
from hero_desktop.ui.main_window import MainWindow

log = logging.getLogger("hero_desktop")


ShowError = Callable[[str, str], None]
"""``show_error(title, message)``: tell the user, modally, that something failed."""


def _critical(title: str, message: str) -> None:
    QMessageBox.critical(None, title, message)


def _sentences(message: str) -> str:
    message = message.strip()
    return message if message.endswith((".", "!", "?")) else message + "."


def could_not_open(database: str, error: HeroError) -> str:
    """Why ``database`` could not be opened, naming the file once, in full sentences."""
    message = _sentences(error.message)
    if database in message:
        return message
    return f"Could not open {database}. {message}"


class WindowManager:
    def __init__(self, show_error: ShowError | None = None) -> None:
        self.window: MainWindow | None = None
        self.show_error = show_error or _critical

    def open(self, database: str | None, *, read_only: bool = False) -> bool:
        """Show ``database`` (or the default one); False if nothing could be shown."""
        try:
            window = create_main_window(database, read_only=read_only)
        except HeroError as error:
            log.warning("could not open %s: %s", database, error.message)
            why = could_not_open(str(database or default_database()), error)
            if self.window is not None:
                self.window.show_message(why)
                return True
            self.show_error("Cannot Open Database", why)
            if database is None or str(database) == str(default_database()):
                return False
            return self.open(None) and self._note(why)
        database_used = window.repository.database
        log.info("opened %s%s", database_used.path, " read-only" if database_used.read_only else "")
        previous, self.window = self.window, window
        window.openRequested.connect(self.open)
        if previous is not None:
            window.setGeometry(previous.geometry())
            previous.close()
            previous.deleteLater()
        window.show()
        window.activateWindow()
        return True

    def _note(self, text: str) -> bool:
        if self.window is not None:
            self.window.show_message(text + " Showing your default database instead.")
        return True

    def close_all(self) -> None:
        if self.window is not None and self.window.isVisible():
            self.window.close()

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
