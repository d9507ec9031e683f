"""The app can be installed and double-clicked: resources, desktop entry, metadata.

Qt-free: these check files and metadata, not how Qt draws them.
"""

from __future__ import annotations

import ast
import configparser
import re
import shutil
import struct
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from hero_desktop import __version__, desktop_entry
from hero_desktop.desktop_entry import (
    DESKTOP_FILE,
    install_desktop_entry,
    quote_exec_argument,
    resource_path,
)

ROOT = Path(__file__).resolve().parent.parent
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# What software centres show (AppStream); its id is the app's reverse-DNS name.
METAINFO = ROOT / "resources" / "io.github.herodesktop.HeroDesktop.metainfo.xml"


def pyproject() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)


def read_desktop_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def unescape_exec(value: str) -> list[str]:
    """Split an Exec value as the Desktop Entry spec says: string unescape, then quoting."""
    text = value.replace("\\\\", "\\")
    return [
        bare or re.sub(r"\\(.)", r"\1", quoted)
        for quoted, bare in re.findall(r'"((?:\\.|[^"\\])*)"|(\S+)', text)
    ]


def test_png_icon_is_a_256_pixel_square_png() -> None:
    data = resource_path("hero-desktop.png").read_bytes()

    assert data.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    assert (width, height) == (256, 256)


def test_svg_icon_is_a_256_unit_svg() -> None:
    text = resource_path("hero-desktop.svg").read_text(encoding="utf-8")

    assert "<svg" in text
    assert 'viewBox="0 0 256 256"' in text


def test_unknown_resource_is_reported_as_missing() -> None:
    with pytest.raises(FileNotFoundError):
        resource_path("no-such-file.png")


def test_packaged_desktop_entry_opens_a_file_with_the_app() -> None:
    entry = read_desktop_entry(resource_path("hero-desktop.desktop"))

    assert entry["Type"] == "Application"
    assert entry["Name"] == "Hero Desktop"
    assert entry["Comment"]
    assert entry["Exec"] == "hero-desktop %f"
    assert entry["Icon"] == "hero-desktop"
    assert entry["Terminal"] == "false"
    assert entry["Categories"] == "Office;Database;"
    assert "application/vnd.sqlite3" in entry["MimeType"].split(";")


def test_desktop_entry_matches_the_window_class_qt_gives_the_app() -> None:
    # Qt on X11 sets the window's WM_CLASS to the application name; docks use
    # StartupWMClass to put the running window under the menu entry's icon.
    tree = ast.parse((ROOT / "hero_desktop" / "app.py").read_text(encoding="utf-8"))
    names = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    entry = read_desktop_entry(resource_path("hero-desktop.desktop"))

    assert entry["StartupWMClass"] == names["APPLICATION"]


def test_install_writes_entry_and_icons_under_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))

    written = install_desktop_entry()

    entry_path = tmp_path / "applications" / "hero-desktop.desktop"
    png = tmp_path / "icons" / "hicolor" / "256x256" / "apps" / "hero-desktop.png"
    svg = tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "hero-desktop.svg"
    assert written == [entry_path, png, svg]
    assert png.read_bytes() == resource_path("hero-desktop.png").read_bytes()
    assert svg.read_bytes() == resource_path("hero-desktop.svg").read_bytes()
    entry = read_desktop_entry(entry_path)
    assert entry["Icon"] == "hero-desktop"
    *command, field_code = unescape_exec(entry["Exec"])
    assert field_code == "%f"
    assert Path(command[0]).is_absolute()
    assert Path(command[0]).exists()
    assert entry["TryExec"] == command[0]


def test_install_into_an_explicit_prefix_ignores_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "elsewhere"))

    install_desktop_entry(tmp_path / "share")

    assert (tmp_path / "share" / "applications" / "hero-desktop.desktop").is_file()
    assert not (tmp_path / "elsewhere").exists()


def test_install_defaults_to_local_share_when_xdg_data_home_is_unset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))

    install_desktop_entry()

    assert (tmp_path / ".local" / "share" / "applications" / "hero-desktop.desktop").is_file()


