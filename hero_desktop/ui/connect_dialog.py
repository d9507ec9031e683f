"""File → Connect to Server…: host, port, database, user, password and TLS mode.

The dialog only gathers a ``ServerAddress``; it never connects. Enter
connects, Esc cancels, and every field has a mnemonic (Alt+letter). Connect
is refused while the database is empty, with the reason beside the field.
A password typed here goes into the address's in-memory password field and
nowhere else; left empty, libpq looks in ~/.pgpass or PGPASSWORD. Settings
the form does not show (``connect_timeout``, ``sslrootcert``...) are carried
over from the address it was filled from.
"""

from __future__ import annotations

import getpass
from itertools import pairwise

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hero_desktop.data.location import DEFAULT_PORT, ServerAddress
from hero_desktop.data.words import Words
from hero_desktop.ui.field_message import error_label, show_refusal
from hero_desktop.ui.overrides import override


class ConnectDialogWords(Words):
    """The translation context of the Connect to Server dialog's words."""


def tls_modes() -> dict[str, str]:
    """The modes offered (libpq's sslmode: its label), most usual first."""
    return {
        "prefer": ConnectDialogWords.tr("Prefer TLS (use it when the server offers it)"),
        "require": ConnectDialogWords.tr("Require TLS"),
        "verify-full": ConnectDialogWords.tr("Require TLS and verify the server's certificate"),
        "disable": ConnectDialogWords.tr("No TLS"),
    }


def other_tls_modes() -> dict[str, str]:
    """Modes not offered, labelled when an address brings one along."""
    return {
        "allow": ConnectDialogWords.tr("Allow TLS (only when the server insists)"),
        "verify-ca": ConnectDialogWords.tr(
            "Require TLS and verify the certificate's authority only"
        ),
    }


def login_name() -> str:
    """The user's login name, which is also libpq's default user; "" if unknown."""
    try:
        return getpass.getuser()
    except Exception:  # no name for this uid (a bare container): leave the field empty
        return ""


