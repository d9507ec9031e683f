"""How long the GUI thread stopped answering: the longest gap between ticks of a 10 ms timer.

``with Heartbeat() as beat:`` starts a precise 10 ms ``QTimer`` on the GUI
thread; each tick records ``time.perf_counter()``. ``beat.longest_gap_ms``
is the widest gap between two ticks (the 10 ms interval included, so it is
a bound from above on how long the event loop was blocked). Leaving the
block counts one last gap, up to that moment, so a stall just before the
end is not missed, and a timer that never ticked shows as one long gap.

The window under test lives in the test process, which holds everything the
tests before it left alive. The app freezes what start-up made out of the
cycle collector's walk (``ui/interpreter.py``), and its window is made
before that freeze; so entering the block collects once and freezes what is
alive, and the collector's runs during the block walk only what the app
makes meanwhile, as in the app. The time those runs take is counted too
(``collector_ms``, printed with the gaps), so a failure says whether the
collector or something else held the GUI thread.

The tests assert a generous bound (``STALL_LIMIT_MS``): the machine is shared
and noisy. The benchmarks print the figures against the 50 ms target.
"""

from __future__ import annotations

import gc
import time
from types import TracebackType
from typing import Any

from PySide6.QtCore import Qt, QTimer

HEARTBEAT_MS = 10
STALL_LIMIT_MS = 250.0


class Heartbeat:
    """A 10 ms heartbeat on the GUI thread, measuring the longest gap between its ticks."""

    def __init__(self, interval_ms: int = HEARTBEAT_MS) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.longest_gap_ms = 0.0
        self.collector_ms = 0.0
        """The longest time the cycle collector ran at once during the block."""
        self._started = self._last = 0.0
        self._stopped: float | None = None
        self._collecting_since: float | None = None

    def __enter__(self) -> Heartbeat:
        gc.collect()
        gc.freeze()
        self.longest_gap_ms = self.collector_ms = 0.0
        gc.callbacks.append(self._collector_ran)
        self._started = self._last = time.perf_counter()
        self._stopped = None
        self.timer.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._tick()  # the time since the last tick is a gap too
        self.timer.stop()
        gc.callbacks.remove(self._collector_ran)
        self._stopped = self._last

    @property
    def running_ms(self) -> float:
        """How long the heartbeat has been (or was) running."""
        end = time.perf_counter() if self._stopped is None else self._stopped
        return (end - self._started) * 1000

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_gap_ms = max(self.longest_gap_ms, (now - self._last) * 1000)
        self._last = now

    def _collector_ran(self, phase: str, info: dict[str, Any]) -> None:
        now = time.perf_counter()
        if phase == "start":
            self._collecting_since = now
        elif self._collecting_since is not None:
            ran = (now - self._collecting_since) * 1000
            self.collector_ms = max(self.collector_ms, ran)
            self._collecting_since = None

    def __repr__(self) -> str:
        return (
            f"Heartbeat(longest_gap_ms={self.longest_gap_ms:.0f}, over {self.running_ms:.0f} ms, "
            f"longest collector run {self.collector_ms:.0f} ms)"
        )
