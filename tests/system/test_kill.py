"""Kill test: SIGKILL the real app at random moments while it adds heroes typed by keyboard.

Each round starts the installed ``hero-desktop`` on the same file, a typist
thread adds heroes through the Add Hero dialog with xdotool, and the app is
killed with SIGKILL: while it starts, a few milliseconds after an Enter (in
or near the commit), or at any moment (mid-typing, between adds). After each
kill a copy of the file (with its -wal and -shm, as the kill left them)
must pass ``PRAGMA integrity_check`` and hold every hero whose add the log
reported as done; the original is left as it is for the next round to open.

HERO_DESKTOP_KILL_SEED replays a run; the seed and the figures are printed.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from polling import wait_until

from .support import ADD_DIALOG_NAME, HeroDesktop, done_adds, read_heroes

pytestmark = pytest.mark.xvfb

ROUNDS = 24

Hero = tuple[str, str, int | None]


class Typist(threading.Thread):
    """Adds heroes through the app's Add Hero dialog until told to stop."""

    def __init__(self, app: HeroDesktop, round_number: int, rng: random.Random) -> None:
        super().__init__(daemon=True)
        self.app = app
        self.round_number = round_number
        self.rng = rng
        self.stopping = threading.Event()
        self.typed: dict[str, Hero] = {}
        self.enters = 0
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self._type_heroes()
        except BaseException as error:  # reported by the main thread unless the app was killed
            self.error = error

    def wait_for_enters(self, count: int) -> None:
        """Until ``count`` adds were entered (or the typist failed)."""
        wait_until(lambda: self.enters >= count or not self.is_alive(), 30, f"{count} adds entered")

    def _wait(self, predicate: Callable[[], object], what: str) -> bool:
        """Wait for ``predicate``; False when told to stop meanwhile."""
        wait_until(lambda: self.stopping.is_set() or predicate(), 15, what)
        return not self.stopping.is_set()

    def _type_heroes(self) -> None:
        app = self.app
        number = 0
        while not self.stopping.is_set():
            app.focus()
            app.key("ctrl+n")
            if not self._wait(lambda: app.find_window(ADD_DIALOG_NAME), "the Add Hero dialog"):
                return
            # As a person does: type once the dialog has the keyboard (the window
            # may still be filling in its first page when the dialog appears).
            dialog = app.find_window(ADD_DIALOG_NAME)
            if dialog:
                app.focus(dialog)
            age = self.rng.choice(["", str(self.rng.randint(0, 120))])
            name = f"Kill {self.round_number:02d}-{number:02d}"
            secret_name = f"Secret {self.round_number}.{number}"
            # Recorded before Enter: from then on the hero may be committed.
            self.typed[name] = (name, secret_name, int(age) if age else None)
            app.fill_and_save(name, secret_name, age)
            self.enters += 1
            number += 1
            if not self._wait(lambda: not app.find_window(ADD_DIALOG_NAME), "the dialog to close"):
                return


@dataclass
class Figures:
    kills: int = 0
    kills_by_moment: dict[str, int] = field(default_factory=dict)
    adds_entered: int = 0
    writes_confirmed: int = 0
    writes_found: int = 0
    heroes_in_file: int = 0

    def summary(self, seed: int, seconds: float) -> str:
        return (
            f"kill test (seed {seed}, {seconds:.0f}s): {self.kills} SIGKILLs "
            f"{self.kills_by_moment}; {self.adds_entered} adds entered; "
            f"{self.writes_confirmed} writes confirmed in the log, {self.writes_found} found "
            f"in the file; {self.heroes_in_file} heroes in the file; integrity_check ok each time"
        )


def snapshot(database: Path, folder: Path) -> Path:
    """Copy the database with its -wal and -shm, exactly as the kill left them."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for suffix in ("", "-wal", "-shm"):
        source = database.with_name(database.name + suffix)
        if source.exists():
            shutil.copyfile(source, folder / source.name)
    return folder / database.name


def check_file(copy: Path) -> dict[int, Hero]:
    """integrity_check must be ok; the heroes (none if the kill came before the table)."""
    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        has_table = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'hero'"
        ).fetchone()[0]
    finally:
        connection.close()
    return read_heroes(copy) if has_table else {}


def test_sigkill_at_random_moments_loses_no_confirmed_hero(
    hero_desktop: HeroDesktop,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    record_property: Callable[[str, object], None],
) -> None:
    app = hero_desktop
    seed = int(os.environ.get("HERO_DESKTOP_KILL_SEED", random.randrange(2**32)))
    rng = random.Random(seed)
    figures = Figures()
    typed: dict[str, Hero] = {}
    started = time.monotonic()

    for round_number in range(ROUNDS):
        moment = rng.choices(["starting", "after Enter", "any moment"], [1, 3, 3])[0]
        app.start()
        typist = Typist(app, round_number, random.Random(rng.random()))
        if moment == "starting":
            time.sleep(rng.uniform(0.0, 1.5))  # the kill moment, not a wait for a result
        else:
            app.wait_for_window()
            typist.start()
            if moment == "after Enter":
                enters = rng.randint(1, 3)
                typist.wait_for_enters(enters)
                time.sleep(rng.uniform(0.0, 0.05))
            else:
                time.sleep(rng.uniform(0.2, 3.0))
            assert typist.is_alive(), f"typing failed before the kill: {typist.error!r}"
        app.kill()
        typist.stopping.set()
        if typist.ident is not None:  # it was started
            typist.join(timeout=30)
            assert not typist.is_alive()
        figures.kills += 1
        figures.kills_by_moment[moment] = figures.kills_by_moment.get(moment, 0) + 1
        figures.adds_entered += typist.enters
        typed.update(typist.typed)

        heroes = check_file(snapshot(app.database, tmp_path / "check"))
        confirmed = done_adds(app.log_file)
        for hero_id, name in confirmed.items():
            assert heroes.get(hero_id) == typed.get(name), (
                f"round {round_number}: add of {name} (id {hero_id}) was reported done "
                f"but the file has {heroes.get(hero_id)} (seed {seed})"
            )
        # Nothing else either: every hero in the file is one that was typed, whole.
        for hero_id, hero in heroes.items():
            assert typed.get(hero[0]) == hero, f"unexpected hero {hero_id}: {hero} (seed {seed})"
        figures.writes_confirmed = len(confirmed)
        figures.writes_found = sum(1 for hero_id in confirmed if hero_id in heroes)
        figures.heroes_in_file = len(heroes)

    # After all that, the app still opens the file and quits cleanly.
    app.start()
    app.wait_for_window()
    app.focus()
    app.key("ctrl+q")
    assert app.wait_for_exit() == 0, app.output
    assert check_file(app.database) == heroes

    summary = figures.summary(seed, time.monotonic() - started)
    with capsys.disabled():  # the figures belong in every test log, not only with -s
        print(f"\n{summary}")
    for name, value in vars(figures).items():
        record_property(name, value)
    assert figures.kills >= 20
    assert figures.writes_confirmed >= 20, summary
    assert figures.writes_found == figures.writes_confirmed
