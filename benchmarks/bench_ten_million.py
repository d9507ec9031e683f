"""``--only ten-million`` (``make bench-10m``): 1,000,000 and 10,000,000 heroes side by side.

Each size is ``make_demo``'s roster (the tutorial's table and indexes, with
Hero Desktop's name index), built once and cached under ``benchmarks/.cache``.
For each figure: Hero Desktop, the floor (raw ``sqlite3`` with the best query,
the key it starts from already known), the tutorial's query style (SQLModel,
``offset``/``limit``, ``LIKE``), and Hero Desktop's ratio to each.

* Launch to rows and to the count: a real window in a process of its own
  (``window_run``), from just before the process starts to the first page's
  rows painted, then to the pager showing the count. Warm: the file in the
  OS page cache. Cold: the file's pages dropped first with
  ``posix_fadvise(DONTNEED)`` (no root here for ``drop_caches``), checked with
  ``mincore(2)`` (the share still cached is printed). The floor and the
  tutorial are processes too (Python started, first page read and printed).
* Keys: the same kind of process, keys pressed once the count is shown and the
  order prepared: from the key to its rows painted.
* Queries: the data layer alone, in this process, median of five.
* Index build: adding the name index to the file, rolled back (the file keeps
  its own), beside ``CREATE INDEX`` on the names (binary order) rolled back.
* CSV import: the demo's heroes of that size from a CSV file into a new file
  with the name index (``import_csv``: parsed, checked, names keyed, indexes
  built), beside raw ``executemany`` of the same rows, already in memory, into
  the tutorial's schema (``bench_import``'s floor).
* Memory: the window's process after those keys (RSS and its peak), beside a
  raw ``sqlite3`` process and a SQLModel process that read the same pages.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import cold_cache, dataset, floor
from benchmarks.bench_process import ROOT, _environment
from benchmarks.report import print_markdown, ratio, times

SIZES = (1_000_000, 10_000_000)
Log = Callable[[str], None]

_RAW_FIRST_PAGE = """
import sqlite3, sys
connection = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
page = "SELECT id, name, age, secret_name FROM hero ORDER BY id LIMIT 100"
rows = connection.execute(page).fetchall()
print("ROWS", flush=True)
count = connection.execute("SELECT count(*) FROM hero").fetchone()[0]
print("COUNTED", flush=True)
"""
_TUTORIAL_FIRST_PAGE = """
import sys
from pathlib import Path
from benchmarks import tutorial
engine = tutorial.engine_for(Path(sys.argv[1]))
tutorial.page(engine, "id", 0)
print("ROWS", flush=True)
tutorial.count(engine)
print("COUNTED", flush=True)
"""
_RAW_MEMORY = """
import random, sqlite3, sys
connection = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
last = connection.execute("SELECT max(id) FROM hero").fetchone()[0]
rng = random.Random(7)
page = "SELECT id, name, age, secret_name FROM hero WHERE id >= ? ORDER BY id LIMIT 100"
for _ in range(30):
    connection.execute(page, (rng.randrange(last),)).fetchall()
status = dict(line.split(":", 1) for line in open("/proc/self/status"))
now, peak = (int(status[name].split()[0]) / 1024 for name in ("VmRSS", "VmHWM"))
print("RSS", now, peak, flush=True)
"""
_TUTORIAL_MEMORY = """
import random, sys
from pathlib import Path
from benchmarks import tutorial
engine = tutorial.engine_for(Path(sys.argv[1]))
total = tutorial.count(engine)
rng = random.Random(7)
for _ in range(30):
    tutorial.page(engine, "id", rng.randrange(total - 100))
status = dict(line.split(":", 1) for line in open("/proc/self/status"))
now, peak = (int(status[name].split()[0]) / 1024 for name in ("VmRSS", "VmHWM"))
print("RSS", now, peak, flush=True)
"""


@dataclass
class Row:
    """One figure: per size, Hero Desktop's value, the floor's and the tutorial's."""

    name: str
    unit: str
    target: str = ""
    hero: dict[int, float] = field(default_factory=dict)
    raw: dict[int, float] = field(default_factory=dict)
    tutorial: dict[int, float] = field(default_factory=dict)
    note: dict[int, str] = field(default_factory=dict)


def _value(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:.2f} ms" if value < 10 else f"{value:,.0f} ms"
    if unit == "s":
        return f"{value:.1f} s"
    return f"{value:,.0f} {unit}"


