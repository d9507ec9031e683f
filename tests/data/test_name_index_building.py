"""Building the name structures: rebuilt when stale, in the background when big, and
added to another program's file only with consent (which otherwise stays byte for byte).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hero_desktop.data import maintenance
from hero_desktop.data.errors import OperationCancelledError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.name_index_state import NameIndexOffer, NameIndexStatus
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.sqlite import name_index
from hero_desktop.data.sqlite.database import open_database

from .conftest import AddHero
from .name_index_support import (
    EXAMPLES,
    ROSTER,
    add_index,
    insert_elsewhere,
    journal_mode,
    name_rows_agree,
    schema,
    searched,
    tutorial_file,
)
from .support import copy_fixture, file_bytes

# -- stale or damaged structures are rebuilt -------------------------------------


@pytest.mark.parametrize(
    "damage",
    [
        "DROP TRIGGER hero_desktop_pending_insert",
        "UPDATE hero_desktop_meta SET value = 'pyuca-uca-1.0.0/fold-0'",
        "DELETE FROM hero_desktop_name WHERE id = 1",
        "DROP TABLE hero_desktop_fts",
        "DROP INDEX hero_desktop_name_order; "
        "CREATE INDEX hero_desktop_name_order ON hero_desktop_name(sort_key, id)",
    ],
    ids=[
        "trigger dropped",
        "rule version changed",
        "name row lost",
        "fts dropped",
        "order index without the folds (an earlier layout)",
    ],
)
def test_missing_or_stale_structures_are_noticed_and_rebuilt(
    db_path: Path, repo: HeroRepository, add: AddHero, damage: str
) -> None:
    for name in ROSTER:
        add(name)
    repo.store.close()
    connection = sqlite3.connect(db_path)
    connection.executescript(damage)
    assert name_index.status(connection) is NameIndexStatus.REBUILD
    connection.close()

    reopened = open_database(db_path)
    try:
        assert reopened.names.status is NameIndexStatus.READY
        order = reopened.connection.execute("PRAGMA index_info(hero_desktop_name_order)")
        assert tuple(row[2] for row in order) == name_index.ORDER_COLUMNS
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
        assert maintenance.build_name_index(db_path) == len(ROSTER)
    finally:
        database.close()
    rebuilt = open_database(db_path)
    try:
        assert rebuilt.names_ready()
        name_rows_agree(rebuilt)
    finally:
        rebuilt.close()


def test_a_long_change_log_is_left_to_a_background_rebuild(
    repo: HeroRepository, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("hero_desktop.data.sqlite.store.SYNC_BUILD_ROWS", 3)
    insert_elsewhere(db_path, ROSTER)  # another program imports many heroes

    assert repo.poll_changes()

    assert repo.store.needs_name_index_build()
    assert sorted(searched(repo, "zoe")) == sorted(EXAMPLES["zoe"])  # by scanning meanwhile
    assert maintenance.build_name_index(db_path) == len(ROSTER)
    repo.poll_changes()
    assert repo.store.names_ready()
    name_rows_agree(repo.store)


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
    assert database.name_index_offer() is NameIndexOffer.FILE
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

    assert add_index(path, progress) == 15

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
        add_index(path, lambda done, total: False)

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
