"""CSV import and export of heroes: columns ``name, age, secret_name``.

Export writes UTF-8 with commas: every hero a query shows, in its order,
from one read transaction (a consistent snapshot), to a temporary file that
is renamed into place only when complete. Import reads what spreadsheets and
the tutorial's own tables write (``csv_reading``: the delimiters, encodings
and headers it understands) and is all or nothing: every row is validated by
the rules in ``fields`` and inserted inside one write transaction of the
store; a bad row or a cancel rolls it all back.

The window runs both in its data worker thread, on the store that thread
opened (``ui/data_worker.py``): a connection belongs to the thread that made
it, so call these with a store opened in the calling thread.

Parsing and validation know no database: the rows go to the store's
``bulk_insert`` (all or nothing, in one transaction), and export reads the
store's ``snapshot`` pager. How the SQLite store makes a big insert fast is
told in ``hero_desktop/data/sqlite/access.py``.
"""

from __future__ import annotations

import csv
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import closing
from functools import partial
from pathlib import Path
from typing import IO, Protocol

from hero_desktop.data.csv_reading import (
    CSV_COLUMNS,
    CsvLayout,
    RowReader,
    inspect_csv,
    open_for_reading,
)
from hero_desktop.data.csv_worker import (
    FileHasProblemsError,
    ImportWorker,
    WorkerGaveUpError,
    worker_wanted,
)
from hero_desktop.data.errors import (
    CannotAddError,
    DatabaseError,
    ImportFailedError,
    OperationCancelledError,
    ReadOnlyDatabaseError,
)
from hero_desktop.data.fields import clean_row
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.store import BulkInsertResult, HeroReader, HeroWriter, NewHero
from hero_desktop.data.words import Words, number


class CsvIoWords(Words):
    """The translation context of what CSV import and export say."""


class HasStore(Protocol):
    """What export needs of a HeroRepository (its store's reads), without importing it."""

    @property
    def store(self) -> HeroReader: ...


BATCH_ROWS = 10_000
EXPORT_BATCH_ROWS = 1000
"""Rows read per block when exporting (the SQLite store's paging checkpoints are as far apart)."""

Progress = Callable[[int, int], bool]
"""``progress(done, total)``: called between batches, and every tenth of a second while
nothing else is heard (then with the same ``done``; ``total`` 0 while unknown); return
False to cancel."""


ImportResult = BulkInsertResult
"""What an import added: how many heroes, and the range of their new ids."""


# -- export ------------------------------------------------------------------


def export_csv(
    repository: HasStore,
    query: HeroQuery | None,
    target: str | os.PathLike[str] | IO[str],
    progress: Progress | None = None,
) -> int:
    """Write every hero ``query`` shows, in its order, as CSV; return the rows written.

    ``target`` is a path (written to a temporary file beside it and renamed
    at the end, so a cancel or failure never leaves a partial file) or an
    open text file (opened with ``newline=""``). A cancel raises
    OperationCancelledError.
    """
    if isinstance(target, str | os.PathLike):
        return _export_to_path(repository, query or HeroQuery(), Path(target), progress)
    return _write_csv(repository, query or HeroQuery(), target, progress)


def _export_to_path(
    repository: HasStore, query: HeroQuery, path: Path, progress: Progress | None
) -> int:
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        # os.open with 0o666: the umask gives the file the usual permissions.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        handle = open(descriptor, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise DatabaseError(
            CsvIoWords.tr("Cannot write to {folder}: {reason}.").format(
                folder=path.parent, reason=error.strerror
            )
        ) from error
    try:
        with handle:
            written = _write_csv(repository, query, handle, progress)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise DatabaseError(
            CsvIoWords.tr("Cannot write {path}: {reason}.").format(path=path, reason=error.strerror)
        ) from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return written


def _write_csv(
    repository: HasStore, query: HeroQuery, handle: IO[str], progress: Progress | None
) -> int:
    writer = csv.writer(handle)
    writer.writerow(CSV_COLUMNS)
    written = 0
    # The with block: a cancel ends the store's read snapshot now, not at garbage collection.
    with repository.store.snapshot(query) as pager:
        total = pager.count()
        while written < total:
            rows = pager.rows(written, EXPORT_BATCH_ROWS)
            if not rows:
                break
            writer.writerows((row.name, row.age, row.secret_name) for row in rows)
            written += len(rows)
            if progress is not None and progress(written, total) is False:
                raise OperationCancelledError(
                    CsvIoWords.tr("Export cancelled; no file was written.")
                )
    return written


# -- import ------------------------------------------------------------------


def import_csv(
    store: HeroWriter,
    path: str | os.PathLike[str],
    progress: Progress | None = None,
    *,
    layout: CsvLayout | None = None,
) -> ImportResult:
    """Add every hero in the CSV file at ``path``, or none of them.

    ``layout`` is what ``inspect_csv`` found (it is inspected here if not
    given). Rows are validated by the same rules as the Add Hero dialog; any
    problem raises ImportFailedError (the first 100 as (line, reason), and
    the total) and nothing is written. ``progress(done, estimated_total)``
    is called between batches (see ``Progress``); returning False rolls back
    and raises OperationCancelledError. Use a store opened for the calling thread.
    A big file whose names the store keys as it writes is read, checked and
    keyed by a worker process while this thread inserts (``csv_worker``).
    """
    if store.read_only:
        raise ReadOnlyDatabaseError()
    if store.unfillable_columns:
        columns = ", ".join(store.unfillable_columns)
        raise CannotAddError(
            CsvIoWords.tr(
                "Heroes cannot be imported into this database: its hero table also requires "
                "{columns}, which Hero Desktop does not know how to fill. Nothing was imported."
            ).format(columns=columns)
        )
    path = Path(path)
    layout = layout or inspect_csv(path)
    with open_for_reading(path) as binary:
        size = max(os.fstat(binary.fileno()).st_size, 1)
    expected = size // 24
    if store.keys_names_in_bulk(expected) and worker_wanted(size) and ImportWorker.available():
        try:
            return _import_in_worker(store, path, layout, expected, _Reporter(progress, size))
        except FileHasProblemsError:
            # Nothing was written. Reading here words every problem in the user's language.
            _raise_problems(path, layout, _Reporter(progress, size))
            # (None found: the file changed meanwhile. Import it here.)
        except WorkerGaveUpError:
            pass  # rolled back: import it here
    with open_for_reading(path) as binary:
        reader = RowReader(binary, path.name, layout.encoding, layout.delimiter)
        batches = _reported(reader, layout, _Reporter(progress, size))
        return store.bulk_insert(batches, expected_rows=expected)


