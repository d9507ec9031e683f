"""A long CSV import killed with SIGKILL at a random point leaves a sound file (issue 4).

The import drops the two column indexes for its run and re-creates them,
and computes the name rows from the change log, in the same transaction. A process
killed at any moment (between batches, while the indexes are rebuilt, while
it commits) must leave a file that passes SQLite's integrity check, holds
either the heroes from before or all of them plus every imported row, and
still has its name index, its triggers and its column indexes.
"""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from hero_desktop.data.csv_io import BATCH_ROWS, import_csv
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.sqlite import name_index
from hero_desktop.data.sqlite.database import open_database

ROUNDS = 8
IMPORTED_ROWS = 200_000
EXISTING = [(f"Existing Hero {i:03}", 20 + i, f"Old Secret {i:03}") for i in range(1, 41)]
LINE_TIMEOUT = 60.0

# The child: opens the database, imports the big file, one line per batch.
CHILD = """
import sys
from hero_desktop.data.csv_io import BATCH_ROWS, import_csv
from hero_desktop.data.sqlite.database import open_database

database = open_database(sys.argv[1])
print("ready", flush=True)

def progress(done, total):
    print(f"progress {done} {total}", flush=True)
    return True

result = import_csv(database, sys.argv[2], progress)
print(f"done {result.imported}", flush=True)
database.close()
"""


