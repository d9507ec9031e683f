"""A search's first page on PostgreSQL, kept by the count that read every match.

A search counts its matches up to ``COUNTED_EXACTLY`` before its first page.
When that count reads every match (fewer than the limit), the same pass keeps
the first page in the order asked (a hundred rows, the largest page), so the
page does not read each match again: the walk and the smallest keys are left
for searches with more matches. The next pages go on from the page's last key.
"""

from __future__ import annotations

import pytest
from recording import recorded_calls

from hero_desktop.data import names
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.postgres import paging
from hero_desktop.data.postgres.store import PostgresStore
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.store import NewHero
from hero_desktop.data.views import PageRequest, read_page

AARONS, ZORROS = 2_000, 150


@pytest.fixture
def repo(store: PostgresStore) -> HeroRepository:
    # Interleaved, so that neither the ids nor the table's order follow the names.
    heroes: list[NewHero] = []
    for n in range(AARONS):
        heroes.append((f"Aaron {n}", n % 90, "s"))
        if n % 5 == 0 and n // 5 < ZORROS:
            heroes.append((f"Zorró {ZORROS - n // 5}", n % 90, "s"))
            heroes.append((f"Zorro {n // 5}", n % 90, "s"))
    store.bulk_insert([heroes], expected_rows=len(heroes))
    return HeroRepository(store)


@pytest.fixture
def searched_again(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The first pages read after the count (by the walk or the smallest keys)."""
    return recorded_calls(monkeypatch, paging.KeysetPager, "_first_of_search", lambda n: [n])


def expected(repo: HeroRepository, query: HeroQuery) -> list[str]:
    """Every match of ``query`` in its order, from every hero read by id."""
    heroes = list(repo.iterate())
    folded = names.fold(query.search)
    found = [hero for hero in heroes if folded in names.fold(hero.name)]
    if query.sort is SortKey.NAME:
        found.sort(key=lambda hero: (names.sort_key(hero.name), hero.id))
    else:
        found.sort(key=lambda hero: hero.id)
    return [hero.name for hero in (found[::-1] if query.descending else found)]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", [SortKey.NAME, SortKey.ID])
@pytest.mark.parametrize("needle", ["zorro", "zo"], ids=["trigrams", "pairs"])
def test_the_first_page_comes_with_the_count_that_read_every_match(
    repo: HeroRepository,
    searched_again: list[int],
    needle: str,
    sort: SortKey,
    descending: bool,
) -> None:
    query = HeroQuery(search=needle, sort=sort, descending=descending)

    pages = [read_page(repo, PageRequest(query, page, 100)) for page in range(3)]

    assert searched_again == []  # the count's pass gave the first page
    assert (pages[0].total, pages[0].total_is_estimate) == (2 * ZORROS, False)
    assert [hero.name for view in pages for hero in view.rows] == expected(repo, query)


@pytest.mark.parametrize("sort", [SortKey.NAME, SortKey.ID])
def test_a_smaller_page_is_cut_from_it_and_the_next_goes_on_from_its_end(
    repo: HeroRepository, searched_again: list[int], sort: SortKey
) -> None:
    query = HeroQuery(search="zorro", sort=sort, descending=True)

    pages = [read_page(repo, PageRequest(query, page, 7)) for page in range(3)]

    assert searched_again == []
    assert [hero.name for view in pages for hero in view.rows] == expected(repo, query)[:21]


def test_fewer_matches_than_a_page_and_none(
    repo: HeroRepository, searched_again: list[int]
) -> None:
    few = HeroQuery(search="zorró 14", sort=SortKey.NAME)  # 14 and 140-149, each spelling
    none = HeroQuery(search="zorrox", sort=SortKey.NAME)

    shown = read_page(repo, PageRequest(few, 0, 100))
    empty = read_page(repo, PageRequest(none, 0, 100))

    assert searched_again == []
    assert [hero.name for hero in shown.rows] == expected(repo, few)
    assert len(shown.rows) == shown.total == 22
    assert (empty.rows, empty.total) == ([], 0)


@pytest.mark.parametrize("sort", [SortKey.NAME, SortKey.ID])
def test_a_count_that_stopped_at_its_limit_keeps_no_page(
    repo: HeroRepository,
    searched_again: list[int],
    monkeypatch: pytest.MonkeyPatch,
    sort: SortKey,
) -> None:
    """Ten of 300 matches counted are not the first ten in any order."""
    monkeypatch.setattr(paging, "COUNTED_EXACTLY", 10)
    query = HeroQuery(search="zorro", sort=sort)

    pages = [read_page(repo, PageRequest(query, page, 100)) for page in range(3)]

    assert searched_again == [100]
    assert [hero.name for view in pages for hero in view.rows] == expected(repo, query)


@pytest.mark.parametrize(
    ("needle", "smallest_at_once", "counted"),
    [("zorro", 1_000, True), ("zorro", 100, False), ("zorro 1", 100, True)],
    ids=["few by the sample", "many by the sample", "under the usual limit"],
)
def test_a_sample_that_finds_few_lets_the_count_read_them_all(
    repo: HeroRepository,
    searched_again: list[int],
    monkeypatch: pytest.MonkeyPatch,
    needle: str,
    smallest_at_once: int,
    counted: bool,
) -> None:
    """On a big table the sample comes first. When it finds no more than a first page
    would read anyway (``SMALLEST_AT_ONCE``), the count goes on past its usual limit
    (200 here, against 300 Zorros): the count is exact and keeps the first page.
    When it finds more, the count stops at its usual limit (which "zorro 1"'s 122
    matches do not reach) and past it the total is an estimate."""
    assert isinstance(repo.store, PostgresStore)
    repo.store.connection.execute("ANALYZE hero_desktop_name")
    for name, value in [
        ("SAMPLE_FIRST_FROM", 0),
        ("SAMPLE_PERCENT", 100),
        ("SAMPLED_PAGES_AT_LEAST", 1),
        ("COUNTED_EXACTLY", 200),  # clearly over from 400: 300 are not said at once
        ("SMALLEST_AT_ONCE", smallest_at_once),
    ]:
        monkeypatch.setattr(paging, name, value)
    query = HeroQuery(search=needle, sort=SortKey.NAME)
    matches = expected(repo, query)

    view = read_page(repo, PageRequest(query, 0, 100))

    assert (view.total, view.total_is_estimate) == (len(matches), not counted)
    assert searched_again == ([] if counted else [100])
    assert [hero.name for hero in view.rows] == matches[:100]
