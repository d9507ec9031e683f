"""A search in name order on PostgreSQL whose matches lie far along the order.

The server walks the name order's index and keeps the rows that match: at
once when matches come early, but when they cluster far along the order
(every "Zorro" after thousands of "Aaron"s; "captain" on ten million heroes
took 2.5-3.0 s) the walk stops at its budget and the smallest keys of all the
matches are taken instead, from the trigram index. The pages are the same
either way, and the next pages go on from the last key. Matches known to be
few take their smallest keys at once; a search by id walks the ids alike.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import psycopg
import pytest
from recording import recorded_calls

from hero_desktop.data import names
from hero_desktop.data.errors import StatementInterruptedError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.postgres import paging
from hero_desktop.data.postgres.store import PostgresStore
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.store import NewHero
from hero_desktop.data.views import PageRequest, read_page

from .postgres_support import sample_every_page

FIRST, LATE = 15_000, 150  # under 20,000 in all: keyed within the insert


@pytest.fixture(autouse=True)
def counted_in_part(monkeypatch: pytest.MonkeyPatch) -> None:
    """The count up to its limit stops before it has read every match, so the first page
    is the walk's or the smallest keys' (a count that reads them all keeps the first
    page: test_postgres_counted_first_page.py)."""
    monkeypatch.setattr(paging, "COUNTED_EXACTLY", 10)


@pytest.fixture
def repo(store: PostgresStore) -> HeroRepository:
    heroes: list[NewHero] = [(f"Aaron {n}", n % 90, "s") for n in range(FIRST)]
    heroes += [(f"Zorro {n}", n, "s") for n in range(LATE)]
    heroes += [(f"Zorró {n}", n, "s") for n in range(LATE)]
    store.bulk_insert([heroes], expected_rows=len(heroes))
    return HeroRepository(store)


@pytest.fixture
def settings_made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the pager set for its reads: the walk's timeout, the smallest keys' memory."""
    return recorded_calls(monkeypatch, paging.KeysetPager, "_settings", lambda **values: values)


def expected(descending: bool) -> list[str]:
    found = [f"Zorro {n}" for n in range(LATE)] + [f"Zorró {n}" for n in range(LATE)]
    ordered = sorted(found, key=names.sort_key)  # ids follow the names' order here
    return ordered[::-1] if descending else ordered


