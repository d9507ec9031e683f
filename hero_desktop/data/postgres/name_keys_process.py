"""Making a big table's copy of the name keys in a process of its own.

A keeper (name_keys_keeper.py) has a new copy of a big table made here: the
process reads the server's heroes on a connection of its own, keys their
names and writes the copy (``name_keys.make_copy``), so the chunks in hand,
the keying tables and SQLite's index builds take memory and the interpreter's
lock in that process, never in the window's. On ten million heroes the
window's process peaked at 192-210 MB while it made the copy itself.

The process is started with the *spawn* method (a process holding Qt must
never fork) and gets values only: the server's address, the copy's path,
how many heroes a statement reads, how many heroes' folds to send back. Over
a pipe it asks the keeper, after each chunk, whether to go on (the keeper's
``Progress``, which posts it on the board) and waits for the answer, and it
sends the folds of the first heroes for early answers. The keeper's thread
listens, and stops the process at once (killed) when the build should end:
a "no" it answered, ``stopped`` (its store closes), a failure. Then it
removes the copy begun. If the keeper's process ends first, the child stops
at its next question (the pipe is closed).

The standalone bundle leaves multiprocessing out (``available``): there the
keeper makes the copy on its own thread.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from hero_desktop.data.location import ServerAddress
from hero_desktop.data.postgres import access, name_keys
from hero_desktop.data.postgres.name_keys import BuildStoppedError, KeyedPart, Progress
from hero_desktop.data.sqlite import name_cache

if TYPE_CHECKING:  # the standalone bundle leaves multiprocessing out
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

log = logging.getLogger("hero_desktop")

LISTEN_S = 0.05
"""How often the keeper, waiting for the process, asks whether to stop it."""
_PROGRESS = "progress"
_PART = "part"
_DONE = "done"
_FAILED = "failed"


class CopyProcessError(Exception):
    """The process failed, or ended without finishing the copy."""


class ProcessNotStartedError(Exception):
    """The process could not be started (the copy is better made on the keeper's thread)."""


def available() -> bool:
    """Whether this Python can start the process (not in the standalone bundle)."""
    return importlib.util.find_spec("multiprocessing") is not None


def make_copy(
    address: ServerAddress,
    path: Path,
    progress: Progress,
    keyed: Callable[[KeyedPart], None],
    stopped: Callable[[], bool],
    *,
    early_heroes: int,
) -> None:
    """Make the copy at ``path`` in a process of its own, as ``name_keys.make_copy`` would.

    ``progress`` and ``keyed`` run on this thread, as the process asks;
    ``keyed`` is given the folds of the first ``early_heroes`` heroes or a
    chunk more. ``stopped`` is asked every ``LISTEN_S`` and after each
    message. Raises BuildStoppedError (``progress`` said no, or ``stopped``),
    CopyProcessError or ProcessNotStartedError; whichever, the process is
    ended and the copy begun removed.
    """
    import multiprocessing  # (the window needs it only here)
    from multiprocessing.connection import wait

    context = multiprocessing.get_context("spawn")
    here, there = context.Pipe()
    process = context.Process(
        target=_make,
        args=(address, str(path), name_keys.READ_ROWS, early_heroes, there),
        name="hero-name-copy",
        daemon=True,
    )
    try:
        try:
            process.start()
        except Exception as error:  # whatever stops it: the keeper makes the copy itself
            raise ProcessNotStartedError(str(error)) from error
        finally:
            there.close()  # the process's end: this one only listens and answers
        while True:
            ready = wait([here, process.sentinel], LISTEN_S)
            if stopped():
                raise BuildStoppedError()
            if not ready:
                continue
            try:
                kind, *values = here.recv()
            except (EOFError, OSError) as error:
                raise _ended(process) from error
            if kind == _PROGRESS:
                if not progress(*values):
                    raise BuildStoppedError()
                try:
                    here.send(True)
                except OSError as error:
                    raise _ended(process) from error
            elif kind == _PART:
                keyed(*values)
            elif kind == _DONE:
                return
            else:
                raise CopyProcessError(values[0] if values else repr(kind))
    except BaseException:
        _end(process)
        name_cache.remove(path)
        raise
    finally:
        here.close()
        _end(process)


def _ended(process: BaseProcess) -> CopyProcessError:
    """The error for a process that stopped talking (it died, or is about to)."""
    process.join(LISTEN_S)
    return CopyProcessError(f"it ended (exit code {process.exitcode})")


def _end(process: BaseProcess) -> None:
    """Kill the process if it runs, and wait for its end (at once, once killed)."""
    if process.pid is None:
        return  # never started
    if process.is_alive():
        process.kill()
    process.join()


def _make(address: ServerAddress, path: str, read_rows: int, early: int, there: Connection) -> None:
    """The process: makes the copy, asking the keeper after each chunk; sends ``_DONE``, or
    (``_FAILED``, what failed). Ends quietly once the keeper no longer listens."""
    sent = 0

    def asked(done: int, total: int) -> bool:
        there.send((_PROGRESS, done, total))
        return bool(there.recv())  # (the keeper kills the process rather than say no)

    def keyed(part: KeyedPart) -> None:
        nonlocal sent
        if sent < early:
            there.send((_PART, part))
            sent += len(part.ids)

    try:
        with access.connect(address) as connection:
            connection.execute("SET default_transaction_read_only = on")
            name_keys.make_copy(connection, Path(path), asked, keyed, read_rows)
        there.send((_DONE,))
    except (EOFError, BrokenPipeError, ConnectionResetError, BuildStoppedError):
        return  # nobody listens any more (make_copy removed an unfinished copy)
    except Exception as error:  # any failure: the keeper says so and gives up
        try:
            there.send((_FAILED, f"{type(error).__name__}: {error}"))
        except OSError:
            return
    finally:
        there.close()
