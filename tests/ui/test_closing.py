"""Closing the window: every confirmed change is in the database file alone; nothing runs on."""

from __future__ import annotations

# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"
import shutil
import threading
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from .conftest import OpenWindow
from .support import CTRL, TUTORIAL_HEROES, add_by_keyboard, rows_in_file, write_heroes


def test_after_ctrl_q_a_copy_of_the_database_file_alone_holds_every_change(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, tmp_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    add_by_keyboard(qtbot, window, "Tarantula", "Natalia", "32")
    qtbot.waitUntil(window.isActiveWindow)

    qtbot.keyClick(window.table, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: not window.isVisible())

    copy = tmp_path / "copied-without-wal.db"
    shutil.copyfile(db_path, copy)  # people copy database.db without its -wal file
    assert rows_in_file(copy) == [*TUTORIAL_HEROES, (4, "Tarantula", 32, "Natalia")]


def test_closing_stops_the_live_view_and_the_integrity_check(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    window = open_window()

    window.close()

    assert not window.live_view.timer.isActive()
    qtbot.waitUntil(
        lambda: not [t for t in threading.enumerate() if t.name.startswith("hero-check")]
    )
