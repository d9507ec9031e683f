"""Adding a hero with the real Add Hero dialog, by keyboard (Ctrl+N or Insert)."""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hero_desktop.ui.add_hero_dialog import AddHeroDialog
from hero_desktop.ui.cell_selection import NAME_COLUMN

from .conftest import OpenWindow
from .support import (
    CTRL,
    TUTORIAL_HEROES,
    add_by_keyboard,
    current_column,
    current_hero,
    focused,
    numbered_heroes,
    rows_in_file,
    selected_ids,
    shown_ids,
    type_hero,
    type_or_paste,
    visible_errors,
    wait_for_table_focus,
    when_dialog_opens,
    write_heroes,
)


def test_ctrl_n_opens_add_hero_with_focus_on_name_and_tab_order_name_secret_age(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    window = open_window()
    order: list[str] = []

    def walk_fields(dialog: QWidget) -> None:
        assert isinstance(dialog, AddHeroDialog)
        fields: dict[QWidget, str] = {
            dialog.name_edit: "name",
            dialog.secret_edit: "secret",
            dialog.age_edit: "age",
        }
        qtbot.waitUntil(lambda: focused() in fields)
        for _ in range(3):
            order.append(fields[focused()])
            qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    driver = when_dialog_opens(qtbot, walk_fields)
    qtbot.keyClick(window.table, Qt.Key.Key_N, CTRL)
    dialog = driver.check()

    assert dialog.windowTitle() == "Add Hero"
    assert order == ["name", "secret", "age"]


@pytest.mark.parametrize("key", [Qt.Key.Key_N, Qt.Key.Key_Insert], ids=["ctrl+n", "insert"])
def test_enter_saves_the_new_hero_which_is_shown_and_selected(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, key: Qt.Key
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()

    add_by_keyboard(qtbot, window, "Tarantula", "Natalia Roman-on", "32", key)

    assert rows_in_file(db_path)[-1] == (4, "Tarantula", 32, "Natalia Roman-on")
    hero = current_hero(window)
    assert hero is not None
    assert hero.id == 4
    assert current_column(window) == NAME_COLUMN
    assert selected_ids(window) == {4}
    wait_for_table_focus(qtbot, window)


def test_a_new_hero_beyond_the_first_page_is_shown_on_its_page(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(150))
    window = open_window()

    add_by_keyboard(qtbot, window, "Zed", "Zed's secret", "")

    assert window.model.page == 1
    assert shown_ids(window)[-1] == 151
    assert selected_ids(window) == {151}
    assert rows_in_file(db_path)[-1] == (151, "Zed", None, "Zed's secret")


def test_escape_cancels_and_writes_nothing(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()

    def type_then_escape(dialog: QWidget) -> None:
        type_hero(qtbot, dialog, "Never Saved", "Nobody", "5")
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    driver = when_dialog_opens(qtbot, type_then_escape)
    qtbot.keyClick(window.table, Qt.Key.Key_N, CTRL)
    driver.check()

    assert rows_in_file(db_path) == TUTORIAL_HEROES
    assert window.model.rowCount() == 3
    hero = current_hero(window)
    assert hero is not None
    assert hero.id == 1


@pytest.mark.parametrize(
    ("name", "age", "field", "expected"),
    [
        ("", "", "name", "Name is required"),
        ("   ", "", "name", "Name is required"),
        ("Bad\x07Bell", "", "name", "Name must not contain control characters or line breaks"),
        ("x" * 256, "", "name", "Name must be at most 255 characters"),
        ("Ok", "abc", "age", "Age must be a whole number"),
        ("Ok", "-1", "age", "Age must be between 0 and 10000"),
        ("Ok", "10001", "age", "Age must be between 0 and 10000"),
        ("Ok", "1_000", "age", "Age must be a whole number"),
    ],
    ids=["empty-name", "blank-name", "control-char", "256-chars", "abc", "-1", "10001", "1_000"],
)
def test_bad_input_keeps_the_dialog_open_with_a_message_by_the_field_and_writes_nothing(
    qtbot: QtBot,
    open_window: OpenWindow,
    db_path: Path,
    name: str,
    age: str,
    field: str,
    expected: str,
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    shown: dict[str, object] = {}

    def enter_bad_input(dialog: QWidget) -> None:
        assert isinstance(dialog, AddHeroDialog)
        type_or_paste(qtbot, dialog.name_edit, name)
        qtbot.keyClicks(dialog.secret_edit, "Secret")
        qtbot.keyClicks(dialog.age_edit, age)
        qtbot.keyClick(dialog.age_edit, Qt.Key.Key_Return)
        shown["open"] = dialog.isVisible()
        shown["errors"] = visible_errors(dialog)
        shown["by_field"] = dialog.errors[field].isVisible()
        shown["focus"] = focused()
        shown["fields"] = {
            "name": dialog.name_edit,
            "age": dialog.age_edit,
        }[field]
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    driver = when_dialog_opens(qtbot, enter_bad_input)
    qtbot.keyClick(window.table, Qt.Key.Key_N, CTRL)
    driver.check()

    assert shown["open"] is True
    assert shown["errors"] == [expected]
    assert shown["by_field"] is True
    assert shown["focus"] is shown["fields"], "the cursor goes to the field to fix"
    assert rows_in_file(db_path) == TUTORIAL_HEROES


def test_a_name_is_stored_trimmed_and_in_nfc(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    window = open_window()

    add_by_keyboard(qtbot, window, "  Zoe\u0301  ", "Secret", " 7 ")

    assert rows_in_file(db_path) == [(1, "Zo\u00e9", 7, "Secret")]
    assert window.model.hero_at(0).name == "Zo\u00e9"
