"""The Delete dialog: names the heroes to delete; Enter confirms, Esc cancels."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from hero_desktop.data.rows import HeroRow

NAMES_SHOWN = 10


def describe(heroes: list[HeroRow], note: str = "") -> str:
    lines = [f"• {hero.name} (id {hero.id})" for hero in heroes[:NAMES_SHOWN]]
    if len(heroes) > NAMES_SHOWN:
        lines.append(f"…and {len(heroes) - NAMES_SHOWN:,} more")
    noun = "this hero" if len(heroes) == 1 else f"these {len(heroes):,} heroes"
    note = f"\n\n{note}" if note else ""
    return f"Delete {noun}?\n\n" + "\n".join(lines) + f"{note}\n\nYou can undo this with Ctrl+Z."


class DeleteHeroesDialog(QDialog):
    def __init__(
        self, heroes: list[HeroRow], parent: QWidget | None = None, note: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Delete Heroes" if len(heroes) > 1 else "Delete Hero")
        self.message = QLabel(describe(heroes, note))
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        delete = buttons.addButton("&Delete", QDialogButtonBox.ButtonRole.AcceptRole)
        delete.setDefault(True)
        delete.setAutoDefault(True)
        delete.setAccessibleDescription("Delete the heroes listed (Enter); Ctrl+Z undoes it")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleDescription(
            "Keep them (Esc)"
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        delete.setFocus()


def confirm_delete(heroes: list[HeroRow], parent: QWidget | None, note: str = "") -> bool:
    return DeleteHeroesDialog(heroes, parent, note).exec() == QDialog.DialogCode.Accepted
