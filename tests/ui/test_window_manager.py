"""Which database the app shows when the one asked for cannot be opened.

The error box is answered by a plain function that records what it was told.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hero_desktop.app import default_database
from hero_desktop.ui.main_window import MainWindow
from hero_desktop.window_manager import WindowManager

from .support import message, write_heroes


class RecordedErrors:
    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def __call__(self, title: str, text: str) -> None:
        self.shown.append((title, text))


@pytest.fixture
def errors() -> RecordedErrors:
    return RecordedErrors()


@pytest.fixture
def manager(qtbot: QtBot, errors: RecordedErrors) -> Iterator[WindowManager]:
    manager = WindowManager(errors)
    yield manager
    manager.close_all()
    if manager.window is not None:
        manager.window.deleteLater()


def shown_and_ready(qtbot: QtBot, manager: WindowManager) -> MainWindow:
    """The window the manager shows, once its file is open and its first page shown."""
    qtbot.waitUntil(lambda: manager.window is not None and manager.window.is_ready)
    assert manager.window is not None
    qtbot.waitUntil(manager.window.is_idle)
    return manager.window


def not_sqlite(path: Path) -> Path:
    path.write_bytes(b"name,age\nDeadpond,30\n")
    return path


def test_a_bad_file_at_launch_falls_back_to_the_default_database_naming_the_file_once(
    qtbot: QtBot, manager: WindowManager, errors: RecordedErrors, tmp_path: Path
) -> None:
    bad = not_sqlite(tmp_path / "bad.db")

    manager.open(str(bad))

    window = shown_and_ready(qtbot, manager)
    assert window.location == default_database()
    assert message(window) == (
        f"{bad} is not a SQLite database. The file was left untouched. "
        "Showing your default database instead."
    )
    assert errors.shown == [
        ("Cannot Open Database", f"{bad} is not a SQLite database. The file was left untouched.")
    ]
    assert bad.read_bytes() == b"name,age\nDeadpond,30\n"


def test_a_bad_file_opened_from_the_menu_keeps_the_current_database(
    qtbot: QtBot, manager: WindowManager, errors: RecordedErrors, tmp_path: Path
) -> None:
    good = tmp_path / "good.db"
    write_heroes(good, [(1, "Deadpond", None, "Dive Wilson")])
    bad = not_sqlite(tmp_path / "bad.db")
    manager.open(str(good))
    window = shown_and_ready(qtbot, manager)

    manager.open(str(bad))

    qtbot.waitUntil(lambda: message(window) != "")
    assert manager.window is window
    assert window.location == good
    assert message(window) == f"{bad} is not a SQLite database. The file was left untouched."
    assert errors.shown == []
