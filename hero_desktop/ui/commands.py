"""Undoable commands: the one path by which heroes change.

A command's work is done by ``apply()`` (do, or redo) and ``revert()``
(undo), which call the repository and may fail: the hero was changed or
deleted elsewhere, the database is busy. ``HeroUndoStack`` runs that work
first and moves QUndoStack's index only when it succeeded, so the stack
never claims a change that did not happen. QUndoStack still provides the
history, the menu texts and the clean state.

Attribute names avoid Qt method names (``hero_id``, never ``id``): shiboken
finds an instance attribute before the C++ virtual and crashes: a command
that stored ``self.id`` segfaulted inside QUndoStack.push, which calls the
previous command's ``id()``.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QUndoCommand, QUndoStack
from typing_extensions import override

from hero_desktop.data.errors import HeroNotFoundError
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.models import HeroCreate, HeroRow, HeroUpdate

# Each committed change is logged after its transaction commits: the log is
# the app's record of what it told the user was done.
log = logging.getLogger("hero_desktop.changes")


class HeroCommand(QUndoCommand):
    """A change that has already been applied when it is pushed."""

    def __init__(self, repository: HeroRepository, label: str) -> None:
        super().__init__(label)
        self.repository = repository
        self.changed_ids: list[int] = []
        self.force = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    # QUndoStack calls these when it moves; the work was done before.
    @override
    def redo(self) -> None:
        pass

    @override
    def undo(self) -> None:
        pass


class AddHeroCommand(HeroCommand):
    def __init__(self, repository: HeroRepository, values: HeroCreate) -> None:
        super().__init__(repository, f"Add {values.name}")
        self.values = values
        self.added: HeroRow | None = None

    def apply(self) -> None:
        if self.added is None:
            self.added = self.repository.create(self.values)
        else:
            self.repository.restore(self.added)
        self.changed_ids = [self.added.id]

    def revert(self) -> None:
        assert self.added is not None
        self.repository.delete(self.added.id, expected=None if self.force else self.added)
        self.changed_ids = [self.added.id]


class EditHeroCommand(HeroCommand):
    def __init__(self, repository: HeroRepository, before: HeroRow, field: str, value: object):
        label = {"name": "Name", "age": "Age", "secret_name": "Secret Name"}[field]
        super().__init__(repository, f"Edit {label} of {before.name}")
        self.before = before
        self.field = field
        self.value = value
        self.after: HeroRow | None = None

    def _write(self, value: object, seen: object) -> HeroRow:
        expected = None if self.force else {self.field: seen}
        return self.repository.update(
            self.before.id, HeroUpdate.model_validate({self.field: value}), expected=expected
        )

    def apply(self) -> None:
        self.after = self._write(self.value, getattr(self.before, self.field))
        self.changed_ids = [self.before.id]

    def revert(self) -> None:
        assert self.after is not None
        self._write(getattr(self.before, self.field), getattr(self.after, self.field))
        self.changed_ids = [self.before.id]


class DeleteHeroesCommand(HeroCommand):
    def __init__(self, repository: HeroRepository, heroes: list[HeroRow]) -> None:
        label = f"Delete {heroes[0].name}" if len(heroes) == 1 else f"Delete {len(heroes)} Heroes"
        super().__init__(repository, label)
        self.heroes = heroes
        self.deleted: list[HeroRow] = []

    def apply(self) -> None:
        # Each hero is its own transaction: stop at the first failure, and
        # keep what was done so that undo brings back exactly those.
        self.deleted = []
        missing: list[int] = []
        try:
            for hero in self.heroes:
                expected = None if self.force else hero
                try:
                    self.deleted.append(self.repository.delete(hero.id, expected=expected))
                except HeroNotFoundError:
                    missing.append(hero.id)
        finally:
            self.changed_ids = [hero.id for hero in self.deleted]
        if missing:
            raise HeroNotFoundError(missing[0])

    def revert(self) -> None:
        restored: list[HeroRow] = []
        try:
            for hero in self.deleted:
                restored.append(self.repository.restore(hero))
        finally:
            self.changed_ids = [hero.id for hero in restored]


class HeroUndoStack(QUndoStack):
    """A QUndoStack whose commands do their work before the index moves."""

    def run(self, command: HeroCommand) -> None:
        """Apply a new command and record it.

        On failure it raises; what was done before the failure (part of a
        multi-hero delete) is still recorded, so that it can be undone.
        """
        try:
            command.apply()
        except Exception:
            if command.changed_ids:
                self.push(command)
                _log_done(command, "done (partly)")
            raise
        self.push(command)
        _log_done(command, "done")

    def run_undo(self, force: bool = False) -> HeroCommand | None:
        return self._step(self._command(self.index() - 1), undo=True, force=force)

    def run_redo(self, force: bool = False) -> HeroCommand | None:
        return self._step(self._command(self.index()), undo=False, force=force)

    def _step(self, command: HeroCommand | None, *, undo: bool, force: bool) -> HeroCommand | None:
        if command is None:
            return None
        command.force = force
        command.changed_ids = []
        move = self.undo if undo else self.redo
        label = "undone" if undo else "redone"
        try:
            if undo:
                command.revert()
            else:
                command.apply()
        except Exception:
            if command.changed_ids:
                move()
                _log_done(command, f"{label} (partly)")
            raise
        finally:
            command.force = False
        move()
        _log_done(command, label)
        return command

    def pending_undo(self) -> HeroCommand | None:
        return self._command(self.index() - 1)

    def pending_redo(self) -> HeroCommand | None:
        return self._command(self.index())

    def _command(self, position: int) -> HeroCommand | None:
        if not 0 <= position < self.count():
            return None
        command = self.command(position)
        return command if isinstance(command, HeroCommand) else None


def _log_done(command: HeroCommand, outcome: str) -> None:
    log.info("%s %s: ids %s", command.text(), outcome, command.changed_ids)
