"""Secret names are masked until View → Show Secret Names (Ctrl+Shift+S), at every launch."""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hero_desktop.ui.hero_table_model import COLUMNS, SECRET_MASK

from .conftest import OpenWindow, reread
from .support import CTRL, SHIFT, TUTORIAL_HEROES, cell, write_heroes

SECRET = COLUMNS.index("secret_name")


def test_secret_names_are_masked_at_first(open_window: OpenWindow, db_path: Path) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()

    assert [cell(window, i, SECRET).data() for i in (1, 2, 3)] == [SECRET_MASK] * 3
    assert not window.menus.show_secrets_action.isChecked()


def test_ctrl_shift_s_shows_and_hides_secret_names(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()

    qtbot.keyClick(window.table, Qt.Key.Key_S, CTRL | SHIFT)
    assert cell(window, 1, SECRET).data() == "Dive Wilson"
    assert window.menus.show_secrets_action.isChecked()

    qtbot.keyClick(window.table, Qt.Key.Key_S, CTRL | SHIFT)
    assert cell(window, 1, SECRET).data() == SECRET_MASK


def test_secret_names_are_masked_again_at_the_next_launch(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, settings_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    qtbot.keyClick(window.table, Qt.Key.Key_S, CTRL | SHIFT)
    assert cell(window, 3, SECRET).data() == "Tommy Sharp"
    window.close()

    again = open_window()

    assert cell(again, 3, SECRET).data() == SECRET_MASK
    assert not again.menus.show_secrets_action.isChecked()
    assert reread(settings_path).value("show_secrets") is None


def test_a_reveal_saved_by_an_older_version_is_ignored(
    open_window: OpenWindow, db_path: Path, settings_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    old = reread(settings_path)
    old.setValue("show_secrets", True)
    old.sync()

    window = open_window()

    assert cell(window, 1, SECRET).data() == SECRET_MASK


def test_opening_another_database_masks_secret_names_again(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, tmp_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    other = tmp_path / "other.db"
    write_heroes(other, TUTORIAL_HEROES)
    window = open_window()
    qtbot.keyClick(window.table, Qt.Key.Key_S, CTRL | SHIFT)

    second = open_window(other)

    assert cell(second, 1, SECRET).data() == SECRET_MASK
