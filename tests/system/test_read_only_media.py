"""A database on read-only media (a CD, a read-only mount or share) opens read-only.

As root, chmod stops nothing, so the media is simulated the way a user meets
it: a folder owned by root with mode 0555, and the opening done by a process
of the ``nobody`` user (by the current user when the tests do not run as
root, for whom the folder is just as read-only). Each opening runs in such a
process and reports what it saw as JSON. That user may not reach the tests'
interpreter, venv or code (a clone in a private folder, Python under /root):
it runs a venv made for it in a folder every user can read
(``support.python_for_other_user``), with the same code and dependencies.

Why one file of this length: every case shares that simulated media and the
other user's process, which are set up once per module.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from polling import wait_until

from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import validate_create
from hero_desktop.data.sqlite.database import open_database

from .support import OtherUsersPython, hero_desktop_command, python_for_other_user

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HEROES = [("Deadpond", "Dive Wilson"), ("Spider-Boy", "Pedro Parqueador")]

# The data layer, as another user: open, read every hero, close, list the folder.
OPEN_AND_READ = textwrap.dedent(
    """
    import json, os, sys
    from hero_desktop.data.maintenance import check_integrity
    from hero_desktop.data.sqlite.database import open_database
    from hero_desktop.data.errors import HeroError
    from hero_desktop.data.heroes import HeroRepository
    from hero_desktop.data.query import HeroQuery

    path = sys.argv[1]
    try:
        database = open_database(path, read_only=sys.argv[2] == "read-only")
    except HeroError as error:
        print(json.dumps({"error": error.message}))
        raise SystemExit(0)
    rows = HeroRepository(database).page(HeroQuery())
    report = {
        "read_only": database.read_only,
        "names": [row.name for row in rows],
        "integrity_problem": check_integrity(database.path, lambda: False),
    }
    copy = database.private_copy
    database.close()
    report["files_after_close"] = sorted(os.listdir(os.path.dirname(path)))
    report["private_copy_left"] = copy is not None and os.path.exists(copy)
    print(json.dumps(report))
    """
)

# The whole app, as another user: main() on the file, then what the window shows.
RUN_THE_APP = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from hero_desktop.__main__ import main
    from hero_desktop.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    seen = {}

    def look():
        shown = [
            w for w in app.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible() and w.is_ready and w.is_idle()
        ]
        if not shown:
            QTimer.singleShot(10, look)
            return
        window = shown[0]
        banner = window.read_only_banner
        seen["banner"] = banner.text() if banner.isVisible() else ""
        seen["message"] = window.message_bar.text() if window.message_bar.isVisible() else ""
        seen["names"] = [window.model.hero_at(r).name for r in range(window.model.rowCount())]
        seen["path"] = str(window.location)
        window.close()

    QTimer.singleShot(0, look)
    seen["status"] = main(sys.argv[1:])
    print(json.dumps(seen))
    """
)

# Who runs, with which Python and which copy of the app.
WHO_RUNS = textwrap.dedent(
    """
    import json, os, pwd, sys
    import hero_desktop

    app = os.path.commonpath([hero_desktop.__file__, sys.prefix])
    print(json.dumps({
        "user": pwd.getpwuid(os.getuid()).pw_name, "version": sys.version, "app": app,
    }))
    """
)


