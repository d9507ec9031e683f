"""A big file's name index counted beside the data worker, not on its connection.

Counting a file's heroes and its name rows reads two whole indexes (seconds
on ten million heroes after a reboot). The store counts them while opening
a small file only; for a big one ``maintenance.name_counts_differ`` counts on
a connection of its own, and the store is told when they differ. "Big" is
shrunk to nothing here (``files.QUICK_CHECK_BYTES``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hero_desktop.data import maintenance
from hero_desktop.data.name_index_state import NameIndexStatus
from hero_desktop.data.sqlite import files
from hero_desktop.data.sqlite.database import open_database

HEROES = [(f"Hero {number}", number % 50, "Secret") for number in range(300)]


@pytest.fixture
def big(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "QUICK_CHECK_BYTES", 0)


def roster(path: Path) -> Path:
    database = open_database(path)
    with database.write() as connection:
        connection.executemany("INSERT INTO hero (name, age, secret_name) VALUES (?, ?, ?)", HEROES)
    database.close()
    return path


def lose_name_rows(path: Path) -> None:
    """Name rows gone without a trace in the change log (no trigger sees this)."""
    connection = sqlite3.connect(path)
    connection.execute("DELETE FROM hero_desktop_name WHERE id <= 10")
    connection.commit()
    connection.close()


def test_counts_that_agree_are_not_stale(db_path: Path, big: None) -> None:
    roster(db_path)

    assert maintenance.name_counts_differ(db_path, lambda: False) is False


def test_name_rows_lost_without_a_trace_are_found_beside_the_worker(
    db_path: Path, big: None
) -> None:
    lose_name_rows(roster(db_path))

    assert maintenance.name_counts_differ(db_path, lambda: False) is True


def test_a_check_told_to_stop_says_nothing(db_path: Path, big: None) -> None:
    lose_name_rows(roster(db_path))

    assert maintenance.name_counts_differ(db_path, lambda: True) is False


def test_a_small_file_is_left_to_the_store_which_counts_and_rebuilds_it_while_opening(
    db_path: Path,
) -> None:
    lose_name_rows(roster(db_path))

    assert maintenance.name_counts_differ(db_path, lambda: False) is False
    open_database(db_path).close()
    connection = sqlite3.connect(db_path)
    try:
        assert connection.execute("SELECT count(*) FROM hero_desktop_name").fetchone()[0] == 300
    finally:
        connection.close()


def test_a_big_file_is_not_counted_by_the_store_until_told_it_is_stale(
    db_path: Path, big: None
) -> None:
    lose_name_rows(roster(db_path))
    database = open_database(db_path)
    try:
        database.recheck_name_index()
        assert database.names.status is NameIndexStatus.READY
        assert not database.needs_name_index_build()

        database.name_index_stale()

        assert database.needs_name_index_build()
    finally:
        database.close()
