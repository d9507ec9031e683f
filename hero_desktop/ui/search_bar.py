"""The search bar: name contains (as you type), an age range, or "no age"."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from hero_desktop.data.rows import MAX_AGE, MIN_AGE

TYPING_PAUSE_MS = 150


class SearchBar(QWidget):
    """Emits ``changed`` a moment after the user stops typing."""

    changed = Signal()
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Search names (Ctrl+F)")
        self.name_edit.setClearButtonEnabled(True)
        self.name_edit.setAccessibleName("Search names")
        self.name_edit.setAccessibleDescription(
            "Shows the heroes whose name contains what you type (Ctrl+F; Esc clears)"
        )
        self.age_from = QLineEdit()
        self.age_to = QLineEdit()
        for edit, hint in ((self.age_from, "from"), (self.age_to, "to")):
            edit.setPlaceholderText(hint)
            edit.setAccessibleName(f"Age {hint}")
            edit.setAccessibleDescription(f"Heroes aged {hint} this, {MIN_AGE} to {MAX_AGE}")
            edit.setValidator(QIntValidator(MIN_AGE, MAX_AGE, edit))
            edit.setMaximumWidth(70)
        self.no_age = QCheckBox("No age")
        self.no_age.setAccessibleDescription("Only the heroes without an age")
        self.matches = QLabel()
        self.matches.setObjectName("searchMatches")
        # Room for the longest count from the start, so the bar never changes width.
        self.matches.setMinimumWidth(
            self.matches.fontMetrics().horizontalAdvance("9,999,999 matches")
        )

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        label = QLabel("&Search:")
        label.setBuddy(self.name_edit)
        layout.addWidget(label)
        layout.addWidget(self.name_edit, 1)
        age_label = QLabel("Age")
        age_label.setBuddy(self.age_from)
        layout.addWidget(age_label)
        layout.addWidget(self.age_from)
        to_label = QLabel("–")
        to_label.setBuddy(self.age_to)
        layout.addWidget(to_label)
        layout.addWidget(self.age_to)
        layout.addWidget(self.no_age)
        layout.addWidget(self.matches)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.changed)
        for edit in (self.name_edit, self.age_from, self.age_to):
            edit.textChanged.connect(self._timer.start)
        self.no_age.toggled.connect(self._no_age_toggled)

    def _no_age_toggled(self, checked: bool) -> None:
        self.age_from.setEnabled(not checked)
        self.age_to.setEnabled(not checked)
        self._timer.start()

    def flush(self) -> None:
        """Apply what was typed now, without waiting for the pause."""
        if self._timer.isActive():
            self._timer.stop()
            self.changed.emit()

    def clear(self) -> None:
        # Signals stay on: the fields' own clear buttons hide on textChanged. The
        # search they would start is stopped below (the caller shows the cleared one).
        for edit in (self.name_edit, self.age_from, self.age_to):
            edit.clear()
        self.no_age.setChecked(False)
        self._timer.stop()
        self.cleared.emit()

    def age_range(self) -> tuple[int | None, int | None]:
        def number(edit: QLineEdit) -> int | None:
            text = edit.text().strip()
            return int(text) if text.isdigit() else None

        return number(self.age_from), number(self.age_to)

    def no_match_hint(self) -> str:
        """What the table says when this search finds no hero: why, when the range says it."""
        low, high = self.age_range()
        if not self.no_age.isChecked() and low is not None and high is not None and low > high:
            return (
                f'No heroes match: the age "from" ({low}) is above "to" ({high}). '
                "Swap them, or press Esc to clear the search."
            )
        return "No heroes match this search. Press Esc to clear it."
