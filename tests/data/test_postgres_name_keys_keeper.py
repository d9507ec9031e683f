"""The copy of the name keys of a server table without the name table, made in the background.

Once the first page is shown (``recheck_name_index``) a keeper copies and
keys every hero's name on connections of its own, posting its progress on
the store's board; the first search or name order waits for it and adopts
the copy, then follows any change made meanwhile (name_keys_keeper.py). A
copy kept from an earlier session is followed instead. The reference is
plain Python over every row, as in test_postgres_name_keys.py.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
import pytest
from polling import wait_until

from hero_desktop.data import name_batch
from hero_desktop.data.errors import StatementInterruptedError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import HeroUpdate
from hero_desktop.data.name_index_state import NameCacheBoard, NameCacheProgress, NameCacheState
from hero_desktop.data.postgres import name_keys, name_keys_keeper
from hero_desktop.data.postgres import store as store_module
from hero_desktop.data.postgres.listening import ChangeListener
from hero_desktop.data.postgres.name_keys import NameKeys
from hero_desktop.data.postgres.name_keys_keeper import NameKeysKeeper
from hero_desktop.data.postgres.opening import open_server
from hero_desktop.data.postgres.store import PostgresStore
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.sqlite import name_cache
from hero_desktop.data.views import PageRequest, PageView, read_page

from .postgres_support import TUTORIAL_TABLE, address_of, run
from .test_postgres_name_keys import (
    NAMES,
    QUERIES,
    another_client_changes,
    expected,
    heroes,
    insert,
    refused,
    shown,
)

WAIT_S = 30.0


class RecordingBoard(NameCacheBoard):
    """A board that keeps every progress posted on it."""

    def __init__(self) -> None:
        super().__init__()
        self.posted: list[NameCacheProgress] = []

    def post(self, progress: NameCacheProgress) -> None:
        self.posted.append(progress)
        super().post(progress)


def board_of(store: PostgresStore) -> RecordingBoard:
    board = store.name_cache_board()
    assert isinstance(board, RecordingBoard)
    return board


def until(state: NameCacheState, board: NameCacheBoard) -> None:
    wait_until(
        lambda: getattr(board.progress(), "state", None) is state,
        WAIT_S,
        f"the keeper {state}",
        every=0.01,
    )


@pytest.fixture
def small_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    """A keeper for a table of a few dozen heroes, read five heroes a statement, so that
    a test sees chunks and progress."""
    monkeypatch.setattr(name_keys_keeper, "KEEP_FROM", 10)
    monkeypatch.setattr(name_keys, "READ_ROWS", 5)


def keepers_only(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """``name_keys.<name>`` fails unless the keeper's thread runs it."""
    work = getattr(name_keys, name)

    def guarded(*arguments: Any) -> Any:
        assert threading.current_thread().name == "hero-name-keys", f"the store ran {name}"
        return work(*arguments)

    monkeypatch.setattr(name_keys, name, guarded)


def copies() -> list[str]:
    """The copies in Hero Desktop's cache folder (any test's)."""
    return sorted(
        path.name for path in name_cache.folder().glob(f"{name_keys.PREFIX}*{name_cache.SUFFIX}")
    )


@pytest.fixture
def tutorial(postgres_database: str) -> str:
    """A database the tutorial's app made (no name table, no notify trigger), with NAMES."""
    run(postgres_database, TUTORIAL_TABLE)
    insert(postgres_database, NAMES)
    return postgres_database


@pytest.fixture
def opened(tutorial: str) -> Iterator[PostgresStore]:
    """The tutorial's table as found, its board recording; the keeper not started yet."""
    store = open_server(address_of(tutorial))
    assert not store.names_ready()
    store._board = RecordingBoard()
    yield store
    store.close()


