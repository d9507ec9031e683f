"""The message a dialog shows beside a field it refuses, for eyes and screen readers.

The label takes its colours from the palette (the window's text colour, set
apart by a stripe in the highlight colour), so it reads in light, dark and
high-contrast themes, and says what is wrong in words. A refusal also
becomes the field's accessible description and is announced at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from hero_desktop.ui.announce import announce


def error_label() -> QLabel:
    """A hidden message label; the stripe is drawn only after "border: 0"."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setStyleSheet(
        "QLabel#fieldError { color: palette(window-text); border: 0;"
        " border-left: 3px solid palette(highlight); padding-left: 6px; }"
    )
    label.setWordWrap(True)
    label.hide()
    return label


def show_refusal(label: QLabel, text: str, field: QWidget | None = None) -> None:
    """Show ``text`` in ``label``; ``field`` (the refused one) describes itself by it."""
    label.setText(text)
    label.show()
    if field is not None:
        field.setAccessibleDescription(text)
    announce(label, text, urgent=True)
