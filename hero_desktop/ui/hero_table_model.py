"""A table model that shows one page of heroes, as the data worker read it.

It never holds the whole table: it keeps the current page's rows, the total
for the current query, and nothing else, so memory stays flat however far
the user pages. It never reads the database either: the table navigator asks
the data worker for a page and hands the answer to ``show_view``. Edits are
not written here: ``setData`` hands them to the ``edit_handler`` (which sends
them down the one change path) and shows the new value in place meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.rows import HeroRow
from hero_desktop.data.views import LAST_PAGE, PageView
from hero_desktop.data.words import Words, number
from hero_desktop.ui.count_words import counting_status
from hero_desktop.ui.overrides import override
from hero_desktop.ui.window_settings import PAGE_SIZES


class HeroTableModelWords(Words):
    """The translation context of the table's words: column titles, cells' spoken texts."""


def column_titles() -> tuple[str, ...]:
    """The column titles, in the order of ``COLUMNS``, in the user's language."""
    return (
        HeroTableModelWords.tr("ID"),
        HeroTableModelWords.tr("Name"),
        HeroTableModelWords.tr("Age"),
        HeroTableModelWords.tr("Secret name"),
    )


COLUMNS: tuple[str, ...] = HeroRow._fields  # ("id", "name", "age", "secret_name")
SORTABLE = {0: SortKey.ID, 1: SortKey.NAME, 2: SortKey.AGE}
SECRET_MASK = "••••••••"

Index = QModelIndex | QPersistentModelIndex
# data() runs for every role of every visible cell at each paint: the roles it
# answers are looked up once here (an enum member lookup costs more than the rest).
DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
EDIT_ROLE = int(Qt.ItemDataRole.EditRole)
ALIGNMENT_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
# What a screen reader says of a cell: its value (a hidden secret: "hidden"), and why.
SPOKEN_ROLE = int(Qt.ItemDataRole.AccessibleTextRole)
SPOKEN_DETAIL_ROLE = int(Qt.ItemDataRole.AccessibleDescriptionRole)
ANSWERED_ROLES = (DISPLAY_ROLE, EDIT_ROLE, ALIGNMENT_ROLE, TOOLTIP_ROLE, SPOKEN_ROLE,
                  SPOKEN_DETAIL_ROLE)  # fmt: skip
RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
NUMBER_COLUMNS = ("id", "age")
# Takes (hero, field, the cell delegate's validated HeroUpdate); returns the hero as it
# will read once saved (shown at once), or None when nothing is to be written.
EditHandler = Callable[[HeroRow, str, Any], "HeroRow | None"]


