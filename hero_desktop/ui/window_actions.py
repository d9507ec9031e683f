"""The window's actions: menus, their shortcuts, the F1 list, and read-only refusals.

On a read-only file the actions that change heroes are greyed out in the
menus, and their keys still answer, saying why nothing happens.

Why one file of this length: every action of the window is made, placed in
its menu and listed in F1 here, so one key is never given twice and the F1
list cannot drift from the menus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QObject, Qt, SignalInstance, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from hero_desktop.data.query import SortKey
from hero_desktop.data.words import Words
from hero_desktop.ui.column_layout import MENU_KEYS, ColumnLayout
from hero_desktop.ui.copy_cells import CellCopier
from hero_desktop.ui.data_worker import DataClient
from hero_desktop.ui.dialog_keys import works_in_progress_dialogs
from hero_desktop.ui.hero_table_model import HeroTableModel
from hero_desktop.ui.menu_text import literal, without_mnemonic
from hero_desktop.ui.message_bar import MessageKind
from hero_desktop.ui.table_navigator import TableNavigator
from hero_desktop.ui.text_size import TextSize


class WindowActionsWords(Words):
    """The translation context of the window's menus, their actions and the F1 list."""


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

# The keys of the changing actions, and what they would do (read_only_sentence says it).
REFUSED_ON_READ_ONLY = ((["Ctrl+N", "Ins"], "added"), (["Del"], "deleted"), (["F2"], "edited"),
                        (["Ctrl+I"], "imported"))  # fmt: skip


