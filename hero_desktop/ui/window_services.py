"""What a main window builds once its first page is painted: the parts that change or watch.

The change runner, editing, CSV, the live view and the index offer are not
needed to show the first page, so the window builds them (and imports their
modules) after it, or at once when a menu action needs them sooner. This
file also holds the rule for closing: when a window may close without
losing a change or waiting on the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from hero_desktop.data.facts import StoreFacts
from hero_desktop.ui.change_runner import ChangeRunner
from hero_desktop.ui.csv_transfer import CsvTransfer
from hero_desktop.ui.hero_editing import HeroEditing
from hero_desktop.ui.index_offer_bar import IndexOfferBar
from hero_desktop.ui.live_view import LiveView
from hero_desktop.ui.prompts import Prompts

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QStatusBar, QWidget

    from hero_desktop.data.location import ServerAddress
    from hero_desktop.ui.data_worker import DataClient
    from hero_desktop.ui.hero_table_model import HeroTableModel
    from hero_desktop.ui.hero_table_view import HeroTableView
    from hero_desktop.ui.message_bar import MessageBar
    from hero_desktop.ui.status_area import StatusArea
    from hero_desktop.ui.table_navigator import TableNavigator
    from hero_desktop.ui.window_actions import WindowActions
    from hero_desktop.ui.window_settings import WindowSettings


class ServedWindow(Protocol):
    """The main window, as the parts built after its first paint see it."""

    client: DataClient
    navigator: TableNavigator
    location: Path | ServerAddress
    settings: WindowSettings
    table: HeroTableView
    model: HeroTableModel
    message_bar: MessageBar
    status: StatusArea
    menus: WindowActions
    display_name: str
    close_gate: QTimer
    close_gate_asked: bool
    quitting_without_changes: bool

    @property
    def read_only(self) -> bool: ...
    def statusBar(self) -> QStatusBar: ...  # noqa: N802
    def show_message(self, text: str) -> None: ...
    def damaged(self, problem: str) -> None: ...
    def show_connection(self, problem: str) -> None: ...
    def say_read_only(self, verb: str) -> None: ...
    def reactivate(self) -> None: ...


class WindowServices:
    """The parts that change heroes or watch the file: built after the first paint."""

    def __init__(self, window: ServedWindow, owner: QWidget, prompts: Prompts | None) -> None:
        # ``owner`` is the same window, as the QWidget that parents the parts.
        w = window
        self.prompts = prompts or Prompts(owner)
        self.runner = ChangeRunner(w.client, self.prompts, owner)
        self.runner.message.connect(w.show_message)
        self.runner.changed.connect(w.navigator.after_change)
        self.live_view = LiveView(w.client, w.navigator, owner)
        self.live_view.damaged.connect(w.damaged)
        self.live_view.connectionChanged.connect(w.show_connection)
        self.index_offer = IndexOfferBar(
            w.client, w.location, w.settings.store, w.statusBar(),
            w.navigator.refresh, w.table.setFocus, owner,
        )  # fmt: skip
        w.status.building_index = self.index_offer.building
        self.live_view.nameIndexStale.connect(self.index_offer.rebuild_if_needed)
        self.csv = CsvTransfer(
            w.client, self.runner, self.prompts, owner, w.show_message, w.reactivate
        )
        self.editing = HeroEditing(
            client=w.client, runner=self.runner, prompts=self.prompts,
            navigator=w.navigator, table=w.table, model=w.model,
            messages=w.message_bar, status=w.status, status_bar=w.statusBar(),
            read_only=lambda: w.read_only, say_read_only=w.say_read_only,
            reactivate=w.reactivate, parent=owner,
        )  # fmt: skip
        w.menus.follow_undo(self.runner.stack, self.runner.undoAvailable, self.runner.redoAvailable)

    def start(self, facts: StoreFacts) -> None:
        """Watch the open database: others' changes, its integrity, the index offer."""
        self.live_view.start(facts)
        self.index_offer.start(facts)

    def may_close(self, window: ServedWindow) -> bool:
        """Whether the window may close now; if not, it closes itself once it may.

        An import or export is cancelled (rolled back). A change being written
        commits first (a few milliseconds), unless it waits for another
        program's lock: then the user chooses to quit without it (Enter) or to
        keep waiting (Esc; the window closes once it is written).
        """
        self.csv.cancel()
        if self.runner.is_idle() or window.quitting_without_changes:
            return True
        if window.client.waiting and not window.close_gate_asked:
            window.close_gate_asked = True
            changes = self.runner.pending_labels()
            if self.prompts.quit_without_waiting(window.display_name, changes):
                window.quitting_without_changes = True
                return True
        window.close_gate.start()  # close again once idle (or once it waits, to ask)
        return False

    def stop(self) -> None:
        self.live_view.stop()
        self.index_offer.stop()
        self.csv.cancel()
