"""What a screen reader finds in the window and its dialogs, read through Qt's accessibility.

Every control the keyboard can reach has a name in words (not a glyph), the
table's cells say their value and their headers, and what appears without
the keyboard moving (a message, a refusal, the index offer, a wait, an
import's end) is announced. Announcements are heard at the one place that
sends them (``hero_desktop.ui.announce``), where the test listens instead of
the platform.

Why one file of this length: it walks one accessibility tree (the window's
and its dialogs') with one set of helpers to read names and hear announcements.
"""

# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from hero_desktop.data.location import ServerAddress
from hero_desktop.ui.add_hero_dialog import AddHeroDialog
from hero_desktop.ui.connect_dialog import ConnectDialog
from hero_desktop.ui.csv_transfer import TransferProgress
from hero_desktop.ui.delete_heroes_dialog import DeleteHeroesDialog
from hero_desktop.ui.go_to_hero_dialog import GoToHeroDialog
from hero_desktop.ui.main_window import MainWindow
from hero_desktop.ui.message_bar import MessageKind
from hero_desktop.ui.prompts import Prompts
from hero_desktop.ui.shortcuts_dialog import ShortcutsDialog

from .conftest import Heard, OpenWindow, SettlingQtBot
from .support import (
    CTRL,
    SHIFT,
    TUTORIAL_HEROES,
    activate,
    editor_of,
    focused,
    go_to_cell,
    numbered_heroes,
    type_text,
    when_dialog_opens,
    write_heroes,
)

NAME = QAccessible.Text.Name
DESCRIPTION = QAccessible.Text.Description
AGE = 2
SECRET = 3


def accessible(widget: QWidget) -> QAccessibleInterface:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, f"{widget!r} has no accessible interface"
    return interface


def spoken_name(widget: QWidget) -> str:
    return accessible(widget).text(NAME)


def focusable(root: QWidget) -> list[QWidget]:
    """Every control of ``root``'s window the keyboard can reach, shown now or later."""
    widgets = [root, *root.findChildren(QWidget)]
    return [w for w in widgets if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.window() is root]


def unnamed(root: QWidget) -> list[str]:
    """The focusable controls whose spoken name has no word in it (empty, or a glyph)."""
    return [
        f"{type(w).__name__} {spoken_name(w)!r}"
        for w in focusable(root)
        if not any(char.isalpha() for char in spoken_name(w))
    ]


def check_dialog(qtbot: QtBot, dialog: QDialog, first: QWidget) -> None:
    """Shown, it has the keyboard in ``first``, and every control has a name."""
    dialog.show()
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    qtbot.waitUntil(first.hasFocus)
    assert len(focusable(dialog)) >= 2
    assert unnamed(dialog) == []
    dialog.close()


# -- names ------------------------------------------------------------------------


def test_every_control_of_the_main_window_has_a_name_in_words(
    open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)  # a tutorial file: the index offer shows too
    window = open_window()
    window.services  # noqa: B018 - the index offer bar and the rest, built now

    assert unnamed(window) == []
    pager, search = window.pager, window.search_bar
    names = {
        window.table: "Heroes",
        pager.first_button: "First page",
        pager.previous_button: "Previous page",
        pager.next_button: "Next page",
        pager.last_button: "Last page",
        pager.page_spin: "Page number",
        pager.page_spin.lineEdit(): "Page number",
        search.name_edit: "Search names",
        search.age_from: "Age from",
        search.age_to: "Age to",
        window.status.cancel_button: "Cancel waiting",
        window.index_offer.add_button: "Add Index",
        window.index_offer.not_now_button: "Not Now",
        window.index_offer.cancel_button: "Cancel the name index",
    }
    assert {spoken_name(w): name for w, name in names.items()} == {
        name: name for name in names.values()
    }
    # A box whose name on Linux is its current choice says what it is in its description.
    assert spoken_name(pager.size_combo) == "100 per page"
    assert accessible(pager.size_combo).text(DESCRIPTION) == "How many heroes a page shows"
    assert accessible(pager.first_button).text(DESCRIPTION) == "Keys: Alt+Home"


def test_the_labels_of_the_bars_lead_to_their_fields(
    open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(3))
    window = open_window()

    buddies = {
        label.text(): label.buddy()
        for label in window.findChildren(QLabel)
        if label.buddy() is not None
    }

    assert buddies == {
        "&Search:": window.search_bar.name_edit,
        "Age": window.search_bar.age_from,
        "–": window.search_bar.age_to,
        "Page": window.pager.page_spin,
    }


