"""The message line above the table: what just went wrong, for a few seconds.

A message is about the moment it was shown for: it goes away by itself after
a few seconds, or when the window clears it at the next successful action.
Colours come from the palette (with one accent stripe), so the bar reads on
light and dark desktop themes alike.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

MESSAGE_SECONDS = 8


class MessageBar(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel#messageBar { background: palette(alternate-base); color: palette(window-text);"
            " border-left: 4px solid #d32f2f; padding: 6px; }"
        )
        self.hide()
        self._expiry = QTimer(self)
        self._expiry.setSingleShot(True)
        self._expiry.setInterval(MESSAGE_SECONDS * 1000)
        self._expiry.timeout.connect(self.clear_message)

    def show_message(self, text: str) -> None:
        """Show ``text`` for a few seconds (an empty text clears the bar)."""
        self.setText(text)
        self.setVisible(bool(text))
        if text:
            self._expiry.start()
        else:
            self._expiry.stop()

    def clear_message(self) -> None:
        self.show_message("")

    @property
    def lifetime_ms(self) -> int:
        """How long a message stays when nothing clears it first."""
        return self._expiry.interval()

    @lifetime_ms.setter
    def lifetime_ms(self, milliseconds: int) -> None:
        self._expiry.setInterval(milliseconds)


def banner(name: str, edge: str) -> QLabel:
    """A hidden message strip above the table, marked by a coloured left edge."""
    banner = QLabel()
    banner.setObjectName(name)
    banner.setWordWrap(True)
    banner.setStyleSheet(
        f"QLabel#{name} {{ background: palette(alternate-base); color: palette(window-text);"
        f" border: 0; border-left: 4px solid {edge}; padding: 6px; }}"
    )
    banner.hide()
    return banner
