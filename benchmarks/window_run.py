"""A real window in a process of its own, driven by keys, for the ten-million benchmark.

    python -m benchmarks.window_run DATABASE SETTINGS.ini [launch|keys]

Prints ``ROWS`` when the first page's rows are painted and ``COUNTED`` when
the pager shows the count (the parent times both from the launch), then
presses keys as a user would and prints ``RESULT {json}``: milliseconds
from each key to its rows painted, and the process's memory (RSS now and
its peak). With ``launch`` it ends after ``COUNTED``. Offscreen; the
settings file decides the page size and order.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from collections.abc import Callable
from typing import Any


def _rss_mb() -> tuple[float, float]:
    """(resident now, peak resident) in MB, from /proc/self/status."""
    values: dict[str, float] = {}
    with open("/proc/self/status") as status:
        for line in status:
            name, _, rest = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                values[name] = int(rest.split()[0]) / 1024
    return values["VmRSS"], values["VmHWM"]


def main(database: str, settings_path: str, what: str = "keys") -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from benchmarks.heartbeat import wait_until
    from hero_desktop.app import create_main_window
    from hero_desktop.data.query import SortKey

    app = QApplication(sys.argv[:1])
    settings = QSettings(settings_path, QSettings.Format.IniFormat)
    window: Any = create_main_window(database, settings=settings)
    table, model = window.table, window.model
    warmed: list[float] = []
    window.client.warmedUp.connect(lambda: warmed.append(time.perf_counter()))
    said: set[str] = set()

    def say(what: str) -> None:
        if what not in said:
            said.add(what)
            print(what, flush=True)

    def rows_painted() -> None:
        if model.rowCount():
            say("ROWS")
        else:
            table.after_next_paint(rows_painted)

    def page_changed() -> None:
        if model.counted and model.rowCount():
            say("COUNTED")

    table.after_next_paint(rows_painted)
    model.pageChanged.connect(page_changed)
    window.show()
    wait_until(lambda: "ROWS" in said and window.is_ready, 60, "the first page")
    if what == "launch":
        wait_until(lambda: "COUNTED" in said, 120, "the count")
        os._exit(0)  # the figures are taken; closing is measured elsewhere

    def to_rows(press: Callable[[], None], shown: Callable[[], bool]) -> float:
        """Milliseconds from ``press`` to rows that satisfy ``shown``, painted."""
        painted: list[float] = []
        started = time.perf_counter()
        press()
        wait_until(shown, 120, "the page")
        table.after_next_paint(lambda: painted.append(time.perf_counter()))
        table.viewport().update()
        wait_until(lambda: bool(painted), 30, "the paint")
        return (painted[0] - started) * 1000

    def key(code: Qt.Key, modifier: Qt.KeyboardModifier) -> Callable[[], None]:
        return lambda: QTest.keyClick(table, code, modifier)

    def on_page(page: int) -> Callable[[], bool]:
        return lambda: bool(model.page == page)

    def go_to(page: int) -> Callable[[], None]:
        return lambda: window.navigator.go_to_page(page)

    ctrl, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
    result: dict[str, Any] = {}
    window.activateWindow()
    wait_until(window.isActiveWindow, 30, "the window to be active")
    # Right after the first page: the count is coming and the worker warms up.
    early = []
    for _ in range(5):
        page = model.page
        early.append(to_rows(key(Qt.Key.Key_PageDown, ctrl), on_page(page + 1)))
    result["early_next_ms"] = early
    result["early_while_counting"] = not model.counted and not warmed
    wait_until(lambda: "COUNTED" in said, 120, "the count")
    wait_until(lambda: bool(warmed), 120, "the warm-up")
    window.navigator.go_to_page(0)
    wait_until(lambda: model.page == 0, 30, "the first page again")

    # The order's checkpoints are found in the background once counted: keys pressed
    # meanwhile are answered first, but a jump far into the order waits for the rest.
    started = time.perf_counter()
    wait_until(window.counts.prepared, 300, "the order to be prepared")
    result["prepared_after_ms"] = (time.perf_counter() - started) * 1000
    nexts = []
    for _ in range(10):
        page = model.page
        nexts.append(to_rows(key(Qt.Key.Key_PageDown, ctrl), on_page(page + 1)))
    result["next_ms"] = nexts
    last = model.page_count - 1
    result["last_ms"] = [to_rows(key(Qt.Key.Key_End, alt), lambda: model.page == last)]
    rng = random.Random(7)
    jumps = []
    for _ in range(10):
        target = rng.randrange(model.page_count)
        jumps.append(to_rows(go_to(target), on_page(target)))
    result["any_page_ms"] = jumps
    wait_until(window.counts.prepared, 300, "the order to be prepared")
    result["sort_name_ms"] = to_rows(
        lambda: window.navigator.sort_by(SortKey.NAME, False),
        lambda: model.query.sort is SortKey.NAME and model.page == 0 and model.rowCount() > 0,
    )
    started = time.perf_counter()
    wait_until(window.counts.prepared, 300, "the name order to be prepared")
    result["name_prepared_after_ms"] = (time.perf_counter() - started) * 1000
    last = model.page_count - 1
    result["sort_name_last_ms"] = to_rows(
        key(Qt.Key.Key_End, alt), lambda: model.page == last and model.query.sort is SortKey.NAME
    )
    searches = []
    for needle in ("wolf", "müller", "captain storm", "ca", "ag", "mü", "zz"):

        def search(text: str = needle) -> None:
            # As when the typing pause ends: the text is there, the search starts.
            window.search_bar.name_edit.blockSignals(True)
            window.search_bar.name_edit.setText(text)
            window.search_bar.name_edit.blockSignals(False)
            window.navigator.search_changed()

        def searched(text: str = needle) -> bool:
            return bool(model.query.search == text and model.counted)

        searches.append(to_rows(search, searched))
    result["search_ms"] = searches[:3]
    result["short_search_ms"] = searches[3:]  # one or two letters: the pairs index
    wait_until(window.is_idle, 300, "the window to be idle")
    result["rss_mb"], result["peak_rss_mb"] = _rss_mb()
    print("RESULT " + json.dumps(result), flush=True)
    window.close()
    wait_until(window.client.thread_finished, 60, "the worker to end")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
