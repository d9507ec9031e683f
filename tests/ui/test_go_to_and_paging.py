"""Go to hero (Ctrl+G) and paging: keys, the page number field, page size and the status."""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from hero_desktop.ui.cell_selection import NAME_COLUMN
from hero_desktop.ui.main_window import MainWindow

from .conftest import OpenWindow, reread
from .support import (
    ALT,
    CTRL,
    current_column,
    current_id,
    focused,
    message,
    numbered_heroes,
    selected_ids,
    shown_ids,
    status_text,
    type_text,
    visible_errors,
    wait_for_table_focus,
    when_dialog_opens,
    write_heroes,
)


@pytest.fixture
def window(open_window: OpenWindow, db_path: Path) -> MainWindow:
    write_heroes(db_path, numbered_heroes(1234))
    return open_window()


def go_to_hero(qtbot: QtBot, window: MainWindow, typed: str) -> None:
    def type_id(dialog: QWidget) -> None:
        assert dialog.windowTitle() == "Go to Hero"
        type_text(qtbot, focused(), typed)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    driver = when_dialog_opens(qtbot, type_id)
    qtbot.keyClick(window.table, Qt.Key.Key_G, CTRL)
    driver.check()
    wait_for_table_focus(qtbot, window)


def test_go_to_hero_selects_it_on_its_page(qtbot: QtBot, window: MainWindow) -> None:
    go_to_hero(qtbot, window, "345")

    assert window.model.page == 3
    assert status_text(window) == "Heroes 301–400 of 1,234"
    assert current_id(window) == 345
    assert current_column(window) == NAME_COLUMN
    assert selected_ids(window) == {345}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("5000", "Hero not found"), ("abc", "A hero id is a whole number, such as 42.")],
    ids=["unknown-id", "not-a-number"],
)
def test_a_wrong_id_keeps_the_dialog_open_with_the_reason_and_the_text_selected(
    qtbot: QtBot, window: MainWindow, typed: str, expected: str
) -> None:
    seen: dict[str, object] = {}

    def type_wrong_then_escape(dialog: QWidget) -> None:
        edit = focused()
        assert isinstance(edit, QLineEdit)
        type_text(qtbot, edit, typed)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        seen["open"] = dialog.isVisible()
        seen["errors"] = visible_errors(dialog)
        seen["selected"] = edit.selectedText()
        seen["focus"] = focused() is edit
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    driver = when_dialog_opens(qtbot, type_wrong_then_escape)
    qtbot.keyClick(window.table, Qt.Key.Key_G, CTRL)
    driver.check()
    wait_for_table_focus(qtbot, window)

    assert seen == {"open": True, "errors": [expected], "selected": typed, "focus": True}
    assert window.model.page == 0
    assert current_id(window) == 1
    assert selected_ids(window) == {1}
    assert message(window) == ""


def test_a_corrected_id_in_the_same_dialog_goes_to_the_hero(
    qtbot: QtBot, window: MainWindow
) -> None:
    def wrong_then_right(dialog: QWidget) -> None:
        type_text(qtbot, focused(), "9999")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        assert visible_errors(dialog) == ["Hero not found"]
        type_text(qtbot, focused(), "250")  # replaces the selected text
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    driver = when_dialog_opens(qtbot, wrong_then_right)
    qtbot.keyClick(window.table, Qt.Key.Key_G, CTRL)
    driver.check()
    wait_for_table_focus(qtbot, window)

    assert current_id(window) == 250
    assert window.model.page == 2


def test_go_to_a_hero_the_search_hides_clears_the_search_and_shows_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    type_text(qtbot, window.search_bar.name_edit, "Hero 12")
    qtbot.waitUntil(lambda: window.model.query.search == "Hero 12")
    window.table.setFocus()

    go_to_hero(qtbot, window, "777")

    assert window.search_bar.name_edit.text() == ""
    assert status_text(window) == "Heroes 701–800 of 1,234"
    assert current_id(window) == 777


