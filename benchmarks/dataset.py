"""The benchmark database: N heroes in the FastAPI tutorial's schema, built once and cached.

The file is made exactly as the tutorial's app makes it (its SQLModel ``Hero``
table, ``ix_hero_name`` and ``ix_hero_age``, rollback journal), then filled
in one transaction. Names mix a few thousand words, titles, hyphens and some
non-ASCII letters; about 10% of ages are NULL. The file is cached under
``benchmarks/.cache/`` keyed by row count, seed and ``VERSION``: change
``VERSION`` whenever the generator or the schema changes.

Every peer is measured on ``bench_file``: ``hero_desktop.data.demo``'s
roster, which has the same table and indexes plus Hero Desktop's search
index. The tutorial-made file serves to measure the one-time cost of Hero
Desktop's first open of such a file (it adds the search index).
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import CreateIndex, CreateTable

from benchmarks.tutorial import TutorialHero

VERSION = "tutorial-schema-5"  # change with the name index layout too: the files are rebuilt
CACHE = Path(__file__).resolve().parent / ".cache"
SEED = 20240603

_TITLES = (
    "Captain", "Doctor", "Mister", "Miss", "Lady", "Lord", "Professor", "Agent",
    "Major", "Sister", "Brother", "Madame", "Sir", "Dame", "Baron", "Count",
)  # fmt: skip
_SYLLABLES = (
    "dead", "pond", "spi", "der", "rus", "ty", "man", "boy", "girl", "tor", "na",
    "do", "black", "li", "on", "storm", "iron", "star", "wing", "shadow", "ka",
    "ra", "zo", "mi", "vel", "ox", "quin", "jet", "bolt", "frost", "ember", "nova",
    "lux", "gale", "thorn", "vex", "sa", "ri", "el", "mo", "nik", "ta", "phan",
    "tom", "hawk", "wolf", "ray", "dusk", "dawn", "blaze", "echo", "flux", "grim",
)  # fmt: skip
_ACCENTED = ("Zoë", "Jürgen", "Ångström", "Łukasz", "Çelik", "Øya", "Straße", "Élodie", "Ñandú")
_FIRST = (
    "Dive", "Pedro", "Tommy", "Wade", "Natasha", "Steve", "Tony", "Carol", "Bruce",
    "Diana", "Clark", "Peter", "Mary", "Logan", "Ororo", "Jean", "Scott", "Kamala",
    "Miles", "Gwen", "Hank", "Janet", "Sam", "Bucky", "Wanda", "Vision", "Kurt",
)  # fmt: skip
_LAST = (
    "Wilson", "Parqueador", "Sharp", "Romanoff", "Rogers", "Stark", "Danvers",
    "Banner", "Prince", "Kent", "Parker", "Jane", "Howlett", "Munroe", "Grey",
    "Summers", "Khan", "Morales", "Stacy", "Pym", "Van Dyne", "Barnes", "Maximoff",
)  # fmt: skip


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def generate(count: int, seed: int = SEED) -> Iterator[tuple[str, int | None, str]]:
    """``count`` (name, age, secret_name) rows, the same for the same seed."""
    rng = random.Random(seed)
    for _ in range(count):
        shape = rng.random()
        if shape < 0.35:
            name = _word(rng)
        elif shape < 0.6:
            name = f"{_word(rng)}-{rng.choice(('Man', 'Boy', 'Girl', 'Woman', 'Kid'))}"
        elif shape < 0.85:
            name = f"{rng.choice(_TITLES)} {_word(rng)}"
        elif shape < 0.99:
            name = f"{_word(rng)} {_word(rng)}"
        else:
            name = f"{rng.choice(_ACCENTED)} {_word(rng)}"
        age = None if rng.random() < 0.1 else rng.randint(12, 95)
        secret = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        yield name, age, secret


def _tutorial_ddl() -> tuple[str, list[str]]:
    dialect = sqlite_dialect.dialect()
    table = TutorialHero.__table__  # type: ignore[attr-defined]
    create = str(CreateTable(table).compile(dialect=dialect))
    indexes = [
        str(CreateIndex(index).compile(dialect=dialect))
        for index in sorted(table.indexes, key=lambda i: str(i.name))
    ]
    return create, indexes


def build(path: Path, count: int, seed: int = SEED) -> None:
    """Write a tutorial-schema database of ``count`` heroes at ``path`` (replaced)."""
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    create, indexes = _tutorial_ddl()
    connection = sqlite3.connect(partial, isolation_level=None)
    try:
        # Speed only matters while building: the finished file is an ordinary one.
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("BEGIN")
        connection.execute(create)
        connection.executemany(
            "INSERT INTO hero (name, age, secret_name) VALUES (?, ?, ?)", generate(count, seed)
        )
        # Indexes after the rows: same file, built in one sorted pass.
        for statement in indexes:
            connection.execute(statement)
        connection.execute("COMMIT")
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()
    partial.replace(path)


def tutorial_file(count: int, *, log: bool = True) -> Path:
    """The cached tutorial-schema file of ``count`` heroes (no search index), built if missing."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"tutorial-{count}-{SEED}-{VERSION}.db"
    if not path.exists():
        started = time.perf_counter()
        build(path, count)
        if log:
            print(f"built {path.name} in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def bench_file(count: int, *, log: bool = True) -> Path:
    """The file every peer is measured on: ``make_demo``'s roster of ``count`` heroes.

    It holds the tutorial's table and indexes, plus Hero Desktop's search
    index (FTS5, kept in sync by triggers the tutorial app also runs).
    """
    from hero_desktop.data.demo import make_demo

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"demo-{count}-{SEED}-{VERSION}.db"
    if not path.exists():
        work = path.with_suffix(".partial")
        for stale in CACHE.glob(work.name + "*"):
            stale.unlink()
        started = time.perf_counter()
        make_demo(work, count, SEED)
        work.replace(path)
        if log:
            print(f"built {path.name} in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def first_open_seconds(count: int, *, log: bool = True) -> tuple[float, str]:
    """Seconds Hero Desktop's first open of a tutorial-made file takes (it adds the index).

    Measured on a fresh copy when the cache is built, then kept beside the
    file: at a million rows it takes tens of seconds.
    """
    from hero_desktop.data.sqlite.database import open_database

    source = tutorial_file(count, log=log)
    record = source.with_suffix(".first-open.json")
    if record.exists():
        saved = json.loads(record.read_text())
        return float(saved["seconds"]), str(saved["when"])
    work = source.with_name(source.stem + "-copy.db")
    shutil.copyfile(source, work)
    try:
        started = time.perf_counter()
        database = open_database(work)
        elapsed = time.perf_counter() - started
        database.close()
    finally:
        for leftover in CACHE.glob(work.name + "*"):
            leftover.unlink()
    when = time.strftime("%Y-%m-%d %H:%M")
    record.write_text(json.dumps({"seconds": elapsed, "when": when}))
    return elapsed, when
