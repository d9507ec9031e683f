"""Columns shown, hidden, moved and reset (View → Columns, the header's menu); the table's
text size (Ctrl+Plus, Ctrl+Minus, Ctrl+0); both remembered for the next launch."""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from hero_desktop.ui.hero_table_model import COLUMNS, column_titles
from hero_desktop.ui.main_window import MainWindow

from .conftest import OpenWindow
from .support import ALT, CTRL, SHIFT, current_column, editor_of, go_to_cell, write_heroes

ID, NAME, AGE, SECRET = (COLUMNS.index(c) for c in ("id", "name", "age", "secret_name"))
# A popup menu asks for the keyboard, which the offscreen platform cannot give; it says
# so, which is about the platform, not the app (this marker replaces the session's, so
# it names the session's noise too).
POPUP_NOISE = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)\(?\)?"
)
HEROES = [(1, "Deadpond", 30, "Dive Wilson"), (2, "Rusty-Man", 48, "Tommy Sharp")]


@pytest.fixture
def window(open_window: OpenWindow, db_path: Path) -> MainWindow:
    write_heroes(db_path, HEROES)
    return open_window()


def shown_columns(window: MainWindow) -> list[str]:
    """The column titles as the table shows them, left to right."""
    header = window.table.horizontalHeader()
    logical = [header.logicalIndex(place) for place in range(header.count())]
    titles = column_titles()
    return [titles[c] for c in logical if not header.isSectionHidden(c)]


def open_menu_by_keyboard(qtbot: QtBot, window: MainWindow, key: str) -> None:
    menu = window.columns.menu
    if key == "Shift+F10":
        qtbot.keyClick(window.table, Qt.Key.Key_F10, SHIFT)
    else:
        qtbot.keyClick(window.table, Qt.Key.Key_Menu)
    qtbot.waitUntil(menu.isVisible)


def test_hiding_a_column_from_view_columns_takes_it_away_until_shown_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    go_to_cell(qtbot, window, 1, AGE)
    age = window.columns.shown_actions[AGE]
    assert age.isChecked()

    age.trigger()

    assert shown_columns(window) == ["ID", "Name", "Secret name"]
    assert not age.isChecked()
    assert current_column(window) == NAME  # the cursor left the hidden column

    age.trigger()

    assert shown_columns(window) == ["ID", "Name", "Age", "Secret name"]
    assert age.isChecked()


@POPUP_NOISE
@pytest.mark.parametrize("key", ["Shift+F10", "Menu"])
def test_the_columns_menu_opens_from_the_table_by_keyboard_and_hides_a_column(
    qtbot: QtBot, window: MainWindow, key: str
) -> None:
    open_menu_by_keyboard(qtbot, window, key)

    qtbot.keyClick(window.columns.menu, Qt.Key.Key_S)  # &Secret name

    qtbot.waitUntil(lambda: not window.columns.menu.isVisible())
    assert shown_columns(window) == ["ID", "Name", "Age"]

    open_menu_by_keyboard(qtbot, window, key)
    for _ in range(3):
        qtbot.keyClick(window.columns.menu, Qt.Key.Key_Down)
    qtbot.keyClick(window.columns.menu, Qt.Key.Key_Return)  # the third: Secret name

    assert shown_columns(window) == ["ID", "Name", "Age", "Secret name"]


