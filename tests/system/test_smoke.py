"""Smoke test: the installed ``hero-desktop`` command on a real X server, driven by keyboard.

It starts the app as a user would, adds a hero through the Add Hero dialog
with xdotool, quits with Ctrl+Q and checks the exit status and the file.
Set HERO_DESKTOP_README_SCREENSHOT to a path to also save the window as the
README's screenshot (``resources/screenshot.png``).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from polling import wait_until

from .support import ADD_DIALOG_NAME, HeroDesktop, done_adds, read_heroes, seed

pytestmark = pytest.mark.xvfb

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# The heroes of the FastAPI / SQLModel tutorials.
TUTORIAL_HEROES = [
    {"name": "Deadpond", "secret_name": "Dive Wilson", "age": ""},
    {"name": "Spider-Boy", "secret_name": "Pedro Parqueador", "age": ""},
    {"name": "Rusty-Man", "secret_name": "Tommy Sharp", "age": "48"},
    {"name": "Tarantula", "secret_name": "Natalia Roman-on", "age": "32"},
    {"name": "Black Lion", "secret_name": "Trevor Challa", "age": "35"},
    {"name": "Dr. Weird", "secret_name": "Steve Weird", "age": "36"},
    {"name": "Captain North America", "secret_name": "Esteban Rogelios", "age": "93"},
]


def hero_named(database: Path, name: str) -> tuple[int, str, int | None] | None:
    try:
        heroes = read_heroes(database)
    except sqlite3.OperationalError:  # busy for a moment while the app commits
        return None
    return next(
        ((hero_id, secret, age) for hero_id, (n, secret, age) in heroes.items() if n == name),
        None,
    )


def test_add_a_hero_by_keyboard_then_quit_with_ctrl_q(
    hero_desktop: HeroDesktop, tmp_path: Path
) -> None:
    app = hero_desktop
    seed(app.database, TUTORIAL_HEROES)
    app.start()
    app.wait_for_window()

    app.open_add_dialog()
    app.fill_and_save("Night Owl", "Nadia Okafor", "27")

    found = wait_until(
        lambda: hero_named(app.database, "Night Owl"), 10, "the new hero in the file"
    )
    assert found is not None
    hero_id, secret_name, age = found
    assert (secret_name, age) == ("Nadia Okafor", 27)
    wait_until(lambda: not app.find_window(ADD_DIALOG_NAME), 10, "the dialog to close")
    assert done_adds(app.log_file) == {hero_id: "Night Owl"}

    screen = app.x.screenshot(tmp_path / "screen.png")
    assert screen.read_bytes().startswith(PNG_SIGNATURE)
    assert screen.stat().st_size > 1000
    readme_copy = os.environ.get("HERO_DESKTOP_README_SCREENSHOT")
    if readme_copy:
        shutil.copyfile(app.x.screenshot(tmp_path / "window.png", app.window), readme_copy)

    app.focus()
    app.key("ctrl+q")
    assert app.wait_for_exit() == 0, app.output

    # Checked before anything else opens the file: closing the last connection
    # would checkpoint the WAL for the app.
    wal = app.database.with_name(app.database.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    heroes = read_heroes(app.database)
    assert heroes[hero_id] == ("Night Owl", "Nadia Okafor", 27)
    assert len(heroes) == len(TUTORIAL_HEROES) + 1
