"""Compatibility both ways with the FastAPI tutorial's Heroes app.

(a) Files the tutorials' own apps wrote (``tests/fixtures``) open and
show their heroes. (b) A file Hero Desktop wrote (WAL, search index and its
triggers included) works with the tutorial's app (``tests/tutorial_app.py``:
a SQLModel ``Hero`` in its own registry and the tutorial's endpoints), served
by FastAPI's TestClient; what that app writes shows up in our repository and
search at once. The schema we create is the one the tutorial's model emits.

No ``from __future__ import annotations`` here: FastAPI reads the endpoint
annotations at runtime.
"""

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tutorial_app import Tutorial001Base, tutorial_app, tutorial_engine

from hero_desktop.data import maintenance
from hero_desktop.data.errors import CannotAddError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import HeroRow, validate_create, validate_update
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.sqlite.database import open_database

from .conftest import AddHero
from .support import copy_fixture, raw_rows


@pytest.fixture
def client(db_path: Path, add: AddHero) -> Iterator[TestClient]:
    """The tutorial app on a file Hero Desktop created, with heroes added, edited, deleted."""
    add("Deadpond", secret_name="Dive Wilson")
    spider = add("Spider-Boy", secret_name="Pedro Parqueador")
    rusty = add("Rusty-Man", age=47, secret_name="Tommy Sharp")
    add("Tarantula", age=32, secret_name="Natalia Roman-on")
    repo_of_file = HeroRepository(open_database(db_path))
    repo_of_file.update(rusty.id, validate_update({"age": 48}))
    repo_of_file.delete(spider.id)
    repo_of_file.store.close()
    engine = tutorial_engine(db_path)
    with TestClient(tutorial_app(engine)) as test_client:
        yield test_client
    engine.dispose()


def normalised(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).replace("( ", "(").replace(" )", ")").strip()


# -- (b) the tutorial app on a file Hero Desktop wrote -------------------------


def test_our_schema_is_exactly_what_the_tutorial_model_creates(
    tmp_path: Path, database: object
) -> None:
    theirs = tmp_path / "tutorial.db"
    engine = tutorial_engine(theirs)
    Tutorial001Base.metadata.create_all(engine)
    engine.dispose()
    query = "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'hero' AND name LIKE ?"

    def schema(path: Path) -> set[tuple[str, str, str]]:
        connection = sqlite3.connect(path)
        rows = connection.execute(query, ("%hero",)).fetchall()
        rows += connection.execute(query, ("ix_hero_%",)).fetchall()
        connection.close()
        return {(kind, name, normalised(sql)) for kind, name, sql in rows}

    ours = schema(tmp_path / "database.db")
    assert ours == schema(theirs)
    assert (
        "table",
        "hero",
        "CREATE TABLE hero (id INTEGER NOT NULL, name VARCHAR NOT NULL, age INTEGER, "
        "secret_name VARCHAR NOT NULL, PRIMARY KEY (id))",
    ) in ours
    assert {name for _, name, _ in ours} == {"hero", "ix_hero_name", "ix_hero_age"}


def test_the_tutorial_app_lists_our_heroes(client: TestClient) -> None:
    response = client.get("/heroes/")
    assert response.status_code == 200
    assert response.json() == [
        {"name": "Deadpond", "age": None, "id": 1},
        {"name": "Rusty-Man", "age": 48, "id": 3},
        {"name": "Tarantula", "age": 32, "id": 4},
    ]
    assert client.get("/heroes/", params={"offset": 1, "limit": 1}).json()[0]["id"] == 3
    assert client.get("/heroes/", params={"limit": 101}).status_code == 422


def test_the_tutorial_app_reads_one_of_our_heroes(client: TestClient) -> None:
    assert client.get("/heroes/3").json() == {"name": "Rusty-Man", "age": 48, "id": 3}
    missing = client.get("/heroes/2")
    assert (missing.status_code, missing.json()) == (404, {"detail": "Hero not found"})


def test_a_hero_the_tutorial_app_creates_shows_in_our_repository_and_search_at_once(
    client: TestClient, repo: HeroRepository
) -> None:
    assert repo.count() == 3
    created = client.post(
        "/heroes/", json={"name": "Black Lion", "age": 35, "secret_name": "Trevor Challa"}
    ).json()
    assert repo.get(created["id"]) == HeroRow(created["id"], "Black Lion", 35, "Trevor Challa")
    assert [h.name for h in repo.page(HeroQuery(search="lion"))] == ["Black Lion"]
    assert repo.count() == 4


