"""Building the main window for a database (a file or a server): what main() and the tests share."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication

from hero_desktop.data.location import ServerAddress, parse_location
from hero_desktop.data.opening import load_file_store
from hero_desktop.data.views import PageRequest
from hero_desktop.ui import interpreter, language
from hero_desktop.ui.data_worker import DataClient
from hero_desktop.ui.window_settings import WindowSettings

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    # Imported when the first window is built, once its database is opening.
    from hero_desktop.ui.main_window import MainWindow
    from hero_desktop.ui.prompts import Prompts

ORGANIZATION = "HeroDesktop"
APPLICATION = "Hero Desktop"
DEFAULT_DATABASE_NAME = "database.db"


def data_folder() -> Path:
    """The platform's application data folder (Qt's AppDataLocation), created if missing."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    folder = Path(location)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_database() -> Path:
    return data_folder() / DEFAULT_DATABASE_NAME


def default_settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def app_icon() -> QIcon:
    from PySide6.QtGui import QIcon

    from hero_desktop.desktop_entry import resource_path

    return QIcon(str(resource_path("hero-desktop.png")))


def to_location(database: str | os.PathLike[str] | ServerAddress | None) -> Path | ServerAddress:
    """The file or server ``database`` names (the default database if None).

    A ``postgresql://`` URL (libpq's form) or ``postgresql+psycopg://`` (SQLAlchemy's)
    is a server; anything else is a file path. A malformed URL raises ValueError.
    """
    if database is None:
        return default_database()
    if isinstance(database, ServerAddress | Path):
        return database.expanduser() if isinstance(database, Path) else database
    return parse_location(os.fspath(database))


def create_main_window(
    database: str | os.PathLike[str] | ServerAddress | None = None,
    *,
    settings: QSettings | None = None,
    prompts: Prompts | None = None,
    read_only: bool = False,
) -> MainWindow:
    """The main window on ``database`` (the default database if None), not yet shown.

    ``database`` is a file path, a PostgreSQL URL or a ``ServerAddress``. It
    opens in the window's data worker: a missing file (or a server database
    without the table) gets the tutorial's table, and the first page follows
    (``ready``). One that cannot be used is reported by ``openFailed`` with a
    message for the user. A malformed server URL raises ValueError at once.
    """
    settings = settings or default_settings()
    location = to_location(database)
    interpreter.install()  # once per process: GIL switch interval, collector on this thread
    app = QApplication.instance()
    if app is not None:
        language.install(app)  # once per process: the desktop's language and numbers
    # The worker starts opening the database, and reads the first page the
    # window will ask for, while the window's modules load and it is built.
    stored = WindowSettings(settings)
    # Its count comes after it: on a big file not in the OS cache that takes seconds.
    first_page = PageRequest(stored.sort, 0, stored.page_size, count_later=True)
    if isinstance(location, Path):
        load_file_store()
    client = DataClient(location, read_only, first_page=first_page)

    from hero_desktop.ui.main_window import MainWindow

    window = MainWindow(location, settings, prompts, read_only=read_only, client=client)
    client.warmedUp.connect(interpreter.freeze_once)
    if app is not None:
        # Loading the icon costs a few ms: once the first page has been painted (ready).
        window.ready.connect(lambda: _set_icon(window))
    return window


def _set_icon(window: MainWindow) -> None:
    icon = app_icon()
    QApplication.setWindowIcon(icon)
    window.setWindowIcon(icon)
