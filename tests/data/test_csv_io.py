"""CSV import and export: what lands in the database, and what is refused."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from hero_desktop.data.csv_io import export_csv, import_csv, inspect_csv
from hero_desktop.data.errors import (
    CannotAddError,
    ImportFailedError,
    OperationCancelledError,
    ReadOnlyDatabaseError,
)
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import HeroCreate
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.sqlite.database import Database, open_database


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    opened = open_database(tmp_path / "heroes.db")
    yield opened
    opened.close()


@pytest.fixture
def repository(database: Database) -> HeroRepository:
    return HeroRepository(database)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def rows(database: Database) -> list[tuple[object, ...]]:
    return database.connection.execute(
        "SELECT id, name, age, secret_name FROM hero ORDER BY id"
    ).fetchall()


def add(repository: HeroRepository, name: str, age: int | None, secret: str) -> None:
    repository.create(HeroCreate(name=name, age=age, secret_name=secret))


def test_a_good_file_is_imported_exactly(database: Database, tmp_path: Path) -> None:
    source = write(
        tmp_path / "in.csv",
        "name,age,secret_name\nDeadpond,,Dive Wilson\n  Zoë  ,48,Tommy Sharp\n",
    )

    result = import_csv(database, source)

    assert result.imported == 2
    assert (result.first_id, result.last_id) == (1, 2)
    assert rows(database) == [(1, "Deadpond", None, "Dive Wilson"), (2, "Zoë", 48, "Tommy Sharp")]


def test_columns_may_come_in_any_order(database: Database, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", "secret_name,Name,age\nDive Wilson,Deadpond,30\n")

    import_csv(database, source)

    assert rows(database) == [(1, "Deadpond", 30, "Dive Wilson")]


def test_imported_heroes_follow_the_existing_ones(
    database: Database, repository: HeroRepository, tmp_path: Path
) -> None:
    add(repository, "Rusty-Man", 48, "Tommy Sharp")
    source = write(tmp_path / "in.csv", "name,age,secret_name\nDeadpond,,Dive Wilson\n")

    result = import_csv(database, source)

    assert result.first_id == 2
    assert [row[1] for row in rows(database)] == ["Rusty-Man", "Deadpond"]


def test_names_are_cleaned_by_the_same_rules_as_the_dialog(
    database: Database, tmp_path: Path
) -> None:
    decomposed = "Zoe\u0308"  # e + combining diaeresis; stored as NFC "Zoë"
    source = write(tmp_path / "in.csv", f"name,age,secret_name\n{decomposed},7, S \n")

    import_csv(database, source)

    assert rows(database) == [(1, "Zoë", 7, "S")]


def test_quoted_fields_keep_commas_and_quotes(database: Database, tmp_path: Path) -> None:
    source = write(
        tmp_path / "in.csv",
        'name,age,secret_name\n"Smith, Jr.",1,"The ""Boss"""\n',
    )

    import_csv(database, source)

    assert rows(database) == [(1, "Smith, Jr.", 1, 'The "Boss"')]


def test_a_line_break_inside_a_quoted_name_is_refused_at_its_line(
    database: Database, tmp_path: Path
) -> None:
    source = write(
        tmp_path / "in.csv",
        'name,age,secret_name\nA,1,B\n"Two\nlines",2,C\nD,3,E\n',
    )

    with pytest.raises(ImportFailedError) as refused:
        import_csv(database, source)

    assert refused.value.problems == [
        (3, "Name must not contain control characters or line breaks")
    ]
    assert rows(database) == []


