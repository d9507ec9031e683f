"""Test configuration shared by every test: no screen, and never the user's real files.

This runs before any test module imports Qt, so the platform and the data
and settings folders are decided here, once, for the whole session:

- ``QT_QPA_PLATFORM=offscreen`` (unless the caller chose a platform, as the
  Xvfb smoke test does for the process it starts);
- HOME and the XDG folders point at a temporary folder that is removed at
  exit, so Qt's AppDataLocation, QSettings' default file and the app's log
  land there and not in the user's home;
- Qt's standard paths are put in test mode as well, for platforms that do
  not read the XDG variables.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_SESSION_HOME = Path(tempfile.mkdtemp(prefix="hero-desktop-tests-"))
atexit.register(shutil.rmtree, _SESSION_HOME, ignore_errors=True)
for _variable, _folder in (
    ("HOME", "home"),
    ("XDG_DATA_HOME", "home/.local/share"),
    ("XDG_CONFIG_HOME", "home/.config"),
    ("XDG_CACHE_HOME", "home/.cache"),
    ("XDG_STATE_HOME", "home/.local/state"),
    ("XDG_RUNTIME_DIR", "runtime"),
):
    _path = _SESSION_HOME / _folder
    _path.mkdir(parents=True, exist_ok=True)
    os.environ[_variable] = str(_path)
(_SESSION_HOME / "runtime").chmod(0o700)  # Qt refuses a runtime folder others can read

from PySide6.QtCore import QStandardPaths  # noqa: E402 - after the environment is set

QStandardPaths.setTestModeEnabled(True)


# The offscreen platform says this whenever a window is shown; it is about
# the platform plugin, not the app, so it must not fail the Qt log capture.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise)\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))