def write_big_csv(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("name,age,secret_name\r\n")
        handle.writelines(
            f"Imported {i:06},{i % 90 + 10},Imported Secret {i:06}\r\n"
            for i in range(1, IMPORTED_ROWS + 1)
        )


def make_database(path: Path, csv_path: Path) -> None:
    """A database created by the app, holding the EXISTING heroes (ids 1..40)."""
    csv_path.write_text(
        "name,age,secret_name\n" + "".join(f"{n},{a},{s}\n" for n, a, s in EXISTING),
        encoding="utf-8",
    )
    database = open_database(path)
    try:
        import_csv(database, csv_path)
    finally:
        database.close()


class Child:
    """The importing process, with its stdout read line by line under a deadline."""

    def __init__(self, db_path: Path, csv_path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(db_path), str(csv_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self._buffer = b""
        self.lines: list[str] = []

    def next_line(self) -> str | None:
        """The next line the child printed; None once it closed its stdout."""
        assert self.process.stdout is not None
        descriptor = self.process.stdout.fileno()
        deadline = time.monotonic() + LINE_TIMEOUT
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            assert left > 0, f"the importing process printed nothing for {LINE_TIMEOUT:g}s"
            readable, _, _ = select.select([descriptor], [], [], left)
            if not readable:
                continue
            chunk = os.read(descriptor, 65536)
            if not chunk:
                return None
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\n", 1)
        line = raw.decode()
        self.lines.append(line)
        return line

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=LINE_TIMEOUT)
        assert self.process.stdout is not None
        assert self.process.stderr is not None
        # Whatever it printed before it died still counts (a "done" line, say).
        rest = self._buffer + self.process.stdout.read()
        self.lines.extend(line for line in rest.decode().splitlines() if line)
        errors = self.process.stderr.read().decode()
        self.process.stdout.close()
        self.process.stderr.close()
        assert self.process.returncode == -signal.SIGKILL, (self.process.returncode, errors)


def check_file(path: Path, reported_done: bool) -> bool:
    """Check the file after the kill; True if the import was rolled back."""
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = connection.execute("SELECT id, name, age, secret_name FROM hero ORDER BY id")
        heroes = rows.fetchall()
        before = [(i, *hero) for i, hero in enumerate(EXISTING, start=1)]
        imported = [
            (len(EXISTING) + i, f"Imported {i:06}", i % 90 + 10, f"Imported Secret {i:06}")
            for i in range(1, IMPORTED_ROWS + 1)
        ]
        rolled_back = heroes == before
        if reported_done:
            assert heroes == before + imported, "the import said it was done but is not all there"
        else:
            assert rolled_back or heroes == before + imported, (
                f"a partial import survived the kill: {len(heroes)} heroes"
            )
        schema = {
            (str(kind), str(name))
            for kind, name in connection.execute("SELECT type, name FROM sqlite_schema")
        }
        for kind, name in [
            ("table", name_index.NAME_TABLE),
            ("table", name_index.FTS_TABLE),
            *(("trigger", trigger) for trigger in name_index.TRIGGERS),
            ("index", "ix_hero_name"),
            ("index", "ix_hero_age"),
        ]:
            assert (kind, name) in schema, f"{kind} {name} is gone after the kill"
        # The name rows agree with the table, row for row (the import's own
        # transaction processed its change log).
        fts = name_index.FTS_TABLE
        connection.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
        named = connection.execute(f"SELECT id FROM {name_index.NAME_TABLE} ORDER BY id")
        assert [row[0] for row in named] == [hero[0] for hero in heroes]
        pending = connection.execute(f"SELECT count(*) FROM {name_index.PENDING_TABLE}")
        assert pending.fetchone()[0] == 0
    finally:
        connection.close()

    database = open_database(path)
    try:
        repository = HeroRepository(database)
        assert database.names_ready()
        assert repository.count(HeroQuery(search="existing hero")) == len(EXISTING)
        assert repository.count(HeroQuery(search="Hero 007")) == 1
        assert repository.count(HeroQuery(search="imported")) == (
            0 if rolled_back else IMPORTED_ROWS
        )
        assert repository.count(HeroQuery(search="Imported 123456")) == (0 if rolled_back else 1)
        assert repository.count() == len(heroes)
    finally:
        database.close()
    return rolled_back


def test_a_killed_import_leaves_the_heroes_from_before_or_all_of_them(tmp_path: Path) -> None:
    seed = random.randrange(2**32)
    chooser = random.Random(seed)
    big_csv = tmp_path / "big.csv"
    write_big_csv(big_csv)
    # One line per full batch, and one more after the last (partial) flush;
    # after that line the indexes are rebuilt and the transaction commits.
    progress_lines = IMPORTED_ROWS // BATCH_ROWS + 1
    # Random kill points (after 0..all progress lines), plus the edges: right
    # after the last progress line, and after the child said it was done.
    kill_points: list[int | None] = [progress_lines, None, chooser.randrange(progress_lines)]
    kill_points += [chooser.randint(0, progress_lines) for _ in range(ROUNDS - 3)]
    chooser.shuffle(kill_points)

    rolled_back_rounds = 0
    finished_rounds = 0
    for round_number, kill_after in enumerate(kill_points):
        db_path = tmp_path / f"round{round_number}.db"
        make_database(db_path, tmp_path / f"existing{round_number}.csv")
        child = Child(db_path, big_csv)
        try:
            assert child.next_line() == "ready"
            seen = 0
            while kill_after is None or seen < kill_after:
                line = child.next_line()
                assert line is not None, f"the child ended early: {child.lines}"
                if line.startswith("progress"):
                    seen += 1
                if line.startswith("done"):
                    break
        finally:
            child.kill()
        reported_done = any(line.startswith("done") for line in child.lines)
        if kill_after is None:
            assert reported_done
        if check_file(db_path, reported_done):
            rolled_back_rounds += 1
        else:
            finished_rounds += 1

    shown = ["done" if point is None else point for point in kill_points]
    print(
        f"\nimport crash: seed {seed}, {ROUNDS} rounds, {IMPORTED_ROWS:,} rows each; "
        f"killed after progress lines {shown} (of {progress_lines}); "
        f"killed mid-import (all rolled back) {rolled_back_rounds}, "
        f"import complete before the kill {finished_rounds}"
    )
    assert rolled_back_rounds + finished_rounds == ROUNDS
    assert rolled_back_rounds >= 1
