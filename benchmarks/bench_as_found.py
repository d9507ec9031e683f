"""Search and name order as found (``--only as-found``): a real window on a file it may not change.

The file is the names roster (one hero in ten with an accented, Greek or
Cyrillic name) written the tutorial's way: its table and indexes, no Hero
Desktop structures, so the window opens it as found (no consent). Through a
real window (offscreen), from the last key typed (the search box's pause
included) to the rows shown, and from Ctrl+2 to the first page by name:

* before: the scan (the name cache switched off), as before issue 18;
* after: through the name cache in the user's cache folder, built fresh in
  this run (its build time and size are printed), then after another
  program's commit (the cache follows by comparing (id, name));
* the floor: raw sqlite3 on the same file, a ``LIKE`` count and first page
  (which folds neither accents nor, beyond ASCII, case), and the first page
  in the binary order of ``ix_hero_name`` with ``count(*)``.

With the cache, each figure is the median of three, each typed as if for the
first time (the pages the window remembers are forgotten before). The file's
SHA-256 is taken before and after the session: not one byte may change, and
no -wal or -shm may be left.
"""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks import bench_names, dataset
from benchmarks.heartbeat import Heartbeat, wait_until
from benchmarks.real_window import real_window
from benchmarks.report import median
from benchmarks.window_actions import _ms, _search, _sort_by_name

if TYPE_CHECKING:
    from hero_desktop.ui.main_window import MainWindow

NEEDLES = ("kamiz", "müller", "wolf", "δημ", "ka", "zoë", "straße", "иван")
SCAN_NEEDLES = ("kamiz", "müller")
TUTORIAL_DDL = (
    "CREATE TABLE hero (id INTEGER NOT NULL, name VARCHAR NOT NULL, age INTEGER, "
    "secret_name VARCHAR NOT NULL, PRIMARY KEY (id))",
    "CREATE INDEX ix_hero_name ON hero (name)",
    "CREATE INDEX ix_hero_age ON hero (age)",
)


@dataclass
class AsFound:
    rows: int
    scan_search: dict[str, float] = field(default_factory=dict)
    scan_sort: float = 0.0
    cache_search: dict[str, float] = field(default_factory=dict)
    cache_sort: float = 0.0
    found: dict[str, int] = field(default_factory=dict)
    floor_search: dict[str, float] = field(default_factory=dict)
    floor_sort: float = 0.0
    rows_s: float = 0.0
    build_stall_ms: float = 0.0
    build_collection_ms: tuple[float, int] = (0.0, 0)
    build_s: float = 0.0
    cache_mb: float = 0.0
    followed_s: float = 0.0
    reopened_s: float = 0.0
    unchanged: bool = False
    sidecars: list[str] = field(default_factory=list)


def as_found_file(rows: int, log: Callable[[str], None]) -> Path:
    """The names roster in the tutorial's schema (cached); a copy is measured."""
    dataset.CACHE.mkdir(parents=True, exist_ok=True)
    path = dataset.CACHE / f"as-found-{rows}-{dataset.SEED}-{bench_names.VERSION}.db"
    if not path.exists():
        log(f"as-found: building {path.name}")
        work = path.with_suffix(".partial")
        work.unlink(missing_ok=True)
        connection = sqlite3.connect(work, isolation_level=None)
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("BEGIN")
        connection.execute(TUTORIAL_DDL[0])
        for batch in bench_names._rows(rows):
            connection.executemany(
                "INSERT INTO hero (name, age, secret_name) VALUES (?, ?, ?)", batch
            )
        for statement in TUTORIAL_DDL[1:]:
            connection.execute(statement)
        connection.execute("COMMIT")
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.close()
        work.replace(path)
    return path


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _ask(window: MainWindow, question: Callable[[Any], Any]) -> Any:
    """``question(store)`` in the window's data worker (the store's one thread)."""
    answers: list[Any] = []
    window.client.ask(lambda repository: question(repository.store), answers.append)
    wait_until(lambda: bool(answers), 600, "the store's answer")
    return answers[0]


