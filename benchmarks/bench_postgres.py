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

Figures (1 to 3 in ``bench_postgres_reads.py``, with the peers' connections):

1. the next page at depth (the page after one already shown), by id, age, name;
2. the last page (offset count - 100) of a shown view (its count known);
3. a search's count and first page on a fresh pager;
4. another client's commit until a second store's ``poll_changes()`` says so;
5. a search through a real window, from its last key to its rows shown, by id and by
   name (``bench_postgres_window.py``);
6. CSV import of N heroes into an empty database.

Why one file of this length: the server, the data set and the figures that
write to it (a change, an import) share one run; most lines are peers side by side.
"""

from __future__ import annotations

import csv
import select
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg

from benchmarks import bench_postgres_window, dataset, report, tutorial
from benchmarks.bench_paging import Samples
from benchmarks.bench_postgres_reads import (
    NEEDLES,
    SORTS,
    Bench,
    last_page,
    next_page,
    open_store,
    orm_engine,
    search,
)
from benchmarks.report import Figure, median, ratio, times
from hero_desktop.data import maintenance
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.query import HeroQuery

if TYPE_CHECKING:
    from tests.postgres_server import PostgresServer


PEERS = ("Hero Desktop", "tutorial style", "raw psycopg")
NOTICES = 20
Log = Callable[[str], None]


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
            maintenance.build_name_index(store.address)  # what the window runs in the background
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
            log("postgres: searches through a real window")
            figures += bench_postgres_window.run(server.url("heroes"))
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
