"""The name structures in a file: kept in step with any program's writes, and equal to the rules.

The reference for search and order is plain Python over every row:
``fold(needle) in fold(name)`` and ``sorted(key=(sort_key(name), id))``.
How the structures are built, rebuilt, and added only with consent is
tested in test_name_index_building.py; the helpers are in name_index_support.py.
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
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import validate_update
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.rows import HeroRow
from hero_desktop.data.sqlite import search_pager
from hero_desktop.data.sqlite.database import open_database
from hero_desktop.data.sqlite.store import BUSY_TIMEOUT_MS, SqliteStore

from .conftest import AddHero
from .name_index_support import (
    EXAMPLES,
    ROSTER,
    insert_elsewhere,
    name_rows_agree,
    paged_ids,
    searched,
    tutorial_file,
)

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
    name_rows_agree(repo.store)
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
    name_rows_agree(repo.store)
    assert [h.name for h in repo.page(HeroQuery(sort=SortKey.NAME))] == ["Ægir", "Øystein", "Zed"]
    assert searched(repo, "aegir") == ["Ægir"]


def test_hero_desktops_own_writes_update_the_name_rows_in_the_same_transaction(
    repo: HeroRepository, add: AddHero
) -> None:
    zoe = add("Zoë")
    repo.update(zoe.id, validate_update({"name": "Müller"}))
    repo.delete(add("Straße").id)
    name_rows_agree(repo.store)
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


# -- export and import keep names exactly -------------------------------------------


def test_import_and_export_keep_names_byte_for_byte(
    database: SqliteStore, repo: HeroRepository, tmp_path: Path
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


def over_budget(pager: search_pager.SearchPager, *_: object) -> list[HeroRow]:
    """A read that runs past its budget (already spent here): the progress handler ends it."""
    pager._connection.execute(
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
    ).fetchone()
    raise AssertionError("the budget did not end the read")


def replace_roster(repo: HeroRepository, some: list[str]) -> list[tuple[int, str]]:
    """The file's heroes replaced by ``some``, as another program writes them; their rows."""
    assert isinstance(repo.store, SqliteStore)
    connection = sqlite3.connect(repo.store.path)
    connection.execute("DELETE FROM hero")
    connection.executemany(
        "INSERT INTO hero (name, secret_name) VALUES (?, 's')", [(n,) for n in some]
    )
    connection.commit()
    rows = connection.execute("SELECT id, name FROM hero").fetchall()
    connection.close()
    repo.poll_changes()
    return rows


@pytest.fixture(
    params=[
        "index",
        "index, walking",
        "index, smallest keys",
        "scan",
    ]
)
def any_repo(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[HeroRepository]:
    if request.param != "index":
        monkeypatch.setattr(search_pager, "FEW", 2)  # many matches: pages walk the order
    if request.param == "index, smallest keys":
        # The walk gives up: by name, pages read the matches' smallest keys.
        monkeypatch.setattr(search_pager, "WALK_BUDGET_S", -1.0)
        monkeypatch.setattr(search_pager, "TRIGRAM_WALK_S_PER_ID", -1.0)
        monkeypatch.setattr(search_pager.SearchPager, "_walk", over_budget)
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
    rows = replace_roster(any_repo, some)

    for search in (needle, ""):
        query = HeroQuery(search=search, sort=SortKey.NAME, descending=descending)
        expected = reference(rows, search, descending)
        assert any_repo.count(query) == len(expected)
        assert paged_ids(any_repo, query, len(expected), 3) == expected
        for rank, hero_id in enumerate(expected):
            assert any_repo.rank_of(hero_id, query) == rank
    by_id = HeroQuery(search=needle)
    assert [hero.id for hero in any_repo.iterate(by_id, batch=2)] == sorted(
        reference(rows, needle, False)
    )


@pytest.mark.parametrize("descending", [False, True])
def test_many_matches_page_by_page_in_name_order_by_every_path(
    any_repo: HeroRepository, descending: bool
) -> None:
    """Each path (sorted table, walk, member walk, smallest keys, scan) pages alike."""
    some = [f"{word} {n}" for n in range(12) for word in ("Zoë", "ZOE", "Zoey", "Ezoe", "Bo")]
    rows = replace_roster(any_repo, some)
    query = HeroQuery(search="zoe", sort=SortKey.NAME, descending=descending)
    expected = reference(rows, "zoe", descending)
    assert len(expected) == 48
    shown = [
        hero.id
        for offset in range(0, 56, 7)
        for hero in any_repo.page(query, offset=offset, limit=7)
    ]
    assert shown == expected
    assert any_repo.prepare_pages(query, 1.0)  # sorted now: any page is a range
    assert [hero.id for hero in any_repo.page(query, offset=21, limit=7)] == expected[21:28]


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
    name_rows_agree(repo.store)  # caught up once the lock was free


def test_a_scan_keeps_names_that_are_not_text_out_of_any_search(tmp_path: Path) -> None:
    """Another program may store bytes as a name (a BLOB keeps them, where a number
    becomes text); without the name index no search finds it, even one of marks
    alone, which folds to nothing and so finds every text."""
    database = open_database(tmp_path / "p.db", search_index=False)
    try:
        connection = sqlite3.connect(database.path)
        connection.executemany(
            "INSERT INTO hero (name, secret_name) VALUES (?, 's')",
            [("Zoë",), (b"42",), ("Bob",)],
        )
        connection.commit()
        connection.close()
        repo = HeroRepository(database)
        repo.poll_changes()
        for sort in (SortKey.ID, SortKey.NAME):
            marks = HeroQuery(search="\u0301", sort=sort)
            assert [hero.id for hero in repo.page(marks)] == (
                [1, 3] if sort is SortKey.ID else [3, 1]
            )
            assert repo.count(HeroQuery(search="42", sort=sort)) == 0
    finally:
        database.close()
