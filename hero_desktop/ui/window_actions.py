"""The window's actions: menus, their shortcuts, the F1 list, and read-only refusals.

On a read-only file the actions that change heroes are greyed out in the
menus, and their keys still answer, saying why nothing happens.

Why one file of this length: every action of the window is made, placed in
its menu and listed in F1 here, so one key is never given twice and the F1
list cannot drift from the menus.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, SignalInstance, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from hero_desktop.data.query import SortKey
from hero_desktop.ui.column_layout import MENU_KEYS, ColumnLayout
from hero_desktop.ui.copy_cells import CellCopier
from hero_desktop.ui.data_worker import DataClient
from hero_desktop.ui.hero_table_model import HeroTableModel
from hero_desktop.ui.message_bar import MessageKind
from hero_desktop.ui.table_navigator import TableNavigator
from hero_desktop.ui.text_size import TextSize


class Pasting(Protocol):
    """Paste and fill (``paste_cells.CellPaster``), built with the window's services."""

    def paste_here(self) -> None: ...
    def paste_as_new(self) -> None: ...
    def fill_selection(self) -> None: ...
    def fill_down(self) -> None: ...


class Services(Protocol):
    @property
    def pasting(self) -> Pasting: ...


class ActionTarget(Protocol):
    """What the actions act on: the main window, seen only through what they need."""

    navigator: TableNavigator
    model: HeroTableModel
    client: DataClient
    columns: ColumnLayout
    text_size: TextSize
    openRequested: SignalInstance  # noqa: N815

    def menuBar(self) -> QMenuBar: ...  # noqa: N802
    def addAction(self, action: QAction) -> None: ...  # noqa: N802
    def close(self) -> bool: ...
    def new_database(self) -> None: ...
    def open_database(self) -> None: ...
    def connect_to_server(self) -> None: ...
    def import_csv(self) -> None: ...
    def export_csv(self) -> None: ...
    def undo(self) -> None: ...
    def redo(self) -> None: ...
    def add_hero(self) -> None: ...
    def delete_selected(self) -> None: ...
    def edit_current(self) -> None: ...
    def focus_search(self) -> None: ...
    def go_to_hero(self) -> None: ...
    def focus_page_number(self) -> None: ...
    def show_secrets(self, visible: bool) -> None: ...
    def show_shortcuts(self) -> None: ...
    def about(self) -> None: ...
    def say_read_only(self, verb: str) -> None: ...
    def show_message(self, text: str, kind: MessageKind = ...) -> None: ...
    @property
    def services(self) -> Services: ...


Keys = list[QKeySequence | QKeySequence.StandardKey | str]

# The keys of the changing actions, and the word for what they would do.
REFUSED_ON_READ_ONLY = ((["Ctrl+N", "Ins"], "added"), (["Del"], "deleted"), (["F2"], "edited"),
                        (["Ctrl+I"], "imported"))  # fmt: skip


