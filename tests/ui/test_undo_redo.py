"""Undo and redo by keyboard (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) of add, edit and delete."""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from hero_desktop.ui.hero_table_model import COLUMNS
from hero_desktop.ui.main_window import MainWindow
from hero_desktop.ui.message_bar import MessageKind

from .conftest import OpenWindow, SettlingQtBot
from .support import (
    ALT,
    CTRL,
    SHIFT,
    TUTORIAL_HEROES,
    Answers,
    add_by_keyboard,
    cell,
    current_column,
    current_id,
    editor_of,
    execute_elsewhere,
    go_to_cell,
    hero_in_file,
    message,
    numbered_heroes,
    rows_in_file,
    selected_ids,
    shown_ids,
    type_text,
    write_heroes,
)

NAME, AGE = COLUMNS.index("name"), COLUMNS.index("age")
REDO_KEYS = {"ctrl+shift+z": (Qt.Key.Key_Z, CTRL | SHIFT), "ctrl+y": (Qt.Key.Key_Y, CTRL)}


def undo(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)


def redo(qtbot: QtBot, window: MainWindow, keys: str = "ctrl+shift+z") -> None:
    key, modifiers = REDO_KEYS[keys]
    qtbot.keyClick(window.table, key, modifiers)


def edit_cell(qtbot: QtBot, window: MainWindow, hero_id: int, column: int, text: str) -> None:
    go_to_cell(qtbot, window, hero_id, column)
    steps = window.runner.stack.count()
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    editor = editor_of(window)
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.table.state() != QAbstractItemView.State.EditingState)
    # Saved once the edit is on the undo stack (the file may hold it a moment before).
    qtbot.waitUntil(lambda: window.runner.stack.count() > steps)


def delete_current(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)


@pytest.fixture
def answers() -> Answers:
    confirm = Answers()
    confirm.delete_answer = True  # the Delete dialog has its own tests
    return confirm


