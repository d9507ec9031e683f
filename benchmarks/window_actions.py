"""What a benchmark does in a real window, as a user would: a search typed, Ctrl+2, a
name edited.

Kept apart from the benchmarks that use it so that a process measuring its
own memory (``bench_as_found_server.memory_main``) imports nothing more
than the app and these.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from benchmarks.heartbeat import wait_until
from hero_desktop.data.query import SortKey

if TYPE_CHECKING:
    from hero_desktop.ui.main_window import MainWindow


def _search(window: MainWindow, needle: str) -> float:
    """Seconds from the last key of ``needle`` to its first page shown."""
    edit = window.search_bar.name_edit
    window.navigator.clear_search()
    wait_until(lambda: not window.model.query.is_filtered and window.is_idle(), 600, "cleared")
    _forget_pages(window)  # typed as if for the first time
    edit.setFocus()
    edit.setText(needle[:-1])  # the keys before the last: the pause restarts with each
    started = time.perf_counter()
    # The last key as its text (QTest types ASCII only): the pause restarts, then the search.
    edit.setText(needle)
    wait_until(lambda: window.model.query.search == needle and window.is_idle(), 600, f"'{needle}'")
    return time.perf_counter() - started


def _forget_pages(window: MainWindow) -> None:
    done: list[bool] = []
    window.client.ask(lambda repository: repository.refresh(), lambda _: done.append(True))
    wait_until(lambda: bool(done), 60, "the pages forgotten")


def _sort_by_name(window: MainWindow) -> float:
    """Seconds from Ctrl+2 (no search) to the first page by name shown."""
    window.navigator.clear_search()
    window.navigator.sort_by(SortKey.ID)
    wait_until(lambda: window.is_idle() and window.model.query.sort is SortKey.ID, 600, "by id")
    _forget_pages(window)
    window.table.setFocus()
    started = time.perf_counter()
    QTest.keyClick(window.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: window.model.query.sort is SortKey.NAME and window.is_idle(), 600, "by name")
    return time.perf_counter() - started


def _rename_first(window: MainWindow, name: str) -> None:
    """F2 on the first hero's name (by id), ``name`` typed, Return; back once it is saved."""
    from hero_desktop.ui.hero_table_model import COLUMNS

    window.navigator.clear_search()
    window.navigator.sort_by(SortKey.ID)
    wait_until(lambda: window.is_idle() and window.model.query.sort is SortKey.ID, 600, "by id")
    window.table.setFocus()
    window.table.setCurrentIndex(window.model.index(0, COLUMNS.index("name")))
    QTest.keyClick(window.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    if not isinstance(editor, QLineEdit):
        raise RuntimeError(f"F2 opened no cell editor (focus: {editor!r})")
    editor.setText(name)  # (QTest types ASCII only)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    wait_until(
        lambda: window.is_idle() and window.model.index(0, COLUMNS.index("name")).data() == name,
        600,
        "the name saved",
    )


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"