def test_the_message_bar_says_its_kind_and_text(open_window: OpenWindow, db_path: Path) -> None:
    write_heroes(db_path, numbered_heroes(3))
    window = open_window()

    window.show_message("Age: must be a whole number.", MessageKind.WARNING)

    assert spoken_name(window.message_bar) == "Message"
    assert accessible(window.message_bar).text(DESCRIPTION) == "Warning"
    assert spoken_name(window.message_bar.label) == "Warning: Age: must be a whole number."


# -- the table --------------------------------------------------------------------


def cells_of(window: MainWindow) -> list[QAccessibleInterface]:
    table = accessible(window.table)
    children = [table.child(n) for n in range(table.childCount())]
    return [c for c in children if c is not None and c.role() == QAccessible.Role.Cell]


def test_each_cell_says_its_value_its_column_and_its_row(
    open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, [(7, "Deadpond", 30, "Dive Wilson")])
    window = open_window()

    read = []
    for cell in cells_of(window):
        about = cell.tableCellInterface()
        assert about is not None
        columns = [header.text(NAME) for header in about.columnHeaderCells()]
        rows = [header.text(NAME) for header in about.rowHeaderCells()]
        read.append((cell.text(NAME), columns, rows))

    assert read == [
        ("7", ["ID"], ["1"]),
        ("Deadpond", ["Name"], ["1"]),
        ("30", ["Age"], ["1"]),
        ("hidden", ["Secret name"], ["1"]),
    ]


def test_a_hidden_secret_name_reads_hidden_until_shown(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, [(1, "Deadpond", None, "Dive Wilson")])
    window = open_window()

    secret = cells_of(window)[SECRET]
    assert (secret.text(NAME), secret.text(DESCRIPTION)) == (
        "hidden",
        "Hidden: View → Show Secret Names",
    )
    qtbot.keyClick(window.table, Qt.Key.Key_S, CTRL | SHIFT)
    assert cells_of(window)[SECRET].text(NAME) == "Dive Wilson"
    assert cells_of(window)[SECRET].text(DESCRIPTION) == ""
    assert cells_of(window)[AGE].text(NAME) == ""  # no age: nothing, not "None"


# -- dialogs ----------------------------------------------------------------------


def test_the_add_hero_dialog_opens_at_name_with_everything_named(qtbot: QtBot) -> None:
    dialog = AddHeroDialog(lambda _hero, _dialog: None)
    check_dialog(qtbot, dialog, dialog.name_edit)
    assert accessible(dialog.save_button).text(DESCRIPTION) == "Add this hero (Enter)"
    assert spoken_name(dialog.age_edit) == "Age:"


def test_the_go_to_dialog_opens_at_the_id_field_with_everything_named(qtbot: QtBot) -> None:
    dialog = GoToHeroDialog(lambda _text, _reply: None)
    check_dialog(qtbot, dialog, dialog.id_edit)
    assert spoken_name(dialog.id_edit) == "Hero ID:"


def test_the_connect_dialog_opens_at_host_with_everything_named(qtbot: QtBot) -> None:
    dialog = ConnectDialog()
    check_dialog(qtbot, dialog, dialog.host_edit)
    assert spoken_name(dialog.port_spin.lineEdit()) == "Port"
    again = ConnectDialog(ServerAddress(host="db.example", port=None, dbname="heroes"))
    check_dialog(qtbot, again, again.password_edit)  # a known server: its password


def test_the_delete_dialog_opens_at_delete_with_both_buttons_named(qtbot: QtBot) -> None:
    from hero_desktop.data.rows import HeroRow

    dialog = DeleteHeroesDialog([HeroRow(1, "Deadpond", None, "Dive Wilson")])
    delete = next(b for b in focusable(dialog) if spoken_name(b) == "Delete")
    check_dialog(qtbot, dialog, delete)


def test_the_progress_dialog_of_an_import_has_a_named_cancel(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(3))
    window = open_window()
    progress = TransferProgress("Importing heroes.csv", window)

    progress.dialog.show()
    qtbot.waitExposed(progress.dialog)
    assert [spoken_name(w) for w in focusable(progress.dialog)] == ["Cancel"]
    progress.finish()


