"""``hero-desktop [DATABASE]``: arguments, error handling, the event loop."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from hero_desktop import __version__
from hero_desktop.data.words import Words

log = logging.getLogger("hero_desktop")
LOG_NAME = "hero-desktop.log"
# The log a user can send: at most LOG_MAX_BYTES, then it is renamed to
# hero-desktop.log.1 (and .1 to .2...), keeping LOG_BACKUPS old ones, so all
# of it never takes more than (LOG_BACKUPS + 1) * LOG_MAX_BYTES.
LOG_MAX_BYTES = 2 * 1024 * 1024
LOG_BACKUPS = 2
# How long the process waits at exit for the data workers to close their files.
EXIT_WAIT_MS = 3000
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

ThreadHook = Callable[[threading.ExceptHookArgs], Any]

# Platform plugins that draw on a display server; any other platform (offscreen,
# minimal, vnc, eglfs...) needs no DISPLAY.
DISPLAY_PLATFORMS = ("xcb", "wayland")


class MainWords(Words):
    """The translation context of what the ``hero-desktop`` command prints in a terminal."""


def no_display_message() -> str:
    return MainWords.tr(
        "Hero Desktop needs a graphical display: neither DISPLAY nor WAYLAND_DISPLAY is set."
    )


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    # Read before Qt, and its translators, are loaded (--help and --version need
    # neither): the help is English, as argparse's own words are.
    parser = argparse.ArgumentParser(
        prog="hero-desktop",
        description="A keyboard-first desktop roster of heroes (SQLite, FastAPI-tutorial schema).",
    )
    parser.add_argument(
        "database",
        nargs="?",
        help="SQLite file to open (created if missing), or a PostgreSQL URL "
        "(postgresql://user@host:5432/heroes, or postgresql+psycopg://…); "
        "default: database.db in the data folder",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="install the menu entry and icon for the current user, then exit",
    )
    parser.add_argument("--read-only", action="store_true", help="open the database read-only")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    if arguments.install_desktop_entry:
        from hero_desktop.desktop_entry import install_desktop_entry

        paths = install_desktop_entry()
        speak_the_desktop_language()
        for path in paths:
            print(MainWords.tr("installed {path}").format(path=path))
        return 0
    if not display_available(os.environ, sys.platform):
        # Qt would abort (status 134) with a hint about libxcb-cursor0 instead.
        speak_the_desktop_language()
        print(no_display_message(), file=sys.stderr)
        return 1

    from PySide6.QtWidgets import QApplication

    from hero_desktop.app import APPLICATION, ORGANIZATION, data_folder
    from hero_desktop.ui import language
    from hero_desktop.ui.lingering import wait_for_lingering
    from hero_desktop.window_manager import WindowManager

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("hero-desktop")
    language.install(app)  # before any window or message: the desktop's language
    # (the icon is set once the first window shows its first page: app.py)
    log_to_file(data_folder() / LOG_NAME)
    capture_qt_messages()
    log_thread_exceptions()

    manager = WindowManager()
    sys.excepthook = manager.report_unexpected
    manager.open(arguments.database, read_only=arguments.read_only)
    status = app.exec()
    manager.close_all()
    # The workers were told to stop when their windows closed: a lock wait and a
    # checkpoint at most. Should one still run, exit anyway rather than hang.
    if not wait_for_lingering(EXIT_WAIT_MS):
        log.error(
            "a data worker was still running %d ms after the last window closed", EXIT_WAIT_MS
        )
        logging.shutdown()
        os._exit(int(status))
    return int(status)


def speak_the_desktop_language() -> None:
    """The desktop's language for what is printed without a window (no display needed).

    Only QtCore is loaded: a QCoreApplication (the one there is, if any) gets
    the translators. PySide keeps it alive until the process ends.
    """
    from PySide6.QtCore import QCoreApplication

    from hero_desktop.ui import language

    language.install(QCoreApplication.instance() or QCoreApplication(sys.argv[:1]))


def display_available(environment: Mapping[str, str], platform: str) -> bool:
    """Whether Qt can show a window: a display server, or an explicit non-display platform.

    QT_QPA_PLATFORM may list fallbacks ("wayland;xcb") and carry options
    ("offscreen:fontengine=freetype"). Only X11 and Wayland need a display
    variable; Windows and macOS always have their own platform.
    """
    if not platform.startswith("linux") and "bsd" not in platform:
        return True
    if environment.get("DISPLAY") or environment.get("WAYLAND_DISPLAY"):
        return True
    chosen = [
        entry.split(":", 1)[0].strip().lower()
        for entry in environment.get("QT_QPA_PLATFORM", "").split(";")
        if entry.strip()
    ]
    return bool(chosen) and not any(name.startswith(DISPLAY_PLATFORMS) for name in chosen)


def log_to_file(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = LOG_MAX_BYTES,
    backups: int = LOG_BACKUPS,
) -> RotatingFileHandler:
    """Write the app's log to ``path``, rotating it so that it never grows without bound."""
    handler = RotatingFileHandler(
        Path(path), maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return handler


def capture_qt_messages() -> object:
    """Send Qt's own warnings to the log (and still to stderr); returns the previous handler."""
    from PySide6.QtCore import qInstallMessageHandler

    return qInstallMessageHandler(qt_message)


def qt_message(kind: Any, _context: Any, message: str) -> None:
    """A Qt message handler: Qt's debug, info, warning, critical and fatal messages, logged."""
    from PySide6.QtCore import QtMsgType

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    logging.getLogger("hero_desktop.qt").log(levels.get(kind, logging.WARNING), "%s", message)
    print(message, file=sys.stderr)


def log_thread_exceptions() -> ThreadHook:
    """Log exceptions that end a thread (threading.excepthook); returns the previous hook."""
    previous = threading.excepthook

    def logged(arguments: threading.ExceptHookArgs) -> None:
        error = arguments.exc_value
        if error is not None and not isinstance(error, SystemExit):
            name = arguments.thread.name if arguments.thread is not None else "unknown"
            log.error(
                "unexpected error in thread %s",
                name,
                exc_info=(type(error), error, arguments.exc_traceback),
            )
        previous(arguments)

    threading.excepthook = logged
    return previous


if __name__ == "__main__":
    sys.exit(main())
