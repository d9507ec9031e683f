"""Team mode: windows on one PostgreSQL database, driven by keyboard, against a real server.

Each test gets a fresh database on the session's throwaway server
(``postgres_database``). "Another person" is a second window on the same
database, the tutorial's FastAPI app pointed at it, or a plain client.

Why one file of this length: every test needs the same session server, fresh database,
tutorial app and helpers around them; each test is one user-visible team-mode behaviour.
"""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import logging
import threading
import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg
import pytest
from postgres_server import PostgresServer
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from sqlalchemy import Engine
from sqlmodel import create_engine
from tutorial_app import Base, tutorial_app

from hero_desktop.data.location import ServerAddress, parse_location
from hero_desktop.data.postgres import name_keys, name_keys_keeper, schema
from hero_desktop.ui.add_hero_dialog import AddHeroDialog
from hero_desktop.ui.connect_dialog import ConnectDialog
from hero_desktop.ui.hero_table_model import COLUMNS
from hero_desktop.ui.main_window import MainWindow
from hero_desktop.ui.menu_text import literal
from hero_desktop.window_manager import WindowManager

from .conftest import OpenWindow, SettlingQtBot
from .support import (
    ALT,
    CTRL,
    Answers,
    activate,
    add_by_keyboard,
    ask_store,
    cell,
    current_id,
    editor_of,
    focused,
    go_to_cell,
    message,
    shown_names,
    type_hero,
    type_text,
    when_dialog_opens,
)

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

NAME, AGE = COLUMNS.index("name"), COLUMNS.index("age")


def run(url: str, statement: str) -> list[tuple[object, ...]]:
    with psycopg.connect(url, autocommit=True) as connection:
        cursor = connection.execute(statement.encode())
        return cursor.fetchall() if cursor.description else []


def names_on_server(url: str) -> list[str]:
    return [str(row[0]) for row in run(url, "SELECT name FROM hero ORDER BY id")]


def is_ready(manager: WindowManager) -> bool:
    return manager.window is not None and manager.window.is_ready


def dbname_of(url: str) -> str:
    address = parse_location(url)
    assert isinstance(address, ServerAddress)
    return address.dbname


def sqlalchemy_url(url: str) -> str:
    """The tutorial app's form of the same address (SQLAlchemy with psycopg 3)."""
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


@pytest.fixture
def tutorial_engine(postgres_database: str) -> Iterator[Engine]:
    engine = create_engine(sqlalchemy_url(postgres_database))
    yield engine
    engine.dispose()


@pytest.fixture
def tutorial_api(tutorial_engine: Engine) -> Iterator[TestClient]:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from fastapi.testclient import TestClient

    with TestClient(tutorial_app(tutorial_engine)) as client:
        yield client


def test_a_server_url_opens_like_a_file_and_a_hero_added_by_keyboard_is_on_the_server(
    qtbot: SettlingQtBot, open_window: OpenWindow, postgres_database: str
) -> None:
    window = open_window(postgres_database)
    assert window.windowTitle().endswith("— Hero Desktop")
    assert " on " in window.windowTitle()

    add_by_keyboard(qtbot, window, "Deadpond", "Dive Wilson", "")

    assert names_on_server(postgres_database) == ["Deadpond"]
    qtbot.waitUntil(lambda: shown_names(window) == ["Deadpond"])
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)  # undo: gone from the server too
    qtbot.waitUntil(lambda: names_on_server(postgres_database) == [])
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: names_on_server(postgres_database) == ["Deadpond"])


def test_two_windows_on_one_database_see_each_others_changes_without_polling(
    qtbot: SettlingQtBot, open_window: OpenWindow, postgres_database: str
) -> None:
    first, second = open_window(postgres_database), open_window(postgres_database)
    # Told by the server (LISTEN/NOTIFY on a watched socket), not by asking it on a timer.
    qtbot.waitUntil(lambda: not second.live_view.timer.isActive())

    activate(qtbot, first)
    add_by_keyboard(qtbot, first, "Rusty-Man", "Tommy Sharp", "48")

    qtbot.waitUntil(lambda: shown_names(second) == ["Rusty-Man"])
    go_to_cell(qtbot, first, 1, NAME)
    qtbot.keyClick(first.table, Qt.Key.Key_F2)  # typing in a cell while others change heroes
    editor = editor_of(first)
    type_text(qtbot, editor, "Rusty")
    run(postgres_database, "UPDATE hero SET age = 49")  # psql, say
    qtbot.waitUntil(lambda: cell(second, 1, AGE).data() == "49")
    qtbot.waitUntil(lambda: cell(first, 1, AGE).data() == "49")  # with the editor open
    assert editor_of(first) is editor
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "Rusty"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


