"""Helpers for the window tests: files written and read with plain sqlite3, dialogs, keys.

Plain functions, not fixtures, so that each test says what it uses.

Why one file of this length: every window test imports its helpers from here, grouped by
section (the file, what the window shows, keys and windows, the Add Hero dialog); each
helper is a few lines, and one place keeps them from being copied into test files.
"""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from hero_desktop.data.models import HeroRow
from hero_desktop.ui.main_window import MainWindow
from hero_desktop.ui.prompts import Prompts

Row = tuple[int, str, int | None, str]

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier

# The tutorial's own schema, as its SQLModel app creates it: a file written
# this way is one the tutorial app could have left behind.
TUTORIAL_SCHEMA = (
    "CREATE TABLE hero (id INTEGER NOT NULL, name VARCHAR NOT NULL, age INTEGER, "
    "secret_name VARCHAR NOT NULL, PRIMARY KEY (id))",
    "CREATE INDEX ix_hero_name ON hero (name)",
    "CREATE INDEX ix_hero_age ON hero (age)",
)

TUTORIAL_HEROES: list[Row] = [
    (1, "Deadpond", None, "Dive Wilson"),
    (2, "Spider-Boy", None, "Pedro Parqueador"),
    (3, "Rusty-Man", 48, "Tommy Sharp"),
]


def numbered_heroes(count: int) -> list[Row]:
    """Heroes 1..count named "Hero 001"..., so that name order is id order."""
    return [(i, f"Hero {i:03}", 20 + i % 50, f"Secret {i:03}") for i in range(1, count + 1)]


def write_heroes(path: Path, heroes: Iterable[Row]) -> None:
    """Create ``path`` with the tutorial's schema (if missing) and insert ``heroes``."""
    connection = sqlite3.connect(path)
    try:
        if not connection.execute("SELECT 1 FROM sqlite_schema WHERE name = 'hero'").fetchone():
            for statement in TUTORIAL_SCHEMA:
                connection.execute(statement)
        connection.executemany(
            "INSERT INTO hero (id, name, age, secret_name) VALUES (?, ?, ?, ?)", list(heroes)
        )
        connection.commit()
    finally:
        connection.close()


def rows_in_file(path: Path) -> list[Row]:
    """Every hero as another program reading the file sees it, by id."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT id, name, age, secret_name FROM hero ORDER BY id"
        ).fetchall()
    finally:
        connection.close()


def hero_in_file(path: Path, hero_id: int) -> Row | None:
    connection = sqlite3.connect(path)
    try:
        found: Row | None = connection.execute(
            "SELECT id, name, age, secret_name FROM hero WHERE id = ?", (hero_id,)
        ).fetchone()
        return found
    finally:
        connection.close()


def execute_elsewhere(path: Path, statement: str, parameters: tuple[Any, ...] = ()) -> None:
    """Change the file as another program would: its own connection, committed."""
    connection = sqlite3.connect(path)
    try:
        connection.execute(statement, parameters)
        connection.commit()
    finally:
        connection.close()


# -- what the window shows -----------------------------------------------------


def shown_ids(window: MainWindow) -> list[int]:
    return [window.model.hero_at(row).id for row in range(window.model.rowCount())]


def shown_names(window: MainWindow) -> list[str]:
    return [window.model.hero_at(row).name for row in range(window.model.rowCount())]


def current_hero(window: MainWindow) -> HeroRow | None:
    index = window.table.currentIndex()
    return window.model.hero_at(index.row()) if index.isValid() else None


def current_id(window: MainWindow) -> int | None:
    hero = current_hero(window)
    return None if hero is None else hero.id


def current_column(window: MainWindow) -> int:
    return window.table.currentIndex().column()


def selected_ids(window: MainWindow) -> set[int]:
    """The heroes whose rows hold a selected cell."""
    cells = window.table.selectionModel().selectedIndexes()
    return {window.model.hero_at(index.row()).id for index in cells}


def status_text(window: MainWindow) -> str:
    return window.pager.status.text()


def cell(window: MainWindow, hero_id: int, column: int) -> QModelIndex:
    row = window.model.row_of(hero_id)
    assert row is not None, f"hero {hero_id} is not on the shown page"
    return window.model.index(row, column)


def go_to_cell(qtbot: QtBot, window: MainWindow, hero_id: int, column: int) -> None:
    """Move the cursor to a hero's cell with the arrow keys, as a user does."""
    target = cell(window, hero_id, column)
    for _ in range(200):
        current = window.table.currentIndex()
        if current == target:
            return
        if current.row() != target.row():
            key = Qt.Key.Key_Down if current.row() < target.row() else Qt.Key.Key_Up
        else:
            key = Qt.Key.Key_Right if current.column() < target.column() else Qt.Key.Key_Left
        qtbot.keyClick(window.table, key)
    raise AssertionError(f"could not reach hero {hero_id}, column {column}")


def message(window: MainWindow) -> str:
    return window.message_bar.text() if window.message_bar.isVisible() else ""


