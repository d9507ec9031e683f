"""Fixtures for the window tests: a fresh database file, settings file and window per test.

A test fails if it leaves a window open, the poll timer running or the
integrity-check thread alive after its windows closed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hero_desktop.app import create_main_window
from hero_desktop.ui.main_window import MainWindow
from hero_desktop.ui.prompts import Prompts

from .support import activate

OpenWindow = Callable[..., MainWindow]


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
def open_window(qtbot: QtBot, db_path: Path, settings_path: Path) -> Iterator[OpenWindow]:
    """open_window(path=db_path, prompts=None, read_only=False): shown, active, table focused."""
    windows: list[MainWindow] = []

    def open_it(
        path: Path | None = None,
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
        activate(qtbot, window)
        return window

    yield open_it

    for window in windows:
        window.close()
    for window in windows:
        assert not window._poll_timer.isActive(), "the live-view timer outlived its window"
        window.deleteLater()
    left_open = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert not left_open, f"windows left open: {left_open}"
    checkers = [t for t in threading.enumerate() if t.name.startswith("hero-check")]
    assert not checkers, f"threads left running: {checkers}"
