"""The GUI thread's heartbeat and the situations the responsiveness benchmark reports.

A 10 ms ``QTimer`` on the GUI thread; the widest gap between two of its
ticks is the longest time the thread did not process events (the interval
included, so a bound from above). ``wait_until`` runs the event loop, never
blocking it, until a condition holds.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEventLoop, Qt, QTimer

TARGET_MS = 50.0
HEARTBEAT_MS = 10


class Heartbeat:
    """A 10 ms timer on the GUI thread; ``longest_ms`` is the widest gap between ticks."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.ticks = 0
        self.longest_ms = 0.0
        self.longest_ended = 0.0  # seconds after start() the longest gap ended
        self._last = self._started = 0.0

    def start(self) -> None:
        self.ticks, self.longest_ms, self.longest_ended = 0, 0.0, 0.0
        self._last = self._started = time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000
        if gap > self.longest_ms:
            self.longest_ms, self.longest_ended = gap, now - self._started
        self._last = now
        self.ticks += 1

    def restart_gap(self) -> None:
        """The time since the last tick is not a stall (the caller's own work ran)."""
        self._last = time.perf_counter()

    def mark(self) -> float:
        """The longest gap so far; from here on, gaps are counted afresh."""
        self._tick()
        before, self.longest_ms = self.longest_ms, 0.0
        return before

    def when(self, total: float) -> str:
        """Where the longest gap fell: it tells GUI work on the answer from contention."""
        return f"longest gap ended {self.longest_ended:.2f} s into {total:.2f} s"

    def stop(self) -> float:
        self._tick()  # a stall at the very end counts too
        self.timer.stop()
        return self.longest_ms


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Run the event loop (never block it) until ``condition()`` holds."""
    if condition():
        return
    loop = QEventLoop()
    deadline = time.monotonic() + timeout
    failed: list[str] = []

    def check() -> None:
        if condition():
            loop.quit()
        elif time.monotonic() > deadline:
            failed.append(what)
            loop.quit()

    poll = QTimer()
    poll.setInterval(2)
    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()
    if failed:
        raise TimeoutError(f"gave up after {timeout:g} s waiting for {what}")


@dataclass
class Situation:
    name: str
    today: str
    answer: str  # time until the answer was shown, as text
    stall_ms: float | None
    note: str = ""
    target_ms: float | None = TARGET_MS
    ratio: float | None = None  # start-up only

    @property
    def met(self) -> bool | None:
        if self.ratio is not None:
            return None
        if self.stall_ms is None or self.target_ms is None:
            return None
        return self.stall_ms <= self.target_ms
