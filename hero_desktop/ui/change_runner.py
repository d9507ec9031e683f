"""The one way heroes change: every add, edit, delete, import, undo and redo runs here.

``ChangeRunner.run`` sends an operation (hero_desktop.data.operations) to the
data worker and, in one place for all of them:

* asks "Use Mine / Keep Theirs" when another program changed the hero since
  it was shown, and runs the operation again with ``force`` if the user says so;
* turns every other failure into a message (the caller's ``failed`` gets the
  error too, so a dialog can keep what was typed);
* logs it in the data worker right after its commit (so a change that
  commits while the window closes is in the log too), then records it on the
  undo stack;
* emits ``changed`` with the operation's ChangeSummary, from which the table,
  the counts and the search refresh.

Changes run one after another in the order asked: an undo asked while an add
is still being written undoes that add, not the change before it. Undo and
Redo are intents, queued like any change: ``undoAvailable`` and
``redoAvailable`` say what the stack *will* allow once the queue has run, so
Ctrl+Z, Ctrl+Shift+Z, Ctrl+Z pressed faster than the answers come all act, in
order.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from hero_desktop.data.errors import (
    ConflictError,
    HeroError,
    HeroNotFoundError,
)
from hero_desktop.data.heroes import HeroRepository
from hero_desktop.data.operations import (
    ChangeSummary,
    DeleteHeroes,
    EditHero,
    Operation,
)
from hero_desktop.data.words import Words
from hero_desktop.ui.data_worker import DataClient
from hero_desktop.ui.menu_text import literal, without_mnemonic
from hero_desktop.ui.message_bar import MessageKind
from hero_desktop.ui.overrides import override
from hero_desktop.ui.prompts import Prompts

# Each committed change is logged after its transaction commits: the log is
# the app's record of what it told the user was done.
log = logging.getLogger("hero_desktop.changes")

Done = Callable[[ChangeSummary], None]
Failed = Callable[[HeroError], None]
OUTCOME = {"do": "done", "undo": "undone", "redo": "redone"}  # (for the log)


class ChangeRunnerWords(Words):
    """The translation context of the Undo and Redo entries and the change runner's messages."""


class HeroCommand(QUndoCommand):
    """An operation on the undo stack. The work is done by the runner before the stack moves."""

    def __init__(self, operation: Operation) -> None:
        super().__init__(operation.label)
        self.operation = operation

    def menu_text(self, undo: bool) -> str:
        """The Undo (or Redo) entry that names this change ("&Undo Add Tom&&Jerry")."""
        return step_text(self.operation, undo)

    @override
    def redo(self) -> None:
        pass

    @override
    def undo(self) -> None:
        pass


@dataclass
class _Change:
    step: str  # "do", "undo" or "redo"
    operation: Operation | None  # for undo and redo: the stack's, once the change's turn comes
    done: Done | None = None
    failed: Failed | None = None
    force: bool = False
    at_index: int | None = None  # undo, redo: the stack index they were pressed for


