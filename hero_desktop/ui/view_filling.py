"""Fill Selection, Fill Down and a one-value Paste after Select All: every hero of the view.

Select All (Ctrl+A) selects every hero the view shows under its search, not
only the page. A fill then writes every one of them: the window sends the
view's query, the fields and their checked values (nothing per hero) as one
``FillView`` operation through the change runner, and the data worker reads
the view's heroes and writes them in one transaction. A progress dialog with
Cancel shows once it takes 300 ms; a cancel, or closing the window, rolls
it back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from hero_desktop.data.errors import HeroError
from hero_desktop.data.operations import ChangeSummary
from hero_desktop.data.view_fill import FillView
from hero_desktop.data.words import Words
from hero_desktop.ui.change_runner import ChangeRunner
from hero_desktop.ui.hero_table_model import COLUMNS, HeroTableModel
from hero_desktop.ui.message_bar import MessageKind

if TYPE_CHECKING:
    from hero_desktop.ui.csv_transfer import TransferProgress


class ViewFillingWords(Words):
    """The translation context of a whole view's fill: its progress and messages."""


ShowMessage = Callable[[str, MessageKind], None]


class ViewFiller(QObject):
    def __init__(
        self,
        runner: ChangeRunner,
        model: HeroTableModel,
        show_message: ShowMessage,
        owner: QWidget,
    ) -> None:
        super().__init__(owner)
        self._runner, self._model, self._show_message = runner, model, show_message
        self._owner = owner
        self.progress: TransferProgress | None = None

    def fill(self, verb: str, values: dict[str, object]) -> None:
        """Put each field's checked value into that field of every hero of the view."""
        self._run(verb, tuple(values), values, down=False)

    def fill_down(self, fields: Sequence[str]) -> None:
        """Each field's value of the view's first hero into that field of every other hero."""
        self._run("Fill", tuple(fields), {}, down=True)

    def cancel(self) -> None:
        """On close: a fill still running is rolled back."""
        if self.progress is not None:
            self.progress.cancelled.set()

    def _run(
        self, verb: str, fields: tuple[str, ...], values: dict[str, object], down: bool
    ) -> None:
        if self.progress is not None:
            self._show_message(
                ViewFillingWords.tr("A fill is already running."), MessageKind.WARNING
            )
            return
        from hero_desktop.ui.csv_transfer import TransferProgress

        model = self._model
        seen = tuple(
            (hero.id, field, getattr(hero, field))
            for hero in (model.hero_at(row) for row in range(model.rowCount()))
            for field in fields
        )
        if verb == "Paste":  # ("Paste" or "Fill" names the operation; it is not shown as is)
            title = ViewFillingWords.tr("Pasting cells")
        else:
            title = ViewFillingWords.tr("Filling cells")
        progress = self.progress = TransferProgress(title, self._owner)
        operation = FillView(
            verb, model.query, fields, values, down=down, seen=seen,
            expected=model.total, progress=progress.report,
        )  # fmt: skip

        def done(_summary: ChangeSummary) -> None:
            self._end(operation)

        def failed(_error: HeroError) -> None:
            self._end(operation)  # the runner said why

        self._runner.run(operation, done, failed)

    def _end(self, operation: FillView) -> None:
        operation.progress = None  # undo and redo run without this dialog
        if self.progress is not None:
            self.progress.finish()
            self.progress = None


def fillable(columns: Sequence[int]) -> list[str]:
    """The fields of ``columns`` that a fill writes (all but the id)."""
    return [COLUMNS[c] for c in columns if COLUMNS[c] != "id"]
