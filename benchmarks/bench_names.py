"""Names as people read them (``--only names``): search and name order on the name structures.

The roster is the demo roster with one hero in ten given an international
name (accented Latin, Greek, Cyrillic), written through Hero Desktop's bulk
path into a file it creates, and cached. Figures:

* the first page of a search with its count, per class of needle (ASCII,
  accented, Greek/Cyrillic, one or two characters), median and worst, in id
  and in name order, beside a ``LIKE`` scan (which ignores neither accents
  nor, beyond ASCII, case) and the file's raw floor (the FTS5 count and first
  page, or one scan of the folds for short needles);
* name-sorted paging (next page at depth, last page, change of sort) beside
  the tutorial's binary order on ``ix_hero_name``;
* adding the structures, with consent, to a 1,000,000-hero file the
  tutorial's app wrote: time and disk space; and a search on that file
  without consent (the scan fallback).

Figures are printed, never asserted.

Why one file of this length: the three groups of figures share the cached roster and its
setup, and ``run`` puts them in one report; each group is one function.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from benchmarks import bench_name_keys, dataset, floor
from benchmarks.bench_paging import PAGE, Samples, Setup
from benchmarks.report import Figure, median
from benchmarks.window_model import WindowModel as HeroTableModel
from hero_desktop.data import maintenance, names
from hero_desktop.data.demo import generate
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.sqlite import name_index
from hero_desktop.data.sqlite.database import open_database

VERSION = "names-5"  # change with names.FOLD_VERSION or the name index layout: the file is rebuilt
INTERNATIONAL_SHARE = 0.1
# fmt: off
_INTERNATIONAL = (
    "Δημήτρης", "Νίκος", "Ελένη", "Παπαδόπουλος", "Γιώργος", "Σοφία", "Αθηνά",
    "Иван", "Ольга", "Дмитрий", "Наташа", "Сергей", "Татьяна", "Чайковский",
    "Ångström", "Müller", "Łukasz", "Żaneta", "Øystein", "Ægir", "Đorđe", "Señora",
    "Nguyễn", "Straße", "François", "Ümit", "Zoë", "Björk", "Çağla", "Renée",
)
_TITLES = ("Captain", "Doctor", "Lady", "Agent", "Κύριος", "Доктор", "Señor", "Herr")
# fmt: on

NEEDLES = {
    "ASCII": (
        "wolf", "captain", "rusty", "the neb", "okafor", "kim 12", "eagle", "storm",
        "smith", "lion", "queen", "muller", "lukasz", "strasse", "oystein", "nguyen",
    ),
    "accented": (
        "müller", "zoë", "łukasz", "straße", "søren", "ayşe", "josé", "björk",
        "đorđe", "renée", "nguyễn", "ÇAĞLA",
    ),
    "Greek/Cyrillic": ("δημ", "νίκος", "ΕΛΕΝΗ", "παπα", "иван", "ольга", "дмитр", "наташ"),
    "1-2 characters": ("a", "zo", "ü", "ki", "ø", "δη", "ив", "x", "zz"),
}  # fmt: skip


def _rows(count: int) -> Iterator[list[tuple[str, int | None, str]]]:
    rng = random.Random(dataset.SEED)
    for batch in generate(count, dataset.SEED):
        for i, (name, age, secret) in enumerate(batch):
            if rng.random() < INTERNATIONAL_SHARE:
                first = rng.choice(_INTERNATIONAL)
                if rng.random() < 0.5:
                    name = f"{rng.choice(_TITLES)} {first} {rng.randrange(1000)}"
                else:
                    name = f"{first} {rng.choice(_INTERNATIONAL)}"
                batch[i] = (name, age, secret)
        yield batch


def names_file(count: int, log: Callable[[str], None]) -> tuple[Path, float]:
    """The cached roster; and the seconds its bulk insert took when it was built."""
    dataset.CACHE.mkdir(parents=True, exist_ok=True)
    path = dataset.CACHE / f"names-{count}-{dataset.SEED}-{VERSION}.db"
    record = path.with_suffix(".seconds")
    if not path.exists():
        log(f"names: building {path.name}")
        work = path.with_suffix(".partial")
        for stale in dataset.CACHE.glob(work.name + "*"):
            stale.unlink()
        database = open_database(work)
        started = time.perf_counter()
        database.bulk_insert(_rows(count), expected_rows=count)
        record.write_text(str(time.perf_counter() - started))
        database.add_pairs_now()
        database.close()
        work.replace(path)
    return path, float(record.read_text()) if record.exists() else float("nan")


def _like(connection: sqlite3.Connection, needle: str) -> tuple[int, list[int]]:
    pattern = f"%{needle}%"
    total = connection.execute("SELECT count(*) FROM hero WHERE name LIKE ?", (pattern,))
    rows = connection.execute(
        "SELECT id FROM hero WHERE name LIKE ? ORDER BY id LIMIT ?", (pattern, PAGE)
    )
    return int(total.fetchone()[0]), [int(r[0]) for r in rows]


def _raw_floor(connection: sqlite3.Connection, needle: str) -> tuple[int, list[int]]:
    """The file's own index read directly: the trigram index, or for one or two characters
    the pairs index (the file has it: ``names_file`` adds it)."""
    folded = names.fold(needle)
    if len(folded) >= 3:
        fts, match = name_index.FTS_TABLE, name_index.fts_query(folded)
    else:
        fts, pairs = name_index.PAIRS_TABLE, name_index.pairs_query(folded)
        assert pairs is not None
        match = pairs
    total = connection.execute(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH ?", (match,))
    rows = connection.execute(
        f"SELECT rowid FROM {fts} WHERE {fts} MATCH ? ORDER BY rowid LIMIT ?", (match, PAGE)
    )
    return int(total.fetchone()[0]), [int(r[0]) for r in rows]


def search_figures(path: Path, repeat: int) -> list[Figure]:
    figures = []
    repository = HeroRepository(open_database(path))
    model = HeroTableModel(repository, PAGE)
    model.load(page=0)
    like, raw = floor.connect(path), floor.connect(path)
    for kind, needles in NEEDLES.items():
        for sort in (SortKey.ID, SortKey.NAME):
            samples = Samples()
            worst: dict[str, tuple[float, str]] = {}
            for needle in needles:
                for _ in range(max(1, repeat // 2)):
                    repository.refresh()  # a search typed for the first time
                    before = len(samples.values.get("Hero Desktop", []))
                    samples.run(
                        "Hero Desktop",
                        model.load,
                        query=HeroQuery(search=needle, sort=sort),
                        page=0,
                    )
                    took = samples.values["Hero Desktop"][before]
                    if took > worst.get("Hero Desktop", (0.0, ""))[0]:
                        worst["Hero Desktop"] = (took, f"{needle!r} ({model.total:,} found)")
                    if sort is SortKey.ID:
                        samples.run("tutorial style", _like, like, needle)
                        samples.run("raw sqlite3", _raw_floor, raw, needle)
            medians = samples.medians()
            hero = medians["Hero Desktop"]
            short = kind.startswith("1-2")
            limit_median, limit_worst = (150, 150) if short else (30, 100)
            slowest = worst["Hero Desktop"]
            figures.append(
                Figure(
                    name=f"search first page + count, {kind} needles, by {sort.value}",
                    unit="ms",
                    values=dict(medians),
                    target=f"median ≤ {limit_median} ms, worst ≤ {limit_worst} ms",
                    met=hero <= limit_median and slowest[0] <= limit_worst,
                    ratios=f"worst {slowest[0]:.1f} ms: {slowest[1]}",
                    notes=[
                        f"{len(needles)} needles: {', '.join(needles)}; "
                        "'tutorial style' column = a LIKE scan (count + first page by id), "
                        "'raw sqlite3' = the file's floor (FTS5 count + first page: "
                        "the trigram index, the pairs index for 1-2 characters)"
                    ]
                    if sort is SortKey.ID
                    else [],
                )
            )
    repository.store.close()
    like.close()
    raw.close()
    return figures


def _uca_floor(connection: sqlite3.Connection, key: tuple[bytes, int]) -> list[tuple[object, ...]]:
    """The page after ``key`` in name order, with the key already known (the floor)."""
    return connection.execute(
        f"SELECT h.id, h.name, h.age, h.secret_name, n.sort_key FROM {name_index.NAME_TABLE} n "
        "JOIN hero h ON h.id = n.id WHERE (n.sort_key, n.id) > (?, ?) "
        "ORDER BY n.sort_key, n.id LIMIT ?",
        (*key, PAGE),
    ).fetchall()


def paging_figures(setup: Setup) -> list[Figure]:
    middle = setup.pages // 2
    samples = Samples()
    repository = HeroRepository(open_database(setup.path))
    model = HeroTableModel(repository, PAGE)
    model.load(query=HeroQuery(sort=SortKey.NAME), page=middle - 1)
    for i in range(setup.repeat):
        samples.run("Hero Desktop", model.load, page=middle + i)
    repository.store.close()
    connection = floor.connect(setup.path)
    uca_key = tuple(
        connection.execute(
            f"SELECT sort_key, id FROM {name_index.NAME_TABLE} ORDER BY sort_key, id "
            "LIMIT 1 OFFSET ?",
            (middle * PAGE - 1,),
        ).fetchone()
    )
    binary_key = floor.key_before(connection, "name", middle * PAGE)
    uca, binary = [], []
    for _ in range(setup.repeat):  # page after page, as the user does
        started = time.perf_counter()
        found = _uca_floor(connection, uca_key)
        uca.append((time.perf_counter() - started) * 1000)
        uca_key = (found[-1][4], found[-1][0])
        started = time.perf_counter()
        rows = floor.page_after(connection, "name", binary_key)
        binary.append((time.perf_counter() - started) * 1000)
        binary_key = (rows[-1][1], rows[-1][0])
    connection.close()
    hero = samples.medians()["Hero Desktop"]
    floor_ms = median(uca)
    figures = [
        Figure(
            name=f"next page at depth by name (page {middle + 1:,}), UCA order",
            unit="ms",
            values={"Hero Desktop": hero, "raw sqlite3": floor_ms},
            target="≤ 3x the raw floor",
            met=hero <= 3 * floor_ms,
            ratios=f"{hero / floor_ms:.2f}x floor; binary-order floor {median(binary):.2f} ms",
        )
    ]
    last, change = [], []
    for _ in range(setup.repeat):
        repository = HeroRepository(open_database(setup.path))
        model = HeroTableModel(repository, PAGE)
        model.load(page=0)
        started = time.perf_counter()
        model.load(query=HeroQuery(sort=SortKey.NAME), page=0)
        change.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        model.load(page=setup.pages - 1)
        last.append((time.perf_counter() - started) * 1000)
        repository.store.close()
    figures.append(
        Figure(
            name="jump to the last page by name (pager built), UCA order",
            unit="ms",
            values={"Hero Desktop": median(last)},
            target="≤ 10 ms",
            met=median(last) <= 10,
        )
    )
    figures.append(
        Figure(
            name="change of sort to name, first page shown (builds checkpoints)",
            unit="ms",
            values={"Hero Desktop": median(change)},
            target="≤ 100 ms",
            met=median(change) <= 100,
            ratios=f"worst {max(change):.1f} ms",
        )
    )
    return figures


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def consent_figures(rows: int) -> list[Figure]:
    source = dataset.tutorial_file(rows)
    folder = tempfile.TemporaryDirectory(prefix="hero-names-")
    copy = Path(folder.name) / "tutorial.db"
    shutil.copyfile(source, copy)
    before = _size(copy)

    database = open_database(copy)  # no consent: nothing changes
    repository = HeroRepository(database)
    started = time.perf_counter()
    found = repository.count(HeroQuery(search="wolf"))
    repository.page(HeroQuery(search="wolf"))
    scan_s = time.perf_counter() - started
    started = time.perf_counter()
    repository.page(HeroQuery(sort=SortKey.NAME))
    order_s = time.perf_counter() - started

    started = time.perf_counter()
    maintenance.build_name_index(copy)  # what Add Index runs, beside the open file
    build_s = time.perf_counter() - started
    database.close()
    after = _size(copy)
    folder.cleanup()
    return [
        Figure(
            name=f"add the name structures to a {rows:,}-hero file the tutorial wrote (consent)",
            unit="s",
            values={"Hero Desktop": build_s},
            ratios=f"file {before / 1e6:,.0f} MB -> {after / 1e6:,.0f} MB "
            f"(+{(after - before) / 1e6:,.0f} MB)",
            notes=[
                "in the background, with progress and Cancel; WAL switch included",
            ],
        ),
        Figure(
            name="without consent: search 'wolf' first page + count; first page by name",
            unit="s",
            values={"Hero Desktop": scan_s},
            ratios=f"{found:,} found; name order {order_s:.1f} s (every name keyed)",
            notes=["the scan fallback: each batch's names folded as one text, the matches keyed"],
        ),
    ]


def run(rows: int, repeat: int, log: Callable[[str], None]) -> list[Figure]:
    started = time.perf_counter()
    names._collator()
    collator_ms = (time.perf_counter() - started) * 1000
    path, insert_s = names_file(rows, log)
    setup = Setup(path, rows, repeat, qsql_repeat=1)
    figures = [
        Figure(
            name="load the collation table (pyuca allkeys.txt), once per process",
            unit="ms",
            values={"Hero Desktop": collator_ms},
        ),
        Figure(
            name=f"bulk insert {rows:,} heroes incl. names (when the cache was built)",
            unit="s",
            values={"Hero Desktop": insert_s},
        ),
    ]
    figures += bench_name_keys.key_figures([row[0] for batch in _rows(rows) for row in batch], log)
    log("names: search")
    figures += search_figures(path, repeat)
    log("names: paging by name")
    figures += paging_figures(setup)
    log("names: consent build on a tutorial-made file")
    figures += consent_figures(rows)
    return figures
