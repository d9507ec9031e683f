"""Building the main window for a database path: what main() and the tests share."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from hero_desktop.data.database import open_database
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.ui.main_window import MainWindow, remember_recent
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

    A missing file is created with the tutorial's table. Raises a
    hero_desktop.data.errors.DatabaseError, with a message for the user, if
    the file cannot be used.
    """
    settings = settings or default_settings()
    path = Path(database) if database is not None else default_database()
    opened = open_database(path, read_only=read_only)
    window = MainWindow(HeroRepository(opened), settings, prompts)
    if QApplication.instance() is not None:
        window.setWindowIcon(app_icon())
    remember_recent(settings, str(opened.path.resolve()))
    window._update_recent_menu()
    return window
