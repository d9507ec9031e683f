"""Python's cycle collector, run on the GUI thread only, once installed for the process.

Left to itself the collector runs in whichever thread happens to allocate
when a threshold is crossed: in the data worker, it can free a cycle that
holds a Qt widget, off the GUI thread, which crashes the process. So the
automatic collector is switched off once, when the first window is made,
and a timer on the GUI thread collects instead (the pattern pyqtgraph
uses): often and small for the young generation, so no run walks many
objects, and a full run at most once a minute. Nothing else in the app
touches the collector's switches; garbage cycles are still freed, so
memory stays flat however long the app runs.

Until the first data worker has warmed up nothing is collected; then what
is alive (modules, classes, the collation table, and start-up's little
garbage) is frozen out of the collector's walk for good (``gc.freeze``),
so no run walks them, during start-up or after.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_INTERVAL_MS = 20
# Objects allocated (and still alive) since the last young collection before one runs.
# Checked every 20 ms, a young collection walks a few thousand objects: a few ms,
# even while the data worker imports or scans (at every 200 ms it walked 80,000: 75 ms).
YOUNG_THRESHOLD = 2_000
MIDDLE_EVERY = 10  # young collections per middle one
# A full collection walks every object not frozen: at most once a minute, and only
# after the freeze (before it, the heap holds every module the window loaded).
FULL_EVERY_S = 60.0
# Until the first data worker has warmed up (or this long, if it never does), nothing
# is collected: the modules start-up loads would only be walked, then frozen anyway.
FREEZE_WAIT_S = 10.0


class _Collector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.frozen = False
        self._young_runs = 0
        self._installed_at = time.monotonic()
        self._last_full = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        if not self.frozen and time.monotonic() - self._installed_at < FREEZE_WAIT_S:
            return  # start-up: what it allocates is frozen for good, never walked
        if gc.get_count()[0] <= YOUNG_THRESHOLD:
            return
        self._young_runs += 1
        if self._young_runs % MIDDLE_EVERY:
            gc.collect(0)
        elif self.frozen and time.monotonic() - self._last_full >= FULL_EVERY_S:
            self._last_full = time.monotonic()
            gc.collect(2)
        else:
            gc.collect(1)


_installed: _Collector | None = None


def install() -> None:
    """Once per process, on the GUI thread, with a Q(Core)Application made: collect there only."""
    global _installed
    app = QCoreApplication.instance()
    if _installed is not None or app is None:
        return
    gc.disable()
    _installed = _Collector(app)


def freeze_once() -> None:
    """After the first warm-up: move every object alive now out of the collector's walk."""
    if _installed is not None and not _installed.frozen:
        _installed.frozen = True
        gc.freeze()


def is_frozen() -> bool:
    """Whether start-up's objects have been frozen (the collector then runs)."""
    return _installed is not None and _installed.frozen
