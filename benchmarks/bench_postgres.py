"""Team mode: Hero Desktop's PostgreSQL store beside the tutorial's ORM and raw psycopg.

Everything runs on one throwaway server (``tests/postgres_server.py``: a new
cluster under /tmp, fsync and synchronous commit off, shared_buffers at
PostgreSQL's default 128 MB), started here and removed at the end. One
database holds N heroes (``dataset.generate``'s names: ASCII with some
accented ones), loaded with COPY into the tutorial's table, then opened once
with ``allow_changes=True`` so that Hero Desktop builds its name structures,
then ``VACUUM ANALYZE`` (what autovacuum does on a live server).

Peers, on the same database:

* tutorial style: the tutorial's SQLModel ``select(Hero)...offset().limit()``
  (``benchmarks/tutorial.py``) on a ``postgresql+psycopg`` engine;
* raw psycopg: the best query on a plain connection, same rows as Hero
  Desktop: keyset (``WHERE key > last ORDER BY key LIMIT 100``) on the index
  of that order (by age ``hero_desktop_age``, by name the name table's
  ``(sort_key, id)``), ``ILIKE`` for a search, ``LISTEN`` for a change,
  ``COPY ... FROM STDIN`` for an import.

Figures:

1. the next page at depth (the page after one already shown), by id, age, name;
2. the last page (offset count - 100) of a shown view (its count known);
3. a search's count and first page on a fresh pager;
4. another client's commit until a second store's ``poll_changes()`` says so;
5. CSV import of N heroes into an empty database.
"""

from __future__ import annotations

import csv
import select
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psycopg
from sqlalchemy import Engine
from sqlmodel import create_engine

from benchmarks import dataset, report, tutorial
from benchmarks.bench_paging import Samples
from benchmarks.report import Figure, median, ratio, timed, times
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.location import ServerAddress, parse_location
from hero_desktop.data.postgres.opening import open_server
from hero_desktop.data.postgres.schema import AGE_KEY, NAME_TABLE
from hero_desktop.data.postgres.store import PostgresStore
from hero_desktop.data.query import HeroQuery, SortKey

if TYPE_CHECKING:
    from tests.postgres_server import PostgresServer

PAGE = 100
PEERS = ("Hero Desktop", "tutorial style", "raw psycopg")
SORTS = ("id", "age", "name")
NEEDLES = ("müller", "jürgen", "storm", "captain", "ka")
NOTICES = 20
NEXT_PAGES = 30  # pages timed for Hero Desktop and raw: fractions of a millisecond each
ROW = "h.id, h.name, h.age, h.secret_name"
# The best raw keyset for each order: (source, key columns), the rows Hero Desktop shows.
RAW_ORDER = {
    "id": ("hero h", ("h.id",)),
    "age": ("hero h", (AGE_KEY, "h.id")),
    "name": (f"{NAME_TABLE} n JOIN hero h ON h.id = n.id", ("n.sort_key", "n.id")),
}
Log = Callable[[str], None]


class Bench:
    """The server, the N-hero database, and a connection per peer."""

    def __init__(self, server: PostgresServer, rows: int, repeat: int) -> None:
        self.server = server
        self.rows = rows
        self.repeat = repeat
        self.url = server.url("heroes")
        self.store: PostgresStore = open_store(self.url)
        self.repo = HeroRepository(self.store)
        self.raw = psycopg.connect(self.url, autocommit=True)
        self.engine = orm_engine(self.url)

    def close(self) -> None:
        self.engine.dispose()
        self.raw.close()
        self.store.close()


def open_store(url: str, *, allow_changes: bool = False) -> PostgresStore:
    address = parse_location(url)
    assert isinstance(address, ServerAddress)
    return open_server(address, allow_changes=allow_changes)


def orm_engine(url: str) -> Engine:
    return create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))


def _ids(rows: list[Any]) -> list[int]:
    return [int(row.id if hasattr(row, "id") else row[0]) for row in rows]


# -- the data set --------------------------------------------------------------


def build(server: PostgresServer, rows: int, log: Log) -> None:
    """The ``heroes`` database: the tutorial's table, N heroes, Hero Desktop's structures."""
    server.create_database("heroes")
    url = server.url("heroes")
    engine = orm_engine(url)
    tutorial.TutorialHero.metadata.create_all(engine)  # the tutorial's create_all
    engine.dispose()
    with psycopg.connect(url, autocommit=True) as connection:
        with connection.cursor().copy("COPY hero (name, age, secret_name) FROM STDIN") as copy:
            for hero in dataset.generate(rows):
                copy.write_row(hero)
        log(f"postgres: {rows:,} heroes copied in; building Hero Desktop's name structures")
        open_store(url, allow_changes=True).close()
        connection.execute("VACUUM ANALYZE")


