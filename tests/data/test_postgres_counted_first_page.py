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

from .postgres_support import sample_every_page

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
    sample_every_page(monkeypatch)
    for name, value in [
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


def test_a_page_longer_than_the_kept_one_is_read_whole(repo: HeroRepository) -> None:
    """The repository asks at most ``PAGE`` rows; a pager asked for more reads them."""
    assert isinstance(repo.store, PostgresStore)
    connection = repo.store.connection
    query = HeroQuery(search="zorro", sort=SortKey.NAME)
    pager = paging.KeysetPager(lambda: connection, paging.ordering(query))

    assert pager.quick_count() == (2 * ZORROS, True)
    assert [hero.name for hero in pager.rows(0, 150)] == expected(repo, query)[:150]


def test_a_count_past_the_usual_limit_is_never_said_as_fewer(
    repo: HeroRepository, searched_again: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sample that missed the matches (stored side by side, say) lets the count go on
    to ``SMALLEST_AT_ONCE``; when that limit is reached too, the estimate is at least
    what was counted, and the first page is still the smallest keys of them all."""
    assert isinstance(repo.store, PostgresStore)
    repo.store.connection.execute("ANALYZE hero_desktop_name")
    for name, value in [("SAMPLE_FIRST_FROM", 0), ("COUNTED_EXACTLY", 20)]:
        monkeypatch.setattr(paging, name, value)
    monkeypatch.setattr(paging, "SMALLEST_AT_ONCE", 100)

    def missed(pager: paging.KeysetPager, *_: object) -> float:
        pager._sampled, pager._sampled_pages, pager._sampled_first = 0.0, 0, None
        return 0.0

    monkeypatch.setattr(paging.KeysetPager, "_sample", missed)
    query = HeroQuery(search="zorro", sort=SortKey.NAME)

    view = read_page(repo, PageRequest(query, 0, 100))

    assert (view.total, view.total_is_estimate) == (100, True)
    assert searched_again == [100]
    assert [hero.name for hero in view.rows] == expected(repo, query)[:100]


def test_a_name_row_whose_hero_is_gone_keeps_its_place_as_in_a_page_read_by_keys(
    repo: HeroRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Heroes deleted with the change log's trigger bypassed leave their name rows: the
    kept page leaves their heroes out where a page read by its keys does, so the next
    pages go on alike, without a hero twice."""
    assert isinstance(repo.store, PostgresStore)
    query = HeroQuery(search="zorro", sort=SortKey.NAME)
    gone = expected(repo, query)[1:4:2]  # the 2nd and the 4th
    connection = repo.store.connection
    connection.execute("SET session_replication_role = replica")
    connection.execute("DELETE FROM hero WHERE name = ANY(%s)", (gone,))
    connection.execute("SET session_replication_role = origin")

    def pages() -> list[list[str]]:
        repo.refresh()
        return [
            [hero.name for hero in read_page(repo, PageRequest(query, page, 5)).rows]
            for page in range(4)
        ]

    kept = pages()
    monkeypatch.setattr(paging, "COUNTED_EXACTLY", 1)  # the page read by its keys
    by_keys = pages()

    assert kept == by_keys
    shown = [name for page in kept for name in page]
    assert len(shown) == len(set(shown))
    assert not set(gone) & set(shown)
