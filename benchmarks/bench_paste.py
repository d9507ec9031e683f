"""Paste, fill and copy in a real window (offscreen) on a copy of the benchmark file.

* Paste of a 1,000 x 3 block (name, age, secret name) at the first hero's
  Name cell: from Ctrl+V to the change committed (the change runner's
  ``succeeded``), and the GUI thread's longest stall meanwhile (the page
  answer included).
* Fill Selection after Select All on a search view of at least 10,000
  heroes: Ctrl+Enter in an Age cell editor to committed, longest stall.
* Copy after Select All on a view of at least 100,000 heroes: Ctrl+C to the
  clipboard filled, longest stall, and whether the progress dialog showed.

Each is beside a floor: the same writes (the same heroes, the same values)
with raw sqlite3 ``executemany`` in one transaction, and for the copy the
same heroes read with one SELECT and joined as tab-separated text, on the
same file once the window is closed.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from benchmarks import dataset
from benchmarks.bench_session import quiet_offscreen_platform
from benchmarks.heartbeat import TARGET_MS, Heartbeat, wait_until
from benchmarks.real_window import real_window
from benchmarks.report import print_markdown, times

PASTE_ROWS = 1000
FILL_SEARCH = "boy"  # 25,180 of the demo's million heroes
COPY_SEARCH = "ar"  # 127,066 of them
SLOW_S = 600.0
CTRL = Qt.KeyboardModifier.ControlModifier


@dataclass
class Measured:
    name: str
    seconds: float  # to committed (or to the clipboard filled)
    stall_ms: float
    floor_seconds: float
    note: str = ""


def _search(window: Any, text: str) -> None:
    # A progress dialog that showed took the keyboard; the window has it back.
    window.activateWindow()
    wait_until(window.isActiveWindow, 30, "the window to be active")
    window.search_bar.name_edit.setFocus()
    window.search_bar.name_edit.clear()
    QTest.keyClicks(window.search_bar.name_edit, text)
    wait_until(lambda: window.is_idle() and window.model.query.search == text, 120, f"'{text}'")
    window.table.setFocus()
    window.table.setCurrentIndex(window.model.index(0, 2))  # the first hero's Age
    wait_until(window.table.hasFocus, 30, "the table's focus")


def _committed(window: Any, act: Callable[[], None], what: str) -> tuple[float, float]:
    """Seconds from ``act`` to the change committed, and the longest stall to the page shown."""
    runner = window.services.runner
    ends: list[float] = []
    runner.succeeded.connect(lambda: ends.append(time.perf_counter()))
    heartbeat = Heartbeat()
    heartbeat.start()
    started = time.perf_counter()
    act()
    wait_until(lambda: bool(ends) and window.is_idle(), SLOW_S, what)
    stall = heartbeat.stop()
    return ends[0] - started, stall


def _paste(window: Any) -> tuple[float, float, list[tuple[str, int, str, int]]]:
    ids = [window.model.hero_at(row).id for row in range(window.model.rowCount())]
    window.table.setCurrentIndex(window.model.index(0, 1))  # the first hero's Name
    block = [(f"Pasted {i:04}", 20 + i % 60, f"Secret {i:04}") for i in range(PASTE_ROWS)]
    mime = QMimeData()
    mime.setText("".join(f"{n}\t{a}\t{s}\n" for n, a, s in block))
    QApplication.clipboard().setMimeData(mime)
    seconds, stall = _committed(
        window, lambda: QTest.keyClick(window.table, Qt.Key.Key_V, CTRL), "the paste"
    )
    stack = window.services.runner.stack
    operation = stack.command(stack.count() - 1).operation
    order = list(dict.fromkeys(cell.hero_id for cell in operation.cells))  # as pasted
    if len(order) != PASTE_ROWS or order[0] != ids[0]:
        raise RuntimeError(f"the paste wrote {len(order)} heroes")
    return seconds, stall, [(n, a, s, i) for (n, a, s), i in zip(block, order, strict=True)]


def _fill(window: Any) -> tuple[float, float, list[int]]:
    _search(window, FILL_SEARCH)
    QTest.keyClick(window.table, Qt.Key.Key_A, CTRL)
    QTest.keyClick(window.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    if not isinstance(editor, QLineEdit):
        raise RuntimeError(f"F2 opened no cell editor (focus: {editor!r})")
    QTest.keyClick(editor, Qt.Key.Key_A, CTRL)
    QTest.keyClicks(editor, "42")
    seconds, stall = _committed(
        window, lambda: QTest.keyClick(editor, Qt.Key.Key_Return, CTRL), "the fill"
    )
    stack = window.services.runner.stack
    operation = stack.command(stack.count() - 1).operation
    return seconds, stall, list(operation.ids)


def _copy(window: Any) -> tuple[float, float, int, bool]:
    _search(window, COPY_SEARCH)
    QTest.keyClick(window.table, Qt.Key.Key_A, CTRL)
    clipboard = QApplication.clipboard()
    clipboard.clear()
    filled: list[float] = []
    clipboard.dataChanged.connect(lambda: filled.append(time.perf_counter()))
    shown: list[bool] = []
    copier = window.menus.copier
    heartbeat = Heartbeat()
    heartbeat.timer.timeout.connect(
        lambda: shown.append(bool(copier.progress and copier.progress.dialog.isVisible()))
    )
    heartbeat.start()
    started = time.perf_counter()
    QTest.keyClick(window.table, Qt.Key.Key_C, CTRL)
    wait_until(lambda: bool(filled) and copier.progress is None, SLOW_S, "the copy")
    stall = heartbeat.stop()
    lines = clipboard.text().count("\n")
    clipboard.clear()  # a QMimeData still on the clipboard at exit crashes the shutdown
    return filled[-1] - started, stall, lines, any(shown)


def _floor_writes(path: Path, statement: str, rows: list[tuple[Any, ...]]) -> float:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        started = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(statement, rows)
        connection.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        connection.close()


def _floor_copy(path: Path, text: str) -> tuple[float, int]:
    connection = sqlite3.connect(path)
    try:
        started = time.perf_counter()
        rows = connection.execute(
            "SELECT id, name, age, secret_name FROM hero WHERE name LIKE ? ORDER BY id",
            (f"%{text}%",),
        ).fetchall()
        tsv = "".join("\t".join("" if v is None else str(v) for v in row) + "\n" for row in rows)
        return time.perf_counter() - started, tsv.count("\n")
    finally:
        connection.close()


def run(rows: int, log: Callable[[str], None]) -> list[Measured]:
    with tempfile.TemporaryDirectory(prefix="hero-paste-") as folder, quiet_offscreen_platform():
        path = Path(folder) / "heroes.db"
        shutil.copyfile(dataset.bench_file(rows), path)
        log(f"paste: open {rows:,} heroes")
        with real_window(path, Path(folder) / "settings.ini", SLOW_S) as window:
            _ = window.services  # built now, not inside a measured key press
            log("paste: 1,000 x 3 block")
            paste_s, paste_stall, pasted = _paste(window)
            log(f"paste: fill after Select All on '{FILL_SEARCH}'")
            fill_s, fill_stall, filled = _fill(window)
            log(f"paste: copy after Select All on '{COPY_SEARCH}'")
            copy_s, copy_stall, lines, progress_shown = _copy(window)
        log("paste: raw sqlite3 floors")
        paste_floor = _floor_writes(
            path, "UPDATE hero SET name = ?, age = ?, secret_name = ? WHERE id = ?", pasted
        )
        fill_floor = _floor_writes(
            path, "UPDATE hero SET age = ? WHERE id = ?", [(41, i) for i in filled]
        )
        copy_floor, floor_lines = _floor_copy(path, COPY_SEARCH)
    shown = "shown" if progress_shown else "not shown"
    return [
        Measured(f"paste a {PASTE_ROWS:,} x 3 block (Ctrl+V to committed)",
                 paste_s, paste_stall, paste_floor, f"{PASTE_ROWS * 3:,} cells"),
        Measured(f"fill after Select All on '{FILL_SEARCH}' (Ctrl+Enter to committed)",
                 fill_s, fill_stall, fill_floor, f"{len(filled):,} cells"),
        Measured(f"copy after Select All on '{COPY_SEARCH}' (Ctrl+C to the clipboard)",
                 copy_s, copy_stall, copy_floor,
                 f"{lines:,} rows (floor {floor_lines:,}), progress dialog {shown}"),
    ]  # fmt: skip


def print_paste(results: list[Measured], rows: int) -> None:
    headers = ("on " + f"{rows:,} heroes", "time", "raw sqlite3", "ratio", "longest stall",
               f"stall ≤ {TARGET_MS:.0f} ms?", "what")  # fmt: skip
    table = [
        (
            m.name,
            f"{m.seconds:.2f} s",
            f"{m.floor_seconds:.3f} s",
            times(m.seconds / m.floor_seconds if m.floor_seconds > 0 else None),
            f"{m.stall_ms:.0f} ms",
            "met" if m.stall_ms <= TARGET_MS else "NOT met",
            m.note,
        )
        for m in results
    ]
    print_markdown(headers, table)
