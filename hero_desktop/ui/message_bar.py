"""The message line above the table: what just happened, for a few seconds.

A message is a success, a warning or an error (``MessageKind``). Each kind
has its own icon from the style and its own stripe colour from the palette,
so the bar reads on light and dark desktop themes alike, and says its kind
in words to screen readers (the accessible description, and the accessible
name starts with it), who hear it announced as it appears. A message goes
away by itself after a few seconds, or when the window clears it at the
next successful action.

The table never moves for a message: the bar keeps a one-line ``slot`` in
the window's layout, there whether or not a message shows, and is drawn
over that slot (a message longer than one line covers what is below it
while it shows).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QWidget

from hero_desktop.data.words import Words
from hero_desktop.ui.announce import announce
from hero_desktop.ui.overrides import override

MESSAGE_SECONDS = 8


class MessageBarWords(Words):
    """The translation context of the message bar's words (the kinds screen readers say)."""


class MessageKind(StrEnum):
    """What a message reports; the value is its English name (``spoken`` says it)."""

    SUCCESS = "Success"
    WARNING = "Warning"
    ERROR = "Error"


def spoken(kind: MessageKind) -> str:
    """The word screen readers say for ``kind``, in the user's language."""
    if kind is MessageKind.SUCCESS:
        return MessageBarWords.tr("Success")
    if kind is MessageKind.WARNING:
        return MessageBarWords.tr("Warning")
    return MessageBarWords.tr("Error")


# The stripe beside a message, by palette role: a quiet one for a success, the
# selection colour for a warning, the text colour itself (the strongest
# contrast the theme has) for an error.
STRIPES = {
    MessageKind.SUCCESS: "palette(mid)",
    MessageKind.WARNING: "palette(highlight)",
    MessageKind.ERROR: "palette(window-text)",
}
ICONS = {
    MessageKind.SUCCESS: QStyle.StandardPixmap.SP_DialogApplyButton,
    MessageKind.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    MessageKind.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
}


class ShowMessage(Protocol):
    """``show_message(text, kind)``: what the window's parts call to tell the user."""

    def __call__(self, text: str, kind: MessageKind = MessageKind.ERROR) -> None: ...


def _strip_style(name: str, kind: MessageKind) -> str:
    return (
        f"#{name} {{ background: palette(alternate-base); border: 0;"
        f" border-left: 4px solid {STRIPES[kind]}; }}"
    )


class MessageBar(QFrame):
    succeeded = Signal()  # a success was shown, or the next successful action cleared the bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setAccessibleName(MessageBarWords.tr("Message"))
        self.icon = QLabel()
        self.icon.setObjectName("messageIcon")
        self.label = QLabel()
        self.label.setObjectName("messageText")
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 6, 6)
        layout.addWidget(self.icon)
        layout.addWidget(self.label, 1)
        self.kind = MessageKind.ERROR
        self._show_kind(MessageKind.ERROR)
        self.hide()
        self._expiry = QTimer(self)
        self._expiry.setSingleShot(True)
        self._expiry.setInterval(MESSAGE_SECONDS * 1000)
        self._expiry.timeout.connect(lambda: self._set("", MessageKind.ERROR))
        # The place kept for the bar in the window's layout: one line high, always there.
        self.slot = QWidget()
        self.slot.setObjectName("messageSlot")
        self.label.setText("X")
        self.slot.setFixedHeight(self.sizeHint().height())
        self.label.clear()
        self.slot.installEventFilter(self)

    def text(self) -> str:
        return self.label.text()

    def show_message(self, text: str, kind: MessageKind = MessageKind.ERROR) -> None:
        """Show ``text`` for a few seconds (an empty text clears the bar)."""
        self._set(text, kind)
        if text and kind is MessageKind.SUCCESS:
            self.succeeded.emit()

    def clear_message(self) -> None:
        """The next successful action: the last message is over."""
        self._set("", MessageKind.ERROR)
        self.succeeded.emit()

    def _set(self, text: str, kind: MessageKind) -> None:
        self.label.setText(text)
        self._show_kind(kind)
        word = spoken(kind)
        self.setAccessibleDescription(word if text else "")
        self.label.setAccessibleName(
            MessageBarWords.tr("{kind}: {message}").format(kind=word, message=text) if text else ""
        )
        if text:
            self._expiry.start()
            self._follow_slot()
            announce(self.label, self.label.accessibleName(), urgent=kind is MessageKind.ERROR)
        else:
            self._expiry.stop()
        # Shown only over its slot: before the window is laid out it has nowhere to be.
        self.setVisible(bool(text) and self.parentWidget() is not None)

    def _show_kind(self, kind: MessageKind) -> None:
        self.kind = kind
        self.setStyleSheet(_strip_style("messageBar", kind))
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon.setPixmap(self.style().standardIcon(ICONS[kind]).pixmap(size, size))
        self.icon.setAccessibleName(spoken(kind))

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.slot and event.type() in (
            QEvent.Type.ParentChange,
            QEvent.Type.Move,
            QEvent.Type.Resize,
        ):
            self._follow_slot()
        return super().eventFilter(watched, event)

    def _follow_slot(self) -> None:
        """Lie over the slot, as wide as it, and as tall as the message needs."""
        area = self.slot.parentWidget()
        if area is None:
            return
        if self.parentWidget() is not area:
            self.setParent(area)  # (hidden by the move: shown again by the next message)
        width = self.slot.width()
        height = max(self.slot.height(), self.heightForWidth(width))
        self.setGeometry(self.slot.x(), self.slot.y(), width, height)
        self.raise_()

    @property
    def lifetime_ms(self) -> int:
        """How long a message stays when nothing clears it first."""
        return self._expiry.interval()

    @lifetime_ms.setter
    def lifetime_ms(self, milliseconds: int) -> None:
        self._expiry.setInterval(milliseconds)


def banner(name: str, kind: MessageKind) -> QLabel:
    """A hidden strip above the table for a lasting state, marked as ``kind`` is."""
    banner = QLabel()
    banner.setObjectName(name)
    banner.setWordWrap(True)
    banner.setAccessibleDescription(spoken(kind))
    banner.setStyleSheet(
        f"QLabel#{name} {{ background: palette(alternate-base); color: palette(window-text);"
        f" border: 0; border-left: 4px solid {STRIPES[kind]}; padding: 6px; }}"
    )
    banner.hide()
    return banner
