"""Helpers for the system tests: a real X server and the installed app as a real process.

Each test gets its own Xvfb (a free display found with ``-displayfd``), its
own data and settings folders (XDG_DATA_HOME, XDG_CONFIG_HOME) and its own
database file, so that nothing touches the user's real data or another
test's display. xdotool types into the app as a person would. Xvfb has no
window manager, so windows are focused with ``windowfocus``, never
``windowactivate``, which needs a window manager to answer.

Why one file of this length: the system tests share one way to run the app (an X server,
the app as a process, its log and database read back) and one way to run it as another
user (shared files, a Python that user can reach); both sit under the same tests.
"""

from __future__ import annotations

import os
import re
import select
import shutil
import sqlite3
import stat
import subprocess
import sys
import sysconfig
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from polling import wait_until

SCREEN = "1280x800x24"
MAIN_WINDOW_NAME = "Hero Desktop"
ADD_DIALOG_NAME = "^Add Hero$"
# One line per committed change, written after the commit (hero_desktop/ui/change_runner.py).
DONE_LINE = re.compile(
    r"^\S+ \S+ INFO hero_desktop\.changes: Add (?P<name>.+) done: ids \[(?P<id>\d+)\]$"
)


def seed(database: Path, heroes: Iterable[Mapping[str, str]]) -> None:
    """Add ``heroes`` (form values: name, secret_name, age) to ``database`` as the app does."""
    from hero_desktop.data.heroes import HeroRepository
    from hero_desktop.data.models import validate_create
    from hero_desktop.data.sqlite.database import open_database

    opened = open_database(database)
    try:
        repository = HeroRepository(opened)
        for values in heroes:
            repository.create(validate_create(values))
    finally:
        opened.close()


def hero_desktop_command() -> str:
    """The installed ``hero-desktop`` command of the environment running the tests."""
    installed = Path(sys.prefix) / "bin" / "hero-desktop"
    if installed.exists():
        return str(installed)
    found = shutil.which("hero-desktop")
    assert found, "the hero-desktop command is not installed (pip install -e .)"
    return found


