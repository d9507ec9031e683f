"""What a screen-reader user hears of a change, of an empty table and of a cell editor,
and where Enter in the search takes the keyboard.

A change shows as rows that change, a search with no match as a hint painted
inside the table, and neither is read by a screen reader by itself: both are
announced. The cell editor is named by its column. Enter (or Down) in the
search goes to the results, so nobody has to Tab past the age fields.
"""

# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from .conftest import Heard, OpenWindow
from .support import (
    CTRL,
    TUTORIAL_HEROES,
    add_by_keyboard,
    editor_of,
    focused,
    go_to_cell,
    rows_in_file,
    type_text,
    write_heroes,
)

AGE = 2


def spoken(heard: Heard) -> list[str]:
    return [text for _widget, text, _urgent in heard]


def test_a_change_its_undo_and_its_redo_are_announced(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, heard: Heard
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()

    add_by_keyboard(qtbot, window, "Tarantula", "Natalia", "32")
    qtbot.waitUntil(lambda: "Done: Add Tarantula." in spoken(heard))
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: "Undone: Add Tarantula." in spoken(heard))
    qtbot.keyClick(window.table, Qt.Key.Key_Y, CTRL)
    qtbot.waitUntil(lambda: "Redone: Add Tarantula." in spoken(heard))

    assert len(rows_in_file(db_path)) == len(TUTORIAL_HEROES) + 1
    said = [(widget, urgent) for widget, text, urgent in heard if text.endswith("Tarantula.")]
    assert said == [(window.table, False)] * 3  # polite: nothing went wrong


def test_a_search_without_a_match_says_so_aloud(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, heard: Heard
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    hint = window.search_bar.no_match_hint()

    type_text(qtbot, window.search_bar.name_edit, "zzz")
    qtbot.waitUntil(lambda: window.model.total == 0)

    assert (window.table, hint, False) in heard
    assert spoken(heard).count(hint) == 1  # said once, not at every refresh


def test_the_cell_editor_is_named_by_its_column(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    go_to_cell(qtbot, window, 3, AGE)

    qtbot.keyClick(window.table, Qt.Key.Key_F2)

    editor = QAccessible.queryAccessibleInterface(editor_of(window))
    assert editor.text(QAccessible.Text.Name) == "Age"
    assert "Esc" in editor.text(QAccessible.Text.Description)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Down])
def test_enter_or_down_in_the_search_goes_to_the_results(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, key: Qt.Key
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    window.search_bar.name_edit.setFocus()
    type_text(qtbot, window.search_bar.name_edit, "rusty")

    qtbot.keyClick(window.search_bar.name_edit, key)  # at once: no pause after typing

    assert focused() is window.table
    qtbot.waitUntil(lambda: window.model.total == 1)
    assert window.model.hero_at(window.table.currentIndex().row()).name == "Rusty-Man"
