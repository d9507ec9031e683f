"""A big file's name index counted beside the data worker, so that no page waits for it.

Whether the name structures still hold every hero (and no gone one) is a
count of both tables: on ten million heroes that reads two whole indexes,
seconds after a reboot. The data worker's warm-up used to count them on its
own connection, and a page key pressed meanwhile waited (5 s, measured).
This thread counts on a read-only connection of its own, closes it, and
says ``stale()`` only when they differ; ``stop`` ends it early.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from hero_desktop.data import maintenance
from hero_desktop.data.location import ServerAddress


def check_beside(
    location: Path | ServerAddress, stale: Callable[[], None], stop: threading.Event
) -> threading.Thread:
    """Start counting; ``stale()`` is called from the new thread if the counts differ."""

    def run() -> None:
        if maintenance.name_counts_differ(location, stop.is_set) and not stop.is_set():
            stale()

    thread = threading.Thread(target=run, name="hero-check-names", daemon=True)
    thread.start()
    return thread
