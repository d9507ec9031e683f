"""Copy in one Hero Desktop, paste in another: two real processes on one Xvfb, by keyboard.

The first app (the source) copies a rectangle of cells with Ctrl+C; the
second (the target), on its own database file, pastes it with Ctrl+V over
its own heroes. Then the source copies two whole rows with their column
titles (Ctrl+Shift+C, secret names shown) and the target adds them with
Paste as New Heroes (Ctrl+Shift+V). The clipboard between two X clients is
the X CLIPBOARD selection, owned by the source: the source keeps running
until the target has pasted, and each copy is waited for by reading the
selection back (as a third X client) before the target pastes.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from polling import wait_until

from .support import HeroDesktop, XServer, read_heroes, seed

pytestmark = pytest.mark.xvfb

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

Hero = tuple[str, str, int | None]  # name, secret name, age
Heroes = dict[int, Hero]

# Ids 1-5 in the source's file, in the order of its first page (sorted by id).
SOURCE_HEROES: list[Hero] = [
    ("Rusty-Man", "Tommy Sharp", 48),
    ("Tarantula", "Natalia Roman-on", 32),
    ("Black Lion", "Trevor Challa", 35),
    ("Dr. Weird", "Steve Weird", 36),
    ("Captain North America", "Esteban Rogelios", 93),
]
# Ids 1-4 in the target's file.
TARGET_HEROES: list[Hero] = [
    ("Deadpond", "Dive Wilson", None),
    ("Spider-Boy", "Pedro Parqueador", None),
    ("Night Owl", "Nadia Okafor", 27),
    ("Iron Maiden", "Irene Mayden", 41),
]

# Ctrl+C of the source's Name and Age of its first three heroes.
RECTANGLE = "Rusty-Man\t48\nTarantula\t32\nBlack Lion\t35"
# Ctrl+Shift+C of the source's heroes 4 and 5, whole rows, secret names shown.
ROWS_WITH_HEADERS = (
    "ID\tName\tAge\tSecret name\n"
    "4\tDr. Weird\t36\tSteve Weird\n"
    "5\tCaptain North America\t93\tEsteban Rogelios"
)

# Reads the CLIPBOARD selection as another X client does (Qt on xcb asks its owner).
READ_CLIPBOARD = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
sys.stdout.write(app.clipboard().text())
"""


def form_values(heroes: list[Hero]) -> list[dict[str, str]]:
    return [
        {"name": name, "secret_name": secret, "age": "" if age is None else str(age)}
        for name, secret, age in heroes
    ]


