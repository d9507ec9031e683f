"""The first page of a name search (3+ letters), with its count, over the whole table."""

from __future__ import annotations

from collections.abc import Callable

from benchmarks import floor, qsql, tutorial
from benchmarks.bench_paging import PAGE, Samples, Setup
from benchmarks.report import Figure, ratio, times
from benchmarks.window_model import WindowModel as HeroTableModel
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.sqlite.database import open_database

# From common (3% of the demo roster) to rare (a few hundred heroes).
NEEDLES = ("wolf", "captain", "rusty", "the neb", "okafor", "kim 12", "eagle")
# Not ASCII: found through the same index of folded names (see also bench_names).
NON_ASCII_NEEDLES = ("müller", "björk", "ğlu")


def first_search_page(setup: Setup, base: tuple[str, ...], name: str) -> Figure:
    needles = [base[i % len(base)] for i in range(max(setup.repeat, len(base)))]
    samples = Samples()
    counts: dict[str, set[int]] = {}

    repository = HeroRepository(open_database(setup.path))
    model = HeroTableModel(repository, PAGE)
    model.load(page=0)
    for needle in needles:
        repository.refresh()  # a search typed for the first time
        samples.run("Hero Desktop", model.load, query=HeroQuery(search=needle), page=0)
        counts.setdefault("Hero Desktop", set()).add(model.total)
        samples.keep("Hero Desktop", [model.hero_at(row).id for row in range(model.rowCount())])
    repository.store.close()

    engine = tutorial.engine_for(setup.path)
    tutorial.count(engine)
    for needle in needles:
        total, found = samples.run("tutorial style", tutorial.search, engine, needle)
        counts.setdefault("tutorial style", set()).add(total)
        samples.keep("tutorial style", [int(hero.id or 0) for hero in found])
    engine.dispose()

    database = qsql.connect(setup.path)
    for needle in needles[: max(setup.qsql_repeat, len(base))]:

        def work(n: str = needle) -> tuple[int, list[int]]:
            table = qsql.table_model(database, "id", f"name LIKE '%{n}%'")
            ids = qsql.read_ids(table, 0, PAGE)
            return qsql.fetch_all(table), ids  # fetching everything is its only way to count

        total, ids = samples.run("QSqlTableModel", work)
        counts.setdefault("QSqlTableModel", set()).add(total)
        samples.keep("QSqlTableModel", ids)
    database.close()

    connection = floor.connect(setup.path)
    for needle in needles:
        total, rows = samples.run("raw sqlite3", floor.search, connection, needle)
        counts.setdefault("raw sqlite3", set()).add(total)
        samples.keep("raw sqlite3", [int(row[0]) for row in rows])
    connection.close()

    medians = samples.medians()
    hero = medians["Hero Desktop"]
    notes = [
        f"needles {', '.join(repr(n) for n in base)}; Hero Desktop worst "
        f"{max(samples.values['Hero Desktop']):.1f} ms; floor = FTS5 trigram count + first page"
    ]
    if len({frozenset(c) for c in counts.values()}) != 1:
        notes.append(f"peers found different counts: {counts}")
    notes += samples.note()
    return Figure(
        name=name,
        unit="ms",
        values=dict(medians),
        target="≤ 30 ms",
        met=hero <= 30,
        ratios=f"tutorial {times(ratio(medians['tutorial style'], hero))} slower; "
        f"QSql {times(ratio(medians['QSqlTableModel'], hero))}; "
        f"{times(ratio(hero, medians['raw sqlite3']))} floor",
        notes=notes,
    )


def run(setup: Setup, log: Callable[[str], None]) -> list[Figure]:
    log("search: first page")
    figures = [first_search_page(setup, NEEDLES, "first page of a name search, with its count")]
    log("search: first page, non-ASCII needles")
    figures.append(first_search_page(setup, NON_ASCII_NEEDLES, "the same, non-ASCII needle"))
    return figures
