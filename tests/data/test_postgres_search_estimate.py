"""A search on PostgreSQL: its first page counts only so far.

An exact count reads every match (every name, for a needle of one or two
letters, which no trigram index helps). The first page counts its matches up
to a limit and, past it, says about how many there are from a sample of the
name table, marked as an estimate; any other page, and ``count``, are exact.
The limit and the sample are made small here so that a few hundred heroes
show it. On a big table the sample comes first, and matches it finds clearly
beyond the limit, on enough of its pages, are said without counting.
"""

from __future__ import annotations

import pytest
from recording import recorded_calls

from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.postgres import paging
from hero_desktop.data.postgres.store import PostgresStore
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.store import NewHero
from hero_desktop.data.views import LAST_PAGE, PageRequest, read_page

from .postgres_support import run

KARAS, OTHERS = 200, 100


@pytest.fixture
def repo(
    store: PostgresStore, postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> HeroRepository:
    monkeypatch.setattr(paging, "COUNTED_EXACTLY", 20)
    monkeypatch.setattr(paging, "SAMPLE_PERCENT", 100)  # the estimate is then the count
    heroes: list[NewHero] = [(f"Kåra {number}", number, "s") for number in range(KARAS)]
    heroes += [(f"Bob {number}", number, "s") for number in range(OTHERS)]
    store.bulk_insert([heroes], expected_rows=len(heroes))
    run(postgres_database, "ANALYZE hero_desktop_name")
    return HeroRepository(store)


def first_page(repo: HeroRepository, query: HeroQuery) -> tuple[int, bool, list[str]]:
    view = read_page(repo, PageRequest(query, 0, 10))
    return view.total, view.total_is_estimate, [hero.name for hero in view.rows]


def test_a_short_search_with_many_matches_shows_its_first_page_with_an_estimate(
    repo: HeroRepository,
) -> None:
    total, estimated, names = first_page(repo, HeroQuery(search="ka"))

    assert estimated
    assert total == KARAS  # the whole table sampled here: the estimate is the count
    assert names == [f"Kåra {number}" for number in range(10)]


def test_a_short_search_counts_exactly_beyond_its_first_page(repo: HeroRepository) -> None:
    view = read_page(repo, PageRequest(HeroQuery(search="ka"), 3, 10))

    assert (view.total, view.total_is_estimate) == (KARAS, False)
    assert repo.count(HeroQuery(search="ka")) == KARAS


def test_the_last_page_of_an_estimated_search_is_found_by_counting(repo: HeroRepository) -> None:
    view = read_page(repo, PageRequest(HeroQuery(search="ka"), LAST_PAGE, 10))

    assert (view.page, view.total, view.total_is_estimate) == (KARAS // 10 - 1, KARAS, False)
    assert [hero.name for hero in view.rows][-1] == f"Kåra {KARAS - 1}"


def test_a_short_search_with_few_matches_is_counted_exactly(repo: HeroRepository) -> None:
    # Kåra 19, 119 and 190 to 199; Bob 19
    assert first_page(repo, HeroQuery(search="19"))[:2] == (13, False)


def test_a_longer_search_with_many_matches_says_about_too(repo: HeroRepository) -> None:
    # On ten million heroes counting "storm"'s 527,000 matches took 0.77 s, the estimate 46 ms.
    assert first_page(repo, HeroQuery(search="kår")) == (
        KARAS,
        True,
        [f"Kåra {number}" for number in range(10)],
    )
    assert first_page(repo, HeroQuery(search="bob 1"))[:2] == (11, False)  # Bob 1, 10-19


def test_a_search_with_an_age_filter_is_always_counted_exactly(repo: HeroRepository) -> None:
    assert first_page(repo, HeroQuery(search="ka", age_to=49))[:2] == (50, False)
    assert first_page(repo, HeroQuery(search="kår", age_to=49))[:2] == (50, False)


def test_nothing_found_is_said_at_once_and_exactly(repo: HeroRepository) -> None:
    assert first_page(repo, HeroQuery(search="qx")) == (0, False, [])


@pytest.fixture
def counts_made(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The limits of the counts the pager made before its first page."""
    return recorded_calls(
        monkeypatch, paging.KeysetPager, "_counted_up_to", lambda connection, limit: [limit]
    )


def test_a_small_table_counts_before_it_samples(
    repo: HeroRepository, counts_made: list[int]
) -> None:
    assert first_page(repo, HeroQuery(search="kår"))[:2] == (KARAS, True)
    assert counts_made == [20]


def test_a_big_table_says_what_its_sample_finds_many_of_without_counting(
    repo: HeroRepository, counts_made: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # On ten million heroes counting up to the limit took 65 ms for "captain", the sample 12.
    monkeypatch.setattr(paging, "SAMPLE_FIRST_FROM", 0)
    monkeypatch.setattr(paging, "SAMPLED_PAGES_AT_LEAST", 1)  # 300 heroes fill a few pages

    assert first_page(repo, HeroQuery(search="kår")) == (
        KARAS,
        True,
        [f"Kåra {number}" for number in range(10)],
    )
    assert counts_made == []


def test_a_big_table_counts_what_its_sample_finds_few_of(
    repo: HeroRepository, counts_made: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paging, "SAMPLE_FIRST_FROM", 0)
    monkeypatch.setattr(paging, "SAMPLED_CLEARLY_OVER", 10)  # 200 matches are many
    # Fewer than 100 found by the sample would be read by the first page anyway: counted
    # up to 100 (test_postgres_counted_first_page.py).
    monkeypatch.setattr(paging, "SMALLEST_AT_ONCE", 100)

    assert first_page(repo, HeroQuery(search="bob 1"))[:2] == (11, False)  # Bob 1, 10-19
    assert first_page(repo, HeroQuery(search="qx")) == (0, False, [])
    # 111 "Kåra 1…" (1, 10-19, 100-199): not many by the sample, more than the limit
    # by the count, so the sample taken first says about how many (110, two figures).
    assert first_page(repo, HeroQuery(search="kåra 1"))[:2] == (110, True)
    assert counts_made == [100, 100, 20]


def test_a_big_table_counts_what_its_sample_finds_on_few_pages(
    repo: HeroRepository, counts_made: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # 200 matches side by side, on a few of the sample's pages: they might be all there is.
    monkeypatch.setattr(paging, "SAMPLE_FIRST_FROM", 0)
    monkeypatch.setattr(paging, "SMALLEST_AT_ONCE", 100)  # more than a first page reads

    assert first_page(repo, HeroQuery(search="kår"))[:2] == (KARAS, True)
    assert counts_made == [20]
