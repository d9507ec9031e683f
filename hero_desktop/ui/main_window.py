"""The main window: the paged hero table, its menus, and the one change path.

Every change runs through ``_change``: it applies an undoable command (which
calls the repository), turns failures into a message in the window, asks the
user when another program changed the same hero, and then shows the result.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from hero_desktop.data.errors import (
    ConflictError,
    DatabaseBusyError,
    HeroError,
    HeroNotFoundError,
    InvalidHeroError,
)
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import HeroCreate, HeroRow, validate_update
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.ui.commands import (
    AddHeroCommand,
    DeleteHeroesCommand,
    EditHeroCommand,
    HeroCommand,
    HeroUndoStack,
)
from hero_desktop.ui.csv_transfer import CsvTransfer
from hero_desktop.ui.hero_table_model import COLUMNS, SORTABLE, HeroTableModel
from hero_desktop.ui.index_offer_bar import IndexOfferBar
from hero_desktop.ui.pager_bar import PagerBar
from hero_desktop.ui.prompts import Prompts
from hero_desktop.ui.search_bar import SearchBar
from hero_desktop.ui.shortcuts_dialog import ShortcutsDialog

POLL_INTERVAL_MS = 500
NAME_COLUMN = COLUMNS.index("name")


class MainWindow(QMainWindow):
    """A window on one hero database."""

    openRequested = Signal(str)  # noqa: N815 - a database path the user chose

    def __init__(
        self,
        repository: HeroRepository,
        settings: QSettings,
        prompts: Prompts | None = None,
    ) -> None:
        super().__init__()
        self.repository = repository
        self.settings = settings
        self.prompts = prompts or Prompts(self)
        self.undo_stack = HeroUndoStack(self)
        self.csv = CsvTransfer(self)
        self._integrity: Future[str | None] | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hero-check")
        self._before_search: tuple[int, int | None] | None = None
        self._pending_refresh = False

        self.setWindowTitle(f"{repository.database.path.name} — Hero Desktop")
        self.message_bar = QLabel()
        self.message_bar.setObjectName("messageBar")
        self.message_bar.setWordWrap(True)
        self.message_bar.setStyleSheet(
            "QLabel { background: #fdecea; color: #611a15; padding: 6px; border-radius: 3px; }"
        )
        self.message_bar.hide()
        self.read_only_banner = QLabel(
            "Read-only: this database cannot be written, so editing is turned off."
        )
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setStyleSheet(
            "QLabel { background: #fff4e5; color: #663c00; padding: 6px; border-radius: 3px; }"
        )
        self.read_only_banner.setVisible(repository.read_only)

        page_size = _int(settings.value("page_size", 100), 100)
        self.model = HeroTableModel(repository, page_size)
        self.model.edit_handler = self._edit_cell
        self.model.set_secrets_visible(_bool(settings.value("show_secrets", False)))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setTabKeyNavigation(True)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionClicked.connect(self._header_clicked)
        # Enter edits the current cell, like F2 (the view only emits activated for it).
        self.table.activated.connect(lambda _index: self._edit_current())
        self.table.verticalHeader().setDefaultSectionSize(24)

        self.search_bar = SearchBar()
        self.search_bar.changed.connect(self._search_changed)
        escape = QShortcut(QKeySequence("Esc"), self.search_bar)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.clear_search)
        self.pager = PagerBar()
        self.pager.pageRequested.connect(self.go_to_page)
        self.pager.pageSizeChosen.connect(self._page_size_chosen)
        self.model.pageChanged.connect(self._show_page_state)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.message_bar)
        self.index_offer = IndexOfferBar(self)
        layout.addWidget(self.index_offer)
        layout.addWidget(self.search_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.pager)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_menus()
        self._restore_settings()
        self._set_editable(not repository.read_only)
        self._attempt(lambda: self.model.load(page=0))
        self._select(0, NAME_COLUMN)
        self.table.setFocus()

        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(POLL_INTERVAL_MS)
        self._poll_timer.timeout.connect(self._poll)
        self._poll_timer.start()
        self._integrity = self._executor.submit(repository.database.check_integrity)

    # -- actions and menus ---------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[..., Any],
        shortcuts: list[QKeySequence | QKeySequence.StandardKey | str] | None = None,
        *,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        keys: list[QKeySequence] = []
        for shortcut in shortcuts or []:
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
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.new_action = a("&New Database…", self._new_database, ["Ctrl+Shift+N"])
        self.open_action = a("&Open Database…", self._open_database, ["Ctrl+O"])
        self.import_action = a("&Import CSV…", self.import_csv, ["Ctrl+I"])
        self.export_action = a("&Export CSV…", self.export_csv, ["Ctrl+E"])
        self.quit_action = a("&Quit", self.close, ["Ctrl+Q"])
        self.undo_action = a("&Undo", self.undo, ["Ctrl+Z"])
        self.redo_action = a("&Redo", self.redo, ["Ctrl+Shift+Z", "Ctrl+Y"])
        self.add_action = a("&Add Hero…", self.add_hero, ["Ctrl+N", "Ins"])
        self.delete_action = a("&Delete Heroes…", self.delete_selected, ["Del"])
        self.edit_action = a("&Edit Cell", self._edit_current, ["F2"])
        self.find_action = a("&Find…", self._focus_search, ["Ctrl+F"])
        self.clear_search_action = a("&Clear Search", self.clear_search, [])
        self.go_to_action = a("&Go to Hero…", self.go_to_hero, ["Ctrl+G"])
        self.next_action = a(
            "&Next Page", lambda: self.go_to_page(self.model.page + 1), ["Ctrl+PgDown"]
        )
        self.previous_action = a(
            "&Previous Page", lambda: self.go_to_page(self.model.page - 1), ["Ctrl+PgUp"]
        )
        self.first_action = a("&First Page", lambda: self.go_to_page(0), ["Alt+Home"])
        self.last_action = a(
            "&Last Page", lambda: self.go_to_page(self.model.page_count - 1), ["Alt+End"]
        )
        self.page_number_action = a("Page &Number…", self._focus_page_number, ["Ctrl+L"])
        self.show_secrets_action = a(
            "Show &Secret Names", self._show_secrets, ["Ctrl+Shift+S"], checkable=True
        )
        self.sort_actions = {
            SortKey.ID: a("Sort by &ID", lambda: self.sort_by(SortKey.ID), ["Ctrl+1"]),
            SortKey.NAME: a("Sort by &Name", lambda: self.sort_by(SortKey.NAME), ["Ctrl+2"]),
            SortKey.AGE: a("Sort by &Age", lambda: self.sort_by(SortKey.AGE), ["Ctrl+3"]),
        }
        for action in self.sort_actions.values():
            action.setCheckable(True)
        self.descending_action = a("&Descending", self._toggle_descending, ["Ctrl+Shift+D"])
        self.descending_action.setCheckable(True)
        self.shortcuts_action = a("&Keyboard Shortcuts", self._show_shortcuts, ["F1"])
        self.about_action = a("&About Hero Desktop", self._about, [])
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: self.undo_action.setText(f"&Undo {text}".strip())
        )
        self.undo_stack.redoTextChanged.connect(
            lambda text: self.redo_action.setText(f"&Redo {text}".strip())
        )
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.show_secrets_action.blockSignals(True)
        self.show_secrets_action.setChecked(self.model.secrets_visible)
        self.show_secrets_action.blockSignals(False)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.file_menu = file_menu
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.add_action, self.edit_action, self.delete_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.clear_search_action])
        view_menu = bar.addMenu("&View")
        sort_menu = view_menu.addMenu("Sort &By")
        sort_menu.addActions(list(self.sort_actions.values()))
        sort_menu.addSeparator()
        sort_menu.addAction(self.descending_action)
        view_menu.addAction(self.show_secrets_action)
        go_menu = bar.addMenu("&Go")
        go_menu.addActions([self.go_to_action, self.page_number_action])
        go_menu.addSeparator()
        go_menu.addActions(
            [self.first_action, self.previous_action, self.next_action, self.last_action]
        )
        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.shortcuts_action, self.about_action])
        self._update_recent_menu()

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """Every menu action and its shortcuts, as the Help dialog lists them."""
        rows: list[tuple[str, str]] = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            if not isinstance(menu, QMenu):
                continue
            for action in _walk(menu.actions()):
                keys = ", ".join(
                    k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
                )
                if keys:
                    rows.append((action.text().replace("&", "").split("\t")[0], keys))
        rows.append(("Edit cell: commit / cancel", "Enter or Tab / Esc"))
        rows.append(("Clear search, back to where you were", "Esc (in the search box)"))
        return rows

    # -- showing state -------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.message_bar.setText(text)
        self.message_bar.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_message("")

    def _show_page_state(self) -> None:
        model = self.model
        self.pager.show_state(model.page, model.page_count, model.page_size, model.status_text())
        query = model.query
        self.search_bar.matches.setText(
            f"{model.total:,} match{'es' if model.total != 1 else ''}" if query.is_filtered else ""
        )
        section = {SortKey.ID: 0, SortKey.NAME: 1, SortKey.AGE: 2}[query.sort]
        order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(section, order)
        for key, action in self.sort_actions.items():
            action.setChecked(key is query.sort)
        self.descending_action.setChecked(query.descending)

    def _set_editable(self, editable: bool) -> None:
        self.model.set_read_only(not editable)
        for action in (self.add_action, self.delete_action, self.edit_action, self.import_action):
            action.setEnabled(editable)
        self.read_only_banner.setVisible(not editable)

    # -- the one change path -------------------------------------------------

    def _attempt(self, work: Callable[[], Any]) -> bool:
        """Run ``work``; show a failure as a message in the window. True if it worked."""
        try:
            work()
        except HeroError as error:
            self.show_message(error.message)
            if isinstance(error, HeroNotFoundError):
                self.refresh()
            return False
        return True

    def _change(
        self, work: Callable[[bool], HeroCommand | None], describe: str, mine: dict[str, object]
    ) -> HeroCommand | None:
        """Apply a change; ask before overwriting what another program wrote."""
        try:
            return work(False)
        except ConflictError as conflict:
            if not self.prompts.overwrite_conflict(describe, mine, conflict.current):
                self.show_message("Kept the values another program wrote; nothing was changed.")
                self.refresh()
                return None
            return work(True)

    def _after_change(self, command: HeroCommand | None, column: int | None = None) -> None:
        self.clear_message()
        if command is not None and command.changed_ids:
            self.show_hero(command.changed_ids[0], column, missing_ok=True)
        else:
            self.refresh()

    # -- adding, editing, deleting ---------------------------------------------

    def add_hero(self) -> None:
        if self.repository.read_only:
            return

        def save(values: HeroCreate) -> str | None:
            command = AddHeroCommand(self.repository, values)
            try:
                self.undo_stack.run(command)
            except HeroError as error:
                return error.message
            self._after_change(command, NAME_COLUMN)
            return None

        self.prompts.add_hero(save)
        self._reactivate()

    def _edit_cell(self, hero: HeroRow, field: str, value: object) -> HeroRow | None:
        """The table model's edit path: validate, then one undoable command."""
        try:
            changes = validate_update({field: value})
        except InvalidHeroError as error:
            self.show_message(next(iter(error.messages.values())))
            return None
        new_value = getattr(changes, field)
        if new_value == getattr(hero, field):
            return hero
        command = EditHeroCommand(self.repository, hero, field, new_value)
        try:
            self.undo_stack.run(command)
        except ConflictError as conflict:
            # No modal dialog inside setData: answer the conflict on the next turn.
            current = conflict.current
            QTimer.singleShot(0, lambda: self._resolve_edit_conflict(command, current))
            return conflict.current
        except DatabaseBusyError as error:
            self.show_message(error.message + " Your edit is still in the cell: press Enter.")
            QTimer.singleShot(0, lambda: self._reopen_editor(hero.id, field, str(value)))
            return None
        except HeroError as error:
            self.show_message(error.message)
            if isinstance(error, HeroNotFoundError):
                QTimer.singleShot(0, self.refresh)
            return None
        self.clear_message()
        return command.after

    def _resolve_edit_conflict(self, command: EditHeroCommand, current: HeroRow) -> None:
        mine = {command.field: command.value}
        if not self.prompts.overwrite_conflict("Your edit", mine, current):
            self.show_message("Kept the values another program wrote; your edit was not saved.")
            return
        command.force = True
        if self._attempt(lambda: self.undo_stack.run(command)):
            command.force = False
            self._after_change(command, COLUMNS.index(command.field))
        self._reactivate()

    def _reopen_editor(self, hero_id: int, field: str, text: str) -> None:
        row = self.model.row_of(hero_id)
        if row is None:
            return
        index = self.model.index(row, COLUMNS.index(field))
        self.table.setCurrentIndex(index)
        self.table.edit(index)
        editor = self.table.indexWidget(index) or self.table.focusWidget()
        if editor is not None and hasattr(editor, "setText"):
            editor.setText(text)

    def _edit_current(self) -> None:
        # Only editable cells: QAbstractItemView.edit() warns on the others (the id).
        index = self.table.currentIndex()
        if index.isValid() and self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.table.edit(index)

    def selected_heroes(self) -> list[HeroRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [self.model.hero_at(row) for row in rows]

    def delete_selected(self) -> None:
        heroes = self.selected_heroes()
        if not heroes or self.repository.read_only:
            return
        confirmed = self.prompts.confirm_delete(heroes)
        self._reactivate()
        if not confirmed:
            return
        row = self.table.currentIndex().row()

        def delete(force: bool) -> HeroCommand:
            command = DeleteHeroesCommand(self.repository, heroes)
            command.force = force
            self.undo_stack.run(command)
            return command

        names = ", ".join(hero.name for hero in heroes[:3])
        mine: dict[str, object] = {"name": names, "age": "(deleted)"}
        done: list[HeroCommand | None] = []
        # None: the user kept another program's values; keep the message saying so.
        if self._attempt(lambda: done.append(self._change(delete, "Deleting", mine))) and done[0]:
            self.clear_message()
            self.refresh(keep_row=row)

    def undo(self) -> None:
        self._step(self.undo_stack.run_undo, "Undo")

    def redo(self) -> None:
        self._step(self.undo_stack.run_redo, "Redo")

    def _step(self, step: Callable[[bool], HeroCommand | None], label: str) -> None:
        done: list[HeroCommand | None] = []
        pending = (
            self.undo_stack.pending_undo() if label == "Undo" else self.undo_stack.pending_redo()
        )
        mine: dict[str, object] = {"change": pending.text() if pending else ""}
        # done[0] is None when there was nothing to do or the user kept another
        # program's values (the message saying so stays).
        if self._attempt(lambda: done.append(self._change(step, label, mine))) and done[0]:
            # Undoing an edit puts the cursor back on the cell that changed.
            edited = done[0].field if isinstance(done[0], EditHeroCommand) else None
            self._after_change(done[0], COLUMNS.index(edited) if edited else None)
        self._reactivate()

    # -- navigation ----------------------------------------------------------

    def refresh(self, keep_row: int | None = None) -> None:
        """Reload the current page from the file, keeping the current hero if it is there."""
        if self.table.state() == QAbstractItemView.State.EditingState:
            self._pending_refresh = True  # never close an editor the user is typing in
            return
        self._pending_refresh = False
        index = self.table.currentIndex()
        hero_id = self.model.hero_at(index.row()).id if index.isValid() else None
        column = index.column() if index.isValid() else NAME_COLUMN
        selected = {hero.id for hero in self.selected_heroes()}
        if not self._attempt(self.model.load):
            return
        row = self.model.row_of(hero_id) if hero_id is not None else None
        if row is None:
            row = min(keep_row if keep_row is not None else 0, self.model.rowCount() - 1)
        self._select(row, column, {self.model.row_of(i) for i in selected} - {None})

    def show_hero(self, hero_id: int, column: int | None = None, missing_ok: bool = False) -> bool:
        """Go to the page that shows ``hero_id`` and make it current."""
        page: list[int | None] = []
        if not self._attempt(lambda: page.append(self.model.page_of(hero_id))):
            return False
        if page[0] is None:
            if not missing_ok:
                return False
            self.refresh()
            return False
        if not self._attempt(lambda: self.model.load(page=page[0])):
            return False
        row = self.model.row_of(hero_id)
        self._select(row if row is not None else 0, NAME_COLUMN if column is None else column)
        return True

    def go_to_page(self, page: int) -> None:
        if self._attempt(lambda: self.model.load(page=page)):
            self._select(0, self.table.currentIndex().column())

    def go_to_hero(self) -> None:
        answer = self.prompts.hero_id()
        self._reactivate()
        if answer is None:
            return
        text = answer.strip()
        if not (text.isascii() and text.isdigit()):
            self.show_message("A hero id is a whole number, such as 42.")
            return
        hero_id = int(text)
        try:
            self.repository.get(hero_id)
        except HeroError as error:
            self.show_message(error.message)
            return
        if not self.show_hero(hero_id) and self.model.query.is_filtered:
            # The hero exists but the search hides it: show it without the search.
            self.search_bar.clear()
            self._attempt(lambda: self.model.load(query=self._query_from_search()))
            self.show_hero(hero_id)
        self.clear_message()

    def _select(self, row: int, column: int, extra_rows: set[int | None] | None = None) -> None:
        if self.model.rowCount() == 0:
            return
        row = max(0, min(row, self.model.rowCount() - 1))
        column = column if column >= 0 else NAME_COLUMN
        selection = self.table.selectionModel()
        index = self.model.index(row, column)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        for other in extra_rows or set():
            if other is not None and other != row:
                selection.select(
                    self.model.index(other, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        self.table.scrollTo(index)

    def _page_size_chosen(self, size: int) -> None:
        first = self.model.first_rank
        if self._attempt(lambda: self.model.load(page=first // size, page_size=size)):
            self.settings.setValue("page_size", size)
            self._select(0, NAME_COLUMN)

    def _focus_page_number(self) -> None:
        self.pager.page_spin.setFocus()
        self.pager.page_spin.selectAll()

    # -- sort and search -----------------------------------------------------

    def sort_by(self, key: SortKey, descending: bool | None = None) -> None:
        query = self.model.query
        if descending is None:
            descending = query.descending
        self._apply_query(_with(query, sort=key, descending=descending))

    def _toggle_descending(self) -> None:
        self.sort_by(self.model.query.sort, not self.model.query.descending)

    def _header_clicked(self, section: int) -> None:
        key = SORTABLE.get(section)
        if key is None:
            self._show_page_state()  # the secret column is not sortable
            return
        query = self.model.query
        self.sort_by(key, not query.descending if key is query.sort else False)

    def _apply_query(self, query: HeroQuery) -> None:
        index = self.table.currentIndex()
        hero_id = self.model.hero_at(index.row()).id if index.isValid() else None
        if not self._attempt(lambda: self.model.load(query=query, page=0)):
            return
        self.settings.setValue("sort", query.sort.value)
        self.settings.setValue("descending", query.descending)
        if hero_id is None or not self.show_hero(hero_id, index.column()):
            self._select(0, NAME_COLUMN)

    def _query_from_search(self) -> HeroQuery:
        age_from, age_to = self.search_bar.age_range()
        return _with(
            self.model.query,
            search=self.search_bar.name_edit.text().strip(),
            age_from=age_from,
            age_to=age_to,
            no_age=self.search_bar.no_age.isChecked(),
        )

    def _search_changed(self) -> None:
        query = self._query_from_search()
        if query.is_filtered and self._before_search is None:
            index = self.table.currentIndex()
            self._before_search = (
                self.model.page,
                self.model.hero_at(index.row()).id if index.isValid() else None,
            )
        if self._attempt(lambda: self.model.load(query=query, page=0)):
            self._select(0, NAME_COLUMN)
        if not query.is_filtered:
            self._before_search = None

    def _focus_search(self) -> None:
        self.search_bar.name_edit.setFocus()
        self.search_bar.name_edit.selectAll()

    def clear_search(self) -> None:
        """Clear the search and go back to the page and hero the user was on."""
        before = self._before_search
        self._before_search = None
        self.search_bar.clear()
        if not self._attempt(lambda: self.model.load(query=self._query_from_search(), page=0)):
            return
        self.table.setFocus()
        if before is not None:
            page, hero_id = before
            if hero_id is not None and self.show_hero(hero_id):
                return
            self.go_to_page(page)
        else:
            self._select(0, NAME_COLUMN)

    # -- view options, files, help -----------------------------------------------

    def _show_secrets(self, visible: bool) -> None:
        self.model.set_secrets_visible(visible)
        self.settings.setValue("show_secrets", visible)

    def _show_shortcuts(self) -> None:
        ShortcutsDialog(self.shortcut_rows(), self).exec()
        self._reactivate()

    def _about(self) -> None:
        from hero_desktop import __version__

        self.prompts.information(
            "About Hero Desktop",
            f"Hero Desktop {__version__}\n\nA keyboard-first roster of heroes.\n"
            f"Database: {self.repository.database.path}",
        )

    def import_csv(self) -> None:
        path = self.prompts.open_path("Import Heroes from CSV", csv=True)
        self._reactivate()
        if path and not self.repository.read_only:
            self.csv.import_file(path)

    def export_csv(self) -> None:
        path = self.prompts.save_path("Export Heroes to CSV", csv=True)
        self._reactivate()
        if path:
            self.csv.export_file(path)

    def _new_database(self) -> None:
        path = self.prompts.save_path("New Hero Database")
        if path:
            self.openRequested.emit(path)

    def _open_database(self) -> None:
        path = self.prompts.open_path("Open Hero Database")
        if path:
            self.openRequested.emit(path)

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in recent_files(self.settings):
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.openRequested.emit(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    # -- live view, settings, closing ----------------------------------------------

    def _poll(self) -> None:
        if self._integrity is not None and self._integrity.done():
            problem = self._integrity.result()
            self._integrity = None
            if problem:
                self.repository.database.read_only = True
                self._set_editable(False)
                self.read_only_banner.setText(
                    f"This database is damaged ({problem}). It is open read-only so that "
                    "nothing makes it worse; restore it from a backup."
                )
        if self._pending_refresh or self._changed_elsewhere():
            self.refresh()

    def _changed_elsewhere(self) -> bool:
        try:
            return self.repository.poll_changes()
        except HeroError:
            return False

    def _restore_settings(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(820, 560)
        header_state = self.settings.value("header")
        if isinstance(header_state, QByteArray):
            self.table.horizontalHeader().restoreState(header_state)
        else:
            for column, width in enumerate((70, 260, 70)):
                self.table.setColumnWidth(column, width)
        try:
            sort = SortKey(str(self.settings.value("sort", SortKey.ID.value)))
        except ValueError:
            sort = SortKey.ID
        descending = _bool(self.settings.value("descending", False))
        self.model.set_query(HeroQuery(sort=sort, descending=descending))

    def save_settings(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("header", self.table.horizontalHeader().saveState())
        self.settings.sync()

    def _reactivate(self) -> None:
        self.activateWindow()
        self.table.setFocus()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        # A cell still being edited is committed: Ctrl+Q must not drop what was typed.
        if self.table.state() == QAbstractItemView.State.EditingState:
            self.table.commitData(self.table.focusWidget())
        self._poll_timer.stop()
        self.csv.cancel_and_wait()
        self.index_offer.cancel_and_wait()
        self.save_settings()
        self._executor.shutdown(wait=True, cancel_futures=True)
        self.repository.database.close()
        super().closeEvent(event)


def recent_files(settings: QSettings) -> list[str]:
    value = settings.value("recent_files", [])
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(item) for item in value]
    return []


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default


def remember_recent(settings: QSettings, path: str, keep: int = 8) -> None:
    files = [path, *(item for item in recent_files(settings) if item != path)]
    settings.setValue("recent_files", files[:keep])


def _bool(value: object) -> bool:
    return value is True or str(value).lower() in ("true", "1")


def _with(query: HeroQuery, **changes: Any) -> HeroQuery:
    return replace(query, **changes)


def _walk(actions: list[QAction]) -> list[QAction]:
    found: list[QAction] = []
    for action in actions:
        menu = action.menu()
        if isinstance(menu, QMenu):
            found.extend(_walk(menu.actions()))
        elif not action.isSeparator():
            found.append(action)
    return found