def test_install_without_the_script_runs_the_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python3"))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))

    install_desktop_entry(tmp_path)

    entry = read_desktop_entry(tmp_path / "applications" / "hero-desktop.desktop")
    assert unescape_exec(entry["Exec"]) == [
        str(tmp_path / "bin" / "python3"),
        "-m",
        "hero_desktop",
        "%f",
    ]


@pytest.mark.parametrize(
    "argument",
    ["/opt/hero desktop/bin/hero-desktop", '/tmp/a"b$c`d\\e', "/home/me/100%/hero-desktop"],
)
def test_exec_arguments_with_special_characters_survive_quoting(argument: str) -> None:
    quoted = quote_exec_argument(argument)

    assert unescape_exec(quoted.replace("%%", "%")) == [argument]


def test_data_home_ignores_a_relative_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    monkeypatch.setenv("HOME", str(tmp_path))

    assert desktop_entry.data_home() == tmp_path / ".local" / "share"


def test_pyproject_declares_the_gui_script() -> None:
    project = pyproject()["project"]

    assert project["gui-scripts"]["hero-desktop"] == "hero_desktop.__main__:main"


def test_pyproject_excludes_pyside6_6_12_0_before_python_3_12() -> None:
    project = pyproject()["project"]
    pyside = [dep for dep in project["dependencies"] if dep.lower().startswith("pyside6")]

    before_312 = [dep for dep in pyside if "python_version < '3.12'" in dep]
    assert before_312, pyside
    assert all("!=6.12.0" in dep for dep in before_312)


def test_every_package_directory_is_listed_in_pyproject() -> None:
    setuptools = pyproject()["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "hero_desktop").rglob("__init__.py")
    }

    assert on_disk <= listed, f"add to [tool.setuptools] packages: {sorted(on_disk - listed)}"
    assert setuptools["package-dir"]["hero_desktop.resources"] == "resources"
    shipped = set(setuptools["package-data"]["hero_desktop.resources"])
    assert {"hero-desktop.png", "hero-desktop.svg", "hero-desktop.desktop"} <= shipped


def test_install_from_a_bundle_runs_the_bundle_executable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PyInstaller sets sys.frozen, and sys.executable is the bundle's hero-desktop.
    executable = tmp_path / "hero desktop" / "hero-desktop"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))

    install_desktop_entry(tmp_path)

    entry = read_desktop_entry(tmp_path / "applications" / "hero-desktop.desktop")
    assert unescape_exec(entry["Exec"]) == [str(executable), "%f"]
    assert entry["TryExec"] == str(executable)


def run_validator(program: str, path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    found = shutil.which(program)
    assert found, f"{program} is missing: make system-deps installs it"
    return subprocess.run(
        [found, *options, str(path)], capture_output=True, text=True, timeout=60, check=False
    )


def test_packaged_desktop_entry_passes_desktop_file_validate() -> None:
    checked = run_validator("desktop-file-validate", resource_path(DESKTOP_FILE))

    assert (checked.returncode, checked.stdout.strip()) == (0, "")


def test_installed_desktop_entry_passes_desktop_file_validate(tmp_path: Path) -> None:
    [entry, *_icons] = install_desktop_entry(tmp_path)

    checked = run_validator("desktop-file-validate", entry)

    assert (checked.returncode, checked.stdout.strip()) == (0, "")


def test_metainfo_passes_appstreamcli_validate() -> None:
    checked = run_validator("appstreamcli", METAINFO, "validate", "--no-net")

    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_metainfo_describes_this_app_and_version() -> None:
    component = ElementTree.parse(METAINFO).getroot()
    releases = [release.get("version") for release in component.iter("release")]
    entry = read_desktop_entry(resource_path(DESKTOP_FILE))

    assert METAINFO.name == f"{component.findtext('id')}.metainfo.xml"
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE
    assert component.findtext("name") == entry["Name"]
    assert component.findtext("project_license") == pyproject()["project"]["license"]
    assert releases[0] == __version__ == pyproject()["project"]["version"]
    assert component.find("content_rating") is not None
    screenshot = component.findtext("screenshots/screenshot/image") or ""
    assert screenshot.endswith("/resources/screenshot.png")
