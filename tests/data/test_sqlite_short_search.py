"""A search of one or two letters on a big SQLite file without the pairs index.

Structures an earlier Hero Desktop built (until the pairs index is added),
and the name cache of a file opened as found, have only the trigram index,
which needs three folded characters, so an exact count of a shorter needle
reads every name (1.5 s on ten million heroes). When the
matches are common, the first page is found by walking the order and comes
with its matches counted up to a limit and, past it, an estimate from blocks
of ids spread over the table, marked as one; any other page, and ``count``,
are exact. The limit and the blocks are made small here so that a few
hundred heroes show it.
"""

from __future__ import annotations

import pytest
from recording import recorded_calls

from hero_desktop.data import names
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.rows import HeroRow
from hero_desktop.data.sqlite import name_index, search_pager
from hero_desktop.data.sqlite.store import SqliteStore
from hero_desktop.data.views import LAST_PAGE, PageRequest, read_page

# Ids 1 to 400: a Kåra (odd ids), then a Bob (even ids), in turn.
HEROES = [(f"Kåra {n}" if n % 2 == 0 else f"Bob {n}", n % 90, "s") for n in range(400)]
KARAS = 200


@pytest.fixture
def big(database: SqliteStore, monkeypatch: pytest.MonkeyPatch) -> HeroRepository:
    monkeypatch.setattr(search_pager, "COUNTED_EXACTLY", 20)
    monkeypatch.setattr(search_pager, "SAMPLES", 4)
    monkeypatch.setattr(search_pager, "SAMPLE_IDS", 24)  # 4 blocks of 24 of the 400 ids
    with database.transaction() as writes:
        for hero in HEROES:
            writes.insert(hero)
    database.connection.execute(f"DROP TABLE {name_index.PAIRS_TABLE}")
    return HeroRepository(database)


def first_page(repo: HeroRepository, query: HeroQuery) -> tuple[int, bool, list[str]]:
    view = read_page(repo, PageRequest(query, 0, 10))
    return view.total, view.total_is_estimate, [hero.name for hero in view.rows]


