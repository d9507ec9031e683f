"""Python's cycle collector, run on the GUI thread only, once installed for the process.

Left to itself the collector runs in whichever thread happens to allocate
when a threshold is crossed: in the data worker, it can free a cycle that
holds a Qt widget, off the GUI thread, which crashes the process. So the
automatic collector is switched off once, when the first window is made,
and a timer on the GUI thread collects instead, generation by generation,
whenever the counts have passed their thresholds (the pattern pyqtgraph
uses). Nothing else in the app touches the collector's switches; garbage
cycles are still freed, so memory stays flat however long the app runs.

Once the first data worker has warmed up, what is alive then (modules,
classes, the collation table) is frozen out of the collector's walk for
good (``gc.freeze``), so later full collections stay short.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_INTERVAL_MS = 200
# (young, middle, old): a scan or an export allocates millions of objects; with
# the default 700 the young generation was walked thousands of times meanwhile.
THRESHOLDS = (20_000, 10, 10)


class _Collector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.frozen = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        young, middle, old = gc.get_count()
        if young > THRESHOLDS[0]:
            generation = 0
            if middle > THRESHOLDS[1]:
                generation = 2 if old > THRESHOLDS[2] else 1
            gc.collect(generation)


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
