"""The name structures in a file: kept in step with any program's writes, rebuilt when
stale, added to another program's file only with consent, and equal to the rules.

The reference for search and order is plain Python over every row:
``fold(needle) in fold(name)`` and ``sorted(key=(sort_key(name), id))``.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, create_engine, select
from tutorial_app import Hero as TutorialHero

from hero_desktop.data import names
from hero_desktop.data.csv_io import export_csv, import_csv
from hero_desktop.data.errors import OperationCancelledError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import validate_update
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.sqlite import name_index, search_pager
from hero_desktop.data.sqlite.database import Database, open_database
from hero_desktop.data.sqlite.index_builder import add_name_index
from hero_desktop.data.sqlite.name_index import NameIndexStatus
from hero_desktop.data.sqlite.store import BUSY_TIMEOUT_MS
from hero_desktop.data.store import HeroStore

from .conftest import AddHero
from .support import copy_fixture, file_bytes

EXAMPLES = {
    "zoe": ["Zoë", "ZOË", "zoe"],
    "zoë": ["Zoë", "ZOË", "zoe"],
    "muller": ["Müller"],
    "ANGS": ["Ångström"],
    "strasse": ["Straße"],
    "sen": ["Señora"],
    "lukasz": ["Łukasz"],
    "oystein": ["Øystein"],
    "Δημ": ["δημήτρης"],
}
ROSTER = ["Zoë", "ZOË", "zoe", "Müller", "Ångström", "Straße", "Señora", "Łukasz"]
ROSTER += ["Øystein", "δημήτρης", "Zed", "adam", "Aaron", "Ægir", "Bob"]


def insert_elsewhere(path: Path, names_: list[str]) -> None:
    """Insert as another program would (a plain sqlite3 connection)."""
    connection = sqlite3.connect(path)
    connection.executemany(
        "INSERT INTO hero (name, secret_name) VALUES (?, 's')", [(n,) for n in names_]
    )
    connection.commit()
    connection.close()


def tutorial_file(path: Path, names_: list[str]) -> Path:
    """A file as the tutorial's app makes it (no Hero Desktop structures, rollback journal)."""
    connection = sqlite3.connect(path)
    connection.execute(
        "CREATE TABLE hero (id INTEGER NOT NULL, name VARCHAR NOT NULL, age INTEGER, "
        "secret_name VARCHAR NOT NULL, PRIMARY KEY (id))"
    )
    connection.execute("CREATE INDEX ix_hero_name ON hero (name)")
    connection.executemany(
        "INSERT INTO hero (name, secret_name) VALUES (?, 's')", [(n,) for n in names_]
    )
    connection.commit()
    connection.close()
    return path


def searched(repo: HeroRepository, needle: str, sort: SortKey = SortKey.NAME) -> list[str]:
    return [hero.name for hero in repo.iterate(HeroQuery(search=needle, sort=sort))]


