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


# A throwaway PostgreSQL server (tests/postgres_server.py) for the team-mode
# tests: started by the first test that asks for it, stopped and removed at
# the end of the session. Missing server programs fail the test, never skip
# it: a suite that quietly skips team mode would pass without testing it.

import re  # noqa: E402 - this part was added below the existing setup
import uuid  # noqa: E402
from collections.abc import Iterator  # noqa: E402

from postgres_server import PostgresNotInstalledError, PostgresServer  # noqa: E402


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    try:
        server = PostgresServer()
    except PostgresNotInstalledError as error:
        pytest.fail(str(error), pytrace=False)
    # Also at exit, for a session that ends without running its teardown.
    atexit.register(server.cleanup)
    try:
        server.start()
        yield server
    finally:
        server.cleanup()
        atexit.unregister(server.cleanup)


@pytest.fixture
def postgres_database(
    postgres_server: PostgresServer, request: pytest.FixtureRequest
) -> Iterator[str]:
    """A new, empty database owned by ``postgres`` for this test: its libpq URL (Unix socket)."""
    # Named after the test, to tell whose database a leftover or a log line is.
    test_name = re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:40]
    name = f"t_{test_name}_{uuid.uuid4().hex[:8]}"
    # A test that stopped the server and failed before starting it again must
    # not fail every test after it.
    postgres_server.start_again()
    postgres_server.create_database(name)
    try:
        yield postgres_server.url(name)
    finally:
        postgres_server.drop_database(name)