def still_waiting(work: Callable[[], object]) -> threading.Thread:
    """``work`` in a thread of its own, seen still waiting 0.3 s later."""
    thread = threading.Thread(target=work)
    thread.start()
    thread.join(0.3)
    assert thread.is_alive()
    return thread


def every_query_as_the_rules_say(repo: HeroRepository, url: str) -> None:
    rows = heroes(url)
    for query in QUERIES:
        assert shown(repo, query) == expected(rows, query), query


def connections(url: str) -> int:
    """Hero Desktop's connections to the test's database."""
    found = run(
        url,
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE application_name = 'Hero Desktop' AND datname = current_database()",
    )
    return int(str(found[0][0]))


class Held:
    """Holds the keeper's thread after its first read until ``release``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.reading = threading.Event()
        self.go = threading.Event()
        self.reads = 0
        """Statements the keeper read heroes with."""
        chunk = name_keys._chunk

        def held(*arguments: Any) -> Any:
            found = chunk(*arguments)
            if threading.current_thread().name == "hero-name-keys":
                self.reads += 1
                self.reading.set()
                assert self.go.wait(WAIT_S)
            return found

        monkeypatch.setattr(name_keys, "_chunk", held)

    def release(self) -> None:
        self.go.set()


def keeper_held(opened: PostgresStore, held: Held) -> None:
    """The keeper started, as once the first page is shown, and held after its first read."""
    opened.recheck_name_index()
    assert held.reading.wait(WAIT_S)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[Held]:
    holder = Held(monkeypatch)
    yield holder
    holder.release()


@pytest.mark.usefixtures("small_figures")
def test_the_keys_are_built_in_the_background_and_the_first_search_adopts_them(
    opened: PostgresStore,
    tutorial: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened.recheck_name_index()  # as the window does once the first page is shown
    board = board_of(opened)
    until(NameCacheState.READY, board)

    building = [p for p in board.posted if p.state is NameCacheState.BUILDING]
    every = len(NAMES) + 3  # the tutorial's three too
    share = name_keys.BUILD_SHARE  # (the indexes after the rows: the last fifth)
    assert [p.done for p in building] == [d - d // share for d in [*range(0, every, 5), every]]
    assert {p.total for p in building} == {every}
    assert board.progress() == NameCacheProgress(NameCacheState.READY, every, every)
    monkeypatch.setattr(name_keys, "follow", refused)  # the keeper's copy is current
    every_query_as_the_rules_say(HeroRepository(opened), tutorial)


@pytest.mark.usefixtures("small_figures")
def test_changes_made_while_the_keys_were_built_are_followed(
    opened: PostgresStore,
    tutorial: str,
    held: Held,
) -> None:
    keeper_held(opened, held)
    another_client_changes(tutorial)
    repo = HeroRepository(opened)
    with opened.transaction() as transaction:
        transaction.update(next(hero.id for hero in repo.iterate(HeroQuery())), {"name": "Åsa"})
    held.release()

    every_query_as_the_rules_say(repo, tutorial)


@pytest.mark.usefixtures("small_figures")
def test_adopted_keys_are_compared_with_the_table_even_when_told_of_every_change(
    tutorial: str,
) -> None:
    keys = NameKeys()
    with psycopg.connect(tutorial, autocommit=True) as connection:
        path = name_keys.build_copy(connection)
        insert(tutorial, ["Zyx Late"])  # after the keys were read, before they are adopted
        keys.adopt(path)
        query = HeroQuery(search="zyx")
        pager = keys.pager(lambda: connection, query, told_of_changes=True)
        ids = [hero.id for hero in pager.rows(0, 100)]
    keys.close()

    assert ids == expected(heroes(tutorial), query) != []


@pytest.mark.usefixtures("small_figures")
def test_a_search_waits_for_the_keeper_and_never_keys_the_names_itself(
    opened: PostgresStore, tutorial: str, held: Held, monkeypatch: pytest.MonkeyPatch
) -> None:
    keeper_held(opened, held)
    rows = heroes(tutorial)
    keepers_only(monkeypatch, "_fill")  # the store copies no name itself
    repo = HeroRepository(opened)
    answer: list[list[int]] = []
    waiting = still_waiting(lambda: answer.append(shown(repo, QUERIES[0])))
    held.release()
    waiting.join(WAIT_S)

    assert answer == [expected(rows, QUERIES[0])]
    assert opened.name_keys.held()


@pytest.mark.usefixtures("small_figures")
def test_an_interrupt_ends_a_search_s_wait_for_the_keeper(
    opened: PostgresStore, held: Held
) -> None:
    keeper_held(opened, held)
    timer = threading.Timer(0.3, opened.interrupt)
    timer.start()
    started = time.monotonic()
    with pytest.raises(StatementInterruptedError):
        HeroRepository(opened).count(HeroQuery(search="zoe"))
    assert 0.25 < time.monotonic() - started < WAIT_S  # it waited, then stopped when asked
    timer.join()
    assert not opened.name_keys.held()


@pytest.mark.usefixtures("small_figures")
def test_closing_while_the_keys_are_built_ends_the_keeper_and_its_connection(
    opened: PostgresStore,
    tutorial: str,
    held: Held,
) -> None:
    before = copies()
    keeper_held(opened, held)
    assert len(copies()) == len(before) + 1
    opened.stop_waiting()
    started = time.monotonic()
    opened.close()
    assert time.monotonic() - started < 2 * name_keys_keeper.CLOSE_WAIT_S
    held.release()

    board = board_of(opened)
    until(NameCacheState.CLOSED, board)
    assert held.reads == 1  # it stopped after the statement it was in
    wait_until(
        lambda: not connections(tutorial), WAIT_S, "the keeper's connection closed", every=0.01
    )
    wait_until(lambda: copies() == before, WAIT_S, "the copy begun removed", every=0.01)


@pytest.mark.usefixtures("small_figures")
def test_a_keeper_that_fails_leaves_the_keys_to_the_first_search(
    opened: PostgresStore,
    tutorial: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_copy = name_keys.make_copy

    def broken(*arguments: Any) -> Any:
        if threading.current_thread().name == "hero-name-keys":
            raise psycopg.OperationalError("the server went away")
        return make_copy(*arguments)

    monkeypatch.setattr(name_keys, "make_copy", broken)
    opened.recheck_name_index()
    until(NameCacheState.FAILED, board_of(opened))

    query = HeroQuery(search="a", sort=SortKey.NAME)
    assert shown(HeroRepository(opened), query) == expected(heroes(tutorial), query)


def test_a_small_table_is_keyed_by_its_first_search(
    opened: PostgresStore,
    tutorial: str,
) -> None:
    opened.recheck_name_index()
    until(NameCacheState.NOT_NEEDED, board_of(opened))

    query = HeroQuery(search="zoe")
    assert shown(HeroRepository(opened), query) == expected(heroes(tutorial), query)


@pytest.mark.usefixtures("small_figures")
def test_no_keeper_where_the_name_table_serves(postgres_database: str) -> None:
    store = open_server(address_of(postgres_database))  # Hero Desktop's own table
    try:
        store.recheck_name_index()
        assert store.names_ready()
        assert store._keeper is None
        assert store.name_cache_board().progress() is None
    finally:
        store.close()


@pytest.mark.usefixtures("small_figures")
def test_an_interrupt_sent_before_the_wait_stops_it_once(opened: PostgresStore, held: Held) -> None:
    keeper_held(opened, held)
    opened.interrupt()  # meant for a statement that had ended: as a late cancel, it stops the next
    repo = HeroRepository(opened)
    with pytest.raises(StatementInterruptedError):
        repo.count(HeroQuery(search="zoe"))

    timer = threading.Timer(0.3, opened.interrupt)
    timer.start()
    started = time.monotonic()
    with pytest.raises(StatementInterruptedError):
        repo.count(HeroQuery(search="zoe"))
    assert time.monotonic() - started > 0.25  # spent: the next wait waited
    timer.join()


@pytest.mark.usefixtures("small_figures")
def test_looking_again_starts_no_second_keeper(opened: PostgresStore) -> None:
    opened.recheck_name_index()
    keeper = opened._keeper
    opened.recheck_name_index()
    assert keeper is not None
    assert opened._keeper is keeper


@pytest.mark.usefixtures("small_figures")
def test_a_wait_too_long_leaves_the_keys_to_the_store_and_stops_the_keeper(
    opened: PostgresStore, tutorial: str, held: Held, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(name_keys_keeper, "WAIT_BUILD_S", 0.2)
    keeper_held(opened, held)
    query = HeroQuery(search="zoe", sort=SortKey.NAME)
    assert shown(HeroRepository(opened), query) == expected(heroes(tutorial), query)

    assert opened._keeper is None
    assert board_of(opened).progress() == NameCacheProgress(NameCacheState.CLOSED)
    held.release()
    opened.recheck_name_index()
    assert opened._keeper is None  # the store holds keys of its own


class HeldAfter:
    """Holds the keeper's thread each time it has keyed one of ``parts`` chunks, until
    ``release``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *parts: int) -> None:
        self.at = {part: (threading.Event(), threading.Event()) for part in parts}
        keyed_part = NameKeysKeeper._keyed_part
        seen: list[object] = []

        def held(keeper: NameKeysKeeper, part: name_keys.KeyedPart) -> None:
            keyed_part(keeper, part)
            seen.append(part)
            if len(seen) in self.at:
                holding, go = self.at[len(seen)]
                holding.set()
                assert go.wait(WAIT_S)

        monkeypatch.setattr(NameKeysKeeper, "_keyed_part", held)

    @property
    def holding(self) -> threading.Event:
        return self.at[min(self.at)][0]

    def repository(self, opened: PostgresStore) -> HeroRepository:
        """A repository over ``opened`` once its keeper is held at the first part."""
        opened.recheck_name_index()
        assert self.holding.wait(WAIT_S)
        return HeroRepository(opened)

    def release(self, part: int | None = None) -> None:
        for number, (_, go) in self.at.items():
            if part is None or number == part:
                go.set()


