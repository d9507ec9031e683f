"""Team mode, a search through a real window: from the last key typed to its rows shown.

On the server ``bench_postgres`` built (the tutorial's table with Hero
Desktop's name structures), a window (offscreen) is opened on it; each
search is typed as if for the first time (the search cleared, the pages the
window remembers forgotten), by id and then in name order, and timed from
its last key (the search box's 150 ms pause included) to its first page on
screen, median of three, beside the GUI thread's longest stall meanwhile.
"""

from __future__ import annotations

import tempfile
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.bench_postgres_reads import NEEDLES
from benchmarks.heartbeat import Heartbeat, wait_until
from benchmarks.real_window import real_window
from benchmarks.report import Figure, median
from benchmarks.window_actions import _forget_pages
from hero_desktop.data.query import SortKey

if TYPE_CHECKING:
    from hero_desktop.ui.main_window import MainWindow

NEEDLES_SHOWN = (*NEEDLES, "wolf", "zoë", "son", "captain storm")
"""Beside the data layer's needles: "son" and "captain storm", whose few matches
(6,111 and 3,003 of ten million heroes) the count reads whole, keeping the first page."""
TIMES = 3


def _rows_shown(window: MainWindow, needle: str) -> float:
    """Milliseconds from the last key of ``needle`` to its first page on screen."""
    edit = window.search_bar.name_edit
    window.navigator.clear_search()
    wait_until(lambda: not window.model.query.is_filtered and window.is_idle(), 600, "cleared")
    _forget_pages(window)
    edit.setFocus()
    edit.setText(needle[:-1])  # the keys before the last: the pause restarts with each
    started = time.perf_counter()
    edit.setText(needle)
    wait_until(
        lambda: (
            window.model.query.search == needle
            and (window.model.rowCount() > 0 or window.is_idle())
        ),
        600,
        f"'{needle}' shown",
    )
    shown = time.perf_counter() - started
    wait_until(window.is_idle, 600, "idle")
    return shown * 1000


def _shown_by(window: MainWindow, sort: SortKey) -> bool:
    return window.is_idle() and window.model.query.sort is sort


def run(url: str) -> list[Figure]:
    """One figure per needle: by id as Hero Desktop's value, in name order in a note."""
    shown: dict[tuple[SortKey, str], tuple[float, float]] = {}
    with (
        tempfile.TemporaryDirectory(prefix="hero-bench-postgres-window-") as folder,
        real_window(url, Path(folder) / "settings.ini", 600.0) as window,
    ):
        for sort in (SortKey.ID, SortKey.NAME):
            window.navigator.clear_search()
            window.navigator.sort_by(sort)
            wait_until(partial(_shown_by, window, sort), 600, "the sort")
            for needle in NEEDLES_SHOWN:
                beat = Heartbeat()
                beat.start()
                ms = median(_rows_shown(window, needle) for _ in range(TIMES))
                shown[sort, needle] = (ms, beat.stop())
    figures = []
    for needle in NEEDLES_SHOWN:
        by_id, stall_id = shown[SortKey.ID, needle]
        by_name, stall_name = shown[SortKey.NAME, needle]
        figures.append(
            Figure(
                name=f'PG search "{needle}" in a real window: last key to rows shown',
                unit="ms",
                values={"Hero Desktop": by_id},
                notes=[
                    f"the search box's 150 ms pause included; median of {TIMES}",
                    f"in name order: {by_name:.0f} ms",
                    f"longest GUI stall: {stall_id:.0f} ms by id, {stall_name:.0f} ms by name",
                ],
            )
        )
    return figures