def test_a_byte_order_mark_is_ignored(database: Database, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", "name,age,secret_name\nÜnal,5,Straße\n", "utf-8-sig")

    import_csv(database, source)

    assert rows(database) == [(1, "Ünal", 5, "Straße")]


def test_a_file_that_is_neither_utf8_nor_utf16_is_refused_naming_it_the_byte_and_the_line(
    database: Database, tmp_path: Path
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


def test_bad_rows_are_listed_by_line_and_nothing_is_written(
    database: Database, repository: HeroRepository, tmp_path: Path
) -> None:
    add(repository, "Rusty-Man", 48, "Tommy Sharp")
    before = rows(database)
    source = write(
        tmp_path / "in.csv",
        "name,age,secret_name\nGood,1,S\n,2,S\nBad age,old,S\nOld,10001,S\nShort,1\n",
    )

    with pytest.raises(ImportFailedError) as refused:
        import_csv(database, source)

    assert refused.value.problems == [
        (3, "Name is required"),
        (4, "Age must be a whole number"),
        (5, "Age must be between 0 and 10000"),
        (6, "Expected 3 values, found 2"),
    ]
    assert refused.value.total_problems == 4
    assert rows(database) == before


def test_only_the_first_100_problems_are_listed_but_all_are_counted(
    database: Database, tmp_path: Path
) -> None:
    bad_lines = "".join(f"Hero {i},-1,S\n" for i in range(250))
    source = write(tmp_path / "in.csv", "name,age,secret_name\nGood,1,S\n" + bad_lines)

    with pytest.raises(ImportFailedError) as refused:
        import_csv(database, source)

    assert len(refused.value.problems) == 100
    assert refused.value.problems[0][0] == 3
    assert refused.value.total_problems == 250
    assert rows(database) == []


def test_a_problem_after_many_good_rows_still_writes_nothing(
    database: Database, tmp_path: Path
) -> None:
    good = "".join(f"Hero {i},{i % 100},S\n" for i in range(25_000))
    source = write(tmp_path / "in.csv", "name,age,secret_name\n" + good + "Late,x,S\n")

    with pytest.raises(ImportFailedError) as refused:
        import_csv(database, source)

    assert refused.value.problems == [(25_002, "Age must be a whole number")]
    assert rows(database) == []


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
    database: Database, tmp_path: Path, header: str, expected: str
) -> None:
    source = write(tmp_path / "in.csv", header + "Deadpond,1,Dive Wilson\n")

    with pytest.raises(ImportFailedError) as refused:
        import_csv(database, source)

    [(line, reason)] = refused.value.problems
    assert line == 1
    assert reason.startswith(expected)
    assert rows(database) == []


def test_an_empty_file_is_refused(database: Database, tmp_path: Path) -> None:
    with pytest.raises(ImportFailedError, match=r"in\.csv is empty"):
        import_csv(database, write(tmp_path / "in.csv", ""))


# -- files from spreadsheets ------------------------------------------------------

SPREADSHEET_ROWS = [(1, "Deadpond", None, "Dive Wilson"), (2, "Rusty-Man", 48, "Tommy Sharp")]


def test_a_semicolon_separated_file_is_imported(database: Database, tmp_path: Path) -> None:
    source = write(
        tmp_path / "in.csv",
        "name;age;secret_name\r\nDeadpond;;Dive Wilson\r\nRusty-Man;48;Tommy Sharp\r\n",
    )

    import_csv(database, source)

    assert rows(database) == SPREADSHEET_ROWS


def test_a_tab_separated_file_is_imported(database: Database, tmp_path: Path) -> None:
    source = write(
        tmp_path / "in.csv",
        "name\tage\tsecret_name\nDeadpond\t\tDive Wilson\nRusty-Man\t48\tTommy Sharp\n",
    )

    import_csv(database, source)

    assert rows(database) == SPREADSHEET_ROWS


def test_commas_inside_a_semicolon_file_stay_in_their_value(
    database: Database, tmp_path: Path
) -> None:
    source = write(tmp_path / "in.csv", "Name;Age;Secret name\nMan, Iron;45;Stark, Tony\n")

    import_csv(database, source)

    assert rows(database) == [(1, "Man, Iron", 45, "Stark, Tony")]


def test_headers_as_the_window_shows_them_are_accepted(database: Database, tmp_path: Path) -> None:
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
    database: Database, repository: HeroRepository, tmp_path: Path
) -> None:
    add(repository, "Existing", 1, "E")
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

    assert (layout.encoding_name, layout.delimiter, layout.delimiter_name) == (
        "UTF-8",
        ";",
        "semicolons",
    )
    assert layout.header == ("Name", "Secret name", "Age", "id")
    assert layout.positions == (0, 2, 1)


