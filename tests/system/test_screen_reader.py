"""Hero Desktop as a screen reader hears it: the real app on Xvfb, read through AT-SPI.

The installed app runs on its own Xvfb and its own D-Bus session bus, with
Qt's accessibility bridge on, as on a desktop where Orca runs. Its reader
(atspi_reader.py, by Debian's /usr/bin/python3 and python3-pyatspi) starts
first: asking for the accessibility bus starts it, and Qt joins only a bus
that is already there. xdotool types as the user would; the reader says
what Orca would have to go on: the window, the Heroes table, the cell the
keyboard moves to with its column header, and, in the Add Hero dialog, why
an age is refused (announced, shown as a label, and the field's description).

The second test is a whole task without sight, in English and in German:
add a hero (after a refused age), find it by searching, edit its age, delete
it, and quit, all by keyboard; each step is checked by what the reader gets
(focus, announcements, names of cells and labels), the file only at the end.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from polling import wait_until

from hero_desktop.data.errors import InvalidHeroError
from hero_desktop.data.models import validate_create

from .support import ADD_DIALOG_NAME, HeroDesktop, XServer, read_heroes, seed

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


def gained_focus(events: list[Node]) -> list[Node]:
    """The objects that got the focus, in turn (what Orca speaks on each move)."""
    return [
        event["source"]
        for event in events
        # (an event whose object was gone when it came has no detail: an "error")
        if event["type"] == "object:state-changed:focused" and event.get("detail1") == 1
    ]


def focused(events: list[Node], role: str, name: str) -> Node | None:
    """The object the last focus event was about, if it is that one."""
    gained = gained_focus(events)
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
    seed(app.database, HEROES)
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


# -- a whole task by ear -----------------------------------------------------------

ADDED = {"name": "Night Owl", "secret_name": "Nadia Okafor", "age": "27"}
NEW_AGE = "30"
NAME_COLUMN, AGE_COLUMN = 1, 2


@dataclass(frozen=True)
class Heard:
    """The app's words a screen reader must get in one language (as its catalogue has them)."""

    env: dict[str, str]
    add_dialog: str
    fields: list[str]
    table: str
    headers: list[str]
    refusal: str
    search_field: str
    three_heroes: str
    one_match: str
    one_match_shown: str
    no_match: str
    no_match_shown: str
    delete_dialog: str
    delete_question: str
    delete_button: str
    two_heroes: str
    added: str  # the announcements of the committed changes
    edited: str
    deleted: str


LANGUAGES = {
    # The untranslated words; the refusal is the data layer's own.
    "en": Heard(
        env={"LC_ALL": "C.UTF-8", "LANGUAGE": ""},
        add_dialog="Add Hero",
        fields=["Name:", "Secret name:", "Age:"],
        table="Heroes",
        headers=["ID", "Name", "Age"],
        refusal=refusal(REFUSED),
        search_field="Search names",
        three_heroes="Heroes 1–3 of 3",
        one_match="1 match",
        one_match_shown="Matches 1–1 of 1",
        no_match="0 matches",
        no_match_shown="No matches",
        delete_dialog="Delete Hero",
        delete_question="Delete this hero?",
        delete_button="Delete",
        two_heroes="Heroes 1–2 of 2",
        added="Done: Add Night Owl.",
        edited="Done: Edit Age of Night Owl.",
        deleted="Done: Delete Night Owl.",
    ),
    # German, as a German desktop starts the app (LANG alone): the words of
    # resources/translations/hero_desktop_de.ts.
    "de": Heard(
        env={"LANG": "de_DE.UTF-8"},
        add_dialog="Held hinzufügen",
        fields=["Name:", "Geheimname:", "Alter:"],
        table="Helden",
        headers=["ID", "Name", "Alter"],
        refusal="Das Alter muss zwischen 0 und 10000 liegen",
        search_field="Namen suchen",
        three_heroes="Helden 1–3 von 3",
        one_match="1 Treffer",
        one_match_shown="Treffer 1–1 von 1",
        no_match="0 Treffer",
        no_match_shown="Keine Treffer",
        delete_dialog="Held löschen",
        delete_question="Diesen Helden löschen?",
        delete_button="Löschen",
        two_heroes="Helden 1–2 von 2",
        added="Erledigt: Night Owl hinzufügen.",
        edited="Erledigt: Alter von Night Owl bearbeiten.",
        deleted="Erledigt: Night Owl löschen.",
    ),
}


def announced(events: list[Node], text: str) -> Node | None:
    """The announcement of ``text`` (what Orca speaks at once, wherever the focus is), if made."""
    said = (e for e in events if e["type"] == "object:announcement")
    return next((e for e in said if e["data"] == text), None)


