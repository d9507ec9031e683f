"""Whole-process figures: open to first page painted, memory after 1,000 pages, idle CPU.

Each program runs in a process of its own (``benchmarks.probe``, or the
real ``python -m hero_desktop`` for idle CPU), offscreen, with settings and
data folders pointed at a temporary folder so nothing of the user's is read
or written.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.bench_paging import Setup
from benchmarks.report import Figure, median, ratio, times

ROOT = Path(__file__).resolve().parent.parent
TICKS = os.sysconf("SC_CLK_TCK")


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def _probe(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "benchmarks.probe", *arguments]


def _time_to_paint(command: list[str], env: dict[str, str]) -> float:
    """Seconds from just before starting the process to its PAINTED line."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == "PAINTED":
            elapsed = time.perf_counter() - started
            break
    else:
        raise RuntimeError(f"{command} ended without painting (status {process.wait()})")
    process.wait(timeout=30)
    return elapsed


def open_to_first_page(setup: Setup) -> Figure:
    samples: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="hero-bench-") as folder:
        env = _environment(Path(folder))
        database = str(setup.path)
        kinds = {"Hero Desktop": "hero", "QSqlTableModel": "qsql", "raw sqlite3": "bare"}
        # Interleaved, so that noise from other work on the machine hits all alike.
        for i in range(setup.repeat + 1):
            for peer, kind in kinds.items():
                settings = str(Path(folder) / f"settings-{i}.ini")
                elapsed = _time_to_paint(_probe("open", kind, database, settings), env)
                if i:  # the first round warms the OS file cache
                    samples.setdefault(peer, []).append(elapsed * 1000)
    medians = {peer: median(v) for peer, v in samples.items()}
    vs_bare = ratio(medians["Hero Desktop"], medians["raw sqlite3"])
    return Figure(
        name="open a file to its first page painted, whole process",
        unit="ms",
        values=dict(medians),
        target="≤ 1.3x a bare PySide6 window with an empty QTableView",
        met=vs_bare is not None and vs_bare <= 1.3,
        ratios=f"{times(vs_bare)} bare window",
        notes=[
            "'raw sqlite3' column here = a bare QMainWindow with an empty QTableView",
            "paints are seen through the table's paintEvent: a viewport() call would add "
            "PySide's 8 ms class lookup to the bare window, which never makes one",
        ],
    )


def _cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime (all threads)


def _idle_percent(command: list[str], env: dict[str, str], window: float) -> float:
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        # Settled: two quiet seconds in a row (the start-up integrity check has run).
        deadline, quiet, last = time.monotonic() + 60, 0, _cpu_seconds(process.pid)
        while quiet < 2 and time.monotonic() < deadline:
            time.sleep(1)
            now = _cpu_seconds(process.pid)
            quiet = quiet + 1 if now - last < 0.02 else 0
            last = now
        before, started = _cpu_seconds(process.pid), time.monotonic()
        time.sleep(window)
        used, elapsed = _cpu_seconds(process.pid) - before, time.monotonic() - started
    finally:
        process.terminate()
        process.wait(timeout=30)
    return 100 * used / elapsed


def idle_cpu(setup: Setup, window: float) -> Figure:
    with tempfile.TemporaryDirectory(prefix="hero-bench-") as folder:
        env = _environment(Path(folder))
        hero = _idle_percent([sys.executable, "-m", "hero_desktop", str(setup.path)], env, window)
        settings = str(Path(folder) / "bare.ini")
        qt = _idle_percent(_probe("open", "qsql", str(setup.path), settings, "--stay"), env, window)
        bare = _idle_percent(
            _probe("open", "bare", str(setup.path), settings, "--stay"), env, window
        )
    return Figure(
        name=f"CPU while idle (over {window:g} s, after settling)",
        unit="%",
        values={"Hero Desktop": hero, "QSqlTableModel": qt, "raw sqlite3": bare},
        target="< 1% of a core",
        met=hero < 1,
        ratios="% of one core; 'raw sqlite3' = bare window",
        notes=["Hero Desktop polls PRAGMA data_version every 500 ms to show others' changes"],
    )


def _growth_mb(kind: str, database: Path, pattern: str, pages: int) -> float:
    with tempfile.TemporaryDirectory(prefix="hero-bench-") as folder:
        output = subprocess.run(
            _probe("memory", kind, str(database), pattern, str(pages)),
            cwd=ROOT,
            env=_environment(Path(folder)),
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return int(output.split()[-1]) / 2**20


def memory(setup: Setup, pattern: str, pages: int = 1000) -> Figure:
    peers = {"Hero Desktop": "hero", "tutorial style": "tutorial", "QSqlTableModel": "qsql",
             "raw sqlite3": "raw"}  # fmt: skip
    values = {peer: _growth_mb(kind, setup.path, pattern, pages) for peer, kind in peers.items()}
    if pattern == "next":
        name = f"memory growth after 1,000 next pages (to row {(pages + 20) * 100:,}), by name"
    else:
        name = "memory growth after 1,000 random jumps (QSql: to the last row)"
    return Figure(
        name=name,
        unit="MB",
        values=dict(values),
        target="< 10 MB",
        met=values["Hero Desktop"] < 10,
        ratios=f"QSql {values['QSqlTableModel'] - values['Hero Desktop']:+.0f} MB more",
        notes=[]
        if pattern == "jumps"
        else ["RSS after a 20-page warm-up, gc.collect() on both ends"],
    )


def run(setup: Setup, log: Callable[[str], None], idle_window: float) -> list[Figure]:
    log("process: open to first page")
    figures = [open_to_first_page(setup)]
    for pattern in ("next", "jumps"):
        log(f"process: memory ({pattern})")
        figures.append(memory(setup, pattern))
    log("process: idle CPU")
    figures.append(idle_cpu(setup, idle_window))
    return figures
