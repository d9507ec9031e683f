"""A server table as found (``--only as-found-server``): search and name order in a real window.

A throwaway PostgreSQL server holds the tutorial's table with N heroes
COPYed in and none of Hero Desktop's structures, as the tutorial's app
leaves it: the window opens it as found (no name table, no notify trigger),
so search and name order use a copy of every hero's name keys in a SQLite
file of Hero Desktop's own (``hero_desktop/data/postgres/name_keys.py``), in
a cache folder of the benchmark's own. Through a real window (offscreen),
from the last key typed (the search box's pause included) to the rows
shown, and from Ctrl+2 to the first page by name:

* before: no keeper (its threshold raised past the table), so the first
  search copies and keys every name itself, as before the keeper;
* after: the keeper copies them in the background from when the first page
  is shown; timed: until the copy is ready, the GUI thread's longest stall
  meanwhile, a search typed at once (it waits for the keeper), then each
  search and the name order as a user meets them (median of three, the
  pages the window remembers forgotten before each);
* memory: a process of its own opens the window as on a first session (no
  copy kept), waits for the copy, searches each needle and sorts by name
  once; then its resident set (VmRSS) and its peak (VmHWM), and the peak of
  the copy's own process (``name_keys_process.py``: the children's
  ``ru_maxrss``);
* the window's own edit: a name renamed (F2, Return), then a search typed,
  from its last key to the rows shown (the copy follows only the heroes the
  save wrote);
* the next session: a window opened again on the same table follows the copy
  kept (one hero renamed meanwhile) instead of copying every name;
* the floor: raw psycopg on the same table, an ``ILIKE`` count and first page
  by id (it folds no accents), and ``count(*)`` with the first page in the
  server's ``ORDER BY name, id``.

Figures are printed, never asserted.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg

from benchmarks.heartbeat import Heartbeat, wait_until
from benchmarks.real_window import real_window
from benchmarks.report import median
from benchmarks.window_actions import _ms, _rename_first, _search, _sort_by_name
from benchmarks.window_run import _rss_mb

if TYPE_CHECKING:
    from hero_desktop.ui.main_window import MainWindow
    from tests.postgres_server import PostgresServer

NEEDLES = ("jürgen", "kamiz", "müller", "wolf", "ka", "zoë")
FIRST = "jürgen"
"""The search typed at once, and the first one before the keeper."""


@dataclass
class ServerAsFound:
    rows: int
    before_first: float = 0.0
    before_second: float = 0.0
    before_sort: float = 0.0
    ready_s: float = 0.0
    build_stall_ms: float = 0.0
    at_once: float = 0.0
    at_once_estimated: bool = False
    at_once_stall_ms: float = 0.0
    at_once_counted: float = 0.0
    search: dict[str, float] = field(default_factory=dict)
    found: dict[str, int] = field(default_factory=dict)
    sort: float = 0.0
    rss_mb: float = 0.0
    peak_rss_mb: float = 0.0
    copy_process_peak_mb: float = 0.0
    """The peak of the process the keeper made the copy in (0: none was started)."""
    copy_mb: float = 0.0
    own_edit_search: float = 0.0
    """A search right after a name edited in the window (this store's own commit)."""
    next_ready_s: float = 0.0
    next_search: float = 0.0
    floor_search: dict[str, float] = field(default_factory=dict)
    floor_sort: float = 0.0
    notes: list[str] = field(default_factory=list)


def _build(server: PostgresServer, rows: int) -> str:
    """The tutorial's table with ``rows`` heroes, nothing of Hero Desktop's; its URL."""
    from benchmarks import dataset, tutorial
    from benchmarks.bench_postgres_reads import orm_engine

    server.create_database("heroes")
    url = server.url("heroes")
    engine = orm_engine(url)
    tutorial.TutorialHero.metadata.create_all(engine)
    engine.dispose()
    with psycopg.connect(url, autocommit=True) as connection:
        with connection.cursor().copy("COPY hero (name, age, secret_name) FROM STDIN") as copy:
            for hero in dataset.generate(rows):
                copy.write_row(hero)
        connection.execute("VACUUM ANALYZE hero")
    return url


def _window(url: str, folder: Path, name: str) -> AbstractContextManager[MainWindow]:
    """A window of settings of its own: it opens sorted by id, as a user's first time."""
    return real_window(url, folder / f"{name}.ini", 600.0)


def _shown_at_once(window: MainWindow, needle: str) -> tuple[float, bool]:
    """Seconds from the last key of ``needle`` to its first page on screen (the count may
    still be said as "about", the rest of the keys still coming), and whether it was."""
    edit = window.search_bar.name_edit
    edit.setFocus()
    edit.setText(needle[:-1])
    started = time.perf_counter()
    edit.setText(needle)
    wait_until(
        lambda: window.model.query.search == needle and window.model.rowCount() > 0,
        600,
        f"'{needle}' shown",
    )
    return time.perf_counter() - started, window.model.total_is_estimate


def _keys_ready(window: MainWindow) -> Callable[[], bool]:
    from hero_desktop.data.name_index_state import NameCacheState

    board = window.facts.name_cache if window.facts is not None else None

    def ready() -> bool:
        progress = board.progress() if board is not None else None
        return progress is not None and progress.state is NameCacheState.READY

    return ready


def memory_main() -> None:
    """(In a process of its own: ``python -c``, the URL and a folder as arguments.) The
    window as on a first session, its searches and name order; prints its memory."""
    import resource
    import sys

    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    url, folder = sys.argv[1], Path(sys.argv[2])
    _first_time()
    with _window(url, folder, "memory") as window:
        wait_until(_keys_ready(window), 1800, "the copy")
        for needle in NEEDLES:
            _search(window, needle)
        _sort_by_name(window)
        # (ru_maxrss: the largest child waited for, the process that made the copy; KiB)
        copy_process_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print("RSS", *_rss_mb(), copy_process_peak, flush=True)
    del app


def _memory(url: str, folder: Path) -> tuple[float, float, float]:
    """Resident and peak MB of a process of its own that searches and sorts by name, and
    the peak of the process it made the copy in."""
    import os
    import subprocess
    import sys

    from benchmarks.bench_process import ROOT

    code = "from benchmarks.bench_as_found_server import memory_main; memory_main()"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    found = subprocess.run(
        [sys.executable, "-c", code, url, str(folder)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
        check=True,
    )
    line = next(line for line in found.stdout.splitlines() if line.startswith("RSS "))
    now, peak, copy_process_peak = line.split()[1:]
    return float(now), float(peak), float(copy_process_peak)


def _copies() -> list[Path]:
    from hero_desktop.data.postgres import name_keys
    from hero_desktop.data.sqlite import name_cache

    return list(name_cache.folder().glob(f"{name_keys.PREFIX}*{name_cache.SUFFIX}"))


def _first_time() -> None:
    """No copy kept: the next window copies every name, as on a first session."""
    from hero_desktop.data.sqlite import name_cache

    for copy in _copies():
        name_cache.remove(copy)


def _floor(url: str, result: ServerAsFound) -> None:
    from benchmarks.bench_as_found import timed_floor

    with psycopg.connect(url, autocommit=True) as connection:
        result.floor_search, result.floor_sort = timed_floor(
            connection.execute, NEEDLES, like="ILIKE", mark="%s"
        )


def run(rows: int, log: Callable[[str], None]) -> ServerAsFound:
    import os
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="hero-as-found-server-"))
    cache_home = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder / "cache")  # the copies: the benchmark's own
    try:
        return _run(rows, folder, log)
    finally:
        if cache_home is None:
            del os.environ["XDG_CACHE_HOME"]
        else:
            os.environ["XDG_CACHE_HOME"] = cache_home
        shutil.rmtree(folder, ignore_errors=True)


