"""The store contract: every behaviour the repository promises, on every store.

Each test runs once per store kind (``stores.STORE_KINDS``) and uses only
the repository's public API and the store protocol: no driver, no SQL.
"Another program" is a second connection the harness opens. A new store
(PostgreSQL) must pass this file unchanged.

Why one file of this length: the contract is one list of promises, run on every store by
one set of fixtures; spread over files it would be easy to run on one store only.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hero_desktop.data import names as rules
from hero_desktop.data.errors import (
    ConflictError,
    HeroIdTakenError,
    HeroNotFoundError,
    ImportFailedError,
    OperationCancelledError,
    ReadOnlyDatabaseError,
)
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import HeroRow, validate_create, validate_update
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.store import HeroStore, KeyedBatch, NewHero

from .stores import STORE_KINDS, StoreHarness, make_harness


@pytest.fixture(params=STORE_KINDS)
def harness(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreHarness]:
    opened = make_harness(str(request.param), tmp_path, request)
    yield opened
    opened.close_all()


@pytest.fixture
def store(harness: StoreHarness) -> HeroStore:
    return harness.open()


@pytest.fixture
def repo(store: HeroStore) -> HeroRepository:
    return HeroRepository(store)


@pytest.fixture
def elsewhere(store: HeroStore, harness: StoreHarness) -> HeroRepository:
    """Another program: a second connection to the same database."""
    return HeroRepository(harness.open())


def add(repo: HeroRepository, name: str, age: int | None = None, secret: str = "Secret") -> HeroRow:
    return repo.create(validate_create({"name": name, "age": age, "secret_name": secret}))


def every_hero(repo: HeroRepository) -> list[HeroRow]:
    repo.refresh()
    return list(repo.iterate())


# -- create, get, not found -----------------------------------------------------


def test_create_gives_an_id_and_get_returns_the_hero(
    repo: HeroRepository, elsewhere: HeroRepository
) -> None:
    deadpond = add(repo, "Deadpond", None, "Dive Wilson")
    rusty = add(repo, "Rusty-Man", 48, "Tommy Sharp")
    assert deadpond.id != rusty.id
    assert repo.get(rusty.id) == HeroRow(rusty.id, "Rusty-Man", 48, "Tommy Sharp")
    # Committed at once: another connection sees it.
    assert elsewhere.get(deadpond.id) == deadpond


@pytest.mark.parametrize("hero_id", [0, -1, 999, 2**63, 2**80])
def test_an_unknown_id_is_hero_not_found(repo: HeroRepository, hero_id: int) -> None:
    add(repo, "Deadpond")
    with pytest.raises(HeroNotFoundError, match=r"^Hero not found$"):
        repo.get(hero_id)
    with pytest.raises(HeroNotFoundError):
        repo.update(hero_id, validate_update({"age": 3}))
    with pytest.raises(HeroNotFoundError):
        repo.delete(hero_id)


# -- paging under every sort and search ------------------------------------------

NAME_PARTS = ["Dead", "pond", "Spider", "Boy", "Rusty", "Man", "Müller", "Straße", "Zoë", "Ærø"]
ROSTER_SIZE = 2345  # more than one paging checkpoint (1000) of the SQLite store holds


def roster(store: HeroStore, size: int = ROSTER_SIZE) -> list[HeroRow]:
    random_ = random.Random(7)
    heroes: list[NewHero] = [
        (
            f"{random_.choice(NAME_PARTS)} {random_.choice(NAME_PARTS)}",
            None if random_.random() < 0.15 else random_.randint(0, 60),
            "secret",
        )
        for _ in range(size)
    ]
    result = store.bulk_insert([heroes], expected_rows=size)
    assert result.imported == size
    assert result.first_id is not None
    return [HeroRow(result.first_id + number, *hero) for number, hero in enumerate(heroes)]


def reference(rows: list[HeroRow], query: HeroQuery) -> list[HeroRow]:
    """What the query shows, in its order, by the rules in plain Python."""
    needle = rules.fold(query.search.strip())

    def shown(row: HeroRow) -> bool:
        if needle not in rules.fold(row.name):
            return False
        if query.no_age:
            return row.age is None
        if query.age_from is not None and (row.age is None or row.age < query.age_from):
            return False
        return query.age_to is None or (row.age is not None and row.age <= query.age_to)

    result = [row for row in rows if shown(row)]
    if query.sort is SortKey.ID:
        result.sort(key=lambda row: row.id)
    elif query.sort is SortKey.NAME:
        result.sort(key=lambda row: (rules.sort_key(row.name), row.id))
    else:
        result.sort(key=lambda row: (row.age is not None, row.age or 0, row.id))
    return result[::-1] if query.descending else result


SORTS = [(sort, descending) for sort in SortKey for descending in (False, True)]
FILTERS = {
    "all": {},
    "search 'man'": {"search": "man"},
    "search 'MULLER'": {"search": "MULLER"},
    "age 10 to 40": {"age_from": 10, "age_to": 40},
    "no age": {"no_age": True},
    "search 'dead' aged 30 or more": {"search": "dead", "age_from": 30},
}


@pytest.mark.parametrize("filters", list(FILTERS.values()), ids=list(FILTERS))
@pytest.mark.parametrize(("sort", "descending"), SORTS)
def test_pages_show_each_hero_once_in_order_and_rank_of_agrees(
    store: HeroStore,
    repo: HeroRepository,
    filters: dict[str, object],
    sort: SortKey,
    descending: bool,
) -> None:
    heroes = roster(store)
    query = HeroQuery(sort=sort, descending=descending, **filters)  # type: ignore[arg-type]
    expected = reference(heroes, query)
    total = repo.count(query)
    assert total == len(expected)
    walked: list[HeroRow] = []
    for offset in range(0, total, 100):
        page = repo.page(query, offset=offset, limit=100)
        assert len(page) == min(100, total - offset)
        walked.extend(page)
    assert repo.page(query, offset=total) == []
    assert walked == expected  # no hero skipped or repeated, in the query's order
    for position in {0, 1, 99, 100, 999, 1000, 1001, total // 2, total - 1}:
        if 0 <= position < total:
            assert repo.rank_of(expected[position].id, query) == position
    hidden = [hero for hero in heroes if hero not in expected]
    if hidden:
        assert repo.rank_of(hidden[0].id, query) is None


def test_pages_follow_changes(repo: HeroRepository) -> None:
    heroes = [add(repo, f"Hero {number:02}", number) for number in range(30)]
    query = HeroQuery(sort=SortKey.AGE, descending=True, search="hero")
    assert repo.count(query) == 30
    repo.delete(heroes[29].id)
    repo.update(heroes[0].id, validate_update({"age": 99}))
    page = repo.page(query, limit=3)
    assert [hero.age for hero in page] == [99, 28, 27]
    assert repo.rank_of(heroes[0].id, query) == 0


# -- update, delete, conflicts ----------------------------------------------------


def test_a_partial_update_writes_only_its_field(
    repo: HeroRepository, elsewhere: HeroRepository
) -> None:
    hero = add(repo, "Deadpond", 30, "Dive Wilson")
    elsewhere.update(hero.id, validate_update({"name": "Deadpool"}))
    updated = repo.update(hero.id, validate_update({"age": 31}))
    assert updated == HeroRow(hero.id, "Deadpool", 31, "Dive Wilson")
    assert elsewhere.get(hero.id) == updated
    assert repo.update(hero.id, validate_update({"age": ""})).age is None
    assert elsewhere.get(hero.id).age is None


def test_an_update_expecting_other_values_is_a_conflict_and_writes_nothing(
    repo: HeroRepository, elsewhere: HeroRepository
) -> None:
    hero = add(repo, "Deadpond", 30)
    elsewhere.update(hero.id, validate_update({"age": 35}))
    with pytest.raises(ConflictError) as raised:
        repo.update(hero.id, validate_update({"age": 31}), expected={"age": 30})
    assert raised.value.current == hero._replace(age=35)
    assert elsewhere.get(hero.id) == hero._replace(age=35)
    # What the user saw is still there: the write goes through.
    assert repo.update(hero.id, validate_update({"age": 36}), expected={"age": 35}).age == 36


def test_an_update_of_an_unknown_field_is_refused_before_anything_is_written(
    store: HeroStore, repo: HeroRepository, elsewhere: HeroRepository
) -> None:
    hero = add(repo, "Deadpond", 30)
    with store.transaction() as transaction:
        with pytest.raises(ValueError, match="power"):
            transaction.update(hero.id, {"name": "Deadpool", "power": 9000})
        assert transaction.get(hero.id) == hero  # not even the known field was written
    with pytest.raises(ValueError, match="id"), store.transaction() as transaction:
        transaction.update(hero.id, {"id": hero.id + 1})
    assert elsewhere.get(hero.id) == hero


def test_delete_returns_the_hero_and_a_changed_one_is_a_conflict(
    repo: HeroRepository, elsewhere: HeroRepository
) -> None:
    deadpond = add(repo, "Deadpond", 30)
    rusty = add(repo, "Rusty-Man", 48)
    assert repo.delete(deadpond.id, expected=deadpond) == deadpond
    with pytest.raises(HeroNotFoundError):
        repo.get(deadpond.id)
    elsewhere.update(rusty.id, validate_update({"age": 49}))
    with pytest.raises(ConflictError):
        repo.delete(rusty.id, expected=rusty)
    assert elsewhere.get(rusty.id) == rusty._replace(age=49)


def test_delete_many_is_one_transaction(repo: HeroRepository, elsewhere: HeroRepository) -> None:
    heroes = [add(repo, name) for name in ("Alpha", "Beta", "Gamma", "Delta")]
    elsewhere.update(heroes[2].id, validate_update({"name": "Gamma Ray"}))
    with pytest.raises(ConflictError):
        repo.delete_many(heroes)
    assert len(every_hero(repo)) == 4  # nothing deleted
    elsewhere.delete(heroes[3].id)
    deleted = repo.delete_many(heroes, check=False)  # the user chose to delete anyway
    assert [hero.id for hero in deleted] == [hero.id for hero in heroes[:3]]
    assert deleted[2].name == "Gamma Ray"
    assert every_hero(repo) == []
    with pytest.raises(HeroNotFoundError):
        repo.delete_many(heroes)


# -- restore with the same id -------------------------------------------------------


def test_restore_brings_a_hero_back_with_its_id_and_refuses_a_taken_id(
    repo: HeroRepository, elsewhere: HeroRepository
) -> None:
    heroes = [add(repo, name, age) for name, age in (("Alpha", 1), ("Beta", None), ("Gamma", 3))]
    beta = repo.delete(heroes[1].id)
    assert repo.restore(beta) == beta
    assert elsewhere.get(beta.id) == beta
    with pytest.raises(HeroIdTakenError):
        repo.restore(beta._replace(name="Impostor"))
    assert repo.get(beta.id) == beta


def test_restore_many_is_all_or_nothing(repo: HeroRepository) -> None:
    heroes = [add(repo, name) for name in ("Alpha", "Beta", "Gamma")]
    gone = repo.delete_many(heroes[:2])
    add_back = [*gone, heroes[2]]  # Gamma's id is still taken
    with pytest.raises(HeroIdTakenError):
        repo.restore_many(add_back)
    assert every_hero(repo) == [heroes[2]]
    assert repo.restore_many(gone) == gone
    assert every_hero(repo) == heroes


def test_take_range_removes_and_returns_a_range_of_ids(repo: HeroRepository) -> None:
    heroes = [add(repo, f"Hero {number}") for number in range(5)]
    taken = repo.take_range(heroes[1].id, heroes[3].id)
    assert taken == heroes[1:4]
    assert every_hero(repo) == [heroes[0], heroes[4]]
    repo.restore_many(taken)
    assert every_hero(repo) == heroes


# -- bulk insert, all or nothing ------------------------------------------------------


def test_bulk_insert_adds_heroes_with_a_range_of_new_ids(store: HeroStore) -> None:
    repo = HeroRepository(store)
    first = add(repo, "Before")
    result = store.bulk_insert([[("A", 1, "a"), ("B", None, "b")], [("C", 3, "c")]], 3)
    assert result.imported == 3
    assert result.first_id is not None
    assert result.last_id is not None
    assert result.first_id > first.id
    assert result.last_id - result.first_id == 2
    assert repo.take_range(result.first_id, result.last_id) == [
        HeroRow(result.first_id, "A", 1, "a"),
        HeroRow(result.first_id + 1, "B", None, "b"),
        HeroRow(result.first_id + 2, "C", 3, "c"),
    ]
    assert every_hero(repo) == [first]


def test_bulk_insert_that_fails_midway_inserts_nothing(store: HeroStore) -> None:
    repo = HeroRepository(store)
    add(repo, "Before")

    def batches() -> Iterator[list[NewHero]]:
        yield [("A", 1, "a"), ("B", 2, "b")]
        raise ImportFailedError([(3, "a bad row")], 1)

    with pytest.raises(ImportFailedError):
        store.bulk_insert(batches(), 3)
    assert [hero.name for hero in every_hero(repo)] == ["Before"]
    assert repo.count(HeroQuery(search="a")) == 0


def test_bulk_insert_can_replace_every_hero(store: HeroStore) -> None:
    repo = HeroRepository(store)
    add(repo, "Old")
    assert store.bulk_insert([[("New", None, "n")]], 1, replace=True).imported == 1
    assert [hero.name for hero in every_hero(repo)] == ["New"]
    assert repo.count(HeroQuery(search="old")) == 0


def test_keyed_batches_are_inserted_as_the_heroes_they_hold(store: HeroStore) -> None:
    # A big import's worker keys names when the store asks; any store takes the batch.
    repo = HeroRepository(store)
    keyed = rules.name_keys("Zoë")
    batch = KeyedBatch([("Zoë", 1, "z"), ("Bob", None, "b")], [keyed[0], "bob"], [keyed[1], b"b"])

    assert store.bulk_insert([batch], 2).imported == 2

    assert [hero.name for hero in every_hero(repo)] == ["Zoë", "Bob"]
    assert [hero.name for hero in repo.iterate(HeroQuery(search="zoe"))] == ["Zoë"]


def write_csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_csv_import_with_a_bad_row_imports_nothing(repo: HeroRepository, tmp_path: Path) -> None:
    add(repo, "Before")
    bad = write_csv(tmp_path / "bad.csv", "name,age,secret_name\nA,1,a\nB,old,b\nC,3,c\n")
    with pytest.raises(ImportFailedError) as raised:
        repo.import_csv(bad)
    assert [line for line, _ in raised.value.problems] == [3]
    assert [hero.name for hero in every_hero(repo)] == ["Before"]

    good = write_csv(tmp_path / "good.csv", "name,age,secret_name\nA,1,a\nB,,b\n")
    result = repo.import_csv(good)
    assert result.imported == 2
    assert [hero.name for hero in repo.page(HeroQuery(sort=SortKey.NAME))] == ["A", "B", "Before"]


def test_a_cancelled_import_imports_nothing(repo: HeroRepository, tmp_path: Path) -> None:
    rows = "".join(f"Hero {number},{number % 90},s\n" for number in range(25_000))
    path = write_csv(tmp_path / "big.csv", "name,age,secret_name\n" + rows)
    calls: list[int] = []

    def progress(done: int, total: int) -> bool:
        calls.append(done)
        return len(calls) < 2

    with pytest.raises(OperationCancelledError):
        repo.import_csv(path, progress)
    assert repo.count() == 0


# -- changes by another program -----------------------------------------------------------


def test_the_change_token_moves_on_another_connections_commit_only(
    repo: HeroRepository, elsewhere: HeroRepository
) -> None:
    assert not repo.poll_changes()
    add(repo, "Mine")
    assert not repo.poll_changes()  # the store's own writes are not "elsewhere"
    assert repo.count() == 1
    other = add(elsewhere, "Theirs")
    assert repo.poll_changes()
    assert not repo.poll_changes()  # once
    assert repo.count() == 2
    assert repo.get(other.id) == other
    elsewhere.update(other.id, validate_update({"age": 5}))
    assert repo.poll_changes()
    assert repo.page(HeroQuery(sort=SortKey.AGE, descending=True))[0] == other._replace(age=5)


# -- a read-only store ----------------------------------------------------------------------


def test_a_read_only_store_reads_and_refuses_every_write(
    repo: HeroRepository, harness: StoreHarness, tmp_path: Path
) -> None:
    hero = add(repo, "Deadpond", 30)
    reader = HeroRepository(harness.open(read_only=True))
    assert reader.read_only
    assert reader.get(hero.id) == hero
    assert reader.page() == [hero]
    attempts: list[Callable[[], object]] = [
        lambda: add(reader, "Nope"),
        lambda: reader.update(hero.id, validate_update({"age": 1})),
        lambda: reader.delete(hero.id),
        lambda: reader.delete_many([hero]),
        lambda: reader.restore(hero._replace(id=hero.id + 1)),
        lambda: reader.restore_many([hero._replace(id=hero.id + 1)]),
        lambda: reader.take_range(hero.id, hero.id),
        lambda: reader.import_csv(write_csv(tmp_path / "a.csv", "name,age,secret_name\nA,1,a\n")),
        lambda: reader.store.bulk_insert([[("A", 1, "a")]], 1),
    ]
    for attempt in attempts:
        with pytest.raises(ReadOnlyDatabaseError):
            attempt()
    assert every_hero(repo) == [hero]
