"""Changes to heroes as values: what to do, how to undo it, and what changed.

Every change the app makes (add, edit, delete, import, and their undo and
redo) is one of these operations, run by the UI's change runner in the data
worker. ``apply`` and ``revert`` call the repository, each in one
transaction, and return a ``ChangeSummary`` from which the views refresh.
They know nothing of Qt, so a script or a test can run them directly.

``force`` writes even when another program changed the hero since the user
saw it (the user chose "Use Mine"); without it such a change raises
ConflictError and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from hero_desktop.data.errors import OperationCancelledError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.rows import HeroRow
from hero_desktop.data.words import Words

if TYPE_CHECKING:
    # Imported where they are used: the window starts without CSV or pydantic.
    from hero_desktop.data.cell_paste import CellChange
    from hero_desktop.data.csv_io import Progress
    from hero_desktop.data.csv_reading import CsvLayout
    from hero_desktop.data.models import HeroCreate


class OperationsWords(Words):
    """The translation context of the changes' names (the Undo and Redo entries)."""


@dataclass(frozen=True)
class ChangeSummary:
    """What one committed change did, for the views to refresh from."""

    added: tuple[int, ...] = ()
    changed: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()
    everything: bool = False  # too many to list (an import): reload whatever is shown
    field: str | None = None  # the one field an edit changed, for the cursor to land on
    rows: tuple[HeroRow, ...] = ()  # the changed heroes as committed, read in the same transaction

    @property
    def shown_id(self) -> int | None:
        """The hero the user should see after the change, if one still exists."""
        present = self.added or self.changed
        return present[0] if present else None

    @property
    def ids(self) -> tuple[int, ...]:
        return self.added + self.changed + self.removed


class Operation(Protocol):
    @property
    def label(self) -> str: ...

    def apply(self, repository: HeroRepository, force: bool) -> ChangeSummary: ...

    def revert(self, repository: HeroRepository, force: bool) -> ChangeSummary: ...


@dataclass
class AddHero:
    values: HeroCreate
    added: HeroRow | None = None

    @property
    def label(self) -> str:
        return OperationsWords.tr("Add {name}").format(name=self.values.name)

    def apply(self, repository: HeroRepository, force: bool) -> ChangeSummary:
        if self.added is None:
            self.added = repository.create(self.values)
        else:
            repository.restore(self.added)  # redo keeps the id
        return ChangeSummary(added=(self.added.id,))

    def revert(self, repository: HeroRepository, force: bool) -> ChangeSummary:
        assert self.added is not None
        repository.delete(self.added.id, expected=None if force else self.added)
        return ChangeSummary(removed=(self.added.id,))


@dataclass
class EditHero:
    before: HeroRow
    field: str
    value: object
    after: HeroRow | None = None

    @property
    def label(self) -> str:
        if self.field == "name":
            label = OperationsWords.tr("Edit Name of {name}")
        elif self.field == "age":
            label = OperationsWords.tr("Edit Age of {name}")
        else:
            label = OperationsWords.tr("Edit Secret Name of {name}")
        return label.format(name=self.before.name)

    def _write(
        self, repository: HeroRepository, value: object, seen: object, force: bool
    ) -> ChangeSummary:
        from hero_desktop.data.models import HeroUpdate

        # ``value`` was validated where it was typed (or, for an undo, read from the
        # file): it is written as it is, not checked again.
        expected = None if force else {self.field: seen}
        changes = HeroUpdate.model_construct(_fields_set={self.field})
        setattr(changes, self.field, value)
        written = repository.update(self.before.id, changes, expected=expected)
        return ChangeSummary(changed=(self.before.id,), field=self.field, rows=(written,))

    def apply(self, repository: HeroRepository, force: bool) -> ChangeSummary:
        summary = self._write(repository, self.value, getattr(self.before, self.field), force)
        self.after = summary.rows[0]
        return summary

    def revert(self, repository: HeroRepository, force: bool) -> ChangeSummary:
        assert self.after is not None
        seen = getattr(self.after, self.field)
        return self._write(repository, getattr(self.before, self.field), seen, force)


