"""What several benchmarks drive: a real window on a file, and another program holding its lock.

``real_window`` opens the app's main window (offscreen) the way a user meets
it: shown, its first page read, active (shortcuts fire only in the active
window); it is closed, and its data worker waited for, when the block ends.
``hold_write_lock`` starts another process that takes the file's write lock
(``BEGIN IMMEDIATE``) and keeps it for the seconds given; it returns once the
lock is held, and the caller kills it when done.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from benchmarks.heartbeat import wait_until

if TYPE_CHECKING:
    from hero_desktop.ui.main_window import MainWindow

_HOLD_LOCK = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("LOCKED", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("ROLLBACK")
connection.close()
"""


def hold_write_lock(path: Path, seconds: float) -> subprocess.Popen[str]:
    """Another program with the write lock of ``path``, held for ``seconds`` (once it has it)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "LOCKED"
    return holder


@contextlib.contextmanager
def real_window(path: Path | str, settings_file: Path, slow: float) -> Iterator[MainWindow]:
    """The main window on ``path`` (a file, or a server's URL), shown with its first page
    and active, closed afterwards."""
    from hero_desktop.app import create_main_window

    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    window = create_main_window(path, settings=settings)
    try:
        window.show()
        wait_until(lambda: window.is_ready and window.is_idle(), slow, "the first page")
        window.activateWindow()  # shortcuts fire only in the active window
        wait_until(window.isActiveWindow, 30, "the window to be active")
        yield window
    finally:
        window.close()
        window.deleteLater()
        wait_until(window.client.thread_finished, 60, "the worker to end")