class WindowActions:
    def __init__(self, window: ActionTarget, owner: QWidget) -> None:
        self.window = window
        self.owner = owner  # the same window, as the QWidget that owns actions and shortcuts
        w, nav = window, window.navigator
        a = self._action
        self.new_action = a("&New Database…", w.new_database, ["Ctrl+Shift+N"])
        self.open_action = a("&Open Database…", w.open_database, ["Ctrl+O"])
        self.connect_action = a("Connect to &Server…", w.connect_to_server, ["Ctrl+Shift+O"])
        self.import_action = a("&Import CSV…", w.import_csv, ["Ctrl+I"])
        self.export_action = a("&Export CSV…", w.export_csv, ["Ctrl+E"])
        self.quit_action = a("&Quit", w.close, ["Ctrl+Q"])
        self.undo_action = a("&Undo", w.undo, ["Ctrl+Z"])
        self.redo_action = a("&Redo", w.redo, ["Ctrl+Shift+Z", "Ctrl+Y"])
        self.add_action = a("&Add Hero…", w.add_hero, ["Ctrl+N", "Ins"])
        self.delete_action = a("&Delete Heroes…", w.delete_selected, ["Del"])

        def pasting() -> Pasting:  # (built after the first paint)
            return w.services.pasting

        self.paste_action = a("&Paste", lambda: pasting().paste_here(), ["Ctrl+V"])
        self.paste_new_action = a(
            "Paste as &New Heroes", lambda: pasting().paste_as_new(), ["Ctrl+Shift+V"]
        )
        self.fill_action = a(
            "F&ill Selection", lambda: pasting().fill_selection(), ["Ctrl+Return", "Ctrl+Enter"]
        )
        self.fill_down_action = a("Fill Do&wn", lambda: pasting().fill_down(), ["Ctrl+D"])
        self.edit_action = a("&Edit Cell", w.edit_current, ["F2"])
        cells = nav.cells
        copier = self.copier = CellCopier(w.client, w.model, cells, w.show_message, owner)
        self.copy_action = a("&Copy", lambda: copier.copy_cells(headers=False), ["Ctrl+C"])
        self.copy_headers_action = a(
            "Copy with &Headers", lambda: copier.copy_cells(headers=True), ["Ctrl+Shift+C"]
        )
        t = self._in_table
        self.select_all_action = t(a("&Select All", cells.select_whole_view, ["Ctrl+A"]))
        self.select_rows_action = t(
            a("Select R&ows", cells.select_rows_of_selection, ["Shift+Space"])
        )
        self.select_columns_action = t(
            a("Select Colu&mns", cells.select_columns_of_selection, ["Ctrl+Space"])
        )
        self.find_action = a("&Find…", w.focus_search, ["Ctrl+F"])
        self.clear_search_action = a("C&lear Search", nav.clear_search, [])
        self.go_to_action = a("&Go to Hero…", w.go_to_hero, ["Ctrl+G"])
        self.next_action = a(
            "&Next Page", lambda: nav.go_to_page(w.model.page + 1), ["Ctrl+PgDown"]
        )
        self.previous_action = a(
            "&Previous Page", lambda: nav.go_to_page(w.model.page - 1), ["Ctrl+PgUp"]
        )
        self.first_action = a("&First Page", lambda: nav.go_to_page(0), ["Alt+Home"])
        self.last_action = a("&Last Page", nav.go_to_last_page, ["Alt+End"])
        self.page_number_action = a("Page N&umber…", w.focus_page_number, ["Ctrl+L"])
        self.show_secrets_action = a(
            "Show &Secret Names", w.show_secrets, ["Ctrl+Shift+S"], checkable=True
        )
        self.sort_actions = {
            SortKey.ID: a("Sort by &ID", lambda: nav.sort_by(SortKey.ID), ["Ctrl+1"]),
            SortKey.NAME: a("Sort by &Name", lambda: nav.sort_by(SortKey.NAME), ["Ctrl+2"]),
            SortKey.AGE: a("Sort by &Age", lambda: nav.sort_by(SortKey.AGE), ["Ctrl+3"]),
        }
        for action in self.sort_actions.values():
            action.setCheckable(True)
        self.descending_action = a("&Descending", nav.toggle_descending, ["Ctrl+Shift+D"])
        self.descending_action.setCheckable(True)
        cols, text = w.columns, w.text_size
        self.move_left_action = a("Move Column &Left", cols.move_current_left, ["Alt+Shift+Left"])
        self.move_right_action = a(
            "Move Column &Right", cols.move_current_right, ["Alt+Shift+Right"]
        )
        self.reset_columns_action = a("Reset &Columns", cols.reset_columns, [])
        self.larger_text_action = a("&Larger Text", text.larger, ["Ctrl++", "Ctrl+="])
        self.smaller_text_action = a("S&maller Text", text.smaller, ["Ctrl+-"])
        self.normal_text_action = a("&Normal Text Size", text.normal, ["Ctrl+0"])
        self.shortcuts_action = a("&Keyboard Shortcuts", w.show_shortcuts, ["F1"])
        self.about_action = a("&About Hero Desktop", w.about, [])
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self._refusals = [
            self._refusal(key, verb) for keys, verb in REFUSED_ON_READ_ONLY for key in keys
        ]
        self._build_menus()

    def follow_undo(
        self, stack: QUndoStack, can_undo: SignalInstance, can_redo: SignalInstance
    ) -> None:
        """Undo and Redo name what is on the stack, and are greyed out when nothing.

        Enabled follows ``can_undo``/``can_redo``: what the stack allows once
        the changes already asked for have run, so a Redo pressed before the
        undo's answer has come is queued, not dropped.
        """
        can_undo.connect(self.undo_action.setEnabled)
        can_redo.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(_ActionText(self.undo_action, "&Undo").name)
        stack.redoTextChanged.connect(_ActionText(self.redo_action, "&Redo").name)

    def _action(
        self, text: str, slot: Callable[..., Any], shortcuts: Keys, *, checkable: bool = False
    ) -> QAction:
        action = QAction(text, self.owner)
        keys: list[QKeySequence] = []
        for shortcut in shortcuts:
            if isinstance(shortcut, QKeySequence.StandardKey):
                keys.extend(QKeySequence.keyBindings(shortcut))
            else:
                keys.append(QKeySequence(shortcut))
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _in_table(self, action: QAction) -> QAction:
        """Its keys act only while the table has the keyboard (a text field keeps its own)."""
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.window.navigator.table.addAction(action)
        return action

    def _refusal(self, key: str, verb: str) -> QShortcut:
        shortcut = QShortcut(QKeySequence(key), self.owner)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(lambda: self.window.say_read_only(verb))
        shortcut.setEnabled(False)
        return shortcut

    def set_editable(self, editable: bool) -> None:
        for action in (self.add_action, self.delete_action, self.edit_action, self.import_action):
            action.setEnabled(editable)
        for shortcut in self._refusals:
            shortcut.setEnabled(not editable)

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new_action, self.open_action, self.connect_action])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.copy_action, self.copy_headers_action])
        edit_menu.addActions([self.paste_action, self.paste_new_action])
        edit_menu.addActions([self.fill_action, self.fill_down_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.add_action, self.edit_action, self.delete_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.clear_search_action])
        edit_menu.addSeparator()
        edit_menu.addActions(
            [self.select_all_action, self.select_rows_action, self.select_columns_action]
        )
        view_menu = bar.addMenu("&View")
        sort_menu = view_menu.addMenu("Sort &By")
        sort_menu.addActions(list(self.sort_actions.values()))
        sort_menu.addSeparator()
        sort_menu.addAction(self.descending_action)
        view_menu.addAction(self.show_secrets_action)
        columns_menu = self.window.columns.menu
        view_menu.addMenu(columns_menu)
        columns_menu.addSeparator()
        columns_menu.addActions([self.move_left_action, self.move_right_action])
        columns_menu.addSeparator()
        columns_menu.addAction(self.reset_columns_action)
        view_menu.addSeparator()
        view_menu.addActions(
            [self.larger_text_action, self.smaller_text_action, self.normal_text_action]
        )
        go_menu = bar.addMenu("&Go")
        go_menu.addActions([self.go_to_action, self.page_number_action])
        go_menu.addSeparator()
        go_menu.addActions(
            [self.first_action, self.previous_action, self.next_action, self.last_action]
        )
        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.shortcuts_action, self.about_action])

    def update_recent_menu(self, paths: list[str]) -> None:
        """Recent files and servers (servers by their URL, which never holds a password)."""
        self.recent_menu.clear()
        for path in paths:
            action = self.recent_menu.addAction(literal(path))
            action.triggered.connect(lambda _=False, p=path: self.window.openRequested.emit(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def show_sort(self, query_sort: SortKey, descending: bool) -> None:
        for key, action in self.sort_actions.items():
            action.setChecked(key is query_sort)
        self.descending_action.setChecked(descending)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """Every menu action and its shortcuts, as the Help dialog lists them."""
        rows: list[tuple[str, str]] = []
        for menu_action in self.window.menuBar().actions():
            menu = menu_action.menu()
            if not isinstance(menu, QMenu):
                continue
            for action in _walk(menu.actions()):
                keys = ", ".join(
                    k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
                )
                if keys:
                    rows.append((without_mnemonic(action.text()).split("\t")[0], keys))
        rows.append(("Edit cell: commit / cancel", "Enter or Tab / Esc"))
        rows.append(("Select a rectangle of cells / add a cell", "Shift+arrows / Ctrl+click"))
        rows.append(("Clear search, back to where you were", "Esc (in the search box)"))
        rows.append(("Page number field: go to the page / leave it", "Enter / Esc"))
        rows.append(("Stop waiting for another program's lock", "Esc (while it waits)"))
        rows.append(
            ("Columns menu (show, hide, move, reset)", f"{', '.join(MENU_KEYS)} (in the table)")
        )
        return rows


class _ActionText(QObject):
    """Names in its action's text what the action would act on ("Undo Add Hero").

    A child of the action: when the action goes, so does it, and with it the
    connection (the undo stack may outlive the menus while a window is torn down).
    """

    def __init__(self, action: QAction, verb: str) -> None:
        super().__init__(action)
        self._action = action
        self._verb = verb

    @Slot(str)
    def name(self, what: str) -> None:
        self._action.setText(f"{self._verb} {literal(what)}".strip())


def literal(text: str) -> str:
    """The user's ``text`` for an action or a label: every & shown, none a shortcut mark."""
    return text.replace("&", "&&")


def without_mnemonic(text: str) -> str:
    """An action's text as shown: "&&" is one "&", a lone "&" marks the next letter."""
    return re.sub("&(.)", r"\1", text)


def _walk(actions: list[QAction]) -> list[QAction]:
    found: list[QAction] = []
    for action in actions:
        menu = action.menu()
        if isinstance(menu, QMenu):
            found.extend(_walk(menu.actions()))
        elif not action.isSeparator():
            found.append(action)
    return found
