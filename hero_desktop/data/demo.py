"""A demo roster: a database of N generated heroes, for trying the app and for benchmarks.

    hero-desktop-demo heroes.db --count 1000000 [--seed 0] [--force]
    python -m hero_desktop.data.demo heroes.db --count 1000

The same seed always gives the same heroes. Names are varied and include
non-ASCII ones (Zoë, Ünal, Straße...) so that search can be tried on them;
about one hero in ten has no age.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from hero_desktop.data.errors import HeroError
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.sqlite.database import open_database
from hero_desktop.data.words import Words


class DemoWords(Words):
    """The translation context of hero-desktop-demo (run without Qt, so in English)."""


BATCH_ROWS = 50_000
NO_AGE_SHARE = 0.1

# fmt: off
_TITLES = (
    "Captain", "Doctor", "Lady", "Lord", "Professor", "Agent", "Mister", "Miss",
    "Iron", "Night", "Silver", "Black", "Rusty", "Golden", "Shadow", "Crimson",
)
_NOUNS = (
    "Lion", "Spider", "Falcon", "Storm", "Tarantula", "Comet", "Phantom", "Wolf",
    "Blaze", "Frost", "Thunder", "Viper", "Hawk", "Raven", "Titan", "Pond",
    "Nebula", "Quasar", "Ember", "Glacier", "Tempest", "Sparrow", "Mantis", "Orca",
)
_SUFFIXES = ("Boy", "Girl", "Man", "Woman", "Kid", "Queen", "King", "Lass", "Bot", "Ninja")
_FIRST = (
    "Dive", "Tommy", "Pedro", "Natalia", "Steve", "Wade", "Zoë", "Ünal", "José", "Søren",
    "Björk", "Łukasz", "Renée", "François", "Ingrid", "Kenji", "Ayşe", "Đorđe", "Maëlle",
    "Oğuz", "Siobhán", "Chloé", "Ana", "Li", "Priya", "Olumide", "Mateus", "Greta",
    "Ælfric", "Çağla", "Noël", "İlkay", "Sven", "Amélie", "Dmitri", "Hana",
)
_LAST = (
    "Wilson", "Sharp", "Parqueador", "Romanoff", "Rogers", "Smith", "Straße", "Müller",
    "O'Brien", "García", "Øvergaard", "Nakamura", "Kowalski", "Dubois", "Yılmaz",  # noqa: RUF001
    "Ó Briain", "Ngata", "Fernández", "Schäfer", "Lindqvist", "Nguyễn", "Okafor",
    "Petrović", "Haßler", "Ólafsdóttir", "Smith, Jr.", "Kim", "Costa", "Weiß", "Ruiz",
)
# fmt: on


def generate(count: int, seed: int = 0) -> Iterator[list[tuple[str, int | None, str]]]:
    """Batches of (name, age, secret_name), the same ones for the same seed."""
    rng = random.Random(seed)
    made = 0
    while made < count:
        size = min(BATCH_ROWS, count - made)
        made += size
        shapes = rng.choices(range(4), k=size)
        titles = rng.choices(_TITLES, k=size)
        nouns = rng.choices(_NOUNS, k=size)
        suffixes = rng.choices(_SUFFIXES, k=size)
        firsts = rng.choices(_FIRST, k=size)
        lasts = rng.choices(_LAST, k=size)
        numbers = rng.choices(range(1, 1000), k=size)
        ages = [
            None if draw < NO_AGE_SHARE else int(draw * 100)
            for draw in (rng.random() for _ in range(size))
        ]
        batch: list[tuple[str, int | None, str]] = []
        for i in range(size):
            shape = shapes[i]
            if shape == 0:
                name = f"{titles[i]} {nouns[i]}"
            elif shape == 1:
                name = f"{nouns[i]}-{suffixes[i]}"
            elif shape == 2:
                name = f"{firsts[i]} the {nouns[i]}"
            else:
                name = f"{titles[i]} {lasts[i]} {numbers[i]}"
            batch.append((name, ages[i], f"{firsts[i]} {lasts[i]}"))
        yield batch


def make_demo(
    path: str | os.PathLike[str], count: int, seed: int = 0, *, force: bool = False
) -> int:
    """Fill the database at ``path`` (created if missing) with ``count`` generated heroes.

    A file whose hero table already holds heroes is refused unless ``force``
    is set; then its heroes are replaced. Returns the number of heroes made.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    if not Path(path).exists():
        return _make_new(Path(path), count, seed)
    database = open_database(path)
    try:
        existing = database.pager(HeroQuery()).count()
        if existing and not force:
            raise HeroError(
                DemoWords.tr(
                    "{path} already holds %Ln hero(es); nothing was changed "
                    "(use --force to replace them).",
                    "",
                    existing,
                ).format(path=path)
            )
        result = database.bulk_insert(
            generate(count, seed), expected_rows=count, replace=bool(existing)
        )
        database.add_pairs_now()
        return result.imported
    finally:
        database.close()


def _make_new(path: Path, count: int, seed: int) -> int:
    """A new file, written beside its place without a journal and moved there when complete.

    With nothing in the file to roll back to, a journal (the WAL) only doubles
    what is written: ten million heroes and their name index are 2.3 GB. A
    failure leaves no file at ``path``.
    """
    partial = path.with_name(path.name + ".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    try:
        database = open_database(partial)
        try:
            database.connection.execute("PRAGMA journal_mode = OFF")
            database.connection.execute("PRAGMA synchronous = OFF")
            made = database.bulk_insert(generate(count, seed), expected_rows=count).imported
            database.add_pairs_now()
            database.connection.execute("PRAGMA journal_mode = WAL")
        finally:
            database.close()
        partial.replace(path)
        return made
    finally:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="hero-desktop-demo",
        description=DemoWords.tr("Make a Hero Desktop database of generated heroes."),
    )
    parser.add_argument(
        "path", type=Path, help=DemoWords.tr("the database file (created if missing)")
    )
    parser.add_argument(
        "--count", type=int, default=1000, help=DemoWords.tr("how many heroes (default 1000)")
    )
    parser.add_argument("--seed", type=int, default=0, help=DemoWords.tr("random seed (default 0)"))
    parser.add_argument(
        "--force",
        action="store_true",
        help=DemoWords.tr("replace the heroes of a file that has some"),
    )
    arguments = parser.parse_args(argv)
    if arguments.count < 0:
        parser.error(DemoWords.tr("--count must not be negative"))
    started = time.perf_counter()
    try:
        made = make_demo(arguments.path, arguments.count, arguments.seed, force=arguments.force)
    except HeroError as error:
        print(f"hero-desktop-demo: {error}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    made_sentence = DemoWords.tr(
        "Made %Ln hero(es) in {path} (seed {seed}) in {seconds} s.", "", made
    )
    print(made_sentence.format(path=arguments.path, seed=arguments.seed, seconds=f"{seconds:.1f}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
