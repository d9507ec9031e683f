"""Fixtures for the window tests: a fresh database file, settings file and window per test.

The window answers keys asynchronously (the data worker reads and writes in
its own thread), so ``qtbot`` here is pytest-qt's with one addition: after
each key press or click it waits until every open window has its answers,
as a user waits to see the result. A test fails if it leaves a window open,
the poll timer running, or the data worker or integrity-check thread alive.
"""

# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hero_desktop.app import create_main_window
from hero_desktop.ui import announce as announce_module
from hero_desktop.ui import language
from hero_desktop.ui.main_window import MainWindow
from hero_desktop.ui.prompts import Prompts

from .support import activate

OpenWindow = Callable[..., MainWindow]


def open_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def all_settled() -> bool:
    return all(window.is_idle() for window in open_windows() if window.isVisible())


class SettlingQtBot(QtBot):
    """pytest-qt's QtBot whose key presses and clicks wait for the window's answers."""

    @property
    def unsettled(self) -> QtBot:
        """Key presses that do not wait for an answer (pytest-qt's own)."""
        return QtBot(self._request)

    def settle(self) -> None:
        # Queued calls first (a cell editor commits through one), then the answers.
        QApplication.processEvents()
        self.waitUntil(all_settled, timeout=10_000)

    # QtBot's own are static methods; these wait as well.
    def keyClick(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]  # noqa: N802
        super().keyClick(*args, **kwargs)
        self.settle()

    def keyClicks(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]  # noqa: N802
        super().keyClicks(*args, **kwargs)
        self.settle()

    def mouseClick(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]  # noqa: N802
        super().mouseClick(*args, **kwargs)
        self.settle()


@pytest.fixture
def qtbot(qapp: QApplication, request: pytest.FixtureRequest) -> SettlingQtBot:
    """Overrides pytest-qt's fixture of the same name, as its own fixture builds it."""
    return SettlingQtBot(request)


@pytest.fixture(scope="session", autouse=True)
def english(qapp: QApplication) -> None:
    """The UI tests read the window in English, whatever the machine's language.

    The app installs its language once per process (hero_desktop.ui.language),
    so the first install wins; the German and French windows are tested in
    processes of their own (test_languages.py).
    """
    language.install(qapp, language.ENGLISH)


@pytest.fixture(autouse=True)
def clipboard_emptied(qapp: QApplication) -> Iterator[None]:
    """Each test leaves the clipboard empty.

    A QMimeData still on the clipboard when the process ends is deleted with
    the application, after PySide has stopped following it: a Python wrapper
    of it then crashes the interpreter's exit (status 139 with every test
    passed). Cleared while everything is alive, the wrapper is told.
    """
    yield
    QApplication.clipboard().clear()


Heard = list[tuple[QObject, str, bool]]  # (the widget, what was said, whether urgently)


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Heard:
    """What the window announces, in order, heard where it is handed to Qt (ui/announce.py)."""
    said: Heard = []

    class Listener:
        @staticmethod
        def updateAccessibility(event: QAccessibleAnnouncementEvent) -> None:  # noqa: N802
            urgent = event.politeness() == QAccessible.AnnouncementPoliteness.Assertive
            said.append((event.object(), event.message(), urgent))

    monkeypatch.setattr(announce_module, "QAccessible", Listener)
    return said


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "database.db"


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(settings_path: Path) -> QSettings:
    return QSettings(str(settings_path), QSettings.Format.IniFormat)


def reread(settings_path: Path) -> QSettings:
    """The settings as the next launch of the app reads them."""
    return QSettings(str(settings_path), QSettings.Format.IniFormat)


@pytest.fixture
def write_lock(db_path: Path) -> Iterator[sqlite3.Connection]:
    """Another program's connection; ``.execute("BEGIN IMMEDIATE")`` takes the write lock."""
    connection = sqlite3.connect(db_path, isolation_level=None)
    yield connection
    if connection.in_transaction:
        connection.execute("ROLLBACK")
    connection.close()


@pytest.fixture
def open_window(qtbot: SettlingQtBot, db_path: Path, settings_path: Path) -> Iterator[OpenWindow]:
    """open_window(path=db_path, prompts=None, read_only=False): shown, active, table focused.

    ``path`` may also be a PostgreSQL URL (team mode).
    """
    windows: list[MainWindow] = []

    def open_it(
        path: Path | str | None = None,
        *,
        prompts: Prompts | None = None,
        read_only: bool = False,
        **_: Any,
    ) -> MainWindow:
        window = create_main_window(
            path or db_path,
            settings=reread(settings_path),
            prompts=prompts,
            read_only=read_only,
        )
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        failures: list[str] = []
        window.openFailed.connect(failures.append)
        qtbot.waitUntil(lambda: window.is_ready or bool(failures), timeout=20_000)
        qtbot.settle()
        activate(qtbot, window)
        return window

    yield open_it

    for window in windows:
        window.close()
    # Closing never waits: each worker ends on its own, soon after.
    qtbot.waitUntil(lambda: all(w.client.thread_finished() for w in windows), timeout=5000)
    for window in windows:
        assert not window.live_view.timer.isActive(), "the live-view timer outlived its window"
        window.deleteLater()
    left_open = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert not left_open, f"windows left open: {left_open}"

    def checkers() -> list[threading.Thread]:
        names = ("hero-check", "hero-name-cache")
        return [t for t in threading.enumerate() if t.name.startswith(names)]

    # The integrity check and the name cache's keeper were told to stop: they end within
    # a moment (the keeper before its store closes).
    qtbot.waitUntil(lambda: not checkers(), timeout=5000)
    for window in windows:
        assert window.client.thread_finished(), "the data worker outlived its window"
