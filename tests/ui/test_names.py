"""Names as people read them, in the window: search and Ctrl+2, and the name index offer."""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hero_desktop.data import maintenance
from hero_desktop.data.models import validate_create
from hero_desktop.data.operations import AddHero
from hero_desktop.data.sqlite import name_index
from hero_desktop.data.sqlite.database import open_database
from hero_desktop.data.sqlite.name_index import Progress
from hero_desktop.ui.index_offer_bar import DECLINED_KEY, IndexOfferBar
from hero_desktop.ui.main_window import MainWindow

from .conftest import OpenWindow, SettlingQtBot, reread
from .support import ALT, CTRL, ask_store, rows_in_file, shown_names, type_text, write_heroes

ROSTER = [
    "Zoë",
    "Müller",
    "Ångström",
    "Straße",
    "Señora",
    "Łukasz",
    "Øystein",
    "δημήτρης",
    "Zed",
    "adam",
    "Aaron",
    "Ægir",
    "Bob",
    "Lucy",
    "Luke",
    "Oz",
    "Ümit",
    "Uma",
]
SEARCHES = {
    "zoe": ["Zoë"],
    "ZOË": ["Zoë"],
    "muller": ["Müller"],
    "ANGS": ["Ångström"],
    "strasse": ["Straße"],
    "sen": ["Señora"],
    "lukasz": ["Łukasz"],
    "oystein": ["Øystein"],
    "Δημ": ["δημήτρης"],
}
NAME_ORDER = ["Aaron", "adam", "Ægir", "Ångström", "Bob", "Lucy", "Łukasz", "Luke", "Müller"]
NAME_ORDER += ["Øystein", "Oz", "Señora", "Straße", "Uma", "Ümit", "Zed", "Zoë", "δημήτρης"]


def heroes() -> list[tuple[int, str, int | None, str]]:
    return [(number, name, 30, "s") for number, name in enumerate(ROSTER, start=1)]


