"""No blind overwrites and no lost typing (issue 4): conflicting edits, undo, and a held lock."""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from hero_desktop.ui.add_hero_dialog import AddHeroDialog
from hero_desktop.ui.hero_table_model import COLUMNS
from hero_desktop.ui.main_window import MainWindow

from .conftest import OpenWindow, SettlingQtBot
from .support import (
    CTRL,
    TUTORIAL_HEROES,
    Answers,
    cell,
    editor_of,
    execute_elsewhere,
    focused,
    go_to_cell,
    hero_in_file,
    message,
    rows_in_file,
    type_hero,
    type_text,
    wait_for_table_focus,
    when_dialog_opens,
    write_heroes,
)

NAME, AGE = COLUMNS.index("name"), COLUMNS.index("age")


def is_editing(window: MainWindow) -> bool:
    return window.table.state() == QAbstractItemView.State.EditingState


def edit_while_another_program_changes_the_same_field(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    """The user types "Deadpool" over Deadpond; meanwhile another program renames him."""
    go_to_cell(qtbot, window, 1, NAME)
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    editor = editor_of(window)
    assert isinstance(editor, QLineEdit)
    type_text(qtbot, editor, "Deadpool")
    execute_elsewhere(db_path, "UPDATE hero SET name = 'Deadpond Prime' WHERE id = 1")
    qtbot.keyClick(editor, Qt.Key.Key_Return)


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def window(open_window: OpenWindow, db_path: Path, answers: Answers) -> MainWindow:
    write_heroes(db_path, TUTORIAL_HEROES)
    return open_window(prompts=answers)


def test_an_edit_of_a_hero_changed_elsewhere_asks_and_keep_theirs_writes_nothing(
    qtbot: QtBot, window: MainWindow, db_path: Path, answers: Answers
) -> None:
    answers.use_mine = False

    edit_while_another_program_changes_the_same_field(qtbot, window, db_path)

    qtbot.waitUntil(lambda: len(answers.conflicts) == 1)
    _action, mine, current = answers.conflicts[0]
    assert mine == {"name": "Deadpool"}
    assert current.name == "Deadpond Prime"
    qtbot.waitUntil(lambda: "your edit was not saved" in message(window))
    assert hero_in_file(db_path, 1) == (1, "Deadpond Prime", None, "Dive Wilson")
    qtbot.waitUntil(lambda: cell(window, 1, NAME).data() == "Deadpond Prime")


def test_an_edit_of_a_hero_changed_elsewhere_asks_and_use_mine_writes_it(
    qtbot: QtBot, window: MainWindow, db_path: Path, answers: Answers
) -> None:
    answers.use_mine = True

    edit_while_another_program_changes_the_same_field(qtbot, window, db_path)

    qtbot.waitUntil(lambda: hero_in_file(db_path, 1) == (1, "Deadpool", None, "Dive Wilson"))
    assert len(answers.conflicts) == 1
    qtbot.waitUntil(lambda: cell(window, 1, NAME).data() == "Deadpool")


def undo_after_another_program_changed_the_hero(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    """The user sets Rusty-Man's age to 50, another program sets 60, the user presses Ctrl+Z."""
    go_to_cell(qtbot, window, 3, AGE)
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    editor = editor_of(window)
    type_text(qtbot, editor, "50")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: hero_in_file(db_path, 3) == (3, "Rusty-Man", 50, "Tommy Sharp"))
    qtbot.waitUntil(window.menus.undo_action.isEnabled)  # the edit is on the undo stack
    execute_elsewhere(db_path, "UPDATE hero SET age = 60 WHERE id = 3")
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)


def test_undo_of_an_edit_changed_elsewhere_asks_and_keep_theirs_writes_nothing(
    qtbot: QtBot, window: MainWindow, db_path: Path, answers: Answers
) -> None:
    answers.use_mine = False

    undo_after_another_program_changed_the_hero(qtbot, window, db_path)

    assert len(answers.conflicts) == 1
    assert answers.conflicts[0][2].age == 60
    assert hero_in_file(db_path, 3) == (3, "Rusty-Man", 60, "Tommy Sharp")
    assert "nothing was changed" in message(window)
    assert cell(window, 3, AGE).data() == "60"


def test_undo_of_an_edit_changed_elsewhere_asks_and_use_mine_writes_the_old_value(
    qtbot: QtBot, window: MainWindow, db_path: Path, answers: Answers
) -> None:
    answers.use_mine = True

    undo_after_another_program_changed_the_hero(qtbot, window, db_path)

    assert len(answers.conflicts) == 1
    assert hero_in_file(db_path, 3) == (3, "Rusty-Man", 48, "Tommy Sharp")
    assert cell(window, 3, AGE).data() == "48"


# -- another program holds the write lock ---------------------------------------


WAITING = "Waiting for another program to finish writing database.db…"