# -- 1 and 2: pages ----------------------------------------------------------------


def _raw_sql(sort: str, *, after: bool = False, last: bool = False) -> str:
    source, keys = RAW_ORDER[sort]
    columns = ", ".join(keys)
    where = f"WHERE ({columns}) > ({', '.join('%s' for _ in keys)})" if after else ""
    order = ", ".join(f"{key} DESC" for key in keys) if last else columns
    return f"SELECT {columns}, {ROW} FROM {source} {where} ORDER BY {order} LIMIT {PAGE}"


def _raw_key(bench: Bench, sort: str, hero_id: int) -> tuple[Any, ...]:
    source, keys = RAW_ORDER[sort]
    found = bench.raw.execute(
        f"SELECT {', '.join(keys)} FROM {source} WHERE h.id = %s", (hero_id,)
    ).fetchone()
    assert found is not None
    return tuple(found)


def next_page(bench: Bench, sort: str) -> Figure:
    """Pages o+100, o+200... each right after the one before it, o = N/2."""
    start = bench.rows // 2 // PAGE * PAGE
    offsets = [start + PAGE * (i + 1) for i in range(max(bench.repeat, NEXT_PAGES))]
    query = HeroQuery(sort=SortKey(sort))
    samples = Samples()

    bench.repo.refresh()
    shown = bench.repo.page(query, offset=start)
    for offset in offsets:
        samples.keep(
            "Hero Desktop", _ids(samples.run("Hero Desktop", bench.repo.page, query, offset=offset))
        )

    tutorial.page(bench.engine, sort, start)
    for offset in offsets[: bench.repeat]:
        found = samples.run("tutorial style", tutorial.page, bench.engine, sort, offset)
        if sort == "id":  # by age and name the ORM's order differs (NULLs last, collation)
            samples.keep("tutorial style", _ids(found))

    width = len(RAW_ORDER[sort][1])
    key = _raw_key(bench, sort, shown[-1].id)
    for _ in offsets:
        rows = samples.run("raw psycopg", _raw_page, bench, sort, key)
        samples.keep("raw psycopg", [row[width] for row in rows])
        key = tuple(rows[-1][:width])

    medians = samples.medians()
    hero, raw = medians["Hero Desktop"], medians["raw psycopg"]
    vs_raw = ratio(hero, raw)
    return Figure(
        name=f"PG next page at depth (row {start + PAGE:,} of {bench.rows:,}, by {sort})",
        unit="ms",
        values=dict(medians),
        target="≤ 3x raw",
        met=vs_raw is not None and vs_raw <= 3,
        ratios=f"{times(vs_raw)} raw; tutorial {times(ratio(medians['tutorial style'], hero))} "
        "slower",
        notes=[
            *samples.note(),
            f"Hero Desktop and raw: median of {len(offsets)} consecutive pages; tutorial: of "
            f"{bench.repeat}",
        ],
    )


