"""Edit → Copy and Copy with Headers: the selected cells, as spreadsheets read them.

The clipboard gets one QMimeData holding ``text/plain`` (tab-separated
values) and ``text/html`` (a table), written by ``data/clipboard_text``.
Columns come in the order the table shows them, hidden ones left out; the
rows and columns that hold the selection are copied, a cell between them
that is not selected as an empty one. A hidden secret name is copied as an
empty cell (``data/view_cells``). Select All on a view larger than the page
copies every hero the view shows, read in the data worker with a progress
dialog and Cancel; the GUI thread only puts the finished text on the
clipboard.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMimeData, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from hero_desktop.data.clipboard_text import to_html, to_tsv
from hero_desktop.data.errors import HeroError, OperationCancelledError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.view_cells import cell_text, view_clipboard
from hero_desktop.data.words import Words
from hero_desktop.ui.cell_selection import CellSelection
from hero_desktop.ui.data_worker import DataClient
from hero_desktop.ui.hero_table_model import COLUMNS, HeroTableModel
from hero_desktop.ui.message_bar import MessageKind

if TYPE_CHECKING:
    from hero_desktop.ui.csv_transfer import TransferProgress


class CopyCellsWords(Words):
    """The translation context of Copy's progress and messages."""


ShowMessage = Callable[[str, MessageKind], None]
Copied = tuple[str, bytes, int]  # the TSV, the HTML in UTF-8, how many heroes


class CellCopier(QObject):
    def __init__(
        self,
        client: DataClient,
        model: HeroTableModel,
        cells: CellSelection,
        show_message: ShowMessage,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._client, self._model, self._cells = client, model, cells
        self._show_message = show_message
        self._owner = parent
        self.progress: TransferProgress | None = None

    def copy_cells(self, *, headers: bool) -> None:
        """Put the selected cells on the clipboard (with the column titles first, if asked)."""
        model, columns = self._model, self._cells.visible_columns()
        if model.rowCount() == 0 or not columns:
            return
        if self._cells.whole_view and model.total > model.rowCount():
            self._copy_view(columns, headers)
            return
        selected = self._cells.selected_cells()
        rows = sorted({row for row, _ in selected if row < model.rowCount()})
        columns = [c for c in columns if any((row, c) in selected for row in rows)]
        visible = model.secrets_visible
        block = [
            [
                cell_text(model.hero_at(row), COLUMNS[c], visible) if (row, c) in selected else ""
                for c in columns
            ]
            for row in rows
        ]
        if headers:
            block.insert(0, self._titles(columns))
        put_on_clipboard(to_tsv(block), to_html(block).encode("utf-8"))

    def _titles(self, columns: list[int]) -> list[str]:
        horizontal = Qt.Orientation.Horizontal
        return [str(self._model.headerData(c, horizontal)) for c in columns]

    def _copy_view(self, columns: list[int], headers: bool) -> None:
        """Every hero of the view, read in the data worker, with progress and Cancel."""
        if self.progress is not None:
            self._show_message(CopyCellsWords.tr("A copy is already running."), MessageKind.WARNING)
            return
        from hero_desktop.ui.csv_transfer import TransferProgress

        progress = self.progress = TransferProgress(
            CopyCellsWords.tr("Copying heroes"), self._owner
        )
        query, fields = self._model.query, [COLUMNS[c] for c in columns]
        visible, titles = self._model.secrets_visible, self._titles(columns)

        def read(repository: HeroRepository) -> Copied:
            shown_titles = titles if headers else None
            return view_clipboard(repository, query, fields, visible, shown_titles, progress.report)

        def copied(result: Copied) -> None:
            self._end()
            tsv, html, count = result
            put_on_clipboard(tsv, html)
            self._show_message(
                CopyCellsWords.tr("Copied %Ln hero(es).", "", count), MessageKind.SUCCESS
            )

        def failed(error: BaseException) -> None:
            self._end()
            if isinstance(error, OperationCancelledError):
                self._show_message(error.message, MessageKind.WARNING)
            elif isinstance(error, HeroError):
                self._show_message(error.message, MessageKind.ERROR)

        # Closing the window sets ``cancelled`` too: the read stops there.
        self._client.ask(read, copied, failed, cancel=progress.cancelled)

    def _end(self) -> None:
        if self.progress is not None:
            self.progress.finish()
            self.progress = None


def put_on_clipboard(tsv: str, html: bytes) -> None:
    """The HTML as UTF-8 bytes (encoded in the worker for a whole view): Qt takes them
    as they are, where a 10 MB ``str`` is first converted on the GUI thread (about 20 ms).
    """
    mime = QMimeData()
    mime.setText(tsv)
    mime.setData("text/html", QByteArray(html))
    QApplication.clipboard().setMimeData(mime)
