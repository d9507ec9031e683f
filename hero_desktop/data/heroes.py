"""The hero repository: the one place that reads and writes heroes.

It mirrors the tutorial's endpoints (create, list with offset/limit, read
one, partial update, delete) and adds what a desktop needs: paging under a
sort and search, restoring a deleted hero with its id (undo), and refusing
to overwrite a hero that another program changed since the user saw it.
Every write is one transaction of the store, committed at once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from hero_desktop.data.errors import (
    CannotAddError,
    ConflictError,
    HeroIdTakenError,
    HeroNotFoundError,
)
from hero_desktop.data.query import HeroQuery
from hero_desktop.data.rows import MAX_LIMIT, HeroRow
from hero_desktop.data.store import EstimatingPager, HeroStore, HeroTransaction, Pager
from hero_desktop.data.words import Words

if TYPE_CHECKING:
    from hero_desktop.data.csv_io import ImportResult, Progress
    from hero_desktop.data.csv_reading import CsvLayout

    # Imported where they validate: reading pages needs no pydantic.
    from hero_desktop.data.models import HeroCreate, HeroUpdate


class HeroesWords(Words):
    """The translation context of the hero repository's refusals."""


class HeroRepository:
    """Heroes in one store. Not thread-safe: one repository per thread.

    It speaks only the store protocol (``hero_desktop.data.store``): no
    driver, no SQL.
    """

    def __init__(self, store: HeroStore) -> None:
        self.store = store
        self._pagers: dict[HeroQuery, Pager] = {}
        self._counts: dict[HeroQuery, int] = {}
        """What ``count`` found for queries whose pager is cached (dropped with it)."""
        self._external_change = False

    # -- reading -------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def _sync(self, wait: bool = False) -> None:
        if self.store.changed_elsewhere(wait):
            self._forget()
            self._external_change = True

    def poll_changes(self) -> bool:
        """True once after another program changed the file since the last poll."""
        self._sync(wait=True)
        changed, self._external_change = self._external_change, False
        return changed

    def _pager(self, query: HeroQuery) -> Pager:
        self._sync()
        pager = self._pagers.get(query)
        if pager is None:
            if len(self._pagers) >= 4:
                self._forget()
            pager = self.store.pager(query)
            self._pagers[query] = pager
        return pager

    def refresh(self) -> None:
        """Forget cached page positions, so the next read sees the file as it is."""
        self._forget()

    def _forget(self) -> None:
        self._pagers.clear()
        self._counts.clear()

    def count(self, query: HeroQuery | None = None) -> int:
        query = query or HeroQuery()
        counted = self._pager(query).count()
        self._counts[query] = counted
        return counted

    def count_if_known(self, query: HeroQuery) -> int | None:
        """The count of ``query`` if it costs nothing now: counted before, or a search.

        A search's pager counts its matches as it is made; a whole table (or an
        age filter) is counted by reading a whole index, which on ten million
        heroes takes seconds when the file is not in the OS cache.
        """
        self._sync()  # first: a change elsewhere drops what was counted
        if query in self._counts:
            return self._counts[query]
        if query.search.strip():
            return self.count(query)
        return None

    def page_ahead(
        self, query: HeroQuery, *, offset: int, limit: int
    ) -> tuple[list[HeroRow], bool]:
        """Heroes ``offset`` to ``offset + limit`` (limit at most 100), and whether more follow.

        Never counts (but a page read to its end gives the count). The hero after
        the page is read on its own, from where the page ended (a pager keeps
        where each page it read ends: the next page starts there).
        """
        if offset < 0:
            raise ValueError("offset must not be negative")
        limit = max(0, min(limit, MAX_LIMIT))
        pager = self._pager(query)
        found = pager.rows(offset, limit)
        more = len(found) == limit and bool(pager.rows(offset + limit, 1))
        if not more and (found or offset == 0):
            self._counts[query] = offset + len(found)  # read to the end: that is the count
        return found, more

    def quick_count(self, query: HeroQuery | None = None) -> tuple[int, bool]:
        """The count and whether it is exact: an estimate where counting would read everything.

        Only a store's pager decides (PostgreSQL's, for a search of one or two
        letters, whose exact count reads every name).
        """
        pager = self._pager(query or HeroQuery())
        if isinstance(pager, EstimatingPager):
            total, exact = pager.quick_count()
        else:
            total, exact = pager.count(), True
        if exact:
            self._counts[query or HeroQuery()] = total
        return total, exact

    def page(
        self, query: HeroQuery | None = None, *, offset: int = 0, limit: int = MAX_LIMIT
    ) -> list[HeroRow]:
        """Heroes ``offset`` to ``offset + limit`` in the query's order (limit at most 100)."""
        if offset < 0:
            raise ValueError("offset must not be negative")
        limit = max(0, min(limit, MAX_LIMIT))
        return self._pager(query or HeroQuery()).rows(offset, limit)

    def rank_of(self, hero_id: int, query: HeroQuery | None = None) -> int | None:
        """Position of a hero in the query's order, or None if it is not shown there."""
        return self._pager(query or HeroQuery()).rank_of(hero_id)

    def prepare_pages(self, query: HeroQuery, seconds: float) -> bool:
        """Work ``seconds`` at most towards every page of ``query`` being quick; True: done.

        On ten million heroes the first jump deep into an order finds its page
        checkpoints (1-3 s); done ahead, a bit at a time, every jump is quick.
        """
        return self._pager(query).prepare(seconds)

    def get(self, hero_id: int) -> HeroRow:
        """One hero, or HeroNotFoundError ("Hero not found")."""
        found = self.store.get(hero_id)
        if found is None:
            raise HeroNotFoundError(hero_id)
        return found

    def iterate(self, query: HeroQuery | None = None, batch: int = MAX_LIMIT) -> Iterable[HeroRow]:
        """Every hero the query shows, in its order, one page at a time."""
        query = query or HeroQuery()
        offset = 0
        while True:
            rows = self.page(query, offset=offset, limit=batch)
            yield from rows
            if len(rows) < batch:
                return
            offset += len(rows)

    # -- writing -------------------------------------------------------------

    def _changed(self) -> None:
        self._forget()

    def _check_can_add(self) -> None:
        if self.store.unfillable_columns:
            columns = ", ".join(self.store.unfillable_columns)
            raise CannotAddError(
                HeroesWords.tr(
                    "Heroes cannot be added to this database: its hero table also requires "
                    "{columns}, which Hero Desktop does not know how to fill. "
                    "Viewing, editing and deleting still work."
                ).format(columns=columns)
            )

    def create(self, hero: HeroCreate) -> HeroRow:
        """Add a hero (validated when ``hero`` was made); the database gives it its id."""
        self._check_can_add()
        with self.store.transaction() as transaction:
            hero_id = transaction.insert((hero.name, hero.age, hero.secret_name))
        self._changed()
        return HeroRow(hero_id, hero.name, hero.age, hero.secret_name)

    def update(
        self, hero_id: int, changes: HeroUpdate, *, expected: Mapping[str, Any] | None = None
    ) -> HeroRow:
        """Write only the fields set in ``changes``.

        ``expected`` holds the values the user saw for those fields; if the
        file holds something else now, nothing is written and ConflictError
        carries the current hero.
        """
        fields = changes.model_dump(exclude_unset=True)  # validated when it was made
        with self.store.transaction() as transaction:
            current = _get_in(transaction, hero_id)
            if expected is not None:
                differs = [k for k, v in expected.items() if getattr(current, k) != v]
                if differs:
                    raise ConflictError(hero_id, current)
            if fields:
                transaction.update(hero_id, fields)
        self._changed()
        return current._replace(**fields)

    def delete(self, hero_id: int, *, expected: HeroRow | None = None) -> HeroRow:
        """Delete a hero and return it as it was (for undo)."""
        with self.store.transaction() as transaction:
            current = _get_in(transaction, hero_id)
            if expected is not None and current != expected:
                raise ConflictError(hero_id, current)
            transaction.delete(hero_id)
        self._changed()
        return current

    def restore(self, hero: HeroRow) -> HeroRow:
        """Bring a deleted hero back with the same id; refuse if the id is taken."""
        self._check_can_add()
        with self.store.transaction() as transaction:
            if transaction.get(hero.id) is not None:
                raise HeroIdTakenError(hero.id)
            transaction.insert_with_id(hero)
        self._changed()
        return hero

    def delete_many(self, heroes: list[HeroRow], *, check: bool = True) -> list[HeroRow]:
        """Delete several heroes in one transaction; return those that were there.

        With ``check``, a hero that differs from what the user saw raises
        ConflictError and nothing is deleted. Heroes already gone are skipped;
        when none was left, HeroNotFoundError.
        """
        deleted: list[HeroRow] = []
        with self.store.transaction() as transaction:
            for hero in heroes:
                current = transaction.get(hero.id)
                if current is None:
                    continue
                if check and current != hero:
                    raise ConflictError(hero.id, current)
                deleted.append(current)
            transaction.delete_many([hero.id for hero in deleted])
        self._changed()
        if heroes and not deleted:
            raise HeroNotFoundError(heroes[0].id)
        return deleted

    def restore_many(self, heroes: list[HeroRow]) -> list[HeroRow]:
        """Bring deleted heroes back with their ids, all in one transaction or none."""
        self._check_can_add()
        with self.store.transaction() as transaction:
            for hero in heroes:
                if transaction.get(hero.id) is not None:
                    raise HeroIdTakenError(hero.id)
            transaction.insert_many(heroes)
        self._changed()
        return heroes

    def edit_cells(
        self,
        cells: Sequence[tuple[int, str, object, object]],
        *,
        check: bool = True,
        add: Sequence[HeroCreate | HeroRow] = (),
        remove: Sequence[HeroRow] = (),
    ) -> tuple[list[HeroRow], list[HeroRow]]:
        """Write many cells, add and remove heroes, all in one transaction or none.

        ``cells`` are (hero id, field, value seen, new value). With ``check``,
        a cell whose hero now holds something other than the value seen, or a
        hero to remove that differs from what was seen, raises ConflictError
        and nothing is written. ``add`` takes new heroes (given ids) or heroes
        to bring back with their ids (a redo). Returns the changed heroes as
        written and the added heroes.
        """
        by_hero: dict[int, dict[str, tuple[object, object]]] = {}
        for hero_id, field, seen, value in cells:
            by_hero.setdefault(hero_id, {})[field] = (seen, value)
        if add:
            self._check_can_add()
        changed: list[HeroRow] = []
        added: list[HeroRow] = []
        with self.store.transaction() as transaction:
            for hero_id, fields in by_hero.items():
                current = _get_in(transaction, hero_id)
                if check and any(getattr(current, f) != seen for f, (seen, _) in fields.items()):
                    raise ConflictError(hero_id, current)
                values: dict[str, Any] = {f: value for f, (_, value) in fields.items()}
                transaction.update(hero_id, values)
                changed.append(current._replace(**values))
            for hero in remove:
                current = _get_in(transaction, hero.id)
                if check and current != hero:
                    raise ConflictError(hero.id, current)
            if remove:
                transaction.delete_many([hero.id for hero in remove])
            for new in add:
                if isinstance(new, HeroRow):
                    if transaction.get(new.id) is not None:
                        raise HeroIdTakenError(new.id)
                    transaction.insert_with_id(new)
                    added.append(new)
                else:
                    hero_id = transaction.insert((new.name, new.age, new.secret_name))
                    added.append(HeroRow(hero_id, new.name, new.age, new.secret_name))
        self._changed()
        return changed, added

    def take_range(self, first_id: int, last_id: int) -> list[HeroRow]:
        """Delete the heroes with ids first_id..last_id in one transaction; return them."""
        with self.store.transaction() as transaction:
            taken = transaction.take_range(first_id, last_id)
        self._changed()
        return taken

    def import_csv(
        self,
        path: str | os.PathLike[str],
        progress: Progress | None = None,
        *,
        layout: CsvLayout | None = None,
    ) -> ImportResult:
        """Add every hero in a CSV file, or none of them (see ``csv_io.import_csv``)."""
        from hero_desktop.data.csv_io import import_csv

        try:
            return import_csv(self.store, path, progress, layout=layout)
        finally:
            self._changed()


def _get_in(transaction: HeroTransaction, hero_id: int) -> HeroRow:
    found = transaction.get(hero_id)
    if found is None:
        raise HeroNotFoundError(hero_id)
    return found
