"""Threads that finish on their own after their window has gone, and the wait for them at exit.

Closing never waits: a closed window's data worker, or a name index build it
cancelled, is left to end by itself (a lock wait, a rollback, a checkpoint:
well under a second). Until then its ``QThread`` (and whatever owns it) must
stay alive, or Qt aborts the process ("Destroyed while thread is still
running"). ``linger`` keeps them; ``wait_for_lingering`` runs the event loop
at exit until they have ended. Both are called from the GUI thread only.
A program that exits without that wait (a script that closed a window) is
covered too: at interpreter exit each lingering thread is waited for, at
most ``AT_EXIT_WAIT_MS`` in all.
"""

from __future__ import annotations

import atexit
import logging
import os

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QThread, QTimer

AT_EXIT_WAIT_MS = 3000

_lingering: dict[QThread, object] = {}
"""Each thread still finishing, and the object that owns it (kept alive with it)."""


def linger(thread: QThread, owner: object) -> None:
    """Keep ``thread`` and ``owner`` alive until the thread has finished."""
    for finished in [t for t in _lingering if t.isFinished()]:
        del _lingering[finished]
    if thread.isRunning():
        _lingering[thread] = owner


def lingering() -> int:
    """How many threads of closed windows are still finishing."""
    return sum(1 for thread in _lingering if not thread.isFinished())


def wait_for_lingering(timeout_ms: int) -> bool:
    """Run the event loop until every lingering thread has ended; False on time-out."""
    deadline = QDeadlineTimer(timeout_ms)
    loop = QEventLoop()
    while lingering() and not deadline.hasExpired():
        QTimer.singleShot(min(50, max(1, deadline.remainingTime())), loop.quit)
        loop.exec()
    return not lingering()


@atexit.register
def _wait_at_exit() -> None:
    deadline = QDeadlineTimer(AT_EXIT_WAIT_MS)
    for thread in list(_lingering):
        thread.wait(deadline)
    if lingering():
        # Destroying a running QThread aborts the process: leave without it instead.
        logging.getLogger("hero_desktop").error("a closed window's thread did not end")
        logging.shutdown()
        os._exit(1)
