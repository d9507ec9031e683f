"""CSV import and export of heroes: columns ``name, age, secret_name``.

Export writes UTF-8 with commas. Import takes what spreadsheets and the
tutorial's own tables write: commas, semicolons (spreadsheets in European
locales) or tabs; UTF-8 with or without a byte order mark, or UTF-16 with
one (a spreadsheet's "Unicode text"); header names matched ignoring case,
spaces and underscores ("Secret name" is secret_name); other columns (an
``id``, a ``team_id``) ignored. ``inspect_csv`` reads only the first line or
two and says all of that before an import starts, so the UI can ask first.

Export writes every hero a query shows, in its order, from one read
transaction (a consistent snapshot), to a temporary file that is renamed
into place only when complete. Import is all or nothing: every row is
validated by the rules in ``models`` and inserted inside one write
transaction of the store; a bad row or a cancel rolls it all back.

Both run happily in a worker thread, but give the worker its *own*
connection: open the file again there (``open_database(path)``) and pass
that store (or a HasStore over it). A connection must not be used by
two threads at once, and an import holds the write lock for its whole run
while the window's connection keeps reading the last committed state.

Parsing and validation live here and know no database: the rows go to the
store's ``bulk_insert`` (all or nothing, in one transaction), and export
reads the store's ``snapshot`` pager. How the SQLite store makes a big
insert fast is told in ``hero_desktop/data/sqlite/access.py``.

Why one file of this length: import and export share the columns, the
spreadsheet dialects and the encodings they must agree on; most lines are
the checks a real spreadsheet file needs, each with a message for the user.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import os
import secrets
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, BinaryIO, Protocol

from hero_desktop.data.errors import (
    CannotAddError,
    DatabaseError,
    ImportFailedError,
    OperationCancelledError,
    ReadOnlyDatabaseError,
)
from hero_desktop.data.models import clean_age, clean_name, clean_secret_name
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.store import BulkInsertResult, HeroStore, NewHero


class HasStore(Protocol):
    """What export needs of a HeroRepository (its store), without importing it."""

    @property
    def store(self) -> HeroStore: ...


CSV_COLUMNS = ("name", "age", "secret_name")
DELIMITERS = {",": "commas", ";": "semicolons", "\t": "tabs"}
MAX_LISTED_PROBLEMS = 100
BATCH_ROWS = 10_000
EXPORT_BATCH_ROWS = 1000
"""Rows read per block when exporting (the SQLite store's paging checkpoints are as far apart)."""

Progress = Callable[[int, int], bool]
"""``progress(done, total)``: called between batches; return False to cancel."""


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
        raise DatabaseError(f"Cannot write to {path.parent}: {error.strerror}.") from error
    try:
        with handle:
            written = _write_csv(repository, query, handle, progress)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise DatabaseError(f"Cannot write {path}: {error.strerror}.") from error
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
                raise OperationCancelledError("Export cancelled; no file was written.")
    return written


# -- import ------------------------------------------------------------------


@dataclass(frozen=True)
class CsvLayout:
    """How a CSV file is written, found from its first line(s) by ``inspect_csv``."""

    encoding: str
    """The Python codec that reads it: utf-8, utf-8-sig or utf-16."""
    encoding_name: str
    """As a person calls it: "UTF-8", "UTF-8 with BOM", "UTF-16 with BOM"."""
    delimiter: str
    header: tuple[str, ...]
    """The column names as the file writes them."""
    positions: tuple[int, int, int]
    """Where the name, age and secret_name values are in a row."""
    ignored: tuple[str, ...] = field(default=())
    """The columns that are not imported, as the file names them."""
    header_line: int = 1
    """The header's line number (2 after a spreadsheet's ``sep=;`` line)."""

    @property
    def delimiter_name(self) -> str:
        return DELIMITERS[self.delimiter]

    def ignored_sentence(self) -> str:
        """A sentence such as "The columns id, team_id will be ignored." ("" if none is)."""
        if not self.ignored:
            return ""
        if len(self.ignored) == 1:
            return f"The column {self.ignored[0]} will be ignored."
        return f"The columns {', '.join(self.ignored)} will be ignored."


def _column_key(name: str) -> str:
    """The name as matched: "Secret name", "SECRET_NAME" and "secret name" are one."""
    return "".join(name.split()).replace("_", "").lower()


_KEYS = {_column_key(column): column for column in CSV_COLUMNS}


def inspect_csv(path: str | os.PathLike[str]) -> CsvLayout:
    """Read the start of a CSV file: its encoding, delimiter and columns.

    Cheap at any size (it reads the first line or two). Raises
    ImportFailedError, naming the file, when the header cannot be used.
    """
    path = Path(path)
    with _open_for_reading(path) as binary:
        encoding, encoding_name = _encoding(binary)
        reader = _RowReader(binary, path.name, encoding)
        with contextlib.closing(reader.lines()) as lines:
            first = next(lines, None)
            header_line = 1
            delimiter = _excel_separator(first)
            if delimiter is not None:
                first = next(lines, None)
                header_line = 2
        if reader.problems:
            raise ImportFailedError(reader.problems, reader.total_problems)
    if first is None:
        raise ImportFailedError(
            [(0, f"{path.name} is empty: it needs a header line naming the columns {_NAMES}.")],
            1,
        )
    header, delimiter = _read_header(first, delimiter)
    positions, ignored = _column_positions(header, header_line)
    return CsvLayout(
        encoding=encoding,
        encoding_name=encoding_name,
        delimiter=delimiter,
        header=tuple(header),
        positions=positions,
        ignored=ignored,
        header_line=header_line,
    )


_NAMES = "name, age and secret_name"


def _open_for_reading(path: Path) -> BinaryIO:
    """The file opened for reading, or ImportFailedError saying why it cannot be."""
    try:
        return path.open("rb")
    except OSError as error:
        raise ImportFailedError(
            [(0, f"{path.name} cannot be read: {error.strerror}.")], 1
        ) from error


def _encoding(binary: BinaryIO) -> tuple[str, str]:
    """The codec by the byte order mark; the file is left at its start."""
    start = binary.read(4)
    binary.seek(0)
    if start.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", "UTF-8 with BOM"
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not start.startswith(
        codecs.BOM_UTF32_LE
    ):
        return "utf-16", "UTF-16 with BOM"
    return "utf-8", "UTF-8"


def _excel_separator(line: str | None) -> str | None:
    """The delimiter a spreadsheet's ``sep=;`` first line names, if that is the line."""
    if line is None:
        return None
    text = line.strip().strip('"')
    if text.lower().startswith("sep=") and text[4:] in DELIMITERS:
        return text[4:]
    if text.lower() == "sep=":  # sep=<tab>: the tab was stripped as white space
        return "\t" if "\t" in line else None
    return None


def _read_header(line: str, delimiter: str | None) -> tuple[list[str], str]:
    """The header's names and the delimiter: the one that finds the wanted columns.

    A header holds no data, so looking at it is enough: of comma, semicolon
    and tab, the one that splits it into the most known columns wins (the
    most fields breaks a tie, so a wrong header is reported as split).
    """
    candidates = [delimiter] if delimiter is not None else list(DELIMITERS)
    best: tuple[int, int, list[str], str] | None = None
    for candidate in candidates:
        try:
            names = next(csv.reader([line], delimiter=candidate, strict=True), [])
        except csv.Error:
            continue
        known = len({_KEYS[key] for key in map(_column_key, names) if key in _KEYS})
        score = (known, len(names), names, candidate)
        if best is None or score[:2] > best[:2]:
            best = score
    if best is None:
        raise ImportFailedError([(1, "The header line is malformed CSV")], 1)
    return best[2], best[3]


def import_csv(
    store: HeroStore,
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
    is called between batches; returning False rolls back and raises
    OperationCancelledError. Use a store opened for the calling thread.
    """
    if store.read_only:
        raise ReadOnlyDatabaseError()
    if store.unfillable_columns:
        columns = ", ".join(store.unfillable_columns)
        raise CannotAddError(
            f"Heroes cannot be imported into this database: its hero table also requires "
            f"{columns}, which Hero Desktop does not know how to fill. Nothing was imported."
        )
    path = Path(path)
    layout = layout or inspect_csv(path)
    with _open_for_reading(path) as binary:
        size = max(os.fstat(binary.fileno()).st_size, 1)
        reader = _RowReader(binary, path.name, layout.encoding, layout.delimiter)
        batches = _batches(reader, layout, size, progress)
        return store.bulk_insert(batches, expected_rows=size // 24)


class _RowReader:
    """Rows of a CSV file with the line each starts on; problems are collected.

    The file is decoded as it is read, a line at a time: a million-row file
    is never held in memory.
    """

    def __init__(self, binary: BinaryIO, name: str, encoding: str, delimiter: str = ",") -> None:
        self.binary = binary
        self.name = name
        self.encoding = encoding
        self.problems: list[tuple[int, str]] = []
        self.total_problems = 0
        self.stopped = False
        self._text: io.TextIOWrapper | None = None
        self._reader = csv.reader(self.lines(), delimiter=delimiter, strict=True)

    def problem(self, line: int, reason: str) -> None:
        self.total_problems += 1
        if len(self.problems) < MAX_LISTED_PROBLEMS:
            self.problems.append((line, reason))

    def _not_text(self, line: int, detail: str) -> None:
        # Line 0: the reason is shown alone, it already says where.
        self.problem(
            0,
            f"{self.name} is not UTF-8 or UTF-16 text ({detail} at line {line}); "
            "save it as UTF-8 CSV and try again.",
        )
        self.stopped = True

    def lines(self) -> Generator[str, None, None]:
        if self.encoding == "utf-16":
            yield from self._utf16_lines()
            return
        encoding = self.encoding  # utf-8-sig drops the BOM, only at the start
        for number, raw in enumerate(self.binary, start=1):
            try:
                yield raw.decode(encoding)
            except UnicodeDecodeError as error:
                self._not_text(number, f"byte 0x{raw[error.start]:02X}")
                return
            encoding = "utf-8"

    def _utf16_lines(self) -> Generator[str, None, None]:
        # newline="": the csv module sees the line endings as written. The
        # wrapper decodes in chunks as it reads. It closes the file when it is
        # collected, so it lives as long as the reader: the progress report
        # still asks the file how far it got after the last line.
        text = self._text = io.TextIOWrapper(self.binary, encoding="utf-16", newline="")
        number = 0
        try:
            for line in text:
                number += 1
                yield line
        except UnicodeDecodeError:
            self._not_text(number + 1, "a broken UTF-16 character")

    def records(self) -> Iterator[tuple[int, list[str]]]:
        reader = self._reader
        while True:
            line = reader.line_num + 1
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                self.problem(line, f"The CSV is malformed ({error})")
                continue
            if record:
                yield line, record


def _column_positions(header: list[str], line: int) -> tuple[tuple[int, int, int], tuple[str, ...]]:
    """Where name, age and secret_name are, and the names of the columns to ignore."""
    columns = [_KEYS.get(_column_key(name)) for name in header]
    problems: list[str] = []
    missing = [column for column in CSV_COLUMNS if column not in columns]
    if missing:
        problems.append(f"The header has no {', '.join(missing)} column")
    duplicated = [c for c in CSV_COLUMNS if columns.count(c) > 1]
    if duplicated:
        problems.append(f"Column {', '.join(duplicated)} appears more than once")
    if problems:
        raise ImportFailedError(
            [
                (
                    line,
                    "; ".join(problems) + f". The first line must name the columns {_NAMES} "
                    "(as in name,age,secret_name or Name;Secret name;Age)",
                )
            ],
            1,
        )
    ignored = tuple(
        name.strip() or f"(no name, column {number})"
        for number, (name, column) in enumerate(zip(header, columns, strict=True), start=1)
        if column is None
    )
    positions = (columns.index("name"), columns.index("age"), columns.index("secret_name"))
    return positions, ignored


def _batches(
    reader: _RowReader, layout: CsvLayout, size: int, progress: Progress | None
) -> Iterator[list[NewHero]]:
    """The file's heroes, validated, in batches; raises (so nothing is kept) on any problem.

    ``progress`` hears of each batch after the store took it.
    """
    records = reader.records()
    for _ in range(layout.header_line):
        if next(records, None) is None:
            raise ImportFailedError(
                reader.problems or [(0, f"{reader.name} is empty.")],
                reader.total_problems or 1,
            )
    name_at, age_at, secret_at = layout.positions
    width = len(layout.header)
    batch: list[NewHero] = []
    inserted = 0
    for line, record in records:
        if len(record) != width:
            if not any(value.strip() for value in record):
                continue  # a spreadsheet's empty row: ";;;"
            reader.problem(line, f"Expected {width} values, found {len(record)}")
            continue
        try:
            row = (
                clean_name(record[name_at]),
                clean_age(record[age_at]),
                clean_secret_name(record[secret_at]),
            )
        except ValueError as error:
            if not any(value.strip() for value in record):
                continue  # a spreadsheet's empty row: ";;;"
            reader.problem(line, str(error))
            continue
        if reader.total_problems:
            continue  # nothing will be written: only look for more problems
        batch.append(row)
        if len(batch) >= BATCH_ROWS:
            yield batch
            inserted += len(batch)
            batch = []
            _report(progress, inserted, reader, size)
    if reader.total_problems:
        raise ImportFailedError(reader.problems, reader.total_problems)
    if batch:
        yield batch
    inserted += len(batch)
    _report(progress, inserted, reader, size)


def _report(progress: Progress | None, done: int, reader: _RowReader, size: int) -> None:
    if progress is None:
        return
    read = max(reader.binary.tell(), 1)
    estimate = max(done, done * size // read)
    if progress(done, estimate) is False:
        raise OperationCancelledError("Import cancelled; nothing was imported.")
