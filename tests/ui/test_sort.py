"""Sorting from the keyboard (View → Sort by) and by clicking headers; the sort is remembered."""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hero_desktop.data.query import SortKey
from hero_desktop.ui.hero_table_model import COLUMNS
from hero_desktop.ui.main_window import MainWindow

from .conftest import OpenWindow, reread
from .support import (
    ALT,
    CTRL,
    SHIFT,
    current_id,
    focused,
    go_to_cell,
    numbered_heroes,
    shown_ids,
    type_text,
    when_dialog_opens,
    write_heroes,
)

HEROES = [
    (1, "Delta", 30, "d"),
    (2, "Alpha", 25, "a"),
    (3, "Charlie", 30, "c"),
    (4, "Bravo", 20, "b"),
]


@pytest.fixture
def window(open_window: OpenWindow, db_path: Path) -> MainWindow:
    write_heroes(db_path, HEROES)
    return open_window()


def click_header(qtbot: QtBot, window: MainWindow, column: int) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def sort_indicator(window: MainWindow) -> tuple[int, Qt.SortOrder]:
    header = window.table.horizontalHeader()
    return header.sortIndicatorSection(), header.sortIndicatorOrder()


@pytest.mark.parametrize(
    ("key", "expected"),
    [(Qt.Key.Key_1, [1, 2, 3, 4]), (Qt.Key.Key_2, [2, 4, 3, 1]), (Qt.Key.Key_3, [4, 2, 1, 3])],
    ids=["ctrl+1-id", "ctrl+2-name", "ctrl+3-age-ties-by-id"],
)
def test_ctrl_digit_sorts_by_id_name_or_age(
    qtbot: QtBot, window: MainWindow, key: Qt.Key, expected: list[int]
) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_2, CTRL)  # start from another order

    qtbot.keyClick(window.table, key, CTRL)

    assert shown_ids(window) == expected


def test_ctrl_shift_d_turns_the_order_around_and_the_menu_shows_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_2, CTRL)

    qtbot.keyClick(window.table, Qt.Key.Key_D, CTRL | SHIFT)

    assert shown_ids(window) == [1, 3, 4, 2]
    assert window.menus.sort_actions[SortKey.NAME].isChecked()
    assert window.menus.descending_action.isChecked()
    assert sort_indicator(window) == (COLUMNS.index("name"), Qt.SortOrder.DescendingOrder)


@pytest.mark.parametrize("by", ["keys", "header"])
def test_a_new_sort_shows_its_first_page_with_the_first_row_current(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, by: str
) -> None:
    write_heroes(db_path, numbered_heroes(450))
    window = open_window()
    qtbot.keyClick(window.table, Qt.Key.Key_End, ALT)  # heroes 401-450, by id
    go_to_cell(qtbot, window, 420, COLUMNS.index("name"))

    if by == "keys":
        qtbot.keyClick(window.table, Qt.Key.Key_D, CTRL | SHIFT)
    else:
        click_header(qtbot, window, COLUMNS.index("id"))

    assert window.model.page == 0
    assert shown_ids(window)[:3] == [450, 449, 448]
    assert current_id(window) == 450
    assert window.table.currentIndex().row() == 0


def test_go_to_hero_finds_a_hero_in_the_new_order(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(450))
    window = open_window()
    qtbot.keyClick(window.table, Qt.Key.Key_D, CTRL | SHIFT)  # 450 first

    def type_id(dialog: QWidget) -> None:
        type_text(qtbot, focused(), "30")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    driver = when_dialog_opens(qtbot, type_id)
    qtbot.keyClick(window.table, Qt.Key.Key_G, CTRL)
    driver.check()

    assert current_id(window) == 30
    assert window.model.page == 4  # ranks 400-449 in descending id order


def test_clicking_a_header_sorts_by_it_and_clicking_again_reverses(
    qtbot: QtBot, window: MainWindow
) -> None:
    click_header(qtbot, window, COLUMNS.index("name"))
    assert shown_ids(window) == [2, 4, 3, 1]
    assert sort_indicator(window) == (COLUMNS.index("name"), Qt.SortOrder.AscendingOrder)

    click_header(qtbot, window, COLUMNS.index("name"))
    assert shown_ids(window) == [1, 3, 4, 2]
    assert sort_indicator(window) == (COLUMNS.index("name"), Qt.SortOrder.DescendingOrder)


def test_the_secret_column_is_not_sortable(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_3, CTRL)

    click_header(qtbot, window, COLUMNS.index("secret_name"))

    assert shown_ids(window) == [4, 2, 1, 3]
    assert sort_indicator(window) == (COLUMNS.index("age"), Qt.SortOrder.AscendingOrder)


def test_the_sort_is_remembered_for_the_next_launch(
    qtbot: QtBot, open_window: OpenWindow, window: MainWindow, settings_path: Path
) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_3, CTRL)
    qtbot.keyClick(window.table, Qt.Key.Key_D, CTRL | SHIFT)
    window.close()
    assert reread(settings_path).value("sort") == "age"

    again = open_window()

    assert shown_ids(again) == [3, 1, 2, 4]
    assert again.menus.sort_actions[SortKey.AGE].isChecked()
    assert again.menus.descending_action.isChecked()
    assert sort_indicator(again) == (COLUMNS.index("age"), Qt.SortOrder.DescendingOrder)
