"""One or two letters on a SQLite file with the name index: found through the pairs index.

The trigram index needs three folded characters; the pairs index holds
each fold with a separator around each character, so that every character
and every pair of characters is one trigram of it. A short search then
reads only its matches' ids instead of every fold (0.9 s on ten million
heroes). These tests hold that it finds exactly what the rules find, in
every order, that every way the name rows change keeps it exact, and that
a file an earlier Hero Desktop indexed is read as it is until the pairs
index alone is added.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from hero_desktop.data import maintenance, names
from hero_desktop.data.errors import OperationCancelledError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.name_index_state import NameIndexStatus, NameIndexWork
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.sqlite import match_pager, name_index
from hero_desktop.data.sqlite import store as sqlite_store
from hero_desktop.data.sqlite.database import open_database
from hero_desktop.data.sqlite.store import SqliteStore

from .name_index_support import (
    insert_elsewhere,
    journal_mode,
    name_rows_agree,
    paged_ids,
    pairs_agree,
)

ROSTER = [
    "Zoë Quinn",
    "ZOË",
    "Müller-Lüdenscheidt",
    "Straße",
    "Øystein",
    "δημήτρης",
    'The "Q"',
    "Xq",
    "a",
    "Bo Bo",
    "Łukasz",
    "Señora",
]
ABSENT = ["zz", "qx", "ж", "9", "ß"]


def short_needles() -> list[str]:
    """Every character and pair of characters of the roster's folds that is its own fold and
    has no space at either end (the search box drops it), and some absent."""
    found = {
        fold[i : i + width]
        for fold in map(names.fold, ROSTER)
        for width in (1, 2)
        for i in range(len(fold) - width + 1)
    }
    return sorted(n for n in found if n.strip() == n and names.fold(n) == n) + ABSENT


def reference(heroes: list[tuple[int, str, int]], query: HeroQuery) -> list[int]:
    """The ids ``query`` shows by the rules (ages here are never NULL)."""
    folded = names.fold(query.search)
    matches = [
        (hero_id, name, age)
        for hero_id, name, age in heroes
        if folded in names.fold(name) and (query.age_from is None or age >= query.age_from)
    ]
    if query.sort is SortKey.NAME:
        matches.sort(key=lambda hero: (names.sort_key(hero[1]), hero[0]))
    elif query.sort is SortKey.AGE:
        matches.sort(key=lambda hero: (hero[2], hero[0]))
    if query.descending:
        matches.reverse()
    return [hero_id for hero_id, _, _ in matches]


@pytest.fixture
def filled(database: SqliteStore) -> HeroRepository:
    with database.transaction() as writes:
        for number in range(3):
            for name in ROSTER:
                writes.insert((f"{name} {number}" if number else name, number, "s"))
    return HeroRepository(database)


class Statements:
    """The statements a connection runs, recorded."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.seen: list[str] = []
        connection.set_trace_callback(self.seen.append)

    def asked(self, table: str) -> bool:
        return any(f"{table} MATCH" in statement for statement in self.seen)


@pytest.fixture
def statements(database: SqliteStore) -> Iterator[Statements]:
    recorded = Statements(database.connection)
    yield recorded
    database.connection.set_trace_callback(None)


def rule_count(database: SqliteStore, needle: str) -> int:
    return sum(names.matches(name, needle) for _, name in heroes_of(database))


def aged_heroes_of(database: SqliteStore) -> list[tuple[int, str, int]]:
    return database.connection.execute("SELECT id, name, age FROM hero ORDER BY id").fetchall()


def heroes_of(database: SqliteStore) -> list[tuple[int, str]]:
    return database.connection.execute("SELECT id, name FROM hero ORDER BY id").fetchall()


def test_each_character_and_pair_is_one_trigram_of_the_spread_fold() -> None:
    assert name_index.spread("ab") == "\x01a\x01b\x01"
    assert name_index.pairs_query("a") == '"\x01a\x01"'
    assert name_index.pairs_query("ab") == '"a\x01b"'
    assert name_index.pairs_query('"') == '"\x01""\x01"'  # a quote is doubled
    for unanswered in ("", "abc"):
        assert name_index.pairs_query(unanswered) is None


