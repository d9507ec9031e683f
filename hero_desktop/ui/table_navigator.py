"""Which page the table shows: paging, go to hero, sort, search, and the selection.

Every move asks the data worker for one ``PageView`` (a view request, so a
newer move replaces an older one still on its way) and shows it when it
arrives; the current hero and the selected cells are kept across refreshes
(the selection itself is ``cell_selection.CellSelection``).

Why one file of this length: every way of moving (a page key, Go to Hero,
a sort, a search, a refresh, a change's answer) asks for the same kind of
page and keeps the same cursor; split, the halves would share all of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView

from hero_desktop.data.errors import HeroError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.rows import HeroRow
from hero_desktop.data.views import LAST_PAGE, PageRequest, PageView, read_page
from hero_desktop.data.words import Words
from hero_desktop.ui.cell_selection import NAME_COLUMN, CellSelection
from hero_desktop.ui.data_worker import DataClient
from hero_desktop.ui.hero_table_model import COLUMNS, SORTABLE, HeroTableModel
from hero_desktop.ui.hero_table_view import HeroTableView
from hero_desktop.ui.pager_bar import PagerBar
from hero_desktop.ui.search_bar import SearchBar
from hero_desktop.ui.window_settings import WindowSettings

if TYPE_CHECKING:
    from hero_desktop.data.operations import ChangeSummary

Reply = Callable[[str | None], None]


class TableNavigatorWords(Words):
    """The translation context of what moving through the table says."""


class TableNavigator(QObject):
    def __init__(
        self,
        client: DataClient,
        model: HeroTableModel,
        table: HeroTableView,
        search_bar: SearchBar,
        pager: PagerBar,
        settings: WindowSettings,
        show_message: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.model = model
        self.table = table
        self.search_bar = search_bar
        self.pager = pager
        self.settings = settings
        self.show_message = show_message
        self.pending_refresh = False
        """A refresh held back while a cell editor was open: done when the editor closes."""
        self._awaiting: object | None = None
        """The newest page asked for and not yet shown (a refresh waits for it)."""
        self._held: Callable[[], None] | None = None
        """A move whose page would have moved the open editor: made again when it closes."""
        self._before_search: tuple[int, int | None] | None = None
        self._asked_query: HeroQuery = model.query
        """The query of the newest page asked for (shown once its answer comes)."""
        self.cells = CellSelection(model, table, self)
        """The selected cells, rows, columns or whole view (Copy and Delete read it)."""
        table.itemDelegate().closeEditor.connect(self._editor_closed)
        search_bar.toResults.connect(table.setFocus)

    # -- asking for pages ------------------------------------------------------------

    def show(
        self,
        query: HeroQuery | None = None,
        page: int | None = None,
        *,
        page_size: int | None = None,
        focus_id: int | None = None,
        after: Callable[[PageView], None] | None = None,
    ) -> None:
        # A move made before the last search's answer has come applies to that
        # search, not to the page still shown.
        if query is not None:
            self._asked_query = query
        wanted = self.model.page if page is None else page
        request = PageRequest(
            self._asked_query,
            wanted,
            page_size or self.model.page_size,
            focus_id,
            # The last page needs the count; any other may come before it.
            count_later=focus_id is None and wanted != LAST_PAGE,
        )

        def shown(view: PageView) -> None:
            if self._editing() and not self.model.same_hero_at(view, self._editor_row()):
                # Never move an open editor to another hero, nor drop what it holds:
                # the move is made again once the editor closes.
                self._held = lambda: self.show(
                    request.query,
                    request.page,
                    page_size=request.page_size,
                    focus_id=request.focus_id,
                    after=after,
                )
                return
            self.model.show_view(view)
            if after is not None:
                after(view)

        read_ahead = self.client.take_first_view()
        if read_ahead is not None and self._read_for(read_ahead, request):
            shown(read_ahead)
            return
        self._ask_view(request, shown)

    def _ask_view(
        self,
        work: PageRequest | Callable[[HeroRepository], PageView],
        shown: Callable[[PageView], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Ask for a page (it replaces any page asked before); a refresh owed meanwhile
        is made once it has been shown."""
        token = object()
        self._awaiting = token
        read: Callable[[HeroRepository], PageView]
        if isinstance(work, PageRequest):
            request = work
            read = lambda repository: read_page(repository, request)  # noqa: E731
        else:
            read = work

        def answered(view: PageView) -> None:
            if self._awaiting is token:
                self._awaiting = None
            shown(view)
            if self.pending_refresh and self._awaiting is None and not self._editing():
                QTimer.singleShot(0, self, self._refresh_if_pending)

        def gave_up(error: BaseException) -> None:
            if self._awaiting is token:
                self._awaiting = None
            (failed or self._failed)(error)

        self.client.ask(read, answered, gave_up, view=True)

    def _read_for(self, view: PageView, request: PageRequest) -> bool:
        """Whether ``view`` answers ``request``, with nothing newer asked meanwhile."""
        return (
            self.client.is_idle()
            and request.focus_id is None
            and (view.query, view.page, view.page_size)
            == (request.query, request.page, request.page_size)
        )

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, HeroError):
            self.show_message(error.message)

    def refresh(self, keep_row: int | None = None) -> None:
        """Read the shown page again, keeping the current and selected heroes where they are.

        With a cell editor open the page is read too, and shown in place if the
        edited hero stays on its row (the editor keeps what was typed); else it
        is held back until the editor closes.
        """
        if self._awaiting is not None:
            self.pending_refresh = True  # a page is on its way: read again once it is shown
            return
        if self._editing():
            self._refresh_around_editor()
            return
        self.pending_refresh = False
        hero = self.current_hero()
        column = self.table.currentIndex().column()
        kept = self.cells.kept()

        def keep(view: PageView) -> None:
            row = self.model.row_of(hero.id) if hero is not None else None
            if row is None:
                row = min(keep_row if keep_row is not None else 0, self.model.rowCount() - 1)
            self.cells.put_back(kept, row, column)

        self.show(after=keep)

    def _refresh_around_editor(self) -> None:
        if self._awaiting is not None:
            self.pending_refresh = True
            return
        request = PageRequest(self.model.query, self.model.page, self.model.page_size)

        def shown(view: PageView) -> None:
            row = self._editor_row()
            if not self._editing():
                self.refresh(keep_row=row)
            elif self.model.same_hero_at(view, row):
                self.model.show_view(view)
            else:
                self.pending_refresh = True  # shown when the editor closes

        self._ask_view(request, shown)

    def _editing(self) -> bool:
        return self.table.state() == QAbstractItemView.State.EditingState

    def _editor_row(self) -> int:
        return self.table.currentIndex().row()

    def _editor_closed(self, *_: object) -> None:
        if self._held is not None:
            held, self._held = self._held, None
            QTimer.singleShot(0, self, held)
        if self.pending_refresh:
            # After the view has left its editing state (it handles closeEditor too).
            QTimer.singleShot(0, self, self._refresh_if_pending)

    def _refresh_if_pending(self) -> None:
        if self.pending_refresh:
            self.refresh(keep_row=self.table.currentIndex().row())

    def after_change(self, summary: ChangeSummary) -> None:
        """Show what a change did: the changed row in place, the hero it added, or the same place.

        An edit that cannot move its hero (the page is not sorted or filtered by
        the edited field) changes that one row and nothing else: the current
        cell, the selection and the scroll position stay.
        """
        in_place = all(self.model.row_of(hero.id) is not None for hero in summary.rows)
        if summary.rows and in_place and not self._moves_rows(summary.field):
            for hero in summary.rows:
                self.model.replace_row(hero)
        elif self._editing():
            self._refresh_around_editor()
        elif summary.shown_id is not None:
            column = COLUMNS.index(summary.field) if summary.field else NAME_COLUMN
            self.show_hero(summary.shown_id, column)
        else:
            self.refresh(keep_row=self.table.currentIndex().row())

    def _moves_rows(self, field: str | None) -> bool:
        """Whether a change of ``field`` may move heroes in or out of the page, or within it."""
        query = self.model.query
        if field is None:
            return True
        if field == "name":
            return query.sort is SortKey.NAME or bool(query.search)
        if field == "age":
            return (
                query.sort is SortKey.AGE
                or query.age_from is not None
                or (query.age_to is not None or query.no_age)
            )
        return False

    def show_hero(self, hero_id: int, column: int | None = None) -> None:
        """Go to the page that shows ``hero_id`` and make it current."""

        def select(view: PageView) -> None:
            row = view.focus_row if view.focus_row is not None else 0
            self.select(row, NAME_COLUMN if column is None else column)

        self.show(focus_id=hero_id, after=select)

    def go_to_page(self, page: int) -> None:
        column = self.table.currentIndex().column()
        self.show(page=page, after=lambda _view: self.select(0, column))

    def go_to_last_page(self) -> None:
        """The last page, also while the count is coming or only estimated (the worker
        then counts first)."""
        self.go_to_page(self.model.last_page)

    def page_awaited(self) -> bool:
        """A page asked for is still on its way (a count asked now would replace it)."""
        return self._awaiting is not None

    def find_hero(self, typed: str, reply: Reply) -> None:
        """Go to the hero whose id was typed; ``reply`` gets None, or what was wrong."""
        text = typed.strip()
        if not (text.isascii() and text.isdigit()):
            reply(TableNavigatorWords.tr("A hero id is a whole number, such as 42."))
            return
        hero_id = int(text)
        query, size = self._asked_query, self.model.page_size

        def find(repository: HeroRepository) -> PageView:
            repository.get(hero_id)  # "Hero not found"
            view = read_page(repository, PageRequest(query, 0, size, hero_id))
            if view.focus_row is None and query.is_filtered:
                # The search hides the hero: show it without the search.
                unfiltered = HeroQuery(sort=query.sort, descending=query.descending)
                view = read_page(repository, PageRequest(unfiltered, 0, size, hero_id))
            return view

        def found(view: PageView) -> None:
            self._asked_query = view.query
            if not view.query.is_filtered and self.model.query.is_filtered:
                self.search_bar.clear()
                self._before_search = None
            self.model.show_view(view)
            self.select(view.focus_row or 0, NAME_COLUMN)
            reply(None)

        def failed(error: BaseException) -> None:
            reply(error.message if isinstance(error, HeroError) else str(error))

        self._ask_view(find, found, failed)

    def page_size_chosen(self, size: int) -> None:
        first = self.model.first_rank
        self.settings.page_size = size
        self.show(page=first // size, page_size=size, after=lambda _v: self.select(0, NAME_COLUMN))

    # -- sort and search ---------------------------------------------------------------

    def sort_by(self, key: SortKey, descending: bool | None = None) -> None:
        """A new order shows its first page with the first row current."""
        query = self._asked_query
        query = replace(
            query, sort=key, descending=query.descending if descending is None else descending
        )
        self.settings.sort = query
        column = self.table.currentIndex().column()
        self.show(query, 0, after=lambda _v: self.select(0, column if column >= 0 else NAME_COLUMN))

    def toggle_descending(self) -> None:
        self.sort_by(self._asked_query.sort, not self._asked_query.descending)

    def header_clicked(self, section: int) -> None:
        key = SORTABLE.get(section)
        if key is None:
            self.model.pageChanged.emit()  # the secret column is not sortable: keep the indicator
            return
        query = self._asked_query
        self.sort_by(key, not query.descending if key is query.sort else False)

    def query_from_search(self) -> HeroQuery:
        age_from, age_to = self.search_bar.age_range()
        return replace(
            self._asked_query,
            search=self.search_bar.name_edit.text().strip(),
            age_from=age_from,
            age_to=age_to,
            no_age=self.search_bar.no_age.isChecked(),
        )

    def search_changed(self) -> None:
        query = self.query_from_search()
        if query.is_filtered and self._before_search is None:
            hero = self.current_hero()
            self._before_search = (self.model.page, hero.id if hero is not None else None)
        if not query.is_filtered:
            self._before_search = None
        self.show(query, 0, after=lambda _v: self.select(0, NAME_COLUMN))

    def clear_search(self) -> None:
        """Clear the search and go back to the page and hero the user was on."""
        before, self._before_search = self._before_search, None
        self.search_bar.clear()
        self.table.setFocus()
        query = self.query_from_search()
        if before is None:
            self.show(query, 0, after=lambda _v: self.select(0, NAME_COLUMN))
            return
        page, hero_id = before

        def back(view: PageView) -> None:
            self.select(view.focus_row if view.focus_row is not None else 0, NAME_COLUMN)

        self.show(query, page, focus_id=hero_id, after=back)

    # -- the selection ---------------------------------------------------------------

    def current_hero(self) -> HeroRow | None:
        return self.cells.current_hero()

    def selected_heroes(self) -> list[HeroRow]:
        return self.cells.selected_heroes()

    def select(self, row: int, column: int) -> None:
        self.cells.select_cell(row, column)

    def show_sort_state(self) -> None:
        query = self.model.query
        section = {SortKey.ID: 0, SortKey.NAME: 1, SortKey.AGE: 2}[query.sort]
        order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(section, order)