@pytest.mark.parametrize("redo_keys", list(REDO_KEYS))
def test_undo_removes_an_added_hero_and_redo_brings_it_back_with_the_same_id(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, redo_keys: str
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    add_by_keyboard(qtbot, window, "Tarantula", "Natalia", "32")
    qtbot.waitUntil(window.isActiveWindow)

    undo(qtbot, window)
    assert rows_in_file(db_path) == TUTORIAL_HEROES
    assert shown_ids(window) == [1, 2, 3]

    redo(qtbot, window, redo_keys)
    assert rows_in_file(db_path) == [*TUTORIAL_HEROES, (4, "Tarantula", 32, "Natalia")]
    assert current_id(window) == 4


@pytest.mark.parametrize("redo_keys", list(REDO_KEYS))
def test_undo_puts_back_an_edited_value_and_redo_writes_it_again(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, redo_keys: str
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    edit_cell(qtbot, window, 3, AGE, "50")
    qtbot.waitUntil(lambda: hero_in_file(db_path, 3) == (3, "Rusty-Man", 50, "Tommy Sharp"))
    qtbot.waitUntil(window.menus.undo_action.isEnabled)  # the edit is on the undo stack

    undo(qtbot, window)
    assert hero_in_file(db_path, 3) == (3, "Rusty-Man", 48, "Tommy Sharp")
    assert cell(window, 3, AGE).data() == "48"
    assert (current_id(window), current_column(window)) == (3, AGE)

    redo(qtbot, window, redo_keys)
    assert hero_in_file(db_path, 3) == (3, "Rusty-Man", 50, "Tommy Sharp")
    assert cell(window, 3, AGE).data() == "50"


@pytest.mark.parametrize("redo_keys", list(REDO_KEYS))
def test_undo_of_a_delete_brings_the_hero_back_with_the_same_id(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, answers: Answers, redo_keys: str
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window(prompts=answers)
    go_to_cell(qtbot, window, 2, NAME)
    delete_current(qtbot, window)
    assert hero_in_file(db_path, 2) is None

    undo(qtbot, window)
    assert rows_in_file(db_path) == TUTORIAL_HEROES
    assert current_id(window) == 2
    assert selected_ids(window) == {2}

    redo(qtbot, window, redo_keys)
    assert hero_in_file(db_path, 2) is None
    assert shown_ids(window) == [1, 3]


def test_undo_works_across_pages_and_shows_the_hero_on_its_page(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(250))
    window = open_window()
    edit_cell(qtbot, window, 5, NAME, "Renamed")
    qtbot.waitUntil(lambda: hero_in_file(db_path, 5) == (5, "Renamed", 25, "Secret 005"))
    qtbot.waitUntil(window.menus.undo_action.isEnabled)  # the edit is on the undo stack
    qtbot.keyClick(window.table, Qt.Key.Key_End, ALT)
    assert window.model.page == 2

    undo(qtbot, window)

    assert hero_in_file(db_path, 5) == (5, "Hero 005", 25, "Secret 005")
    assert window.model.page == 0
    assert current_id(window) == 5
    assert cell(window, 5, NAME).data() == "Hero 005"

    qtbot.keyClick(window.table, Qt.Key.Key_End, ALT)
    redo(qtbot, window)
    assert hero_in_file(db_path, 5) == (5, "Renamed", 25, "Secret 005")
    assert window.model.page == 0
    assert current_id(window) == 5


def test_undo_of_a_delete_whose_id_was_taken_meanwhile_says_so_and_overwrites_nothing(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, answers: Answers
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window(prompts=answers)
    go_to_cell(qtbot, window, 3, NAME)
    delete_current(qtbot, window)
    execute_elsewhere(
        db_path, "INSERT INTO hero (id, name, age, secret_name) VALUES (3, 'Usurper', 1, 'Other')"
    )

    undo(qtbot, window)

    assert "another hero now has id 3" in message(window)
    assert "Nothing was overwritten" in message(window)
    assert hero_in_file(db_path, 3) == (3, "Usurper", 1, "Other")
    assert window.runner.stack.canUndo(), "the delete can still be undone later"


def test_the_edit_menu_names_what_undo_and_redo_will_do(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, answers: Answers
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window(prompts=answers)
    assert not window.menus.undo_action.isEnabled()

    delete_current(qtbot, window)
    assert window.menus.undo_action.isEnabled()
    assert window.menus.undo_action.text() == "&Undo Delete Deadpond"

    undo(qtbot, window)
    assert window.menus.redo_action.text() == "&Redo Delete Deadpond"
    assert not window.menus.undo_action.isEnabled()


@pytest.mark.parametrize(
    ("keys", "age", "logged"),
    [
        ("zy", 50, ["undone", "redone"]),
        ("zyz", 48, ["undone", "redone", "undone"]),
    ],
)
def test_undo_and_redo_pressed_without_waiting_for_answers_all_act_in_order(
    qtbot: SettlingQtBot,
    open_window: OpenWindow,
    db_path: Path,
    write_lock: sqlite3.Connection,
    caplog: pytest.LogCaptureFixture,
    keys: str,
    age: int,
    logged: list[str],
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    edit_cell(qtbot, window, 3, AGE, "50")
    caplog.set_level(logging.INFO, logger="hero_desktop.changes")
    caplog.clear()  # (the edit itself was logged)
    # Another program holds the lock: no answer can come while the keys are pressed.
    write_lock.execute("BEGIN IMMEDIATE")

    for key in keys:
        if key == "z":
            qtbot.unsettled.keyClick(window.table, Qt.Key.Key_Z, CTRL)
        else:
            qtbot.unsettled.keyClick(window.table, Qt.Key.Key_Z, CTRL | SHIFT)
    write_lock.execute("ROLLBACK")
    qtbot.settle()

    assert hero_in_file(db_path, 3) == (3, "Rusty-Man", age, "Tommy Sharp")
    outcomes = [r.getMessage().split(":")[0].rsplit(" ", 1)[1] for r in caplog.records]
    assert outcomes == logged
    qtbot.waitUntil(lambda: cell(window, 3, AGE).data() == str(age))


def test_an_undo_pressed_for_a_change_that_was_then_not_saved_undoes_nothing(
    qtbot: SettlingQtBot,
    open_window: OpenWindow,
    db_path: Path,
    write_lock: sqlite3.Connection,
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    edit_cell(qtbot, window, 3, AGE, "50")  # saved: the change an undo could reach
    write_lock.execute("BEGIN IMMEDIATE")
    go_to_cell(qtbot, window, 1, AGE)
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    editor = editor_of(window)
    type_text(qtbot, editor, "30")
    qtbot.unsettled.keyClick(editor, Qt.Key.Key_Return)  # waits for the lock
    qtbot.waitUntil(lambda: window.client.waiting)
    qtbot.unsettled.keyClick(window.table, Qt.Key.Key_Z, CTRL)  # meant for the age 30

    window.client.cancel_waiting()  # the user gives the age 30 up
    qtbot.waitUntil(window.is_idle)
    write_lock.execute("ROLLBACK")

    assert hero_in_file(db_path, 3) == (3, "Rusty-Man", 50, "Tommy Sharp")  # not undone
    assert hero_in_file(db_path, 1) == (1, "Deadpond", None, "Dive Wilson")
    assert "Undo skipped" in message(window)
    assert window.message_bar.kind is MessageKind.WARNING  # not an error: nothing failed