def test_inspect_reports_a_byte_order_mark(tmp_path: Path) -> None:
    layout = inspect_csv(write(tmp_path / "in.csv", "name,age,secret_name\n", "utf-8-sig"))

    assert layout.encoding_name == "UTF-8 with BOM"
    assert layout.header == ("name", "age", "secret_name")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_spreadsheets_unicode_text_is_imported(
    database: Database, tmp_path: Path, encoding: str
) -> None:
    """Unicode text: UTF-16 with a byte order mark, tab-separated, CRLF line ends."""
    text = "Name\tSecret name\tAge\r\nDeadpond\tDive Wilson\t\r\nRusty-Man\tTommy Sharp\t48\r\n"
    source = tmp_path / "in.txt"
    source.write_bytes("\ufeff".encode(encoding) + text.encode(encoding))

    layout = inspect_csv(source)
    import_csv(database, source, layout=layout)

    assert (layout.encoding_name, layout.delimiter) == ("UTF-16 with BOM", "\t")
    assert rows(database) == SPREADSHEET_ROWS


def test_utf16_text_keeps_letters_outside_latin1(database: Database, tmp_path: Path) -> None:
    text = "name\tage\tsecret_name\r\nŁódź 🦸\t3\t東京\r\n"
    source = tmp_path / "in.txt"
    source.write_bytes(text.encode("utf-16"))  # with its byte order mark

    import_csv(database, source)

    assert rows(database) == [(1, "Łódź 🦸", 3, "東京")]


