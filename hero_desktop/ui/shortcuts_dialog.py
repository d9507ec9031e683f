"""Help → Keyboard Shortcuts: every action with its keys, read from the menus.

A plain two-column list (no spreadsheet grid or row numbers), sized so that
the whole list shows without a scroll bar. It opens focused, and a screen
reader reads each row as one sentence, "action: keys".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hero_desktop.data.words import Words


class ShortcutsDialogWords(Words):
    """The translation context of Help → Keyboard Shortcuts (the rows come from the menus)."""


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(ShortcutsDialogWords.tr("Keyboard Shortcuts"))
        self.list = QTreeWidget()
        self.list.setColumnCount(2)
        self.list.setHeaderLabels(
            [ShortcutsDialogWords.tr("Action"), ShortcutsDialogWords.tr("Keys")]
        )
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.setAccessibleName(ShortcutsDialogWords.tr("Keyboard shortcuts"))
        self.list.setAccessibleDescription(
            ShortcutsDialogWords.tr("Each action of the menus, with its keys")
        )
        # A screen reader reads each row as one sentence.
        spoken = ShortcutsDialogWords.tr("{action}: {keys}")
        self.list.addTopLevelItems([_row(action, keys, spoken) for action, keys in rows])
        self.list.resizeColumnToContents(0)
        self.list.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        # Tall and wide enough for every row and both columns.
        row_height = self.list.sizeHintForRow(0) if rows else 20
        header = self.list.header().sizeHint().height()
        frame = 2 * self.list.frameWidth()
        width = self.list.columnWidth(0) + self.list.columnWidth(1) + frame + 40
        self.list.setMinimumSize(width, header + row_height * len(rows) + frame + 4)
        self.adjustSize()
        self.list.setFocus()
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)


def _row(action: str, keys: str, spoken: str) -> QTreeWidgetItem:
    item = QTreeWidgetItem([action, keys])
    said = spoken.format(action=action, keys=keys)
    for column in (0, 1):
        item.setData(column, Qt.ItemDataRole.AccessibleTextRole, said)
    return item
