"""Typed errors that the data layer raises and the UI turns into messages.

Every message is written for the person using the app: it says what happened
and, where it can, what to do about it.
"""

from __future__ import annotations

from collections.abc import Mapping

from hero_desktop.data.rows import HeroRow
from hero_desktop.data.words import Words, number


class ErrorWords(Words):
    """The translation context of the data layer's errors."""


class HeroError(Exception):
    """Base of every error the data layer raises on purpose."""

    @property
    def message(self) -> str:
        return str(self)


class HeroNotFoundError(HeroError):
    def __init__(self, hero_id: int) -> None:
        super().__init__(ErrorWords.tr("Hero not found"))
        self.hero_id = hero_id


class InvalidHeroError(HeroError):
    """Input refused by validation; ``messages`` maps a field to its message."""

    def __init__(self, messages: Mapping[str, str]) -> None:
        self.messages = dict(messages)
        super().__init__("; ".join(self.messages.values()))


class HeroIdTakenError(HeroError):
    def __init__(self, hero_id: int) -> None:
        super().__init__(
            ErrorWords.tr(
                "Hero {id} cannot be brought back: another hero now has id {id}. "
                "Nothing was overwritten."
            ).format(id=hero_id)
        )
        self.hero_id = hero_id


class ConflictError(HeroError):
    """The hero changed in the file since the user last saw it."""

    def __init__(self, hero_id: int, current: HeroRow) -> None:
        super().__init__(
            ErrorWords.tr("Hero {id} was changed by another program since it was shown.").format(
                id=hero_id
            )
        )
        self.hero_id = hero_id
        self.current = current


class DatabaseError(HeroError):
    """The database could not do what was asked; the message says why."""


class DatabaseBusyError(DatabaseError):
    def __init__(self) -> None:
        super().__init__(
            ErrorWords.tr(
                "The database is busy: another program is writing to it. "
                "Nothing was changed; try again in a moment."
            )
        )


class ServerUnreachableError(DatabaseError):
    """The database server could not be reached (down, wrong host or port, network)."""


class PasswordNeededError(DatabaseError):
    """The server asks for a password that was not given, or refused the one given."""


class ReadOnlyDatabaseError(DatabaseError):
    def __init__(self) -> None:
        super().__init__(ErrorWords.tr("This database is open read-only, so it cannot be changed."))


class DiskFullError(DatabaseError):
    def __init__(self) -> None:
        super().__init__(
            ErrorWords.tr(
                "The disk is full (or the database reached its size limit). "
                "Nothing was changed; free some space and try again."
            )
        )


class NotADatabaseError(DatabaseError):
    def __init__(self, path: object) -> None:
        super().__init__(
            ErrorWords.tr("{path} is not a SQLite database. The file was left untouched.").format(
                path=path
            )
        )


class DamagedDatabaseError(DatabaseError):
    def __init__(self, path: object, detail: str) -> None:
        super().__init__(
            ErrorWords.tr(
                "{path} is damaged ({detail}). The file was left untouched; "
                "restore it from a backup."
            ).format(path=path, detail=detail)
        )


class SchemaError(DatabaseError):
    """The file has a ``hero`` table of a shape Hero Desktop cannot use."""


class CannotAddError(DatabaseError):
    """The table needs columns the app cannot fill, so heroes cannot be added."""


class ImportFailedError(HeroError):
    """A CSV file was refused and nothing was imported.

    ``problems`` lists the first problems as (line number, reason);
    ``total_problems`` counts them all.
    """

    def __init__(self, problems: list[tuple[int, str]], total_problems: int) -> None:
        self.problems = problems
        self.total_problems = total_problems
        lines = [
            ErrorWords.tr("Nothing was imported: the file has %Ln problem(s).", "", total_problems)
        ]
        lines += (
            ErrorWords.tr("Line {line}: {reason}").format(line=number(line), reason=reason)
            if line
            else reason
            for line, reason in problems[:10]
        )
        more = total_problems - min(len(problems), 10)
        if more > 0:
            lines.append(ErrorWords.tr("…and %Ln more problem(s).", "", more))
        super().__init__("\n".join(lines))


class OperationCancelledError(HeroError):
    """The user cancelled a long operation (import or export); nothing was changed."""


class StatementInterruptedError(OperationCancelledError, DatabaseError):
    """A statement was interrupted because a newer request took its place (not by the user)."""
