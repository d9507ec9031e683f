"""Live view (issue 4): other programs change the file while the window is open.

The window polls the file every 500 ms. The table shows what another
program did, keeping the user's page, sort, search and selected hero, and
never closing a cell editor the user is typing in.
"""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit
from pytestqt.qtbot import QtBot
from tutorial_app import tutorial_app, tutorial_engine

from hero_desktop.ui.hero_table_model import COLUMNS

from .conftest import OpenWindow, SettlingQtBot

if TYPE_CHECKING:
    from fastapi.testclient import TestClient
from .support import (
    CTRL,
    SHIFT,
    TUTORIAL_HEROES,
    Answers,
    cell,
    current_id,
    editor_of,
    execute_elsewhere,
    go_to_cell,
    hero_in_file,
    numbered_heroes,
    selected_ids,
    shown_ids,
    shown_names,
    status_text,
    type_text,
    write_heroes,
)

NAME, AGE = COLUMNS.index("name"), COLUMNS.index("age")


@pytest.fixture
def tutorial_api(db_path: Path) -> Iterator["TestClient"]:
    with warnings.catch_warnings():
        # Starlette's notice about its own httpx dependency, not about this code.
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from fastapi.testclient import TestClient

    engine = tutorial_engine(db_path)
    with TestClient(tutorial_app(engine)) as client:
        yield client
    engine.dispose()


# -- plain sqlite3 ------------------------------------------------------------