def _process(script: list[str], env: dict[str, str], cold_file: Path | None) -> dict[str, Any]:
    """Start ``script``; seconds from the start to each line it prints (ROWS, COUNTED...)."""
    resident = None
    if cold_file is not None:
        cold_cache.evict(cold_file)
        resident = cold_cache.resident(cold_file)
    started = time.perf_counter()
    process = subprocess.Popen(
        script, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    seen: dict[str, Any] = {"resident_before": resident}
    for line in process.stdout:
        word, _, rest = line.strip().partition(" ")
        seen[word] = (time.perf_counter() - started) * 1000
        if rest:
            seen[word + "_text"] = rest
    process.wait(timeout=120)
    return seen


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _timed_ms(work: Callable[[], object], repeat: int = 5) -> float:
    found = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        found.append((time.perf_counter() - started) * 1000)
    return _median(found)


def _launches(size: int, path: Path, rows: dict[str, Row], runs: int, log: Log) -> None:
    with tempfile.TemporaryDirectory() as home:
        env = _environment(Path(home))
        settings = str(Path(home) / "settings.ini")
        window = [sys.executable, "-m", "benchmarks.window_run", str(path), settings, "launch"]
        raw = [sys.executable, "-c", _RAW_FIRST_PAGE, str(path)]
        bare = [sys.executable, "-m", "benchmarks.probe", "open", "bare", str(path), settings]
        rows["launch: a bare PySide6 window (reference)"].hero[size] = _median(
            [_process(bare, env, None)["PAINTED"] for _ in range(runs)]
        )
        tutorial = [sys.executable, "-c", _TUTORIAL_FIRST_PAGE, str(path)]
        for mode in ("warm", "cold"):
            log(f"{size:,}: launch, {mode}")
            found: dict[str, list[dict[str, Any]]] = {"hero": [], "raw": [], "tutorial": []}
            for _ in range(runs):
                for peer, script in (("hero", window), ("raw", raw), ("tutorial", tutorial)):
                    if mode == "warm":  # the file in the page cache, as after a first run
                        _process(raw, env, None)
                    found[peer].append(_process(script, env, path if mode == "cold" else None))
            for what, word in (("first page", "ROWS"), ("count", "COUNTED")):
                row = rows[f"launch {mode}: {what}"]
                row.hero[size] = _median([run[word] for run in found["hero"]])
                row.raw[size] = _median([run[word] for run in found["raw"]])
                row.tutorial[size] = _median([run[word] for run in found["tutorial"]])
                if mode == "cold":
                    cached = max(run["resident_before"] for peer in found.values() for run in peer)
                    row.note[size] = f"at most {cached:.1%} of the file cached at launch (mincore)"


def _keys(size: int, path: Path, rows: dict[str, Row], log: Log) -> None:
    log(f"{size:,}: keys in a real window")
    with tempfile.TemporaryDirectory() as home:
        env = _environment(Path(home))
        settings = str(Path(home) / "settings.ini")
        seen = _process(
            [sys.executable, "-m", "benchmarks.window_run", str(path), settings, "keys"], env, None
        )
        memory = {
            peer: _process([sys.executable, "-c", script, str(path)], env, None)
            for peer, script in (("raw", _RAW_MEMORY), ("tutorial", _TUTORIAL_MEMORY))
        }
    result = json.loads(seen["RESULT_text"])
    for name, key in (
        ("key to rows: next page, right after the first page", "early_next_ms"),
        ("key to rows: next page", "next_ms"),
        ("key to rows: last page", "last_ms"),
        ("key to rows: any page", "any_page_ms"),
        ("key to rows: sort by name", "sort_name_ms"),
        ("key to rows: last page by name", "sort_name_last_ms"),
        ("key to rows: search by name (indexed)", "search_ms"),
        ("key to rows: search of two letters by name", "short_search_ms"),
    ):
        value = result[key]
        rows[name].hero[size] = _median(value) if isinstance(value, list) else value
        if isinstance(value, list) and len(value) > 1:
            rows[name].note[size] = f"worst {max(value):.0f} ms of {len(value)}"
    rows["order prepared, after the count (by id)"].hero[size] = result["prepared_after_ms"]
    rows["order prepared, after the sort (by name)"].hero[size] = result["name_prepared_after_ms"]
    rows["memory (RSS) after those keys"].hero[size] = result["rss_mb"]
    rows["memory (RSS) after those keys"].note[size] = f"peak {result['peak_rss_mb']:.0f} MB"
    for peer, found in memory.items():
        now = float(found["RSS_text"].split()[0])
        getattr(rows["memory (RSS) after those keys"], peer)[size] = now


def _queries(size: int, path: Path, rows: dict[str, Row], log: Log) -> None:
    from benchmarks import tutorial
    from hero_desktop.data.heroes import HeroRepository
    from hero_desktop.data.opening import open_store
    from hero_desktop.data.query import HeroQuery, SortKey
    from hero_desktop.data.views import LAST_PAGE, PageRequest, read_page

    log(f"{size:,}: queries")
    store = open_store(path, read_only=True)
    repository = HeroRepository(store)
    raw = floor.connect(path)
    engine = tutorial.engine_for(path)
    by_id, by_name = HeroQuery(), HeroQuery(sort=SortKey.NAME)
    total = repository.count(by_id)
    pages = -(-total // 100)
    repository.prepare_pages(by_id, 3600)
    repository.prepare_pages(by_name, 3600)
    rng = random.Random(3)
    middle = pages // 2
    key = floor.key_before(raw, "id", middle * 100)
    query_rows = {
        "query: next page at the middle": (
            lambda: repository.page(by_id, offset=middle * 100 + 100, limit=100),
            lambda: floor.page_after(raw, "id", key),
            lambda: tutorial.page(engine, "id", middle * 100 + 100),
        ),
        "query: last page (count known)": (
            lambda: read_page(repository, PageRequest(by_id, LAST_PAGE, 100)),
            lambda: raw.execute(
                "SELECT id, name, age, secret_name FROM hero ORDER BY id DESC LIMIT 100"
            ).fetchall(),
            lambda: tutorial.page(engine, "id", total - 100),
        ),
        "query: any page (order prepared)": (
            lambda: read_page(repository, PageRequest(by_id, rng.randrange(pages), 100)),
            lambda: floor.page_after(raw, "id", (rng.randrange(total),)),
            lambda: tutorial.page(engine, "id", rng.randrange(total - 100)),
        ),
        "query: first page by name": (
            lambda: read_page(
                HeroRepository(store), PageRequest(by_name, 0, 100, count_later=True)
            ),
            lambda: raw.execute(
                "SELECT h.id, h.name, h.age, h.secret_name FROM hero_desktop_name n "
                "JOIN hero h ON h.id = n.id ORDER BY n.sort_key, n.id LIMIT 100"
            ).fetchall(),
            lambda: tutorial.page(engine, "name", 0),
        ),
        "query: search 'wolf' by id, with its count": (
            lambda: read_page(HeroRepository(store), PageRequest(HeroQuery(search="wolf"), 0, 100)),
            lambda: floor.search(raw, "wolf"),
            lambda: tutorial.search(engine, "wolf"),
        ),
        "query: count (warm)": (
            lambda: HeroRepository(store).count(by_id),
            lambda: raw.execute("SELECT count(*) FROM hero").fetchone(),
            lambda: tutorial.count(engine),
        ),
    }
    for name, (hero, raw_work, tutorial_work) in query_rows.items():
        row = rows[name]
        row.hero[size] = _timed_ms(hero)
        row.raw[size] = _timed_ms(raw_work)
        row.tutorial[size] = _timed_ms(tutorial_work, 3)
    raw.close()
    store.close()
    engine.dispose()


def _index_build(size: int, path: Path, rows: dict[str, Row], log: Log) -> None:
    from hero_desktop.data.sqlite import name_index
    from hero_desktop.data.sqlite.connections import connect

    log(f"{size:,}: the name index built again (rolled back)")
    connection = connect(f"file:{path}")
    try:
        connection.execute("BEGIN IMMEDIATE")
        started = time.perf_counter()
        name_index.build(connection)
        rows["index build (name keys, FTS5, order)"].hero[size] = time.perf_counter() - started
        connection.execute("ROLLBACK")
        connection.execute("BEGIN IMMEDIATE")
        started = time.perf_counter()
        connection.execute("CREATE INDEX bench_names ON hero(name)")
        rows["index build (name keys, FTS5, order)"].raw[size] = time.perf_counter() - started
        connection.execute("ROLLBACK")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def _rows() -> dict[str, Row]:
    made = [
        Row("launch: a bare PySide6 window (reference)", "ms"),
        Row("launch warm: first page", "ms", "≤ 500 ms"),
        Row("launch warm: count", "ms"),
        Row("launch cold: first page", "ms", "≤ 500 ms"),
        Row("launch cold: count", "ms"),
        Row("order prepared, after the count (by id)", "ms"),
        Row("order prepared, after the sort (by name)", "ms"),
        Row("key to rows: next page, right after the first page", "ms", "≤ 30 ms"),
        Row("key to rows: next page", "ms", "≤ 30 ms"),
        Row("key to rows: last page", "ms", "≤ 30 ms"),
        Row("key to rows: any page", "ms", "≤ 30 ms"),
        Row("key to rows: sort by name", "ms", "as on 1M"),
        Row("key to rows: last page by name", "ms", "≤ 30 ms"),
        Row("key to rows: search by name (indexed)", "ms", "as on 1M"),
        Row("key to rows: search of two letters by name", "ms", "as on 1M"),
        Row("query: next page at the middle", "ms", "< 1 ms"),
        Row("query: last page (count known)", "ms", "< 1 ms"),
        Row("query: any page (order prepared)", "ms", "< 1 ms"),
        Row("query: first page by name", "ms", "< 1 ms"),
        Row("query: search 'wolf' by id, with its count", "ms"),
        Row("query: count (warm)", "ms"),
        Row("index build (name keys, FTS5, order)", "s"),
        Row("CSV import, name index included (into a new file)", "s", "≤ 1.2x floor"),
        Row("memory (RSS) after those keys", "MB", "< 200 MB"),
    ]
    return {row.name: row for row in made}


def run(sizes: tuple[int, ...], runs: int, log: Log, *, build: bool = True) -> list[Row]:
    rows = _rows()
    for size in sizes:
        path = dataset.bench_file(size)
        _launches(size, path, rows, runs, log)
        _keys(size, path, rows, log)
        _queries(size, path, rows, log)
        if build:
            _index_build(size, path, rows, log)
            _csv_import(size, rows, log)
    return list(rows.values())


def _csv_import(size: int, rows: dict[str, Row], log: Log) -> None:
    import csv

    from benchmarks.bench_import import raw_executemany, timed_import
    from hero_desktop.data.demo import generate

    log(f"{size:,}: CSV import, beside raw executemany")
    with tempfile.TemporaryDirectory(prefix="hero-bench-import-") as folder:
        heroes = [hero for batch in generate(size, seed=0) for hero in batch]
        source = Path(folder) / "heroes.csv"
        with source.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(("name", "age", "secret_name"))
            writer.writerows(heroes)
        target = Path(folder) / "imported.db"
        row = rows["CSV import, name index included (into a new file)"]
        row.raw[size] = raw_executemany(target, heroes, search_index=False)
        del heroes
        row.hero[size] = timed_import(target, source, search_index=True)


def print_table(rows: list[Row], sizes: tuple[int, ...]) -> None:
    headers: list[str] = ["figure"]
    for size in sizes:
        label = f"{size // 1_000_000}M" if size % 1_000_000 == 0 else f"{size:,}"
        headers += [f"{label}: Hero Desktop", f"{label}: raw floor", f"{label}: tutorial",
                    f"{label}: ratios"]  # fmt: skip
    headers.append("target")
    table = []
    notes = []
    for row in rows:
        cells: list[str] = [row.name]
        for size in sizes:
            hero, raw, tutorial = row.hero.get(size), row.raw.get(size), row.tutorial.get(size)
            ratios = f"{times(ratio(hero, raw))} floor; {times(ratio(tutorial, hero))} faster"
            cells += [_value(hero, row.unit), _value(raw, row.unit), _value(tutorial, row.unit),
                      ratios if hero is not None else ""]  # fmt: skip
            if size in row.note:
                notes.append(f"- {row.name}, {size:,}: {row.note[size]}")
        cells.append(row.target)
        table.append(tuple(cells))
    print_markdown(tuple(headers), table)
    print()
    print(
        "ratios: Hero Desktop / floor; tutorial / Hero Desktop (how much faster than the tutorial)"
    )
    for note in notes:
        print(note)
