"""Does the GUI thread keep answering? The longest stall of a real window, per situation.

A 10 ms heartbeat ``QTimer`` runs in the same process as a real ``MainWindow``
(offscreen); the longest gap between two of its ticks is the longest time the
GUI thread did not process events (it includes the 10 ms interval itself, so
it is a bound from above). Each situation also gives the time until the
answer was shown. Another program is a ``sqlite3`` connection in another
process; the window is driven through its public attributes, as the tests do.

Situations (the synchronous design's figures, "today's", are quoted beside):

1. open a file the tutorial's app wrote (no Hero Desktop structures) to its
   first page; then, with the user's consent (the offer bar's Add Index), the
   name index built in the background;
2. another program holds the write lock while the user adds a hero;
3. another program commits while the table is sorted by age;
4. a search for "müller" (before the index was added, by scanning; and after);
5. export, then import, of the whole roster as CSV;
6. start-up of the whole process to the first page painted, beside a bare
   PySide6 window (``bench_process.open_to_first_page``, median of 5);
7. quitting, to the data worker ended.

Why one file of this length: the situations run one after another on one
window and one file, each starting where the one before left it.
"""

from __future__ import annotations

import csv
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

from benchmarks import bench_process, dataset
from benchmarks.bench_paging import Setup
from benchmarks.heartbeat import HEARTBEAT_MS, Heartbeat, Situation, wait_until
from benchmarks.real_window import hold_write_lock
from benchmarks.report import print_markdown

