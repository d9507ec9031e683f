"""Editing a cell in place: F2 or Enter opens the editor, Enter commits, Esc cancels."""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QToolTip
from pytestqt.qtbot import QtBot

from hero_desktop.ui.hero_table_model import COLUMNS, SECRET_MASK, column_titles
from hero_desktop.ui.main_window import MainWindow

from .conftest import OpenWindow
from .support import (
    TUTORIAL_HEROES,
    cell,
    editor_of,
    execute_elsewhere,
    go_to_cell,
    hero_in_file,
    message,
    numbered_heroes,
    rows_in_file,
    type_text,
    write_heroes,
)

NAME, AGE, SECRET = COLUMNS.index("name"), COLUMNS.index("age"), COLUMNS.index("secret_name")
ID = COLUMNS.index("id")
CTRL = Qt.KeyboardModifier.ControlModifier


def is_editing(window: MainWindow) -> bool:
    return window.table.state() == QAbstractItemView.State.EditingState


def open_editor(qtbot: QtBot, window: MainWindow, key: Qt.Key = Qt.Key.Key_F2) -> QLineEdit:
    qtbot.keyClick(window.table, key)
    qtbot.waitUntil(lambda: is_editing(window))
    editor = editor_of(window)
    assert isinstance(editor, QLineEdit)
    return editor


def replace_text(qtbot: QtBot, editor: QLineEdit, text: str) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    if text:
        type_text(qtbot, editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Delete)


def commit(
    qtbot: QtBot, window: MainWindow, editor: QLineEdit, key: Qt.Key = Qt.Key.Key_Return
) -> None:
    qtbot.keyClick(editor, key)
    qtbot.waitUntil(lambda: not is_editing(window))


@pytest.fixture
def window(open_window: OpenWindow, db_path: Path) -> MainWindow:
    write_heroes(db_path, TUTORIAL_HEROES)
    return open_window()


@pytest.mark.parametrize("key", [Qt.Key.Key_F2, Qt.Key.Key_Return], ids=["F2", "Enter"])
def test_f2_or_enter_opens_an_editor_on_the_current_cell_holding_its_value(
    qtbot: QtBot, window: MainWindow, key: Qt.Key
) -> None:
    go_to_cell(qtbot, window, 2, NAME)

    editor = open_editor(qtbot, window, key)

    assert editor.text() == "Spider-Boy"
    assert window.table.currentIndex() == cell(window, 2, NAME)


def test_enter_commits_and_only_the_changed_field_is_written(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    go_to_cell(qtbot, window, 3, NAME)
    editor = open_editor(qtbot, window)
    replace_text(qtbot, editor, "Rusty-Woman")
    # Another program changes the other fields meanwhile: a partial update
    # leaves them as they are in the file, not as the window last saw them.
    execute_elsewhere(
        db_path, "UPDATE hero SET age = 49, secret_name = 'Tommy Sharper' WHERE id = 3"
    )

    commit(qtbot, window, editor)

    qtbot.waitUntil(lambda: hero_in_file(db_path, 3) == (3, "Rusty-Woman", 49, "Tommy Sharper"))
    assert cell(window, 3, NAME).data() == "Rusty-Woman"
    qtbot.waitUntil(lambda: cell(window, 3, AGE).data() == "49")  # theirs, merged
    assert message(window) == (
        "Saved. Another program had changed Rusty-Woman meanwhile: Age is now 49; "
        "Secret name is now Tommy Sharper. Both changes are kept."
    )


def test_tab_commits_and_moves_the_editor_to_the_next_cell(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    go_to_cell(qtbot, window, 3, NAME)
    editor = open_editor(qtbot, window)
    replace_text(qtbot, editor, "Rusty-Woman")

    qtbot.keyClick(editor, Qt.Key.Key_Tab)

    qtbot.waitUntil(lambda: hero_in_file(db_path, 3) == (3, "Rusty-Woman", 48, "Tommy Sharp"))
    qtbot.waitUntil(lambda: window.table.currentIndex() == cell(window, 3, AGE))
    assert is_editing(window)
    qtbot.keyClick(editor_of(window), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not is_editing(window))


def test_escape_cancels_the_edit_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    go_to_cell(qtbot, window, 1, NAME)
    editor = open_editor(qtbot, window)
    replace_text(qtbot, editor, "Not Deadpond")

    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not is_editing(window))

    assert cell(window, 1, NAME).data() == "Deadpond"
    assert rows_in_file(db_path) == TUTORIAL_HEROES


def test_an_age_can_be_set_and_cleared(qtbot: QtBot, window: MainWindow, db_path: Path) -> None:
    go_to_cell(qtbot, window, 1, AGE)
    editor = open_editor(qtbot, window)
    replace_text(qtbot, editor, "29")
    commit(qtbot, window, editor)
    qtbot.waitUntil(lambda: hero_in_file(db_path, 1) == (1, "Deadpond", 29, "Dive Wilson"))

    editor = open_editor(qtbot, window)
    replace_text(qtbot, editor, "")
    commit(qtbot, window, editor)

    qtbot.waitUntil(lambda: hero_in_file(db_path, 1) == (1, "Deadpond", None, "Dive Wilson"))
    assert cell(window, 1, AGE).data() == ""


@pytest.mark.parametrize(
    ("column", "typed", "expected"),
    [
        (NAME, "", "Name is required"),
        (NAME, "x" * 256, "Name must be at most 255 characters"),
        (AGE, "abc", "Age must be a whole number"),
        (AGE, "10001", "Age must be between 0 and 10000"),
        (AGE, "1_000", "Age must be a whole number"),
        (SECRET, "   ", "Secret name is required"),
    ],
    ids=["empty-name", "256-chars", "age-abc", "age-10001", "age-1_000", "blank-secret"],
)
def test_a_refused_edit_keeps_the_editor_open_with_the_text_and_says_why_at_the_cell(
    qtbot: QtBot, window: MainWindow, db_path: Path, column: int, typed: str, expected: str
) -> None:
    go_to_cell(qtbot, window, 3, column)
    before = cell(window, 3, column).data(Qt.ItemDataRole.EditRole)
    editor = open_editor(qtbot, window)
    replace_text(qtbot, editor, typed)

    qtbot.keyClick(editor, Qt.Key.Key_Return)

    assert is_editing(window)
    assert editor_of(window) is editor
    assert editor.text() == typed
    label = column_titles()[column]
    assert window.statusBar().currentMessage() == f"{label}: {expected}"
    assert QToolTip.text() == expected
    assert message(window) == ""  # at the cell, not in a banner above the table
    assert rows_in_file(db_path) == TUTORIAL_HEROES

    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not is_editing(window))
    assert cell(window, 3, column).data(Qt.ItemDataRole.EditRole) == before
    assert rows_in_file(db_path) == TUTORIAL_HEROES


