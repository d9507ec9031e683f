"""The search bar: name contains (as you type), an age range, or "no age"."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QIntValidator, QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from hero_desktop.data.rows import MAX_AGE, MIN_AGE
from hero_desktop.data.words import Words

TYPING_PAUSE_MS = 150


class SearchBarWords(Words):
    """The translation context of the search bar's words."""


def matches_text(total: int) -> str:
    """How many heroes a search finds, as the bar shows it ("1,234 matches")."""
    return SearchBarWords.tr("%Ln match(es)", "", total)


class SearchBar(QWidget):
    """Emits ``changed`` a moment after the user stops typing."""

    changed = Signal()
    cleared = Signal()
    # Enter in a field, or Down in the name field: the search now, and the keyboard
    # to its results (what a screen-reader user would otherwise Tab four times for).
    toResults = Signal()  # noqa: N815 - a Qt signal

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(SearchBarWords.tr("Search names (Ctrl+F)"))
        self.name_edit.setClearButtonEnabled(True)
        self.name_edit.setAccessibleName(SearchBarWords.tr("Search names"))
        self.name_edit.setAccessibleDescription(
            SearchBarWords.tr(
                "Shows the heroes whose name contains what you type (Ctrl+F; Esc clears)"
            )
        )
        self.age_from = QLineEdit()
        self.age_to = QLineEdit()
        # The limits as they are typed (no digit grouping): the fields take digits only.
        limits = {"low": MIN_AGE, "high": MAX_AGE}
        for edit, hint, name, description in (
            (
                self.age_from,
                SearchBarWords.tr("from", "the lowest age searched for"),
                SearchBarWords.tr("Age from"),
                SearchBarWords.tr("Heroes aged from this, {low} to {high}").format(**limits),
            ),
            (
                self.age_to,
                SearchBarWords.tr("to", "the highest age searched for"),
                SearchBarWords.tr("Age to"),
                SearchBarWords.tr("Heroes aged to this, {low} to {high}").format(**limits),
            ),
        ):
            edit.setPlaceholderText(hint)
            edit.setAccessibleName(name)
            edit.setAccessibleDescription(description)
            edit.setValidator(QIntValidator(MIN_AGE, MAX_AGE, edit))
            edit.setMaximumWidth(70)
        self.no_age = QCheckBox(SearchBarWords.tr("No age"))
        self.no_age.setAccessibleDescription(SearchBarWords.tr("Only the heroes without an age"))
        self.matches = QLabel()
        self.matches.setObjectName("searchMatches")
        # Room for the longest count from the start, so the bar never changes width.
        self.matches.setMinimumWidth(
            self.matches.fontMetrics().horizontalAdvance(matches_text(9_999_999))
        )

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        label = QLabel(SearchBarWords.tr("&Search:"))
        label.setBuddy(self.name_edit)
        layout.addWidget(label)
        layout.addWidget(self.name_edit, 1)
        age_label = QLabel(SearchBarWords.tr("Age", "before the age range fields"))
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
            edit.returnPressed.connect(self._to_results)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.name_edit)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self._to_results)
        self.no_age.toggled.connect(self._no_age_toggled)

    def _no_age_toggled(self, checked: bool) -> None:
        self.age_from.setEnabled(not checked)
        self.age_to.setEnabled(not checked)
        self._timer.start()

    def _to_results(self) -> None:
        self.flush()
        self.toResults.emit()

    def show_matches(self, total: int | None) -> None:
        """Say how many heroes the search finds (None: no search, nothing said)."""
        self.matches.setText("" if total is None else matches_text(total))

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
            return SearchBarWords.tr(
                'No heroes match: the age "from" ({low}) is above "to" ({high}). '
                "Swap them, or press Esc to clear the search."
            ).format(low=low, high=high)
        return SearchBarWords.tr("No heroes match this search. Press Esc to clear it.")