@dataclass
class XServer:
    display: str
    process: subprocess.Popen[bytes]

    def env(self) -> dict[str, str]:
        return {**os.environ, "DISPLAY": self.display}

    def xdotool(self, *arguments: str, check: bool = True, timeout: float = 10) -> str:
        """Run xdotool on this display; its output, stripped."""
        done = subprocess.run(
            ["xdotool", *arguments],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if check and done.returncode != 0:
            raise AssertionError(f"xdotool {' '.join(arguments)} failed: {done.stderr.strip()}")
        return done.stdout.strip()

    def screenshot(self, path: Path, window: str = "root") -> Path:
        """Save what the X server shows (the whole screen, or one window) as a PNG."""
        subprocess.run(
            # Without date chunks: the same picture gives the same file.
            ["import", "-window", window, "-define", "png:exclude-chunks=date,time", str(path)],
            env=self.env(),
            check=True,
            timeout=30,
            capture_output=True,
        )
        return path


def read_display_number(fd: int, process: subprocess.Popen[bytes], timeout: float) -> str:
    received = b""
    deadline = time.monotonic() + timeout
    while not received.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        assert remaining > 0, "Xvfb did not report its display number"
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            chunk = os.read(fd, 64)
            assert chunk, f"Xvfb exited with status {process.wait()}"
            received += chunk
    return received.decode().strip()


class HeroDesktop:
    """The installed ``hero-desktop`` command on one database, started and restarted.

    ``command`` and ``env`` replace the installed command and the environment
    made from the tests' own (the bundle tests start the bundle's executable
    in a clean environment).
    """

    def __init__(
        self,
        x: XServer,
        home: Path,
        database: Path,
        *,
        command: str | None = None,
        env: dict[str, str] | None = None,
        url: str | None = None,
    ) -> None:
        self.x = x
        self.home = home
        self.database = database
        self.url = url
        """A server to open instead of ``database`` (a PostgreSQL URL)."""
        self.command = command or hero_desktop_command()
        self.process: subprocess.Popen[bytes] | None = None
        self.window = ""
        self.runs = 0
        self.env = env or {
            **x.env(),
            "QT_QPA_PLATFORM": "xcb",
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_RUNTIME_DIR": str(home / "runtime"),
        }
        (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)

    @property
    def log_file(self) -> Path:
        """Where the app logs every committed change (Qt's AppDataLocation)."""
        return self.home / "data" / "HeroDesktop" / "Hero Desktop" / "hero-desktop.log"

    @property
    def output(self) -> str:
        path = self.home / "output.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def start(self) -> subprocess.Popen[bytes]:
        assert self.process is None or self.process.poll() is not None
        self.runs += 1
        with (self.home / "output.log").open("ab") as output:
            output.write(f"--- run {self.runs}\n".encode())
            output.flush()
            self.process = subprocess.Popen(
                [self.command, self.url or str(self.database)],
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        self.window = ""
        return self.process

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def find_window(self, name: str) -> str:
        """The id of this process's visible window whose title matches ``name``, or ''."""
        found = self.x.xdotool(
            "search", "--all", "--onlyvisible", "--pid", str(self.pid), "--name", name, check=False
        )
        return found.splitlines()[0] if found else ""

    def wait_for_window(self, timeout: float = 30) -> str:
        def shown() -> str:
            assert self.process is not None
            if self.process.poll() is not None:
                raise AssertionError(
                    f"hero-desktop exited with {self.process.returncode}:\n{self.output}"
                )
            return self.find_window(MAIN_WINDOW_NAME)

        self.window = wait_until(shown, timeout, "the Hero Desktop window")
        return self.window

    def focus(self, window: str | None = None) -> None:
        self.x.xdotool("windowfocus", "--sync", window or self.window)

    def key(self, *keys: str) -> None:
        self.x.xdotool("key", *keys)

    def type(self, text: str) -> None:
        self.x.xdotool("type", "--delay", "4", "--", text)

    def open_add_dialog(self, timeout: float = 10) -> str:
        """Ctrl+N in the main window; the Add Hero dialog's window id."""
        self.focus()
        self.key("ctrl+n")
        dialog = wait_until(
            lambda: self.find_window(ADD_DIALOG_NAME), timeout, "the Add Hero dialog"
        )
        self.focus(dialog)
        return dialog

    def fill_and_save(self, name: str, secret_name: str, age: str) -> None:
        """Type into the open Add Hero dialog in its tab order, then Enter."""
        self.type(name)
        self.key("Tab")
        self.type(secret_name)
        self.key("Tab")
        self.type(age)
        self.key("Return")

    def wait_for_exit(self, timeout: float = 20) -> int:
        assert self.process is not None
        return self.process.wait(timeout=timeout)

    def kill(self) -> None:
        """SIGKILL: no chance to flush, checkpoint or clean up."""
        assert self.process is not None
        self.process.kill()
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.kill()


def done_adds(log_file: Path) -> dict[int, str]:
    """Every add the app logged as done (after its commit): id -> name.

    Only whole lines count: a line cut short by SIGKILL was never reported.
    """
    if not log_file.exists():
        return {}
    text = log_file.read_text(encoding="utf-8", errors="replace")
    done: dict[int, str] = {}
    for line in text.splitlines(keepends=True):
        if not line.endswith("\n"):
            continue
        match = DONE_LINE.match(line.rstrip("\n"))
        if match:
            done[int(match.group("id"))] = match.group("name")
    return done


def read_heroes(database: Path) -> dict[int, tuple[str, str, int | None]]:
    """id -> (name, secret_name, age), read with plain sqlite3."""
    connection = sqlite3.connect(database)
    try:
        rows = connection.execute("SELECT id, name, secret_name, age FROM hero").fetchall()
    finally:
        connection.close()
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


# -- the app as another user ---------------------------------------------------------
#
# Tests that run as root start some processes as ``nobody``. That user may not
# be able to reach the tests' own interpreter, the venv or the code: a clone in
# a private folder (mode 0700, as ``mktemp -d`` makes), or a Python installed
# under /root (pyenv). So ``python_for_other_user`` puts what such a process
# needs where every user can read it: a venv with the tests' dependencies, the
# app's code and its installed command, and the interpreter itself when it is
# not reachable. Files others can already read are hard links (nothing is
# copied, and nothing of the user's folders is made any less private); others
# are copied and made readable.


@dataclass
class OtherUsersPython:
    """An interpreter, with the app and its dependencies, that another user can run."""

    python: str
    command: str
    """The installed ``hero-desktop`` command, with this interpreter."""
    env: dict[str, str]
    """What the interpreter needs in its environment (the folder of a copied libpython)."""


def others_can_reach(path: Path) -> bool:
    """Whether a user neither owner nor in the group can read (and enter or run) ``path``."""
    path = path.resolve()
    if not all(parent.stat().st_mode & stat.S_IXOTH for parent in path.parents):
        return False
    mode = path.stat().st_mode
    needed = stat.S_IROTH | (stat.S_IXOTH if path.is_dir() or mode & stat.S_IXUSR else 0)
    return mode & needed == needed


def share_file(source: str | Path, target: str | Path) -> None:
    """Put ``source`` at ``target`` where others can read it: a hard link, or a copy."""
    mode = os.stat(source).st_mode
    if mode & stat.S_IROTH:
        try:
            os.link(source, target)
            return
        except OSError:  # another file system, or links not allowed: copy
            pass
    shutil.copy2(source, target)
    os.chmod(target, 0o755 if mode & stat.S_IXUSR else 0o644)


def share_tree(
    source: Path, target: Path, skip: Callable[[Path], bool] = lambda path: False
) -> None:
    """``share_file`` for every file under ``source``, in folders every user can enter."""

    def ignored(folder: str, names: list[str]) -> set[str]:
        return {name for name in names if skip(Path(folder, name))}

    shutil.copytree(source, target, copy_function=share_file, ignore=ignored, dirs_exist_ok=True)
    for folder, _, _ in os.walk(target):
        os.chmod(folder, 0o755)  # copytree gave them their source's mode


def _interpreter_for_other_user(folder: Path) -> tuple[Path, dict[str, str]]:
    """The tests' base interpreter, or a copy of it in ``folder`` when others cannot reach it."""
    executable = Path(getattr(sys, "_base_executable", sys.executable)).resolve()
    stdlib = Path(sysconfig.get_path("stdlib"))
    shared = bool(sysconfig.get_config_var("Py_ENABLE_SHARED"))
    library_name = str(sysconfig.get_config_var("INSTSONAME") or "")
    library = Path(str(sysconfig.get_config_var("LIBDIR")), library_name)
    needs_library = shared and library_name != "" and library.exists()
    needed = [executable, stdlib, *([library] if needs_library else [])]
    if all(others_can_reach(path) for path in needed):
        return executable, {}
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    home = folder / "python"
    (home / "bin").mkdir(parents=True)
    (home / "lib").mkdir()
    share_file(executable, home / "bin" / version)
    env: dict[str, str] = {}
    if needs_library:
        share_file(library, home / "lib" / library_name)
        env["LD_LIBRARY_PATH"] = str(home / "lib")  # searched before the binary's RUNPATH
    # The standard library without what no app process loads (the largest part).
    unused = {"site-packages", "dist-packages", "test", "idlelib", "tkinter", "turtledemo"}
    share_tree(
        stdlib,
        home / "lib" / version,
        skip=lambda path: (
            path.parent == stdlib and (path.name in unused or path.name.startswith("config-"))
        ),
    )
    return home / "bin" / version, env


def python_for_other_user(folder: Path) -> OtherUsersPython:
    """Make ``folder`` (which every user must be able to enter) hold a venv another user can run.

    The venv has the tests' dependencies (linked from their site-packages), the
    app's code as the tests import it, and the tests' installed ``hero-desktop``
    command, only its interpreter line changed.
    """
    import hero_desktop

    interpreter, env = _interpreter_for_other_user(folder)
    venv = folder / "venv"
    subprocess.run(
        [str(interpreter), "-m", "venv", "--without-pip", str(venv)],
        env={**os.environ, **env},
        check=True,
        capture_output=True,
        timeout=120,
    )
    python = venv / "bin" / "python"
    found = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        env={**os.environ, **env},
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    site = Path(found.stdout.strip())
    # Everything installed beside the app, but not the app's own editable install:
    # it points back at the source folder, which others may not reach.
    ours = Path(sysconfig.get_path("purelib"))
    for entry in ours.iterdir():
        if entry.name.startswith(("__editable__", "hero_desktop")):
            continue
        if entry.is_dir():
            share_tree(entry, site / entry.name)
        else:
            share_file(entry, site / entry.name)
    package = Path(hero_desktop.__file__).parent
    share_tree(package, site / "hero_desktop")
    resources = Path(str(files("hero_desktop.resources")))
    if not resources.is_relative_to(package):  # an editable install maps it from resources/
        share_tree(resources, site / "hero_desktop" / "resources")
    installed = Path(hero_desktop_command()).read_text(encoding="utf-8").splitlines(keepends=True)
    assert installed[0].startswith("#!"), f"{hero_desktop_command()} is not a script"
    command = venv / "bin" / "hero-desktop"
    command.write_text(f"#!{python}\n" + "".join(installed[1:]), encoding="utf-8")
    command.chmod(0o755)
    return OtherUsersPython(str(python), str(command), env)