def test_tab_does_not_carry_refused_text_out_of_the_cell(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    go_to_cell(qtbot, window, 3, AGE)
    editor = open_editor(qtbot, window)
    replace_text(qtbot, editor, "abc")

    qtbot.keyClick(editor, Qt.Key.Key_Tab)

    assert is_editing(window)
    assert editor.text() == "abc"
    assert window.table.currentIndex().column() == AGE
    assert rows_in_file(db_path) == TUTORIAL_HEROES


def test_a_refused_edit_can_be_corrected_in_the_same_editor(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    go_to_cell(qtbot, window, 3, AGE)
    editor = open_editor(qtbot, window)
    replace_text(qtbot, editor, "abc")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert is_editing(window)

    replace_text(qtbot, editor, "49")
    commit(qtbot, window, editor)

    qtbot.waitUntil(lambda: hero_in_file(db_path, 3) == (3, "Rusty-Man", 49, "Tommy Sharp"))


def test_the_id_column_is_not_editable(qtbot: QtBot, window: MainWindow, db_path: Path) -> None:
    go_to_cell(qtbot, window, 2, ID)

    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.keyClicks(window.table, "7")

    assert not is_editing(window)
    assert not window.model.flags(cell(window, 2, ID)) & Qt.ItemFlag.ItemIsEditable
    assert rows_in_file(db_path) == TUTORIAL_HEROES


def test_editing_a_masked_secret_shows_the_real_value_in_the_editor(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    go_to_cell(qtbot, window, 2, SECRET)
    assert cell(window, 2, SECRET).data() == SECRET_MASK

    editor = open_editor(qtbot, window)

    assert editor.text() == "Pedro Parqueador"
    replace_text(qtbot, editor, "Peter")
    commit(qtbot, window, editor)
    qtbot.waitUntil(lambda: hero_in_file(db_path, 2) == (2, "Spider-Boy", None, "Peter"))
    assert cell(window, 2, SECRET).data() == SECRET_MASK


def test_typing_on_a_cell_starts_editing_it_with_the_typed_text(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    go_to_cell(qtbot, window, 1, AGE)

    qtbot.keyClicks(window.table, "3")
    qtbot.waitUntil(lambda: is_editing(window))
    editor = editor_of(window)
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "1")
    commit(qtbot, window, editor)

    qtbot.waitUntil(lambda: hero_in_file(db_path, 1) == (1, "Deadpond", 31, "Dive Wilson"))


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Tab], ids=["Enter", "Tab"])
def test_after_an_edit_only_its_row_changes_and_the_cursor_and_scroll_stay(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, key: Qt.Key
) -> None:
    write_heroes(db_path, numbered_heroes(100))
    window = open_window()
    window.resize(600, 300)  # a page taller than the window: it scrolls
    go_to_cell(qtbot, window, 80, AGE)
    scroll = window.table.verticalScrollBar().value()
    assert scroll > 0
    resets: list[object] = []
    window.model.modelReset.connect(lambda: resets.append(1))
    editor = open_editor(qtbot, window)
    replace_text(qtbot, editor, "99")
    current = window.table.currentIndex().siblingAtColumn(AGE + (key == Qt.Key.Key_Tab))

    if key == Qt.Key.Key_Tab:  # commits, and edits the next cell: left with Esc
        qtbot.keyClick(editor, key)
        qtbot.waitUntil(lambda: window.table.currentIndex() == current)
        commit(qtbot, window, editor_of(window), Qt.Key.Key_Escape)  # type: ignore[arg-type]
    else:
        commit(qtbot, window, editor, key)
    qtbot.waitUntil(lambda: hero_in_file(db_path, 80) == (80, "Hero 080", 99, "Secret 080"))
    qtbot.waitUntil(window.is_idle)

    assert cell(window, 80, AGE).data() == "99"
    assert window.table.currentIndex() == current
    assert window.table.verticalScrollBar().value() == scroll
    assert resets == []
