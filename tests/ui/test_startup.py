"""Launching: the table has focus with the first hero current, and a missing file is created."""

from __future__ import annotations

import gc
import sqlite3
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from hero_desktop.app import create_main_window
from hero_desktop.ui.table_navigator import NAME_COLUMN

from .conftest import OpenWindow
from .support import (
    TUTORIAL_HEROES,
    current_column,
    current_hero,
    rows_in_file,
    selected_ids,
    shown_names,
    status_text,
    write_heroes,
)


def test_at_launch_the_table_has_focus_with_the_first_hero_current_and_selected(
    open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)

    window = open_window()

    assert window.table.hasFocus()
    hero = current_hero(window)
    assert hero is not None
    assert hero.name == "Deadpond"
    assert current_column(window) == NAME_COLUMN
    assert selected_ids(window) == {1}
    assert shown_names(window) == ["Deadpond", "Spider-Boy", "Rusty-Man"]
    assert status_text(window) == "Heroes 1–3 of 3"


def test_a_missing_file_is_created_with_the_tutorial_hero_table(
    open_window: OpenWindow, tmp_path: Path
) -> None:
    path = tmp_path / "new.db"

    window = open_window(path)

    assert window.model.rowCount() == 0
    assert status_text(window) == "No heroes"
    assert path.exists()
    connection = sqlite3.connect(path)
    try:
        columns = [
            (row[1], row[2], bool(row[3]), bool(row[5]))
            for row in connection.execute("PRAGMA table_info(hero)")
        ]
        indexes = {row[1] for row in connection.execute("PRAGMA index_list(hero)")}
    finally:
        connection.close()
    assert columns == [
        ("id", "INTEGER", True, True),
        ("name", "VARCHAR", True, False),
        ("age", "INTEGER", False, False),
        ("secret_name", "VARCHAR", True, False),
    ]
    assert {"ix_hero_name", "ix_hero_age"} <= indexes
    assert rows_in_file(path) == []


def test_opening_a_window_leaves_the_cycle_collector_switched_on(
    qtbot: QtBot, db_path: Path, settings: QSettings
) -> None:
    # The collector is process-wide: no window or worker turns it off for a while.
    write_heroes(db_path, TUTORIAL_HEROES)

    window = create_main_window(db_path, settings=settings)
    try:
        assert gc.isenabled()
        qtbot.waitUntil(lambda: window.is_ready, timeout=10_000)
        assert gc.isenabled()
    finally:
        window.close()
        window.deleteLater()


def test_the_cycle_collector_stays_on_when_the_file_cannot_be_opened(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    bad = tmp_path / "heroes.csv"
    bad.write_bytes(b"name,age\nDeadpond,30\n")

    window = create_main_window(bad, settings=settings)
    try:
        assert gc.isenabled()
        with qtbot.waitSignal(window.openFailed, timeout=10_000):
            pass
        assert gc.isenabled()
    finally:
        window.close()
        window.deleteLater()


def test_a_menu_action_chosen_before_the_first_page_is_shown_is_carried_out(
    qtbot: QtBot, db_path: Path, settings: QSettings
) -> None:
    # Editing, undo, CSV and the live view are built once the first page is painted;
    # an action reached sooner builds them at once.
    write_heroes(db_path, TUTORIAL_HEROES)
    window = create_main_window(db_path, settings=settings)
    try:
        window.undo()  # nothing to undo yet: nothing happens, nothing fails
        window.show_secrets(True)
        qtbot.waitUntil(lambda: window.is_ready, timeout=10_000)
        assert window.runner.stack.count() == 0
        assert shown_names(window) == ["Deadpond", "Spider-Boy", "Rusty-Man"]
        assert window.model.secrets_visible
    finally:
        window.close()
        window.deleteLater()
