"""Where the user's changes start: Add Hero, a cell edit, Delete, Undo and Redo.

Each builds an operation (hero_desktop.data.operations) and hands it to the
change runner, which writes it in the data worker. A cell edit shows the new
value at once and puts the typed text back in the cell if the change is
given up; the Add dialog stays open, with what was typed, until the hero is
written or the user gives up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QStatusBar

from hero_desktop.data.errors import HeroError, InvalidHeroError, OperationCancelledError
from hero_desktop.data.operations import AddHero, ChangeSummary, DeleteHeroes, EditHero
from hero_desktop.data.rows import FIELD_LABELS, HeroRow
from hero_desktop.ui.change_runner import ChangeRunner
from hero_desktop.ui.data_worker import DataClient
from hero_desktop.ui.hero_table_model import COLUMNS, HeroTableModel
from hero_desktop.ui.hero_table_view import HeroTableView
from hero_desktop.ui.message_bar import MessageBar
from hero_desktop.ui.prompts import Prompts
from hero_desktop.ui.status_area import StatusArea
from hero_desktop.ui.table_navigator import TableNavigator

if TYPE_CHECKING:
    # Loaded when first used: the window paints its first page without pydantic.
    from hero_desktop.data.models import HeroCreate
    from hero_desktop.ui.add_hero_dialog import AddHeroDialog


class HeroEditing(QObject):
    def __init__(
        self,
        *,
        client: DataClient,
        runner: ChangeRunner,
        prompts: Prompts,
        navigator: TableNavigator,
        table: HeroTableView,
        model: HeroTableModel,
        messages: MessageBar,
        status: StatusArea,
        status_bar: QStatusBar,
        read_only: Callable[[], bool],
        say_read_only: Callable[[str], None],
        reactivate: Callable[[], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.client, self.runner, self.prompts = client, runner, prompts
        self.navigator, self.table, self.model = navigator, table, model
        self.messages, self.status, self.status_bar = messages, status, status_bar
        self.read_only, self.say_read_only, self.reactivate = read_only, say_read_only, reactivate
        model.edit_handler = self.edit_cell
        table.delegate.refused.connect(self.cell_refused)

    def add_hero(self) -> None:
        if self.read_only():
            self.say_read_only("added")
            return

        def save(values: HeroCreate, dialog: AddHeroDialog) -> None:
            def waiting(now: bool) -> None:
                dialog.show_waiting(self.status.waiting_text() if now else "")

            def answered(problem: str | None) -> None:
                self.client.waitingChanged.disconnect(waiting)
                if problem is None:
                    self.messages.clear_message()
                dialog.answered(problem)

            self.client.waitingChanged.connect(waiting)
            self.runner.run(
                AddHero(values), lambda _summary: answered(None), lambda e: answered(e.message)
            )

        self.prompts.add_hero(save, self.client.cancel_waiting)
        self.reactivate()

    def cell_refused(self, field: str, message: str) -> None:
        """A cell edit was refused: say why in the status bar, naming the column."""
        self.status_bar.showMessage(f"{FIELD_LABELS.get(field, field)}: {message}", 10_000)

    def edit_cell(self, hero: HeroRow, field: str, value: object) -> HeroRow | None:
        """The table model's edit path: validate, then one undoable change.

        Returns the hero as it will read once saved (shown at once), or None.
        """
        from hero_desktop.data.models import validate_update

        try:
            changes = validate_update({field: value})
        except InvalidHeroError as error:
            # Reached when the editor lost focus with refused text (Enter and Tab are
            # stopped in the editor): open it again with the text, nothing written.
            self.cell_refused(field, next(iter(error.messages.values())))
            QTimer.singleShot(0, self, lambda: self.reopen_editor(hero.id, field, str(value)))
            return None
        new_value = getattr(changes, field)
        if new_value == getattr(hero, field):
            return hero
        operation = EditHero(hero, field, new_value)

        def saved(_summary: ChangeSummary) -> None:
            if operation.after is not None:
                self.model.replace_row(operation.after)
            self.messages.clear_message()

        def failed(error: HeroError) -> None:
            self.model.replace_row(hero)  # the cell shows what the file holds
            if isinstance(error, OperationCancelledError):
                self.messages.show_message(
                    error.message + " Your edit is back in the cell: press Enter."
                )
                self.reopen_editor(hero.id, field, str(value))

        self.runner.run(operation, saved, failed)
        return hero._replace(**{field: new_value})

    def reopen_editor(self, hero_id: int, field: str, text: str) -> None:
        row = self.model.row_of(hero_id)
        if row is None:
            return
        index = self.model.index(row, COLUMNS.index(field))
        self.table.setCurrentIndex(index)
        self.table.edit(index)
        editor = self.table.indexWidget(index) or self.table.focusWidget()
        if editor is not None and hasattr(editor, "setText"):
            editor.setText(text)

    def edit_current(self) -> None:
        if self.read_only():
            self.say_read_only("edited")
            return
        # Only editable cells: QAbstractItemView.edit() warns on the others (the id).
        index = self.table.currentIndex()
        if index.isValid() and self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.table.edit(index)

    def delete_selected(self) -> None:
        if self.read_only():
            self.say_read_only("deleted")
            return
        heroes = self.navigator.selected_heroes()
        if not heroes:
            return
        confirmed = self.prompts.confirm_delete(heroes)
        self.reactivate()
        if not confirmed:
            return
        self.runner.run(DeleteHeroes(heroes), lambda _summary: self.messages.clear_message())
