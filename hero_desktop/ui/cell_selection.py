"""The table's selection, as in a spreadsheet: cells, whole rows, whole columns, or the view.

The view selects cells (a click or an arrow key one cell, Shift a rectangle,
Ctrl one more). On top of what Qt selects on the page, this keeps one flag:
``whole_view``, set by Select All (Ctrl+A), meaning every hero the view shows
under its search, not only the page (the page shows all its cells selected).
Any other change of the selection clears it. Copy and Delete read it; the
status bar says what is selected ("3 cells selected", "All 1,000 heroes
selected").
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject
from PySide6.QtWidgets import QLabel, QTableView

from hero_desktop.data.rows import HeroRow
from hero_desktop.data.words import Words, number
from hero_desktop.ui.count_words import counting_whole_view
from hero_desktop.ui.hero_table_model import COLUMNS, HeroTableModel


class CellSelectionWords(Words):
    """The translation context of the status bar's selection count."""


NAME_COLUMN = COLUMNS.index("name")
Flag = QItemSelectionModel.SelectionFlag


@dataclass(frozen=True)
class KeptSelection:
    """What a refresh puts back: the selected cells by hero, or the whole view."""

    whole_view: bool
    cells: frozenset[tuple[int, int]]  # (hero id, model column)


class CellSelection(QObject):
    def __init__(self, model: HeroTableModel, table: QTableView, parent: QObject) -> None:
        super().__init__(parent)
        self._model = model
        self._table = table
        self.whole_view = False
        """Select All: every hero of the view (its query), not only those on the page."""
        self._selecting_view = False
        self.count_label = QLabel()
        self.count_label.setObjectName("selectionCount")
        table.selectionModel().selectionChanged.connect(self._changed)
        model.pageChanged.connect(self.show_count)

    # -- what is selected ------------------------------------------------------------

    def visible_columns(self) -> list[int]:
        """The model columns the table shows, in the order shown."""
        header = self._table.horizontalHeader()
        logical = (header.logicalIndex(visual) for visual in range(header.count()))
        return [column for column in logical if not header.isSectionHidden(column)]

    def selected_cells(self) -> set[tuple[int, int]]:
        """(row, column) of each selected cell on the page; the current cell if none."""
        cells = {(i.row(), i.column()) for i in self._table.selectionModel().selectedIndexes()}
        current = self._table.currentIndex()
        if not cells and current.isValid():
            cells = {(current.row(), current.column())}
        return cells

    def selected_rows(self) -> list[int]:
        """The rows that hold the selection, top to bottom."""
        rows = self._model.rowCount()
        return sorted({row for row, _ in self.selected_cells() if row < rows})

    def current_hero(self) -> HeroRow | None:
        index = self._table.currentIndex()
        return self._model.hero_at(index.row()) if index.isValid() else None

    def selected_heroes(self) -> list[HeroRow]:
        """The heroes whose rows hold the selection (those of the page, for the whole view)."""
        return [self._model.hero_at(row) for row in self.selected_rows()]

    def count_text(self) -> str:
        """What the status bar says: nothing for one cell, else what and how many."""
        if self.whole_view and self._model.total_is_estimate:
            return CellSelectionWords.tr(
                "All heroes of the search selected (about {count})"
            ).format(count=number(self._model.total))
        if self.whole_view:
            if not self._model.counted:
                return counting_whole_view()
            return CellSelectionWords.tr("All %Ln hero(es) selected", "", self._model.total)
        cells = self.selected_cells()
        if len(cells) <= 1:
            return ""
        shown = self.visible_columns()
        rows = {row for row, _ in cells}
        if shown and all((r, c) in cells for r in rows for c in shown):
            return CellSelectionWords.tr("%Ln row(s) selected", "", len(rows))
        columns = {column for _, column in cells}
        page = range(self._model.rowCount())
        if len(page) > 1 and all((r, c) in cells for c in columns for r in page):
            return CellSelectionWords.tr("%Ln column(s) selected", "", len(columns))
        return CellSelectionWords.tr("%Ln cell(s) selected", "", len(cells))

    # -- changing it -----------------------------------------------------------------

    def select_cell(self, row: int, column: int) -> None:
        """Make one cell current and the only one selected (clamped to the page)."""
        if self._model.rowCount() == 0:
            return
        row = max(0, min(row, self._model.rowCount() - 1))
        index = self._model.index(row, column if column >= 0 else NAME_COLUMN)
        self._table.selectionModel().setCurrentIndex(index, Flag.ClearAndSelect)
        self._table.scrollTo(index)

    def select_whole_view(self) -> None:
        """Ctrl+A: every hero the view shows; the page shows all its cells selected."""
        self._selecting_view = True
        try:
            self._table.selectAll()
        finally:
            self._selecting_view = False
        self.whole_view = self._model.rowCount() > 0
        self.show_count()

    def select_rows_of_selection(self) -> None:
        """Shift+Space: the whole rows that hold the selection."""
        self._select_lines(self.selected_rows(), Flag.Rows)

    def select_columns_of_selection(self) -> None:
        """Ctrl+Space: the whole columns that hold the selection."""
        self._select_lines(sorted({column for _, column in self.selected_cells()}), Flag.Columns)

    def _select_lines(self, lines: list[int], whole: Flag) -> None:
        if self._model.rowCount() == 0 or not lines:
            return
        selection = QItemSelection()
        for line in lines:
            index = self._model.index(line, 0) if whole == Flag.Rows else self._model.index(0, line)
            selection.select(index, index)
        self._table.selectionModel().select(selection, Flag.ClearAndSelect | whole)

    def kept(self) -> KeptSelection:
        """The selection by hero, to put back after the page is read again."""
        cells = frozenset(
            (self._model.hero_at(row).id, column)
            for row, column in self.selected_cells()
            if row < self._model.rowCount()
        )
        return KeptSelection(self.whole_view, cells)

    def put_back(self, kept: KeptSelection, row: int, column: int) -> None:
        """Select ``kept`` again (its heroes still on the page), with (row, column) current."""
        self.select_cell(row, column)
        if kept.whole_view:
            current = self._table.currentIndex()
            self.select_whole_view()
            self._table.selectionModel().setCurrentIndex(current, Flag.NoUpdate)
            return
        selection = QItemSelection()
        for hero_id, cell_column in kept.cells:
            cell_row = self._model.row_of(hero_id)
            if cell_row is not None:
                index = self._model.index(cell_row, cell_column)
                selection.select(index, index)
        self._table.selectionModel().select(selection, Flag.Select)

    def _changed(self, *_: object) -> None:
        if not self._selecting_view:
            self.whole_view = False
        self.show_count()

    def show_count(self) -> None:
        self.count_label.setText(self.count_text())
