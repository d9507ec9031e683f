"""File → Connect to Server…: the dialog, driven by the keyboard only.

The user tabs through Host, Port, Database, User, Password and TLS (or
jumps with Alt+letter), Enter connects and Esc cancels. What comes back is a
``ServerAddress``; a typed password is in its in-memory password field and
in none of what gets shown or saved (url(), name, repr).

Why one file of this length: one dialog, driven by the keyboard; its small helpers (open,
press, type) serve every section (the form, refusals, a known address, the login name).
"""
# pytest-qt's keyClick and keyClicks are untyped wrappers of QTest's.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import getpass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from hero_desktop.data.location import ServerAddress, parse_location
from hero_desktop.ui.connect_dialog import ConnectDialog, ask_server, login_name

from .support import ALT, activate, focused, visible_errors, when_dialog_opens

ENTER = Qt.Key.Key_Return
TAB = Qt.Key.Key_Tab


def open_dialog(qtbot: QtBot, initial: ServerAddress | None = None) -> ConnectDialog:
    dialog = ConnectDialog(initial)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    return dialog


def server(url: str) -> ServerAddress:
    address = parse_location(url)
    assert isinstance(address, ServerAddress)
    return address


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    """A key, to whatever has the focus, as a user presses it."""
    if modifier is None:
        qtbot.keyClick(focused(), key)
    else:
        qtbot.keyClick(focused(), key, modifier)