@pytest.fixture
def held_after_two(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldAfter]:
    """The keeper held with ten heroes keyed (two reads of five)."""
    monkeypatch.setattr(store_module, "EARLY_PAGE", 3)
    holder = HeldAfter(monkeypatch, 2)
    yield holder
    holder.release()


@pytest.mark.usefixtures("small_figures")
def test_a_search_typed_early_waits_only_until_a_page_of_matches_is_keyed(
    opened: PostgresStore, tutorial: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "EARLY_PAGE", 3)
    held = HeldAfter(monkeypatch, 1, 2)  # "zoe": two of the first five, three of ten
    try:
        opened.recheck_name_index()
        assert held.at[1][0].wait(WAIT_S)
        repo = HeroRepository(opened)
        query = HeroQuery(search="zoe")
        answer: list[PageView] = []
        waiting = still_waiting(lambda: answer.append(first_page(repo, query)))
        held.release(1)
        assert held.at[2][0].wait(WAIT_S)
        waiting.join(WAIT_S)  # answered while the keeper is held at ten heroes

        whole = expected(heroes(tutorial), query)
        assert [hero.id for hero in answer[0].rows] == whole[:3]
        assert answer[0].total_is_estimate
    finally:
        held.release()


def first_page(repo: HeroRepository, query: HeroQuery) -> PageView:
    return read_page(repo, PageRequest(query, 0, 3))


