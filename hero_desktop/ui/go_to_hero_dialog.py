"""Go to Hero (Ctrl+G): a hero id field; Enter goes there, Esc closes.

The dialog never looks anything up itself: ``find`` gets the typed text and a
``reply`` callback, which it calls (later, once the data worker answered)
with None when the hero is shown, or a message. With a message the dialog
stays open, shows it beside the field and selects the text, so the user can
type a correction at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hero_desktop.data.words import Words
from hero_desktop.ui.field_message import error_label, show_refusal
from hero_desktop.ui.overrides import override


class GoToHeroDialogWords(Words):
    """The translation context of the Go to Hero dialog's words."""


Reply = Callable[[str | None], None]
FindHero = Callable[[str, Reply], None]


class GoToHeroDialog(QDialog):
    def __init__(self, find: FindHero, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(GoToHeroDialogWords.tr("Go to Hero"))
        self.setMinimumWidth(320)
        self._find = find
        self.id_edit = QLineEdit()
        self.id_edit.setPlaceholderText(GoToHeroDialogWords.tr("e.g. 42"))
        self.id_edit.setAccessibleDescription(
            GoToHeroDialogWords.tr("The number in a hero's ID column")
        )
        self.error = error_label()
        form = QFormLayout()
        form.addRow(GoToHeroDialogWords.tr("Hero &ID:"), self.id_edit)
        form.addRow("", self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleDescription(
            GoToHeroDialogWords.tr("Show this hero (Enter)")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.id_edit.setFocus()

    @override
    def accept(self) -> None:
        self._find(self.id_edit.text(), self._answered)

    def _answered(self, problem: str | None) -> None:
        if problem is None:
            super().accept()
            return
        show_refusal(self.error, problem, self.id_edit)
        self.id_edit.setFocus()
        self.id_edit.selectAll()
        self.adjustSize()
