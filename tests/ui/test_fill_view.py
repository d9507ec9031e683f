"""Fill after Select All: every hero of the view, not only the page, in one undoable step.

The database file is read with plain sqlite3 after each fill, its undo and
its redo.
"""

# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QMimeData, QSettings, Qt
from PySide6.QtWidgets import QApplication

from hero_desktop.ui.hero_table_view import FIELD_PROPERTY
from hero_desktop.ui.main_window import MainWindow

from .conftest import OpenWindow, SettlingQtBot
from .support import (
    CTRL,
    SHIFT,
    Row,
    editor_of,
    go_to_cell,
    message,
    numbered_heroes,
    rows_in_file,
    type_text,
    write_heroes,
)

NAME, AGE, SECRET = 1, 2, 3
GATE_TIMEOUT_S = 20


def with_page_size(settings_path: Path, size: int) -> None:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("page_size", size)
    settings.sync()


def roster_of_1500() -> list[Row]:
    """1,000 heroes a search for "Fill" finds (ids 1-1000), then 500 it does not."""
    fill: list[Row] = [(i, f"Fill {i:04}", 30, f"Secret {i:04}") for i in range(1, 1001)]
    other: list[Row] = [(i, f"Other {i:04}", 40, f"Secret {i:04}") for i in range(1001, 1501)]
    return fill + other


def searched_for_fill(qtbot: SettlingQtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    type_text(qtbot, window.search_bar.name_edit, "Fill")
    qtbot.waitUntil(lambda: window.model.total == 1000 and window.model.rowCount() == 100)
    window.table.setFocus()  # (as a click in the table would)
    qtbot.waitUntil(window.table.hasFocus)


def select_view_and_type_age(qtbot: SettlingQtBot, window: MainWindow, text: str) -> None:
    """The Age cell of the first hero current, Ctrl+A, Ctrl+Space, F2 and ``text`` typed."""
    go_to_cell(qtbot, window, 1, AGE)
    qtbot.keyClick(window.table, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(window.table, Qt.Key.Key_Space, CTRL)
    assert selection_count(window).startswith("All 1,000 heroes selected")
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    editor = editor_of(window)
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    type_text(qtbot, editor, text)


def selection_count(window: MainWindow) -> str:
    return window.navigator.cells.count_label.text()


def undo_text(window: MainWindow) -> str:
    return window.menus.undo_action.text()


def test_ctrl_enter_after_ctrl_a_fills_all_1000_heroes_of_a_searched_view(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path, settings_path: Path
) -> None:
    roster = roster_of_1500()
    write_heroes(db_path, roster)
    with_page_size(settings_path, 100)
    window = open_window()
    searched_for_fill(qtbot, window)
    select_view_and_type_age(qtbot, window, "77")

    qtbot.keyClick(editor_of(window), Qt.Key.Key_Return, CTRL)

    filled = [(i, name, 77, secret) for i, name, _, secret in roster[:1000]]
    assert rows_in_file(db_path) == filled + roster[1000:]
    assert undo_text(window) == "&Undo Fill 1,000 Cells"
    assert selection_count(window).startswith("All 1,000 heroes selected")
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    assert rows_in_file(db_path) == roster
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert rows_in_file(db_path) == filled + roster[1000:]


def test_ctrl_d_after_ctrl_a_fills_down_a_whole_view_larger_than_the_page(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path, settings_path: Path
) -> None:
    roster = numbered_heroes(250)
    write_heroes(db_path, roster)
    with_page_size(settings_path, 25)
    window = open_window()
    qtbot.keyClick(window.table, Qt.Key.Key_PageDown, CTRL)  # page 2: the fill is not the page's
    qtbot.waitUntil(lambda: window.model.page == 1)
    qtbot.keyClick(window.table, Qt.Key.Key_A, CTRL)

    qtbot.keyClick(window.table, Qt.Key.Key_D, CTRL)

    # Every column shown but the id, from the view's first hero down to its last.
    assert rows_in_file(db_path) == [(i, "Hero 001", 21, "Secret 001") for i in range(1, 251)]
    assert undo_text(window) == "&Undo Fill 747 Cells"
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    assert rows_in_file(db_path) == roster
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert rows_in_file(db_path) == [(i, "Hero 001", 21, "Secret 001") for i in range(1, 251)]


def test_a_refused_value_fills_nothing_of_the_view(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path, settings_path: Path
) -> None:
    roster = roster_of_1500()
    write_heroes(db_path, roster)
    with_page_size(settings_path, 100)
    window = open_window()
    searched_for_fill(qtbot, window)
    select_view_and_type_age(qtbot, window, "abc")

    qtbot.keyClick(editor_of(window), Qt.Key.Key_Return, CTRL)  # refused: the editor stays
    assert editor_of(window).property(FIELD_PROPERTY) == "age"
    qtbot.keyClick(editor_of(window), Qt.Key.Key_Escape)
    # One value pasted over the whole view is checked for every column it lands on.
    mime = QMimeData()
    mime.setText("abc\n")
    QApplication.clipboard().setMimeData(mime)
    qtbot.keyClick(window.table, Qt.Key.Key_V, CTRL)

    assert message(window).startswith("Age: ")
    assert message(window).endswith("Nothing was pasted.")
    assert rows_in_file(db_path) == roster
    assert undo_text(window) == "&Undo"


def test_cancel_during_a_fill_of_the_view_writes_nothing(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path, settings_path: Path
) -> None:
    roster = roster_of_1500()
    write_heroes(db_path, roster)
    with_page_size(settings_path, 100)
    window = open_window()
    searched_for_fill(qtbot, window)
    select_view_and_type_age(qtbot, window, "77")
    # The data worker is kept busy: the fill waits its turn behind this.
    gate = threading.Event()
    window.client.ask(lambda _repository: gate.wait(GATE_TIMEOUT_S))
    try:
        qtbot.unsettled.keyClick(editor_of(window), Qt.Key.Key_Return, CTRL)
        progress = window.services.pasting.view_filler.progress
        assert progress is not None
        dialog = progress.dialog
        qtbot.waitUntil(lambda: dialog.isVisible() and dialog.isActiveWindow())
        qtbot.unsettled.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(dialog.wasCanceled)
    finally:
        gate.set()

    qtbot.waitUntil(lambda: message(window) == "Fill cancelled: nothing was changed.")
    qtbot.settle()
    assert rows_in_file(db_path) == roster
    assert undo_text(window) == "&Undo"
    assert window.services.pasting.view_filler.progress is None
