"""Heroes' cells as Copy puts them on the clipboard: the text of a cell, and a whole view's.

One rule for every copy: a hero's field as its text (no age is an empty
cell), and a hidden secret name never copied (an empty cell) until the user
shows secret names. ``view_cells`` reads every hero a query shows, in its
order, from one read snapshot, in the data worker (a view may hold a million
heroes), reporting progress and stopping when told.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from hero_desktop.data.errors import OperationCancelledError
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.rows import HeroRow
from hero_desktop.data.store import HeroReader

READ_BATCH_ROWS = 1000
Progress = Callable[[int, int], bool]


class HasReader(Protocol):
    @property
    def store(self) -> HeroReader: ...


def cell_text(hero: HeroRow, field: str, secrets_visible: bool) -> str:
    if field == "secret_name" and not secrets_visible:
        return ""
    value = getattr(hero, field)
    return "" if value is None else str(value)


def view_cells(
    repository: HasReader,
    query: HeroQuery,
    fields: Sequence[str],
    secrets_visible: bool,
    progress: Progress | None = None,
) -> list[tuple[str, ...]]:
    """The ``fields`` of every hero ``query`` shows, in its order, one tuple per hero.

    Tuples of strings, because the cycle collector stops tracking them at its
    first look: a copy of 127,000 heroes then adds nothing to what the GUI
    thread's collections walk while it is read.
    ``progress(done, total)`` is called between blocks; returning False
    raises OperationCancelledError.
    """
    cells: list[tuple[str, ...]] = []
    with repository.store.snapshot(query) as pager:
        total = pager.count()
        while len(cells) < total:
            heroes = pager.rows(len(cells), READ_BATCH_ROWS)
            if not heroes:
                break
            cells.extend(
                tuple([cell_text(hero, f, secrets_visible) for f in fields]) for hero in heroes
            )
            if progress is not None and progress(len(cells), total) is False:
                raise OperationCancelledError("Copy cancelled: the clipboard is as it was.")
    return cells