def test_a_short_search_with_many_matches_shows_its_first_page_with_an_estimate(
    big: HeroRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    total, estimated, shown = first_page(big, HeroQuery(search="ka"))

    assert estimated
    assert total == KARAS  # 12 Kåras in each block of 24 ids: 48 * 400 / 96
    assert shown == [f"Kåra {n}" for n in range(0, 20, 2)]


def test_an_estimate_is_said_to_two_figures(
    big: HeroRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_pager, "SAMPLE_IDS", 3)  # ids 1-3, 101-103...: 2 Kåras each
    total, estimated, _ = first_page(big, HeroQuery(search="ka"))
    assert (total, estimated) == (270, True)  # 8 * 400 / 12 = 266.7


def test_an_estimate_is_never_below_what_was_counted(
    big: HeroRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_pager, "two_figures", lambda value: 5)  # a sample that missed
    total, estimated, _ = first_page(big, HeroQuery(search="ka"))
    assert (total, estimated) == (20, True)  # the 20 counted before estimating


def test_a_short_search_counts_exactly_beyond_its_first_page(big: HeroRepository) -> None:
    view = read_page(big, PageRequest(HeroQuery(search="ka"), 3, 10))

    assert (view.total, view.total_is_estimate) == (KARAS, False)
    assert big.count(HeroQuery(search="ka")) == KARAS
    # Once counted, the first page says the count itself.
    assert first_page(big, HeroQuery(search="ka"))[:2] == (KARAS, False)


def test_the_last_page_of_an_estimated_search_is_found_by_counting(big: HeroRepository) -> None:
    view = read_page(big, PageRequest(HeroQuery(search="ka"), LAST_PAGE, 10))

    assert (view.page, view.total, view.total_is_estimate) == (KARAS // 10 - 1, KARAS, False)
    assert [hero.name for hero in view.rows][-1] == "Kåra 398"


def shown_by_rule(search: str, age_to: int | None = None) -> int:
    folded = search.casefold().replace("å", "a")
    return sum(
        folded in name.casefold().replace("å", "a") and (age_to is None or age <= age_to)
        for name, age, _ in HEROES
    )


def test_few_matches_three_letters_or_an_age_filter_are_counted_exactly_and_by_name_too(
    big: HeroRepository,
) -> None:
    assert first_page(big, HeroQuery(search="10"))[:2] == (shown_by_rule("10"), False)
    assert first_page(big, HeroQuery(search="kår"))[:2] == (KARAS, False)
    filtered = HeroQuery(search="ka", age_to=49)
    assert first_page(big, filtered)[:2] == (shown_by_rule("ka", 49), False)
    by_name = HeroQuery(search="ka", sort=SortKey.NAME)
    total, estimated, shown = first_page(big, by_name)  # found by walking the name order
    assert (total, estimated) == (KARAS, True)
    assert (
        shown == sorted((name for name, _, _ in HEROES if "Kåra" in name), key=names.sort_key)[:10]
    )


def test_the_walk_to_a_short_searchs_first_page_is_given_time_by_the_tables_size_and_made_once(
    big: HeroRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sorting a short search's matches scans every name, so a walk may take longer on a
    bigger table (a fiftieth of that scan) before it gives up, and is not repeated."""
    budgets = recorded_calls(
        monkeypatch, search_pager.SearchPager, "_within", lambda seconds, read: [seconds]
    )
    by_name = HeroQuery(search="ka", sort=SortKey.NAME)
    assert len(first_page(big, by_name)[2]) == 10
    assert budgets == [search_pager.WALK_BUDGET_S]  # 400 ids: the least budget, one walk
    with big.store.transaction() as writes:
        writes.insert_with_id(HeroRow(10_000_000, "Kåra 10M", 1, "s"))
    budgets.clear()
    assert len(first_page(HeroRepository(big.store), by_name)[2]) == 10
    assert budgets == [pytest.approx(0.2)]  # ten million ids from the first to the last


def test_a_short_search_whose_samples_find_too_few_matches_for_a_page_is_sorted_without_walking(
    big: HeroRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The walk would give up before it reached a page: the scan that sorts comes at once.
    "99" is in ids 100, 200, 300 and 400, none of them in the blocks sampled (1-24,
    101-124, 201-224, 301-324)."""
    walked = recorded_calls(
        monkeypatch, search_pager.SearchPager, "_walk", lambda start, limit: [start]
    )
    total, estimated, shown = first_page(big, HeroQuery(search="99", sort=SortKey.NAME))

    assert (total, estimated) == (shown_by_rule("99"), False)
    assert shown == sorted((name for name, _, _ in HEROES if "99" in name), key=names.sort_key)
    assert walked == []
    assert first_page(big, HeroQuery(search="ka", sort=SortKey.NAME))[:2] == (KARAS, True)
    assert walked == [0]  # common enough: walked


@pytest.mark.parametrize("sort", [SortKey.ID, SortKey.NAME])
def test_a_longer_search_with_many_matches_is_estimated_too(
    big: HeroRepository, monkeypatch: pytest.MonkeyPatch, sort: SortKey
) -> None:
    """Three letters and more, on a big table: more than FEW matches of the trigram index
    are counted exactly only when asked (its exact count reads every match)."""
    monkeypatch.setattr(search_pager, "FEW", 8)
    monkeypatch.setattr(search_pager, "TRIGRAM_ESTIMATE_FROM", 400)
    query = HeroQuery(search="kåra", sort=sort)

    total, estimated, shown = first_page(big, query)

    assert (total, estimated) == (KARAS, True)
    assert len(shown) == 10
    assert big.count(query) == KARAS
    assert first_page(big, query)[:2] == (KARAS, False)


def test_a_longer_search_on_a_smaller_table_counts_exactly(
    big: HeroRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_pager, "FEW", 8)
    monkeypatch.setattr(search_pager, "TRIGRAM_ESTIMATE_FROM", 401)  # 400 ids: fewer
    assert first_page(big, HeroQuery(search="kåra"))[:2] == (KARAS, False)


# Ids 1 to 600: a Zorro every third id, Aarons between: in name order every Zorro comes
# after the 400 Aarons.
ZORROS = [f"Zorro {n}" for n in range(0, 600, 3)]


@pytest.fixture
def late(database: SqliteStore, monkeypatch: pytest.MonkeyPatch) -> HeroRepository:
    """A table big enough to sample (every block of ids, all of them placing), and more
    matches than are sorted into a table."""
    for name, value in [
        ("COUNTED_EXACTLY", 20),
        ("FEW", 8),
        ("TRIGRAM_ESTIMATE_FROM", 0),
        ("SAMPLES", 4),
        ("SAMPLE_IDS", 100),  # 4 blocks of 100 of the 600 ids
        ("PLACING_SAMPLES", 4),
    ]:
        monkeypatch.setattr(search_pager, name, value)
    with database.transaction() as writes:
        for n in range(600):
            writes.insert((f"Zorro {n}" if n % 3 == 0 else f"Aaron {n}", n % 90, "s"))
    return HeroRepository(database)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize(
    ("walk_s_per_row", "budget"),
    [(1.0, None), (0.1, 80.0)],
    ids=["walking there costs more: the usual budget", "walked to for longer"],
)
def test_the_first_walk_lasts_as_long_as_the_samples_say_walking_there_takes(
    late: HeroRepository,
    monkeypatch: pytest.MonkeyPatch,
    descending: bool,
    walk_s_per_row: float,
    budget: float | None,
) -> None:
    """The samples place the first Zorro after the 400 Aarons and find about 200 Zorros.
    Walking there (400 names) costs more than taking the smallest keys (200 matches at
    half as much each) when a name costs as much as a match: the walk gets its usual
    budget. At a tenth it gets twice what it should take (80). Read backwards the
    Zorros come first: the usual budget."""
    monkeypatch.setattr(search_pager, "WALK_S_PER_ROW", walk_s_per_row)
    monkeypatch.setattr(search_pager, "SMALLEST_S_PER_MATCH", 0.5)
    budgets = recorded_calls(
        monkeypatch, search_pager.SearchPager, "_within", lambda seconds, read: [seconds]
    )
    query = HeroQuery(search="zorro", sort=SortKey.NAME, descending=descending)

    view = read_page(late, PageRequest(query, 0, 10))

    assert view.total_is_estimate
    if descending or budget is None:
        assert budgets == [search_pager.WALK_BUDGET_S]
    else:
        assert budgets == [pytest.approx(budget, rel=0.02)]
    ordered = sorted(ZORROS, key=names.sort_key)
    assert [hero.name for hero in view.rows] == (ordered[::-1] if descending else ordered)[:10]
