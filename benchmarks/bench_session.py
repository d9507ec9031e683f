"""Memory flat for days: a long session of a real window leaves its memory where it was.

A real ``MainWindow`` (offscreen) on the benchmark roster is driven the way
a user who never closes it would: 100,000 page keys (Ctrl+PgDown and
Ctrl+PgUp in turn, so it stays in range), pressed faster than the answers
come, so most pages are superseded before they are read; 1,000 search texts,
each superseded by the next keys; 500 cell edits the editor refuses (an age
of "abc", Enter, then Esc). The keys go in batches of 10; the event loop
runs between batches, so answers arrive and pages are painted meanwhile, and
after every 1,000 keys the user pauses until the page is shown.

Before (after a warm-up round of the same actions) and after the session,
with ``gc.collect()`` on both ends: the resident set (VmRSS), the objects the
cycle collector tracks (frozen ones included) and how many are frozen
(``gc.get_freeze_count()``: an object frozen while alive is never collected
once it becomes garbage), and the exceptions, tracebacks and frames alive.
A 10 ms heartbeat ``QTimer`` gives the longest stall of the GUI thread over
the session between the driver's batches: a batch presses ten keys (and may
type a search and refuse an edit) in one turn of the event loop, faster than
anyone can, so its own time is reported apart, as the longest batch.

Why one file of this length: the session is one sequence on one window
(keys, searches, refused edits) between two measurements of the same
process; its driving and its report only make sense together.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import tempfile
import time
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QMessageLogContext,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from benchmarks import dataset
from benchmarks.heartbeat import HEARTBEAT_MS, TARGET_MS, Heartbeat, wait_until
from benchmarks.real_window import real_window
from benchmarks.report import print_markdown

if TYPE_CHECKING:
    from hero_desktop.ui.main_window import MainWindow

PAGE_KEYS = 100_000
SEARCHES = 1_000
REFUSED_EDITS = 500
KEYS_PER_BATCH = 10  # page keys pressed before the event loop runs again
WARM_UP_SHARE = 50  # the warm-up round does 1/50 of the session's actions
TARGET_MB = 10.0
CTRL = Qt.KeyboardModifier.ControlModifier
RUN_OF_BATCHES = 50  # the pages go down for this many batches, then up as many
# After this many batches the user pauses until the page is shown: keys pressed
# faster than a page is read supersede every read (on a million heroes, all).
PAUSE_EVERY = 100
REFUSED_AGE = "abc"
# Search texts, each matching a few percent of the roster (hero_desktop.data.demo's
# names hold them anywhere): every search has pages to go through and cells to edit.
SEARCH_TEXTS = (
    "pond", "spi", "der", "rus", "man", "boy", "girl", "storm", "iron", "shadow",
    "hawk", "wolf", "blaze", "frost", "ember", "captain", "doctor", "lady", "lord", "agent",
)  # fmt: skip
# What the offscreen platform says whenever a tooltip is raised: not the app's.
OFFSCREEN_NOISE = (
    "This plugin does not support raise()",
    "This plugin does not support propagateSizeHints()",
)


@contextlib.contextmanager
def quiet_offscreen_platform() -> Iterator[None]:
    """Qt's messages on stderr, without the offscreen platform's own (one per tooltip)."""

    def handler(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if message not in OFFSCREEN_NOISE:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def rss_mb() -> float:
    """The resident set of this process (VmRSS), in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


@dataclass(frozen=True)
class Census:
    """The process once the cycle collector has collected what it can."""

    rss_mb: float
    objects: int  # tracked by the collector, frozen ones included
    frozen: int
    exceptions: int
    tracebacks: int
    frames: int

    @classmethod
    def take(cls) -> Census:
        gc.collect()
        objects = gc.get_objects()
        kinds = [type(item) for item in objects]
        census = cls(
            rss_mb=rss_mb(),
            objects=len(objects) + gc.get_freeze_count(),
            frozen=gc.get_freeze_count(),
            exceptions=sum(issubclass(kind, BaseException) for kind in kinds),
            tracebacks=kinds.count(types.TracebackType),
            frames=kinds.count(types.FrameType),
        )
        del objects, kinds
        return census


@dataclass
class Tally:
    page_keys: int = 0
    searches: int = 0
    refused: int = 0
    edits_skipped: int = 0  # an empty page (a search without matches) has no cell to edit
    pages_shown: int = 0


@dataclass
class SessionResult:
    rows: int
    before: Census
    after: Census
    tally: Tally
    seconds: float
    stall_ms: float  # between the driver's batches
    batch_ms: float  # the longest batch itself
    rss_start_mb: float  # before the window was opened

    @property
    def growth_mb(self) -> float:
        return self.after.rss_mb - self.before.rss_mb


