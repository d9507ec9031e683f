"""A page before its count, the last page without checkpoints, and an order prepared in steps.

On ten million heroes a count reads a whole index and an order's page
checkpoints take seconds: the window shows the first page before the count,
reads the last page backwards once counted, and finds the checkpoints ahead,
a step at a time. Every page read those ways is the page the reference says.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.sqlite.paging import CHECKPOINT_EVERY
from hero_desktop.data.views import LAST_PAGE, PageRequest, read_page

from .test_paging import SORTS, make_roster, reference

SIZE = 3 * CHECKPOINT_EVERY + 123


def first_view(repo: HeroRepository, query: HeroQuery, page: int = 0) -> object:
    return read_page(repo, PageRequest(query, page, 100, count_later=True))


@pytest.mark.parametrize(("sort", "descending"), SORTS)
def test_the_first_page_comes_without_its_count_and_says_so(
    db_path: Path, repo: HeroRepository, sort: SortKey, descending: bool
) -> None:
    roster = make_roster(db_path, SIZE)
    query = HeroQuery(sort=sort, descending=descending)

    view = read_page(repo, PageRequest(query, 0, 100, count_later=True))

    assert view.rows == reference(roster, query)[:100]
    assert view.counted is False
    assert view.total == 101  # what is known: this page, and that another follows
    assert repo.count_if_known(query) is None


def test_the_count_asked_after_it_is_the_count_and_later_pages_come_counted(
    db_path: Path, repo: HeroRepository
) -> None:
    make_roster(db_path, SIZE)
    query = HeroQuery(sort=SortKey.AGE)
    read_page(repo, PageRequest(query, 0, 100, count_later=True))

    assert repo.count(query) == SIZE
    view = read_page(repo, PageRequest(query, 1, 100, count_later=True))
    assert (view.counted, view.total) == (True, SIZE)


def test_a_page_read_to_the_end_of_the_order_gives_the_count(
    db_path: Path, repo: HeroRepository
) -> None:
    make_roster(db_path, 250)
    query = HeroQuery()
    for page in (0, 1):
        assert read_page(repo, PageRequest(query, page, 100, count_later=True)).counted is False

    view = read_page(repo, PageRequest(query, 2, 100, count_later=True))

    assert (view.counted, view.total, len(view.rows)) == (True, 250, 50)
    assert repo.count_if_known(query) == 250


def test_a_page_past_the_end_is_the_last_page_counted(db_path: Path, repo: HeroRepository) -> None:
    make_roster(db_path, 250)

    view = read_page(repo, PageRequest(HeroQuery(), 7, 100, count_later=True))

    assert (view.page, view.counted, view.total) == (2, True, 250)


def test_a_search_comes_with_its_count(db_path: Path, repo: HeroRepository) -> None:
    roster = make_roster(db_path, SIZE)
    query = HeroQuery(search="man")

    view = read_page(repo, PageRequest(query, 0, 100, count_later=True))

    assert (view.counted, view.total) == (True, len(reference(roster, query)))


@pytest.mark.parametrize(("sort", "descending"), SORTS)
def test_the_last_page_is_read_from_the_end_without_checkpoints(
    db_path: Path, repo: HeroRepository, sort: SortKey, descending: bool
) -> None:
    roster = make_roster(db_path, SIZE)
    query = HeroQuery(sort=sort, descending=descending)
    expected = reference(roster, query)

    last = read_page(repo, PageRequest(query, LAST_PAGE, 100))
    before_last = read_page(repo, PageRequest(query, last.page - 1, 100))

    assert last.rows == expected[last.page * 100 :]
    assert before_last.rows == expected[(last.page - 1) * 100 : last.page * 100]


@pytest.mark.parametrize(("sort", "descending"), SORTS)
def test_an_order_prepared_a_step_at_a_time_then_reaches_every_page(
    db_path: Path, repo: HeroRepository, sort: SortKey, descending: bool
) -> None:
    roster = make_roster(db_path, SIZE)
    query = HeroQuery(sort=sort, descending=descending)
    expected = reference(roster, query)

    steps = 1
    while not repo.prepare_pages(query, 0):  # each step finds one checkpoint at least
        steps += 1
    assert steps > 1

    for page in (17, 3, 40, 29, 0, 41):
        assert repo.page(query, offset=page * 100, limit=100) == expected[page * 100 :][:100]


@pytest.mark.parametrize(("sort", "descending"), SORTS)
def test_the_first_two_pages_of_any_order_count_nothing(
    db_path: Path, repo: HeroRepository, sort: SortKey, descending: bool
) -> None:
    make_roster(db_path, SIZE)
    query = HeroQuery(sort=sort, descending=descending)
    statements: list[str] = []
    repo.store.connection.set_trace_callback(statements.append)  # type: ignore[attr-defined]

    for page in (0, 1):
        read_page(repo, PageRequest(query, page, 100, count_later=True))

    counts = [sql for sql in statements if "count(" in sql.lower()]
    assert [sql for sql in counts if "pending" not in sql] == []  # (the change log's is small)