@pytest.fixture(params=["Hero Desktop's file", "the tutorial's file"])
def window(
    request: pytest.FixtureRequest, qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> MainWindow:
    if request.param == "Hero Desktop's file":
        open_database(db_path).close()  # made by Hero Desktop: it has the name index
    write_heroes(db_path, heroes())
    opened = open_window()
    ready = ask_store(qtbot, opened, lambda store: store.names_ready())
    assert ready is (request.param == "Hero Desktop's file")
    return opened


@pytest.mark.parametrize("needle", list(SEARCHES))
def test_typing_a_search_finds_names_whatever_their_case_and_accents(
    qtbot: QtBot, window: MainWindow, needle: str
) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    type_text(qtbot, window.search_bar.name_edit, needle)

    qtbot.waitUntil(lambda: shown_names(window) == SEARCHES[needle])
    assert window.search_bar.matches.text() == "1 match"


def test_ctrl_2_shows_names_in_the_order_people_read_them(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_2, CTRL)

    assert shown_names(window) == NAME_ORDER

    qtbot.keyClick(window.table, Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)

    assert shown_names(window) == NAME_ORDER[::-1]


# -- the offer to add the name index -------------------------------------------------


def schema(path: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT * FROM sqlite_schema ORDER BY name").fetchall()
    finally:
        connection.close()


def test_a_file_hero_desktop_made_shows_no_offer(open_window: OpenWindow, db_path: Path) -> None:
    open_database(db_path).close()
    write_heroes(db_path, heroes())

    window = open_window()

    assert not window.index_offer.isVisible()


def test_a_file_another_program_made_shows_the_offer_once_and_not_now_is_remembered(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, settings_path: Path
) -> None:
    write_heroes(db_path, heroes())
    before = schema(db_path)
    window = open_window()
    offer = window.index_offer
    assert offer.isVisible()
    assert "three triggers that only use SQLite built-ins" in offer.label.text()
    assert window.table.hasFocus()  # the bar does not take the keyboard from the table

    qtbot.keyClick(window.table, Qt.Key.Key_N, ALT)  # Not Now

    assert not offer.isVisible()
    assert window.table.hasFocus()
    assert schema(db_path) == before
    window.close()
    assert reread(settings_path).value(DECLINED_KEY) in (
        [str(db_path.resolve())],
        str(db_path.resolve()),
    )
    again = open_window()
    assert not again.index_offer.isVisible()


def test_add_index_builds_it_in_the_background_and_search_still_finds(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, heroes())
    window = open_window()
    qtbot.keyClick(window.table, Qt.Key.Key_2, CTRL)

    with qtbot.waitSignal(window.index_offer.built, timeout=20_000):
        qtbot.keyClick(window.table, Qt.Key.Key_A, ALT)  # Add Index

    assert ask_store(qtbot, window, lambda store: store.names_ready())
    assert not window.index_offer.isVisible()
    assert "ready" in window.statusBar().currentMessage()
    assert shown_names(window) == NAME_ORDER
    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    type_text(qtbot, window.search_bar.name_edit, "lukasz")
    qtbot.waitUntil(lambda: shown_names(window) == ["Łukasz"])
    present = {str(row[1]) for row in schema(db_path)}
    assert {"hero_desktop_name", "hero_desktop_fts", "hero_desktop_pending_insert"} <= present


def test_cancelling_the_build_leaves_the_file_as_it_was(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_heroes(db_path, heroes())
    before = schema(db_path)
    go = threading.Event()

    build = maintenance.build_name_index

    def build_after_cancel(location: Path, progress: Progress, **kwargs: Any) -> int:
        go.wait(10)  # the user presses Cancel while the build has not finished
        return build(location, progress, **kwargs)

    monkeypatch.setattr(maintenance, "build_name_index", build_after_cancel)
    window = open_window()
    offer = window.index_offer
    qtbot.keyClick(window.table, Qt.Key.Key_A, ALT)  # Add Index
    assert offer.building()
    offer.cancel_button.setFocus()
    qtbot.keyClick(offer.cancel_button, Qt.Key.Key_Space)
    go.set()

    qtbot.waitUntil(lambda: not offer.building(), timeout=20_000)

    assert schema(db_path) == before
    assert "Cancelled" in window.statusBar().currentMessage()
    assert offer.isVisible()  # still on offer


def test_the_build_says_how_far_it_is_then_that_it_sorts_the_index(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_heroes(db_path, heroes())
    keyed, told, sorting = threading.Event(), threading.Event(), threading.Event()

    def build(location: Path, progress: Progress, **kwargs: Any) -> int:
        progress(5, 18)
        keyed.wait(10)
        progress(18, 18)  # every hero keyed (or a catch-up's last batch)
        told.wait(10)
        progress(18, 18)  # asked again while the server sorts the indexes: no count
        sorting.wait(10)
        return 18

    monkeypatch.setattr(maintenance, "build_name_index", build)
    window = open_window()
    offer, status = window.index_offer, window.statusBar()
    qtbot.keyClick(window.table, Qt.Key.Key_A, ALT)  # Add Index

    qtbot.waitUntil(lambda: "5 of 18" in status.currentMessage())
    assert (offer.progress.maximum(), offer.progress.value()) == (18, 5)
    keyed.set()
    qtbot.waitUntil(lambda: "18 of 18" in status.currentMessage())
    told.set()
    qtbot.waitUntil(lambda: "sorting" in status.currentMessage())
    assert offer.progress.maximum() == 0  # busy: no count to show
    with qtbot.waitSignal(offer.built, timeout=20_000):
        sorting.set()


def test_many_heroes_written_by_another_program_are_indexed_in_the_background(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("hero_desktop.data.sqlite.store.SYNC_BUILD_ROWS", 3)
    open_database(db_path).close()
    window = open_window()
    assert not window.index_offer.isVisible()

    with qtbot.waitSignal(window.index_offer.built, timeout=20_000):
        write_heroes(db_path, heroes())  # e.g. the tutorial's app importing a roster

    assert ask_store(qtbot, window, lambda store: store.names_ready())
    qtbot.keyClick(window.table, Qt.Key.Key_2, CTRL)
    assert shown_names(window) == NAME_ORDER
    assert not window.index_offer.isVisible()


def earlier_file(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The roster in a file an earlier Hero Desktop indexed (no pairs index), too big to
    finish while opening."""
    monkeypatch.setattr("hero_desktop.data.sqlite.store.SYNC_BUILD_ROWS", 3)
    write_heroes(path, heroes())
    earlier = open_database(path, allow_changes=True)
    earlier.connection.execute(f"DROP TABLE {name_index.PAIRS_TABLE}")
    earlier.close()


def test_a_file_an_earlier_hero_desktop_indexed_gets_the_pairs_index_in_the_background(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its structures lack only the pairs index: searches read them meanwhile, and the
    pairs index is added without asking, with progress, and then used."""
    earlier_file(db_path, monkeypatch)
    shown: list[str] = []
    monkeypatch.setattr(
        IndexOfferBar, "_show_progress", lambda bar, done, total: shown.append(f"{done}/{total}")
    )
    asked: list[bool] = []
    build = maintenance.build_name_index

    def build_recorded(*args: Any, finish_only: bool = False, **kwargs: Any) -> int:
        asked.append(finish_only)
        return build(*args, finish_only=finish_only, **kwargs)

    monkeypatch.setattr(maintenance, "build_name_index", build_recorded)

    window = open_window()
    qtbot.waitUntil(lambda: shown == [f"{len(ROSTER)}/{len(ROSTER)}"], timeout=20_000)
    assert not window.index_offer.isVisible()
    qtbot.waitUntil(
        lambda: ask_store(qtbot, window, lambda store: not store.needs_name_index_build())
    )
    assert ask_store(qtbot, window, lambda store: name_index.has_pairs(store.connection))
    assert asked == [True]  # only finished: another window's add would leave nothing to do
    type_text(qtbot, window.search_bar.name_edit, "MU")
    qtbot.waitUntil(lambda: shown_names(window) == ["Müller"])


def test_a_part_another_window_is_adding_is_waited_for_without_a_word(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two windows on the file both finish it: the second finds the write lock held past
    its wait, says nothing, and adds nothing until a later poll finds the lock free."""
    monkeypatch.setattr("hero_desktop.data.sqlite.connections.BUSY_TIMEOUT_MS", 100)
    earlier_file(db_path, monkeypatch)
    said: list[str] = []
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # the other window, adding it
    try:
        window = open_window()
        window.statusBar().messageChanged.connect(said.append)
        qtbot.waitUntil(lambda: "" in said, timeout=10_000)  # a finish found it busy
        assert not ask_store(qtbot, window, lambda store: name_index.has_pairs(store.connection))
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.waitUntil(
        lambda: ask_store(qtbot, window, lambda store: name_index.has_pairs(store.connection)),
        timeout=10_000,
    )
    assert not any("not added" in message for message in said)


def test_a_change_asked_during_the_index_build_waits_for_it_and_says_so(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_heroes(db_path, heroes())
    holding, go = threading.Event(), threading.Event()

    build = maintenance.build_name_index

    def build_holding_the_lock(location: Path, progress: Progress, **kwargs: Any) -> int:
        connection = sqlite3.connect(location, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")  # as the real build does, for its whole run
        holding.set()
        go.wait(10)
        connection.execute("ROLLBACK")
        connection.close()
        return build(location, progress, **kwargs)

    monkeypatch.setattr(maintenance, "build_name_index", build_holding_the_lock)
    window = open_window()
    qtbot.unsettled.keyClick(window.table, Qt.Key.Key_A, ALT)  # Add Index
    qtbot.waitUntil(holding.is_set)

    window.runner.run(AddHero(validate_create({"name": "Zoey", "secret_name": "z"})))

    qtbot.waitUntil(window.status.waiting_label.isVisible)
    assert window.status.waiting_label.text() == "Waiting for the name index to finish building…"
    go.set()
    qtbot.waitUntil(lambda: not window.index_offer.building(), timeout=20_000)
    qtbot.waitUntil(lambda: "Zoey" in [row[1] for row in rows_in_file(db_path)])
    assert [row[1] for row in rows_in_file(db_path)].count("Zoey") == 1
    # The file has it before the window hears so: closing earlier would ask whether
    # to quit without the change that waited (a real message box, which no one answers).
    qtbot.waitUntil(window.is_idle)
    assert not window.status.waiting_label.isVisible()
