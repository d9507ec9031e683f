"""Text the user chose, shown in menus as typed; the file dialogs; Connect to Server's defaults.

The file dialogs here are the real ones (Qt's own, on the offscreen platform),
typed into as a user does.
"""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from hero_desktop.ui.connect_dialog import ConnectDialog

from .conftest import OpenWindow, reread
from .support import (
    CTRL,
    SHIFT,
    TUTORIAL_HEROES,
    add_by_keyboard,
    focused,
    message,
    type_text,
    when_dialog_opens,
    write_heroes,
)

SERVER_WITH_AMPERSAND = "postgresql:///heroes?host=/run/postgresql&port=5499"


def remember(settings_path: Path, key: str, value: object) -> None:
    settings = reread(settings_path)
    settings.setValue(key, value)
    settings.sync()


def test_open_recent_shows_every_ampersand_of_a_file_or_server(
    open_window: OpenWindow, db_path: Path, settings_path: Path, tmp_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    cartoon = str(tmp_path / "tom&jerry.db")
    remember(settings_path, "recent_files", [cartoon, SERVER_WITH_AMPERSAND])
    window = open_window()
    asked: list[object] = []
    window.openRequested.connect(asked.append)

    actions = window.menus.recent_menu.actions()
    # In an action's text "&&" shows as one "&"; a lone "&" would underline the next letter.
    assert [action.text() for action in actions[1:]] == [
        cartoon.replace("&", "&&"),
        SERVER_WITH_AMPERSAND.replace("&", "&&"),
    ]
    actions[1].trigger()
    assert asked == [cartoon]


def test_undo_names_a_hero_with_an_ampersand_as_typed(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()

    add_by_keyboard(qtbot, window, "Tom&Jerry", "Cat and Mouse", "")
    qtbot.waitUntil(lambda: window.menus.undo_action.isEnabled())

    assert window.menus.undo_action.text() == "&Undo Add Tom&&Jerry"
    rows = dict(window.menus.shortcut_rows())
    assert "Undo Add Tom&Jerry" in rows


def save_as(qtbot: QtBot, typed: str) -> Callable[[QWidget], None]:
    """Handles a file dialog: types ``typed`` as the file name and presses Enter."""

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        type_text(qtbot, focused(), typed)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    return handle


def test_export_adds_csv_to_a_name_without_an_extension(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, settings_path: Path, tmp_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    exports = tmp_path / "exports"
    exports.mkdir()
    remember(settings_path, "folders/csv", str(exports))
    window = open_window()

    driver = when_dialog_opens(qtbot, save_as(qtbot, "export1"))
    qtbot.keyClick(window.table, Qt.Key.Key_E, CTRL)
    driver.check()

    qtbot.waitUntil(lambda: message(window) == "Exported 3 heroes.")
    assert sorted(p.name for p in exports.iterdir()) == ["export1.csv"]


def test_a_new_database_gets_db_added_so_the_open_dialog_lists_it(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, settings_path: Path, tmp_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    remember(settings_path, "folders/database", str(tmp_path))
    window = open_window()
    asked: list[object] = []
    window.openRequested.connect(asked.append)

    driver = when_dialog_opens(qtbot, save_as(qtbot, "second"))
    qtbot.keyClick(window.table, Qt.Key.Key_N, CTRL | SHIFT)
    driver.check()

    assert asked == [str(tmp_path / "second.db")]


# A typed path opens the dialog's completer, a popup the offscreen platform cannot
# give the keyboard to; it says so, which is about the platform, not the app (this
# marker replaces the session's, so it names the session's noise too).
@pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)\(?\)?"
)
def test_each_kind_of_file_dialog_starts_in_the_folder_last_used_for_it(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, settings_path: Path, tmp_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    window = open_window()
    driver = when_dialog_opens(qtbot, save_as(qtbot, str(elsewhere / "heroes.csv")))
    qtbot.keyClick(window.table, Qt.Key.Key_E, CTRL)
    driver.check()
    qtbot.waitUntil(lambda: (elsewhere / "heroes.csv").exists())
    starts: list[tuple[str, str]] = []

    def note_and_leave(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        starts.append((dialog.windowTitle(), dialog.directory().absolutePath()))
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    for key in (Qt.Key.Key_I, Qt.Key.Key_E):  # import and export: the CSV folder
        driver = when_dialog_opens(qtbot, note_and_leave)
        qtbot.keyClick(window.table, key, CTRL)
        driver.check()
    driver = when_dialog_opens(qtbot, note_and_leave)
    qtbot.keyClick(window.table, Qt.Key.Key_O, CTRL)  # a database: not the CSV folder
    driver.check()

    assert starts[:2] == [
        ("Import Heroes from CSV", str(elsewhere)),
        ("Export Heroes to CSV", str(elsewhere)),
    ]
    assert starts[2][1] != str(elsewhere)
    assert reread(settings_path).value("folders/csv") == str(elsewhere)


def test_connect_to_server_starts_filled_with_the_last_server_but_no_password(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, settings_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    remember(
        settings_path,
        "recent_files",
        ["postgresql://alice:secret@db.example:5433/team?sslmode=require", "/tmp/other.db"],
    )
    window = open_window()
    shown: dict[str, object] = {}

    def look_and_leave(dialog: QWidget) -> None:
        assert isinstance(dialog, ConnectDialog)
        shown.update(
            host=dialog.host_edit.text(),
            port=dialog.port_spin.value(),
            database=dialog.database_edit.text(),
            user=dialog.user_edit.text(),
            password=dialog.password_edit.text(),
            tls=dialog.tls_combo.currentData(),
        )
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    driver = when_dialog_opens(qtbot, look_and_leave)
    qtbot.keyClick(window.table, Qt.Key.Key_O, CTRL | SHIFT)
    driver.check()

    assert shown == {
        "host": "db.example",
        "port": 5433,
        "database": "team",
        "user": "alice",
        "password": "",
        "tls": "require",
    }
