"""The main window: the paged hero table and what surrounds it, on one database.

The window lays out its parts and hands the user's requests to them: the
data worker (``DataClient``) reads, the change runner writes, the table
navigator decides which page is shown, the live view watches other programs.
The window itself never waits on the database: it asks, and shows the answer
when it comes. The file opens in the worker, so the window appears at once.

It is built in two steps. What the first page needs on screen (the table,
the search and pager bars, the menus and the status bar) is built at once;
what changes heroes or watches the file (the change runner, editing, CSV,
the live view, the index offer, the dialogs) is imported and built once that
page has been painted (at once for a window not on screen), just before
``ready``. A menu action chosen sooner builds them on the spot.

Why one file of this length: the window is the one place that wires its
parts together (each part lives in a file of its own); what remains here is
layout, the banners, and one short entry point per menu action.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QMainWindow, QVBoxLayout, QWidget

from hero_desktop.data.facts import StoreFacts
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.location import ServerAddress, location_key, location_name
from hero_desktop.data.words import Words
from hero_desktop.ui.cell_selection import NAME_COLUMN
from hero_desktop.ui.column_layout import ColumnLayout
from hero_desktop.ui.count_words import counting_matches
from hero_desktop.ui.data_worker import DataClient
from hero_desktop.ui.hero_table_model import HeroTableModel
from hero_desktop.ui.hero_table_view import HeroTableView
from hero_desktop.ui.message_bar import MessageBar, MessageKind, banner
from hero_desktop.ui.overrides import override
from hero_desktop.ui.page_count import CountFollower
from hero_desktop.ui.pager_bar import PagerBar
from hero_desktop.ui.search_bar import SearchBar
from hero_desktop.ui.service_imports import SERVICE_MODULES, import_in_steps
from hero_desktop.ui.status_area import StatusArea
from hero_desktop.ui.store_sentences import opening_notice, read_only_banner
from hero_desktop.ui.table_navigator import TableNavigator
from hero_desktop.ui.text_size import TextSize
from hero_desktop.ui.window_actions import WindowActions, read_only_sentence
from hero_desktop.ui.window_settings import WindowSettings

if TYPE_CHECKING:
    # Imported once the first page is painted (``WindowServices``); pydantic and SQLModel
    # come later still: the data worker imports them in its thread (``warm_up``).
    from hero_desktop.ui.change_runner import ChangeRunner
    from hero_desktop.ui.csv_transfer import CsvTransfer
    from hero_desktop.ui.hero_editing import HeroEditing
    from hero_desktop.ui.index_offer_bar import IndexOfferBar
    from hero_desktop.ui.live_view import LiveView
    from hero_desktop.ui.prompts import Prompts
    from hero_desktop.ui.window_services import WindowServices

# The data worker warms up (imports pydantic & co., loads the collation table) this
# long after the first page is painted: meanwhile its work would compete with the
# window's for Python's GIL, just when the window appears and the user looks at it.
WARM_UP_AFTER_PAINT_MS = 250


class MainWindowWords(Words):
    """The translation context of the main window's own words."""


