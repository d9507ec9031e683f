"""The window keeps answering while the database is slow: a 10 ms heartbeat keeps ticking.

A heartbeat ``QTimer`` on the GUI thread counts its ticks. While another
program holds the write lock during an add, and while the data worker scans
a file without the name index for a search, ticks keep coming: the event loop
was not blocked. The tests count ticks and never time anything (a shared
machine makes durations meaningless as assertions), and wait on conditions.
"""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget

from hero_desktop.ui.add_hero_dialog import AddHeroDialog
from hero_desktop.ui.hero_table_model import COLUMNS

from .conftest import OpenWindow, SettlingQtBot
from .support import (
    CTRL,
    TUTORIAL_HEROES,
    editor_of,
    focused,
    go_to_cell,
    rows_in_file,
    type_hero,
    type_text,
    when_dialog_opens,
    write_heroes,
)

HEARTBEAT_MS = 10
TICKS_WHILE_LOCKED = 20  # about 0.2 s of a free event loop, while the add waits


class Heartbeat:
    """Counts the ticks of a 10 ms timer on the GUI thread: they stop if the loop blocks."""

    def __init__(self) -> None:
        self.ticks = 0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.ticks += 1

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture
def heartbeat() -> Iterator[Heartbeat]:
    beat = Heartbeat()
    yield beat
    beat.stop()


def test_adding_while_anwrite_lock_holds_the_lock_keeps_the_window_answering(
    qtbot: SettlingQtBot,
    open_window: OpenWindow,
    db_path: Path,
    write_lock: sqlite3.Connection,
    heartbeat: Heartbeat,
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    seen: dict[str, object] = {}

    def save_while_locked(dialog: QWidget) -> None:
        assert isinstance(dialog, AddHeroDialog)
        type_hero(qtbot, dialog, "Tarantula", "Natalia", "32")
        write_lock.execute("BEGIN IMMEDIATE")
        locked_at = heartbeat.ticks
        qtbot.unsettled.keyClick(focused(), Qt.Key.Key_Return)  # Save: it must wait
        qtbot.waitUntil(window.status.waiting_label.isVisible)
        seen["waiting"] = window.status.waiting_label.text()
        # Another key is answered meanwhile. The Add dialog is modal, so the key a
        # user can press goes to the dialog: Shift+Tab moves back a field.
        before = focused()
        qtbot.unsettled.keyClick(before, Qt.Key.Key_Backtab)
        qtbot.waitUntil(lambda: focused() is not before)
        seen["focus moved"] = True
        # The heartbeat goes on ticking while the add waits for the lock.
        qtbot.waitUntil(lambda: heartbeat.ticks - locked_at >= TICKS_WHILE_LOCKED)
        seen["still waiting"] = window.status.waiting_label.isVisible() and dialog.isVisible()
        seen["file while locked"] = rows_in_file(db_path)
        seen["ticks while locked"] = heartbeat.ticks - locked_at
        write_lock.execute("ROLLBACK")  # the other program finishes
        qtbot.waitUntil(lambda: not dialog.isVisible())

    driver = when_dialog_opens(qtbot, save_while_locked)
    qtbot.keyClick(window.table, Qt.Key.Key_N, CTRL)
    driver.check()
    qtbot.settle()

    assert seen["waiting"] == "Waiting for another program to finish writing database.db…"
    assert seen["focus moved"] is True
    assert seen["still waiting"] is True
    assert seen["file while locked"] == TUTORIAL_HEROES
    assert isinstance(seen["ticks while locked"], int)
    assert seen["ticks while locked"] >= TICKS_WHILE_LOCKED
    assert not window.status.waiting_label.isVisible()
    added = [row for row in rows_in_file(db_path) if row[1] == "Tarantula"]
    assert added == [(4, "Tarantula", 32, "Natalia")]  # once, and only once


def test_the_down_key_moves_the_current_row_while_an_edit_waits_for_the_lock(
    qtbot: SettlingQtBot,
    open_window: OpenWindow,
    db_path: Path,
    write_lock: sqlite3.Connection,
    heartbeat: Heartbeat,
) -> None:
    """The same wait without a modal dialog (a cell edit): the table itself takes keys."""
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    go_to_cell(qtbot, window, 1, COLUMNS.index("name"))
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    type_text(qtbot, editor_of(window), "Deadpool")
    write_lock.execute("BEGIN IMMEDIATE")
    locked_at = heartbeat.ticks

    qtbot.unsettled.keyClick(editor_of(window), Qt.Key.Key_Return)

    qtbot.waitUntil(window.status.waiting_label.isVisible)
    qtbot.unsettled.keyClick(window.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.table.currentIndex().row() == 1)
    qtbot.waitUntil(lambda: heartbeat.ticks - locked_at >= TICKS_WHILE_LOCKED)
    assert window.status.waiting_label.isVisible()
    assert rows_in_file(db_path) == TUTORIAL_HEROES
    write_lock.execute("ROLLBACK")
    qtbot.waitUntil(lambda: not window.status.waiting_label.isVisible())
    qtbot.settle()
    assert rows_in_file(db_path) == [(1, "Deadpool", None, "Dive Wilson"), *TUTORIAL_HEROES[1:]]


# -- a search that scans --------------------------------------------------------

SCANNED_ROWS = 50_000


def tutorial_roster(path: Path, count: int) -> None:
    """A file the tutorial's app could have written (no name index), one Müller in 500."""
    heroes = [
        (
            i,
            f"Hero Müller {i}" if i % 500 == 0 else f"Hero {i:05}",
            20 + i % 50,
            f"Secret {i}",
        )
        for i in range(1, count + 1)
    ]
    write_heroes(path, heroes)


def test_a_search_that_scans_a_file_without_the_name_index_keeps_the_heartbeat_ticking(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path, heartbeat: Heartbeat
) -> None:
    tutorial_roster(db_path, SCANNED_ROWS)
    window = open_window()
    assert window.index_offer.isVisible()  # no consent given: the search scans
    asked_at: list[int] = []
    answered_at: list[int] = []
    # Connected after the window's own: runs once the search was asked for.
    window.search_bar.changed.connect(lambda: asked_at.append(heartbeat.ticks))

    def answered() -> None:
        if window.model.query.search == "müller" and not answered_at:
            answered_at.append(heartbeat.ticks)

    window.model.pageChanged.connect(answered)

    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    type_text(qtbot.unsettled, window.search_bar.name_edit, "müller")

    qtbot.waitUntil(lambda: bool(answered_at), timeout=60_000)
    assert len(asked_at) == 1
    assert answered_at[0] - asked_at[0] >= 3, "no tick between the search and its answer"
    assert window.model.total == SCANNED_ROWS // 500
    qtbot.settle()
