"""Hero Desktop as a screen reader hears it: the real app on Xvfb, read through AT-SPI.

The installed app runs on its own Xvfb and its own D-Bus session bus, with
Qt's accessibility bridge on, as on a desktop where Orca runs. Its reader
(atspi_reader.py, by Debian's /usr/bin/python3 and python3-pyatspi) starts
first: asking for the accessibility bus starts it, and Qt joins only a bus
that is already there. xdotool types as the user would; the reader says
what Orca would have to go on: the window, the Heroes table, the cell the
keyboard moves to with its column header, and, in the Add Hero dialog, why
an age is refused (announced, shown as a label, and the field's description).
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from hero_desktop.data.errors import InvalidHeroError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import validate_create
from hero_desktop.data.sqlite.database import open_database

from .support import ADD_DIALOG_NAME, HeroDesktop, XServer, read_heroes, wait_until

pytestmark = pytest.mark.xvfb

READER = Path(__file__).with_name("atspi_reader.py")
# python3-pyatspi (and the GObject bindings it needs) are Debian's, for Debian's Python.
SYSTEM_PYTHON = "/usr/bin/python3"
Node = dict[str, Any]

HEROES = [
    {"name": "Deadpond", "secret_name": "Dive Wilson", "age": ""},
    {"name": "Rusty-Man", "secret_name": "Tommy Sharp", "age": "48"},
]
REFUSED = {"name": "Night Owl", "secret_name": "Nadia Okafor", "age": "-5"}


def seed(database: Path) -> None:
    opened = open_database(database)
    try:
        repository = HeroRepository(opened)
        for values in HEROES:
            repository.create(validate_create(values))
    finally:
        opened.close()


def refusal(values: dict[str, str]) -> str:
    """What the data layer says of ``values`` (the words the dialog must get across)."""
    with pytest.raises(InvalidHeroError) as refused:
        validate_create(values)
    (message,) = refused.value.messages.values()
    return message


def read_line(process: subprocess.Popen[bytes], timeout: float, what: str, log: Path) -> bytes:
    """One line of ``process``'s stdout, or a failure that shows its log."""
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    line = process.stdout.readline() if ready else b""
    if not line.endswith(b"\n"):
        process.kill()
        process.wait(timeout=10)
        raise AssertionError(f"no {what} within {timeout:g}s:\n{log.read_text(errors='replace')}")
    return line


def stop_group(process: subprocess.Popen[bytes]) -> None:
    """End ``process`` and what it started in its process group (a bus and its services)."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=5)
        os.killpg(process.pid, signal.SIGKILL)  # the services, should one linger
    except (ProcessLookupError, subprocess.TimeoutExpired):
        if process.poll() is None:
            process.kill()
    process.wait(timeout=10)


class ScreenReader:
    """The reader process: one command a line in, one JSON answer a line out."""

    def __init__(self, process: subprocess.Popen[bytes], log: Path) -> None:
        self.process = process
        self.log = log

    def ask(self, command: str) -> Node:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{command}\n".encode())
        self.process.stdin.flush()
        answer: Node = json.loads(read_line(self.process, 10, f"answer to {command!r}", self.log))
        assert "error" not in answer, answer["error"]
        return answer

    def tree(self, pid: int) -> Node | None:
        """The app's accessible tree, or None while it has not joined the bus."""
        tree: Node | None = self.ask(f"tree {pid}")["tree"]
        return tree

    def events(self, pid: int) -> list[Node]:
        events: list[Node] = self.ask(f"events {pid}")["events"]
        return events

    def wait_for(self, find_it: Callable[[], Node | None], timeout: float, what: str) -> Node:
        """Ask again (each question is a tree walk: not too often) until ``find_it`` finds it."""
        found: Node | None = wait_until(find_it, timeout, what, every=0.2)
        assert found is not None
        return found


def walk(node: Node) -> Iterator[Node]:
    """``node`` and everything under it that is on screen (as Orca reads, hidden ones left out)."""
    yield node
    for child in node.get("children", []):
        if "showing" in child["states"]:
            yield from walk(child)


def find(node: Node | None, role: str, name: str | None = None) -> Node | None:
    """The first object on screen under ``node`` with that role (and name)."""
    if node is None:
        return None
    found = (n for n in walk(node) if n["role"] == role and name in (None, n["name"]))
    return next(found, None)


def focused(events: list[Node], role: str, name: str) -> Node | None:
    """The object the last focus event was about (what Orca speaks on a move), if it is that one."""
    gained: list[Node] = [
        event["source"]
        for event in events
        if event["type"] == "object:state-changed:focused" and event["detail1"] == 1
    ]
    if gained and (gained[-1]["role"], gained[-1]["name"]) == (role, name):
        return gained[-1]
    return None


@pytest.fixture
def session_bus(x_server: XServer, tmp_path: Path) -> Iterator[str]:
    """A D-Bus session bus of the test's own (what dbus-run-session starts); its address."""
    runtime = tmp_path / "bus-runtime"
    runtime.mkdir(mode=0o700)
    read_end, write_end = os.pipe()
    log = tmp_path / "dbus.log"
    with log.open("wb") as errors:
        process = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", f"--print-address={write_end}"],
            pass_fds=(write_end,),
            # The accessibility bus it starts puts its socket in XDG_RUNTIME_DIR.
            env={**x_server.env(), "XDG_RUNTIME_DIR": str(runtime)},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            start_new_session=True,  # its services (at-spi-bus-launcher...) stop with it
        )
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as addresses:
            ready, _, _ = select.select([addresses], [], [], 20)
            address = addresses.readline().decode().strip() if ready else ""
        assert address, f"dbus-daemon gave no address:\n{log.read_text(errors='replace')}"
        yield address
    finally:
        stop_group(process)


