"""Searching names as you type (Ctrl+F), the age filter, and Esc back to where the user was."""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hero_desktop.ui.main_window import MainWindow

from .conftest import OpenWindow, SettlingQtBot
from .support import (
    CTRL,
    TUTORIAL_HEROES,
    current_id,
    go_to_cell,
    numbered_heroes,
    shown_ids,
    shown_names,
    status_text,
    type_text,
    write_heroes,
)

WORLD = [
    *TUTORIAL_HEROES,
    (4, "Über Hero", 40, "u"),
    (5, "über alles", 41, "u2"),
    (6, "Straße Kid", None, "s"),
    (7, "Iron Man", 45, "t"),
]


def search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    assert window.search_bar.name_edit.hasFocus()
    type_text(qtbot, window.search_bar.name_edit, text)


def test_ctrl_f_focuses_the_search_box(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, WORLD)
    window = open_window()

    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)

    assert window.search_bar.name_edit.hasFocus()


def test_typing_filters_the_table_as_you_type_and_shows_the_number_of_matches(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, WORLD)
    window = open_window()

    search(qtbot, window, "man")

    qtbot.waitUntil(lambda: shown_names(window) == ["Rusty-Man", "Iron Man"])
    assert window.search_bar.matches.text() == "2 matches"
    assert status_text(window) == "Matches 1–2 of 2"

    type_text(qtbot, window.search_bar.name_edit, "x")
    qtbot.waitUntil(lambda: shown_ids(window) == [])
    assert window.search_bar.matches.text() == "0 matches"
    assert status_text(window) == "No matches"


def test_search_ignores_case_and_accents_beyond_ascii(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, WORLD)
    window = open_window()

    search(qtbot, window, "Üb")
    qtbot.waitUntil(lambda: shown_names(window) == ["Über Hero", "über alles"])
    type_text(qtbot, window.search_bar.name_edit, "er h")
    qtbot.waitUntil(lambda: shown_names(window) == ["Über Hero"])


def test_search_finds_sharp_s_by_its_capital_spelling(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, WORLD)
    window = open_window()

    search(qtbot, window, "STRASSE")

    qtbot.waitUntil(lambda: shown_names(window) == ["Straße Kid"])
    assert window.search_bar.matches.text() == "1 match"


def test_escape_clears_the_search_and_returns_to_the_page_and_hero_the_user_was_on(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(250))
    window = open_window()
    qtbot.keyClick(window.table, Qt.Key.Key_PageDown, CTRL)
    go_to_cell(qtbot, window, 105, 1)
    search(qtbot, window, "Hero 007")
    qtbot.waitUntil(lambda: shown_ids(window) == [7])

    qtbot.keyClick(window.search_bar.name_edit, Qt.Key.Key_Escape)

    assert window.search_bar.name_edit.text() == ""
    assert window.search_bar.matches.text() == ""
    assert status_text(window) == "Heroes 101–200 of 250"
    assert current_id(window) == 105
    assert window.table.hasFocus()


def test_the_age_filter_shows_heroes_in_the_range(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, WORLD)
    window = open_window()
    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    qtbot.keyClick(window.search_bar.name_edit, Qt.Key.Key_Tab)
    assert window.search_bar.age_from.hasFocus()

    type_text(qtbot, window.search_bar.age_from, "41")
    qtbot.keyClick(window.search_bar.age_from, Qt.Key.Key_Tab)
    type_text(qtbot, window.search_bar.age_to, "48")

    qtbot.waitUntil(lambda: shown_ids(window) == [3, 5, 7])
    assert window.search_bar.matches.text() == "3 matches"


def test_the_no_age_filter_shows_heroes_without_an_age(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, WORLD)
    window = open_window()
    no_age = window.search_bar.no_age
    no_age.setFocus()
    qtbot.waitUntil(no_age.hasFocus)

    qtbot.keyClick(no_age, Qt.Key.Key_Space)

    qtbot.waitUntil(lambda: shown_ids(window) == [1, 2, 6])


def test_a_page_key_pressed_before_the_search_answer_pages_the_search(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(250))  # "Hero 2": 51 matches, one page
    window = open_window()
    go_on = threading.Event()
    window.client.ask(lambda _repository: go_on.wait(10))  # the worker is busy a moment
    window.search_bar.name_edit.setFocus()
    with qtbot.waitSignal(window.search_bar.changed):
        qtbot.unsettled.keyClicks(window.search_bar.name_edit, "Hero 2")

    qtbot.unsettled.keyClick(window.table, Qt.Key.Key_PageDown, CTRL)  # before its answer
    go_on.set()
    qtbot.settle()

    # (Past the last page of the search: its last page, never the unfiltered page 2.)
    assert window.model.query.search == "Hero 2"
    assert window.model.page == 0
    assert shown_names(window)[0] == "Hero 200"