def _wait_cache_ready(window: MainWindow) -> tuple[float, float]:
    """Seconds until the cache's rows are in use, and until its trigram index is too."""
    from hero_desktop.data.name_index_state import NameCacheState
    from hero_desktop.data.sqlite.search_pager import has_trigrams

    started = time.perf_counter()
    in_use = (NameCacheState.READY, NameCacheState.INDEXING)
    asked = [0.0]

    def every_tenth_of_a_second(question: Callable[[Any], bool]) -> Callable[[], bool]:
        def ask() -> bool:
            if time.perf_counter() - asked[0] < 0.1:  # (never sleep: the heartbeat runs)
                return False
            asked[0] = time.perf_counter()
            return bool(_ask(window, question))

        return ask

    def rows_ready(store: Any) -> bool:
        return getattr(store.name_cache_progress(), "state", None) in in_use

    wait_until(every_tenth_of_a_second(rows_ready), 1200, "the name cache's rows")
    rows_s = time.perf_counter() - started

    def indexed(store: Any) -> bool:
        schema = store.name_schema()
        progress = store.name_cache_progress()
        return bool(
            schema
            and progress.state is NameCacheState.READY
            and has_trigrams(store.connection, schema)
        )

    wait_until(every_tenth_of_a_second(indexed), 1200, "the name cache's trigram index")
    return rows_s, time.perf_counter() - started


