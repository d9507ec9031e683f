"""Paging figures: next page at depth, cold jumps by name and age, checkpoint builds.

Hero Desktop is measured through ``WindowModel.load(page=...)`` (read_page + show_view), what a
key press runs (count, page, model reset). Each peer returns the same heroes
for the same page; the first sample of each figure checks that.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from benchmarks import floor, qsql, tutorial
from benchmarks.report import Figure, median, ratio, timed, times
from benchmarks.window_model import WindowModel as HeroTableModel
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import HeroUpdate
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.rows import MIN_AGE
from hero_desktop.data.sqlite.database import open_database

PAGE = 100
T = TypeVar("T")


@dataclass
class Setup:
    path: Path
    rows: int
    repeat: int
    qsql_repeat: int

    @property
    def pages(self) -> int:
        return -(-self.rows // PAGE)


def hero_model(path: Path, sort: str) -> tuple[HeroTableModel, HeroRepository]:
    """A fresh repository and table model on its own connection, first page shown.

    Its pager is built too (the page checkpoints, as after any jump): the first
    pages alone need none, so showing page 0 no longer builds them.
    """
    repository = HeroRepository(open_database(path))
    model = HeroTableModel(repository, PAGE)
    _first_page_and_checkpoints(model, repository, sort)
    return model, repository


def _first_page_and_checkpoints(
    model: HeroTableModel, repository: HeroRepository, sort: str
) -> None:
    query = HeroQuery(sort=SortKey(sort))
    model.load(query=query, page=0)
    # Ranking a hero walks the checkpoints of its part of the order; by age the
    # heroes without an age and those with one are two parts: one hero of each.
    ranked = [model.hero_at(0).id]
    if query.sort is SortKey.AGE:
        aged = repository.page(HeroQuery(age_from=MIN_AGE), limit=1)
        ranked += [hero.id for hero in aged]
    for hero_id in ranked:
        repository.rank_of(hero_id, query)


def _ids(rows: Sequence[Any]) -> list[int]:
    return [int(row.id if hasattr(row, "id") else row[0]) for row in rows]


class Samples:
    """Timings per peer, and the first page each peer returned, to compare them."""

    def __init__(self) -> None:
        self.values: dict[str, list[float]] = {}
        self.pages: dict[str, list[int]] = {}

    def run(self, peer: str, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        elapsed, result = timed(work, *args, **kwargs)
        self.values.setdefault(peer, []).append(elapsed)
        return result

    def keep(self, peer: str, ids: list[int]) -> None:
        self.pages.setdefault(peer, ids)

    def medians(self) -> dict[str, float]:
        return {peer: median(values) for peer, values in self.values.items()}

    def note(self) -> list[str]:
        reference = self.pages.get("Hero Desktop")
        wrong = [peer for peer, ids in self.pages.items() if ids != reference]
        return [f"peers disagree on the rows of a page: {', '.join(wrong)}"] if wrong else []


def _shown(model: HeroTableModel) -> list[int]:
    return [model.hero_at(row).id for row in range(model.rowCount())]


def next_page_at_depth(setup: Setup) -> Figure:
    """Page P+1 right after page P, at the middle of the table, sorted by name."""
    middle = setup.pages // 2
    pages = [middle + i for i in range(setup.repeat)]
    samples = Samples()

    model, _repository = hero_model(setup.path, "name")
    model.load(page=middle - 1)
    for page in pages:
        samples.run("Hero Desktop", model.load, page=page)
        samples.keep("Hero Desktop", _shown(model))

    engine = tutorial.engine_for(setup.path)
    tutorial.page(engine, "name", (middle - 1) * PAGE)
    for page in pages:
        found = samples.run("tutorial style", tutorial.page, engine, "name", page * PAGE)
        samples.keep("tutorial style", _ids(found))
    engine.dispose()

    database = qsql.connect(setup.path)
    table = qsql.table_model(database, "name")
    qsql.page(table, (middle - 1) * PAGE)
    for page in pages:
        samples.keep("QSqlTableModel", samples.run("QSqlTableModel", qsql.page, table, page * PAGE))
    del table
    database.close()

    connection = floor.connect(setup.path)
    key = floor.key_before(connection, "name", middle * PAGE)
    for _page in pages:
        rows = samples.run("raw sqlite3", floor.page_after, connection, "name", key)
        samples.keep("raw sqlite3", _ids(rows))
        key = (rows[-1][1], rows[-1][0])
    connection.close()

    medians = samples.medians()
    hero, floor_ms, tut = medians["Hero Desktop"], medians["raw sqlite3"], medians["tutorial style"]
    vs_floor, vs_tutorial = ratio(hero, floor_ms), ratio(tut, hero)
    return Figure(
        name=f"next page at depth (page {middle + 1:,} of {setup.pages:,}, by name)",
        unit="ms",
        values=dict(medians),
        target="≤ 3x floor, 10x faster than tutorial",
        met=vs_floor is not None
        and vs_tutorial is not None
        and vs_floor <= 3
        and vs_tutorial >= 10,
        ratios=f"{times(vs_floor)} floor; tutorial {times(vs_tutorial)} slower; "
        f"QSql {times(ratio(medians['QSqlTableModel'], hero))}",
        notes=samples.note(),
    )


def _jump_pages(setup: Setup, where: str) -> list[int]:
    if where == "last":
        return [setup.pages - 1] * setup.repeat
    rng = random.Random(7)
    return [rng.randrange(setup.pages) for _ in range(setup.repeat)]


def jump(setup: Setup, sort: str, where: str) -> Figure:
    """A cold jump: the first touch of that page on a fresh connection, pager already built."""
    pages = _jump_pages(setup, where)
    samples = Samples()

    for page in pages:
        model, repository = hero_model(setup.path, sort)  # builds the pager (checkpoint_build)
        samples.run("Hero Desktop", model.load, page=page)
        samples.keep("Hero Desktop", _shown(model))
        repository.store.close()

    for page in pages:
        engine = tutorial.engine_for(setup.path)
        tutorial.count(engine)  # the connection is open, as in a running server
        found = samples.run("tutorial style", tutorial.page, engine, sort, page * PAGE)
        samples.keep("tutorial style", _ids(found))
        engine.dispose()

    database = qsql.connect(setup.path)
    for page in pages[: setup.qsql_repeat]:
        table = qsql.table_model(database, sort)
        samples.keep("QSqlTableModel", samples.run("QSqlTableModel", qsql.page, table, page * PAGE))
        del table
    database.close()

    for page in pages:
        connection = floor.connect(setup.path)
        key = floor.key_before(connection, sort, page * PAGE)
        rows = samples.run("raw sqlite3", floor.page_after, connection, sort, key)
        samples.keep("raw sqlite3", _ids(rows))
        connection.close()

    medians = samples.medians()
    hero, tut = medians["Hero Desktop"], medians["tutorial style"]
    vs_tutorial = ratio(tut, hero)
    label = "last page" if where == "last" else "a random page"
    return Figure(
        name=f"jump to {label}, by {sort} (cold)",
        unit="ms",
        values=dict(medians),
        target="≤ 10 ms, 5x faster than tutorial",
        met=hero <= 10 and vs_tutorial is not None and vs_tutorial >= 5,
        ratios=f"tutorial {times(vs_tutorial)} slower; "
        f"QSql {times(ratio(medians['QSqlTableModel'], hero))}; "
        f"{times(ratio(hero, medians['raw sqlite3']))} floor",
        notes=samples.note(),
    )


def checkpoint_build(setup: Setup, sort: str) -> Figure:
    """One-time cost: the first page under a sort on a fresh repository, and its checkpoints."""
    samples = Samples()
    for _ in range(setup.repeat):
        repository = HeroRepository(open_database(setup.path))
        model = HeroTableModel(repository, PAGE)
        samples.run("Hero Desktop", _first_page_and_checkpoints, model, repository, sort)
        repository.store.close()
    connection = floor.connect(setup.path)
    for _ in range(setup.repeat):
        samples.run("raw sqlite3", floor.page_after, connection, sort, None)
    connection.close()
    return Figure(
        name=f"first page and page checkpoints, by {sort} (once per sort and per change)",
        unit="ms",
        values=dict(samples.medians()),
        ratios="builds the page checkpoints for this sort",
    )


def edit_then_page(setup: Setup, sort: str) -> Figure:
    """An edit clears the checkpoints: the page shown after it, by ``sort``, deep in the table."""
    folder = tempfile.TemporaryDirectory(prefix="hero-bench-")
    copy = Path(folder.name) / "edited.db"
    shutil.copyfile(setup.path, copy)
    model, repository = hero_model(copy, sort)
    page = setup.pages // 2
    model.load(page=page)
    hero = model.hero_at(0)
    samples = Samples()
    for i in range(setup.repeat):
        secret = f"{hero.secret_name} {i}"

        def work(s: str = secret) -> None:
            repository.update(hero.id, HeroUpdate(secret_name=s))
            model.load(page=page)

        samples.run("Hero Desktop", work)
    repository.store.close()
    folder.cleanup()
    return Figure(
        name=f"edit a hero, then its page (page {page + 1:,}) by {sort}",
        unit="ms",
        values=dict(samples.medians()),
        ratios="includes the write (synchronous=FULL) and the rebuild",
    )


def run(setup: Setup, log: Callable[[str], None]) -> list[Figure]:
    figures = []
    log("paging: next page at depth")
    figures.append(next_page_at_depth(setup))
    for sort in ("name", "age"):
        for where in ("last", "random"):
            log(f"paging: jump to {where} page by {sort}")
            figures.append(jump(setup, sort, where))
    for sort in ("id", "name", "age"):
        log(f"paging: checkpoint build by {sort}")
        figures.append(checkpoint_build(setup, sort))
    log("paging: edit then page")
    figures.append(edit_then_page(setup, "name"))
    return figures
