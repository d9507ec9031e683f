"""Saying something to a screen reader the moment it appears on screen.

A message painted above the table, a refusal beside a field or in the status
bar, the index offer and "Waiting for another program…" appear without the
keyboard moving, so a screen reader would not read them by itself. Each of
them is sent here as an accessibility announcement: Qt hands it to the
platform (an AT-SPI announcement on Linux, which Orca speaks), assertive for
a refusal or an error, polite otherwise. Without an assistive technology
running, Qt drops the event at once.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

POLITE = QAccessible.AnnouncementPoliteness.Polite
ASSERTIVE = QAccessible.AnnouncementPoliteness.Assertive


def announce(widget: QWidget, text: str, *, urgent: bool = False) -> None:
    """Have screen readers say ``text``, on behalf of ``widget`` (which shows it)."""
    if not text:
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(ASSERTIVE if urgent else POLITE)
    QAccessible.updateAccessibility(event)