# Another program: one committed statement.
_COMMIT = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
connection.execute(sys.argv[2], tuple(sys.argv[3:]))
connection.commit()
connection.close()
"""


def _seconds(value: float) -> str:
    return f"{value * 1000:,.0f} ms" if value < 1 else f"{value:.2f} s"


def _tutorial_copy(rows: int, folder: Path) -> Path:
    """A fresh copy of the tutorial-made file: no Hero Desktop structures at all."""
    source = dataset.tutorial_file(rows)
    target = folder / "tutorial.db"
    shutil.copyfile(source, target)
    connection = sqlite3.connect(target)
    try:
        names = [r[0] for r in connection.execute("SELECT name FROM sqlite_schema")]
    finally:
        connection.close()
    assert set(names) == {"hero", "ix_hero_name", "ix_hero_age"}, names
    return target


def _other_program(script: str, *arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *arguments], stdout=subprocess.PIPE, text=True
    )


def _count(path: Path, sql: str, *parameters: object) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute(sql, parameters).fetchone()[0])
    finally:
        connection.close()


class Run:
    """One window on one file, through the situations in turn."""

    def __init__(self, rows: int, quick: bool, folder: Path, log: Callable[[str], None]):
        self.rows, self.quick, self.folder, self.log = rows, quick, folder, log
        self.beat = Heartbeat()
        self.results: list[Situation] = []
        self.slow = 600.0  # seconds any one step may take before it is a failure
        self.where = ""

    def _record(self, situation: Situation) -> None:
        situation.note = "; ".join(part for part in (situation.note, self.where) if part)
        self.results.append(situation)

    def _measure(self, start: Callable[[], None], done: Callable[[], bool], what: str) -> float:
        """Seconds from ``start()`` until ``done()``; the heartbeat runs throughout."""
        ran: list[bool] = []

        def begin() -> None:
            start()
            ran.append(True)

        self.beat.start()
        started = time.perf_counter()
        QTimer.singleShot(0, begin)  # so that ``start`` itself is measured by the heartbeat
        wait_until(lambda: bool(ran) and done(), self.slow, what)
        elapsed = time.perf_counter() - started
        self.beat.stop()
        self.where = self.beat.when(elapsed)
        return elapsed

    def open_window(self) -> None:
        from hero_desktop.app import create_main_window
        from hero_desktop.ui.main_window import MainWindow

        path = _tutorial_copy(self.rows, self.folder)
        self.path = path
        settings = QSettings(str(self.folder / "settings.ini"), QSettings.Format.IniFormat)
        box: list[MainWindow] = []

        shown: list[float] = []

        def create() -> None:
            window = create_main_window(path, settings=settings)
            box.append(window)
            window.show()
            # The window's own construction and first show are GUI work by nature.
            shown.append(self.beat.mark())

        self.log("responsiveness: open a tutorial-made file")
        seconds = self._measure(
            create,
            lambda: bool(box) and box[0].is_ready,
            "the first page",
        )
        window = box[0]
        self.window = window
        offered = window.index_offer.isVisible()
        self._record(
            Situation(
                f"1a. open a {self.rows:,}-hero file another program wrote, to first page",
                "23–32 s before the window appeared",
                _seconds(seconds),
                self.beat.longest_ms,
                f"stall = from the window shown to its first page; building and showing "
                f"the window took {shown[0]:,.0f} ms on the GUI thread; offer bar shown: "
                f"{offered}; file unchanged until consent",
            )
        )
        # The seconds after the first page: the rest of the window is built, the worker
        # warms up and the quick check reads the whole file; the user may already type.
        settle = 3.0 if self.quick else 10.0
        self.beat.start()
        ended = time.monotonic() + settle
        wait_until(lambda: time.monotonic() > ended, settle + 5, "the seconds after opening")
        self.beat.stop()
        self.where = self.beat.when(settle)
        self._record(
            Situation(
                f"1c. the {settle:g} s after that first page",
                "256–341 ms (issue 16, before)",
                "—",
                self.beat.longest_ms,
                "building what the first paint did not need, the worker's warm-up, the "
                "integrity check",
            )
        )
        wait_until(window.is_idle, self.slow, "the window to settle")

    def search(self, number: str, label: str, today: str) -> None:
        window = self.window
        edit = window.search_bar.name_edit

        def start() -> None:
            edit.setText("müller")
            window.search_bar.flush()

        def shown() -> bool:
            return window.model.query.search == "müller" and window.is_idle()

        self.log(f"responsiveness: search ({label})")
        seconds = self._measure(start, shown, "the search results")
        self._record(
            Situation(
                f'{number}. search "müller" {label}',
                today,
                _seconds(seconds),
                self.beat.longest_ms,
                f"{window.model.total:,} matches",
            )
        )
        window.navigator.clear_search()
        wait_until(
            lambda: not window.model.query.is_filtered and window.is_idle(), 60, "search cleared"
        )

    def add_index(self) -> None:
        window = self.window
        built: list[bool] = []
        window.index_offer.built.connect(lambda: built.append(True))
        self.log("responsiveness: add the name index (consent)")
        seconds = self._measure(
            window.index_offer.add_index,
            lambda: bool(built) and window.is_idle(),
            "the name index",
        )
        self._record(
            Situation(
                "1b. name index built after the user agreed (Add Index)",
                "(built while opening: part of 1a)",
                _seconds(seconds),
                self.beat.longest_ms,
                "until the status bar says the index is ready",
            )
        )

    def add_while_locked(self) -> None:
        from hero_desktop.data.models import HeroCreate
        from hero_desktop.data.operations import AddHero

        window = self.window
        hold = 3.0 if self.quick else 10.0
        name = "Responsive Rita"
        self.log(f"responsiveness: add while another program holds the lock ({hold:g} s)")
        holder = hold_write_lock(self.path, hold)
        added: list[bool] = []
        waited: list[bool] = []
        window.client.waitingChanged.connect(lambda now: waited.append(now) if now else None)

        def add() -> None:
            values = HeroCreate(name=name, secret_name="Rita Quick", age=33)
            window.runner.run(AddHero(values), lambda _summary: added.append(True))

        seconds = self._measure(add, lambda: bool(added) and window.is_idle(), "the add")
        holder.wait(timeout=30)
        copies = _count(self.path, "SELECT count(*) FROM hero WHERE name = ?", name)
        self._record(
            Situation(
                f"2. add a hero while another program holds the write lock {hold:g} s",
                "3 s freeze (the busy timeout), then refused",
                _seconds(seconds),
                self.beat.longest_ms,
                f"waiting label shown: {bool(waited)}; in the file {copies}x after the lock "
                "was freed",
            )
        )

    def outside_commit_sorted_by_age(self) -> None:
        from hero_desktop.data.query import SortKey

        window = self.window
        window.navigator.sort_by(SortKey.AGE)
        wait_until(
            lambda: window.model.query.sort is SortKey.AGE and window.is_idle(), 60, "age order"
        )
        first = window.model.hero_at(0)
        new_name = "Outside Olga"
        self.log("responsiveness: another program commits while sorted by age")
        process: list[subprocess.Popen[str]] = []

        def commit() -> None:
            process.append(
                _other_program(
                    _COMMIT,
                    str(self.path),
                    "UPDATE hero SET name = ? WHERE id = ?",
                    new_name,
                    str(first.id),
                )
            )

        def refreshed() -> bool:
            return window.model.rowCount() > 0 and window.model.hero_at(0).name == new_name

        seconds = self._measure(commit, refreshed, "the refreshed page")
        process[0].wait(timeout=30)
        self._record(
            Situation(
                "3. another program commits while sorted by age",
                "~0.4 s",
                _seconds(seconds),
                self.beat.longest_ms,
                "answer = from starting the other program to the page showing its change "
                "(polled every 500 ms)",
            )
        )

    def csv_transfer(self) -> None:
        from hero_desktop.data.query import HeroQuery

        window = self.window
        export_path = self.folder / "export.csv"
        self.log("responsiveness: export CSV")
        seconds = self._measure(
            lambda: window.csv.export_file(str(export_path), HeroQuery()),
            lambda: not window.csv.busy() and window.is_idle(),
            "the export",
        )
        with export_path.open(encoding="utf-8") as handle:
            exported = sum(1 for _ in handle) - 1
        self._record(
            Situation(
                f"5a. export {exported:,} heroes to CSV",
                "n/a (ran in a thread already)",
                _seconds(seconds),
                self.beat.longest_ms,
                "with its progress dialog",
            )
        )
        import_path = self.folder / "import.csv"
        with import_path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["name", "age", "secret_name"])
            writer.writerows(
                (name, "" if age is None else age, secret)
                for name, age, secret in dataset.generate(self.rows, seed=dataset.SEED + 1)
            )
        before = _count(self.path, "SELECT count(*) FROM hero")
        self.log("responsiveness: import CSV")
        seconds = self._measure(
            lambda: window.csv.import_file(str(import_path)),
            lambda: not window.csv.busy() and window.is_idle(),
            "the import",
        )
        after = _count(self.path, "SELECT count(*) FROM hero")
        self._record(
            Situation(
                f"5b. import {self.rows:,} heroes from CSV",
                "n/a (ran in a thread already)",
                _seconds(seconds),
                self.beat.longest_ms,
                f"{after - before:,} heroes added",
            )
        )

    def close(self) -> None:
        window = getattr(self, "window", None)
        if window is None:
            return
        from hero_desktop.ui.lingering import lingering

        self.log("responsiveness: quit")
        seconds = self._measure(window.close, lambda: lingering() == 0, "the worker to end")
        self._record(
            Situation(
                "7. quit (Ctrl+Q), to the data worker ended",
                "waited on the worker with no limit",
                _seconds(seconds),
                self.beat.longest_ms,
                "checkpoint and close in the worker; see --only quit for the whole process "
                "under another program's lock",
            )
        )
        window.deleteLater()


def start_up(rows: int, log: Callable[[str], None]) -> Situation:
    """Whole process to first page painted, beside a bare PySide6 window: median of 5."""
    log("responsiveness: start-up, whole process (median of 5)")
    figure = bench_process.open_to_first_page(Setup(dataset.bench_file(rows), rows, 5, 5))
    hero, bare = figure.values["Hero Desktop"], figure.values["raw sqlite3"]
    assert hero is not None
    assert bare is not None
    return Situation(
        "6. start-up, whole process, to first page painted",
        "4.6–5.7x a bare PySide6 program",
        f"{hero:,.0f} ms (bare window {bare:,.0f} ms)",
        None,
        "ratio is the figure here, not a stall; from bench_process.open_to_first_page",
        target_ms=None,
        ratio=hero / bare,
    )


def run(rows: int, quick: bool, log: Callable[[str], None]) -> list[Situation]:
    from hero_desktop.data.sqlite import name_cache_keeper

    results: list[Situation] = []
    # Situation 4a is the scan, as before the name index: no name cache here (the
    # as-found group measures that).
    cache_from, name_cache_keeper.CACHE_FROM = name_cache_keeper.CACHE_FROM, 1 << 62
    with tempfile.TemporaryDirectory(prefix="hero-responsive-") as name:
        session = Run(rows, quick, Path(name), log)
        try:
            session.open_window()
            session.search("4a", "before the name index (scan)", "~0.5 s")
            session.add_index()
            session.search("4b", "with the name index", "~0.5 s")
            session.add_while_locked()
            session.outside_commit_sorted_by_age()
            session.csv_transfer()
            session.close()
        finally:
            if getattr(session, "window", None) is not None and session.window.isVisible():
                session.window.close()
            name_cache_keeper.CACHE_FROM = cache_from
        results = sorted(session.results, key=lambda s: s.name)
    results.append(start_up(rows, log))
    return results


def print_situations(results: list[Situation]) -> None:
    headers = ("situation", "today (synchronous)", "answer shown after", "longest stall",
               "target", "met?")  # fmt: skip
    rows = []
    for s in results:
        if s.ratio is not None:
            stall, target, met = f"{s.ratio:.2f}x bare", "(no target given)", "—"
        else:
            stall = "—" if s.stall_ms is None else f"{s.stall_ms:,.0f} ms"
            target = f"≤ {s.target_ms:g} ms stall"
            met = "met" if s.met else "NOT met"
        rows.append((s.name, s.today, s.answer, stall, target, met))
    print_markdown(headers, rows)
    print()
    print(
        f"Longest stall = widest gap between ticks of a {HEARTBEAT_MS} ms heartbeat QTimer on the "
        "GUI thread (includes the interval itself); a shared, noisy machine."
    )
    for s in results:
        if s.note:
            print(f"- {s.name}: {s.note}")
