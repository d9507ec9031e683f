"""Reading a CSV file as spreadsheets and the tutorial's tables write it.

Commas, semicolons (spreadsheets in European locales) or tabs; UTF-8 with
or without a byte order mark, or UTF-16 with one (a spreadsheet's "Unicode
text"); header names matched ignoring case, spaces and underscores
("Secret name" is secret_name); other columns (an ``id``, a ``team_id``)
ignored. ``inspect_csv`` reads only the first line or two and says all of
that before an import starts, so the UI can ask first; ``RowReader`` then
reads the rows a line at a time, collecting problems with their lines.

Nothing here validates a hero or knows a database: ``csv_io`` does the
import and the export with what this module finds.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import os
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from hero_desktop.data.errors import ImportFailedError
from hero_desktop.data.words import Words, number


class CsvReadingWords(Words):
    """The translation context of what reading a CSV file says about it."""


CSV_COLUMNS = ("name", "age", "secret_name")
DELIMITERS = (",", ";", "\t")
MAX_LISTED_PROBLEMS = 100


@dataclass(frozen=True)
class CsvLayout:
    """How a CSV file is written, found from its first line(s) by ``inspect_csv``."""

    encoding: str
    """The Python codec that reads it: utf-8, utf-8-sig or utf-16."""
    delimiter: str
    header: tuple[str, ...]
    """The column names as the file writes them."""
    positions: tuple[int, int, int]
    """Where the name, age and secret_name values are in a row."""
    ignored: tuple[str, ...] = field(default=())
    """The columns that are not imported, as the file names them."""
    header_line: int = 1
    """The header's line number (2 after a spreadsheet's ``sep=;`` line)."""

    def ignored_sentence(self) -> str:
        """A sentence such as "The columns id, team_id will be ignored." ("" if none is)."""
        if not self.ignored:
            return ""
        return CsvReadingWords.tr(
            "The column(s) {columns} will be ignored.", "", len(self.ignored)
        ).format(columns=", ".join(self.ignored))


def _column_key(name: str) -> str:
    """The name as matched: "Secret name", "SECRET_NAME" and "secret name" are one."""
    return "".join(name.split()).replace("_", "").lower()


_KEYS = {_column_key(column): column for column in CSV_COLUMNS}


def column_named(name: str) -> str | None:
    """The hero field a header names ("Secret name" is secret_name), or None."""
    return _KEYS.get(_column_key(name))


def inspect_csv(path: str | os.PathLike[str]) -> CsvLayout:
    """Read the start of a CSV file: its encoding, delimiter and columns.

    Cheap at any size (it reads the first line or two). Raises
    ImportFailedError, naming the file, when the header cannot be used.
    """
    path = Path(path)
    with open_for_reading(path) as binary:
        encoding = _encoding(binary)
        reader = RowReader(binary, path.name, encoding)
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
        empty = CsvReadingWords.tr(
            "{file} is empty: it needs a header line naming the columns name, age and secret_name."
        )
        raise ImportFailedError([(0, empty.format(file=path.name))], 1)
    header, delimiter = _read_header(first, delimiter)
    positions, ignored = _column_positions(header, header_line)
    return CsvLayout(
        encoding=encoding,
        delimiter=delimiter,
        header=tuple(header),
        positions=positions,
        ignored=ignored,
        header_line=header_line,
    )


def open_for_reading(path: Path) -> BinaryIO:
    """The file opened for reading, or ImportFailedError saying why it cannot be."""
    try:
        return path.open("rb")
    except OSError as error:
        unreadable = CsvReadingWords.tr("{file} cannot be read: {reason}.")
        raise ImportFailedError(
            [(0, unreadable.format(file=path.name, reason=error.strerror))], 1
        ) from error


def _encoding(binary: BinaryIO) -> str:
    """The codec by the byte order mark; the file is left at its start."""
    start = binary.read(4)
    binary.seek(0)
    if start.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not start.startswith(
        codecs.BOM_UTF32_LE
    ):
        return "utf-16"
    return "utf-8"


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
        raise ImportFailedError([(1, CsvReadingWords.tr("The header line is malformed CSV"))], 1)
    return best[2], best[3]


class RowReader:
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
        self._text: io.TextIOWrapper | None = None
        self._reader = csv.reader(self.lines(), delimiter=delimiter, strict=True)

    def problem(self, line: int, reason: str) -> None:
        self.total_problems += 1
        if len(self.problems) < MAX_LISTED_PROBLEMS:
            self.problems.append((line, reason))

    def _not_text(self, reason: str) -> None:
        # Line 0: the reason is shown alone, it already says where.
        self.problem(0, reason)

    def lines(self) -> Generator[str, None, None]:
        if self.encoding == "utf-16":
            yield from self._utf16_lines()
            return
        encoding = self.encoding  # utf-8-sig drops the BOM, only at the start
        for line, raw in enumerate(self.binary, start=1):
            try:
                yield raw.decode(encoding)
            except UnicodeDecodeError as error:
                not_text = CsvReadingWords.tr(
                    "{file} is not UTF-8 or UTF-16 text (byte {byte} at line {line}); "
                    "save it as UTF-8 CSV and try again."
                )
                byte = f"0x{raw[error.start]:02X}"
                self._not_text(not_text.format(file=self.name, byte=byte, line=number(line)))
                return
            encoding = "utf-8"

    def _utf16_lines(self) -> Generator[str, None, None]:
        # newline="": the csv module sees the line endings as written. The
        # wrapper decodes in chunks as it reads. It closes the file when it is
        # collected, so it lives as long as the reader: the progress report
        # still asks the file how far it got after the last line.
        text = self._text = io.TextIOWrapper(self.binary, encoding="utf-16", newline="")
        read = 0
        try:
            for line in text:
                read += 1
                yield line
        except UnicodeDecodeError:
            not_text = CsvReadingWords.tr(
                "{file} is not UTF-8 or UTF-16 text (a broken UTF-16 character at line {line}); "
                "save it as UTF-8 CSV and try again."
            )
            self._not_text(not_text.format(file=self.name, line=number(read + 1)))

    def records(self) -> Iterator[tuple[int, list[str]]]:
        reader = self._reader
        while True:
            line = reader.line_num + 1
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                malformed = CsvReadingWords.tr("The CSV is malformed ({detail})")
                self.problem(line, malformed.format(detail=error))
                continue
            if record:
                yield line, record


def _column_positions(header: list[str], line: int) -> tuple[tuple[int, int, int], tuple[str, ...]]:
    """Where name, age and secret_name are, and the names of the columns to ignore."""
    columns = [_KEYS.get(_column_key(name)) for name in header]
    problems: list[str] = []
    missing = [column for column in CSV_COLUMNS if column not in columns]
    if missing:
        problems.append(
            CsvReadingWords.tr("The header has no {columns} column(s)", "", len(missing)).format(
                columns=", ".join(missing)
            )
        )
    duplicated = [c for c in CSV_COLUMNS if columns.count(c) > 1]
    if duplicated:
        problems.append(
            CsvReadingWords.tr(
                "Column {columns} appears more than once", "", len(duplicated)
            ).format(columns=", ".join(duplicated))
        )
    if problems:
        reason = CsvReadingWords.tr(
            "{problems}. The first line must name the columns name, age and secret_name "
            "(as in name,age,secret_name or Name;Secret name;Age)"
        )
        raise ImportFailedError([(line, reason.format(problems="; ".join(problems)))], 1)
    unnamed = CsvReadingWords.tr("(no name, column {number})")
    ignored = tuple(
        name.strip() or unnamed.format(number=number(position))
        for position, (name, column) in enumerate(zip(header, columns, strict=True), start=1)
        if column is None
    )
    positions = (columns.index("name"), columns.index("age"), columns.index("secret_name"))
    return positions, ignored