def test_a_patch_by_the_tutorial_app_shows_in_our_repository_and_search_at_once(
    client: TestClient, repo: HeroRepository
) -> None:
    assert repo.count(HeroQuery(search="spinne")) == 0
    response = client.patch("/heroes/4", json={"name": "Die Spinne", "age": 33})
    assert response.json() == {"name": "Die Spinne", "age": 33, "id": 4}
    assert repo.get(4) == HeroRow(4, "Die Spinne", 33, "Natalia Roman-on")
    assert [h.id for h in repo.page(HeroQuery(search="spinne"))] == [4]
    assert repo.count(HeroQuery(search="tarantula")) == 0
    assert [h.id for h in repo.page(HeroQuery(sort=SortKey.AGE, descending=True))] == [3, 4, 1]


def test_a_delete_by_the_tutorial_app_shows_in_our_repository_and_search_at_once(
    client: TestClient, repo: HeroRepository
) -> None:
    assert repo.count(HeroQuery(search="rusty")) == 1
    assert client.delete("/heroes/3").json() == {"ok": True}
    assert client.delete("/heroes/3").status_code == 404
    assert repo.count(HeroQuery(search="rusty")) == 0
    assert [h.id for h in repo.page()] == [1, 4]


def test_the_tutorial_app_works_on_our_file_after_we_closed_it(
    client: TestClient, db_path: Path
) -> None:
    client.post("/heroes/", json={"name": "Dr. Weird", "secret_name": "Steve Weird"})
    assert raw_rows(db_path)[-1] == (5, "Dr. Weird", None, "Steve Weird")
    database = open_database(db_path)
    try:
        assert maintenance.check_integrity(db_path, lambda: False) is None
    finally:
        database.close()


# -- (a) files written by the tutorials' own apps ------------------------------


def open_fixture(name: str, folder: Path) -> HeroRepository:
    return HeroRepository(open_database(copy_fixture(name, folder)))


def test_fastapi_tutorial001_file_shows_its_heroes(tmp_path: Path) -> None:
    repo = open_fixture("fastapi-tutorial001.db", tmp_path)
    try:
        assert [h.id for h in repo.page()] == [1, 3, 4, 5]
        assert repo.get(4) == HeroRow(4, "Tarantula", 32, repo.get(4).secret_name)
        assert [h.name for h in repo.page(HeroQuery(search="rusty"))] == ["Rusty-Man"]
        # Not made by Hero Desktop: opened as it is, the name index only offered.
        assert not repo.store.names_ready()
        assert repo.store.name_index_offer() is not None
    finally:
        repo.store.close()


def test_fastapi_tutorial002_file_shows_its_heroes_despite_its_column_order(
    tmp_path: Path,
) -> None:
    path = copy_fixture("fastapi-tutorial002.db", tmp_path)
    connection = sqlite3.connect(path)
    columns = [row[1] for row in connection.execute("PRAGMA table_info(hero)")]
    connection.close()
    assert columns == ["name", "age", "id", "secret_name"]
    repo = HeroRepository(open_database(path))
    try:
        assert repo.get(1).age == 30
        assert repo.get(1).name == "Deadpond"
        assert [h.id for h in repo.page(HeroQuery(sort=SortKey.NAME))] == [5, 1, 3, 4]
        added = repo.create(validate_create({"name": "Dr. Weird", "secret_name": "Steve"}))
        assert repo.get(added.id) == added
    finally:
        repo.store.close()


def test_sqlmodel_teams_file_shows_its_heroes_and_keeps_their_teams(tmp_path: Path) -> None:
    path = copy_fixture("sqlmodel-teams.db", tmp_path)
    repo = HeroRepository(open_database(path))
    try:
        assert repo.count() == 3
        hero = repo.page()[0]
        repo.update(hero.id, validate_update({"age": 99}))
        added = repo.create(validate_create({"name": "Freelancer", "secret_name": "s"}))
    finally:
        repo.store.close()
    connection = sqlite3.connect(path)
    team_ids = dict(connection.execute("SELECT id, team_id FROM hero").fetchall())
    connection.close()
    assert team_ids[added.id] is None
    assert any(team is not None for team in team_ids.values())


def test_hashed_password_file_reads_and_edits_but_explains_why_it_cannot_add(
    tmp_path: Path,
) -> None:
    path = copy_fixture("sqlmodel-hashed-password.db", tmp_path)
    repo = HeroRepository(open_database(path))
    try:
        assert [h.name for h in repo.page()] == ["Deadpond", "Rusty-Man"]
        assert repo.store.unfillable_columns == ("hashed_password",)
        with pytest.raises(CannotAddError, match="hashed_password"):
            repo.create(validate_create({"name": "Tarantula", "secret_name": "Natalia"}))
        assert repo.count() == 2
        repo.update(1, validate_update({"name": "Deadpool"}))
        assert repo.get(1).name == "Deadpool"
        repo.delete(2)
        assert repo.count() == 1
    finally:
        repo.store.close()
    connection = sqlite3.connect(path)
    password = connection.execute("SELECT hashed_password FROM hero WHERE id = 1").fetchone()[0]
    connection.close()
    assert password
