"""The repository: the tutorial's endpoints (create, read, list, patch, delete) plus restore.

Every change is committed at once; a partial update writes only the changed
field; an unknown id is "Hero not found"; a hero changed elsewhere since it
was shown is never overwritten blindly.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hero_desktop.data.errors import ConflictError, HeroIdTakenError, HeroNotFoundError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import HeroRow, validate_create, validate_update
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.sqlite.database import open_database

from .conftest import AddHero
from .support import raw_rows


def test_create_gives_the_hero_an_id_and_commits_at_once(add: AddHero, db_path: Path) -> None:
    hero = add("Deadpond", secret_name="Dive Wilson")
    assert hero == HeroRow(1, "Deadpond", None, "Dive Wilson")
    assert raw_rows(db_path) == [(1, "Deadpond", None, "Dive Wilson")]


def test_get_returns_the_hero(add: AddHero, repo: HeroRepository) -> None:
    add("Deadpond")
    rusty = add("Rusty-Man", age=48, secret_name="Tommy Sharp")
    assert repo.get(rusty.id) == HeroRow(rusty.id, "Rusty-Man", 48, "Tommy Sharp")


@pytest.mark.parametrize("hero_id", [0, -1, 999, 2**63, 2**80])
def test_get_of_an_unknown_id_is_hero_not_found(repo: HeroRepository, hero_id: int) -> None:
    with pytest.raises(HeroNotFoundError, match=r"^Hero not found$"):
        repo.get(hero_id)


def test_update_writes_only_the_changed_field(
    add: AddHero, repo: HeroRepository, db_path: Path
) -> None:
    hero = add("Deadpond", age=30, secret_name="Dive Wilson")
    # Another program renames the hero; our age edit must not write the old name back.
    other = sqlite3.connect(db_path)
    other.execute("UPDATE hero SET name = 'Deadpool' WHERE id = ?", (hero.id,))
    other.commit()
    other.close()
    updated = repo.update(hero.id, validate_update({"age": 31}))
    assert updated == HeroRow(hero.id, "Deadpool", 31, "Dive Wilson")
    assert raw_rows(db_path) == [(hero.id, "Deadpool", 31, "Dive Wilson")]


def test_update_can_clear_the_age(add: AddHero, repo: HeroRepository, db_path: Path) -> None:
    hero = add("Deadpond", age=30)
    repo.update(hero.id, validate_update({"age": ""}))
    assert raw_rows(db_path) == [(hero.id, "Deadpond", None, "Secret")]


def test_update_of_an_unknown_id_is_hero_not_found(add: AddHero, repo: HeroRepository) -> None:
    add("Deadpond")
    with pytest.raises(HeroNotFoundError, match=r"^Hero not found$"):
        repo.update(42, validate_update({"name": "Nobody"}))


def test_update_with_expected_values_that_differ_is_a_conflict_and_writes_nothing(
    add: AddHero, repo: HeroRepository, db_path: Path
) -> None:
    hero = add("Deadpond", age=30)
    other = sqlite3.connect(db_path)
    other.execute("UPDATE hero SET age = 99 WHERE id = ?", (hero.id,))
    other.commit()
    other.close()
    with pytest.raises(ConflictError) as conflict:
        repo.update(hero.id, validate_update({"age": 31}), expected={"age": 30})
    assert conflict.value.current == HeroRow(hero.id, "Deadpond", 99, "Secret")
    assert raw_rows(db_path) == [(hero.id, "Deadpond", 99, "Secret")]


def test_update_with_expected_values_that_match_is_written(
    add: AddHero, repo: HeroRepository, db_path: Path
) -> None:
    hero = add("Deadpond", age=30)
    repo.update(hero.id, validate_update({"age": 31}), expected={"age": 30})
    assert raw_rows(db_path) == [(hero.id, "Deadpond", 31, "Secret")]


def test_delete_removes_the_hero_and_returns_it(
    add: AddHero, repo: HeroRepository, db_path: Path
) -> None:
    keep = add("Deadpond")
    gone = add("Spider-Boy", secret_name="Pedro Parqueador")
    assert repo.delete(gone.id) == gone
    assert raw_rows(db_path) == [tuple(keep)]


def test_delete_of_an_unknown_id_is_hero_not_found(add: AddHero, repo: HeroRepository) -> None:
    add("Deadpond")
    with pytest.raises(HeroNotFoundError, match=r"^Hero not found$"):
        repo.delete(7)


def test_delete_of_a_hero_deleted_elsewhere_is_hero_not_found(
    add: AddHero, repo: HeroRepository, db_path: Path
) -> None:
    hero = add("Deadpond")
    other = sqlite3.connect(db_path)
    other.execute("DELETE FROM hero")
    other.commit()
    other.close()
    with pytest.raises(HeroNotFoundError):
        repo.delete(hero.id)


def test_delete_with_an_expected_hero_that_changed_is_a_conflict_and_deletes_nothing(
    add: AddHero, repo: HeroRepository, db_path: Path
) -> None:
    hero = add("Deadpond", age=30)
    repo.update(hero.id, validate_update({"age": 31}))
    with pytest.raises(ConflictError):
        repo.delete(hero.id, expected=hero)
    assert raw_rows(db_path) == [(hero.id, "Deadpond", 31, "Secret")]


def test_restore_brings_a_deleted_hero_back_with_the_same_id(
    add: AddHero, repo: HeroRepository, db_path: Path
) -> None:
    add("Deadpond")
    middle = add("Spider-Boy", age=16)
    add("Rusty-Man")
    deleted = repo.delete(middle.id)
    assert repo.restore(deleted) == middle
    assert repo.get(middle.id) == middle
    assert [row[0] for row in raw_rows(db_path)] == [1, 2, 3]


def test_restore_into_a_taken_id_is_refused_and_overwrites_nothing(
    add: AddHero, repo: HeroRepository, db_path: Path
) -> None:
    add("Deadpond")
    last = add("Spider-Boy")
    deleted = repo.delete(last.id)
    # Without AUTOINCREMENT SQLite hands the freed id to the next new hero.
    newcomer = add("Tarantula")
    assert newcomer.id == deleted.id
    with pytest.raises(HeroIdTakenError, match="Nothing was overwritten"):
        repo.restore(deleted)
    assert raw_rows(db_path)[-1] == tuple(newcomer)


def test_a_page_holds_at_most_100_heroes(add: AddHero, repo: HeroRepository, db_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    connection.executemany(
        "INSERT INTO hero (name, secret_name) VALUES (?, 's')", [(f"h{n}",) for n in range(150)]
    )
    connection.commit()
    connection.close()
    assert len(repo.page(limit=1000)) == 100
    assert len(repo.page(offset=100, limit=1000)) == 50


def test_a_page_past_the_end_is_empty(add: AddHero, repo: HeroRepository) -> None:
    add("Deadpond")
    assert repo.page(offset=5) == []


def test_a_negative_offset_is_refused(repo: HeroRepository) -> None:
    with pytest.raises(ValueError, match="offset"):
        repo.page(offset=-1)


def test_count_follows_every_change(add: AddHero, repo: HeroRepository) -> None:
    first = add("Deadpond")
    add("Spider-Boy")
    assert repo.count() == 2
    repo.delete(first.id)
    assert repo.count() == 1


def test_iterate_yields_every_hero_in_the_query_order(add: AddHero, repo: HeroRepository) -> None:
    for number in range(250):
        add(f"Hero {number:03}", age=number % 7)
    names = [hero.name for hero in repo.iterate(HeroQuery(descending=True))]
    assert names == [f"Hero {number:03}" for number in reversed(range(250))]


def test_changes_by_another_program_are_seen_by_the_next_read(
    add: AddHero, repo: HeroRepository, db_path: Path
) -> None:
    add("Deadpond")
    assert repo.count() == 1
    other = open_database(db_path)
    HeroRepository(other).create(validate_create({"name": "Tarantula", "secret_name": "Natalia"}))
    other.close()
    assert repo.count() == 2
    assert [hero.name for hero in repo.page()] == ["Deadpond", "Tarantula"]