@pytest.mark.usefixtures("small_figures")
def test_a_search_by_id_shows_its_first_page_from_the_names_keyed_so_far(
    opened: PostgresStore, tutorial: str, held_after_two: HeldAfter
) -> None:
    repo = held_after_two.repository(opened)
    query = HeroQuery(search="a")
    rows = heroes(tutorial)
    whole = expected(rows, query)
    keyed = sorted(row[0] for row in rows)[:10]
    early = expected([row for row in rows if row[0] in keyed], query)
    assert len(early) >= 3  # (else it waits: below)

    view = first_page(repo, query)

    assert [hero.id for hero in view.rows] == whole[:3]
    assert view.total_is_estimate
    assert view.total == round(len(early) * len(rows) / 10)
    assert not repo.poll_changes()  # nothing to read again yet
    later: list[list[int]] = []
    beyond = len(early)  # the first page past the heroes keyed so far waits for the rest
    reading = still_waiting(
        lambda: later.append([h.id for h in repo.page(query, offset=beyond, limit=3)])
    )
    held_after_two.release()
    reading.join(WAIT_S)
    assert later == [whole[beyond : beyond + 3]]
    until(NameCacheState.READY, board_of(opened))
    assert repo.poll_changes()  # once: the window reads the view again
    assert not repo.poll_changes()
    again = first_page(repo, query)
    assert (again.total, again.total_is_estimate) == (len(whole), False)


