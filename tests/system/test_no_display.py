"""Started without a display, the real ``hero-desktop`` command says so in one line.

Qt itself would abort (status 134) with a hint about libxcb-cursor0 that
sends people looking for a missing library. No X server is needed here:
the point is the absence of one.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from hero_desktop.__main__ import display_available

from .support import hero_desktop_command

DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def without_display(home: Path) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    environment["XDG_DATA_HOME"] = str(home / "data")
    environment["XDG_CONFIG_HOME"] = str(home / "config")
    return environment


def run(home: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [hero_desktop_command(), *arguments],
        env=without_display(home),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_without_a_display_it_prints_one_clear_line_and_exits_with_status_1(
    tmp_path: Path,
) -> None:
    database = tmp_path / "database.db"

    done = run(tmp_path, str(database))

    assert done.returncode == 1
    assert done.stderr == (
        "Hero Desktop needs a graphical display: neither DISPLAY nor WAYLAND_DISPLAY is set.\n"
    )
    assert done.stdout == ""
    assert not database.exists()


def test_version_needs_no_display(tmp_path: Path) -> None:
    done = run(tmp_path, "--version")

    assert done.returncode == 0
    assert done.stdout.startswith("hero-desktop ")


def test_help_needs_no_display(tmp_path: Path) -> None:
    done = run(tmp_path, "--help")

    assert done.returncode == 0
    assert "usage: hero-desktop" in done.stdout


def test_installing_the_desktop_entry_needs_no_display(tmp_path: Path) -> None:
    done = run(tmp_path, "--install-desktop-entry")

    assert done.returncode == 0, done.stderr
    assert (tmp_path / "data" / "applications" / "hero-desktop.desktop").exists()


@pytest.mark.parametrize(
    "platform", ["offscreen", "minimal", "offscreen:fontengine=freetype", "vnc:size=800x600"]
)
def test_an_explicit_platform_without_a_display_server_needs_no_display(platform: str) -> None:
    assert display_available({"QT_QPA_PLATFORM": platform}, "linux")


@pytest.mark.parametrize("platform", ["", "xcb", "wayland", "wayland-egl", "wayland;xcb"])
def test_x11_and_wayland_platforms_need_a_display_variable(platform: str) -> None:
    assert not display_available({"QT_QPA_PLATFORM": platform}, "linux")
    assert display_available({"QT_QPA_PLATFORM": platform, "DISPLAY": ":0"}, "linux")
    assert display_available({"QT_QPA_PLATFORM": platform, "WAYLAND_DISPLAY": "w-0"}, "linux")


def test_windows_and_macos_need_no_display_variable() -> None:
    assert display_available({}, "win32")
    assert display_available({}, "darwin")