class _CollectorPauses:
    """The longest run of Python's cycle collector meanwhile (it runs on the GUI thread)."""

    def __init__(self) -> None:
        self.longest: tuple[float, int] = (0.0, 0)
        self._started = 0.0
        gc.callbacks.append(self._seen)

    def _seen(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            took = (time.perf_counter() - self._started) * 1000
            if took > self.longest[0]:
                self.longest = (took, info["generation"])

    def stop(self) -> tuple[float, int]:
        gc.callbacks.remove(self._seen)
        return self.longest


def timed_floor(
    execute: Callable[[str, tuple[object, ...]], Any],
    needles: Iterable[str],
    like: str = "LIKE",
    mark: str = "?",
) -> tuple[dict[str, float], float]:
    """The raw floor, through a driver's ``execute`` (sqlite3's or psycopg's, whose
    ``like`` and parameter ``mark`` it takes): seconds of each needle's count and
    first page by id, and of the count and first page by name (binary order)."""
    searches: dict[str, float] = {}
    for needle in needles:
        started = time.perf_counter()
        pattern = (f"%{needle}%",)
        execute(f"SELECT count(*) FROM hero WHERE name {like} {mark}", pattern).fetchall()
        execute(
            f"SELECT * FROM hero WHERE name {like} {mark} ORDER BY id LIMIT 100", pattern
        ).fetchall()
        searches[needle] = time.perf_counter() - started
    started = time.perf_counter()
    execute("SELECT count(*) FROM hero", ()).fetchall()
    execute("SELECT * FROM hero ORDER BY name, id LIMIT 100", ()).fetchall()
    return searches, time.perf_counter() - started


def _floor(path: Path, result: AsFound) -> None:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result.floor_search, result.floor_sort = timed_floor(connection.execute, NEEDLES)
    finally:
        connection.close()


def _window(path: Path, folder: Path) -> AbstractContextManager[MainWindow]:
    return real_window(path, folder / "settings.ini", 600.0)


def run(rows: int, log: Callable[[str], None]) -> AsFound:
    from hero_desktop.data.sqlite import name_cache_keeper

    result = AsFound(rows)
    source = as_found_file(rows, log)
    folder = Path(tempfile.mkdtemp(prefix="hero-as-found-"))
    saved_cache_home = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder / "cache")  # a fresh cache, not the user's
    try:
        path = folder / "theirs.db"
        shutil.copyfile(source, path)
        before = _digest(path)

        log("as-found: before (the scan, no cache)")
        cache_from = name_cache_keeper.CACHE_FROM
        name_cache_keeper.CACHE_FROM = 1 << 62
        try:
            with _window(path, folder) as window:
                for needle in SCAN_NEEDLES:
                    result.scan_search[needle] = _search(window, needle)
                result.scan_sort = _sort_by_name(window)
        finally:
            name_cache_keeper.CACHE_FROM = cache_from

        log("as-found: after (the name cache, built in this run)")
        with _window(path, folder) as window:
            beat = Heartbeat()
            pauses = _CollectorPauses()
            beat.start()
            result.rows_s, result.build_s = _wait_cache_ready(window)
            result.build_stall_ms = beat.stop()
            result.build_collection_ms = pauses.stop()
            for needle in NEEDLES:
                result.cache_search[needle] = median(_search(window, needle) for _ in range(3))
                result.found[needle] = window.model.total
            result.cache_sort = median(_sort_by_name(window) for _ in range(3))
        caches = (folder / "cache").rglob("*.sqlite")
        result.cache_mb = sum(cache.stat().st_size for cache in caches) / 1e6
        result.unchanged = _digest(path) == before
        ends = ("-wal", "-shm", "-journal")
        result.sidecars = [end for end in ends if Path(f"{path}{end}").exists()]

        log("as-found: opened again; another program renames a hero")
        with _window(path, folder) as window:
            result.reopened_s = _wait_cache_ready(window)[1]
            other = sqlite3.connect(path)
            other.execute("UPDATE hero SET name = 'Quixotic Zebra' WHERE id = ?", (rows // 2,))
            other.commit()
            other.close()
            result.followed_s = _search(window, "quixotic zebra")
            assert window.model.total == 1, window.model.total

        log("as-found: the raw floor")
        _floor(path, result)
    finally:
        if saved_cache_home is None:
            os.environ.pop("XDG_CACHE_HOME", None)
        else:
            os.environ["XDG_CACHE_HOME"] = saved_cache_home
        shutil.rmtree(folder, ignore_errors=True)
    return result


def print_as_found(result: AsFound) -> None:
    """One row per needle and for the name order: before, after, floor, ratios, target."""
    print(
        f"As found ({result.rows:,} heroes, a file the tutorial's way wrote; a real window, "
        "from the last key to the rows shown, the 150 ms typing pause included)"
    )
    print(
        "| what | before (scan) | after (cache) | raw sqlite3 LIKE | before/after "
        "| after/floor | target |"
    )
    print("|---|---|---|---|---|---|---|")
    for needle in NEEDLES:
        after, floor = result.cache_search[needle], result.floor_search[needle]
        scan = result.scan_search.get(needle)
        print(
            f"| search {needle!r} ({result.found[needle]:,} found) "
            f"| {_ms(scan) if scan is not None else '—'} | {_ms(after)} | {_ms(floor)} "
            f"| {f'{scan / after:,.0f}x' if scan is not None else '—'} | {after / floor:,.1f}x "
            f"| ≤ 1 s: {'met' if after <= 1 else 'NOT met'} |"
        )
    searches = list(result.cache_search.values())
    print(
        f"| search, median of {len(searches)} / worst | | {_ms(median(searches))} / "
        f"{_ms(max(searches))} | | | | |"
    )
    print(
        f"| sort by name (Ctrl+2), first page | {_ms(result.scan_sort)} | {_ms(result.cache_sort)} "
        f"| {_ms(result.floor_sort)} (binary order) | {result.scan_sort / result.cache_sort:,.0f}x "
        f"| {result.cache_sort / result.floor_sort:,.1f}x "
        f"| ≤ 2 s: {'met' if result.cache_sort <= 2 else 'NOT met'} |"
    )
    print()
    print(
        f"- name cache built in the background: rows in use {result.rows_s:.1f} s after the "
        f"first page, trigram index {result.build_s:.1f} s; {result.cache_mb:,.0f} MB; the "
        f"GUI thread's longest stall meanwhile {result.build_stall_ms:.0f} ms (its longest "
        f"cycle collection {result.build_collection_ms[0]:.0f} ms, generation "
        f"{result.build_collection_ms[1]})"
    )
    print(f"- opened again: cache checked against the file in {result.reopened_s:.2f} s")
    print(
        f"- another program renamed a hero: search for the new name shown after "
        f"{_ms(result.followed_s)} (the cache compared (id, name) with the file first)"
    )
    print(
        f"- the file's bytes unchanged after the session: {result.unchanged}; "
        f"-wal/-shm/-journal left: {result.sidecars or 'none'}"
    )
