"""A big CSV import's reading, checking and name keying, in a worker process.

On two cores or more, ``csv_io.import_csv`` has a big file (``WORKER_FROM_BYTES``)
read by a worker process while the importing thread inserts, when the store
keys names as it writes (``HeroWriter.keys_names_in_bulk``: a SQLite file with
the name index). The worker parses and checks each batch with the import's
own code (the ``checked`` function it is given, ``csv_io.checked_batches``),
keys its names (``name_batch.keys_in_process``) and sends both over a pipe;
the importing thread inserts them while the worker reads the next batch.
The worker is started with the *spawn* method (a process holding Qt must
never fork) and gets the file's path, never a database connection.

Other imports are read in the importing thread. Where the store's work runs
in this process (SQLite without the name index) the worker saved less than
a second of four; where it runs in another (a PostgreSQL server on the same
machine) that process needs the other core: a million heroes took 7.5-7.8 s
with the worker against 6.9-7.0 s without.

The worker only goes the way a clean file goes. At the first problem in
the file, or if it fails, dies or cannot start, ``worker_batches`` raises
``WorkerGaveUpError``: the store rolls the insert back and ``import_csv`` reads
the file in its own thread, which finds and words every problem in the
user's language (the worker has no translator installed).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from hero_desktop.data.csv_reading import CsvLayout, RowReader, open_for_reading
from hero_desktop.data.name_batch import keys_in_process
from hero_desktop.data.store import KeyedBatch, NewHero

if TYPE_CHECKING:  # the standalone bundle leaves multiprocessing out
    from multiprocessing.connection import Connection

WORKER_FROM_BYTES = 8 * 1024 * 1024
"""Files from this size on (about 270,000 of the demo's heroes) are read in a worker
process. Under it, the worker's start (about 0.5 s: a new interpreter, the modules,
the keying tables) costs about what it saves: into a file with the name index,
200,000 heroes (6 MB) took 1.69 s with a worker and 1.59 s without, 400,000
(12 MB) 2.88 s and 3.17 s."""

Report = Callable[[int, int], None]
"""``report(rows, bytes_read)``: after the store took each batch."""
Checked = Callable[[RowReader, CsvLayout], Iterator[list[NewHero]]]
"""The file's heroes, checked, in batches: raises at the first problem. Pickled to the
worker by reference (a module-level function, or a ``partial`` of one with values)."""

_DONE = "done"
_GAVE_UP = "gave up"


class WorkerGaveUpError(Exception):
    """The worker stopped before the end of the file (a problem in it, or a failure)."""


def worker_wanted(size: int) -> bool:
    """Whether a file of ``size`` bytes is worth a worker process on this machine."""
    return size >= WORKER_FROM_BYTES and (os.cpu_count() or 1) > 1


def worker_batches(
    path: Path, layout: CsvLayout, checked: Checked, report: Report
) -> Iterator[KeyedBatch]:
    """The file's batches by ``checked``, with their names' keys, from a worker process.

    Raises WorkerGaveUpError when the worker meets a problem or fails (and
    whatever ``report`` raises: a cancel). The worker is stopped when the
    iteration ends, however it ends.
    """
    try:
        # Imported here: the window never needs them, and the standalone bundle
        # leaves multiprocessing out (then the import reads the file itself).
        import multiprocessing
        from multiprocessing.connection import wait

        context = multiprocessing.get_context("spawn")
        receiving, sending = context.Pipe(duplex=False)
        process = context.Process(
            target=prepare, args=(str(path), layout, checked, sending), daemon=True
        )
        process.start()
    except (ImportError, OSError, RuntimeError, ValueError) as error:
        raise WorkerGaveUpError() from error
    sending.close()  # the worker's end: this process only listens
    try:
        while True:
            ready = wait([receiving, process.sentinel])
            if receiving not in ready and not receiving.poll():
                raise WorkerGaveUpError()  # it ended without a word
            try:
                message = receiving.recv()
            except (EOFError, OSError) as error:
                raise WorkerGaveUpError() from error
            if message == _DONE:
                return
            if not isinstance(message, tuple):
                raise WorkerGaveUpError()
            rows, folds, sort_keys, read = message
            yield KeyedBatch(rows, folds, sort_keys)
            report(len(rows), read)
    finally:
        receiving.close()
        if process.is_alive():
            process.kill()
        process.join()


def prepare(path: str, layout: CsvLayout, checked: Checked, sending: Connection) -> None:
    """The worker process: sends each checked batch, its names' folds and sort keys,
    and how far into the file it read; then ``_DONE``, or ``_GAVE_UP`` at the first
    problem or failure. Ends quietly when the importing thread stops listening."""
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
    except Exception:  # any failure: the importing thread reads the file itself
        try:
            sending.send(_GAVE_UP)
        except OSError:
            return
    finally:
        sending.close()
