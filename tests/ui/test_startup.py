"""Launching: the table has focus with the first hero current, and a missing file is created."""

from __future__ import annotations

import gc
import sqlite3
import sys
import threading
import weakref
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from hero_desktop.app import create_main_window
from hero_desktop.ui import interpreter
from hero_desktop.ui.cell_selection import NAME_COLUMN

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


def test_garbage_cycles_are_collected_and_only_on_the_gui_thread(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    collecting_threads: set[str] = set()

    def seen(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            collecting_threads.add(threading.current_thread().name)

    gc.callbacks.append(seen)
    try:
        window = open_window()
        # Off for automatic runs, which could start in the data worker and free a
        # Qt object there; the GUI thread's timer collects instead.
        assert not gc.isenabled()
        # The GIL changes hands every 0.2 ms, so a busy worker cannot hold up the
        # many Python calls one paint makes (situation 1c of the benchmarks).
        assert sys.getswitchinterval() == pytest.approx(interpreter.SWITCH_INTERVAL_S)
        # (What start-up leaves is frozen once the worker has warmed up: garbage made
        # after that is what the collector is for.)
        qtbot.waitUntil(interpreter.is_frozen, timeout=10_000)

        class Cycle:
            itself: object

        garbage = Cycle()
        garbage.itself = garbage
        freed = weakref.ref(garbage)
        del garbage
        allocated: list[list[int]] = [
            [] for _ in range(30_000)
        ]  # past the young generation's threshold
        for page in (1, 0, 1, 0):
            window.navigator.go_to_page(page)  # the worker allocates meanwhile
        qtbot.waitUntil(lambda: freed() is None, timeout=5000)
        del allocated
    finally:
        gc.callbacks.remove(seen)
    assert collecting_threads == {threading.main_thread().name}


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