class ChangeRunner(QObject):
    changed = Signal(object)  # a ChangeSummary, after a commit
    succeeded = Signal()  # a change, an undo or a redo was written (before its callback)
    # What the user should read about the last change, and its MessageKind.
    message = Signal(str, object)
    # A committed change in words, for screen readers: the window paints its rows,
    # which a screen reader does not read by itself ("Done: Add Night Owl.").
    announced = Signal(str)
    undoAvailable = Signal(bool)  # noqa: N815 - an Undo pressed now would undo something
    redoAvailable = Signal(bool)  # noqa: N815 - a Redo pressed now would redo something

    def __init__(self, client: DataClient, prompts: Prompts, parent: QObject | None = None):
        super().__init__(parent)
        self.client = client
        self.prompts = prompts
        self.stack = QUndoStack(self)
        self._queue: deque[_Change] = deque()
        self._running: _Change | None = None
        self._available = (False, False)
        self.stack.indexChanged.connect(self._tell_available)

    def run(
        self, operation: Operation, done: Done | None = None, failed: Failed | None = None
    ) -> None:
        """Apply a new change; on success it goes on the undo stack."""
        self._enqueue(_Change("do", operation, done, failed))

    def undo(self) -> None:
        self._enqueue(_Change("undo", None, at_index=self._projected_index()))

    def redo(self) -> None:
        self._enqueue(_Change("redo", None, at_index=self._projected_index()))

    def _projected_index(self) -> int:
        changes = ([self._running] if self._running is not None else []) + list(self._queue)
        return self._projected(self.stack.index(), changes)[0]

    def is_idle(self) -> bool:
        return self._running is None and not self._queue

    def pending_labels(self) -> list[str]:
        """What the changes not yet written do, in order ("Edit Age of Tom", "Undo Add Tom")."""
        changes = ([self._running] if self._running is not None else []) + list(self._queue)
        return [_label(change) for change in changes]

    # -- running -------------------------------------------------------------------

    def _enqueue(self, change: _Change) -> None:
        self._queue.append(change)
        if self._running is None:
            self._next()
        self._tell_available()

    def _projected(self, index: int, changes: list[_Change]) -> tuple[int, int]:
        """The undo stack's index and size once ``changes`` have run (if all succeed)."""
        count = self.stack.count()
        for change in changes:
            if change.step == "do":
                index += 1
                count = index
            elif change.step == "undo":
                index = max(0, index - 1)
            else:
                index = min(count, index + 1)
        return index, count

    def _tell_available(self) -> None:
        changes = ([self._running] if self._running is not None else []) + list(self._queue)
        index, count = self._projected(self.stack.index(), changes)
        available = (index > 0, index < count)
        if available != self._available:
            self._available = available
            self.undoAvailable.emit(available[0])
            self.redoAvailable.emit(available[1])

    def _next(self) -> None:
        while self._queue and self._running is None:
            change = self._queue.popleft()
            if change.step != "do":
                if change.at_index is not None and change.at_index != self.stack.index():
                    # A change asked before it was not saved: this Undo (or Redo) was
                    # meant for a stack that never came to be, so it does nothing.
                    self.message.emit(_skipped(change.step), MessageKind.WARNING)
                    continue
                position = self.stack.index() - (1 if change.step == "undo" else 0)
                command = self._command(position)
                if command is None:
                    continue  # nothing to undo or redo
                change.operation = command.operation
            self._start(change)

    def _start(self, change: _Change) -> None:
        self._running = change
        assert change.operation is not None
        self.client.ask(
            _logged(change.step, change.operation, change.force),
            lambda summary: self._succeeded(change, summary),
            lambda error: self._failed(change, error),
        )

    def _finish(self) -> None:
        self._running = None
        self._next()
        self._tell_available()

    def _succeeded(self, change: _Change, summary: ChangeSummary) -> None:
        try:
            self._record(change, summary)
        finally:
            self._finish()  # whatever a callback does, the next change gets its turn

    def _record(self, change: _Change, summary: ChangeSummary) -> None:
        if change.step == "do" and change.operation is not None:
            self.stack.push(HeroCommand(change.operation))
        elif change.step == "undo":
            self.stack.undo()
        else:
            self.stack.redo()
        self.succeeded.emit()
        self.changed.emit(summary)
        self.announced.emit(_done(change))
        if change.done is not None:
            change.done(summary)

    def _failed(self, change: _Change, error: BaseException) -> None:
        if (
            isinstance(error, ConflictError)
            and not change.force
            and self.prompts.overwrite_conflict(_action(change), _mine(change), error.current)
        ):
            change.force = True  # "Use Mine": written again, over theirs
            self._start(change)
            return
        try:
            self._report(change, error)
        finally:
            self._finish()

    def _report(self, change: _Change, error: BaseException) -> None:
        if isinstance(error, ConflictError) and not change.force:
            if change.step == "do" and isinstance(change.operation, EditHero):
                kept = ChangeRunnerWords.tr(
                    "Kept the values another program wrote; your edit was not saved."
                )
            else:
                kept = ChangeRunnerWords.tr(
                    "Kept the values another program wrote; nothing was changed."
                )
            self.message.emit(kept, MessageKind.WARNING)
            self.changed.emit(ChangeSummary(changed=(error.hero_id,)))
        elif isinstance(error, HeroError):
            self.message.emit(error.message, MessageKind.ERROR)
            if isinstance(error, HeroNotFoundError):
                self.changed.emit(ChangeSummary(everything=True))
        else:
            raise error
        if change.failed is not None and isinstance(error, HeroError):
            change.failed(error)

    def _command(self, position: int) -> HeroCommand | None:
        if not 0 <= position < self.stack.count():
            return None
        command = self.stack.command(position)
        return command if isinstance(command, HeroCommand) else None