# -- keys and windows ------------------------------------------------------------


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Shortcuts fire only in the active window, and offscreen windows start inactive."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def wait_for_table_focus(qtbot: QtBot, window: MainWindow) -> None:
    """After a dialog closes, the window is active again with the table focused."""
    qtbot.waitUntil(lambda: window.isActiveWindow() and window.table.hasFocus())


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, including letters no key of a US keyboard has.

    QTest.keyClicks only knows Latin-1 keys; other characters arrive the way
    an input method delivers them, as a key event that carries the text.
    """
    for char in text:
        if char.isascii() and char.isprintable():
            qtbot.keyClicks(widget, char)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                char,
                Qt.KeyboardModifier.NoModifier,
            )


def focused() -> QWidget:
    """The widget that has the keyboard focus (a key press goes to it)."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def editor_of(window: MainWindow) -> QWidget:
    """The cell editor the user is typing in."""
    editor = QApplication.focusWidget()
    assert editor is not None, "nothing has focus"
    assert editor is not window.table, "no cell editor is open"
    return editor


@dataclass
class ModalDriver:
    """Drives a dialog that the window opens with exec().

    exec() blocks qtbot.keyClick until the dialog closes, so the dialog is
    driven from the event loop: ``handle(dialog)`` runs once a modal dialog
    is active. A failure inside ``handle`` closes the dialog (so the test
    never hangs) and is raised again by ``check()``.
    """

    qtbot: QtBot
    handle: Callable[[QWidget], None]
    seen: list[QWidget] = field(default_factory=list)
    failure: BaseException | None = None
    # Stop looking after this long, so a dialog that never came fails the test
    # instead of leaving a timer re-arming itself for the rest of the session.
    patience_ms: int = 10_000
    _waited_ms: int = 0

    def start(self) -> ModalDriver:
        QTimer.singleShot(0, self._poll)
        return self

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        ready = (
            dialog is not None
            and dialog.isActiveWindow()
            and focus is not None
            and (focus is dialog or dialog.isAncestorOf(focus))
        )
        if not ready or dialog is None:
            self._waited_ms += 5
            if self._waited_ms >= self.patience_ms:
                self.failure = AssertionError("no dialog opened")
                return
            QTimer.singleShot(5, self._poll)  # until the dialog is shown and has focus
            return
        self.seen.append(dialog)
        try:
            self.handle(dialog)
        except BaseException as error:
            self.failure = error
        finally:
            if dialog.isVisible():
                if self.failure is None:
                    self.failure = AssertionError(f"{dialog.windowTitle()!r} was left open")
                dialog.close()

    def check(self) -> QWidget:
        if self.failure is not None:
            raise self.failure
        assert self.seen, "no dialog was opened"
        return self.seen[0]


def when_dialog_opens(qtbot: QtBot, handle: Callable[[QWidget], None]) -> ModalDriver:
    """Start driving the next modal dialog; call before the key that opens it."""
    return ModalDriver(qtbot, handle).start()


def visible_errors(dialog: QWidget) -> list[str]:
    """The messages the dialog shows by its fields."""
    return [
        label.text()
        for label in dialog.findChildren(QLabel, "fieldError")
        if label.isVisible() and label.text()
    ]


class Answers(Prompts):
    """Prompts answered by the test: the questions the window asks, recorded.

    Only the questions a test is not about are answered here; the Add and
    Delete dialogs stay real unless a test sets an answer.
    """

    def __init__(self) -> None:
        super().__init__(None)
        self.use_mine = False
        self.conflicts: list[tuple[str, dict[str, object], HeroRow]] = []
        self.delete_answer: bool | None = None
        self.deletes: list[list[int]] = []
        self.delete_notes: list[str] = []
        self.quit_answer = True
        self.quit_questions: list[tuple[str, list[str]]] = []

    def overwrite_conflict(self, action: str, mine: Mapping[str, object], current: Any) -> bool:
        self.conflicts.append((action, dict(mine), current))
        return self.use_mine

    def quit_without_waiting(self, database: str, changes: list[str]) -> bool:
        self.quit_questions.append((database, changes))
        return self.quit_answer

    def confirm_delete(self, heroes: list[HeroRow], note: str = "") -> bool:
        if self.delete_answer is None:
            return super().confirm_delete(heroes, note)
        self.deletes.append([hero.id for hero in heroes])
        self.delete_notes.append(note)
        return self.delete_answer


# -- the Add Hero dialog, typed into ---------------------------------------------


def type_hero(qtbot: QtBot, dialog: QWidget, name: str, secret: str, age: str) -> None:
    """Type into the fields as a user does: Name, Tab, Secret name, Tab, Age."""
    type_text(qtbot, focused(), name)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_text(qtbot, focused(), secret)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_text(qtbot, focused(), age)


def type_or_paste(qtbot: QtBot, edit: QWidget, text: str) -> None:
    """Type printable text; paste (Ctrl+V) text that holds control characters."""
    if text.isprintable():
        qtbot.keyClicks(edit, text)
    else:
        QApplication.clipboard().setText(text)
        qtbot.keyClick(edit, Qt.Key.Key_V, CTRL)


def add_by_keyboard(
    qtbot: QtBot, window: MainWindow, name: str, secret: str, age: str, key: Qt.Key = Qt.Key.Key_N
) -> None:
    def fill_and_save(dialog: QWidget) -> None:
        type_hero(qtbot, dialog, name, secret, age)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    driver = when_dialog_opens(qtbot, fill_and_save)
    qtbot.keyClick(
        window.table, key, CTRL if key == Qt.Key.Key_N else Qt.KeyboardModifier.NoModifier
    )
    driver.check()


def ask_store(qtbot: QtBot, window: MainWindow, question: Callable[[Any], Any]) -> Any:
    """``question(store)``, asked in the window's data worker (the store's one thread)."""
    answers: list[Any] = []
    window.client.ask(lambda repository: question(repository.store), answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    return answers[0]