def test_a_conflict_between_two_windows_asks_and_keep_theirs_writes_nothing(
    qtbot: SettlingQtBot, open_window: OpenWindow, postgres_database: str
) -> None:
    answers = Answers()
    mine = open_window(postgres_database, prompts=answers)
    theirs = open_window(postgres_database)
    add_by_keyboard(qtbot, theirs, "Deadpond", "Dive Wilson", "")
    qtbot.waitUntil(lambda: shown_names(mine) == ["Deadpond"])

    activate(qtbot, mine)
    go_to_cell(qtbot, mine, 1, NAME)
    qtbot.keyClick(mine.table, Qt.Key.Key_F2)
    editor = editor_of(mine)
    assert isinstance(editor, QLineEdit)
    type_text(qtbot, editor, "Deadpool")
    run(postgres_database, "UPDATE hero SET name = 'Deadpond Prime'")  # theirs, meanwhile
    qtbot.keyClick(editor, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: len(answers.conflicts) == 1)
    _action, typed, current = answers.conflicts[0]
    assert typed == {"name": "Deadpool"}
    assert current.name == "Deadpond Prime"
    qtbot.waitUntil(lambda: cell(mine, 1, NAME).data() == "Deadpond Prime")
    assert names_on_server(postgres_database) == ["Deadpond Prime"]


def test_deleting_a_hero_someone_else_deleted_says_hero_not_found(
    qtbot: SettlingQtBot, open_window: OpenWindow, postgres_database: str
) -> None:
    answers = Answers()
    answers.delete_answer = True
    window = open_window(postgres_database, prompts=answers)
    add_by_keyboard(qtbot, window, "Deadpond", "Dive Wilson", "")
    go_to_cell(qtbot, window, 1, NAME)
    window.live_view.stop()  # the window has not heard of the delete yet
    run(postgres_database, "DELETE FROM hero")

    qtbot.keyClick(window.table, Qt.Key.Key_Delete)

    qtbot.waitUntil(lambda: "Hero not found" in message(window))


def test_the_tutorial_app_and_hero_desktop_share_one_database_both_ways(
    qtbot: SettlingQtBot,
    open_window: OpenWindow,
    postgres_database: str,
    tutorial_engine: Engine,
    tutorial_api: TestClient,
) -> None:
    Base.metadata.create_all(tutorial_engine)  # the tutorial app's own start-up
    for hero in ({"name": "Deadpond", "secret_name": "Dive Wilson"},
                 {"name": "Rusty-Man", "secret_name": "Tommy Sharp", "age": 48}):  # fmt: skip
        assert tutorial_api.post("/heroes/", json=hero).status_code == 200

    window = open_window(postgres_database)
    assert shown_names(window) == ["Deadpond", "Rusty-Man"]
    # Nothing added to the tutorial's database without the user's agreement.
    assert {str(r[0]) for r in run(postgres_database, "SELECT tablename FROM pg_tables "
                                   "WHERE schemaname = 'public'")} == {"hero"}  # fmt: skip
    assert window.index_offer.isVisible()

    go_to_cell(qtbot, window, 2, AGE)
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    type_text(qtbot, editor_of(window), "50")
    qtbot.keyClick(editor_of(window), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tutorial_api.get("/heroes/2").json()["age"] == 50)

    # Without Hero Desktop's trigger the window asks the server every second...
    tutorial_api.post("/heroes/", json={"name": "Spider-Boy", "secret_name": "Pedro"})
    qtbot.waitUntil(lambda: "Spider-Boy" in shown_names(window), timeout=10_000)

    qtbot.keyClick(window.table, Qt.Key.Key_A, ALT)  # ...until the user adds the index
    qtbot.waitUntil(lambda: not window.index_offer.building(), timeout=20_000)
    qtbot.waitUntil(lambda: not window.live_view.timer.isActive())
    tutorial_api.post("/heroes/", json={"name": "Zoë", "secret_name": "Z"})
    qtbot.waitUntil(lambda: "Zoë" in shown_names(window))
    assert tutorial_api.get("/heroes/").status_code == 200
    assert tutorial_api.delete("/heroes/1").json() == {"ok": True}
    qtbot.waitUntil(lambda: "Deadpond" not in shown_names(window))


