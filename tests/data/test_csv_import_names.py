"""A big CSV import into a file with the name index: its names keyed as it goes.

The import keys the names in hand instead of logging every id and reading
the names back; afterwards the file must hold exactly what the rules give,
with every structure in place, and a failure must leave it as it was. The
row check it uses (``clean_row``) must say exactly what the three field rules
say. "Big" is made small here (``BULK_PENDING``) so that a few rows show it.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from hero_desktop.data import maintenance
from hero_desktop.data.csv_io import import_csv
from hero_desktop.data.errors import ImportFailedError, OperationCancelledError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import clean_age, clean_name, clean_row, clean_secret_name
from hero_desktop.data.name_index_state import NameIndexStatus
from hero_desktop.data.sqlite import name_index
from hero_desktop.data.sqlite.store import SqliteStore

from .csv_support import add_hero, rows, write
from .name_index_support import ROSTER, name_rows_agree, searched


@pytest.fixture(autouse=True)
def small_bulk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(name_index, "BULK_PENDING", 10)


def roster_csv(tmp_path: Path, count: int = 90, last_line: str = "") -> Path:
    lines = "".join(f"{ROSTER[i % len(ROSTER)]} {i},{i % 100},S {i}\n" for i in range(count))
    return write(tmp_path / "in.csv", "name,age,secret_name\n" + lines + last_line)


def schema(database: SqliteStore) -> list[tuple[object, ...]]:
    query = "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name"
    return database.connection.execute(query).fetchall()  # rootpage moves


def test_a_big_import_keys_every_name_by_the_rules_and_keeps_the_index_whole(
    database: SqliteStore, repo: HeroRepository, tmp_path: Path
) -> None:
    add_hero(repo, "Rusty-Man", 48, "Tommy Sharp")
    before = schema(database)

    result = import_csv(database, roster_csv(tmp_path))

    assert (result.imported, result.first_id, result.last_id) == (90, 2, 91)
    name_rows_agree(database)
    # The trigger and the order index are back; the pairs index of a file the
    # import more than doubles is added again in the background.
    pairs = name_index.PAIRS_TABLE
    assert schema(database) == [row for row in before if not str(row[2]).startswith(pairs)]
    assert name_index.status(database.connection) is NameIndexStatus.READY
    assert database.needs_name_index_build()
    assert maintenance.build_name_index(database.path, finish_only=True) == 91
    database.recheck_name_index()
    assert schema(database) == before
    name_rows_agree(database)
    assert searched(repo, "muller")[:2] == ["Müller 18", "Müller 3"]  # by name
    add_hero(repo, "Müller late", 1, "s")  # the insert trigger logs again
    name_rows_agree(database)


@pytest.mark.parametrize("before", [None, 2 * 1024 * 1024])
def test_a_big_import_leaves_the_fts_memory_setting_as_it_was(
    database: SqliteStore, tmp_path: Path, before: int | None
) -> None:
    table = name_index.FTS_TABLE
    if before is not None:  # as another program may have set it
        database.connection.execute(
            f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', ?)", (before,)
        )

    import_csv(database, roster_csv(tmp_path))

    # The rebuild holds more new index in memory, for its own transaction only.
    config = f"SELECT v FROM {table}_config WHERE k = 'hashsize'"
    kept = before or name_index.DEFAULT_HASH_BYTES
    assert database.connection.execute(config).fetchall() == [(kept,)]


def test_a_big_import_that_replaces_every_hero_keys_the_reused_ids_anew(
    database: SqliteStore, repo: HeroRepository
) -> None:
    for number in range(30):
        add_hero(repo, f"Old {number}", number, "s")

    database.bulk_insert([[("Zoë", 1, "s"), ("Straße", 2, "s")] * 20], 40, replace=True)

    name_rows_agree(database)
    assert searched(repo, "old") == []


def test_ids_out_of_sequence_still_give_every_hero_its_name_row(
    database: SqliteStore, repo: HeroRepository, tmp_path: Path
) -> None:
    # Past the largest rowid SQLite picks free ids at random.
    database.connection.execute(
        "INSERT INTO hero (id, name, age, secret_name) VALUES (?, 'Last', 1, 's')", (2**63 - 1,)
    )

    import_csv(database, roster_csv(tmp_path))

    assert len(rows(database)) == 91
    name_rows_agree(database)
    assert name_index.has_pairs(database.connection)  # built with the rest
    assert not database.needs_name_index_build()


@pytest.mark.parametrize("failure", ["bad row", "cancel"])
def test_a_failed_big_import_leaves_the_names_and_the_schema_as_they_were(
    database: SqliteStore, repo: HeroRepository, tmp_path: Path, failure: str
) -> None:
    add_hero(repo, "Rusty-Man", 48, "Tommy Sharp")
    before, schema_before = rows(database), schema(database)
    source = roster_csv(tmp_path, 25_000, "Late,x,S\n" if failure == "bad row" else "")

    with pytest.raises(ImportFailedError if failure == "bad row" else OperationCancelledError):
        import_csv(database, source, lambda done, total: failure == "bad row")

    assert rows(database) == before
    assert schema(database) == schema_before
    name_rows_agree(database)


TEXTS = ["Bob", " Bob", "Bob ", "", "   ", "a\tb", "Zoë", "Zoe\u0308", "x" * 255, "x" * 256]
TEXTS += ["\x7f", "A\u2028B", "~!@#", "Ærø 'q'", "\u00a0Bob", "Bob\u200d", "Δ" * 256, " Zoë"]
AGES = ["", " 5", "5", "0005", "0", "-3", "10000", "10001", "1_000", "١٢", "99999999", "+5"]
AGES += ["5.0", " "]


def outcome(check: object) -> object:
    assert callable(check)
    try:
        return check()
    except ValueError as error:
        return str(error)


@pytest.mark.parametrize(("name", "secret"), list(itertools.product(TEXTS, ["S", *TEXTS[1:6]])))
def test_a_row_is_checked_exactly_as_its_three_fields_are(name: str, secret: str) -> None:
    for age in AGES:
        one_by_one = outcome(
            lambda age=age: (clean_name(name), clean_age(age), clean_secret_name(secret))
        )
        row = outcome(lambda age=age: clean_row(name, age, secret))
        assert row == one_by_one, (name, age, secret)