def schema(path: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT * FROM sqlite_schema ORDER BY name").fetchall()
    finally:
        connection.close()


def journal_mode(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        connection.close()


def name_rows_agree(database: HeroStore) -> None:
    """Every hero has its name row, computed by the rules, and the log is empty."""
    assert isinstance(database, Database)
    connection = database.connection
    heroes = connection.execute("SELECT id, name FROM hero ORDER BY id").fetchall()
    rows = connection.execute("SELECT id, fold, sort_key FROM hero_desktop_name ORDER BY id")
    assert rows.fetchall() == [(i, names.fold(n), names.sort_key(n)) for i, n in heroes]
    assert connection.execute("SELECT count(*) FROM hero_desktop_pending").fetchone()[0] == 0
    fts = name_index.FTS_TABLE
    connection.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")


# -- the examples, through the index and without it ---------------------------


@pytest.fixture(params=["index", "scan without consent"])
def example_repo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[HeroRepository]:
    path = tmp_path / "heroes.db"
    if request.param == "index":
        open_database(path).close()
        insert_elsewhere(path, ROSTER)
    else:
        tutorial_file(path, ROSTER)
    database = open_database(path)
    assert database.names_ready() is (request.param == "index")
    yield HeroRepository(database)
    database.close()


@pytest.mark.parametrize("needle", list(EXAMPLES))
def test_each_example_search_finds_its_heroes(example_repo: HeroRepository, needle: str) -> None:
    assert sorted(searched(example_repo, needle)) == sorted(EXAMPLES[needle])


def test_the_examples_sort_as_people_read_them(example_repo: HeroRepository) -> None:
    shown = [hero.name for hero in example_repo.iterate(HeroQuery(sort=SortKey.NAME))]
    assert shown == sorted(ROSTER, key=names.sort_key)
    assert shown[:5] == ["Aaron", "adam", "Ægir", "Ångström", "Bob"]
    assert shown[-1] == "δημήτρης"
    backwards = example_repo.iterate(HeroQuery(sort=SortKey.NAME, descending=True))
    assert [hero.name for hero in backwards] == shown[::-1]


# -- another program's writes --------------------------------------------------


def test_rows_another_program_writes_are_found_after_the_next_poll(
    repo: HeroRepository, db_path: Path
) -> None:
    insert_elsewhere(db_path, ["Zoë", "Straße"])
    other = sqlite3.connect(db_path)
    other.execute("UPDATE hero SET name = 'Łukasz' WHERE name = 'Straße'")
    other.execute("UPDATE hero SET id = 40 WHERE name = 'Zoë'")
    other.commit()
    pending = other.execute("SELECT id FROM hero_desktop_pending ORDER BY id").fetchall()
    other.close()
    assert pending == [(1,), (2,), (40,)]  # logged in the other program's own transaction

    assert repo.poll_changes()
    name_rows_agree(repo.database)
    assert searched(repo, "lukasz") == ["Łukasz"]
    assert [hero.id for hero in repo.page(HeroQuery(search="zoe"))] == [40]


def test_rows_the_tutorials_sqlmodel_app_writes_are_found_and_placed(
    repo: HeroRepository, add: AddHero, db_path: Path
) -> None:
    add("Zed")
    engine = create_engine(f"sqlite:///{db_path}")
    with Session(engine) as session:
        session.add(TutorialHero(name="adam", secret_name="a"))
        session.add(TutorialHero(name="Øystein", secret_name="o"))
        session.commit()
        hero = session.exec(select(TutorialHero).where(TutorialHero.name == "adam")).one()
        hero.name = "Ægir"
        session.add(hero)
        session.commit()
    engine.dispose()

    repo.poll_changes()
    name_rows_agree(repo.database)
    assert [h.name for h in repo.page(HeroQuery(sort=SortKey.NAME))] == ["Ægir", "Øystein", "Zed"]
    assert searched(repo, "aegir") == ["Ægir"]


def test_hero_desktops_own_writes_update_the_name_rows_in_the_same_transaction(
    repo: HeroRepository, add: AddHero
) -> None:
    zoe = add("Zoë")
    repo.update(zoe.id, validate_update({"name": "Müller"}))
    repo.delete(add("Straße").id)
    name_rows_agree(repo.database)
    assert searched(repo, "MULLER") == ["Müller"]


def test_a_read_only_file_with_logged_rows_scans_instead(db_path: Path) -> None:
    open_database(db_path).close()
    insert_elsewhere(db_path, ["Zoë"])
    database = open_database(db_path, read_only=True)
    try:
        assert not database.names_ready()
        assert searched(HeroRepository(database), "zoe") == ["Zoë"]
    finally:
        database.close()


# -- stale or damaged structures are rebuilt -------------------------------------


@pytest.mark.parametrize(
    "damage",
    [
        "DROP TRIGGER hero_desktop_pending_insert",
        "UPDATE hero_desktop_meta SET value = 'pyuca-uca-1.0.0/fold-0'",
        "DELETE FROM hero_desktop_name WHERE id = 1",
        "DROP TABLE hero_desktop_fts",
    ],
    ids=["trigger dropped", "rule version changed", "name row lost", "fts dropped"],
)
def test_missing_or_stale_structures_are_noticed_and_rebuilt(
    db_path: Path, repo: HeroRepository, add: AddHero, damage: str
) -> None:
    for name in ROSTER:
        add(name)
    repo.database.close()
    connection = sqlite3.connect(db_path)
    connection.execute(damage)
    connection.commit()
    assert name_index.status(connection) is NameIndexStatus.REBUILD
    connection.close()

    reopened = open_database(db_path)
    try:
        assert reopened.name_index is NameIndexStatus.READY
        name_rows_agree(reopened)
        assert searched(HeroRepository(reopened), "lukasz") == ["Łukasz"]
        triggers = {str(row[1]) for row in schema(db_path) if row[0] == "trigger"}
        assert triggers == set(name_index.TRIGGERS)
    finally:
        reopened.close()


def test_a_big_stale_file_is_left_for_the_background_build(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database(db_path).close()
    insert_elsewhere(db_path, ROSTER)
    connection = sqlite3.connect(db_path)
    connection.execute("DROP TRIGGER hero_desktop_pending_delete")
    connection.commit()
    connection.close()
    monkeypatch.setattr("hero_desktop.data.sqlite.store.SYNC_BUILD_ROWS", 3)

    database = open_database(db_path)
    try:
        assert database.needs_name_index_build()
        assert searched(HeroRepository(database), "zoe") == ["zoe", "Zoë", "ZOË"]
    finally:
        database.close()
    assert add_name_index(db_path) == len(ROSTER)
    rebuilt = open_database(db_path)
    try:
        assert rebuilt.names_ready()
        name_rows_agree(rebuilt)
    finally:
        rebuilt.close()


def test_a_file_from_an_older_hero_desktop_drops_hero_search_for_the_new_structures(
    db_path: Path,
) -> None:
    tutorial_file(db_path, ROSTER)
    connection = sqlite3.connect(db_path)
    connection.execute("CREATE VIRTUAL TABLE hero_search USING fts5(name, tokenize='trigram')")
    connection.execute("INSERT INTO hero_search(rowid, name) SELECT id, name FROM hero")
    connection.execute(
        "CREATE TRIGGER hero_search_insert AFTER INSERT ON hero BEGIN "
        "INSERT INTO hero_search(rowid, name) VALUES (new.id, new.name); END"
    )
    connection.commit()
    connection.close()

    database = open_database(db_path)
    try:
        assert database.names_ready()
        present = {str(row[1]) for row in schema(db_path)}
        assert not {n for n in present if n.startswith("hero_search")}
        name_rows_agree(database)
        assert journal_mode(db_path) == "wal"
    finally:
        database.close()


# -- consent -------------------------------------------------------------------------


def test_a_file_another_program_made_is_left_byte_for_byte_as_it_was(tmp_path: Path) -> None:
    path = tutorial_file(tmp_path / "tutorial.db", ROSTER)
    before, schema_before = file_bytes(path), schema(path)

    database = open_database(path)
    repo = HeroRepository(database)
    assert database.name_index_offer() == name_index.OFFER
    assert searched(repo, "zoe") == ["zoe", "Zoë", "ZOË"]
    assert [h.name for h in repo.page(HeroQuery(sort=SortKey.NAME))][:2] == ["Aaron", "adam"]
    database.close()

    assert file_bytes(path) == before
    assert schema(path) == schema_before
    assert journal_mode(path) == "delete"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tutorial.db"]


def test_the_tutorials_own_file_is_opened_without_changes(tmp_path: Path) -> None:
    path = copy_fixture("fastapi-tutorial001.db", tmp_path)
    before = file_bytes(path)
    database = open_database(path)
    assert [h.name for h in HeroRepository(database).page(HeroQuery(search="RUSTY"))] == [
        "Rusty-Man"
    ]
    database.close()
    assert file_bytes(path) == before


def test_with_consent_everything_is_added_and_the_tutorial_app_keeps_working(
    tmp_path: Path,
) -> None:
    path = tutorial_file(tmp_path / "tutorial.db", ROSTER)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    assert add_name_index(path, progress) == 15

    assert seen[-1] == (15, 15)
    assert journal_mode(path) == "wal"
    present = {str(row[1]) for row in schema(path)}
    assert {name_index.NAME_TABLE, name_index.FTS_TABLE, *name_index.TRIGGERS} <= present
    insert_elsewhere(path, ["Ümit"])  # the tutorial's app, after the change
    database = open_database(path)
    try:
        assert database.names_ready()
        assert searched(HeroRepository(database), "umit") == ["Ümit"]
        name_rows_agree(database)
    finally:
        database.close()


def test_cancelling_the_build_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tutorial_file(tmp_path / "tutorial.db", ROSTER)
    schema_before = schema(path)

    with pytest.raises(OperationCancelledError):
        add_name_index(path, lambda done, total: False)

    assert schema(path) == schema_before
    assert journal_mode(path) == "delete"


def test_allow_changes_adds_everything_when_opening(tmp_path: Path) -> None:
    path = tutorial_file(tmp_path / "tutorial.db", ROSTER)
    database = open_database(path, allow_changes=True)
    try:
        assert database.names_ready()
        assert database.name_index_offer() is None
        name_rows_agree(database)
    finally:
        database.close()


# -- export and import keep names exactly -------------------------------------------


def test_import_and_export_keep_names_byte_for_byte(
    database: Database, repo: HeroRepository, tmp_path: Path
) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        "name,age,secret_name\r\n" + "".join(f"{name},1,s\r\n" for name in ROSTER),
        encoding="utf-8",
        newline="",
    )
    import_csv(database, source)
    name_rows_agree(database)
    stored = [row[0] for row in database.connection.execute("SELECT name FROM hero ORDER BY id")]
    assert stored == ROSTER
    out = tmp_path / "out.csv"
    export_csv(repo, HeroQuery(), out)
    assert out.read_bytes() == source.read_bytes()
    export_csv(repo, HeroQuery(search="zoe", sort=SortKey.NAME), out)
    assert out.read_text(encoding="utf-8").splitlines()[1:] == ["zoe,1,s", "Zoë,1,s", "ZOË,1,s"]


# -- properties: the SQL paths equal the Python rules ----------------------------------

names_strategy = st.text(
    st.one_of(
        st.sampled_from("aAeEoOsSzZlLßẞÆæØøŁłĐđÅåÜüËëÑñ ΔδηήςσΣИиЙйЖж-'\u0301\u0308\u0327"),
        st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Zl", "Zp"]),
    ),
    min_size=1,
    max_size=10,
).filter(lambda text: text.strip() != "")


def reference(rows: list[tuple[int, str]], needle: str, descending: bool) -> list[int]:
    found = [(i, n) for i, n in rows if names.fold(needle.strip()) in names.fold(n)]
    ordered = sorted(found, key=lambda row: (names.sort_key(row[1]), row[0]))
    ids = [i for i, _ in ordered]
    return ids[::-1] if descending else ids


@pytest.fixture(params=["index", "index, walking", "scan"])
def any_repo(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[HeroRepository]:
    if request.param == "index, walking":
        monkeypatch.setattr(search_pager, "FEW", 2)  # many matches: pages walk the order
    database = open_database(tmp_path / "p.db", search_index=request.param != "scan")
    yield HeroRepository(database)
    database.close()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    some=st.lists(names_strategy, min_size=1, max_size=12),
    needle=st.one_of(names_strategy, st.sampled_from(["a", "zo", "ss", "Δη", "ø"])),
    descending=st.booleans(),
)
def test_search_and_name_order_equal_the_python_rules(
    any_repo: HeroRepository, some: list[str], needle: str, descending: bool
) -> None:
    assert isinstance(any_repo.store, Database)
    connection = sqlite3.connect(any_repo.store.path)
    connection.execute("DELETE FROM hero")
    connection.executemany(
        "INSERT INTO hero (name, secret_name) VALUES (?, 's')", [(n,) for n in some]
    )
    connection.commit()
    rows = connection.execute("SELECT id, name FROM hero").fetchall()
    connection.close()
    any_repo.poll_changes()

    for search in (needle, ""):
        query = HeroQuery(search=search, sort=SortKey.NAME, descending=descending)
        expected = reference(rows, search, descending)
        assert any_repo.count(query) == len(expected)
        shown = [
            hero.id
            for offset in range(0, len(expected) + 3, 3)
            for hero in any_repo.page(query, offset=offset, limit=3)
        ]
        assert shown == expected
        for rank, hero_id in enumerate(expected):
            assert any_repo.rank_of(hero_id, query) == rank
    by_id = HeroQuery(search=needle)
    assert [hero.id for hero in any_repo.iterate(by_id, batch=2)] == sorted(
        reference(rows, needle, False)
    )


def test_a_search_while_another_program_holds_the_write_lock_scans_instead_of_waiting(
    repo: HeroRepository, db_path: Path
) -> None:
    insert_elsewhere(db_path, ["Zoë"])
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # e.g. the tutorial's app in the middle of a write
    try:
        started = time.perf_counter()
        assert repo.poll_changes()
        assert searched(repo, "zoe") == ["Zoë"]
        waited = time.perf_counter() - started
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert waited < BUSY_TIMEOUT_MS / 1000 / 2  # it did not wait for the lock
    assert searched(repo, "ZOË") == ["Zoë"]
    name_rows_agree(repo.database)  # caught up once the lock was free


def test_a_long_change_log_is_left_to_a_background_rebuild(
    repo: HeroRepository, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("hero_desktop.data.sqlite.store.SYNC_BUILD_ROWS", 3)
    insert_elsewhere(db_path, ROSTER)  # another program imports many heroes

    assert repo.poll_changes()

    assert repo.database.needs_name_index_build()
    assert sorted(searched(repo, "zoe")) == sorted(EXAMPLES["zoe"])  # by scanning meanwhile
    assert add_name_index(db_path) == len(ROSTER)
    repo.poll_changes()
    assert repo.database.names_ready()
    name_rows_agree(repo.database)