@pytest.fixture
def screen_reader(
    session_bus: str, hero_desktop: HeroDesktop, tmp_path: Path
) -> Iterator[ScreenReader]:
    """The reader on the app's display and bus, ready; the app set up to be read (not started)."""
    hero_desktop.env.update(
        {
            "DBUS_SESSION_BUS_ADDRESS": session_bus,
            # Qt's bridge otherwise waits for the desktop to say a screen reader runs.
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_ACCESSIBILITY": "1",
            # The app's words untranslated: the test compares them with the data layer's.
            "LC_ALL": "C.UTF-8",
            "LANGUAGE": "",
        }
    )
    # Debian's Python with nothing of the venv's: only what locates the display and the bus.
    env: dict[str, str] = {
        name: hero_desktop.env[name]
        for name in ("PATH", "HOME", "DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR")
        if name in hero_desktop.env
    }
    log = tmp_path / "reader.log"
    with log.open("wb") as errors:
        process = subprocess.Popen(
            [SYSTEM_PYTHON, str(READER)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
        )
    try:
        ready = json.loads(read_line(process, 20, "ready line from the reader", log))
        assert ready == {"ready": True}
        yield ScreenReader(process, log)
    finally:
        assert process.stdin is not None
        process.stdin.close()  # the reader's cue to stop
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def test_a_screen_reader_reads_the_table_and_why_an_age_is_refused(
    hero_desktop: HeroDesktop, screen_reader: ScreenReader
) -> None:
    app = hero_desktop
    reader = screen_reader
    seed(app.database)
    app.start()
    app.wait_for_window()

    # The app, its window and the table in it, on the accessibility bus.
    def app_with_table() -> Node | None:
        tree = reader.tree(app.pid)
        return tree if find(tree, "table") else None

    tree = reader.wait_for(app_with_table, 20, "the app's window with its table on the bus")
    assert (tree["role"], tree["name"]) == ("application", "Hero Desktop")
    window = find(tree, "frame")
    assert window is not None
    assert window["name"] == f"{app.database.name} — Hero Desktop"
    assert "active" in window["states"]

    # The table: its name, its column headers and each hero's cells, under their headers.
    table = find(window, "table")
    assert table is not None
    assert table["name"] == "Heroes"
    assert table["description"], "the table says how to use it"
    headers = [n["name"] for n in walk(table) if n["role"] == "table column header"]
    assert headers[:3] == ["ID", "Name", "Age"]
    cells = {(n["row"], n["column"]): n for n in walk(table) if n["role"] == "table cell"}
    assert (cells[0, 1]["name"], cells[0, 1]["column_headers"]) == ("Deadpond", ["Name"])
    assert (cells[1, 2]["name"], cells[1, 2]["column_headers"]) == ("48", ["Age"])

    # The keyboard moves to Deadpond's name: the focus event Orca speaks from gives
    # the cell's name and, through its column header cells, which column it is in.
    app.focus()
    app.key("ctrl+Home", "Right")
    cell = reader.wait_for(
        lambda: focused(reader.events(app.pid), "table cell", "Deadpond"),
        10,
        "focus on Deadpond's name cell",
    )
    assert (cell["row"], cell["column"], cell["column_headers"]) == (0, 1, ["Name"])

    # Ctrl+N: the Add Hero dialog, the focus in its Name field, named by its label.
    app.open_add_dialog()
    reader.wait_for(
        lambda: focused(reader.events(app.pid), "text", "Name:"), 10, "focus on the Name field"
    )
    dialog = find(reader.tree(app.pid), "dialog", "Add Hero")
    assert dialog is not None
    fields = [n["name"] for n in walk(dialog) if n["role"] == "text"]
    assert fields == ["Name:", "Secret name:", "Age:"]

    # An age below zero, and Enter: the refusal is announced at once...
    app.fill_and_save(REFUSED["name"], REFUSED["secret_name"], REFUSED["age"])
    message = refusal(REFUSED)

    def announcement() -> Node | None:
        said = (e for e in reader.events(app.pid) if e["type"] == "object:announcement")
        return next((e for e in said if e["data"] == message), None)

    reader.wait_for(announcement, 10, f"the announcement {message!r}")
    # ...shown as a label in the dialog, which stays open, and is the description
    # of the refused field, which keeps the focus (what Orca rereads there).
    dialog = find(reader.tree(app.pid), "dialog", "Add Hero")
    assert dialog is not None, "the dialog stays open"
    labels = [n["name"] for n in walk(dialog) if n["role"] == "label"]
    assert message in labels, f"{message!r} is not among the dialog's labels: {labels}"
    age_field = next(n for n in walk(dialog) if n["role"] == "text" and n["name"] == "Age:")
    assert age_field["text"] == REFUSED["age"]
    assert age_field["description"] == message
    assert "focused" in age_field["states"]

    # Esc, then Ctrl+Q in the window: a clean exit, and nothing was added.
    app.key("Escape")
    wait_until(lambda: not app.find_window(ADD_DIALOG_NAME), 10, "the dialog to close")
    app.focus()
    app.key("ctrl+q")
    assert app.wait_for_exit() == 0, app.output
    assert len(read_heroes(app.database)) == len(HEROES)
