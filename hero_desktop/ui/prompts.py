"""Questions the main window asks the user, in one replaceable object.

The window never opens a modal dialog directly: it asks ``Prompts``. Tests
give the window a subclass that answers with plain functions: since PySide6
6.10, patching Qt methods with unittest.mock.Mock can segfault.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from hero_desktop.data.rows import HeroRow
from hero_desktop.data.words import Words
from hero_desktop.ui.window_settings import WindowSettings

if TYPE_CHECKING:
    # The dialogs are imported when they open: the window starts without them.
    from hero_desktop.data.location import ServerAddress
    from hero_desktop.data.models import HeroCreate
    from hero_desktop.ui.add_hero_dialog import SaveHero
    from hero_desktop.ui.go_to_hero_dialog import FindHero


class PromptsWords(Words):
    """The translation context of the questions the main window asks (its message boxes)."""


def db_filter() -> str:
    return PromptsWords.tr("SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)")


def csv_filter() -> str:
    return PromptsWords.tr("CSV files (*.csv);;All files (*)")


def field_labels() -> dict[str, str]:
    """A hero's fields as the conflict question names them."""
    return {
        "name": PromptsWords.tr("Name"),
        "age": PromptsWords.tr("Age"),
        "secret_name": PromptsWords.tr("Secret name"),
    }


def _documents() -> str:
    """Where a file dialog starts before any folder was chosen: Documents, or home."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def _show(value: object) -> str:
    return PromptsWords.tr("(none)") if value is None or value == "" else str(value)


class Prompts:
    def __init__(self, parent: QWidget | None = None, settings: WindowSettings | None = None):
        self.parent = parent
        self.settings = settings  # where the file dialogs remember their folders

    def add_hero(
        self, save: SaveHero, cancel: Callable[[], None] | None = None
    ) -> HeroCreate | None:
        from hero_desktop.ui.add_hero_dialog import AddHeroDialog

        dialog = AddHeroDialog(save, cancel, self.parent)
        dialog.exec()
        return dialog.saved

    def confirm_delete(self, heroes: list[HeroRow], note: str = "") -> bool:
        """Ask to delete ``heroes``, naming them (``note`` says what else to know)."""
        from hero_desktop.ui.delete_heroes_dialog import confirm_delete

        return confirm_delete(heroes, self.parent, note)

    def go_to_hero(self, find: FindHero) -> None:
        """Ask for hero ids until ``find`` shows one, or the user presses Esc."""
        from hero_desktop.ui.go_to_hero_dialog import GoToHeroDialog

        GoToHeroDialog(find, self.parent).exec()

    def overwrite_conflict(self, action: str, mine: Mapping[str, object], current: HeroRow) -> bool:
        """The hero changed elsewhere: True to write the user's values anyway.

        ``action`` heads the user's values, a whole sentence ("Your edit would write:").
        """
        labels = field_labels()
        line = PromptsWords.tr("  {field}: {value}", "one field's value in a list of them")
        now = "\n".join(
            line.format(field=labels[k], value=_show(getattr(current, k))) for k in labels
        )
        labels["change"] = PromptsWords.tr("Change")
        yours = "\n".join(
            line.format(field=labels.get(k, k), value=_show(v)) for k, v in mine.items()
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            PromptsWords.tr("Hero Changed Elsewhere"),
            PromptsWords.tr(
                "Another program changed hero {id} since it was shown here.\n\n"
                "It now reads:\n{theirs}\n\n{action}\n{mine}"
            ).format(id=current.id, theirs=now, action=action, mine=yours),
            QMessageBox.StandardButton.NoButton,
            self.parent,
        )
        overwrite = box.addButton(PromptsWords.tr("&Use Mine"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(PromptsWords.tr("&Keep Theirs"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is overwrite

    def quit_without_waiting(self, database: str, changes: list[str]) -> bool:
        """Changes wait for another program's lock: True to quit without them (the default)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            PromptsWords.tr("Changes Not Written Yet"),
            PromptsWords.tr(
                "Another program is still writing {database}. "
                "Quit without the %Ln change(s) waiting for it to finish?",
                "",
                len(changes),
            ).format(database=database),
            QMessageBox.StandardButton.NoButton,
            self.parent,
        )
        box.setInformativeText(
            PromptsWords.tr("Not written if you quit now:")
            + "\n"
            + "\n".join(f"  {label}" for label in changes)
        )
        quit_button = box.addButton(PromptsWords.tr("&Quit"), QMessageBox.ButtonRole.AcceptRole)
        wait_button = box.addButton(
            PromptsWords.tr("&Keep Waiting"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(quit_button)
        box.setEscapeButton(wait_button)
        box.exec()
        return box.clickedButton() is quit_button

    def server_address(self, initial: ServerAddress | None = None) -> ServerAddress | None:
        """File → Connect to Server…: host, port, database, user, password and TLS mode."""
        from hero_desktop.ui.connect_dialog import ask_server

        return ask_server(self.parent, initial)

    def open_path(self, title: str, csv: bool = False) -> str | None:
        return self._choose_file(title, csv, save=False)

    def save_path(self, title: str, csv: bool = False) -> str | None:
        """A file to write; a name without an extension gets the filter's (.csv, .db)."""
        return self._choose_file(title, csv, save=True)

    def _choose_file(self, title: str, csv: bool, *, save: bool) -> str | None:
        """The file dialog, in the folder last used for this kind of file, which it remembers."""
        kind = "csv" if csv else "database"
        folder = self.settings.folder(kind) if self.settings is not None else ""
        dialog = QFileDialog(
            self.parent, title, folder or _documents(), csv_filter() if csv else db_filter()
        )
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix("csv" if csv else "db")
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        try:
            chosen = dialog.selectedFiles() if dialog.exec() == QDialog.DialogCode.Accepted else []
        finally:
            dialog.deleteLater()
        if not chosen:
            return None
        if self.settings is not None:
            self.settings.remember_folder(kind, str(Path(chosen[0]).parent))
        return chosen[0]

    def confirm(self, title: str, message: str) -> bool:
        """True for OK (the default button), False for Cancel or Esc."""
        answer = QMessageBox.question(
            self.parent,
            title,
            message,
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Ok,
        )
        return answer == QMessageBox.StandardButton.Ok

    def error(self, title: str, message: str) -> None:
        QMessageBox.critical(self.parent, title, message)

    def information(self, title: str, message: str) -> None:
        QMessageBox.information(self.parent, title, message)