def type_into_focus(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


# -- the form -----------------------------------------------------------------------


def test_enter_at_once_connects_to_heroes_on_localhost_as_the_login_user(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)

    press(qtbot, ENTER)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    assert dialog.chosen == ServerAddress(
        host="localhost", port=5432, dbname="heroes", user=login_name() or None, sslmode="prefer"
    )
    assert dialog.chosen.password is None


def test_the_dialog_opens_on_the_host_with_its_text_selected(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)

    assert dialog.windowTitle() == "Connect to Server"
    assert focused() is dialog.host_edit
    assert dialog.host_edit.selectedText() == "localhost"


def test_tab_goes_host_port_database_user_password_tls(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    names: dict[QWidget, str] = {
        dialog.host_edit: "host",
        dialog.port_spin: "port",
        dialog.database_edit: "database",
        dialog.user_edit: "user",
        dialog.password_edit: "password",
        dialog.tls_combo: "tls",
    }
    order = []
    for _ in names:
        order.append(names[focused()])
        press(qtbot, TAB)

    assert order == ["host", "port", "database", "user", "password", "tls"]


def test_every_field_typed_in_turn_makes_the_address(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)

    type_into_focus(qtbot, "db.example")  # the default is selected: typing replaces it
    press(qtbot, TAB)
    type_into_focus(qtbot, "5433")
    press(qtbot, TAB)
    type_into_focus(qtbot, "team")
    press(qtbot, TAB)
    type_into_focus(qtbot, "ann")
    press(qtbot, TAB)
    type_into_focus(qtbot, "s3cr3t-Pa55")
    press(qtbot, TAB)
    press(qtbot, Qt.Key.Key_Down)  # Prefer → Require
    press(qtbot, ENTER)

    assert dialog.result() == QDialog.DialogCode.Accepted
    chosen = dialog.chosen
    assert chosen == ServerAddress(
        host="db.example", port=5433, dbname="team", user="ann", sslmode="require"
    )
    assert chosen.password == "s3cr3t-Pa55"
    assert chosen.url() == "postgresql://ann@db.example:5433/team?sslmode=require"
    assert chosen.name == "team on db.example:5433"


def test_the_typed_password_is_held_but_never_shown_or_kept_elsewhere(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)

    qtbot.keyClick(dialog, Qt.Key.Key_W, ALT)
    type_into_focus(qtbot, "s3cr3t-Pa55")
    assert dialog.password_edit.displayText() != "s3cr3t-Pa55"  # dots on the screen
    press(qtbot, ENTER)

    chosen = dialog.chosen
    assert chosen is not None
    assert chosen.password == "s3cr3t-Pa55"
    assert chosen.connect_kwargs()["password"] == "s3cr3t-Pa55"
    for shown in (chosen.url(), chosen.name, repr(chosen), str(chosen)):
        assert "s3cr3t-Pa55" not in shown


def test_the_password_field_says_how_to_do_without_it(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)

    assert dialog.password_edit.placeholderText() == "Leave empty to use ~/.pgpass or PGPASSWORD"


def test_a_socket_folder_in_the_host_field(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)

    type_into_focus(qtbot, "/run/postgresql")
    press(qtbot, ENTER)

    assert dialog.chosen is not None
    assert dialog.chosen.is_socket
    assert dialog.chosen.name == "heroes on /run/postgresql"


def test_an_empty_host_and_user_are_left_to_libpq(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)

    press(qtbot, Qt.Key.Key_Backspace)
    qtbot.keyClick(dialog, Qt.Key.Key_U, ALT)
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, ENTER)

    assert dialog.chosen is not None
    assert (dialog.chosen.host, dialog.chosen.user) == (None, None)


@pytest.mark.parametrize(
    ("letter", "field"),
    [
        (Qt.Key.Key_H, "host_edit"),
        (Qt.Key.Key_P, "port_spin"),
        (Qt.Key.Key_D, "database_edit"),
        (Qt.Key.Key_U, "user_edit"),
        (Qt.Key.Key_W, "password_edit"),
        (Qt.Key.Key_T, "tls_combo"),
    ],
)
def test_alt_and_the_underlined_letter_moves_to_the_field(
    qtbot: QtBot, letter: Qt.Key, field: str
) -> None:
    dialog = open_dialog(qtbot)
    target = getattr(dialog, field)
    if field != "host_edit":
        assert not target.hasFocus()

    qtbot.keyClick(dialog, letter, ALT)

    assert target.hasFocus()
    assert any(label.buddy() is target for label in dialog.findChildren(QLabel))


@pytest.mark.parametrize("field", ["port_spin", "tls_combo"])
def test_enter_connects_from_the_port_and_tls_fields_too(qtbot: QtBot, field: str) -> None:
    dialog = open_dialog(qtbot)
    getattr(dialog, field).setFocus()
    qtbot.waitUntil(getattr(dialog, field).hasFocus)

    press(qtbot, ENTER)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen is not None


def test_the_tls_modes_read_as_sentences(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    combo = dialog.tls_combo

    modes = [combo.itemData(i) for i in range(combo.count())]
    labels = [combo.itemText(i) for i in range(combo.count())]

    assert modes == ["prefer", "require", "verify-full", "disable"]
    assert combo.currentData() == "prefer"
    assert labels[0].startswith("Prefer TLS")
    assert labels[-1] == "No TLS"


# -- refusals -----------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["", "   "], ids=["empty", "spaces"])
def test_connect_is_refused_without_a_database_and_says_why_beside_it(
    qtbot: QtBot, typed: str
) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_D, ALT)
    press(qtbot, Qt.Key.Key_Backspace)
    type_into_focus(qtbot, typed)

    press(qtbot, ENTER)

    assert dialog.isVisible()
    assert dialog.chosen is None
    assert visible_errors(dialog) == ["Enter the name of a database to open."]
    assert focused() is dialog.database_edit


def test_after_a_refusal_typing_a_database_clears_the_reason_and_enter_connects(
    qtbot: QtBot,
) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_D, ALT)
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, ENTER)

    type_into_focus(qtbot, "team")
    assert visible_errors(dialog) == []
    press(qtbot, ENTER)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen is not None
    assert dialog.chosen.dbname == "team"


def test_several_hosts_are_refused_with_the_reason(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)

    type_into_focus(qtbot, "a,b")
    press(qtbot, ENTER)

    assert dialog.isVisible()
    assert dialog.chosen is None
    [reason] = visible_errors(dialog)
    assert "several hosts" in reason
    assert focused() is dialog.host_edit