@POPUP_NOISE
def test_the_header_menu_is_view_columns(window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    assert header.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu

    header.customContextMenuRequested.emit(header.rect().center())

    assert window.columns.menu.isVisible()
    window.columns.menu.close()


def test_name_cannot_be_hidden(qtbot: QtBot, window: MainWindow) -> None:
    titles = [a.text().replace("&", "") for a in window.columns.menu.actions()]
    assert "Name" not in titles
    assert titles[:3] == ["ID", "Age", "Secret name"]

    for action in window.columns.shown_actions.values():
        action.trigger()
    window.columns.show_column(NAME, False)

    assert shown_columns(window) == ["Name"]


def test_name_shows_even_if_the_remembered_layout_hid_it(
    open_window: OpenWindow, window: MainWindow
) -> None:
    window.table.horizontalHeader().hideSection(NAME)  # as a hand-edited settings file might
    window.close()

    again = open_window()

    assert shown_columns(again) == ["ID", "Name", "Age", "Secret name"]


def test_alt_shift_arrows_move_the_current_column(qtbot: QtBot, window: MainWindow) -> None:
    go_to_cell(qtbot, window, 1, NAME)

    qtbot.keyClick(window.table, Qt.Key.Key_Right, ALT | SHIFT)

    assert shown_columns(window) == ["ID", "Age", "Name", "Secret name"]
    assert current_column(window) == NAME
    qtbot.keyClick(window.table, Qt.Key.Key_Left)
    assert current_column(window) == AGE  # the arrows follow the columns as shown
    qtbot.keyClick(window.table, Qt.Key.Key_Right)

    for _ in range(3):  # the third finds it first already: it stays
        qtbot.keyClick(window.table, Qt.Key.Key_Left, ALT | SHIFT)

    assert shown_columns(window) == ["Name", "ID", "Age", "Secret name"]


def test_a_column_moves_past_hidden_ones(qtbot: QtBot, window: MainWindow) -> None:
    go_to_cell(qtbot, window, 1, NAME)
    window.columns.shown_actions[AGE].trigger()

    qtbot.keyClick(window.table, Qt.Key.Key_Right, ALT | SHIFT)

    assert shown_columns(window) == ["ID", "Secret name", "Name"]


def test_reset_columns_brings_back_the_default_layout(qtbot: QtBot, window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    go_to_cell(qtbot, window, 1, NAME)
    qtbot.keyClick(window.table, Qt.Key.Key_Right, ALT | SHIFT)
    window.columns.shown_actions[ID].trigger()
    header.resizeSection(NAME, 123)

    window.menus.reset_columns_action.trigger()

    assert shown_columns(window) == ["ID", "Name", "Age", "Secret name"]
    assert [header.sectionSize(c) for c in (ID, NAME, AGE)] == [70, 260, 70]
    assert window.columns.shown_actions[ID].isChecked()


def test_widths_order_and_hidden_columns_survive_a_restart(
    qtbot: QtBot, open_window: OpenWindow, window: MainWindow
) -> None:
    go_to_cell(qtbot, window, 1, AGE)
    qtbot.keyClick(window.table, Qt.Key.Key_Left, ALT | SHIFT)
    window.columns.shown_actions[ID].trigger()
    window.table.horizontalHeader().resizeSection(NAME, 321)
    window.close()

    again = open_window()

    header = again.table.horizontalHeader()
    assert shown_columns(again) == ["Age", "Name", "Secret name"]
    assert header.sectionSize(NAME) == 321
    assert not again.columns.shown_actions[ID].isChecked()
    assert header.sectionsMovable()  # still draggable


def table_points(window: MainWindow) -> float:
    return window.table.font().pointSizeF()


def test_ctrl_plus_minus_and_zero_change_the_table_text_and_row_height(
    qtbot: QtBot, window: MainWindow
) -> None:
    normal, normal_row = table_points(window), window.table.rowHeight(0)

    qtbot.keyClick(window.table, Qt.Key.Key_Plus, CTRL)
    qtbot.keyClick(window.table, Qt.Key.Key_Equal, CTRL)  # the same key without Shift

    assert table_points(window) == normal + 2
    assert window.table.rowHeight(0) > normal_row
    assert window.search_bar.name_edit.font().pointSizeF() == normal  # the desktop's
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    assert editor_of(window).font().pointSizeF() == normal + 2
    qtbot.keyClick(editor_of(window), Qt.Key.Key_Escape)

    for _ in range(4):
        qtbot.keyClick(window.table, Qt.Key.Key_Minus, CTRL)

    assert table_points(window) == normal - 2
    assert window.table.rowHeight(0) < normal_row

    qtbot.keyClick(window.table, Qt.Key.Key_0, CTRL)

    assert table_points(window) == normal
    assert window.table.rowHeight(0) == normal_row


def test_the_text_size_stays_between_6_and_36_points(qtbot: QtBot, window: MainWindow) -> None:
    for _ in range(40):
        qtbot.keyClick(window.table, Qt.Key.Key_Minus, CTRL)
    assert table_points(window) == 6
    assert window.table.rowHeight(0) >= window.table.fontMetrics().height()

    for _ in range(40):
        qtbot.keyClick(window.table, Qt.Key.Key_Plus, CTRL)
    assert table_points(window) == 36
    assert window.table.rowHeight(0) >= window.table.fontMetrics().height()


def test_the_text_size_survives_a_restart(
    qtbot: QtBot, open_window: OpenWindow, window: MainWindow
) -> None:
    normal, normal_row = table_points(window), window.table.rowHeight(0)
    for _ in range(3):
        qtbot.keyClick(window.table, Qt.Key.Key_Plus, CTRL)
    bigger_row = window.table.rowHeight(0)
    window.close()

    again = open_window()

    assert table_points(again) == normal + 3
    assert again.table.rowHeight(0) == bigger_row > normal_row
    assert QApplication.font().pointSizeF() == normal  # the rest of the app is untouched


def test_view_menu_and_f1_list_name_the_column_and_text_size_keys(window: MainWindow) -> None:
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert isinstance(view, QMenu)
    entries = [a.text() for a in view.actions()]
    assert "&Columns" in entries
    assert entries[-3:] == ["&Larger Text", "S&maller Text", "&Normal Text Size"]

    rows = dict(window.menus.shortcut_rows())

    assert rows["Larger Text"] == "Ctrl++, Ctrl+="
    assert rows["Smaller Text"] == "Ctrl+-"
    assert rows["Normal Text Size"] == "Ctrl+0"
    assert rows["Move Column Left"] == "Alt+Shift+Left"
    assert rows["Move Column Right"] == "Alt+Shift+Right"
    assert rows["Columns menu (show, hide, move, reset)"] == "Shift+F10, Menu (in the table)"
