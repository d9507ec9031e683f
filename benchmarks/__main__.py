"""``python -m benchmarks [--rows N] [--repeat K] [--quick]``: every figure, one table."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence

from benchmarks.heartbeat import Situation
from benchmarks.report import Figure, print_table, times

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

GROUPS = (
    "paging",
    "search",
    "process",
    "import",
    "names",
    "bundle",
    "responsiveness",
    "postgres",
    "session",
    "quit",
    "edit-path",
    "paste",
    "as-found",
    "as-found-server",
    "ten-million",
)
ASKED_ONLY = ("bundle", "ten-million")  # run only when named with --only


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--rows", type=int, default=None, help="heroes (default 1,000,000)")
    parser.add_argument("--repeat", type=int, default=None, help="runs per figure (default 7)")
    parser.add_argument(
        "--quick", action="store_true", help="a fast sanity run: 100,000 heroes, 3 repeats"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=GROUPS,
        help="run only these groups (repeatable); bundle (the bundle's start-up beside the "
        "venv app) runs only when asked for, after make bundle; responsiveness (the longest "
        "stall of a real window's GUI thread, per situation), postgres (team mode on a "
        "throwaway PostgreSQL server) and session (memory before and after 100,000 page "
        "keys in a real window), quit (answer to exit under another program's lock), "
        "edit-path (the files one cell edit passes through) and paste (paste, fill and copy "
        "in a real window beside raw sqlite3) and as-found (search and name order through "
        "a real window on a file it may not change: the scan, the name cache, raw LIKE) and "
        "as-found-server (the same on a throwaway server's table without the name table: "
        "the name keys' keeper, raw ILIKE) print "
        "tables of their own; ten-million (1,000,000 and 10,000,000 heroes side by side, launch "
        "warm and cold, keys, queries, index build, memory; builds a 2.3 GB file once) runs "
        "only when asked for",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _arguments(argv)
    rows = arguments.rows or (100_000 if arguments.quick else 1_000_000)
    repeat = arguments.repeat or (3 if arguments.quick else 7)
    groups = set(arguments.only or [group for group in GROUPS if group not in ASKED_ONLY])

    from PySide6.QtWidgets import QApplication

    from benchmarks import (
        bench_bundle,
        bench_paging,
        bench_process,
        bench_responsiveness,
        bench_search,
        bench_session,
        dataset,
    )

    # Name caches of the files opened as found go to a folder of the run's own, never
    # the user's cache folder (removed at the end).
    caches = tempfile.TemporaryDirectory(prefix="hero-bench-cache-")
    os.environ["XDG_CACHE_HOME"] = caches.name
    app = QApplication.instance() or QApplication(sys.argv[:1])
    started = time.perf_counter()

    def log(text: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f} s] {text}", file=sys.stderr, flush=True)

    # These build their data sets themselves.
    own_data = {"names", "postgres", "as-found", "as-found-server", "ten-million"}
    path = dataset.bench_file(rows) if groups - own_data else dataset.CACHE / "(own data sets)"
    setup = bench_paging.Setup(path, rows, repeat, qsql_repeat=min(repeat, 3))
    print(
        f"{rows:,} heroes in {path.name}; medians of {repeat} runs (QSqlTableModel: "
        f"{setup.qsql_repeat}); Python {sys.version.split()[0]}, {os.cpu_count()} cores"
    )

    figures: list[Figure] = []
    if "names" in groups:
        from benchmarks import bench_names

        figures += bench_names.run(rows, repeat, log)
    if "paging" in groups:
        figures += bench_paging.run(setup, log)
    if "search" in groups:
        figures += bench_search.run(setup, log)
    if "process" in groups:
        figures += bench_process.run(setup, log, idle_window=3.0 if arguments.quick else 10.0)
    if "bundle" in groups:
        figures += bench_bundle.run(setup, log)
    situations: list[Situation] = []
    if "responsiveness" in groups:
        situations = bench_responsiveness.run(rows, arguments.quick, log)
    if "import" in groups:
        log("import: CSV")
        figures.append(_import_figure(rows, 1 if arguments.quick else min(repeat, 3)))
        log("first open of a tutorial-made file")
        seconds, when = dataset.first_open_seconds(rows)
        figures.append(
            Figure(
                name="first open of a tutorial-made file (changes nothing without consent)",
                unit="s",
                values={"Hero Desktop": seconds},
                notes=[f"measured {when} on a fresh copy, cached beside the file"],
            )
        )
    session: bench_session.SessionResult | None = None
    if "session" in groups:
        session = bench_session.run(rows, log)
    quit_result = None
    if "quit" in groups:
        from benchmarks import bench_quit

        quit_result = bench_quit.run(rows, arguments.quick, log)
    edit_path = None
    if "edit-path" in groups:
        from benchmarks import bench_edit_path

        edit_path = bench_edit_path.run(rows, log)
    pasted = None
    if "paste" in groups:
        from benchmarks import bench_paste

        pasted = bench_paste.run(rows, log)
    as_found = None
    if "as-found" in groups:
        from benchmarks import bench_as_found

        as_found = bench_as_found.run(rows, log)
    server_as_found = None
    if "as-found-server" in groups:
        from benchmarks import bench_as_found_server

        server_as_found = bench_as_found_server.run(rows, log)
    ten_million = None
    if "ten-million" in groups:
        from benchmarks import bench_ten_million

        sizes = (rows // 10, rows) if arguments.quick else bench_ten_million.SIZES
        ten_million = (bench_ten_million.run(sizes, 1 if arguments.quick else 3, log), sizes)
    postgres: list[Figure] = []
    if "postgres" in groups:
        from benchmarks import bench_postgres

        postgres = bench_postgres.run(rows, repeat, arguments.quick, log)
    print()
    if figures:
        print_table(figures)
    if situations:
        print()
        bench_responsiveness.print_situations(situations)
    if postgres:
        print()
        bench_postgres.print_table(postgres)
    if session is not None:
        print()
        bench_session.print_session(session)
    if quit_result is not None:
        from benchmarks import bench_quit

        print()
        bench_quit.print_quit(quit_result)
    if edit_path is not None:
        from benchmarks import bench_edit_path

        print()
        bench_edit_path.print_edit_path(edit_path)
    if pasted is not None:
        from benchmarks import bench_paste

        print()
        bench_paste.print_paste(pasted, rows)
    if as_found is not None:
        from benchmarks import bench_as_found

        print()
        bench_as_found.print_as_found(as_found)
    if server_as_found is not None:
        from benchmarks import bench_as_found_server

        print()
        bench_as_found_server.print_server_as_found(server_as_found)
    if ten_million is not None:
        from benchmarks import bench_ten_million

        print()
        bench_ten_million.print_table(*ten_million)
    log("done")
    caches.cleanup()
    del app
    return 0


def _import_figure(rows: int, repeat: int) -> Figure:

    try:
        from benchmarks import bench_import
    except ImportError:
        return Figure(
            name="import heroes from CSV",
            unit="s",
            values={},
            notes=["provided by benchmarks/bench_import.py, which is not there"],
        )
    found = bench_import.run(None, rows=rows, repeat=repeat)
    hero, raw = found["import_indexed"], found["raw_plain"]
    indexed, plain = found["import_vs_raw_plain_schema"], found["import_plain_vs_raw_plain"]
    return Figure(
        name=f"import {rows:,} heroes from CSV",
        unit="s",
        values={"Hero Desktop": hero, "raw sqlite3": raw},
        target="≤ 1.2x raw executemany (tutorial schema), names keyed included",
        met=max(indexed, plain) <= 1.2,
        ratios=f"{times(indexed)} raw with the name index "
        f"({found['import_vs_raw_plain_schema_low']:.2f}-"
        f"{found['import_vs_raw_plain_schema_high']:.2f}x over the rounds); without it "
        f"{times(plain)} ({found['import_plain_vs_raw_plain_low']:.2f}-"
        f"{found['import_plain_vs_raw_plain_high']:.2f}x)",
        notes=[
            f"import without the name index {found['import_plain']:.2f} s; raw executemany "
            f"into Hero Desktop's schema (its triggers log every id, no names keyed) "
            f"{found['raw_indexed']:.2f} s, the import {times(found['import_vs_raw_same_schema'])} "
            f"that; export by name {found['export']:.2f} s (from benchmarks/bench_import.py)"
        ],
    )


if __name__ == "__main__":
    sys.exit(main())
