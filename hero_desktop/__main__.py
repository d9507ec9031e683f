"""``hero-desktop [DATABASE]``: arguments, error handling, the event loop."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Mapping, Sequence
from types import TracebackType

from hero_desktop import __version__

log = logging.getLogger("hero_desktop")

NO_DISPLAY = "Hero Desktop needs a graphical display: neither DISPLAY nor WAYLAND_DISPLAY is set."
# Platform plugins that draw on a display server; any other platform (offscreen,
# minimal, vnc, eglfs...) needs no DISPLAY.
DISPLAY_PLATFORMS = ("xcb", "wayland")


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="hero-desktop",
        description="A keyboard-first desktop roster of heroes (SQLite, FastAPI-tutorial schema).",
    )
    parser.add_argument(
        "database",
        nargs="?",
        help="SQLite file to open (created if missing); default: database.db in the data folder",
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

        for path in install_desktop_entry():
            print(f"installed {path}")
        return 0
    if not display_available(os.environ, sys.platform):
        # Qt would abort (status 134) with a hint about libxcb-cursor0 instead.
        print(NO_DISPLAY, file=sys.stderr)
        return 1

    from PySide6.QtWidgets import QApplication

    from hero_desktop.app import APPLICATION, ORGANIZATION, app_icon, data_folder
    from hero_desktop.window_manager import WindowManager

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("hero-desktop")
    app.setWindowIcon(app_icon())
    _log_to_file(data_folder() / "hero-desktop.log")

    manager = WindowManager()
    sys.excepthook = manager.report_unexpected
    manager.open(arguments.database, read_only=arguments.read_only)
    status = app.exec()
    manager.close_all()
    return int(status)


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


def _log_to_file(path: object) -> None:
    handler = logging.FileHandler(str(path), encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def format_exception(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> str:
    return "".join(traceback.format_exception(kind, error, trace))


if __name__ == "__main__":
    sys.exit(main())
