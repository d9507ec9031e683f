"""The table's text size: larger, smaller and back to the desktop's (remembered).

Only the table changes (its cells, column titles and cell editors, which
take the table's font); the rest of the window keeps the desktop's font.
The size is remembered as points above or below the desktop's, so "normal"
follows the desktop wherever the app next starts. Rows are as tall as the
text needs.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QTableView

from hero_desktop.ui.window_settings import WindowSettings

SMALLEST_POINTS = 6
LARGEST_POINTS = 36
# Space above and below a row's text (24 px rows at a 9 pt desktop font).
ROW_PADDING = 10


class TextSize:
    """Ctrl+Plus, Ctrl+Minus and Ctrl+0 on the table's font and row height."""

    def __init__(self, table: QTableView, settings: WindowSettings) -> None:
        self._table = table
        self._settings = settings
        self._apply(settings.table_text_offset)

    @property
    def points(self) -> float:
        """The table's text size now, in points."""
        return self._table.font().pointSizeF()

    def larger(self) -> None:
        self._change(+1)

    def smaller(self) -> None:
        self._change(-1)

    def normal(self) -> None:
        self._change(-self._settings.table_text_offset)

    def _change(self, step: int) -> None:
        self._settings.table_text_offset = self._apply(self._settings.table_text_offset + step)

    def _apply(self, offset: int) -> int:
        """Show the table's text ``offset`` points from the desktop's; the offset kept."""
        desktop = QApplication.font(self._table)
        base = desktop.pointSizeF()
        if base <= 0:  # a desktop font set in pixels: sizes cannot be counted in points
            offset = 0
        else:
            offset = int(max(SMALLEST_POINTS - base, min(offset, LARGEST_POINTS - base)))
        if offset:
            font = QFont(desktop)
            font.setPointSizeF(base + offset)
            self._table.setFont(font)
        else:
            self._table.setFont(QFont())  # nothing of its own: the desktop's, as it changes
        height = QFontMetrics(self._table.font()).height() + ROW_PADDING
        self._table.verticalHeader().setDefaultSectionSize(height)
        return offset
