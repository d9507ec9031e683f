"""Sort, search and paging: every page, under every sort and search, at any depth.

The reference is plain Python: sorted() with id as the tiebreaker (NULL ages
first when ascending, names by their UCA sort key), and
``fold(needle) in fold(name)`` for search (hero_desktop.data.names).
Walking all pages must give exactly the reference, with no hero skipped or
repeated, on more heroes than one paging checkpoint covers.

Why one file of this length: sort, search and paging are tested against one reference
(plain Python over every row) and one roster; the search tests share their fixture.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hero_desktop.data import names as rules
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import HeroRow
from hero_desktop.data.query import AgeBounds, HeroQuery, SortKey
from hero_desktop.data.sqlite.database import open_database
from hero_desktop.data.sqlite.paging import CHECKPOINT_EVERY
from hero_desktop.data.sqlite.store import SqliteStore

from .conftest import AddHero

ROSTER_SIZE = 3 * CHECKPOINT_EVERY + 123

NAME_PARTS = [
    "Dead",
    "pond",
    "Spider",
    "Boy",
    "Rusty",
    "Man",
    "Tarantula",
    "Black",
    "Lion",
    "Müller",
    "MÜLLER",
    "Straße",
    "STRASSE",
    "Ωmega",
    "50%",
    "a_b",
    "O'Hara",
    'the "Kid"',
    "Zoë",
    "İpek",
    "ﬁnal",
    "Kelvin",
    "\u212a-Man",
    "Ærø",
]


def reference(rows: list[HeroRow], query: HeroQuery) -> list[HeroRow]:
    """What the query shows, in its order, computed without SQL."""
    needle = rules.fold(query.search.strip())
    shown = [
        row
        for row in rows
        if needle in rules.fold(row.name)
        and (not query.no_age or row.age is None)
        and (
            query.no_age
            or query.age_from is None
            or (row.age is not None and row.age >= query.age_from)
        )
        and (
            query.no_age
            or query.age_to is None
            or (row.age is not None and row.age <= query.age_to)
        )
    ]
    if query.sort is SortKey.ID:
        shown.sort(key=lambda row: row.id)
    elif query.sort is SortKey.NAME:
        shown.sort(key=lambda row: (rules.sort_key(row.name), row.id))
    else:
        shown.sort(key=lambda row: (row.age is not None, row.age or 0, row.id))
    return shown[::-1] if query.descending else shown


def insert_raw(path: Path, heroes: list[tuple[str, int | None, str]]) -> None:
    """Insert as another program would (a plain sqlite3 connection)."""
    connection = sqlite3.connect(path)
    connection.executemany("INSERT INTO hero (name, age, secret_name) VALUES (?, ?, ?)", heroes)
    connection.commit()
    connection.close()


def make_roster(path: Path, size: int, seed: int = 4) -> list[HeroRow]:
    random_ = random.Random(seed)
    heroes = [
        (
            f"{random_.choice(NAME_PARTS)} {random_.choice(NAME_PARTS)}"[: random_.randint(3, 30)],
            None if random_.random() < 0.15 else random_.randint(0, 60),
            "secret",
        )
        for _ in range(size)
    ]
    insert_raw(path, heroes)
    return [HeroRow(number + 1, *hero) for number, hero in enumerate(heroes)]


@pytest.fixture(params=[True, False], ids=["indexed", "scan"])
def search_database(request: pytest.FixtureRequest, db_path: Path) -> Iterator[SqliteStore]:
    """A database with the name structures, and one without them (search scans)."""
    opened = open_database(db_path, search_index=bool(request.param))
    assert opened.names_ready() is bool(request.param)
    yield opened
    opened.close()


def walk(repo: HeroRepository, query: HeroQuery, page_size: int) -> list[HeroRow]:
    shown: list[HeroRow] = []
    total = repo.count(query)
    for offset in range(0, total, page_size):
        page = repo.page(query, offset=offset, limit=page_size)
        assert len(page) == min(page_size, total - offset)
        shown.extend(page)
    assert repo.page(query, offset=total, limit=page_size) == []
    return shown


SORTS = [(sort, descending) for sort in SortKey for descending in (False, True)]
FILTERS = {
    "all": {},
    "name contains 'man'": {"search": "man"},
    "2 letters 'ü'": {"search": "Ü"},
    "age 10 to 40": {"age_from": 10, "age_to": 40},
    "no age": {"no_age": True},
    "'dead' aged 30 or more": {"search": "dead", "age_from": 30},
}


@pytest.mark.parametrize("filters", list(FILTERS.values()), ids=list(FILTERS))
@pytest.mark.parametrize(("sort", "descending"), SORTS)
def test_walking_every_page_shows_each_hero_once_in_order(
    db_path: Path,
    search_database: SqliteStore,
    filters: dict[str, object],
    sort: SortKey,
    descending: bool,
) -> None:
    roster = make_roster(db_path, ROSTER_SIZE)
    repo = HeroRepository(search_database)
    query = HeroQuery(sort=sort, descending=descending, **filters)  # type: ignore[arg-type]
    expected = reference(roster, query)
    assert repo.count(query) == len(expected)
    for page_size in (25, 50, 100):
        assert walk(repo, query, page_size) == expected


@pytest.mark.parametrize(("sort", "descending"), SORTS)
def test_rank_of_is_the_position_of_the_hero_in_the_order(
    db_path: Path, repo: HeroRepository, sort: SortKey, descending: bool
) -> None:
    roster = make_roster(db_path, ROSTER_SIZE)
    for query in (
        HeroQuery(sort=sort, descending=descending),
        HeroQuery(sort=sort, descending=descending, search="man", age_to=30),
    ):
        expected = reference(roster, query)
        for position in [0, 1, 999, 1000, 1001, len(expected) // 2, len(expected) - 1]:
            if position < len(expected):
                assert repo.rank_of(expected[position].id, query) == position


def test_rank_of_a_hero_the_query_does_not_show_is_none(add: AddHero, repo: HeroRepository) -> None:
    hidden = add("Deadpond", age=30)
    add("Spider-Boy", age=None)
    assert repo.rank_of(hidden.id, HeroQuery(no_age=True)) is None
    assert repo.rank_of(hidden.id, HeroQuery(search="spider")) is None
    assert repo.rank_of(999, HeroQuery()) is None


def test_ties_are_broken_by_id_and_heroes_without_age_come_first(
    add: AddHero, repo: HeroRepository
) -> None:
    a = add("Same", age=40)
    b = add("Same", age=None)
    c = add("Same", age=40)
    d = add("Other", age=None)
    e = add("Same", age=20)
    by_age = HeroQuery(sort=SortKey.AGE)
    assert [h.id for h in repo.page(by_age)] == [b.id, d.id, e.id, a.id, c.id]
    by_age_desc = HeroQuery(sort=SortKey.AGE, descending=True)
    assert [h.id for h in repo.page(by_age_desc)] == [c.id, a.id, e.id, d.id, b.id]
    by_name = HeroQuery(sort=SortKey.NAME)
    assert [h.id for h in repo.page(by_name)] == [d.id, a.id, b.id, c.id, e.id]


def test_names_sort_as_people_read_them(add: AddHero, repo: HeroRepository) -> None:
    order = ["Aaron", "adam", "Ægir", "Aex", "Afa", "Bob", "Lucy", "Łukasz", "Luke", "Lynn"]
    order += ["Oscar", "Øystein", "Oz", "Uma", "Ümit", "Zed", "zoe", "Zoë", "Zoey", "Δημήτρης"]
    for name in sorted(order, key=lambda name: name[::-1]):  # any other order
        add(name)
    by_name = HeroQuery(sort=SortKey.NAME)
    assert [h.name for h in repo.page(by_name)] == order
    by_name_desc = HeroQuery(sort=SortKey.NAME, descending=True)
    assert [h.name for h in repo.page(by_name_desc)] == order[::-1]


# -- search --------------------------------------------------------------------

Search = Callable[[str], list[str]]


@pytest.fixture
def search(search_database: SqliteStore) -> Search:
    repo = HeroRepository(search_database)
    for name in [
        "Müller",
        "MÜLLER",
        "muller",
        "Straße",
        "STRASSE",
        "strasse",
        "50% Man",
        "a_b",
        "ab",
        "O'Hara",
        'the "Kid"',
        "Deadpond",
        "DEADPOND",
        "\u212aelvin",
        "ﬁnal Boss",
        "İpek",
        "Σίσυφος",
        "ΣΊΣΥΦΟΣ",
    ]:
        insert_raw(search_database.path, [(name, None, "s")])

    def names(needle: str) -> list[str]:
        return [hero.name for hero in repo.iterate(HeroQuery(search=needle, sort=SortKey.NAME))]

    return names


def test_search_ignores_case_for_non_ascii_letters(search: Search) -> None:
    assert search("ü") == ["muller", "Müller", "MÜLLER"]
    assert search("MÜLL") == ["muller", "Müller", "MÜLLER"]


def test_search_folds_sharp_s_both_ways(search: Search) -> None:
    assert search("straße") == ["strasse", "STRASSE", "Straße"]
    assert search("STRASSE") == ["strasse", "STRASSE", "Straße"]


def test_search_folds_greek_final_sigma(search: Search) -> None:
    assert search("σίσυφος") == ["Σίσυφος", "ΣΊΣΥΦΟΣ"]


def test_search_finds_letters_whose_case_fold_is_ascii(search: Search) -> None:
    assert search("kelvin") == ["\u212aelvin"]
    assert search("final") == ["ﬁnal Boss"]


def test_percent_and_underscore_are_plain_characters(search: Search) -> None:
    assert search("%") == ["50% Man"]
    assert search("0% m") == ["50% Man"]
    assert search("_") == ["a_b"]
    assert search("a_b") == ["a_b"]


def test_quotes_are_plain_characters(search: Search) -> None:
    assert search("'") == ["O'Hara"]
    assert search("o'h") == ["O'Hara"]
    assert search('"') == ['the "Kid"']
    assert search('"kid"') == ['the "Kid"']


def test_fewer_than_three_letters_still_search(search: Search) -> None:
    assert search("ab") == ["ab"]
    assert search("D") == ["Deadpond", "DEADPOND", 'the "Kid"']


def test_search_trims_the_needle(search: Search) -> None:
    assert search("  deadpond ") == ["Deadpond", "DEADPOND"]


def test_search_with_no_match_is_empty(search: Search) -> None:
    assert search("zzz") == []


def test_search_combines_with_the_age_filter(add: AddHero, repo: HeroRepository) -> None:
    add("Rusty-Man", age=48)
    add("Spider-Man", age=16)
    add("Man-Bat", age=None)
    add("Deadpond", age=30)
    assert [h.name for h in repo.page(HeroQuery(search="man", age_from=20))] == ["Rusty-Man"]
    assert [h.name for h in repo.page(HeroQuery(search="man", age_to=20))] == ["Spider-Man"]
    assert [h.name for h in repo.page(HeroQuery(search="man", no_age=True))] == ["Man-Bat"]


def test_an_age_range_includes_both_ends(add: AddHero, repo: HeroRepository) -> None:
    for age in (9, 10, 20, 21, None):
        add(f"Age {age}", age=age)
    assert [h.age for h in repo.page(HeroQuery(age_from=10, age_to=20))] == [10, 20]


# -- the search index follows changes made by any program ----------------------


def test_search_sees_heroes_another_program_inserts_updates_and_deletes(
    add: AddHero, repo: HeroRepository, db_path: Path
) -> None:
    assert repo.store.names_ready()
    add("Deadpond")
    query = HeroQuery(search="tarantula")
    assert repo.count(query) == 0
    other = sqlite3.connect(db_path)
    other.execute("INSERT INTO hero (name, secret_name) VALUES ('Tarantula', 'Natalia')")
    other.commit()
    assert [h.name for h in repo.page(query)] == ["Tarantula"]
    other.execute("UPDATE hero SET name = 'Black Widow' WHERE name = 'Tarantula'")
    other.commit()
    assert repo.count(query) == 0
    assert [h.name for h in repo.page(HeroQuery(search="widow"))] == ["Black Widow"]
    other.execute("DELETE FROM hero WHERE name = 'Black Widow'")
    other.commit()
    other.close()
    assert repo.count(HeroQuery(search="widow")) == 0


def test_index_rows_match_the_heroes_after_changes_elsewhere(
    add: AddHero, repo: HeroRepository, db_path: Path
) -> None:
    for number in range(20):
        add(f"Hero {number}")
    other = sqlite3.connect(db_path)
    other.execute("DELETE FROM hero WHERE id % 3 = 0")
    other.execute("UPDATE hero SET name = 'Straße ' || id WHERE id % 5 = 0")
    other.execute("UPDATE hero SET id = id + 100 WHERE id = 2")
    other.commit()
    other.close()
    repo.poll_changes()  # the live view's poll: Hero Desktop catches up with the log
    other = sqlite3.connect(db_path)
    indexed = other.execute("SELECT id FROM hero_desktop_name ORDER BY id").fetchall()
    heroes = other.execute("SELECT id FROM hero ORDER BY id").fetchall()
    other.close()
    assert indexed == heroes
    found = {h.name for h in repo.iterate(HeroQuery(search="STRASS"))}
    assert found == {"Straße 5", "Straße 10", "Straße 20"}


def test_a_search_is_cached_separately_from_another_search(
    add: AddHero, repo: HeroRepository
) -> None:
    add("Alpha")
    add("Gamma")
    alpha, gamma = HeroQuery(search="alp"), HeroQuery(search="gam")
    assert [h.name for h in repo.page(alpha)] == ["Alpha"]
    assert [h.name for h in repo.page(gamma)] == ["Gamma"]
    assert [h.name for h in repo.page(alpha)] == ["Alpha"]


def test_a_file_opened_twice_builds_its_name_structures_once(db_path: Path) -> None:
    first = open_database(db_path)
    insert_raw(db_path, [("Deadpond", None, "Dive")])
    first.close()
    second = open_database(db_path)
    assert second.names_ready()
    second.changed_elsewhere()
    count = second.connection.execute("SELECT count(*) FROM hero_desktop_name").fetchone()[0]
    second.close()
    assert count == 1


names_strategy = st.text(
    st.one_of(
        st.sampled_from(
            "aAsSkK\u212a\u017fß\u1e9eİ\u0131iIüÜ\u03c3\u03c2\u03a3%_'\" -ﬁﬀ\u0307\u0301"
        ),
        st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Zl", "Zp"]),
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(names=st.lists(names_strategy, min_size=1, max_size=8), needle=names_strategy)
def test_indexed_search_finds_exactly_what_the_matching_rule_finds(
    repo: HeroRepository, db_path: Path, names: list[str], needle: str
) -> None:
    connection = sqlite3.connect(db_path)
    connection.execute("DELETE FROM hero")
    connection.executemany(
        "INSERT INTO hero (name, secret_name) VALUES (?, 's')", [(name,) for name in names]
    )
    connection.commit()
    connection.close()
    query = HeroQuery(search=needle)
    found = sorted(hero.name for hero in repo.iterate(query))
    assert found == sorted(n for n in names if rules.fold(needle.strip()) in rules.fold(n))


def test_the_age_filter_travels_as_data_and_no_age_wins_over_the_bounds() -> None:
    assert HeroQuery().age_bounds == AgeBounds()
    assert not HeroQuery(search="x").age_bounds.active
    assert HeroQuery(age_from=10, age_to=40).age_bounds == AgeBounds(minimum=10, maximum=40)
    assert HeroQuery(age_to=40).age_bounds.active
    assert HeroQuery(age_from=10, no_age=True).age_bounds == AgeBounds(no_age=True)
