"""What a screen reader hears from a running app, through AT-SPI: a stand-in for Orca.

Run by Debian's /usr/bin/python3 (python3-pyatspi is a Debian package, not
in the venv), on the session bus and the display of the app it reads. Its
first line on stdout, ``{"ready": true}``, comes once it is on the
accessibility bus: asking for that bus starts it (at-spi-bus-launcher), and
Qt only joins a bus that is already there. From then on it records, as Orca
does, the events a screen reader speaks from (focus moves, announcements,
names and descriptions that change), and answers one JSON line for each
command line read on stdin:

- ``tree PID``: the accessible tree of the app with that process id (the
  children of hidden objects left out), or ``{"tree": null}`` while the app
  has not joined the bus;
- ``events PID``: every event that app sent since the reader started.

Each object is given as its role, name, description, states, its text or
value when it has one, and, for a table cell, its row, its column and the
names of its column headers (what Orca reads before the cell's own name).
The reader never waits inside a command: the events and the list of apps
arrive through the GLib main loop, so the test polls instead. It asks the
app itself each time, never libatspi's cache, which Qt leaves stale.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import gi  # type: ignore[import-not-found]

gi.require_version("Atspi", "2.0")
import pyatspi  # type: ignore[import-not-found]  # noqa: E402 - after gi.require_version
from gi.repository import Atspi, GLib  # type: ignore[import-not-found]  # noqa: E402

Node = dict[str, Any]

EVENTS = (
    "object:announcement",
    "object:state-changed:focused",
    "object:property-change:accessible-name",
    "object:property-change:accessible-description",
    "window:activate",
)
MAX_DEPTH = 40  # a cycle in a broken tree must not hang the reader
WALKS = 3  # walks tried while objects go away under them, before the error is the answer

heard: list[Node] = []


def text_of(node: Any) -> str | None:
    try:
        text = node.queryText()
    except NotImplementedError:
        return None
    return str(text.getText(0, -1))


def value_of(node: Any) -> float | None:
    try:
        return float(node.queryValue().currentValue)
    except NotImplementedError:
        return None


def cell_position(node: Any) -> Node:
    """A table cell's row, column and column header names, as the table gives them."""
    try:
        cell = node.queryTableCell()
    except NotImplementedError:
        return {}
    _, row, column = cell.position
    headers = [header.name for header in cell.columnHeaderCells or []]
    return {"row": row, "column": column, "column_headers": headers}


def describe(node: Any) -> Node:
    """One object, without its children."""
    states = node.getState()
    described: Node = {
        "role": node.getRoleName(),
        "name": node.name or "",
        "description": node.description or "",
        "states": sorted(pyatspi.stateToString(state) for state in states.getStates()),
    }
    text = text_of(node)
    if text is not None:
        described["text"] = text
    value = value_of(node)
    if value is not None:
        described["value"] = value
    if node.getRole() == pyatspi.ROLE_TABLE_CELL:
        described.update(cell_position(node))
    return described


def tree(node: Any, depth: int = 0) -> Node:
    """``node`` and what is under it; under a hidden object (a closed menu), nothing."""
    described = describe(node)
    if depth < MAX_DEPTH and "showing" in described["states"]:
        described["children"] = [tree(child, depth + 1) for child in node if child is not None]
    return described


def application(pid: int) -> Any | None:
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.get_process_id() == pid:
            # Each answer is what the app says now: libatspi's cache keeps an edited
            # cell's old name and a cell's "focused" after the focus left (Qt sends no
            # event for either), so nothing is read from it.
            Atspi.Accessible.set_cache_mask(app, Atspi.Cache.NONE)
            return app
    return None


def hear(event: Any) -> None:
    try:
        pid = event.host_application.get_process_id()
        source = describe(event.source)
    except Exception as error:  # the object may be gone already: still worth a line
        heard.append({"type": event.type, "error": str(error)})
        return
    any_data = event.any_data
    heard.append(
        {
            "type": str(event.type),
            "pid": pid,
            "detail1": event.detail1,
            "data": any_data if isinstance(any_data, str | int | float) else None,
            "source": source,
        }
    )


def answer(line: str) -> Node:
    command, _, argument = line.strip().partition(" ")
    if command == "tree":
        app = application(int(argument))
        if app is None:
            return {"tree": None}
        for walk in range(1, WALKS + 1):
            try:
                return {"tree": tree(app)}
            except GLib.Error:  # an object went away during the walk (a table refilled)
                if walk == WALKS:
                    raise
    if command == "events":
        pid = int(argument)
        return {"events": [event for event in heard if event.get("pid") in (pid, None)]}
    return {"error": f"unknown command: {line.strip()!r}"}


def on_command(channel: Any, condition: Any) -> bool:
    line = channel.readline()
    if not line:  # the test closed our stdin: done
        pyatspi.Registry.stop()
        return False
    try:
        reply = answer(line)
    except Exception as error:
        reply = {"error": f"{type(error).__name__}: {error}"}
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
    return True


def main() -> None:
    pyatspi.Registry.registerEventListener(hear, *EVENTS)
    pyatspi.Registry.getDesktop(0).childCount  # noqa: B018 - joins the bus, starting it
    channel = GLib.IOChannel.unix_new(sys.stdin.fileno())
    GLib.io_add_watch(
        channel, GLib.PRIORITY_DEFAULT, GLib.IOCondition.IN | GLib.IOCondition.HUP, on_command
    )
    sys.stdout.write(json.dumps({"ready": True}) + "\n")
    sys.stdout.flush()
    pyatspi.Registry.start()


if __name__ == "__main__":
    main()
