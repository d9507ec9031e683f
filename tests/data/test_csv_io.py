"""CSV import and export: what lands in the database, and what is refused.

How files from spreadsheets are read (delimiters, encodings, headers) is
tested in test_csv_reading.py; the helpers are in csv_support.py.

Why one file of this length: import and export are the two directions of one file format
and check each other (an export imported again gives the same heroes).
"""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from hero_desktop.data.csv_io import export_csv, import_csv
from hero_desktop.data.errors import (
    CannotAddError,
    ImportFailedError,
    OperationCancelledError,
    ReadOnlyDatabaseError,
)
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.sqlite.database import open_database
from hero_desktop.data.sqlite.store import SqliteStore

from .csv_support import add_hero, rows, write


def test_a_good_file_is_imported_exactly(database: SqliteStore, tmp_path: Path) -> None:
    source = write(
        tmp_path / "in.csv",
        "name,age,secret_name\nDeadpond,,Dive Wilson\n  Zoë  ,48,Tommy Sharp\n",
    )

    result = import_csv(database, source)

    assert result.imported == 2
    assert (result.first_id, result.last_id) == (1, 2)
    assert rows(database) == [(1, "Deadpond", None, "Dive Wilson"), (2, "Zoë", 48, "Tommy Sharp")]


def test_imported_heroes_follow_the_existing_ones(
    database: SqliteStore, repo: HeroRepository, tmp_path: Path
) -> None:
    add_hero(repo, "Rusty-Man", 48, "Tommy Sharp")
    source = write(tmp_path / "in.csv", "name,age,secret_name\nDeadpond,,Dive Wilson\n")

    result = import_csv(database, source)

    assert result.first_id == 2
    assert [row[1] for row in rows(database)] == ["Rusty-Man", "Deadpond"]


def test_names_are_cleaned_by_the_same_rules_as_the_dialog(
    database: SqliteStore, tmp_path: Path
) -> None:
    decomposed = "Zoe\u0308"  # e + combining diaeresis; stored as NFC "Zoë"
    source = write(tmp_path / "in.csv", f"name,age,secret_name\n{decomposed},7, S \n")

    import_csv(database, source)

    assert rows(database) == [(1, "Zoë", 7, "S")]


def test_quoted_fields_keep_commas_and_quotes(database: SqliteStore, tmp_path: Path) -> None:
    source = write(
        tmp_path / "in.csv",
        'name,age,secret_name\n"Smith, Jr.",1,"The ""Boss"""\n',
    )

    import_csv(database, source)

    assert rows(database) == [(1, "Smith, Jr.", 1, 'The "Boss"')]


def test_a_line_break_inside_a_quoted_name_is_refused_at_its_line(
    database: SqliteStore, tmp_path: Path
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


def test_bad_rows_are_listed_by_line_and_nothing_is_written(
    database: SqliteStore, repo: HeroRepository, tmp_path: Path
) -> None:
    add_hero(repo, "Rusty-Man", 48, "Tommy Sharp")
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
    database: SqliteStore, tmp_path: Path
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
    database: SqliteStore, tmp_path: Path
) -> None:
    good = "".join(f"Hero {i},{i % 100},S\n" for i in range(25_000))
    source = write(tmp_path / "in.csv", "name,age,secret_name\n" + good + "Late,x,S\n")

    with pytest.raises(ImportFailedError) as refused:
        import_csv(database, source)

    assert refused.value.problems == [(25_002, "Age must be a whole number")]
    assert rows(database) == []


def test_a_cancelled_import_leaves_the_database_as_it_was(
    database: SqliteStore, repo: HeroRepository, tmp_path: Path
) -> None:
    add_hero(repo, "Rusty-Man", 48, "Tommy Sharp")
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
    database: SqliteStore, tmp_path: Path, delimiter: str, encoding: str
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
    database: SqliteStore, repo: HeroRepository, tmp_path: Path
) -> None:
    lines = "".join(f"Filler {i},1,S\n" for i in range(50)) + "Straße Kid,2,S\nGRÜNER,3,S\n"
    import_csv(database, write(tmp_path / "in.csv", "name,age,secret_name\n" + lines))

    assert [h.name for h in repo.page(HeroQuery(search="STRASSE"))] == ["Straße Kid"]
    assert [h.name for h in repo.page(HeroQuery(search="grüner"))] == ["GRÜNER"]
    assert repo.count(HeroQuery(search="filler")) == 50


