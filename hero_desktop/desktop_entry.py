"""Find the packaged resources and install the desktop entry for the current user.

The icon and the ``.desktop`` file live in the top-level ``resources/`` folder,
which pyproject.toml ships as the ``hero_desktop.resources`` package, so they are
found the same way from a checkout, an editable install, a wheel and the bundle
(packaging/hero-desktop.spec puts them where importlib.resources looks).

Qt-free on purpose: ``hero-desktop --install-desktop-entry`` must work without
a display.
"""

from __future__ import annotations

import os
import shutil
import sys
from importlib.resources import files
from pathlib import Path

APP_ID = "hero-desktop"
DESKTOP_FILE = f"{APP_ID}.desktop"
ICON_PNG = f"{APP_ID}.png"
ICON_SVG = f"{APP_ID}.svg"

# Characters that force an Exec argument to be quoted, and those that must be
# escaped inside the quotes (freedesktop Desktop Entry spec, "The Exec key").
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_EXEC_ESCAPED = set('"`$\\')


def resource_path(name: str) -> Path:
    """Return the path of a packaged resource file such as ``hero-desktop.png``."""
    resource = files("hero_desktop.resources").joinpath(name)
    if not isinstance(resource, Path):
        # Only a zip import gives something else; nothing installs us that way.
        raise FileNotFoundError(f"resource {name!r} is not on the file system: {resource}")
    if not resource.is_file():
        raise FileNotFoundError(f"resource {name!r} not found at {resource}")
    return resource


def data_home() -> Path:
    """Return ``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset or not absolute."""
    configured = os.environ.get("XDG_DATA_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path.home() / ".local" / "share"


def launch_command() -> list[str]:
    """Return the command that starts the installed app, as absolute paths."""
    if getattr(sys, "frozen", False):
        # A bundle (PyInstaller): its executable is the app, wherever it was unpacked.
        return [str(Path(sys.executable).absolute())]
    # The script next to this interpreter belongs to the install that is running
    # (a venv need not be activated); one found on PATH may be another install.
    beside = Path(sys.executable).with_name(APP_ID)
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside.absolute())]
    on_path = shutil.which(APP_ID)
    if on_path is not None:
        return [str(Path(on_path).absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "hero_desktop"]


def quote_exec_argument(argument: str) -> str:
    """Quote one argument for an Exec line (quoting, then string-value escaping)."""
    argument = argument.replace("%", "%%")  # a lone % would start a field code
    if argument and not any(char in _EXEC_RESERVED for char in argument):
        return argument
    quoted = "".join("\\" + char if char in _EXEC_ESCAPED else char for char in argument)
    # The whole value is a desktop-entry string too, where a backslash is "\\".
    return '"' + quoted.replace("\\", "\\\\") + '"'


def desktop_entry_text(command: list[str]) -> str:
    """Return the packaged desktop entry with Exec (and TryExec) set to ``command``."""
    exec_value = " ".join(quote_exec_argument(argument) for argument in command) + " %f"
    lines: list[str] = []
    for line in resource_path(DESKTOP_FILE).read_text(encoding="utf-8").splitlines():
        if line.startswith("TryExec="):
            continue
        if line.startswith("Exec="):
            lines.append("TryExec=" + command[0].replace("\\", "\\\\"))
            lines.append(f"Exec={exec_value}")
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


def install_desktop_entry(prefix: Path | None = None) -> list[Path]:
    """Install the desktop entry and the icons for the current user.

    ``prefix`` is the data folder to install into (``$XDG_DATA_HOME`` by
    default). Returns the files written. Refreshes the desktop's caches when
    their tools are installed; their absence is not an error.
    """
    base = prefix if prefix is not None else data_home()
    applications = base / "applications"
    hicolor = base / "icons" / "hicolor"
    entry = applications / DESKTOP_FILE
    png = hicolor / "256x256" / "apps" / ICON_PNG
    svg = hicolor / "scalable" / "apps" / ICON_SVG

    for directory in (applications, png.parent, svg.parent):
        directory.mkdir(parents=True, exist_ok=True)
    entry.write_text(desktop_entry_text(launch_command()), encoding="utf-8")
    shutil.copyfile(resource_path(ICON_PNG), png)
    shutil.copyfile(resource_path(ICON_SVG), svg)

    _run_if_present("update-desktop-database", "--quiet", str(applications))
    # A stale icon cache hides new icons, but only if the folder has a cache.
    if (hicolor / "icon-theme.cache").exists():
        _run_if_present("gtk-update-icon-cache", "--quiet", "--force", str(hicolor))
    return [entry, png, svg]


def _run_if_present(program: str, *arguments: str) -> None:
    executable = shutil.which(program)
    if executable is None:
        return
    # A failing cache refresh must not undo an install that already succeeded.
    import subprocess  # here: the app imports this module at start-up, for its icon

    subprocess.run([executable, *arguments], check=False, capture_output=True)