def _logged(
    step: str, operation: Operation, force: bool
) -> Callable[[HeroRepository], ChangeSummary]:
    """The worker's work for one change: apply or revert it, and log it once committed."""

    def work(repository: HeroRepository) -> ChangeSummary:
        if step == "undo":
            summary = operation.revert(repository, force)
        else:
            summary = operation.apply(repository, force)
        log.info("%s %s: ids %s", operation.label, OUTCOME[step], list(summary.ids[:20]))
        return summary

    return work


def _label(change: _Change) -> str:
    if change.step == "do":
        return change.operation.label if change.operation is not None else ""
    return without_mnemonic(step_text(change.operation, change.step == "undo"))


def _done(change: _Change) -> str:
    label = change.operation.label if change.operation is not None else ""
    if change.step == "undo":
        return ChangeRunnerWords.tr("Undone: {change}.").format(change=label)
    if change.step == "redo":
        return ChangeRunnerWords.tr("Redone: {change}.").format(change=label)
    return ChangeRunnerWords.tr("Done: {change}.").format(change=label)


def _skipped(step: str) -> str:
    if step == "undo":
        return ChangeRunnerWords.tr("Undo skipped: the change before it was not saved.")
    return ChangeRunnerWords.tr("Redo skipped: the change before it was not saved.")


def _action(change: _Change) -> str:
    """The heading of what the change would write, in the conflict question."""
    if change.step == "undo":
        return ChangeRunnerWords.tr("Undo would write:")
    if change.step == "redo":
        return ChangeRunnerWords.tr("Redo would write:")
    if isinstance(change.operation, EditHero):
        return ChangeRunnerWords.tr("Your edit would write:")
    if isinstance(change.operation, DeleteHeroes):
        return ChangeRunnerWords.tr("Deleting would write:")
    label = change.operation.label if change.operation else ""
    return ChangeRunnerWords.tr("{change} would write:").format(change=label)


def _mine(change: _Change) -> Mapping[str, object]:
    operation = change.operation
    if operation is None:
        return {}
    if change.step != "do":
        return {"change": operation.label}
    if isinstance(operation, EditHero):
        return {operation.field: operation.value}
    if isinstance(operation, DeleteHeroes):
        names = ", ".join(hero.name for hero in operation.heroes[:3])
        return {"name": names, "age": ChangeRunnerWords.tr("(deleted)")}
    return {"change": operation.label}


def step_text(operation: Operation | None, undo: bool) -> str:
    """The Undo (or Redo) entry that names ``operation`` by its label, as Qt's own
    undo stack does ("Undo %1"); the label (the user's names in it) shown as written.

    No operation yet: plain "&Undo" or "&Redo".
    """
    if operation is None:
        return ChangeRunnerWords.tr("&Undo") if undo else ChangeRunnerWords.tr("&Redo")
    change = literal(operation.label)
    if undo:
        return ChangeRunnerWords.tr("&Undo {change}").format(change=change)
    return ChangeRunnerWords.tr("&Redo {change}").format(change=change)
