"""Smoke test of team mode: the installed ``hero-desktop`` on a PostgreSQL URL, on a real X server.

As a user would: ``hero-desktop postgresql://…`` on the command line, a hero
added through the Add Hero dialog with xdotool, Ctrl+Q, exit status 0, and
the hero on the server (the session's throwaway server).
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from polling import wait_until

from .support import ADD_DIALOG_NAME, HeroDesktop, XServer, done_adds

pytestmark = pytest.mark.xvfb


def heroes_on(url: str) -> list[tuple[object, ...]]:
    """The heroes on the server (none while the app has not yet created the table)."""
    with psycopg.connect(url, autocommit=True) as connection:
        try:
            return connection.execute("SELECT id, name, age, secret_name FROM hero").fetchall()
        except psycopg.errors.UndefinedTable:
            return []


def test_add_a_hero_to_a_server_by_keyboard_then_quit_with_ctrl_q(
    x_server: XServer, tmp_path: Path, postgres_database: str
) -> None:
    app = HeroDesktop(x_server, tmp_path / "home", tmp_path / "unused.db", url=postgres_database)
    try:
        app.start()
        app.wait_for_window()
        app.open_add_dialog()
        app.fill_and_save("Night Owl", "Nadia Okafor", "27")

        wait_until(lambda: heroes_on(postgres_database), 10, "the new hero on the server")
        wait_until(lambda: not app.find_window(ADD_DIALOG_NAME), 10, "the dialog to close")
        assert heroes_on(postgres_database) == [(1, "Night Owl", 27, "Nadia Okafor")]
        assert done_adds(app.log_file) == {1: "Night Owl"}

        app.focus()
        app.key("ctrl+q")
        assert app.wait_for_exit() == 0, app.output
        assert not (tmp_path / "unused.db").exists()
    finally:
        app.stop()
