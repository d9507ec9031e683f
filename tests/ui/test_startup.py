"""Launching: the table has focus with the first hero current, and a missing file is created."""

from __future__ import annotations

import sqlite3
from pathlib import Path

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
