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

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import QLineEdit, QStatusBar

from hero_desktop.data.errors import HeroError, OperationCancelledError
from hero_desktop.data.operations import AddHero, ChangeSummary, DeleteHeroes, EditHero
from hero_desktop.data.rows import HeroRow, field_label
from hero_desktop.data.words import Words
from hero_desktop.ui.announce import announce
from hero_desktop.ui.change_runner import ChangeRunner
from hero_desktop.ui.data_worker import DataClient
from hero_desktop.ui.hero_table_model import COLUMNS, HeroTableModel
from hero_desktop.ui.hero_table_view import HeroTableView
from hero_desktop.ui.message_bar import MessageBar, MessageKind
from hero_desktop.ui.prompts import Prompts
from hero_desktop.ui.status_area import StatusArea
from hero_desktop.ui.table_navigator import TableNavigator

if TYPE_CHECKING:
    # Loaded when first used: the window paints its first page without pydantic.
    from hero_desktop.data.models import HeroCreate
    from hero_desktop.ui.add_hero_dialog import AddHeroDialog


class HeroEditingWords(Words):
    """The translation context of what adding, editing and deleting heroes says."""


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
        self._refusal = ""  # the cell refusal the status bar shows, until a success
        model.edit_handler = self.edit_cell
        # Every written change clears the last message; any success clears the last refusal.
        runner.succeeded.connect(messages.clear_message)
        messages.succeeded.connect(self._clear_refusal)
        table.delegate.refused.connect(self.cell_refused)
        table.delegate.refusedOnLeave.connect(self.refused_on_leave)

    def add_hero(self) -> None:
        if self.read_only():
            self.say_read_only("added")
            return

        def save(values: HeroCreate, dialog: AddHeroDialog) -> None:
            def waiting(now: bool) -> None:
                dialog.show_waiting(self.status.waiting_text() if now else "")

            def answered(problem: str | None) -> None:
                self.client.waitingChanged.disconnect(waiting)
                dialog.answered(problem)

            self.client.waitingChanged.connect(waiting)
            self.runner.run(
                AddHero(values), lambda _summary: answered(None), lambda e: answered(e.message)
            )

        self.prompts.add_hero(save, self.client.cancel_waiting)
        self.reactivate()

    def cell_refused(self, field: str, message: str) -> None:
        """A cell edit was refused: say why in the status bar, naming the column."""
        self._refusal = HeroEditingWords.tr("{field}: {message}").format(
            field=field_label(field), message=message
        )
        self.status_bar.showMessage(self._refusal, 10_000)
        announce(self.status_bar, self._refusal, urgent=True)

    def _clear_refusal(self) -> None:
        if self._refusal and self.status_bar.currentMessage() == self._refusal:
            self.status_bar.clearMessage()  # (not another part's message shown since)
        self._refusal = ""

    def edit_cell(self, hero: HeroRow, field: str, changes: object) -> HeroRow | None:
        """The table model's edit path: one undoable change of a value the delegate validated.

        Returns the hero as it will read once saved (shown at once), or None.
        """
        from hero_desktop.data.models import HeroUpdate

        if not isinstance(changes, HeroUpdate) or field not in changes.model_fields_set:
            return None  # only the cell delegate's validated values are written
        new_value = getattr(changes, field)
        if new_value == getattr(hero, field):
            return None  # nothing to write; the cell keeps what the model holds
        operation = EditHero(hero, field, new_value)

        def failed(error: HeroError) -> None:
            self.model.replace_row(hero)  # the cell shows what the file holds
            if isinstance(error, OperationCancelledError):
                self.messages.show_message(
                    HeroEditingWords.tr(
                        "{reason} Your edit is back in the cell: press Enter."
                    ).format(reason=error.message),
                    MessageKind.WARNING,
                )
                self.reopen_editor(hero.id, field, "" if new_value is None else str(new_value))

        def saved(summary: ChangeSummary) -> None:
            # Another program changed other fields of this hero meanwhile: both
            # stand (only the edited field is the user's), and the user is told.
            written = summary.rows[0] if summary.rows else hero
            no_value = HeroEditingWords.tr("(none)", "a field without a value")
            merged = [
                HeroEditingWords.tr("{field} is now {value}").format(
                    field=field_label(f), value=no_value if v is None else v
                )
                for f, v in written._asdict().items()
                if f not in ("id", field) and v != getattr(hero, f)
            ]
            if merged:
                self.messages.show_message(
                    HeroEditingWords.tr(
                        "Saved. Another program had changed {name} meanwhile: {changes}. "
                        "Both changes are kept."
                    ).format(name=written.name, changes="; ".join(merged)),
                    MessageKind.SUCCESS,
                )

        self.runner.run(operation, saved, failed)
        return hero._replace(**{field: new_value})

    def refused_on_leave(self, index: QModelIndex, text: str) -> None:
        """The editor lost focus with refused text: open it again with the text, nothing written."""
        row = index.row()
        if 0 <= row < self.model.rowCount():
            hero_id, field = self.model.hero_at(row).id, COLUMNS[index.column()]
            QTimer.singleShot(0, self, lambda: self.reopen_editor(hero_id, field, text))

    def reopen_editor(self, hero_id: int, field: str, text: str) -> None:
        row = self.model.row_of(hero_id)
        if row is None:
            return
        index = self.model.index(row, COLUMNS.index(field))
        self.table.setCurrentIndex(index)
        self.table.edit(index)
        editor = self.table.indexWidget(index) or self.table.focusWidget()
        if isinstance(editor, QLineEdit):
            editor.setText(text)
            editor.setModified(True)  # the user's text: a live refresh must not replace it

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
        # Select All on a view larger than the page deletes the page's heroes, as the user
        # saw them (and as undo keeps them), and the question says so.
        rest = self.model.total - len(heroes) if self.navigator.cells.whole_view else 0
        note = ""
        if rest > 0:
            # Two sentences, one count each: each count chooses its own word forms.
            note = " ".join(
                (
                    HeroEditingWords.tr(
                        "Only the %Ln hero(es) on this page will be deleted.", "", len(heroes)
                    ),
                    HeroEditingWords.tr(
                        "The other %Ln hero(es) of the view will be kept.", "", rest
                    ),
                )
            )
        confirmed = self.prompts.confirm_delete(heroes, note)
        self.reactivate()
        if not confirmed:
            return
        self.runner.run(DeleteHeroes(heroes))
