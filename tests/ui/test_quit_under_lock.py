"""Quitting never waits on another program: a change held up by a lock is the user's call."""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from hero_desktop.ui.hero_table_model import COLUMNS
from hero_desktop.ui.main_window import MainWindow

from .conftest import OpenWindow, SettlingQtBot
from .support import (
    CTRL,
    TUTORIAL_HEROES,
    Answers,
    editor_of,
    go_to_cell,
    hero_in_file,
    type_text,
    write_heroes,
)

AGE = COLUMNS.index("age")
RUSTY_MAN = (3, "Rusty-Man", 48, "Tommy Sharp")


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def window(open_window: OpenWindow, db_path: Path, answers: Answers) -> MainWindow:
    write_heroes(db_path, TUTORIAL_HEROES)
    return open_window(prompts=answers)


def set_rusty_mans_age(qtbot: SettlingQtBot, window: MainWindow, age: str) -> None:
    """Types the age and presses Enter, not waiting for the answer."""
    go_to_cell(qtbot, window, 3, AGE)
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    editor = editor_of(window)
    type_text(qtbot, editor, age)
    qtbot.unsettled.keyClick(editor, Qt.Key.Key_Return)


def test_ctrl_q_while_an_edit_waits_for_a_lock_never_released_asks_and_quit_leaves_at_once(
    qtbot: SettlingQtBot,
    window: MainWindow,
    db_path: Path,
    answers: Answers,
    write_lock: sqlite3.Connection,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="hero_desktop.changes")
    write_lock.execute("BEGIN IMMEDIATE")  # and never released while the window lives
    set_rusty_mans_age(qtbot, window, "50")
    qtbot.waitUntil(lambda: window.client.waiting)

    qtbot.unsettled.keyClick(window.table, Qt.Key.Key_Q, CTRL)

    assert answers.quit_questions == [("database.db", ["Edit Age of Rusty-Man"])]
    assert not window.isVisible()
    # The worker gives the change up within one lock wait: nothing outlives the window.
    qtbot.waitUntil(window.client.thread_finished, timeout=3000)
    write_lock.execute("ROLLBACK")
    assert hero_in_file(db_path, 3) == RUSTY_MAN
    assert not [r for r in caplog.records if r.name == "hero_desktop.changes"]


def test_keep_waiting_keeps_the_window_and_it_closes_once_the_change_is_written(
    qtbot: SettlingQtBot,
    window: MainWindow,
    db_path: Path,
    answers: Answers,
    write_lock: sqlite3.Connection,
) -> None:
    answers.quit_answer = False
    write_lock.execute("BEGIN IMMEDIATE")
    set_rusty_mans_age(qtbot, window, "50")
    qtbot.waitUntil(lambda: window.client.waiting)

    qtbot.unsettled.keyClick(window.table, Qt.Key.Key_Q, CTRL)

    assert len(answers.quit_questions) == 1
    assert window.isVisible()
    assert window.status.waiting_label.isVisible()  # still saying what it waits for
    write_lock.execute("ROLLBACK")  # the other program finishes
    qtbot.waitUntil(lambda: not window.isVisible())
    qtbot.waitUntil(window.client.thread_finished)
    assert hero_in_file(db_path, 3) == (3, "Rusty-Man", 50, "Tommy Sharp")
    assert len(answers.quit_questions) == 1


def test_a_change_committed_while_quitting_is_written_and_logged_without_a_question(
    qtbot: SettlingQtBot,
    window: MainWindow,
    db_path: Path,
    answers: Answers,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="hero_desktop.changes")
    set_rusty_mans_age(qtbot, window, "50")

    qtbot.unsettled.keyClick(window.table, Qt.Key.Key_Q, CTRL)  # before the edit's answer has come

    qtbot.waitUntil(lambda: not window.isVisible())
    qtbot.waitUntil(window.client.thread_finished)
    assert answers.quit_questions == []
    assert hero_in_file(db_path, 3) == (3, "Rusty-Man", 50, "Tommy Sharp")
    logged = [r.getMessage() for r in caplog.records if r.name == "hero_desktop.changes"]
    assert logged == ["Edit Age of Rusty-Man done: ids [3]"]


def test_after_keep_waiting_a_new_ctrl_q_asks_again(
    qtbot: SettlingQtBot,
    window: MainWindow,
    db_path: Path,
    answers: Answers,
    write_lock: sqlite3.Connection,
) -> None:
    answers.quit_answer = False
    write_lock.execute("BEGIN IMMEDIATE")
    set_rusty_mans_age(qtbot, window, "50")
    qtbot.waitUntil(lambda: window.client.waiting)
    qtbot.unsettled.keyClick(window.table, Qt.Key.Key_Q, CTRL)  # Keep Waiting
    assert window.isVisible()

    answers.quit_answer = True
    qtbot.unsettled.keyClick(window.table, Qt.Key.Key_Q, CTRL)  # changed their mind: Quit

    assert len(answers.quit_questions) == 2
    assert not window.isVisible()
    qtbot.waitUntil(window.client.thread_finished, timeout=3000)
    write_lock.execute("ROLLBACK")
    assert hero_in_file(db_path, 3) == RUSTY_MAN
