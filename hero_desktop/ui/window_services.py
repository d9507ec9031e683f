"""What a main window builds once its first page is painted: the parts that change or watch.

The change runner, editing, CSV, the live view and the index offer are not
needed to show the first page, so the window builds them (and imports their
modules) after it, or at once when a menu action needs them sooner. This
file also holds the rule for closing: when a window may close without
losing a change or waiting on the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractItemView, QWidget

from hero_desktop.data.facts import StoreFacts
from hero_desktop.ui.announce import announce
from hero_desktop.ui.change_runner import ChangeRunner
from hero_desktop.ui.csv_transfer import CsvTransfer
from hero_desktop.ui.hero_editing import HeroEditing
from hero_desktop.ui.index_offer_bar import IndexOfferBar
from hero_desktop.ui.live_view import LiveView
from hero_desktop.ui.name_cache_status import NameCacheStatus
from hero_desktop.ui.paste_cells import CellPaster
from hero_desktop.ui.prompts import Prompts

# A close held back until the change being written commits (or meets a lock) is tried
# again this often.
CLOSE_RETRY_MS = 20

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QStatusBar

    from hero_desktop.data.location import ServerAddress
    from hero_desktop.ui.data_worker import DataClient
    from hero_desktop.ui.hero_table_model import HeroTableModel
    from hero_desktop.ui.hero_table_view import HeroTableView
    from hero_desktop.ui.message_bar import MessageBar, MessageKind
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

    @property
    def read_only(self) -> bool: ...
    def statusBar(self) -> QStatusBar: ...  # noqa: N802
    def show_message(self, text: str, kind: MessageKind = ...) -> None: ...
    def damaged(self, problem: str) -> None: ...
    def show_connection(self, problem: str) -> None: ...
    def say_read_only(self, verb: str) -> None: ...
    def reactivate(self) -> None: ...


class WindowServices:
    """The parts that change heroes or watch the file: built after the first paint."""

    def __init__(self, window: ServedWindow, owner: QWidget, prompts: Prompts | None) -> None:
        # ``owner`` is the same window, as the QWidget that parents the parts.
        w = self._window = window
        self._owner = owner
        # Closing waits for no database: a close that must let a change finish first
        # is tried again by this timer; the window keeps answering meanwhile.
        self._gate = QTimer(owner)
        self._gate.setInterval(CLOSE_RETRY_MS)
        self._gate.timeout.connect(self._close_when_settled)
        self._asked = self._retrying = self._quitting = False
        self._editor_at_close: QWidget | None = None  # (committed by that close)
        self.prompts = prompts or Prompts(owner, w.settings)
        self.runner = ChangeRunner(w.client, self.prompts, owner)
        self.runner.message.connect(w.show_message)
        self.runner.announced.connect(lambda text: announce(w.table, text))
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
        self.name_cache_status = NameCacheStatus(w.statusBar(), owner)
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
        self.pasting = CellPaster(
            client=w.client, runner=self.runner, prompts=self.prompts,
            navigator=w.navigator, table=w.table, model=w.model, show_message=w.show_message,
            read_only=lambda: w.read_only, say_read_only=w.say_read_only,
            reactivate=w.reactivate, parent=owner,
        )  # fmt: skip
        w.menus.follow_undo(self.runner.stack, self.runner.undoAvailable, self.runner.redoAvailable)

    def start(self, facts: StoreFacts) -> None:
        """Watch the open database: others' changes, its integrity, the index offer."""
        self.live_view.start(facts)
        self.index_offer.start(facts)
        self.name_cache_status.start(facts.name_cache)

    def may_close(self) -> bool:
        """Whether the window may close now; if not, it closes itself once it may.

        A change being written commits first (a few milliseconds); an import
        or a fill of a whole view is cancelled (rolled back) first. A change that waits for another
        program's lock is the user's call: quit without it (Enter), or keep
        waiting (Esc; the window closes once it is written). A new Ctrl+Q
        after Keep Waiting asks again.
        """
        retrying, self._retrying = self._retrying, False
        if not retrying:
            self._asked = False
        if self.runner.is_idle() or self._quitting:
            return True
        if self._window.client.waiting:
            if not self._asked:
                self._asked = True
                changes = self.runner.pending_labels()
                name = self._window.display_name
                if self.prompts.quit_without_waiting(name, changes):
                    self._quitting = True
                    return True
        else:
            self.csv.cancel()  # an import in hand rolls back; a short change just commits
            self.pasting.cancel()  # so does a fill of a whole view
        if not self._gate.isActive():
            self._editor_at_close = self._editor()
            self._gate.start()  # close again once it is written (or once it waits, to ask)
        return False

    def _editor(self) -> QWidget | None:
        table = self._window.table
        if table.state() != QAbstractItemView.State.EditingState:
            return None
        return table.indexWidget(table.currentIndex())

    def _close_when_settled(self) -> None:
        editor = self._editor()
        if editor is not None and editor is not self._editor_at_close:
            self._gate.stop()  # typing again (a cancelled change is back): no close
            return
        if self.runner.is_idle() or (self._window.client.waiting and not self._asked):
            self._gate.stop()
            self._retrying = True
            self._owner.close()

    def stop(self) -> None:
        self._gate.stop()
        self.live_view.stop()
        self.name_cache_status.stop()
        self.index_offer.stop()
        self.csv.cancel()
        self.pasting.cancel()
