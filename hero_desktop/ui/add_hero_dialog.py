"""The Add Hero dialog: Name, Secret name, Age; Enter saves, Esc cancels.

The dialog validates through the data layer's one definition and gives the
valid ``HeroCreate`` to ``save`` together with the dialog; it never touches
the database itself. The answer comes later: ``answered(None)`` closes the
dialog, ``answered(message)`` keeps it open with everything the user typed
and the message, so the save can be retried. ``show_waiting`` says that the
save waits for another program; Esc or Cancel then calls ``cancel`` (which
gives up the wait) instead of closing, so a save in flight never takes the
typed values with it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hero_desktop.data.errors import InvalidHeroError
from hero_desktop.data.rows import MAX_AGE, MAX_TEXT_LENGTH
from hero_desktop.data.words import Words
from hero_desktop.ui.field_message import error_label, show_refusal
from hero_desktop.ui.overrides import override

if TYPE_CHECKING:
    from hero_desktop.data.models import HeroCreate

SaveHero = Callable[["HeroCreate", "AddHeroDialog"], None]
MESSAGE_GAP = 2  # pixels between a field and its message


class AddHeroDialogWords(Words):
    """The translation context of the Add Hero dialog's words."""


class AddHeroDialog(QDialog):
    def __init__(
        self,
        save: SaveHero,
        cancel: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(AddHeroDialogWords.tr("Add Hero"))
        # Wide enough for the placeholders and for most messages on one line.
        self.setMinimumWidth(380)
        self._save = save
        self._cancel = cancel
        self._saving: HeroCreate | None = None
        self.saved: HeroCreate | None = None

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(MAX_TEXT_LENGTH * 2)
        self.name_edit.setPlaceholderText(AddHeroDialogWords.tr("Required, e.g. Deadpond"))
        self.secret_edit = QLineEdit()
        self.secret_edit.setMaxLength(MAX_TEXT_LENGTH * 2)
        self.secret_edit.setPlaceholderText(AddHeroDialogWords.tr("Required, e.g. Dive Wilson"))
        self.age_edit = QLineEdit()
        # The limit as it is typed (no digit grouping): the field takes digits only.
        self.age_edit.setPlaceholderText(
            AddHeroDialogWords.tr("Optional, 0 to {max_age}").format(max_age=MAX_AGE)
        )
        self.errors = {field: error_label() for field in ("name", "secret_name", "age")}
        self.form_error = error_label()
        self.edits = {"name": self.name_edit, "secret_name": self.secret_edit, "age": self.age_edit}
        # What a screen reader says of each field besides its label; a refusal replaces it.
        self.hints = {field: edit.placeholderText() for field, edit in self.edits.items()}
        for field, edit in self.edits.items():
            edit.setAccessibleDescription(self.hints[field])

        form = QFormLayout()
        for text, edit, field in (
            (AddHeroDialogWords.tr("&Name:"), self.name_edit, "name"),
            (AddHeroDialogWords.tr("&Secret name:"), self.secret_edit, "secret_name"),
            (AddHeroDialogWords.tr("&Age:"), self.age_edit, "age"),
        ):
            label = QLabel(text)
            label.setBuddy(edit)  # Alt+letter moves to the field
            form.addRow(label, _with_message(edit, self.errors[field]))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleDescription(AddHeroDialogWords.tr("Add this hero (Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleDescription(
            AddHeroDialogWords.tr("Close without adding (Esc)")
        )

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addWidget(buttons)
        self.setTabOrder(self.name_edit, self.secret_edit)
        self.setTabOrder(self.secret_edit, self.age_edit)
        self.name_edit.setFocus()

    def values(self) -> dict[str, str]:
        return {
            "name": self.name_edit.text(),
            "secret_name": self.secret_edit.text(),
            "age": self.age_edit.text(),
        }

    @override
    def accept(self) -> None:
        if self._saving is not None:
            return  # one save at a time
        for label in (*self.errors.values(), self.form_error):
            label.hide()
        for field, edit in self.edits.items():
            edit.setAccessibleDescription(self.hints[field])
        # Imported at the first Add; the data worker has usually loaded it by then.
        from hero_desktop.data.models import validate_create

        try:
            hero = validate_create(self.values())
        except InvalidHeroError as error:
            for field, message in error.messages.items():
                label = self.errors.get(field, self.form_error)
                show_refusal(label, message, self.edits.get(field))
            # The first wrong field in tab order (HeroCreate lists age before secret_name).
            wrong = (edit for field, edit in self.edits.items() if field in error.messages)
            next(wrong, self.age_edit).setFocus()
            # Grow to fit the messages: a shown dialog does not, and wrapped lines were cut off.
            self.adjustSize()
            return
        self._saving = hero
        self.save_button.setEnabled(False)
        self._save(hero, self)

    def show_waiting(self, text: str) -> None:
        """While a save waits for another program's lock: say so (an empty text: done)."""
        if text:
            show_refusal(
                self.form_error,
                AddHeroDialogWords.tr("{waiting} Press Esc to stop waiting.").format(waiting=text),
            )
        else:
            self.form_error.clear()
            self.form_error.hide()
        self.adjustSize()

    def answered(self, problem: str | None) -> None:
        """The save's outcome: None closes the dialog, a message keeps it open."""
        hero, self._saving = self._saving, None
        self.save_button.setEnabled(True)
        if problem is not None:
            show_refusal(self.form_error, problem)
            self.adjustSize()
            return
        self.saved = hero
        super().accept()

    @override
    def reject(self) -> None:
        if self._saving is not None:
            if self._cancel is not None:
                self._cancel()  # the reply says whether it was written after all
            return
        super().reject()


def _with_message(field: QLineEdit, message: QLabel) -> QVBoxLayout:
    """A field with its message right under it: the same gap under every field."""
    column = QVBoxLayout()
    column.setSpacing(MESSAGE_GAP)
    column.addWidget(field)
    column.addWidget(message)
    return column