def column(table: Node | None, number: int) -> list[str] | None:
    """The names of the cells on screen in column ``number``, top to bottom."""
    if table is None:
        return None
    cells = [n for n in walk(table) if n["role"] == "table cell"]
    if any("column" not in n for n in cells):
        return None  # a cell gone while it was read (the rows are changing): read again
    chosen = [n for n in cells if n["column"] == number]
    return [n["name"] for n in sorted(chosen, key=lambda n: n["row"])]


def focused_cell(table: Node | None) -> Node | None:
    """The table's current cell: the one Orca finds in a table that manages its descendants."""
    cells = [n for n in walk(table) if n["role"] == "table cell"] if table else []
    return next((n for n in cells if "focused" in n["states"]), None)


def labels(node: Node | None) -> list[str]:
    return [n["name"] for n in walk(node) if n["role"] == "label"] if node else []


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_screen_reader_user_adds_finds_edits_and_deletes_a_hero(
    hero_desktop: HeroDesktop, screen_reader: ScreenReader, language: str
) -> None:
    app = hero_desktop
    reader = screen_reader
    heard = LANGUAGES[language]
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"):
        app.env.pop(variable, None)
    app.env.update(heard.env)
    seed(app.database, HEROES)
    app.start()
    app.wait_for_window()

    def window() -> Node | None:
        return find(reader.tree(app.pid), "frame")

    def table() -> Node | None:
        return find(window(), "table", heard.table)

    def focus_moves() -> list[tuple[str, str]]:
        """The last objects the focus went to (for a failure's message)."""
        return [(n["role"], n["name"]) for n in gained_focus(reader.events(app.pid))][-5:]

    def focus_on(role: str, name: str, what: str) -> Node:
        """The object the last focus event was about, once it is that one."""

        def arrived() -> Node | None:
            return focused(reader.events(app.pid), role, name)

        try:
            return reader.wait_for(arrived, 10, what)
        except AssertionError as late:
            raise AssertionError(f"{late}; the focus went to: {focus_moves()}") from None

    def in_table(what: str) -> None:
        """Wait for the focus to come to the table: the table's focus event, or its
        current cell's when that is chosen after (Orca reads that cell either way)."""

        def arrived() -> Node | None:
            gained = gained_focus(reader.events(app.pid))
            return gained[-1] if gained and gained[-1]["role"] in ("table", "table cell") else None

        try:
            reader.wait_for(arrived, 10, what)
        except AssertionError as late:
            raise AssertionError(f"{late}; the focus went to: {focus_moves()}") from None

    def current_cell() -> Node:
        """The table's cell that has the focus."""
        return reader.wait_for(lambda: focused_cell(table()), 10, "a current cell in the table")

    def holds(check: Callable[[], bool], what: str) -> None:
        wait_until(check, 10, what, every=0.2)  # (each check is a tree walk: not too often)

    def shown(what: str, check: Callable[[Node], bool]) -> None:
        """Wait until ``check`` holds for the window."""
        holds(lambda: check(window() or {}), what)

    def dialog_window(title: str) -> str:
        """The dialog's X window, focused (as a window manager does with a new dialog)."""
        found = wait_until(lambda: app.find_window(f"^{title}$"), 10, f"the {title} dialog")
        app.focus(found)
        return found

    def dialog_closed(title: str) -> None:
        wait_until(lambda: not app.find_window(f"^{title}$"), 10, f"the {title} dialog to close")
        app.focus()  # (what a window manager does when a dialog closes)

    start = reader.wait_for(table, 20, f"the table {heard.table!r} on the bus")
    headers = [n["name"] for n in walk(start) if n["role"] == "table column header"]
    assert headers[:3] == heard.headers

    # 1. Add. Ctrl+N: the dialog by its title, its fields by their labels, the focus in Name.
    app.focus()
    app.key("ctrl+n")
    dialog_window(heard.add_dialog)
    focus_on("text", heard.fields[0], "the focus in the Name field")
    dialog = find(reader.tree(app.pid), "dialog", heard.add_dialog)
    assert dialog is not None
    assert [n["name"] for n in walk(dialog) if n["role"] == "text"] == heard.fields
    # An age below zero first: the refusal is announced, in the app's language...
    app.fill_and_save(ADDED["name"], ADDED["secret_name"], REFUSED["age"])
    reader.wait_for(
        lambda: announced(reader.events(app.pid), heard.refusal),
        10,
        f"the announcement {heard.refusal!r}",
    )
    # ...and the focus stays in Age: the age typed again over it, Enter.
    focus_on("text", heard.fields[2], "the focus still in the Age field")
    app.key("ctrl+a")
    app.type(ADDED["age"])
    app.key("Return")
    dialog_closed(heard.add_dialog)
    # The addition is announced once committed; the table takes the focus back with
    # the new hero's name as its current cell, and the pager counts one hero more.
    reader.wait_for(
        lambda: announced(reader.events(app.pid), heard.added),
        10,
        f"the announcement {heard.added!r}",
    )
    in_table("the focus back in the table")
    new = current_cell()
    assert (new["name"], new["column"], new["column_headers"]) == (
        ADDED["name"],
        NAME_COLUMN,
        [heard.headers[NAME_COLUMN]],
    )
    shown(f"the pager's {heard.three_heroes!r}", lambda w: heard.three_heroes in labels(w))

    # 2. Find. Ctrl+F and "owl": only Night Owl in the table, the count in words beside it.
    app.key("ctrl+f")
    focus_on("text", heard.search_field, "the focus in the search field")
    app.type("owl")
    holds(lambda: column(table(), NAME_COLUMN) == [ADDED["name"]], "only Night Owl's name")
    shown(
        f"the labels {heard.one_match!r} and {heard.one_match_shown!r}",
        lambda w: {heard.one_match, heard.one_match_shown} <= set(labels(w)),
    )

    # 3. Edit. Tab past the search bar's other fields (age from, to, no age) into the
    # table, Right to Night Owl's age; F2, the new age over the old one, Enter.
    app.key("Tab", "Tab", "Tab", "Tab")
    in_table("the focus in the table")
    cell = current_cell()
    assert (cell["name"], cell["column"]) == (ADDED["name"], NAME_COLUMN)
    app.key("Right")
    cell = focus_on("table cell", ADDED["age"], "the focus on Night Owl's age")
    assert (cell["row"], cell["column"], cell["column_headers"]) == (
        0,
        AGE_COLUMN,
        [heard.headers[AGE_COLUMN]],
    )
    heard_before_edit = len(reader.events(app.pid))
    app.key("F2")

    def editor() -> Node | None:
        gained = gained_focus(reader.events(app.pid))
        return gained[-1] if gained and gained[-1]["role"] == "text" else None

    assert reader.wait_for(editor, 10, "the focus in the cell's editor")["text"] == ADDED["age"]
    app.type(NEW_AGE)
    app.key("Return")
    # The editor closes, the table has the focus, its current cell reads the new age.
    in_table("the focus back in the table")

    def new_age() -> Node | None:
        current = focused_cell(table())
        return current if current is not None and current["name"] == NEW_AGE else None

    edited = reader.wait_for(new_age, 10, f"the current cell to read {NEW_AGE!r}")
    assert (edited["row"], edited["column_headers"]) == (0, [heard.headers[AGE_COLUMN]])
    # The edit is announced once committed, and nothing else (a refusal would be).
    reader.wait_for(
        lambda: announced(reader.events(app.pid), heard.edited),
        10,
        f"the announcement {heard.edited!r}",
    )
    said = reader.events(app.pid)[heard_before_edit:]
    assert [e["data"] for e in said if e["type"] == "object:announcement"] == [heard.edited]

    # 4. Delete, from Night Owl's row: the dialog's question names the hero, and its
    # default button, which has the focus, is named; Enter deletes.
    app.key("Delete")
    dialog_window(heard.delete_dialog)
    button = focus_on("push button", heard.delete_button, "the focus on the Delete button")
    assert "is default" in button["states"]
    dialog = find(reader.tree(app.pid), "dialog", heard.delete_dialog)
    assert dialog is not None
    question = next((t for t in labels(dialog) if t.startswith(heard.delete_question)), "")
    named = [line for line in question.splitlines() if line.startswith(f"• {ADDED['name']} (")]
    assert len(named) == 1, labels(dialog)
    app.key("Return")
    dialog_closed(heard.delete_dialog)
    reader.wait_for(
        lambda: announced(reader.events(app.pid), heard.deleted),
        10,
        f"the announcement {heard.deleted!r}",
    )
    # The search finds no hero now, and says so in words.
    in_table("the focus back in the table")
    shown(
        f"the labels {heard.no_match!r} and {heard.no_match_shown!r}",
        lambda w: {heard.no_match, heard.no_match_shown} <= set(labels(w)),
    )
    assert column(table(), NAME_COLUMN) == []
    # Ctrl+F, Esc: the search cleared, back in the table on the first hero's name,
    # the whole table again, without Night Owl.
    app.key("ctrl+f")
    focus_on("text", heard.search_field, "the focus in the search field")
    app.key("Escape")
    first = HEROES[0]["name"]
    cell = focus_on("table cell", first, f"the focus on {first}'s name")
    assert cell["column_headers"] == [heard.headers[NAME_COLUMN]]
    holds(
        lambda: column(table(), NAME_COLUMN) == [h["name"] for h in HEROES],
        "the seeded heroes alone in the table",
    )
    shown(f"the pager's {heard.two_heroes!r}", lambda w: heard.two_heroes in labels(w))

    # 5. Ctrl+Q: a clean exit, and the file holds the seeded heroes, as they were.
    app.key("ctrl+q")
    assert app.wait_for_exit() == 0, app.output
    assert read_heroes(app.database) == {
        number: (hero["name"], hero["secret_name"], int(hero["age"]) if hero["age"] else None)
        for number, hero in enumerate(HEROES, start=1)
    }