def test_adding_while_another_program_holds_the_lock_waits_and_saves_once_it_is_free(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path, write_lock: sqlite3.Connection
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    seen: dict[str, object] = {}

    def save_while_locked(dialog: QWidget) -> None:
        assert isinstance(dialog, AddHeroDialog)
        type_hero(qtbot, dialog, "Tarantula", "Natalia", "32")
        write_lock.execute("BEGIN IMMEDIATE")
        qtbot.unsettled.keyClick(focused(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.form_error.isVisible())
        seen["waiting"] = dialog.form_error.text()
        seen["status"] = window.status.waiting_label.isVisible()
        seen["values"] = dialog.values()
        seen["file"] = rows_in_file(db_path)
        write_lock.execute("ROLLBACK")  # the other program finishes
        qtbot.waitUntil(lambda: not dialog.isVisible())

    driver = when_dialog_opens(qtbot, save_while_locked)
    qtbot.keyClick(window.table, Qt.Key.Key_N, CTRL)
    driver.check()
    qtbot.settle()

    assert seen["waiting"] == f"{WAITING} Press Esc to stop waiting."
    assert seen["status"] is True
    assert seen["values"] == {"name": "Tarantula", "secret_name": "Natalia", "age": "32"}
    assert seen["file"] == TUTORIAL_HEROES
    assert rows_in_file(db_path) == [*TUTORIAL_HEROES, (4, "Tarantula", 32, "Natalia")]
    assert not window.status.waiting_label.isVisible()
    wait_for_table_focus(qtbot, window)
    assert cell(window, 4, NAME).data() == "Tarantula"


def test_esc_while_waiting_for_the_lock_cancels_and_keeps_what_was_typed(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path, write_lock: sqlite3.Connection
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    seen: dict[str, object] = {}

    def cancel_the_wait_then_save(dialog: QWidget) -> None:
        assert isinstance(dialog, AddHeroDialog)
        type_hero(qtbot, dialog, "Tarantula", "Natalia", "32")
        write_lock.execute("BEGIN IMMEDIATE")
        qtbot.unsettled.keyClick(focused(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.form_error.isVisible())
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # waits until the save gave up
        seen["open"] = dialog.isVisible()
        seen["error"] = dialog.form_error.text()
        seen["values"] = dialog.values()
        write_lock.execute("ROLLBACK")
        seen["file"] = rows_in_file(db_path)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)  # saves now, once
        qtbot.waitUntil(lambda: not dialog.isVisible())

    driver = when_dialog_opens(qtbot, cancel_the_wait_then_save)
    qtbot.keyClick(window.table, Qt.Key.Key_N, CTRL)
    driver.check()

    assert seen["open"] is True
    assert seen["error"] == "Cancelled: nothing was changed."
    assert seen["values"] == {"name": "Tarantula", "secret_name": "Natalia", "age": "32"}
    assert seen["file"] == TUTORIAL_HEROES
    assert rows_in_file(db_path) == [*TUTORIAL_HEROES, (4, "Tarantula", 32, "Natalia")]


def test_a_cell_edit_while_the_lock_is_held_waits_and_is_written_once_it_is_free(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path, write_lock: sqlite3.Connection
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    go_to_cell(qtbot, window, 2, NAME)
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    type_text(qtbot, editor_of(window), "Spider-Man")
    write_lock.execute("BEGIN IMMEDIATE")

    qtbot.unsettled.keyClick(editor_of(window), Qt.Key.Key_Return)

    qtbot.waitUntil(window.status.waiting_label.isVisible)
    assert window.status.waiting_label.text() == WAITING
    assert cell(window, 2, NAME).data() == "Spider-Man"  # shown while it waits
    assert rows_in_file(db_path) == TUTORIAL_HEROES
    qtbot.unsettled.keyClick(window.table, Qt.Key.Key_Down)  # the window still answers
    assert window.table.currentIndex().row() == 2
    write_lock.execute("ROLLBACK")
    qtbot.waitUntil(lambda: hero_in_file(db_path, 2) == (2, "Spider-Man", None, "Pedro Parqueador"))
    qtbot.waitUntil(lambda: not window.status.waiting_label.isVisible())


def test_cancelling_a_waiting_cell_edit_puts_the_text_back_in_the_cell(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path, write_lock: sqlite3.Connection
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    go_to_cell(qtbot, window, 2, NAME)
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    type_text(qtbot, editor_of(window), "Spider-Man")
    write_lock.execute("BEGIN IMMEDIATE")
    qtbot.unsettled.keyClick(editor_of(window), Qt.Key.Key_Return)
    qtbot.waitUntil(window.status.waiting_label.isVisible)

    qtbot.keyClick(window.table, Qt.Key.Key_Escape)

    qtbot.waitUntil(lambda: is_editing(window))
    editor = editor_of(window)
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "Spider-Man"
    assert "Cancelled" in message(window)
    assert cell(window, 2, NAME).data(Qt.ItemDataRole.EditRole) == "Spider-Boy"
    write_lock.execute("ROLLBACK")
    assert rows_in_file(db_path) == TUTORIAL_HEROES
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: hero_in_file(db_path, 2) == (2, "Spider-Man", None, "Pedro Parqueador"))


def deleting_a_hero_another_program_changed(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    """The user confirms deleting Spider-Boy, whom another program just renamed."""
    go_to_cell(qtbot, window, 2, NAME)

    def changed_elsewhere_then_confirm(dialog: QWidget) -> None:
        execute_elsewhere(db_path, "UPDATE hero SET name = 'Spider-Man' WHERE id = 2")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    driver = when_dialog_opens(qtbot, changed_elsewhere_then_confirm)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    driver.check()


def test_deleting_a_hero_changed_elsewhere_asks_and_keep_theirs_deletes_nothing(
    qtbot: QtBot, window: MainWindow, db_path: Path, answers: Answers
) -> None:
    answers.use_mine = False

    deleting_a_hero_another_program_changed(qtbot, window, db_path)

    assert len(answers.conflicts) == 1
    assert hero_in_file(db_path, 2) == (2, "Spider-Man", None, "Pedro Parqueador")
    assert "nothing was changed" in message(window)
    assert cell(window, 2, NAME).data() == "Spider-Man"


def test_deleting_a_hero_changed_elsewhere_asks_and_use_mine_deletes_it(
    qtbot: QtBot, window: MainWindow, db_path: Path, answers: Answers
) -> None:
    answers.use_mine = True

    deleting_a_hero_another_program_changed(qtbot, window, db_path)

    assert len(answers.conflicts) == 1
    assert hero_in_file(db_path, 2) is None
    assert message(window) == ""
