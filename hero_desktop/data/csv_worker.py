"""A big CSV import's reading, checking and name keying, in a worker process.

On two cores or more, ``csv_io.import_csv`` has a big file (``WORKER_FROM_BYTES``)
read by a worker process while the importing thread inserts, when the store
keys names as it writes (``HeroWriter.keys_names_in_bulk``: a SQLite file with
the name index). The worker parses and checks each batch with the import's
own code (the ``checked`` function it is given, ``csv_io.checked_batches``),
keys its names (``name_batch.keys_in_process``) and sends both over a pipe;
the importing thread inserts them while the worker reads the next batch.
The worker is started with the *spawn* method (a process holding Qt must
never fork), once the store holds the write lock, and gets the file's path,
never a database connection.

Other imports are read in the importing thread. Where the store's work runs
in this process (SQLite without the name index) the worker saved less than
a second of four; where it runs in another (a PostgreSQL server on the same
machine) that process needs the other core: a million heroes took 7.5-7.8 s
with the worker against 6.9-7.0 s without.

The worker only goes the way a clean file goes: at the first problem in the
file it says so (``FileHasProblemsError``; the importing thread then reads
the file without writing, which words every problem in the user's language:
the worker has no translator installed). If it fails, dies or cannot start,
``WorkerGaveUpError``: the store rolls back and the importing thread imports
the file itself.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from hero_desktop.data.csv_reading import CsvLayout, RowReader, open_for_reading
from hero_desktop.data.name_batch import keys_in_process
from hero_desktop.data.store import KeyedBatch, NewHero

if TYPE_CHECKING:  # the standalone bundle leaves multiprocessing out
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

log = logging.getLogger("hero_desktop")

WORKER_FROM_BYTES = 8 * 1024 * 1024
"""Files from this size on (about 270,000 of the demo's heroes) are read in a worker
process. Under it, the worker's start (about 0.5 s: a new interpreter, the modules,
the keying tables) costs about what it saves: into a file with the name index,
200,000 heroes (6 MB) took 1.69 s with a worker and 1.59 s without, 400,000
(12 MB) 2.88 s and 3.17 s."""
LISTEN_S = 0.1
"""How often the importing thread, waiting for a batch, asks whether to go on (Cancel)."""

Checked = Callable[[RowReader, CsvLayout], Iterator[list[NewHero]]]
"""The file's heroes, checked, in batches: raises at the first problem. Pickled to the
worker by reference (a module-level function, or a ``partial`` of one with values)."""

_DONE = "done"
_PROBLEM = "problem"
_FAILED = "failed"


class Report(Protocol):
    """The import's progress: after the store took each batch, every ``LISTEN_S`` while
    a batch is awaited (``rows`` 0), and once at the end."""

    def __call__(self, rows: int, read: int) -> None:
        """``rows`` more were taken, ``read`` bytes into the file; raises to cancel."""

    def finished(self) -> None: ...


class WorkerGaveUpError(Exception):
    """The worker stopped before the end of the file: it failed, died or could not start."""


class FileHasProblemsError(WorkerGaveUpError):
    """The worker met a problem in the file (which the importing thread words)."""


def worker_wanted(size: int) -> bool:
    """Whether a file of ``size`` bytes is worth a worker process on this machine."""
    return size >= WORKER_FROM_BYTES and (os.cpu_count() or 1) > 1


class ImportWorker:
    """The worker process reading one file, and this end of its pipe.

    Made before the write transaction, it starts its process when its first
    batch is asked for, in the transaction, once the store holds the write
    lock: a store that waits for another program's lock and tries again
    (``DataWorker``) starts no process per try. Close it however the import
    ends (``contextlib.closing``): closing stops the process if it still runs.
    """

    def __init__(self, path: Path, layout: CsvLayout, checked: Checked) -> None:
        self._arguments = (str(path), layout, checked)
        self._process: BaseProcess | None = None
        self._receiving: Connection | None = None

    @staticmethod
    def available() -> bool:
        """Whether this Python can start one (the standalone bundle leaves
        multiprocessing out: then the import reads the file itself)."""
        return importlib.util.find_spec("multiprocessing") is not None

    def _start(self) -> tuple[BaseProcess, Connection]:
        """The process, started; WorkerGaveUpError if it cannot be."""
        import multiprocessing  # the window never needs it

        try:
            context = multiprocessing.get_context("spawn")
            receiving, sending = context.Pipe(duplex=False)
        except Exception as error:  # whatever stops it, the file is read here instead
            raise WorkerGaveUpError() from error
        self._receiving = receiving
        try:
            process = context.Process(target=prepare, args=(*self._arguments, sending), daemon=True)
            process.start()
        except Exception as error:  # as above: no process, or arguments it cannot take
            raise WorkerGaveUpError() from error
        finally:
            sending.close()  # the worker's end: this process only listens
        self._process = process
        return process, receiving

    def batches(self, report: Report) -> Iterator[KeyedBatch]:
        """The file's batches with their names' keys, as the worker sends them.

        Raises FileHasProblemsError or WorkerGaveUpError (see the module), and
        whatever ``report`` raises: a cancel, which is asked every ``LISTEN_S``
        while a batch is awaited, as well as after each batch.
        """
        from multiprocessing.connection import wait

        process, receiving = self._start()
        read = 0
        while True:
            while not wait([receiving, process.sentinel], LISTEN_S):
                report(0, read)
            if not receiving.poll():
                raise WorkerGaveUpError()  # it ended without a word
            try:
                message = receiving.recv()
            except (EOFError, OSError) as error:
                raise WorkerGaveUpError() from error
            if message == _DONE:
                report.finished()
                return
            if message == _PROBLEM:
                raise FileHasProblemsError()
            if isinstance(message, tuple) and len(message) == 2 and message[0] == _FAILED:
                log.warning("The CSV import's worker process failed (%s); reading here", message[1])
                raise WorkerGaveUpError()
            if not (isinstance(message, tuple) and len(message) == 4):
                raise WorkerGaveUpError()
            rows, folds, sort_keys, read = message
            yield KeyedBatch(rows, folds, sort_keys)
            report(len(rows), read)

    def close(self) -> None:
        """Stop the worker if it still runs, and wait for its end (at once, once killed)."""
        if self._receiving is not None:
            self._receiving.close()
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join()


def prepare(path: str, layout: CsvLayout, checked: Checked, sending: Connection) -> None:
    """The worker process: sends each checked batch, its names' folds and sort keys,
    and how far into the file it read; then ``_DONE``, ``_PROBLEM`` at the first
    problem in the file, or (``_FAILED``, what failed). Ends quietly when the
    importing thread stops listening."""
    from hero_desktop.data.errors import ImportFailedError

    try:
        with open_for_reading(Path(path)) as binary:
            reader = RowReader(binary, Path(path).name, layout.encoding, layout.delimiter)
            for batch in checked(reader, layout):
                keys = keys_in_process([hero[0] for hero in batch])
                folds, sort_keys = [fold for fold, _ in keys], [key for _, key in keys]
                sending.send((batch, folds, sort_keys, binary.tell()))
        sending.send(_DONE)
    except (BrokenPipeError, ConnectionResetError):
        return  # nobody listens any more
    except ImportFailedError:
        _send_last(sending, _PROBLEM)
    except Exception as error:  # any failure: the importing thread reads the file itself
        _send_last(sending, (_FAILED, repr(error)))
    finally:
        sending.close()


def _send_last(sending: Connection, message: object) -> None:
    try:
        sending.send(message)
    except OSError:
        return  # nobody listens any more
