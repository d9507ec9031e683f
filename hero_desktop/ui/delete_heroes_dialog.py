"""The Delete dialog: names the heroes to delete; Enter confirms, Esc cancels."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from hero_desktop.data.rows import HeroRow
from hero_desktop.data.words import Words


class DeleteHeroesDialogWords(Words):
    """The translation context of the Delete dialog's words."""


NAMES_SHOWN = 10


def describe(heroes: list[HeroRow], note: str = "") -> str:
    """The question, the heroes it names (the first NAMES_SHOWN), ``note``, and how to undo."""
    count = len(heroes)
    if count == 1:
        question = DeleteHeroesDialogWords.tr("Delete this hero?")
    else:
        question = DeleteHeroesDialogWords.tr("Delete these %Ln heroes?", "", count)
    named = DeleteHeroesDialogWords.tr("• {name} (ID {id})")
    lines = [named.format(name=hero.name, id=hero.id) for hero in heroes[:NAMES_SHOWN]]
    if count > NAMES_SHOWN:
        lines.append(DeleteHeroesDialogWords.tr("…and %Ln more", "", count - NAMES_SHOWN))
    paragraphs = [question, "\n".join(lines), note]
    paragraphs.append(DeleteHeroesDialogWords.tr("You can undo this with Ctrl+Z."))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


class DeleteHeroesDialog(QDialog):
    def __init__(
        self, heroes: list[HeroRow], parent: QWidget | None = None, note: str = ""
    ) -> None:
        super().__init__(parent)
        if len(heroes) > 1:
            self.setWindowTitle(DeleteHeroesDialogWords.tr("Delete Heroes"))
        else:
            self.setWindowTitle(DeleteHeroesDialogWords.tr("Delete Hero"))
        self.message = QLabel(describe(heroes, note))
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        delete = buttons.addButton(
            DeleteHeroesDialogWords.tr("&Delete"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        delete.setDefault(True)
        delete.setAutoDefault(True)
        delete.setAccessibleDescription(
            DeleteHeroesDialogWords.tr("Delete the heroes listed (Enter); Ctrl+Z undoes it")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleDescription(
            DeleteHeroesDialogWords.tr("Keep them (Esc)")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        delete.setFocus()


def confirm_delete(heroes: list[HeroRow], parent: QWidget | None, note: str = "") -> bool:
    return DeleteHeroesDialog(heroes, parent, note).exec() == QDialog.DialogCode.Accepted