class Driver:
    """Presses keys in a real window as a user would, in batches between turns of the loop."""

    def __init__(self, window: MainWindow, tally: Tally) -> None:
        from hero_desktop.ui.hero_table_model import COLUMNS

        self.window, self.tally = window, tally
        self.age_column = COLUMNS.index("age")
        window.model.pageChanged.connect(self._shown)

    def _shown(self) -> None:
        self.tally.pages_shown += 1

    def page_keys(self, count: int, down: bool) -> None:
        """Ctrl+PgDown and Ctrl+PgUp in turn, the last one down if ``down``, else up."""
        for left in reversed(range(count)):
            key = Qt.Key.Key_PageDown if (left % 2 == 0) == down else Qt.Key.Key_PageUp
            QTest.keyClick(self.window.table, key, CTRL)
            self.tally.page_keys += 1

    def search(self) -> None:
        bar = self.window.search_bar
        bar.name_edit.setText(SEARCH_TEXTS[self.tally.searches % len(SEARCH_TEXTS)])
        bar.flush()  # asked now, as after a pause in typing
        self.tally.searches += 1

    def refuse_edit(self) -> None:
        """F2 on an age, "abc", Enter: the editor refuses it and stays open; then Esc."""
        window = self.window
        if window.model.rowCount() == 0:
            self.tally.edits_skipped += 1
            return
        table = window.table
        table.setCurrentIndex(window.model.index(0, self.age_column))
        QTest.keyClick(table, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        if not isinstance(editor, QLineEdit):
            raise RuntimeError(f"F2 opened no cell editor (focus: {editor!r})")
        QTest.keyClick(editor, Qt.Key.Key_A, CTRL)
        QTest.keyClicks(editor, REFUSED_AGE)
        QTest.keyClick(editor, Qt.Key.Key_Return)
        if QApplication.focusWidget() is not editor:
            raise RuntimeError(f"the age {REFUSED_AGE!r} was not refused")
        QTest.keyClick(editor, Qt.Key.Key_Escape)
        self.tally.refused += 1

    def clear_search(self) -> None:
        window = self.window
        window.navigator.clear_search()
        wait_until(
            lambda: window.is_idle() and not window.model.query.is_filtered, 120, "search cleared"
        )


def _batches(driver: Driver, keys: int, searches: int, edits: int) -> Iterator[bool]:
    """One batch per turn of the event loop; searches and edits spread among the keys.

    Yields whether to pause (wait for the answers) before the next batch.
    """
    batches = -(-keys // KEYS_PER_BATCH)
    search_every = max(1, batches // max(searches, 1))
    edit_every = max(1, batches // max(edits, 1))
    done_searches = done_edits = 0
    for batch in range(batches):
        down = (batch // RUN_OF_BATCHES) % 2 == 0
        driver.page_keys(min(KEYS_PER_BATCH, keys - batch * KEYS_PER_BATCH), down)
        if done_searches < searches and batch % search_every == search_every // 2:
            driver.search()
            done_searches += 1
        if done_edits < edits and batch % edit_every == 0:
            driver.refuse_edit()
            done_edits += 1
        yield batch % PAUSE_EVERY == PAUSE_EVERY - 1


def _run_in_event_loop(
    steps: Iterator[bool], idle: Callable[[], bool], timeout: float, beat: Heartbeat | None
) -> float:
    """Take one step per turn of the event loop (a 0 ms timer), until there are none.

    After a step that asks for a pause, the next one waits until ``idle()``.
    Returns the longest step, in ms; a step's own time is no stall of ``beat``.
    """
    failures: list[BaseException] = []
    finished: list[bool] = []
    longest: list[float] = [0.0]
    timer = QTimer()
    timer.setInterval(0)

    def step() -> None:
        if timer.interval() and not idle():
            return  # pausing: the answers are on their way
        started = time.perf_counter()
        try:
            pause = next(steps)
            longest[0] = max(longest[0], (time.perf_counter() - started) * 1000)
            if beat is not None:
                beat.restart_gap()
            timer.setInterval(1 if pause else 0)
        except StopIteration:
            timer.stop()
            finished.append(True)
        except BaseException as failure:  # raised again below, out of the event loop
            timer.stop()
            failures.append(failure)
            finished.append(True)

    timer.timeout.connect(step)
    timer.start()
    wait_until(lambda: bool(finished), timeout, "the session's key presses")
    if failures:
        raise failures[0]
    return longest[0]


def _session(
    driver: Driver,
    keys: int,
    searches: int,
    edits: int,
    timeout: float,
    beat: Heartbeat | None = None,
) -> float:
    """The session's actions; returns the longest batch, in ms."""
    window = driver.window
    batches = _batches(driver, keys, searches, edits)
    longest = _run_in_event_loop(batches, window.is_idle, timeout, beat)
    wait_until(window.is_idle, timeout, "the last answers")
    driver.clear_search()
    return longest


def run(rows: int, log: Callable[[str], None]) -> SessionResult:
    path = dataset.bench_file(rows)
    slow = 3_600.0  # seconds a step may take before it counts as a failure
    with (
        tempfile.TemporaryDirectory(prefix="hero-session-") as folder,
        quiet_offscreen_platform(),
    ):
        rss_start = rss_mb()
        log(f"session: open {rows:,} heroes")
        with real_window(path, Path(folder) / "settings.ini", slow) as window:
            tally = Tally()
            driver = Driver(window, tally)
            log("session: warm-up round")
            _session(
                driver,
                PAGE_KEYS // WARM_UP_SHARE,
                SEARCHES // WARM_UP_SHARE,
                REFUSED_EDITS // WARM_UP_SHARE,
                slow,
            )
            before = Census.take()
            tally = driver.tally = Tally()
            log(
                f"session: {PAGE_KEYS:,} page keys, {SEARCHES:,} searches, "
                f"{REFUSED_EDITS:,} refused edits"
            )
            beat = Heartbeat()
            beat.start()
            started = time.perf_counter()
            batch_ms = _session(driver, PAGE_KEYS, SEARCHES, REFUSED_EDITS, slow, beat)
            seconds = time.perf_counter() - started
            stall = beat.stop()
            after = Census.take()
    return SessionResult(rows, before, after, tally, seconds, stall, batch_ms, rss_start)


def print_session(result: SessionResult) -> None:
    before, after, tally = result.before, result.after, result.tally
    growth = result.growth_mb
    headers = ("session measure", "before", "after", "change", "target", "met?")

    def count(value: int) -> str:
        return f"{value:,}"

    def change(value: int) -> str:
        return f"{value:+,}"

    rows = [
        (
            "resident set (VmRSS)",
            f"{before.rss_mb:,.1f} MB",
            f"{after.rss_mb:,.1f} MB",
            f"{growth:+.1f} MB",
            f"< {TARGET_MB:g} MB",
            "met" if growth < TARGET_MB else "NOT met",
        ),
        (
            "objects surviving gc.collect() (frozen included)",
            count(before.objects),
            count(after.objects),
            change(after.objects - before.objects),
            "",
            "",
        ),
        (
            "of which frozen (gc.get_freeze_count())",
            count(before.frozen),
            count(after.frozen),
            change(after.frozen - before.frozen),
            "no growth",
            "met" if after.frozen <= before.frozen else "NOT met",
        ),
        (
            "exceptions / tracebacks / frames alive",
            f"{before.exceptions} / {before.tracebacks} / {before.frames}",
            f"{after.exceptions} / {after.tracebacks} / {after.frames}",
            "",
            "",
            "",
        ),
        (
            f"longest stall ({HEARTBEAT_MS} ms heartbeat)",
            "",
            f"{result.stall_ms:,.0f} ms",
            "",
            f"≤ {TARGET_MS:g} ms",
            "met" if result.stall_ms <= TARGET_MS else "NOT met",
        ),
        (
            f"longest batch ({KEYS_PER_BATCH} keys, maybe a search and a refused edit)",
            "",
            f"{result.batch_ms:,.0f} ms",
            "",
            "",
            "",
        ),
    ]
    print_markdown(headers, rows)
    print()
    print(
        f"- session on {result.rows:,} heroes: {tally.page_keys:,} page keys "
        f"(Ctrl+PgDown / Ctrl+PgUp, {KEYS_PER_BATCH} per turn of the event loop, a pause "
        f"for the answer every {PAUSE_EVERY * KEYS_PER_BATCH:,}), "
        f"{tally.searches:,} searches, {tally.refused:,} refused edits "
        f"({tally.edits_skipped:,} skipped on an empty page) in {result.seconds:,.1f} s; "
        f"{tally.pages_shown:,} pages shown, the rest superseded"
    )
    print(
        f"- 'before' is after a warm-up round of 1/{WARM_UP_SHARE} of the same actions; "
        f"the process had {result.rss_start_mb:,.1f} MB before the window was opened; "
        "gc.collect() before each measure"
    )
    print(
        "- longest stall = widest gap between heartbeat ticks over the session, not "
        "counting the driver's batches themselves (pressed faster than anyone can, so "
        "reported apart as the longest batch); a shared, noisy machine"
    )
