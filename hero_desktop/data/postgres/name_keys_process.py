"""Making a big table's copy of the name keys in a process of its own.

A keeper (name_keys_keeper.py) has a new copy of a big table made here: the
process reads the server's heroes on a connection of its own, keys their
names and writes the copy (``name_keys.make_copy``), so the chunks in hand,
the keying tables and SQLite's index builds take memory and the interpreter's
lock in that process, never in the window's. On ten million heroes the
window's process peaked at 192-210 MB while it made the copy itself.

The process is started with the *spawn* method (a process holding Qt must
never fork) and gets values only: the server's address, the copy's path,
how many heroes a statement reads, how many heroes' folds to send back, how
many heroes the server estimates (the progress's total until the last
chunk: no count of them all before the first). Over
a pipe it asks the keeper, after each chunk, whether to go on (the keeper's
``Progress``, which posts it on the board) and waits for the answer, and it
sends the folds of the first heroes for early answers. The keeper's thread
listens, and stops the process at once (killed) when the build should end:
a "no" it answered, ``stopped`` (its store closes), a failure. Then it
removes the copy begun. If the keeper's thread ends first (the window's
process crashed, or quit with ``os._exit``), the process is killed with it
on Linux (``_die_with_keeper``), and elsewhere stops at its next question;
the unfinished copy it leaves is removed by a later session
(``name_keys.open_newest``). A process that ends before its first question
did not start (``ProcessNotStartedError``): the keeper then makes the copy
on its own thread.

The standalone bundle leaves multiprocessing out (``available``): there the
keeper makes the copy on its own thread.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import signal
import sys
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


LISTEN_S = 0.05
"""How often the keeper, waiting for the process, asks whether to stop it."""
PR_SET_PDEATHSIG = 1
"""prctl's option: the signal a process gets when the thread that started it ends."""
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
    expected: int,
) -> None:
    """Make the copy at ``path`` in a process of its own, as ``name_keys.make_copy`` would.

    ``progress`` and ``keyed`` run on this thread, as the process asks;
    ``keyed`` is given the folds of the first ``early_heroes`` heroes or a
    chunk more; ``expected``: how many heroes the server estimates (the
    total told until the last chunk, rather than a count first). ``stopped``
    is asked every ``LISTEN_S`` and after each message. Raises
    BuildStoppedError (``progress`` said no, or ``stopped``),
    CopyProcessError or ProcessNotStartedError; whichever, the process is
    ended and the copy begun removed.
    """
    import multiprocessing  # (the window needs it only here)

    context = multiprocessing.get_context("spawn")
    process: BaseProcess | None = None
    try:
        try:
            here, there = context.Pipe()
        except Exception as error:  # whatever stops it: the keeper makes the copy itself
            raise ProcessNotStartedError(str(error)) from error
        try:
            process = context.Process(
                target=_make,
                args=(address, str(path), name_keys.READ_ROWS, early_heroes, expected, there),
                name="hero-name-copy",
                daemon=True,
            )
            process.start()
        except Exception as error:  # as above
            raise ProcessNotStartedError(str(error)) from error
        finally:
            there.close()  # the process's end: this one only listens and answers
        try:
            _listen(here, process, progress, keyed, stopped)
        finally:
            here.close()
    except BaseException:
        if process is not None:
            _end(process)
        name_cache.remove(path)
        raise
    _end(process)


def _listen(
    here: Connection,
    process: BaseProcess,
    progress: Progress,
    keyed: Callable[[KeyedPart], None],
    stopped: Callable[[], bool],
) -> None:
    """Answer the process until it says the copy is done (``make_copy``'s errors)."""
    from multiprocessing.connection import wait

    asked = False  # (one that ends before its first question did not start)
    while True:
        ready = wait([here, process.sentinel], LISTEN_S)
        if stopped():
            if _done_meanwhile(here):
                return  # (kept for the next session)
            raise BuildStoppedError()
        if not ready:
            continue
        try:
            kind, *values = here.recv()
        except (EOFError, OSError) as error:
            raise _ended(process, asked) from error
        if kind == _PROGRESS:
            asked = True
            if not progress(*values):
                raise BuildStoppedError()
            try:
                here.send(True)
            except OSError as error:
                raise _ended(process, asked) from error
        elif kind == _PART:
            keyed(*values)
        elif kind == _DONE:
            return
        elif asked:
            raise CopyProcessError(values[0] if values else repr(kind))
        else:
            raise ProcessNotStartedError(values[0] if values else repr(kind))


def _done_meanwhile(here: Connection) -> bool:
    """Whether the process said the copy is done, unheard yet."""
    try:
        while here.poll():
            if here.recv()[0] == _DONE:
                return True
    except (EOFError, OSError):
        pass
    return False


def _ended(process: BaseProcess, asked: bool) -> Exception:
    """The error for a process that stopped talking (it died, or is about to); one that
    never asked anything did not start (a failed import, say)."""
    process.join(LISTEN_S)
    said = f"it ended (exit code {process.exitcode})"
    return CopyProcessError(said) if asked else ProcessNotStartedError(said)


def _end(process: BaseProcess) -> None:
    """Kill the process if it runs, and wait for its end (at once, once killed)."""
    if process.pid is None:
        return  # never started
    if process.is_alive():
        process.kill()
    process.join()


def _die_with_keeper() -> None:
    """(Linux) Be killed when the keeper's thread ends, the window's process with it (a
    crash, or ``os._exit`` at quit): else the process would go on to the end of the copy.
    Elsewhere it stops at its next question, when the pipe is closed."""
    if sys.platform != "linux":
        return
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (AttributeError, OSError):
        return
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    import multiprocessing  # (this process is one of its)

    parent = multiprocessing.parent_process()
    if parent is not None and os.getppid() != parent.pid:
        os._exit(0)  # the keeper ended before the signal was asked for


def _make(
    address: ServerAddress,
    path: str,
    read_rows: int,
    early: int,
    expected: int,
    there: Connection,
) -> None:
    """The process: makes the copy, asking the keeper after each chunk; sends ``_DONE``, or
    (``_FAILED``, what failed). Ends quietly once the keeper no longer listens."""
    _die_with_keeper()
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
        with access.connect(address, read_only=True) as connection:
            name_keys.make_copy(connection, Path(path), asked, keyed, read_rows, expected)
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
