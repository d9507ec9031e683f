"""The Python interpreter, set up once per process for a GUI thread beside busy workers.

Two process-wide settings, made once when the first window is made and never
touched again by windows, jobs or workers:

**The GIL switch interval, 0.2 ms.** Every call from Qt into Python takes
the GIL: a model's ``data()``, a slot, and any virtual call (a paint, a
size hint, an event) on a widget made from Python. While the data worker
runs Python (warming up its imports, scanning, importing CSV), the GUI
thread waits for the worker to hand the GIL over, up to one switch interval
for each such call. At Python's default 5 ms, the calls of one page's paint
added up to stalls of 135-162 ms in the 10 s after opening a million-hero
file (``benchmarks``, situation 1c), at 1 ms to 17-23 ms there but 45-55 ms
each time an import's progress dialog was drawn; at 0.2 ms both stay under
35 ms. The worker gives the GIL up more often only while the GUI thread
asks for it; imports and scans took as long as before.

**Python's cycle collector, run on the GUI thread only.** Left to itself
the collector runs in whichever thread happens to allocate when a threshold
is crossed: in the data worker, it can free a cycle that holds a Qt widget,
off the GUI thread, which crashes the process. So the automatic collector is
switched off once, and a timer on the GUI thread collects instead (the
pattern pyqtgraph uses): often and small for the young generation, so no run
walks many objects, and a full run at most once a minute. Garbage cycles are
still freed, so memory stays flat however long the app runs.

Until the first data worker has warmed up nothing is collected; then what
is alive (modules, classes, the collation table, and start-up's little
garbage) is frozen out of the collector's walk for good (``gc.freeze``),
so no run walks them, during start-up or after.
"""

from __future__ import annotations

import gc
import sys
import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer

# How long a thread may hold the GIL while another waits for it (Python's default: 5 ms).
SWITCH_INTERVAL_S = 0.0002
CHECK_INTERVAL_MS = 20
# Objects allocated (and still alive) since the last young collection before one runs.
# Checked every 20 ms, a young collection walks a few thousand objects: a few ms,
# even while the data worker imports or scans (at every 200 ms it walked 80,000: 75 ms).
YOUNG_THRESHOLD = 2_000
# The count is allocations less deallocations, so a cache that replaces its oldest
# entries (``names.name_keys`` while a scan keys a million names) fills the young
# generation while the count stays near zero: 64,000 tuples walked at once, 38 ms.
# So a young collection also runs at least this often.
YOUNG_AT_LEAST_EVERY_S = 0.1
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
        self._last_full = self._last_young = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        if not self.frozen and time.monotonic() - self._installed_at < FREEZE_WAIT_S:
            return  # start-up: what it allocates is frozen for good, never walked
        now = time.monotonic()
        if gc.get_count()[0] <= YOUNG_THRESHOLD and now - self._last_young < YOUNG_AT_LEAST_EVERY_S:
            return
        self._last_young = now
        self._young_runs += 1
        if self._young_runs % MIDDLE_EVERY:
            gc.collect(0)
        elif self.frozen and now - self._last_full >= FULL_EVERY_S:
            self._last_full = now
            gc.collect(2)
        else:
            gc.collect(1)


_installed: _Collector | None = None


def install() -> None:
    """Once per process, on the GUI thread, with a Q(Core)Application made.

    The GIL changes hands every 0.2 ms; the cycle collector runs on this thread only.
    """
    global _installed
    app = QCoreApplication.instance()
    if _installed is not None or app is None:
        return
    sys.setswitchinterval(SWITCH_INTERVAL_S)
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


def is_installed() -> bool:
    """Whether ``install`` has run in this process."""
    return _installed is not None


def installed_timer() -> QTimer:
    """The collector's timer (a benchmark pauses it to see what else runs)."""
    if _installed is None:
        raise RuntimeError("the collector is not installed")
    return _installed._timer