class WindowActions:
    def __init__(self, window: ActionTarget, owner: QWidget) -> None:
        self.window = window
        self.owner = owner  # the same window, as the QWidget that owns actions and shortcuts
        w, nav = window, window.navigator
        a = self._action
        self.new_action = a(
            WindowActionsWords.tr("&New Database…"), w.new_database, ["Ctrl+Shift+N"]
        )
        self.open_action = a(WindowActionsWords.tr("&Open Database…"), w.open_database, ["Ctrl+O"])
        self.connect_action = a(
            WindowActionsWords.tr("Connect to &Server…"), w.connect_to_server, ["Ctrl+Shift+O"]
        )
        self.import_action = a(WindowActionsWords.tr("&Import CSV…"), w.import_csv, ["Ctrl+I"])
        self.export_action = a(WindowActionsWords.tr("&Export CSV…"), w.export_csv, ["Ctrl+E"])
        self.quit_action = a(WindowActionsWords.tr("&Quit"), w.close, ["Ctrl+Q"])
        works_in_progress_dialogs(self.quit_action)  # Ctrl+Q quits at once, whatever runs
        self.undo_action = a(WindowActionsWords.tr("&Undo"), w.undo, ["Ctrl+Z"])
        self.redo_action = a(WindowActionsWords.tr("&Redo"), w.redo, ["Ctrl+Shift+Z", "Ctrl+Y"])
        self.add_action = a(WindowActionsWords.tr("&Add Hero…"), w.add_hero, ["Ctrl+N", "Ins"])
        self.delete_action = a(WindowActionsWords.tr("&Delete Heroes…"), w.delete_selected, ["Del"])

        def pasting() -> Pasting:  # (built after the first paint)
            return w.services.pasting

        self.paste_action = a(
            WindowActionsWords.tr("&Paste"), lambda: pasting().paste_here(), ["Ctrl+V"]
        )
        self.paste_new_action = a(
            WindowActionsWords.tr("Paste as &New Heroes"),
            lambda: pasting().paste_as_new(),
            ["Ctrl+Shift+V"],
        )
        self.fill_action = a(
            WindowActionsWords.tr("F&ill Selection"),
            lambda: pasting().fill_selection(),
            ["Ctrl+Return", "Ctrl+Enter"],
        )
        self.fill_down_action = a(
            WindowActionsWords.tr("Fill Do&wn"), lambda: pasting().fill_down(), ["Ctrl+D"]
        )
        self.edit_action = a(WindowActionsWords.tr("&Edit Cell"), w.edit_current, ["F2"])
        cells = nav.cells
        copier = self.copier = CellCopier(w.client, w.model, cells, w.show_message, owner)
        self.copy_action = a(
            WindowActionsWords.tr("&Copy"), lambda: copier.copy_cells(headers=False), ["Ctrl+C"]
        )
        self.copy_headers_action = a(
            WindowActionsWords.tr("Copy with &Headers"),
            lambda: copier.copy_cells(headers=True),
            ["Ctrl+Shift+C"],
        )
        t = self._in_table
        self.select_all_action = t(
            a(WindowActionsWords.tr("&Select All"), cells.select_whole_view, ["Ctrl+A"])
        )
        self.select_rows_action = t(
            a(
                WindowActionsWords.tr("Select R&ows"),
                cells.select_rows_of_selection,
                ["Shift+Space"],
            )
        )
        self.select_columns_action = t(
            a(
                WindowActionsWords.tr("Select Colu&mns"),
                cells.select_columns_of_selection,
                ["Ctrl+Space"],
            )
        )
        self.find_action = a(WindowActionsWords.tr("&Find…"), w.focus_search, ["Ctrl+F"])
        self.clear_search_action = a(WindowActionsWords.tr("C&lear Search"), nav.clear_search, [])
        self.go_to_action = a(WindowActionsWords.tr("&Go to Hero…"), w.go_to_hero, ["Ctrl+G"])
        self.next_action = a(
            WindowActionsWords.tr("&Next Page"),
            lambda: nav.go_to_page(w.model.page + 1),
            ["Ctrl+PgDown"],
        )
        self.previous_action = a(
            WindowActionsWords.tr("&Previous Page"),
            lambda: nav.go_to_page(w.model.page - 1),
            ["Ctrl+PgUp"],
        )
        self.first_action = a(
            WindowActionsWords.tr("&First Page"), lambda: nav.go_to_page(0), ["Alt+Home"]
        )
        self.last_action = a(WindowActionsWords.tr("&Last Page"), nav.go_to_last_page, ["Alt+End"])
        self.page_number_action = a(
            WindowActionsWords.tr("Page N&umber…"), w.focus_page_number, ["Ctrl+L"]
        )
        self.show_secrets_action = a(
            WindowActionsWords.tr("Show &Secret Names"),
            w.show_secrets,
            ["Ctrl+Shift+S"],
            checkable=True,
        )
        self.sort_actions = {
            key: a(text, lambda _=False, k=key: nav.sort_by(k), [keys])
            for key, text, keys in (
                (SortKey.ID, WindowActionsWords.tr("Sort by &ID"), "Ctrl+1"),
                (SortKey.NAME, WindowActionsWords.tr("Sort by &Name"), "Ctrl+2"),
                (SortKey.AGE, WindowActionsWords.tr("Sort by &Age"), "Ctrl+3"),
            )
        }
        for action in self.sort_actions.values():
            action.setCheckable(True)
        self.descending_action = a(
            WindowActionsWords.tr("&Descending"), nav.toggle_descending, ["Ctrl+Shift+D"]
        )
        self.descending_action.setCheckable(True)
        cols, text = w.columns, w.text_size
        self.move_left_action = a(
            WindowActionsWords.tr("Move Column &Left"), cols.move_current_left, ["Alt+Shift+Left"]
        )
        self.move_right_action = a(
            WindowActionsWords.tr("Move Column &Right"),
            cols.move_current_right,
            ["Alt+Shift+Right"],
        )
        self.reset_columns_action = a(
            WindowActionsWords.tr("Reset &Columns"), cols.reset_columns, []
        )
        self.larger_text_action = a(
            WindowActionsWords.tr("&Larger Text"), text.larger, ["Ctrl++", "Ctrl+="]
        )
        self.smaller_text_action = a(
            WindowActionsWords.tr("S&maller Text"), text.smaller, ["Ctrl+-"]
        )
        self.normal_text_action = a(
            WindowActionsWords.tr("&Normal Text Size"), text.normal, ["Ctrl+0"]
        )
        self.shortcuts_action = a(
            WindowActionsWords.tr("&Keyboard Shortcuts"), w.show_shortcuts, ["F1"]
        )
        self.about_action = a(WindowActionsWords.tr("&About Hero Desktop"), w.about, [])
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
        undo_text = _ActionText(self.undo_action, stack, WindowActionsWords.tr("&Undo"), undo=True)
        redo_text = _ActionText(self.redo_action, stack, WindowActionsWords.tr("&Redo"), undo=False)
        stack.undoTextChanged.connect(undo_text.name)
        stack.redoTextChanged.connect(redo_text.name)

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
        file_menu = bar.addMenu(WindowActionsWords.tr("&File"))
        file_menu.addActions([self.new_action, self.open_action, self.connect_action])
        self.recent_menu = file_menu.addMenu(WindowActionsWords.tr("Open &Recent"))
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(WindowActionsWords.tr("&Edit"))
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
        view_menu = bar.addMenu(WindowActionsWords.tr("&View"))
        sort_menu = view_menu.addMenu(WindowActionsWords.tr("Sort &By"))
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
        go_menu = bar.addMenu(WindowActionsWords.tr("&Go"))
        go_menu.addActions([self.go_to_action, self.page_number_action])
        go_menu.addSeparator()
        go_menu.addActions(
            [self.first_action, self.previous_action, self.next_action, self.last_action]
        )
        help_menu = bar.addMenu(WindowActionsWords.tr("&Help"))
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
        rows += [
            (WindowActionsWords.tr("Edit cell: commit / cancel"),
             WindowActionsWords.tr("Enter or Tab / Esc")),
            (WindowActionsWords.tr("Select a rectangle of cells / add a cell"),
             WindowActionsWords.tr("Shift+arrows / Ctrl+click")),
            (WindowActionsWords.tr("Clear search, back to where you were"),
             WindowActionsWords.tr("Esc (in the search box)")),
            (WindowActionsWords.tr("Search now and go to the results"),
             WindowActionsWords.tr("Enter, Down (in the search box)")),
            (WindowActionsWords.tr("Page number field: go to the page / leave it"),
             WindowActionsWords.tr("Enter / Esc")),
            (WindowActionsWords.tr("Stop waiting for another program's lock"),
             WindowActionsWords.tr("Esc (while it waits)")),
            (WindowActionsWords.tr("Columns menu (show, hide, move, reset)"),
             WindowActionsWords.tr("{keys} (in the table)").format(
                keys=", ".join(
                    QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
                    for key in MENU_KEYS
                )
            )),
        ]  # fmt: skip
        return rows


