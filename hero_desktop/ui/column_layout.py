"""The table's columns as the user arranges them: shown or hidden, in what order, how wide.

The header's own state is the layout: its visual order and hidden sections,
which anything that reads the columns as shown asks of it (``visualIndex``,
``logicalIndex``, ``isSectionHidden``). It is saved with the header's state
when the window closes and restored when the next one opens. Name is always
shown, so a row always shows whose it is.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QTableView

from hero_desktop.data.words import Words
from hero_desktop.ui.hero_table_model import COLUMNS
from hero_desktop.ui.window_settings import WindowSettings


class ColumnLayoutWords(Words):
    """The translation context of View → Columns (the header's menu)."""


NAME = COLUMNS.index("name")
# The default widths of the ID, Name and Age columns; the last column stretches.
DEFAULT_WIDTHS = (70, 260, 70)
# The keys that open the columns menu from the table, as the context-menu key does elsewhere.
MENU_KEYS = ("Shift+F10", "Menu")


def menu_entries() -> dict[str, str]:
    """Each column's entry in the columns menu, with its Alt letter (Name is always shown)."""
    return {
        "id": ColumnLayoutWords.tr("&ID"),
        "age": ColumnLayoutWords.tr("&Age"),
        "secret_name": ColumnLayoutWords.tr("&Secret name"),
    }


class ColumnLayout(QObject):
    """Show, hide and move the table's columns; View → Columns and the header's menu."""

    def __init__(self, table: QTableView, settings: WindowSettings) -> None:
        super().__init__(table)
        self._table = table
        self._settings = settings
        self._header = header = table.horizontalHeader()
        self.menu = QMenu(ColumnLayoutWords.tr("&Columns"), table)
        """View → Columns, also the header's context menu (window actions add the rest)."""
        self.shown_actions: dict[int, QAction] = {}
        entries = menu_entries()
        for column, field in enumerate(COLUMNS):
            if column != NAME:
                action = self.menu.addAction(entries[field])
                action.setCheckable(True)
                action.triggered.connect(lambda shown, c=column: self.show_column(c, shown))
                self.shown_actions[column] = action
        self.menu.aboutToShow.connect(self._show_checks)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda at: self.menu.popup(header.viewport().mapToGlobal(at))
        )
        for key in MENU_KEYS:
            shortcut = QShortcut(QKeySequence(key), table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)  # (a cell editor keeps its own)
            shortcut.activated.connect(self.open_menu)
        self._restore()

    def open_menu(self) -> None:
        """The columns menu, under the current column's title (from the keyboard)."""
        header = self._header
        column = self._table.currentIndex().column()
        x = header.sectionViewportPosition(column) if column >= 0 else 0
        self.menu.popup(header.viewport().mapToGlobal(QPoint(max(x, 0), header.height())))

    def show_column(self, column: int, shown: bool) -> None:
        """Show or hide ``column`` (never Name); a hidden current cell moves to Name."""
        if column == NAME:
            return
        self._header.setSectionHidden(column, not shown)
        current = self._table.currentIndex()
        if not shown and current.column() == column:
            self._table.setCurrentIndex(current.siblingAtColumn(NAME))
        self._show_checks()

    def move_current_left(self) -> None:
        self._move_current(-1)

    def move_current_right(self) -> None:
        self._move_current(+1)

    def _move_current(self, step: int) -> None:
        """The current cell's column changes places with the next shown column that way."""
        header, current = self._header, self._table.currentIndex()
        if not current.isValid():
            return
        place = header.visualIndex(current.column())
        target = place + step
        while 0 <= target < header.count() and header.isSectionHidden(header.logicalIndex(target)):
            target += step
        if 0 <= target < header.count():
            header.moveSection(place, target)
            self._table.scrollTo(current)

    def reset_columns(self) -> None:
        """Every column shown, in the model's order, at its default width."""
        header = self._header
        for column in range(header.count()):
            header.showSection(column)
            header.moveSection(header.visualIndex(column), column)
        for column, width in enumerate(DEFAULT_WIDTHS):
            header.resizeSection(column, width)
        self._show_checks()

    def save(self) -> None:
        self._settings.store.setValue("header", self._header.saveState())

    def _restore(self) -> None:
        header = self._header
        state = self._settings.bytes_value("header")
        if state is None or not header.restoreState(state):
            self.reset_columns()
        # Set after the restore: a state saved before columns could move says they cannot.
        header.setSectionsMovable(True)
        header.showSection(NAME)
        self._show_checks()

    def _show_checks(self) -> None:
        for column, action in self.shown_actions.items():
            action.setChecked(not self._header.isSectionHidden(column))
