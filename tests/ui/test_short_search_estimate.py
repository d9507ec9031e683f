"""A search of one or two letters on a server: the first page says "about" how many.

Its exact count would read every name on the server, so the first page comes
with an estimate, said as one everywhere it shows (the match count, the
pager's total and page count, Select All), and Alt+End still reaches the true
last page, where the count is exact. The limit and the sample are made small
so that a few hundred heroes show it.
"""

# pytest-qt's keyClick is an untyped wrapper of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import psycopg
import pytest
from PySide6.QtCore import Qt

from hero_desktop.data.location import ServerAddress, parse_location
from hero_desktop.data.postgres import paging
from hero_desktop.data.postgres.opening import open_server
from hero_desktop.data.store import NewHero

from .conftest import OpenWindow, SettlingQtBot
from .support import ALT, CTRL, activate, shown_names, type_text

KARAS = 250


@pytest.fixture
def url(postgres_database: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(paging, "COUNTED_EXACTLY", 20)
    monkeypatch.setattr(paging, "SAMPLE_PERCENT", 100)
    # An estimate 100 short of the count, as a sample may give.
    monkeypatch.setattr(paging, "two_figures", lambda value: round(value) - 100)
    address = parse_location(postgres_database)
    assert isinstance(address, ServerAddress)
    store = open_server(address)
    heroes: list[NewHero] = [(f"Kåra {number}", number, "s") for number in range(KARAS)]
    heroes += [(f"Bob {number}", number, "s") for number in range(50)]
    store.bulk_insert([heroes], expected_rows=len(heroes))
    store.close()
    with psycopg.connect(postgres_database, autocommit=True) as connection:
        connection.execute("ANALYZE hero_desktop_name")
    return postgres_database


def test_a_two_letter_search_says_about_how_many_and_alt_end_counts_them(
    qtbot: SettlingQtBot, open_window: OpenWindow, url: str
) -> None:
    window = open_window(url)
    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    type_text(qtbot, window.search_bar.name_edit, "ka")
    qtbot.waitUntil(lambda: window.search_bar.matches.text() != "")

    assert window.search_bar.matches.text() == "About 150 matches"
    assert window.pager.status.text() == "Matches 1–100 of about 150"
    assert window.pager.page_total.text() == "of about 2"
    assert "of about 2" in window.pager.page_spin.accessibleDescription()
    assert shown_names(window)[:2] == ["Kåra 0", "Kåra 1"]
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_A, CTRL)
    label = window.navigator.cells.count_label.text()
    assert label == "All heroes of the search selected (about 150)"

    activate(qtbot, window)
    qtbot.keyClick(window.table, Qt.Key.Key_End, ALT)

    qtbot.waitUntil(lambda: window.model.page == 2)  # past the estimate's last page
    assert shown_names(window)[-1] == f"Kåra {KARAS - 1}"
    assert window.search_bar.matches.text() == "250 matches"
    assert window.pager.status.text() == "Matches 201–250 of 250"
    assert window.pager.page_total.text() == "of 3"
