"""The window's keys that also work while one of its progress dialogs has the keyboard.

A progress dialog is window-modal: while it is up, the window's shortcuts
are blocked. Quit must not be (Ctrl+Q quits at once, cancelling the work),
so ``window_actions`` marks its action with ``works_in_progress_dialogs``, and
each progress dialog adds the marked actions of its window
(``add_to_progress_dialog``).
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

_PROPERTY = "heroDesktopInProgressDialogs"


def works_in_progress_dialogs(action: QAction) -> None:
    action.setProperty(_PROPERTY, True)


def add_to_progress_dialog(dialog: QWidget, window: QWidget) -> None:
    """Give ``dialog`` the keys of ``window``'s marked actions."""
    dialog.addActions([action for action in window.actions() if action.property(_PROPERTY)])
