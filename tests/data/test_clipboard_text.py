"""Cells written for the clipboard as spreadsheets read them: TSV and an HTML table."""

from __future__ import annotations

import csv
import io

from clipboard_cells import html_cells

from hero_desktop.data.clipboard_text import to_html, to_tsv

BLOCK = [
    ["Deadpond", "", "Dive Wilson"],
    ["Tab\there", 'say "hi"', "two\nlines"],
    ["<b>&amp;</b>", "48", ""],
]


def test_plain_fields_are_separated_by_tabs_and_lines_end_with_a_newline() -> None:
    assert to_tsv([["a", "b"], ["", "c"]]) == "a\tb\n\tc\n"


def test_a_field_with_a_tab_newline_or_quote_is_quoted_with_doubled_quotes() -> None:
    assert to_tsv([['say "hi"', "x\ty", "two\nlines"]]) == '"say ""hi"""\t"x\ty"\t"two\nlines"\n'


def test_tsv_reads_back_as_a_spreadsheet_reads_it() -> None:
    assert list(csv.reader(io.StringIO(to_tsv(BLOCK)), dialect="excel-tab")) == BLOCK


def test_html_is_a_table_of_the_same_cells_escaped() -> None:
    text = to_html(BLOCK)

    assert "<b>" not in text
    assert html_cells(text) == BLOCK
