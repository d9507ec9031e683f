"""The demo roster command: N generated heroes, the same ones for the same seed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from hero_desktop.data.demo import main, make_demo
from hero_desktop.data.errors import HeroError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import validate_create
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.sqlite import name_index
from hero_desktop.data.sqlite.database import open_database

from .name_index_support import pairs_agree


def heroes(path: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT id, name, age, secret_name FROM hero ORDER BY id"
        ).fetchall()
    finally:
        connection.close()


def test_makes_the_number_of_heroes_asked_for(tmp_path: Path) -> None:
    made = make_demo(tmp_path / "demo.db", 1_234)

    assert made == 1_234
    assert len(heroes(tmp_path / "demo.db")) == 1_234


def test_the_same_seed_makes_the_same_heroes(tmp_path: Path) -> None:
    make_demo(tmp_path / "a.db", 500, seed=7)
    make_demo(tmp_path / "b.db", 500, seed=7)

    assert heroes(tmp_path / "a.db") == heroes(tmp_path / "b.db")


def test_another_seed_makes_other_heroes(tmp_path: Path) -> None:
    make_demo(tmp_path / "a.db", 500, seed=1)
    make_demo(tmp_path / "b.db", 500, seed=2)

    assert heroes(tmp_path / "a.db") != heroes(tmp_path / "b.db")


def test_every_demo_hero_is_valid_and_some_have_no_age(tmp_path: Path) -> None:
    make_demo(tmp_path / "demo.db", 2_000)
    rows = heroes(tmp_path / "demo.db")

    for _, name, age, secret in rows:
        assert validate_create({"name": name, "age": age, "secret_name": secret}).name == name
    without_age = sum(1 for row in rows if row[2] is None)
    assert 100 < without_age < 300
    assert any(not str(row[1]).isascii() or not str(row[3]).isascii() for row in rows)


def test_demo_heroes_are_found_by_search(tmp_path: Path) -> None:
    make_demo(tmp_path / "demo.db", 2_000)
    database = open_database(tmp_path / "demo.db")
    try:
        repository = HeroRepository(database)
        expected = sum(1 for row in heroes(tmp_path / "demo.db") if "spider" in str(row[1]).lower())

        assert expected > 0
        assert repository.count(HeroQuery(search="Spider")) == expected
    finally:
        database.close()


def test_a_file_with_heroes_is_not_overwritten(tmp_path: Path) -> None:
    make_demo(tmp_path / "demo.db", 10, seed=1)
    before = heroes(tmp_path / "demo.db")

    with pytest.raises(HeroError, match="already holds 10 heroes"):
        make_demo(tmp_path / "demo.db", 20, seed=2)

    assert heroes(tmp_path / "demo.db") == before


def test_force_replaces_the_heroes(tmp_path: Path) -> None:
    make_demo(tmp_path / "demo.db", 10, seed=1)

    make_demo(tmp_path / "demo.db", 20, seed=2, force=True)

    assert heroes(tmp_path / "demo.db") == heroes_of_fresh(tmp_path, 20, seed=2)


@pytest.mark.parametrize("force", [False, True])
def test_a_big_roster_comes_with_its_whole_name_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, force: bool
) -> None:
    """A big insert leaves the pairs index to the window's background; the command adds it
    before it ends (it has no background)."""
    monkeypatch.setattr(name_index, "BULK_PENDING", 10)
    path = tmp_path / "demo.db"
    if force:
        make_demo(path, 5, seed=1)

    make_demo(path, 40, seed=2, force=force)

    connection = sqlite3.connect(path)  # (opening it in Hero Desktop would add it)
    try:
        assert name_index.has_pairs(connection)
        pairs_agree(connection)
    finally:
        connection.close()


def heroes_of_fresh(tmp_path: Path, count: int, seed: int) -> list[tuple[object, ...]]:
    make_demo(tmp_path / "fresh.db", count, seed=seed)
    return heroes(tmp_path / "fresh.db")


def test_the_command_says_what_it_made(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main([str(tmp_path / "demo.db"), "--count", "25", "--seed", "3"])

    assert status == 0
    assert "Made 25 heroes" in capsys.readouterr().out
    assert len(heroes(tmp_path / "demo.db")) == 25


def test_the_command_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main([str(tmp_path / "demo.db"), "--count", "5"])

    status = main([str(tmp_path / "demo.db"), "--count", "5"])

    assert status == 1
    assert "--force" in capsys.readouterr().err


def test_a_new_roster_that_fails_halfway_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hero_desktop.data import demo

    def failing(count: int, seed: int = 0) -> Iterator[list[tuple[str, int | None, str]]]:
        yield [("Halfway Hero", 30, "Half Way")]
        raise OSError("disk full")

    monkeypatch.setattr(demo, "generate", failing)
    with pytest.raises(OSError, match="disk full"):
        make_demo(tmp_path / "demo.db", 1_000)

    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_new_roster_is_an_ordinary_file_in_wal_mode_with_its_name_index(tmp_path: Path) -> None:
    make_demo(tmp_path / "demo.db", 300)

    connection = sqlite3.connect(tmp_path / "demo.db")
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT count(*) FROM hero_desktop_name").fetchone()[0] == 300
    finally:
        connection.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db"]
