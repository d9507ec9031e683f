"""A database opened read-only (issue 4): a visible banner, and no way to change anything."""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from hero_desktop.ui.hero_table_model import COLUMNS
from hero_desktop.ui.main_window import MainWindow

from .conftest import OpenWindow
from .support import CTRL, TUTORIAL_HEROES, message, rows_in_file, shown_names, write_heroes

NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def window(open_window: OpenWindow, db_path: Path) -> MainWindow:
    write_heroes(db_path, TUTORIAL_HEROES)
    return open_window(read_only=True)


def test_a_read_only_database_shows_its_heroes_under_a_banner(window: MainWindow) -> None:
    assert window.read_only_banner.isVisible()
    assert "Read-only" in window.read_only_banner.text()
    assert shown_names(window) == ["Deadpond", "Spider-Boy", "Rusty-Man"]


def test_adding_deleting_and_editing_are_turned_off(window: MainWindow) -> None:
    assert not window.menus.add_action.isEnabled()
    assert not window.menus.delete_action.isEnabled()
    assert not window.menus.edit_action.isEnabled()
    for row in range(window.model.rowCount()):
        for column in range(len(COLUMNS)):
            flags = window.model.flags(window.model.index(row, column))
            assert not flags & Qt.ItemFlag.ItemIsEditable


@pytest.mark.parametrize(
    ("key", "modifiers", "verb"),
    [
        (Qt.Key.Key_N, CTRL, "added"),
        (Qt.Key.Key_Insert, NONE, "added"),
        (Qt.Key.Key_Delete, NONE, "deleted"),
        (Qt.Key.Key_F2, NONE, "edited"),
        (Qt.Key.Key_Return, NONE, "edited"),
        (Qt.Key.Key_I, CTRL, "imported"),
    ],
    ids=["ctrl+n", "insert", "delete", "f2", "enter", "ctrl+i"],
)
def test_the_keys_that_change_heroes_say_why_they_cannot_and_change_nothing(
    qtbot: QtBot,
    window: MainWindow,
    db_path: Path,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier,
    verb: str,
) -> None:
    before = db_path.read_bytes()

    qtbot.keyClick(window.table, key, modifiers)

    assert message(window) == f"database.db is open read-only, so heroes cannot be {verb}."
    assert QApplication.activeModalWidget() is None
    assert window.table.state() != QAbstractItemView.State.EditingState
    assert rows_in_file(db_path) == TUTORIAL_HEROES
    assert db_path.read_bytes() == before


def test_typing_on_a_cell_changes_nothing(qtbot: QtBot, window: MainWindow, db_path: Path) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_X)

    assert window.table.state() != QAbstractItemView.State.EditingState
    assert rows_in_file(db_path) == TUTORIAL_HEROES