def _raw_page(bench: Bench, sort: str, key: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    return bench.raw.execute(_raw_sql(sort, after=True), key).fetchall()


def last_page(bench: Bench, sort: str) -> Figure:
    """The last page of a view already shown (its count known), on a fresh pager each time."""
    query = HeroQuery(sort=SortKey(sort))
    samples = Samples()
    counts = []
    for _ in range(bench.repeat):
        bench.repo.refresh()
        elapsed, total = timed(bench.repo.count, query)
        counts.append(elapsed)
        rows = samples.run("Hero Desktop", bench.repo.page, query, offset=total - PAGE)
        samples.keep("Hero Desktop", _ids(rows))
    offset = total - PAGE
    for _ in range(bench.repeat):
        found = samples.run("tutorial style", tutorial.page, bench.engine, sort, offset)
        if sort == "id":
            samples.keep("tutorial style", _ids(found))
    width = len(RAW_ORDER[sort][1])
    for _ in range(bench.repeat):
        last = samples.run(
            "raw psycopg", lambda: bench.raw.execute(_raw_sql(sort, last=True)).fetchall()
        )
        samples.keep("raw psycopg", [int(row[width]) for row in reversed(last)])
    medians = samples.medians()
    hero = medians["Hero Desktop"]
    return Figure(
        name=f"PG last page (offset {offset:,}), by {sort}",
        unit="ms",
        values=dict(medians),
        target="≤ 20 ms",
        met=hero <= 20,
        ratios=f"tutorial {times(ratio(medians['tutorial style'], hero))} slower; "
        f"{times(ratio(hero, medians['raw psycopg']))} raw (ORDER BY key DESC)",
        notes=[
            *samples.note(),
            f"the view's count first (not in the figure): {median(counts):.1f} ms",
        ],
    )


# -- 3: search -------------------------------------------------------------------


def search(bench: Bench, needle: str) -> Figure:
    """Count and first page of a search, on a fresh pager (``refresh`` before each)."""
    query = HeroQuery(search=needle)
    samples = Samples()
    found: dict[str, int] = {}

    def hero() -> tuple[int, list[Any]]:
        bench.repo.refresh()
        return bench.repo.count(query), bench.repo.page(query)

    def raw() -> tuple[int, list[Any]]:
        pattern = f"%{needle}%"
        row = bench.raw.execute("SELECT count(*) FROM hero WHERE name ILIKE %s", (pattern,))
        total = row.fetchone()
        page = bench.raw.execute(
            f"SELECT id, name, age, secret_name FROM hero WHERE name ILIKE %s ORDER BY id "
            f"LIMIT {PAGE}",
            (pattern,),
        ).fetchall()
        return int(total[0]) if total else 0, page

    peers: list[tuple[str, Callable[[], tuple[int, list[Any]]]]] = [
        ("Hero Desktop", hero),
        ("tutorial style", lambda: tutorial.search(bench.engine, needle)),
        ("raw psycopg", raw),
    ]
    for peer, work in peers:
        for _ in range(bench.repeat):
            found[peer], _rows = samples.run(peer, work)
    medians = samples.medians()
    mine = medians["Hero Desktop"]
    return Figure(
        name=f'PG search "{needle}": count + first page',
        unit="ms",
        values=dict(medians),
        target="≤ 50 ms",
        met=mine <= 50,
        ratios=f"raw ILIKE {times(ratio(medians['raw psycopg'], mine))} slower",
        notes=[
            f"found {found['Hero Desktop']:,} (accents and case set aside); ILIKE "
            f"{found['raw psycopg']:,}; the tutorial's icontains {found['tutorial style']:,}"
        ],
    )


# -- 4: another client's change -----------------------------------------------------


def _wait_readable(fd: int, deadline: float) -> None:
    left = deadline - time.perf_counter()
    if left <= 0:
        raise TimeoutError("no notification within 5 s")
    select.select([fd], [], [], left)


def change_elsewhere(bench: Bench) -> Figure:
    """A rename committed on another connection, until the store notices (poll_changes True)."""
    store, repo = bench.store, bench.repo
    fd = store.notification_socket()
    if fd is None:
        return Figure(
            name="PG another client's change noticed",
            unit="ms",
            values={},
            notes=["the store has no listening connection (no notify trigger)"],
        )
    writer = psycopg.connect(bench.url, autocommit=True)
    hero = repo.page(HeroQuery(), offset=bench.rows // 3, limit=1)[0]
    samples = Samples()
    try:
        while repo.poll_changes():
            pass
        for i in range(NOTICES):
            started = time.perf_counter()
            deadline = started + 5
            writer.execute("UPDATE hero SET name = %s WHERE id = %s", (f"{hero.name} {i}", hero.id))
            while True:
                _wait_readable(fd, deadline)
                if repo.poll_changes():
                    break
            samples.values.setdefault("Hero Desktop", []).append(
                (time.perf_counter() - started) * 1000
            )
        listener = psycopg.connect(bench.url, autocommit=True)
        listener.execute("LISTEN hero_desktop")
        for i in range(NOTICES):
            started = time.perf_counter()
            deadline = started + 5
            writer.execute("UPDATE hero SET age = %s WHERE id = %s", (20 + i, hero.id))
            heard: list[psycopg.Notify] = []
            while not heard:
                _wait_readable(listener.fileno(), deadline)
                heard = list(listener.notifies(timeout=0, stop_after=1))
            samples.values.setdefault("raw psycopg", []).append(
                (time.perf_counter() - started) * 1000
            )
        listener.close()
        writer.execute(
            "UPDATE hero SET name = %s, age = %s WHERE id = %s", (hero.name, hero.age, hero.id)
        )
        while repo.poll_changes():
            pass
    finally:
        writer.close()
    medians = samples.medians()
    mine = medians["Hero Desktop"]
    return Figure(
        name=f"PG another client's rename noticed by a second store (median of {NOTICES})",
        unit="ms",
        values=dict(medians),
        target="≤ 1 s (a few ms)",
        met=mine <= 1000,
        ratios=f"{times(ratio(mine, medians['raw psycopg']))} raw LISTEN",
        notes=[
            "from the writer's UPDATE (autocommit) to poll_changes() True after select() on "
            "notification_socket(), which also keys the new name; raw: a plain LISTEN "
            "connection hears the same trigger's NOTIFY"
        ],
    )


# -- 5: CSV import --------------------------------------------------------------------


def _write_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("name", "age", "secret_name"))
        writer.writerows(dataset.generate(rows, seed=dataset.SEED + 1))


def _import_hero(server: PostgresServer, source: Path) -> tuple[float, float]:
    """Seconds of the import itself, and of keying its names after it (in the background)."""
    server.create_database("import_hero")
    store = open_store(server.url("import_hero"))  # creates hero, structures
    try:
        started = time.perf_counter()
        HeroRepository(store).import_csv(source)
        imported = time.perf_counter() - started
        started = time.perf_counter()
        if store.needs_name_index_build():
            store.build_name_index()
        return imported, time.perf_counter() - started
    finally:
        store.close()
        server.drop_database("import_hero")


def _import_raw(server: PostgresServer, source: Path, *, hero_desktop_table: bool = False) -> float:
    """COPY the CSV into the tutorial's table (or one Hero Desktop made, its triggers firing)."""
    server.create_database("import_raw")
    url = server.url("import_raw")
    if hero_desktop_table:
        open_store(url).close()
    else:
        engine = orm_engine(url)
        tutorial.TutorialHero.metadata.create_all(engine)
        engine.dispose()
    try:
        with psycopg.connect(url, autocommit=True) as connection, source.open("rb") as handle:
            started = time.perf_counter()
            with connection.cursor().copy(
                "COPY hero (name, age, secret_name) FROM STDIN (FORMAT csv, HEADER true)"
            ) as copy:
                while block := handle.read(1 << 20):
                    copy.write(block)
            return time.perf_counter() - started
    finally:
        server.drop_database("import_raw")


def import_figure(server: PostgresServer, rows: int, repeat: int, log: Log) -> Figure:
    with tempfile.TemporaryDirectory(prefix="hero-bench-pg-") as folder:
        source = Path(folder) / "heroes.csv"
        _write_csv(source, rows)
        runs = [_import_hero(server, source) for _ in range(repeat)]
        hero = [imported for imported, _ in runs]
        keying = median(keyed for _, keyed in runs)
        log(f"postgres: import through the repository {median(hero):.2f} s (+{keying:.2f} s)")
        raw = [_import_raw(server, source) for _ in range(repeat)]
        triggers = median(
            _import_raw(server, source, hero_desktop_table=True) for _ in range(repeat)
        )
    mine, floor = median(hero), median(raw)
    same = ratio(mine, floor)
    return Figure(
        name=f"PG import {rows:,} heroes from CSV into an empty database",
        unit="s",
        values={"Hero Desktop": mine, "raw psycopg": floor},
        target="≤ 1.5x raw COPY",
        met=same is not None and same <= 1.5,
        ratios=f"{times(same)} raw COPY (tutorial's table alone); "
        f"{times(ratio(mine, triggers))} raw COPY into Hero Desktop's table",
        notes=[
            f"median of {repeat}; Hero Desktop validates every row; the names of a big import "
            f"are keyed after it, in the background: {keying:.2f} s more (search scans "
            f"meanwhile); raw COPY into a table Hero Desktop made (its triggers fire, no "
            f"names keyed) {triggers:.2f} s"
        ],
    )


# -- the run ------------------------------------------------------------------------


@contextmanager
def throwaway_server(log: Log) -> Iterator[PostgresServer]:
    from tests.postgres_server import PostgresServer

    server = PostgresServer()
    try:
        server.start()
        server.execute("ALTER SYSTEM SET shared_buffers = '128MB'")
        server.restart()
        log(f"postgres: server started in {server.folder}")
        yield server
    finally:
        server.cleanup()


def run(rows: int, repeat: int, quick: bool, log: Log) -> list[Figure]:
    try:
        from tests.postgres_server import PostgresNotInstalledError
    except ImportError:
        return [_missing("tests/postgres_server.py is not there")]
    try:
        with throwaway_server(log) as server:
            started = time.perf_counter()
            build(server, rows, log)
            log(f"postgres: data set built in {time.perf_counter() - started:.1f} s")
            bench = Bench(server, rows, repeat)
            figures = []
            try:
                for sort in SORTS:
                    log(f"postgres: next page at depth by {sort}")
                    figures.append(next_page(bench, sort))
                for sort in SORTS:
                    log(f"postgres: last page by {sort}")
                    figures.append(last_page(bench, sort))
                for needle in NEEDLES:
                    log(f'postgres: search "{needle}"')
                    figures.append(search(bench, needle))
                log("postgres: another client's change")
                figures.append(change_elsewhere(bench))
            finally:
                bench.close()
            log("postgres: CSV import")
            figures.append(import_figure(server, rows, 1 if quick else min(repeat, 3), log))
            return figures
    except PostgresNotInstalledError as error:
        return [_missing(str(error))]


def _missing(why: str) -> Figure:
    return Figure(name="PostgreSQL (team mode)", unit="ms", values={}, notes=[why])


def print_table(figures: list[Figure]) -> None:
    """report.print_table with this section's peers."""
    report.print_table(figures, PEERS)
