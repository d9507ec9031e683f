"""The fields around the table and in the Add dialog: they say what is wrong, where.

A reversed age range says so; the search box's clear button shows only with
text in the box; every message of the Add dialog sits the same distance
under its field; the page size box is worked with the arrow keys.
"""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton, QWidget
from pytestqt.qtbot import QtBot

from hero_desktop.ui.add_hero_dialog import AddHeroDialog

from .conftest import OpenWindow
from .support import (
    CTRL,
    TUTORIAL_HEROES,
    focused,
    numbered_heroes,
    type_hero,
    type_text,
    when_dialog_opens,
    write_heroes,
)


def test_an_age_range_from_above_to_says_that_from_is_above_to(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(30))
    window = open_window()

    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is window.search_bar.age_from
    type_text(qtbot, focused(), "20")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_text(qtbot, focused(), "10")
    qtbot.waitUntil(lambda: window.model.query.age_to == 10)

    assert window.model.rowCount() == 0
    assert window.table.placeholder.text() == (
        'No heroes match: the age "from" (20) is above "to" (10). '
        "Swap them, or press Esc to clear the search."
    )


def test_the_search_box_shows_its_clear_button_only_with_text_in_it(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    edit = window.search_bar.name_edit
    clear_button = edit.findChild(QToolButton)
    assert clear_button is not None
    assert not clear_button.isVisible()

    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    type_text(qtbot, edit, "Dead")
    qtbot.waitUntil(clear_button.isVisible)

    qtbot.keyClick(edit, Qt.Key.Key_Escape)  # clears the search, back to the table
    assert edit.text() == ""
    qtbot.waitUntil(lambda: not clear_button.isVisible())


def test_every_message_of_the_add_dialog_sits_the_same_distance_under_its_own_field(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    window = open_window()
    under: list[int] = []  # from each field to its message
    over: list[int] = []  # from a message to the next field

    def refuse_all(dialog: QWidget) -> None:
        assert isinstance(dialog, AddHeroDialog)
        type_hero(qtbot, dialog, "", "", "abc")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        fields = [dialog.name_edit, dialog.secret_edit, dialog.age_edit]
        messages = [dialog.errors[f] for f in ("name", "secret_name", "age")]
        assert all(label.isVisible() for label in messages)
        for index, (field, label) in enumerate(zip(fields, messages, strict=True)):
            under.append(label.geometry().top() - field.geometry().bottom())
            if index + 1 < len(fields):
                over.append(fields[index + 1].geometry().top() - label.geometry().bottom())
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    driver = when_dialog_opens(qtbot, refuse_all)
    qtbot.keyClick(window.table, Qt.Key.Key_N, CTRL)
    driver.check()

    assert len(set(under)) == 1, under
    # Nearer its own field than the next one: it reads as that field's message.
    assert under[0] < min(over), (under, over)


def test_the_page_size_box_moves_with_the_arrows_and_keeps_the_keyboard_until_enter(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(120))
    window = open_window()
    box = window.pager.size_combo
    box.setFocus()  # (Tab reaches it too, through the pager's buttons)
    qtbot.waitUntil(box.hasFocus)
    assert box.currentData() == 100

    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert (window.model.rowCount(), box.currentData(), box.hasFocus()) == (50, 50, True)
    qtbot.keyClick(box, Qt.Key.Key_Up)
    qtbot.keyClick(box, Qt.Key.Key_Up)  # (25 is the first: it stays there)
    assert (window.model.rowCount(), box.currentData(), box.hasFocus()) == (25, 25, True)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert (window.model.rowCount(), box.hasFocus()) == (50, True)

    qtbot.keyClick(box, Qt.Key.Key_Return)

    assert window.table.hasFocus()
    assert window.model.page_size == 50


def test_esc_in_the_page_size_box_gives_the_keyboard_back_with_the_size_shown(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(120))
    window = open_window()
    box = window.pager.size_combo
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)

    qtbot.keyClick(box, Qt.Key.Key_Home)
    assert (window.model.rowCount(), box.hasFocus()) == (25, True)
    qtbot.keyClick(box, Qt.Key.Key_Escape)

    assert window.table.hasFocus()
    assert window.model.page_size == 25
