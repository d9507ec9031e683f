"""Team mode, figures 1 to 3: pages and searches, Hero Desktop beside its peers.

``Bench`` holds one connection per peer to the N-hero database that
``bench_postgres`` built: Hero Desktop's store (through the repository), the
tutorial's SQLModel engine, and a plain psycopg connection for the best raw
query (keyset on the order's index, ``ILIKE`` for a search).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import psycopg
from sqlalchemy import Engine
from sqlmodel import create_engine

from benchmarks import tutorial
from benchmarks.bench_paging import Samples
from benchmarks.report import Figure, median, ratio, timed, times
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.location import ServerAddress, parse_location
from hero_desktop.data.postgres import paging
from hero_desktop.data.postgres.opening import open_server
from hero_desktop.data.postgres.schema import AGE_KEY, NAME_TABLE
from hero_desktop.data.postgres.store import PostgresStore
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.views import PageRequest, read_page

if TYPE_CHECKING:
    from tests.postgres_server import PostgresServer


PAGE = 100
SORTS = ("id", "age", "name")
NEEDLES = ("müller", "jürgen", "storm", "captain", "ka", "xq", "zz")
""""ka" common, "xq" rare (2,503 of a million demo heroes), "zz" in no name."""
NEXT_PAGES = 30  # pages timed for Hero Desktop and raw: fractions of a millisecond each
ROW = "h.id, h.name, h.age, h.secret_name"
# The best raw keyset for each order: (source, key columns), the rows Hero Desktop shows.
RAW_ORDER = {
    "id": ("hero h", ("h.id",)),
    "age": ("hero h", (AGE_KEY, "h.id")),
    "name": (f"{NAME_TABLE} n JOIN hero h ON h.id = n.id", ("n.sort_key", "n.id")),
}


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
    by_name_query = HeroQuery(search=needle, sort=SortKey.NAME)
    samples = Samples()
    found: dict[str, int] = {}
    estimated = [False]

    def hero() -> tuple[int, list[Any]]:
        # What the window asks for: the first page with its count (an estimate for
        # a short search with many matches, said as "about").
        bench.repo.refresh()
        view = read_page(bench.repo, PageRequest(query, 0, PAGE))
        estimated[0] = view.total_is_estimate
        return view.total, view.rows

    def by_name() -> tuple[int, list[Any]]:
        # The same search sorted by name (Ctrl+2), as the window asks for it.
        bench.repo.refresh()
        view = read_page(bench.repo, PageRequest(by_name_query, 0, PAGE))
        return view.total, view.rows

    def exact() -> tuple[int, list[Any]]:
        # Before the estimate: every match counted, then the first page.
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

    def folds_read() -> tuple[int, list[Any]]:
        # Before the pairs index: a short needle read every fold, rare or not.
        paired, paging.PAIRED_UP_TO = paging.PAIRED_UP_TO, 0
        try:
            return hero()
        finally:
            paging.PAIRED_UP_TO = paired

    peers: list[tuple[str, Callable[[], tuple[int, list[Any]]]]] = [
        ("Hero Desktop", hero),
        ("tutorial style", lambda: tutorial.search(bench.engine, needle)),
        ("raw psycopg", raw),
        ("exact count", exact),
        ("in name order", by_name),
        ("folds read", folds_read),
    ]
    for peer, work in peers:
        for _ in range(bench.repeat):
            found[peer], _rows = samples.run(peer, work)
    medians = samples.medians()
    mine = medians["Hero Desktop"]
    before = medians.pop("exact count")
    in_name_order = medians.pop("in name order")
    without_pairs = medians.pop("folds read")
    shown = f"about {found['Hero Desktop']:,}" if estimated[0] else f"{found['Hero Desktop']:,}"
    return Figure(
        name=f'PG search "{needle}": count + first page',
        unit="ms",
        values=dict(medians),
        target="≤ 50 ms",
        met=mine <= 50,
        ratios=f"raw ILIKE {times(ratio(medians['raw psycopg'], mine))} slower",
        notes=[
            f"found {shown} (exactly {found['exact count']:,}; accents and case set aside); "
            f"ILIKE {found['raw psycopg']:,}; the tutorial's icontains "
            f"{found['tutorial style']:,}",
            f"in name order: {in_name_order:.1f} ms",
            *(
                [f"every fold read (before the pairs index): {without_pairs:.1f} ms"]
                if len(needle) <= paging.PAIRED_UP_TO
                else []
            ),
            f"before (every match counted first): {before:.1f} ms, "
            f"{times(ratio(before, medians['raw psycopg']))} raw ILIKE; now "
            f"{times(ratio(mine, medians['raw psycopg']))} raw",
        ],
    )
