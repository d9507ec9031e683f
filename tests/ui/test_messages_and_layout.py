"""What the window shows around the table: messages that expire, that say what kind
they are and never move the table, no row numbers, a steady search bar, and a hint
when there is nothing to show."""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from hero_desktop.ui.main_window import MainWindow
from hero_desktop.ui.message_bar import MessageKind

from .conftest import OpenWindow, reread
from .support import (
    CTRL,
    SHIFT,
    TUTORIAL_HEROES,
    execute_elsewhere,
    go_to_cell,
    hero_in_file,
    message,
    numbered_heroes,
    type_text,
    write_heroes,
)


def test_a_message_goes_away_by_itself_after_a_few_seconds(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window(read_only=True)
    assert 3_000 <= window.message_bar.lifetime_ms <= 15_000
    window.message_bar.lifetime_ms = 200  # the same timer, shortened for the test

    qtbot.keyClick(window.table, Qt.Key.Key_N, CTRL)
    assert message(window) == "database.db is open read-only, so heroes cannot be added."

    qtbot.waitUntil(lambda: message(window) == "", timeout=3_000)


def test_a_message_outlives_an_outside_change_only_until_it_expires(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window(read_only=True)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    window.message_bar.lifetime_ms = 300
    window.show_message(message(window))  # restarted with the short lifetime

    execute_elsewhere(db_path, "UPDATE hero SET age = 31 WHERE id = 1")
    qtbot.waitUntil(lambda: window.model.hero_at(0).age == 31)

    qtbot.waitUntil(lambda: message(window) == "", timeout=3_000)


def test_the_next_successful_action_clears_a_message(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window(read_only=True)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert message(window) != ""

    qtbot.keyClick(window.table, Qt.Key.Key_S, CTRL | SHIFT)  # show secret names

    assert message(window) == ""


def test_the_table_has_no_row_numbers_beside_the_id_column(
    open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(20_000)[-5:])
    window = open_window()

    assert not window.table.verticalHeader().isVisible()
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "ID"


def test_the_search_bar_keeps_its_layout_when_the_match_count_appears(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(300))
    window = open_window()
    before = window.search_bar.name_edit.width()

    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    type_text(qtbot, window.search_bar.name_edit, "Hero 1")
    qtbot.waitUntil(lambda: window.search_bar.matches.text() == "100 matches")

    assert window.search_bar.name_edit.width() == before


def test_an_empty_roster_shows_how_to_add_the_first_hero(
    open_window: OpenWindow, db_path: Path
) -> None:
    window = open_window()

    hint = window.table.placeholder
    assert hint.isVisible()
    assert hint.text() == "No heroes yet. Press Ctrl+N to add one."


def test_the_hint_goes_once_there_is_a_hero_and_says_so_for_an_empty_search(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    assert not window.table.placeholder.isVisible()

    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    type_text(qtbot, window.search_bar.name_edit, "zzz")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)

    assert window.table.placeholder.isVisible()
    assert window.table.placeholder.text() == "No heroes match this search. Press Esc to clear it."


def test_an_opened_file_is_listed_under_open_recent_at_once(
    open_window: OpenWindow, db_path: Path, settings_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()

    listed = [action.text() for action in window.menus.recent_menu.actions()]

    assert listed[0] == str(db_path.resolve())
    assert reread(settings_path).value("recent_files") in (
        [str(db_path.resolve())],
        str(db_path.resolve()),
    )


def table_place(window: MainWindow) -> QRect:
    """Where the table is in the window (its position and size)."""
    return QRect(window.table.mapTo(window, window.table.rect().topLeft()), window.table.size())


def test_the_table_stays_where_it_is_while_a_message_shows_and_goes(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window(read_only=True)
    before = table_place(window)

    qtbot.keyClick(window.table, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: message(window) != "")
    assert table_place(window) == before

    window.show_message("A message long enough to need several lines. " * 12)
    qtbot.waitUntil(lambda: window.message_bar.height() > window.message_bar.slot.height())
    assert table_place(window) == before
    assert window.message_bar.y() == window.message_bar.slot.y()  # over its own place

    window.clear_message()
    assert message(window) == ""
    assert table_place(window) == before


def test_a_success_a_warning_and_an_error_look_and_read_different(
    open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    bar = window.message_bar
    seen = []
    for kind in MessageKind:
        window.show_message(f"A {kind.value.lower()}.", kind)
        seen.append((bar.accessibleDescription(), bar.styleSheet(), bar.icon.pixmap().toImage()))

    assert [description for description, _, _ in seen] == ["Success", "Warning", "Error"]
    assert bar.label.accessibleName() == "Error: A error."
    for index, (_, style, icon) in enumerate(seen):
        assert "#" not in style.replace("#messageBar", "")  # palette roles, no colour codes
        for _, other_style, other_icon in seen[index + 1 :]:
            assert style != other_style
            assert icon != other_icon


def test_an_export_says_so_as_a_success_and_a_refusal_as_a_warning(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window(read_only=True)

    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert window.message_bar.accessibleDescription() == "Warning"

    window.csv.export_file(str(db_path.with_suffix(".csv")), window.model.query)
    qtbot.waitUntil(lambda: message(window) == "Exported 3 heroes.")
    assert window.message_bar.accessibleDescription() == "Success"


def test_a_refusal_in_the_status_bar_goes_at_the_next_success(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    go_to_cell(qtbot, window, 3, 1)
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    editor = window.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage() == "Name: Name is required"

    type_text(qtbot, editor, "Rusty-Woman")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: hero_in_file(db_path, 3) == (3, "Rusty-Woman", 48, "Tommy Sharp"))

    assert window.statusBar().currentMessage() == ""


def test_read_only_on_request_says_so_and_not_that_the_file_cannot_be_written(
    open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window(read_only=True)

    assert window.read_only_banner.isVisible()
    assert window.read_only_banner.text() == (
        "Read-only: database.db was opened read-only on request (--read-only), "
        "so editing is turned off."
    )
