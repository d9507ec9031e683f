"""``python -m tests.ui.window_words DATABASE SETTINGS``: every word the window shows, as JSON.

Run in a process of its own by test_languages.py, with the language in the
environment (``LANG=de_DE.UTF-8``): Hero Desktop installs its language once per
process, the way the real program does at start-up. It opens the main window
on DATABASE and its dialogs, and prints one JSON object: ``texts`` (every text,
title, tip and accessible name and description of every widget, action and
column title), ``menus`` (each menu's entries, as written with their ``&``) and
``keys`` (every key's name as Qt writes it in this language).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QEventLoop, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)

from hero_desktop.app import create_main_window
from hero_desktop.data.location import ServerAddress
from hero_desktop.data.rows import HeroRow
from hero_desktop.ui import language
from hero_desktop.ui.add_hero_dialog import AddHeroDialog
from hero_desktop.ui.connect_dialog import ConnectDialog
from hero_desktop.ui.delete_heroes_dialog import DeleteHeroesDialog
from hero_desktop.ui.go_to_hero_dialog import GoToHeroDialog
from hero_desktop.ui.hero_table_view import HeroTableView
from hero_desktop.ui.main_window import MainWindow
from hero_desktop.ui.shortcuts_dialog import ShortcutsDialog

READY_TIMEOUT_MS = 30_000


def widget_texts(root: QWidget) -> Iterable[str]:
    for widget in [root, *root.findChildren(QWidget)]:
        yield widget.windowTitle()
        yield widget.toolTip()
        yield widget.statusTip()
        yield widget.whatsThis()
        yield widget.accessibleName()
        yield widget.accessibleDescription()
        if isinstance(widget, QLabel | QAbstractButton):
            yield widget.text()
        elif isinstance(widget, QLineEdit):
            yield widget.placeholderText()
        elif isinstance(widget, QGroupBox):
            yield widget.title()
        elif isinstance(widget, QComboBox):
            yield from (widget.itemText(index) for index in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, HeroTableView):
            yield from item_texts(widget.model())
        for action in widget.actions():
            yield from action_texts(action)


def item_texts(model: QAbstractItemModel | None) -> Iterable[str]:
    """A list's or a table's words (the F1 list's actions), its headers' too."""
    if model is None:
        return
    for orientation, count in (
        (Qt.Orientation.Horizontal, model.columnCount()),
        (Qt.Orientation.Vertical, model.rowCount()),
    ):
        for section in range(count):
            title = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
            if isinstance(title, str):
                yield title
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                yield value


def action_texts(action: QAction) -> Iterable[str]:
    yield action.text()
    yield action.toolTip()
    yield action.statusTip()
    yield action.whatsThis()


def column_titles(window: MainWindow) -> Iterable[str]:
    model = window.table.model()
    for column in range(model.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield value


def menus(window: MainWindow) -> dict[str, list[str]]:
    """Each menu's entries by its title; the menu bar's under "" (its Alt letters too)."""
    found = {
        menu.title(): [action.text() for action in menu.actions() if not action.isSeparator()]
        for menu in window.findChildren(QMenu)
    }
    found[""] = [action.text() for action in window.menuBar().actions()]
    return found


def dialogs(window: MainWindow) -> list[QDialog]:
    return [
        AddHeroDialog(lambda _hero, _dialog: None, parent=window),
        GoToHeroDialog(lambda _text, _reply: None, window),
        ConnectDialog(None, window),
        ConnectDialog(ServerAddress(host="db.example", port=None, dbname="heroes"), window),
        DeleteHeroesDialog([HeroRow(1, "Deadpond", None, "Dive Wilson")], window),
        ShortcutsDialog(window.menus.shortcut_rows(), window),
    ]


def key_names() -> list[str]:
    """How Qt (its own qtbase catalogue) writes the keys the app names, in this language."""
    keys = [getattr(Qt.Key, name) for name in dir(Qt.Key) if name.startswith("Key_")]
    return [QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) for key in keys]


def main(database: str, settings_file: str) -> int:
    app = QApplication(sys.argv[:1])
    language.install(app)
    settings = QSettings(settings_file, QSettings.Format.IniFormat)
    window = create_main_window(database, settings=settings)
    loop = QEventLoop()
    window.ready.connect(loop.quit)
    QTimer.singleShot(READY_TIMEOUT_MS, loop.quit)
    window.show()
    loop.exec()
    if not window.is_ready:
        print("the window did not show its first page", file=sys.stderr)
        return 1
    texts = [*widget_texts(window), *column_titles(window)]
    for dialog in dialogs(window):
        dialog.show()
        texts += widget_texts(dialog)
        dialog.reject()
    shown = {"texts": sorted({t for t in texts if t}), "menus": menus(window), "keys": key_names()}
    print(json.dumps(shown))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