@pytest.fixture
def fallbacks(settings_made: list[str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The walk's budget made 1 ms: the walk past 15,000 Aarons takes longer (and it is
    tried, however few the matches)."""
    monkeypatch.setattr(paging, "WALK_BUDGET_MS", 1)
    monkeypatch.setattr(paging, "SMALLEST_AT_ONCE", 0)
    monkeypatch.setattr(paging, "SMALLEST_IDS_AT_ONCE", 0)
    return settings_made


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize(
    ("recorder", "settings"),
    [
        ("fallbacks", ["statement_timeout", "enable_bitmapscan", "work_mem"]),
        # The count (300, under SMALLEST_AT_ONCE) comes before the page: the walk past
        # 15,000 Aarons, within its budget or not, is not tried.
        ("settings_made", ["work_mem"]),
    ],
    ids=["the walk gave up", "counted few, not walked"],
)
def test_late_matches_page_alike_by_the_smallest_keys(
    repo: HeroRepository,
    request: pytest.FixtureRequest,
    recorder: str,
    settings: list[str],
    descending: bool,
) -> None:
    made = request.getfixturevalue(recorder)
    query = HeroQuery(search="zorro", sort=SortKey.NAME, descending=descending)
    pages = [read_page(repo, PageRequest(query, page, 100)) for page in range(3)]

    assert made == settings  # the smallest keys were taken (once the walk gave up)
    assert [hero.name for view in pages for hero in view.rows] == expected(descending)


def test_the_server_has_its_settings_back_after_the_first_page(
    repo: HeroRepository, fallbacks: list[str]
) -> None:
    assert isinstance(repo.store, PostgresStore)
    before = repo.store.connection.execute("SHOW work_mem").fetchone()
    read_page(repo, PageRequest(HeroQuery(search="zorro", sort=SortKey.NAME), 0, 100))
    assert fallbacks == ["statement_timeout", "enable_bitmapscan", "work_mem"]
    assert repo.store.connection.execute("SHOW work_mem").fetchone() == before
    timeout = repo.store.connection.execute("SHOW statement_timeout").fetchone()
    assert timeout == ("0",)
    assert repo.store.connection.execute("SHOW enable_bitmapscan").fetchone() == ("on",)


def test_early_matches_are_found_by_the_walk(
    repo: HeroRepository, settings_made: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paging, "SMALLEST_AT_ONCE", 100)  # "aaron 1"'s 11,111 are many
    view = read_page(repo, PageRequest(HeroQuery(search="aaron 1", sort=SortKey.NAME), 0, 5))

    # The walk found them within its budget (and the server was not let read every match).
    assert settings_made == ["statement_timeout", "enable_bitmapscan"]
    shown = [hero.name for hero in view.rows]
    assert shown == ["Aaron 1", "Aaron 10", "Aaron 100", "Aaron 1000", "Aaron 10000"]


@pytest.mark.parametrize("descending", [False, True])
def test_a_search_by_id_walks_to_many_matches_and_takes_few_at_once(
    repo: HeroRepository,
    settings_made: list[str],
    monkeypatch: pytest.MonkeyPatch,
    descending: bool,
) -> None:
    monkeypatch.setattr(paging, "SMALLEST_IDS_AT_ONCE", 500)
    few = HeroQuery(search="zorró", descending=descending)  # 300 (Zorro and Zorró)
    many = HeroQuery(search="aaron 1", descending=descending)  # 11,111

    few_shown = [hero.name for hero in read_page(repo, PageRequest(few, 0, 100)).rows]
    assert settings_made == ["work_mem"]
    settings_made.clear()
    many_shown = [hero.name for hero in read_page(repo, PageRequest(many, 0, 5)).rows]
    assert settings_made == ["statement_timeout", "enable_bitmapscan"]

    zorros = [f"Zorro {n}" for n in range(LATE)] + [f"Zorró {n}" for n in range(LATE)]
    aarons = [f"Aaron {n}" for n in range(FIRST) if str(n).startswith("1")]
    assert few_shown == (zorros[::-1] if descending else zorros)[:100]
    assert many_shown == (aarons[::-1] if descending else aarons)[:5]


@pytest.fixture
def far_along(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page sampled, and every match walked to unless the sample says otherwise."""
    sample_every_page(monkeypatch)
    monkeypatch.setattr(paging, "SMALLEST_AT_ONCE", 0)


@pytest.fixture
def walk_costs(monkeypatch: pytest.MonkeyPatch) -> Callable[[float, float], None]:
    """What the pager takes a walk and the smallest keys to cost, a name and a match."""

    def made(walk_s_per_name: float, smallest_s_per_match: float) -> None:
        # The same a name whether the walk reads the row or the index alone (the tests'
        # server runs no vacuum, which the index alone needs: test_postgres_order_folds.py).
        monkeypatch.setattr(paging, "WALK_S_PER_NAME", walk_s_per_name)
        monkeypatch.setattr(paging, "WALK_S_PER_INDEXED_NAME", walk_s_per_name)
        monkeypatch.setattr(paging, "SMALLEST_S_PER_MATCH", smallest_s_per_match)

    return made


@pytest.mark.usefixtures("far_along")
def test_the_statistics_read_are_of_the_name_table_the_search_path_finds(
    repo: HeroRepository, settings_made: list[str], walk_costs: Callable[[float, float], None]
) -> None:
    """A schema named after the user comes first on PostgreSQL's default search path
    ("$user", public): the tables stay where they are found, in public, and so do
    their statistics."""
    assert isinstance(repo.store, PostgresStore)
    connection = repo.store.connection
    connection.execute("ANALYZE hero_desktop_name")
    user = connection.execute("SELECT current_user").fetchone()
    assert user is not None
    connection.execute(f'CREATE SCHEMA "{user[0]}"')
    assert connection.execute("SELECT current_schema()").fetchone() == user
    # The 5,100 names a walk reads to a page of the Zorros' density (51 ms) cost less
    # than the smallest keys of the 300 (120 ms); with the 15,000 Aarons before them
    # (201 ms) they cost more.
    walk_costs(1e-5, 4e-4)

    view = read_page(repo, PageRequest(HeroQuery(search="zorro", sort=SortKey.NAME), 0, 100))

    assert settings_made == ["work_mem"]  # not walked: the Zorros were found far along
    assert [hero.name for hero in view.rows] == expected(descending=False)[:100]


@pytest.fixture
def walk_budgets(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The time the first page's walk was given, in ms, each time it was tried."""
    return recorded_calls(
        monkeypatch,
        paging.KeysetPager,
        "_settings",
        lambda **values: (
            [float(values["statement_timeout"])] if "statement_timeout" in values else []
        ),
    )


@pytest.mark.usefixtures("far_along")
@pytest.mark.parametrize(
    ("descending", "smallest_s_per_match", "budget_ms"),
    [(False, 1.0, (360, 402)), (False, 1e-3, (300, 300)), (True, 1.0, (150, 150))],
    ids=["twice its cost", "at most the smallest keys' cost", "at least its usual budget"],
)
def test_a_walk_cheaper_than_the_smallest_keys_may_take_twice_its_cost(
    repo: HeroRepository,
    walk_budgets: list[float],
    walk_costs: Callable[[float, float], None],
    descending: bool,
    smallest_s_per_match: float,
    budget_ms: tuple[float, float],
) -> None:
    """The sample (every page here) finds the first Zorro after 15,000 Aarons, which the
    server's histogram of the sort keys places 98% along the name order, and one
    Zorro in 51 names: a walk reads about 5,100 names past the first for a page, at
    10 us a name here (about 0.2 s forwards). Read backwards the Zorros come first
    (none of the 300 before the first is counted): 51 ms. Its budget is twice that, at
    most what the 300 matches' smallest keys cost (0.3 s at 1 ms a match), at least
    ``WALK_BUDGET_MS`` (150 ms)."""
    assert isinstance(repo.store, PostgresStore)
    repo.store.connection.execute("ANALYZE hero_desktop_name")
    walk_costs(1e-5, smallest_s_per_match)
    query = HeroQuery(search="zorro", sort=SortKey.NAME, descending=descending)

    pages = [read_page(repo, PageRequest(query, page, 100)) for page in range(3)]

    assert len(walk_budgets) == 1
    assert budget_ms[0] <= walk_budgets[0] <= budget_ms[1]
    assert [hero.name for view in pages for hero in view.rows] == expected(descending)


@pytest.mark.usefixtures("far_along")
def test_a_walk_that_gives_up_takes_the_smallest_keys(
    repo: HeroRepository,
    settings_made: list[str],
    walk_costs: Callable[[float, float], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The sample says the walk costs less; the server takes longer than it was given."""
    assert isinstance(repo.store, PostgresStore)
    repo.store.connection.execute("ANALYZE hero_desktop_name")
    walk_costs(1e-9, 1.0)
    monkeypatch.setattr(paging, "WALK_BUDGET_MS", 1)
    monkeypatch.setattr(paging, "WALK_MARGIN", 1e-6)  # a budget of 1 ms
    query = HeroQuery(search="zorro", sort=SortKey.NAME)

    pages = [read_page(repo, PageRequest(query, page, 100)) for page in range(3)]

    assert settings_made[:3] == ["statement_timeout", "enable_bitmapscan", "work_mem"]
    assert [hero.name for view in pages for hero in view.rows] == expected(False)


@pytest.mark.usefixtures("far_along")
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize(
    ("smallest_s_per_match", "walked"),
    [(1e-6, True), (1e-9, False)],
    ids=["the walk is cheaper", "the smallest keys are cheaper"],
)
def test_the_cheaper_of_a_walk_and_the_smallest_keys_is_taken(
    repo: HeroRepository,
    settings_made: list[str],
    walk_costs: Callable[[float, float], None],
    descending: bool,
    smallest_s_per_match: float,
    walked: bool,
) -> None:
    """A walk of a nanosecond a name, well within its budget either way: about
    5,100 names backwards (5 us), 20,000 forwards (20 us), against 300 matches'
    smallest keys at a microsecond each (300 us) or a nanosecond (0.3 us)."""
    assert isinstance(repo.store, PostgresStore)
    repo.store.connection.execute("ANALYZE hero_desktop_name")
    walk_costs(1e-9, smallest_s_per_match)
    query = HeroQuery(search="zorro", sort=SortKey.NAME, descending=descending)

    pages = [read_page(repo, PageRequest(query, page, 100)) for page in range(3)]

    assert settings_made == (["statement_timeout", "enable_bitmapscan"] if walked else ["work_mem"])
    assert [hero.name for view in pages for hero in view.rows] == expected(descending)


def test_a_walk_a_newer_request_cancels_ends_the_read_without_the_smallest_keys(
    repo: HeroRepository,
    postgres_database: str,
    fallbacks: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A page key or a new search interrupts the read (``store.interrupt``) while the first
    page walks, well within its budget: the read ends as interrupted, and the smallest
    keys are not read in its stead. Another client holds the name table while the walk
    starts, so that it is still running when the interrupt comes; it lets go once the read
    has ended (a fallback to the smallest keys would wait for it, then give up after the
    store's lock timeout, and the test fails)."""
    monkeypatch.setattr(paging, "WALK_BUDGET_MS", 60_000)
    assert isinstance(repo.store, PostgresStore)
    store = repo.store
    locked, release = threading.Event(), threading.Event()
    started: list[threading.Thread] = []

    def another_client() -> None:
        with psycopg.connect(postgres_database) as connection:
            connection.execute("LOCK TABLE hero_desktop_name IN ACCESS EXCLUSIVE MODE")
            locked.set()
            release.wait(10)

    walking = store.connection.info.backend_pid

    def newer_request() -> None:
        # Once the walk waits for the name table (a cancel before it starts stops nothing):
        # the server says so only when asked, so it is asked every 10 ms, 10 s at most.
        with psycopg.connect(postgres_database, autocommit=True) as watching:
            for _ in range(1000):
                found = watching.execute(
                    "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", (walking,)
                ).fetchone()
                if found == ("Lock",):
                    break
                time.sleep(0.01)
        store.interrupt()

    settings = paging.KeysetPager._settings

    def walk_held(self: paging.KeysetPager, **values: str) -> Any:
        if "statement_timeout" in values:
            for work in (another_client, newer_request):
                started.append(threading.Thread(target=work, daemon=True))
            started[0].start()
            assert locked.wait(10)
            started[1].start()
        return settings(self, **values)

    monkeypatch.setattr(paging.KeysetPager, "_settings", walk_held)
    query = HeroQuery(search="zorro", sort=SortKey.NAME)

    try:
        with pytest.raises(StatementInterruptedError):
            read_page(repo, PageRequest(query, 0, 100))
    finally:
        release.set()
        for thread in started:
            thread.join(10)

    assert not any(thread.is_alive() for thread in started)
    assert fallbacks == ["statement_timeout", "enable_bitmapscan"]  # no smallest keys
