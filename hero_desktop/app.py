"""Building the main window for a database path: what main() and the tests share."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

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
    from hero_desktop.desktop_entry import resource_path

    return QIcon(str(resource_path("hero-desktop.png")))


def create_main_window(
    database: str | os.PathLike[str] | None = None,
    *,
    settings: QSettings | None = None,
    prompts: Prompts | None = None,
    read_only: bool = False,
) -> MainWindow:
    """The main window on ``database`` (the default database if None), not yet shown.

    The file opens in the window's data worker: a missing file is created with
    the tutorial's table, and the first page follows (``ready``). A file that
    cannot be used is reported by ``openFailed`` with a message for the user.
    """
    settings = settings or default_settings()
    path = Path(database).expanduser() if database is not None else default_database()
    window = MainWindow(path, settings, prompts, read_only=read_only)
    if QApplication.instance() is not None:
        window.setWindowIcon(app_icon())
    return window
