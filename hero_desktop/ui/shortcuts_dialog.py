"""Help → Keyboard Shortcuts: every action with its keys, read from the menus.

A plain two-column list (no spreadsheet grid or row numbers), sized so that
the whole list shows without a scroll bar.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.list = QTreeWidget()
        self.list.setColumnCount(2)
        self.list.setHeaderLabels(["Action", "Keys"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.addTopLevelItems([QTreeWidgetItem([action, keys]) for action, keys in rows])
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
