"""Which of the app's files one cell edit passes through, from Enter to the row shown.

A real window (offscreen) on a copy of the benchmark file. The user presses
F2 on a hero's age, types a new one and presses Enter; the edit ends when the
row shows the new age and the window is idle. A profile hook, on the GUI
thread and on the data worker's thread, records every function of
``hero_desktop`` called meanwhile; the files they live in are the edit's
path. The two timers that run whatever the user does (the live view's poll
and the cycle collector's) are paused meanwhile. Each edit is made several
times: a file that only some of them passed through is listed apart, not
counted.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from benchmarks import dataset
from benchmarks.bench_session import quiet_offscreen_platform
from benchmarks.heartbeat import wait_until
from benchmarks.real_window import real_window
from benchmarks.report import print_markdown

EDITS = 5
TARGET_FILES = 6  # "a handful" (issue 16); about 14 before it, by reading the code
PACKAGE = str(Path(__file__).resolve().parent.parent / "hero_desktop")


class _Recorder:
    """The project's files whose functions were called while ``on``, from any hooked thread."""

    def __init__(self) -> None:
        self.on = False
        self.files: set[str] = set()
        self._lock = threading.Lock()

    def hook(self, frame: FrameType, event: str, _argument: Any) -> None:
        if self.on and event == "call":
            name = frame.f_code.co_filename
            if name.startswith(PACKAGE):
                with self._lock:
                    self.files.add(str(Path(name).relative_to(PACKAGE)))


@dataclass
class EditPathResult:
    rows: int
    always: list[str]  # every edit passed through these
    sometimes: list[str]  # only some did


@contextlib.contextmanager
def _worker_hooked(recorder: _Recorder) -> Iterator[None]:
    """The hook on the data worker's thread too, for each job it runs.

    Qt's threads get a fresh Python thread state for each call into Python,
    so a hook set once in the worker would be gone by its next job.
    """
    from hero_desktop.ui import data_worker

    attempt = data_worker._Worker._attempt

    def hooked(self: Any, request_id: int, job: Any) -> Any:
        sys.setprofile(recorder.hook)
        try:
            return attempt(self, request_id, job)
        finally:
            sys.setprofile(None)

    data_worker._Worker._attempt = hooked  # type: ignore[method-assign]
    try:
        yield
    finally:
        data_worker._Worker._attempt = attempt  # type: ignore[method-assign]


def _age_in_file(path: Path) -> int | None:
    connection = sqlite3.connect(path)
    try:
        age = connection.execute("SELECT age FROM hero ORDER BY id LIMIT 1").fetchone()[0]
        return None if age is None else int(age)
    finally:
        connection.close()


def _edit_once(window: Any, path: Path, recorder: _Recorder, age: int, slow: float) -> set[str]:
    from hero_desktop.ui.hero_table_model import COLUMNS

    age_column = COLUMNS.index("age")
    table = window.table
    table.setCurrentIndex(window.model.index(0, age_column))
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    if not isinstance(editor, QLineEdit):
        raise RuntimeError(f"F2 opened no cell editor (focus: {editor!r})")
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor, str(age))
    recorder.files = set()
    recorder.on = True
    QTest.keyClick(editor, Qt.Key.Key_Return)

    def shown() -> bool:
        recorder.on = False  # the benchmark's own look is not the edit's path
        cell = window.model.index(0, age_column)
        done = (
            window.is_idle() and window.model.data(cell) == str(age) and _age_in_file(path) == age
        )
        recorder.on = not done
        return done

    wait_until(shown, slow, "the edited age shown and written")
    return recorder.files


def run(rows: int, log: Callable[[str], None]) -> EditPathResult:
    from hero_desktop.ui import interpreter

    slow = 600.0
    recorder = _Recorder()
    with (
        tempfile.TemporaryDirectory(prefix="hero-edit-path-") as folder,
        quiet_offscreen_platform(),
        _worker_hooked(recorder),
    ):
        path = Path(folder) / "heroes.db"
        shutil.copyfile(dataset.bench_file(rows), path)
        log(f"edit path: open {rows:,} heroes")
        with real_window(path, Path(folder) / "settings.ini", slow) as window:
            # What runs whatever the user does is not the edit's path.
            timers = [window.live_view.timer, interpreter.installed_timer()]
            for timer in timers:
                timer.stop()
            sys.setprofile(recorder.hook)
            runs: list[set[str]] = []
            try:
                for number in range(EDITS):
                    log(f"edit path: edit {number + 1} of {EDITS}")
                    runs.append(set(_edit_once(window, path, recorder, 30 + number, slow)))
            finally:
                sys.setprofile(None)
                for timer in timers:
                    timer.start()
    always = set.intersection(*runs)
    return EditPathResult(rows, sorted(always), sorted(set.union(*runs) - always))


def print_edit_path(result: EditPathResult) -> None:
    count = len(result.always)
    headers = ("measure", "figure", "target", "met?")
    rows = [
        (
            "files one cell edit passes through (Enter to the row shown)",
            f"{count}",
            f"≤ {TARGET_FILES} (about 14 before issue 16)",
            "met" if count <= TARGET_FILES else "NOT met",
        )
    ]
    print_markdown(headers, rows)
    print()
    print(f"Every one of {EDITS} edits on {result.rows:,} heroes passed through (hero_desktop/):")
    for name in result.always:
        print(f"- {name}")
    if result.sometimes:
        print("Not counted, as only some edits passed through: " + ", ".join(result.sometimes))