def clipboard_text(x: XServer) -> str:
    """The text another X client gets from the CLIPBOARD selection now ('' if none)."""
    done = subprocess.run(
        [sys.executable, "-c", READ_CLIPBOARD],
        env={**x.env(), "QT_QPA_PLATFORM": "xcb"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, f"reading the clipboard failed: {done.stderr}"
    return done.stdout.replace("\r\n", "\n").rstrip("\n")


def wait_for_clipboard(x: XServer, expected: str) -> None:
    seen: list[str] = []

    def holds_it() -> bool:
        seen.append(clipboard_text(x))
        return seen[-1] == expected

    try:
        wait_until(holds_it, 30, "the copied cells on the clipboard", every=0.1)
    except AssertionError as error:
        raise AssertionError(f"{error}; it holds {seen[-1]!r}, expected {expected!r}") from None


def log_lines(app: HeroDesktop) -> list[str]:
    if not app.log_file.exists():
        return []
    return app.log_file.read_text(encoding="utf-8", errors="replace").splitlines()


def logged(app: HeroDesktop, pattern: str) -> str | None:
    """The first whole line of the app's log that ``pattern`` matches (searched), if any."""
    return next((line for line in log_lines(app) if re.search(pattern, line)), None)


def wait_until_ready(app: HeroDesktop) -> None:
    """The window is up and has shown its first page (the app logs 'opened <file>' then)."""
    app.wait_for_window()
    opened = rf"INFO hero_desktop\S*: opened {re.escape(str(app.database))}$"
    wait_until(lambda: logged(app, opened), 30, f"{app.database.name} to be opened")


def heroes_now(database: Path) -> Heroes | None:
    try:
        return read_heroes(database)
    except sqlite3.OperationalError:  # busy for a moment while the app commits
        return None


@pytest.fixture
def two_apps(x_server: XServer, tmp_path: Path) -> Iterator[tuple[HeroDesktop, HeroDesktop]]:
    """The source and the target app on one X server, each with its own folders and file."""
    source = HeroDesktop(x_server, tmp_path / "source-home", tmp_path / "source.db")
    target = HeroDesktop(x_server, tmp_path / "target-home", tmp_path / "target.db")
    try:
        yield source, target
    finally:
        target.stop()
        source.stop()


def test_copy_in_one_window_and_paste_in_another_by_keyboard(
    two_apps: tuple[HeroDesktop, HeroDesktop], x_server: XServer, tmp_path: Path
) -> None:
    source, target = two_apps
    seed(source.database, form_values(SOURCE_HEROES))
    seed(target.database, form_values(TARGET_HEROES))
    source_before = read_heroes(source.database)
    target_before = read_heroes(target.database)
    assert sorted(target_before) == [1, 2, 3, 4]
    source.start()
    target.start()
    wait_until_ready(source)
    wait_until_ready(target)

    # Source: from the first hero's Name (current at opening), a rectangle of
    # three rows by Name and Age, copied.
    x_server.xdotool("windowraise", source.window)
    source.focus()
    source.key("shift+Down", "shift+Down", "shift+Right", "ctrl+c")
    wait_for_clipboard(x_server, RECTANGLE)

    # Target: the second hero's Name, pasted there (the source still owns the clipboard).
    x_server.xdotool("windowraise", target.window)
    target.focus()
    target.key("Down", "ctrl+v")
    wait_until(lambda: logged(target, r"Paste 6 Cells done: ids "), 20, "the paste to be done")
    pasted = {
        **target_before,
        2: ("Rusty-Man", "Pedro Parqueador", 48),
        3: ("Tarantula", "Nadia Okafor", 32),
        4: ("Black Lion", "Irene Mayden", 35),
    }
    assert wait_until(lambda: heroes_now(target.database), 10, "the target's file") == pasted
    screen = x_server.screenshot(tmp_path / "target-after-paste.png")
    assert screen.read_bytes().startswith(PNG_SIGNATURE)

    # Source: secret names shown, the next hero and the one after, their whole
    # rows, copied with the column titles.
    source.focus()
    source.key("ctrl+shift+s", "Down", "shift+Down", "shift+space", "ctrl+shift+c")
    wait_for_clipboard(x_server, ROWS_WITH_HEADERS)

    # Target: the copied rows as new heroes (the titles say which column is which).
    target.focus()
    target.key("ctrl+shift+v")
    wait_until(
        lambda: logged(target, r"Paste 2 New Heroes done: ids "), 20, "the new heroes to be added"
    )
    added = {
        5: ("Dr. Weird", "Steve Weird", 36),
        6: ("Captain North America", "Esteban Rogelios", 93),
    }
    assert wait_until(lambda: heroes_now(target.database), 10, "the target's file") == {
        **pasted,
        **added,
    }
    x_server.xdotool("windowraise", target.window)
    x_server.screenshot(tmp_path / "target-after-new-heroes.png")

    # Exactly one paste and one add in the target's log, nothing written by the source.
    changes = [line for line in log_lines(target) if "hero_desktop.changes" in line]
    assert len(changes) == 2, changes
    assert not [line for line in log_lines(source) if "hero_desktop.changes" in line]

    for app in (target, source):
        app.focus()
        app.key("ctrl+q")
        assert app.wait_for_exit() == 0, app.output
    assert read_heroes(source.database) == source_before
    assert read_heroes(target.database) == {**pasted, **added}
