"""CSV files as spreadsheets write them: delimiters, encodings, headers, ignored columns.

What ``inspect_csv`` finds in a file's first lines, and what an import of
such a file then stores (the database and repository fixtures are
conftest.py's; the helpers are in csv_support.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hero_desktop.data.csv_io import import_csv
from hero_desktop.data.csv_reading import inspect_csv
from hero_desktop.data.errors import ImportFailedError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.sqlite.store import SqliteStore

from .csv_support import SPREADSHEET_ROWS, add_hero, rows, write


def test_columns_may_come_in_any_order(database: SqliteStore, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", "secret_name,Name,age\nDive Wilson,Deadpond,30\n")

    import_csv(database, source)

    assert rows(database) == [(1, "Deadpond", 30, "Dive Wilson")]


def test_a_byte_order_mark_is_ignored(database: SqliteStore, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", "name,age,secret_name\nÜnal,5,Straße\n", "utf-8-sig")

    import_csv(database, source)

    assert rows(database) == [(1, "Ünal", 5, "Straße")]


def test_a_file_that_is_neither_utf8_nor_utf16_is_refused_naming_it_the_byte_and_the_line(
    database: SqliteStore, tmp_path: Path
) -> None:
    source = write(tmp_path / "in.csv", "name;age;secret_name\nA;1;B\nJäger;5;C\n", "latin-1")

    with pytest.raises(ImportFailedError) as refused:
        import_csv(database, source)

    assert refused.value.problems == [
        (
            0,
            "in.csv is not UTF-8 or UTF-16 text (byte 0xE4 at line 3); "
            "save it as UTF-8 CSV and try again.",
        )
    ]
    assert refused.value.message == (
        "Nothing was imported: the file has 1 problem.\n"
        "in.csv is not UTF-8 or UTF-16 text (byte 0xE4 at line 3); "
        "save it as UTF-8 CSV and try again."
    )
    assert rows(database) == []


def test_a_header_that_is_not_utf8_is_refused_by_inspect(tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", "name;âge;secret_name\n", "latin-1")

    with pytest.raises(ImportFailedError) as refused:
        inspect_csv(source)

    assert refused.value.problems == [
        (
            0,
            "in.csv is not UTF-8 or UTF-16 text (byte 0xE2 at line 1); "
            "save it as UTF-8 CSV and try again.",
        )
    ]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("name,age\n", "The header has no secret_name column"),
        ("name,age,secret\n", "The header has no secret_name column"),
        ("name,name,age,secret_name\n", "Column name appears more than once"),
        ("name;Name;age;secret_name\n", "Column name appears more than once"),
        ("Deadpond,1,Dive Wilson\n", "The header has no name, age, secret_name column"),
    ],
)
def test_a_wrong_header_is_refused(
    database: SqliteStore, tmp_path: Path, header: str, expected: str
) -> None:
    source = write(tmp_path / "in.csv", header + "Deadpond,1,Dive Wilson\n")

    with pytest.raises(ImportFailedError) as refused:
        import_csv(database, source)

    [(line, reason)] = refused.value.problems
    assert line == 1
    assert reason.startswith(expected)
    assert rows(database) == []


def test_an_empty_file_is_refused(database: SqliteStore, tmp_path: Path) -> None:
    with pytest.raises(ImportFailedError, match=r"in\.csv is empty"):
        import_csv(database, write(tmp_path / "in.csv", ""))


def test_a_semicolon_separated_file_is_imported(database: SqliteStore, tmp_path: Path) -> None:
    source = write(
        tmp_path / "in.csv",
        "name;age;secret_name\r\nDeadpond;;Dive Wilson\r\nRusty-Man;48;Tommy Sharp\r\n",
    )

    import_csv(database, source)

    assert rows(database) == SPREADSHEET_ROWS


def test_a_tab_separated_file_is_imported(database: SqliteStore, tmp_path: Path) -> None:
    source = write(
        tmp_path / "in.csv",
        "name\tage\tsecret_name\nDeadpond\t\tDive Wilson\nRusty-Man\t48\tTommy Sharp\n",
    )

    import_csv(database, source)

    assert rows(database) == SPREADSHEET_ROWS


def test_commas_inside_a_semicolon_file_stay_in_their_value(
    database: SqliteStore, tmp_path: Path
) -> None:
    source = write(tmp_path / "in.csv", "Name;Age;Secret name\nMan, Iron;45;Stark, Tony\n")

    import_csv(database, source)

    assert rows(database) == [(1, "Man, Iron", 45, "Stark, Tony")]


def test_headers_as_the_window_shows_them_are_accepted(
    database: SqliteStore, tmp_path: Path
) -> None:
    source = write(
        tmp_path / "in.csv",
        "Name,Secret name,Age\nDeadpond,Dive Wilson,\nRusty-Man,Tommy Sharp,48\n",
    )

    import_csv(database, source)

    assert rows(database) == SPREADSHEET_ROWS


def test_header_names_ignore_case_spaces_and_underscores(tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", " NAME ;Secret_Name;a g e\n")

    layout = inspect_csv(source)

    assert layout.positions == (0, 2, 1)
    assert layout.ignored == ()
    assert layout.ignored_sentence() == ""


def test_inspect_names_the_id_and_other_unknown_columns_that_will_be_ignored(
    tmp_path: Path,
) -> None:
    source = write(tmp_path / "in.csv", "id;name;age;secret_name;team_id\n7;Deadpond;;Dive;1\n")

    layout = inspect_csv(source)

    assert layout.ignored == ("id", "team_id")
    assert layout.ignored_sentence() == "The columns id, team_id will be ignored."


def test_one_ignored_column_is_named_in_the_singular(tmp_path: Path) -> None:
    layout = inspect_csv(write(tmp_path / "in.csv", "Name;Secret name;Age;id\n"))

    assert layout.ignored_sentence() == "The column id will be ignored."


def test_a_column_without_a_name_is_named_by_its_position(tmp_path: Path) -> None:
    layout = inspect_csv(write(tmp_path / "in.csv", "name;age;secret_name;\n"))

    assert layout.ignored_sentence() == "The column (no name, column 4) will be ignored."


def test_ignored_columns_are_not_imported_and_heroes_get_new_ids(
    database: SqliteStore, repo: HeroRepository, tmp_path: Path
) -> None:
    add_hero(repo, "Existing", 1, "E")
    source = write(
        tmp_path / "in.csv",
        "id,name,age,secret_name,team_id\n1,Deadpond,,Dive Wilson,2\n9,Rusty-Man,48,Tommy Sharp,\n",
    )

    result = import_csv(database, source)

    assert result.imported == 2
    assert rows(database) == [
        (1, "Existing", 1, "E"),
        (2, "Deadpond", None, "Dive Wilson"),
        (3, "Rusty-Man", 48, "Tommy Sharp"),
    ]


def test_inspect_reports_a_semicolon_utf8_file(tmp_path: Path) -> None:
    layout = inspect_csv(write(tmp_path / "in.csv", "Name;Secret name;Age;id\n"))

    assert (layout.encoding, layout.delimiter) == ("utf-8", ";")
    assert layout.header == ("Name", "Secret name", "Age", "id")
    assert layout.positions == (0, 2, 1)


def test_inspect_reports_a_byte_order_mark(tmp_path: Path) -> None:
    layout = inspect_csv(write(tmp_path / "in.csv", "name,age,secret_name\n", "utf-8-sig"))

    assert layout.encoding == "utf-8-sig"
    assert layout.header == ("name", "age", "secret_name")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_spreadsheets_unicode_text_is_imported(
    database: SqliteStore, tmp_path: Path, encoding: str
) -> None:
    """Unicode text: UTF-16 with a byte order mark, tab-separated, CRLF line ends."""
    text = "Name\tSecret name\tAge\r\nDeadpond\tDive Wilson\t\r\nRusty-Man\tTommy Sharp\t48\r\n"
    source = tmp_path / "in.txt"
    source.write_bytes("\ufeff".encode(encoding) + text.encode(encoding))

    layout = inspect_csv(source)
    import_csv(database, source, layout=layout)

    assert (layout.encoding, layout.delimiter) == ("utf-16", "\t")
    assert rows(database) == SPREADSHEET_ROWS


def test_utf16_text_keeps_letters_outside_latin1(database: SqliteStore, tmp_path: Path) -> None:
    text = "name\tage\tsecret_name\r\nŁódź 🦸\t3\t東京\r\n"
    source = tmp_path / "in.txt"
    source.write_bytes(text.encode("utf-16"))  # with its byte order mark

    import_csv(database, source)

    assert rows(database) == [(1, "Łódź 🦸", 3, "東京")]


def test_a_spreadsheets_sep_line_names_the_delimiter(database: SqliteStore, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", "sep=;\nname;age;secret_name\nDeadpond;;Dive Wilson\n")

    layout = inspect_csv(source)
    import_csv(database, source)

    assert (layout.delimiter, layout.header_line) == (";", 2)
    assert rows(database) == [(1, "Deadpond", None, "Dive Wilson")]


def test_a_spreadsheets_empty_rows_are_skipped(database: SqliteStore, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", "name;age;secret_name\nDeadpond;;Dive Wilson\n;;\n ; ;\n\n")

    result = import_csv(database, source)

    assert result.imported == 1
    assert rows(database) == [(1, "Deadpond", None, "Dive Wilson")]


def test_bad_rows_of_a_semicolon_file_are_refused_by_line_and_nothing_is_written(
    database: SqliteStore, tmp_path: Path
) -> None:
    source = write(
        tmp_path / "in.csv", "Name;Secret name;Age;id\nGood;S;1;1\nBad age;S;old;2\n;S;3;3\n"
    )

    with pytest.raises(ImportFailedError) as refused:
        import_csv(database, source)

    assert refused.value.problems == [(3, "Age must be a whole number"), (4, "Name is required")]
    assert rows(database) == []