def _import_in_worker(
    store: HeroWriter, path: Path, layout: CsvLayout, expected: int, report: _Reporter
) -> ImportResult:
    # Module-level values reach the worker by reference, so the batch size goes along.
    checked = partial(checked_batches, first_problem_ends=True, batch_rows=BATCH_ROWS)
    with closing(ImportWorker(path, layout, checked)) as worker:
        return store.bulk_insert(worker.batches(report), expected_rows=expected)


def _raise_problems(path: Path, layout: CsvLayout, report: _Reporter) -> None:
    """ImportFailedError with every problem of the file, read to its end, writing
    nothing (``report`` hears of no heroes; a cancel raised there ends it)."""
    with open_for_reading(path) as binary:
        reader = RowReader(binary, path.name, layout.encoding, layout.delimiter)

        def looking() -> None:
            report(0, binary.tell())

        for _ in checked_batches(reader, layout, looking=looking):
            looking()


def _reported(reader: RowReader, layout: CsvLayout, report: _Reporter) -> Iterator[list[NewHero]]:
    for batch in checked_batches(reader, layout):
        yield batch
        report(len(batch), reader.binary.tell())
    report.finished()


class _Reporter:
    """Calls ``progress(done, estimated_total)`` after the store took each batch, and
    when asked meanwhile (``rows`` 0), so that a cancel is heard."""

    def __init__(self, progress: Progress | None, size: int) -> None:
        self._progress = progress
        self._size = size
        self._done = 0
        self._reported = False

    def __call__(self, rows: int, read: int) -> None:
        self._done += rows
        self._reported = True
        if self._progress is None:
            return
        estimate = max(self._done, self._done * self._size // max(read, 1))
        if self._progress(self._done, estimate) is False:
            raise OperationCancelledError(CsvIoWords.tr("Import cancelled; nothing was imported."))

    def finished(self) -> None:
        """At the end: an import that never reported (no rows) says so once."""
        if not self._reported:
            self(0, self._size)


def checked_batches(
    reader: RowReader,
    layout: CsvLayout,
    *,
    first_problem_ends: bool = False,
    batch_rows: int | None = None,
    looking: Callable[[], None] | None = None,
) -> Iterator[list[NewHero]]:
    """The file's heroes, validated, in batches (of ``BATCH_ROWS`` unless ``batch_rows``
    is given); raises (so nothing is kept) on any problem.

    ImportFailedError comes after the whole file was read, with its problems
    (the first ``MAX_LISTED_PROBLEMS`` and their number), or at the first one
    with ``first_problem_ends``. After the first problem nothing more is
    yielded, so ``looking()``, if given, is called every batch's worth of
    records (a cancel raised there ends the reading).
    """
    records = reader.records()
    for _ in range(layout.header_line):
        if next(records, None) is None:
            raise ImportFailedError(
                reader.problems
                or [(0, CsvIoWords.tr("{file} is empty.").format(file=reader.name))],
                reader.total_problems or 1,
            )
    name_at, age_at, secret_at = layout.positions
    width = len(layout.header)
    # Translated once, not per row: a file with a problem on most lines has a million.
    wrong_width = CsvIoWords.tr("Expected %Ln value(s), found {found}", "", width)
    batch_rows = batch_rows or BATCH_ROWS
    if looking is not None:
        records = _looking_every(records, batch_rows, looking)
    batch: list[NewHero] = []
    for line, record in records:
        if len(record) != width:
            if not any(value.strip() for value in record):
                continue  # a spreadsheet's empty row: ";;;"
            reader.problem(line, wrong_width.format(found=number(len(record))))
            if first_problem_ends:
                break
            continue
        try:
            row = clean_row(record[name_at], record[age_at], record[secret_at])
        except ValueError as error:
            if not any(value.strip() for value in record):
                continue  # a spreadsheet's empty row: ";;;"
            reader.problem(line, str(error))
            if first_problem_ends:
                break
            continue
        if reader.total_problems:
            continue  # nothing will be written: only look for more problems
        batch.append(row)
        if len(batch) >= batch_rows:
            yield batch
            batch = []
    if reader.total_problems:
        raise ImportFailedError(reader.problems, reader.total_problems)
    if batch:
        yield batch


def _looking_every(
    records: Iterator[tuple[int, list[str]]], count: int, looking: Callable[[], None]
) -> Iterator[tuple[int, list[str]]]:
    """``records``, calling ``looking()`` after every ``count`` of them (kept off the
    import's own loop, which reads a million records a second)."""
    for read, record in enumerate(records, start=1):
        if read % count == 0:
            looking()
        yield record
