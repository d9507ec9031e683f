"""Which database the app shows: opening at launch, File → Open/New/Recent/Connect, errors.

Databases open in the background: at launch the window appears at once and
fills in when its database is open. A file that cannot be opened is reported
and left alone; the app keeps running on the database it had (or, at launch,
falls back to the default database). When nothing at all can be shown the
app exits with status 1.

A server adds two ways to recover: one that cannot be reached offers Retry,
and one that asks for a password (or refused the one given) shows the
Connect to Server dialog filled in, for the password. The password lives in
memory only, in the address given to the new window.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from hero_desktop.app import create_main_window, default_database, to_location
from hero_desktop.data.errors import PasswordNeededError, ServerUnreachableError
from hero_desktop.data.location import ServerAddress, location_key
from hero_desktop.data.words import Words

if TYPE_CHECKING:
    from hero_desktop.ui.main_window import MainWindow

log = logging.getLogger("hero_desktop")


class WindowManagerWords(Words):
    """The translation context of the window manager's words: a database that cannot be
    opened (or a server reached), and an unexpected error."""


ShowError = Callable[[str, str], None]
"""``show_error(title, message)``: tell the user, modally, that something failed."""
AskRetry = Callable[[str, str], bool]
"""``ask_retry(title, message)``: True when the user chose Retry."""
AskServer = Callable[[ServerAddress], ServerAddress | None]
"""``ask_server(address)``: the Connect to Server dialog, filled in; None when cancelled."""
Database = str | os.PathLike[str] | ServerAddress | None


def _critical(title: str, message: str) -> None:
    QMessageBox.critical(None, title, message)


def _retry(title: str, message: str) -> bool:
    buttons = QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel
    answer = QMessageBox.warning(None, title, message, buttons, QMessageBox.StandardButton.Retry)
    return answer == QMessageBox.StandardButton.Retry


def _ask_server(address: ServerAddress) -> ServerAddress | None:
    from hero_desktop.ui.connect_dialog import ask_server

    return ask_server(None, address)


def _sentences(message: str) -> str:
    message = message.strip()
    return message if message.endswith((".", "!", "?")) else message + "."


def could_not_open(database: str, message: str) -> str:
    """Why ``database`` could not be opened, naming the file once, in full sentences."""
    message = _sentences(message)
    if database in message:
        return message
    return WindowManagerWords.tr("Could not open {database}. {reason}").format(
        database=database, reason=message
    )


def cannot_open_title() -> str:
    return WindowManagerWords.tr("Cannot Open Database")


def showing_default_instead(message: str) -> str:
    """The note the default database shows when the one asked for could not be opened."""
    return WindowManagerWords.tr("{reason} Showing your default database instead.").format(
        reason=message
    )


def _retire(window: MainWindow) -> None:
    """Close ``window`` and delete it once closed (a close may wait for a change to commit)."""
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.close()


class WindowManager:
    def __init__(
        self,
        show_error: ShowError | None = None,
        ask_retry: AskRetry | None = None,
        ask_server: AskServer | None = None,
    ) -> None:
        self.window: MainWindow | None = None
        self._opening: MainWindow | None = None
        self.show_error = show_error or _critical
        self.ask_retry = ask_retry or _retry
        self.ask_server = ask_server or _ask_server

    def open(self, database: Database, *, read_only: bool = False, note: str = "") -> None:
        """Show ``database`` (a path, a server URL or address; None: the default) once open."""
        try:
            location = to_location(database)
        except ValueError as error:
            self._refused(str(database), str(error))
            return
        window = create_main_window(location, read_only=read_only)
        window.openRequested.connect(self.open)
        window.openFailed.connect(
            lambda message: self._failed(window, location, message, read_only)
        )
        window.ready.connect(lambda: self._ready(window, note))
        if self.window is None:
            self.window = window  # at launch: on screen at once, filled in when open
            window.show()
            window.activateWindow()
        else:
            self._opening = window  # the current window stays until the new one is ready

    def _refused(self, database: str, message: str) -> None:
        """A server address that cannot even be read: say why, keep what is shown."""
        if self.window is not None:
            self.window.show_message(message)
            return
        self.show_error(cannot_open_title(), message)
        self.open(None, note=showing_default_instead(message))

    def _ready(self, window: MainWindow, note: str) -> None:
        log.info(
            "opened %s%s",
            location_key(window.location),
            " read-only" if window.read_only else "",
        )
        if note:
            window.show_message(note)
        if window is self._opening:
            previous, self.window, self._opening = self.window, window, None
            if previous is not None:
                window.setGeometry(previous.geometry())
                _retire(previous)
            window.show()
            window.activateWindow()

    def _failed(
        self, window: MainWindow, location: Path | ServerAddress, message: str, read_only: bool
    ) -> None:
        log.warning("could not open %s: %s", location_key(location), message)
        if isinstance(location, ServerAddress) and self._recover(window, location, read_only):
            return
        if isinstance(location, ServerAddress):
            message = _sentences(message)
        else:
            message = could_not_open(str(location), message)
        if window is self._opening:
            self._opening = None
            _retire(window)
            if self.window is not None:
                self.window.show_message(message)
            return
        self.show_error(cannot_open_title(), message)
        self.window = None
        _retire(window)
        if location == default_database():
            QApplication.exit(1)
            return
        self.open(None, note=showing_default_instead(message))

    def _recover(self, window: MainWindow, address: ServerAddress, read_only: bool) -> bool:
        """Retry an unreachable server, or ask for its password; True when it is tried again."""
        error = window.client.open_error
        retry: ServerAddress | None = None
        if isinstance(error, ServerUnreachableError):
            if self.ask_retry(WindowManagerWords.tr("Cannot Reach Server"), error.message):
                retry = address
        elif isinstance(error, PasswordNeededError):
            retry = self.ask_server(address)
        if retry is None:
            return False
        self._discard(window)
        self.open(retry, read_only=read_only)
        return True

    def _discard(self, window: MainWindow) -> None:
        if window is self._opening:
            self._opening = None
        elif window is self.window:
            self.window = None
        _retire(window)

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
            WindowManagerWords.tr("Unexpected Error"),
            WindowManagerWords.tr(
                "Something went wrong: {error}\n\nThe details were written to the log file "
                "in the app data folder. Your confirmed changes are saved."
            ).format(error=error),
        )
