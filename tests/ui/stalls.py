"""How long the GUI thread stopped answering: the longest gap between ticks of a 10 ms timer.

``with Heartbeat() as beat:`` starts a precise 10 ms ``QTimer`` on the GUI
thread; each tick records ``time.perf_counter()``. ``beat.longest_gap_ms``
is the widest gap between two ticks (the 10 ms interval included, so it is
a bound from above on how long the event loop was blocked). Leaving the
block counts one last gap, up to that moment, so a stall just before the
end is not missed, and a timer that never ticked shows as one long gap.

The tests assert a generous bound (``STALL_LIMIT_MS``): the machine is shared
and noisy. The benchmarks print the figures against the 50 ms target.
"""

from __future__ import annotations

import time
from types import TracebackType

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
        self._started = self._last = 0.0
        self._stopped: float | None = None

    def __enter__(self) -> Heartbeat:
        self.longest_gap_ms = 0.0
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

    def __repr__(self) -> str:
        return f"Heartbeat(longest_gap_ms={self.longest_gap_ms:.0f}, over {self.running_ms:.0f} ms)"