def test_the_server_stopped_and_started_again_under_an_open_window(
    qtbot: SettlingQtBot,
    open_window: OpenWindow,
    postgres_server: PostgresServer,
    postgres_database: str,
) -> None:
    window = open_window(postgres_database)
    add_by_keyboard(qtbot, window, "Deadpond", "Dive Wilson", "")
    go_to_cell(qtbot, window, 1, NAME)

    postgres_server.stop()
    try:
        qtbot.waitUntil(window.connection_banner.isVisible, timeout=10_000)
        assert "lost — reconnecting…" in window.connection_banner.text()
        assert shown_names(window) == ["Deadpond"]  # what is shown stays readable
        assert current_id(window) == 1

        def try_to_add(dialog: QWidget) -> None:
            assert isinstance(dialog, AddHeroDialog)
            type_hero(qtbot, dialog, "Rusty-Man", "Tommy Sharp", "")
            qtbot.keyClick(focused(), Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: "nothing was changed" in dialog.form_error.text())
            assert dialog.isVisible()  # what was typed is still there, to try again
            assert dialog.name_edit.text() == "Rusty-Man"
            qtbot.keyClick(focused(), Qt.Key.Key_Escape)

        driver = when_dialog_opens(qtbot, try_to_add)
        qtbot.keyClick(window.table, Qt.Key.Key_N, CTRL)
        driver.check()
    finally:
        postgres_server.start_again()

    qtbot.waitUntil(lambda: not window.connection_banner.isVisible(), timeout=15_000)
    run(postgres_database, "INSERT INTO hero (name, secret_name) VALUES ('Zoë', 'z')")
    qtbot.waitUntil(lambda: shown_names(window) == ["Deadpond", "Zoë"], timeout=10_000)
    assert names_on_server(postgres_database) == ["Deadpond", "Zoë"]  # written once, or never


