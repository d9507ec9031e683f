"""Deleting with the Delete key and the real Delete dialog: it names who goes."""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hero_desktop.ui.delete_heroes_dialog import DeleteHeroesDialog
from hero_desktop.ui.main_window import MainWindow

from .conftest import OpenWindow
from .support import (
    SHIFT,
    TUTORIAL_HEROES,
    current_id,
    execute_elsewhere,
    focused,
    go_to_cell,
    message,
    rows_in_file,
    selected_ids,
    shown_ids,
    wait_for_table_focus,
    when_dialog_opens,
    write_heroes,
)


def delete_by_keyboard(qtbot: QtBot, window: MainWindow, answer: Qt.Key) -> str:
    """Press Delete, answer the dialog with ``answer``; the text the dialog showed."""
    shown: list[str] = []

    def read_and_answer(dialog: QWidget) -> None:
        assert isinstance(dialog, DeleteHeroesDialog)
        shown.append(dialog.message.text())
        qtbot.keyClick(focused(), answer)

    driver = when_dialog_opens(qtbot, read_and_answer)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    driver.check()
    wait_for_table_focus(qtbot, window)
    return shown[0]


def test_delete_names_the_hero_and_enter_deletes_it(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    go_to_cell(qtbot, window, 2, 1)

    text = delete_by_keyboard(qtbot, window, Qt.Key.Key_Return)

    assert "Delete this hero?" in text
    assert "Spider-Boy (ID 2)" in text
    assert rows_in_file(db_path) == [TUTORIAL_HEROES[0], TUTORIAL_HEROES[2]]
    assert shown_ids(window) == [1, 3]
    assert current_id(window) == 3, "the next hero takes the deleted one's place"


def test_escape_in_the_delete_dialog_deletes_nothing(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()

    text = delete_by_keyboard(qtbot, window, Qt.Key.Key_Escape)

    assert "Deadpond (ID 1)" in text
    assert rows_in_file(db_path) == TUTORIAL_HEROES
    assert shown_ids(window) == [1, 2, 3]
    assert current_id(window) == 1


def test_shift_down_selects_more_heroes_and_the_dialog_names_them_all(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    qtbot.keyClick(window.table, Qt.Key.Key_Down, SHIFT)
    assert selected_ids(window) == {1, 2}

    text = delete_by_keyboard(qtbot, window, Qt.Key.Key_Return)

    assert "Delete these 2 heroes?" in text
    assert "Deadpond (ID 1)" in text
    assert "Spider-Boy (ID 2)" in text
    assert rows_in_file(db_path) == [TUTORIAL_HEROES[2]]
    assert shown_ids(window) == [3]


def test_deleting_a_hero_another_program_already_deleted_says_hero_not_found_and_refreshes(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    go_to_cell(qtbot, window, 2, 1)

    def deleted_elsewhere_then_confirm(dialog: QWidget) -> None:
        execute_elsewhere(db_path, "DELETE FROM hero WHERE id = 2")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    driver = when_dialog_opens(qtbot, deleted_elsewhere_then_confirm)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    driver.check()

    qtbot.waitUntil(lambda: message(window) == "Hero not found")
    assert shown_ids(window) == [1, 3]
    assert rows_in_file(db_path) == [TUTORIAL_HEROES[0], TUTORIAL_HEROES[2]]
    assert not window.runner.stack.canUndo(), "nothing was deleted here, so nothing to undo"