class MainWindow(QMainWindow):
    """A window on one hero database."""

    openRequested = Signal(object)  # noqa: N815 - a path, URL or ServerAddress the user chose
    openFailed = Signal(str)  # noqa: N815 - the file could not be opened: why
    ready = Signal()  # the file is open and its first page is shown

    def __init__(
        self,
        location: Path | ServerAddress,
        settings: QSettings,
        prompts: Prompts | None = None,
        *,
        read_only: bool = False,
        client: DataClient | None = None,
    ) -> None:
        super().__init__()
        self.location = location
        self.display_name = location_name(location)
        """How the window names its database: "database.db", "heroes on db.example"."""
        self.settings = WindowSettings(settings)
        self._given_prompts = prompts
        self._services: WindowServices | None = None
        self.facts: StoreFacts | None = None
        """What the data worker said of the open store (None until it is open)."""
        self._damaged = False
        self.is_ready = False
        self.setWindowTitle(
            MainWindowWords.tr("{database} — Hero Desktop").format(database=self.display_name)
        )

        # A client made before the window (app.py) is already opening the database.
        self.client = client or DataClient(location, read_only)
        self.client.setParent(self)
        self.message_bar = MessageBar()
        self.read_only_banner = banner("readOnlyBanner", MessageKind.WARNING)
        self.connection_banner = banner("connectionBanner", MessageKind.ERROR)
        self.model = HeroTableModel(self.settings.page_size)
        self.model.set_query(self.settings.sort)
        self.table = HeroTableView()
        self.table.setModel(self.model)
        # Enter edits the current cell, like F2 (the view only emits activated for it).
        self.table.activated.connect(lambda _index: self.edit_current())
        self.search_bar = SearchBar()
        self.pager = PagerBar()
        self.navigator = TableNavigator(
            self.client, self.model, self.table, self.search_bar, self.pager,
            self.settings, self.show_message, self,
        )  # fmt: skip
        self.counts = CountFollower(self.client, self.model, self.navigator.page_awaited, self)
        self.columns = ColumnLayout(self.table, self.settings)
        self.text_size = TextSize(self.table, self.settings)
        self.menus = WindowActions(self, self)
        self.status = StatusArea(self.client, self.display_name, self.statusBar(), self)
        self.statusBar().addWidget(self.navigator.cells.count_label)  # "3 cells selected"
        self._connect()
        self._lay_out()
        self._restore_geometry()
        # Until the worker has opened the file, changes are accepted: they queue
        # behind the opening, and a file that turns out read-only refuses them.
        self.menus.set_editable(True)
        self.menus.update_recent_menu(self.settings.recent_files())
        self.table.setFocus()

    def _lay_out(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.connection_banner)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.message_bar.slot)  # (the bar lies over it: the table stays)
        # (the index offer bar goes here, once built: WindowServices)
        layout.addWidget(self.search_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.pager)
        self.setCentralWidget(central)
        self._layout = layout

    def _connect(self) -> None:
        self.client.opened.connect(self._opened)
        self.client.openFailed.connect(self._open_failed)
        self.table.horizontalHeader().sectionClicked.connect(self.navigator.header_clicked)
        self.search_bar.changed.connect(self.navigator.search_changed)
        escape = QShortcut(QKeySequence("Esc"), self.search_bar)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.navigator.clear_search)
        self.pager.pageRequested.connect(self.navigator.go_to_page)
        self.pager.pageSizeChosen.connect(self.navigator.page_size_chosen)
        self.pager.finished.connect(self._back_to_table)
        self.model.pageChanged.connect(self._show_page_state)

    # -- the parts built after the first paint --------------------------------------

    @property
    def services(self) -> WindowServices:
        """The runner, editing, CSV, live view and index offer (built on first need)."""
        return self._services or self._build_services()

    def _build_services(self) -> WindowServices:
        if self._services is None:
            from hero_desktop.ui.window_services import WindowServices

            services = self._services = WindowServices(self, self, self._given_prompts)
            self._layout.insertWidget(self._layout.indexOf(self.search_bar), services.index_offer)
            if self.facts is not None:
                services.start(self.facts)
        return self._services

    @property
    def prompts(self) -> Prompts:
        return self.services.prompts

    @property
    def runner(self) -> ChangeRunner:
        return self.services.runner

    @property
    def editing(self) -> HeroEditing:
        return self.services.editing

    @property
    def csv(self) -> CsvTransfer:
        return self.services.csv

    @property
    def live_view(self) -> LiveView:
        return self.services.live_view

    @property
    def index_offer(self) -> IndexOfferBar:
        return self.services.index_offer

    # -- opening ---------------------------------------------------------------------

    def _opened(self, facts: StoreFacts) -> None:
        self.facts = facts
        self._set_editable(not facts.read_only)
        if facts.read_only:
            self.read_only_banner.setText(read_only_banner(facts))
        elif (notice := opening_notice(facts)) and not facts.name_index_offer:
            # (the offer bar already says it otherwise)
            self.show_message(notice, MessageKind.WARNING)
        # Opened: it joins File → Open Recent, in this window's menu too.
        self.settings.remember_recent(location_key(self.location))
        self.menus.update_recent_menu(self.settings.recent_files())

        def first_page_shown(_view: object) -> None:
            self.navigator.select(0, NAME_COLUMN)
            if self.isVisible():
                self.table.after_next_paint(lambda: import_in_steps(list(SERVICE_MODULES), finish))
            else:
                finish()

        def finish() -> None:
            self._build_services()
            QTimer.singleShot(WARM_UP_AFTER_PAINT_MS, self, self.client.warm_up)
            self.is_ready = True
            self.ready.emit()

        self.navigator.show(page=0, after=first_page_shown)
        if self._services is not None:
            self._services.start(facts)

    def _open_failed(self, message: str) -> None:
        self.show_message(message)
        self.openFailed.emit(message)

    def is_idle(self) -> bool:
        """Nothing asked of the database is still on its way (tests wait for this)."""
        runner_idle = self._services is None or self._services.runner.is_idle()
        return self.client.is_idle() and runner_idle

    @property
    def read_only(self) -> bool:
        return self.facts is not None and (self.facts.read_only or self._damaged)

    # -- showing state ---------------------------------------------------------------

    def show_message(self, text: str, kind: MessageKind = MessageKind.ERROR) -> None:
        """Tell the user something for a few seconds (or until the next success)."""
        self.message_bar.show_message(text, kind)

    def clear_message(self) -> None:
        self.message_bar.clear_message()

    def say_read_only(self, verb: str) -> None:
        self.show_message(read_only_sentence(self.display_name, verb), MessageKind.WARNING)

    def _show_page_state(self) -> None:
        model = self.model
        self.pager.show_state(
            model.page,
            model.page_count,
            model.page_size,
            model.status_text(),
            model.counted,
            about=model.total_is_estimate,
        )
        query = model.query
        if not query.is_filtered:
            matches = ""
        elif not model.counted:
            matches = counting_matches()
        elif model.total_is_estimate:
            matches = MainWindowWords.tr("About %Ln match(es)", "", model.total)
        else:
            matches = MainWindowWords.tr("%Ln match(es)", "", model.total)
        self.search_bar.matches.setText(matches)
        self.navigator.show_sort_state()
        self.menus.show_sort(query.sort, query.descending)
        if model.rowCount():
            self.table.show_placeholder("")
        elif query.is_filtered:
            self.table.show_placeholder(self.search_bar.no_match_hint())
        elif self.read_only:
            self.table.show_placeholder(MainWindowWords.tr("No heroes in this file."))
        else:
            self.table.show_placeholder(
                MainWindowWords.tr("No heroes yet. Press Ctrl+N to add one.")
            )

    def _set_editable(self, editable: bool) -> None:
        self.model.set_read_only(not editable)
        self.menus.set_editable(editable)
        self.read_only_banner.setVisible(not editable and self.facts is not None)

    def show_connection(self, problem: str) -> None:
        """The banner while the server cannot be reached ("" once it is back)."""
        self.connection_banner.setText(problem)
        self.connection_banner.setVisible(bool(problem))

    def damaged(self, problem: str) -> None:
        self._damaged = True  # (the worker's store is told too: nothing writes from now on)
        self.client.ask(_refuse_writes)
        self._set_editable(False)
        self.read_only_banner.setText(
            MainWindowWords.tr(
                "{database} is damaged ({problem}). It is open read-only so that "
                "nothing makes it worse; restore it from a backup."
            ).format(database=self.display_name, problem=problem)
        )

    # -- changing heroes (what HeroEditing does) ------------------------------------

    def add_hero(self) -> None:
        self.editing.add_hero()

    def edit_current(self) -> None:
        self.editing.edit_current()

    def delete_selected(self) -> None:
        self.editing.delete_selected()

    def undo(self) -> None:
        self.runner.undo()

    def redo(self) -> None:
        self.runner.redo()

    # -- the rest of the menus ---------------------------------------------------------

    def focus_search(self) -> None:
        self.search_bar.name_edit.setFocus()
        self.search_bar.name_edit.selectAll()

    def focus_page_number(self) -> None:
        self.pager.page_spin.setFocus()
        self.pager.page_spin.selectAll()

    def _back_to_table(self) -> None:
        """The keyboard returns to the table from a field outside it (Enter or Esc)."""
        self.table.setFocus()
        if not self.table.currentIndex().isValid():
            self.navigator.select(0, NAME_COLUMN)

    def go_to_hero(self) -> None:
        self.prompts.go_to_hero(self.navigator.find_hero)
        self.reactivate()

    def show_secrets(self, visible: bool) -> None:
        self.model.set_secrets_visible(visible)
        self.clear_message()

    def show_shortcuts(self) -> None:
        from hero_desktop.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.menus.shortcut_rows(), self).exec()
        self.reactivate()

    def about(self) -> None:
        from hero_desktop import __version__

        self.prompts.information(
            MainWindowWords.tr("About Hero Desktop"),
            MainWindowWords.tr(
                "Hero Desktop {version}\n\nA keyboard-first roster of heroes.\nDatabase: {database}"
            ).format(version=__version__, database=location_key(self.location)),
        )

    def import_csv(self) -> None:
        if self.read_only:
            self.say_read_only("imported")
            return
        path = self.prompts.open_path(MainWindowWords.tr("Import Heroes from CSV"), csv=True)
        self.reactivate()
        if path:
            self.csv.import_file(path)

    def export_csv(self) -> None:
        path = self.prompts.save_path(MainWindowWords.tr("Export Heroes to CSV"), csv=True)
        self.reactivate()
        if path:
            self.csv.export_file(path, self.model.query)

    def new_database(self) -> None:
        path = self.prompts.save_path(MainWindowWords.tr("New Hero Database"))
        if path:
            self.openRequested.emit(path)

    def open_database(self) -> None:
        path = self.prompts.open_path(MainWindowWords.tr("Open Hero Database"))
        if path:
            self.openRequested.emit(path)

    def connect_to_server(self) -> None:
        """File → Connect to Server…: a PostgreSQL database in a window of its own."""
        # The server shown, or else the last one used; never with a password typed earlier.
        shown = self.location if isinstance(self.location, ServerAddress) else None
        current = shown or self.settings.last_server()
        address = self.prompts.server_address(current and replace(current, password=None))
        self.reactivate()
        if address is not None:
            self.openRequested.emit(address)

    # -- closing ---------------------------------------------------------------------

    def save_settings(self) -> None:
        self.settings.store.setValue("geometry", self.saveGeometry())
        self.columns.save()
        self.settings.sync()

    def _restore_geometry(self) -> None:
        geometry = self.settings.bytes_value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(820, 560)

    def reactivate(self) -> None:
        self.activateWindow()
        self.table.setFocus()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        # A cell still being edited is committed: Ctrl+Q must not drop what was typed.
        if self.table.state() == QAbstractItemView.State.EditingState:
            self.table.commitData(self.table.focusWidget())
        if self._services is not None and not self._services.may_close():
            event.ignore()
            return
        if self._services is not None:
            self._services.stop()
        self.save_settings()
        self.client.close()  # at once: the worker finishes on its own (DataClient.close)
        super().closeEvent(event)


def _refuse_writes(repository: HeroRepository) -> None:
    """In the data worker: a damaged file is written no more."""
    repository.store.read_only = True
