"""The hero table as the user sees it: cells, cell editors, and a hint when empty.

Cell editors check what was typed against the data layer's validation before
they let Enter or Tab commit it, and hand the model the validated value.
Refused text stays in the open editor, and the reason appears beside the
cell (and through ``refused`` in the status bar), so nothing typed is lost
and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from hero_desktop.data.errors import InvalidHeroError
from hero_desktop.data.words import Words
from hero_desktop.ui.announce import announce
from hero_desktop.ui.hero_table_model import COLUMNS, HeroTableModel
from hero_desktop.ui.overrides import override

if TYPE_CHECKING:
    from hero_desktop.data.models import HeroUpdate


class HeroTableViewWords(Words):
    """The translation context of the table's name and description for screen readers."""


Index = QModelIndex | QPersistentModelIndex
COMMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
# The editor remembers which hero field it edits (a dynamic Qt property).
FIELD_PROPERTY = "heroField"


class HeroCellDelegate(QStyledItemDelegate):
    """Where a typed cell value enters: validated here, once, by the data layer's rules.

    Text the rules refuse is never committed: Enter or Tab keeps the editor
    open with it, and an editor that loses focus with it says so and is
    opened again (``refusedOnLeave``). Accepted text reaches the model as
    the validated ``HeroUpdate``.
    """

    refused = Signal(str, str)  # field, message
    refusedOnLeave = Signal(object, str)  # noqa: N815 - the cell's QModelIndex, the text

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._last: tuple[str, str, HeroUpdate | str] | None = None

    @override
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = super().createEditor(parent, option, index)
        editor.setProperty(FIELD_PROPERTY, COLUMNS[index.column()])
        # A screen reader names the editor by its column ("Age"), not just its text.
        title = index.model().headerData(index.column(), Qt.Orientation.Horizontal)
        editor.setAccessibleName(str(title))
        editor.setAccessibleDescription(
            HeroTableViewWords.tr("Enter saves the value, Esc leaves it as it was")
        )
        return editor  # (setEditorData, which Qt calls next, notes the hero it shows)

    @override
    def setEditorData(self, editor: QWidget, index: Index) -> None:
        # A page refreshed while the editor is open (another program's change) must
        # not overwrite what the user has typed; until they type, it shows the news.
        if isinstance(editor, QLineEdit) and editor.isModified():
            return
        super().setEditorData(editor, index)
        model = index.model()
        if isinstance(model, HeroTableModel):
            model.editing_started(index.row())  # what the user now edits from

    def validated(self, editor: QLineEdit) -> HeroUpdate | str:
        """The editor's text as a validated update, or why it cannot be saved."""
        # Imported at the first edit; the data worker has usually loaded it by then.
        from hero_desktop.data.models import validate_update

        field, text = str(editor.property(FIELD_PROPERTY)), editor.text()
        if self._last is not None and self._last[:2] == (field, text):
            return self._last[2]  # checked on Enter a moment ago
        result: HeroUpdate | str
        try:
            result = validate_update({field: text})
        except InvalidHeroError as error:
            result = next(iter(error.messages.values()))
        self._last = (field, text, result)
        return result

    def show_problem(self, editor: QLineEdit, message: str) -> None:
        field = str(editor.property(FIELD_PROPERTY))
        QToolTip.showText(editor.mapToGlobal(QPoint(0, editor.height())), message, editor)
        self.refused.emit(field, message)

    @override
    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if not isinstance(editor, QLineEdit):
            return
        result = self.validated(editor)
        self._last = None
        if isinstance(result, str):
            self.refused.emit(str(editor.property(FIELD_PROPERTY)), result)
            self.refusedOnLeave.emit(model.index(index.row(), index.column()), editor.text())
            return
        model.setData(index, result, Qt.ItemDataRole.EditRole)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QLineEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in COMMIT_KEYS
        ):
            result = self.validated(watched)
            if isinstance(result, str):
                self.show_problem(watched, result)
                return True  # the editor stays open with the text
        return super().eventFilter(watched, event)


class HeroTableView(QTableView):
    """Cell selection as in a spreadsheet, keyboard editing, no row numbers, a hint when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = HeroCellDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setTabKeyNavigation(True)
        self.setAccessibleName(HeroTableViewWords.tr("Heroes"))
        self.setAccessibleDescription(
            HeroTableViewWords.tr(
                "One page of heroes: Enter or F2 edits a cell, Ctrl+N adds a hero, "
                "F1 lists the keys"
            )
        )
        self.setAlternatingRowColors(True)
        # The ID column already numbers the heroes; row numbers only repeated it.
        self.verticalHeader().hide()  # (its row height follows the text: text_size.TextSize)
        header = self.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Made when first needed: the first call of viewport() costs PySide about
        # 8 ms (it looks up the Python class of a plain QWidget), which a table
        # with heroes on its first page need not pay before that page is painted.
        self._placeholder: QLabel | None = None
        self._after_paint: list[Callable[[], None]] = []

    @property
    def placeholder(self) -> QLabel:
        """The hint shown across the table when it has no rows."""
        if self._placeholder is None:
            label = QLabel(self.viewport())
            label.setObjectName("emptyHint")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setEnabled(False)  # drawn in the palette's dimmed text colour
            label.hide()
            self._placeholder = label
        return self._placeholder

    def after_next_paint(self, then: Callable[[], None]) -> None:
        """Call ``then`` once the rows have next been painted (not before)."""
        self._after_paint.append(then)

    def show_placeholder(self, text: str) -> None:
        """Show ``text`` across the empty table (an empty text hides it)."""
        if not text and self._placeholder is None:
            return
        shown = self.placeholder.isVisible() and self.placeholder.text()
        self.placeholder.setText(text)
        self.placeholder.setVisible(bool(text))
        self.placeholder.resize(self.viewport().size())
        if text != shown:
            # A label inside the viewport is not in the accessible tree: say it.
            announce(self, text)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._after_paint:
            waiting, self._after_paint = self._after_paint, []
            for then in waiting:
                QTimer.singleShot(0, self, then)  # on the next turn of the event loop

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._placeholder is not None:
            self._placeholder.resize(self.viewport().size())
