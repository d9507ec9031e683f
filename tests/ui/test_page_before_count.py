"""A page shown before its count: the words said while it comes, and paging meanwhile.

On ten million heroes the count reads a whole index (1-2 s on a cold start);
here a small file's count is held back by a count that runs in the data
worker until the test lets it finish, as a slow count does: a page key
interrupts it like any superseded read, and it is asked again after.
"""

# pytest-qt's keyClick is an untyped wrapper of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hero_desktop.app import create_main_window
from hero_desktop.data.errors import StatementInterruptedError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.views import count_view
from hero_desktop.ui import page_count
from hero_desktop.ui.main_window import MainWindow

from .conftest import SettlingQtBot, reread
from .support import ALT, CTRL, activate, numbered_heroes, shown_ids, status_text, write_heroes

HEROES = 250  # three pages of 100


class HeldCount:
    """The count the window asks for, held in the worker until ``release``.

    It runs a statement that lasts until released, so a newer page request
    interrupts it as it would a count reading a whole index.
    """

    def __init__(self) -> None:
        self.released = threading.Event()
        self.started = 0

    def __call__(self, repository: HeroRepository, query: HeroQuery) -> int:
        self.started += 1
        connection = repository.store.connection  # type: ignore[attr-defined]
        connection.create_function("held", 0, lambda: int(not self.released.wait(0.002)))
        try:
            connection.execute(
                "WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE held()) "
                "SELECT count(*) FROM n"
            ).fetchone()
        except sqlite3.OperationalError as error:
            raise StatementInterruptedError(str(error)) from error
        return count_view(repository, query)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> HeldCount:
    count = HeldCount()
    monkeypatch.setattr(page_count, "count_view", count)
    return count


@pytest.fixture
def window(
    qtbot: QtBot, db_path: Path, settings_path: Path, held: HeldCount
) -> Iterator[MainWindow]:
    """A window on 250 heroes whose count is held back (not the settling fixture: the
    window is not idle while its count is coming)."""
    write_heroes(db_path, numbered_heroes(HEROES))
    window = create_main_window(db_path, settings=reread(settings_path))
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.is_ready and shown_ids(window) != [], timeout=20_000)
    qtbot.waitUntil(lambda: held.started > 0)
    activate(qtbot, window)
    yield window
    held.released.set()
    window.close()
    qtbot.waitUntil(window.client.thread_finished, timeout=5000)
    window.deleteLater()


def page_words(window: MainWindow) -> tuple[str, str, str, str]:
    """What the pager says: status, number of pages, and what screen readers get of both."""
    pager = window.pager
    return (
        pager.status.text(),
        pager.page_total.text(),
        pager.page_total.accessibleName(),
        pager.page_spin.accessibleDescription(),
    )


def test_the_first_page_shows_while_the_count_is_still_coming(window: MainWindow) -> None:
    assert shown_ids(window) == list(range(1, 101))
    status, pages, spoken_pages, spoken_field = page_words(window)
    assert status == "Heroes 1–100, still counting the total…"
    assert pages == "of …"
    assert spoken_pages == "The number of pages is still being counted"
    assert spoken_field.startswith("Page 1; the number of pages is still being counted")
    # What is known so far (101 heroes) is never shown as the count.
    assert "101" not in status + pages
    assert "of 2" not in pages
    assert window.pager.next_button.isEnabled()
    assert window.pager.last_button.isEnabled()


def test_the_count_replaces_the_words_when_it_comes(
    qtbot: SettlingQtBot, window: MainWindow, held: HeldCount
) -> None:
    held.released.set()

    qtbot.waitUntil(lambda: window.model.counted)
    assert status_text(window) == "Heroes 1–100 of 250"
    _, pages, spoken_pages, spoken_field = page_words(window)
    assert (pages, spoken_pages) == ("of 3", "")
    assert spoken_field.startswith("Page 1 of 3")


def test_page_keys_are_answered_while_the_count_is_coming(
    qtbot: SettlingQtBot, window: MainWindow, held: HeldCount
) -> None:
    asked = held.started
    for page in (2, 3):
        qtbot.unsettled.keyClick(window.table, Qt.Key.Key_PageDown, CTRL)
        qtbot.waitUntil(lambda page=page: window.model.page == page - 1)  # type: ignore[misc]
        first = (page - 1) * 100 + 1
        assert shown_ids(window)[0] == first
    # The third page is the last: reading it to its end gave the count, as a final one.
    assert status_text(window) == "Heroes 201–250 of 250"
    assert window.pager.page_total.text() == "of 3"
    qtbot.unsettled.keyClick(window.table, Qt.Key.Key_PageUp, CTRL)
    qtbot.waitUntil(lambda: window.model.page == 1)
    assert status_text(window) == "Heroes 101–200 of 250"
    assert held.started > asked  # the count was asked again after the page it gave way to


def test_a_page_key_while_counting_says_the_count_is_still_coming(
    qtbot: SettlingQtBot, window: MainWindow, held: HeldCount
) -> None:
    qtbot.unsettled.keyClick(window.table, Qt.Key.Key_PageDown, CTRL)
    qtbot.waitUntil(lambda: window.model.page == 1)

    assert status_text(window) == "Heroes 101–200, still counting the total…"
    qtbot.waitUntil(lambda: held.started >= 2)  # asked again once that page was shown
    held.released.set()
    qtbot.waitUntil(lambda: window.model.counted)
    assert status_text(window) == "Heroes 101–200 of 250"


def test_the_last_page_key_while_counting_goes_to_the_last_page(
    qtbot: SettlingQtBot, window: MainWindow
) -> None:
    qtbot.unsettled.keyClick(window.table, Qt.Key.Key_End, ALT)

    qtbot.waitUntil(lambda: window.model.page == 2)
    assert shown_ids(window) == list(range(201, 251))
    assert status_text(window) == "Heroes 201–250 of 250"


def test_select_all_while_counting_says_the_count_is_coming(
    qtbot: SettlingQtBot, window: MainWindow, held: HeldCount
) -> None:
    qtbot.unsettled.keyClick(window.table, Qt.Key.Key_A, CTRL)

    assert window.navigator.cells.count_label.text() == (
        "All heroes of the view selected (still counting them)"
    )
    held.released.set()
    qtbot.waitUntil(lambda: window.model.counted)
    assert window.navigator.cells.count_label.text() == "All 250 heroes selected"