def test_a_role_that_may_only_read_opens_read_only_with_the_banner(
    qtbot: SettlingQtBot,
    open_window: OpenWindow,
    postgres_server: PostgresServer,
    postgres_database: str,
) -> None:
    writer = open_window(postgres_database)
    add_by_keyboard(qtbot, writer, "Deadpond", "Dive Wilson", "")
    dbname = dbname_of(postgres_database)
    postgres_server.create_role("reader")
    try:
        run(postgres_database, "GRANT USAGE ON SCHEMA public TO reader")
        run(postgres_database, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader")
        window = open_window(postgres_server.url(dbname, "reader"))

        assert window.read_only_banner.isVisible()
        assert "may only read" in window.read_only_banner.text()
        assert shown_names(window) == ["Deadpond"]
        qtbot.keyClick(window.table, Qt.Key.Key_N, CTRL)
        assert "is open read-only, so heroes cannot be added" in message(window)
        activate(qtbot, writer)
        add_by_keyboard(qtbot, writer, "Rusty-Man", "Tommy Sharp", "48")
        qtbot.waitUntil(lambda: shown_names(window) == ["Deadpond", "Rusty-Man"])
        writer.close()
        window.close()
    finally:
        postgres_server.drop_role("reader")


def test_a_password_is_asked_for_and_never_stored(
    qtbot: SettlingQtBot,
    postgres_server: PostgresServer,
    postgres_database: str,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    dbname = dbname_of(postgres_database)
    postgres_server.create_role("keeper", password="right horse battery")
    run(postgres_database, "GRANT ALL ON SCHEMA public TO keeper")
    asked: list[ServerAddress] = []

    def ask_server(address: ServerAddress) -> ServerAddress | None:
        asked.append(address)
        return replace(address, password="right horse battery")

    manager = WindowManager(show_error=lambda *_: None, ask_server=ask_server)
    try:
        manager.open(postgres_server.url(dbname, "keeper", tcp=True))  # no password in the URL
        qtbot.waitUntil(
            lambda: manager.window is not None and manager.window.is_ready, timeout=20_000
        )
        window = manager.window
        assert isinstance(window, MainWindow)
        assert len(asked) == 1
        assert asked[0].password is None
        add_by_keyboard(qtbot, window, "Deadpond", "Dive Wilson", "")
        assert names_on_server(postgres_database) == ["Deadpond"]
        window.save_settings()
        settings_file = Path(window.settings.store.fileName())
        assert "right horse" not in settings_file.read_text(encoding="utf-8", errors="replace")
        assert "right horse" not in window.windowTitle()
        recent = window.settings.recent_files()[0]
        assert parse_location(recent) == asked[0]
        assert "opened postgresql://keeper@127.0.0.1" in caplog.text
        assert "right horse" not in caplog.text
        manager.close_all()
    finally:
        postgres_server.drop_role("keeper")


def test_a_server_that_is_down_at_start_offers_retry_then_the_default_database(
    qtbot: SettlingQtBot,
) -> None:
    questions: list[str] = []

    def ask_retry(_title: str, text: str) -> bool:
        questions.append(text)
        return len(questions) < 2  # Retry once, then Cancel

    manager = WindowManager(show_error=lambda *_: None, ask_retry=ask_retry)
    manager.open("postgresql://postgres@127.0.0.1:1/heroes?connect_timeout=2")
    qtbot.waitUntil(lambda: len(questions) == 2, timeout=20_000)
    assert questions[0].startswith(
        "Could not reach the PostgreSQL server for heroes on 127.0.0.1:1"
    )
    qtbot.waitUntil(lambda: manager.window is not None and manager.window.is_ready, timeout=20_000)
    assert isinstance(manager.window, MainWindow)
    assert "Showing your default database instead" in message(manager.window)
    manager.close_all()


def test_connect_to_server_by_keyboard_opens_it_and_it_joins_open_recent(
    qtbot: SettlingQtBot,
    postgres_server: PostgresServer,
    postgres_database: str,
    tmp_path: Path,
) -> None:
    run(postgres_database, "SELECT 1")
    manager = WindowManager(show_error=lambda *_: None)
    manager.open(tmp_path / "mine.db")
    qtbot.waitUntil(lambda: is_ready(manager), timeout=20_000)
    file_window = manager.window
    assert isinstance(file_window, MainWindow)
    activate(qtbot, file_window)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, ConnectDialog)
        # Filled with the last server used (an earlier test's), the dialog starts at the
        # password: Alt+H goes to the host, as a user would.
        qtbot.keyClick(focused(), Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
        assert focused() is dialog.host_edit
        for text in (str(postgres_server.socket_dir), str(postgres_server.port),
                     dbname_of(postgres_database), "postgres"):  # fmt: skip
            qtbot.keyClick(focused(), Qt.Key.Key_A, CTRL)
            type_text(qtbot, focused(), text)
            qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)  # no password: the socket trusts us

    driver = when_dialog_opens(qtbot, fill)
    qtbot.keyClick(file_window.table, Qt.Key.Key_O, CTRL | Qt.KeyboardModifier.ShiftModifier)
    driver.check()

    qtbot.waitUntil(lambda: is_ready(manager) and manager.window is not file_window, timeout=20_000)
    server_window = manager.window
    assert isinstance(server_window, MainWindow)
    assert isinstance(server_window.location, ServerAddress)
    assert server_window.location.dbname == dbname_of(postgres_database)
    # An action's text shows "&&" as "&" (a lone "&" would mark a mnemonic).
    recent = [action.text() for action in server_window.menus.recent_menu.actions()]
    assert recent[0] == literal(server_window.location.url())
    assert recent[1].endswith("mine.db")
    manager.close_all()


def test_csv_import_export_and_the_secret_mask_work_on_a_server(
    qtbot: SettlingQtBot, open_window: OpenWindow, postgres_database: str, tmp_path: Path
) -> None:
    source = tmp_path / "roster.csv"
    source.write_text("name,age,secret_name\nNova,29,Nora Vance\nZéphyr,,Zed\n", encoding="utf-8")
    exported = tmp_path / "out.csv"

    class Files(Answers):
        def open_path(self, title: str, csv: bool = False) -> str | None:
            return str(source)

        def save_path(self, title: str, csv: bool = False) -> str | None:
            return str(exported)

    window = open_window(postgres_database, prompts=Files())
    qtbot.keyClick(window.table, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: message(window) == "Imported 2 heroes.", timeout=20_000)
    assert names_on_server(postgres_database) == ["Nova", "Zéphyr"]
    assert cell(window, 1, COLUMNS.index("secret_name")).data() != "Nora Vance"  # masked

    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)  # the import is one undoable step
    qtbot.waitUntil(lambda: names_on_server(postgres_database) == [])
    qtbot.keyClick(window.table, Qt.Key.Key_Y, CTRL)
    qtbot.waitUntil(lambda: names_on_server(postgres_database) == ["Nova", "Zéphyr"])

    qtbot.keyClick(window.table, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: exported.exists() and "Zéphyr" in exported.read_text("utf-8"))
    assert exported.read_text("utf-8").splitlines()[1:] == ["Nova,29,Nora Vance", "Zéphyr,,Zed"]


