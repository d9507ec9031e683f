"""Search and name order in a window on a file Hero Desktop may not change (opened as found).

The names are keyed into Hero Desktop's own cache in the background; the
window's searches and name order read it, another program's changes show,
the status bar says how far the cache is, and the user's file keeps every
byte (no -wal or -shm left either).
"""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hero_desktop.data.name_index_state import NameCacheBoard, NameCacheProgress, NameCacheState
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.sqlite import name_cache, name_cache_keeper
from hero_desktop.ui.main_window import MainWindow
from hero_desktop.ui.name_cache_status import NameCacheStatus

from .conftest import OpenWindow
from .support import (
    CTRL,
    TUTORIAL_HEROES,
    ask_store,
    execute_elsewhere,
    numbered_heroes,
    shown_names,
    type_text,
    write_heroes,
)

WORLD = [
    *TUTORIAL_HEROES,
    (4, "Über Hero", 40, "u"),
    (5, "über alles", 41, "u2"),
    (6, "Straße Kid", None, "s"),
    (7, "Ζωή Δημητρίου", 30, "g"),
    (8, "Иван Über", 31, "c"),
]


@pytest.fixture(autouse=True)
def _every_file_cached(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(name_cache_keeper, "CACHE_FROM", 0)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sidecars(path: Path) -> list[str]:
    return [end for end in ("-wal", "-shm", "-journal") if Path(f"{path}{end}").exists()]


def _wait_for_cache(qtbot: QtBot, window: MainWindow) -> None:
    def ready() -> bool:
        progress = ask_store(qtbot, window, lambda store: store.name_cache_progress())
        return progress is not None and progress.state is NameCacheState.READY

    qtbot.waitUntil(ready, timeout=10_000)
    assert ask_store(qtbot, window, lambda store: store.name_schema()) == name_cache.SCHEMA


def _search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    type_text(qtbot, window.search_bar.name_edit, text)


@pytest.mark.parametrize("read_only", [False, True], ids=["no-consent", "read-only"])
def test_a_session_of_searches_and_sorts_as_found_changes_not_one_byte(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, read_only: bool
) -> None:
    write_heroes(db_path, WORLD + numbered_heroes(60)[8:])
    before = _digest(db_path)
    window = open_window(read_only=read_only)
    _wait_for_cache(qtbot, window)

    _search(qtbot, window, "Üb")
    qtbot.waitUntil(lambda: shown_names(window) == ["Über Hero", "über alles", "Иван Über"])
    qtbot.keyClick(window.search_bar.name_edit, Qt.Key.Key_2, CTRL)  # by name
    qtbot.waitUntil(lambda: shown_names(window) == ["über alles", "Über Hero", "Иван Über"])
    type_text(qtbot, window.search_bar.name_edit, "er h")  # "Über h"
    qtbot.waitUntil(lambda: shown_names(window) == ["Über Hero"])
    qtbot.keyClick(window.search_bar.name_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.search_bar.name_edit.text())
    qtbot.keyClick(window.table, Qt.Key.Key_2, CTRL)
    qtbot.waitUntil(lambda: shown_names(window)[:3] == ["Deadpond", "Hero 009", "Hero 010"])

    window.close()
    qtbot.waitUntil(window.client.thread_finished, timeout=5000)
    assert _digest(db_path) == before
    assert _sidecars(db_path) == []


def test_another_programs_change_shows_in_a_search_read_from_the_cache(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, WORLD)
    window = open_window(read_only=True)
    _wait_for_cache(qtbot, window)
    _search(qtbot, window, "straße")
    qtbot.waitUntil(lambda: shown_names(window) == ["Straße Kid"])

    execute_elsewhere(db_path, "UPDATE hero SET name = 'Strassenbahn' WHERE id = 4")
    execute_elsewhere(db_path, "UPDATE hero SET name = 'Kid' WHERE id = 6")
    execute_elsewhere(db_path, "INSERT INTO hero (name, secret_name) VALUES ('Zoë Strasse', 'z')")

    # ß folds to ss: the renamed and the new hero match, the one renamed away does not.
    qtbot.waitUntil(lambda: shown_names(window) == ["Strassenbahn", "Zoë Strasse"], timeout=5000)
    execute_elsewhere(db_path, "DELETE FROM hero WHERE id = 4")
    qtbot.waitUntil(lambda: shown_names(window) == ["Zoë Strasse"], timeout=5000)


def test_the_status_bar_says_how_far_the_names_are_prepared_then_that_they_are_ready(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, WORLD)
    window = open_window()
    board = NameCacheBoard()  # where a keeper posts, from its own thread
    status = NameCacheStatus(window.statusBar(), window)
    status.start(board)
    bar = window.statusBar()

    board.post(NameCacheProgress(NameCacheState.BUILDING, 250_000, 1_000_000))
    qtbot.waitUntil(
        lambda: bar.currentMessage() == "Preparing the names for fast search and name order: 25%…"
    )
    board.post(NameCacheProgress(NameCacheState.READY, 1_000_000, 1_000_000))
    qtbot.waitUntil(
        lambda: bar.currentMessage() == "The names are ready: search and name order are fast now."
    )
    status.stop()


@dataclass
class HeldBuild:
    """The first build of the name cache, held at its first step until ``release``."""

    started: threading.Event
    release: threading.Event


@pytest.fixture
def held_build(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldBuild]:
    held_at = HeldBuild(threading.Event(), threading.Event())
    build = name_cache.build

    def holding_build(connection: object, digest: str, progress: Any) -> Path:
        def held(done: int, total: int) -> bool:
            held_at.started.set()
            held_at.release.wait(10)
            return bool(progress(done, total))

        return build(connection, digest, held)  # type: ignore[arg-type]

    monkeypatch.setattr(name_cache, "build", holding_build)
    yield held_at
    held_at.release.set()


def test_a_search_typed_early_in_the_first_build_is_scanned_at_once_and_says_how_far(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, held_build: HeldBuild
) -> None:
    write_heroes(db_path, WORLD)
    window = open_window()
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("Preparing the names"),
        timeout=5000,
    )
    _search(qtbot, window, "Üb")
    # Nothing keyed yet, so no pace to wait by: the scan answers, the build goes on.
    qtbot.waitUntil(lambda: shown_names(window) == ["Über Hero", "über alles", "Иван Über"])
    assert window.statusBar().currentMessage().startswith("Preparing the names")
    held_build.release.set()