def _run(rows: int, folder: Path, log: Callable[[str], None]) -> ServerAsFound:
    from benchmarks.bench_postgres import throwaway_server
    from hero_desktop.data.postgres import name_keys_keeper

    result = ServerAsFound(rows)
    with throwaway_server(log) as server:
        started = time.perf_counter()
        url = _build(server, rows)
        log(f"as-found-server: {rows:,} heroes copied in {time.perf_counter() - started:.1f} s")

        log("as-found-server: before (no keeper: the first search keys every name)")
        keep_from = name_keys_keeper.KEEP_FROM
        name_keys_keeper.KEEP_FROM = 1 << 62
        try:
            with _window(url, folder, "before") as window:
                result.before_first = _search(window, FIRST)
                result.before_second = _search(window, "wolf")
                result.before_sort = _sort_by_name(window)
        finally:
            name_keys_keeper.KEEP_FROM = keep_from

        log("as-found-server: after (the keeper), a search typed at once")
        _first_time()
        with _window(url, folder, "at-once") as window:
            beat = Heartbeat()
            beat.start()
            result.at_once, result.at_once_estimated = _shown_at_once(window, FIRST)
            result.at_once_stall_ms = beat.stop()
            result.at_once_counted = _search(window, FIRST)  # (typed again: counted by then)

        log("as-found-server: after (the keeper), built, then searches and the name order")
        _first_time()
        with _window(url, folder, "after") as window:
            beat = Heartbeat()
            beat.start()
            shown = time.perf_counter()
            wait_until(_keys_ready(window), 600, "the name keys")
            result.ready_s = time.perf_counter() - shown
            result.build_stall_ms = beat.stop()
            for needle in NEEDLES:
                result.search[needle] = median(_search(window, needle) for _ in range(3))
                result.found[needle] = window.model.total
            result.sort = median(_sort_by_name(window) for _ in range(3))
            edited: list[float] = []
            for number in range(3):
                _rename_first(window, f"Zoë Edited {number}")
                edited.append(_search(window, "zoë"))
            result.own_edit_search = median(edited)
        result.copy_mb = sum(path.stat().st_size for path in _copies()) / 1e6

        log("as-found-server: the next session, one hero renamed meanwhile")
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("UPDATE hero SET name = 'Zoë Renamed' WHERE id = 1")
        with _window(url, folder, "next") as window:
            shown = time.perf_counter()
            wait_until(_keys_ready(window), 600, "the copy followed")
            result.next_ready_s = time.perf_counter() - shown
            result.next_search = median(_search(window, "zoë") for _ in range(3))

        log("as-found-server: memory, in a process of its own")
        result.rss_mb, result.peak_rss_mb, result.copy_process_peak_mb = _memory(url, folder)

        log("as-found-server: the raw floor")
        _floor(url, result)
    return result


