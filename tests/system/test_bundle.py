"""The bundle (``make bundle``) runs where there is no Python: unpacked, started, used.

The bundle is built once per test session, its tarball unpacked into an empty
folder, and its ``hero-desktop`` started there in a clean environment: no
venv on PATH, no PYTHONPATH, a fresh HOME. On Xvfb it adds a hero by keyboard
as a person would and quits with Ctrl+Q.
"""

from __future__ import annotations

import configparser
import platform
import shutil
import sqlite3
import subprocess
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from polling import wait_until

from hero_desktop import __version__

from .support import ADD_DIALOG_NAME, HeroDesktop, XServer, read_heroes

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parents[2]
MAX_UNPACKED = 120 * 10**6
MAX_TARBALL = 50 * 10**6


@dataclass(frozen=True)
class Bundle:
    tarball: Path
    folder: Path  # the unpacked bundle: folder / "hero-desktop" is the executable

    @property
    def executable(self) -> Path:
        return self.folder / "hero-desktop"


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    """``make bundle`` once per session, its tarball unpacked into an empty folder."""
    subprocess.run(["make", "--no-print-directory", "bundle"], cwd=ROOT, check=True, timeout=600)
    tarball = ROOT / "dist" / f"hero-desktop-{__version__}-linux-{platform.machine()}.tar.gz"
    unpacked = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(tarball) as archive:
        archive.extractall(unpacked, filter="tar")
    assert [path.name for path in unpacked.iterdir()] == ["hero-desktop"]
    return Bundle(tarball, unpacked / "hero-desktop")


def clean_environment(home: Path, **extra: str) -> dict[str, str]:
    """What a desktop session gives a program it starts: no venv, no Python paths."""
    runtime = home / "runtime"
    runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "XDG_RUNTIME_DIR": str(runtime),
        **extra,
    }


def run_bundle(bundle: Bundle, home: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle.executable), *arguments],
        env=clean_environment(home),
        cwd=home,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def bundled_app(bundle: Bundle, x_server: XServer, tmp_path: Path) -> Iterator[HeroDesktop]:
    home = tmp_path / "home"
    env = clean_environment(home, DISPLAY=x_server.display, QT_QPA_PLATFORM="xcb")
    app = HeroDesktop(
        x_server, home, tmp_path / "heroes.db", command=str(bundle.executable), env=env
    )
    try:
        yield app
    finally:
        app.stop()


def heroes_in(database: Path) -> list[tuple[str, str, int | None]]:
    try:
        return list(read_heroes(database).values())
    except sqlite3.OperationalError:  # no table yet, or busy for a moment while the app commits
        return []


def folder_size(folder: Path) -> int:
    return sum(path.lstat().st_size for path in folder.rglob("*"))


def test_bundle_is_small(bundle: Bundle) -> None:
    assert folder_size(bundle.folder) <= MAX_UNPACKED
    assert bundle.tarball.stat().st_size <= MAX_TARBALL


def test_bundle_speaks_german_and_french(bundle: Bundle) -> None:
    """The app's catalogues and Qt's own for its dialogs, and no other language of Qt's."""
    shipped = {path.name for path in bundle.folder.rglob("*.qm")}
    for language in ("de", "fr"):
        assert {f"hero_desktop_{language}.qm", f"qtbase_{language}.qm"} <= shipped
    assert "hero_desktop_en.qm" in shipped
    assert not any(name.startswith("qtbase_ja") for name in shipped)


def test_bundle_prints_its_version_and_help(bundle: Bundle, tmp_path: Path) -> None:
    version = run_bundle(bundle, tmp_path, "--version")
    usage = run_bundle(bundle, tmp_path, "--help")

    assert (version.returncode, version.stdout.strip()) == (0, f"hero-desktop {__version__}")
    assert usage.returncode == 0
    assert usage.stdout.startswith("usage: hero-desktop")
    assert "--install-desktop-entry" in usage.stdout


def test_bundle_installs_a_menu_entry_that_starts_the_bundle(
    bundle: Bundle, tmp_path: Path
) -> None:
    done = run_bundle(bundle, tmp_path, "--install-desktop-entry")

    assert done.returncode == 0, done.stderr
    share = tmp_path / ".local" / "share"
    entry_path = share / "applications" / "hero-desktop.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(entry_path, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Exec"] == f"{bundle.executable} %f"
    assert entry["TryExec"] == str(bundle.executable)
    icon = share / "icons" / "hicolor" / "256x256" / "apps" / "hero-desktop.png"
    assert icon.read_bytes() == (ROOT / "resources" / "hero-desktop.png").read_bytes()
    validator = shutil.which("desktop-file-validate")
    assert validator, "desktop-file-validate is missing: make system-deps installs it"
    checked = subprocess.run([validator, str(entry_path)], capture_output=True, text=True)
    assert (checked.returncode, checked.stdout.strip()) == (0, "")


@pytest.mark.xvfb
def test_bundle_adds_a_hero_by_keyboard_then_quits_with_ctrl_q(
    bundled_app: HeroDesktop,
) -> None:
    app = bundled_app
    app.start()
    app.wait_for_window()

    app.open_add_dialog()
    app.type("Night Owl")
    app.key("Tab")
    app.type("Nadia Okafor")
    app.key("Return")
    wait_until(lambda: not app.find_window(ADD_DIALOG_NAME), 10, "the dialog to close")
    wait_until(lambda: heroes_in(app.database), 10, "the new hero in the file")

    app.focus()
    app.key("ctrl+q")
    assert app.wait_for_exit() == 0, app.output

    assert heroes_in(app.database) == [("Night Owl", "Nadia Okafor", None)]
    assert "Traceback" not in app.output, app.output