@pytest.mark.parametrize("needle", short_needles())
def test_a_short_search_finds_through_the_pairs_exactly_what_the_rules_find(
    filled: HeroRepository, statements: Statements, needle: str
) -> None:
    heroes = aged_heroes_of(filled.store)  # type: ignore[arg-type]
    for sort, age_from in (
        (SortKey.ID, None),
        (SortKey.NAME, None),
        (SortKey.AGE, None),
        (SortKey.ID, 1),
    ):
        for descending in (False, True):
            query = HeroQuery(search=needle, sort=sort, descending=descending, age_from=age_from)
            expected = reference(heroes, query)
            assert filled.count(query) == len(expected)
            assert paged_ids(filled, query, len(expected), 4) == expected
    assert statements.asked(name_index.PAIRS_TABLE)
    assert not statements.asked(name_index.FTS_TABLE)


@pytest.mark.parametrize(("needle", "read_through_the_pairs"), [("xq", True), ("o", False)])
def test_sorted_by_age_or_filtered_a_common_letter_reads_the_folds(
    filled: HeroRepository,
    statements: Statements,
    monkeypatch: pytest.MonkeyPatch,
    needle: str,
    read_through_the_pairs: bool,
) -> None:
    """Its matches in the pairs index would be most names: reading the folds is quicker."""
    monkeypatch.setattr(match_pager, "COMMON_SHARE", 0.25)  # "o": 15 of 36, "xq": 3
    query = HeroQuery(search=needle, sort=SortKey.AGE)
    assert filled.count(query) == len(reference(aged_heroes_of(filled.store), query))  # type: ignore[arg-type]
    pairs = f"IN (SELECT rowid FROM main.{name_index.PAIRS_TABLE}"
    assert any(pairs in seen for seen in statements.seen) is read_through_the_pairs


def test_three_letters_ask_the_trigram_index_not_the_pairs(
    filled: HeroRepository, statements: Statements
) -> None:
    found = [hero.name for hero in filled.iterate(HeroQuery(search="zoe"))]
    assert found[:2] == ["Zoë Quinn", "ZOË"]
    assert statements.asked(name_index.FTS_TABLE)
    assert not statements.asked(name_index.PAIRS_TABLE)


def test_no_fold_holds_the_separator() -> None:
    """Else a fold's pair could be mistaken for one of its characters and the separator."""
    for first in range(0, 0x3000, 0x100):
        text = "".join(
            chr(code) for code in range(first, first + 0x100) if not 0xD800 <= code < 0xE000
        )
        assert name_index.SEPARATOR not in names.fold(text)


def test_the_pairs_follow_every_change_of_hero_desktop_and_of_another_program(
    database: SqliteStore, filled: HeroRepository, db_path: Path
) -> None:
    with database.transaction() as writes:
        writes.update(1, {"name": "Qzx"})
        writes.delete(2)
        writes.insert(("Ærø", 3, "s"))
    pairs_agree(database.connection)
    insert_elsewhere(db_path, ["Zzyzx", "Ωμέγα"])
    other = sqlite3.connect(db_path)
    other.execute("UPDATE hero SET name = 'Xq Xq' WHERE id = 3")
    other.execute("DELETE FROM hero WHERE id = 4")
    other.commit()
    other.close()
    assert filled.poll_changes()
    assert [hero.name for hero in filled.iterate(HeroQuery(search="zz"))] == ["Zzyzx"]
    assert [hero.name for hero in filled.iterate(HeroQuery(search="xq"))] == [
        "Xq Xq",
        "Xq",
        "Xq 1",
        "Xq 2",
    ]
    name_rows_agree(database)


