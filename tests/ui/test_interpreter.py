"""The GUI thread's collector: when it collects which generation, on a clock it is handed.

Python's count of the young generation is allocations less deallocations, so
work that replaces old objects with new ones (a cache dropping its oldest
entries while a scan keys a million names) fills the young generation while
the count stays near zero. The collector must still collect it, often, so no
one run walks tens of thousands of objects on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QApplication

from hero_desktop.ui import interpreter


@dataclass
class FakeGc:
    """The collector's view of ``gc``: a young count the test sets, the runs it asked for."""

    young_count: int = 0
    runs: list[int] = field(default_factory=list)

    def get_count(self) -> tuple[int, int, int]:
        return (self.young_count, 0, 0)

    def collect(self, generation: int) -> int:
        self.runs.append(generation)
        self.young_count = 0
        return 0


# A check a little later than the timer's interval, so five of them pass 100 ms.
STEP_S = interpreter.CHECK_INTERVAL_MS / 1000 + 0.001


@dataclass
class Clock:
    now: float = 1000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def schedule(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[FakeGc, Clock]]:
    fake, clock = FakeGc(), Clock()
    # The process's own collector (installed by the first window) is paused meanwhile:
    # pytest-qt runs the event loop between a test's steps, and its timer would then
    # ask the fake for a run of its own.
    installed = interpreter.installed_timer() if interpreter.is_installed() else None
    if installed is not None:
        installed.stop()
    monkeypatch.setattr(interpreter, "gc", fake)
    monkeypatch.setattr("hero_desktop.ui.interpreter.time.monotonic", clock.monotonic)
    yield fake, clock
    if installed is not None:
        installed.start()


def frozen_collector(parent: QApplication) -> interpreter._Collector:
    collector = interpreter._Collector(parent)
    collector._timer.stop()  # the test calls collect_due itself
    collector.frozen = True
    return collector


def test_a_young_generation_with_a_low_count_is_still_collected_every_100_ms(
    schedule: tuple[FakeGc, Clock], qapp: QApplication
) -> None:
    fake, clock = schedule
    collector = frozen_collector(qapp)
    try:
        for _ in range(4):  # 84 ms of checks, the count never past the threshold
            clock.now += STEP_S
            fake.young_count = 10
            collector.collect_due()
        assert fake.runs == []
        clock.now += STEP_S  # 105 ms since the last run
        collector.collect_due()
        assert fake.runs == [0]
        clock.now += STEP_S
        collector.collect_due()
        assert fake.runs == [0], "the next run waits another 100 ms"
    finally:
        collector.deleteLater()


def test_a_count_past_the_threshold_is_collected_at_the_next_check(
    schedule: tuple[FakeGc, Clock], qapp: QApplication
) -> None:
    fake, clock = schedule
    collector = frozen_collector(qapp)
    try:
        clock.now += STEP_S
        fake.young_count = interpreter.YOUNG_THRESHOLD + 1
        collector.collect_due()
        assert fake.runs == [0]
        # Every tenth run also collects the middle generation.
        for _ in range(interpreter.MIDDLE_EVERY - 1):
            clock.now += STEP_S
            fake.young_count = interpreter.YOUNG_THRESHOLD + 1
            collector.collect_due()
        assert fake.runs == [0] * (interpreter.MIDDLE_EVERY - 1) + [1]
    finally:
        collector.deleteLater()


def test_nothing_is_collected_before_the_freeze_while_start_up_runs(
    schedule: tuple[FakeGc, Clock], qapp: QApplication
) -> None:
    fake, clock = schedule
    collector = interpreter._Collector(qapp)
    collector._timer.stop()
    try:
        clock.now += 1.0
        fake.young_count = interpreter.YOUNG_THRESHOLD * 10
        collector.collect_due()
        assert fake.runs == []
        clock.now += interpreter.FREEZE_WAIT_S  # the worker never warmed up
        collector.collect_due()
        assert fake.runs == [0]
    finally:
        collector.deleteLater()
