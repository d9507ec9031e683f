"""Cells as in a spreadsheet: selecting cells, rows, columns or the whole view, and Copy.

What Copy puts on the real clipboard is read back as a spreadsheet reads it:
the tab-separated text with Python's csv module, the HTML table with
html.parser.
"""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import csv
import io
from pathlib import Path

from clipboard_cells import html_cells
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hero_desktop.ui.hero_table_model import COLUMNS
from hero_desktop.ui.main_window import MainWindow

from .conftest import OpenWindow
from .support import (
    CTRL,
    SHIFT,
    Answers,
    go_to_cell,
    numbered_heroes,
    rows_in_file,
    selected_ids,
    shown_ids,
    type_text,
    write_heroes,
)

NAME, AGE, SECRET = (COLUMNS.index(field) for field in ("name", "age", "secret_name"))
HEROES = [
    (1, "Deadpond", 30, "Dive Wilson"),
    (2, 'Say "Hi"', 41, "Tab\there"),
    (3, "Rusty-Man", 48, "two\nlines"),
    (4, "Tarantula", None, "Natalia"),
]


def clipboard_cells(window: MainWindow) -> tuple[list[list[str]], list[list[str]]]:
    """The clipboard's text/plain and text/html, each read back as rows of cells."""
    mime = QApplication.clipboard().mimeData()
    assert mime.hasText()
    assert mime.hasHtml()
    tsv = list(csv.reader(io.StringIO(mime.text()), dialect="excel-tab"))
    return tsv, html_cells(mime.html())


def selected_cells(window: MainWindow) -> set[tuple[int, int]]:
    """(hero id, column) of each selected cell."""
    return {
        (window.model.hero_at(index.row()).id, index.column())
        for index in window.table.selectionModel().selectedIndexes()
    }


def selection_count(window: MainWindow) -> str:
    return window.navigator.cells.count_label.text()


def open_with(open_window: OpenWindow, db_path: Path, **kwargs: object) -> MainWindow:
    write_heroes(db_path, HEROES)
    QApplication.clipboard().clear()
    return open_window(**kwargs)


