"""A big file's stale name index is found beside the data worker and rebuilt.

The counts that tell (heroes against name rows) take seconds on ten million
heroes, so the window's worker leaves them to a thread of their own: what it
finds still leads to the background rebuild. "Big" is shrunk to nothing here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hero_desktop.data.sqlite import files
from hero_desktop.data.sqlite.database import open_database

from .conftest import OpenWindow
from .support import numbered_heroes, write_heroes


def name_rows(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM hero_desktop_name").fetchone()[0])
    finally:
        connection.close()


def test_name_rows_lost_in_a_big_file_are_rebuilt_after_the_first_page(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_heroes(db_path, numbered_heroes(300))
    open_database(db_path, allow_changes=True).close()  # the name structures, complete
    connection = sqlite3.connect(db_path)
    connection.execute("DELETE FROM hero_desktop_name WHERE id <= 10")  # no trigger sees it
    connection.commit()
    connection.close()
    monkeypatch.setattr(files, "QUICK_CHECK_BYTES", 0)

    open_window()

    qtbot.waitUntil(lambda: name_rows(db_path) == 300, timeout=20_000)
