"""Reading cells from the clipboard as spreadsheets put them there.

LibreOffice Calc, Excel and Google Sheets put a block of cells on the
clipboard as tab-separated text (``text/plain``) and as an HTML ``<table>``
(``text/html``). The text is preferred; the HTML is read when there is no
text. Either way the result is a rectangle of strings, row by row.

Tab-separated text as they write it: a field holding a tab, a newline or a
quote is quoted, with quotes doubled; lines end in ``\\n`` or ``\\r\\n``; the
last line ends in a newline that starts no row; a byte order mark may lead.

Nothing here validates a hero: the paste checks each value where it lands.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from html.parser import HTMLParser

Block = list[list[str]]

_SPACES = re.compile(r"\s+")


def from_tsv(text: str) -> Block:
    """The rows of tab-separated ``text``, as a rectangle (short rows padded with "")."""
    text = text.removeprefix("\ufeff")
    if not text:
        return []
    reader = csv.reader(io.StringIO(text, newline=""), dialect="excel-tab")
    return _rectangle([row if row else [""] for row in reader])


def from_html(html: str) -> Block:
    """The cells of the first ``<table>`` in ``html`` (entities read, ``<br>`` a newline)."""
    parser = _TableParser()
    parser.feed(html)
    parser.close()
    return _rectangle(parser.rows)


def read_block(plain: str | None, html: str | None) -> Block:
    """What the clipboard holds as cells: its text if it has any, else its HTML table."""
    if plain:
        return from_tsv(plain)
    if html:
        return from_html(html)
    return []


def header_fields(row: Sequence[str]) -> tuple[str | None, ...] | None:
    """The hero field each cell names, if ``row`` is a header; else None.

    A header names the name column and only known columns (name, age,
    secret name, in any case, with a space or an underscore); an ``id``
    column or an empty cell is allowed and maps to None (not written).
    """
    # Imported here: the window starts without the CSV modules.
    from hero_desktop.data.csv_reading import column_named

    fields = tuple(column_named(cell) for cell in row)
    named = [field for field in fields if field is not None]
    others = [
        cell for cell, field in zip(row, fields, strict=True)
        if field is None and cell.strip().lower() not in ("", "id")
    ]  # fmt: skip
    if "name" not in named or others or len(named) != len(set(named)):
        return None
    return fields


def _rectangle(rows: Block) -> Block:
    width = max((len(row) for row in rows), default=0)
    return [row + [""] * (width - len(row)) for row in rows]


class _TableParser(HTMLParser):
    """Rows and cells of the first table (text outside its cells, a ``<style>``, is left out)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: Block = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._depth = 0  # tables open (a table inside a cell is read as the cell's text)
        self._done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._done:
            return
        if tag == "table":
            self._depth += 1
        elif self._depth == 1 and tag == "tr":
            self._end_row()
            self._row = []
        elif self._depth == 1 and tag in ("td", "th"):
            self._end_cell()
            if self._row is None:
                self._row = []
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._done:
            return
        if tag == "table":
            self._depth -= 1
            if self._depth == 0:
                self._end_row()
                self._done = True
        elif self._depth == 1 and tag in ("td", "th"):
            self._end_cell()
        elif self._depth == 1 and tag == "tr":
            self._end_row()

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._done:
            self._cell.append(_SPACES.sub(" ", data))

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            lines = "".join(self._cell).split("\n")
            self._row.append("\n".join(line.strip() for line in lines))
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None:
            self.rows.append(self._row)
        self._row = None
