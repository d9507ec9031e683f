"""Start-up of the bundle (``make bundle``) beside the app from the venv, whole process.

Both are started as a user starts them, ``hero-desktop FILE``, on the same
file, on an Xvfb of their own, with settings and data folders in a temporary
folder. Measured: from just before the process starts to its main window
being visible (``xdotool search --onlyvisible``, polled every 10 ms; the
window is shown with its first page already loaded). Runs alternate, so that
noise from other work on the machine hits both alike, and the first round
only warms the OS file cache.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.bench_paging import Setup
from benchmarks.report import Figure, median, ratio, times

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "hero-desktop" / "hero-desktop"
VENV_APP = Path(sys.prefix) / "bin" / "hero-desktop"


@contextmanager
def _xvfb() -> Iterator[str]:
    """A display number of a fresh Xvfb, killed on exit."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        # -noreset: a server that resets when its last client leaves refuses the next one
        # for a moment.
        [
            "Xvfb",
            "-displayfd",
            str(write_end),
            "-screen",
            "0",
            "1280x800x24",
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        received = b""
        while not received.endswith(b"\n"):
            ready, _, _ = select.select([read_end], [], [], 20)
            chunk = os.read(read_end, 64) if ready else b""
            if not chunk:
                raise RuntimeError("Xvfb did not start")
            received += chunk
        yield ":" + received.decode().strip()
    finally:
        os.close(read_end)
        server.kill()
        server.wait(timeout=10)


def _time_to_window(command: list[str], env: dict[str, str]) -> float:
    """Seconds from just before starting ``command`` to its window being visible."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        while True:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--pid", str(process.pid),
                 "--name", "Hero Desktop"],
                env=env, capture_output=True, text=True, check=False,
            )  # fmt: skip
            if found.stdout.strip():
                return time.perf_counter() - started
            if process.poll() is not None:
                _, errors = process.communicate()
                raise RuntimeError(f"{command} exited with {process.returncode}:\n{errors}")
            time.sleep(0.01)
    finally:
        process.terminate()
        process.wait(timeout=30)


def start_up(setup: Setup) -> Figure:
    if not BUNDLE.exists():
        return Figure(
            name="start to window shown: bundle vs venv",
            unit="ms",
            values={},
            notes=[f"needs the bundle: run make bundle ({BUNDLE} is not there)"],
        )
    commands = {"venv": [str(VENV_APP), str(setup.path)], "bundle": [str(BUNDLE), str(setup.path)]}
    samples: dict[str, list[float]] = {kind: [] for kind in commands}
    with tempfile.TemporaryDirectory(prefix="hero-bench-") as folder, _xvfb() as display:
        home = Path(folder)
        (home / "runtime").mkdir(mode=0o700)
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "XDG_RUNTIME_DIR": str(home / "runtime"),
        }
        for i in range(setup.repeat + 1):
            for kind, command in commands.items():
                elapsed = _time_to_window(command, env)
                if i:  # the first round warms the OS file cache
                    samples[kind].append(elapsed * 1000)
    venv, bundle = median(samples["venv"]), median(samples["bundle"])
    return Figure(
        name="start to window shown on Xvfb, whole process: bundle (venv)",
        unit="ms",
        values={"Hero Desktop": bundle},
        target="≤ the app from the venv",
        met=bundle <= venv,
        ratios=f"{times(ratio(bundle, venv))} the venv app ({venv:,.0f} ms)",
        notes=[
            f"medians of {setup.repeat}; bundle runs {sorted(round(s) for s in samples['bundle'])}"
            f" ms, venv runs {sorted(round(s) for s in samples['venv'])} ms"
        ],
    )


def run(setup: Setup, log: Callable[[str], None]) -> list[Figure]:
    log("bundle: start-up beside the venv app")
    return [start_up(setup)]
