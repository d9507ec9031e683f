"""Edit → Paste, Paste as New Heroes, Fill Selection and Fill Down: many cells, one change.

Paste (Ctrl+V) lays the copied block on the current cell and the cells to
its right and below, column by column as shown (hidden columns skipped,
moved ones in their place); a copied value that lands on the ID column is
left out, and the message says so. One copied value pasted over several
selected cells goes into each of them. A block that reaches past the page
continues on the heroes that follow in the view's order (read in the data
worker); past the last hero it asks whether to add the rest as new heroes.

Paste as New Heroes (Ctrl+Shift+V) adds each copied row as a hero; a first
row naming the columns says which is which, else they are taken as shown.

Fill Selection (Ctrl+Enter in a cell editor) puts the typed value into every
selected cell of the editor's column; Fill Down (Ctrl+D) copies the first
selected cell of each column into the selected cells below it.

Every value is checked (``data/cell_paste``) before anything is written; the
write is one ``EditCells`` operation through the change runner: one
transaction, one undo step, conflicts asked about once. After Select All on
a view larger than the page, a fill (and a one-value paste) writes every hero
of the view instead, through ``view_filling``.

Why one file over 300 lines: the four commands share how the selection, the
shown columns and the clipboard are read, and the one way they are run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QObject
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QLineEdit,
)

from hero_desktop.data.clipboard_reading import Block, header_fields, read_block
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.operations import ChangeSummary, EditCells
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.rows import MAX_LIMIT, HeroRow, field_label
from hero_desktop.data.words import Words
from hero_desktop.ui.change_runner import ChangeRunner
from hero_desktop.ui.data_worker import DataClient
from hero_desktop.ui.hero_table_model import COLUMNS, HeroTableModel
from hero_desktop.ui.hero_table_view import FIELD_PROPERTY, HeroTableView
from hero_desktop.ui.message_bar import MessageKind
from hero_desktop.ui.prompts import Prompts
from hero_desktop.ui.table_navigator import TableNavigator
from hero_desktop.ui.view_filling import ViewFiller, fillable

if TYPE_CHECKING:
    from hero_desktop.data.cell_paste import CellChange
    from hero_desktop.data.models import HeroCreate

ShowMessage = Callable[[str, MessageKind], None]
Fields = list[str | None]


class PasteCellsWords(Words):
    """The translation context of Paste's, Paste as New Heroes' and the fills' messages."""


