"""Memory stays flat however many requests the user moves past.

A real window on a few thousand heroes is asked for thousands of pages in
quick succession (Ctrl+PgDown and Ctrl+PgUp, with a search typed now and
then), most of them superseded before their answer comes, and some cell
edits the editor refuses. After a warm-up round of the same requests (caches
filled, modules loaded, the app's one freeze after start-up done), a second
round must leave behind no more objects than a small bound: no exceptions,
frames or tracebacks kept alive, and nothing made permanent with
``gc.freeze()`` (an object frozen while it was still alive, such as an
answer on its way, is never collected when it becomes garbage).
"""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import gc
import types
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hero_desktop.ui.hero_table_model import COLUMNS
from hero_desktop.ui.main_window import MainWindow

from .conftest import OpenWindow, SettlingQtBot
from .support import CTRL, editor_of, numbered_heroes, type_text, write_heroes

HEROES = 3_000
VIEW_REQUESTS = 2_000  # per round
SEARCH_EVERY = 25  # one request in 25 is a new search text, the others page keys
ANSWERS_EVERY = 5  # the event loop runs after every 5 requests: some answers arrive
REFUSED_EDITS = 10  # per round
# What a round may leave behind that is not a leak of the requests: the
# sqlite3 statement cache and the data layer's pagers filling up, dead weak
# references PySide keeps, and (PySide 6.11) one dead wrapper for each cell
# editor opened (about 3 objects an edit). The counts vary by a hundred or
# two from run to run on this machine.
OBJECTS_BOUND = 500
ERRORS_BOUND = 5  # exceptions, tracebacks, frames: each kind


@dataclass(frozen=True)
class Census:
    """What the cycle collector tracks once it has collected everything it can."""

    frozen: int  # gc.get_freeze_count(): out of the collector's reach for good
    objects: int  # tracked objects, frozen ones included
    exceptions: int
    tracebacks: int
    frames: int

    @classmethod
    def take(cls) -> Census:
        gc.collect()
        objects = gc.get_objects()
        kinds = [type(item) for item in objects]
        census = cls(
            frozen=gc.get_freeze_count(),
            objects=len(objects) + gc.get_freeze_count(),
            exceptions=sum(issubclass(kind, BaseException) for kind in kinds),
            tracebacks=kinds.count(types.TracebackType),
            frames=kinds.count(types.FrameType),
        )
        del objects, kinds
        return census


def ask_for_many_views(qtbot: SettlingQtBot, window: MainWindow, round_number: int) -> None:
    """Page keys and search texts, faster than the answers come: most are superseded."""
    keys = qtbot.unsettled  # a user who does not wait for each page
    search = window.search_bar
    for request in range(VIEW_REQUESTS):
        if request % SEARCH_EVERY == SEARCH_EVERY - 1:
            search.name_edit.setText(f"Hero {(request + round_number) % 30}")
            search.flush()  # asked now, as after a pause in typing
        else:
            key = Qt.Key.Key_PageDown if request % 2 == 0 else Qt.Key.Key_PageUp
            keys.keyClick(window.table, key, CTRL)
        if request % ANSWERS_EVERY == ANSWERS_EVERY - 1:
            QApplication.processEvents()
    qtbot.waitUntil(window.is_idle, timeout=15_000)
    window.navigator.clear_search()
    qtbot.waitUntil(lambda: window.is_idle() and not window.model.query.is_filtered)


def refuse_edits(qtbot: SettlingQtBot, window: MainWindow) -> None:
    """Type an age the editor refuses, press Enter (it stays open and says why), then Esc."""
    age = window.model.index(0, COLUMNS.index("age"))
    for _ in range(REFUSED_EDITS):
        window.table.setCurrentIndex(age)
        qtbot.keyClick(window.table, Qt.Key.Key_F2)
        editor = editor_of(window)
        qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
        type_text(qtbot, editor, "abc")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        assert window.statusBar().currentMessage() == "Age: Age must be a whole number"
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)


def one_round(qtbot: SettlingQtBot, window: MainWindow, round_number: int) -> None:
    ask_for_many_views(qtbot, window, round_number)
    refuse_edits(qtbot, window)
    qtbot.settle()


def test_memory_stays_flat_over_many_superseded_requests_and_refused_edits(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(HEROES))
    window = open_window()
    # The warm-up round also lets the app's one freeze after start-up happen: the
    # data worker's warm-up was asked for before any of these requests.
    one_round(qtbot, window, 0)
    before = Census.take()

    one_round(qtbot, window, 1)
    after = Census.take()

    # The count falls as frozen objects die; it must never rise.
    assert after.frozen <= before.frozen, (
        f"{after.frozen - before.frozen:,} objects were made permanent with gc.freeze() "
        f"during {VIEW_REQUESTS:,} view requests ({before} -> {after})"
    )
    assert after.objects - before.objects <= OBJECTS_BOUND, (before, after)
    assert after.exceptions - before.exceptions <= ERRORS_BOUND, (before, after)
    assert after.tracebacks - before.tracebacks <= ERRORS_BOUND, (before, after)
    assert after.frames - before.frames <= ERRORS_BOUND, (before, after)
    assert window.model.rowCount() > 0  # the window still shows heroes