@dataclass
class EditCells:
    """Many cells written at once (a paste or a fill), and new heroes: one transaction.

    ``cells`` hold the value each cell showed before and its new value;
    undo writes back the values before and removes the heroes added, redo
    writes the new values again and brings those heroes back with their ids.
    """

    verb: str  # "Paste", "Fill": a key (the label is said in the user's language)
    cells: tuple[CellChange, ...]
    new_heroes: tuple[HeroCreate, ...] = ()
    added: list[HeroRow] = field(default_factory=list)

    @property
    def label(self) -> str:
        cells, heroes = len(self.cells), len(self.new_heroes)
        if self.verb == "Fill":  # a fill adds no heroes
            return OperationsWords.tr("Fill %Ln Cell(s)", "", cells)
        if cells and heroes:
            # Two counts: each is its own plural, put in the sentence by name.
            return OperationsWords.tr("Paste {cells} and {new_heroes}").format(
                cells=OperationsWords.tr("%Ln Cell(s)", "Paste … and …", cells),
                new_heroes=OperationsWords.tr("%Ln New Hero(es)", "Paste … and …", heroes),
            )
        if heroes:
            return OperationsWords.tr("Paste %Ln New Hero(es)", "", heroes)
        return OperationsWords.tr("Paste %Ln Cell(s)", "", cells)

    @property
    def field(self) -> str | None:
        """The one field every cell is of, if they share one."""
        fields = {cell.field for cell in self.cells}
        return fields.pop() if len(fields) == 1 else None

    def apply(self, repository: HeroRepository, force: bool) -> ChangeSummary:
        writes = [(c.hero_id, c.field, c.before, c.after) for c in self.cells]
        new: tuple[HeroCreate | HeroRow, ...] = tuple(self.added) or self.new_heroes
        changed, self.added = repository.edit_cells(writes, check=not force, add=new)
        return self._summary(changed, added=tuple(hero.id for hero in self.added))

    def revert(self, repository: HeroRepository, force: bool) -> ChangeSummary:
        writes = [(c.hero_id, c.field, c.after, c.before) for c in self.cells]
        changed, _ = repository.edit_cells(writes, check=not force, remove=self.added)
        return self._summary(changed, removed=tuple(hero.id for hero in self.added))

    def _summary(
        self, changed: list[HeroRow], added: tuple[int, ...] = (), removed: tuple[int, ...] = ()
    ) -> ChangeSummary:
        return ChangeSummary(
            added=added,
            changed=tuple(hero.id for hero in changed),
            removed=removed,
            field=self.field if not (added or removed) else None,
            rows=tuple(changed),
        )


@dataclass
class DeleteHeroes:
    """Deletes several heroes in one transaction; undo brings back exactly those."""

    heroes: list[HeroRow]
    deleted: list[HeroRow] = field(default_factory=list)

    @property
    def label(self) -> str:
        if len(self.heroes) == 1:
            return OperationsWords.tr("Delete {name}").format(name=self.heroes[0].name)
        return OperationsWords.tr("Delete %Ln Hero(es)", "", len(self.heroes))

    def apply(self, repository: HeroRepository, force: bool) -> ChangeSummary:
        self.deleted = repository.delete_many(self.heroes, check=not force)
        return ChangeSummary(removed=tuple(hero.id for hero in self.deleted))

    def revert(self, repository: HeroRepository, force: bool) -> ChangeSummary:
        repository.restore_many(self.deleted)
        return ChangeSummary(added=tuple(hero.id for hero in self.deleted))


@dataclass
class ImportHeroes:
    """A CSV import as one undoable step: undo removes what it added, redo puts it back."""

    path: Path
    progress: Progress | None = None
    layout: CsvLayout | None = None  # what inspect_csv found (read again when None)
    imported: int = 0
    first_id: int | None = None
    last_id: int | None = None
    removed_rows: list[HeroRow] = field(default_factory=list)

    @property
    def label(self) -> str:
        return OperationsWords.tr("Import {file}").format(file=self.path.name)

    def apply(self, repository: HeroRepository, force: bool) -> ChangeSummary:
        if self.removed_rows:  # redo: the same heroes with the same ids
            repository.restore_many(self.removed_rows)
            self.removed_rows = []
        else:
            result = repository.import_csv(self.path, self.progress, layout=self.layout)
            self.imported, self.first_id, self.last_id = (
                result.imported,
                result.first_id,
                result.last_id,
            )
        first = () if self.first_id is None else (self.first_id,)
        return ChangeSummary(added=first, everything=True)

    def revert(self, repository: HeroRepository, force: bool) -> ChangeSummary:
        if self.first_id is None or self.last_id is None:
            raise OperationCancelledError(
                OperationsWords.tr(
                    "This import cannot be undone: its heroes did not get ids in one range."
                )
            )
        self.removed_rows = repository.take_range(self.first_id, self.last_id)
        return ChangeSummary(everything=True)