def as_other_user() -> list[str]:
    """The command prefix that runs a process as a user the media is read-only for."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    assert setpriv, "setpriv (util-linux) is needed to drop root for these tests"
    return [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


@pytest.fixture(scope="module")
def other_python() -> Iterator[OtherUsersPython]:
    """The interpreter and the installed command the other user runs."""
    if not as_other_user():
        yield OtherUsersPython(sys.executable, hero_desktop_command(), {})
        return
    folder = Path(tempfile.mkdtemp(prefix="hero-desktop-python-"))
    try:
        folder.chmod(0o755)
        python = python_for_other_user(folder)
        # The other user runs the tests' own Python and this copy of the app, nothing else.
        done = subprocess.run(
            [*as_other_user(), python.python, "-c", WHO_RUNS],
            env={**os.environ, **python.env},
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == {
            "user": "nobody",
            "version": sys.version,
            "app": str(folder / "venv"),
        }
        yield python
    finally:
        shutil.rmtree(folder)


@pytest.fixture
def place() -> Iterator[Path]:
    """A folder every user can enter (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="hero-desktop-media-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(folder)


def burn(folder: Path) -> Path:
    """Make ``folder`` and its files read-only media, as far as the other user can tell."""
    for path in folder.iterdir():
        path.chmod(0o444)
    folder.chmod(0o555)
    return folder


def other_users_environment(place: Path, python: OtherUsersPython) -> dict[str, str]:
    """Data, settings and runtime folders of the other user, and no display at all."""
    home = place / "home"
    for folder in ("data", "config", "runtime"):
        (home / folder).mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        nobody = int(
            subprocess.run(
                ["id", "-u", "nobody"], capture_output=True, text=True, check=True
            ).stdout
        )
        for path in [home, *home.rglob("*")]:
            os.chown(path, nobody, -1)
    (home / "runtime").chmod(0o700)
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return {
        **environment,
        **python.env,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
        "QT_QPA_PLATFORM": "offscreen",
    }


def run_as_other_user(
    place: Path, python: OtherUsersPython, script: str, *arguments: str
) -> dict[str, object]:
    done = subprocess.run(
        [*as_other_user(), python.python, "-c", script, *arguments],
        env=other_users_environment(place, python),
        cwd=place,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def hero_desktop_file(folder: Path) -> Path:
    """A file Hero Desktop wrote and closed: WAL mode, the file alone holds everything."""
    path = folder / "heroes.db"
    database = open_database(path)
    repository = HeroRepository(database)
    for name, secret in HEROES:
        repository.create(validate_create({"name": name, "secret_name": secret}))
    database.close()
    return path


def in_wal_mode(path: Path) -> bool:
    """Read from the header: a read-only connection would leave -wal and -shm files."""
    header = path.read_bytes()[:20]
    return header[18:20] == b"\x02\x02"


# -- the data layer -------------------------------------------------------------


def test_a_wal_file_on_read_only_media_opens_read_only_with_its_heroes(
    place: Path, other_python: OtherUsersPython
) -> None:
    media = place / "media"
    media.mkdir()
    path = hero_desktop_file(media)
    assert in_wal_mode(path)
    burn(media)

    seen = run_as_other_user(place, other_python, OPEN_AND_READ, str(path), "writable")

    assert seen == {
        "read_only": True,
        "names": ["Deadpond", "Spider-Boy"],
        "integrity_problem": None,
        "files_after_close": ["heroes.db"],
        "private_copy_left": False,
    }


def test_a_wal_file_on_read_only_media_opens_with_the_read_only_option_too(
    place: Path,
    other_python: OtherUsersPython,
) -> None:
    media = place / "media"
    media.mkdir()
    path = hero_desktop_file(media)
    burn(media)

    seen = run_as_other_user(place, other_python, OPEN_AND_READ, str(path), "read-only")

    assert seen["read_only"] is True
    assert seen["names"] == ["Deadpond", "Spider-Boy"]
    assert seen["files_after_close"] == ["heroes.db"]


def test_changes_still_in_the_wal_file_beside_it_on_the_media_are_shown(
    place: Path, other_python: OtherUsersPython
) -> None:
    media = place / "media"
    media.mkdir()
    path = hero_desktop_file(media)
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA wal_autocheckpoint = 0")  # the change stays in heroes.db-wal
    writer.execute("INSERT INTO hero (name, secret_name) VALUES ('Rusty-Man', 'Tommy Sharp')")
    writer.commit()
    # Copied onto the media while the writer still had it open: the file and its -wal.
    disc = place / "disc"
    disc.mkdir()
    shutil.copyfile(path, disc / "heroes.db")
    shutil.copyfile(media / "heroes.db-wal", disc / "heroes.db-wal")
    writer.close()
    burn(disc)

    seen = run_as_other_user(
        place, other_python, OPEN_AND_READ, str(disc / "heroes.db"), "writable"
    )

    assert seen["read_only"] is True
    assert seen["names"] == ["Deadpond", "Spider-Boy", "Rusty-Man"]
    assert seen["files_after_close"] == ["heroes.db", "heroes.db-wal"]
    assert seen["private_copy_left"] is False


def test_a_tutorial_file_in_rollback_journal_mode_on_read_only_media_opens_read_only(
    place: Path,
    other_python: OtherUsersPython,
) -> None:
    media = place / "media"
    media.mkdir()
    path = media / "database.db"
    shutil.copyfile(FIXTURES / "fastapi-tutorial001.db", path)
    assert not in_wal_mode(path)
    burn(media)

    seen = run_as_other_user(place, other_python, OPEN_AND_READ, str(path), "writable")

    assert seen["read_only"] is True
    assert seen["names"]
    assert seen["files_after_close"] == ["database.db"]


# -- the whole app ---------------------------------------------------------------


def test_the_app_shows_a_wal_file_on_read_only_media_with_the_read_only_banner(
    place: Path,
    other_python: OtherUsersPython,
) -> None:
    media = place / "media"
    media.mkdir()
    path = hero_desktop_file(media)
    burn(media)

    seen = run_as_other_user(place, other_python, RUN_THE_APP, str(path))

    assert seen == {
        "banner": "Read-only: this database cannot be written, so editing is turned off.",
        "message": "",
        "names": ["Deadpond", "Spider-Boy"],
        "path": str(path),
        "status": 0,
    }
    assert sorted(p.name for p in media.iterdir()) == ["heroes.db"]


def test_the_installed_command_opens_a_wal_file_on_read_only_media_read_only(
    place: Path,
    other_python: OtherUsersPython,
) -> None:
    media = place / "media"
    media.mkdir()
    path = hero_desktop_file(media)
    burn(media)
    log_file = place / "home" / "data" / "HeroDesktop" / "Hero Desktop" / "hero-desktop.log"
    process = subprocess.Popen(
        [*as_other_user(), other_python.command, str(path)],
        env=other_users_environment(place, other_python),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )

    def opened() -> bool:
        if process.poll() is not None:
            output = process.stdout.read().decode() if process.stdout else ""
            raise AssertionError(f"hero-desktop exited with {process.returncode}:\n{output}")
        return log_file.exists() and f"opened {path} read-only" in log_file.read_text()

    try:
        wait_until(opened, 60, "hero-desktop to open the file")
        assert process.poll() is None  # still running, showing the window
    finally:
        process.terminate()
        process.wait(timeout=30)
        if process.stdout:
            process.stdout.close()
    assert "Could not open" not in log_file.read_text()
