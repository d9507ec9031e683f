"""Reading the clipboard as LibreOffice Calc, Excel and Google Sheets write it."""

from __future__ import annotations

import pytest

from hero_desktop.data.clipboard_reading import from_html, from_tsv, header_fields, read_block


def test_tab_separated_rows_become_cells() -> None:
    assert from_tsv("Deadpond\t30\tDive Wilson\nRusty-Man\t48\tTommy Sharp\n") == [
        ["Deadpond", "30", "Dive Wilson"],
        ["Rusty-Man", "48", "Tommy Sharp"],
    ]


def test_the_trailing_newline_starts_no_row() -> None:
    assert from_tsv("Deadpond\n") == [["Deadpond"]]
    assert from_tsv("Deadpond\r\n") == [["Deadpond"]]


def test_windows_line_ends_as_excel_writes_them() -> None:
    assert from_tsv("a\t1\r\nb\t2\r\n") == [["a", "1"], ["b", "2"]]


def test_a_byte_order_mark_is_not_part_of_the_first_cell() -> None:
    assert from_tsv("\ufeffname\tage\r\nDeadpond\t30\r\n") == [["name", "age"], ["Deadpond", "30"]]


def test_quoted_fields_hold_newlines_tabs_and_doubled_quotes() -> None:
    text = '"Dive\nWilson"\t"a\tb"\t"The ""Merc"""\n"x\r\ny"\tz\n'
    assert from_tsv(text) == [["Dive\nWilson", "a\tb", 'The "Merc"'], ["x\r\ny", "z", ""]]


def test_empty_cells_and_short_rows_make_a_rectangle() -> None:
    assert from_tsv("a\t\tc\nd\n") == [["a", "", "c"], ["d", "", ""]]
    assert from_tsv("a\n\nb\n") == [["a"], [""], ["b"]]


def test_nothing_copied_is_no_cells() -> None:
    assert from_tsv("") == []
    assert from_tsv("\ufeff") == []


GOOGLE_SHEETS_HTML = (
    '<meta charset="utf-8"><google-sheets-html-origin><style type="text/css">'
    "td {border: 1px solid #cccccc;}</style>"
    '<table xmlns="http://www.w3.org/1999/xhtml" cellspacing="0" cellpadding="0" dir="ltr">'
    '<colgroup><col width="100"/><col width="100"/></colgroup><tbody>'
    '<tr style="height:21px;"><td style="overflow:hidden;">Tom &amp; Jerry</td>'
    '<td style="text-align:right;">30</td></tr>'
    '<tr style="height:21px;"><td>Dive<br/>Wilson</td><td></td></tr></tbody></table>'
)

EXCEL_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<style>
<!--table {mso-displayed-decimal-separator:"\\.";}
td {padding-top:1px;}
-->
</style></head>
<body link="#0563C1" vlink="#954F72">
<table border=0 cellpadding=0 cellspacing=0 width=128 style='border-collapse:collapse'>
<!--StartFragment-->
 <tr height=20 style='height:15.0pt'>
  <td height=20 width=64 style='height:15.0pt;width:48pt'>Rusty&nbsp;Man</td>
  <td align=right width=64 style='width:48pt'>48</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 style='height:15.0pt'>&lt;Spider&gt;
  Boy</td>
  <td align=right>7</td>
 </tr>
<!--EndFragment-->
</table>
</body>
</html>"""


def test_google_sheets_html_cells_with_entities_and_line_breaks() -> None:
    assert from_html(GOOGLE_SHEETS_HTML) == [["Tom & Jerry", "30"], ["Dive\nWilson", ""]]


def test_excel_html_without_its_style_source_line_breaks_or_no_break_spaces() -> None:
    assert from_html(EXCEL_HTML) == [["Rusty Man", "48"], ["<Spider> Boy", "7"]]


def test_text_is_preferred_to_html_and_html_read_when_there_is_no_text() -> None:
    assert read_block("a\tb\n", GOOGLE_SHEETS_HTML) == [["a", "b"]]
    assert read_block("", GOOGLE_SHEETS_HTML)[0] == ["Tom & Jerry", "30"]
    assert read_block(None, None) == []


@pytest.mark.parametrize(
    ("row", "fields"),
    [
        (["name", "secret name", "age"], ("name", "secret_name", "age")),
        (["Secret_Name", "NAME"], ("secret_name", "name")),
        (["ID", "Name", "Age", "Secret name"], (None, "name", "age", "secret_name")),
    ],
)
def test_a_first_row_naming_the_columns_is_a_header(
    row: list[str], fields: tuple[str | None, ...]
) -> None:
    assert header_fields(row) == fields


@pytest.mark.parametrize(
    "row",
    [["Deadpond", "Dive Wilson"], ["age", "secret name"], ["name", "team"], ["name", "Name"]],
)
def test_a_row_of_values_is_not_a_header(row: list[str]) -> None:
    assert header_fields(row) is None