class ConnectDialog(QDialog):
    def __init__(self, initial: ServerAddress | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(ConnectDialogWords.tr("Connect to Server"))
        self.setMinimumWidth(420)
        self._options = initial.options if initial is not None else ()
        # What the address left to libpq stays so while its field shows the default:
        # the address, and so its place in the recent list, stays the same.
        self._default_port = initial is not None and initial.port is None
        self._default_tls = initial is not None and initial.sslmode is None
        self.chosen: ServerAddress | None = None

        self.host_edit = QLineEdit("localhost")
        self.host_edit.setPlaceholderText(
            ConnectDialogWords.tr("A name, an IP address or a socket folder")
        )
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        self.port_spin.setGroupSeparatorShown(False)
        self.port_spin.lineEdit().setAccessibleName(ConnectDialogWords.tr("Port"))
        self.database_edit = QLineEdit("heroes")
        self.database_edit.setPlaceholderText(ConnectDialogWords.tr("Required, e.g. heroes"))
        self.user_edit = QLineEdit(login_name())
        self.user_edit.setPlaceholderText(ConnectDialogWords.tr("Your login name"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        password_hint = ConnectDialogWords.tr("Leave empty to use ~/.pgpass or PGPASSWORD")
        self.password_edit.setPlaceholderText(password_hint)
        self.password_edit.setToolTip(password_hint)
        self.tls_combo = QComboBox()
        for mode, label in tls_modes().items():
            self.tls_combo.addItem(label, mode)
        self.database_error = error_label()
        self.form_error = error_label()

        form = QFormLayout()
        self._add_row(form, ConnectDialogWords.tr("&Host:"), self.host_edit)
        self._add_row(form, ConnectDialogWords.tr("&Port:"), self.port_spin)
        self._add_row(form, ConnectDialogWords.tr("&Database:"), self.database_edit)
        form.addRow("", self.database_error)
        self._add_row(form, ConnectDialogWords.tr("&User:"), self.user_edit)
        self._add_row(form, ConnectDialogWords.tr("Pass&word:"), self.password_edit)
        self._add_row(form, ConnectDialogWords.tr("&TLS:"), self.tls_combo)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.connect_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(ConnectDialogWords.tr("&Connect"))
        self.connect_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addWidget(buttons)
        fields = [
            self.host_edit,
            self.port_spin,
            self.database_edit,
            self.user_edit,
            self.password_edit,
            self.tls_combo,
        ]
        for before, after in pairwise(fields):
            self.setTabOrder(before, after)
        self._describe_fields()
        self.connect_button.setAccessibleDescription(
            ConnectDialogWords.tr("Open the database on this server (Enter)")
        )
        self.database_edit.textChanged.connect(self._database_typed)

        if initial is not None:
            self._fill(initial)
        # A new address starts at the host; a known one most likely needs its password.
        first = self.password_edit if initial is not None else self.host_edit
        first.setFocus()
        first.selectAll()

    def _describe_fields(self) -> None:
        """Each field's hint, for screen readers (a refusal replaces its field's)."""
        for edit in (self.host_edit, self.database_edit, self.user_edit, self.password_edit):
            edit.setAccessibleDescription(edit.placeholderText())
        self.tls_combo.setAccessibleDescription(
            ConnectDialogWords.tr("Whether the connection is encrypted")
        )

    def _add_row(self, form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(field)  # Alt+letter moves to the field
        form.addRow(label, field)

    def _fill(self, address: ServerAddress) -> None:
        self.host_edit.setText(address.host or "")
        self.port_spin.setValue(address.port or DEFAULT_PORT)
        self.database_edit.setText(address.dbname)
        self.user_edit.setText(address.user or "")
        self.password_edit.setText(address.password or "")
        mode = address.sslmode or "prefer"
        if self.tls_combo.findData(mode) < 0:
            self.tls_combo.addItem(other_tls_modes().get(mode, mode), mode)
        self.tls_combo.setCurrentIndex(self.tls_combo.findData(mode))

    def entered_address(self) -> ServerAddress:
        """The address as the fields give it; ValueError with a sentence if they cannot."""
        port: int | None = self.port_spin.value()
        if self._default_port and port == DEFAULT_PORT:
            port = None
        sslmode: str | None = str(self.tls_combo.currentData())
        if self._default_tls and sslmode == "prefer":
            sslmode = None
        return ServerAddress(
            host=self.host_edit.text().strip() or None,
            port=port,
            dbname=self.database_edit.text().strip(),
            user=self.user_edit.text().strip() or None,
            sslmode=sslmode,
            options=self._options,
            password=self.password_edit.text() or None,
        )

    @override
    def accept(self) -> None:
        self.form_error.hide()
        self._describe_fields()
        if not self.database_edit.text().strip():
            self._refuse(
                self.database_error,
                self.database_edit,
                ConnectDialogWords.tr("Enter the name of a database to open."),
            )
            return
        try:
            address = self.entered_address()
        except ValueError as error:
            self._refuse(self.form_error, self.host_edit, str(error))
            return
        self.chosen = address
        super().accept()

    def _refuse(self, label: QLabel, field: QLineEdit, reason: str) -> None:
        show_refusal(label, reason, field)
        field.setFocus()
        field.selectAll()
        # Grow to fit the message: a shown dialog does not.
        self.adjustSize()

    def _database_typed(self, text: str) -> None:
        if text.strip():
            self.database_error.hide()
            self.database_edit.setAccessibleDescription(self.database_edit.placeholderText())


def ask_server(
    parent: QWidget | None, initial: ServerAddress | None = None
) -> ServerAddress | None:
    """Ask for a server address; None when the user cancels.

    The returned address holds a typed password in memory only.
    """
    dialog = ConnectDialog(initial, parent)
    try:
        dialog.exec()
        return dialog.chosen
    finally:
        dialog.password_edit.clear()  # the typed password lives on only in the address
        dialog.deleteLater()