class HeroTableModel(QAbstractTableModel):
    """One page of heroes under a query (sort and search)."""

    pageChanged = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, page_size: int = 100) -> None:
        super().__init__()
        self._rows: list[HeroRow] = []
        self._query = HeroQuery()
        self._page = 0
        self._page_size = page_size if page_size in PAGE_SIZES else 100
        self._total = 0
        self._total_is_estimate = False
        self._counted = True
        self._secrets_visible = False
        self._read_only = True  # until the file is open and known to be writable
        self.edit_handler: EditHandler | None = None
        # The row of the open cell editor, and its hero as the editor last showed it.
        self._seen: tuple[int, HeroRow] | None = None
        # Translated once: data() and headerData() answer at every paint, and the
        # language never changes in a process.
        self._titles = column_titles()
        self._hidden_word = HeroTableModelWords.tr("hidden", "a secret name not shown")
        self._hidden_hint = HeroTableModelWords.tr("Hidden: View → Show Secret Names")

    # -- state the window reads ----------------------------------------------

    @property
    def query(self) -> HeroQuery:
        return self._query

    @property
    def secrets_visible(self) -> bool:
        return self._secrets_visible

    def set_query(self, query: HeroQuery) -> None:
        """Use ``query`` for the next load (the window restores it from settings)."""
        self._query = query

    @property
    def page(self) -> int:
        return self._page

    @property
    def page_size(self) -> int:
        return self._page_size

    @property
    def total(self) -> int:
        return self._total

    @property
    def total_is_estimate(self) -> bool:
        """Whether ``total`` is an estimate, to be said as "about" (never as a count)."""
        return self._total_is_estimate

    @property
    def counted(self) -> bool:
        """False while the page is shown before its count: ``total`` is then a lower bound."""
        return self._counted

    @property
    def last_page(self) -> int:
        """The page to ask for to reach the end (past it, when the total is an estimate
        or still being counted: the worker then counts first)."""
        if self._total_is_estimate or not self._counted:
            return LAST_PAGE
        return self.page_count - 1

    @property
    def page_count(self) -> int:
        return max(1, -(-self._total // self._page_size))

    @property
    def first_rank(self) -> int:
        return self._page * self._page_size

    def hero_at(self, row: int) -> HeroRow:
        return self._rows[row]

    def row_of(self, hero_id: int) -> int | None:
        for row, hero in enumerate(self._rows):
            if hero.id == hero_id:
                return row
        return None

    def status_text(self) -> str:
        """What the pager says: which heroes (or search matches) the page shows, of how many."""
        filtered = self._query.is_filtered
        if not self._rows:
            if self._total == 0 and filtered:
                return HeroTableModelWords.tr("No matches")
            if self._total == 0:
                return HeroTableModelWords.tr("No heroes")
            if filtered:
                return HeroTableModelWords.tr("Matches: none on this page")
            return HeroTableModelWords.tr("Heroes: none on this page")
        if not self._counted:
            first, last = self.first_rank + 1, self.first_rank + len(self._rows)
            return counting_status(filtered, first, last)
        numbers = {
            "first": number(self.first_rank + 1),
            "last": number(self.first_rank + len(self._rows)),
            "total": number(self._total),
        }
        if filtered and self._total_is_estimate:
            return HeroTableModelWords.tr("Matches {first}–{last} of about {total}").format(
                **numbers
            )
        if filtered:
            return HeroTableModelWords.tr("Matches {first}–{last} of {total}").format(**numbers)
        return HeroTableModelWords.tr("Heroes {first}–{last} of {total}").format(**numbers)

    # -- loading -------------------------------------------------------------

    def show_view(self, view: PageView) -> None:
        """Show a page the data worker read.

        The same page read again (same query, page and size, as many rows) is
        changed in place: the current cell, the selection, the scroll position
        and an open cell editor stay. Any other page resets the model.
        """
        same_page = (view.query, view.page, view.page_size) == (
            self._query,
            self._page,
            self._page_size,
        )
        self._counted = view.counted
        if same_page and len(view.rows) == len(self._rows):
            self._total, self._rows = view.total, list(view.rows)
            self._total_is_estimate = view.total_is_estimate
            if self._rows:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1)
                )
        else:
            self.beginResetModel()
            self._query, self._page, self._page_size = view.query, view.page, view.page_size
            self._total, self._rows = view.total, list(view.rows)
            self._total_is_estimate = view.total_is_estimate
            self.endResetModel()
        self.pageChanged.emit()

    def count_arrived(self, query: HeroQuery, total: int) -> None:
        """The count of a page shown before it: taken if that query is still shown uncounted."""
        if query != self._query or self._counted:
            return
        self._total, self._counted = total, True
        self._total_is_estimate = False
        self.pageChanged.emit()

    def same_hero_at(self, view: PageView, row: int) -> bool:
        """Whether ``view``, shown in place, keeps the hero now at ``row`` on that row."""
        same_page = (view.query, view.page, view.page_size) == (
            self._query,
            self._page,
            self._page_size,
        )
        return (
            same_page
            and len(view.rows) == len(self._rows)
            and 0 <= row < len(self._rows)
            and view.rows[row].id == self._rows[row].id
        )

    def replace_row(self, hero: HeroRow) -> None:
        """Show new values for a hero on this page, in place (no reset)."""
        row = self.row_of(hero.id)
        if row is None:
            return
        self._rows[row] = hero
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def editing_started(self, row: int) -> None:
        """A cell editor shows ``row``'s value: its edit is checked against the hero as seen now."""
        self._seen = (row, self._rows[row]) if 0 <= row < len(self._rows) else None

    def set_secrets_visible(self, visible: bool) -> None:
        self._secrets_visible = visible
        if self._rows:
            column = COLUMNS.index("secret_name")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only

    # -- QAbstractTableModel -------------------------------------------------

    @override
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    @override
    def data(self, index: Index, role: int = DISPLAY_ROLE) -> Any:
        if role not in ANSWERED_ROLES:
            return None
        row = index.row()
        if not index.isValid() or row >= len(self._rows):
            return None
        number = index.column()
        column, value = COLUMNS[number], self._rows[row][number]
        hidden = column == "secret_name" and not self._secrets_visible
        if role == DISPLAY_ROLE:
            return SECRET_MASK if hidden else ("" if value is None else str(value))
        if role == EDIT_ROLE:
            return "" if value is None else str(value)
        if role == ALIGNMENT_ROLE:
            return RIGHT_ALIGNED if column in NUMBER_COLUMNS else None
        if role == SPOKEN_ROLE:
            return self._hidden_word if hidden else ("" if value is None else str(value))
        if role == SPOKEN_DETAIL_ROLE:
            return self._hidden_hint if hidden else ""
        if column == "secret_name":
            return self._hidden_hint if hidden else str(value)
        return None

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return self._titles[section]
        if orientation == Qt.Orientation.Vertical:
            return str(self.first_rank + section + 1)
        return None

    @override
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if COLUMNS[index.column()] != "id" and not self._read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    @override
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.edit_handler is None:
            return False
        hero = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if column == "id":
            return False
        # The edit is the open editor's: of the hero it showed, checked against the
        # values it showed (another program's change meanwhile is not what was edited).
        seen, self._seen = self._seen, None
        if seen is not None and seen[0] == index.row():
            hero = seen[1]
        updated = self.edit_handler(hero, column, value)
        if updated is None:
            return False
        self.replace_row(updated)
        return True