def test_a_hero_another_program_adds_appears_and_the_selected_hero_stays_selected(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    go_to_cell(qtbot, window, 2, NAME)

    execute_elsewhere(
        db_path, "INSERT INTO hero (name, age, secret_name) VALUES ('Tarantula', 32, 'Natalia')"
    )

    qtbot.waitUntil(lambda: shown_ids(window) == [1, 2, 3, 4])
    assert status_text(window) == "Heroes 1–4 of 4"
    assert current_id(window) == 2
    assert selected_ids(window) == {2}


def test_a_hero_deleted_above_the_selected_one_leaves_the_same_hero_selected(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    go_to_cell(qtbot, window, 3, NAME)

    execute_elsewhere(db_path, "DELETE FROM hero WHERE id = 1")

    qtbot.waitUntil(lambda: shown_ids(window) == [2, 3])
    assert current_id(window) == 3


def test_an_edit_elsewhere_shows_while_keeping_page_sort_search_and_hero(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(250))
    window = open_window()
    qtbot.keyClick(window.table, Qt.Key.Key_2, CTRL)
    qtbot.keyClick(window.table, Qt.Key.Key_D, CTRL | SHIFT)  # by name, Hero 250 first
    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    type_text(qtbot, window.search_bar.name_edit, "0")  # 133 names hold a 0
    qtbot.waitUntil(lambda: status_text(window) == "Matches 1–100 of 133")
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_PageDown, CTRL)
    assert status_text(window) == "Matches 101–133 of 133"
    go_to_cell(qtbot, window, 13, NAME)

    execute_elsewhere(db_path, "UPDATE hero SET age = 99 WHERE id = 12")

    qtbot.waitUntil(lambda: cell(window, 12, AGE).data() == "99")
    assert status_text(window) == "Matches 101–133 of 133"
    assert window.search_bar.name_edit.text() == "0"
    assert shown_names(window)[0] == "Hero 033"
    assert current_id(window) == 13


def test_other_programs_changes_show_while_the_user_types_in_a_cell_editor(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    go_to_cell(qtbot, window, 1, NAME)
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    editor = editor_of(window)
    assert isinstance(editor, QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_End)
    type_text(qtbot, editor, " the Great")

    execute_elsewhere(db_path, "UPDATE hero SET age = 77 WHERE id = 3")
    execute_elsewhere(db_path, "UPDATE hero SET age = 31 WHERE id = 1")  # the edited hero
    qtbot.waitUntil(lambda: cell(window, 3, AGE).data() == "77")  # with the editor open
    qtbot.waitUntil(lambda: cell(window, 1, AGE).data() == "31")

    assert window.table.state() == QAbstractItemView.State.EditingState
    assert editor_of(window) is editor
    assert editor.text() == "Deadpond the Great"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: hero_in_file(db_path, 1) == (1, "Deadpond the Great", 31, "Dive Wilson")
    )


def test_a_change_elsewhere_to_the_very_value_being_typed_is_a_conflict_on_save(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    answers = Answers()
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window(prompts=answers)
    go_to_cell(qtbot, window, 1, NAME)
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    editor = editor_of(window)
    assert isinstance(editor, QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_End)
    type_text(qtbot, editor, " the Great")

    execute_elsewhere(db_path, "UPDATE hero SET name = 'Deadpond Prime' WHERE id = 1")
    qtbot.waitUntil(lambda: cell(window, 1, NAME).data() == "Deadpond Prime")
    assert editor.text() == "Deadpond the Great"
    qtbot.keyClick(editor, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: len(answers.conflicts) == 1)  # Keep Theirs: nothing written
    assert hero_in_file(db_path, 1) == (1, "Deadpond Prime", None, "Dive Wilson")


# -- the tutorial's FastAPI app -----------------------------------------------------


def test_a_hero_created_through_the_tutorial_api_appears(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, tutorial_api: "TestClient"
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()

    response = tutorial_api.post(
        "/heroes/", json={"name": "Black Lion", "secret_name": "Trevor Challa", "age": 35}
    )

    assert response.status_code == 200
    qtbot.waitUntil(lambda: shown_names(window)[-1] == "Black Lion")
    assert current_id(window) == 1


def test_an_edit_through_the_tutorial_api_appears(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, tutorial_api: "TestClient"
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()

    response = tutorial_api.patch("/heroes/2", json={"age": 16})

    assert response.status_code == 200
    qtbot.waitUntil(lambda: cell(window, 2, AGE).data() == "16")


def test_a_delete_through_the_tutorial_api_disappears(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, tutorial_api: "TestClient"
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()

    response = tutorial_api.delete("/heroes/1")

    assert response.status_code == 200
    qtbot.waitUntil(lambda: shown_ids(window) == [2, 3])
    assert current_id(window) == 2


def test_a_hero_the_window_adds_is_read_by_the_tutorial_api(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, tutorial_api: "TestClient"
) -> None:
    from .support import add_by_keyboard

    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()

    add_by_keyboard(qtbot, window, "Tarantula", "Natalia", "32")

    assert tutorial_api.patch("/heroes/4", json={}).json() == {
        "id": 4,
        "name": "Tarantula",
        "age": 32,
    }


def test_a_page_that_would_move_the_open_editor_to_another_hero_waits_for_it_to_close(
    qtbot: SettlingQtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    qtbot.keyClick(window.table, Qt.Key.Key_2, CTRL)  # by name: Deadpond first
    go_to_cell(qtbot, window, 1, AGE)
    go_on = threading.Event()
    window.client.ask(lambda _repository: go_on.wait(10))  # the worker is busy a moment
    execute_elsewhere(db_path, "UPDATE hero SET name = 'Aardvark' WHERE id = 3")
    window.navigator.refresh()  # asked now; its page puts Aardvark on Deadpond's row

    qtbot.unsettled.keyClick(window.table, Qt.Key.Key_F2)
    editor = editor_of(window)
    assert isinstance(editor, QLineEdit)
    qtbot.unsettled.keyClicks(editor, "33")
    go_on.set()
    qtbot.waitUntil(window.client.is_idle)

    assert editor_of(window) is editor
    assert current_id(window) == 1  # still Deadpond's row: the page was held back
    qtbot.unsettled.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: hero_in_file(db_path, 1) == (1, "Deadpond", 33, "Dive Wilson"))
    assert hero_in_file(db_path, 3) == (3, "Aardvark", 48, "Tommy Sharp")
    qtbot.waitUntil(lambda: shown_names(window)[0] == "Aardvark")  # shown once it closed