def test_ctrl_page_down_and_up_move_one_page_and_the_status_says_which_heroes(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_PageDown, CTRL)
    assert status_text(window) == "Heroes 101–200 of 1,234"
    assert shown_ids(window)[0] == 101
    assert current_id(window) == 101

    qtbot.keyClick(window.table, Qt.Key.Key_PageDown, CTRL)
    qtbot.keyClick(window.table, Qt.Key.Key_PageUp, CTRL)
    assert status_text(window) == "Heroes 101–200 of 1,234"
    assert window.pager.page_spin.value() == 2


def test_alt_end_and_alt_home_go_to_the_last_and_first_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_End, ALT)
    assert status_text(window) == "Heroes 1,201–1,234 of 1,234"
    assert shown_ids(window) == list(range(1201, 1235))
    assert window.pager.page_total.text() == "of 13"

    qtbot.keyClick(window.table, Qt.Key.Key_Home, ALT)
    assert status_text(window) == "Heroes 1–100 of 1,234"
    assert current_id(window) == 1


def test_paging_past_either_end_stays_on_the_end_page(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_PageUp, CTRL)
    assert window.model.page == 0

    qtbot.keyClick(window.table, Qt.Key.Key_End, ALT)
    qtbot.keyClick(window.table, Qt.Key.Key_PageDown, CTRL)
    assert window.model.page == 12


def test_typing_a_page_number_and_enter_goes_to_that_page_and_back_to_the_table(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_L, CTRL)
    spin = window.pager.page_spin
    assert spin.hasFocus()

    type_text(qtbot, spin, "7")
    qtbot.keyClick(spin, Qt.Key.Key_Return)

    assert status_text(window) == "Heroes 601–700 of 1,234"
    assert current_id(window) == 601
    assert window.table.hasFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # moves the row, not the page
    assert current_id(window) == 602
    assert window.model.page == 6


def test_enter_on_the_page_already_shown_still_gives_the_keyboard_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_L, CTRL)
    qtbot.keyClick(window.pager.page_spin, Qt.Key.Key_Return)

    assert window.table.hasFocus()
    assert window.model.page == 0


def test_esc_in_the_page_number_field_returns_to_the_table_without_changing_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_PageDown, CTRL)
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    qtbot.keyClick(window.table, Qt.Key.Key_L, CTRL)
    spin = window.pager.page_spin
    type_text(qtbot, spin, "9")

    qtbot.keyClick(spin, Qt.Key.Key_Escape)

    assert window.table.hasFocus()
    assert window.model.page == 1
    assert spin.value() == 2
    assert current_id(window) == 102


def test_esc_in_the_page_size_box_returns_to_the_table(qtbot: QtBot, window: MainWindow) -> None:
    combo = window.pager.size_combo
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)

    qtbot.keyClick(combo, Qt.Key.Key_Escape)

    assert window.table.hasFocus()
    assert window.model.page_size == 100


def test_page_size_is_chosen_from_the_list_and_remembered(
    qtbot: QtBot, open_window: OpenWindow, window: MainWindow, settings_path: Path
) -> None:
    combo = window.pager.size_combo
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)

    qtbot.keyClick(combo, Qt.Key.Key_Up)  # 100 -> 50 per page

    assert status_text(window) == "Heroes 1–50 of 1,234"
    assert window.model.rowCount() == 50
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert status_text(window) == "Heroes 1–25 of 1,234"
    window.close()
    assert int(reread(settings_path).value("page_size")) == 25
    again = open_window()
    assert status_text(again) == "Heroes 1–25 of 1,234"
    assert again.pager.size_combo.currentText() == "25 per page"


def test_a_smaller_page_size_keeps_the_heroes_the_user_was_looking_at(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_PageDown, CTRL)  # heroes 101-200
    combo = window.pager.size_combo
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)

    qtbot.keyClick(combo, Qt.Key.Key_Up)

    assert status_text(window) == "Heroes 101–150 of 1,234"
