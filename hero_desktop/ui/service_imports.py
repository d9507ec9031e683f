"""What the window imports once its first page is painted, a module per turn of the event loop.

The parts that change heroes or watch the file (``WindowServices``) are not
needed for the first page: the window imports them after painting it, one
module per turn, so that no single turn keeps the window from answering for long.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QTimer

SERVICE_MODULES = (
    "hero_desktop.ui.prompts",
    "hero_desktop.ui.change_runner",
    "hero_desktop.ui.live_view",
    "hero_desktop.ui.index_offer_bar",
    "hero_desktop.ui.csv_transfer",
    "hero_desktop.ui.hero_editing",
    "hero_desktop.ui.window_services",
)
"""What the parts built after the first paint import, in this order."""


def import_in_steps(modules: list[str], then: Callable[[], None]) -> None:
    """Import ``modules`` one per turn of the event loop, then call ``then``."""
    if not modules:
        then()
        return
    importlib.import_module(modules.pop(0))
    QTimer.singleShot(0, lambda: import_in_steps(modules, then))
