"""CSV import and export of 1,000,000 heroes, beside raw ``sqlite3.executemany``.

    .venv/bin/python benchmarks/bench_import.py [--rows N] [--repeat R]

Figures (seconds, medians over ``repeat`` rounds, each on fresh files; each
round runs every step once, so a ratio is taken between runs minutes apart
at most, and printed as the median and range over the rounds):

* ``raw_plain``: ``executemany`` of the rows (already in memory) into the
  tutorial's schema alone (``hero`` with its two indexes), one transaction:
  the floor both imports are held to (within 1.2x, names keyed included).
* ``raw_indexed``: the same into Hero Desktop's schema (plus the search index
  kept by triggers), i.e. "the same schema" as an import writes.
* ``import_indexed`` / ``import_plain``: ``import_csv`` of the same rows from
  a CSV file (parse, validate, insert, search index) into each schema.
* ``export``: ``export_csv`` of every hero, by name.

``run(report)`` returns the figures as a dict; ``report(text)`` gets one line
per figure as it is measured.
"""

from __future__ import annotations

import argparse
import csv
import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from hero_desktop.data.csv_io import export_csv, import_csv
from hero_desktop.data.demo import generate
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.query import HeroQuery, SortKey
from hero_desktop.data.sqlite.database import open_database


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _fresh(path: Path, search_index: bool) -> None:
    _remove(path)
    open_database(path, search_index=search_index).close()


def raw_executemany(
    path: Path, rows: list[tuple[str, int | None, str]], search_index: bool
) -> float:
    """Seconds to ``executemany`` ``rows`` into a new file, in one transaction (the floor)."""
    _fresh(path, search_index)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        started = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany("INSERT INTO hero (name, age, secret_name) VALUES (?, ?, ?)", rows)
        connection.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        connection.close()


def timed_import(path: Path, source: Path, search_index: bool) -> float:
    """Seconds of ``import_csv`` of ``source`` into a new file."""
    _fresh(path, search_index)
    database = open_database(path, search_index=search_index)
    try:
        started = time.perf_counter()
        import_csv(database, source)
        return time.perf_counter() - started
    finally:
        database.close()


def _export(path: Path, target: Path) -> float:
    database = open_database(path)
    try:
        started = time.perf_counter()
        export_csv(HeroRepository(database), HeroQuery(sort=SortKey.NAME), target)
        return time.perf_counter() - started
    finally:
        database.close()


def run(
    report: Callable[[str], None] | None = print,
    rows: int = 1_000_000,
    repeat: int = 3,
    workdir: Path | None = None,
) -> dict[str, float]:
    """Measure and return the figures (seconds, and ratios) for ``rows`` heroes."""
    say = report or (lambda text: None)
    with tempfile.TemporaryDirectory(dir=workdir) as folder:
        base = Path(folder)
        heroes = [row for batch in generate(rows, seed=0) for row in batch]
        source = base / "heroes.csv"
        with source.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(("name", "age", "secret_name"))
            writer.writerows(heroes)
        database = base / "bench.db"
        timings: dict[str, list[float]] = {}
        steps: list[tuple[str, Callable[[], float]]] = [
            ("raw_plain", lambda: raw_executemany(database, heroes, search_index=False)),
            ("import_plain", lambda: timed_import(database, source, search_index=False)),
            ("raw_indexed", lambda: raw_executemany(database, heroes, search_index=True)),
            ("import_indexed", lambda: timed_import(database, source, search_index=True)),
            ("export", lambda: _export(database, base / "out.csv")),
        ]
        # Rounds, each import beside its floor: on a shared machine the load
        # changes from minute to minute, so ratios are taken within a round.
        for round_number in range(repeat):
            for name, step in steps:
                timings.setdefault(name, []).append(step())
            say(
                f"round {round_number + 1}: "
                + ", ".join(f"{name} {values[-1]:.2f} s" for name, values in timings.items())
            )
        _remove(database)
    figures = {name: statistics.median(values) for name, values in timings.items()}
    figures["rows"] = float(rows)
    ratios = {
        "import_vs_raw_same_schema": ("import_indexed", "raw_indexed"),
        "import_vs_raw_plain_schema": ("import_indexed", "raw_plain"),
        "import_plain_vs_raw_plain": ("import_plain", "raw_plain"),
    }
    for key, (mine, floor) in ratios.items():
        each = [a / b for a, b in zip(timings[mine], timings[floor], strict=True)]
        figures[key] = statistics.median(each)
        figures[f"{key}_low"], figures[f"{key}_high"] = min(each), max(each)
        say(
            f"{key:28} {figures[key]:.2f}x (rounds {min(each):.2f}-{max(each):.2f}x): "
            f"{mine} {statistics.median(timings[mine]):.2f} s beside {floor} "
            f"{statistics.median(timings[floor]):.2f} s"
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    print(f"{arguments.rows:,} heroes, median of {arguments.repeat}; pid {os.getpid()}")
    run(print, rows=arguments.rows, repeat=arguments.repeat)


if __name__ == "__main__":
    main()