def test_after_a_big_import_the_names_are_keyed_in_the_background_with_progress(
    qtbot: SettlingQtBot,
    open_window: OpenWindow,
    postgres_database: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(schema, "BACKLOG_ROWS", 2)  # "big": more than two heroes
    source = tmp_path / "roster.csv"
    source.write_text("name,age,secret_name\nZoë,1,z\nZed,2,z\nAdam,3,a\n", encoding="utf-8")

    class Files(Answers):
        def open_path(self, title: str, csv: bool = False) -> str | None:
            return str(source)

    window = open_window(postgres_database, prompts=Files())
    with qtbot.waitSignal(window.index_offer.built, timeout=20_000):
        qtbot.keyClick(window.table, Qt.Key.Key_I, CTRL)
    assert not ask_store(qtbot, window, lambda store: store.needs_name_index_build())
    qtbot.keyClick(window.table, Qt.Key.Key_2, CTRL)  # by name, from the keyed names
    qtbot.waitUntil(lambda: shown_names(window) == ["Adam", "Zed", "Zoë"])


def test_a_table_as_found_has_its_names_keyed_in_the_background_with_progress(
    qtbot: SettlingQtBot,
    open_window: OpenWindow,
    postgres_database: str,
    tutorial_engine: Engine,
    tutorial_api: TestClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(name_keys_keeper, "KEEP_FROM", 2)  # a keeper for five heroes
    monkeypatch.setattr(name_keys, "READ_ROWS", 2)
    Base.metadata.create_all(tutorial_engine)
    for name in ("Zoë", "Zed", "Adam", "Ægir", "zoe"):
        assert tutorial_api.post("/heroes/", json={"name": name, "secret_name": "s"}).is_success
    reading, go = threading.Event(), threading.Event()
    chunk = name_keys._chunk

    def held(*arguments: object) -> object:
        found = chunk(*arguments)  # type: ignore[arg-type]
        if threading.current_thread().name == "hero-name-keys":
            reading.set()
            go.wait(20)
        return found

    monkeypatch.setattr(name_keys, "_chunk", held)
    window = open_window(postgres_database)
    bar = window.statusBar()
    try:
        qtbot.waitUntil(reading.is_set, timeout=20_000)  # (the keeper starts after painting)
        qtbot.waitUntil(
            lambda: (
                bar.currentMessage() == "Preparing the names for fast search and name order: 0%…"
            )
        )
    finally:
        go.set()
    qtbot.waitUntil(
        lambda: bar.currentMessage() == "The names are ready: search and name order are fast now."
    )

    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    type_text(qtbot, window.search_bar.name_edit, "zoe")
    qtbot.waitUntil(lambda: shown_names(window) == ["Zoë", "zoe"])
    qtbot.keyClick(window.search_bar.name_edit, Qt.Key.Key_Escape)
    qtbot.keyClick(window.table, Qt.Key.Key_2, CTRL)
    qtbot.waitUntil(lambda: shown_names(window) == ["Adam", "Ægir", "Zed", "zoe", "Zoë"])