def test_shift_arrows_extend_a_rectangle_of_cells_and_the_status_bar_counts_them(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    window = open_with(open_window, db_path)
    go_to_cell(qtbot, window, 1, NAME)
    assert selected_cells(window) == {(1, NAME)}, "an arrow key selects one cell"
    assert selection_count(window) == ""

    qtbot.keyClick(window.table, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(window.table, Qt.Key.Key_Right, SHIFT)

    assert selected_cells(window) == {(1, NAME), (1, AGE), (2, NAME), (2, AGE)}
    assert selection_count(window) == "4 cells selected"


def test_copy_puts_the_rectangle_on_the_clipboard_as_tsv_and_html(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    window = open_with(open_window, db_path)
    go_to_cell(qtbot, window, 2, NAME)
    qtbot.keyClick(window.table, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(window.table, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(window.table, Qt.Key.Key_Right, SHIFT)

    qtbot.keyClick(window.table, Qt.Key.Key_C, CTRL)

    expected = [['Say "Hi"', "41"], ["Rusty-Man", "48"], ["Tarantula", ""]]
    assert clipboard_cells(window) == (expected, expected)
    assert QApplication.clipboard().mimeData().text().startswith('"Say ""Hi"""\t41\n')


def test_copy_with_headers_puts_the_column_titles_first(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    window = open_with(open_window, db_path)
    go_to_cell(qtbot, window, 1, NAME)
    qtbot.keyClick(window.table, Qt.Key.Key_Right, SHIFT)

    qtbot.keyClick(window.table, Qt.Key.Key_C, CTRL | SHIFT)

    expected = [["Name", "Age"], ["Deadpond", "30"]]
    assert clipboard_cells(window) == (expected, expected)


def test_shift_space_selects_whole_rows_and_copy_leaves_hidden_secret_names_empty(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    window = open_with(open_window, db_path)
    go_to_cell(qtbot, window, 2, AGE)
    qtbot.keyClick(window.table, Qt.Key.Key_Down, SHIFT)

    qtbot.keyClick(window.table, Qt.Key.Key_Space, SHIFT)

    assert selected_cells(window) == {(h, c) for h in (2, 3) for c in range(len(COLUMNS))}
    assert selection_count(window) == "2 rows selected"
    qtbot.keyClick(window.table, Qt.Key.Key_C, CTRL)
    expected = [["2", 'Say "Hi"', "41", ""], ["3", "Rusty-Man", "48", ""]]
    assert clipboard_cells(window) == (expected, expected)


def test_a_shown_secret_name_is_copied_as_it_is_even_with_a_tab_or_a_line_break(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    window = open_with(open_window, db_path)
    qtbot.keyClick(window.table, Qt.Key.Key_S, CTRL | SHIFT)  # View → Show Secret Names
    go_to_cell(qtbot, window, 2, SECRET)
    qtbot.keyClick(window.table, Qt.Key.Key_Down, SHIFT)

    qtbot.keyClick(window.table, Qt.Key.Key_C, CTRL)

    expected = [["Tab\there"], ["two\nlines"]]
    assert clipboard_cells(window) == (expected, expected)
    assert QApplication.clipboard().mimeData().text() == '"Tab\there"\n"two\nlines"\n'


def test_ctrl_space_selects_whole_columns(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    window = open_with(open_window, db_path)
    go_to_cell(qtbot, window, 3, NAME)
    qtbot.keyClick(window.table, Qt.Key.Key_Right, SHIFT)

    qtbot.keyClick(window.table, Qt.Key.Key_Space, CTRL)

    assert selected_cells(window) == {(h, c) for h in (1, 2, 3, 4) for c in (NAME, AGE)}
    assert selection_count(window) == "2 columns selected"
    qtbot.keyClick(window.table, Qt.Key.Key_C, CTRL)
    tsv, _html = clipboard_cells(window)
    assert tsv == [[name, "" if age is None else str(age)] for _, name, age, _ in HEROES]


def test_ctrl_click_adds_a_cell_and_copy_leaves_the_cells_between_empty(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    window = open_with(open_window, db_path)
    go_to_cell(qtbot, window, 1, NAME)
    target = window.model.index(3, AGE)
    qtbot.mouseClick(
        window.table.viewport(), Qt.MouseButton.LeftButton, CTRL,
        window.table.visualRect(target).center(),
    )  # fmt: skip

    assert selected_cells(window) == {(1, NAME), (4, AGE)}
    qtbot.keyClick(window.table, Qt.Key.Key_C, CTRL)
    expected = [["Deadpond", ""], ["", ""]]
    assert clipboard_cells(window) == (expected, expected)


def test_delete_deletes_the_heroes_whose_rows_hold_the_selected_cells(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    answers = Answers()
    answers.delete_answer = True
    window = open_with(open_window, db_path, prompts=answers)
    go_to_cell(qtbot, window, 2, AGE)
    qtbot.keyClick(window.table, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(window.table, Qt.Key.Key_Right, SHIFT)
    assert selected_ids(window) == {2, 3}

    qtbot.keyClick(window.table, Qt.Key.Key_Delete)

    assert answers.deletes == [[2, 3]]
    assert [row[0] for row in rows_in_file(db_path)] == [1, 4]
    assert shown_ids(window) == [1, 4]


def big_searched_view(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, settings_path: Path, **kwargs: object
) -> MainWindow:
    """450 heroes, 25 a page, searched for "Hero 1" (100 matches), sorted by name descending."""
    write_heroes(db_path, numbered_heroes(450))
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("page_size", 25)
    settings.sync()
    window = open_window(**kwargs)
    qtbot.keyClick(window.table, Qt.Key.Key_2, CTRL)  # Sort by Name
    qtbot.keyClick(window.table, Qt.Key.Key_D, CTRL | SHIFT)  # Descending
    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    type_text(qtbot, window.search_bar.name_edit, "Hero 1")
    qtbot.waitUntil(lambda: window.model.total == 100 and window.model.rowCount() == 25)
    window.table.setFocus()  # (as a click in the table would)
    qtbot.waitUntil(window.table.hasFocus)
    return window


def test_ctrl_a_then_copy_copies_every_hero_of_the_searched_view_in_its_order(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, settings_path: Path
) -> None:
    window = big_searched_view(qtbot, open_window, db_path, settings_path)
    QApplication.clipboard().clear()

    qtbot.keyClick(window.table, Qt.Key.Key_A, CTRL)

    assert selection_count(window) == "All 100 heroes selected"
    assert len(selected_cells(window)) == 25 * len(COLUMNS), "the page shows all its cells"
    qtbot.keyClick(window.table, Qt.Key.Key_C, CTRL | SHIFT)
    qtbot.waitUntil(lambda: QApplication.clipboard().mimeData().hasHtml())
    tsv, html = clipboard_cells(window)
    expected = [["ID", "Name", "Age", "Secret name"]] + [
        [str(i), f"Hero {i:03}", str(20 + i % 50), ""] for i in range(199, 99, -1)
    ]
    assert tsv == expected
    assert html == expected


def test_ctrl_a_then_delete_on_a_view_larger_than_the_page_deletes_the_page_and_says_so(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, settings_path: Path
) -> None:
    answers = Answers()
    answers.delete_answer = True
    window = big_searched_view(qtbot, open_window, db_path, settings_path, prompts=answers)
    qtbot.keyClick(window.table, Qt.Key.Key_A, CTRL)

    qtbot.keyClick(window.table, Qt.Key.Key_Delete)

    assert answers.deletes == [list(range(199, 174, -1))]
    assert answers.delete_notes == [
        "Only the 25 heroes on this page will be deleted. "
        "The other 75 heroes of the view will be kept."
    ]
    assert len(rows_in_file(db_path)) == 450 - 25