def test_a_big_change_by_another_program_rebuilds_the_pairs(
    database: SqliteStore, filled: HeroRepository, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(name_index, "BULK_PENDING", 10)
    other = sqlite3.connect(db_path)
    other.execute("DELETE FROM hero WHERE id <= 12")
    other.commit()
    other.close()
    insert_elsewhere(db_path, [f"Qi {n}" for n in range(5)])
    with database.transaction() as writes:  # keys the log (17 ids: a bulk change)
        writes.insert(("Qa", 1, "s"))
    name_rows_agree(database)
    assert filled.count(HeroQuery(search="qi")) == 5


def test_a_big_import_into_a_file_holding_more_heroes_indexes_their_pairs_as_it_goes(
    database: SqliteStore, filled: HeroRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(name_index, "BULK_PENDING", 10)

    database.bulk_insert([[(f"Qx {number}", 1, "s") for number in range(20)]], 20)

    assert name_index.has_pairs(database.connection)
    assert not database.needs_name_index_build()
    name_rows_agree(database)
    assert filled.count(HeroQuery(search="qx")) == 20


@pytest.mark.parametrize(("replace", "old"), [(False, 15), (True, 15), (True, 30)])
def test_a_big_import_into_a_smaller_file_leaves_the_pairs_to_the_background(
    database: SqliteStore,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    replace: bool,
    old: int,
) -> None:
    """Filling the pairs index costs 2.5-3 s a million heroes: an import that more than
    doubles the file, or reuses its ids, leaves it to be added after its commit."""
    monkeypatch.setattr(name_index, "BULK_PENDING", 10)
    with database.transaction() as writes:
        for number in range(old):
            writes.insert((f"Old Qx {number}", number, "s"))

    new: list[tuple[str, int | None, str]] = [("Zoë", 1, "s"), ("Straße", 2, "s")] * 10
    database.bulk_insert([new], 20, replace=replace)

    assert not name_index.has_pairs(database.connection)
    assert database.needs_name_index_build()
    repo = HeroRepository(database)
    assert repo.count(HeroQuery(search="qx")) == (0 if replace else old)  # scanned meanwhile
    assert maintenance.build_name_index(db_path, finish_only=True) == (20 if replace else 20 + old)
    database.recheck_name_index()
    assert not database.needs_name_index_build()
    name_rows_agree(database)
    assert repo.count(HeroQuery(search="qx")) == (0 if replace else old)


def test_an_earlier_hero_desktop_rebuilding_the_file_leaves_its_pairs_unread_then_anew(
    database: SqliteStore, filled: HeroRepository, db_path: Path
) -> None:
    """An earlier Hero Desktop finds the marked rule version foreign and rebuilds its own
    structures, leaving the pairs index it knows nothing of stale: this version then reads
    the names without it, and adds it anew."""
    stored = "SELECT value FROM hero_desktop_meta WHERE key = 'rule_version'"
    marked = database.connection.execute(stored).fetchone()[0]
    assert marked != names.rule_version()  # what an earlier version compares it with
    earlier = sqlite3.connect(db_path)  # its rebuild, as far as the pairs index goes:
    earlier.execute("UPDATE hero SET name = 'Zzyzx' WHERE id = 1")
    earlier.execute("DELETE FROM hero_desktop_pending")
    earlier.execute(
        "UPDATE hero_desktop_name SET fold = ?, sort_key = ? WHERE id = 1",
        (names.fold("Zzyzx"), names.sort_key("Zzyzx")),
    )
    earlier.execute("UPDATE hero_desktop_meta SET value = ?", (names.rule_version(),))
    earlier.commit()
    earlier.close()

    assert filled.poll_changes()
    assert database.names.status is NameIndexStatus.READY
    assert database.needs_name_index_build()
    assert [hero.name for hero in filled.iterate(HeroQuery(search="zz"))] == ["Zzyzx"]
    assert maintenance.build_name_index(db_path, finish_only=True) == 36
    database.recheck_name_index()
    assert name_index.has_pairs(database.connection)
    assert database.connection.execute(stored).fetchone()[0] == marked
    name_rows_agree(database)


@pytest.mark.parametrize("path", ["a kept import", "a big change log", "an add"])
def test_the_pairs_index_memory_setting_is_left_as_it_was(
    database: SqliteStore, filled: HeroRepository, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    monkeypatch.setattr(name_index, "BULK_PENDING", 10)
    pairs = name_index.PAIRS_TABLE
    database.connection.execute(
        f"INSERT INTO {pairs}({pairs}, rank) VALUES ('hashsize', ?)", (2 * 1024 * 1024,)
    )
    if path == "a kept import":
        database.bulk_insert([[(f"Qx {number}", 1, "s") for number in range(20)]], 20)
    elif path == "a big change log":
        with database.transaction() as writes:
            writes.delete_many(range(1, 13))
    else:
        with database.write() as connection:
            name_index.add_pairs(connection)
    config = f"SELECT v FROM {pairs}_config WHERE k = 'hashsize'"
    kept = name_index.DEFAULT_HASH_BYTES if path == "an add" else 2 * 1024 * 1024
    assert database.connection.execute(config).fetchall() == [(kept,)]
    name_rows_agree(database)


def earlier_file(path: Path, count: int) -> list[tuple[object, ...]]:
    """A file indexed by an earlier Hero Desktop (no pairs index); its name rows."""
    database = open_database(path)
    with database.transaction() as writes:
        for number in range(count):
            writes.insert((f"{ROSTER[number % len(ROSTER)]} {number}", number, "s"))
    database.connection.execute(f"DROP TABLE {name_index.PAIRS_TABLE}")
    rows = database.connection.execute("SELECT * FROM hero_desktop_name ORDER BY id").fetchall()
    database.close()
    return rows


def test_an_earlier_file_is_read_as_it_is_and_gets_the_pairs_alone_in_the_background(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "earlier.db"
    name_rows = earlier_file(path, 30)
    monkeypatch.setattr(sqlite_store, "SYNC_BUILD_ROWS", 20)

    database = open_database(path)
    try:
        assert database.names.status is NameIndexStatus.READY
        assert database.names.unfinished
        assert database.needs_name_index_build()
        assert not name_index.has_pairs(database.connection)
        repo = HeroRepository(database)
        # The folds are scanned meanwhile.
        assert repo.count(HeroQuery(search="xq")) == rule_count(database, "xq") == 2

        def no_rebuild(*args: object) -> int:
            raise AssertionError("a full rebuild")

        monkeypatch.setattr(name_index, "build", no_rebuild)
        heard: list[tuple[int, int]] = []

        def progress(done: int, total: int) -> bool:
            heard.append((done, total))
            return True

        assert database.needs_name_index_build() is NameIndexWork.FINISH
        assert maintenance.build_name_index(path, progress, finish_only=True) == 30
        assert heard == [(20, 30), (30, 30)]  # in batches (BATCH shrunk below)
        # Another window on the file that saw the same asks too, after: nothing to do.
        assert maintenance.build_name_index(path, finish_only=True) == 0

        database.recheck_name_index()
        assert not database.names.unfinished
        assert not database.needs_name_index_build()
        rows = database.connection.execute("SELECT * FROM hero_desktop_name ORDER BY id")
        assert rows.fetchall() == name_rows  # no name keyed again
        name_rows_agree(database)
        assert repo.count(HeroQuery(search="xq")) == 2
    finally:
        database.close()


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(name_index, "BATCH", 20)


def test_a_build_asked_to_finish_never_builds_what_is_not_current(tmp_path: Path) -> None:
    """Another program dropped the structures meanwhile: finishing them is not consent to
    a build (and a rebuild, when one is due, is asked for on its own)."""
    path = tmp_path / "earlier.db"
    earlier_file(path, 30)
    other = sqlite3.connect(path)
    for table in (name_index.FTS_TABLE, name_index.NAME_TABLE, name_index.META_TABLE):
        other.execute(f"DROP TABLE {table}")
    other.commit()
    other.close()

    assert maintenance.build_name_index(path, finish_only=True) == 0

    database = open_database(path, read_only=True)
    try:
        assert database.names.status is NameIndexStatus.REBUILD
    finally:
        database.close()


def test_a_cancelled_add_leaves_the_earlier_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "earlier.db"
    earlier_file(path, 30)
    mode = journal_mode(path)

    with pytest.raises(OperationCancelledError):
        maintenance.build_name_index(path, lambda done, total: done < total, finish_only=True)

    database = open_database(path, read_only=True)
    try:
        assert not name_index.has_pairs(database.connection)
        assert database.names.status is NameIndexStatus.READY
    finally:
        database.close()
    assert journal_mode(path) == mode


def test_a_small_earlier_file_gets_the_pairs_while_opening_and_a_read_only_one_never(
    tmp_path: Path,
) -> None:
    path = tmp_path / "earlier.db"
    earlier_file(path, 30)

    database = open_database(path, read_only=True)
    try:
        assert not database.needs_name_index_build()
        assert HeroRepository(database).count(HeroQuery(search="ø")) == rule_count(database, "ø")
        assert not name_index.has_pairs(database.connection)
    finally:
        database.close()

    database = open_database(path)
    try:
        assert name_index.has_pairs(database.connection)
        assert not database.names.unfinished
        name_rows_agree(database)
    finally:
        database.close()