def print_server_as_found(result: ServerAsFound) -> None:
    print(
        f"A server table as found ({result.rows:,} heroes, the tutorial's table on a throwaway "
        "PostgreSQL, none of Hero Desktop's structures; a real window, from the last key to "
        "the rows shown, the 150 ms typing pause included)"
    )
    print("| what | Hero Desktop | raw psycopg | ratio | target |")
    print("|---|---|---|---|---|")
    for needle in NEEDLES:
        shown, floor = result.search[needle], result.floor_search[needle]
        print(
            f"| search {needle!r} ({result.found[needle]:,} found), keys built "
            f"| {_ms(shown)} | {_ms(floor)} (ILIKE) | {shown / floor:,.1f}x "
            f"| ≤ 1 s: {'met' if shown <= 1 else 'NOT met'} |"
        )
    searches = list(result.search.values())
    print(f"| search, median / worst | {_ms(median(searches))} / {_ms(max(searches))} | | | |")
    print(
        f"| sort by name (Ctrl+2), first page | {_ms(result.sort)} | {_ms(result.floor_sort)} "
        f"(server's order) | {result.sort / result.floor_sort:,.1f}x "
        f"| ≤ 2 s: {'met' if result.sort <= 2 else 'NOT met'} |"
    )
    print()
    print(
        f"- the keeper: the copy ready {result.ready_s:.1f} s after the first page, the GUI "
        f"thread's longest stall meanwhile {result.build_stall_ms:.0f} ms; the copy takes "
        f"{result.copy_mb:,.0f} MB of disk"
    )
    print(
        f"- memory of a process of its own after those searches and the name order: "
        f"{result.rss_mb:,.0f} MB, peak {result.peak_rss_mb:,.0f} MB (VmRSS, VmHWM; "
        "target at ten million < 200 MB); the process the keeper made the copy in, peak "
        f"{result.copy_process_peak_mb:,.0f} MB"
    )
    print(
        f"- a name edited in the window (F2, Return), then 'zoë' searched: "
        f"{_ms(result.own_edit_search)} from the last key (median of three)"
    )
    print(
        f"- the next session: the copy kept, followed {result.next_ready_s:.1f} s after the "
        f"first page; then 'zoë' {_ms(result.next_search)}"
    )
    said = "about" if result.at_once_estimated else "exact"
    print(
        f"- {FIRST!r} typed at once after the first page: its first page shown after "
        f"{_ms(result.at_once)} from the names keyed so far (count {said}; longest stall "
        f"{result.at_once_stall_ms:.0f} ms); typed again, {_ms(result.at_once_counted)}"
    )
    print(
        f"- before, without the keeper: the first search {_ms(result.before_first)} (it keyed "
        f"every name), the second {_ms(result.before_second)}, the first sort by name "
        f"{_ms(result.before_sort)}"
    )