@runtime_checkable
class NamedCommand(Protocol):
    """A command of the undo stack that names its own undo and redo, as whole menu texts."""

    def menu_text(self, undo: bool) -> str: ...  # "&Undo Add Tom&&Jerry" (names ``literal``)


class _ActionText(QObject):
    """Names in its action's text what the action would act on ("&Undo Add Hero").

    The command says the whole sentence (``empty`` when there is none). A child of the
    action: when the action goes, so does it, and with it the connection (the undo
    stack may outlive the menus while a window is torn down).
    """

    def __init__(self, action: QAction, stack: QUndoStack, empty: str, *, undo: bool) -> None:
        super().__init__(action)
        self._action, self._stack, self._empty, self._undo = action, stack, empty, undo

    @Slot(str)
    def name(self, _what: str) -> None:
        stack = self._stack
        position = stack.index() - 1 if self._undo else stack.index()
        command = stack.command(position) if 0 <= position < stack.count() else None
        named = command if isinstance(command, NamedCommand) else None
        self._action.setText(named.menu_text(self._undo) if named is not None else self._empty)


def read_only_sentence(database: str, verb: str) -> str:
    """Why a key does nothing on a read-only file: heroes cannot be ``verb`` ("added", ...)."""
    sentences = (
        WindowActionsWords.tr("{database} is open read-only, so heroes cannot be added."),
        WindowActionsWords.tr("{database} is open read-only, so heroes cannot be deleted."),
        WindowActionsWords.tr("{database} is open read-only, so heroes cannot be edited."),
        WindowActionsWords.tr("{database} is open read-only, so heroes cannot be imported."),
        WindowActionsWords.tr("{database} is open read-only, so heroes cannot be changed."),
    )
    verbs = ("added", "deleted", "edited", "imported", "changed")
    by_verb = dict(zip(verbs, sentences, strict=True))
    return by_verb.get(verb, sentences[-1]).format(database=database)


def _walk(actions: list[QAction]) -> list[QAction]:
    found: list[QAction] = []
    for action in actions:
        menu = action.menu()
        if isinstance(menu, QMenu):
            found.extend(_walk(menu.actions()))
        elif not action.isSeparator():
            found.append(action)
    return found
