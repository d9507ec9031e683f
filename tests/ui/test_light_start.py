"""Start-up stays light: the first page is painted before SQLAlchemy, pydantic or CSV load.

Each check runs in a fresh interpreter (this one has long since imported
everything). The window's modules import only light ones; the file opens
and the first page is read without the heavy ones; once that page is
painted, the data worker imports them in its own thread, so that the first
edit or Add does not pause to load them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .support import TUTORIAL_HEROES, write_heroes

# What the first page does not need (about half a second of imports), and the
# collation table (a tenth of a second; the worker reads only pyuca's version).
HEAVY = (
    "sqlalchemy",
    "sqlmodel",
    "pydantic",
    "hero_desktop.data.csv_io",
    "hero_desktop.data.csv_reading",
    "collation table",
)

_HEAVY_LOADED = f"""
def heavy():
    import sys
    found = [name for name in {HEAVY[:-1]!r} if name in sys.modules]
    names = sys.modules.get("hero_desktop.data.names")
    if names is not None and "collator" in names._state:
        found.append("collation table")
    return sorted(found)
"""

IMPORT_THE_APP = (
    _HEAVY_LOADED
    + """
import json, sys
import hero_desktop.__main__, hero_desktop.app, hero_desktop.window_manager
import hero_desktop.ui.main_window
print(json.dumps(heavy() + sorted(m for m in sys.modules if m.startswith("pyuca"))))
"""
)

OPEN_PAINT_AND_WARM_UP = (
    _HEAVY_LOADED
    + f"""
import json, sys, time
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from hero_desktop.app import create_main_window

def wait_for(condition, timeout_ms):
    # Like qtbot.waitUntil: the event loop runs, the condition is polled every 10 ms.
    deadline = time.monotonic() + timeout_ms / 1000
    loop = QEventLoop()
    timer = QTimer(interval=10)
    timer.timeout.connect(
        lambda: loop.quit() if condition() or time.monotonic() > deadline else None
    )
    timer.start()
    if not condition():
        loop.exec()
    timer.stop()
    return condition()

app = QApplication([])
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
window = create_main_window(sys.argv[1], settings=settings)
assert wait_for(lambda: window.is_ready, 20_000), "the first page never came"
at_first_page = heavy()
window.show()
warmed = wait_for(lambda: len(heavy()) == {len(HEAVY)}, 20_000)
print(json.dumps({{"at_first_page": at_first_page, "after_paint": heavy(), "warmed": warmed}}))
window.close()
"""
)


def _run(script: str, *arguments: str) -> object:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", script, *arguments],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_importing_the_app_loads_nothing_heavy() -> None:
    assert _run(IMPORT_THE_APP) == []


def test_the_first_page_comes_without_heavy_modules_which_load_after_it_is_painted(
    db_path: Path, tmp_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)

    found = _run(OPEN_PAINT_AND_WARM_UP, str(db_path), str(tmp_path / "settings.ini"))

    assert found == {"at_first_page": [], "after_paint": sorted(HEAVY), "warmed": True}
