"""Fixtures for the system tests: an Xvfb per test, and the installed app on a tmp database."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from .support import SCREEN, HeroDesktop, XServer, read_display_number


@pytest.fixture
def x_server(tmp_path: Path) -> Iterator[XServer]:
    """A fresh Xvfb on a free display, killed at teardown."""
    read_end, write_end = os.pipe()
    errors = (tmp_path / "xvfb.log").open("wb")
    process = subprocess.Popen(
        # -noreset: the app connects and disconnects many times (the kill test);
        # the server keeps its state instead of resetting when the last client goes.
        [
            "Xvfb",
            "-displayfd",
            str(write_end),
            "-screen",
            "0",
            SCREEN,
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=errors,
    )
    os.close(write_end)
    try:
        number = read_display_number(read_end, process, timeout=20)
        yield XServer(f":{number}", process)
    finally:
        os.close(read_end)
        process.kill()
        process.wait(timeout=10)
        errors.close()


@pytest.fixture
def hero_desktop(x_server: XServer, tmp_path: Path) -> Iterator[HeroDesktop]:
    """The app on ``tmp_path/database.db`` (not started), killed at teardown if still up."""
    app = HeroDesktop(x_server, tmp_path / "home", tmp_path / "database.db")
    try:
        yield app
    finally:
        app.stop()