class CellPaster(QObject):
    def __init__(
        self,
        *,
        client: DataClient,
        runner: ChangeRunner,
        prompts: Prompts,
        navigator: TableNavigator,
        table: HeroTableView,
        model: HeroTableModel,
        show_message: ShowMessage,
        read_only: Callable[[], bool],
        say_read_only: Callable[[str], None],
        reactivate: Callable[[], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._client, self._runner, self._prompts = client, runner, prompts
        self._navigator, self._table, self._model = navigator, table, model
        self._show_message, self._read_only = show_message, read_only
        self._say_read_only, self._reactivate = say_read_only, reactivate
        self._cells = navigator.cells
        self.view_filler = ViewFiller(runner, model, show_message, table.window())

    def cancel(self) -> None:
        """On close: a fill over a whole view still running is rolled back."""
        self.view_filler.cancel()

    def _whole_view(self) -> bool:
        """Select All on a view larger than the page: a fill writes every hero of the view."""
        return self._cells.whole_view and self._model.total > self._model.rowCount()

    # -- Paste ---------------------------------------------------------------------

    def paste_here(self) -> None:
        from hero_desktop.data.cell_paste import PasteRefused, check_block, skipped_count

        block = self._block()
        current = self._table.currentIndex()
        if block is None:
            return
        if not current.isValid():
            self._show_message(
                PasteCellsWords.tr("Choose the cell to paste into first."), MessageKind.WARNING
            )
            return
        selected = self._selected_cells()
        if len(block) == 1 and len(block[0]) == 1 and len(selected) > 1:
            self._fill_with_text(selected, block[0][0], "Paste")
            return
        fields = self._shown_fields(from_column=current.column())
        try:
            values = check_block(block, fields)
        except PasteRefused as refusal:
            self._show_message(str(refusal), MessageKind.ERROR)
            return
        fields = fields[: len(block[0])]
        row = current.row()
        on_page = [self._model.hero_at(r) for r in range(row, self._model.rowCount())]
        skipped = skipped_count(block, fields)
        if len(on_page) >= len(values):
            self._paste_onto(values, fields, on_page, skipped)
            return
        query, start = self._model.query, self._model.first_rank + self._model.rowCount()
        need = len(values) - len(on_page)
        self._client.ask(
            lambda repository: _following(repository, query, start, need),
            lambda more: self._paste_onto(values, fields, on_page + more, skipped),
        )

    def _paste_onto(
        self, values: list[list[object]], fields: Fields, heroes: list[HeroRow], skipped: int
    ) -> None:
        from hero_desktop.data.cell_paste import PasteRefused, cell_changes, new_heroes

        added: list[HeroCreate] = []
        rest = values[len(heroes) :]
        if rest:
            add = self._prompts.confirm(
                PasteCellsWords.tr("Add New Heroes?"),
                PasteCellsWords.tr(
                    "The paste reaches past the last hero. "
                    "Add its last %Ln row(s) as new heroes?\n\nCancel pastes nothing.",
                    "",
                    len(rest),
                ),
            )
            self._reactivate()
            if not add:
                self._show_message(PasteCellsWords.tr("Nothing was pasted."), MessageKind.WARNING)
                return
            try:
                added = new_heroes(rest, fields, first_row=len(heroes) + 1)
            except PasteRefused as refusal:
                self._show_message(str(refusal), MessageKind.ERROR)
                return
        changes = cell_changes(values, fields, heroes)
        self._run(EditCells("Paste", tuple(changes), tuple(added)), skipped)

    # -- Paste as New Heroes ---------------------------------------------------------

    def paste_as_new(self) -> None:
        from hero_desktop.data.cell_paste import PasteRefused, check_block, new_heroes

        block = self._block()
        if block is None:
            return
        header = header_fields(block[0])
        fields: Fields = list(header) if header else self._shown_fields(from_column=None)
        rows, first_row = (block[1:], 2) if header else (block, 1)
        if not rows:
            self._show_message(
                PasteCellsWords.tr("The copied cells name columns but hold no heroes."),
                MessageKind.WARNING,
            )
            return
        try:
            heroes = new_heroes(check_block(rows, fields, first_row), fields, first_row)
        except PasteRefused as refusal:
            self._show_message(str(refusal), MessageKind.ERROR)
            return
        operation = EditCells("Paste", (), tuple(heroes))
        self._runner.run(operation, lambda summary: self._select_added(summary.added))

    def _select_added(self, added: Sequence[int]) -> None:
        ids = set(added)

        def select(_view: object) -> None:
            rows = {self._model.row_of(hero_id) for hero_id in ids}
            first = self._model.row_of(added[0]) if added else None
            if first is None:
                return
            self._navigator.select(first, COLUMNS.index("name"))
            selection, flag = self._table.selectionModel(), QItemSelectionModel.SelectionFlag
            for row in rows - {None}:  # the first one whole too, not only its Name
                selection.select(self._model.index(row or 0, 0), flag.Select | flag.Rows)

        if added:
            self._navigator.show(focus_id=added[0], after=select)

    # -- Fill ------------------------------------------------------------------------

    def fill_selection(self) -> None:
        """Ctrl+Enter in a cell editor: the typed value, checked, in the column's selected cells."""
        editor = QApplication.focusWidget()
        if (
            self._table.state() != QAbstractItemView.State.EditingState
            or not isinstance(editor, QLineEdit)
            or not editor.property(FIELD_PROPERTY)
        ):
            self._show_message(
                PasteCellsWords.tr(
                    "Type a value in a cell (F2), then press Ctrl+Enter to put it in every "
                    "selected cell of its column."
                ),
                MessageKind.WARNING,
            )
            return
        from hero_desktop.data.cell_paste import fill_changes

        result = self._table.delegate.validated(editor)
        if isinstance(result, str):
            self._table.delegate.show_problem(editor, result)
            return
        field = str(editor.property(FIELD_PROPERTY))
        value, whole = getattr(result, field), self._whole_view()
        cells = [(h, f) for h, f in self._selected_cells() if f == field]
        current = self._model.hero_at(self._table.currentIndex().row())
        if (current, field) not in cells:
            cells.insert(0, (current, field))
        self._table.delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self._table.setFocus()
        if whole:
            self.view_filler.fill("Fill", {field: value})
        else:
            self._run(EditCells("Fill", tuple(fill_changes(cells, value))))

    def fill_down(self) -> None:
        """Ctrl+D: each selected column's first selected cell into the selected cells below it."""
        if self._read_only():
            self._say_read_only("changed")
            return
        if self._whole_view():
            self.view_filler.fill_down(fillable(self._cells.visible_columns()))
            return
        from hero_desktop.data.cell_paste import fill_down_changes

        columns: dict[str, list[HeroRow]] = {}
        for hero, field in self._selected_cells():
            columns.setdefault(field, []).append(hero)
        changes = fill_down_changes(list(columns.items()))
        if not changes:
            self._show_message(
                PasteCellsWords.tr(
                    "Select a cell and the cells below it: "
                    "Fill Down copies the top one into the rest."
                ),
                MessageKind.WARNING,
            )
            return
        self._run(EditCells("Fill", tuple(changes)))

    def _fill_with_text(self, cells: list[tuple[HeroRow, str]], text: str, verb: str) -> None:
        from hero_desktop.data.cell_paste import checked_value, fill_changes

        whole = self._whole_view()
        fields = fillable(self._cells.visible_columns()) if whole else [f for _, f in cells]
        values: dict[str, object] = {}
        for field in dict.fromkeys(fields):
            try:
                values[field] = checked_value(field, text)
            except ValueError as error:
                self._show_message(
                    PasteCellsWords.tr("{field}: {problem}. Nothing was pasted.").format(
                        field=field_label(field), problem=error
                    ),
                    MessageKind.ERROR,
                )
                return
        if whole:
            self.view_filler.fill(verb, values)
            return
        changes: list[CellChange] = []
        for hero, field in cells:
            changes.extend(fill_changes([(hero, field)], values[field]))
        self._run(EditCells(verb, tuple(changes)))

    # -- shared ----------------------------------------------------------------------

    def _run(self, operation: EditCells, skipped: int = 0) -> None:
        def done(_summary: ChangeSummary) -> None:
            if skipped:
                self._show_message(
                    PasteCellsWords.tr(
                        "{change}. The ID column is never written: %Ln copied value(s) left out.",
                        "",
                        skipped,
                    ).format(change=operation.label),
                    MessageKind.WARNING,
                )

        self._runner.run(operation, done)

    def _block(self) -> Block | None:
        """The clipboard's cells; None (said) if there are none or the file is read-only."""
        if self._read_only():
            self._say_read_only("changed")
            return None
        mime = QApplication.clipboard().mimeData()
        plain = mime.text() if mime is not None and mime.hasText() else None
        html = mime.html() if mime is not None and mime.hasHtml() else None
        block = read_block(plain, html)
        if not block or not block[0]:
            self._show_message(
                PasteCellsWords.tr("The clipboard holds no cells to paste."), MessageKind.WARNING
            )
            return None
        return block

    def _shown_fields(self, from_column: int | None) -> Fields:
        """The field of each shown column, in the order shown, from ``from_column`` (None: all)."""
        header = self._table.horizontalHeader()
        start = 0 if from_column is None else header.visualIndex(from_column)
        fields: Fields = []
        for visual in range(start, header.count()):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                fields.append(None if COLUMNS[logical] == "id" else COLUMNS[logical])
        return fields

    def _selected_cells(self) -> list[tuple[HeroRow, str]]:
        """The selected cells that can be written, as (hero, field), top to bottom."""
        indexes = sorted(
            self._table.selectionModel().selectedIndexes(), key=lambda i: (i.row(), i.column())
        )
        return [
            (self._model.hero_at(index.row()), COLUMNS[index.column()])
            for index in indexes
            if COLUMNS[index.column()] != "id" and index.row() < self._model.rowCount()
        ]


def _following(
    repository: HeroRepository, query: HeroQuery, start: int, need: int
) -> list[HeroRow]:
    """In the data worker: up to ``need`` heroes from rank ``start`` of the query's order."""
    rows: list[HeroRow] = []
    while len(rows) < need:
        page = repository.page(
            query, offset=start + len(rows), limit=min(MAX_LIMIT, need - len(rows))
        )
        if not page:
            break
        rows.extend(page)
    return rows