def test_a_spreadsheets_sep_line_names_the_delimiter(database: Database, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", "sep=;\nname;age;secret_name\nDeadpond;;Dive Wilson\n")

    layout = inspect_csv(source)
    import_csv(database, source)

    assert (layout.delimiter, layout.header_line) == (";", 2)
    assert rows(database) == [(1, "Deadpond", None, "Dive Wilson")]


def test_a_spreadsheets_empty_rows_are_skipped(database: Database, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", "name;age;secret_name\nDeadpond;;Dive Wilson\n;;\n ; ;\n\n")

    result = import_csv(database, source)

    assert result.imported == 1
    assert rows(database) == [(1, "Deadpond", None, "Dive Wilson")]


def test_bad_rows_of_a_semicolon_file_are_refused_by_line_and_nothing_is_written(
    database: Database, tmp_path: Path
) -> None:
    source = write(
        tmp_path / "in.csv", "Name;Secret name;Age;id\nGood;S;1;1\nBad age;S;old;2\n;S;3;3\n"
    )

    with pytest.raises(ImportFailedError) as refused:
        import_csv(database, source)

    assert refused.value.problems == [(3, "Age must be a whole number"), (4, "Name is required")]
    assert rows(database) == []


def test_a_cancelled_import_leaves_the_database_as_it_was(
    database: Database, repository: HeroRepository, tmp_path: Path
) -> None:
    add(repository, "Rusty-Man", 48, "Tommy Sharp")
    before = rows(database)
    schema_before = database.connection.execute("SELECT * FROM sqlite_schema").fetchall()
    lines = "".join(f"Hero {i},{i % 100},S\n" for i in range(30_000))
    source = write(tmp_path / "in.csv", "name,age,secret_name\n" + lines)
    calls: list[tuple[int, int]] = []

    def cancel_after_first_batch(done: int, total: int) -> bool:
        calls.append((done, total))
        return False

    with pytest.raises(OperationCancelledError):
        import_csv(database, source, cancel_after_first_batch)

    assert len(calls) == 1
    assert rows(database) == before
    assert database.connection.execute("SELECT * FROM sqlite_schema").fetchall() == schema_before


@pytest.mark.parametrize(("delimiter", "encoding"), [(",", "utf-8"), ("\t", "utf-16")])
def test_progress_reaches_the_number_of_rows(
    database: Database, tmp_path: Path, delimiter: str, encoding: str
) -> None:
    lines = "".join(f"Hero {i}{delimiter}{i % 100}{delimiter}S\n" for i in range(25_000))
    header = delimiter.join(("name", "age", "secret_name")) + "\n"
    source = write(tmp_path / "in.csv", header + lines, encoding)
    calls: list[tuple[int, int]] = []

    def record(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    import_csv(database, source, record)

    assert calls[-1] == (25_000, 25_000)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_imported_heroes_are_found_by_search(
    database: Database, repository: HeroRepository, tmp_path: Path
) -> None:
    lines = "".join(f"Filler {i},1,S\n" for i in range(50)) + "Straße Kid,2,S\nGRÜNER,3,S\n"
    import_csv(database, write(tmp_path / "in.csv", "name,age,secret_name\n" + lines))

    assert [h.name for h in repository.page(HeroQuery(search="STRASSE"))] == ["Straße Kid"]
    assert [h.name for h in repository.page(HeroQuery(search="grüner"))] == ["GRÜNER"]
    assert repository.count(HeroQuery(search="filler")) == 50


def test_the_search_index_keeps_working_after_an_import(
    database: Database, repository: HeroRepository, tmp_path: Path
) -> None:
    import_csv(database, write(tmp_path / "in.csv", "name,age,secret_name\nAlpha,1,S\n"))

    add(repository, "Gammaray", 2, "S")
    database.connection.execute("UPDATE hero SET name = 'Betamax' WHERE name = 'Alpha'")

    assert [h.name for h in repository.page(HeroQuery(search="betamax"))] == ["Betamax"]
    assert [h.name for h in repository.page(HeroQuery(search="gammaray"))] == ["Gammaray"]
    assert repository.count(HeroQuery(search="alpha")) == 0


def test_a_read_only_database_refuses_an_import(tmp_path: Path) -> None:
    open_database(tmp_path / "heroes.db").close()
    database = open_database(tmp_path / "heroes.db", read_only=True)
    source = write(tmp_path / "in.csv", "name,age,secret_name\nDeadpond,1,Dive Wilson\n")
    try:
        with pytest.raises(ReadOnlyDatabaseError):
            import_csv(database, source)
    finally:
        database.close()


def test_a_table_with_columns_the_app_cannot_fill_refuses_an_import(tmp_path: Path) -> None:
    # As the SQLModel tutorial's "update with extra data" chapter makes it.
    setup = sqlite3.connect(tmp_path / "hashed.db")
    setup.execute(
        "CREATE TABLE hero (id INTEGER NOT NULL, name VARCHAR NOT NULL, age INTEGER, "
        "secret_name VARCHAR NOT NULL, hashed_password VARCHAR NOT NULL, PRIMARY KEY (id))"
    )
    setup.execute("INSERT INTO hero VALUES (1, 'Deadpond', NULL, 'Dive Wilson', 'x')")
    setup.commit()
    setup.close()
    database = open_database(tmp_path / "hashed.db")
    source = write(tmp_path / "in.csv", "name,age,secret_name\nRusty-Man,1,Tommy Sharp\n")
    try:
        with pytest.raises(CannotAddError, match="hashed_password"):
            import_csv(database, source)
        assert rows(database) == [(1, "Deadpond", None, "Dive Wilson")]
    finally:
        database.close()


# -- export ------------------------------------------------------------------


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_export_writes_a_header_and_every_hero(repository: HeroRepository, tmp_path: Path) -> None:
    add(repository, "Deadpond", None, "Dive Wilson")
    add(repository, "Smith, Jr.", 30, 'The "Boss"')

    written = export_csv(repository, HeroQuery(), tmp_path / "out.csv")

    assert written == 2
    assert read_csv(tmp_path / "out.csv") == [
        ["name", "age", "secret_name"],
        ["Deadpond", "", "Dive Wilson"],
        ["Smith, Jr.", "30", 'The "Boss"'],
    ]


def test_export_honours_the_search_and_the_sort(repository: HeroRepository, tmp_path: Path) -> None:
    for name, age in [("Spider-Boy", 15), ("Iron Man", 40), ("Spider-Girl", 14), ("Spidey", None)]:
        add(repository, name, age, "S")
    query = HeroQuery(sort=SortKey.AGE, descending=True, search="SPID")

    export_csv(repository, query, tmp_path / "out.csv")

    names = [row[0] for row in read_csv(tmp_path / "out.csv")[1:]]
    assert names == ["Spider-Boy", "Spider-Girl", "Spidey"]


def test_export_order_matches_the_table_under_every_sort(
    repository: HeroRepository, tmp_path: Path
) -> None:
    for i in range(2_500):
        add(repository, f"Hero {i % 37}", None if i % 9 == 0 else i % 50, f"S{i}")
    for sort in SortKey:
        for descending in (False, True):
            query = HeroQuery(sort=sort, descending=descending)
            export_csv(repository, query, tmp_path / "out.csv")

            exported = [row[2] for row in read_csv(tmp_path / "out.csv")[1:]]
            assert exported == [hero.secret_name for hero in repository.iterate(query)]


def test_export_then_import_gives_the_same_heroes(
    repository: HeroRepository, tmp_path: Path
) -> None:
    heroes = [("Zoë", 1, 'Ünal, "the" Straße'), ("Deadpond", None, "Dive Wilson")]
    for name, age, secret in heroes:
        add(repository, name, age, secret)
    export_csv(repository, HeroQuery(), tmp_path / "out.csv")
    fresh = open_database(tmp_path / "fresh.db")
    try:
        import_csv(fresh, tmp_path / "out.csv")

        assert [row[1:] for row in rows(fresh)] == heroes
    finally:
        fresh.close()


def test_export_to_an_open_text_file(repository: HeroRepository, tmp_path: Path) -> None:
    add(repository, "Deadpond", 30, "Dive Wilson")

    with (tmp_path / "out.csv").open("w", encoding="utf-8", newline="") as handle:
        export_csv(repository, None, handle)

    assert read_csv(tmp_path / "out.csv")[1] == ["Deadpond", "30", "Dive Wilson"]


def test_a_cancelled_export_leaves_no_file(repository: HeroRepository, tmp_path: Path) -> None:
    for i in range(2_500):
        add(repository, f"Hero {i}", i % 100, "S")

    with pytest.raises(OperationCancelledError):
        export_csv(repository, HeroQuery(), tmp_path / "out.csv", lambda done, total: False)

    assert list(tmp_path.glob("*.csv*")) == []


def test_a_cancelled_export_keeps_the_file_it_would_have_replaced(
    repository: HeroRepository, tmp_path: Path
) -> None:
    add(repository, "Deadpond", 30, "Dive Wilson")
    target = write(tmp_path / "out.csv", "old contents\n")

    with pytest.raises(OperationCancelledError):
        export_csv(repository, HeroQuery(), target, lambda done, total: False)

    assert target.read_text(encoding="utf-8") == "old contents\n"
    assert sorted(p.name for p in tmp_path.iterdir() if "csv" in p.name) == ["out.csv"]


def test_an_export_does_not_hold_the_database_open(
    database: Database, repository: HeroRepository, tmp_path: Path
) -> None:
    add(repository, "Deadpond", 30, "Dive Wilson")
    with pytest.raises(OperationCancelledError):
        export_csv(repository, HeroQuery(), tmp_path / "out.csv", lambda done, total: False)

    assert not database.connection.in_transaction
    other = sqlite3.connect(database.path, timeout=0)
    try:
        busy, _, _ = other.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        other.close()
    assert busy == 0
