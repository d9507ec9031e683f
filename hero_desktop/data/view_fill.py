"""A fill over every hero of a view (Select All, then Fill Selection, Fill Down or a Paste).

The user selected the whole view (Ctrl+A): every hero its search shows, not
only the page. ``FillView`` is the one operation that writes the fill:

* ``apply`` reads the view's heroes in one read snapshot (their ids and the
  values of the filled fields), then writes the new values in one write
  transaction, in batches, reporting progress between them; a cancel raises
  OperationCancelledError inside the transaction, which rolls back: nothing
  is half-written.
* Conflicts: a cell the page showed that now holds something else, or a
  hero changed by another program between the read and the write, raises
  ConflictError (asked once, "Use Mine" runs it again with ``force``).
* Undo writes each hero's value before back, redo the filled value again,
  each checking that the hero still holds what the step before left.

Why not ``EditCells``: its per-cell list holds a tuple of four values per
cell, built in the GUI thread from heroes the window does not have (a view
may hold a million). This keeps what undo needs, compactly and in the
worker: the heroes' ids in one ``array`` of 64-bit integers and, per field,
one list of the values before (aligned with the ids). The values are checked
once, in the GUI thread, by the typing rules, before this is made.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from hero_desktop.data.errors import ConflictError, HeroNotFoundError, OperationCancelledError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.operations import ChangeSummary, OperationsWords
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.store import HeroTransaction

# Its words are the operations' (OperationsWords): "Fill %Ln Cell(s)" is one sentence.

BATCH_HEROES = 1000
Progress = Callable[[int, int], bool]
SeenCell = tuple[int, str, object]  # (hero id, field, the value the page showed)


@dataclass
class FillView:
    """Fill ``fields`` of every hero ``query`` shows, in one transaction and one undo step.

    ``values`` maps each field to its checked value; with ``down`` (Fill
    Down) they are the view's first hero's, read with the view, and that
    hero is left as it is. ``expected`` is how many heroes the window
    showed in the view, for the label before the fill has run.
    """

    verb: str  # "Fill", "Paste": a key (the label is said in the user's language)
    query: HeroQuery
    fields: tuple[str, ...]
    values: dict[str, object] = field(default_factory=dict)
    down: bool = False
    seen: tuple[SeenCell, ...] = ()
    expected: int = 0
    progress: Progress | None = None  # the first apply's only: undo and redo run without it
    ids: array[int] = field(default_factory=lambda: array("q"))
    before: dict[str, list[object]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        heroes = len(self.ids) if self.ids else max(0, self.expected - self.down)
        count = heroes * len(self.fields)
        if self.verb == "Paste":
            return OperationsWords.tr("Paste %Ln Cell(s)", "", count)
        return OperationsWords.tr("Fill %Ln Cell(s)", "", count)

    def apply(self, repository: HeroRepository, force: bool) -> ChangeSummary:
        if not self.ids:
            self._read(repository, force)
        else:  # redo: the same heroes, each still holding its value before
            _write(repository, self.ids, self.before, _same(self.values), check=not force)
        return ChangeSummary(everything=True)

    def revert(self, repository: HeroRepository, force: bool) -> ChangeSummary:
        _write(repository, self.ids, _same(self.values), self.before, check=not force)
        return ChangeSummary(everything=True)

    def _read(self, repository: HeroRepository, force: bool) -> None:
        """The first apply: read the view, check what the page showed, write."""
        ids: array[int] = array("q")
        before: dict[str, list[object]] = {f: [] for f in self.fields}
        shown = {(hero_id, f): value for hero_id, f, value in self.seen}
        with repository.store.snapshot(self.query) as pager:
            total = pager.count()
            while len(ids) < total:
                heroes = pager.rows(len(ids), BATCH_HEROES)
                if not heroes:
                    break
                for hero in heroes:
                    ids.append(hero.id)
                    for f in self.fields:
                        value = getattr(hero, f)
                        if not force and shown.get((hero.id, f), value) != value:
                            raise ConflictError(hero.id, hero)
                        before[f].append(value)
                # Reading is the first half of the work, writing the second.
                self._report(len(ids) // 2, total)
        values = dict(self.values)
        if self.down:
            if not ids:
                return
            values = {f: before[f][0] for f in self.fields}
            del ids[0]
            before = {f: column[1:] for f, column in before.items()}
        _write(repository, ids, before, _same(values), check=not force, report=self._report)
        self.ids, self.before, self.values = ids, before, values

    def _report(self, done: int, total: int) -> None:
        if self.progress is not None and self.progress(done, total) is False:
            if self.verb == "Paste":
                raise OperationCancelledError(
                    OperationsWords.tr("Paste cancelled: nothing was changed.")
                )
            raise OperationCancelledError(
                OperationsWords.tr("Fill cancelled: nothing was changed.")
            )


class _Same:
    """The filled value at every position of a column, without a list of them."""

    def __init__(self, value: object) -> None:
        self._value = value

    def __getitem__(self, at: int) -> object:
        return self._value


Column = Sequence[object] | _Same  # a field's value for each hero, by its position in ids


def _same(values: Mapping[str, object]) -> dict[str, Column]:
    return {f: _Same(value) for f, value in values.items()}


def _write(
    repository: HeroRepository,
    ids: Sequence[int],
    seen: Mapping[str, Column],
    new: Mapping[str, Column],
    *,
    check: bool,
    report: Callable[[int, int], None] | None = None,
) -> None:
    """Write ``new`` over ``seen`` (both aligned with ``ids``), in one transaction or none."""
    total = len(ids)
    with repository.store.transaction() as transaction:
        for start in range(0, total, BATCH_HEROES):
            for at in range(start, min(start + BATCH_HEROES, total)):
                _write_one(transaction, ids[at], seen, new, at, check)
            if report is not None:
                report((total + min(start + BATCH_HEROES, total)) // 2, total)
    repository.refresh()


def _write_one(
    transaction: HeroTransaction,
    hero_id: int,
    seen: Mapping[str, Column],
    new: Mapping[str, Column],
    at: int,
    check: bool,
) -> None:
    current = transaction.get(hero_id)
    if current is None:
        raise HeroNotFoundError(hero_id)
    if check and any(getattr(current, f) != column[at] for f, column in seen.items()):
        raise ConflictError(hero_id, current)
    values: dict[str, Any] = {f: column[at] for f, column in new.items()}
    transaction.update(hero_id, values)