def test_the_search_index_keeps_working_after_an_import(
    database: SqliteStore, repo: HeroRepository, tmp_path: Path
) -> None:
    import_csv(database, write(tmp_path / "in.csv", "name,age,secret_name\nAlpha,1,S\n"))

    add_hero(repo, "Gammaray", 2, "S")
    database.connection.execute("UPDATE hero SET name = 'Betamax' WHERE name = 'Alpha'")

    assert [h.name for h in repo.page(HeroQuery(search="betamax"))] == ["Betamax"]
    assert [h.name for h in repo.page(HeroQuery(search="gammaray"))] == ["Gammaray"]
    assert repo.count(HeroQuery(search="alpha")) == 0


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


def test_export_writes_a_header_and_every_hero(repo: HeroRepository, tmp_path: Path) -> None:
    add_hero(repo, "Deadpond", None, "Dive Wilson")
    add_hero(repo, "Smith, Jr.", 30, 'The "Boss"')

    written = export_csv(repo, HeroQuery(), tmp_path / "out.csv")

    assert written == 2
    assert read_csv(tmp_path / "out.csv") == [
        ["name", "age", "secret_name"],
        ["Deadpond", "", "Dive Wilson"],
        ["Smith, Jr.", "30", 'The "Boss"'],
    ]


def test_export_honours_the_search_and_the_sort(repo: HeroRepository, tmp_path: Path) -> None:
    for name, age in [("Spider-Boy", 15), ("Iron Man", 40), ("Spider-Girl", 14), ("Spidey", None)]:
        add_hero(repo, name, age, "S")
    query = HeroQuery(sort=SortKey.AGE, descending=True, search="SPID")

    export_csv(repo, query, tmp_path / "out.csv")

    names = [row[0] for row in read_csv(tmp_path / "out.csv")[1:]]
    assert names == ["Spider-Boy", "Spider-Girl", "Spidey"]


def test_export_order_matches_the_table_under_every_sort(
    repo: HeroRepository, tmp_path: Path
) -> None:
    for i in range(2_500):
        add_hero(repo, f"Hero {i % 37}", None if i % 9 == 0 else i % 50, f"S{i}")
    for sort in SortKey:
        for descending in (False, True):
            query = HeroQuery(sort=sort, descending=descending)
            export_csv(repo, query, tmp_path / "out.csv")

            exported = [row[2] for row in read_csv(tmp_path / "out.csv")[1:]]
            assert exported == [hero.secret_name for hero in repo.iterate(query)]


def test_export_then_import_gives_the_same_heroes(repo: HeroRepository, tmp_path: Path) -> None:
    heroes = [("Zoë", 1, 'Ünal, "the" Straße'), ("Deadpond", None, "Dive Wilson")]
    for name, age, secret in heroes:
        add_hero(repo, name, age, secret)
    export_csv(repo, HeroQuery(), tmp_path / "out.csv")
    fresh = open_database(tmp_path / "fresh.db")
    try:
        import_csv(fresh, tmp_path / "out.csv")

        assert [row[1:] for row in rows(fresh)] == heroes
    finally:
        fresh.close()


def test_export_to_an_open_text_file(repo: HeroRepository, tmp_path: Path) -> None:
    add_hero(repo, "Deadpond", 30, "Dive Wilson")

    with (tmp_path / "out.csv").open("w", encoding="utf-8", newline="") as handle:
        export_csv(repo, None, handle)

    assert read_csv(tmp_path / "out.csv")[1] == ["Deadpond", "30", "Dive Wilson"]


def test_a_cancelled_export_leaves_no_file(repo: HeroRepository, tmp_path: Path) -> None:
    for i in range(2_500):
        add_hero(repo, f"Hero {i}", i % 100, "S")

    with pytest.raises(OperationCancelledError):
        export_csv(repo, HeroQuery(), tmp_path / "out.csv", lambda done, total: False)

    assert list(tmp_path.glob("*.csv*")) == []


def test_a_cancelled_export_keeps_the_file_it_would_have_replaced(
    repo: HeroRepository, tmp_path: Path
) -> None:
    add_hero(repo, "Deadpond", 30, "Dive Wilson")
    target = write(tmp_path / "out.csv", "old contents\n")

    with pytest.raises(OperationCancelledError):
        export_csv(repo, HeroQuery(), target, lambda done, total: False)

    assert target.read_text(encoding="utf-8") == "old contents\n"
    assert sorted(p.name for p in tmp_path.iterdir() if "csv" in p.name) == ["out.csv"]


def test_an_export_does_not_hold_the_database_open(
    database: SqliteStore, repo: HeroRepository, tmp_path: Path
) -> None:
    add_hero(repo, "Deadpond", 30, "Dive Wilson")
    with pytest.raises(OperationCancelledError):
        export_csv(repo, HeroQuery(), tmp_path / "out.csv", lambda done, total: False)

    assert not database.connection.in_transaction
    other = sqlite3.connect(database.path, timeout=0)
    try:
        busy, _, _ = other.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        other.close()
    assert busy == 0