def test_the_reason_is_set_apart_in_the_palettes_colours(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_D, ALT)
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, ENTER)

    label = dialog.database_error
    stripe = label.grab().toImage().pixelColor(0, label.height() // 2)
    assert stripe == label.palette().color(QPalette.ColorRole.Highlight)
    for error_label in dialog.findChildren(QLabel, "fieldError"):
        rules = error_label.styleSheet().replace("#fieldError", "")
        assert "#" not in rules
        assert "rgb" not in rules


def test_esc_cancels_with_no_address(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    type_into_focus(qtbot, "db.example")

    press(qtbot, Qt.Key.Key_Escape)

    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()
    assert dialog.chosen is None


# -- filled from a known address ---------------------------------------------------------


def test_a_known_address_fills_the_fields_and_focus_waits_at_the_password(
    qtbot: QtBot,
) -> None:
    known = server("postgresql://ann@db.example:5433/team?sslmode=verify-full")

    dialog = open_dialog(qtbot, known)

    assert dialog.host_edit.text() == "db.example"
    assert dialog.port_spin.value() == 5433
    assert dialog.database_edit.text() == "team"
    assert dialog.user_edit.text() == "ann"
    assert dialog.password_edit.text() == ""
    assert dialog.tls_combo.currentData() == "verify-full"
    assert focused() is dialog.password_edit


def test_reconnecting_with_a_password_gives_back_the_same_address(qtbot: QtBot) -> None:
    known = server("postgresql://ann@db.example/team?connect_timeout=5&sslrootcert=%2Fca.pem")
    dialog = open_dialog(qtbot, known)

    type_into_focus(qtbot, "hunter2")
    press(qtbot, ENTER)

    chosen = dialog.chosen
    assert chosen is not None
    assert chosen == known  # settings the form does not show are kept
    assert chosen.url() == known.url()  # so its place in the recent list is the same
    assert chosen.password == "hunter2"
    assert "hunter2" not in chosen.url()


def test_a_tls_mode_the_list_does_not_offer_is_kept(qtbot: QtBot) -> None:
    known = server("postgresql://db.example/team?sslmode=verify-ca")
    dialog = open_dialog(qtbot, known)

    assert dialog.tls_combo.currentData() == "verify-ca"
    press(qtbot, ENTER)

    assert dialog.chosen is not None
    assert dialog.chosen.sslmode == "verify-ca"


def test_a_socket_address_fills_the_host_field_with_its_folder(qtbot: QtBot) -> None:
    known = server("postgresql:///heroes?host=/run/postgresql&port=5433")
    dialog = open_dialog(qtbot, known)

    assert dialog.host_edit.text() == "/run/postgresql"
    press(qtbot, ENTER)

    assert dialog.chosen == known


def test_a_known_password_is_filled_in_for_a_retry(qtbot: QtBot) -> None:
    known = server("postgresql://ann:wrong@db.example/team")
    dialog = open_dialog(qtbot, known)

    assert dialog.password_edit.selectedText() == "wrong"  # typing replaces it
    type_into_focus(qtbot, "right")
    press(qtbot, ENTER)

    assert dialog.chosen is not None
    assert dialog.chosen.password == "right"


# -- the login name --------------------------------------------------------------------


def test_without_a_login_name_the_user_field_starts_empty(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_name() -> str:
        raise KeyError("getpwuid(): uid not found: 4242")

    monkeypatch.setattr(getpass, "getuser", no_name)
    dialog = open_dialog(qtbot)

    assert dialog.user_edit.text() == ""
    press(qtbot, ENTER)
    assert dialog.chosen is not None
    assert dialog.chosen.user is None


# -- ask_server: run modally, returns the value ------------------------------------------


def test_ask_server_returns_what_was_typed(qtbot: QtBot) -> None:
    def fill_and_connect(dialog: QWidget) -> None:
        assert isinstance(dialog, ConnectDialog)
        type_into_focus(qtbot, "db.example")
        qtbot.keyClick(dialog, Qt.Key.Key_W, ALT)
        type_into_focus(qtbot, "s3cr3t-Pa55")
        press(qtbot, ENTER)

    driver = when_dialog_opens(qtbot, fill_and_connect)
    chosen = ask_server(None)
    driver.check()

    assert chosen == ServerAddress(
        host="db.example", port=5432, dbname="heroes", user=login_name() or None, sslmode="prefer"
    )
    assert chosen.password == "s3cr3t-Pa55"


def test_ask_server_returns_none_on_esc(qtbot: QtBot) -> None:
    driver = when_dialog_opens(qtbot, lambda _dialog: press(qtbot, Qt.Key.Key_Escape))

    assert ask_server(None) is None
    driver.check()


def test_ask_server_starts_from_the_address_it_is_given(qtbot: QtBot) -> None:
    known = server("postgresql://ann@db.example:5433/team")

    def connect_as_is(dialog: QWidget) -> None:
        assert isinstance(dialog, ConnectDialog)
        assert dialog.host_edit.text() == "db.example"
        press(qtbot, ENTER)

    driver = when_dialog_opens(qtbot, connect_as_is)
    chosen = ask_server(None, known)
    driver.check()

    assert chosen == known
    assert chosen is not None
    assert chosen.password is None