def test_a_search_typed_near_the_end_of_the_first_build_waits_for_it_and_says_how_far(
    qtbot: QtBot,
    open_window: OpenWindow,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    held_build: HeldBuild,
) -> None:
    write_heroes(db_path, WORLD)
    # The rest of the build shorter than a scan: worth waiting for.
    monkeypatch.setattr(name_cache_keeper, "worth_waiting", lambda *_: True)
    window = open_window()
    qtbot.waitUntil(held_build.started.is_set, timeout=10_000)
    _search(qtbot, window, "Üb")
    # The data worker waits for the cache; the status bar still says how far it is.
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("Preparing the names"),
        timeout=5000,
    )
    assert shown_names(window) != ["Über Hero", "über alles", "Иван Über"]
    held_build.release.set()
    qtbot.waitUntil(lambda: shown_names(window) == ["Über Hero", "über alles", "Иван Über"])


def test_closing_the_window_ends_a_read_that_waits_for_the_names(
    qtbot: QtBot,
    open_window: OpenWindow,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    held_build: HeldBuild,
) -> None:
    write_heroes(db_path, WORLD)
    monkeypatch.setattr(name_cache_keeper, "worth_waiting", lambda *_: True)
    window = open_window()
    qtbot.waitUntil(held_build.started.is_set, timeout=10_000)
    # Not a view (an export's or a copy's read): superseding would not stop it.
    window.client.ask(lambda repository: repository.count(HeroQuery(search="über")))
    window.close()
    qtbot.waitUntil(window.client.thread_finished, timeout=3000)
    held_build.release.set()
