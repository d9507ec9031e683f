"""Cells as spreadsheets put them on the clipboard: tab-separated text and an HTML table.

A block of cells is a list of rows, each a list of strings (an empty string
is an empty cell). ``to_tsv`` writes what LibreOffice Calc, Excel and Google
Sheets read from ``text/plain``: fields separated by tabs, each line ended by
``\\n``, and a field holding a tab, a line break or a double quote enclosed in
double quotes with its quotes doubled. ``to_html`` writes the same block as a
``<table>`` for ``text/html``, every character escaped and a line break
inside a cell written as ``<br>``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

Block = Sequence[Sequence[str]]

_NEEDS_QUOTES = ("\t", "\n", "\r", '"')


def tsv_field(value: str) -> str:
    """One field as it goes between tabs: quoted if a spreadsheet would misread it bare."""
    if any(mark in value for mark in _NEEDS_QUOTES):
        return '"' + value.replace('"', '""') + '"'
    return value


def to_tsv(rows: Block) -> str:
    return "".join("\t".join(tsv_field(value) for value in row) + "\n" for row in rows)


def html_cell(value: str) -> str:
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<td>" + "<br>".join(html.escape(line) for line in lines) + "</td>"


def html_rows(rows: Block) -> str:
    """The ``<tr>`` lines of a block, for ``html_document``."""
    return "".join("<tr>" + "".join(html_cell(v) for v in row) + "</tr>\n" for row in rows)


# What surrounds the rows of a table as spreadsheets read it from ``text/html``.
HTML_HEAD = '<html><head><meta charset="utf-8"></head><body>\n<table>\n'
HTML_TAIL = "</table>\n</body></html>\n"


def html_document(body: str) -> str:
    """A table of ``html_rows``."""
    return HTML_HEAD + body + HTML_TAIL


def to_html(rows: Block) -> str:
    return html_document(html_rows(rows))