@pytest.mark.usefixtures("small_figures")
@pytest.mark.parametrize(
    "query",
    [
        HeroQuery(search="иванов"),  # fewer matches than a page: all the names first
        HeroQuery(search="a", descending=True),  # the last matches come last
        HeroQuery(search="a", sort=SortKey.NAME),  # in name order: any hero may come first
    ],
    ids=["few", "descending", "by name"],
)
def test_other_searches_wait_for_all_the_names(
    opened: PostgresStore, tutorial: str, held_after_two: HeldAfter, query: HeroQuery
) -> None:
    repo = held_after_two.repository(opened)
    answer: list[PageView] = []
    waiting = still_waiting(lambda: answer.append(first_page(repo, query)))
    held_after_two.release()
    waiting.join(WAIT_S)

    whole = expected(heroes(tutorial), query)
    assert [hero.id for hero in answer[0].rows] == whole[:3]
    assert (answer[0].total, answer[0].total_is_estimate) == (len(whole), False)


@pytest.mark.usefixtures("small_figures")
def test_a_search_before_the_first_page_is_painted_starts_the_keeper(
    opened: PostgresStore, tutorial: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    keepers_only(monkeypatch, "_fill")  # the store copies no name itself
    query = HeroQuery(search="zoe", sort=SortKey.NAME)  # (no recheck_name_index yet)

    assert shown(HeroRepository(opened), query) == expected(heroes(tutorial), query)
    assert opened._keeper is not None


@pytest.mark.usefixtures("small_figures")
def test_no_early_answer_once_a_change_is_known_since_the_keeper_began(
    opened: PostgresStore, tutorial: str, held_after_two: HeldAfter
) -> None:
    repo = held_after_two.repository(opened)
    query = HeroQuery(search="a")
    first = next(hero.id for hero in repo.iterate(query=HeroQuery()) if "a" in hero.name.lower())
    repo.update(first, HeroUpdate(name="Zzz"))  # out of the search, after the keeper's snapshot

    answer: list[PageView] = []
    waiting = still_waiting(
        lambda: answer.append(first_page(repo, query))
    )  # waits for all the keys, checked against the table
    held_after_two.release()
    waiting.join(WAIT_S)
    whole = expected(heroes(tutorial), query)
    assert first not in whole
    assert [hero.id for hero in answer[0].rows] == whole[:3]


@pytest.mark.usefixtures("small_figures")
def test_an_early_answer_prepares_nothing_and_is_polled_for_even_when_listening(
    opened: PostgresStore, held_after_two: HeldAfter, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = property(lambda _self: True)  # as if the notify trigger told of every change
    with monkeypatch.context() as listening:
        listening.setattr(ChangeListener, "listening", told)
        assert opened.poll_interval_ms() is None  # no poll
    repo = held_after_two.repository(opened)
    first_page(repo, HeroQuery(search="a"))

    assert repo.prepare_pages(HeroQuery(search="a"), 0.02)  # no step waits for the keys
    with monkeypatch.context() as listening:
        listening.setattr(ChangeListener, "listening", told)
        assert opened.poll_interval_ms() == store_module.POLL_MS


@pytest.mark.usefixtures("small_figures")
def test_an_interrupt_spent_on_a_statement_does_not_stop_a_later_wait(
    opened: PostgresStore, held: Held
) -> None:
    keeper_held(opened, held)
    timer = threading.Timer(0.3, opened.interrupt)
    timer.start()
    with pytest.raises(StatementInterruptedError):
        opened.call(lambda: opened.connection.execute("SELECT pg_sleep(10)"))
    timer.join()

    repo = HeroRepository(opened)
    waiting = still_waiting(lambda: repo.count(HeroQuery(search="zoe")))  # it waits for the keeper
    held.release()
    waiting.join(WAIT_S)


@pytest.mark.usefixtures("small_figures")
def test_a_keeper_that_fails_midway_lets_go_of_what_it_keyed(
    opened: PostgresStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    chunk = name_keys._chunk
    reads: list[int] = []

    def failing(*arguments: Any) -> Any:
        reads.append(1)
        if len(reads) == 3:
            raise psycopg.OperationalError("the server went away")
        return chunk(*arguments)

    monkeypatch.setattr(name_keys, "_chunk", failing)
    opened.recheck_name_index()
    until(NameCacheState.FAILED, board_of(opened))
    keeper = opened._keeper
    assert keeper is not None
    assert keeper.keyed_so_far() is None
    assert keeper._parts == []


@pytest.mark.usefixtures("small_figures")
def test_the_folds_held_for_early_answers_stop_at_their_limit(
    opened: PostgresStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(name_keys_keeper, "EARLY_HEROES", 10)  # two reads of five
    held = HeldAfter(monkeypatch, 4)
    try:
        held.repository(opened)
        keeper = opened._keeper
        assert keeper is not None
        keyed = keeper.keyed_so_far()
        assert keyed is not None
        assert [len(part.ids) for part in keyed[0]] == [5, 5]  # four keyed, two held
    finally:
        held.release()


@pytest.mark.usefixtures("small_figures")
def test_the_keeper_gives_back_what_it_freed_once_done(
    opened: PostgresStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    given_back: list[bool] = []
    monkeypatch.setattr(
        name_keys_keeper, "_give_back_freed_memory", lambda: given_back.append(True)
    )
    name_batch.keys_in_process(["Zoë Müller"])  # the tables read, two words remembered
    assert name_batch.tables_built()
    opened.recheck_name_index()
    until(NameCacheState.READY, board_of(opened))
    wait_until(lambda: given_back == [True], WAIT_S, "the memory given back", every=0.01)
    assert not name_batch.tables_built()  # the keying tables let go of too
    assert not name_batch._words


@pytest.mark.usefixtures("small_figures")
def test_the_keeper_s_copy_is_removed_once_the_name_table_serves(
    opened: PostgresStore, tutorial: str
) -> None:
    opened.recheck_name_index()
    until(NameCacheState.READY, board_of(opened))
    repo = HeroRepository(opened)
    shown(repo, HeroQuery(search="zoe"))  # the keeper's copy adopted
    path = opened.name_keys._path
    assert path is not None
    assert path.exists()

    open_server(address_of(tutorial), allow_changes=True).close()  # the owner adds them
    opened.recheck_name_index()
    query = HeroQuery(search="zoe", sort=SortKey.NAME)
    assert shown(repo, query) == expected(heroes(tutorial), query)
    assert not path.exists()
