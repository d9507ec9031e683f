"""The bar under the table: page buttons, page number, page size and status.

The page number field and the page size box are visited, not lived in: Enter
in the field goes to the page and Esc leaves it as it was; either way
``finished`` tells the window to give the keyboard back to the table. In the
page size box the arrow keys (and Home, End) move through the sizes, each
taken at once, and keep the keyboard there until Enter or Esc.

The page buttons show glyphs (« ‹ › »); screen readers get their names
("First page"...) and keys instead. Key names are written by QKeySequence, in
the user's language ("Strg+Bild auf" in German).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QToolButton, QWidget

from hero_desktop.data.views import LAST_PAGE
from hero_desktop.data.words import Words, number
from hero_desktop.ui.count_words import counting_page_field, counting_pages, counting_pages_spoken
from hero_desktop.ui.overrides import override
from hero_desktop.ui.window_settings import PAGE_SIZES

LAST_PAGE_NUMBER = 2**31 - 1  # the page field's largest (a QSpinBox holds an int)


class PagerBarWords(Words):
    """The translation context of the pager bar's words."""


def _keys(sequence: str) -> str:
    """A key sequence as the user's language writes it."""
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


def _button(text: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    return button


class PagerBar(QWidget):
    pageRequested = Signal(int)  # noqa: N815 - zero-based page
    pageSizeChosen = Signal(int)  # noqa: N815
    finished = Signal()  # Enter or Esc in the page field or the page size box

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_button = _button("«")
        self.previous_button = _button("‹")
        self.next_button = _button("›")
        self.last_button = _button("»")
        for button, name, keys in (
            (self.first_button, PagerBarWords.tr("First page"), _keys("Alt+Home")),
            (self.previous_button, PagerBarWords.tr("Previous page"), _keys("Ctrl+PgUp")),
            (self.next_button, PagerBarWords.tr("Next page"), _keys("Ctrl+PgDown")),
            (self.last_button, PagerBarWords.tr("Last page"), _keys("Alt+End")),
        ):
            button.setToolTip(PagerBarWords.tr("{name} ({keys})").format(name=name, keys=keys))
            button.setAccessibleName(name)
            button.setAccessibleDescription(PagerBarWords.tr("Keys: {keys}").format(keys=keys))
        self._go_keys = _keys("Ctrl+L")
        self.page_spin = QSpinBox()
        self.page_spin.setMinimum(1)
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.setToolTip(
            PagerBarWords.tr("Page number: type one and press Enter ({keys})").format(
                keys=self._go_keys
            )
        )
        for page_field in (self.page_spin, self.page_spin.lineEdit()):
            page_field.setAccessibleName(PagerBarWords.tr("Page number"))
            page_field.setAccessibleDescription(
                PagerBarWords.tr("Type a page number and press Enter ({keys})").format(
                    keys=self._go_keys
                )
            )
        self.page_total = QLabel()
        self.size_combo = QComboBox()
        self.size_combo.setAccessibleName(PagerBarWords.tr("Page size"))
        self.size_combo.setAccessibleDescription(PagerBarWords.tr("How many heroes a page shows"))
        for size in PAGE_SIZES:
            self.size_combo.addItem(
                PagerBarWords.tr("{size} per page").format(size=number(size)), size
            )
        self.status = QLabel()
        self.status.setObjectName("pageStatus")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.first_button, self.previous_button):
            layout.addWidget(widget)
        # "Page [field] of 12": the label before the page number field.
        page_label = QLabel(PagerBarWords.tr("Page", "before the page number field"))
        page_label.setBuddy(self.page_spin)
        layout.addWidget(page_label)
        layout.addWidget(self.page_spin)
        layout.addWidget(self.page_total)
        for widget in (self.next_button, self.last_button):
            layout.addWidget(widget)
        layout.addWidget(self.size_combo)
        layout.addStretch(1)
        layout.addWidget(self.status)

        self._page = 0
        self._pages = 1
        self._last = 0
        self.first_button.clicked.connect(lambda: self.pageRequested.emit(0))
        self.previous_button.clicked.connect(lambda: self.pageRequested.emit(self._page - 1))
        self.next_button.clicked.connect(lambda: self.pageRequested.emit(self._page + 1))
        self.last_button.clicked.connect(lambda: self.pageRequested.emit(self._last))
        self.page_spin.valueChanged.connect(self._spin_changed)
        self.size_combo.activated.connect(
            lambda position: self.pageSizeChosen.emit(int(self.size_combo.itemData(position)))
        )
        self.size_combo.activated.connect(self.finished)
        self.page_spin.installEventFilter(self)
        self.size_combo.installEventFilter(self)

    def show_state(
        self,
        page: int,
        pages: int,
        page_size: int,
        status: str,
        counted: bool = True,
        *,
        about: bool = False,
    ) -> None:
        """Show page ``page`` (zero-based) of ``pages``; not ``counted``: ``pages`` is only
        what is known so far (the count is coming), and is not shown as the number of pages;
        ``about``: the number of pages is an estimate."""
        self._page, self._pages = page, pages
        self._last = LAST_PAGE if about or not counted else pages - 1
        self.page_spin.blockSignals(True)
        # Any page number may be typed while the count is coming: the worker clamps it.
        self.page_spin.setMaximum(pages if counted else LAST_PAGE_NUMBER)
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)
        if not counted:
            self.page_total.setText(counting_pages())
            self.page_total.setAccessibleName(counting_pages_spoken())
            self.page_spin.setAccessibleDescription(counting_page_field(page + 1, self._go_keys))
        else:
            if about:
                total = PagerBarWords.tr("of about {pages}", "after the page number field")
                described = PagerBarWords.tr(
                    "Page {page} of about {pages}: type a page number and press Enter ({keys})"
                )
            else:
                total = PagerBarWords.tr("of {pages}", "after the page number field")
                described = PagerBarWords.tr(
                    "Page {page} of {pages}: type a page number and press Enter ({keys})"
                )
            self.page_total.setText(total.format(pages=number(pages)))
            self.page_total.setAccessibleName("")
            self.page_spin.setAccessibleDescription(
                described.format(page=number(page + 1), pages=number(pages), keys=self._go_keys)
            )
        self.size_combo.setCurrentIndex(max(0, self.size_combo.findData(page_size)))
        self.status.setText(status)
        self.first_button.setEnabled(page > 0)
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < pages - 1)
        self.last_button.setEnabled(page < pages - 1 or about)

    def _spin_changed(self, value: int) -> None:
        if value - 1 != self._page:
            self.pageRequested.emit(value - 1)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if key == Qt.Key.Key_Escape and watched is self.page_spin:
            self.page_spin.blockSignals(True)
            self.page_spin.setValue(self._page + 1)  # forget a half-typed number
            self.page_spin.blockSignals(False)
            self.finished.emit()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and watched is self.page_spin:
            self.page_spin.interpretText()  # emits valueChanged when the number changed
            self.finished.emit()
            return True
        if watched is self.size_combo:
            return self._size_key(key) or super().eventFilter(watched, event)
        return super().eventFilter(watched, event)

    def _size_key(self, key: int) -> bool:
        """A key in the closed page size box; True when it was handled here.

        The box's own arrow keys would take each size on the way (``activated``)
        and send the keyboard back to the table after the first one.
        """
        combo, last = self.size_combo, self.size_combo.count() - 1
        moves = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_Home: -last,
                 Qt.Key.Key_End: last}  # fmt: skip
        if key in moves:
            now = combo.currentIndex()
            position = min(last, max(0, now + moves[Qt.Key(key)]))
            if position != now:
                combo.setCurrentIndex(position)
                self.pageSizeChosen.emit(int(combo.itemData(position)))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self.finished.emit()
            return True
        return False