def test_the_quit_question_names_both_answers(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(3))
    window = open_window()
    seen: list[tuple[list[str], list[str]]] = []

    def read(dialog: QWidget) -> None:
        seen.append(([spoken_name(w) for w in focusable(dialog)], unnamed(dialog)))
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    driver = when_dialog_opens(qtbot, read)
    Prompts(window).quit_without_waiting("database.db", ["Add Hero"])
    driver.check()
    names, without_words = seen[0]
    assert {"Quit", "Keep Waiting"} <= set(names)
    assert without_words == []


def test_the_f1_list_reads_each_row_as_action_and_keys(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path
) -> None:
    write_heroes(db_path, numbered_heroes(3))
    window = open_window()
    dialog = ShortcutsDialog(window.menus.shortcut_rows(), window)

    check_dialog(qtbot, dialog, dialog.list)
    listing = accessible(dialog.list)
    spoken = {listing.child(n).text(NAME) for n in range(listing.childCount())}
    assert "Undo: Ctrl+Z" in spoken
    assert "Keyboard Shortcuts: F1" in spoken
    assert spoken_name(dialog.list) == "Keyboard shortcuts"


# -- announcements ----------------------------------------------------------------


def test_a_message_above_the_table_is_announced(
    open_window: OpenWindow, db_path: Path, heard: Heard
) -> None:
    write_heroes(db_path, numbered_heroes(3))
    window = open_window()

    window.show_message("Could not read the file.")

    assert heard[-1] == (window.message_bar.label, "Error: Could not read the file.", True)


def test_a_refused_cell_value_is_announced_and_shown_in_words(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, heard: Heard
) -> None:
    write_heroes(db_path, [(1, "Deadpond", None, "Dive Wilson")])
    window = open_window()
    window.services  # noqa: B018 - editing, built now
    go_to_cell(qtbot, window, 1, AGE)
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    type_text(qtbot, editor_of(window), "old")

    qtbot.keyClick(editor_of(window), Qt.Key.Key_Return)

    said = window.statusBar().currentMessage()
    assert said.startswith("Age: ")
    assert (window.statusBar(), said, True) in heard


def test_a_refusal_in_the_add_dialog_is_announced_and_describes_its_field(
    qtbot: QtBot, heard: Heard
) -> None:
    dialog = AddHeroDialog(lambda _hero, _dialog: None)
    dialog.age_edit.setText("old")

    dialog.accept()

    refusals = [text for widget, text, urgent in heard if urgent]
    assert len(refusals) == 3  # name, secret name, age
    assert accessible(dialog.age_edit).text(DESCRIPTION) in refusals
    assert accessible(dialog.name_edit).text(DESCRIPTION) in refusals
    dialog.close()


def test_the_index_offer_is_announced(open_window: OpenWindow, db_path: Path, heard: Heard) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    window.services  # noqa: B018 - the index offer, built now

    offer = window.index_offer
    assert offer.isVisible()
    assert (
        offer.label,
        f"{offer.label.text()} Alt+A adds the index, Alt+N: not now.",
        False,
    ) in heard


def test_waiting_for_another_program_is_announced(
    qtbot: SettlingQtBot,
    open_window: OpenWindow,
    db_path: Path,
    write_lock: sqlite3.Connection,
    heard: Heard,
) -> None:
    write_heroes(db_path, TUTORIAL_HEROES)
    window = open_window()
    go_to_cell(qtbot, window, 2, 1)
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    type_text(qtbot, editor_of(window), "Spider-Man")
    write_lock.execute("BEGIN IMMEDIATE")

    qtbot.unsettled.keyClick(editor_of(window), Qt.Key.Key_Return)

    label = window.status.waiting_label
    qtbot.waitUntil(label.isVisible)
    said, name = list(heard), spoken_name(label)
    write_lock.execute("ROLLBACK")  # (before any assert: a change left waiting asks on close)
    qtbot.waitUntil(lambda: not label.isVisible())
    assert (label, f"{label.text()} Esc stops waiting.", False) in said
    assert name.startswith("Waiting for another program")


def test_a_finished_import_is_announced(
    qtbot: QtBot, open_window: OpenWindow, db_path: Path, tmp_path: Path, heard: Heard
) -> None:
    write_heroes(db_path, numbered_heroes(3))
    source = tmp_path / "new.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["name", "age", "secret_name"], ["Nova", "29", "Nora"]])
    window = open_window()

    window.csv.import_file(str(source))

    bar = window.message_bar.label
    qtbot.waitUntil(lambda: (bar, "Success: Imported 1 hero.", False) in heard)
    assert spoken_name(bar) == "Success: Imported 1 hero."
